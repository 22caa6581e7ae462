//! `canopy serve` as a server: its first line is the page's address; it serves its page, assets
//! and data, refuses path traversal, oversized and malformed requests, survives abrupt
//! disconnects and keeps serving; a live night streams every event to viewers joining late.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;

use common::{Serving, get, read_stream, request, run_events, scenario, send};

/// The page and a script still come back whole.
fn still_serves(server: &mut Serving) {
    assert!(server.is_running(), "the server stopped");
    let page = get(server.addr, "/");
    assert_eq!(page.status, 200, "{}", page.text);
    assert!(page.body().contains("/assets/js/app.js"));
    assert_eq!(get(server.addr, "/assets/js/data.js").status, 200);
}

#[test]
fn the_replay_serves_its_page_and_data_and_refuses_what_it_does_not_serve() {
    let mut server = Serving::start(&[scenario().to_str().unwrap(), "--seed", "3"]);
    assert_eq!(server.url, format!("http://{}/", server.addr));
    assert!(server.addr.ip().is_loopback(), "binds loopback by default");
    still_serves(&mut server);
    let night: serde_json::Value =
        serde_json::from_str(get(server.addr, "/api/night").body()).unwrap();
    let logged = run_events(&["--seed", "3"], "replay");
    assert_eq!(
        night["events"].as_array().unwrap(),
        &logged,
        "the replay is canopy run's night"
    );
    let borders = get(server.addr, "/api/borders");
    assert!(
        borders
            .body()
            .starts_with("{\"type\":\"FeatureCollection\"")
    );
    let leaflet = get(server.addr, "/assets/vendor/leaflet/leaflet.js");
    assert!(leaflet.body().contains("Leaflet 1.9.4"));
    for target in [
        "/assets/../Cargo.toml",
        "/assets/..%2f..%2f..%2fCargo.toml",
        "/assets/%2e%2e/%2e%2e/%2e%2e/Cargo.toml",
        "/assets/%252e%252e%252f%252e%252e%252fCargo.toml",
        "/assets/vendor/leaflet/..%2f..%2fstyle.css",
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/assets//etc/passwd",
        "/nowhere",
    ] {
        let response = get(server.addr, target);
        assert!(
            matches!(response.status, 400 | 404),
            "{target}: {}",
            response.text
        );
        assert!(!response.body().contains("[package]") && !response.body().contains("root:"));
    }
    still_serves(&mut server);
}

#[test]
fn malformed_oversized_and_abandoned_requests_are_refused_or_survived() {
    let mut server = Serving::start(&[]);
    for target in [
        "/?t=abc",
        "/?t=-5",
        "/?t=NaN",
        "/?t=inf",
        "/?x=1",
        "/?t=%zz",
        "/api/night?t=1",
        "/?t=1&t=2",
    ] {
        let response = get(server.addr, target);
        assert_eq!(response.status, 400, "{target}: {}", response.text);
        assert!(!response.body().is_empty(), "{target}: a 400 says why");
    }
    assert_eq!(get(server.addr, "/?t=3600").status, 200);
    // a megabyte of headers
    let big_header = format!(
        "GET / HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n",
        "a".repeat(1 << 20)
    );
    let response = send(server.addr, big_header.as_bytes());
    assert!(
        matches!(response.status, 0 | 431),
        "{}",
        &response.text[..response.text.len().min(200)]
    );
    // a large body where none is read, and a body announced but never sent in full
    assert_eq!(
        request(server.addr, "POST", "/", &"x".repeat(4 << 20)).status,
        405
    );
    let mut stream = TcpStream::connect(server.addr).unwrap();
    stream
        .write_all(b"POST /api/night HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\nabc")
        .unwrap();
    drop(stream);
    // garbage, half a request, a connection opened and closed
    assert!(matches!(
        send(server.addr, b"GARBAGE\r\n\r\n").status,
        0 | 400
    ));
    let mut stream = TcpStream::connect(server.addr).unwrap();
    stream.write_all(b"GET /api/night HTTP/1.1\r\nHo").unwrap();
    drop(stream);
    drop(TcpStream::connect(server.addr).unwrap());
    // a client that stops reading a large answer half way
    let mut stream = TcpStream::connect(server.addr).unwrap();
    stream
        .write_all(b"GET /api/borders HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let mut some = [0u8; 1024];
    let _ = stream.read(&mut some).unwrap();
    drop(stream);
    still_serves(&mut server);
}

#[test]
fn a_live_night_streams_every_event_to_viewers_joining_late() {
    let mut server = Serving::start(&["--live", "--speed", "20000", "--seed", "5"]);
    // a viewer who leaves at once, one who follows from the start
    let mut quitter = TcpStream::connect(server.addr).unwrap();
    quitter
        .write_all(b"GET /api/live HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    drop(quitter);
    let early = read_stream(server.addr);
    // one who joins after the end
    let late = read_stream(server.addr);
    let logged = run_events(&["--seed", "5"], "live");
    assert_eq!(early, logged);
    assert_eq!(late, logged);
    still_serves(&mut server);
}

#[test]
fn an_output_folder_shows_its_report_and_where_its_replications_leaked_and_spilled() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("mc");
    let mc = std::process::Command::new(env!("CARGO_BIN_EXE_canopy"))
        .args(["mc", "--runs", "4", "--threads", "2", "--events", "--out"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        mc.status.success(),
        "{}",
        String::from_utf8_lossy(&mc.stderr)
    );
    let mut server = Serving::start(&[dir.to_str().unwrap()]);
    let report = get(server.addr, "/report");
    assert_eq!(
        report.body(),
        std::fs::read_to_string(dir.join("report.html")).unwrap()
    );
    let map: serde_json::Value =
        serde_json::from_str(get(server.addr, "/api/folder").body()).unwrap();
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("summary.json")).unwrap()).unwrap();
    // the summary's mean over its runs, times the runs: the total over the replications
    let total = |column: &str| {
        let c = &summary["columns"][column];
        (c["mean"].as_f64().unwrap() * c["n"].as_f64().unwrap()).round()
    };
    let counted = |layer: &str| -> f64 {
        map[layer]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c[2].as_f64().unwrap())
            .sum()
    };
    assert_eq!(counted("leaked"), total("leaked"));
    assert_eq!(counted("spillover"), total("spillover.count"));
    assert_eq!(
        get(server.addr, "/api/night").status,
        404,
        "a folder has no single night"
    );
    still_serves_folder(&mut server);
}

/// The folder's page still comes back.
fn still_serves_folder(server: &mut Serving) {
    assert!(server.is_running(), "the server stopped");
    let page = get(server.addr, "/");
    assert!(page.body().contains("/assets/js/folder.js"));
}
