//! The event log read back: what a recorder wrote comes back event for event; a line that is not
//! an event is named by its line and column; an empty file is refused.

use canopy_core::{SimTime, ThreatId};
use canopy_io::{EventLogError, JsonLinesRecorder, read_events};
use canopy_sim::{Event, Observer};

/// `name` in a test's temporary directory (removed when `dir` is dropped).
fn temporary(dir: &tempfile::TempDir, name: &str) -> std::path::PathBuf {
    dir.path().join(name)
}

fn events() -> Vec<Event> {
    vec![
        Event::ThreatAttrited {
            time: SimTime::from_secs_f64(12.5),
            threat: ThreatId(0),
        },
        Event::RunEnd {
            time: SimTime::from_secs_f64(60.0),
            airborne: vec![ThreatId(1)],
        },
    ]
}

#[test]
fn a_recorded_log_reads_back_event_for_event() {
    let mut recorder = JsonLinesRecorder::new();
    for event in &events() {
        recorder.on_event(event);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = temporary(&dir, "round-trip.jsonl");
    recorder.write(&path).unwrap();
    let log = read_events(&path).unwrap();
    assert_eq!(log.events, events());
    assert_eq!(log.lines, [1, 2]);
}

#[test]
fn a_bad_line_is_named_by_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = temporary(&dir, "bad.jsonl");
    let good = serde_json::to_string(&events()[0]).unwrap();
    std::fs::write(
        &path,
        format!("{good}\n\n{{\"kind\": \"volcano\", \"time_s\": 3}}\n"),
    )
    .unwrap();
    let err = read_events(&path).unwrap_err();
    let message = err.to_string();
    assert!(
        matches!(err, EventLogError::Line { line: 3, .. }),
        "{message}"
    );
    assert!(
        message.contains(&format!("{}:3:", path.display())),
        "{message}"
    );
    assert!(message.contains("volcano"), "{message}");
    assert!(!message.contains("at line"), "{message}");
}

#[test]
fn an_empty_or_missing_log_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = temporary(&dir, "empty.jsonl");
    std::fs::write(&path, "\n").unwrap();
    let err = read_events(&path).unwrap_err();
    assert!(matches!(err, EventLogError::Empty { .. }), "{err}");
    let missing = temporary(&dir, "missing.jsonl");
    assert!(matches!(
        read_events(&missing),
        Err(EventLogError::Io { .. })
    ));
}
