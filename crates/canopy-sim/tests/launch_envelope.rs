//! The shooter's last check before a launch: a threat that has left the munition's reach while
//! the engagement waited is not fired at, and the round stays in the magazine.

mod common;

use canopy_scenario::Scenario;
use canopy_sim::{Event, PlannerKind, RunOutcome};

/// One Shahed-136 (170 km/h, 47.22 m/s in the type library) launched at [50.10, 24.90] flies
/// through the waypoints `via` to a depot at [50.10, 23.90]; a Polish NASAMS (AIM-120C-GL: 35 km
/// reach at 833.3 m/s) stands between them at [50.10, 24.40] in Ukraine, so its engagements wait
/// for approval under per-engagement authority, here 18 min (1,080 s).
fn drone_past_a_coalition_site(via: &str) -> Scenario {
    let body = format!(
        r#"{ua_rules}{launch}{depot}{poland}{site}
[[raid]]
id = "wave"
threat = "shahed-136"
count = 1
launch = "test-launch"
window = ["22:00", "22:00"]
targets = ["test-depot"]
via = {via}
"#,
        ua_rules = common::ukraine_rules(r#"["drone"]"#, false),
        launch = common::place("test-launch", 50.10, 24.90),
        depot = common::place_in("test-depot", 50.10, 23.90, "UA"),
        poland = common::poland(r#"["drone"]"#, false),
        site = common::polish_nasams_over_ukraine([50.10, 24.40], 4),
    );
    let authority = "mode = \"per-engagement\"\napproval_delay = \"18m\"";
    common::ukraine_scenario("test-launch-envelope", &body, authority)
}

/// Replication 0 on the perfect picture with the `wta` planner, every shot sure.
fn run(mut scenario: Scenario) -> RunOutcome {
    common::set_all_pk(&mut scenario, 1.0);
    common::run_with(scenario, 1, PlannerKind::Wta)
}

/// The events of a run that `of` picks.
fn count(outcome: &RunOutcome, of: impl Fn(&Event) -> bool) -> usize {
    outcome.events.iter().filter(|event| of(event)).count()
}

/// The first order of a run and the events of its engagement.
fn first_engagement(outcome: &RunOutcome) -> Vec<&Event> {
    let first = outcome.events.iter().find_map(|event| match event {
        Event::Decision { engagement, .. } => Some(*engagement),
        _ => None,
    });
    let first = first.expect("C2 orders an engagement");
    outcome
        .events
        .iter()
        .filter(|event| match event {
            Event::Decision { engagement, .. }
            | Event::Approval { engagement, .. }
            | Event::LaunchWithheld { engagement, .. }
            | Event::Launch { engagement, .. } => *engagement == first,
            _ => false,
        })
        .collect()
}

#[test]
fn a_threat_that_turned_away_while_approval_was_awaited_is_not_fired_at() {
    // Along 50.10°N a degree of longitude is about 71.4 km. The drone flies west from 35.7 km
    // east of the site, heading for the depot, to a turn 21.4 km east of it (14.3 km, 302 s),
    // then due north 55.6 km to [50.60, 24.70] (1,177 s), then to the depot. C2 orders while it
    // heads for the depot (t_d ≤ 302 s: heading north it threatens nothing) and plans on its
    // straight westward flight: the launch at t_d + 1,080 s would find it 35.7 − 0.04722
    // (t_d + 1080) km east of the site, that is 15.3 to 29.6 km west of it, within reach
    // (29.6 km is caught after 29.6 / (0.8333 − 0.0472) = 38 s, 31.4 km out). In truth, at
    // t_d + 1,080 s it is 0.04722 (t_d + 1080 − 302) = 36.7 to 51.0 km north of the turn, at
    // least √(21.4² + 36.7²) = 42.5 km from the site and moving away: beyond the 35 km reach.
    // The site's fire control withholds that launch and keeps the round.
    let outcome = run(drone_past_a_coalition_site(
        "[[50.10, 24.70], [50.60, 24.70]]",
    ));
    let first = first_engagement(&outcome);
    let withheld: Vec<f64> = first
        .iter()
        .filter_map(|event| match event {
            Event::LaunchWithheld { time, .. } => Some(time.as_secs_f64()),
            _ => None,
        })
        .collect();
    assert_eq!(withheld.len(), 1, "{first:?}");
    assert!((1080.0..=1382.0).contains(&withheld[0]), "{withheld:?}");
    assert!(!first.iter().any(|e| matches!(e, Event::Launch { .. })));
    let all_withheld = count(&outcome, |e| matches!(e, Event::LaunchWithheld { .. }));
    assert_eq!(outcome.metrics.launches_withheld as usize, all_withheld);
    let launched = count(&outcome, |e| matches!(e, Event::Launch { .. }));
    assert_eq!(outcome.metrics.engagements as usize, launched);
}

#[test]
fn a_threat_still_in_reach_at_the_launch_is_fired_at() {
    // Flown straight to the depot, the drone is where C2's plan put it at the launch.
    let outcome = run(drone_past_a_coalition_site("[]"));
    let first = first_engagement(&outcome);
    assert!(first.iter().any(|e| matches!(e, Event::Launch { .. })));
    assert_eq!(
        count(&outcome, |e| matches!(e, Event::LaunchWithheld { .. })),
        0
    );
    assert_eq!(outcome.metrics.launches_withheld, 0);
}
