//! Whole flights (no entry meridian), electronic warfare and counted raids, against values worked
//! out independently: geodesic distances over the threat type's speed, binomial intervals, the
//! shares a raid's weights give.

mod common;

use std::path::Path;

use canopy_core::{SimTime, StreamKey};
use canopy_geo::GeoPoint;
use canopy_scenario::{Scenario, ThreatClass, parse_scenario};
use canopy_sim::engine::threats::lost_on_route;
use canopy_sim::{Event, PreparedScenario};
use common::{accounted, run};

/// Primorsko-Akhtarsk and Kyiv as in data/places.csv.
const PRIMORSKO_AKHTARSK: (f64, f64) = (46.0487, 38.1706);
const KYIV: (f64, f64) = (50.4501, 30.5234);
/// The Shahed-136's speed in data/library/threats.toml: 170 km/h.
const SHAHED_SPEED_MPS: f64 = 170.0 / 3.6;

/// A whole-flight scenario of Ukraine without defences: no `[theatre]` table; `body` adds raids
/// and EW areas.
fn whole_flight_scenario(body: &str) -> Scenario {
    let text = format!(
        r#"
schema_version = 1

[scenario]
name = "whole-flights"
start = "2025-05-25T15:00:00Z"
duration = "30h"
seed = 3

[[nation]]
code = "UA"
name = "Ukraine"
coalition = false

[[place]]
id = "east-of-kharkiv"
name = "100 km east of Kharkiv"
at = [49.98, 37.65]
kind = "launch_area"
country = "RU"
{body}
[authority]
mode = "delegated"
approval_delay = "0s"
"#
    );
    parse_scenario(&text, Path::new("whole-flights.toml")).expect("test scenario is valid")
}

fn point((lat, lon): (f64, f64)) -> GeoPoint {
    GeoPoint::from_degrees(lat, lon).unwrap()
}

fn seconds(time: SimTime) -> f64 {
    time.as_secs_f64()
}

/// One Shahed launched at 15:00 from Primorsko-Akhtarsk at Kyiv, through `via` (TOML points).
fn one_shahed_to_kyiv(via: &str) -> Scenario {
    whole_flight_scenario(&format!(
        r#"
[[raid]]
id = "shahed"
threat = "shahed-136"
count = 1
launch = "primorsko-akhtarsk"
window = ["15:00", "15:00"]
targets = ["kyiv"]
via = [{via}]
"#
    ))
}

/// When and where the run's first impact came.
fn first_impact(events: &[Event]) -> (f64, canopy_sim::Position) {
    events
        .iter()
        .find_map(|event| match event {
            Event::Impact { time, at, .. } => Some((seconds(*time), *at)),
            _ => None,
        })
        .expect("a threat reaches its aim point")
}

#[test]
fn a_threat_flies_from_its_launch_point_over_the_whole_geodesic() {
    let outcome = run(one_shahed_to_kyiv(""), 1);
    let distance_m = canopy_geo::distance_m(point(PRIMORSKO_AKHTARSK), point(KYIV));
    // About 750 km: some 4 h 24 min at 170 km/h.
    assert!((740e3..760e3).contains(&distance_m), "{distance_m}");
    let flight_s = distance_m / SHAHED_SPEED_MPS;
    let (entered_s, entered_at) = outcome
        .events
        .iter()
        .find_map(|event| match event {
            Event::ThreatEntered { time, at, .. } => Some((seconds(*time), *at)),
            _ => None,
        })
        .expect("the threat is followed");
    assert_eq!(entered_s, 0.0, "followed from its launch");
    let launch_gap_m = canopy_geo::distance_m(point(PRIMORSKO_AKHTARSK), entered_at.point());
    assert!(launch_gap_m < 1.0, "{launch_gap_m} m from the launch point");
    let (impact_s, impact_at) = first_impact(&outcome.events);
    assert!(
        (impact_s - flight_s).abs() < 1e-3,
        "{impact_s} s against {flight_s} s"
    );
    let aim_gap_m = canopy_geo::distance_m(point(KYIV), impact_at.point());
    assert!(aim_gap_m < 1.0, "{aim_gap_m} m from Kyiv");
    assert_eq!(outcome.metrics.attrited_en_route, 0);
}

#[test]
fn a_dog_leg_adds_its_legs() {
    let via = (47.5, 33.0);
    let outcome = run(one_shahed_to_kyiv(&format!("[{}, {}]", via.0, via.1)), 1);
    let legs_m = canopy_geo::distance_m(point(PRIMORSKO_AKHTARSK), point(via))
        + canopy_geo::distance_m(point(via), point(KYIV));
    let (impact_s, _) = first_impact(&outcome.events);
    assert!((impact_s - legs_m / SHAHED_SPEED_MPS).abs() < 1e-3);
}

#[test]
fn without_an_entry_meridian_nothing_is_attrited() {
    let scenario = whole_flight_scenario(
        r#"
[[raid]]
id = "shahed"
threat = "shahed-136"
count = 40
launch = "east-of-kharkiv"
window = ["15:00", "16:00"]
targets = ["kharkiv"]
"#,
    );
    let metrics = run(scenario, 5).metrics;
    assert_eq!(metrics.launched, 40);
    assert_eq!(metrics.attrited_en_route, 0);
    assert_eq!(metrics.entered_theatre, 40);
    assert_eq!(metrics.leaked, 40);
}

/// A scenario of `count` Shaheds and `count` Kh-101s from east of Kharkiv to Kharkiv through an
/// EW area over the city (radius 30 km) that loses `share` of the drones.
fn ew_scenario(count: u32, share: f64) -> Scenario {
    let raid = |threat: &str| {
        format!(
            "[[raid]]\nid = \"{threat}\"\nthreat = \"{threat}\"\ncount = {count}\n\
             launch = \"east-of-kharkiv\"\nwindow = [\"15:00\", \"16:00\"]\n\
             targets = [\"kharkiv\"]\n"
        )
    };
    whole_flight_scenario(&format!(
        r#"
{}
{}
[[ew]]
id = "ew-kharkiv"
nation = "UA"
circle = {{ at = [49.98, 36.25], radius_km = 30 }}
lost_share = {share}
"#,
        raid("shahed-136"),
        raid("kh-101")
    ))
}

#[test]
fn an_ew_area_loses_its_share_of_drones_and_no_missile() {
    let share = 0.3;
    let prepared = PreparedScenario::new(ew_scenario(400, share));
    let (mut drones, mut lost_drones, mut lost_missiles) = (0u32, 0u32, 0u32);
    for replication in 0..10 {
        let key = StreamKey::new(11, replication);
        for spec in &prepared.threats {
            let lost = lost_on_route(&prepared, spec, key).is_some();
            match spec.class {
                ThreatClass::Drone => {
                    drones += 1;
                    lost_drones += u32::from(lost);
                }
                _ => lost_missiles += u32::from(lost),
            }
        }
    }
    // 4000 draws of probability 0.3: mean 1200, standard deviation sqrt(4000 * 0.3 * 0.7) = 29;
    // four standard deviations either side.
    let mean = f64::from(drones) * share;
    let sd = (f64::from(drones) * share * (1.0 - share)).sqrt();
    assert_eq!(drones, 4000);
    assert!(
        (f64::from(lost_drones) - mean).abs() < 4.0 * sd,
        "{lost_drones} of {drones} lost"
    );
    assert_eq!(lost_missiles, 0);
}

#[test]
fn a_lost_drone_is_logged_counted_apart_and_balances() {
    let outcome = run(ew_scenario(60, 0.5), 2);
    let logged = outcome
        .events
        .iter()
        .filter(|event| matches!(event, Event::ThreatLost { area, .. } if area == "ew-kharkiv"))
        .count();
    let metrics = &outcome.metrics;
    assert!(logged > 0);
    assert_eq!(metrics.lost as usize, logged);
    assert_eq!(
        metrics.destroyed, 0,
        "nobody defends: a lost drone is not destroyed"
    );
    let shahed = &metrics.threat_types["shahed-136"];
    assert_eq!(shahed.lost, metrics.lost);
    assert_eq!(metrics.threat_types["kh-101"].lost, 0);
    assert_eq!(shahed.leaked, 60 - shahed.lost);
    assert_eq!(metrics.launched, accounted(metrics));
}

#[test]
fn a_counted_raid_flies_the_spread_its_weights_give() {
    let scenario = whole_flight_scenario(
        r#"
[[raid]]
id = "shahed"
threat = "shahed-136"
count = 90
launch = { kursk = 2, oryol = 1 }
window = ["15:00", "18:00"]
targets = { sumy = 1, kharkiv = 2 }
"#,
    );
    let prepared = PreparedScenario::new(scenario);
    let kursk = point((51.73, 36.19));
    let count = |from: bool, target: &str| {
        prepared
            .threats
            .iter()
            .filter(|spec| spec.target.as_str() == target)
            .filter(|spec| {
                let start = prepared.routes[spec.route]
                    .route
                    .point_at(&prepared.geometry, 0.0);
                (canopy_geo::distance_m(start, kursk) < 1.0) == from
            })
            .count()
    };
    // Kursk 60, Oryol 30; each split 1 : 2 between Sumy and Kharkiv.
    assert_eq!(
        [
            count(true, "sumy"),
            count(true, "kharkiv"),
            count(false, "sumy"),
            count(false, "kharkiv")
        ],
        [20, 40, 10, 20]
    );
}
