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

#[test]
fn the_header_names_the_overlays_and_the_files_written_are_confirmed() {
    let base = std::env::temp_dir().join(format!("canopy-run-{}-confirm", std::process::id()));
    let (json, events) = (base.with_extension("json"), base.with_extension("jsonl"));
    let output = Command::new(env!("CARGO_BIN_EXE_canopy"))
        .args(["run", "--set", "authority.mode=delegated", "--json"])
        .arg(&json)
        .arg("--events")
        .arg(&events)
        .arg(scenario())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).to_string();
    let lines = std::fs::read_to_string(&events).unwrap().lines().count();
    std::fs::remove_file(&json).unwrap();
    std::fs::remove_file(&events).unwrap();
    assert!(output.status.success(), "{stdout}");
    assert_eq!(
        stdout.lines().nth(1),
        Some("overlays: authority.mode=delegated")
    );
    assert!(
        stdout.contains(&format!("\nwrote {} (run summary)\n", json.display())),
        "{stdout}"
    );
    // The count grouped by thousands.
    let grouped = if lines >= 1000 {
        format!("{},{:03}", lines / 1000, lines % 1000)
    } else {
        lines.to_string()
    };
    assert!(
        stdout.contains(&format!(
            "\nwrote {} ({grouped} events)\n",
            events.display()
        )),
        "{stdout}"
    );
}

#[test]
fn an_overlay_error_names_the_overlay_at_the_line_of_its_key_in_the_file() {
    let text = std::fs::read_to_string(scenario()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let table = lines
        .iter()
        .position(|l| l.trim() == "[authority]")
        .unwrap();
    let mode = table
        + lines[table..]
            .iter()
            .position(|l| l.starts_with("mode"))
            .unwrap()
        + 1;
    let output = Command::new(env!("CARGO_BIN_EXE_canopy"))
        .args(["run", "--set", "authority.mode=delegatd"])
        .arg(scenario())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains(&format!(
            "western-shield.toml:{mode}:1: --set authority.mode=delegatd: unknown value `delegatd`; allowed: `delegated` or `per-engagement`"
        )),
        "{stderr}"
    );
}
