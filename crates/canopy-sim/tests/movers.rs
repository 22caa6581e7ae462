//! Movers against hand-worked trajectories: a route leg against the geodesic direct problem, the
//! interceptor's homing time against the closing-speed formula, a fighter's sortie against its
//! transit and endurance.

mod common;

use canopy_c2::Geometry;
use canopy_core::SimTime;
use canopy_geo::{EnuFrame, EnuPosition, FreeVector, GeoPoint, direct, inverse};
use canopy_sim::Event;
use canopy_sim::engine::{Reach, homing_intercept};
use canopy_sim::route::Route;

#[test]
fn a_route_leg_follows_the_geodesic() {
    let kyiv_side = GeoPoint::from_degrees(50.0, 28.0).unwrap();
    let lviv = GeoPoint::from_degrees(49.84, 24.03).unwrap();
    let geometry = Geometry::new(EnuFrame::new(lviv, 0.0));
    let route = Route::new(&geometry, &[kyiv_side, lviv]);
    let leg = inverse(kyiv_side, lviv);
    assert!((route.length_m() - leg.distance_m).abs() < 1e-6);
    for distance in [0.0, 12_345.0, 100_000.0, 250_000.0, leg.distance_m] {
        let expected = geometry
            .frame
            .to_enu(direct(kyiv_side, leg.azimuth_start_rad, distance), 500.0);
        let actual = route.position_m(distance, 500.0);
        let error = (expected - actual).norm();
        // Linear interpolation between 10 km samples: the chord departs from the arc by under 2 m.
        assert!(error < 2.0, "{error} m off at {distance} m");
    }
}

#[test]
fn homing_time_matches_the_closing_speed() {
    // A target 30 km away flying straight at the launcher at 250 m/s, an interceptor at
    // 1,250 m/s: they close at 1,500 m/s and meet after 20 s, 25 km from the launcher.
    let target = |t: SimTime| EnuPosition::from([30_000.0 - 250.0 * t.as_secs_f64(), 0.0, 0.0]);
    let launcher = EnuPosition::default();
    let (time, reached) = homing_intercept(target, launcher, 1_250.0, 40_000.0, SimTime::START);
    assert_eq!(reached, Reach::Reached);
    assert!((time.as_secs_f64() - 20.0).abs() < 1e-3);
    // With only 20 km of range it runs out of energy after 16 s.
    let (time, reached) = homing_intercept(target, launcher, 1_250.0, 20_000.0, SimTime::START);
    assert_eq!(reached, Reach::OutOfRange);
    assert!((time.as_secs_f64() - 16.0).abs() < 1e-6);
}

#[test]
fn a_fighter_flies_transit_endurance_and_back() {
    // Ukraine's rules allow engaging ballistic missiles only, so its fighters never fire at the
    // drone that keeps the run going (3.6 h of flight); the sortie is transit + 1 h on station
    // + transit.
    let scenario = common::patrol_scenario();
    let transit_s = common::patrol_transit_s(&scenario);
    let events = common::run(scenario, 1).events;
    let start = events.iter().find_map(|e| match e {
        Event::SortieStart { time, .. } => Some(time.as_secs_f64()),
        _ => None,
    });
    let hours = events.iter().find_map(|e| match e {
        Event::SortieEnd { flight_hours, .. } => Some(*flight_hours),
        _ => None,
    });
    // On station at 23:00, one hour after the 22:00 start.
    assert!((start.unwrap() - (3600.0 - transit_s)).abs() < 1e-3);
    assert!((hours.unwrap() - (2.0 * transit_s + 3600.0) / 3600.0).abs() < 1e-6);
}
