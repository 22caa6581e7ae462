//! The fuzzing corpus as regression tests: every input kept under `fuzz/corpus/<target>/` (the
//! seeds, and what the fuzzer found that reached new code or once broke a property) is fed to
//! its target again, and must pass its properties.

use canopy_fuzz::Target;

/// Feeds every file of `target`'s corpus to it; a target with no corpus fails.
fn replay(target: Target) {
    let dir = target.corpus_dir();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .map(|entry| entry.expect("a corpus entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} holds no input", dir.display());
    for path in files {
        let data = std::fs::read(&path).expect("a corpus file");
        let outcome = std::panic::catch_unwind(|| target.check(&data));
        assert!(outcome.is_ok(), "{} broke a property", path.display());
    }
}

#[test]
fn scenario_corpus() {
    replay(Target::Scenario);
}

#[test]
fn zone_corpus() {
    replay(Target::Zone);
}

#[test]
fn overlay_corpus() {
    replay(Target::Overlay);
}

#[test]
fn track_bench_corpus() {
    replay(Target::TrackBench);
}

#[test]
fn wta_instance_corpus() {
    replay(Target::WtaInstance);
}

#[test]
fn mc_parts_corpus() {
    replay(Target::McParts);
}

#[test]
fn record_table_corpus() {
    replay(Target::RecordTable);
}

#[test]
fn serve_request_corpus() {
    replay(Target::ServeRequest);
}

#[test]
fn every_target_has_a_test_and_a_name_that_reads_back() {
    for target in Target::ALL {
        assert_eq!(Target::from_name(target.name()), Some(target));
    }
    assert_eq!(
        Target::ALL.len(),
        8,
        "a new target needs its corpus test above"
    );
}
