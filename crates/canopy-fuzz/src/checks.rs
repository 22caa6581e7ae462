//! Properties of a simulated night that hold for every valid scenario: the outcomes of each
//! threat type add up to its launches, costs are not negative, and no number is NaN or infinite.

use canopy_scenario::Scenario;
use canopy_sim::metrics::{Metric, NationMetric};
use canopy_sim::{PictureMode, PlannerKind, PreparedScenario, RunMetrics, RunOptions};

/// Runs one replication of `scenario` on the tracked picture with the default planner and
/// checks its metrics.
pub fn run_and_check(scenario: Scenario) {
    let options = default_options(&scenario);
    let prepared = PreparedScenario::new(scenario);
    let outcome = canopy_sim::run(&prepared, &options, &mut []);
    check_metrics(&outcome.metrics);
}

/// Replication 0 of `scenario` with its own seed, as `canopy run` runs it.
pub fn default_options(scenario: &Scenario) -> RunOptions {
    RunOptions {
        seed: scenario.seed,
        replication: 0,
        picture: PictureMode::default(),
        planner: PlannerKind::default(),
    }
}

/// Panics naming the first property of `metrics` that does not hold.
pub fn check_metrics(metrics: &RunMetrics) {
    let mut launched = 0;
    for (name, t) in &metrics.threat_types {
        let accounted = t.attrited_en_route + t.destroyed + t.lost + t.leaked + t.airborne_at_end;
        assert_eq!(
            t.launched, accounted,
            "{name}: launched {} but attrited {} + destroyed {} + lost {} + leaked {} + airborne {}",
            t.launched, t.attrited_en_route, t.destroyed, t.lost, t.leaked, t.airborne_at_end
        );
        launched += t.launched;
    }
    assert_eq!(
        metrics.launched, launched,
        "launched differs from its types' sum"
    );
    for metric in Metric::ALL {
        if let Some(value) = metric.value(metrics) {
            assert!(value.is_finite(), "{} is {value}", metric.name());
        }
    }
    for (code, burden) in &metrics.nations {
        for metric in NationMetric::ALL {
            let value = metric.value(burden);
            assert!(
                value.is_finite(),
                "nations.{code}.{} is {value}",
                metric.name()
            );
        }
        assert!(
            burden.cost_usd >= 0.0,
            "nations.{code}.cost_usd is negative"
        );
        assert!(
            burden.interceptor_cost_usd >= 0.0,
            "nations.{code}: negative interceptor cost"
        );
    }
    assert!(
        metrics.interceptor_cost_usd >= 0.0,
        "interceptor_cost_usd is negative"
    );
    assert!(
        metrics.flight_cost_usd >= 0.0,
        "flight_cost_usd is negative"
    );
    for event in &metrics.spillover.events {
        let numbers = [event.time_s, event.time_inside_s, event.depth_m];
        assert!(
            numbers.iter().all(|x| x.is_finite()),
            "spillover {event:?} has a non-finite number"
        );
    }
}
