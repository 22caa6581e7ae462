//! Monte Carlo behaviour: thread-count independence, shard + merge, resume after an interruption,
//! replication 0 equal to a single run, and the coverage of the leak-probability interval on a
//! scenario whose leak probability is known by hand.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

mod common;

use canopy_analysis::{Execution, Manifest, Shard, merge, run_experiment, stats};
use canopy_sim::{Event, PreparedScenario, RunMetrics, RunOptions, RunOutcome};
use common::nasams_scenario;

fn manifest(runs: u64) -> Manifest {
    Manifest {
        scenario: "test-nasams".to_string(),
        scenario_hash: "0".repeat(16),
        version: "test".to_string(),
        seed: 11,
        runs,
        picture: canopy_sim::PictureMode::Perfect,
        planner: canopy_sim::PlannerKind::Baseline,
        events: true,
        sample_library_ranges: false,
    }
}

/// A fresh, empty directory `name` in a test's temporary directory `root` (removed with it).
fn scratch(root: &tempfile::TempDir, name: &str) -> PathBuf {
    let dir = root.path().join(name);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn execution(threads: usize) -> Execution<'static> {
    Execution {
        threads,
        batch_size: 4,
        stop_after: None,
        cancel: None,
    }
}

/// The bytes of every output of a directory, by file name.
fn outputs(dir: &Path) -> Vec<(String, Vec<u8>)> {
    [
        "runs.parquet",
        "events.parquet",
        "summary.json",
        "meta.json",
    ]
    .into_iter()
    .map(|name| (name.to_string(), fs::read(dir.join(name)).unwrap()))
    .collect()
}

fn small() -> PreparedScenario {
    PreparedScenario::new(nasams_scenario(3, 4))
}

#[test]
fn results_do_not_depend_on_the_thread_count() {
    let prepared = small();
    let root = tempfile::tempdir().unwrap();
    let (one, two) = (scratch(&root, "threads-1"), scratch(&root, "threads-2"));
    run_experiment(
        &prepared,
        &manifest(10),
        &one,
        Shard::WHOLE,
        execution(1),
        &|| {},
    )
    .unwrap();
    run_experiment(
        &prepared,
        &manifest(10),
        &two,
        Shard::WHOLE,
        execution(2),
        &|| {},
    )
    .unwrap();
    assert_eq!(outputs(&one), outputs(&two));
    let threats_total: u64 = prepared.scenario.raids[0].count as u64 * 10;
    let outcome = run_experiment(
        &prepared,
        &manifest(10),
        &one,
        Shard::WHOLE,
        execution(1),
        &|| {},
    );
    let summary = outcome.unwrap().unwrap().summary;
    assert_eq!(summary.runs, 10);
    assert_eq!(
        summary.proportions["leak_probability"].trials,
        threats_total
    );
}

#[test]
fn shards_merged_equal_one_machine() {
    let prepared = small();
    let root = tempfile::tempdir().unwrap();
    let whole = scratch(&root, "whole");
    run_experiment(
        &prepared,
        &manifest(10),
        &whole,
        Shard::WHOLE,
        execution(2),
        &|| {},
    )
    .unwrap();
    let shards: Vec<PathBuf> = (1..=3)
        .map(|k| scratch(&root, &format!("shard-{k}")))
        .collect();
    for (k, dir) in shards.iter().enumerate() {
        let shard = Shard {
            index: k as u64 + 1,
            count: 3,
        };
        let outputs = run_experiment(&prepared, &manifest(10), dir, shard, execution(1), &|| {});
        assert_eq!(
            outputs.unwrap().unwrap().runs.rows as u64,
            shard.range(10).end - shard.range(10).start
        );
    }
    let merged = scratch(&root, "merged");
    let sources: Vec<&Path> = shards.iter().map(PathBuf::as_path).collect();
    merge(&sources, &merged).unwrap();
    assert_eq!(outputs(&whole), outputs(&merged));
    // A merge missing the third shard ([6, 10)) names the first replication missing.
    let error = merge(&sources[..2], &scratch(&root, "partial")).unwrap_err();
    assert!(error.to_string().contains("replication 6"), "{error}");
}

#[test]
fn an_interrupted_run_resumes_to_the_same_bytes() {
    let prepared = small();
    let root = tempfile::tempdir().unwrap();
    let whole = scratch(&root, "uninterrupted");
    run_experiment(
        &prepared,
        &manifest(10),
        &whole,
        Shard::WHOLE,
        execution(2),
        &|| {},
    )
    .unwrap();
    let resumed = scratch(&root, "resumed");
    let stop = Execution {
        stop_after: Some(6),
        ..execution(2)
    };
    let first = run_experiment(
        &prepared,
        &manifest(10),
        &resumed,
        Shard::WHOLE,
        stop,
        &|| {},
    );
    assert!(first.unwrap().is_none(), "stopped before the end");
    assert!(!resumed.join("runs.parquet").exists());
    let ran = std::sync::atomic::AtomicU64::new(0);
    let count = || {
        ran.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    };
    run_experiment(
        &prepared,
        &manifest(10),
        &resumed,
        Shard::WHOLE,
        execution(1),
        &count,
    )
    .unwrap();
    assert_eq!(
        ran.into_inner(),
        4,
        "only the 4 unfinished replications run again"
    );
    assert_eq!(outputs(&whole), outputs(&resumed));
    // Parts of another experiment are refused.
    let other = Manifest {
        seed: 12,
        ..manifest(10)
    };
    let error = run_experiment(
        &prepared,
        &other,
        &resumed,
        Shard::WHOLE,
        execution(1),
        &|| {},
    );
    assert!(error.unwrap_err().to_string().contains("seed"));
}

#[test]
fn a_cancelled_run_stops_soon_and_resumes_to_the_same_bytes() {
    let prepared = small();
    let root = tempfile::tempdir().unwrap();
    let whole = scratch(&root, "not-cancelled");
    run_experiment(
        &prepared,
        &manifest(12),
        &whole,
        Shard::WHOLE,
        execution(1),
        &|| {},
    )
    .unwrap();
    // The flag is set from the progress callback after the 6th replication (from another thread
    // in real use): the rest of the batch in progress (4..8) is skipped and the batch not
    // written, and the last batch (8..12) is not started.
    let cancel = AtomicBool::new(false);
    let ran = AtomicU64::new(0);
    let cancelled = scratch(&root, "cancelled");
    let first = run_experiment(
        &prepared,
        &manifest(12),
        &cancelled,
        Shard::WHOLE,
        Execution {
            cancel: Some(&cancel),
            ..execution(1)
        },
        &|| {
            if ran.fetch_add(1, Ordering::Relaxed) + 1 == 6 {
                cancel.store(true, Ordering::Relaxed);
            }
        },
    );
    assert!(first.unwrap().is_none(), "cancelled before the end");
    assert_eq!(
        ran.load(Ordering::Relaxed),
        6,
        "no replication starts after the flag"
    );
    assert!(!cancelled.join("runs.parquet").exists());
    run_experiment(
        &prepared,
        &manifest(12),
        &cancelled,
        Shard::WHOLE,
        execution(2),
        &|| {},
    )
    .unwrap();
    assert_eq!(outputs(&whole), outputs(&cancelled));
}

/// Replication 0 of a prepared scenario run directly, with the options `manifest(1)` names.
fn single_run(prepared: &PreparedScenario) -> RunOutcome {
    let options = RunOptions {
        seed: 11,
        replication: 0,
        picture: canopy_sim::PictureMode::Perfect,
        planner: canopy_sim::PlannerKind::Baseline,
    };
    canopy_sim::run(prepared, &options, &mut [])
}

#[test]
fn replication_zero_is_the_single_run() {
    let prepared = small();
    let record = canopy_analysis::run_one(&prepared, &manifest(1), 0);
    let single = single_run(&prepared);
    assert_eq!(
        record.metrics,
        serde_json::to_value(&single.metrics).unwrap()
    );
}

/// A record's metrics and event log read back typed: the metrics equal the run's; the events are
/// the run's, kind by kind, and read as exactly what reading them untyped gives (serde_json's
/// default number parsing may move the last bit of a real, typed or not, so the report that reads
/// them typed draws the same figures as it did untyped).
#[test]
fn a_record_reads_back_typed_as_the_run_it_holds() {
    let prepared = small();
    let record = canopy_analysis::run_one(&prepared, &manifest(1), 0);
    let single = single_run(&prepared);
    let metrics: RunMetrics = serde_json::from_value(record.metrics).unwrap();
    assert_eq!(metrics, single.metrics);
    let text = record.events.unwrap();
    let events: Vec<Event> = serde_json::from_str(text.get()).unwrap();
    let kinds = |events: &[Event]| {
        events
            .iter()
            .map(std::mem::discriminant)
            .collect::<Vec<_>>()
    };
    assert!(!events.is_empty());
    assert_eq!(kinds(&events), kinds(&single.events));
    let untyped: serde_json::Value = serde_json::from_str(text.get()).unwrap();
    assert_eq!(serde_json::to_value(&events).unwrap(), untyped);
}

/// One drone against one round of kill probability `pk`: the drone leaks exactly when the round
/// misses, so the leak probability is `1 - pk`. Of 25 groups of 40 nights, the 95 % Wilson
/// interval of each group should cover it about 95 % of the time; with 25 groups, 21 or more
/// cover with probability 0.993 (binomial), so fewer than 21 would show a broken interval.
#[test]
fn leak_probability_intervals_cover_the_hand_computed_value() {
    let pk = 0.7;
    let mut scenario = nasams_scenario(1, 1);
    for munition in &mut scenario.library.munitions {
        munition.pk = [pk; 4];
    }
    let prepared = PreparedScenario::new(scenario);
    let manifest = Manifest {
        events: false,
        ..manifest(1000)
    };
    let records: Vec<_> = (0..1000)
        .map(|r| canopy_analysis::run_one(&prepared, &manifest, r))
        .collect();
    let field =
        |record: &canopy_analysis::Record, name: &str| record.metrics[name].as_u64().unwrap();
    for record in &records {
        assert_eq!(
            field(record, "engagements"),
            1,
            "exactly one shot per night"
        );
        assert_eq!(field(record, "leaked") + field(record, "destroyed"), 1);
    }
    let covered = records
        .chunks(40)
        .filter(|group| {
            let leaked = group.iter().map(|r| field(r, "leaked")).sum();
            stats::wilson(leaked, 40, stats::Z_95)
                .unwrap()
                .contains(1.0 - pk)
        })
        .count();
    assert!(covered >= 21, "{covered} of 25 intervals cover 0.3");
    let leaked: u64 = records.iter().map(|r| field(r, "leaked")).sum();
    let all = stats::wilson(leaked, 1000, stats::Z_95).unwrap();
    assert!(all.contains(1.0 - pk), "{leaked} of 1000 leaked: {all:?}");
}

/// With library ranges sampled, replications still reproduce exactly, and the draws change what
/// happens: over 20 nights of 3 drones, the metrics of at least one night differ from those at the
/// library's own values (sampled drone speeds alone move every timeline).
#[test]
fn sampled_library_ranges_reproduce_and_matter() {
    let prepared = small();
    let sampled = Manifest {
        sample_library_ranges: true,
        events: false,
        ..manifest(20)
    };
    let fixed = Manifest {
        events: false,
        ..manifest(20)
    };
    let run = |m: &Manifest, r| canopy_analysis::run_one(&prepared, m, r).metrics;
    let mut differ = 0;
    for r in 0..20 {
        assert_eq!(run(&sampled, r), run(&sampled, r));
        differ += usize::from(run(&sampled, r) != run(&fixed, r));
    }
    assert!(differ > 0);
}

#[test]
fn zero_replications_or_a_zero_batch_are_refused_before_anything_is_written() {
    let prepared = small();
    let dir = std::env::temp_dir().join(format!("canopy-mc-zero-{}", std::process::id()));
    let err = run_experiment(
        &prepared,
        &manifest(0),
        &dir,
        Shard::WHOLE,
        execution(1),
        &|| {},
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the number of replications (runs) must be 1 or more, 0 given"
    );
    let no_batch = Execution {
        batch_size: 0,
        ..execution(1)
    };
    let err = run_experiment(
        &prepared,
        &manifest(5),
        &dir,
        Shard::WHOLE,
        no_batch,
        &|| {},
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "the number of replications per batch must be 1 or more, 0 given"
    );
    assert!(!dir.exists());
}
