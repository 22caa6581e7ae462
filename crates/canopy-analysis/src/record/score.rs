//! The model against the record: each night's reported and predicted figures by group, and the
//! rates of each group pooled over its single-type rows.

use std::collections::BTreeMap;

use serde::Serialize;

use super::counterfactual::CounterfactualSummary;
use super::date::Date;
use super::group::Group;
use super::naive::{NaiveForecast, naive_forecast};
use super::nights::NightPlan;
pub use super::predicted::Predicted;
use super::replay::{NightRun, raid_id_of};
use super::table::{RecordTable, SkippedRow};

/// One night and group: what the record reported on its single-type rows and what the model
/// predicts for the same threats.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NightRow {
    /// The night.
    pub night: String,
    /// The group.
    pub group: Group,
    /// Launched (reported; flown as such).
    pub launched: u32,
    /// Reported destroyed.
    pub reported_destroyed: u32,
    /// Reported locationally lost.
    pub reported_not_reach_goal: u32,
    /// Predicted destroyed.
    pub predicted_destroyed: Predicted,
    /// Predicted lost to electronic warfare.
    pub predicted_lost: Predicted,
    /// Predicted leaked.
    pub predicted_leaked: Predicted,
}

impl NightRow {
    /// (destroyed + not_reach_goal) / launched.
    pub fn reported_rate(&self) -> f64 {
        f64::from(self.reported_destroyed + self.reported_not_reach_goal) / f64::from(self.launched)
    }

    /// (predicted destroyed + lost) / launched, mean over replications.
    pub fn predicted_rate(&self) -> f64 {
        (self.predicted_destroyed.mean + self.predicted_lost.mean) / f64::from(self.launched)
    }
}

/// A group's rates pooled over its single-type rows of the window.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupScore {
    /// Threats launched on those rows.
    pub launched: u32,
    /// Nights with such rows.
    pub nights: u32,
    /// (destroyed + not_reach_goal) / launched, pooled.
    pub reported_rate: Option<f64>,
    /// The model's (destroyed + lost) / launched on the same rows, pooled, mean over
    /// replications.
    pub predicted_rate: Option<f64>,
    /// The 5 % and 95 % quantiles of that pooled rate over the replications.
    pub predicted_interval: Option<[f64; 2]>,
}

/// The scored nights: the rows of `nights.parquet`, and each group's pooled score.
#[derive(Clone, Debug, PartialEq)]
pub struct Scores {
    /// One row per night and group with single-type rows.
    pub rows: Vec<NightRow>,
    /// By group, in [`Group::ALL`] order.
    pub groups: Vec<(Group, GroupScore)>,
}

/// What one night's single-type rows of one group reported, and each replication's figures for
/// the same raids.
#[derive(Default)]
struct Tally {
    launched: u32,
    destroyed: u32,
    not_reach_goal: u32,
    /// Per replication: destroyed, lost, leaked.
    predicted: Vec<[f64; 3]>,
}

/// Scores the nights: `runs[n]` are night `n`'s replications.
pub fn score(table: &RecordTable, nights: &[NightPlan], runs: &[Vec<NightRun>]) -> Scores {
    let replications = runs.first().map_or(0, Vec::len);
    let mut rows = Vec::new();
    let mut pooled: BTreeMap<Group, (Tally, u32)> = BTreeMap::new();
    for (night, night_runs) in nights.iter().zip(runs) {
        let mut tallies: BTreeMap<Group, Tally> = BTreeMap::new();
        for &index in &night.scored_rows {
            let row = &table.rows[index];
            let group = row.groups[0];
            let tally = tallies.entry(group).or_default();
            tally.launched += row.launched;
            tally.destroyed += row.destroyed;
            tally.not_reach_goal += row.not_reach_goal;
            tally.predicted.resize(replications, [0.0; 3]);
            let id = raid_id_of(row.line, group);
            for (slot, run) in tally.predicted.iter_mut().zip(night_runs) {
                if let Some(outcome) = run.raids.get(&id) {
                    slot[0] += f64::from(outcome.destroyed);
                    slot[1] += f64::from(outcome.lost);
                    slot[2] += f64::from(outcome.leaked);
                }
            }
        }
        for (group, tally) in tallies {
            let column = |k: usize| -> Vec<f64> { tally.predicted.iter().map(|p| p[k]).collect() };
            rows.push(NightRow {
                night: night.night.to_string(),
                group,
                launched: tally.launched,
                reported_destroyed: tally.destroyed,
                reported_not_reach_goal: tally.not_reach_goal,
                predicted_destroyed: Predicted::of(&column(0)),
                predicted_lost: Predicted::of(&column(1)),
                predicted_leaked: Predicted::of(&column(2)),
            });
            let (total, count) = pooled.entry(group).or_default();
            *count += 1;
            total.launched += tally.launched;
            total.destroyed += tally.destroyed;
            total.not_reach_goal += tally.not_reach_goal;
            total.predicted.resize(replications, [0.0; 3]);
            for (sum, add) in total.predicted.iter_mut().zip(&tally.predicted) {
                for k in 0..3 {
                    sum[k] += add[k];
                }
            }
        }
    }
    let groups = Group::ALL
        .into_iter()
        .map(|group| {
            let score = match pooled.get(&group) {
                Some((tally, nights)) if tally.launched > 0 => {
                    let launched = f64::from(tally.launched);
                    let rates: Vec<f64> = tally
                        .predicted
                        .iter()
                        .map(|p| (p[0] + p[1]) / launched)
                        .collect();
                    let predicted = Predicted::of(&rates);
                    GroupScore {
                        launched: tally.launched,
                        nights: *nights,
                        reported_rate: Some(
                            f64::from(tally.destroyed + tally.not_reach_goal) / launched,
                        ),
                        predicted_rate: (!rates.is_empty()).then_some(predicted.mean),
                        predicted_interval: (!rates.is_empty())
                            .then_some([predicted.lo, predicted.hi]),
                    }
                }
                _ => GroupScore {
                    launched: 0,
                    nights: 0,
                    reported_rate: None,
                    predicted_rate: None,
                    predicted_interval: None,
                },
            };
            (group, score)
        })
        .collect();
    Scores { rows, groups }
}

impl Scores {
    /// The mean over the groups with launches of |predicted − reported| rate, in percentage
    /// points (`None` when no group has launches).
    pub fn mean_abs_error_pp(&self) -> Option<f64> {
        let errors: Vec<f64> = self
            .groups
            .iter()
            .filter_map(|(_, score)| Some((score.predicted_rate? - score.reported_rate?).abs()))
            .collect();
        (!errors.is_empty()).then(|| 100.0 * errors.iter().sum::<f64>() / errors.len() as f64)
    }
}

/// `summary.json`.
#[derive(Clone, Debug, Serialize)]
pub struct RecordSummary {
    /// First and last night of the window.
    pub from: String,
    /// Last night.
    pub to: String,
    /// Nights flown.
    pub nights: usize,
    /// Replications per night.
    pub replications: u64,
    /// The defence scenario's name.
    pub defence: String,
    /// By group name.
    pub types: BTreeMap<&'static str, GroupScore>,
    /// Mean over the groups with launches of |predicted − reported| rate, percentage points.
    pub mean_abs_error_pp: Option<f64>,
    /// HQ rows of the window (or of no readable night) that could not be read or flown.
    pub skipped_rows: Vec<SkippedRow>,
    /// Rows of regional commands, left out.
    pub regional_rows: u64,
    /// Mixed salvos flown (split by type) but not scored.
    pub mixed_rows: u64,
    /// Launch place names Canopy could not place, with how many raids named them (their threats
    /// were flown from the defence's launch places for the type).
    pub unplaced_launch_places: BTreeMap<String, u64>,
    /// The same nights against another defence (`--defence`), if asked.
    pub counterfactual: Option<CounterfactualSummary>,
    /// The naive forecast "same rates as the year before", and the model's skill against it.
    pub naive_forecast: NaiveForecast,
}

impl RecordSummary {
    /// The summary of scored nights.
    pub fn new(
        (from, to): (Date, Date),
        (table, nights, scores): (&RecordTable, &[NightPlan], &Scores),
        (replications, defence): (u64, &str),
        unplaced_launch_places: BTreeMap<String, u64>,
    ) -> RecordSummary {
        let in_window = |night: Date| night >= from && night <= to;
        let mixed_rows = table
            .rows
            .iter()
            .filter(|row| row.groups.len() > 1 && in_window(row.night))
            .count() as u64;
        RecordSummary {
            from: from.to_string(),
            to: to.to_string(),
            nights: nights.len(),
            replications,
            defence: defence.to_string(),
            types: scores
                .groups
                .iter()
                .map(|(group, score)| (group.name(), score.clone()))
                .collect(),
            mean_abs_error_pp: scores.mean_abs_error_pp(),
            skipped_rows: table
                .skipped
                .iter()
                .filter(|row| {
                    row.night
                        .as_deref()
                        .is_none_or(|night| Date::parse(night).is_some_and(in_window))
                })
                .cloned()
                .collect(),
            regional_rows: table.regional_rows,
            mixed_rows,
            unplaced_launch_places,
            counterfactual: None,
            naive_forecast: naive_forecast(
                table,
                from,
                &scores
                    .groups
                    .iter()
                    .map(|(group, score)| (*group, score.reported_rate, score.predicted_rate))
                    .collect::<Vec<_>>(),
            ),
        }
    }
}
