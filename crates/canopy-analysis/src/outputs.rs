//! The outputs of a Monte Carlo directory, built from its part files alone so that one machine,
//! a resumed run and a merge of shards all write the same bytes: `runs.parquet`,
//! `events.parquet` (when events are kept), `summary.json` and `meta.json`.

use std::ops::Range;
use std::path::Path;

use canopy_io::{Missing, ParquetTableWriter, Table, TableSchema, write_json, write_parquet};
use canopy_sim::RunMetrics;
use serde::Serialize;
use serde_json::Value;

use crate::McError;
use crate::parts::{Manifest, Record, ordered_parts, read_part};
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

/// Events of this many consecutive replications (aligned to absolute numbers) form one row group
/// of `events.parquet`, whatever the layout of the parts.
const EVENT_GROUP_REPLICATIONS: u64 = 100;

/// Calls `visit` with every record of `range` in the parts of `sources`, once per replication, in
/// replication order (parts are disjoint and read in order of their first replication).
fn for_each_record(
    sources: &[&Path],
    range: &Range<u64>,
    mut visit: impl FnMut(Record) -> Result<(), McError>,
) -> Result<(), McError> {
    let mut next = range.start;
    for path in ordered_parts(sources)? {
        for record in read_part(&path)? {
            if record.replication >= next && range.contains(&record.replication) {
                next = record.replication + 1;
                visit(record)?;
            }
        }
    }
    Ok(())
}

/// The metrics of every replication of `range` from the parts of `sources`, in replication order;
/// fails naming the first missing replication.
pub fn collect_metrics(sources: &[&Path], range: Range<u64>) -> Result<Vec<Value>, McError> {
    let mut metrics = Vec::with_capacity((range.end - range.start) as usize);
    let mut expected = range.start;
    for_each_record(sources, &range, |record| {
        if record.replication != expected {
            return Err(McError::Incomplete {
                missing: expected,
                first: range.start,
                end: range.end,
            });
        }
        expected += 1;
        metrics.push(record.metrics);
        Ok(())
    })?;
    if expected != range.end {
        return Err(McError::Incomplete {
            missing: expected,
            first: range.start,
            end: range.end,
        });
    }
    Ok(metrics)
}

/// The metrics of every replication of `range`, as [`collect_metrics`], read typed; fails naming
/// the first replication whose metrics are not a `RunMetrics`.
pub fn collect_run_metrics(
    sources: &[&Path],
    range: Range<u64>,
) -> Result<Vec<RunMetrics>, McError> {
    let first = range.start;
    collect_metrics(sources, range)?
        .into_iter()
        .zip(first..)
        .map(|(metrics, replication)| {
            serde_json::from_value(metrics).map_err(|err| McError::Corrupt {
                path: format!("the parts (replication {replication})"),
                problem: format!("its metrics do not read: {err}"),
            })
        })
        .collect()
}

/// The event rows of one record: each event with its `replication`.
fn event_rows(record: &Record) -> Result<Vec<Value>, McError> {
    let Some(text) = &record.events else {
        return Ok(Vec::new());
    };
    let mut events: Vec<Value> =
        serde_json::from_str(text.get()).map_err(|err| McError::Corrupt {
            path: format!("the parts (replication {})", record.replication),
            problem: format!("its event log does not parse: {err}"),
        })?;
    for event in &mut events {
        if let Value::Object(map) = event {
            map.insert("replication".to_string(), record.replication.into());
        }
    }
    Ok(events)
}

/// Writes `events.parquet`: a first pass over the parts gathers the columns, a second appends the
/// events replication by replication and ends a row group every [`EVENT_GROUP_REPLICATIONS`]
/// replications, so memory holds one part (as text) and one replication's events at a time.
fn write_events(dir: &Path, sources: &[&Path], range: &Range<u64>) -> Result<(), McError> {
    let mut schema = TableSchema::default();
    for_each_record(sources, range, |record| {
        schema.observe(&event_rows(&record)?);
        Ok(())
    })?;
    let mut writer = ParquetTableWriter::new(&dir.join("events.parquet"), schema.columns())
        .map_err(McError::Output)?;
    let mut group_index = range.start / EVENT_GROUP_REPLICATIONS;
    for_each_record(sources, range, |record| {
        let index = record.replication / EVENT_GROUP_REPLICATIONS;
        if index != group_index {
            writer.end_row_group().map_err(McError::Output)?;
            group_index = index;
        }
        let table = schema.table(&event_rows(&record)?, Missing::Null);
        writer.write(&table).map_err(McError::Output)
    })?;
    writer.finish().map_err(McError::Output)
}

/// Writes the outputs of the replications of `shard` into `dir`, reading them from the parts of
/// `sources`.
pub fn write_outputs(
    dir: &Path,
    sources: &[&Path],
    manifest: &Manifest,
    shard: Shard,
) -> Result<Outputs, McError> {
    let range = shard.range(manifest.runs);
    let rows = collect_metrics(sources, range.clone())?;
    let runs = Table::from_rows(&rows, Missing::ZeroCounts);
    write_parquet(&dir.join("runs.parquet"), &runs).map_err(McError::Output)?;
    if manifest.events {
        write_events(dir, sources, &range)?;
    }
    let summary = summarise(&runs);
    write_json(&dir.join("summary.json"), &summary).map_err(McError::Output)?;
    let meta = Meta {
        program: "canopy",
        manifest: manifest.clone(),
        shard: shard.label(),
        replications: [range.start, range.end],
    };
    write_json(&dir.join("meta.json"), &meta).map_err(McError::Output)?;
    Ok(Outputs { runs, summary })
}
