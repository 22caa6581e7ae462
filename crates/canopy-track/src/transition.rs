//! One motion model's transition over one step, `F` and `Q`, worked out once and applied to
//! many estimates.
//!
//! A tracker predicts all its tracks over the same step, and a model linear in the state has
//! the same `F` and `Q` for every one of them. `F` is mostly zeros (identity plus a few
//! time-step terms), so `F P Fᵀ` is formed from its non-zero entries only: about a quarter of
//! the multiplications of the dense product.

use crate::gaussian::{Gaussian, StateCovariance, StateVector};
use crate::motion::MotionModel;
use smallvec::SmallVec;

/// `F`, `Q` and the non-zero entries of `F` of one model over one step.
#[derive(Clone, Debug)]
pub struct Transition {
    /// Step length, seconds.
    pub dt_s: f64,
    /// Process noise accumulated over the step.
    pub q: StateCovariance,
    /// Non-zero entries of the transition Jacobian `F`: (row, column, value), by row then
    /// column (at most 16 in the models here, so held without a heap allocation).
    entries: SmallVec<[(usize, usize, f64); 16]>,
    /// Whether the mean moves as `F x` plus the model's drift
    /// ([`MotionModel::has_constant_jacobian`]), so that `F` serves the mean too.
    linear: bool,
}

impl Transition {
    /// The transition of `model` over `dt_s`, with its Jacobian taken at `state`.
    pub fn new(model: &dyn MotionModel, state: &StateVector, dt_s: f64) -> Transition {
        let f = model.jacobian(state, dt_s);
        let entries = (0..6)
            .flat_map(|row| (0..6).map(move |column| (row, column)))
            .filter(|&(row, column)| f[(row, column)] != 0.0)
            .map(|(row, column)| (row, column, f[(row, column)]))
            .collect();
        Transition {
            dt_s,
            q: model.process_noise(dt_s),
            entries,
            linear: false,
        }
    }

    /// The transition of a model whose Jacobian does not depend on the state
    /// ([`MotionModel::has_constant_jacobian`]), for every estimate; `None` for any other model.
    pub fn shared(model: &dyn MotionModel, dt_s: f64) -> Option<Transition> {
        model.has_constant_jacobian().then(|| Transition {
            linear: true,
            ..Transition::new(model, &StateVector::zeros(), dt_s)
        })
    }

    /// Kalman prediction of `estimate` over the step: the mean moved by `model`,
    /// `P' = F P Fᵀ + Q`, made exactly symmetric.
    pub fn predict(&self, model: &dyn MotionModel, estimate: &Gaussian) -> Gaussian {
        let mean = if self.linear {
            // F x from F's entries, summed in the order of the dense product, plus the drift.
            let mut next = StateVector::zeros();
            for &(row, column, value) in &self.entries {
                next[row] += value * estimate.mean[column];
            }
            model.add_drift(&estimate.mean, self.dt_s, &mut next);
            next
        } else {
            model.propagate(&estimate.mean, self.dt_s)
        };
        // P is symmetric, so its column k (contiguous in nalgebra's column-major storage) is
        // also its row k: row r of F P is the sum of F's entries (r, k) times those rows.
        let p = estimate.cov.as_slice();
        let mut fp = [[0.0; 6]; 6];
        for &(row, k, value) in &self.entries {
            let p_row: &[f64; 6] = p[6 * k..6 * k + 6].try_into().expect("6x6 storage");
            for (out, p_kc) in fp[row].iter_mut().zip(p_row) {
                *out += value * p_kc;
            }
        }
        // Column c of (F P) Fᵀ gathers F's entries (c, k) times column k of F P.
        let mut fpft = [0.0; 36];
        for &(column, k, value) in &self.entries {
            let out: &mut [f64; 6] = (&mut fpft[6 * column..6 * column + 6])
                .try_into()
                .expect("6x6 storage");
            for (out, fp_row) in out.iter_mut().zip(&fp) {
                *out += fp_row[k] * value;
            }
        }
        let cov = StateCovariance::from_column_slice(&fpft);
        let mut predicted = Gaussian::new(mean, cov + self.q);
        predicted.symmetrise();
        predicted
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::motion::{ConstantVelocity, CoordinatedTurn, Vertical};

    /// A full, well-conditioned covariance with distinct entries.
    fn covariance() -> StateCovariance {
        let a = StateCovariance::from_fn(|r, c| ((r * 7 + c * 3) % 11) as f64 - 4.0);
        a * a.transpose() + StateCovariance::identity() * 50.0
    }

    #[test]
    fn sparse_product_equals_the_dense_one() {
        let model = CoordinatedTurn {
            turn_rate_radps: 0.05,
            q_horizontal: 2.0,
            vertical: Vertical::Damped {
                time_constant_s: 6.0,
                sigma_mps: 2.0,
                curvature_radius_m: 6_371_000.0,
            },
        };
        let estimate = Gaussian::new(
            StateVector::new(300_000.0, 1000.0, 200.0, -220.0, 10.0, 0.0),
            covariance(),
        );
        let dt_s = 30.0;
        let f = model.jacobian(&estimate.mean, dt_s);
        let dense = f * estimate.cov * f.transpose() + model.process_noise(dt_s);
        let sparse = Transition::new(&model, &estimate.mean, dt_s).predict(&model, &estimate);
        for (a, b) in sparse.cov.iter().zip(dense.iter()) {
            assert!((a - b).abs() <= 1e-9 * b.abs().max(1.0), "{a} vs {b}");
        }
        assert_eq!(sparse.mean, model.propagate(&estimate.mean, dt_s));
    }

    #[test]
    fn constant_velocity_keeps_nine_entries() {
        // Identity (6) plus the three position-velocity terms.
        let model = ConstantVelocity::isotropic(1.0);
        let transition = Transition::shared(&model, 10.0).expect("a linear model");
        assert_eq!(transition.entries.len(), 9);
    }

    #[test]
    fn shared_transition_moves_the_mean_as_the_model() {
        // The shared transition moves the mean by F x plus the drift; each model's own
        // propagation must give the same state.
        let level = Vertical::Damped {
            time_constant_s: 6.0,
            sigma_mps: 2.0,
            curvature_radius_m: 6_371_000.0,
        };
        let models: [Box<dyn MotionModel>; 3] = [
            Box::new(ConstantVelocity {
                q_horizontal: 1.0,
                vertical: level,
            }),
            Box::new(CoordinatedTurn {
                turn_rate_radps: 0.05,
                q_horizontal: 1.0,
                vertical: level,
            }),
            Box::new(crate::motion::Ballistic { q: 1.0 }),
        ];
        let estimate = Gaussian::new(
            StateVector::new(300_000.0, -120_000.0, 5_000.0, -220.0, 40.0, 3.0),
            covariance(),
        );
        for model in &models {
            let shared = Transition::shared(model.as_ref(), 30.0).expect("constant Jacobian");
            let predicted = shared.predict(model.as_ref(), &estimate);
            let expected = model.propagate(&estimate.mean, 30.0);
            assert!((predicted.mean - expected).abs().max() < 1e-9, "{model:?}");
        }
    }
}
