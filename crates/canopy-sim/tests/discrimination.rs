//! Decoy discrimination (`[c2]`): recognised decoys are not engaged once their track has been
//! held for the delay; without discrimination decoys are engaged like the real thing.

use canopy_core::{SimDuration, ThreatId};
use canopy_scenario::{C2Settings, Scenario, ThreatClass};
use canopy_sim::PictureMode;
use canopy_sim::{Event, PreparedScenario, RunOptions, RunOutcome};

/// The default scenario with a few Shaheds and decoys of each axis.
fn decoy_scenario(decoy_discrimination: f64, after_s: i64) -> Scenario {
    let mut scenario = canopy_scenario::default_scenario().expect("default scenario");
    scenario.raids.retain(|raid| {
        ["shahed-north", "gerbera-north", "gerbera-south"].contains(&raid.id.as_str())
    });
    for raid in &mut scenario.raids {
        raid.count = 8;
    }
    scenario.c2 = C2Settings {
        decoy_discrimination,
        decoy_discrimination_after: SimDuration::from_secs(after_s),
        ..C2Settings::default()
    };
    scenario
}

fn run(scenario: Scenario, picture: PictureMode) -> (PreparedScenario, RunOutcome) {
    let prepared = PreparedScenario::new(scenario);
    let options = RunOptions {
        seed: 5,
        replication: 0,
        picture,
        planner: canopy_sim::PlannerKind::Wta,
    };
    let outcome = canopy_sim::run(&prepared, &options, &mut []);
    (prepared, outcome)
}

fn is_decoy(prepared: &PreparedScenario, threat: ThreatId) -> bool {
    prepared.threats[threat.index()].class == ThreatClass::Decoy
}

/// (time of the decision, time the threat entered the theatre) of every decision on a decoy.
fn decoy_decisions(prepared: &PreparedScenario, events: &[Event]) -> Vec<(f64, f64)> {
    let entered = |threat: ThreatId| {
        events.iter().find_map(|event| match event {
            Event::ThreatEntered {
                time, threat: t, ..
            } if *t == threat => Some(time.as_secs_f64()),
            _ => None,
        })
    };
    events
        .iter()
        .filter_map(|event| match event {
            Event::Decision { time, threat, .. } if is_decoy(prepared, *threat) => Some((
                time.as_secs_f64(),
                entered(*threat).expect("engaged threats entered"),
            )),
            _ => None,
        })
        .collect()
}

fn decoys_entered(prepared: &PreparedScenario, events: &[Event]) -> u32 {
    events
        .iter()
        .filter(|event| {
            matches!(event, Event::ThreatEntered { threat, .. } if is_decoy(prepared, *threat))
        })
        .count() as u32
}

#[test]
fn without_discrimination_decoys_are_engaged() {
    let (prepared, outcome) = run(decoy_scenario(0.0, 60), PictureMode::Perfect);
    assert!(!decoy_decisions(&prepared, &outcome.events).is_empty());
    assert!(
        !outcome
            .metrics
            .unengaged_reasons
            .contains_key("recognised_decoy")
    );
}

#[test]
fn certain_discrimination_at_once_leaves_every_decoy_unengaged() {
    let (prepared, outcome) = run(decoy_scenario(1.0, 0), PictureMode::Perfect);
    assert_eq!(decoy_decisions(&prepared, &outcome.events), vec![]);
    // Every decoy that entered the theatre is unengaged, for that reason.
    let entered = decoys_entered(&prepared, &outcome.events);
    assert!(entered > 0);
    assert_eq!(
        outcome.metrics.unengaged_reasons.get("recognised_decoy"),
        Some(&entered)
    );
}

#[test]
fn certain_discrimination_after_a_minute_stops_decisions_on_decoys_after_it() {
    let (prepared, outcome) = run(decoy_scenario(1.0, 60), PictureMode::Perfect);
    // A perfect track is first held at the first step after entry (step 1 s), so no decoy is
    // decided on 61 s or more after it entered.
    for (decided, entered) in decoy_decisions(&prepared, &outcome.events) {
        assert!(decided - entered < 61.0, "{decided} {entered}");
    }
    assert!(
        outcome
            .metrics
            .unengaged_reasons
            .contains_key("recognised_decoy")
    );
}

#[test]
fn tracked_picture_recognises_decoys_through_their_tracks() {
    let (prepared, outcome) = run(decoy_scenario(1.0, 0), PictureMode::Tracked);
    assert_eq!(decoy_decisions(&prepared, &outcome.events), vec![]);
    assert!(
        outcome
            .metrics
            .unengaged_reasons
            .contains_key("recognised_decoy")
    );
}
