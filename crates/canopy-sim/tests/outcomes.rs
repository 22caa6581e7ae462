//! Engine outcomes against hand-worked expectations: nobody defends, an ideal defender, missed
//! interceptors, approval delay, determinism.

mod common;

use canopy_sim::{Event, MissCause};
use common::{
    DELEGATED, PER_ENGAGEMENT, accounted, accounted_of_type, coalition_nasams_scenario,
    nasams_scenario, run, set_all_pk,
};

#[test]
fn without_defenders_every_threat_leaks() {
    let outcome = run(nasams_scenario(12, DELEGATED, false), 1);
    let metrics = &outcome.metrics;
    assert_eq!(metrics.launched, 12);
    assert_eq!(metrics.leaked, 12);
    assert_eq!(metrics.destroyed, 0);
    assert_eq!(metrics.engagements, 0);
    assert_eq!(metrics.leakers_by_target.get("test-depot"), Some(&12));
}

#[test]
fn an_ideal_defender_leaks_nothing() {
    let mut scenario = nasams_scenario(12, DELEGATED, true);
    set_all_pk(&mut scenario, 1.0);
    let metrics = run(scenario, 1).metrics;
    assert_eq!(metrics.leaked, 0);
    assert_eq!(metrics.destroyed, 12);
    // One shot per threat: a kill probability of 1 never needs a second.
    assert_eq!(metrics.engagements, 12);
    assert_eq!(metrics.roe_breaches, 0);
}

#[test]
fn outcomes_add_up_to_launches() {
    let metrics = run(nasams_scenario(30, DELEGATED, true), 3).metrics;
    assert_eq!(metrics.launched, accounted(&metrics));
}

#[test]
fn a_missed_interceptor_records_where_it_fell() {
    let mut scenario = nasams_scenario(3, DELEGATED, true);
    set_all_pk(&mut scenario, 1e-12);
    let outcome = run(scenario, 1);
    let misses: Vec<&Event> = outcome
        .events
        .iter()
        .filter(|event| {
            matches!(
                event,
                Event::Miss {
                    cause: MissCause::KillDraw,
                    ..
                }
            )
        })
        .collect();
    assert!(!misses.is_empty());
    for miss in misses {
        let Event::Miss {
            at,
            fall_point,
            fall_country,
            ..
        } = miss
        else {
            unreachable!()
        };
        // NASAMS rounds self-destruct: fragments fall within a few km of the miss, in Ukraine.
        let distance = canopy_geo::distance_m(at.point(), fall_point.point());
        assert!(distance < 20_000.0, "fell {distance} m away");
        assert_eq!(fall_country.as_ref().map(|c| c.as_str()), Some("UA"));
    }
    assert_eq!(outcome.metrics.destroyed, 0);
}

fn first_launch_s(events: &[Event]) -> f64 {
    events
        .iter()
        .find_map(|event| match event {
            Event::Launch { time, .. } => Some(time.as_secs_f64()),
            _ => None,
        })
        .expect("a launch")
}

#[test]
fn approval_delay_shifts_the_launch_by_exactly_the_delay() {
    let delegated = run(coalition_nasams_scenario(1, DELEGATED), 1);
    let approved = run(coalition_nasams_scenario(1, PER_ENGAGEMENT), 1);
    let shift = first_launch_s(&approved.events) - first_launch_s(&delegated.events);
    assert!((shift - 90.0).abs() < 1e-9, "shift {shift}");
    assert!(
        approved
            .events
            .iter()
            .any(|e| matches!(e, Event::Approval { .. }))
    );
    assert!(
        !delegated
            .events
            .iter()
            .any(|e| matches!(e, Event::Approval { .. }))
    );
    assert_eq!(approved.metrics.roe_breaches, 0);
}

#[test]
fn ukraine_engages_on_its_own_authority() {
    // Per-engagement approval binds the coalition: Ukraine's own site fires as soon as under
    // delegated authority and asks for no approval.
    let delegated = run(nasams_scenario(1, DELEGATED, true), 1);
    let per_engagement = run(nasams_scenario(1, PER_ENGAGEMENT, true), 1);
    assert_eq!(
        first_launch_s(&per_engagement.events),
        first_launch_s(&delegated.events)
    );
    assert!(
        !per_engagement
            .events
            .iter()
            .any(|e| matches!(e, Event::Approval { .. }))
    );
    assert_eq!(per_engagement.metrics.roe_breaches, 0);
}

#[test]
fn same_seed_same_bytes_other_seed_other_outcome() {
    let json = |seed| {
        let outcome = run(nasams_scenario(40, DELEGATED, true), seed);
        serde_json::to_string(&outcome.metrics).unwrap()
    };
    assert_eq!(json(5), json(5));
    let outcomes: std::collections::BTreeSet<String> = (0..6).map(json).collect();
    assert!(outcomes.len() > 1, "six seeds gave one outcome");
}

#[test]
fn every_bundled_scenario_balances_by_threat_type() {
    // launched = attrited_en_route + destroyed + lost + leaked + airborne_at_end, in total and for
    // every threat type, on one replication of every scenario of scenarios/. The accounting is the
    // same for every picture and planner, so the cheaper perfect picture and baseline planner
    // keep this test quick on the largest nights.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scenarios");
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .expect("the scenarios directory exists")
        .map(|entry| entry.expect("a readable entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 4, "{files:?}");
    for file in files {
        let scenario = canopy_scenario::load_scenario(&file).unwrap_or_else(|err| panic!("{err}"));
        let metrics = run(scenario, 1).metrics;
        for (kind, outcome) in &metrics.threat_types {
            let (launched, accounted) = (outcome.launched, accounted_of_type(outcome));
            assert_eq!(launched, accounted, "{} {kind}", file.display());
        }
        assert_eq!(metrics.launched, accounted(&metrics), "{}", file.display());
    }
}
