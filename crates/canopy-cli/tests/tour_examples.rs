//! The README's tour lines for `canopy wta` and `canopy track`, run as written on the examples
//! the repository ships, and a missing instance file reported once, by name.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The README's tour line for `canopy SUBCOMMAND`, as arguments after `target/release/canopy`
/// (the trailing `# comment` dropped).
fn tour_line(subcommand: &str) -> Vec<String> {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let prefix = format!("target/release/canopy {subcommand} ");
    let line = readme
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("README.md has no line starting `{prefix}`"));
    let command = line.split(" #").next().unwrap();
    command
        .split_whitespace()
        .skip(1)
        .map(String::from)
        .collect()
}

/// Runs `canopy ARGS` in `dir`; arguments naming the repository's `examples/` are given from
/// the repository root, so that the outputs the line names land in `dir`.
fn canopy(args: &[String], dir: &Path) -> Output {
    let args: Vec<PathBuf> = args
        .iter()
        .map(|a| {
            if a.starts_with("examples/") {
                repo().join(a)
            } else {
                PathBuf::from(a)
            }
        })
        .collect();
    Command::new(env!("CARGO_BIN_EXE_canopy"))
        .args(&args)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// The value after `--out` in a tour line.
fn out_file(args: &[String]) -> &str {
    let at = args.iter().position(|a| a == "--out").expect("--out");
    &args[at + 1]
}

/// The best assignment by enumeration (target per weapon, -1 for none) and its objective:
/// expected surviving value plus λ times the rounds' cost.
fn brute_force(instance: &serde_json::Value) -> (Vec<i64>, f64) {
    let w = instance["weapons"].as_u64().unwrap() as usize;
    let t = instance["targets"].as_u64().unwrap() as i64;
    let num = |v: &serde_json::Value| v.as_f64().unwrap();
    let forbidden: Vec<(i64, i64)> = instance["forbidden"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_i64().unwrap(), p[1].as_i64().unwrap()))
        .collect();
    let mut best = (Vec::new(), f64::INFINITY);
    let mut choice = vec![-1i64; w];
    loop {
        let allowed = choice
            .iter()
            .enumerate()
            .all(|(i, &j)| j < 0 || !forbidden.contains(&(i as i64, j)));
        if allowed {
            let mut survive = vec![1.0; t as usize];
            let mut cost = 0.0;
            for (i, &j) in choice.iter().enumerate().filter(|(_, j)| **j >= 0) {
                survive[j as usize] *= 1.0 - num(&instance["pk"][i][j as usize]);
                cost += num(&instance["cost"][i]);
            }
            let value: f64 = (0..t as usize)
                .map(|j| num(&instance["values"][j]) * survive[j])
                .sum();
            let objective = value + num(&instance["lambda"]) * cost;
            if objective < best.1 - 1e-12 {
                best = (choice.clone(), objective);
            }
        }
        // next assignment, counting in base t + 1 over {-1, 0, ..., t - 1}
        let Some(i) = choice.iter().position(|&j| j < t - 1) else {
            return best;
        };
        choice[i] += 1;
        choice[..i].fill(-1);
    }
}

/// Runs the README's tour line of `command` as written, in a scratch folder for its outputs;
/// its arguments, the folder and what it printed.
fn run_tour_line(command: &str) -> (Vec<String>, tempfile::TempDir, Output) {
    let args = tour_line(command);
    assert!(args[1].starts_with("examples/"), "{args:?}");
    let dir = tempfile::tempdir().unwrap();
    let output = canopy(&args, dir.path());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (args, dir, output)
}

#[test]
fn the_wta_tour_line_solves_the_shipped_instance_to_its_optimum() {
    let (args, dir, _) = run_tour_line("wta");
    let text = std::fs::read_to_string(repo().join(&args[1])).unwrap();
    let instance: serde_json::Value = serde_json::from_str(&text).unwrap();
    let text = std::fs::read_to_string(dir.path().join(out_file(&args))).unwrap();
    let solution: serde_json::Value = serde_json::from_str(&text).unwrap();
    let (assignment, objective) = brute_force(&instance);
    // docs/wta-format.md works this optimum out by hand: 1.5 + 3 + 2.4 + 2 + 8.62
    assert_eq!(assignment, [1, 0, 0, 2, 3]);
    assert!((objective - 17.52).abs() < 1e-9, "{objective}");
    assert_eq!(solution["assignment"], serde_json::json!(assignment));
    assert!((solution["objective"].as_f64().unwrap() - objective).abs() < 1e-9);
}

/// Rows of `tracks.csv` at `time`: (track id, x, y, z).
fn tracks_at(text: &str, time: &str) -> Vec<(String, [f64; 3])> {
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("time_s,track_id,x_m,y_m,z_m,vx_mps,vy_mps,vz_mps")
    );
    lines
        .map(|l| l.split(',').collect::<Vec<_>>())
        .filter(|f| f[0] == time)
        .map(|f| {
            let n = |i: usize| f[i].parse::<f64>().unwrap();
            (f[1].to_string(), [n(2), n(3), n(4)])
        })
        .collect()
}

#[test]
fn the_track_tour_line_follows_the_three_shipped_targets() {
    let (args, dir, output) = run_tour_line("track");
    // 28 scans (16 of the 4 s radar from 0 s, 12 of the 5 s radar from 1.3 s); 106 rows
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("28 scans, 106 detections"), "{stderr}");
    let text = std::fs::read_to_string(dir.path().join(out_file(&args))).unwrap();
    // the truth at 60 s: each start (docs/track-format.md) plus 60 s of its velocity
    let truth = [
        [40e3 - 60.0 * 50.0, 20e3, 1000.0],
        [30e3 - 60.0 * 180.0, -30e3 + 60.0 * 160.0, 200.0],
        [-20e3 + 60.0 * 200.0, 40e3 - 60.0 * 100.0, 150.0],
    ];
    let tracks = tracks_at(&text, "60.000");
    assert_eq!(tracks.len(), 3, "{text}");
    for target in truth {
        let near: Vec<_> = tracks
            .iter()
            .filter(|(_, p)| {
                let d2: f64 = (0..3).map(|i| (p[i] - target[i]).powi(2)).sum();
                d2.sqrt() < 500.0
            })
            .collect();
        assert_eq!(near.len(), 1, "target at {target:?}: {tracks:?}");
    }
}

#[test]
fn a_missing_instance_is_named_with_the_reason_once() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.json");
    let output = Command::new(env!("CARGO_BIN_EXE_canopy"))
        .arg("wta")
        .arg(&missing)
        .args(["--out", "solution.json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(&missing.display().to_string()), "{stderr}");
    assert_eq!(
        stderr.matches("No such file or directory").count(),
        1,
        "{stderr}"
    );
    assert!(!dir.path().join("solution.json").exists());
}
