//! What the record report computes from the scored nights: each row's rates and error, the rows
//! the model misses most, and the rates pooled by month; and how the report writes them.

use std::collections::BTreeMap;

use canopy_analysis::record::{Group, NightRow};

/// How many rows the "misses most" table shows.
pub(crate) const MISSES_SHOWN: usize = 10;

/// Errors closer than this (as a rate) are ties: arithmetic noise does not order rows.
const TIE: f64 = 1e-9;

/// The rows with launches (a row without any has no rate).
pub(crate) fn with_launches(rows: &[NightRow]) -> impl Iterator<Item = &NightRow> {
    rows.iter().filter(|row| row.launched > 0)
}

/// A row's error: predicted − reported rate.
pub(crate) fn row_error(row: &NightRow) -> f64 {
    row.predicted_rate() - row.reported_rate()
}

/// The groups with launches on some row, in [`Group::ALL`] order.
pub(crate) fn groups_with_launches(rows: &[NightRow]) -> Vec<Group> {
    Group::ALL
        .into_iter()
        .filter(|group| with_launches(rows).any(|row| row.group == *group))
        .collect()
}

/// The `count` rows with the largest |predicted − reported| rate, largest first; ties (within
/// [`TIE`]) by night, then group.
pub(crate) fn misses_most(rows: &[NightRow], count: usize) -> Vec<&NightRow> {
    let mut ranked: Vec<(i64, &NightRow)> = with_launches(rows)
        .map(|row| ((row_error(row).abs() / TIE).round() as i64, row))
        .collect();
    ranked.sort_by(|(a, ra), (b, rb)| {
        b.cmp(a)
            .then_with(|| ra.night.cmp(&rb.night))
            .then_with(|| ra.group.cmp(&rb.group))
    });
    ranked.into_iter().take(count).map(|(_, row)| row).collect()
}

/// A group's rows of one month pooled: launched, reported and predicted (mean) neutralised.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Pooled {
    /// Threats launched.
    pub launched: u32,
    /// Reported destroyed + not reaching their goal.
    pub reported: u32,
    /// Predicted destroyed + lost, mean over replications.
    pub predicted: f64,
}

impl Pooled {
    /// The reported rate.
    pub fn reported_rate(&self) -> f64 {
        f64::from(self.reported) / f64::from(self.launched)
    }

    /// The predicted rate.
    pub fn predicted_rate(&self) -> f64 {
        self.predicted / f64::from(self.launched)
    }
}

/// The month of a night (`YYYY-MM` of `YYYY-MM-DD`).
pub(crate) fn month(night: &str) -> &str {
    night.get(..7).unwrap_or(night)
}

/// The rows with launches pooled by month and group.
pub(crate) fn by_month(rows: &[NightRow]) -> BTreeMap<&str, BTreeMap<Group, Pooled>> {
    let mut months: BTreeMap<&str, BTreeMap<Group, Pooled>> = BTreeMap::new();
    for row in with_launches(rows) {
        let pooled = months
            .entry(month(&row.night))
            .or_default()
            .entry(row.group)
            .or_default();
        pooled.launched += row.launched;
        pooled.reported += row.reported_destroyed + row.reported_not_reach_goal;
        pooled.predicted += row.predicted_destroyed.mean + row.predicted_lost.mean;
    }
    months
}

/// A rate as a percentage with one decimal: `45.2 %`.
pub(crate) fn percent(rate: f64) -> String {
    format!("{:.1} %", 100.0 * rate)
}

/// A difference of rates in percentage points, signed, one decimal: `+3.4`, `-12.0`, `0.0`.
pub(crate) fn points(difference: f64) -> String {
    let pp = 100.0 * difference;
    if (pp * 10.0).round() == 0.0 {
        "0.0".to_string()
    } else {
        format!("{pp:+.1}")
    }
}

/// A mean with one decimal.
pub(crate) fn mean(value: f64) -> String {
    format!("{value:.1}")
}

/// The cell of a missing value.
pub(crate) const NONE: &str = "—";
