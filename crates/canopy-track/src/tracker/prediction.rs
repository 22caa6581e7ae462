//! Prediction of every track to the time of a look: the tentative tracks' constant-velocity
//! filter and the confirmed tracks' IMM, with the transitions of one step length shared by the
//! tracks that need it.

use crate::imm::{Imm, ImmTransitions};
use crate::motion::ConstantVelocity;
use crate::predictor::{KalmanPredictor, predict_shared};
use crate::track::{Track, TrackFilter};
use crate::transition::Transition;

/// Moves every track's filter and estimate on to `time_s` (tracks already there stay).
pub(super) fn predict_all(
    tracks: &mut [Track],
    time_s: f64,
    tentative: &KalmanPredictor<ConstantVelocity>,
    imm: &Imm,
) {
    let mut step = None;
    for track in tracks {
        predict_track(track, time_s, tentative, imm, &mut step);
    }
}

/// The transitions of the tentative model and of the IMM's models over one step.
struct StepTransitions {
    tentative: Option<Transition>,
    imm: ImmTransitions,
}

/// Moves a track's filter and estimate to `time_s`. `step` keeps the transitions of the last
/// step length used: the tracks of a batch mostly share one.
fn predict_track(
    track: &mut Track,
    time_s: f64,
    tentative: &KalmanPredictor<ConstantVelocity>,
    imm: &Imm,
    step: &mut Option<StepTransitions>,
) {
    let dt_s = time_s - track.time_s;
    if dt_s <= 0.0 {
        return;
    }
    let transitions = match step {
        Some(transitions) if transitions.imm.dt_s == dt_s => transitions,
        _ => step.insert(StepTransitions {
            tentative: Transition::shared(&tentative.model, dt_s),
            imm: imm.transitions(dt_s),
        }),
    };
    match &mut track.filter {
        TrackFilter::Single => {
            track.estimate = predict_shared(
                &tentative.model,
                transitions.tentative.as_ref(),
                &track.estimate,
                dt_s,
            );
        }
        TrackFilter::Imm(state) => {
            imm.predict_over(state, &transitions.imm);
            track.estimate = imm.combined(state);
        }
    }
    track.time_s = time_s;
}
