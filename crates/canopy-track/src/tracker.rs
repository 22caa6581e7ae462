//! The tracker: components composed into a scan-by-scan multi-target tracker.
//!
//! Each look (the scans of one instant): predict every track to the scan time
//! (`prediction`); associate confirmed tracks first (gated, optimal assignment), then
//! tentative tracks with the detections left (`association`, folding each detection in as
//! `update` chooses); count each track's look, delete stale confirmed tracks (deleter,
//! remembering lost ones for re-acquisition), confirm or drop tentative tracks (initiator; a
//! newly confirmed track near a recently lost one takes its identity), merge duplicate
//! confirmed tracks, and start a tentative track on every detection that no track took and no
//! confirmed track could claim (`lifecycle`). Scans from any number of radars, at any times,
//! are fused into the one set of tracks, so identities persist across radars and hand-overs;
//! the `clock` refuses a look at an undefined time or one that goes back.

mod association;
mod batch;
mod clock;
mod lifecycle;
mod prediction;
mod update;

use self::association::Association;
use self::batch::BatchDetection;
use self::clock::Clock;
use self::lifecycle::{Review, count_looks, tentative_track};
use self::prediction::predict_all;
use crate::associator::{Associator, GlobalNearestNeighbour};
use crate::config::{TrackerConfig, UpdaterKind};
use crate::deleter::{Deleter, MissedUpdateDeleter};
use crate::error::TrackError;
use crate::gater::{Gater, GridGater};
use crate::imm::Imm;
use crate::initiator::{Initiator, MOfNInitiator};
use crate::merger::DuplicateMerger;
use crate::motion::{Ballistic, ConstantVelocity, CoordinatedTurn, MotionModel, Vertical};
use crate::predictor::KalmanPredictor;
use crate::reacquirer::Reacquirer;
use crate::scan::Scan;
use crate::track::{Track, TrackId};
use crate::updater::{ConvertedKalmanUpdater, ExtendedKalmanUpdater, Updater};

/// A multi-target tracker built from components.
#[derive(Debug)]
pub struct Tracker {
    config: TrackerConfig,
    tentative_predictor: KalmanPredictor<ConstantVelocity>,
    imm: Imm,
    updater: Box<dyn Updater>,
    gater: Box<dyn Gater>,
    associator: Box<dyn Associator>,
    initiator: Box<dyn Initiator>,
    deleter: Box<dyn Deleter>,
    merger: Option<DuplicateMerger>,
    reacquirer: Reacquirer,
    tracks: Vec<Track>,
    next_id: u64,
    clock: Clock,
}

impl Tracker {
    /// A tracker with the default components, tuned by `config`.
    pub fn new(config: TrackerConfig) -> Self {
        let imm_config = &config.imm;
        let level = Vertical::Damped {
            time_constant_s: imm_config.level_vertical_time_constant_s,
            sigma_mps: imm_config.level_vertical_sigma_mps,
            curvature_radius_m: imm_config.frame_curvature_radius_m.unwrap_or(f64::INFINITY),
        };
        let turn = |turn_rate_radps: f64| CoordinatedTurn {
            turn_rate_radps,
            q_horizontal: imm_config.turn_q_horizontal,
            vertical: level,
        };
        let models: Vec<Box<dyn MotionModel>> = vec![
            Box::new(ConstantVelocity {
                q_horizontal: imm_config.cv_q_horizontal,
                vertical: level,
            }),
            Box::new(turn(imm_config.turn_rate_radps)),
            Box::new(turn(-imm_config.turn_rate_radps)),
            Box::new(Ballistic {
                q: imm_config.ballistic_q,
            }),
        ];
        let updater: Box<dyn Updater> = match config.updater {
            UpdaterKind::Polar => Box::new(ExtendedKalmanUpdater),
            UpdaterKind::Converted => Box::new(ConvertedKalmanUpdater),
        };
        Self {
            tentative_predictor: KalmanPredictor {
                model: ConstantVelocity::isotropic(config.tentative_q),
            },
            imm: Imm::new(models, imm_config.switching())
                .with_switching_interval(imm_config.switching_interval_s),
            updater,
            gater: Box::new(GridGater {
                cell_m: config.grid_cell_m,
            }),
            associator: Box::new(GlobalNearestNeighbour),
            initiator: Box::new(MOfNInitiator::from_config(&config)),
            deleter: Box::new(MissedUpdateDeleter {
                max_misses: config.confirmed_max_misses,
                young_max_misses: config.young_max_misses,
                max_position_sigma_m: config.max_position_sigma_m,
                region: config.region,
                min_height_m: config.min_height_m,
            }),
            merger: (config.merge_distance2 > 0.0).then_some(DuplicateMerger {
                distance2: config.merge_distance2,
                window_m: config.grid_cell_m,
            }),
            reacquirer: Reacquirer::new(config.reacquire_window_s, config.gate_distance2),
            config,
            tracks: Vec::new(),
            next_id: 0,
            clock: Clock::default(),
        }
    }

    /// Replaces the associator.
    pub fn with_associator(mut self, associator: Box<dyn Associator>) -> Self {
        self.associator = associator;
        self
    }

    /// Replaces the initiator.
    pub fn with_initiator(mut self, initiator: Box<dyn Initiator>) -> Self {
        self.initiator = initiator;
        self
    }

    /// Replaces the deleter.
    pub fn with_deleter(mut self, deleter: Box<dyn Deleter>) -> Self {
        self.deleter = deleter;
        self
    }

    /// Replaces the gater.
    pub fn with_gater(mut self, gater: Box<dyn Gater>) -> Self {
        self.gater = gater;
        self
    }

    /// The configuration.
    pub fn config(&self) -> &TrackerConfig {
        &self.config
    }

    /// Every live track (tentative and confirmed), in order of creation.
    pub fn tracks(&self) -> &[Track] {
        &self.tracks
    }

    /// The confirmed tracks, in order of creation.
    pub fn confirmed_tracks(&self) -> impl Iterator<Item = &Track> {
        self.tracks.iter().filter(|t| t.confirmed)
    }

    /// Processes one scan and returns every live track (filter on [`Track::confirmed`] for
    /// the operator picture). Scans must come in non-decreasing time.
    pub fn process_scan(&mut self, scan: &Scan) -> Result<&[Track], TrackError> {
        self.process_scans(std::slice::from_ref(scan))
    }

    /// Processes the scans several sensors made at one instant as one look: every track is
    /// predicted, associated and reviewed once, and the detections of all the scans compete
    /// for the tracks together. [`Track::updated_by`] tells which scan updated each track.
    /// The scans must share one time, not earlier than the previous call's.
    pub fn process_scans(&mut self, scans: &[Scan]) -> Result<&[Track], TrackError> {
        self.forget_updates();
        let Some(time_s) = self.clock.batch_time(scans)? else {
            return Ok(&self.tracks);
        };
        self.predict_to(time_s);
        let detections = BatchDetection::all(scans);
        let association = Association {
            gater: self.gater.as_ref(),
            associator: self.associator.as_ref(),
            updater: self.updater.as_ref(),
            imm: &self.imm,
            gate_distance2: self.config.gate_distance2,
        };
        let outcome = association.run(&mut self.tracks, scans, &detections);
        count_looks(&mut self.tracks, &outcome.hit, scans);
        self.review(time_s);
        for (detection, usage) in detections.iter().zip(&outcome.uses) {
            if usage.starts_a_track() {
                self.start_track(detection, time_s);
            }
        }
        Ok(&self.tracks)
    }

    /// Moves every track to `time_s` and reviews them without a look, for an instant at which
    /// no sensor reported anything (an acoustic network that heard nothing, a fighter radar off
    /// station): tracks grow uncertain and are deleted or dropped by their uncertainty and
    /// silence, but no missed look is counted. `time_s` must not be earlier than the previous
    /// call's.
    pub fn advance_to(&mut self, time_s: f64) -> Result<&[Track], TrackError> {
        self.clock.check(time_s)?;
        self.forget_updates();
        self.predict_to(time_s);
        self.review(time_s);
        Ok(&self.tracks)
    }

    /// Clears every track's [`Track::updated_by`] before a new look.
    fn forget_updates(&mut self) {
        for track in &mut self.tracks {
            track.updated_by = None;
        }
    }

    /// Moves the clock and every track on to `time_s` (checked by the clock).
    fn predict_to(&mut self, time_s: f64) {
        self.clock.set(time_s);
        predict_all(
            &mut self.tracks,
            time_s,
            &self.tentative_predictor,
            &self.imm,
        );
    }

    /// Confirms, drops, deletes and merges tracks after a look at `time_s`.
    fn review(&mut self, time_s: f64) {
        let review = Review {
            initiator: self.initiator.as_ref(),
            deleter: self.deleter.as_ref(),
            imm: &self.imm,
            initial_probabilities: &self.config.imm.initial_probabilities,
            tentative: &self.tentative_predictor,
            merger: self.merger.as_ref(),
        };
        review.run(&mut self.tracks, &mut self.reacquirer, time_s);
    }

    /// Starts a tentative track at `time_s` on one detection.
    fn start_track(&mut self, detection: &BatchDetection, time_s: f64) {
        let id = TrackId(self.next_id);
        let track = tentative_track(
            id,
            detection,
            time_s,
            &self.config.initial_velocity_sigma_mps,
        );
        self.next_id += 1;
        self.tracks.push(track);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::azimuth::Azimuth;
    use crate::scan::{PolarDetection, SensorModel};
    use nalgebra::Vector3;

    #[test]
    fn times_that_are_not_finite_or_go_backwards_are_refused() {
        let mut tracker = Tracker::new(TrackerConfig::default());
        let sensor = SensorModel::new(Vector3::zeros(), 50.0, 0.002, 0.002);
        let detections = [PolarDetection {
            range_m: 20_000.0,
            azimuth: Azimuth::from_east_ccw_rad(0.3),
            elevation_rad: 0.05,
        }];
        let scan = |time_s: f64| Scan {
            time_s,
            sensor: &sensor,
            detections: &detections,
        };
        assert!(matches!(
            tracker.process_scans(&[scan(f64::NAN)]),
            Err(TrackError::NonFiniteTime { .. })
        ));
        assert!(matches!(
            tracker.advance_to(f64::INFINITY),
            Err(TrackError::NonFiniteTime { .. })
        ));
        assert_eq!(
            tracker
                .process_scans(&[scan(10.0)])
                .map(<[Track]>::len)
                .ok(),
            Some(1)
        );
        assert!(matches!(
            tracker.advance_to(9.0),
            Err(TrackError::TimeWentBackwards { .. })
        ));
        assert!(matches!(
            tracker.process_scans(&[scan(20.0), scan(21.0)]),
            Err(TrackError::MixedScanTimes { .. })
        ));
        // The refused calls changed nothing: the track started at 10 s is still there, at 10 s.
        assert_eq!(tracker.tracks().len(), 1);
        assert_eq!(tracker.tracks()[0].time_s, 10.0);
    }
}
