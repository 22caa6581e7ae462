//! The figures of one run: [`RunMetrics`] and the records it nests. The `--json` summary and the
//! row of a Monte Carlo table are these fields (schema in `docs/metrics.md`); their column names are
//! defined in [`super::columns`].

use std::collections::BTreeMap;

use canopy_c2::PlannerKind;
use canopy_core::ThreatId;
use serde::{Deserialize, Serialize};

use crate::event::SpilloverObject;
use crate::picture::PictureMode;

/// Outcome of one threat type.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ThreatTypeOutcome {
    /// Threats of this type launched.
    pub launched: u32,
    /// Destroyed before the theatre (en-route attrition).
    pub attrited_en_route: u32,
    /// Entered the theatre.
    pub entered_theatre: u32,
    /// Destroyed in the theatre.
    pub destroyed: u32,
    /// Destroyed in the theatre, by nation code.
    pub destroyed_by: BTreeMap<String, u32>,
    /// Led astray by electronic warfare (never counted as destroyed).
    pub lost: u32,
    /// Reached their aim point.
    pub leaked: u32,
    /// Still airborne when the run ended.
    pub airborne_at_end: u32,
}

/// What one nation did and spent.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NationBurden {
    /// Interceptors launched (one per engagement).
    pub engagements: u32,
    /// Kills.
    pub kills: u32,
    /// Interceptors launched, by munition id.
    pub munitions: BTreeMap<String, u32>,
    /// Interceptor cost, USD.
    pub interceptor_cost_usd: f64,
    /// Fighter flight-hour cost, USD.
    pub flight_cost_usd: f64,
    /// Total cost (interceptors and flight hours), USD.
    pub cost_usd: f64,
    /// Fighter sorties flown.
    pub sorties: u32,
    /// Fighter hours flown.
    pub flight_hours: f64,
    /// Kills divided by threats of that type that entered the theatre, by threat type id.
    pub interception_rate_by_threat_type: BTreeMap<String, f64>,
    /// Tracks of the tracked picture that held a threat and that its sensors fed (0 for the
    /// perfect picture).
    pub tracks_contributed: u32,
    /// Those of them no other nation's sensors fed.
    pub sole_source_tracks: u32,
    /// Threats held by a track its sensors did not feed alone: those the picture would still
    /// have held, to first order, had its sensors been silent (an upper bound; all the threats
    /// held for the perfect picture).
    pub threats_held_without: u32,
}

/// One spillover: something in NATO territory.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpilloverRecord {
    /// Threat, interceptor or debris.
    pub object: SpilloverObject,
    /// The threat concerned.
    pub threat: ThreatId,
    /// Country code.
    pub country: String,
    /// Nearest named place.
    pub near: String,
    /// When it ended or fell, seconds.
    pub time_s: f64,
    /// Time inside, seconds.
    pub time_inside_s: f64,
    /// Depth, metres.
    pub depth_m: f64,
}

/// Where intercept debris and missed interceptors came down.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DebrisSummary {
    /// Debris footprints and missed interceptors' fall points touching a populated area (a
    /// city of at least 10,000 people, on either side of any border).
    pub over_populated_areas: u32,
    /// The same, by the country of the city touched.
    pub over_populated_areas_by_country: BTreeMap<String, u32>,
}

/// Spillover totals and records.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SpilloverSummary {
    /// All spillover events.
    pub count: u32,
    /// Threats that flew in NATO airspace.
    pub threats: u32,
    /// Interceptors that fell in NATO territory.
    pub interceptors: u32,
    /// Debris footprints touching NATO territory.
    pub debris: u32,
    /// The events, in time order.
    pub events: Vec<SpilloverRecord>,
}

/// Median latencies of the engagement chain, seconds (`null` when nothing was measured).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// From theatre entry to the first decision on the threat.
    pub entry_to_decision_s: Option<f64>,
    /// From decision to launch (reaction and approval).
    pub decision_to_launch_s: Option<f64>,
    /// From launch to outcome (kill or miss).
    pub launch_to_outcome_s: Option<f64>,
}

/// The summary of one run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RunMetrics {
    /// Scenario name.
    pub scenario: String,
    /// Master seed.
    pub seed: u64,
    /// Replication number.
    pub replication: u64,
    /// Picture mode.
    pub picture: PictureMode,
    /// Planner.
    pub planner: PlannerKind,
    /// Threats launched.
    pub launched: u32,
    /// Destroyed before the theatre.
    pub attrited_en_route: u32,
    /// Entered the theatre.
    pub entered_theatre: u32,
    /// Destroyed in the theatre by the defenders.
    pub destroyed: u32,
    /// Led astray by electronic warfare (never counted as destroyed).
    pub lost: u32,
    /// Reached their aim point.
    pub leaked: u32,
    /// Still airborne at the end.
    pub airborne_at_end: u32,
    /// Destroyed divided by entered the theatre (`null` if none entered).
    pub interception_rate: Option<f64>,
    /// Interceptors launched.
    pub engagements: u32,
    /// Interceptor cost, USD.
    pub interceptor_cost_usd: f64,
    /// Fighter flight-hour cost, USD.
    pub flight_cost_usd: f64,
    /// Cost of the threats destroyed in the theatre, USD.
    pub threat_cost_destroyed_usd: f64,
    /// Interceptor cost divided by the cost of threats destroyed (`null` if none destroyed).
    pub cost_exchange: Option<f64>,
    /// Engagements the independent audit found outside the shooter nation's rules.
    pub roe_breaches: u32,
    /// Mean GOSPA distance of C2's picture to truth (c = 5000 m, p = 2, alpha = 2), metres.
    pub picture_gospa_m: f64,
    /// Fraction of threats in the theatre held by a track within 5000 m, in [0, 1].
    pub picture_completeness: f64,
    /// Fraction of tracks matched to no threat, in [0, 1].
    pub picture_spuriousness: f64,
    /// Anything in NATO territory.
    pub spillover: SpilloverSummary,
    /// Where debris and missed interceptors came down.
    pub debris: DebrisSummary,
    /// Outcomes by threat type id.
    pub threat_types: BTreeMap<String, ThreatTypeOutcome>,
    /// Leakers by aim point (place id).
    pub leakers_by_target: BTreeMap<String, u32>,
    /// Threats that entered the theatre, by aim point (place id): the trials of the leak
    /// probability by target.
    pub entered_by_target: BTreeMap<String, u32>,
    /// Burden by nation code.
    pub nations: BTreeMap<String, NationBurden>,
    /// Threats never engaged, by the furthest reason reached.
    pub unengaged_reasons: BTreeMap<String, u32>,
    /// Engagements ordered that waited for approval.
    pub approval_requests: u32,
    /// Approvals refused.
    pub approval_refusals: u32,
    /// Launches withheld by the shooter's fire control: the threat was out of reach at launch.
    pub launches_withheld: u32,
    /// Time from request to answer (approval or refusal), summed over the answered requests,
    /// seconds.
    pub approval_wait_s: f64,
    /// Mean time from request to answer, seconds (`null` when no request was answered).
    pub approval_wait_mean_s: Option<f64>,
    /// Leakers never engaged whose last hold-up was an engagement awaiting approval.
    pub leaked_awaiting_approval: u32,
    /// Time with fewer fighters on station than the patrol's count, summed over patrols from
    /// each patrol's first time on station to the end of the run, seconds.
    pub patrol_gap_s: f64,
    /// Median latencies.
    pub timeline: Timeline,
    /// Mean time from a threat's entry into the theatre to its first confirmed track, over
    /// the threats ever tracked, seconds (`null` if none).
    pub track_latency_s_mean: Option<f64>,
    /// 90th percentile (nearest rank) of that time, seconds (`null` if none).
    pub track_latency_s_p90: Option<f64>,
    /// Threats that entered the theatre and were held by a confirmed track (every one, from its
    /// entry, for the perfect picture).
    pub threats_held: u32,
    /// Threats that entered the theatre and were never held by a confirmed track.
    pub threats_never_tracked: u32,
    /// Engagements (launches) whose track each nation's sensors fed, by nation code.
    pub engagements_enabled_by: BTreeMap<String, u32>,
    /// Engagements whose track the shooter's own nation's sensors did not feed.
    pub engagements_enabled_by_other_nation: u32,
    /// When the run ended, seconds.
    pub end_time_s: f64,
}
