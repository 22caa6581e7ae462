//! Initiators: decide when a tentative track becomes confirmed or is dropped.

use crate::config::TrackerConfig;
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

/// M-of-N logic: confirm after `m` hits within the last `n` looks (`m_fast` hits for tracks
/// faster than `fast_speed_mps`: false tracks built from clutter mostly look fast, so they
/// need more evidence; `m_slow` for tracks slower than `slow_speed_mps` whose latest gate
/// expected few false alarms); drop after `max_misses` consecutive misses or `2 n` looks.
#[derive(Clone, Debug, PartialEq)]
pub struct MOfNInitiator {
    /// Hits needed.
    pub m: u32,
    /// Window of looks.
    pub n: u32,
    /// Consecutive misses that drop a tentative track.
    pub max_misses: u32,
    /// Hits needed by a fast track.
    pub m_fast: u32,
    /// Speed above which a track counts as fast, m/s.
    pub fast_speed_mps: f64,
    /// Hits needed by a slow track.
    pub m_slow: u32,
    /// Speed below which a track counts as slow, m/s.
    pub slow_speed_mps: f64,
    /// Clutter density, false alarms per m^3 per scan.
    pub clutter_density_per_m3: f64,
    /// A slow track confirms early only if its latest gate expected at most this many false
    /// alarms.
    pub max_expected_false_alarms: f64,
}

impl MOfNInitiator {
    /// The initiator of a tracker configuration.
    pub fn from_config(config: &TrackerConfig) -> MOfNInitiator {
        MOfNInitiator {
            m: config.confirm_hits,
            n: config.confirm_window,
            max_misses: config.tentative_max_misses,
            m_fast: config.confirm_hits_fast,
            fast_speed_mps: config.fast_speed_mps,
            m_slow: config.confirm_hits_slow,
            slow_speed_mps: config.slow_speed_mps,
            clutter_density_per_m3: config.clutter_density_per_m3,
            max_expected_false_alarms: config.max_expected_false_alarms,
        }
    }
}

impl Initiator for MOfNInitiator {
    fn status(&self, track: &Track) -> TrackStatus {
        let fast = speed_lower_bound_mps(track) > self.fast_speed_mps;
        let slow = track.estimate.velocity_mps().norm() < self.slow_speed_mps
            && track.last_gate_volume_m3 * self.clutter_density_per_m3
                <= self.max_expected_false_alarms;
        let needed = if fast {
            self.m_fast
        } else if slow {
            self.m_slow
        } else {
            self.m
        };
        if track.hits_in_last(self.n.max(needed)) >= needed {
            return TrackStatus::Confirm;
        }
        if track.consecutive_misses >= self.max_misses || track.looks >= 2 * self.n {
            TrackStatus::Drop
        } else {
            TrackStatus::Tentative
        }
    }
}

/// Speed minus two standard deviations of its estimate (along the velocity), m/s.
fn speed_lower_bound_mps(track: &Track) -> f64 {
    let velocity = track.estimate.velocity_mps();
    let speed = velocity.norm();
    if speed <= 0.0 {
        return 0.0;
    }
    let direction = velocity / speed;
    let cov = track.estimate.cov.fixed_view::<3, 3>(3, 3);
    let sigma = (direction.transpose() * cov * direction)[0].max(0.0).sqrt();
    speed - 2.0 * sigma
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gaussian::Gaussian;
    use crate::track::TrackId;

    fn track(looks: &[bool]) -> Track {
        let g = Gaussian::new(Default::default(), Default::default());
        let mut t = Track::tentative(TrackId(0), 0.0, g);
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
            m_fast: 4,
            fast_speed_mps: 400.0,
            m_slow: 3,
            slow_speed_mps: 0.0,
            clutter_density_per_m3: 0.0,
            max_expected_false_alarms: 0.0,
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
