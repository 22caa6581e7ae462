//! The outputs of a Monte Carlo directory, built from its part files alone so that one machine,
//! a resumed run and a merge of shards all write the same bytes: `runs.parquet`,
//! `events.parquet` (when events are kept), `summary.json` and `meta.json`.

use std::ops::Range;
use std::path::Path;

use canopy_io::{Missing, Table, write_json, write_parquet};
use serde::Serialize;
use serde_json::Value;

use crate::McError;
use crate::parts::{Manifest, Record, read_records};
use crate::plan::Shard;
use crate::summary::{Summary, summarise};

/// Provenance of a Monte Carlo directory (`meta.json`): the manifest and the slice written.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Meta {
    /// Program name.
    pub program: &'static str,
    /// What defines the experiment (scenario hash, seed, program version, options).
    #[serde(flatten)]
    pub manifest: Manifest,
    /// The slice of this directory, `K/N` (`1/1` for the whole run or a merge of every shard).
    pub shard: String,
    /// Replications in the outputs, `[first, end)`.
    pub replications: [u64; 2],
}

/// What [`write_outputs`] wrote.
#[derive(Clone, Debug)]
pub struct Outputs {
    /// The table of runs.
    pub runs: Table,
    /// The aggregate.
    pub summary: Summary,
}

/// The records of `range` from the parts of `sources`, in replication order; fails naming the
/// first missing replication.
pub fn collect(sources: &[&Path], range: Range<u64>) -> Result<Vec<Record>, McError> {
    let mut records = read_records(sources)?;
    let mut out = Vec::with_capacity((range.end - range.start) as usize);
    for replication in range.clone() {
        match records.remove(&replication) {
            Some(record) => out.push(record),
            None => {
                return Err(McError::Incomplete {
                    missing: replication,
                    first: range.start,
                    end: range.end,
                });
            }
        }
    }
    Ok(out)
}

/// The event table: one row per event, its `replication` first among the flattened fields.
fn events_table(records: &[Record]) -> Table {
    let rows: Vec<Value> = records
        .iter()
        .flat_map(|record| {
            let events = record.events.as_ref().and_then(Value::as_array);
            events.into_iter().flatten().map(move |event| {
                let mut row = event.clone();
                if let Value::Object(map) = &mut row {
                    map.insert("replication".to_string(), record.replication.into());
                }
                row
            })
        })
        .collect();
    Table::from_rows(&rows, Missing::Null)
}

/// Writes the outputs of `records` (the replications of `shard`) into `dir`.
pub fn write_outputs(
    dir: &Path,
    manifest: &Manifest,
    shard: Shard,
    records: &[Record],
) -> Result<Outputs, McError> {
    let rows: Vec<Value> = records.iter().map(|r| r.metrics.clone()).collect();
    let runs = Table::from_rows(&rows, Missing::ZeroCounts);
    write_parquet(&dir.join("runs.parquet"), &runs).map_err(McError::Output)?;
    if manifest.events {
        write_parquet(&dir.join("events.parquet"), &events_table(records))
            .map_err(McError::Output)?;
    }
    let summary = summarise(&runs);
    write_json(&dir.join("summary.json"), &summary).map_err(McError::Output)?;
    let range = shard.range(manifest.runs);
    let meta = Meta {
        program: "canopy",
        manifest: manifest.clone(),
        shard: shard.label(),
        replications: [range.start, range.end],
    };
    write_json(&dir.join("meta.json"), &meta).map_err(McError::Output)?;
    Ok(Outputs { runs, summary })
}
