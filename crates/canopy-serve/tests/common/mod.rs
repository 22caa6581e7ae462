//! What the serve tests share: the default night replayed.

use std::path::PathBuf;

use canopy_serve::Night;
use canopy_sim::{PictureMode, PlannerKind, PreparedScenario, RunOptions};

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
