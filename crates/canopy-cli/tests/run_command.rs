//! `canopy run` end to end: the JSON summary's documented keys, byte-identical for one seed,
//! different for another; unknown names are refused with the allowed ones.

use std::path::PathBuf;
use std::process::Command;

fn scenario() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/western-shield.toml")
}

fn run_json(seed: u64) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("summary.json");
    let status = Command::new(env!("CARGO_BIN_EXE_canopy"))
        .args(["run", "--seed", &seed.to_string(), "--json"])
        .arg(&out)
        .arg(scenario())
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    std::fs::read(&out).unwrap()
}

#[test]
fn the_summary_has_its_documented_keys_and_is_reproducible() {
    let first = run_json(7);
    assert_eq!(first, run_json(7), "same seed, different bytes");
    assert_ne!(first, run_json(8), "another seed, same outcome");
    let metrics: serde_json::Value = serde_json::from_slice(&first).unwrap();
    for key in ["launched", "destroyed", "leaked", "interceptor_cost_usd"] {
        assert!(metrics[key].is_number(), "{key} is not a number");
    }
    assert!(metrics["roe_breaches"].is_u64());
    assert!(metrics["cost_exchange"].is_number() || metrics["cost_exchange"].is_null());
    assert!(metrics["spillover"].is_object());
    let nations = metrics["nations"].as_object().unwrap();
    for code in ["PL", "SK", "RO", "HU", "UA"] {
        assert!(
            nations[code]["cost_usd"].is_number(),
            "nations.{code}.cost_usd"
        );
    }
}

#[test]
fn an_unknown_planner_is_refused_with_the_allowed_names() {
    let output = Command::new(env!("CARGO_BIN_EXE_canopy"))
        .args(["run", "--planner", "oracle"])
        .arg(scenario())
        .output()
        .unwrap();
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("unknown planner \"oracle\"") && message.contains("baseline"),
        "{message}"
    );
}
