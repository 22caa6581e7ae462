//! A Monte Carlo end to end: run what is missing of a shard, then write its outputs; and the merge
//! of the directories of several shards into the outputs one machine would have written.

use std::fs;
use std::path::Path;

use canopy_sim::PreparedScenario;

use crate::McError;
use crate::montecarlo::{Completion, Execution, run_range};
use crate::outputs::{Outputs, write_outputs};
use crate::parts::{self, Manifest, claim, part_files, parts_dir, read_manifest};
use crate::plan::Shard;

/// Runs the replications of `shard` missing from `dir`, then writes the outputs. `None` when
/// [`Execution::stop_after`] or [`Execution::cancel`] stopped it first (the finished batches stay
/// in `dir/parts`).
pub fn run_experiment(
    prepared: &PreparedScenario,
    manifest: &Manifest,
    dir: &Path,
    shard: Shard,
    execution: Execution<'_>,
    progress: &(dyn Fn() + Sync),
) -> Result<Option<Outputs>, McError> {
    let range = shard.range(manifest.runs);
    match run_range(prepared, manifest, dir, range, execution, progress)? {
        Completion::Stopped { .. } => Ok(None),
        Completion::Complete { .. } => write_outputs(dir, &[dir], manifest, shard).map(Some),
    }
}

/// Merges the Monte Carlo directories `sources` (shards of one experiment, equal manifests) into
/// `out`: their parts are copied into `out/parts` and the outputs of every replication written.
pub fn merge(sources: &[&Path], out: &Path) -> Result<Outputs, McError> {
    let mut manifest: Option<Manifest> = None;
    for source in sources {
        let found = read_manifest(source)?.ok_or_else(|| McError::Corrupt {
            path: parts_dir(source)
                .join("manifest.json")
                .display()
                .to_string(),
            problem: "missing: not a Monte Carlo directory".to_string(),
        })?;
        match &manifest {
            Some(first) => parts::check_same(first, &found, source)?,
            None => manifest = Some(found),
        }
    }
    let Some(manifest) = manifest else {
        return Err(McError::Option(
            "merge needs at least one directory".to_string(),
        ));
    };
    claim(out, &manifest)?;
    let target = parts_dir(out);
    for source in sources {
        for path in part_files(source)? {
            let name = path.file_name().expect("part files have names");
            if target.join(name).exists() {
                continue;
            }
            let bytes = fs::read(&path).map_err(|source| McError::Io {
                path: path.display().to_string(),
                source,
            })?;
            canopy_io::write_atomic(&target.join(name), &bytes).map_err(McError::Output)?;
        }
    }
    write_outputs(out, &[out], &manifest, Shard::WHOLE)
}
