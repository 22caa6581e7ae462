//! Every engagement of the default scenario is inside its nation's zones, and the independent
//! audit agrees; a tampered log is caught.

use canopy_scenario::{ZoneKind, load_scenario};
use canopy_sim::audit::audit;
use canopy_sim::{Event, PreparedScenario, RunOptions};

fn default_run(seed: u64) -> (PreparedScenario, Vec<Event>) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../scenarios/western-shield.toml");
    let prepared = PreparedScenario::new(load_scenario(&path).unwrap());
    let options = RunOptions {
        seed,
        replication: 0,
        picture: canopy_sim::PictureMode::Perfect,
        planner: canopy_sim::PlannerKind::Baseline,
    };
    let events = canopy_sim::run(&prepared, &options, &mut []).events;
    (prepared, events)
}

#[test]
fn no_nation_engages_outside_its_zones_and_the_audit_agrees() {
    let (prepared, events) = default_run(42);
    let scenario = &prepared.scenario;
    let mut launches = 0;
    for event in &events {
        let Event::Launch {
            nation,
            planned_intercept,
            ..
        } = event
        else {
            continue;
        };
        launches += 1;
        let nation = scenario.nations.iter().find(|n| n.code == *nation).unwrap();
        let point = planned_intercept.point();
        let inside = |kind: ZoneKind| {
            scenario.zones.iter().any(|z| {
                z.kind == kind && z.nations.contains(&nation.id) && z.shape.contains(point)
            })
        };
        assert!(
            inside(ZoneKind::Engagement),
            "{} engaged outside its zones",
            nation.code
        );
        assert!(
            !inside(ZoneKind::NoFire),
            "{} engaged in a no-fire zone",
            nation.code
        );
    }
    assert!(launches > 20, "only {launches} launches");
    assert!(audit(scenario, &events).is_empty());
}

#[test]
fn the_audit_catches_an_intercept_moved_out_of_the_zones() {
    let (prepared, mut events) = default_run(42);
    let coalition_launch = events
        .iter_mut()
        .find_map(|event| match event {
            Event::Launch {
                nation,
                planned_intercept,
                ..
            } if nation != "UA" => Some(planned_intercept),
            _ => None,
        })
        .expect("a coalition launch");
    // Move the intercept to Minsk: outside every coalition engagement zone.
    coalition_launch.lat_deg = 53.90;
    coalition_launch.lon_deg = 27.56;
    let breaches = audit(&prepared.scenario, &events);
    assert_eq!(breaches.len(), 1);
    assert_eq!(
        breaches[0].rule,
        "intercept outside the nation's engagement zones"
    );
}
