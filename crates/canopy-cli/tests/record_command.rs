//! `canopy record` end to end on a small table written by hand: it exits 0 whatever rows it
//! leaves out, writes its four files, scores the groups it flew, gives the same bytes for any
//! thread count, and refuses a window that ends before it begins.

use std::path::Path;
use std::process::{Command, Output};

const TABLE: &str = "time_start,time_end,model,launch_place,target,target_main,launched,destroyed,not_reach_goal,still_attacking,border_crossing,is_shahed,num_hit_location,num_fall_fragment_location,carrier,turbojet,turbojet_destroyed,affected region,destroyed_details,launched_details,launch_place_details,source
2024-07-08 22:00,2024-07-09 08:00,Shahed-136/131,Kursk oblast,Ukraine,,6.0,5.0,,,{},,,,,,,,,,,kpszsu/posts/a
2024-07-09 03:00,2024-07-09 05:00,X-101/X-555,Caspian Sea,Ukraine,,2.0,2.0,,,{},,,,,,,,,,,kpszsu/posts/b
2024-07-09 03:00,2024-07-09 05:00,X-59,Belgorod oblast,Ukraine,,2.0,1.0,,,{},,,,,,,,,,,kpszsu/posts/c
2024-07-08 22:00,2024-07-09 08:00,Shahed-136/131,Kursk oblast,Ukraine,,3.0,3.0,,,{},,,,,,,,,,,PvKPivden/posts/d
";

fn record(dir: &Path, extra: &[&str]) -> Output {
    std::fs::create_dir_all(dir).unwrap();
    let table = dir.join("table.csv");
    std::fs::write(&table, TABLE).unwrap();
    Command::new(env!("CARGO_BIN_EXE_canopy"))
        .arg("record")
        .arg(&table)
        .args([
            "--from",
            "2024-07-09",
            "--to",
            "2024-07-09",
            "--runs",
            "2",
            "--out",
        ])
        .arg(dir.join("out"))
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn a_small_table_is_replayed_scored_and_written_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let output = record(dir, &["--threads", "1"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for file in [
        "nights.parquet",
        "nights.csv",
        "summary.json",
        "report.html",
    ] {
        assert!(dir.join("out").join(file).is_file(), "{file}");
    }
    let summary: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("out/summary.json")).unwrap()).unwrap();
    assert_eq!(summary["nights"], 1);
    assert_eq!(summary["types"]["shahed"]["launched"], 6);
    // Reported (5 + 0) / 6.
    let reported = summary["types"]["shahed"]["reported_rate"]
        .as_f64()
        .unwrap();
    assert!((reported - 5.0 / 6.0).abs() < 1e-12);
    let predicted = summary["types"]["shahed"]["predicted_rate"]
        .as_f64()
        .unwrap();
    assert!((0.0..=1.0).contains(&predicted));
    assert_eq!(
        summary["types"]["kinzhal"]["reported_rate"],
        serde_json::Value::Null
    );
    // The X-59 row is left out with its line; the regional row is counted.
    assert_eq!(summary["skipped_rows"][0]["line"], 4);
    assert_eq!(summary["regional_rows"], 1);
    let csv = std::fs::read_to_string(dir.join("out/nights.csv")).unwrap();
    assert_eq!(
        csv.lines().count(),
        3,
        "a header and one row per group: {csv}"
    );

    let other = tempfile::tempdir().unwrap();
    let again = record(other.path(), &["--threads", "2"]);
    assert!(again.status.success());
    assert_eq!(
        std::fs::read(dir.join("out/nights.csv")).unwrap(),
        std::fs::read(other.path().join("out/nights.csv")).unwrap(),
        "the thread count changed the results"
    );
}

#[test]
fn a_window_ending_before_it_begins_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let table = dir.join("table.csv");
    std::fs::write(&table, TABLE).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_canopy"))
        .arg("record")
        .arg(&table)
        .args(["--from", "2024-07-10", "--to", "2024-07-09", "--out"])
        .arg(dir.join("out"))
        .output()
        .unwrap();
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("--from 2024-07-10 is after --to 2024-07-09"),
        "{message}"
    );
}
