//! Finished replications on disk: `DIR/parts/manifest.json` says which Monte Carlo they belong to,
//! and each `DIR/parts/runs-FIRST-END.json` holds the records of one batch, written whole. A run
//! that stops keeps every finished batch; the next run with the same manifest skips them.
//!
//! A part file is `{"fnv1a": HASH, "records": [...]}`: the FNV-1a 64-bit hash of the records'
//! text as written. A part whose records do not hash to it, or whose replications are not the
//! `FIRST..END` of its name, is refused as damaged, so a resume or a merge never builds a table
//! from a file changed since it was written.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use canopy_core::rng::fnv1a;
use canopy_scenario::Scenario;
use canopy_sim::{PictureMode, PlannerKind};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::McError;

/// What defines a Monte Carlo's results: two directories with equal manifests hold parts of the
/// same experiment and may be merged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Scenario name.
    pub scenario: String,
    /// FNV-1a 64-bit hash of the scenario file's bytes, 16 hex digits.
    pub scenario_hash: String,
    /// Program version that produced the parts.
    pub version: String,
    /// Master seed.
    pub seed: u64,
    /// Replications of the whole experiment (all shards).
    pub runs: u64,
    /// Picture mode.
    pub picture: PictureMode,
    /// Planner.
    pub planner: PlannerKind,
    /// Whether event logs are kept.
    pub events: bool,
    /// Whether the library's ranged parameters are drawn per replication.
    pub sample_library_ranges: bool,
}

impl Manifest {
    /// The manifest of a Monte Carlo of `runs` replications of `scenario`, validated from `text`
    /// (the file with its overlays), with the master seed `seed` (default: the scenario's own),
    /// this program's version, the default picture and planner, and no event logs; set the other
    /// fields with struct update syntax.
    pub fn for_scenario(scenario: &Scenario, text: &str, seed: Option<u64>, runs: u64) -> Manifest {
        Manifest {
            scenario: scenario.name.clone(),
            scenario_hash: scenario_hash(text),
            version: env!("CARGO_PKG_VERSION").to_string(),
            seed: seed.unwrap_or(scenario.seed),
            runs,
            picture: PictureMode::default(),
            planner: PlannerKind::default(),
            events: false,
            sample_library_ranges: scenario.uncertainty.sample_library_ranges,
        }
    }
}

/// The manifest's `scenario_hash` of a scenario text: FNV-1a 64-bit, 16 hex digits.
pub fn scenario_hash(text: &str) -> String {
    fnv1a_hex(text)
}

/// FNV-1a 64-bit of `text`, 16 hex digits.
fn fnv1a_hex(text: &str) -> String {
    format!("{:016x}", fnv1a(text.as_bytes()))
}

/// One finished replication.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Record {
    /// Replication number.
    pub replication: u64,
    /// Its `RunMetrics` as JSON.
    pub metrics: Value,
    /// Its event log as a JSON array, when events are kept (kept as text: a parsed log takes
    /// about twenty times the memory).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Box<RawValue>>,
}

/// The parts folder of an output directory.
pub fn parts_dir(dir: &Path) -> PathBuf {
    dir.join("parts")
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> McError + '_ {
    move |source| McError::Io {
        path: path.display().to_string(),
        source,
    }
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, McError> {
    let text = fs::read_to_string(path).map_err(io_error(path))?;
    serde_json::from_str(&text).map_err(|err| McError::Corrupt {
        path: path.display().to_string(),
        problem: err.to_string(),
    })
}

/// Reads the manifest of `dir`, if it has one.
pub fn read_manifest(dir: &Path) -> Result<Option<Manifest>, McError> {
    let path = parts_dir(dir).join("manifest.json");
    if !path.exists() {
        return Ok(None);
    }
    read_json(&path).map(Some)
}

/// Makes `dir/parts` and writes `manifest` there, or checks that the one there is equal.
pub fn claim(dir: &Path, manifest: &Manifest) -> Result<(), McError> {
    let parts = parts_dir(dir);
    fs::create_dir_all(&parts).map_err(io_error(&parts))?;
    match read_manifest(dir)? {
        Some(existing) => check_same(&existing, manifest, dir),
        None => {
            let path = parts.join("manifest.json");
            canopy_io::write_json(&path, manifest).map_err(McError::Output)
        }
    }
}

/// Fails unless two manifests describe the same experiment, naming the first field that differs.
pub fn check_same(existing: &Manifest, wanted: &Manifest, dir: &Path) -> Result<(), McError> {
    if existing == wanted {
        return Ok(());
    }
    let (a, b) = (
        serde_json::to_value(existing).expect("manifest serialises"),
        serde_json::to_value(wanted).expect("manifest serialises"),
    );
    let field = a
        .as_object()
        .into_iter()
        .flatten()
        .find(|(key, value)| b.get(key.as_str()) != Some(value))
        .map(|(key, value)| format!("{key}: {value} there, {} here", b[key.as_str()]))
        .unwrap_or_default();
    Err(McError::OtherExperiment {
        dir: dir.display().to_string(),
        field,
    })
}

/// A part file: its records' text and that text's hash.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PartFile {
    /// FNV-1a 64-bit hash of `records`' text, 16 hex digits.
    fnv1a: String,
    /// The records, in replication order, as written.
    records: Box<RawValue>,
}

/// Writes the records of one batch (in replication order) as one part file, whole.
pub fn write_part(dir: &Path, records: &[Record]) -> Result<(), McError> {
    let (Some(first), Some(last)) = (records.first(), records.last()) else {
        return Ok(());
    };
    let name = format!(
        "runs-{:010}-{:010}.json",
        first.replication,
        last.replication + 1
    );
    let path = parts_dir(dir).join(name);
    let text = serde_json::to_string(records).map_err(|error| {
        McError::Output(canopy_io::OutputError::Serialise {
            path: path.display().to_string(),
            error,
        })
    })?;
    let part = PartFile {
        fnv1a: fnv1a_hex(&text),
        records: RawValue::from_string(text).expect("serde_json writes valid JSON"),
    };
    canopy_io::write_json(&path, &part).map_err(McError::Output)
}

/// Every part file of `dir`, sorted by name.
pub fn part_files(dir: &Path) -> Result<Vec<PathBuf>, McError> {
    let parts = parts_dir(dir);
    if !parts.exists() {
        return Ok(Vec::new());
    }
    let mut files: Vec<PathBuf> = fs::read_dir(&parts)
        .map_err(io_error(&parts))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with("runs-") && name.ends_with(".json")
        })
        .collect();
    files.sort();
    Ok(files)
}

/// The replications a part file's name says it holds: `FIRST..END` of `runs-FIRST-END.json`.
fn part_range(path: &Path) -> Result<std::ops::Range<u64>, McError> {
    let name = path.file_stem().and_then(|n| n.to_str()).unwrap_or("");
    let bounds: Vec<u64> = name
        .trim_start_matches("runs-")
        .split('-')
        .map(|x| x.parse().ok())
        .collect::<Option<_>>()
        .unwrap_or_default();
    match bounds[..] {
        [first, end] if first < end => Ok(first..end),
        _ => Err(corrupt(
            path,
            "the name is not runs-FIRST-END.json with FIRST < END",
        )),
    }
}

fn corrupt(path: &Path, problem: impl Into<String>) -> McError {
    McError::Corrupt {
        path: path.display().to_string(),
        problem: problem.into(),
    }
}

/// The replications each part file of `dir` holds, read from the file names.
pub fn finished(dir: &Path) -> Result<Vec<std::ops::Range<u64>>, McError> {
    part_files(dir)?
        .iter()
        .map(|path| part_range(path))
        .collect()
}

/// The part files of all `dirs`, ordered by file name (that is, by first replication); a name
/// found in several directories is taken from the first.
pub fn ordered_parts(dirs: &[&Path]) -> Result<Vec<PathBuf>, McError> {
    let mut by_name = BTreeMap::new();
    for dir in dirs {
        for path in part_files(dir)? {
            let name = path
                .file_name()
                .map(|n| n.to_os_string())
                .unwrap_or_default();
            by_name.entry(name).or_insert(path);
        }
    }
    Ok(by_name.into_values().collect())
}

/// Reads the records of one part file; refuses it as damaged unless its records hash to the
/// hash it carries and are the replications its name says, in order.
pub fn read_part(path: &Path) -> Result<Vec<Record>, McError> {
    let file = fs::read_to_string(path).map_err(io_error(path))?;
    if file.trim_start().starts_with('[') {
        return Err(corrupt(
            path,
            "a part without a hash, as Canopy wrote them before December 2026: run the Monte \
             Carlo again in a new folder",
        ));
    }
    let part: PartFile =
        serde_json::from_str(&file).map_err(|err| corrupt(path, err.to_string()))?;
    let text = part.records.get();
    if fnv1a_hex(text) != part.fnv1a {
        return Err(corrupt(
            path,
            "damaged: its records do not match the hash written with them",
        ));
    }
    let records: Vec<Record> =
        serde_json::from_str(text).map_err(|err| corrupt(path, err.to_string()))?;
    let range = part_range(path)?;
    if !records.iter().map(|r| r.replication).eq(range.clone()) {
        return Err(corrupt(
            path,
            format!(
                "damaged: its records are not replications {}..{} in order, as its name says",
                range.start, range.end
            ),
        ));
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(replication: u64, leaked: u32) -> Record {
        Record {
            replication,
            metrics: serde_json::json!({ "replication": replication, "leaked": leaked }),
            events: None,
        }
    }

    /// A parts folder holding one part of replications 3 and 4; its path.
    fn written() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(parts_dir(dir.path())).unwrap();
        write_part(dir.path(), &[record(3, 7), record(4, 9)]).unwrap();
        let path = parts_dir(dir.path()).join("runs-0000000003-0000000005.json");
        (dir, path)
    }

    #[test]
    fn a_part_reads_back_and_names_its_replications() {
        let (dir, path) = written();
        let records = read_part(&path).unwrap();
        let leaked: Vec<_> = records
            .iter()
            .map(|r| r.metrics["leaked"].clone())
            .collect();
        assert_eq!(leaked, [7, 9]);
        assert_eq!(
            finished(dir.path()).unwrap(),
            vec![std::ops::Range { start: 3, end: 5 }]
        );
    }

    #[test]
    fn a_changed_figure_is_refused_as_damaged() {
        let (_dir, path) = written();
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(text.matches("\"leaked\":9").count(), 1, "{text}");
        fs::write(&path, text.replace("\"leaked\":9", "\"leaked\":8")).unwrap();
        let message = read_part(&path).unwrap_err().to_string();
        assert!(message.contains("damaged"), "{message}");
    }

    #[test]
    fn a_part_under_another_name_is_refused() {
        let (_dir, path) = written();
        let renamed = path.with_file_name("runs-0000000005-0000000007.json");
        fs::rename(&path, &renamed).unwrap();
        let message = read_part(&renamed).unwrap_err().to_string();
        assert!(message.contains("replications 5..7"), "{message}");
    }

    #[test]
    fn a_part_of_the_format_before_the_hash_is_named_so() {
        let (_dir, path) = written();
        fs::write(&path, r#"[{"replication": 3, "metrics": {}}]"#).unwrap();
        let message = read_part(&path).unwrap_err().to_string();
        assert!(message.contains("without a hash"), "{message}");
    }

    #[test]
    fn a_name_without_a_range_is_refused() {
        let (dir, path) = written();
        fs::rename(
            &path,
            path.with_file_name("runs-0000000005-0000000005.json"),
        )
        .unwrap();
        let message = finished(dir.path()).unwrap_err().to_string();
        assert!(message.contains("FIRST < END"), "{message}");
    }
}
