//! Reading the strike record as published: the Air Force HQ's rows (source `kpszsu…`), each
//! with its night, Kyiv-time window, model, launch places and counts. Every row that cannot be
//! read is listed with its line and reason, never guessed.

use serde::Serialize;

use super::date::{Date, parse_record_time};
use super::group::Group;

/// Hour (Kyiv time) at which a start written as a date alone is read: the evening.
pub const DATE_ONLY_START_HOUR: u32 = 18;
/// Hour at which an end written as a date alone is read: the morning bulletin.
pub const DATE_ONLY_END_HOUR: u32 = 9;

/// One HQ row of the record that Canopy can fly.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordRow {
    /// Its line in the table (the header is line 1).
    pub line: u64,
    /// The night: the date of `time_end`.
    pub night: Date,
    /// The first launch, Unix seconds.
    pub start_s: i64,
    /// The end of the attack, Unix seconds.
    pub end_s: i64,
    /// The model as written.
    pub model: String,
    /// The threat groups of the model: one, or several for a mixed salvo.
    pub groups: Vec<Group>,
    /// For a mixed salvo whose `launched_details` gives each model's launches: those of each
    /// group (in `groups` order).
    pub stated_counts: Option<Vec<u32>>,
    /// The launch places as written, split at " and ".
    pub launch_places: Vec<String>,
    /// Launched.
    pub launched: u32,
    /// Reported destroyed.
    pub destroyed: u32,
    /// Reported locationally lost (empty in the table reads as 0).
    pub not_reach_goal: u32,
}

/// A row that was not read, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SkippedRow {
    /// Its line in the table.
    pub line: u64,
    /// Its night, when its `time_end` could be read.
    pub night: Option<String>,
    /// Why it was skipped.
    pub reason: String,
}

/// The readable HQ rows of a record table, the rows skipped, and how many regional rows were
/// left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RecordTable {
    /// The rows Canopy can fly, in table order.
    pub rows: Vec<RecordRow>,
    /// HQ rows that could not be read or flown, in table order.
    pub skipped: Vec<SkippedRow>,
    /// Rows of regional commands (their figures are part of the HQ's totals).
    pub regional_rows: u64,
}

/// The columns the reader needs.
const COLUMNS: [&str; 8] = [
    "time_start",
    "time_end",
    "model",
    "launch_place",
    "launched",
    "destroyed",
    "not_reach_goal",
    "source",
];

/// Whether a row's source is the Air Force HQ's national bulletin.
fn is_headquarters(source: &str) -> bool {
    source.trim().starts_with("kpszsu")
}

/// Reads a record table (CSV with a header). An unreadable header or a missing column is an
/// error naming it; an unreadable row is skipped with its reason.
pub fn read_record(text: &str) -> Result<RecordTable, String> {
    // A bare carriage return ends a record as a line feed does, but only line feeds count
    // lines: read it as one, so every row has a line of its own.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|err| format!("line 1: unreadable header: {err}"))?
        .clone();
    let mut positions = [0usize; COLUMNS.len()];
    for (slot, wanted) in positions.iter_mut().zip(COLUMNS) {
        *slot = headers
            .iter()
            .position(|h| h.trim() == wanted)
            .ok_or_else(|| {
                format!(
                    "line 1: no `{wanted}` column (needed: {})",
                    COLUMNS.join(", ")
                )
            })?;
    }
    let details_column = headers.iter().position(|h| h.trim() == "launched_details");
    let mut table = RecordTable::default();
    for (index, record) in reader.records().enumerate() {
        let line = index as u64 + 2;
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                table.skipped.push(SkippedRow {
                    line: err.position().map_or(line, |p| p.line()),
                    night: None,
                    reason: format!("unreadable row: {err}"),
                });
                continue;
            }
        };
        let line = record.position().map_or(line, |p| p.line());
        let cell = |column: usize| record.get(positions[column]).unwrap_or("").trim();
        if !is_headquarters(cell(7)) {
            table.regional_rows += 1;
            continue;
        }
        let details = details_column.map_or("", |column| record.get(column).unwrap_or("").trim());
        match read_row(line, &cell, details) {
            Ok((row, left_out)) => {
                for (model, count) in left_out {
                    table.skipped.push(SkippedRow {
                        line,
                        night: Some(row.night.to_string()),
                        reason: format!(
                            "part `{model}` ({count} launched) of a mixed salvo has no threat type in Canopy's library; the rest of the row is flown"
                        ),
                    });
                }
                table.rows.push(row);
            }
            Err(reason) => {
                let night = parse_record_time(cell(1), DATE_ONLY_END_HOUR)
                    .map(|(night, _)| night.to_string());
                table.skipped.push(SkippedRow {
                    line,
                    night,
                    reason,
                });
            }
        }
    }
    Ok(table)
}

/// The models' launches a mixed salvo's `launched_details` states, e.g.
/// `{'X-101/X-555': 50, 'Kalibr': 12}`; `None` when it is empty or does not read so.
fn stated_launches(details: &str) -> Option<Vec<(String, u32)>> {
    let inner = details.trim().strip_prefix('{')?.strip_suffix('}')?;
    inner
        .split(',')
        .filter(|entry| !entry.trim().is_empty())
        .map(|entry| {
            let (model, count) = entry.split_once(':')?;
            let model = model.trim().trim_matches(|c| c == '\'' || c == '"');
            let count: f64 = count.trim().parse().ok()?;
            (count >= 0.0 && count.fract() == 0.0).then(|| (model.to_string(), count as u32))
        })
        .collect()
}

/// The groups of a model and, for a mixed salvo with stated launches, each group's launches and
/// the parts of no group (with their launches), which are left out.
type ModelParts = (Vec<Group>, Option<Vec<u32>>, Vec<(String, u32)>);

fn model_parts(model: &str, details: &str) -> Result<ModelParts, String> {
    let stated = stated_launches(details).filter(|_| model.contains(" and "));
    let Some(stated) = stated else {
        return Ok((Group::of_model(model)?, None, Vec::new()));
    };
    let (mut groups, mut counts, mut left_out) = (Vec::new(), Vec::<u32>::new(), Vec::new());
    for part in model.split(" and ").map(str::trim) {
        let count = stated
            .iter()
            .find(|(name, _)| name == part)
            .map(|(_, count)| *count)
            .ok_or_else(|| format!("launched_details `{details}` gives no count for `{part}`"))?;
        match Group::of_single(part) {
            Some(group) => match groups.iter().position(|g| *g == group) {
                Some(at) => {
                    counts[at] = counts[at]
                        .checked_add(count)
                        .ok_or_else(|| format!("launched_details `{details}` counts overflow"))?;
                }
                None => {
                    groups.push(group);
                    counts.push(count);
                }
            },
            None => left_out.push((part.to_string(), count)),
        }
    }
    if groups.is_empty() {
        return Group::of_model(model).map(|groups| (groups, None, Vec::new()));
    }
    Ok((groups, Some(counts), left_out))
}

/// One HQ row, with the parts of a mixed salvo left out, or why it cannot be flown.
fn read_row<'r>(
    line: u64,
    cell: &dyn Fn(usize) -> &'r str,
    details: &str,
) -> Result<(RecordRow, Vec<(String, u32)>), String> {
    let (night, end_s) = parse_record_time(cell(1), DATE_ONLY_END_HOUR)
        .ok_or_else(|| format!("time_end `{}` is not a date (YYYY-MM-DD [HH:MM])", cell(1)))?;
    let (_, start_s) = parse_record_time(cell(0), DATE_ONLY_START_HOUR).ok_or_else(|| {
        format!(
            "time_start `{}` is not a date (YYYY-MM-DD [HH:MM])",
            cell(0)
        )
    })?;
    let model = cell(2).to_string();
    let (groups, stated_counts, left_out) = model_parts(&model, details)?;
    let count = |column: usize, name: &str, empty_is_zero: bool| -> Result<u32, String> {
        let text = cell(column);
        if text.is_empty() {
            return if empty_is_zero {
                Ok(0)
            } else {
                Err(format!("`{name}` is missing"))
            };
        }
        let value: f64 = text
            .parse()
            .map_err(|_| format!("`{name}` = `{text}` is not a number"))?;
        if value < 0.0 || value.fract() != 0.0 || value > f64::from(u32::MAX) {
            return Err(format!(
                "`{name}` = {text} is not a whole number of 0 or more"
            ));
        }
        Ok(value as u32)
    };
    let launched = count(4, "launched", false)?;
    let destroyed = count(5, "destroyed", false)?;
    let not_reach_goal = count(6, "not_reach_goal", true)?;
    if u64::from(destroyed) + u64::from(not_reach_goal) > u64::from(launched) {
        return Err(format!(
            "destroyed {destroyed} and not_reach_goal {not_reach_goal} exceed launched {launched}"
        ));
    }
    if launched == 0 {
        return Err("nothing launched".to_string());
    }
    if let Some(counts) = &stated_counts {
        let stated: u64 = counts
            .iter()
            .chain(left_out.iter().map(|(_, count)| count))
            .map(|&count| u64::from(count))
            .sum();
        if stated != u64::from(launched) {
            return Err(format!(
                "launched_details `{details}` states {stated} launches, launched is {launched}"
            ));
        }
    }
    let launch_places = cell(3)
        .split(" and ")
        .map(str::trim)
        .filter(|place| !place.is_empty())
        .map(str::to_string)
        .collect();
    let row = RecordRow {
        line,
        night,
        start_s: start_s.min(end_s),
        end_s,
        model,
        groups,
        stated_counts,
        launch_places,
        launched,
        destroyed,
        not_reach_goal,
    };
    Ok((row, left_out))
}
