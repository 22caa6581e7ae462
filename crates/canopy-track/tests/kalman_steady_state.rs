//! A Kalman filter on a constant-velocity target converges to the analytic steady state.
//!
//! Per axis, with period T = 1 s, measurement variance r = 1 m^2 and continuous white
//! acceleration noise q, the steady-state predicted covariance M = [[a, b], [b, c]] solves
//! `b^2 = q (a + r)`, `a b / (a + r) = c - q / 2`, `a^2 / (a + r) = 2 b r / (a + r) + c - 2 q / 3`.
//! Choosing a = 2b gives b = 12/13, a = 24/13, q = 144/481, c = 360/481, and the updated
//! covariance P11 = a r / (a + r) = 24/37, P12 = b r / (a + r) = 12/37,
//! P22 = c - q = 216/481.

use canopy_track::updater::position_innovation;
use canopy_track::{
    ConstantVelocity, Gaussian, KalmanPredictor, Predictor, StateCovariance, StateVector,
};
use nalgebra::{Matrix3, Vector3};

#[test]
fn converges_to_analytic_steady_state() {
    let q = 144.0 / 481.0;
    let predictor = KalmanPredictor {
        model: ConstantVelocity::isotropic(q),
    };
    let mut estimate = Gaussian::new(StateVector::zeros(), StateCovariance::identity() * 1e6);
    let noise = Matrix3::identity();
    for step in 1..=300 {
        estimate = predictor.predict(&estimate, 1.0);
        // A noise-free target at 10 m/s east: the covariance does not depend on the values.
        let truth = Vector3::new(10.0 * step as f64, 0.0, 0.0);
        let innovation = position_innovation(&estimate, &truth, &noise).expect("regular");
        estimate = innovation.apply(&estimate);
    }
    for axis in 0..3 {
        let p = &estimate.cov;
        assert!((p[(axis, axis)] - 24.0 / 37.0).abs() < 1e-9);
        assert!((p[(axis, axis + 3)] - 12.0 / 37.0).abs() < 1e-9);
        assert!((p[(axis + 3, axis + 3)] - 216.0 / 481.0).abs() < 1e-9);
    }
    assert!((estimate.mean[3] - 10.0).abs() < 1e-6);
}
