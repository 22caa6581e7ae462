//! How the air picture handed to C2 is built. Only the `perfect` picture exists so far: tracks
//! straight from truth with zero covariance, for ablation and until sensors land.

use canopy_c2::{AirPicture, NationSet, TrackEstimate};
use canopy_core::{SimTime, TrackId};

use crate::truth::TruthView;

/// The names `--picture` accepts.
pub const PICTURE_NAMES: &[&str] = &["perfect"];

/// Which picture C2 plans on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PictureMode {
    /// Every airborne threat in the theatre, exact, with its true class.
    Perfect,
}

impl PictureMode {
    /// The mode of this name, or an error listing the names allowed.
    pub fn by_name(name: &str) -> Result<PictureMode, String> {
        match name {
            "perfect" => Ok(PictureMode::Perfect),
            other => Err(format!(
                "unknown picture {other:?}; allowed: {}",
                PICTURE_NAMES.join(", ")
            )),
        }
    }

    /// The mode's name.
    pub fn name(self) -> &'static str {
        match self {
            PictureMode::Perfect => "perfect",
        }
    }

    /// Builds the picture at `time` from the threats in the theatre, into `picture`.
    pub fn build(
        self,
        time: SimTime,
        truth: &TruthView,
        all_nations: NationSet,
        picture: &mut AirPicture,
    ) {
        picture.time = time;
        picture.tracks.clear();
        for threat in truth.active() {
            let (position_m, velocity_mps) = truth.state_m(threat, time);
            picture.tracks.push(TrackEstimate {
                id: TrackId(u64::from(threat.0)),
                position_m,
                velocity_mps,
                covariance: [[0.0; 6]; 6],
                class: truth.class(threat),
                class_confidence: 1.0,
                nations: all_nations,
            });
        }
    }
}
