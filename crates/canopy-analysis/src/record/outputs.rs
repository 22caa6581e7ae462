//! The files of `canopy record`: `nights.parquet` and `nights.csv` (one row per night and
//! group), and `summary.json`; each written whole.

use std::path::Path;

use canopy_io::{Missing, Table};

use super::score::NightRow;
use super::summary::RecordSummary;

/// The table of the night rows (nested predictions flattened to `predicted_destroyed.mean`,
/// `.lo`, `.hi`), with each row's reported and predicted rates.
pub fn nights_table(rows: &[NightRow]) -> Table {
    let values: Vec<serde_json::Value> = rows
        .iter()
        .map(|row| {
            let mut value = serde_json::to_value(row).expect("a night row serialises");
            value["reported_rate"] = row.reported_rate().into();
            value["predicted_rate"] = row.predicted_rate().into();
            value
        })
        .collect();
    Table::from_rows(&values, Missing::Null)
}

/// Writes `nights.parquet`, `nights.csv` and `summary.json` into `dir` (created if needed).
pub fn write_outputs(dir: &Path, rows: &[NightRow], summary: &RecordSummary) -> Result<(), String> {
    std::fs::create_dir_all(dir)
        .map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
    let table = nights_table(rows);
    canopy_io::write_parquet(&dir.join("nights.parquet"), &table).map_err(|err| err.to_string())?;
    canopy_io::write_csv(&dir.join("nights.csv"), &table).map_err(|err| err.to_string())?;
    canopy_io::write_json(&dir.join("summary.json"), summary).map_err(|err| err.to_string())
}
