//! How the air picture handed to C2 is built: `tracked` (the default) from the sensors through
//! the tracker ([`crate::tracked_picture`]), or `perfect`, tracks straight from truth with zero
//! covariance, for ablation.

use canopy_c2::{AirPicture, NationSet, TrackEstimate};
use canopy_core::{SimTime, TrackId};

use crate::truth::TruthView;

/// The names `--picture` accepts.
pub const PICTURE_NAMES: &[&str] = &["tracked", "perfect"];

/// The picture the commands use unless told otherwise: C2 fights what its sensors show. A
/// default-scenario run takes about 59 ms with it (the standing budget is 60 ms), 12 ms with
/// the perfect picture (`canopy bench --runs 100 [--picture perfect]`, release build).
pub const DEFAULT_PICTURE: &str = "tracked";

/// Which picture C2 plans on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PictureMode {
    /// Every airborne threat in the theatre, exact, with its true class.
    Perfect,
    /// The confirmed tracks of the tracker fed by every sensor.
    Tracked,
}

impl PictureMode {
    /// The mode of this name, or an error listing the names allowed.
    pub fn by_name(name: &str) -> Result<PictureMode, String> {
        match name {
            "perfect" => Ok(PictureMode::Perfect),
            "tracked" => Ok(PictureMode::Tracked),
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
            PictureMode::Tracked => "tracked",
        }
    }

    /// Builds the perfect picture at `time` from the threats in the theatre, into `picture`.
    pub fn build_perfect(
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
