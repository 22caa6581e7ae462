//! Monte Carlo directories as Python sees them: a scratch directory per call (deleted when the
//! call returns), the files of a shard's `parts/` as a dict of bytes (what a cluster task sends
//! back), and those dicts written back into directories and merged as `canopy merge` merges.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use canopy_analysis::compare::{Comparison, OptionSpec, compare};
use canopy_analysis::parts::{part_files, parts_dir};
use canopy_analysis::{collect_run_metrics, merge};
use pyo3::exceptions::{PyKeyboardInterrupt, PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyBytes, PyDict};

use crate::errors::mc_error;

/// The files of one shard's `parts/` folder, by name.
pub type ShardFiles = BTreeMap<String, PyBackedBytes>;

/// The name of a shard's manifest in its `parts/` folder.
const MANIFEST: &str = "manifest.json";

/// A fresh directory under the system's temporary directory, deleted when dropped.
pub fn scratch() -> PyResult<tempfile::TempDir> {
    tempfile::Builder::new()
        .prefix("canopy-")
        .tempdir()
        .map_err(|err| PyOSError::new_err(format!("cannot make a scratch directory: {err}")))
}

/// The error of a batch that stopped before its end without an exception of Python's (which
/// the caller raises instead when there is one).
pub fn stopped() -> PyErr {
    PyKeyboardInterrupt::new_err("the batch was stopped before its last replication")
}

fn read(path: &Path) -> PyResult<Vec<u8>> {
    std::fs::read(path)
        .map_err(|err| PyOSError::new_err(format!("cannot read {}: {err}", path.display())))
}

/// The bytes of `dir/runs.parquet`.
pub fn runs_parquet(py: Python<'_>, dir: &Path) -> PyResult<Py<PyBytes>> {
    Ok(PyBytes::new(py, &read(&dir.join("runs.parquet"))?).unbind())
}

/// The manifest and part files of `dir/parts`, by name.
pub fn parts_to_dict(py: Python<'_>, dir: &Path) -> PyResult<Py<PyDict>> {
    let files = PyDict::new(py);
    let manifest = parts_dir(dir).join(MANIFEST);
    for path in std::iter::once(manifest).chain(part_files(dir).map_err(mc_error)?) {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        files.set_item(name, PyBytes::new(py, &read(&path)?))?;
    }
    Ok(files.unbind())
}

/// Whether `name` is one a shard's `parts/` folder holds: the manifest or `runs-*.json` (and
/// so no path that could leave the folder).
fn is_part_name(name: &str) -> bool {
    let plain = !name.contains(['/', '\\']) && !name.contains("..");
    plain && (name == MANIFEST || (name.starts_with("runs-") && name.ends_with(".json")))
}

/// Writes every shard's files into `scratch/NAME-K/parts` and merges the shards into
/// `scratch/NAME`, as `canopy merge` does (equal manifests, every replication once); returns the
/// merged directory.
pub fn merge_into(shards: &[ShardFiles], scratch: &Path, name: &Path) -> PyResult<PathBuf> {
    let mut sources = Vec::with_capacity(shards.len());
    for (index, files) in shards.iter().enumerate() {
        let dir = scratch.join(format!("{}-{}", name.display(), index + 1));
        let parts = parts_dir(&dir);
        std::fs::create_dir_all(&parts)
            .map_err(|err| PyOSError::new_err(format!("cannot make {}: {err}", parts.display())))?;
        if !files.contains_key(MANIFEST) {
            return Err(PyValueError::new_err(format!(
                "shard {} has no {MANIFEST}: not the parts of a Monte Carlo",
                index + 1
            )));
        }
        for (file, bytes) in files {
            if !is_part_name(file) {
                return Err(PyValueError::new_err(format!(
                    "shard {}: `{file}` is not a file of a Monte Carlo's parts",
                    index + 1
                )));
            }
            canopy_io::write_atomic(&parts.join(file), bytes)
                .map_err(crate::errors::output_error)?;
        }
        sources.push(dir);
    }
    let out = scratch.join(name);
    let sources: Vec<&Path> = sources.iter().map(PathBuf::as_path).collect();
    merge(&sources, &out).map_err(mc_error)?;
    Ok(out)
}

/// The comparison of `options` from the shards of each option's Monte Carlo, as a local
/// comparison makes it: each option's shards merged, its replications' metrics read back.
pub fn compare_shards(
    options: &[OptionSpec],
    seed: u64,
    runs: u64,
    shards: &[Vec<ShardFiles>],
) -> PyResult<Comparison> {
    if options.len() != shards.len() {
        return Err(PyValueError::new_err(format!(
            "{} options but the shards of {}",
            options.len(),
            shards.len()
        )));
    }
    let scratch = scratch()?;
    let mut infos = Vec::with_capacity(options.len());
    let mut metrics = Vec::with_capacity(options.len());
    for (index, (spec, shards)) in options.iter().zip(shards).enumerate() {
        let info = spec.info(index);
        let merged = merge_into(shards, scratch.path(), Path::new(&info.dir))?;
        metrics.push(collect_run_metrics(&[merged.as_path()], 0..runs).map_err(mc_error)?);
        infos.push(info);
    }
    Ok(compare(infos, &metrics, seed, runs))
}

/// A comparison as the text of its `compare.json`.
pub fn json(comparison: &Comparison) -> PyResult<String> {
    serde_json::to_string(comparison).map_err(|err| PyRuntimeError::new_err(err.to_string()))
}
