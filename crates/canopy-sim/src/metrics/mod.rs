//! `RunMetrics`: the summary of one run, computed from its event log alone. The `--json` summary
//! and the row of a Monte Carlo table are the same fields (schema in `docs/metrics.md`).

use std::collections::{BTreeMap, BTreeSet};

use canopy_c2::Infeasible;

use canopy_core::ThreatId;
use serde::Serialize;

use crate::event::seconds;
use crate::event::{Event, SpilloverObject};
use crate::prepared::{PreparedScenario, UnitRole};

/// Outcome of one threat type.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
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
    /// Reached their aim point.
    pub leaked: u32,
    /// Still airborne when the run ended.
    pub airborne_at_end: u32,
}

/// What one nation did and spent.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
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
}

/// One spillover: something in NATO territory.
#[derive(Clone, Debug, PartialEq, Serialize)]
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

/// Spillover totals and records.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
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
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Timeline {
    /// From theatre entry to the first decision on the threat.
    pub entry_to_decision_s: Option<f64>,
    /// From decision to launch (reaction and approval).
    pub decision_to_launch_s: Option<f64>,
    /// From launch to outcome (kill or miss).
    pub launch_to_outcome_s: Option<f64>,
}

/// The summary of one run.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct RunMetrics {
    /// Scenario name.
    pub scenario: String,
    /// Master seed.
    pub seed: u64,
    /// Replication number.
    pub replication: u64,
    /// Picture mode.
    pub picture: String,
    /// Planner.
    pub planner: String,
    /// Threats launched.
    pub launched: u32,
    /// Destroyed before the theatre.
    pub attrited_en_route: u32,
    /// Entered the theatre.
    pub entered_theatre: u32,
    /// Destroyed in the theatre by the defenders.
    pub destroyed: u32,
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
    /// Threats that entered the theatre and were never held by a confirmed track.
    pub threats_never_tracked: u32,
    /// Engagements (launches) whose track each nation's sensors fed, by nation code.
    pub engagements_enabled_by: BTreeMap<String, u32>,
    /// Engagements whose track the shooter's own nation's sensors did not feed.
    pub engagements_enabled_by_other_nation: u32,
    /// When the run ended, seconds.
    pub end_time_s: f64,
}

/// Time each patrol spends with fewer fighters on station than its count.
struct PatrolGaps {
    /// Patrol index of each fighter, by unit name.
    patrol_of: BTreeMap<String, usize>,
    /// Per patrol: its count, fighters on station, and the time (s) up to which its gap is
    /// counted (from its first time on station).
    patrols: Vec<(i64, i64, f64)>,
    total_s: f64,
}

impl PatrolGaps {
    fn new(prepared: &PreparedScenario) -> PatrolGaps {
        let patrol_of = prepared
            .units
            .iter()
            .filter_map(|unit| match unit.role {
                UnitRole::Fighter { patrol, .. } => Some((unit.name.clone(), patrol)),
                UnitRole::Site { .. } => None,
            })
            .collect();
        let patrols = prepared
            .scenario
            .patrols
            .iter()
            .map(|patrol| (i64::from(patrol.count), 0, seconds(patrol.on_station)))
            .collect();
        PatrolGaps {
            patrol_of,
            patrols,
            total_s: 0.0,
        }
    }

    /// Counts patrol `index`'s gap up to `time_s`.
    fn advance(&mut self, index: usize, time_s: f64) {
        let (count, on, counted_to) = &mut self.patrols[index];
        if time_s > *counted_to {
            if *on < *count {
                self.total_s += time_s - *counted_to;
            }
            *counted_to = time_s;
        }
    }

    /// A fighter came on (`step` 1) or left (-1) its station at `time_s`.
    fn change(&mut self, time_s: f64, unit: &str, step: i64) {
        if let Some(&index) = self.patrol_of.get(unit) {
            self.advance(index, time_s);
            self.patrols[index].1 += step;
        }
    }

    /// The total gap with every patrol counted up to `end_s`.
    fn total_until(mut self, end_s: f64) -> f64 {
        for index in 0..self.patrols.len() {
            self.advance(index, end_s);
        }
        self.total_s
    }
}

/// Computes the metrics of a run from its event log.
pub fn compute_metrics(prepared: &PreparedScenario, events: &[Event]) -> RunMetrics {
    let mut metrics = RunMetrics {
        scenario: prepared.scenario.name.clone(),
        ..RunMetrics::default()
    };
    for nation in &prepared.scenario.nations {
        if nation.rules.is_some() {
            metrics
                .nations
                .insert(nation.code.to_string(), NationBurden::default());
        }
    }
    let type_of = |threat: ThreatId| {
        let kind = prepared.threats[threat.index()].kind;
        prepared.scenario.library.threat(kind).id.clone()
    };
    let mut entered_at = BTreeMap::new();
    let mut decided_at = BTreeMap::new();
    let mut launched_at = BTreeMap::new();
    let mut latencies = [Vec::new(), Vec::new(), Vec::new()];
    let mut answered: Vec<f64> = Vec::new();
    let mut gaps = PatrolGaps::new(prepared);
    let mut awaiting_approval = BTreeSet::new();
    let mut entered_when = BTreeMap::new();
    let mut track_latencies = Vec::new();
    for event in events {
        match event {
            Event::ThreatLaunched { threat_type, .. } => {
                metrics.launched += 1;
                metrics
                    .threat_types
                    .entry(threat_type.clone())
                    .or_default()
                    .launched += 1;
            }
            Event::ThreatAttrited { threat, .. } => {
                metrics.attrited_en_route += 1;
                metrics
                    .threat_types
                    .entry(type_of(*threat))
                    .or_default()
                    .attrited_en_route += 1;
            }
            Event::ThreatEntered { time_s, threat, .. } => {
                metrics.entered_theatre += 1;
                metrics
                    .threat_types
                    .entry(type_of(*threat))
                    .or_default()
                    .entered_theatre += 1;
                entered_at.insert(*threat, *time_s);
                let target = &prepared.threats[threat.index()].target;
                *metrics.entered_by_target.entry(target.clone()).or_default() += 1;
                entered_when.insert(*threat, *time_s);
            }
            Event::Tracked { time_s, threat } => {
                if let Some(entered) = entered_when.get(threat) {
                    track_latencies.push(time_s - entered);
                }
            }
            Event::Decision {
                time_s,
                engagement,
                threat,
                needs_approval,
                ..
            } => {
                decided_at.insert(*engagement, *time_s);
                metrics.approval_requests += u32::from(*needs_approval);
                if let Some(entered) = entered_at.remove(threat) {
                    latencies[0].push(time_s - entered);
                }
            }
            Event::Launch {
                time_s,
                engagement,
                nation,
                munition,
                cost_usd,
                sensor_nations,
                ..
            } => {
                metrics.engagements += 1;
                for code in sensor_nations {
                    *metrics
                        .engagements_enabled_by
                        .entry(code.clone())
                        .or_default() += 1;
                }
                if !sensor_nations.contains(nation) {
                    metrics.engagements_enabled_by_other_nation += 1;
                }
                metrics.interceptor_cost_usd += cost_usd;
                let burden = metrics.nations.entry(nation.clone()).or_default();
                burden.engagements += 1;
                burden.interceptor_cost_usd += cost_usd;
                *burden.munitions.entry(munition.clone()).or_default() += 1;
                launched_at.insert(*engagement, *time_s);
                if let Some(decided) = decided_at.get(engagement) {
                    latencies[1].push(time_s - decided);
                }
            }
            Event::Kill {
                time_s,
                engagement,
                threat,
                nation,
                ..
            } => {
                metrics.destroyed += 1;
                metrics.threat_cost_destroyed_usd += prepared.threats[threat.index()].cost_usd;
                let outcome = metrics.threat_types.entry(type_of(*threat)).or_default();
                outcome.destroyed += 1;
                *outcome.destroyed_by.entry(nation.clone()).or_default() += 1;
                metrics.nations.entry(nation.clone()).or_default().kills += 1;
                if let Some(launched) = launched_at.get(engagement) {
                    latencies[2].push(time_s - launched);
                }
            }
            Event::Miss {
                time_s, engagement, ..
            } => {
                if let Some(launched) = launched_at.get(engagement) {
                    latencies[2].push(time_s - launched);
                }
            }
            Event::Approval { time_s, engagement } => {
                answered.push(time_s - decided_at.get(engagement).unwrap_or(time_s));
            }
            Event::ApprovalRefused {
                time_s, engagement, ..
            } => {
                metrics.approval_refusals += 1;
                answered.push(time_s - decided_at.get(engagement).unwrap_or(time_s));
            }
            Event::Impact { threat, target, .. } => {
                metrics.leaked += 1;
                if awaiting_approval.contains(threat) {
                    metrics.leaked_awaiting_approval += 1;
                }
                metrics
                    .threat_types
                    .entry(type_of(*threat))
                    .or_default()
                    .leaked += 1;
                *metrics.leakers_by_target.entry(target.clone()).or_default() += 1;
            }
            Event::Spillover {
                time_s,
                object,
                threat,
                country,
                near,
                time_inside_s,
                depth_m,
                ..
            } => {
                let summary = &mut metrics.spillover;
                summary.count += 1;
                match object {
                    SpilloverObject::Threat => summary.threats += 1,
                    SpilloverObject::Interceptor => summary.interceptors += 1,
                    SpilloverObject::Debris => summary.debris += 1,
                }
                summary.events.push(SpilloverRecord {
                    object: *object,
                    threat: *threat,
                    country: country.clone(),
                    near: near.clone(),
                    time_s: *time_s,
                    time_inside_s: *time_inside_s,
                    depth_m: *depth_m,
                });
            }
            Event::SortieEnd {
                nation,
                flight_hours,
                cost_usd,
                ..
            } => {
                metrics.flight_cost_usd += cost_usd;
                let burden = metrics.nations.entry(nation.clone()).or_default();
                burden.sorties += 1;
                burden.flight_hours += flight_hours;
                burden.flight_cost_usd += cost_usd;
            }
            Event::Unengaged { reason, threat, .. } => {
                *metrics.unengaged_reasons.entry(reason.clone()).or_default() += 1;
                if reason == Infeasible::AwaitingApproval.as_str() {
                    awaiting_approval.insert(*threat);
                }
            }
            Event::PictureQuality {
                gospa_m,
                completeness,
                spuriousness,
                ..
            } => {
                metrics.picture_gospa_m = *gospa_m;
                metrics.picture_completeness = *completeness;
                metrics.picture_spuriousness = *spuriousness;
            }
            Event::RunEnd { time_s, airborne } => {
                metrics.end_time_s = *time_s;
                metrics.airborne_at_end = airborne.len() as u32;
                for threat in airborne {
                    metrics
                        .threat_types
                        .entry(type_of(*threat))
                        .or_default()
                        .airborne_at_end += 1;
                }
            }
            Event::OnStation { time_s, unit, .. } => gaps.change(*time_s, unit, 1),
            Event::OffStation { time_s, unit, .. } => gaps.change(*time_s, unit, -1),
            Event::AirspaceEntry { .. } | Event::SortieStart { .. } => {}
        }
    }
    metrics.patrol_gap_s = gaps.total_until(metrics.end_time_s);
    metrics.approval_wait_s = answered.iter().sum();
    metrics.approval_wait_mean_s = ratio(metrics.approval_wait_s, answered.len() as f64);
    metrics.interception_rate = ratio(
        f64::from(metrics.destroyed),
        f64::from(metrics.entered_theatre),
    );
    metrics.cost_exchange = ratio(
        metrics.interceptor_cost_usd,
        metrics.threat_cost_destroyed_usd,
    );
    for burden in metrics.nations.values_mut() {
        burden.cost_usd = burden.interceptor_cost_usd + burden.flight_cost_usd;
    }
    for (type_id, outcome) in &metrics.threat_types {
        for (code, burden) in metrics.nations.iter_mut() {
            let kills = outcome.destroyed_by.get(code).copied().unwrap_or(0);
            if let Some(rate) = ratio(f64::from(kills), f64::from(outcome.entered_theatre)) {
                burden
                    .interception_rate_by_threat_type
                    .insert(type_id.clone(), rate);
            }
        }
    }
    metrics.threats_never_tracked = metrics.entered_theatre - track_latencies.len() as u32;
    metrics.track_latency_s_mean =
        ratio(track_latencies.iter().sum(), track_latencies.len() as f64);
    metrics.track_latency_s_p90 = percentile_nearest_rank(track_latencies, 0.9);
    let [entry, decision, launch] = latencies;
    metrics.timeline = Timeline {
        entry_to_decision_s: median(entry),
        decision_to_launch_s: median(decision),
        launch_to_outcome_s: median(launch),
    };
    metrics
}

fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator > 0.0).then(|| numerator / denominator)
}

/// The median of a list (mean of the middle two for an even count), `None` when empty.
pub fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    Some(if values.len() % 2 == 0 {
        (values[middle - 1] + values[middle]) / 2.0
    } else {
        values[middle]
    })
}

/// The `q` quantile of a list by nearest rank (the smallest value with at least a fraction `q`
/// of the list at or below it), `None` when empty.
pub fn percentile_nearest_rank(mut values: Vec<f64>, q: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let rank = (q * values.len() as f64).ceil().max(1.0) as usize;
    Some(values[rank.min(values.len()) - 1])
}

#[cfg(test)]
mod tests {
    use super::{median, percentile_nearest_rank};

    #[test]
    fn p90_by_nearest_rank() {
        let values: Vec<f64> = (1..=10).map(f64::from).collect();
        // ceil(0.9 * 10) = 9th smallest.
        assert_eq!(percentile_nearest_rank(values, 0.9), Some(9.0));
        // ceil(0.9 * 11) = 10th smallest of 0..=10.
        let values: Vec<f64> = (0..=10).map(f64::from).collect();
        assert_eq!(percentile_nearest_rank(values, 0.9), Some(9.0));
        assert_eq!(percentile_nearest_rank(vec![7.0], 0.9), Some(7.0));
        assert_eq!(percentile_nearest_rank(vec![], 0.9), None);
    }

    #[test]
    fn median_of_odd_and_even_lists() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(vec![]), None);
    }
}
