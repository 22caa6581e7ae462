//! The one definition of the names of [`RunMetrics`]' columns.
//!
//! A Monte Carlo table (`runs.parquet`) flattens `RunMetrics` to dotted columns: `leaked`,
//! `spillover.count`, `timeline.entry_to_decision_s`, `nations.PL.cost_usd`,
//! `threat_types.shahed-136.leaked`, `leakers_by_target.lviv`... Every crate that reads those
//! columns names them through this module: [`Metric`] for the columns of fixed name, and the
//! builders of [`NationMetric`], [`ThreatTypeMetric`] and [`CountMap`] for the columns of the
//! maps. Each enum reads its value from the struct by a `match` on the field, so renaming a field
//! is a compile error here; a test (`canopy-io`, `tests/metric_columns.rs`) checks every name
//! against the columns of a flattened `RunMetrics`.

use std::collections::BTreeMap;

use super::{NationBurden, RunMetrics, ThreatTypeOutcome};

/// Declares an enum of named fields of one struct: each variant with its name and the expression
/// that reads its value, so names and fields are declared together, once.
macro_rules! named_fields {
    (
        $(#[doc = $doc:literal])*
        $name:ident of $owner:ty => $out:ty {
            $(
                $(#[doc = $variant_doc:literal])*
                $variant:ident = $column:literal => |$m:ident| $value:expr,
            )*
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $( $(#[doc = $variant_doc])* $variant, )*
        }

        impl $name {
            /// Every one, in the order of the struct's fields.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// Its name as serialised.
            pub const fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $column,)*
                }
            }

            /// Its value, read from the field.
            pub fn value(self, owner: &$owner) -> $out {
                match self {
                    $($name::$variant => {
                        let $m = owner;
                        $value
                    })*
                }
            }
        }
    };
}

named_fields! {
    /// A column of fixed name: a number of [`RunMetrics`] (nested objects flattened, as
    /// `spillover.count`), read as a real (`None` where the metric is `null`).
    Metric of RunMetrics => Option<f64> {
        /// Master seed.
        Seed = "seed" => |m| Some(m.seed as f64),
        /// Replication number.
        Replication = "replication" => |m| Some(m.replication as f64),
        /// Threats launched.
        Launched = "launched" => |m| Some(f64::from(m.launched)),
        /// Destroyed before the theatre.
        AttritedEnRoute = "attrited_en_route" => |m| Some(f64::from(m.attrited_en_route)),
        /// Entered the theatre.
        EnteredTheatre = "entered_theatre" => |m| Some(f64::from(m.entered_theatre)),
        /// Destroyed in the theatre.
        Destroyed = "destroyed" => |m| Some(f64::from(m.destroyed)),
        /// Led astray by electronic warfare.
        Lost = "lost" => |m| Some(f64::from(m.lost)),
        /// Reached their aim point.
        Leaked = "leaked" => |m| Some(f64::from(m.leaked)),
        /// Still airborne at the end.
        AirborneAtEnd = "airborne_at_end" => |m| Some(f64::from(m.airborne_at_end)),
        /// Destroyed over entered the theatre.
        InterceptionRate = "interception_rate" => |m| m.interception_rate,
        /// Interceptors launched.
        Engagements = "engagements" => |m| Some(f64::from(m.engagements)),
        /// Interceptor cost, USD.
        InterceptorCostUsd = "interceptor_cost_usd" => |m| Some(m.interceptor_cost_usd),
        /// Fighter flight-hour cost, USD.
        FlightCostUsd = "flight_cost_usd" => |m| Some(m.flight_cost_usd),
        /// Cost of the threats destroyed, USD.
        ThreatCostDestroyedUsd = "threat_cost_destroyed_usd" => |m| Some(m.threat_cost_destroyed_usd),
        /// Interceptor cost over the cost of the threats destroyed.
        CostExchange = "cost_exchange" => |m| m.cost_exchange,
        /// Engagements outside the shooter nation's rules.
        RoeBreaches = "roe_breaches" => |m| Some(f64::from(m.roe_breaches)),
        /// Mean GOSPA distance of the picture to truth, metres.
        PictureGospaM = "picture_gospa_m" => |m| Some(m.picture_gospa_m),
        /// Fraction of threats held by a track.
        PictureCompleteness = "picture_completeness" => |m| Some(m.picture_completeness),
        /// Fraction of tracks matched to no threat.
        PictureSpuriousness = "picture_spuriousness" => |m| Some(m.picture_spuriousness),
        /// Spillover events of any kind.
        SpilloverCount = "spillover.count" => |m| Some(f64::from(m.spillover.count)),
        /// Threats that flew in NATO airspace.
        SpilloverThreats = "spillover.threats" => |m| Some(f64::from(m.spillover.threats)),
        /// Interceptors that fell in NATO territory.
        SpilloverInterceptors = "spillover.interceptors" => |m| Some(f64::from(m.spillover.interceptors)),
        /// Debris footprints touching NATO territory.
        SpilloverDebris = "spillover.debris" => |m| Some(f64::from(m.spillover.debris)),
        /// Debris footprints and missed interceptors touching a populated area.
        DebrisOverPopulatedAreas = "debris.over_populated_areas" => |m| Some(f64::from(m.debris.over_populated_areas)),
        /// Engagements that waited for approval.
        ApprovalRequests = "approval_requests" => |m| Some(f64::from(m.approval_requests)),
        /// Approvals refused.
        ApprovalRefusals = "approval_refusals" => |m| Some(f64::from(m.approval_refusals)),
        /// Launches withheld: the threat was out of reach at launch.
        LaunchesWithheld = "launches_withheld" => |m| Some(f64::from(m.launches_withheld)),
        /// Waits for an answer, summed, seconds.
        ApprovalWaitS = "approval_wait_s" => |m| Some(m.approval_wait_s),
        /// Mean wait for an answer, seconds.
        ApprovalWaitMeanS = "approval_wait_mean_s" => |m| m.approval_wait_mean_s,
        /// Leakers whose last hold-up was an approval.
        LeakedAwaitingApproval = "leaked_awaiting_approval" => |m| Some(f64::from(m.leaked_awaiting_approval)),
        /// Time patrols were short of fighters on station, seconds.
        PatrolGapS = "patrol_gap_s" => |m| Some(m.patrol_gap_s),
        /// Median time from theatre entry to decision, seconds.
        EntryToDecisionS = "timeline.entry_to_decision_s" => |m| m.timeline.entry_to_decision_s,
        /// Median time from decision to launch, seconds.
        DecisionToLaunchS = "timeline.decision_to_launch_s" => |m| m.timeline.decision_to_launch_s,
        /// Median time from launch to outcome, seconds.
        LaunchToOutcomeS = "timeline.launch_to_outcome_s" => |m| m.timeline.launch_to_outcome_s,
        /// Mean time from theatre entry to a first track, seconds.
        TrackLatencySMean = "track_latency_s_mean" => |m| m.track_latency_s_mean,
        /// 90th percentile of that time, seconds.
        TrackLatencySP90 = "track_latency_s_p90" => |m| m.track_latency_s_p90,
        /// Threats held by a confirmed track.
        ThreatsHeld = "threats_held" => |m| Some(f64::from(m.threats_held)),
        /// Threats never held by a confirmed track.
        ThreatsNeverTracked = "threats_never_tracked" => |m| Some(f64::from(m.threats_never_tracked)),
        /// Engagements whose track the shooter's own nation did not feed.
        EngagementsEnabledByOtherNation = "engagements_enabled_by_other_nation" => |m| Some(f64::from(m.engagements_enabled_by_other_nation)),
        /// When the run ended, seconds.
        EndTimeS = "end_time_s" => |m| Some(m.end_time_s),
    }
}

named_fields! {
    /// A number of one nation's burden, a column `nations.{code}.{name}`.
    NationMetric of NationBurden => f64 {
        /// Interceptors launched.
        Engagements = "engagements" => |b| f64::from(b.engagements),
        /// Kills.
        Kills = "kills" => |b| f64::from(b.kills),
        /// Interceptor cost, USD.
        InterceptorCostUsd = "interceptor_cost_usd" => |b| b.interceptor_cost_usd,
        /// Flight-hour cost, USD.
        FlightCostUsd = "flight_cost_usd" => |b| b.flight_cost_usd,
        /// Total cost, USD.
        CostUsd = "cost_usd" => |b| b.cost_usd,
        /// Sorties flown.
        Sorties = "sorties" => |b| f64::from(b.sorties),
        /// Hours flown.
        FlightHours = "flight_hours" => |b| b.flight_hours,
        /// Tracks that held a threat and that its sensors fed.
        TracksContributed = "tracks_contributed" => |b| f64::from(b.tracks_contributed),
        /// Those of them no other nation's sensors fed.
        SoleSourceTracks = "sole_source_tracks" => |b| f64::from(b.sole_source_tracks),
        /// Threats held by a track its sensors did not feed alone.
        ThreatsHeldWithout = "threats_held_without" => |b| f64::from(b.threats_held_without),
    }
}

named_fields! {
    /// A count of one threat type's outcome, a column `threat_types.{type}.{name}`.
    ThreatTypeMetric of ThreatTypeOutcome => u32 {
        /// Launched.
        Launched = "launched" => |o| o.launched,
        /// Destroyed before the theatre.
        AttritedEnRoute = "attrited_en_route" => |o| o.attrited_en_route,
        /// Entered the theatre.
        EnteredTheatre = "entered_theatre" => |o| o.entered_theatre,
        /// Destroyed in the theatre.
        Destroyed = "destroyed" => |o| o.destroyed,
        /// Led astray by electronic warfare.
        Lost = "lost" => |o| o.lost,
        /// Reached their aim point.
        Leaked = "leaked" => |o| o.leaked,
        /// Still airborne at the end.
        AirborneAtEnd = "airborne_at_end" => |o| o.airborne_at_end,
    }
}

named_fields! {
    /// A map of counts of [`RunMetrics`] keyed by a name (place, reason or nation), one column
    /// `{name}.{key}` per key; a key absent from a run's map is a count of zero.
    CountMap of RunMetrics => &BTreeMap<String, u32> {
        /// Leakers by aim point (place id).
        LeakersByTarget = "leakers_by_target" => |m| &m.leakers_by_target,
        /// Threats that entered the theatre, by aim point (place id).
        EnteredByTarget = "entered_by_target" => |m| &m.entered_by_target,
        /// Threats never engaged, by the furthest reason reached.
        UnengagedReasons = "unengaged_reasons" => |m| &m.unengaged_reasons,
        /// Engagements whose track each nation's sensors fed, by nation code.
        EngagementsEnabledBy = "engagements_enabled_by" => |m| &m.engagements_enabled_by,
        /// Debris and missed interceptors over populated areas, by the city's country.
        DebrisOverPopulatedAreasByCountry = "debris.over_populated_areas_by_country" => |m| &m.debris.over_populated_areas_by_country,
    }
}

/// The object of the burdens by nation code.
const NATIONS: &str = "nations";
/// The map of munitions inside a nation's burden.
const MUNITIONS: &str = "munitions";
/// The map of interception rates inside a nation's burden.
const RATE_BY_THREAT_TYPE: &str = "interception_rate_by_threat_type";
/// The object of the outcomes by threat type.
const THREAT_TYPES: &str = "threat_types";
/// The map of kills by nation inside a threat type's outcome.
const DESTROYED_BY: &str = "destroyed_by";

impl NationMetric {
    /// The column of this number for the nation `code`: `nations.{code}.{name}`.
    pub fn column(self, code: &str) -> String {
        format!("{NATIONS}.{code}.{}", self.name())
    }
}

/// The column of the interceptors of `munition` that nation `code` launched:
/// `nations.{code}.munitions.{munition}`.
pub fn nation_munition_column(code: &str, munition: &str) -> String {
    format!("{NATIONS}.{code}.{MUNITIONS}.{munition}")
}

/// The nation code and munition id of a column `nations.{code}.munitions.{munition}`; `None` for
/// any other column.
pub fn nation_munition_of(column: &str) -> Option<(&str, &str)> {
    column
        .strip_prefix(NATIONS)?
        .strip_prefix('.')?
        .split_once(&format!(".{MUNITIONS}."))
}

/// The column of nation `code`'s interception rate of `threat_type`:
/// `nations.{code}.interception_rate_by_threat_type.{threat_type}`.
pub fn nation_interception_rate_column(code: &str, threat_type: &str) -> String {
    format!("{NATIONS}.{code}.{RATE_BY_THREAT_TYPE}.{threat_type}")
}

impl ThreatTypeMetric {
    /// The column of this count for `threat_type`: `threat_types.{threat_type}.{name}`.
    pub fn column(self, threat_type: &str) -> String {
        format!("{THREAT_TYPES}.{threat_type}.{}", self.name())
    }

    /// The threat type of a column of this count (`threat_types.{type}.{name}`); `None` for any
    /// other column.
    pub fn threat_type_of(self, column: &str) -> Option<&str> {
        column
            .strip_prefix(THREAT_TYPES)?
            .strip_prefix('.')?
            .strip_suffix(self.name())?
            .strip_suffix('.')
    }
}

/// The column of the threats of `threat_type` that nation `code` destroyed:
/// `threat_types.{threat_type}.destroyed_by.{code}`.
pub fn destroyed_by_column(threat_type: &str, code: &str) -> String {
    format!("{THREAT_TYPES}.{threat_type}.{DESTROYED_BY}.{code}")
}

impl CountMap {
    /// The column of the count of `key`: `{name}.{key}`.
    pub fn column(self, key: &str) -> String {
        format!("{}.{key}", self.name())
    }

    /// The key of a column of this map (`{name}.{key}`); `None` for any other column.
    pub fn key_of(self, column: &str) -> Option<&str> {
        column.strip_prefix(self.name())?.strip_prefix('.')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_columns_are_built_and_read_back() {
        let column = nation_munition_column("PL", "pac3-mse");
        assert_eq!(column, "nations.PL.munitions.pac3-mse");
        assert_eq!(nation_munition_of(&column), Some(("PL", "pac3-mse")));
        assert_eq!(nation_munition_of("nations.PL.kills"), None);
        let column = ThreatTypeMetric::Leaked.column("shahed-136");
        assert_eq!(column, "threat_types.shahed-136.leaked");
        assert_eq!(
            ThreatTypeMetric::Leaked.threat_type_of(&column),
            Some("shahed-136")
        );
        assert_eq!(
            ThreatTypeMetric::Leaked.threat_type_of("threat_types.x.airborne_at_end"),
            None
        );
        let column = CountMap::EnteredByTarget.column("lviv");
        assert_eq!(column, "entered_by_target.lviv");
        assert_eq!(CountMap::EnteredByTarget.key_of(&column), Some("lviv"));
        assert_eq!(CountMap::LeakersByTarget.key_of(&column), None);
        assert_eq!(NationMetric::CostUsd.column("SK"), "nations.SK.cost_usd");
    }
}
