//! Tracks: identity, estimate and the bookkeeping the initiator and deleter read.

use crate::gaussian::Gaussian;
use crate::imm::ImmState;

/// Identity of a track, stable for its whole life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TrackId(pub u64);

/// The estimator inside a track.
#[derive(Clone, Debug)]
pub enum TrackFilter {
    /// One Kalman filter on [`Track::estimate`] (tentative tracks).
    Single,
    /// An IMM mixture (confirmed tracks).
    Imm(ImmState),
}

/// One track.
#[derive(Clone, Debug)]
pub struct Track {
    /// Stable identity.
    pub id: TrackId,
    /// Time of [`Track::estimate`], seconds.
    pub time_s: f64,
    /// State `(x, y, z, vx, vy, vz)` and 6x6 covariance at `time_s`.
    pub estimate: Gaussian,
    /// Whether the initiator has confirmed the track (what an operator sees).
    pub confirmed: bool,
    /// Time of the last detection folded in, seconds.
    pub last_update_s: f64,
    /// Number of detections folded in.
    pub hits: u32,
    /// Looks (scans that could see the track) since the last detection.
    pub consecutive_misses: u32,
    /// Hit (1) or miss (0) of the most recent looks, newest in bit 0.
    pub history: u32,
    /// Number of looks since the track began.
    pub looks: u32,
    /// Cartesian volume of the validation gate that took the latest detection, m^3.
    pub last_gate_volume_m3: f64,
    /// The estimator.
    pub filter: TrackFilter,
    /// Which scan of the latest batch ([`crate::Tracker::process_scans`]) updated the track,
    /// by its index in the batch; `None` when none did.
    pub updated_by: Option<usize>,
}

impl Track {
    /// A new tentative track with this estimate at `time_s`: no look recorded yet, a single
    /// Kalman filter.
    pub fn tentative(id: TrackId, time_s: f64, estimate: Gaussian) -> Track {
        Track {
            id,
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
        }
    }

    /// Records the outcome of one look.
    pub fn record_look(&mut self, hit: bool) {
        self.history = (self.history << 1) | u32::from(hit);
        self.looks += 1;
        if hit {
            self.hits += 1;
            self.consecutive_misses = 0;
            self.last_update_s = self.time_s;
        } else {
            self.consecutive_misses += 1;
        }
    }

    /// Number of hits among the last `window` looks.
    pub fn hits_in_last(&self, window: u32) -> u32 {
        let mask = if window >= 32 {
            u32::MAX
        } else {
            (1u32 << window) - 1
        };
        (self.history & mask).count_ones()
    }
}
