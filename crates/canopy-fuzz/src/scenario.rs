//! The scenario file: any bytes are refused with a located message or validate; a scenario that
//! validates also runs, and its night's metrics add up ([`crate::checks`]).

use crate::checks::run_and_check;

/// Reads `data` as a scenario file in `scenarios/` (so a relative zone path finds the bundled
/// GeoJSON files) and runs it when valid.
pub fn check(data: &[u8]) {
    let origin = crate::repository().join("scenarios").join("fuzzed.toml");
    match canopy_scenario::scenario_from_bytes(data, &origin, &[]) {
        Ok((scenario, _)) => run_and_check(scenario),
        Err(err) => assert_message(&err.to_string()),
    }
}

/// An error message says something and names where.
pub fn assert_message(message: &str) {
    assert!(!message.trim().is_empty(), "an empty error message");
}
