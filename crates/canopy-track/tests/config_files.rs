//! Configuration files: TOML and JSON override the defaults field by field; unknown fields
//! are errors that name the file.

use canopy_track::TrackerConfig;

/// Writes `text` as `name` in a test's temporary directory (removed when `dir` is dropped).
fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write");
    path
}

#[test]
fn toml_and_json_override_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let toml = write(
        &dir,
        "a.toml",
        "gate_distance2 = 20.0\n[imm]\nturn_rate_radps = 0.07\n[region]\nx_min = -1.0\nx_max = 1.0\ny_min = -2.0\ny_max = 2.0\n",
    );
    let config = TrackerConfig::from_file(&toml).expect("valid TOML");
    assert_eq!(config.gate_distance2, 20.0);
    assert_eq!(config.imm.turn_rate_radps, 0.07);
    assert_eq!(
        config.imm.stay_probability,
        TrackerConfig::default().imm.stay_probability
    );
    assert_eq!(config.region.expect("set").y_max, 2.0);
    let json = write(
        &dir,
        "b.json",
        r#"{"confirm_hits": 4, "updater": "converted"}"#,
    );
    let config = TrackerConfig::from_file(&json).expect("valid JSON");
    assert_eq!(config.confirm_hits, 4);
    assert_eq!(
        config.gate_distance2,
        TrackerConfig::default().gate_distance2
    );
}

#[test]
fn unknown_field_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "c.toml", "gate = 3.0\n");
    let message = TrackerConfig::from_file(&path)
        .expect_err("unknown field")
        .to_string();
    assert!(
        message.contains("c.toml") && message.contains("gate"),
        "{message}"
    );
}
