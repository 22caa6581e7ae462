//! Monte Carlo parts and manifests, as a merge or a resume meets them. A fixture of two shards
//! (two replications each, one part file per replication) is made once; each input damages one
//! of its files (overwrites, inserts, deletes or truncates bytes, replaces the file, or removes
//! it) and then merges the shards, or resumes the first shard. Either the damage is refused
//! with a message, or the outputs are byte for byte those of the undamaged shards: a damaged
//! file never yields a wrong table.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use arbitrary::{Arbitrary, Unstructured};
use canopy_analysis::{Execution, Manifest, Shard, merge, run_experiment};
use canopy_sim::{PictureMode, PlannerKind, PreparedScenario};

use crate::scenario::assert_message;

/// Replications of the fixture, over two shards.
const RUNS: u64 = 4;
/// The outputs compared.
const OUTPUTS: [&str; 3] = ["runs.parquet", "summary.json", "meta.json"];

/// One damage to one file of the fixture.
#[derive(Arbitrary, Debug)]
enum Damage {
    /// Bytes written over the file from an offset.
    Overwrite { at: u32, bytes: Vec<u8> },
    /// Bytes inserted at an offset.
    Insert { at: u32, bytes: Vec<u8> },
    /// Bytes cut out from an offset.
    Delete { at: u32, len: u16 },
    /// The file cut short.
    Truncate { len: u32 },
    /// The file's whole content replaced.
    Replace(Vec<u8>),
    /// The file removed.
    Remove,
}

/// What an input does.
#[derive(Arbitrary, Debug)]
struct Tamper {
    /// Which file of the fixture (modulo their number).
    file: u8,
    /// What happens to it.
    damage: Damage,
    /// Resume the first shard instead of merging both.
    resume: bool,
}

/// The undamaged fixture and the outputs it gives, held in memory (a static is never dropped,
/// so a scratch folder kept here would outlive the process).
struct Fixture {
    prepared: PreparedScenario,
    manifest: Manifest,
    /// The files of both shards' `parts/` (relative to the folder holding `shard-1/` and
    /// `shard-2/`, sorted) and their bytes.
    files: Vec<(PathBuf, Vec<u8>)>,
    /// The outputs of the merge, by [`OUTPUTS`] name.
    merged: Vec<Vec<u8>>,
    /// The outputs of shard 1.
    first_shard: Vec<Vec<u8>>,
}

fn execution() -> Execution<'static> {
    Execution {
        threads: 1,
        batch_size: 1,
        stop_after: None,
        cancel: None,
    }
}

fn shard(index: u64) -> Shard {
    Shard { index, count: 2 }
}

fn outputs(dir: &Path) -> Vec<Vec<u8>> {
    OUTPUTS
        .iter()
        .map(|name| std::fs::read(dir.join(name)).expect("an output of the fixture"))
        .collect()
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let scenario = canopy_scenario::default_scenario().expect("the default scenario");
        let manifest = Manifest {
            picture: PictureMode::Perfect,
            planner: PlannerKind::Baseline,
            ..Manifest::for_scenario(
                &scenario,
                canopy_scenario::DEFAULT_SCENARIO_TOML,
                None,
                RUNS,
            )
        };
        let prepared = PreparedScenario::new(scenario);
        let dir = tempfile::tempdir().expect("a scratch folder");
        for index in 1..=2 {
            let shard_dir = dir.path().join(format!("shard-{index}"));
            run_experiment(
                &prepared,
                &manifest,
                &shard_dir,
                shard(index),
                execution(),
                &|| {},
            )
            .expect("the fixture runs");
        }
        let first_shard = outputs(&dir.path().join("shard-1"));
        let merged_dir = dir.path().join("merged");
        let shards = [dir.path().join("shard-1"), dir.path().join("shard-2")];
        merge(&[&shards[0], &shards[1]], &merged_dir).expect("the fixture merges");
        let merged = outputs(&merged_dir);
        let mut files = Vec::new();
        for shard_dir in &shards {
            for entry in std::fs::read_dir(shard_dir.join("parts")).expect("parts") {
                let path = entry.expect("an entry").path();
                let bytes = std::fs::read(&path).expect("a fixture file");
                files.push((
                    path.strip_prefix(dir.path()).expect("inside").to_path_buf(),
                    bytes,
                ));
            }
        }
        files.sort();
        Fixture {
            prepared,
            manifest,
            files,
            merged,
            first_shard,
        }
    })
}

/// Applies `damage` to `path`.
fn damage(path: &Path, damage: &Damage) {
    if let Damage::Remove = damage {
        std::fs::remove_file(path).expect("remove a scratch file");
        return;
    }
    let mut bytes = std::fs::read(path).expect("read a scratch file");
    let at = |offset: u32| (offset as usize).min(bytes.len());
    match damage {
        Damage::Overwrite {
            at: offset,
            bytes: new,
        } => {
            let start = at(*offset);
            let end = (start + new.len()).min(bytes.len());
            bytes.splice(start..end, new.iter().copied());
        }
        Damage::Insert {
            at: offset,
            bytes: new,
        } => {
            let start = at(*offset);
            bytes.splice(start..start, new.iter().copied());
        }
        Damage::Delete { at: offset, len } => {
            let start = at(*offset);
            let end = (start + usize::from(*len)).min(bytes.len());
            bytes.drain(start..end);
        }
        Damage::Truncate { len } => bytes.truncate(*len as usize),
        Damage::Replace(new) => bytes.clone_from(new),
        Damage::Remove => unreachable!("handled above"),
    }
    std::fs::write(path, bytes).expect("write a scratch file");
}

/// Writes the two shards of the fixture into `to`.
fn write_shards(fixture: &Fixture, to: &Path) {
    for (file, bytes) in &fixture.files {
        let target = to.join(file);
        std::fs::create_dir_all(target.parent().expect("a parent")).expect("a scratch folder");
        std::fs::write(target, bytes).expect("write a fixture file");
    }
}

/// Damages one file of a copy of the fixture, then merges or resumes.
pub fn check(data: &[u8]) {
    let Ok(tamper) = Tamper::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };
    let fixture = fixture();
    let scratch = tempfile::tempdir().expect("a scratch folder");
    write_shards(fixture, scratch.path());
    let (file, _) = &fixture.files[usize::from(tamper.file) % fixture.files.len()];
    damage(&scratch.path().join(file), &tamper.damage);
    let first = scratch.path().join("shard-1");
    let (result, out, expected) = if tamper.resume {
        let result = run_experiment(
            &fixture.prepared,
            &fixture.manifest,
            &first,
            shard(1),
            execution(),
            &|| {},
        )
        .map(|_| ());
        (result, first, &fixture.first_shard)
    } else {
        let out = scratch.path().join("merged");
        let second = scratch.path().join("shard-2");
        let result = merge(&[&first, &second], &out).map(|_| ());
        (result, out, &fixture.merged)
    };
    match result {
        Ok(()) => {
            for (name, (got, want)) in OUTPUTS.iter().zip(outputs(&out).iter().zip(expected)) {
                assert!(
                    got == want,
                    "{tamper:?} of {} gave another {name}",
                    file.display()
                );
            }
        }
        Err(err) => assert_message(&err.to_string()),
    }
}
