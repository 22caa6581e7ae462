//! Predictors: move a Gaussian estimate forward in time with a motion model.

use crate::gaussian::Gaussian;
use crate::motion::MotionModel;

/// Predicts a Gaussian estimate `dt_s` seconds ahead.
pub trait Predictor {
    /// The predicted estimate.
    fn predict(&self, estimate: &Gaussian, dt_s: f64) -> Gaussian;
}

/// (Extended) Kalman prediction: `x' = f(x)`, `P' = F P F^T + Q`. Exact for linear models.
#[derive(Debug)]
pub struct KalmanPredictor<M: MotionModel> {
    /// The motion model.
    pub model: M,
}

impl<M: MotionModel> Predictor for KalmanPredictor<M> {
    fn predict(&self, estimate: &Gaussian, dt_s: f64) -> Gaussian {
        predict_with(&self.model, estimate, dt_s)
    }
}

/// Kalman prediction with any (boxed or borrowed) motion model.
pub fn predict_with(model: &dyn MotionModel, estimate: &Gaussian, dt_s: f64) -> Gaussian {
    let f = model.jacobian(&estimate.mean, dt_s);
    let mean = model.propagate(&estimate.mean, dt_s);
    let cov = f * estimate.cov * f.transpose() + model.process_noise(dt_s);
    let mut predicted = Gaussian::new(mean, cov);
    predicted.symmetrise();
    predicted
}
