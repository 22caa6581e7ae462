//! Small scenarios for the engine's tests, written in the scenario format.

#![allow(dead_code)]

use canopy_geo::GeoPoint;
use canopy_scenario::Scenario;
use canopy_sim::metrics::ThreatTypeOutcome;
use canopy_sim::{PlannerKind, PreparedScenario, RunMetrics, RunOptions, RunOutcome};

#[path = "../../../../tests/fixtures/scenarios.rs"]
mod scenarios;
pub use scenarios::*;

/// One F-16C patrol from Lviv airport (49.8125 N, 23.9561 E) to a station at 49.80 N, 25.00 E,
/// on station at 23:00 (3,600 s after the start) for one hour, and one drone whose flight keeps
/// the run going; Ukraine engages ballistic missiles only, so the fighter never fires.
pub fn patrol_scenario() -> Scenario {
    let body = format!(
        "{}{}\n[[patrol]]\nid = \"cap\"\nnation = \"UA\"\naircraft = \"f-16c\"\ncount = 1\nloadout = {{ aim-9x = 2 }}\nbase = \"lviv-airport\"\nstation = [49.80, 25.00]\non_station = \"23:00\"\nendurance = \"1h\"\n\n[[raid]]\nid = \"wave\"\nthreat = \"shahed-136\"\ncount = 1\nlaunch = \"test-launch\"\nwindow = [\"22:00\", \"22:00\"]\ntargets = [\"lviv\"]\n",
        ukraine_rules(r#"["ballistic"]"#, false),
        place("test-launch", 49.80, 33.00),
    );
    ukraine_scenario("test-sortie", &body, DELEGATED)
}

/// The transit of [`patrol_scenario`]'s fighter, seconds: the geodesic from Lviv airport (as in
/// data/places.csv) to the station at the F-16C's cruise speed in the type library.
pub fn patrol_transit_s(scenario: &Scenario) -> f64 {
    let f16 = scenario.library.aircraft.iter().find(|a| a.id == "f-16c");
    let cruise_mps = f16.expect("the library has the F-16C").cruise_speed_mps;
    let base = GeoPoint::from_degrees(49.8125, 23.9561).unwrap();
    let station = GeoPoint::from_degrees(49.80, 25.00).unwrap();
    canopy_geo::inverse(base, station).distance_m / cruise_mps
}

/// The drones of [`nasams_scenario`] against a Polish NASAMS at the same place, Poland (a
/// coalition member) being allowed to engage over Ukraine: its engagements wait for approval
/// under per-engagement authority, where Ukraine's would not.
pub fn coalition_nasams_scenario(count: u32, authority: &str) -> Scenario {
    let body = format!(
        "{ua_rules}{launch}{depot}{poland}{site}{raid}",
        ua_rules = ukraine_rules(r#"["drone", "decoy", "cruise", "ballistic"]"#, true),
        launch = place("test-launch", 49.80, 25.30),
        depot = place("test-depot", 49.80, 24.60),
        poland = poland(r#"["drone"]"#, true),
        site = polish_nasams_over_ukraine([49.80, 25.00], 200),
        raid = drone_wave(count),
    );
    ukraine_scenario("test-coalition-nasams", &body, authority)
}

/// A Polish NASAMS site `pl-nasams` at `at` (`[lat, lon]`) with `rounds` AIM-120C-GL, and a zone
/// letting Poland engage over Ukraine.
pub fn polish_nasams_over_ukraine(at: [f64; 2], rounds: u32) -> String {
    format!(
        r#"
[[zone]]
id = "pl-over-ukraine"
kind = "engagement"
nations = ["PL"]
countries = ["UA"]

[[site]]
id = "pl-nasams"
nation = "PL"
system = "nasams"
at = [{}, {}]
magazine = {{ aim-120c-gl = {rounds} }}
"#,
        at[0], at[1]
    )
}

/// Poland as a coalition member with its rules (no distance caveats) and no zones yet.
pub fn poland(threat_classes: &str, forbid_debris_on_nato: bool) -> String {
    format!(
        r#"
[[nation]]
code = "PL"
name = "Poland"
coalition = true

[[rules]]
nation = "PL"
threat_classes = {threat_classes}
min_distance_from_km = {{}}
forbid_debris_on_nato = {forbid_debris_on_nato}
"#
    )
}

/// No defenders; two Kh-101 cruise missiles fly from [50.46, 24.60] in Ukraine through Oserdów
/// ([50.45, 24.00], in Poland) to a depot at [50.20, 24.30] in Ukraine.
pub fn border_crossing_scenario() -> Scenario {
    let body = format!(
        "{}{}\n[[raid]]\nid = \"stray\"\nthreat = \"kh-101\"\ncount = 2\nlaunch = \"test-launch\"\nwindow = [\"22:00\", \"22:01\"]\ntargets = [\"test-depot\"]\nvia = [[50.45, 24.00]]\n",
        place("test-launch", 50.46, 24.60),
        place("test-depot", 50.20, 24.30),
    );
    ukraine_scenario("test-border-crossing", &body, DELEGATED)
}

/// Runs replication 0 of a scenario with the baseline planner on the perfect picture.
pub fn run(scenario: Scenario, seed: u64) -> RunOutcome {
    run_with(scenario, seed, PlannerKind::Baseline)
}

/// Runs replication 0 of a scenario with a planner on the perfect picture.
pub fn run_with(scenario: Scenario, seed: u64, planner: PlannerKind) -> RunOutcome {
    let prepared = PreparedScenario::new(scenario);
    let options = RunOptions {
        seed,
        replication: 0,
        picture: canopy_sim::PictureMode::Perfect,
        planner,
    };
    canopy_sim::run(&prepared, &options, &mut [])
}

/// Threats of a run accounted for: attrited en route, destroyed, lost to electronic warfare,
/// leaked or still airborne at the end (which must equal those launched), in total.
pub fn accounted(metrics: &RunMetrics) -> u32 {
    metrics.attrited_en_route
        + metrics.destroyed
        + metrics.lost
        + metrics.leaked
        + metrics.airborne_at_end
}

/// The same for one threat type.
pub fn accounted_of_type(outcome: &ThreatTypeOutcome) -> u32 {
    outcome.attrited_en_route
        + outcome.destroyed
        + outcome.lost
        + outcome.leaked
        + outcome.airborne_at_end
}

/// Sets every kill probability of every munition of the library.
pub fn set_all_pk(scenario: &mut Scenario, pk: f64) {
    for munition in &mut scenario.library.munitions {
        munition.pk = [pk; 4];
    }
}
