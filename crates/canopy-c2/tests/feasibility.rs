//! Envelope, zone and debris edges of the feasibility checks, on hand-placed tracks.

mod common;

use canopy_c2::{Infeasible, ShooterState, TrackEstimate, check_engagement};
use canopy_geo::{
    Borders, CountryCode, EnuPosition, EnuVelocity, FreeVector, GeoPoint, ZoneShape, direct,
};
use canopy_scenario::ThreatClass;
use common::{Fixture, exact_track, nasams_scenario};

fn shooter_at(fixture: &Fixture, position_m: EnuPosition) -> ShooterState {
    fixture.site(0, position_m, &["aim-120c-gl"])
}

fn track(position_m: EnuPosition, velocity_mps: EnuVelocity) -> TrackEstimate {
    exact_track(0, ThreatClass::Drone, position_m, velocity_mps)
}

fn check(
    fixture: &Fixture,
    shooter: &ShooterState,
    track: &TrackEstimate,
) -> Result<f64, Infeasible> {
    let ctx = fixture.context(canopy_scenario::DEFAULT_COST_WEIGHT);
    check_engagement(&ctx, shooter, shooter.munitions[0].munition, track)
        .map(|plan| plan.slant_range_m)
}

#[test]
fn one_metre_beyond_maximum_range_is_not_engaged() {
    let fixture = Fixture::new(nasams_scenario());
    let site = GeoPoint::from_degrees(49.80, 25.00).unwrap();
    let shooter = shooter_at(&fixture, fixture.geometry.frame.to_enu(site, 0.0));
    let max_range_m = 35_000.0; // aim-120c-gl in the library
    // A hovering target due north of the site at 1,000 m: slant range = |target - launcher|.
    let at = |slant: f64| {
        let mut position = shooter.position_m;
        let horizontal = (slant * slant - 1000.0f64.powi(2)).sqrt();
        position.north_m += horizontal;
        position.up_m += 1000.0;
        track(position, EnuVelocity::default())
    };
    let inside = check(&fixture, &shooter, &at(max_range_m - 1.0)).unwrap();
    assert!((inside - (max_range_m - 1.0)).abs() < 1e-6);
    assert_eq!(
        check(&fixture, &shooter, &at(max_range_m + 1.0)),
        Err(Infeasible::OutOfRange)
    );
}

#[test]
fn one_metre_outside_the_engagement_zone_is_not_engaged() {
    let mut scenario = nasams_scenario();
    // Ukraine may engage only west of 25.1 E.
    scenario.zones[0].shape = ZoneShape::west_of_meridian_deg(25.1).unwrap();
    let fixture = Fixture::new(scenario);
    let site = GeoPoint::from_degrees(49.80, 25.00).unwrap();
    let frame = &fixture.geometry.frame;
    let shooter = shooter_at(&fixture, frame.to_enu(site, 0.0));
    // One metre of longitude at 49.8 N: the WGS-84 radius of the parallel is
    // a cos(phi) / sqrt(1 - e^2 sin^2 phi) = 4,123,690 m, so 1 m is 1.3894e-5 degrees.
    let one_metre_deg = 1.0 / (4_123_690.0 * std::f64::consts::PI / 180.0);
    let hover = |lon: f64| {
        let point = GeoPoint::from_degrees(49.80, lon).unwrap();
        track(frame.to_enu(point, 1000.0), EnuVelocity::default())
    };
    assert!(check(&fixture, &shooter, &hover(25.1 - one_metre_deg)).is_ok());
    assert_eq!(
        check(&fixture, &shooter, &hover(25.1 + one_metre_deg)),
        Err(Infeasible::OutsideZone)
    );
}

/// The longitude where the parallel `lat` crosses from Poland into Ukraine, by bisection on the
/// borders (Poland west, Ukraine east of it).
fn pl_ua_border_lon(lat: f64) -> f64 {
    let borders = Borders::bundled();
    let (mut west, mut east) = (23.0, 25.0);
    let code = |lon: f64| {
        borders
            .country_at(GeoPoint::from_degrees(lat, lon).unwrap())
            .map(|c| c.code.to_string())
    };
    assert_eq!(code(west).as_deref(), Some("PL"));
    assert_eq!(code(east).as_deref(), Some("UA"));
    for _ in 0..60 {
        let middle = (west + east) / 2.0;
        if code(middle).as_deref() == Some("UA") {
            east = middle;
        } else {
            west = middle;
        }
    }
    east
}

/// The point on the parallel `lat`, east of the Polish border, that is `distance_m` from Poland
/// (bisection on the borders' own distance).
fn point_from_poland(lat: f64, distance_m: f64) -> GeoPoint {
    let pl = CountryCode::new("PL").unwrap();
    let borders = Borders::bundled();
    let (mut west, mut east) = (pl_ua_border_lon(lat), pl_ua_border_lon(lat) + 0.2);
    for _ in 0..60 {
        let middle = (west + east) / 2.0;
        let point = GeoPoint::from_degrees(lat, middle).unwrap();
        if borders.distance_to_country_m(point, pl).unwrap() < distance_m {
            west = middle;
        } else {
            east = middle;
        }
    }
    GeoPoint::from_degrees(lat, east).unwrap()
}

#[test]
fn debris_over_nato_territory_blocks_the_engagement() {
    // A drone at 1,000 m flying west at 50 m/s, intercepted 900 m from Poland: its debris is
    // thrown 714 m ahead, so the footprint is centred 357 m ahead with radius 357 + 1,000 m.
    // Whatever the border's direction, the centre is at most 900 + 357 = 1,257 m from Poland,
    // less than the 1,357 m radius: the footprint reaches into Poland.
    let intercept = point_from_poland(50.40, 900.0);
    let launcher = direct(intercept, std::f64::consts::FRAC_PI_2, 5_000.0);
    let check_with = |forbid: bool| {
        let mut scenario = nasams_scenario();
        scenario.nations[0]
            .rules
            .as_mut()
            .unwrap()
            .forbid_debris_on_nato = forbid;
        let fixture = Fixture::new(scenario);
        let frame = &fixture.geometry.frame;
        let shooter = shooter_at(&fixture, frame.to_enu(launcher, 0.0));
        let here = frame.to_enu(intercept, 1000.0);
        let west = frame.to_enu(direct(intercept, -std::f64::consts::FRAC_PI_2, 1.0), 1000.0);
        let velocity = EnuVelocity {
            east_mps: 50.0 * (west.east_m - here.east_m),
            north_mps: 50.0 * (west.north_m - here.north_m),
            up_mps: 0.0,
        };
        // The track starts back along its path by the flight time to `intercept`, so the
        // predicted intercept falls at or just west of it (the target flies away from the launcher).
        let flight_s = check_flight_s(&fixture, &shooter, here);
        let start = EnuPosition {
            east_m: here.east_m - velocity.east_mps * flight_s,
            north_m: here.north_m - velocity.north_mps * flight_s,
            up_m: here.up_m,
        };
        check(&fixture, &shooter, &track(start, velocity))
    };
    assert_eq!(check_with(true), Err(Infeasible::DebrisOverNato));
    assert!(check_with(false).is_ok());
}

/// The interceptor's time of flight to a hovering target at `position_m`.
fn check_flight_s(fixture: &Fixture, shooter: &ShooterState, position_m: EnuPosition) -> f64 {
    let speed = fixture
        .scenario
        .library
        .munition(shooter.munitions[0].munition)
        .speed_mps;
    (position_m - shooter.position_m).norm() / speed
}
