//! Gaussian state in the six-dimensional Cartesian state space.

use nalgebra::{Matrix6, Vector3, Vector6};

/// State vector `(x, y, z, vx, vy, vz)` in metres and metres per second.
pub type StateVector = Vector6<f64>;
/// Covariance of a [`StateVector`].
pub type StateCovariance = Matrix6<f64>;

/// A Gaussian estimate: mean and covariance.
#[derive(Clone, Debug, PartialEq)]
pub struct Gaussian {
    /// Mean `(x, y, z, vx, vy, vz)`.
    pub mean: StateVector,
    /// Covariance of the mean.
    pub cov: StateCovariance,
}

impl Gaussian {
    /// Builds a Gaussian from its mean and covariance.
    pub fn new(mean: StateVector, cov: StateCovariance) -> Self {
        Self { mean, cov }
    }

    /// Position part of the mean, metres.
    pub fn position_m(&self) -> Vector3<f64> {
        self.mean.fixed_rows::<3>(0).into_owned()
    }

    /// Velocity part of the mean, metres per second.
    pub fn velocity_mps(&self) -> Vector3<f64> {
        self.mean.fixed_rows::<3>(3).into_owned()
    }

    /// Forces exact symmetry of the covariance (guards against round-off drift).
    pub fn symmetrise(&mut self) {
        // Column-major 6x6: entry (row, column) at row + 6 column.
        let cov = self.cov.as_mut_slice();
        for column in 1..6 {
            for row in 0..column {
                let (upper, lower) = (row + 6 * column, column + 6 * row);
                let mean = (cov[upper] + cov[lower]) * 0.5;
                cov[upper] = mean;
                cov[lower] = mean;
            }
        }
    }
}
