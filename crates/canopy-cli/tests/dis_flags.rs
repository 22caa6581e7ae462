//! `canopy run --dis…` end to end: the event log is untouched by the DIS output, the pcap is
//! written whole, and bad flags are refused with a message that names them.

use std::path::PathBuf;
use std::process::{Command, Output};

fn canopy(args: &[&str]) -> Output {
    let scenario =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scenarios/western-shield.toml");
    Command::new(env!("CARGO_BIN_EXE_canopy"))
        .arg("run")
        .args(args)
        .arg(scenario)
        .output()
        .unwrap()
}

fn refused(args: &[&str], flag: &str) {
    let output = canopy(args);
    assert!(!output.status.success(), "{args:?} accepted");
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains(flag), "{args:?}: {message}");
    assert!(!message.contains("panicked"), "{message}");
}

#[test]
fn the_dis_output_leaves_the_event_log_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let (plain, with_dis, pcap) = (
        dir.join("plain-events.jsonl"),
        dir.join("dis-events.jsonl"),
        dir.join("night.pcap"),
    );
    let path = |p: &PathBuf| p.to_str().unwrap().to_string();
    assert!(canopy(&["--events", &path(&plain)]).status.success());
    let output = canopy(&["--events", &path(&with_dis), "--dis-pcap", &path(&pcap)]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        std::fs::read(&plain).unwrap(),
        std::fs::read(&with_dis).unwrap()
    );
    let written = std::fs::read(&pcap).unwrap();
    assert_eq!(&written[..4], &[0xd4, 0xc3, 0xb2, 0xa1], "a pcap file");
    assert!(!dir.join("night.pcap.tmp").exists());
}

#[test]
fn bad_dis_flags_are_refused_naming_the_flag() {
    refused(&["--dis", "localhost"], "--dis <ADDR:PORT>");
    refused(&["--dis", "127.0.0.1:99999"], "--dis <ADDR:PORT>");
    refused(
        &["--dis", "127.0.0.1:3000", "--dis-speed", "0"],
        "--dis-speed",
    );
    refused(&["--dis-speed", "2"], "--dis");
    refused(&["--dis-exercise", "0"], "--dis-exercise");
    refused(
        &["--dis-pcap", "/nonexistent-directory-for-canopy/night.pcap"],
        "--dis-pcap",
    );
}
