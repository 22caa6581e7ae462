//! Motion (transition) models: constant velocity, coordinated turn, ballistic.
//!
//! Each model maps a state over `dt_s` seconds: `x' = f(x)`, with Jacobian `F = df/dx` and
//! process noise `Q`. All models here are linear in the state (the coordinated turn has a
//! fixed turn rate), so the Kalman predictor over them is exact, except for the level flight
//! of a curved frame ([`Vertical::Damped`] with a finite `curvature_radius_m`), whose small
//! state-dependent drift (of order `dt / R`) is left out of the Jacobian.

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
    /// Whether [`MotionModel::jacobian`] is the same for every state and
    /// [`MotionModel::propagate`] is that Jacobian times the state plus
    /// [`MotionModel::add_drift`], so that one [`crate::transition::Transition`] per step
    /// serves every estimate, mean and covariance.
    fn has_constant_jacobian(&self) -> bool {
        false
    }
    /// For a model with a constant Jacobian `F`: what [`MotionModel::propagate`] adds to
    /// `F x` (gravity; the drift of level flight in a curved frame). Nothing by default.
    fn add_drift(&self, _state: &StateVector, _dt_s: f64, _next: &mut StateVector) {}
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

/// How a level-flight model moves vertically.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Vertical {
    /// Nearly constant vertical velocity driven by white acceleration noise.
    WhiteAcceleration {
        /// Acceleration noise spectral density, m^2/s^3.
        q: f64,
    },
    /// Vertical velocity as an Ornstein-Uhlenbeck process pulled back to that of level flight:
    /// aircraft and cruise missiles hold their height, so height is averaged over many
    /// detections. In a flat frame level flight has zero vertical velocity; in a frame tangent
    /// to a sphere of radius `R` at its origin, a target holding its height over the sphere at
    /// horizontal position `p` and velocity `v` climbs at `−(p · v) / R` and accelerates
    /// vertically at `−|v|² / R` (the ground falls away from the tangent plane as `|p|² / 2R`).
    Damped {
        /// Correlation time of the vertical velocity, seconds.
        time_constant_s: f64,
        /// Stationary standard deviation of the vertical velocity, m/s.
        sigma_mps: f64,
        /// Radius of the sphere the frame is tangent to, metres (`f64::INFINITY`: flat).
        curvature_radius_m: f64,
    },
}

impl Vertical {
    /// Writes the vertical (z, vz) block of the transition matrix.
    fn transition(&self, f: &mut StateCovariance, dt_s: f64) {
        match *self {
            Vertical::WhiteAcceleration { .. } => {
                f[(2, 5)] = dt_s;
                f[(5, 5)] = 1.0;
            }
            Vertical::Damped {
                time_constant_s: tau,
                ..
            } => {
                let a = (-dt_s / tau).exp();
                f[(2, 5)] = tau * (1.0 - a);
                f[(5, 5)] = a;
            }
        }
    }

    /// Adds to a mean propagated by the transition matrix the drift of level flight in a curved
    /// frame: `vz' = c0 + c1 dt + a (vz − c0)` and `z' = z + c0 dt + c1 dt²/2 + τ (1 − a)
    /// (vz − c0)`, with `c0 = −(p · v) / R`, `c1 = −|v|² / R` from the state before the step
    /// and `a = e^(−dt/τ)`.
    fn add_level_drift(&self, state: &StateVector, dt_s: f64, next: &mut StateVector) {
        let Vertical::Damped {
            time_constant_s: tau,
            curvature_radius_m: radius_m,
            ..
        } = *self
        else {
            return;
        };
        if !radius_m.is_finite() {
            return;
        }
        let c0 = -(state[0] * state[3] + state[1] * state[4]) / radius_m;
        let c1 = -(state[3] * state[3] + state[4] * state[4]) / radius_m;
        let a = (-dt_s / tau).exp();
        next[2] += c0 * dt_s + 0.5 * c1 * dt_s * dt_s - tau * (1.0 - a) * c0;
        next[5] += c0 * (1.0 - a) + c1 * dt_s;
    }

    /// Writes the vertical (z, vz) block of the process noise.
    fn noise(&self, q: &mut StateCovariance, dt_s: f64) {
        let (zz, zv, vv) = match *self {
            Vertical::WhiteAcceleration { q } => {
                (q * dt_s.powi(3) / 3.0, q * dt_s * dt_s / 2.0, q * dt_s)
            }
            Vertical::Damped {
                time_constant_s: tau,
                sigma_mps,
                ..
            } => {
                let a = (-dt_s / tau).exp();
                let s2 = sigma_mps * sigma_mps;
                (
                    s2 * tau * tau * (2.0 * dt_s / tau - 3.0 + 4.0 * a - a * a),
                    s2 * tau * (1.0 - a) * (1.0 - a),
                    s2 * (1.0 - a * a),
                )
            }
        };
        q[(2, 2)] = zz;
        q[(2, 5)] = zv;
        q[(5, 2)] = zv;
        q[(5, 5)] = vv;
    }
}

/// Transition matrix of constant velocity in 3-D.
fn constant_velocity_matrix(dt_s: f64) -> StateCovariance {
    let mut f = StateCovariance::identity();
    for axis in 0..3 {
        f[(axis, axis + 3)] = dt_s;
    }
    f
}

/// Nearly constant horizontal velocity with white acceleration noise.
#[derive(Clone, Debug, PartialEq)]
pub struct ConstantVelocity {
    /// Horizontal acceleration noise spectral density, m^2/s^3.
    pub q_horizontal: f64,
    /// Vertical motion.
    pub vertical: Vertical,
}

impl ConstantVelocity {
    /// Nearly constant velocity with the same white acceleration noise `q` on every axis.
    pub fn isotropic(q: f64) -> Self {
        Self {
            q_horizontal: q,
            vertical: Vertical::WhiteAcceleration { q },
        }
    }

    fn matrix(&self, dt_s: f64) -> StateCovariance {
        let mut f = constant_velocity_matrix(dt_s);
        self.vertical.transition(&mut f, dt_s);
        f
    }
}

impl MotionModel for ConstantVelocity {
    fn propagate(&self, state: &StateVector, dt_s: f64) -> StateVector {
        let mut next = self.matrix(dt_s) * state;
        self.add_drift(state, dt_s, &mut next);
        next
    }
    fn add_drift(&self, state: &StateVector, dt_s: f64, next: &mut StateVector) {
        self.vertical.add_level_drift(state, dt_s, next);
    }
    fn jacobian(&self, _state: &StateVector, dt_s: f64) -> StateCovariance {
        self.matrix(dt_s)
    }
    fn process_noise(&self, dt_s: f64) -> StateCovariance {
        let mut q = white_acceleration_noise([self.q_horizontal, self.q_horizontal, 0.0], dt_s);
        self.vertical.noise(&mut q, dt_s);
        q
    }
    fn has_constant_jacobian(&self) -> bool {
        true
    }
}

/// Horizontal coordinated turn at a fixed rate (positive = counter-clockwise).
#[derive(Clone, Debug, PartialEq)]
pub struct CoordinatedTurn {
    /// Turn rate, rad/s (counter-clockwise positive).
    pub turn_rate_radps: f64,
    /// Horizontal acceleration noise spectral density, m^2/s^3.
    pub q_horizontal: f64,
    /// Vertical motion.
    pub vertical: Vertical,
}

impl CoordinatedTurn {
    fn matrix(&self, dt_s: f64) -> StateCovariance {
        let w = self.turn_rate_radps;
        let mut f = constant_velocity_matrix(dt_s);
        self.vertical.transition(&mut f, dt_s);
        if w.abs() < 1e-9 {
            return f;
        }
        let (s, c) = (w * dt_s).sin_cos();
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
        let mut next = self.matrix(dt_s) * state;
        self.add_drift(state, dt_s, &mut next);
        next
    }
    fn add_drift(&self, state: &StateVector, dt_s: f64, next: &mut StateVector) {
        self.vertical.add_level_drift(state, dt_s, next);
    }
    fn jacobian(&self, _state: &StateVector, dt_s: f64) -> StateCovariance {
        self.matrix(dt_s)
    }
    fn process_noise(&self, dt_s: f64) -> StateCovariance {
        let mut q = white_acceleration_noise([self.q_horizontal, self.q_horizontal, 0.0], dt_s);
        self.vertical.noise(&mut q, dt_s);
        q
    }
    fn has_constant_jacobian(&self) -> bool {
        true
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
        self.add_drift(state, dt_s, &mut next);
        next
    }
    fn add_drift(&self, _state: &StateVector, dt_s: f64, next: &mut StateVector) {
        next[2] -= 0.5 * GRAVITY_MPS2 * dt_s * dt_s;
        next[5] -= GRAVITY_MPS2 * dt_s;
    }
    fn jacobian(&self, _state: &StateVector, dt_s: f64) -> StateCovariance {
        constant_velocity_matrix(dt_s)
    }
    fn process_noise(&self, dt_s: f64) -> StateCovariance {
        white_acceleration_noise([self.q; 3], dt_s)
    }
    fn has_constant_jacobian(&self) -> bool {
        true
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
            vertical: Vertical::WhiteAcceleration { q: 0.0 },
        };
        let state = StateVector::new(0.0, 0.0, 0.0, 100.0, 0.0, 0.0);
        let next = turn.propagate(&state, 10.0);
        let radius = 100.0 / (std::f64::consts::PI / 20.0);
        assert!((next[0] - radius).abs() < 1e-9);
        assert!((next[1] - radius).abs() < 1e-9);
        assert!(next[3].abs() < 1e-9 && (next[4] - 100.0).abs() < 1e-9);
    }

    #[test]
    fn damped_vertical_velocity_decays() {
        // After one time constant the vertical velocity keeps e^-1 of itself and the height
        // gains tau (1 - e^-1) times it; the stationary variance sigma^2 (1 - e^-2) is added.
        let model = ConstantVelocity {
            q_horizontal: 0.0,
            vertical: Vertical::Damped {
                time_constant_s: 10.0,
                sigma_mps: 2.0,
                curvature_radius_m: f64::INFINITY,
            },
        };
        let state = StateVector::new(0.0, 0.0, 1000.0, 0.0, 0.0, 5.0);
        let next = model.propagate(&state, 10.0);
        let decay = (-1.0f64).exp();
        assert!((next[5] - 5.0 * decay).abs() < 1e-12);
        assert!((next[2] - (1000.0 + 50.0 * (1.0 - decay))).abs() < 1e-9);
        let q = model.process_noise(10.0);
        assert!((q[(5, 5)] - 4.0 * (1.0 - decay * decay)).abs() < 1e-12);
        // Position variance of the integrated process: s2 tau^2 (2 - 3 + 4 e^-1 - e^-2).
        let expected = 4.0 * 100.0 * (2.0 - 3.0 + 4.0 * decay - decay * decay);
        assert!((q[(2, 2)] - expected).abs() < 1e-9);
        assert!(q[(2, 2)] > 0.0);
    }

    #[test]
    fn level_flight_follows_the_curved_ground_of_a_tangent_plane() {
        // A target holding height 0 over a sphere of radius R, 300 km east of the tangent
        // point, flying west at 200 m/s: in the tangent plane its height is
        // z(x) = sqrt(R² − x²) − R and its vertical velocity −x vx / sqrt(R² − x²).
        let radius_m: f64 = 6_371_000.0;
        let height = |x: f64| (radius_m * radius_m - x * x).sqrt() - radius_m;
        let climb = |x: f64, vx: f64| -x * vx / (radius_m * radius_m - x * x).sqrt();
        let model = |curvature_radius_m| ConstantVelocity {
            q_horizontal: 0.0,
            vertical: Vertical::Damped {
                time_constant_s: 6.0,
                sigma_mps: 2.0,
                curvature_radius_m,
            },
        };
        let (x0, vx) = (300_000.0, -200.0);
        let state = StateVector::new(x0, 0.0, height(x0), vx, 0.0, climb(x0, vx));
        let x1 = x0 + 30.0 * vx;
        let curved = model(radius_m).propagate(&state, 30.0);
        assert!(
            (curved[2] - height(x1)).abs() < 1.0,
            "{}",
            curved[2] - height(x1)
        );
        assert!((curved[5] - climb(x1, vx)).abs() < 0.01);
        // A flat model pulls the 9.4 m/s climb back to zero and ends ~220 m low.
        let flat = model(f64::INFINITY).propagate(&state, 30.0);
        assert!(height(x1) - flat[2] > 200.0);
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
