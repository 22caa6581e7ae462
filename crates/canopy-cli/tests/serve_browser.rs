//! `canopy serve` in a real browser (Debian's headless chromium through chromium-driver): the
//! page opened at `?t=T` lists exactly the threats airborne at T according to `canopy run`'s event
//! log, clicking a threat tells its story, play moves the clock; a screenshot of a busy moment is
//! written to the test's temporary folder.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::webdriver::{self, Browser};
use common::{Serving, run_events};
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
