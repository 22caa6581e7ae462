//! Motion (transition) models: constant velocity, coordinated turn, ballistic.
//!
//! Each model maps a state over `dt_s` seconds: `x' = f(x)`, with Jacobian `F = df/dx` and
//! process noise `Q`. All models here are linear in the state (the coordinated turn has a
//! fixed turn rate), so the Kalman predictor over them is exact.

use crate::gaussian::{StateCovariance, StateVector};

/// Standard gravity, m/s^2.
pub const GRAVITY_MPS2: f64 = 9.80665;

/// A motion model: how a state moves in time and how uncertain that motion is.
pub trait MotionModel: Send + Sync + std::fmt::Debug {
    /// Propagates a state mean over `dt_s`.
    fn propagate(&self, state: &StateVector, dt_s: f64) -> StateVector;
    /// Jacobian of [`MotionModel::propagate`] with respect to the state.
    fn jacobian(&self, state: &StateVector, dt_s: f64) -> StateCovariance;
    /// Process noise covariance accumulated over `dt_s`.
    fn process_noise(&self, dt_s: f64) -> StateCovariance;
}

/// Process noise of a nearly-constant-velocity model driven by white acceleration noise with
/// spectral densities `q` (horizontal, horizontal, vertical) in m^2/s^3.
fn white_acceleration_noise(q: [f64; 3], dt_s: f64) -> StateCovariance {
    let mut noise = StateCovariance::zeros();
    let (dt2, dt3) = (dt_s * dt_s, dt_s * dt_s * dt_s);
    for (axis, q_axis) in q.into_iter().enumerate() {
        noise[(axis, axis)] = q_axis * dt3 / 3.0;
        noise[(axis, axis + 3)] = q_axis * dt2 / 2.0;
        noise[(axis + 3, axis)] = q_axis * dt2 / 2.0;
        noise[(axis + 3, axis + 3)] = q_axis * dt_s;
    }
    noise
}

/// Transition matrix of constant velocity in 3-D.
fn constant_velocity_matrix(dt_s: f64) -> StateCovariance {
    let mut f = StateCovariance::identity();
    for axis in 0..3 {
        f[(axis, axis + 3)] = dt_s;
    }
    f
}

/// Nearly constant velocity with white acceleration noise.
#[derive(Clone, Debug, PartialEq)]
pub struct ConstantVelocity {
    /// Horizontal acceleration noise spectral density, m^2/s^3.
    pub q_horizontal: f64,
    /// Vertical acceleration noise spectral density, m^2/s^3.
    pub q_vertical: f64,
}

impl MotionModel for ConstantVelocity {
    fn propagate(&self, state: &StateVector, dt_s: f64) -> StateVector {
        constant_velocity_matrix(dt_s) * state
    }
    fn jacobian(&self, _state: &StateVector, dt_s: f64) -> StateCovariance {
        constant_velocity_matrix(dt_s)
    }
    fn process_noise(&self, dt_s: f64) -> StateCovariance {
        white_acceleration_noise(
            [self.q_horizontal, self.q_horizontal, self.q_vertical],
            dt_s,
        )
    }
}

/// Horizontal coordinated turn at a fixed rate (positive = counter-clockwise), constant
/// vertical velocity.
#[derive(Clone, Debug, PartialEq)]
pub struct CoordinatedTurn {
    /// Turn rate, rad/s (counter-clockwise positive).
    pub turn_rate_radps: f64,
    /// Horizontal acceleration noise spectral density, m^2/s^3.
    pub q_horizontal: f64,
    /// Vertical acceleration noise spectral density, m^2/s^3.
    pub q_vertical: f64,
}

impl CoordinatedTurn {
    fn matrix(&self, dt_s: f64) -> StateCovariance {
        let w = self.turn_rate_radps;
        if w.abs() < 1e-9 {
            return constant_velocity_matrix(dt_s);
        }
        let (s, c) = (w * dt_s).sin_cos();
        let mut f = constant_velocity_matrix(dt_s);
        f[(0, 3)] = s / w;
        f[(0, 4)] = -(1.0 - c) / w;
        f[(1, 3)] = (1.0 - c) / w;
        f[(1, 4)] = s / w;
        f[(3, 3)] = c;
        f[(3, 4)] = -s;
        f[(4, 3)] = s;
        f[(4, 4)] = c;
        f
    }
}

impl MotionModel for CoordinatedTurn {
    fn propagate(&self, state: &StateVector, dt_s: f64) -> StateVector {
        self.matrix(dt_s) * state
    }
    fn jacobian(&self, _state: &StateVector, dt_s: f64) -> StateCovariance {
        self.matrix(dt_s)
    }
    fn process_noise(&self, dt_s: f64) -> StateCovariance {
        white_acceleration_noise(
            [self.q_horizontal, self.q_horizontal, self.q_vertical],
            dt_s,
        )
    }
}

/// Ballistic flight: constant horizontal velocity, gravity on the vertical axis, no drag.
#[derive(Clone, Debug, PartialEq)]
pub struct Ballistic {
    /// Acceleration noise spectral density on every axis, m^2/s^3.
    pub q: f64,
}

impl MotionModel for Ballistic {
    fn propagate(&self, state: &StateVector, dt_s: f64) -> StateVector {
        let mut next = constant_velocity_matrix(dt_s) * state;
        next[2] -= 0.5 * GRAVITY_MPS2 * dt_s * dt_s;
        next[5] -= GRAVITY_MPS2 * dt_s;
        next
    }
    fn jacobian(&self, _state: &StateVector, dt_s: f64) -> StateCovariance {
        constant_velocity_matrix(dt_s)
    }
    fn process_noise(&self, dt_s: f64) -> StateCovariance {
        white_acceleration_noise([self.q; 3], dt_s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarter_turn_ends_perpendicular() {
        // 90 degrees at pi/20 rad/s takes 10 s; speed 100 m/s east -> north, the centre of
        // the turn is 100 / (pi/20) m north of the start.
        let turn = CoordinatedTurn {
            turn_rate_radps: std::f64::consts::PI / 20.0,
            q_horizontal: 0.0,
            q_vertical: 0.0,
        };
        let state = StateVector::new(0.0, 0.0, 0.0, 100.0, 0.0, 0.0);
        let next = turn.propagate(&state, 10.0);
        let radius = 100.0 / (std::f64::consts::PI / 20.0);
        assert!((next[0] - radius).abs() < 1e-9);
        assert!((next[1] - radius).abs() < 1e-9);
        assert!(next[3].abs() < 1e-9 && (next[4] - 100.0).abs() < 1e-9);
    }

    #[test]
    fn ballistic_drops_half_g_t_squared() {
        let model = Ballistic { q: 0.0 };
        let state = StateVector::new(0.0, 0.0, 10_000.0, 1000.0, 0.0, 0.0);
        let next = model.propagate(&state, 10.0);
        assert!((next[2] - (10_000.0 - 0.5 * GRAVITY_MPS2 * 100.0)).abs() < 1e-9);
        assert!((next[5] + GRAVITY_MPS2 * 10.0).abs() < 1e-9);
        assert!((next[0] - 10_000.0).abs() < 1e-9);
    }
}
