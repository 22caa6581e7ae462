//! A Patriot battery's engagement radar feeds the tracked picture with the ballistic missiles it
//! searches for, and with nothing slower.

mod common;

use canopy_scenario::Scenario;
use canopy_sim::{Event, PictureMode, PlannerKind, PreparedScenario, RunOptions, RunOutcome};

/// A Patriot battery with eight PAC-3 MSE rounds.
const PATRIOT: &str = "system = \"patriot\"\nmagazine = { pac3-mse = 8 }";
/// A NASAMS battery, whose system carries no radar of its own in the library.
const NASAMS: &str = "system = \"nasams\"\nmagazine = { aim-120c-gl = 8 }";
/// A 36D6 surveillance radar 7 km east of the site.
const SURVEILLANCE: &str =
    "\n[[sensor]]\nid = \"ua-36d6\"\nnation = \"UA\"\nsensor = \"36d6\"\nat = [50.0, 26.2]\n";

/// One `threat` launched at [50.0, 31.0] towards a depot at [50.0, 26.0], 357 km west (it enters
/// the theatre at 30°E, 286 km out), guarded by one `site` at [50.0, 26.1]; `sensors` adds the
/// scenario's sensors (none: the site's own radar, if its system has one, is all there is).
fn guarded(threat: &str, site: &str, sensors: &str) -> Scenario {
    let body = format!(
        r#"{rules}{launch}{depot}{sensors}
[[site]]
id = "ua-site"
nation = "UA"
{site}
at = [50.0, 26.1]

[[raid]]
id = "strike"
threat = "{threat}"
count = 1
launch = "test-launch"
window = ["22:00", "22:00"]
targets = ["test-depot"]
"#,
        rules = common::ukraine_rules(r#"["drone", "decoy", "cruise", "ballistic"]"#, false),
        launch = common::place("test-launch", 50.0, 31.0),
        depot = common::place("test-depot", 50.0, 26.0),
    );
    common::ukraine_scenario("test-site-radar", &body, common::DELEGATED)
}

fn tracked_run(scenario: Scenario) -> RunOutcome {
    let prepared = PreparedScenario::new(scenario);
    let options = RunOptions {
        seed: 1,
        replication: 0,
        picture: PictureMode::Tracked,
        planner: PlannerKind::Wta,
    };
    canopy_sim::run(&prepared, &options, &mut [])
}

fn held(outcome: &RunOutcome) -> usize {
    let tracked = |event: &&Event| matches!(event, Event::Tracked { .. });
    outcome.events.iter().filter(tracked).count()
}

fn orders(outcome: &RunOutcome) -> usize {
    let decision = |event: &&Event| matches!(event, Event::Decision { .. });
    outcome.events.iter().filter(decision).count()
}

#[test]
fn the_patriots_radar_holds_a_kinzhal_that_a_surveillance_radar_does_not() {
    // The radar reports a 0.05 m² target with probability 0.9 out to 150 · 0.05^¼ = 70.9 km
    // (a 1 m² target at 150 km) and further with less, up to 180 km, looking every 2 s while a
    // target faster than 2,000 km/h flies. The Kinzhal (5,500 km/h, 1,528 m/s) is in the
    // theatre for its last 286 km: tens of looks, where a fast track is confirmed after 4 hits.
    let patriot = tracked_run(guarded("kinzhal", PATRIOT, ""));
    assert_eq!(held(&patriot), 1, "the Kinzhal is held");
    assert!(orders(&patriot) >= 1, "and engaged");
    // A 36D6 sees a 0.05 m² target only within 180 · 0.05^¼ = 85 km, 56 s of the Kinzhal's
    // flight: at most two looks of the fusion centre, every 30 s.
    let surveillance = tracked_run(guarded("kinzhal", NASAMS, SURVEILLANCE));
    assert_eq!(held(&surveillance), 0);
}

#[test]
fn the_patriots_radar_reports_no_drone() {
    // A Shahed (170 km/h) is below the search's 2,000 km/h: with no other sensor it is never
    // held. The 36D6 holds it.
    let patriot = tracked_run(guarded("shahed-136", PATRIOT, ""));
    assert_eq!(held(&patriot), 0);
    assert_eq!(patriot.metrics.threats_never_tracked, 1);
    let surveillance = tracked_run(guarded("shahed-136", NASAMS, SURVEILLANCE));
    assert_eq!(held(&surveillance), 1);
}

#[test]
fn a_new_track_wakes_a_planner_that_had_nothing_to_do() {
    // The drone flies over the NASAMS; with nothing in the air within reach the planner sleeps
    // until a threat could come within reach, worked out without the tracks it has not got yet.
    // The first track of the drone wakes it, and the site engages.
    let outcome = tracked_run(guarded("shahed-136", NASAMS, SURVEILLANCE));
    assert!(orders(&outcome) >= 1);
    assert!(outcome.metrics.engagements >= 1);
}
