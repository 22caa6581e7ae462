//! Interacting multiple model (IMM) estimator over a set of motion models.
//!
//! Each step mixes the model-conditioned estimates through a Markov switching matrix,
//! predicts each with its own model, updates each with the detection and re-weights the
//! models by their measurement likelihoods (Blom and Bar-Shalom, 1988).

use crate::gaussian::{Gaussian, StateCovariance, StateVector};
use crate::motion::MotionModel;
use crate::predictor::predict_with;
use crate::scan::{PolarDetection, SensorModel};
use crate::updater::Updater;

/// Model-conditioned estimates and model probabilities.
#[derive(Clone, Debug)]
pub struct ImmState {
    /// One estimate per model, in the order of [`Imm::models`].
    pub components: Vec<Gaussian>,
    /// Probability of each model; sums to one.
    pub probabilities: Vec<f64>,
}

/// The IMM estimator: models and the switching matrix between them.
#[derive(Debug)]
pub struct Imm {
    /// The motion models.
    pub models: Vec<Box<dyn MotionModel>>,
    /// `switching[i][j]`: probability per step of moving from model `i` to model `j`.
    pub switching: Vec<Vec<f64>>,
}

impl Imm {
    /// Builds an IMM with `switching[i][j]` the probability per step of moving from model `i`
    /// to model `j`; each row is normalised to sum to one.
    pub fn new(models: Vec<Box<dyn MotionModel>>, switching: Vec<Vec<f64>>) -> Self {
        let switching = switching
            .into_iter()
            .map(|row| {
                let total: f64 = row.iter().sum();
                row.into_iter().map(|p| p / total).collect()
            })
            .collect();
        Self { models, switching }
    }

    /// A state where every model holds `estimate` with the given prior probabilities.
    pub fn initial_state(&self, estimate: &Gaussian, probabilities: &[f64]) -> ImmState {
        let total: f64 = probabilities.iter().sum();
        ImmState {
            components: vec![estimate.clone(); self.models.len()],
            probabilities: probabilities.iter().map(|p| p / total).collect(),
        }
    }

    /// Mixing and model-conditioned prediction `dt_s` ahead. The returned probabilities are
    /// the predicted model probabilities.
    pub fn predict(&self, state: &ImmState, dt_s: f64) -> ImmState {
        let n = self.models.len();
        let mut components = Vec::with_capacity(n);
        let mut probabilities = Vec::with_capacity(n);
        let mut weights = vec![0.0; n];
        for j in 0..n {
            let c_j: f64 = (0..n)
                .map(|i| self.switching[i][j] * state.probabilities[i])
                .sum();
            for (i, weight) in weights.iter_mut().enumerate() {
                *weight = self.switching[i][j] * state.probabilities[i] / c_j.max(1e-300);
            }
            let mixed = merge(&state.components, &weights);
            components.push(predict_with(self.models[j].as_ref(), &mixed, dt_s));
            probabilities.push(c_j);
        }
        ImmState {
            components,
            probabilities,
        }
    }

    /// Updates every model with `detection` and re-weights the models by likelihood.
    /// `None` when no model gives a usable innovation.
    pub fn update(
        &self,
        predicted: &ImmState,
        detection: &PolarDetection,
        sensor: &SensorModel,
        updater: &dyn Updater,
    ) -> Option<ImmState> {
        let mut components = Vec::with_capacity(predicted.components.len());
        let mut log_weights = Vec::with_capacity(predicted.components.len());
        for (component, prior) in predicted.components.iter().zip(&predicted.probabilities) {
            let innovation = updater.innovation(component, detection, sensor)?;
            log_weights.push(prior.max(1e-300).ln() + innovation.log_likelihood());
            components.push(updater.update(component, &innovation));
        }
        let best = log_weights
            .iter()
            .copied()
            .fold(f64::NEG_INFINITY, f64::max);
        let weights: Vec<f64> = log_weights.iter().map(|w| (w - best).exp()).collect();
        let total: f64 = weights.iter().sum();
        let probabilities = weights.iter().map(|w| (w / total).max(1e-12)).collect();
        Some(ImmState {
            components,
            probabilities,
        })
    }

    /// The single Gaussian that matches the mixture's first two moments.
    pub fn combined(&self, state: &ImmState) -> Gaussian {
        merge(&state.components, &state.probabilities)
    }
}

/// Moment-matched merge of weighted Gaussians (weights sum to one).
fn merge(components: &[Gaussian], weights: &[f64]) -> Gaussian {
    let mut mean = StateVector::zeros();
    for (component, weight) in components.iter().zip(weights) {
        mean.axpy(*weight, &component.mean, 1.0);
    }
    let mut cov = StateCovariance::zeros();
    for (component, weight) in components.iter().zip(weights) {
        let spread = component.mean - mean;
        cov += component.cov * *weight;
        cov.ger(*weight, &spread, &spread, 1.0);
    }
    Gaussian::new(mean, cov)
}
