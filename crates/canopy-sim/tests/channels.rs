//! The scenario's `[c2] cost_weight` reaches the planner of a run. (The planner's own handling of
//! fire channels and costs is tested in `canopy-c2`.)

mod common;

use canopy_scenario::DEFAULT_COST_WEIGHT;
use common::{DELEGATED, nasams_scenario, run_with};

#[test]
fn the_scenario_cost_weight_reaches_the_planner() {
    // One NASAMS against five drones (5 M USD each, one shooter so no look discount): a round
    // of 1.1 M USD at pk 0.85 saves 4.25 M, worth firing at λ = 2 but not at λ = 4.
    let run = |cost_weight: f64| {
        let mut scenario = nasams_scenario(5, DELEGATED, true);
        scenario.c2.cost_weight = cost_weight;
        run_with(scenario, 1, canopy_sim::PlannerKind::Wta)
            .metrics
            .engagements
    };
    assert!(run(DEFAULT_COST_WEIGHT) > 0);
    assert_eq!(run(4.0), 0);
}
