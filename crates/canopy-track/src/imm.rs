//! Interacting multiple model (IMM) estimator over a set of motion models.
//!
//! Each step mixes the model-conditioned estimates through a Markov switching matrix,
//! predicts each with its own model, updates each with the detection and re-weights the
//! models by their measurement likelihoods (Blom and Bar-Shalom, 1988).

use crate::gaussian::{Gaussian, StateCovariance, StateVector};
use crate::motion::MotionModel;
use crate::predictor::predict_shared;
use crate::scan::{PolarDetection, SensorModel};
use crate::transition::Transition;
use crate::updater::{Innovation, Updater};
use smallvec::SmallVec;

/// Model-conditioned estimates and model probabilities.
#[derive(Clone, Debug)]
pub struct ImmState {
    /// One estimate per model, in the order of [`Imm::models`].
    pub components: Vec<Gaussian>,
    /// Probability of each model; sums to one.
    pub probabilities: Vec<f64>,
}

/// Models an IMM state holds without a heap allocation in its per-step work.
const MODELS_INLINE: usize = 4;

/// Every model's transition over one step: see [`Imm::transitions`].
#[derive(Clone, Debug)]
pub struct ImmTransitions {
    /// Step length, seconds.
    pub dt_s: f64,
    /// The switching matrix over this step, when it differs from [`Imm::switching`] (a step
    /// shorter than the switching interval).
    pub switching: Option<Vec<Vec<f64>>>,
    /// One per model, in the order of [`Imm::models`]; `None` where the model's Jacobian
    /// depends on the state.
    pub models: Vec<Option<Transition>>,
}

/// The IMM estimator: models and the switching matrix between them.
#[derive(Debug)]
pub struct Imm {
    /// The motion models.
    pub models: Vec<Box<dyn MotionModel>>,
    /// `switching[i][j]`: probability per step of moving from model `i` to model `j`.
    pub switching: Vec<Vec<f64>>,
    /// The step the switching probabilities are given for, seconds: a shorter step switches
    /// proportionally less (`None`: every step switches by `switching`, however long).
    pub switching_interval_s: Option<f64>,
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
        Self {
            models,
            switching,
            switching_interval_s: None,
        }
    }

    /// The IMM with its switching probabilities given per `interval_s` seconds: a step of
    /// `dt < interval_s` moves from model `i` to `j ≠ i` with probability
    /// `switching[i][j] · dt / interval_s` (the first-order rate), so that many short steps
    /// switch about as much as one long one.
    pub fn with_switching_interval(mut self, interval_s: Option<f64>) -> Self {
        self.switching_interval_s = interval_s;
        self
    }

    /// The switching matrix over a step of `dt_s`, when it is not [`Imm::switching`].
    fn step_switching(&self, dt_s: f64) -> Option<Vec<Vec<f64>>> {
        let interval_s = self.switching_interval_s?;
        (dt_s < interval_s).then(|| {
            let share = dt_s.max(0.0) / interval_s;
            let n = self.switching.len();
            (0..n)
                .map(|i| {
                    let mut row: Vec<f64> = (0..n)
                        .map(|j| {
                            if i == j {
                                0.0
                            } else {
                                self.switching[i][j] * share
                            }
                        })
                        .collect();
                    row[i] = 1.0 - row.iter().sum::<f64>();
                    row
                })
                .collect()
        })
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
        let mut predicted = state.clone();
        self.predict_over(&mut predicted, &self.transitions(dt_s));
        predicted
    }

    /// Each model's transition over `dt_s`, shared by every state predicted over that step
    /// (`None` for a model whose Jacobian depends on the state).
    pub fn transitions(&self, dt_s: f64) -> ImmTransitions {
        ImmTransitions {
            dt_s,
            switching: self.step_switching(dt_s),
            models: self
                .models
                .iter()
                .map(|model| Transition::shared(model.as_ref(), dt_s))
                .collect(),
        }
    }

    /// [`Imm::predict`] in place, over the step of `transitions` (from [`Imm::transitions`]).
    pub fn predict_over(&self, state: &mut ImmState, transitions: &ImmTransitions) {
        let n = self.models.len();
        let switching = transitions.switching.as_ref().unwrap_or(&self.switching);
        let mut mixed: SmallVec<[(Gaussian, f64); MODELS_INLINE]> = SmallVec::new();
        let mut weights: SmallVec<[f64; MODELS_INLINE]> = SmallVec::from_elem(0.0, n);
        let probabilities = &state.probabilities;
        for j in 0..n {
            let column: SmallVec<[f64; MODELS_INLINE]> =
                switching.iter().map(|row| row[j]).collect();
            // The probability of being in model `i` and moving to model `j`.
            let into_j = |i: usize| column[i] * probabilities[i];
            let c_j: f64 = (0..n).map(into_j).sum();
            for (i, weight) in weights.iter_mut().enumerate() {
                *weight = into_j(i) / c_j.max(1e-300);
            }
            mixed.push((merge(&state.components, &weights), c_j));
        }
        let models = self.models.iter().zip(&transitions.models);
        let slots = state.components.iter_mut().zip(&mut state.probabilities);
        for (((model, transition), (mixed, c_j)), (component, probability)) in
            models.zip(&mixed).zip(slots)
        {
            *component =
                predict_shared(model.as_ref(), transition.as_ref(), mixed, transitions.dt_s);
            *probability = *c_j;
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
        let mut updated = predicted.clone();
        self.update_in_place(&mut updated, detection, sensor, updater)
            .then_some(updated)
    }

    /// [`Imm::update`] in place; false (and `state` unchanged) when some model gives no usable
    /// innovation.
    pub fn update_in_place(
        &self,
        state: &mut ImmState,
        detection: &PolarDetection,
        sensor: &SensorModel,
        updater: &dyn Updater,
    ) -> bool {
        let mut innovations: SmallVec<[(Innovation, f64); MODELS_INLINE]> = SmallVec::new();
        for (component, prior) in state.components.iter().zip(&state.probabilities) {
            let Some(innovation) = updater.innovation(component, detection, sensor) else {
                return false;
            };
            let log_weight = prior.max(1e-300).ln() + innovation.log_likelihood();
            innovations.push((innovation, log_weight));
        }
        let best = innovations
            .iter()
            .map(|(_, log_weight)| *log_weight)
            .fold(f64::NEG_INFINITY, f64::max);
        let total: f64 = innovations
            .iter()
            .map(|(_, log_weight)| (log_weight - best).exp())
            .sum();
        let slots = state.components.iter_mut().zip(&mut state.probabilities);
        for ((innovation, log_weight), (component, probability)) in innovations.iter().zip(slots) {
            *component = updater.update(component, innovation);
            *probability = ((log_weight - best).exp() / total).max(1e-12);
        }
        true
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
    for (component, &weight) in components.iter().zip(weights) {
        let spread = component.mean - mean;
        cov += component.cov * weight;
        cov.ger(weight, &spread, &spread, 1.0);
    }
    // Exactly symmetric: the lower triangle mirrors the upper one.
    for column in 0..6 {
        for row in column + 1..6 {
            cov[(row, column)] = cov[(column, row)];
        }
    }
    Gaussian::new(mean, cov)
}
