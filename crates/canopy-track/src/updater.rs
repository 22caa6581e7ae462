//! Updaters: fold one detection into a predicted estimate.
//!
//! [`ExtendedKalmanUpdater`] works in the radar's measurement space (range, azimuth,
//! elevation) with a linearised measurement function; [`ConvertedKalmanUpdater`] converts the
//! detection to a Cartesian point with its linearised covariance and runs a linear Kalman
//! update on position.

use crate::gaussian::Gaussian;
use crate::geometry::{polar_with_jacobian, wrap_angle};
use crate::scan::{PolarDetection, SensorModel};
use nalgebra::{Matrix3, Vector3};

/// The innovation of one detection against one predicted estimate.
#[derive(Clone, Debug)]
pub struct Innovation {
    /// Measurement minus predicted measurement (angles wrapped).
    pub residual: Vector3<f64>,
    /// Measurement matrix (Jacobian) at the prediction with respect to position; every
    /// measurement here depends on position alone, so the velocity columns are zero.
    pub h_position: Matrix3<f64>,
    /// Inverse of the innovation covariance.
    pub s_inv: Matrix3<f64>,
    /// Squared Mahalanobis distance `residual^T S^-1 residual`.
    pub distance2: f64,
    /// Determinant of the innovation covariance (positive).
    pub det_s: f64,
}

impl Innovation {
    /// The innovation with covariance `s` (symmetric, as `H P Hᵀ + R` is); `None` unless `s` is
    /// positive definite enough to have a finite, positive determinant.
    fn new(residual: Vector3<f64>, h_position: Matrix3<f64>, s: Matrix3<f64>) -> Option<Self> {
        // The inverse of a symmetric 3x3 matrix from its cofactors, with the determinant
        // worked out once for both the inverse and the likelihood.
        let (a, b, c) = (s[(0, 0)], s[(0, 1)], s[(0, 2)]);
        let (d, e, f) = (s[(1, 1)], s[(1, 2)], s[(2, 2)]);
        let c00 = d * f - e * e;
        let c01 = c * e - b * f;
        let c02 = b * e - c * d;
        let det = a * c00 + b * c01 + c * c02;
        if det <= 0.0 || !det.is_finite() {
            return None;
        }
        let c11 = a * f - c * c;
        let c12 = b * c - a * e;
        let c22 = a * d - b * b;
        let s_inv = Matrix3::new(c00, c01, c02, c01, c11, c12, c02, c12, c22) / det;
        let distance2 = (residual.transpose() * s_inv * residual)[0];
        Some(Self {
            residual,
            h_position,
            s_inv,
            distance2,
            det_s: det,
        })
    }

    /// Natural logarithm of the Gaussian likelihood of the residual.
    pub fn log_likelihood(&self) -> f64 {
        // The logarithm is taken here, not with the innovation: gating needs only the distance.
        -0.5 * (self.distance2 + self.det_s.ln() + 3.0 * (2.0 * std::f64::consts::PI).ln())
    }

    /// The Kalman update of `predicted` with this innovation.
    pub fn apply(&self, predicted: &Gaussian) -> Gaussian {
        let pht = predicted.cov.fixed_columns::<3>(0) * self.h_position.transpose();
        let gain = pht * self.s_inv;
        let mean = predicted.mean + gain * self.residual;
        let cov = predicted.cov - gain * pht.transpose();
        let mut updated = Gaussian::new(mean, cov);
        updated.symmetrise();
        updated
    }
}

/// Folds a detection into a predicted estimate.
pub trait Updater: Send + Sync + std::fmt::Debug {
    /// The innovation of `detection` against `predicted`, or `None` when it is degenerate
    /// (singular innovation covariance, e.g. a prediction on top of the radar).
    fn innovation(
        &self,
        predicted: &Gaussian,
        detection: &PolarDetection,
        sensor: &SensorModel,
    ) -> Option<Innovation>;

    /// The updated estimate.
    fn update(&self, predicted: &Gaussian, innovation: &Innovation) -> Gaussian {
        innovation.apply(predicted)
    }
}

/// Extended Kalman update in polar measurement space.
#[derive(Clone, Copy, Debug, Default)]
pub struct ExtendedKalmanUpdater;

impl Updater for ExtendedKalmanUpdater {
    fn innovation(
        &self,
        predicted: &Gaussian,
        detection: &PolarDetection,
        sensor: &SensorModel,
    ) -> Option<Innovation> {
        let relative = predicted.position_m() - sensor.position_m;
        if relative.norm() < 1.0 {
            return None;
        }
        let (expected, h_position) = polar_with_jacobian(&relative);
        let measured = detection.polar();
        let residual = Vector3::new(
            measured.x - expected.x,
            wrap_angle(measured.y - expected.y),
            measured.z - expected.z,
        );
        let s = h_position * position_covariance(predicted) * h_position.transpose()
            + sensor.polar_noise();
        Innovation::new(residual, h_position, s)
    }
}

/// Linear Kalman update on the converted Cartesian position of the detection.
#[derive(Clone, Copy, Debug, Default)]
pub struct ConvertedKalmanUpdater;

impl Updater for ConvertedKalmanUpdater {
    fn innovation(
        &self,
        predicted: &Gaussian,
        detection: &PolarDetection,
        sensor: &SensorModel,
    ) -> Option<Innovation> {
        position_innovation(
            predicted,
            &detection.position_m(sensor),
            &detection.position_covariance(sensor),
        )
    }
}

/// A detection already converted to a Cartesian position with its linearised covariance,
/// folded in by the linear Kalman update on position whatever detection it is handed.
#[derive(Clone, Copy, Debug)]
pub struct ConvertedDetection {
    /// The converted position, metres.
    pub position_m: Vector3<f64>,
    /// Its covariance, m².
    pub covariance_m2: Matrix3<f64>,
}

impl Updater for ConvertedDetection {
    fn innovation(
        &self,
        predicted: &Gaussian,
        _detection: &PolarDetection,
        _sensor: &SensorModel,
    ) -> Option<Innovation> {
        position_innovation(predicted, &self.position_m, &self.covariance_m2)
    }
}

/// Innovation of a direct position measurement `measured_m` with noise covariance `noise`
/// (the linear Kalman measurement model `H = [I 0]`).
pub fn position_innovation(
    predicted: &Gaussian,
    measured_m: &Vector3<f64>,
    noise: &Matrix3<f64>,
) -> Option<Innovation> {
    let residual = measured_m - predicted.position_m();
    let s = position_covariance(predicted) + noise;
    Innovation::new(residual, Matrix3::identity(), s)
}

/// The position block of an estimate's covariance.
fn position_covariance(estimate: &Gaussian) -> Matrix3<f64> {
    estimate.cov.fixed_view::<3, 3>(0, 0).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn innovation_inverse_and_determinant_from_cofactors() {
        // S = [[4, 2, 0], [2, 3, 1], [0, 1, 2]]: det = 4 (3·2 − 1) − 2 (2·2 − 0) = 12, and
        // the inverse is the adjugate over 12.
        let s = Matrix3::new(4.0, 2.0, 0.0, 2.0, 3.0, 1.0, 0.0, 1.0, 2.0);
        let residual = Vector3::new(1.0, 0.0, 0.0);
        let innovation = Innovation::new(residual, Matrix3::identity(), s).expect("definite");
        let adjugate = Matrix3::new(5.0, -4.0, 2.0, -4.0, 8.0, -4.0, 2.0, -4.0, 8.0);
        assert!((innovation.s_inv - adjugate / 12.0).abs().max() < 1e-15);
        assert!((innovation.det_s - 12.0).abs() < 1e-13);
        // residualᵀ S⁻¹ residual picks S⁻¹(0, 0) = 5/12.
        assert!((innovation.distance2 - 5.0 / 12.0).abs() < 1e-15);
    }

    #[test]
    fn singular_innovation_is_refused() {
        let s = Matrix3::new(1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0);
        assert!(Innovation::new(Vector3::zeros(), Matrix3::identity(), s).is_none());
    }
}
