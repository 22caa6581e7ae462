//! The air picture: what C2 knows of the threats, as tracks with uncertainty.

use canopy_core::{NationId, SimTime, TrackId};
use canopy_geo::{EnuPosition, EnuVelocity};
use canopy_scenario::ThreatClass;

use crate::belief::ClassBelief;

/// The set of nations whose sensors contributed to a track (nation ids below 64).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NationSet(u64);

impl NationSet {
    /// Adds a nation to the set.
    pub fn insert(&mut self, nation: NationId) {
        self.0 |= 1 << nation.0;
    }

    /// Whether the nation is in the set.
    pub fn contains(self, nation: NationId) -> bool {
        self.0 & (1 << nation.0) != 0
    }

    /// The nations in the set, in id order.
    pub fn iter(self) -> impl Iterator<Item = NationId> {
        (0..64u16)
            .filter(move |bit| self.0 & (1 << bit) != 0)
            .map(NationId)
    }
}

/// One track of the picture: estimated kinematics, covariance and classification.
#[derive(Clone, Debug)]
pub struct TrackEstimate {
    /// The track's id, stable for its life.
    pub id: TrackId,
    /// Estimated position in the theatre's ENU frame, metres.
    pub position_m: EnuPosition,
    /// Estimated velocity in the theatre's ENU frame, metres per second.
    pub velocity_mps: EnuVelocity,
    /// Position-velocity covariance (x, y, z, vx, vy, vz), m² and m²/s².
    pub covariance: [[f64; 6]; 6],
    /// What C2 believes the track is.
    pub belief: ClassBelief,
    /// The nations whose sensors fed this track.
    pub nations: NationSet,
}

impl TrackEstimate {
    /// A track known exactly: no covariance, its class certain.
    pub fn exact(
        id: TrackId,
        class: ThreatClass,
        (position_m, velocity_mps): (EnuPosition, EnuVelocity),
        nations: NationSet,
    ) -> TrackEstimate {
        TrackEstimate {
            id,
            position_m,
            velocity_mps,
            covariance: [[0.0; 6]; 6],
            belief: ClassBelief::certain(class),
            nations,
        }
    }
}

/// Everything C2 knows at one instant: the tracks of the fused picture.
#[derive(Clone, Debug, Default)]
pub struct AirPicture {
    /// When the picture holds.
    pub time: SimTime,
    /// The tracks, in id order.
    pub tracks: Vec<TrackEstimate>,
}
