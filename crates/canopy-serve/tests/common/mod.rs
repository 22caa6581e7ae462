//! What the serve tests share: the default night replayed, and a threat path read as the page
//! reads it.

use std::path::PathBuf;

use canopy_serve::Night;
use canopy_serve::paths::ThreatPath;
use canopy_sim::{PictureMode, PlannerKind, PreparedScenario, RunOptions};

/// `[lat, lon]` of a path at `time`, interpolated between its points as the page does.
pub fn along(path: &ThreatPath, time: f64) -> [f64; 2] {
    let p = &path.path;
    let k = p.partition_point(|q| q[0] <= time).clamp(1, p.len() - 1);
    let (a, b) = (p[k - 1], p[k]);
    let f = ((time - a[0]) / (b[0] - a[0])).clamp(0.0, 1.0);
    [a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])]
}

/// The default scenario's first replication on `picture`, prepared, with its options and its
/// replay.
pub fn default_night(picture: PictureMode) -> (PreparedScenario, RunOptions, Night) {
    let file =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/western-shield.toml");
    let scenario = canopy_scenario::load_scenario(&file).unwrap();
    let options = RunOptions {
        seed: scenario.seed,
        replication: 0,
        picture,
        planner: PlannerKind::default(),
    };
    let prepared = PreparedScenario::new(scenario);
    let night = Night::replay(&prepared, &options);
    (prepared, options, night)
}
