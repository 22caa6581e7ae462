//! The tracked picture: every sensor's detections go to one central tracker (`canopy-track`) in
//! the theatre frame; C2 sees its confirmed tracks, each with the nations whose sensors fed it.
//!
//! C2 never reads truth here. Truth is read only (a) by the sensors, to detect, and (b) by the
//! engine, to decide what an interceptor fired at a track homes on: the threat nearest to the
//! track's estimated position when the order is given, if one is within
//! [`SEEKER_ACQUISITION_M`]; an order on a track with no threat that close (a false or stale
//! track) finds nothing to lock on and is not executed.
//!
//! This is the seam to the standalone tracker: the sensors already report its polar
//! detections; a theatre position becomes its vector in `tracker_position` and its estimates
//! become theatre positions and velocities in `theatre_position` and `theatre_velocity` alone,
//! and a `SimTime` its seconds (`as_secs_f64`).

use std::collections::{BTreeMap, BTreeSet};

use canopy_c2::{AirPicture, ClassEvidence, NationSet, TrackEstimate, class_belief};
use canopy_core::{NationId, PatrolId, SimTime, StreamKey, ThreatId, TrackId};
use canopy_geo::{EnuPosition, EnuVelocity, FreeVector, MEAN_EARTH_RADIUS_M};
use canopy_scenario::{Evaluation, SensorKind};
use canopy_sensors::{EFFECTIVE_EARTH_RADIUS_M, Report, Sensor};
use canopy_track::{
    ImmConfig, Initiator, MOfNInitiator, RadioHorizon, Scan, SensorModel, StateVector, Track,
    TrackStatus, Tracker, TrackerConfig,
};
use nalgebra::Vector3;

use crate::prepared::PreparedScenario;
use crate::sensing::{InstantReports, SensorNet};
use crate::truth::TruthView;

/// Largest distance between a track's estimate and a threat for an interceptor to acquire it,
/// metres (assumed: a fire-control radar or seeker search basket of a few kilometres).
pub const SEEKER_ACQUISITION_M: f64 = 5000.0;
/// Time that turns a velocity mismatch into a distance when an interceptor picks the threat a
/// track stands for, seconds.
const ACQUISITION_VELOCITY_WEIGHT_S: f64 = 10.0;

/// Lowest `z` of a kept track in the theatre frame, metres: the earth's surface 700 km from the
/// frame's origin (700² / 2R ≈ 38 km below the tangent plane).
const MIN_TRACK_Z_M: f64 = -40_000.0;

/// A tentative track not updated for longer than this is dropped, seconds (assumed: one report
/// period of the slowest sensor, the acoustic network's minute, so the track is dropped at the
/// third silent fusion look). Without it a tentative track started where no sensor looks again
/// (an acoustic false alarm far from the radars) would live for ever.
const TENTATIVE_MAX_SILENCE_S: f64 = 60.0;

/// The tracker's M-of-N confirmation, which also drops tentative tracks left silent for
/// [`TENTATIVE_MAX_SILENCE_S`].
#[derive(Debug)]
struct SilenceDroppingInitiator {
    inner: MOfNInitiator,
}

impl Initiator for SilenceDroppingInitiator {
    fn status(&self, track: &Track) -> TrackStatus {
        if track.time_s - track.last_update_s > TENTATIVE_MAX_SILENCE_S {
            TrackStatus::Drop
        } else {
            self.inner.status(track)
        }
    }
}

/// A nation's share of the tracked picture: of the tracks that held a threat, those its sensors
/// fed, and those only its sensors fed; and the threats held only through those.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PictureShare {
    /// Tracks its sensors contributed to.
    pub tracks_contributed: u32,
    /// Tracks no other nation's sensors fed.
    pub sole_source_tracks: u32,
    /// Threats every track that held them was fed by its sensors alone: those the picture would
    /// have lost, to first order, had its sensors been silent.
    pub sole_source_threats: u32,
}

/// Each nation's share of the tracks in `holding` (each track that held a threat, with the
/// threat it held), from the nations whose sensors fed each track (`fed_by`); a track nobody fed
/// counts for no nation.
pub fn picture_shares(
    holding: &BTreeMap<u64, ThreatId>,
    fed_by: &BTreeMap<u64, NationSet>,
) -> BTreeMap<NationId, PictureShare> {
    let mut shares: BTreeMap<NationId, PictureShare> = BTreeMap::new();
    // For each threat held, the one nation whose sensors alone fed every track that held it, if
    // there is one.
    let mut only_source: BTreeMap<ThreatId, Option<NationId>> = BTreeMap::new();
    for (track, threat) in holding {
        let nations = fed_by.get(track).copied().unwrap_or_default();
        let sole = sole_nation(nations);
        for nation in nations.iter() {
            let share = shares.entry(nation).or_default();
            share.tracks_contributed += 1;
            share.sole_source_tracks += u32::from(sole.is_some());
        }
        only_source
            .entry(*threat)
            .and_modify(|only| {
                if *only != sole {
                    *only = None;
                }
            })
            .or_insert(sole);
    }
    for nation in only_source.into_values().flatten() {
        shares.entry(nation).or_default().sole_source_threats += 1;
    }
    shares
}

/// The nation of `nations` if it holds exactly one.
fn sole_nation(nations: NationSet) -> Option<NationId> {
    let mut iter = nations.iter();
    iter.next().filter(|_| iter.next().is_none())
}

/// The tracker fed by the scenario's sensors, and what it knows of each track's sources.
pub struct TrackedPicture {
    net: SensorNet,
    tracker: Tracker,
    evaluation: Evaluation,
    fed_by: BTreeMap<u64, NationSet>,
    /// Tracks an acoustic network's report fed.
    heard: BTreeSet<u64>,
    reports: Vec<Report>,
    /// Tracks already tied to a threat by [`TrackedPicture::newly_held`], each with the threat
    /// it held.
    holding: BTreeMap<u64, ThreatId>,
    /// Whether scans were fed since the last [`TrackedPicture::newly_held`].
    fed_since_look: bool,
}

impl TrackedPicture {
    /// A tracker and the scenario's sensors, with random streams from `key`.
    pub fn new(prepared: &PreparedScenario, key: StreamKey) -> TrackedPicture {
        let config = TrackerConfig {
            confirmed_max_misses: 12,
            young_max_misses: 5,
            // The theatre frame is a tangent plane: 350 km from its origin the ground lies
            // ~10 km below z = 0, so the tracker's height floor is set out of the way.
            min_height_m: MIN_TRACK_Z_M,
            // The theatre frame is tangent to the earth at its origin: level flight curves down
            // from it, at up to ~10 m/s for a cruise missile 300 km out.
            imm: ImmConfig {
                frame_curvature_radius_m: Some(MEAN_EARTH_RADIUS_M),
                // The switching probabilities are per fusion period: the looks of a radar that
                // reports fast targets at its own revisit switch proportionally less.
                switching_interval_s: Some(crate::sensing::FUSION_PERIOD_S),
                ..ImmConfig::default()
            },
            ..TrackerConfig::default()
        };
        let inner = MOfNInitiator::from_config(&config);
        TrackedPicture {
            net: SensorNet::new(prepared, key),
            tracker: Tracker::new(config)
                .with_initiator(Box::new(SilenceDroppingInitiator { inner })),
            evaluation: prepared.scenario.library.evaluation.clone(),
            fed_by: BTreeMap::new(),
            heard: BTreeSet::new(),
            reports: Vec::new(),
            holding: BTreeMap::new(),
            fed_since_look: false,
        }
    }

    /// Each nation's share of the tracks that held a threat so far.
    pub fn shares(&self) -> BTreeMap<NationId, PictureShare> {
        picture_shares(&self.holding, &self.fed_by)
    }

    /// Runs the scans due by `now` (a patrol's radar only while `on_station(patrol)`) and feeds
    /// them to the tracker.
    pub fn sense(
        &mut self,
        now: SimTime,
        truth: &TruthView,
        on_station: &dyn Fn(PatrolId) -> bool,
    ) {
        let tracker = &mut self.tracker;
        let sources = &mut Sources {
            fed_by: &mut self.fed_by,
            heard: &mut self.heard,
        };
        let fed = &mut self.fed_since_look;
        self.net
            .scan_due(now, truth, on_station, &mut self.reports, |instant| {
                *fed = true;
                feed(tracker, sources, instant)
            });
    }

    /// Builds C2's picture at `now`: the confirmed tracks extrapolated to `now`.
    pub fn build(&self, now: SimTime, picture: &mut AirPicture) {
        picture.time = now;
        picture.tracks.clear();
        let now_s = now.as_secs_f64();
        for track in self.tracker.confirmed_tracks() {
            picture.tracks.push(self.estimate(track, now_s));
        }
        picture.tracks.sort_by_key(|t| t.id);
    }

    /// The positions of the confirmed tracks extrapolated to `now`, in track order (as
    /// [`TrackedPicture::build`] places them).
    pub fn positions(&self, now: SimTime) -> Vec<EnuPosition> {
        let now_s = now.as_secs_f64();
        let mut tracks: Vec<&Track> = self.tracker.confirmed_tracks().collect();
        tracks.sort_by_key(|track| track.id.0);
        tracks
            .into_iter()
            .map(|track| extrapolated_position(track, now_s))
            .collect()
    }

    /// C2's estimate of `track` extrapolated to `now_s`, with the nations that fed it.
    fn estimate(&self, track: &Track, now_s: f64) -> TrackEstimate {
        let velocity_mps = theatre_velocity(&track.estimate.mean);
        let position_m = extrapolated_position(track, now_s);
        let mut covariance = [[0.0; 6]; 6];
        for (r, row) in covariance.iter_mut().enumerate() {
            for (c, value) in row.iter_mut().enumerate() {
                *value = track.estimate.cov[(r, c)];
            }
        }
        let heard = self.heard.contains(&track.id.0);
        let evidence = ClassEvidence::of_estimate(position_m, velocity_mps, &covariance, heard);
        TrackEstimate {
            id: TrackId(track.id.0),
            position_m,
            velocity_mps,
            covariance,
            belief: class_belief(&self.evaluation, &evidence),
            nations: self.fed_by.get(&track.id.0).copied().unwrap_or_default(),
        }
    }

    /// The threats first held by a confirmed track since the last call (marked in `held`): a
    /// confirmed track holds the threat an interceptor fired at it would home on
    /// ([`acquire`]). Looks only after new scans, and only at tracks not yet tied to a threat.
    pub fn newly_held(
        &mut self,
        now: SimTime,
        truth: &TruthView,
        held: &mut [bool],
    ) -> Vec<ThreatId> {
        let mut newly = Vec::new();
        if !std::mem::take(&mut self.fed_since_look) {
            return newly;
        }
        let now_s = now.as_secs_f64();
        let mut candidates = None;
        for track in self.tracker.confirmed_tracks() {
            if self.holding.contains_key(&track.id.0) {
                continue;
            }
            let candidates = candidates.get_or_insert_with(|| match self.net.targets_at(now) {
                // The scans of this instant already worked out every threat's state.
                Some(targets) => sorted_candidates(
                    targets
                        .iter()
                        .map(|t| (ThreatId(t.id), t.position_m, t.velocity_mps))
                        .collect(),
                ),
                None => self::candidates(truth, now),
            });
            let kinematics = (
                extrapolated_position(track, now_s),
                theatre_velocity(&track.estimate.mean),
            );
            if let Some(threat) = acquire(candidates, kinematics) {
                self.holding.insert(track.id.0, threat);
                if !std::mem::replace(&mut held[threat.index()], true) {
                    newly.push(threat);
                }
            }
        }
        newly
    }
}

/// A track's position extrapolated along its velocity to `now_s`.
fn extrapolated_position(track: &Track, now_s: f64) -> EnuPosition {
    let mean = &track.estimate.mean;
    theatre_position(mean) + theatre_velocity(mean) * (now_s - track.time_s)
}

/// What the picture remembers of the sensors that fed each track.
struct Sources<'a> {
    /// The nations whose sensors fed each track.
    fed_by: &'a mut BTreeMap<u64, NationSet>,
    /// The tracks an acoustic network's report fed.
    heard: &'a mut BTreeSet<u64>,
}

/// Folds the scans of one instant into the tracker as one batch, crediting each track's
/// updating sensor's nation to it, and noting the tracks an acoustic report fed.
fn feed(tracker: &mut Tracker, sources: &mut Sources<'_>, instant: InstantReports<'_>) {
    let time_s = instant.time.as_secs_f64();
    let mut models = Vec::new();
    let mut origins = Vec::new();
    for scan in instant.scans {
        for report in scan.reports {
            models.push(sensor_model(scan.sensor, report));
            origins.push((scan.sensor.nation, scan.sensor.kind.kind));
        }
    }
    // The sensors report the tracker's own polar detections: each report's are its scan's.
    let reports = instant.scans.iter().flat_map(|scan| scan.reports);
    let scans: Vec<Scan> = models
        .iter()
        .zip(reports)
        .map(|(sensor, report)| Scan {
            time_s,
            sensor,
            detections: &report.detections,
        })
        .collect();
    // With no report at all (an acoustic network that heard nothing, a patrol's radar off
    // station) the tracker still moves on, so that tracks nobody sees any more are let go.
    let tracks = if scans.is_empty() {
        tracker.advance_to(time_s)
    } else {
        tracker.process_scans(&scans)
    }
    .expect("scans are fed in time order with finite times");
    for track in tracks {
        if let Some(scan) = track.updated_by {
            let (nation, kind) = origins[scan];
            sources.fed_by.entry(track.id.0).or_default().insert(nation);
            if kind == SensorKind::Acoustic {
                sources.heard.insert(track.id.0);
            }
        }
    }
}

/// The tracker's view of the node that made `report`: its position, noise and the range out to
/// which it reports (beyond it a missed look is not counted).
fn sensor_model(sensor: &Sensor, report: &Report) -> SensorModel {
    let kind = &sensor.kind;
    let mut model = SensorModel::new(
        tracker_position(report.from_m),
        kind.sigma_range_m,
        kind.sigma_azimuth_rad,
        kind.sigma_elevation_rad,
    );
    // A radar that reports fast targets alone looks every few seconds while one flies: its
    // looks count a track's hits but never its misses, since the tracker's rules for keeping
    // and confirming tracks count looks at the fusion period.
    model.max_range_m = if kind.min_target_speed_mps.is_some() {
        0.0
    } else {
        sensor.look_range_m()
    };
    if sensor.kind.kind == SensorKind::Radar {
        model.horizon = Some(RadioHorizon {
            earth_radius_m: MEAN_EARTH_RADIUS_M,
            effective_radius_m: EFFECTIVE_EARTH_RADIUS_M,
        });
    }
    model
}

/// A theatre position as the tracker's vector: east, north and up are its x, y and z.
fn tracker_position(position: EnuPosition) -> Vector3<f64> {
    Vector3::new(position.east_m, position.north_m, position.up_m)
}

/// The theatre position of a tracker state `[x, y, z, vx, vy, vz]`: x, y and z are east, north
/// and up.
fn theatre_position(mean: &StateVector) -> EnuPosition {
    EnuPosition {
        east_m: mean[0],
        north_m: mean[1],
        up_m: mean[2],
    }
}

/// The theatre velocity of a tracker state `[x, y, z, vx, vy, vz]`: vx, vy and vz are east,
/// north and up.
fn theatre_velocity(mean: &StateVector) -> EnuVelocity {
    EnuVelocity {
        east_mps: mean[3],
        north_mps: mean[4],
        up_mps: mean[5],
    }
}

/// A threat's true state, as an interceptor's seeker would find it.
pub type Candidate = (ThreatId, EnuPosition, EnuVelocity);

/// The active threats' true positions and velocities at `now`, for [`acquire`], sorted west to
/// east (then by threat).
pub fn candidates(truth: &TruthView, now: SimTime) -> Vec<Candidate> {
    sorted_candidates(
        truth
            .active()
            .map(|threat| {
                let (position_m, velocity_mps) = truth.state_m(threat, now);
                (threat, position_m, velocity_mps)
            })
            .collect(),
    )
}

/// `candidates` sorted west to east (then by threat), as [`acquire`] needs them.
fn sorted_candidates(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by(|a, b| a.1.east_m.total_cmp(&b.1.east_m).then(a.0.cmp(&b.0)));
    candidates
}

/// The threat an order on a track estimated at `(position_m, velocity_mps)` homes on: among the
/// `candidates` (sorted west to east, as [`candidates`] gives them) within
/// [`SEEKER_ACQUISITION_M`] of its estimated position, the one nearest in position and velocity
/// (velocity mismatch weighted by [`ACQUISITION_VELOCITY_WEIGHT_S`]; the lower threat number on
/// a tie), if any.
pub fn acquire(
    candidates: &[Candidate],
    (position, velocity): (EnuPosition, EnuVelocity),
) -> Option<ThreatId> {
    let east_m = position.east_m;
    let first = candidates.partition_point(|c| c.1.east_m < east_m - SEEKER_ACQUISITION_M);
    candidates[first..]
        .iter()
        .take_while(|c| c.1.east_m <= east_m + SEEKER_ACQUISITION_M)
        .filter_map(|&(threat, position_m, velocity_mps)| {
            let d = (position_m - position).norm();
            (d <= SEEKER_ACQUISITION_M).then(|| {
                let dv = (velocity_mps - velocity).norm();
                (threat, d + ACQUISITION_VELOCITY_WEIGHT_S * dv)
            })
        })
        .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))
        .map(|(threat, _)| threat)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The set of `nations`.
    fn set(nations: &[u16]) -> NationSet {
        let mut set = NationSet::default();
        for &nation in nations {
            set.insert(NationId(nation));
        }
        set
    }

    #[test]
    fn each_nation_counts_the_tracks_it_fed_and_those_it_fed_alone() {
        // Two nations (0: UA, 1: PL). Tracks 1-4 held a threat each: 1 fed by UA, 2 by both, 3 by
        // PL, 4 by nobody; track 5 (fed by UA) never held one.
        let holding: BTreeMap<u64, ThreatId> = [
            (1, ThreatId(0)),
            (2, ThreatId(1)),
            (3, ThreatId(2)),
            (4, ThreatId(3)),
        ]
        .into();
        let fed_by: BTreeMap<u64, NationSet> = [
            (1, set(&[0])),
            (2, set(&[0, 1])),
            (3, set(&[1])),
            (4, set(&[])),
            (5, set(&[0])),
        ]
        .into();
        let shares = picture_shares(&holding, &fed_by);
        let share = |n: u16| shares[&NationId(n)];
        assert_eq!(
            (share(0).tracks_contributed, share(0).sole_source_tracks),
            (2, 1)
        );
        assert_eq!(
            (share(1).tracks_contributed, share(1).sole_source_tracks),
            (2, 1)
        );
        assert_eq!(shares.len(), 2);
    }

    #[test]
    fn a_threat_is_a_nations_alone_when_only_tracks_it_alone_fed_held_it() {
        // Two nations (0: UA, 1: PL) and six threats held, by tracks (fed by):
        //   A (0): track 1 (UA)                 -> only UA's sensors held it
        //   B (1): track 2 (UA, PL)             -> held without either nation's sensors
        //   C (2): track 3 (PL) and track 4 (UA) -> each nation's track would still hold it
        //   D (3): track 5 (nobody)             -> no nation's silence loses it
        //   E (4): tracks 6 and 7 (UA), a track broken and restarted -> only UA's
        //   F (5): track 8 (PL)                 -> only PL's
        // Track 9 (PL) held nothing. So UA alone held A and E, PL alone F: of the six threats
        // held, 4 (B, C, D, F) would still be held without UA's sensors and 5 (A-E) without
        // PL's. UA fed tracks 1, 2, 4, 6 and 7, all but 2 alone; PL fed 2, 3 and 8, 3 and 8
        // alone.
        let holding: BTreeMap<u64, ThreatId> = [
            (1, ThreatId(0)),
            (2, ThreatId(1)),
            (3, ThreatId(2)),
            (4, ThreatId(2)),
            (5, ThreatId(3)),
            (6, ThreatId(4)),
            (7, ThreatId(4)),
            (8, ThreatId(5)),
        ]
        .into();
        let fed_by: BTreeMap<u64, NationSet> = [
            (1, set(&[0])),
            (2, set(&[0, 1])),
            (3, set(&[1])),
            (4, set(&[0])),
            (5, set(&[])),
            (6, set(&[0])),
            (7, set(&[0])),
            (8, set(&[1])),
            (9, set(&[1])),
        ]
        .into();
        let shares = picture_shares(&holding, &fed_by);
        let ukraine = PictureShare {
            tracks_contributed: 5,
            sole_source_tracks: 4,
            sole_source_threats: 2,
        };
        let poland = PictureShare {
            tracks_contributed: 3,
            sole_source_tracks: 2,
            sole_source_threats: 1,
        };
        assert_eq!(
            shares,
            BTreeMap::from([(NationId(0), ukraine), (NationId(1), poland)])
        );
    }

    /// A track's estimated position and velocity.
    fn track(position_m: [f64; 3], velocity_mps: [f64; 3]) -> (EnuPosition, EnuVelocity) {
        (position_m.into(), velocity_mps.into())
    }

    #[test]
    fn acquisition_prefers_position_and_velocity_and_stops_at_five_km() {
        let drone = (
            ThreatId(0),
            [1000.0, 0.0, 0.0].into(),
            [47.0, 0.0, 0.0].into(),
        );
        let missile = (
            ThreatId(1),
            [400.0, 0.0, 0.0].into(),
            [200.0, 0.0, 0.0].into(),
        );
        let slow_track = track([0.0; 3], [45.0, 0.0, 0.0]);
        // Drone: 1000 + 10·2 = 1020; missile: 400 + 10·155 = 1950.
        assert_eq!(acquire(&[missile, drone], slow_track), Some(ThreatId(0)));
        let far = track([0.0, 5001.0, 0.0], [47.0, 0.0, 0.0]);
        assert_eq!(
            acquire(
                &[(ThreatId(0), EnuPosition::default(), [47.0, 0.0, 0.0].into())],
                far
            ),
            None
        );
    }
}
