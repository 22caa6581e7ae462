//! Small scenarios for the engine's tests, written in the scenario format.

#![allow(dead_code)]

use std::path::Path;

use canopy_scenario::{Scenario, parse_scenario};
use canopy_sim::{PreparedScenario, RunOptions, RunOutcome};

/// A NASAMS site of Ukraine at [49.80, 25.00] and a raid of `count` Shahed-136 drones launched
/// from [49.80, 25.30] (about 21.6 km east of the site) towards a depot at [49.80, 24.60], all
/// within Ukraine; Ukraine may engage anywhere over Ukraine. No en-route attrition.
pub fn nasams_scenario(count: u32, authority: &str, with_site: bool) -> Scenario {
    let site = if with_site {
        r#"
[[site]]
id = "ua-nasams"
nation = "UA"
system = "nasams"
at = [49.80, 25.00]
magazine = { aim-120c-gl = 200 }
"#
    } else {
        ""
    };
    let text = format!(
        r#"
schema_version = 1

[scenario]
name = "test-nasams"
start = "2024-07-09T22:00:00Z"
duration = "6h"
seed = 7

[theatre]
entry_meridian_deg = 30.0
en_route_attrition = 0.0

[[nation]]
code = "UA"
name = "Ukraine"
coalition = false

[[rules]]
nation = "UA"
threat_classes = ["drone", "decoy", "cruise", "ballistic"]
min_distance_from_km = {{}}
forbid_debris_on_nato = true

[[zone]]
id = "ukraine"
kind = "engagement"
nations = ["UA"]
countries = ["UA"]

[[place]]
id = "test-launch"
name = "Test launch point"
at = [49.80, 25.30]
kind = "launch_area"
country = "UA"

[[place]]
id = "test-depot"
name = "Test depot"
at = [49.80, 24.60]
kind = "military_area"
country = "UA"
{site}
[[raid]]
id = "wave"
threat = "shahed-136"
count = {count}
launch = "test-launch"
window = ["22:00", "22:10"]
targets = ["test-depot"]

[authority]
{authority}
"#
    );
    parse_scenario(&text, Path::new("test-nasams.toml")).expect("test scenario is valid")
}

/// Runs replication 0 of a scenario with the baseline planner on the perfect picture.
pub fn run(scenario: Scenario, seed: u64) -> RunOutcome {
    let prepared = PreparedScenario::new(scenario);
    let options = RunOptions {
        seed,
        replication: 0,
        picture: "perfect".to_string(),
        planner: "baseline".to_string(),
    };
    canopy_sim::run(&prepared, &options, &mut []).expect("known picture and planner")
}

/// Sets every kill probability of every munition of the library.
pub fn set_all_pk(scenario: &mut Scenario, pk: f64) {
    for munition in &mut scenario.library.munitions {
        munition.pk = [pk; 4];
    }
}

/// No defenders; two Kh-101 cruise missiles fly from [50.46, 24.60] in Ukraine through Oserdów
/// ([50.45, 24.00], in Poland) to a depot at [50.20, 24.30] in Ukraine.
pub fn border_crossing_scenario() -> Scenario {
    let text = r#"
schema_version = 1

[scenario]
name = "test-border-crossing"
start = "2024-03-24T02:00:00Z"
duration = "3h"
seed = 1

[theatre]
entry_meridian_deg = 30.0
en_route_attrition = 0.0

[[nation]]
code = "UA"
name = "Ukraine"
coalition = false

[[place]]
id = "test-launch"
name = "Test launch point"
at = [50.46, 24.60]
kind = "launch_area"
country = "UA"

[[place]]
id = "test-depot"
name = "Test depot"
at = [50.20, 24.30]
kind = "military_area"
country = "UA"

[[raid]]
id = "stray"
threat = "kh-101"
count = 2
launch = "test-launch"
window = ["02:00", "02:01"]
targets = ["test-depot"]
via = [[50.45, 24.00]]

[authority]
mode = "delegated"
approval_delay = "90s"
"#;
    parse_scenario(text, Path::new("test-border-crossing.toml")).expect("test scenario is valid")
}
