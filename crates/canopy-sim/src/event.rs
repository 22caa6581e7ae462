//! The event log: one tagged enum, written as JSON Lines (schema in `docs/events.md`).

use canopy_c2::Infeasible;
use canopy_core::time::seconds;
use canopy_core::{
    EngagementId, MunitionName, PlaceName, SimDuration, SimTime, ThreatId, ThreatTypeName, UnitName,
};
use canopy_geo::{CountryCode, GeoPoint};
use canopy_scenario::ThreatClass;
use serde::{Deserialize, Serialize};

/// A geographic position as written in the log: degrees and metres.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Position {
    /// Latitude, degrees.
    pub lat_deg: f64,
    /// Longitude, degrees.
    pub lon_deg: f64,
    /// Altitude above the ellipsoid, metres.
    pub alt_m: f64,
}

impl Position {
    /// The position of a point at an altitude.
    pub fn new(point: GeoPoint, alt_m: f64) -> Position {
        Position {
            lat_deg: point.lat_deg(),
            lon_deg: point.lon_deg(),
            alt_m,
        }
    }

    /// The ground point.
    pub fn point(&self) -> GeoPoint {
        GeoPoint::from_degrees(self.lat_deg, self.lon_deg)
            .expect("a logged position is a valid point")
    }
}

/// One nation's share of the tracked picture, as logged.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct NationPictureShare {
    /// The nation's code.
    pub nation: CountryCode,
    /// Tracks that held a threat and that its sensors fed.
    pub tracks_contributed: u32,
    /// Those of them that no other nation's sensors fed.
    pub sole_source_tracks: u32,
    /// Threats held only through such tracks: every track that held them its sensors alone fed.
    pub sole_source_threats: u32,
}

/// What kind of object entered foreign territory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpilloverObject {
    /// A threat in flight.
    Threat,
    /// An interceptor that missed and fell.
    Interceptor,
    /// Debris of an intercept.
    Debris,
}

impl SpilloverObject {
    /// Its name, as the log writes it.
    pub const fn name(self) -> &'static str {
        match self {
            SpilloverObject::Threat => "threat",
            SpilloverObject::Interceptor => "interceptor",
            SpilloverObject::Debris => "debris",
        }
    }
}

/// Why an interceptor missed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MissCause {
    /// The kill draw failed.
    KillDraw,
    /// The target was already destroyed, had lost its way or had hit its aim point.
    TargetGone,
    /// The target could not be reached within the munition's range.
    OutOfEnergy,
}

/// One thing that happened in a run. Times are written as seconds since the scenario start.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// A threat left its launch point.
    ThreatLaunched {
        /// When.
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        /// The threat.
        threat: ThreatId,
        /// Its stable name (`raid#k`).
        name: String,
        /// Its type id.
        threat_type: ThreatTypeName,
        /// Its class.
        class: ThreatClass,
        /// Its aim point (place id).
        target: PlaceName,
        /// Its unit cost, USD.
        cost_usd: f64,
    },
    /// A threat was destroyed before reaching the modelled theatre (en-route attrition).
    ThreatAttrited {
        /// When it would have entered the theatre.
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        /// The threat.
        threat: ThreatId,
    },
    /// A threat entered the modelled theatre.
    ThreatEntered {
        /// When.
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        /// The threat.
        threat: ThreatId,
        /// Where.
        at: Position,
    },
    /// A drone or decoy lost its way in an electronic-warfare area: it will not reach its aim
    /// point (the record's "did not reach its target").
    ThreatLost {
        /// When.
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        /// The threat.
        threat: ThreatId,
        /// The EW area's id.
        area: String,
        /// Where.
        at: Position,
    },
    /// C2 ordered an engagement.
    Decision {
        /// When.
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        /// The engagement.
        engagement: EngagementId,
        /// The threat engaged (through its track).
        threat: ThreatId,
        /// The shooter's unit id.
        shooter: UnitName,
        /// The shooter's nation code.
        nation: CountryCode,
        /// The munition id.
        munition: MunitionName,
        /// Whether the launch waits for approval.
        needs_approval: bool,
        /// Codes of the nations whose sensors fed the engaged track.
        sensor_nations: Vec<CountryCode>,
    },
    /// A threat was first held by a confirmed track of C2's picture (at its entry into the
    /// theatre for the perfect picture).
    Tracked {
        /// When.
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        /// The threat.
        threat: ThreatId,
    },
    /// The approval of an engagement came through.
    Approval {
        /// When.
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        /// The engagement.
        engagement: EngagementId,
    },
    /// The approval of an engagement was refused (the authority's refusal rule): no launch.
    ApprovalRefused {
        /// When.
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        /// The engagement.
        engagement: EngagementId,
        /// The threat it was to engage.
        threat: ThreatId,
    },
    /// An interceptor was launched.
    Launch {
        /// When.
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        /// The engagement.
        engagement: EngagementId,
        /// The threat engaged.
        threat: ThreatId,
        /// The threat's class as C2 saw it.
        class: ThreatClass,
        /// The shooter's unit id.
        shooter: UnitName,
        /// The shooter's nation code.
        nation: CountryCode,
        /// The munition id.
        munition: MunitionName,
        /// The shot's cost, USD.
        cost_usd: f64,
        /// Where the launcher is at launch (a vectored fighter's launch point).
        from: Position,
        /// How far a vectored fighter dashed from its station to launch, metres (0 for a launch
        /// from the shooter's position).
        dash_m: f64,
        /// The planned intercept point.
        planned_intercept: Position,
        /// The planned intercept time.
        #[serde(rename = "planned_intercept_time_s", with = "seconds")]
        planned_intercept_time: SimTime,
        /// Planned launcher-to-intercept distance, metres.
        slant_range_m: f64,
        /// Centre of the planned debris footprint.
        debris_centre: Position,
        /// Radius of the planned debris footprint, metres.
        debris_radius_m: f64,
        /// Codes of the nations whose sensors fed the engaged track.
        sensor_nations: Vec<CountryCode>,
    },
    /// The shooter's fire control found the threat out of the munition's reach at the launch
    /// time (the threat's state at launch, flown straight on): no launch, the round is kept.
    LaunchWithheld {
        /// When.
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        /// The engagement.
        engagement: EngagementId,
        /// The threat it was to engage.
        threat: ThreatId,
        /// The shooter's unit id.
        shooter: UnitName,
        /// The shooter's nation code.
        nation: CountryCode,
        /// The munition id.
        munition: MunitionName,
    },
    /// An interceptor destroyed its threat.
    Kill {
        /// When.
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        /// The engagement.
        engagement: EngagementId,
        /// The threat destroyed.
        threat: ThreatId,
        /// The shooter's nation code.
        nation: CountryCode,
        /// Where.
        at: Position,
        /// Where its debris falls (centre of the footprint).
        debris_centre: Position,
        /// Radius of the debris footprint, metres.
        debris_radius_m: f64,
    },
    /// An interceptor missed; it fell or destroyed itself.
    Miss {
        /// When.
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        /// The engagement.
        engagement: EngagementId,
        /// The threat engaged.
        threat: ThreatId,
        /// The shooter's nation code.
        nation: CountryCode,
        /// Why it missed.
        cause: MissCause,
        /// Where the interceptor ended its flight.
        at: Position,
        /// Where it (or its fragments) hit the ground.
        fall_point: Position,
        /// The country of the fall point, if any.
        fall_country: Option<CountryCode>,
    },
    /// A threat reached its aim point: a leaker.
    Impact {
        /// When.
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        /// The threat.
        threat: ThreatId,
        /// The aim point's place id.
        target: PlaceName,
        /// Where.
        at: Position,
    },
    /// A threat entered the airspace of a NATO country.
    AirspaceEntry {
        /// When.
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        /// The threat.
        threat: ThreatId,
        /// The country.
        country: CountryCode,
    },
    /// Something entered NATO territory: a threat's stay in its airspace (reported when it ends),
    /// or an interceptor or debris falling there.
    Spillover {
        /// When it ended (threat) or fell (interceptor, debris).
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        /// What.
        object: SpilloverObject,
        /// The threat concerned (engaged, for interceptors and debris).
        threat: ThreatId,
        /// The country.
        country: CountryCode,
        /// The nearest named place.
        near: String,
        /// Time inside, seconds (0 for a fall).
        #[serde(rename = "time_inside_s", with = "seconds")]
        time_inside: SimDuration,
        /// Greatest depth inside the country, metres.
        depth_m: f64,
        /// Where it entered NATO territory (altitude 0): a threat's first point in the country's
        /// airspace, an interceptor's fall point, a debris footprint's centre when that is inside,
        /// else the nearest point of the NATO border.
        at: Position,
    },
    /// A fighter took its place on its patrol's station.
    OnStation {
        /// When.
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        /// The aircraft's unit id.
        unit: UnitName,
        /// Its nation code.
        nation: CountryCode,
    },
    /// A fighter left its station for home (end of time on station, fuel spent on dashes, or no
    /// rounds left).
    OffStation {
        /// When.
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        /// The aircraft's unit id.
        unit: UnitName,
        /// Its nation code.
        nation: CountryCode,
    },
    /// A fighter took off.
    SortieStart {
        /// When.
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        /// The aircraft's unit id.
        unit: UnitName,
        /// Its nation code.
        nation: CountryCode,
    },
    /// A fighter landed (or the run ended while it flew).
    SortieEnd {
        /// When.
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        /// The aircraft's unit id.
        unit: UnitName,
        /// Its nation code.
        nation: CountryCode,
        /// Hours flown on the sortie.
        flight_hours: f64,
        /// Their cost, USD.
        cost_usd: f64,
    },
    /// A decision cycle left a threat unengaged, for the last time (logged when the threat's fate
    /// is sealed, with the furthest reason reached).
    Unengaged {
        /// When the threat's fate was sealed.
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        /// The threat.
        threat: ThreatId,
        /// The furthest check reached (`docs/events.md` lists them).
        reason: Infeasible,
    },
    /// How good C2's picture was over the run, against truth (sampled while threats flew).
    PictureQuality {
        /// When (the end of the run).
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        /// Samples taken.
        samples: u32,
        /// Mean GOSPA (c = 5000 m, p = 2, alpha = 2), metres.
        gospa_m: f64,
        /// Threats matched by a track within 5000 m over all threats, summed over samples.
        completeness: f64,
        /// Tracks matched to no threat over all tracks, summed over samples.
        spuriousness: f64,
    },
    /// Logged once, at the end, for the tracked picture: each nation's share of the tracks that
    /// held a threat, and the threats only its sensors held.
    PictureSources {
        /// When (the end of the run).
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        /// By nation, in nation order.
        nations: Vec<NationPictureShare>,
    },
    /// The run ended.
    RunEnd {
        /// When.
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        /// Threats still airborne (neither destroyed nor arrived).
        airborne: Vec<ThreatId>,
    },
}

impl Event {
    /// When the event happened.
    pub fn time(&self) -> SimTime {
        match self {
            Event::ThreatLaunched { time, .. }
            | Event::ThreatAttrited { time, .. }
            | Event::ThreatLost { time, .. }
            | Event::ThreatEntered { time, .. }
            | Event::Decision { time, .. }
            | Event::Tracked { time, .. }
            | Event::Approval { time, .. }
            | Event::ApprovalRefused { time, .. }
            | Event::LaunchWithheld { time, .. }
            | Event::Launch { time, .. }
            | Event::Kill { time, .. }
            | Event::Miss { time, .. }
            | Event::Impact { time, .. }
            | Event::AirspaceEntry { time, .. }
            | Event::Spillover { time, .. }
            | Event::SortieStart { time, .. }
            | Event::OnStation { time, .. }
            | Event::OffStation { time, .. }
            | Event::SortieEnd { time, .. }
            | Event::Unengaged { time, .. }
            | Event::PictureQuality { time, .. }
            | Event::PictureSources { time, .. }
            | Event::RunEnd { time, .. } => *time,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SpilloverObject;

    #[test]
    fn a_spillover_object_is_named_as_the_log_writes_it() {
        for object in [
            SpilloverObject::Threat,
            SpilloverObject::Interceptor,
            SpilloverObject::Debris,
        ] {
            let logged = serde_json::to_string(&object).unwrap();
            assert_eq!(logged, format!("\"{}\"", object.name()));
        }
    }
}
