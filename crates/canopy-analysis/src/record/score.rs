//! The model against the record: each night's reported and predicted figures by group, and the
//! rates of each group pooled over its single-type rows.

use std::collections::BTreeMap;

use serde::Serialize;

use super::group::Group;
use super::nights::NightPlan;
pub use super::predicted::Predicted;
use super::replay::{NightRun, raid_id_of};
use super::table::RecordTable;

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
