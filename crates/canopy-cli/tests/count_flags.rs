//! Count flags refuse zero and negative numbers before anything runs, with a message naming the
//! flag and what is allowed; nothing is written.

use std::path::PathBuf;
use std::process::Command;

/// A path in the temporary directory that no test creates.
fn unused(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("canopy-count-{}-{name}", std::process::id()))
}

/// Runs `canopy ARGS FLAG VALUE` (with `--out OUT` for the commands that write a directory or
/// file), checks that it is refused as a usage error and writes nothing, and returns its
/// standard error.
fn refused(args: &[&str], flag: &str, value: &str) -> String {
    let out = unused(&format!("{}{flag}{value}", args[0]));
    let mut command = Command::new(env!("CARGO_BIN_EXE_canopy"));
    command.args(args).args([flag, value]);
    if !matches!(args[0], "bench" | "serve") {
        command.arg("--out").arg(&out);
    }
    let output = command.output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    assert_eq!(
        output.status.code(),
        Some(2),
        "{args:?} {flag} {value}: {stderr}"
    );
    assert!(
        !out.exists(),
        "{args:?} {flag} {value} wrote {}",
        out.display()
    );
    stderr
}

#[test]
fn zero_and_negative_counts_are_refused_naming_the_flag() {
    let cases: [(&[&str], &str); 9] = [
        (&["mc"], "--runs"),
        (&["mc"], "--batch"),
        (&["compare", "a.toml", "b.toml"], "--runs"),
        (&["sweep"], "--runs"),
        (&["bench"], "--runs"),
        (&["record"], "--runs"),
        (&["fit"], "--runs"),
        (&["wta", "instance.json"], "--budget"),
        (&["wta", "instance.json"], "--time-limit-ms"),
    ];
    for (args, flag) in cases {
        for value in ["0", "-1"] {
            let stderr = refused(args, flag, value);
            assert!(
                stderr.contains(&format!("invalid value '{value}' for '{flag} <")),
                "{args:?} {flag} {value}: {stderr}"
            );
            assert!(
                stderr.contains("allowed: a whole number of 1 or more"),
                "{args:?} {flag} {value}: {stderr}"
            );
        }
    }
}

#[test]
fn a_fit_grid_needs_two_points() {
    let stderr = refused(&["fit"], "--grid", "1");
    assert!(
        stderr.contains("invalid value '1' for '--grid <"),
        "{stderr}"
    );
    assert!(stderr.contains("a whole number of 2 or more"), "{stderr}");
}

#[test]
fn a_count_that_is_not_a_number_is_refused() {
    let stderr = refused(&["mc"], "--runs", "ten");
    assert!(stderr.contains("not a whole number"), "{stderr}");
}

#[test]
fn speeds_of_zero_are_refused() {
    let stderr = refused(&["serve"], "--speed", "0");
    assert!(
        stderr.contains("invalid value '0' for '--speed <"),
        "{stderr}"
    );
}
