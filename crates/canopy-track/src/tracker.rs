//! The tracker: components composed into a scan-by-scan multi-target tracker.
//!
//! Each scan: predict every track to the scan time; associate confirmed tracks first (gated,
//! optimal assignment), then tentative tracks with the detections left; start a tentative
//! track on every detection that no confirmed track could claim; delete stale confirmed
//! tracks (deleter, remembering lost ones for re-acquisition); confirm or drop tentative
//! tracks (initiator; a newly confirmed track near a recently lost one takes its identity);
//! merge duplicate confirmed tracks. Scans from any number of radars, at any times, are fused
//! into the one set of tracks, so identities persist across radars and hand-overs.

use crate::associator::{Associator, GlobalNearestNeighbour, Hypothesis};
use crate::config::{TrackerConfig, UpdaterKind};
use crate::deleter::{Deleter, Deletion, MissedUpdateDeleter};
use crate::error::TrackError;
use crate::gater::{GateRegion, Gater, GridGater};
use crate::gaussian::{Gaussian, StateCovariance, StateVector};
use crate::imm::{Imm, ImmTransitions};
use crate::initiator::{Initiator, MOfNInitiator, TrackStatus};
use crate::merger::DuplicateMerger;
use crate::motion::{Ballistic, ConstantVelocity, CoordinatedTurn, MotionModel, Vertical};
use crate::predictor::{KalmanPredictor, predict_shared};
use crate::reacquirer::Reacquirer;
use crate::scan::Scan;
use crate::track::{Track, TrackFilter, TrackId};
use crate::transition::Transition;
use crate::updater::{ConvertedDetection, ConvertedKalmanUpdater, ExtendedKalmanUpdater, Updater};
use nalgebra::{Matrix3, Vector3};

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
    last_time_s: Option<f64>,
}

/// Per-detection flags of one scan.
#[derive(Clone, Copy, Default)]
struct DetectionUse {
    /// Taken by a track.
    used: bool,
    /// Inside a confirmed track's gate: may not start a new track.
    claimed: bool,
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
            imm: Imm::new(models, imm_config.switching()),
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
            last_time_s: None,
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
        for track in &mut self.tracks {
            track.updated_by = None;
        }
        let Some(first) = scans.first() else {
            return Ok(&self.tracks);
        };
        let time_s = first.time_s;
        self.check_time(time_s)?;
        if let Some(other) = scans.iter().find(|scan| scan.time_s != time_s) {
            return Err(TrackError::MixedScanTimes {
                time_s,
                other_s: other.time_s,
            });
        }
        self.predict_all(time_s);
        let detections = BatchDetection::all(scans);
        let mut uses = vec![DetectionUse::default(); detections.len()];
        let mut hit = vec![false; self.tracks.len()];
        // Every track competes for the detections, wherever its predicted position lies: a
        // young track's velocity is barely known, and its gate, not a sensor's coverage, says
        // where the target may have gone.
        for confirmed_stage in [true, false] {
            let members: Vec<usize> = (0..self.tracks.len())
                .filter(|&i| self.tracks[i].confirmed == confirmed_stage)
                .collect();
            self.associate_stage(
                &members,
                scans,
                &detections,
                &mut uses,
                confirmed_stage,
                &mut hit,
            );
        }
        for (track, hit) in self.tracks.iter_mut().zip(hit) {
            // A look counts when a detection was taken, or when a scan surely covered the track
            // and none was: its predicted position, lowered by a margin of its height
            // uncertainty (a coarse height must not lift a low target into a radar's sight).
            let height_margin_m = LOOK_HEIGHT_SIGMAS * track.estimate.cov[(2, 2)].max(0.0).sqrt();
            let lowest = track.estimate.position_m() - Vector3::new(0.0, 0.0, height_margin_m);
            if hit || scans.iter().any(|scan| scan.sensor.covers(&lowest)) {
                track.record_look(hit);
            }
        }
        self.review_tracks(time_s);
        for (detection, usage) in detections.iter().zip(&uses) {
            if !usage.used && !usage.claimed {
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
        self.check_time(time_s)?;
        for track in &mut self.tracks {
            track.updated_by = None;
        }
        self.predict_all(time_s);
        self.review_tracks(time_s);
        Ok(&self.tracks)
    }

    /// Checks that `time_s` is finite and not before the previous call's.
    fn check_time(&self, time_s: f64) -> Result<(), TrackError> {
        if !time_s.is_finite() {
            return Err(TrackError::NonFiniteTime { time_s });
        }
        match self.last_time_s {
            Some(previous_s) if time_s < previous_s => {
                Err(TrackError::TimeWentBackwards { time_s, previous_s })
            }
            _ => Ok(()),
        }
    }

    /// Predicts every track to `time_s` (checked by [`Tracker::check_time`]).
    fn predict_all(&mut self, time_s: f64) {
        self.last_time_s = Some(time_s);
        let mut step = None;
        for track in &mut self.tracks {
            predict_track(
                track,
                time_s,
                &self.tentative_predictor,
                &self.imm,
                &mut step,
            );
        }
    }

    /// Gates, associates and updates one group of tracks against the unused detections.
    fn associate_stage(
        &mut self,
        members: &[usize],
        scans: &[Scan],
        detections: &[BatchDetection],
        uses: &mut [DetectionUse],
        claim: bool,
        hit: &mut [bool],
    ) {
        if members.is_empty() || detections.is_empty() {
            return;
        }
        let gate = self.config.gate_distance2;
        // Linearised, the gate's Mahalanobis distance is at least |Δ|² / λmax(P + R) ≥
        // |Δ|² / (λmax(P) + λmax(R)): a pair farther apart than the sphere of those bounds
        // cannot pass the gate and is not tested exactly.
        let spreads: Vec<f64> = members
            .iter()
            .map(|&i| position_spread_bound(&self.tracks[i].estimate))
            .collect();
        let centres: Vec<Vector3<f64>> = members
            .iter()
            .map(|&i| self.tracks[i].estimate.position_m())
            .collect();
        // Only the detections still free can be taken: the gater sees those alone.
        let free: Vec<usize> = (0..detections.len()).filter(|&d| !uses[d].used).collect();
        let points: Vec<Vector3<f64>> = free.iter().map(|&d| detections[d].position_m).collect();
        // Gate spheres on the tracks, wide enough for the noisiest detection of the batch;
        // each pair is then held to the sphere of its own detection's noise.
        let noisiest = detections.iter().map(|d| d.noise_m2).fold(0.0, f64::max);
        let regions: Vec<GateRegion> = centres
            .iter()
            .zip(&spreads)
            .map(|(centre_m, spread)| GateRegion {
                centre_m: *centre_m,
                radius_m: (gate * (spread + noisiest)).sqrt(),
            })
            .collect();
        let mut pairs = Vec::new();
        self.gater.candidates(&regions, &points, &mut pairs);
        pairs.retain(|&(local, point)| {
            let reach2 = gate * (spreads[local] + detections[free[point]].noise_m2);
            (centres[local] - points[point]).norm_squared() <= reach2
        });
        let mut hypotheses = Vec::new();
        for (local, point) in pairs {
            let detection = free[point];
            let track = &self.tracks[members[local]];
            let source = &detections[detection];
            let scan = &scans[source.scan];
            let chosen = choose_updater(self.updater.as_ref(), &track.estimate, source, scan);
            let Some(innovation) = chosen.get().innovation(
                &track.estimate,
                &scan.detections[source.index],
                scan.sensor,
            ) else {
                continue;
            };
            if innovation.distance2 < gate {
                uses[detection].claimed |= claim;
                hypotheses.push(Hypothesis {
                    track: local,
                    detection,
                    cost: innovation.distance2,
                });
            }
        }
        let assignment =
            self.associator
                .associate(members.len(), detections.len(), &hypotheses, gate);
        for (local, chosen) in assignment.into_iter().enumerate() {
            let Some(detection) = chosen else { continue };
            let index = members[local];
            let source = &detections[detection];
            if update_track(
                &mut self.tracks[index],
                &scans[source.scan],
                source,
                self.updater.as_ref(),
                &self.imm,
                gate,
            ) {
                uses[detection].used = true;
                hit[index] = true;
                self.tracks[index].updated_by = Some(source.scan);
            }
        }
    }

    /// Confirms, drops and deletes tracks after a look.
    fn review_tracks(&mut self, time_s: f64) {
        let (initiator, deleter) = (&self.initiator, &self.deleter);
        let reacquirer = &mut self.reacquirer;
        reacquirer.expire(time_s);
        self.tracks.retain(|track| {
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
        let initial = self.config.imm.initial_probabilities;
        for track in &mut self.tracks {
            if !track.confirmed && self.initiator.status(track) == TrackStatus::Confirm {
                track.confirmed = true;
                track.filter = TrackFilter::Imm(self.imm.initial_state(&track.estimate, &initial));
                if let Some(id) = self.reacquirer.claim(track, &self.tentative_predictor) {
                    track.id = id;
                }
            }
        }
        if let Some(merger) = &self.merger {
            merger.merge(&mut self.tracks);
        }
    }

    /// Starts a tentative track at `time_s` on one detection: position from the detection,
    /// velocity from the prior.
    fn start_track(&mut self, detection: &BatchDetection, time_s: f64) {
        let mut mean = StateVector::zeros();
        mean.fixed_rows_mut::<3>(0).copy_from(&detection.position_m);
        let mut cov = StateCovariance::zeros();
        cov.fixed_view_mut::<3, 3>(0, 0)
            .copy_from(&detection.covariance_m2);
        for (axis, sigma) in self.config.initial_velocity_sigma_mps.iter().enumerate() {
            cov[(axis + 3, axis + 3)] = sigma * sigma;
        }
        let estimate = Gaussian::new(mean, cov);
        let mut track = Track {
            id: TrackId(self.next_id),
            time_s,
            estimate,
            confirmed: false,
            last_update_s: time_s,
            hits: 0,
            consecutive_misses: 0,
            history: 0,
            looks: 0,
            last_gate_volume_m3: 0.0,
            filter: TrackFilter::Single,
            updated_by: None,
        };
        track.record_look(true);
        self.next_id += 1;
        self.tracks.push(track);
    }
}

/// Standard deviations of its height estimate by which a track is lowered before asking
/// whether a scan covered it.
const LOOK_HEIGHT_SIGMAS: f64 = 2.0;

/// The transitions of the tentative model and of the IMM's models over one step.
struct StepTransitions {
    tentative: Option<Transition>,
    imm: ImmTransitions,
}

/// Moves a track's filter and estimate to `time_s`. `step` keeps the transitions of the last
/// step length used: the tracks of a batch mostly share one.
fn predict_track(
    track: &mut Track,
    time_s: f64,
    tentative: &KalmanPredictor<ConstantVelocity>,
    imm: &Imm,
    step: &mut Option<StepTransitions>,
) {
    let dt_s = time_s - track.time_s;
    if dt_s <= 0.0 {
        return;
    }
    let transitions = match step {
        Some(transitions) if transitions.imm.dt_s == dt_s => transitions,
        _ => step.insert(StepTransitions {
            tentative: Transition::shared(&tentative.model, dt_s),
            imm: imm.transitions(dt_s),
        }),
    };
    match &mut track.filter {
        TrackFilter::Single => {
            track.estimate = predict_shared(
                &tentative.model,
                transitions.tentative.as_ref(),
                &track.estimate,
                dt_s,
            );
        }
        TrackFilter::Imm(state) => {
            imm.predict_over(state, &transitions.imm);
            track.estimate = imm.combined(state);
        }
    }
    track.time_s = time_s;
}

/// Folds `detection` (of `scan`) into `track`; false when the update is degenerate.
fn update_track(
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

/// Largest ratio of a track's position spread (root of its covariance trace) to a detection's
/// range for which a measurement function linearised at the track's mean is trusted.
const LINEARISATION_LIMIT: f64 = 0.1;

/// The updater that folds a detection into an estimate: the configured one, or the
/// detection's converted position.
enum ChosenUpdater<'a> {
    Configured(&'a dyn Updater),
    Converted(ConvertedDetection),
}

impl ChosenUpdater<'_> {
    fn get(&self) -> &dyn Updater {
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
fn choose_updater<'a>(
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

/// An upper bound of the largest eigenvalue of a Gaussian's position covariance, m²: the
/// smaller of its trace and its largest absolute row sum (Gershgorin).
fn position_spread_bound(estimate: &Gaussian) -> f64 {
    let cov = estimate.cov.fixed_view::<3, 3>(0, 0);
    let trace = cov[(0, 0)] + cov[(1, 1)] + cov[(2, 2)];
    let row_sum = |r: usize| (0..3).map(|c| cov[(r, c)].abs()).sum::<f64>();
    trace.min(row_sum(0).max(row_sum(1)).max(row_sum(2)))
}

/// One detection of a batch of scans: which scan, which of its detections, where it puts the
/// target and an upper bound of its Cartesian noise's largest eigenvalue.
struct BatchDetection {
    scan: usize,
    index: usize,
    position_m: Vector3<f64>,
    /// The largest of the range variance and range² times each angular variance, m²: the
    /// Cartesian covariance's eigenvalues are the range variance, (r cos el σaz)² and
    /// (r σel)².
    noise_m2: f64,
    /// The linearised covariance of `position_m`, m².
    covariance_m2: Matrix3<f64>,
}

impl BatchDetection {
    /// Every detection of `scans`, scan by scan.
    fn all(scans: &[Scan]) -> Vec<BatchDetection> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::azimuth::Azimuth;
    use crate::scan::{PolarDetection, SensorModel};

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

    fn with_position_covariance(block: [[f64; 3]; 3]) -> Gaussian {
        let mut cov = StateCovariance::identity();
        for (r, row) in block.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                cov[(r, c)] = *value;
            }
        }
        Gaussian::new(StateVector::zeros(), cov)
    }

    #[test]
    fn spread_bound_is_the_largest_eigenvalue_when_gershgorin_is_tight() {
        // diag(4, 9, 1): the largest eigenvalue is 9 (the trace is 14).
        let diagonal =
            with_position_covariance([[4.0, 0.0, 0.0], [0.0, 9.0, 0.0], [0.0, 0.0, 1.0]]);
        assert_eq!(position_spread_bound(&diagonal), 9.0);
        // [[4, 2, 0], [2, 4, 0], [0, 0, 1]] has eigenvalues 6, 2 and 1: the row sum 6 is exact.
        let coupled = with_position_covariance([[4.0, 2.0, 0.0], [2.0, 4.0, 0.0], [0.0, 0.0, 1.0]]);
        assert_eq!(position_spread_bound(&coupled), 6.0);
        // [[10, 3, 0], [3, 1, 0], [0, 0, 0.1]]: the first row sums to 13, above the trace 11.1,
        // which bounds the largest eigenvalue (11 + √117) / 2 ≈ 10.91 instead.
        let lopsided =
            with_position_covariance([[10.0, 3.0, 0.0], [3.0, 1.0, 0.0], [0.0, 0.0, 0.1]]);
        assert!((position_spread_bound(&lopsided) - 11.1).abs() < 1e-12);
        assert!(position_spread_bound(&lopsided) >= (11.0 + 117f64.sqrt()) / 2.0);
    }
}
