//! `canopy merge` writes `report.html` from the scenario the shards ran, and refuses a scenario
//! whose text is not that one.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn scenario(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../../scenarios/{name}.toml"))
}

fn canopy(args: &[&str], paths: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_canopy"))
        .args(args)
        .args(paths)
        .output()
        .unwrap()
}

#[test]
fn merge_writes_the_report_of_the_scenario_the_shards_ran() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let ws = scenario("western-shield");
    let (a, b, out) = (dir.join("a"), dir.join("b"), dir.join("all"));
    for (shard, to) in [("1/2", &a), ("2/2", &b)] {
        let o = canopy(
            &[
                "mc",
                "--runs",
                "2",
                "--threads",
                "1",
                "--shard",
                shard,
                "--out",
            ],
            &[to, &ws],
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    // another file, and the right file with an overlay the shards did not run: both refused
    for (file, sets) in [
        (scenario("poland-alone"), vec![]),
        (ws.clone(), vec!["--set", "authority.mode=delegated"]),
    ] {
        let mut args = vec!["merge", "--scenario", file.to_str().unwrap()];
        args.extend(sets);
        args.push("--out");
        let o = canopy(&args, &[&out, &a, &b]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success());
        assert!(stderr.contains("hashes to"), "{stderr}");
        assert!(
            stderr.contains("give the file and the --set overlays"),
            "{stderr}"
        );
        assert!(!out.join("report.html").exists());
    }
    let o = canopy(
        &["merge", "--scenario", ws.to_str().unwrap(), "--out"],
        &[&out, &a, &b],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    // Leakers, targets, burden, who built the (tracked) picture, cost, map, timeline.
    assert_eq!(html.matches("<section>").count(), 7);
    assert!(html.contains(r#"data-id="PL""#));
}
