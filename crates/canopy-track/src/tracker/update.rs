//! Folding a detection into a track: the configured updater, or the detection's converted
//! position when the track is too broad for an update linearised at its mean.

use super::batch::BatchDetection;
use crate::gaussian::Gaussian;
use crate::imm::Imm;
use crate::scan::Scan;
use crate::track::{Track, TrackFilter};
use crate::updater::{ConvertedDetection, Updater};

/// Largest ratio of a track's position spread (root of its covariance trace) to a detection's
/// range for which a measurement function linearised at the track's mean is trusted.
const LINEARISATION_LIMIT: f64 = 0.1;

/// Folds `detection` (of `scan`) into `track`; false when the update is degenerate.
pub(super) fn update_track(
    track: &mut Track,
    scan: &Scan,
    detection: &BatchDetection,
    updater: &dyn Updater,
    imm: &Imm,
    gate_distance2: f64,
) -> bool {
    let det = &scan.detections[detection.index];
    let chosen = choose_updater(updater, &track.estimate, detection, scan);
    let updater = chosen.get();
    if !track.confirmed {
        // Only the initiator reads it, and only for tentative tracks.
        let spread = track.estimate.cov.fixed_view::<3, 3>(0, 0) + detection.covariance_m2;
        track.last_gate_volume_m3 = 4.0 / 3.0
            * std::f64::consts::PI
            * gate_distance2.powf(1.5)
            * spread.determinant().max(0.0).sqrt();
    }
    match &mut track.filter {
        TrackFilter::Single => {
            let Some(innovation) = updater.innovation(&track.estimate, det, scan.sensor) else {
                return false;
            };
            track.estimate = updater.update(&track.estimate, &innovation);
        }
        TrackFilter::Imm(state) => {
            if !imm.update_in_place(state, det, scan.sensor, updater) {
                return false;
            }
            track.estimate = imm.combined(state);
        }
    }
    true
}

/// The updater that folds a detection into an estimate: the configured one, or the
/// detection's converted position.
pub(super) enum ChosenUpdater<'a> {
    /// The tracker's configured updater.
    Configured(&'a dyn Updater),
    /// The detection's converted Cartesian position.
    Converted(ConvertedDetection),
}

impl ChosenUpdater<'_> {
    /// The updater to call.
    pub(super) fn get(&self) -> &dyn Updater {
        match self {
            ChosenUpdater::Configured(updater) => *updater,
            ChosenUpdater::Converted(converted) => converted,
        }
    }
}

/// The configured updater, unless `estimate` is too broad for a polar update linearised at
/// its mean (its position spread beyond [`LINEARISATION_LIMIT`] of the detection's range: a
/// young track seen by a nearby, coarse sensor), when the detection's converted position is
/// folded in instead. The choice is made on the whole estimate, so every model of an IMM is
/// updated in the same space.
pub(super) fn choose_updater<'a>(
    configured: &'a dyn Updater,
    estimate: &Gaussian,
    detection: &BatchDetection,
    scan: &Scan,
) -> ChosenUpdater<'a> {
    let cov = &estimate.cov;
    let spread2 = cov[(0, 0)] + cov[(1, 1)] + cov[(2, 2)];
    let limit_m = LINEARISATION_LIMIT * scan.detections[detection.index].range_m;
    if spread2 > limit_m * limit_m {
        ChosenUpdater::Converted(ConvertedDetection {
            position_m: detection.position_m,
            covariance_m2: detection.covariance_m2,
        })
    } else {
        ChosenUpdater::Configured(configured)
    }
}
