//! In a frame tangent to the earth, a target holding its height is not level: it follows the
//! ground as it curves away from the plane. A tracker told the frame's curvature keeps such a
//! target's height; one that pulls vertical velocity back to zero lets it sink.

use canopy_track::geometry::cartesian_to_polar;
use canopy_track::{Azimuth, ImmConfig, PolarDetection, Scan, SensorModel, Tracker, TrackerConfig};
use nalgebra::Vector3;

const RADIUS_M: f64 = 6_371_000.0;

/// A point `height_m` above the sphere, over the tangent plane's point (x, y).
fn above_sphere(x: f64, y: f64, height_m: f64) -> Vector3<f64> {
    let r = RADIUS_M + height_m;
    Vector3::new(x, y, (r * r - x * x - y * y).sqrt() - RADIUS_M)
}

/// Truth: a cruise missile 100 m above the ground, from 300 km east of the frame's origin
/// flying west at 200 m/s.
fn truth(time_s: f64) -> Vector3<f64> {
    above_sphere(300_000.0 - 200.0 * time_s, 0.0, 100.0)
}

/// The height error (estimate minus truth) of the tracker's one track after 20 minutes of
/// noise-free looks every 30 s by an airborne radar 9 km above the ground, 150 km west of the
/// missile's start.
fn height_error_m(frame_curvature_radius_m: Option<f64>) -> f64 {
    let config = TrackerConfig {
        min_height_m: -100_000.0,
        imm: ImmConfig {
            frame_curvature_radius_m,
            ..ImmConfig::default()
        },
        ..TrackerConfig::default()
    };
    let mut tracker = Tracker::new(config);
    let sensor = SensorModel::new(
        above_sphere(150_000.0, 0.0, 9000.0),
        100.0,
        0.2f64.to_radians(),
        1.0f64.to_radians(),
    );
    let last_s = 1200.0;
    let mut time_s = 0.0;
    while time_s <= last_s {
        let polar = cartesian_to_polar(&(truth(time_s) - sensor.position_m));
        let detection = PolarDetection {
            range_m: polar[0],
            azimuth: Azimuth::from_east_ccw_rad(polar[1]),
            elevation_rad: polar[2],
        };
        let scan = Scan {
            time_s,
            sensor: &sensor,
            detections: std::slice::from_ref(&detection),
        };
        tracker.process_scan(&scan).expect("scans in time order");
        time_s += 30.0;
    }
    let tracks: Vec<_> = tracker.confirmed_tracks().collect();
    assert_eq!(tracks.len(), 1);
    tracks[0].estimate.mean[2] - truth(last_s)[2]
}

#[test]
fn a_tracker_told_the_curvature_keeps_a_low_missiles_height() {
    let curved = height_error_m(Some(RADIUS_M));
    let flat = height_error_m(None);
    // The missile climbs through the frame at up to 9.4 m/s (−x vx / R at 300 km); the radar
    // measures height only to ~1° of elevation, 1-3 km at these ranges, so the motion model
    // decides the height.
    assert!(curved.abs() < 20.0, "curved frame: {curved:.0} m");
    assert!(flat < -300.0, "flat frame: {flat:.0} m");
}
