//! With Pd = 1 and no clutter, every target gets exactly one confirmed track and there is no
//! false track, through scans of two radars that alternate (central fusion).

use canopy_track::geometry::cartesian_to_polar;
use canopy_track::{Azimuth, PolarDetection, Scan, SensorModel, Tracker, TrackerConfig};
use nalgebra::Vector3;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Normal};

#[test]
fn one_confirmed_track_per_target() {
    let sensors = [
        SensorModel::new(
            Vector3::new(-120_000.0, 10_000.0, 300.0),
            50.0,
            0.0025,
            0.004,
        ),
        SensorModel::new(
            Vector3::new(-90_000.0, 100_000.0, 300.0),
            40.0,
            0.0018,
            0.0035,
        ),
    ];
    // Five targets 10 km or more apart: drones, cruise missiles and one climbing fast mover.
    let targets = [
        (
            Vector3::new(20_000.0, 0.0, 1000.0),
            Vector3::new(-50.0, 0.0, 0.0),
        ),
        (
            Vector3::new(30_000.0, 30_000.0, 200.0),
            Vector3::new(-240.0, 10.0, 0.0),
        ),
        (
            Vector3::new(-10_000.0, -40_000.0, 150.0),
            Vector3::new(-200.0, 120.0, 0.0),
        ),
        (
            Vector3::new(50_000.0, -20_000.0, 1500.0),
            Vector3::new(-45.0, -20.0, 0.0),
        ),
        (
            Vector3::new(0.0, 60_000.0, 800.0),
            Vector3::new(-55.0, 5.0, 1.0),
        ),
    ];
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let unit = Normal::new(0.0, 1.0).expect("valid");
    let mut tracker = Tracker::new(TrackerConfig::default());
    for scan_index in 0..40 {
        let time_s = 2.0 * scan_index as f64;
        let sensor = &sensors[scan_index % 2];
        let detections: Vec<PolarDetection> = targets
            .iter()
            .map(|(p, v)| {
                let polar = cartesian_to_polar(&(p + v * time_s - sensor.position_m));
                PolarDetection {
                    range_m: polar.x + sensor.sigma_range_m * unit.sample(&mut rng),
                    azimuth: Azimuth::from_east_ccw_rad(
                        polar.y + sensor.sigma_azimuth_rad * unit.sample(&mut rng),
                    ),
                    elevation_rad: polar.z + sensor.sigma_elevation_rad * unit.sample(&mut rng),
                }
            })
            .collect();
        let tracks = tracker
            .process_scan(&Scan {
                time_s,
                sensor,
                detections: &detections,
            })
            .expect("in order");
        if scan_index >= 3 {
            let confirmed: Vec<_> = tracks.iter().filter(|t| t.confirmed).collect();
            assert_eq!(confirmed.len(), targets.len(), "scan {scan_index}");
            assert_eq!(
                tracks.len(),
                targets.len(),
                "no tentative tracks either, scan {scan_index}"
            );
            for (p, v) in &targets {
                let truth = p + v * time_s;
                let near = confirmed
                    .iter()
                    .filter(|t| (t.estimate.position_m() - truth).norm() < 2000.0);
                assert_eq!(near.count(), 1, "target at {truth:?}, scan {scan_index}");
            }
        }
    }
    // Identities never changed: the five tracks are the first five started.
    let ids: Vec<u64> = tracker.tracks().iter().map(|t| t.id.0).collect();
    assert_eq!(ids, vec![0, 1, 2, 3, 4]);
}

#[test]
fn scans_must_come_in_time_order() {
    let sensor = SensorModel::new(Vector3::zeros(), 50.0, 0.002, 0.003);
    let mut tracker = Tracker::new(TrackerConfig::default());
    tracker
        .process_scan(&Scan {
            time_s: 5.0,
            sensor: &sensor,
            detections: &[],
        })
        .expect("first");
    assert!(
        tracker
            .process_scan(&Scan {
                time_s: f64::NAN,
                sensor: &sensor,
                detections: &[]
            })
            .is_err()
    );
    assert!(
        tracker
            .process_scan(&Scan {
                time_s: 4.0,
                sensor: &sensor,
                detections: &[]
            })
            .is_err()
    );
}
