//! Running the replications of a Monte Carlo in parallel, batch by batch, each batch kept on disk
//! as soon as it is finished.

use std::ops::Range;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use canopy_core::StreamKey;
use canopy_sim::{PreparedScenario, RunOptions, RunOutcome};
use rayon::prelude::*;

use crate::McError;
use crate::parts::{self, Manifest, Record};
use crate::plan::batches;
use crate::uncertainty::sample_library;

/// Replications per part file unless told otherwise: the unit a run keeps when interrupted.
pub const DEFAULT_BATCH_SIZE: u64 = 100;

/// How to run the missing replications of a range.
#[derive(Clone, Copy, Debug)]
pub struct Execution<'a> {
    /// Worker threads (0: one per core).
    pub threads: usize,
    /// Replications per batch (one part file each).
    pub batch_size: u64,
    /// Stop after this many replications of this call (an interruption at a known point).
    pub stop_after: Option<u64>,
    /// Stop as soon as this is set (a user's interruption from another thread): replications
    /// not yet started are skipped and the batch in progress is not written, so the call
    /// returns within about one replication's time; the batches written before stay on disk.
    pub cancel: Option<&'a AtomicBool>,
}

impl Execution<'_> {
    /// Whether [`Execution::cancel`] is set.
    fn cancelled(&self) -> bool {
        self.cancel.is_some_and(|flag| flag.load(Ordering::Relaxed))
    }
}

/// How a call to [`run_range`] ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Completion {
    /// Every replication of the range is on disk.
    Complete {
        /// Replications run by this call (the others were on disk already).
        ran: u64,
    },
    /// Stopped by [`Execution::stop_after`] or [`Execution::cancel`]; the finished batches are on
    /// disk.
    Stopped {
        /// Replications run by this call.
        ran: u64,
    },
}

/// Runs one replication of the experiment (its library ranges drawn for it when the scenario
/// asks for that).
pub fn run_replication(
    prepared: &PreparedScenario,
    manifest: &Manifest,
    replication: u64,
) -> RunOutcome {
    let options = RunOptions {
        seed: manifest.seed,
        replication,
        picture: manifest.picture,
        planner: manifest.planner,
    };
    if manifest.sample_library_ranges {
        let mut scenario = prepared.scenario.clone();
        sample_library(
            &mut scenario.library,
            &StreamKey::new(manifest.seed, replication),
        );
        canopy_sim::run(&PreparedScenario::new(scenario), &options, &mut [])
    } else {
        canopy_sim::run(prepared, &options, &mut [])
    }
}

/// Runs one replication and returns its record.
pub fn run_one(prepared: &PreparedScenario, manifest: &Manifest, replication: u64) -> Record {
    let outcome = run_replication(prepared, manifest, replication);
    Record {
        replication,
        metrics: serde_json::to_value(&outcome.metrics).expect("metrics serialise"),
        events: manifest
            .events
            .then(|| serde_json::value::to_raw_value(&outcome.events).expect("events serialise")),
    }
}

/// The replications of `range` not yet on disk in `dir`, as contiguous runs within each batch.
fn missing(dir: &Path, range: Range<u64>, batch_size: u64) -> Result<Vec<Range<u64>>, McError> {
    let done = parts::finished(dir)?;
    let mut out = Vec::new();
    for batch in batches(range, batch_size) {
        let mut start = None;
        for r in batch.clone() {
            let is_done = done.iter().any(|held| held.contains(&r));
            match (is_done, start) {
                (false, None) => start = Some(r),
                (true, Some(s)) => {
                    out.push(s..r);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            out.push(s..batch.end);
        }
    }
    Ok(out)
}

/// A count that must be 1 or more: zero replications have no statistics to report.
fn refuse_zero(what: &str, count: u64) -> Result<(), McError> {
    if count == 0 {
        return Err(McError::Option(format!(
            "the number of {what} must be 1 or more, 0 given"
        )));
    }
    Ok(())
}

/// Runs every replication of `range` that `dir` does not hold yet, in parallel within each batch,
/// writing each batch whole as soon as it is done. `progress` is told of every finished
/// replication. Results do not depend on the thread count: each replication draws only from its
/// own streams and is stored under its number.
pub fn run_range(
    prepared: &PreparedScenario,
    manifest: &Manifest,
    dir: &Path,
    range: Range<u64>,
    execution: Execution<'_>,
    progress: &(dyn Fn() + Sync),
) -> Result<Completion, McError> {
    refuse_zero("replications (runs)", manifest.runs)?;
    refuse_zero("replications per batch", execution.batch_size)?;
    parts::claim(dir, manifest)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(execution.threads)
        .build()
        .map_err(|err| McError::Threads(err.to_string()))?;
    let mut ran = 0;
    for mut todo in missing(dir, range, execution.batch_size)? {
        if execution.cancelled() {
            return Ok(Completion::Stopped { ran });
        }
        let mut cut = false;
        if let Some(limit) = execution.stop_after {
            if ran >= limit {
                return Ok(Completion::Stopped { ran });
            }
            cut = todo.end - todo.start > limit - ran;
            todo.end = todo.end.min(todo.start + (limit - ran));
        }
        let records: Option<Vec<Record>> = pool.install(|| {
            todo.clone()
                .into_par_iter()
                .map(|replication| {
                    if execution.cancelled() {
                        return None;
                    }
                    let record = run_one(prepared, manifest, replication);
                    progress();
                    Some(record)
                })
                .collect()
        });
        let Some(records) = records else {
            return Ok(Completion::Stopped { ran });
        };
        parts::write_part(dir, &records)?;
        ran += todo.end - todo.start;
        if cut {
            return Ok(Completion::Stopped { ran });
        }
    }
    Ok(Completion::Complete { ran })
}
