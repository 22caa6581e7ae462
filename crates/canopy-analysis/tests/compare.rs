//! Option comparison with common random numbers: two variants of a small scenario that share their
//! dice give a paired difference whose interval is narrower than the independent-batches one.

mod common;

use std::fs;
use std::path::Path;

use canopy_analysis::compare::{
    Batch, Compared, OptionInfo, compare, run_batches, write_comparison,
};
use canopy_analysis::{Execution, Manifest};
use canopy_scenario::{Overlay, apply_overlays, parse_scenario};
use canopy_sim::PreparedScenario;
use canopy_sim::metrics::Metric;

fn batch(name: &str, dir: &str, sets: &[&str], runs: u64) -> Batch {
    let overlays: Vec<Overlay> = sets.iter().map(|s| Overlay::parse(s).unwrap()).collect();
    let origin = Path::new("test-compare.toml");
    let base = common::nasams_text("test-compare", 8, 8);
    let text = apply_overlays(&base, origin, &overlays).unwrap();
    let scenario = parse_scenario(&text, origin).unwrap();
    Batch {
        info: OptionInfo {
            name: name.to_string(),
            dir: dir.to_string(),
            file: "test-compare.toml".to_string(),
            overlays: sets.iter().map(|s| s.to_string()).collect(),
        },
        prepared: PreparedScenario::new(scenario),
        manifest: Manifest {
            scenario: "test-compare".to_string(),
            scenario_hash: "0".repeat(16),
            version: "test".to_string(),
            seed: 3,
            runs,
            picture: canopy_sim::PictureMode::Perfect,
            planner: canopy_sim::PlannerKind::Baseline,
            events: false,
            sample_library_ranges: false,
        },
    }
}

#[test]
fn common_random_numbers_narrow_the_difference() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path();
    let runs = 30;
    // Five rounds instead of eight: the same drones meet the same shots until the smaller
    // magazine runs dry, so the leakers of the two options move together.
    let batches = [
        batch("eight rounds", "options/01", &[], runs),
        batch(
            "five rounds",
            "options/02",
            &["site.ua-nasams.magazine={ aim-120c-gl = 5 }"],
            runs,
        ),
    ];
    let execution = Execution {
        threads: 2,
        batch_size: 100,
        stop_after: None,
        cancel: None,
    };
    let metrics: Vec<_> = run_batches(&batches, dir, execution, &|| {})
        .unwrap()
        .into_iter()
        .map(|outcome| outcome.metrics)
        .collect();
    let options = batches.iter().map(|b| b.info.clone()).collect();
    let comparison = compare(options, &metrics, 3, runs);
    let leaked = comparison
        .rows
        .iter()
        .find(|r| r.option == "five rounds" && r.metric == Compared::Column(Metric::Leaked))
        .unwrap();
    let diff = leaked.difference.as_ref().unwrap();
    assert_eq!(diff.n, runs);
    // Three rounds fewer leave more drones unengaged on average.
    assert!(diff.mean > 0.0, "{diff:?}");
    let paired = diff.paired_ci95.unwrap();
    let unpaired = diff.unpaired_ci95.unwrap();
    assert!(
        paired.high - paired.low < unpaired.high - unpaired.low,
        "paired {paired:?} not narrower than unpaired {unpaired:?}"
    );
    // The first option has no difference to itself; every option has a row per metric.
    assert!(comparison.rows[0].difference.is_none());
    assert_eq!(
        comparison.rows.len(),
        2 * canopy_analysis::compare::METRICS.len()
    );
    write_comparison(dir, &comparison).unwrap();
    let csv = fs::read_to_string(dir.join("compare.csv")).unwrap();
    assert_eq!(csv.lines().count(), 1 + comparison.rows.len());
}
