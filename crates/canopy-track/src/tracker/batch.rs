//! The detections of one look: every detection of a batch of scans, placed in the local frame
//! once, and what became of each.

use crate::scan::Scan;
use nalgebra::{Matrix3, Vector3};

/// One detection of a batch of scans: which scan, which of its detections, where it puts the
/// target and an upper bound of its Cartesian noise's largest eigenvalue.
pub(super) struct BatchDetection {
    /// Index of its scan in the batch.
    pub(super) scan: usize,
    /// Index of the detection in its scan.
    pub(super) index: usize,
    /// Where it puts the target in the local frame, metres.
    pub(super) position_m: Vector3<f64>,
    /// The largest of the range variance and range² times each angular variance, m²: the
    /// Cartesian covariance's eigenvalues are the range variance, (r cos el σaz)² and
    /// (r σel)².
    pub(super) noise_m2: f64,
    /// The linearised covariance of `position_m`, m².
    pub(super) covariance_m2: Matrix3<f64>,
}

impl BatchDetection {
    /// Every detection of `scans`, scan by scan.
    pub(super) fn all(scans: &[Scan]) -> Vec<BatchDetection> {
        scans
            .iter()
            .enumerate()
            .flat_map(|(scan_index, scan)| {
                let sensor = scan.sensor;
                let angular = sensor
                    .sigma_azimuth_rad
                    .max(sensor.sigma_elevation_rad)
                    .powi(2);
                scan.detections
                    .iter()
                    .enumerate()
                    .map(move |(index, detection)| BatchDetection {
                        scan: scan_index,
                        index,
                        position_m: detection.position_m(sensor),
                        covariance_m2: detection.position_covariance(sensor),
                        noise_m2: sensor
                            .sigma_range_m
                            .powi(2)
                            .max(detection.range_m.powi(2) * angular),
                    })
            })
            .collect()
    }
}

/// What became of one detection of a look.
#[derive(Clone, Copy, Default)]
pub(super) struct DetectionUse {
    /// Taken by a track.
    pub(super) used: bool,
    /// Inside a confirmed track's gate: may not start a new track.
    pub(super) claimed: bool,
}

impl DetectionUse {
    /// Whether the detection starts a tentative track: no track took it and no confirmed
    /// track's gate held it.
    pub(super) fn starts_a_track(self) -> bool {
        !self.used && !self.claimed
    }
}
