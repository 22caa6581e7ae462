//! Re-acquisition: a newly confirmed track near where a recently lost track should be takes
//! over the lost track's identity, so a target keeps one name through a fade.

use crate::gaussian::Gaussian;
use crate::predictor::Predictor;
use crate::track::{Track, TrackId};

/// Remembers recently lost confirmed tracks and hands their identities back.
#[derive(Clone, Debug, Default)]
pub struct Reacquirer {
    /// How long a lost track can be re-acquired, seconds.
    pub window_s: f64,
    /// Gate on the squared Mahalanobis distance between positions (sum of covariances).
    pub distance2: f64,
    lost: Vec<(TrackId, f64, Gaussian)>,
}

impl Reacquirer {
    /// A re-acquirer with nothing remembered yet.
    pub fn new(window_s: f64, distance2: f64) -> Self {
        Self {
            window_s,
            distance2,
            lost: Vec::new(),
        }
    }

    /// Remembers a track that has just been lost.
    pub fn remember(&mut self, track: &Track) {
        self.lost
            .push((track.id, track.time_s, track.estimate.clone()));
    }

    /// Forgets tracks lost longer than the window before `time_s`.
    pub fn expire(&mut self, time_s: f64) {
        let window_s = self.window_s;
        self.lost
            .retain(|(_, lost_s, _)| time_s - lost_s <= window_s);
    }

    /// The identity of the remembered track that best matches `track` (predicted to its
    /// time with `predictor`), removed from memory; `None` when none is inside the gate.
    pub fn claim(&mut self, track: &Track, predictor: &dyn Predictor) -> Option<TrackId> {
        let position = track.estimate.position_m();
        let mut best: Option<(f64, usize)> = None;
        for (index, (_, lost_s, estimate)) in self.lost.iter().enumerate() {
            let predicted = predictor.predict(estimate, track.time_s - lost_s);
            let difference = position - predicted.position_m();
            let cov = track.estimate.cov.fixed_view::<3, 3>(0, 0)
                + predicted.cov.fixed_view::<3, 3>(0, 0);
            let Some(inverse) = cov.try_inverse() else {
                continue;
            };
            let d2 = (difference.transpose() * inverse * difference)[0];
            if d2 < self.distance2 && best.is_none_or(|(b, _)| d2 < b) {
                best = Some((d2, index));
            }
        }
        best.map(|(_, index)| self.lost.remove(index).0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gaussian::{StateCovariance, StateVector};
    use crate::motion::ConstantVelocity;
    use crate::predictor::KalmanPredictor;
    use crate::track::TrackFilter;

    fn track(id: u64, time_s: f64, x_m: f64) -> Track {
        Track {
            id: TrackId(id),
            time_s,
            estimate: Gaussian::new(
                StateVector::new(x_m, 0.0, 0.0, 100.0, 0.0, 0.0),
                StateCovariance::from_diagonal(&StateVector::new(1e4, 1e4, 1e4, 1.0, 1.0, 1.0)),
            ),
            confirmed: true,
            last_update_s: time_s,
            hits: 3,
            consecutive_misses: 0,
            history: 0b111,
            looks: 3,
            last_gate_volume_m3: 0.0,
            filter: TrackFilter::Single,
            updated_by: None,
        }
    }

    #[test]
    fn new_track_takes_lost_identity_where_expected() {
        let predictor = KalmanPredictor {
            model: ConstantVelocity::isotropic(0.0),
        };
        let mut memory = Reacquirer::new(20.0, 16.0);
        memory.remember(&track(4, 0.0, 0.0));
        // 10 s later the lost track is predicted at x = 1000 m with variance 1e4 + 10^2 * 1
        // per axis; with the new track's 1e4 the sum is 20100 m^2: 100 m off gives d2 = 0.5,
        // 4000 m off gives d2 = 796.
        assert_eq!(memory.claim(&track(9, 10.0, 5_000.0), &predictor), None);
        assert_eq!(
            memory.claim(&track(9, 10.0, 1_100.0), &predictor),
            Some(TrackId(4))
        );
        // Claimed once only.
        assert_eq!(memory.claim(&track(10, 10.0, 1_000.0), &predictor), None);
        memory.remember(&track(5, 0.0, 0.0));
        memory.expire(25.0);
        assert_eq!(memory.claim(&track(11, 25.0, 2_500.0), &predictor), None);
    }
}
