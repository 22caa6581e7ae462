//! `canopy serve` in a real browser (Debian's headless chromium through chromium-driver): the
//! page opened at `?t=T` lists exactly the threats airborne at T according to `canopy run`'s event
//! log, clicking a threat tells its story, play moves the clock; a screenshot of a busy moment is
//! written to the test's temporary folder. C2's tracks drawn at `?t=T` are those of the served
//! snapshot of the picture at or before T, each where the snapshot places it.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::webdriver::{self, Browser};
use common::{Serving, get, run_events};
use serde_json::Value;

/// A threat's number, when the event names one.
fn threat_of(event: &Value) -> Option<u64> {
    event["threat"].as_u64()
}

/// The threats airborne at `t`, from the log: launched at or before t, and not destroyed,
/// attrited, lost or arrived at or before t.
fn airborne_at(events: &[Value], t: f64) -> BTreeSet<u64> {
    let at_or_before = |e: &&Value| e["time_s"].as_f64().unwrap() <= t;
    let launched = events
        .iter()
        .filter(at_or_before)
        .filter(|e| e["kind"] == "threat_launched");
    let ended: BTreeSet<u64> = events
        .iter()
        .filter(at_or_before)
        .filter(|e| {
            ["kill", "threat_attrited", "threat_lost", "impact"]
                .contains(&e["kind"].as_str().unwrap())
        })
        .filter_map(threat_of)
        .collect();
    launched
        .filter_map(threat_of)
        .filter(|id| !ended.contains(id))
        .collect()
}

/// The events of one threat: those naming it, and those of its engagements.
fn story_of(events: &[Value], threat: u64) -> Vec<&Value> {
    let engagements: BTreeSet<u64> = events
        .iter()
        .filter(|e| threat_of(e) == Some(threat))
        .filter_map(|e| e["engagement"].as_u64())
        .collect();
    events
        .iter()
        .filter(|e| {
            threat_of(e) == Some(threat)
                || (threat_of(e).is_none()
                    && e["engagement"]
                        .as_u64()
                        .is_some_and(|g| engagements.contains(&g)))
        })
        .collect()
}

/// Times worth checking: the first launch itself, the busiest launch, the first kill itself, the
/// middle kill (a busy moment of the fight), and after the last event (when nothing flies).
fn times_to_check(events: &[Value]) -> Vec<f64> {
    let time = |e: &Value| e["time_s"].as_f64().unwrap();
    let times_of = |kind: &'static str| -> Vec<f64> {
        events
            .iter()
            .filter(|e| e["kind"] == kind)
            .map(time)
            .collect()
    };
    let launches = times_of("threat_launched");
    let first_launch = launches.iter().copied().fold(f64::INFINITY, f64::min);
    let kills = times_of("kill");
    let first_kill = kills.iter().copied().fold(f64::INFINITY, f64::min);
    let middle_kill = kills[kills.len() / 2];
    let busiest = launches
        .iter()
        .copied()
        .max_by_key(|&t| airborne_at(events, t).len())
        .unwrap();
    let end = events.iter().map(time).fold(0.0, f64::max);
    vec![first_launch, busiest, first_kill, middle_kill, end + 60.0]
}

/// The `data-threat` numbers of the page.
fn listed(browser: &Browser) -> BTreeSet<u64> {
    let value = browser.script(
        "return [...document.querySelectorAll('[data-threat]')].map(e => Number(e.dataset.threat));",
    );
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect()
}

#[test]
fn the_page_shows_the_threats_airborne_their_stories_and_plays() {
    if !webdriver::available() {
        return;
    }
    let events = run_events(&[], "browser");
    let server = Serving::start(&[]);
    let browser = Browser::start();
    let times = times_to_check(&events);
    let mut counts = BTreeMap::new();
    for &t in &times {
        browser.open(&format!("{}?t={t}", server.url));
        browser.wait_for(
            "the page is drawn",
            "return document.body.dataset.ready === 'true';",
        );
        let expected = airborne_at(&events, t);
        assert_eq!(listed(&browser), expected, "airborne at t = {t}");
        let shown = browser.script("return Number(document.getElementById('clock').dataset.time);");
        assert_eq!(shown.as_f64(), Some(t), "the clock shows t");
        assert_eq!(
            browser.script("return document.getElementById('play').textContent;"),
            "Play",
            "opens paused"
        );
        counts.insert(t.to_string(), expected.len());
    }
    assert_eq!(
        counts[&times[4].to_string()],
        0,
        "none airborne after the end"
    );
    assert!(
        counts[&times[1].to_string()] > 1,
        "the busiest time has threats: {counts:?}"
    );

    // the middle of the fight: a screenshot, then a threat's story
    browser.open(&format!("{}?t={}", server.url, times[3]));
    browser.wait_for(
        "the page is drawn",
        "return document.body.dataset.ready === 'true';",
    );
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    browser.screenshot(&dir.join("serve-busy.png"));
    let first = *listed(&browser).first().unwrap();
    browser.click(&format!("li[data-threat='{first}']"));
    let kinds = browser.script(
        "return [...document.querySelectorAll('#story .story-event')].map(e => e.dataset.kind);",
    );
    let expected: Vec<&Value> = story_of(&events, first)
        .iter()
        .map(|e| &e["kind"])
        .collect();
    assert_eq!(
        kinds.as_array().unwrap().iter().collect::<Vec<_>>(),
        expected,
        "the story of threat {first}"
    );

    // play moves the clock; at ×600 the frame times are reported
    browser.script("const s = document.getElementById('speed'); s.value = '600'; s.dispatchEvent(new Event('change'));");
    browser.click("#play");
    browser.wait_for(
        "the clock moves",
        &format!(
            "return Number(document.getElementById('clock').dataset.time) > {} + 1200;",
            times[3]
        ),
    );
    let stats = browser.script(
        "const s = window.canopyStats, r = s.renderMs.slice().sort((a, b) => a - b), \
         i = s.intervalMs.slice().sort((a, b) => a - b); \
         return {frames: s.frames, render_p50: r[r.length >> 1], render_max: r[r.length - 1], \
         interval_p50: i[i.length >> 1], interval_max: i[i.length - 1], playing_frames: i.length, ready_ms: s.readyMs};",
    );
    eprintln!("frame times at x600 (ms): {stats}");
}

/// Opens the page at `?t=T` and waits until it is drawn.
fn open_at(browser: &Browser, server: &Serving, t: f64) {
    browser.open(&format!("{}?t={t}", server.url));
    browser.wait_for(
        "the page is drawn",
        "return document.body.dataset.ready === 'true';",
    );
}

/// The `data-track` ids drawn on the page.
fn drawn_tracks(browser: &Browser) -> BTreeSet<u64> {
    let value = browser.script(
        "return [...document.querySelectorAll('[data-track]')].map(e => Number(e.dataset.track));",
    );
    let ids = value.as_array().unwrap();
    let set: BTreeSet<u64> = ids.iter().map(|v| v.as_u64().unwrap()).collect();
    assert_eq!(set.len(), ids.len(), "each track drawn once");
    set
}

/// The track ids of the last snapshot at or before `t` (none before the first).
fn snapshot_ids_at(pictures: &[Value], t: f64) -> BTreeSet<u64> {
    pictures
        .iter()
        .rfind(|p| p["time_s"].as_f64().unwrap() <= t)
        .map(|p| {
            let tracks = p["tracks"].as_array().unwrap();
            tracks.iter().map(|k| k["id"].as_u64().unwrap()).collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_page_draws_the_tracks_of_the_served_picture_where_it_places_them() {
    if !webdriver::available() {
        return;
    }
    let server = Serving::start(&[]);
    let night: Value = serde_json::from_str(get(server.addr, "/api/night").body()).unwrap();
    let pictures = night["pictures"].as_array().unwrap();
    let time = |p: &Value| p["time_s"].as_f64().unwrap();
    let count = |p: &Value| p["tracks"].as_array().unwrap().len();
    let busiest = (0..pictures.len() - 1)
        .max_by_key(|&i| count(&pictures[i]))
        .unwrap();
    let at = time(&pictures[busiest]);
    let between = (at + time(&pictures[busiest + 1])) / 2.0;
    let times = [
        time(&pictures[0]) - 1.0,
        at,
        between,
        night["end_s"].as_f64().unwrap() + 60.0,
    ];
    let browser = Browser::start();
    for t in times {
        open_at(&browser, &server, t);
        assert_eq!(
            drawn_tracks(&browser),
            snapshot_ids_at(pictures, t),
            "tracks at t = {t}"
        );
    }
    assert!(count(&pictures[busiest]) > 1);

    // at a snapshot's own time a track is drawn where the snapshot places it: zoomed in to a
    // few tens of metres a pixel, the centre of its square is its latitude and longitude
    let track = &pictures[busiest]["tracks"][0];
    open_at(&browser, &server, at);
    let drawn = browser.script(&format!(
        "const map = Canopy.view.map; map.setView([{lat}, {lon}], 12, {{ animate: false }}); \
         const box = document.querySelector('[data-track=\"{id}\"]').getBoundingClientRect(); \
         const frame = map.getContainer().getBoundingClientRect(); \
         const p = map.containerPointToLatLng([box.x + box.width / 2 - frame.x, \
           box.y + box.height / 2 - frame.y]); \
         return [p.lat, p.lng];",
        lat = track["lat"],
        lon = track["lon"],
        id = track["id"],
    ));
    for (k, axis) in ["lat", "lon"].into_iter().enumerate() {
        let (shown, served) = (drawn[k].as_f64().unwrap(), track[axis].as_f64().unwrap());
        assert!(
            (shown - served).abs() < 5e-4,
            "track {}: {axis} {shown} drawn, {served} served",
            track["id"]
        );
    }
}
