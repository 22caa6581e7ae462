//! The nights of a record window, each as the raids it flies: one raid per threat group of each
//! row, a mixed salvo split as its row states, or else by the shares its types had in the
//! single-type rows of the months around it.

use super::date::Date;
use super::group::Group;
use super::table::{RecordRow, RecordTable};

/// Days either side of a mixed salvo's night whose single-type rows give its split.
pub const MIXED_SHARE_WINDOW_DAYS: i64 = 91;

/// One raid of a night: threats of one group launched from the row's places over its window.
#[derive(Clone, Debug, PartialEq)]
pub struct RaidPlan {
    /// The group.
    pub group: Group,
    /// How many threats.
    pub count: u32,
    /// The launch places as the record writes them.
    pub launch_places: Vec<String>,
    /// First and last launch, Unix seconds: the row's start, and half-way to its end.
    pub window_s: (i64, i64),
    /// The row's line in the table.
    pub line: u64,
}

/// One night: its raids, and the rows it is scored on (the single-type rows).
#[derive(Clone, Debug, PartialEq)]
pub struct NightPlan {
    /// The night (the date of `time_end`).
    pub night: Date,
    /// Its raids, in row order.
    pub raids: Vec<RaidPlan>,
    /// The single-type rows of the night (indices into the table's rows), which it is scored on.
    pub scored_rows: Vec<usize>,
}

/// The nights from `from` to `to` (both included), in date order.
pub fn plan_nights(table: &RecordTable, from: Date, to: Date) -> Vec<NightPlan> {
    let mut nights: Vec<NightPlan> = Vec::new();
    for (index, row) in table.rows.iter().enumerate() {
        if row.night < from || row.night > to {
            continue;
        }
        let position = match nights.binary_search_by(|night| night.night.cmp(&row.night)) {
            Ok(position) => position,
            Err(position) => {
                nights.insert(
                    position,
                    NightPlan {
                        night: row.night,
                        raids: Vec::new(),
                        scored_rows: Vec::new(),
                    },
                );
                position
            }
        };
        let night = &mut nights[position];
        let counts = match &row.stated_counts {
            Some(stated) => stated.clone(),
            None => split(row, &shares(table, row)),
        };
        for (&group, count) in row.groups.iter().zip(counts) {
            if count > 0 {
                night.raids.push(RaidPlan {
                    group,
                    count,
                    launch_places: row.launch_places.clone(),
                    window_s: (row.start_s, row.start_s + (row.end_s - row.start_s) / 2),
                    line: row.line,
                });
            }
        }
        if row.groups.len() == 1 {
            night.scored_rows.push(index);
        }
    }
    nights
}

/// The share of each of a row's groups: 1 for a single type; for a mixed salvo, each group's
/// launches in the single-type rows within [`MIXED_SHARE_WINDOW_DAYS`] of its night (equal
/// shares when none of its groups has any).
fn shares(table: &RecordTable, row: &RecordRow) -> Vec<f64> {
    if row.groups.len() == 1 {
        return vec![1.0];
    }
    let day = row.night.days_since_epoch();
    let launched: Vec<f64> = row
        .groups
        .iter()
        .map(|&group| {
            table
                .rows
                .iter()
                .filter(|other| other.groups == [group])
                .filter(|other| {
                    (other.night.days_since_epoch() - day).abs() <= MIXED_SHARE_WINDOW_DAYS
                })
                .map(|other| f64::from(other.launched))
                .sum()
        })
        .collect();
    if launched.iter().all(|&n| n == 0.0) {
        vec![1.0; row.groups.len()]
    } else {
        launched
    }
}

/// A row's launches split over its groups in proportion to `shares`, by largest remainder (the
/// earlier group on a tie), so the parts add up to the row's count.
pub fn split(row: &RecordRow, shares: &[f64]) -> Vec<u32> {
    let total: f64 = shares.iter().sum();
    let quotas: Vec<f64> = shares
        .iter()
        .map(|share| f64::from(row.launched) * share / total)
        .collect();
    let mut counts: Vec<u32> = quotas.iter().map(|quota| quota.floor() as u32).collect();
    let mut left = row.launched - counts.iter().sum::<u32>();
    let mut order: Vec<usize> = (0..quotas.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (quotas[a] - quotas[a].floor(), quotas[b] - quotas[b].floor());
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    for index in order {
        if left == 0 {
            break;
        }
        counts[index] += 1;
        left -= 1;
    }
    counts
}
