//! How the air picture handed to C2 is built: `tracked` (the default) from the sensors through
//! the tracker ([`crate::tracked_picture`]), or `perfect`, tracks straight from truth with zero
//! covariance, for ablation.

use std::fmt;
use std::str::FromStr;

use canopy_c2::{AirPicture, NationSet, TrackEstimate};
use canopy_core::{SimTime, TrackId};
use serde::{Deserialize, Serialize};

use crate::truth::TruthView;

/// Which picture C2 plans on; its name is what `--picture` accepts. The default, `tracked`: C2
/// fights what its sensors show. A default-scenario run takes about 59 ms with it (the standing
/// budget is 60 ms), 12 ms with the perfect picture (`canopy bench --runs 100 [--picture
/// perfect]`, release build).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PictureMode {
    /// The confirmed tracks of the tracker fed by every sensor.
    #[default]
    Tracked,
    /// Every airborne threat in the theatre, exact, with its true class.
    Perfect,
}

/// A picture name that names no picture.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown picture {0:?}; allowed: {allowed}",
    allowed = PictureMode::ALL.map(PictureMode::name).join(", ")
)]
pub struct UnknownPicture(pub String);

impl FromStr for PictureMode {
    type Err = UnknownPicture;

    fn from_str(name: &str) -> Result<PictureMode, UnknownPicture> {
        PictureMode::ALL
            .into_iter()
            .find(|mode| mode.name() == name)
            .ok_or_else(|| UnknownPicture(name.to_string()))
    }
}

impl fmt::Display for PictureMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl PictureMode {
    /// Every picture, the default first.
    pub const ALL: [PictureMode; 2] = [PictureMode::Tracked, PictureMode::Perfect];

    /// The mode's name, as written in files and on the command line.
    pub const fn name(self) -> &'static str {
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
            let id = TrackId(u64::from(threat.0));
            let state = truth.state_m(threat, time);
            let track = TrackEstimate::exact(id, truth.class(threat), state, all_nations);
            picture.tracks.push(track);
        }
    }
}

#[cfg(test)]
mod name_tests {
    use super::*;

    #[test]
    fn picture_names_parse_back_write_the_same_in_json_and_an_unknown_one_lists_them() {
        for mode in PictureMode::ALL {
            assert_eq!(mode.to_string().parse::<PictureMode>(), Ok(mode));
            assert_eq!(serde_json::to_string(&mode).unwrap(), format!("\"{mode}\""));
        }
        assert_eq!(PictureMode::default(), PictureMode::Tracked);
        let error = "oracle".parse::<PictureMode>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "unknown picture \"oracle\"; allowed: tracked, perfect"
        );
    }
}
