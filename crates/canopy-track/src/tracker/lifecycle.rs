//! A track's life after each look: its look counted (hit, or missed while surely covered),
//! tentative tracks confirmed or dropped, confirmed tracks deleted (the lost remembered for
//! re-acquisition), duplicates merged, and new tentative tracks started on free detections.

use super::batch::BatchDetection;
use crate::deleter::{Deleter, Deletion};
use crate::gaussian::{Gaussian, StateCovariance, StateVector};
use crate::imm::Imm;
use crate::initiator::{Initiator, TrackStatus};
use crate::merger::DuplicateMerger;
use crate::motion::ConstantVelocity;
use crate::predictor::KalmanPredictor;
use crate::reacquirer::Reacquirer;
use crate::scan::Scan;
use crate::track::{Track, TrackFilter, TrackId};
use nalgebra::Vector3;

/// Standard deviations of its height estimate by which a track is lowered before asking
/// whether a scan covered it.
const LOOK_HEIGHT_SIGMAS: f64 = 2.0;

/// Counts a look for each track that took a detection (`hit`), or that a scan surely covered
/// and none was taken: its predicted position, lowered by a margin of its height uncertainty
/// (a coarse height must not lift a low target into a radar's sight).
pub(super) fn count_looks(tracks: &mut [Track], hit: &[bool], scans: &[Scan]) {
    for (track, &hit) in tracks.iter_mut().zip(hit) {
        let height_margin_m = LOOK_HEIGHT_SIGMAS * track.estimate.cov[(2, 2)].max(0.0).sqrt();
        let lowest = track.estimate.position_m() - Vector3::new(0.0, 0.0, height_margin_m);
        if hit || scans.iter().any(|scan| scan.sensor.covers(&lowest)) {
            track.record_look(hit);
        }
    }
}

/// The components that judge tracks after a look.
pub(super) struct Review<'a> {
    /// Confirms or drops tentative tracks.
    pub(super) initiator: &'a dyn Initiator,
    /// Deletes stale confirmed tracks.
    pub(super) deleter: &'a dyn Deleter,
    /// The IMM a confirmed track's filter becomes.
    pub(super) imm: &'a Imm,
    /// The IMM's model probabilities at confirmation.
    pub(super) initial_probabilities: &'a [f64; 4],
    /// The tentative tracks' predictor, with which a lost track is carried to a new one.
    pub(super) tentative: &'a KalmanPredictor<ConstantVelocity>,
    /// Merges duplicate confirmed tracks, when configured.
    pub(super) merger: Option<&'a DuplicateMerger>,
}

impl Review<'_> {
    /// Drops and deletes tracks after a look at `time_s` (remembering lost ones in
    /// `reacquirer`), confirms tentative tracks (a newly confirmed track near a recently lost
    /// one takes its identity) and merges duplicates.
    pub(super) fn run(&self, tracks: &mut Vec<Track>, reacquirer: &mut Reacquirer, time_s: f64) {
        let (initiator, deleter) = (self.initiator, self.deleter);
        reacquirer.expire(time_s);
        tracks.retain(|track| {
            if !track.confirmed {
                return initiator.status(track) != TrackStatus::Drop;
            }
            match deleter.deletion(track) {
                None => true,
                Some(Deletion::Lost) => {
                    reacquirer.remember(track);
                    false
                }
                Some(Deletion::Gone) => false,
            }
        });
        for track in tracks.iter_mut() {
            if !track.confirmed && initiator.status(track) == TrackStatus::Confirm {
                track.confirmed = true;
                track.filter = TrackFilter::Imm(
                    self.imm
                        .initial_state(&track.estimate, self.initial_probabilities),
                );
                if let Some(id) = reacquirer.claim(track, self.tentative) {
                    track.id = id;
                }
            }
        }
        if let Some(merger) = self.merger {
            merger.merge(tracks);
        }
    }
}

/// A tentative track `id` started at `time_s` on one detection: position from the detection,
/// velocity from the prior (`initial_velocity_sigma_mps` on each axis), one hit.
pub(super) fn tentative_track(
    id: TrackId,
    detection: &BatchDetection,
    time_s: f64,
    initial_velocity_sigma_mps: &[f64; 3],
) -> Track {
    let mut mean = StateVector::zeros();
    mean.fixed_rows_mut::<3>(0).copy_from(&detection.position_m);
    let mut cov = StateCovariance::zeros();
    cov.fixed_view_mut::<3, 3>(0, 0)
        .copy_from(&detection.covariance_m2);
    for (axis, sigma) in initial_velocity_sigma_mps.iter().enumerate() {
        cov[(axis + 3, axis + 3)] = sigma * sigma;
    }
    let estimate = Gaussian::new(mean, cov);
    let mut track = Track::tentative(id, time_s, estimate);
    track.record_look(true);
    track
}
