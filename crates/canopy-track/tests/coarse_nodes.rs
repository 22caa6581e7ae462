//! A fast, low target reported every 30 s by short-range nodes (an acoustic network: each
//! report comes from the node nearest below the target, which hears to 5 km), while a radar
//! scans every 10 s from beyond the horizon. The tracker must follow it: a young track's
//! predicted position lies outside the next reporting node's range (the target moves 7.5 km
//! between reports, and the track's velocity is still unknown), a polar update linearised at
//! such a broad prediction would throw the track tens of kilometres off, and the radar cannot
//! see a target below its line of sight, so its empty scans are no missed looks.

use canopy_track::geometry::cartesian_to_polar;
use canopy_track::{
    Azimuth, ImmConfig, PolarDetection, RadioHorizon, Scan, SensorModel, Tracker, TrackerConfig,
};
use nalgebra::Vector3;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Normal};

const EARTH_RADIUS_M: f64 = 6_371_000.0;
const HORIZON: RadioHorizon = RadioHorizon {
    earth_radius_m: EARTH_RADIUS_M,
    effective_radius_m: EARTH_RADIUS_M * 4.0 / 3.0,
};

/// A point `height_m` above the surface, `east_m` and `north_m` along it from the origin of
/// the tangent frame (small-angle placement on the sphere).
fn on_earth(east_m: f64, north_m: f64, height_m: f64) -> Vector3<f64> {
    let up = Vector3::new(east_m, north_m, EARTH_RADIUS_M).normalize();
    up * (EARTH_RADIUS_M + height_m) - Vector3::new(0.0, 0.0, EARTH_RADIUS_M)
}

#[test]
fn radio_horizon_matches_the_four_thirds_earth_rule() {
    // A 10 m mast and a 50 m missile: √(2·(4/3)·6371 km·h) gives 13.03 km + 29.15 km = 42.18 km
    // (4.12·(√10 + √50) = 42.16 km by the rule of thumb).
    let mast = on_earth(0.0, 0.0, 10.0);
    assert!((HORIZON.height_m(&mast) - 10.0).abs() < 1e-6);
    assert!((HORIZON.distance_m(10.0) - 13_034.3).abs() < 0.1);
    assert!((HORIZON.distance_m(50.0) - 29_145.6).abs() < 0.1);
    let near = on_earth(41_500.0, 0.0, 50.0);
    let far = on_earth(43_000.0, 0.0, 50.0);
    assert!(HORIZON.in_sight(&mast, &near));
    assert!(!HORIZON.in_sight(&mast, &far));
    // At 9 km the same missile is in sight out to ~420 km.
    let awacs = on_earth(0.0, 0.0, 9_000.0);
    assert!(HORIZON.in_sight(&awacs, &on_earth(410_000.0, 0.0, 50.0)));
    assert!(!HORIZON.in_sight(&awacs, &on_earth(430_000.0, 0.0, 50.0)));
}

/// Flies the target for 12 minutes and returns, for each node report after the first three,
/// whether one confirmed track stood within 3 km of the target, the confirmed identities and
/// the tracker at the end.
fn follow(radar_horizon: Option<RadioHorizon>) -> (Vec<bool>, usize, Tracker) {
    let config = TrackerConfig {
        imm: ImmConfig {
            frame_curvature_radius_m: Some(EARTH_RADIUS_M),
            ..ImmConfig::default()
        },
        ..TrackerConfig::default()
    };
    let mut tracker = Tracker::new(config);
    // 120 km south of the track, 10 m up: it sees a 100 m target only within ~54 km.
    let mut radar = SensorModel::new(on_earth(0.0, -120_000.0, 10.0), 150.0, 0.005, 0.01);
    radar.max_range_m = 250_000.0;
    radar.horizon = radar_horizon;
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let unit = Normal::new(0.0, 1.0).expect("valid");
    let (speed_mps, height_m) = (250.0, 100.0);
    let mut held = Vec::new();
    let mut identities = std::collections::BTreeSet::new();
    for step in 0..=72 {
        let time_s = 10.0 * f64::from(step);
        let east_m = -90_000.0 + speed_mps * time_s;
        let truth = on_earth(east_m, 0.0, height_m);
        let node_report = step % 3 == 0;
        let (sensor, detections) = if node_report {
            // The reporting node stands on the ground 3 km north-west of the target's ground
            // point; coarse range, bearing and elevation.
            let mut node = SensorModel::new(
                on_earth(east_m - 2_000.0, 2_200.0, 2.0),
                1_500.0,
                12f64.to_radians(),
                15f64.to_radians(),
            );
            node.max_range_m = 5_000.0;
            let polar = cartesian_to_polar(&(truth - node.position_m));
            let detection = PolarDetection {
                range_m: (polar.x + node.sigma_range_m * unit.sample(&mut rng)).max(1.0),
                azimuth: Azimuth::from_east_ccw_rad(
                    polar.y + node.sigma_azimuth_rad * unit.sample(&mut rng),
                ),
                elevation_rad: polar.z + node.sigma_elevation_rad * unit.sample(&mut rng),
            };
            (node, vec![detection])
        } else {
            (radar.clone(), Vec::new())
        };
        let scan = Scan {
            time_s,
            sensor: &sensor,
            detections: &detections,
        };
        let tracks = tracker.process_scan(&scan).expect("in order");

        let confirmed: Vec<_> = tracks.iter().filter(|t| t.confirmed).collect();
        identities.extend(confirmed.iter().map(|t| t.id));
        if node_report && step >= 9 {
            held.push(
                confirmed.len() == 1
                    && (confirmed[0].estimate.position_m() - truth).norm() < 3_000.0,
            );
        }
    }
    (held, identities.len(), tracker)
}

#[test]
fn coarse_reports_every_thirty_seconds_hold_a_fast_low_target() {
    let (held, identities, _) = follow(Some(HORIZON));
    assert_eq!(held.len(), 22);
    assert!(held.iter().all(|&h| h), "{held:?}");
    assert_eq!(identities, 1);
}

#[test]
fn a_radar_that_ignored_its_horizon_would_drop_the_target() {
    // The same flight with the radar's empty scans counted as missed looks: two in a row
    // between two reports drop each tentative track before its second report confirms it.
    let (held, identities, _) = follow(None);
    assert!(held.iter().all(|&h| !h), "{held:?}");
    assert_eq!(identities, 0);
}

#[test]
fn a_track_nobody_reports_any_more_is_let_go_as_time_moves_on() {
    let (_, _, mut tracker) = follow(Some(HORIZON));
    let end_s = 720.0;
    let looks: Vec<(u64, u32)> = tracker.tracks().iter().map(|t| (t.id.0, t.looks)).collect();
    assert!(tracker.confirmed_tracks().count() == 1, "{looks:?}");
    // No sensor reports any more: moved on in time alone, the track counts no look, grows
    // uncertain and is deleted once its position spread passes the 5 km limit.
    let mut deleted_at_s = None;
    for k in 1..=40 {
        let time_s = end_s + 30.0 * f64::from(k);
        let tracks = tracker.advance_to(time_s).expect("forward in time");
        for track in tracks {
            let before = looks.iter().find(|(id, _)| *id == track.id.0);
            assert_eq!(before.map(|(_, n)| *n), Some(track.looks));
            let cov = &track.estimate.cov;
            assert!((cov[(0, 0)] + cov[(1, 1)] + cov[(2, 2)]).sqrt() <= 5_000.0);
        }
        if tracks.is_empty() {
            deleted_at_s = Some(time_s);
            break;
        }
    }
    assert!(deleted_at_s.is_some());
    assert!(tracker.advance_to(end_s).is_err());
}
