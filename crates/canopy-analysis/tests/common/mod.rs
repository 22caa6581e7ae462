//! The small scenario the Monte Carlo and comparison tests share.

#![allow(dead_code)]

use std::path::Path;

use canopy_scenario::{Scenario, parse_scenario};

/// The text of a scenario named `name`: one Ukrainian NASAMS site with `rounds` AIM-120 rounds at
/// [49.80, 25.00] and `count` Shahed-136 drones launched 21.6 km east of it towards a depot
/// 28.7 km west of it, all over Ukraine, where Ukraine may engage anywhere. No en-route attrition.
pub fn nasams_text(name: &str, count: u32, rounds: u32) -> String {
    format!(
        r#"
schema_version = 1

[scenario]
name = "{name}"
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

[[site]]
id = "ua-nasams"
nation = "UA"
system = "nasams"
at = [49.80, 25.00]
magazine = {{ aim-120c-gl = {rounds} }}

[[raid]]
id = "wave"
threat = "shahed-136"
count = {count}
launch = "test-launch"
window = ["22:00", "22:10"]
targets = ["test-depot"]

[authority]
mode = "delegated"
approval_delay = "90s"
"#
    )
}

/// The scenario of [`nasams_text`], named `test-nasams`.
pub fn nasams_scenario(count: u32, rounds: u32) -> Scenario {
    let text = nasams_text("test-nasams", count, rounds);
    parse_scenario(&text, Path::new("test-nasams.toml")).expect("test scenario is valid")
}
