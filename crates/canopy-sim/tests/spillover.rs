//! A threat flying through NATO airspace is a spillover, with the time it spent there.

mod common;

use canopy_geo::{Borders, GeoPoint, GeodesicLeg};
use canopy_sim::{Event, SpilloverObject};
use common::{border_crossing_scenario, run};

/// Distances along the leg where it enters and leaves Poland, by bisection on the borders.
fn polish_stretch_m(leg: &GeodesicLeg) -> (f64, f64) {
    let borders = Borders::bundled();
    let in_poland = |distance: f64| {
        borders
            .country_at(leg.point_at(distance))
            .is_some_and(|country| country.code.as_str() == "PL")
    };
    let length = leg.length_m();
    assert!(!in_poland(0.0) && in_poland(length));
    let (mut outside, mut inside) = (0.0, length);
    for _ in 0..60 {
        let middle = (outside + inside) / 2.0;
        if in_poland(middle) {
            inside = middle;
        } else {
            outside = middle;
        }
    }
    (inside, length)
}

#[test]
fn a_cruise_missile_crossing_poland_is_a_spillover_with_its_time_inside() {
    let scenario = border_crossing_scenario();
    let speed_mps = scenario
        .library
        .threats
        .iter()
        .find(|t| t.id == "kh-101")
        .unwrap()
        .speed_mps;
    let launch = GeoPoint::from_degrees(50.46, 24.60).unwrap();
    let oserdow = GeoPoint::from_degrees(50.45, 24.00).unwrap();
    let depot = GeoPoint::from_degrees(50.20, 24.30).unwrap();
    // In on the first leg, out on the second (found the same way, from the depot backwards).
    let (enter_m, first_leg_m) = polish_stretch_m(&GeodesicLeg::new(launch, oserdow));
    let (exit_back_m, second_leg_m) = polish_stretch_m(&GeodesicLeg::new(depot, oserdow));
    let inside_m = (first_leg_m - enter_m) + (second_leg_m - exit_back_m);
    let expected_s = inside_m / speed_mps;

    let outcome = run(scenario, 1);
    let stays: Vec<(f64, &str, GeoPoint)> = outcome
        .events
        .iter()
        .filter_map(|event| match event {
            Event::Spillover {
                object: SpilloverObject::Threat,
                time_inside,
                country,
                at,
                ..
            } => Some((time_inside.as_secs_f64(), country.as_str(), at.point())),
            _ => None,
        })
        .collect();
    assert_eq!(stays.len(), 2, "{stays:?}");
    let entry = GeodesicLeg::new(launch, oserdow).point_at(enter_m);
    for (time_inside_s, country, at) in stays {
        assert_eq!(country, "PL");
        // Where it entered: the border crossing, to about one airspace sample (1 km).
        let off_m = canopy_geo::distance_m(at, entry);
        assert!(
            off_m <= 1_000.0,
            "entered {off_m} m from the border crossing"
        );
        // The route is checked every kilometre: the stay is right to about one sample each side.
        assert!(
            (time_inside_s - expected_s).abs() <= 1_000.0 / speed_mps + 1e-6,
            "inside {time_inside_s} s, expected {expected_s} s"
        );
    }
    assert_eq!(outcome.metrics.spillover.threats, 2);
    assert_eq!(outcome.metrics.leaked, 2);
}
