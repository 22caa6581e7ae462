//! Initiators: decide when a tentative track becomes confirmed or is dropped.

use crate::track::Track;

/// Verdict on a tentative track.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrackStatus {
    /// Keep it tentative.
    Tentative,
    /// Confirm it.
    Confirm,
    /// Drop it.
    Drop,
}

/// Judges tentative tracks after each look.
pub trait Initiator: Send + Sync + std::fmt::Debug {
    /// The verdict on `track` (a tentative track) after its latest look.
    fn status(&self, track: &Track) -> TrackStatus;
}

/// M-of-N logic: confirm after `m` hits within the last `n` looks; drop when that can no
/// longer happen or after `max_misses` consecutive misses.
#[derive(Clone, Debug, PartialEq)]
pub struct MOfNInitiator {
    /// Hits needed.
    pub m: u32,
    /// Window of looks.
    pub n: u32,
    /// Consecutive misses that drop a tentative track.
    pub max_misses: u32,
}

impl Initiator for MOfNInitiator {
    fn status(&self, track: &Track) -> TrackStatus {
        let hits = track.hits_in_last(self.n);
        if hits >= self.m {
            return TrackStatus::Confirm;
        }
        // Looks left before the oldest hit in the window slides out cannot add enough hits.
        let exhausted = track.looks >= self.n && hits + (self.n - 1) < self.m;
        if track.consecutive_misses >= self.max_misses || exhausted || track.looks >= 2 * self.n {
            TrackStatus::Drop
        } else {
            TrackStatus::Tentative
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gaussian::Gaussian;
    use crate::track::{TrackFilter, TrackId};

    fn track(looks: &[bool]) -> Track {
        let g = Gaussian::new(Default::default(), Default::default());
        let mut t = Track {
            id: TrackId(0),
            time_s: 0.0,
            estimate: g,
            confirmed: false,
            last_update_s: 0.0,
            hits: 0,
            consecutive_misses: 0,
            history: 0,
            looks: 0,
            filter: TrackFilter::Single,
        };
        for &hit in looks {
            t.record_look(hit);
        }
        t
    }

    #[test]
    fn three_of_four() {
        let logic = MOfNInitiator {
            m: 3,
            n: 4,
            max_misses: 2,
        };
        assert_eq!(logic.status(&track(&[true, true])), TrackStatus::Tentative);
        assert_eq!(
            logic.status(&track(&[true, false, true, true])),
            TrackStatus::Confirm
        );
        assert_eq!(
            logic.status(&track(&[true, false, false])),
            TrackStatus::Drop
        );
        assert_eq!(
            logic.status(&track(&[true, true, true])),
            TrackStatus::Confirm
        );
    }
}
