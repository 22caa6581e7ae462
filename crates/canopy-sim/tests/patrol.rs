//! Patrol relief on a hand-worked timeline: one F-16 on station for an hour at a time, with and
//! without a spare, while a single drone far to the east keeps the run going until it arrives.

mod common;

use canopy_geo::{GeoPoint, distance_m};
use canopy_sim::{Event, RunOutcome};
use common::DELEGATED;

/// Ground time between two sorties (refuel, rearm), seconds.
const TURNAROUND_S: f64 = 2700.0;
/// The patrol's first time on station, 23:00 (one hour after the 22:00 start), seconds.
const T0: f64 = 3600.0;
/// Time on station, seconds.
const ENDURANCE_S: f64 = 3600.0;

fn run(spares: u32) -> RunOutcome {
    let body = format!(
        r#"{rules}{base}{launch}{depot}
[[patrol]]
id = "cap"
nation = "UA"
aircraft = "f-16c"
count = 1
spares = {spares}
loadout = {{ aim-9x = 2 }}
base = "test-base"
station = [49.50, 24.00]
on_station = "23:00"
endurance = "1h"

[[raid]]
id = "late"
threat = "shahed-136"
count = 1
launch = "test-launch"
window = ["03:00", "03:00"]
targets = ["test-depot"]
"#,
        rules = common::ukraine_rules(r#"["drone"]"#, false),
        base = common::place("test-base", 49.00, 24.00),
        launch = common::place("test-launch", 49.80, 29.90),
        depot = common::place("test-depot", 49.80, 29.00),
    );
    common::run_with(
        common::ukraine_scenario("test-patrol", &body, DELEGATED),
        1,
        canopy_sim::PlannerKind::Wta,
    )
}

/// Flight time from base to station at the F-16's 900 km/h cruise (250 m/s).
fn transit_s() -> f64 {
    let base = GeoPoint::from_degrees(49.00, 24.00).unwrap();
    let station = GeoPoint::from_degrees(49.50, 24.00).unwrap();
    distance_m(base, station) / 250.0
}

fn times(outcome: &RunOutcome, on: bool) -> Vec<f64> {
    outcome
        .events
        .iter()
        .filter_map(|event| match event {
            Event::OnStation { time, .. } if on => Some(time.as_secs_f64()),
            Event::OffStation { time, .. } if !on => Some(time.as_secs_f64()),
            _ => None,
        })
        .collect()
}

/// The hand-worked cycle: the patrol is empty over `[T0 + k·period - gap, T0 + k·period]` for
/// k = 1, 2, ... (an hour on station, then `gap` until the next aircraft arrives); returns the
/// expected on-station times and the gap up to `end_s`.
fn expected(gap_s: f64, end_s: f64) -> (Vec<f64>, Vec<f64>, f64) {
    let period = ENDURANCE_S + gap_s;
    let (mut on, mut off, mut total) = (vec![T0], Vec::new(), 0.0);
    let mut k = 1.0;
    while T0 + k * period - gap_s < end_s {
        let left = T0 + k * period - gap_s;
        let back = T0 + k * period;
        off.push(left);
        total += back.min(end_s) - left;
        if back <= end_s {
            on.push(back);
        }
        k += 1.0;
    }
    (on, off, total)
}

fn assert_close(actual: &[f64], expected: &[f64]) {
    assert_eq!(actual.len(), expected.len(), "{actual:?} vs {expected:?}");
    for (a, e) in actual.iter().zip(expected) {
        assert!((a - e).abs() < 1e-3, "{actual:?} vs {expected:?}");
    }
}

#[test]
fn a_spare_takes_station_one_transit_after_the_first_leaves() {
    // The spare takes off when the first aircraft leaves and arrives one transit later; the
    // first lands one transit after leaving and is ready 45 min later, before the spare's hour
    // is up, so it relieves the spare in turn: a gap of one transit per cycle.
    let outcome = run(1);
    let end_s = outcome.metrics.end_time_s;
    assert!(
        end_s > T0 + 4.0 * ENDURANCE_S,
        "the drone launches at 03:00"
    );
    let (on, off, gap) = expected(transit_s(), end_s);
    assert_close(&times(&outcome, true), &on);
    assert_close(&times(&outcome, false), &off);
    assert!((outcome.metrics.patrol_gap_s - gap).abs() < 1e-3);
}

#[test]
fn without_a_spare_the_patrol_waits_for_the_round_trip_and_turnaround() {
    // Alone, the aircraft flies home, turns around in 45 min and flies back: a gap of two
    // transits and the turnaround per cycle.
    let outcome = run(0);
    let end_s = outcome.metrics.end_time_s;
    let (on, off, gap) = expected(2.0 * transit_s() + TURNAROUND_S, end_s);
    assert_close(&times(&outcome, true), &on);
    assert_close(&times(&outcome, false), &off);
    assert!((outcome.metrics.patrol_gap_s - gap).abs() < 1e-3);
    assert!(gap > run(1).metrics.patrol_gap_s);
}
