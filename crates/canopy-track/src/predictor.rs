//! Predictors: move a Gaussian estimate forward in time with a motion model.

use crate::gaussian::Gaussian;
use crate::motion::MotionModel;
use crate::transition::Transition;

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
    Transition::new(model, &estimate.mean, dt_s).predict(model, estimate)
}

/// Kalman prediction over `dt_s` with the model's [`Transition::shared`] transition over that
/// step when it has one, else one worked out for this estimate.
pub fn predict_shared(
    model: &dyn MotionModel,
    shared: Option<&Transition>,
    estimate: &Gaussian,
    dt_s: f64,
) -> Gaussian {
    match shared {
        Some(transition) => transition.predict(model, estimate),
        None => predict_with(model, estimate, dt_s),
    }
}
