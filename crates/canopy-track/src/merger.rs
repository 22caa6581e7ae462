//! Duplicate-track merging: two confirmed tracks that follow the same target become one.
//!
//! Duplicates arise when two tentative tracks start on the same target, or when a track
//! briefly loses its target and a new one starts on the unclaimed detections. The older
//! identity survives (so an operator keeps the name they know); it takes over the other
//! track's estimate when the other was updated more recently.

use crate::track::Track;

/// Merges confirmed tracks whose states are statistically indistinguishable.
#[derive(Clone, Debug, PartialEq)]
pub struct DuplicateMerger {
    /// Threshold on the squared Mahalanobis distance between the two 6-D states, using the
    /// sum of their covariances (chi-square, 6 degrees of freedom).
    pub distance2: f64,
    /// Only tracks closer than this horizontally are compared, metres.
    pub window_m: f64,
}

impl DuplicateMerger {
    /// Merges duplicates among the confirmed tracks of `tracks` (kept in creation order).
    pub fn merge(&self, tracks: &mut Vec<Track>) {
        let mut order: Vec<usize> = (0..tracks.len()).filter(|&i| tracks[i].confirmed).collect();
        order.sort_by(|&a, &b| tracks[a].estimate.mean[0].total_cmp(&tracks[b].estimate.mean[0]));
        let mut pairs = Vec::new();
        for (k, &a) in order.iter().enumerate() {
            let ta = &tracks[a];
            for &b in &order[k + 1..] {
                let tb = &tracks[b];
                if tb.estimate.mean[0] - ta.estimate.mean[0] > self.window_m {
                    break;
                }
                if (tb.estimate.mean[1] - ta.estimate.mean[1]).abs() > self.window_m {
                    continue;
                }
                let difference = tb.estimate.mean - ta.estimate.mean;
                let Some(inverse) = (ta.estimate.cov + tb.estimate.cov).try_inverse() else {
                    continue;
                };
                let d2 = (difference.transpose() * inverse * difference)[0];
                if d2 < self.distance2 {
                    pairs.push((d2, a.min(b), a.max(b)));
                }
            }
        }
        pairs.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        let mut removed = vec![false; tracks.len()];
        for (_, keep, drop) in pairs {
            if removed[keep] || removed[drop] {
                continue;
            }
            removed[drop] = true;
            if tracks[drop].consecutive_misses < tracks[keep].consecutive_misses {
                let newer = tracks[drop].clone();
                let kept = &mut tracks[keep];
                kept.estimate = newer.estimate;
                kept.filter = newer.filter;
                kept.consecutive_misses = newer.consecutive_misses;
                kept.last_update_s = newer.last_update_s;
            }
        }
        let mut index = 0;
        tracks.retain(|_| {
            index += 1;
            !removed[index - 1]
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gaussian::{Gaussian, StateCovariance, StateVector};
    use crate::track::{TrackFilter, TrackId};

    fn track(id: u64, x: f64, misses: u32) -> Track {
        let estimate = Gaussian::new(
            StateVector::new(x, 0.0, 0.0, 50.0, 0.0, 0.0),
            StateCovariance::identity() * 100.0,
        );
        Track {
            id: TrackId(id),
            time_s: 0.0,
            estimate,
            confirmed: true,
            last_update_s: 0.0,
            hits: 5,
            consecutive_misses: misses,
            history: 0,
            looks: 5,
            last_gate_volume_m3: 0.0,
            filter: TrackFilter::Single,
            updated_by: None,
        }
    }

    #[test]
    fn older_id_survives_with_fresher_state() {
        // Tracks 0 and 1 are 20 m apart (d2 = 400 / 200 = 2): duplicates. Track 2 is 1 km
        // away (d2 = 5000): distinct.
        let mut tracks = vec![track(0, 0.0, 3), track(1, 20.0, 0), track(2, 1000.0, 0)];
        DuplicateMerger {
            distance2: 12.6,
            window_m: 5000.0,
        }
        .merge(&mut tracks);
        let ids: Vec<u64> = tracks.iter().map(|t| t.id.0).collect();
        assert_eq!(ids, vec![0, 2]);
        assert_eq!(tracks[0].estimate.mean[0], 20.0);
        assert_eq!(tracks[0].consecutive_misses, 0);
    }
}
