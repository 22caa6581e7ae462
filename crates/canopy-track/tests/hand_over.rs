//! Central fusion of two radars with limited ranges: a target flying out of one radar's
//! coverage into the other's keeps one track identity through the hand-over.

use canopy_track::geometry::cartesian_to_polar;
use canopy_track::{Azimuth, PolarDetection, Scan, SensorModel, Tracker, TrackerConfig};
use nalgebra::Vector3;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Normal};

#[test]
fn identity_survives_hand_over() {
    let mut west = SensorModel::new(Vector3::new(-50_000.0, 0.0, 0.0), 40.0, 0.002, 0.003);
    let mut east = SensorModel::new(Vector3::new(50_000.0, 0.0, 0.0), 40.0, 0.002, 0.003);
    // Coverage overlaps only for |x| < 10 km.
    west.max_range_m = 60_000.0;
    east.max_range_m = 60_000.0;
    let start = Vector3::new(-30_000.0, 5_000.0, 800.0);
    let velocity = Vector3::new(250.0, 0.0, 0.0);
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    let unit = Normal::new(0.0, 1.0).expect("valid");
    let mut tracker = Tracker::new(TrackerConfig::default());
    let mut confirmed_ids = std::collections::BTreeSet::new();
    for scan_index in 0..180 {
        // The radars alternate every second, offset so no two share a time stamp.
        let time_s = 1.0 * scan_index as f64;
        let sensor = if scan_index % 2 == 0 { &west } else { &east };
        let truth = start + velocity * time_s;
        let relative = truth - sensor.position_m;
        let detections: Vec<PolarDetection> = if relative.norm() <= sensor.max_range_m {
            let polar = cartesian_to_polar(&relative);
            vec![PolarDetection {
                range_m: polar.x + sensor.sigma_range_m * unit.sample(&mut rng),
                azimuth: Azimuth::from_east_ccw_rad(
                    polar.y + sensor.sigma_azimuth_rad * unit.sample(&mut rng),
                ),
                elevation_rad: polar.z + sensor.sigma_elevation_rad * unit.sample(&mut rng),
            }]
        } else {
            Vec::new()
        };
        let scan = Scan {
            time_s,
            sensor,
            detections: &detections,
        };
        let tracks = tracker.process_scan(&scan).expect("in order");
        for track in tracks.iter().filter(|t| t.confirmed) {
            confirmed_ids.insert(track.id);
            assert!(
                (track.estimate.position_m() - truth).norm() < 1_000.0,
                "at {time_s} s"
            );
        }
    }
    // The target flew from x = -30 km (west radar only) to x = +14.75 km (east radar only,
    // the west radar sees no further than x = 9.8 km).
    assert_eq!(confirmed_ids.len(), 1, "{confirmed_ids:?}");
    assert_eq!(tracker.confirmed_tracks().count(), 1);
}
