//! Everything about a scenario that does not change between replications, computed once: the
//! theatre frame, routes, threat schedule, units and where routes cross into NATO airspace.

use std::collections::BTreeMap;

use canopy_c2::{
    DefendedAsset, Geometry, Magazine, MunitionStock, NationSet, RuleBook, defended_assets,
};
use canopy_core::{
    NationId, PatrolId, PlaceName, SimDuration, SimTime, ThreatId, UnitId, UnitName,
};
use canopy_geo::{CountryCode, EnuPosition};
use canopy_scenario::{AircraftIndex, Scenario, SystemIndex, ThreatClass, ThreatIndex};

use crate::airspace::{AIRSPACE_SAMPLE_M, AirspaceInterval, nato_intervals};
use crate::event::Position;
use crate::ew::{EwStretch, ew_stretches};
use crate::profile::AltitudeProfile;
use crate::route::Route;

/// Time a fighter needs from decision to launch, seconds (assumed: radar lock and launch).
pub const FIGHTER_REACTION_S: i64 = 20;
/// Engagements a fighter guides at once (assumed).
pub const FIGHTER_CHANNELS: u32 = 2;
/// Least time between two launches of one fighter, seconds (assumed).
pub const FIGHTER_LAUNCH_INTERVAL_S: i64 = 5;
/// Time on the ground between sorties (refuel, rearm), seconds (assumed: 45 min).
pub const FIGHTER_TURNAROUND_S: i64 = 45 * 60;

/// One threat's fixed plan: type, route, launch time, speed.
#[derive(Clone, Debug)]
pub struct ThreatSpec {
    /// Its id (launch order).
    pub id: ThreatId,
    /// Its stable name, `raid#k` (k from 1), used to key its random streams.
    pub name: String,
    /// Its type.
    pub kind: ThreatIndex,
    /// Its class.
    pub class: ThreatClass,
    /// Index of its route in [`PreparedScenario::routes`].
    pub route: usize,
    /// Place id of its aim point.
    pub target: PlaceName,
    /// When it is launched.
    pub launch: SimTime,
    /// Its speed along the route, m/s.
    pub speed_mps: f64,
    /// Its altitude profile.
    pub profile: AltitudeProfile,
    /// Distance along the route where it enters the theatre, metres (0 for whole flights).
    pub entry_distance_m: f64,
    /// Its unit cost, USD.
    pub cost_usd: f64,
}

/// A sampled route with the stretches of it inside NATO airspace and EW areas.
#[derive(Clone, Debug)]
pub struct PreparedRoute {
    /// The route.
    pub route: Route,
    /// Where it runs through NATO airspace.
    pub nato: Vec<AirspaceInterval>,
    /// Where it runs through electronic-warfare areas, in route order.
    pub ew: Vec<EwStretch>,
}

/// What a unit is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum UnitRole {
    /// A ground site of this system.
    Site {
        /// Its system type.
        system: SystemIndex,
    },
    /// One aircraft of a patrol.
    Fighter {
        /// Index of the patrol in the scenario.
        patrol: PatrolId,
        /// Its aircraft type.
        aircraft: AircraftIndex,
        /// Flight time from base to station.
        transit: SimDuration,
        /// Its home base in the theatre frame (ground level).
        base_m: EnuPosition,
        /// Whether it is one of the patrol's spares (on the ground at the start).
        spare: bool,
    },
}

/// One shooter's fixed data.
#[derive(Clone, Debug)]
pub struct UnitSpec {
    /// Its id.
    pub id: UnitId,
    /// Its name (the site id, or `patrol-id/n` for the n-th aircraft of a patrol).
    pub name: UnitName,
    /// Its nation.
    pub nation: NationId,
    /// Site or fighter.
    pub role: UnitRole,
    /// Where it fires from, in the theatre frame.
    pub position_m: EnuPosition,
    /// Its full magazine or loadout.
    pub munitions: Magazine,
    /// Decision to launch.
    pub reaction: SimDuration,
    /// Least time between launches.
    pub launch_interval: SimDuration,
    /// Simultaneous engagements.
    pub channels: u32,
}

/// A scenario made ready to run: every replication starts from this.
#[derive(Clone, Debug)]
pub struct PreparedScenario {
    /// The validated scenario.
    pub scenario: Scenario,
    /// The theatre's frame and borders.
    pub geometry: Geometry,
    /// Every nation's rules and zones.
    pub rules: RuleBook,
    /// Routes, one per raid and aim point.
    pub routes: Vec<PreparedRoute>,
    /// Threats in launch order.
    pub threats: Vec<ThreatSpec>,
    /// Shooters: sites first, then aircraft.
    pub units: Vec<UnitSpec>,
    /// The aim points C2 defends, in the theatre frame, with their values.
    pub assets: Vec<DefendedAsset>,
}

impl PreparedScenario {
    /// The code of a nation, as logged.
    pub fn nation_code(&self, nation: NationId) -> CountryCode {
        self.scenario.nations[nation.index()].code
    }

    /// The codes of the nations of a set, in nation order.
    pub fn nation_codes(&self, nations: NationSet) -> Vec<CountryCode> {
        nations
            .iter()
            .map(|nation| self.nation_code(nation))
            .collect()
    }

    /// A position of the theatre frame as logged (degrees and metres).
    pub fn geo_position(&self, position_m: EnuPosition) -> Position {
        let (point, altitude) = self.geometry.geo_of(position_m);
        Position::new(point, altitude)
    }

    /// Prepares a validated scenario.
    pub fn new(scenario: Scenario) -> PreparedScenario {
        let geometry = Geometry::from_scenario(&scenario);
        let rules = RuleBook::from_scenario(&scenario);
        let (routes, threats) = plan_threats(&scenario, &geometry);
        let units = plan_units(&scenario, &geometry);
        let assets = defended_assets(&scenario, &geometry);
        PreparedScenario {
            scenario,
            geometry,
            rules,
            routes,
            threats,
            units,
            assets,
        }
    }
}

fn plan_threats(scenario: &Scenario, geometry: &Geometry) -> (Vec<PreparedRoute>, Vec<ThreatSpec>) {
    let mut routes = Vec::new();
    let mut route_index: BTreeMap<(usize, usize, usize), usize> = BTreeMap::new();
    let mut threats = Vec::new();
    let entry_meridian = scenario.theatre.entry_meridian();
    for (raid_index, raid) in scenario.raids.iter().enumerate() {
        let kind = scenario.library.threat(raid.threat);
        for (k, (launch_slot, target_slot)) in (0..raid.count).zip(raid.deal()) {
            let target = &raid.targets[target_slot].item;
            let route = *route_index
                .entry((raid_index, launch_slot, target_slot))
                .or_insert_with(|| {
                    let mut waypoints = vec![raid.launches[launch_slot].item.at];
                    waypoints.extend(raid.via.iter().copied());
                    waypoints.push(target.at);
                    let route = Route::new(geometry, &waypoints);
                    let track = route.ground_track(geometry, AIRSPACE_SAMPLE_M);
                    let length = route.length_m();
                    let nato = nato_intervals(geometry, &track, length);
                    let ew = ew_stretches(&track, length, &scenario.ew);
                    routes.push(PreparedRoute { route, nato, ew });
                    routes.len() - 1
                });
            let (first, last) = raid.window;
            let fraction = if raid.count > 1 {
                f64::from(k) / f64::from(raid.count - 1)
            } else {
                0.0
            };
            let launch = first
                + SimDuration::from_micros(
                    (last.since(first).as_micros() as f64 * fraction).round() as i64,
                );
            let entry_distance_m = entry_meridian.map_or(0.0, |entry| {
                routes[route]
                    .route
                    .first_west_of_m(entry.entry_meridian_rad)
            });
            threats.push(ThreatSpec {
                id: ThreatId(0),
                name: format!("{}#{}", raid.id, k + 1),
                kind: raid.threat,
                class: kind.class,
                route,
                target: target.id.as_str().into(),
                launch,
                speed_mps: kind.speed_mps,
                profile: AltitudeProfile::of(kind),
                entry_distance_m,
                cost_usd: kind.cost_usd,
            });
        }
    }
    threats.sort_by(|a, b| a.launch.cmp(&b.launch).then_with(|| a.name.cmp(&b.name)));
    for (index, threat) in threats.iter_mut().enumerate() {
        threat.id = ThreatId(index as u32);
    }
    (routes, threats)
}

fn plan_units(scenario: &Scenario, geometry: &Geometry) -> Vec<UnitSpec> {
    let library = &scenario.library;
    let mut units = Vec::new();
    for site in &scenario.sites {
        let system = library.system(site.system);
        units.push(UnitSpec {
            id: UnitId(units.len() as u32),
            name: site.id.as_str().into(),
            nation: site.nation,
            role: UnitRole::Site {
                system: site.system,
            },
            position_m: geometry.frame.to_enu(site.at, 0.0),
            munitions: stocks(&site.magazine),
            reaction: SimDuration::from_secs_f64(system.reaction_time_s),
            launch_interval: SimDuration::from_secs_f64(system.launch_interval_s),
            channels: system.fire_channels,
        });
    }
    for (patrol_index, patrol) in scenario.patrols.iter().enumerate() {
        let aircraft = library.aircraft(patrol.aircraft);
        let transit_m = canopy_geo::distance_m(patrol.base.at, patrol.station);
        for n in 1..=patrol.count + patrol.spares {
            units.push(UnitSpec {
                id: UnitId(units.len() as u32),
                name: format!("{}/{n}", patrol.id).into(),
                nation: patrol.nation,
                role: UnitRole::Fighter {
                    patrol: PatrolId(patrol_index as u16),
                    aircraft: patrol.aircraft,
                    transit: SimDuration::from_secs_f64(transit_m / aircraft.cruise_speed_mps),
                    base_m: geometry.frame.to_enu(patrol.base.at, 0.0),
                    spare: n > patrol.count,
                },
                position_m: geometry.frame.to_enu(patrol.station, patrol.altitude_m),
                munitions: stocks(&patrol.loadout),
                reaction: SimDuration::from_secs(FIGHTER_REACTION_S),
                launch_interval: SimDuration::from_secs(FIGHTER_LAUNCH_INTERVAL_S),
                channels: FIGHTER_CHANNELS,
            });
        }
    }
    units
}

fn stocks(magazine: &[(canopy_scenario::MunitionIndex, u32)]) -> Magazine {
    magazine
        .iter()
        .map(|&(munition, rounds)| MunitionStock { munition, rounds })
        .collect()
}

impl ThreatSpec {
    /// Distance flown at `time` (negative before launch).
    pub fn distance_at(&self, time: SimTime) -> f64 {
        time.since(self.launch).as_secs_f64() * self.speed_mps
    }

    /// When it has flown `distance_m`.
    pub fn time_at(&self, distance_m: f64) -> SimTime {
        self.launch + SimDuration::from_secs_f64(distance_m / self.speed_mps)
    }
}
