//! The validated scenario: ids resolved to typed indices, positions as [`GeoPoint`]s, times as
//! [`SimTime`]/[`SimDuration`], every number in SI units. The engine reads only this.

use crate::deal::Weighted;
use crate::library::{
    AircraftIndex, Library, MunitionIndex, SensorIndex, SystemIndex, ThreatClass, ThreatIndex,
};
use crate::places::Place;
use canopy_core::{NationId, SimDuration, SimTime};
use canopy_geo::{Borders, CountryCode, GeoPoint, ZoneShape};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A validated scenario.
#[derive(Clone, Debug)]
pub struct Scenario {
    /// Short name.
    pub name: String,
    /// Free text (empty when not given).
    pub description: String,
    /// The start instant as written (RFC 3339, UTC).
    pub start_utc: String,
    /// The start instant in whole seconds since the Unix epoch.
    pub start_unix_s: i64,
    /// The start instant in microseconds since the Unix epoch.
    pub start_unix_us: i64,
    /// Hard cap of a run.
    pub duration: SimDuration,
    /// Master seed.
    pub seed: u64,
    /// Engine time step.
    pub step: SimDuration,
    /// Time between two decision cycles of C2.
    pub decision_cycle: SimDuration,
    /// Where the modelled theatre begins.
    pub theatre: Theatre,
    /// Nations, in file order; `nations[i].id == NationId(i)`.
    pub nations: Vec<Nation>,
    /// Ground-based air-defence sites.
    pub sites: Vec<Site>,
    /// Fighter patrols.
    pub patrols: Vec<Patrol>,
    /// Raids of threats.
    pub raids: Vec<Raid>,
    /// The raids' distinct aim points, in order of first mention, each with its value.
    pub aim_points: Vec<AimPoint>,
    /// Sensors: radars, airborne early warning, acoustic networks.
    pub sensors: Vec<SensorSite>,
    /// Electronic warfare areas, where drones and decoys may lose their way.
    pub ew: Vec<EwArea>,
    /// Engagement, no-fire and approval-required zones.
    pub zones: Vec<Zone>,
    /// Who approves engagements, and how long it takes.
    pub authority: Authority,
    /// What command and control can tell apart.
    pub c2: C2Settings,
    /// What a Monte Carlo treats as unknown beyond the dice.
    pub uncertainty: Uncertainty,
    /// The type library the scenario's ids refer to.
    pub library: Library,
}

/// `[uncertainty]`: parameter uncertainty for Monte Carlo runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Uncertainty {
    /// Draw every library number that carries a `range` (threat speeds and radar cross-sections,
    /// munition kill probabilities) uniformly from that range, once per replication.
    pub sample_library_ranges: bool,
}

/// Where the model starts following the threats.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Theatre {
    /// Every threat is followed over its whole flight, from its launch point (a scenario without
    /// `[theatre]` keys).
    WholeFlights,
    /// Threats appear where their route crosses a meridian; a share is destroyed before.
    FromMeridian(EntryMeridian),
}

/// A theatre whose eastern edge is a meridian.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EntryMeridian {
    /// Threats appear where their route first crosses this meridian going west (or at launch,
    /// when launched west of it).
    pub entry_meridian_rad: f64,
    /// Probability that a threat is destroyed outside the model before it enters the theatre.
    pub en_route_attrition: f64,
}

impl Theatre {
    /// The entry meridian, for a theatre that has one.
    pub fn entry_meridian(&self) -> Option<EntryMeridian> {
        match *self {
            Theatre::WholeFlights => None,
            Theatre::FromMeridian(entry) => Some(entry),
        }
    }
}

/// `[[ew]]`: electronic warfare over an area. Each drone or decoy flying into the area loses its
/// way with probability `lost_share` (once per pass); missiles are not affected.
#[derive(Clone, Debug)]
pub struct EwArea {
    /// Id, unique among EW areas.
    pub id: String,
    /// The nation that jams.
    pub nation: NationId,
    /// Where.
    pub shape: ZoneShape,
    /// Probability that a drone or decoy flying into the area loses its way.
    pub lost_share: f64,
}

impl EwArea {
    /// The threat classes that electronic warfare leads astray: drones and decoys, which navigate
    /// by satellite; cruise and ballistic missiles navigate by inertia and terrain matching too.
    pub const CLASSES: [ThreatClass; 2] = [ThreatClass::Drone, ThreatClass::Decoy];

    /// Whether electronic warfare affects threats of this class.
    pub fn affects(class: ThreatClass) -> bool {
        Self::CLASSES.contains(&class)
    }
}

/// A nation: Ukraine (`coalition == false`) or a coalition member helping it.
#[derive(Clone, Debug)]
pub struct Nation {
    /// Its position in [`Scenario::nations`].
    pub id: NationId,
    /// ISO 3166-1 alpha-2 code.
    pub code: CountryCode,
    /// Display name.
    pub name: String,
    /// A coalition member (`true`) or Ukraine itself (`false`).
    pub coalition: bool,
    /// Its rules of engagement; always present for a nation with sites or patrols.
    pub rules: Option<Rules>,
}

/// A nation's rules of engagement.
#[derive(Clone, Debug, PartialEq)]
pub struct Rules {
    /// The threat classes it may engage.
    pub threat_classes: Vec<ThreatClass>,
    /// Least distance (metres) of an intercept point from each of these countries.
    pub min_distance_from: Vec<(CountryCode, f64)>,
    /// Refuse any engagement whose debris footprint touches NATO territory.
    pub forbid_debris_on_nato: bool,
    /// The cost (USD) the `wta` planner weighs for a kill whose debris footprint touches a
    /// populated area (0: not weighed).
    pub populated_debris_cost_usd: f64,
}

impl Rules {
    /// Whether the rules allow engaging a threat of this class.
    pub fn allows_class(&self, class: ThreatClass) -> bool {
        self.threat_classes.contains(&class)
    }
}

/// What a zone means for the nations it lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ZoneKind {
    /// The nations may engage inside (and, without any engagement zone covering a point, not there).
    Engagement,
    /// The nations may not engage inside, whatever their engagement zones say.
    NoFire,
    /// Every engagement inside needs per-engagement approval, even under delegated authority.
    ApprovalRequired,
}

/// An area where a rule applies to some nations.
#[derive(Clone, Debug)]
pub struct Zone {
    /// Id, unique among zones.
    pub id: String,
    /// What the zone means.
    pub kind: ZoneKind,
    /// The nations it applies to.
    pub nations: Vec<NationId>,
    /// Its shape.
    pub shape: ZoneShape,
}

impl Zone {
    /// Whether the zone applies to `nation` at point `p`.
    pub fn applies(&self, nation: NationId, p: GeoPoint) -> bool {
        self.nations.contains(&nation) && self.shape.contains(p)
    }
}

/// A sensor of the type library, placed.
#[derive(Clone, Debug)]
pub struct SensorSite {
    /// Id, unique among sensors.
    pub id: String,
    /// Owning nation.
    pub nation: NationId,
    /// Its sensor type.
    pub sensor: SensorIndex,
    /// Its position: the mast, the orbit's centre or the field's centre.
    pub at: GeoPoint,
    /// Mast, orbit or field.
    pub platform: SensorPlatform,
}

/// Where a sensor's antenna (or microphones) are.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SensorPlatform {
    /// A ground antenna at a height above the ground.
    Mast {
        /// Antenna height (m).
        height_m: f64,
    },
    /// An aircraft flying a circle around the site's position.
    Orbit {
        /// Circle radius (m).
        radius_m: f64,
        /// Altitude (m).
        altitude_m: f64,
        /// Ground speed (m/s).
        speed_mps: f64,
    },
    /// Microphones spread over a disc around the site's position.
    Field {
        /// Disc radius (m).
        radius_m: f64,
    },
}

/// A ground-based air-defence site.
#[derive(Clone, Debug)]
pub struct Site {
    /// Id, unique among sites and patrols.
    pub id: String,
    /// Owning nation.
    pub nation: NationId,
    /// Its system type.
    pub system: SystemIndex,
    /// Position.
    pub at: GeoPoint,
    /// Rounds by munition (each one the system can fire), in file order.
    pub magazine: Vec<(MunitionIndex, u32)>,
}

/// Fighters on a combat air patrol.
#[derive(Clone, Debug)]
pub struct Patrol {
    /// Id, unique among sites and patrols.
    pub id: String,
    /// Owning nation.
    pub nation: NationId,
    /// Aircraft type.
    pub aircraft: AircraftIndex,
    /// Aircraft on station.
    pub count: u32,
    /// Aircraft on the ground at base, ready to take over from one that goes home.
    pub spares: u32,
    /// Rounds per aircraft by munition (each one the aircraft can carry), in file order.
    pub loadout: Vec<(MunitionIndex, u32)>,
    /// Home base.
    pub base: Place,
    /// Centre of the patrol station.
    pub station: GeoPoint,
    /// Altitude on station (m); the aircraft type's default unless given.
    pub altitude_m: f64,
    /// Time on station; the aircraft type's default unless given.
    pub endurance: SimDuration,
    /// First time on station; the scenario start unless given.
    pub on_station: SimTime,
}

/// A raid: threats of one type launched from one place over a time window.
#[derive(Clone, Debug)]
pub struct Raid {
    /// Id, unique among raids.
    pub id: String,
    /// Threat type.
    pub threat: ThreatIndex,
    /// Number of threats.
    pub count: u32,
    /// Launch places with their weights; the threats are dealt over them in proportion.
    pub launches: Vec<Weighted<Place>>,
    /// First and last launch time; launches are spread evenly between them.
    pub window: (SimTime, SimTime),
    /// Aim points with their weights; each launch place's threats are dealt over them in
    /// proportion (in turn, for equal weights).
    pub targets: Vec<Weighted<Place>>,
    /// Waypoints flown in order between launch and target.
    pub via: Vec<GeoPoint>,
}

impl Raid {
    /// The aim points, in file order.
    pub fn target_places(&self) -> impl Iterator<Item = &Place> {
        self.targets.iter().map(|target| &target.item)
    }

    /// Each threat's launch place and aim point, as indices into `launches` and `targets`, in
    /// launch order: see [`crate::deal`].
    pub fn deal(&self) -> Vec<(usize, usize)> {
        crate::deal::deal_raid(self.count, &self.launches, &self.targets)
    }
}

/// An aim point of the raids, as C2 defends it.
#[derive(Clone, Debug)]
pub struct AimPoint {
    /// The place.
    pub place: Place,
    /// What a leaker's strike on it is worth at most (a ballistic missile's), in US dollars:
    /// `[aim_point_value_usd]`, or the library's value of its kind of place.
    pub value_usd: f64,
}

/// Who decides on engagements.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AuthorityMode {
    /// Shooters engage on their own authority (except in approval-required zones).
    Delegated,
    /// Every engagement waits for approval.
    PerEngagement,
}

/// Engagement authority.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Authority {
    /// Delegated or per-engagement.
    pub mode: AuthorityMode,
    /// Time from request to approval, when approval is needed.
    pub approval_delay: SimDuration,
    /// A rule by which approvals are refused, if any.
    pub refusal: Option<Refusal>,
}

/// Approvals of engagements whose intercept point lies within `distance_m` of `country` are
/// refused (after the approval delay).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Refusal {
    /// The country.
    pub country: CountryCode,
    /// The distance within which approvals are refused, metres.
    pub distance_m: f64,
}

impl Authority {
    /// Whether the authority refuses an engagement whose intercept point is `point`.
    pub fn refuses(&self, borders: &Borders, point: GeoPoint) -> bool {
        self.refusal.is_some_and(|rule| {
            borders
                .distance_to_country_m(point, rule.country)
                .is_some_and(|distance| distance <= rule.distance_m)
        })
    }
}

/// The default weight of one US dollar of interceptor cost against one dollar of damage averted
/// (`[c2] cost_weight`). Assumed: a round the defender cannot replace during the night, nor
/// quickly after it, is worth more to it than its price; taken as twice the price (plausible
/// range 1 to 4; docs/methods.md).
pub const DEFAULT_COST_WEIGHT: f64 = 2.0;

/// `[c2]`: what command and control can tell apart, and how it weighs money against damage.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct C2Settings {
    /// Probability, drawn once per threat, that C2 recognises a decoy's track as a decoy
    /// (0: decoys are engaged like the real thing).
    pub decoy_discrimination: f64,
    /// How long a track must have been held before C2 can recognise it as a decoy.
    pub decoy_discrimination_after: SimDuration,
    /// λ: the weight of one US dollar of interceptor cost against one dollar of damage averted
    /// in the WTA planner's objective.
    pub cost_weight: f64,
}

impl Default for C2Settings {
    /// No discrimination, no delay, [`DEFAULT_COST_WEIGHT`].
    fn default() -> Self {
        C2Settings {
            decoy_discrimination: 0.0,
            decoy_discrimination_after: SimDuration::ZERO,
            cost_weight: DEFAULT_COST_WEIGHT,
        }
    }
}

/// What the zones say about one nation engaging at one point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoneVerdict {
    /// Outside all of the nation's engagement zones, or inside one of its no-fire zones.
    Forbidden,
    /// Allowed by the zones; `approval_required` when inside one of its approval-required zones.
    Allowed {
        /// Whether per-engagement approval is needed whatever the authority mode.
        approval_required: bool,
    },
}

impl Scenario {
    /// The instant `time` after the start as ISO-8601 UTC text, to the millisecond
    /// (`2024-07-09T16:00:00.000Z`).
    pub fn utc_at(&self, time: SimTime) -> String {
        crate::clock::utc_text(self.start_unix_us.saturating_add(time.as_micros()))
    }

    /// The zones' verdict on `nation` engaging at `p`: allowed when `p` is inside at least one
    /// engagement zone listing the nation and inside none of the no-fire zones listing it;
    /// approval is required when it is also inside an approval-required zone listing it.
    pub fn zone_verdict(&self, nation: NationId, p: GeoPoint) -> ZoneVerdict {
        let inside = |kind: ZoneKind| {
            self.zones
                .iter()
                .any(|zone| zone.kind == kind && zone.applies(nation, p))
        };
        if !inside(ZoneKind::Engagement) || inside(ZoneKind::NoFire) {
            ZoneVerdict::Forbidden
        } else {
            ZoneVerdict::Allowed {
                approval_required: inside(ZoneKind::ApprovalRequired),
            }
        }
    }

    /// The nation with this code.
    pub fn nation_by_code(&self, code: &str) -> Option<&Nation> {
        self.nations.iter().find(|n| n.code.as_str() == code)
    }

    /// Total threats of all raids whose threat type is of `class`.
    pub fn threat_count(&self, class: ThreatClass) -> u32 {
        self.raids
            .iter()
            .filter(|raid| self.library.threat(raid.threat).class == class)
            .map(|raid| raid.count)
            .sum()
    }
}
