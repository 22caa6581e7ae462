//! `summary.json` of `canopy record`: each group's pooled score over the window, the rows left
//! out, and the naive forecast to beat.

use std::collections::BTreeMap;

use serde::Serialize;

use super::counterfactual::CounterfactualSummary;
use super::date::Date;
use super::naive::{NaiveForecast, naive_forecast};
use super::nights::NightPlan;
use super::score::{GroupScore, Scores};
use super::table::{RecordTable, SkippedRow};

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
            naive_forecast: naive_forecast(table, from, scores),
        }
    }
}
