//! The WTA decision cycle against small scenarios: what approval delay and the debris rule cost.

mod common;

use canopy_scenario::Scenario;
use canopy_sim::RunOutcome;

/// Runs replication 0 of a scenario with the `wta` planner on the perfect picture.
fn run_wta(scenario: Scenario) -> RunOutcome {
    common::run_with(scenario, 1, canopy_sim::PlannerKind::Wta)
}

/// One drone flying due west along 50.10°N from [50.10, 24.40] in Ukraine to a depot at
/// [50.10, 23.00] in Poland (the border is near 23.6°E), with the sites given. UA engages over
/// Ukraine only, PL over Poland only; `pl_forbids_debris` sets Poland's debris rule.
fn border_scenario(sites: &str, pl_forbids_debris: bool, authority: &str) -> Scenario {
    scenario_to(sites, pl_forbids_debris, authority, [50.10, 23.00], "PL")
}

/// The scenario of [`border_scenario`] with the depot at `depot` (`[lat, lon]`) in `country`.
fn scenario_to(
    sites: &str,
    pl_forbids_debris: bool,
    authority: &str,
    depot: [f64; 2],
    country: &str,
) -> Scenario {
    let body = format!(
        r#"{ua_rules}{poland}
[[zone]]
id = "poland"
kind = "engagement"
nations = ["PL"]
countries = ["PL"]
{launch}{depot_place}{sites}
[[raid]]
id = "wave"
threat = "shahed-136"
count = 1
launch = "test-launch"
window = ["22:00", "22:00"]
targets = ["test-depot"]
"#,
        ua_rules = common::ukraine_rules(r#"["drone"]"#, false),
        poland = common::poland(r#"["drone"]"#, pl_forbids_debris),
        launch = common::place("test-launch", 50.10, 24.40),
        depot_place = common::place_in("test-depot", depot[0], depot[1], country),
    );
    common::ukraine_scenario("test-border", &body, authority)
}

const UA_SITE: &str = r#"
[[site]]
id = "ua-nasams"
nation = "UA"
system = "nasams"
at = [50.10, 23.90]
magazine = { aim-120c-gl = 4 }
"#;

/// A Polish NASAMS at the Ukrainian site's place, Poland being allowed to engage over Ukraine: a
/// coalition shooter, whose engagements wait for approval under per-engagement authority.
const PL_SITE_IN_UKRAINE: &str = r#"
[[site]]
id = "pl-nasams-forward"
nation = "PL"
system = "nasams"
at = [50.10, 23.90]
magazine = { aim-120c-gl = 4 }

[[zone]]
id = "pl-over-ukraine"
kind = "engagement"
nations = ["PL"]
countries = ["UA"]
"#;

const PL_SITE: &str = r#"
[[site]]
id = "pl-nasams"
nation = "PL"
system = "nasams"
at = [50.10, 23.30]
magazine = { aim-120c-gl = 4 }
"#;

const DELEGATED: &str = r#"mode = "delegated"
approval_delay = "0s""#;

/// Shooters named in the run's launch events.
fn shooters_fired(outcome: &RunOutcome) -> Vec<String> {
    outcome
        .events
        .iter()
        .filter_map(|event| match event {
            canopy_sim::Event::Launch { shooter, .. } => Some(shooter.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn debris_rule_forbids_the_polish_shot_over_poland() {
    // Poland may engage only over Poland, so every debris footprint of its intercepts lies on
    // NATO territory: with the debris rule its shot is forbidden.
    let allowed = run_wta(border_scenario(PL_SITE, false, DELEGATED));
    assert!(shooters_fired(&allowed).iter().all(|s| s == "pl-nasams"));
    assert!(!shooters_fired(&allowed).is_empty());

    let forbidden = run_wta(border_scenario(PL_SITE, true, DELEGATED));
    assert!(shooters_fired(&forbidden).is_empty());
    assert_eq!(forbidden.metrics.leaked, 1);
    assert_eq!(
        forbidden.metrics.unengaged_reasons.get("debris_over_nato"),
        Some(&1)
    );
}

#[test]
fn debris_rule_hands_the_threat_to_ukraine() {
    let sites = format!("{UA_SITE}{PL_SITE}");
    let outcome = run_wta(border_scenario(&sites, true, DELEGATED));
    let fired = shooters_fired(&outcome);
    assert!(!fired.is_empty());
    assert!(fired.iter().all(|s| s == "ua-nasams"));
}

#[test]
fn approval_delay_lets_through_what_delegated_authority_stops() {
    // The drone (about 185 km/h) flies the 43 km from 24.40°E to a depot at 23.80°E, beyond the
    // Polish site at 23.90°E, in under 15 min: a 1 h approval delay makes every shot too late,
    // delegated authority fires at once. Ukraine's own site at the same place would not wait.
    let depot = [50.10, 23.80];
    let mut sure = scenario_to(PL_SITE_IN_UKRAINE, false, DELEGATED, depot, "UA");
    for munition in &mut sure.library.munitions {
        munition.pk = [1.0; 4];
    }
    let delegated = run_wta(sure);
    assert_eq!(
        shooters_fired(&delegated),
        vec!["pl-nasams-forward".to_string()]
    );
    assert_eq!(delegated.metrics.leaked, 0, "one sure shot");
    let slow = r#"mode = "per-engagement"
approval_delay = "1h""#;
    let waiting = run_wta(scenario_to(PL_SITE_IN_UKRAINE, false, slow, depot, "UA"));
    assert!(shooters_fired(&waiting).is_empty());
    assert_eq!(waiting.metrics.leaked, 1);
    assert_eq!(
        waiting.metrics.unengaged_reasons.get("awaiting_approval"),
        Some(&1)
    );
}

#[test]
fn ukraine_does_not_wait_for_the_coalition_approval() {
    let depot = [50.10, 23.80];
    let slow = r#"mode = "per-engagement"
approval_delay = "1h""#;
    let mut sure = scenario_to(UA_SITE, true, slow, depot, "UA");
    for munition in &mut sure.library.munitions {
        munition.pk = [1.0; 4];
    }
    let own = run_wta(sure);
    assert_eq!(shooters_fired(&own), vec!["ua-nasams".to_string()]);
    assert_eq!(own.metrics.leaked, 0);
    assert_eq!(own.metrics.approval_requests, 0);
}

#[test]
fn refusal_rule_forbids_what_delegated_authority_engages() {
    // Every intercept of the drone lies over Ukraine between 23.8°E and 24.4°E on 50.10°N, within
    // 70 km of Poland (1° of longitude is about 71 km there, and the border is near 23.6°E): a
    // rule refusing approvals within 100 km of Poland refuses each request after the 30 s delay,
    // while delegated authority asks for none and fires.
    let depot = [50.10, 23.80];
    let sure = |authority: &str| {
        let mut scenario = scenario_to(PL_SITE_IN_UKRAINE, false, authority, depot, "UA");
        for munition in &mut scenario.library.munitions {
            munition.pk = [1.0; 4];
        }
        scenario
    };
    let rule = r#"refuse_within_km_of = { country = "PL", distance_km = 100 }"#;
    let delegated = run_wta(sure(&format!("{DELEGATED}\n{rule}")));
    assert_eq!(
        shooters_fired(&delegated),
        vec!["pl-nasams-forward".to_string()]
    );
    assert_eq!(delegated.metrics.leaked, 0);
    assert_eq!(delegated.metrics.approval_requests, 0);

    let per_engagement = format!("mode = \"per-engagement\"\napproval_delay = \"30s\"\n{rule}");
    let refused = run_wta(sure(&per_engagement));
    assert!(shooters_fired(&refused).is_empty());
    assert_eq!(refused.metrics.leaked, 1);
    // One request, refused once: C2 asks no more where the rule refuses.
    assert_eq!(refused.metrics.approval_requests, 1);
    assert_eq!(refused.metrics.approval_refusals, 1);
    assert_eq!(refused.metrics.approval_wait_s, 30.0);
    assert_eq!(refused.metrics.approval_wait_mean_s, Some(30.0));
    assert_eq!(
        refused.metrics.unengaged_reasons.get("approval_refused"),
        Some(&1)
    );
    assert!(refused.events.iter().any(|event| matches!(
        event,
        canopy_sim::Event::ApprovalRefused { time, .. } if time.as_secs_f64() > 0.0
    )));
}

#[test]
fn a_slow_approval_counts_its_leaker_as_awaiting_approval() {
    let depot = [50.10, 23.80];
    let slow = r#"mode = "per-engagement"
approval_delay = "1h""#;
    let waiting = run_wta(scenario_to(PL_SITE_IN_UKRAINE, false, slow, depot, "UA"));
    assert_eq!(waiting.metrics.leaked, 1);
    assert_eq!(waiting.metrics.leaked_awaiting_approval, 1);
    assert_eq!(waiting.metrics.approval_refusals, 0);
}
