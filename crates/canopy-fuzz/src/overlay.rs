//! `--set` overlays: each line of the input is one `KEY=VALUE`; the ones that parse are applied
//! to the default scenario, which is then refused with a message or validates and runs.

use canopy_scenario::{DEFAULT_SCENARIO_TOML, Overlay};

use crate::checks::run_and_check;
use crate::scenario::assert_message;

/// Applies the overlays of `data` to the default scenario.
pub fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut overlays = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        match Overlay::parse(line) {
            Ok(overlay) => overlays.push(overlay),
            Err(message) => assert_message(&message),
        }
    }
    if overlays.is_empty() {
        return;
    }
    let origin = crate::repository()
        .join("scenarios")
        .join("western-shield.toml");
    match canopy_scenario::scenario_from_bytes(DEFAULT_SCENARIO_TOML.as_bytes(), &origin, &overlays)
    {
        Ok((scenario, _)) => run_and_check(scenario),
        Err(err) => assert_message(&err.to_string()),
    }
}
