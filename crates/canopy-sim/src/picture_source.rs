//! The picture source of one replication: the state behind a [`PictureMode`] (none for the
//! perfect picture; sensors and tracker for the tracked one), and how an order on a track is
//! tied to the threat its interceptor will home on.

use canopy_c2::{AirPicture, NationSet, TrackEstimate};
use std::collections::BTreeMap;

use canopy_core::{NationId, PatrolId, SimTime, StreamKey, ThreatId};
use canopy_geo::EnuPosition;

use crate::picture::PictureMode;
use crate::prepared::PreparedScenario;
use crate::tracked_picture::{Candidate, PictureShare, TrackedPicture, acquire, candidates};
use crate::truth::TruthView;

/// What builds C2's picture in one replication.
pub enum PictureSource {
    /// Straight from truth.
    Perfect,
    /// Sensors and the central tracker.
    Tracked(Box<TrackedPicture>),
}

impl PictureSource {
    /// The source of `mode` for one replication keyed by `key`.
    pub fn new(mode: PictureMode, prepared: &PreparedScenario, key: StreamKey) -> PictureSource {
        match mode {
            PictureMode::Perfect => PictureSource::Perfect,
            PictureMode::Tracked => {
                PictureSource::Tracked(Box::new(TrackedPicture::new(prepared, key)))
            }
        }
    }

    /// Lets the sensors scan up to `now`, a patrol's radar only while `on_station(patrol)`
    /// (nothing to do for the perfect picture).
    pub fn sense(
        &mut self,
        now: SimTime,
        truth: &TruthView,
        on_station: &dyn Fn(PatrolId) -> bool,
    ) {
        if let PictureSource::Tracked(tracked) = self {
            tracked.sense(now, truth, on_station);
        }
    }

    /// The threats first held by a confirmed track since the last call, marked in `held`: for
    /// the tracked picture after new scans (the perfect picture holds each threat from its
    /// entry, which the engine logs itself).
    pub fn newly_held(
        &mut self,
        now: SimTime,
        truth: &TruthView,
        held: &mut [bool],
    ) -> Vec<ThreatId> {
        match self {
            PictureSource::Perfect => Vec::new(),
            PictureSource::Tracked(tracked) => tracked.newly_held(now, truth, held),
        }
    }

    /// Each nation's share of the tracks that held a threat (the tracked picture; `None` for the
    /// perfect picture, which no sensor builds).
    pub fn shares(&self) -> Option<BTreeMap<NationId, PictureShare>> {
        match self {
            PictureSource::Perfect => None,
            PictureSource::Tracked(tracked) => Some(tracked.shares()),
        }
    }

    /// Whether each threat is held from its entry into the theatre (the perfect picture).
    pub fn holds_on_entry(&self) -> bool {
        matches!(self, PictureSource::Perfect)
    }

    /// Builds the picture at `now` into `picture`.
    pub fn build(
        &self,
        now: SimTime,
        truth: &TruthView,
        all_nations: NationSet,
        picture: &mut AirPicture,
    ) {
        match self {
            PictureSource::Perfect => PictureMode::build_perfect(now, truth, all_nations, picture),
            PictureSource::Tracked(tracked) => tracked.build(now, picture),
        }
    }

    /// The estimated positions of the picture's tracks at `now`, as [`PictureSource::build`]
    /// would place them (the threats' true positions for the perfect picture).
    pub fn positions(&self, now: SimTime, truth: &TruthView) -> Vec<EnuPosition> {
        match self {
            PictureSource::Perfect => truth
                .active()
                .map(|threat| truth.position_m(threat, now))
                .collect(),
            PictureSource::Tracked(tracked) => tracked.positions(now),
        }
    }

    /// What an interceptor could home on at `now`: nothing to look up for the perfect picture
    /// (a track is its threat); the active threats' true states for the tracked one.
    pub fn candidates(&self, now: SimTime, truth: &TruthView) -> Vec<Candidate> {
        match self {
            PictureSource::Perfect => Vec::new(),
            PictureSource::Tracked(_) => candidates(truth, now),
        }
    }

    /// The threat an engagement of `track` homes on: the track's own threat in the perfect
    /// picture; in the tracked picture the candidate nearest the track's estimate (in position
    /// and velocity) within the seeker's acquisition distance, if any.
    pub fn threat_of(&self, track: &TrackEstimate, candidates: &[Candidate]) -> Option<ThreatId> {
        match self {
            PictureSource::Perfect => Some(ThreatId(track.id.0 as u32)),
            PictureSource::Tracked(_) => {
                acquire(candidates, (track.position_m, track.velocity_mps))
            }
        }
    }
}
