//! Deleters: decide when a confirmed track is no longer worth keeping.

use crate::track::Track;
use serde::{Deserialize, Serialize};

/// Why a confirmed track is deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deletion {
    /// The target may still be there but the track lost it (missed looks, uncertainty).
    Lost,
    /// The target has left the picture (out of the region, below the ground).
    Gone,
}

/// Judges confirmed tracks after each look.
pub trait Deleter: Send + Sync + std::fmt::Debug {
    /// Whether to delete `track`, and why.
    fn deletion(&self, track: &Track) -> Option<Deletion>;
}

/// A horizontal box (metres) that targets never leave alive.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Western edge, metres.
    pub x_min: f64,
    /// Eastern edge, metres.
    pub x_max: f64,
    /// Southern edge, metres.
    pub y_min: f64,
    /// Northern edge, metres.
    pub y_max: f64,
}

impl Region {
    /// Whether a point outside the box moves further out across an edge it lies beyond.
    pub fn leaving(&self, x_m: f64, y_m: f64, vx_mps: f64, vy_mps: f64) -> bool {
        (x_m < self.x_min && vx_mps < 0.0)
            || (x_m > self.x_max && vx_mps > 0.0)
            || (y_m < self.y_min && vy_mps < 0.0)
            || (y_m > self.y_max && vy_mps > 0.0)
    }
}

/// Deletes after too many consecutive missed looks (fewer for young tracks: a track may miss
/// as many looks in a row as it has hits, between `young_max_misses` and `max_misses`), when the position uncertainty has grown
/// too large, when the track is outside the surveillance region moving away from it, or when
/// it goes below the ground.
#[derive(Clone, Debug, PartialEq)]
pub struct MissedUpdateDeleter {
    /// Consecutive misses that delete an established confirmed track.
    pub max_misses: u32,
    /// Consecutive misses that delete a just-confirmed track.
    pub young_max_misses: u32,
    /// Largest allowed root of the position covariance trace, metres.
    pub max_position_sigma_m: f64,
    /// Surveillance region, if targets leave the picture on crossing its edge.
    pub region: Option<Region>,
    /// Lowest allowed height, metres.
    pub min_height_m: f64,
}

impl Deleter for MissedUpdateDeleter {
    fn deletion(&self, track: &Track) -> Option<Deletion> {
        let cov = &track.estimate.cov;
        let position_sigma_m = (cov[(0, 0)] + cov[(1, 1)] + cov[(2, 2)]).sqrt();
        let mean = &track.estimate.mean;
        let outside = self
            .region
            .is_some_and(|r| r.leaving(mean[0], mean[1], mean[3], mean[4]));
        let allowed = track.hits.clamp(
            self.young_max_misses,
            self.max_misses.max(self.young_max_misses),
        );
        if outside || mean[2] < self.min_height_m {
            Some(Deletion::Gone)
        } else if track.consecutive_misses >= allowed
            || position_sigma_m > self.max_position_sigma_m
        {
            Some(Deletion::Lost)
        } else {
            None
        }
    }
}
