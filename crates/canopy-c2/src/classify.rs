//! Class beliefs from what the sensors can honestly tell of a track: its speed, altitude and climb
//! with their uncertainty, and whether an acoustic network heard it.
//!
//! Each class of the type library's evaluation catalogue ([`canopy_scenario::ClassModel`]) has a
//! prior share and a typical speed, altitude and vertical speed, each with a spread. A track's
//! belief is the prior times, for each kinematic feature, the Gaussian density of the track's
//! estimate under the class's value with the class's spread and the track's own 1-sigma added in
//! quadrature (a young track whose speed is unknown learns little from it), times the class's
//! `heard_share` when an acoustic network's report fed the track. The features are read from the
//! track's current estimate, which already sums up its whole life, so no observation is counted
//! twice. A radar cannot tell a decoy from a drone, nor can the acoustic network as modelled:
//! those two classes differ only by their prior (and the scenario's decoy discrimination).

use canopy_geo::{EnuPosition, EnuVelocity, MEAN_EARTH_RADIUS_M};
use canopy_scenario::{Evaluation, ThreatClass};

use crate::belief::ClassBelief;

/// What the sensors tell of a track that bears on its class.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClassEvidence {
    /// Estimated speed (m/s).
    pub speed_mps: f64,
    /// 1-sigma uncertainty of the speed (m/s).
    pub speed_sigma_mps: f64,
    /// Estimated altitude above the ground (m).
    pub altitude_m: f64,
    /// 1-sigma uncertainty of the altitude (m).
    pub altitude_sigma_m: f64,
    /// Estimated vertical speed with respect to the local horizontal (m/s, up positive).
    pub climb_mps: f64,
    /// 1-sigma uncertainty of the vertical speed (m/s).
    pub climb_sigma_mps: f64,
    /// Whether an acoustic network's report fed the track.
    pub heard: bool,
}

impl ClassEvidence {
    /// The evidence of a track estimate in the theatre's tangent-plane frame (origin at ground
    /// level): position, velocity and their covariance (x, y, z, vx, vy, vz). The ground lies
    /// `d² / 2R` below the plane at a horizontal distance `d` from the origin, and a target
    /// holding its height there sinks in the frame at `(p · v) / R`; both are added back.
    pub fn of_estimate(
        position_m: EnuPosition,
        velocity_mps: EnuVelocity,
        covariance: &[[f64; 6]; 6],
        heard: bool,
    ) -> ClassEvidence {
        let radius = MEAN_EARTH_RADIUS_M;
        let (e, n) = (position_m.east_m, position_m.north_m);
        let v = [
            velocity_mps.east_mps,
            velocity_mps.north_mps,
            velocity_mps.up_mps,
        ];
        let speed_mps = v.iter().map(|x| x * x).sum::<f64>().sqrt();
        // The variance of the speed along the velocity: vᵀ P v / |v|²; the mean of the three
        // variances when the speed is too small to give a direction.
        let speed_variance = if speed_mps > 1e-6 {
            let mut quadratic = 0.0;
            for (r, vr) in v.iter().enumerate() {
                for (c, vc) in v.iter().enumerate() {
                    quadratic += vr * covariance[3 + r][3 + c] * vc;
                }
            }
            quadratic / (speed_mps * speed_mps)
        } else {
            (covariance[3][3] + covariance[4][4] + covariance[5][5]) / 3.0
        };
        ClassEvidence {
            speed_mps,
            speed_sigma_mps: speed_variance.max(0.0).sqrt(),
            altitude_m: altitude_above_ground_m(position_m),
            altitude_sigma_m: covariance[2][2].max(0.0).sqrt(),
            climb_mps: v[2] + (e * v[0] + n * v[1]) / radius,
            climb_sigma_mps: covariance[5][5].max(0.0).sqrt(),
            heard,
        }
    }
}

/// The altitude (m) above the ground of a position in the theatre's tangent-plane frame (origin
/// at ground level): the ground lies `d² / 2R` below the plane at a horizontal distance `d`.
pub fn altitude_above_ground_m(position_m: EnuPosition) -> f64 {
    let (e, n) = (position_m.east_m, position_m.north_m);
    position_m.up_m + (e * e + n * n) / (2.0 * MEAN_EARTH_RADIUS_M)
}

/// The class belief the evidence gives under the library's class models.
pub fn class_belief(evaluation: &Evaluation, evidence: &ClassEvidence) -> ClassBelief {
    let log_weights = ThreatClass::ALL.map(|class| {
        let model = evaluation.class(class);
        let heard = if evidence.heard {
            model.heard_share.ln()
        } else {
            0.0
        };
        model.prior_share.ln()
            + log_gaussian(
                evidence.speed_mps - model.speed_mps,
                model.speed_spread_mps,
                evidence.speed_sigma_mps,
            )
            + log_gaussian(
                evidence.altitude_m - model.altitude_m,
                model.altitude_spread_m,
                evidence.altitude_sigma_m,
            )
            + log_gaussian(
                evidence.climb_mps,
                model.climb_spread_mps,
                evidence.climb_sigma_mps,
            )
            + heard
    });
    let top = log_weights
        .iter()
        .copied()
        .fold(f64::NEG_INFINITY, f64::max);
    if !top.is_finite() {
        return ClassBelief::from_weights([0.0; 4]);
    }
    ClassBelief::from_weights(log_weights.map(|w| (w - top).exp()))
}

/// The log of the Gaussian density of `offset` with the class's `spread` and the track's `sigma`
/// added in quadrature (the constant `ln √(2π)` left out: it is the same for every class).
fn log_gaussian(offset: f64, spread: f64, sigma: f64) -> f64 {
    let variance = spread * spread + sigma * sigma;
    -0.5 * offset * offset / variance - 0.5 * variance.ln()
}
