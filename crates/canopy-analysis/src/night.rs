//! One night of a scenario file as `canopy run` simulates it: replication 0 of the master seed.

use std::path::Path;

use canopy_scenario::{Overlay, ScenarioError, load_scenario_with};
use canopy_sim::{PictureMode, PlannerKind, PreparedScenario, RunOptions};

/// Loads the scenario file `path` with its `overlays`, prepares it, and returns it with the
/// options of replication 0 of the master seed `seed` (default: the scenario's `seed`).
pub fn load_night(
    path: &Path,
    overlays: &[Overlay],
    seed: Option<u64>,
    picture: PictureMode,
    planner: PlannerKind,
) -> Result<(PreparedScenario, RunOptions), ScenarioError> {
    let (scenario, _) = load_scenario_with(path, overlays)?;
    let options = RunOptions {
        seed: seed.unwrap_or(scenario.seed),
        replication: 0,
        picture,
        planner,
    };
    Ok((PreparedScenario::new(scenario), options))
}
