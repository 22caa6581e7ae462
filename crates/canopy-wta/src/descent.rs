//! Steepest descent over the two classic neighbourhoods: reassign one round (to another
//! target or to none) and swap the targets of two rounds, until no move improves.

use crate::state::State;

/// Improvement below which a move is not worth making (relative to the objective scale).
pub(crate) const EPS: f64 = 1e-12;

/// Best improving move of unit `u`: `(delta, Move)`.
fn best_move_of(state: &State, u: usize) -> Option<(f64, Move)> {
    let p = state.problem;
    let from = state.target[u];
    let mut best: Option<(f64, Move)> = None;
    if from.is_some() {
        let d = state.reassign_delta(u, None);
        if d < -EPS {
            best = Some((d, Move::Reassign(u, None)));
        }
    }
    for k in 0..p.n_targets() {
        let d = state.reassign_delta(u, Some(k));
        if d < -EPS && best.is_none_or(|(bd, _)| d < bd) && state.can_take(u, from, k) {
            best = Some((d, Move::Reassign(u, Some(k))));
        }
    }
    for w in 0..p.n_units() {
        if state.target[w] == from {
            continue;
        }
        let d = state.swap_delta(u, w);
        if d < -EPS && best.is_none_or(|(bd, _)| d < bd) && state.can_swap(u, w) {
            best = Some((d, Move::Swap(u, w)));
        }
    }
    best
}

/// A local move.
#[derive(Debug, Clone, Copy)]
enum Move {
    Reassign(usize, Option<usize>),
    Swap(usize, usize),
}

/// Applies improving moves, one round at a time, until none improves; returns moves made.
pub(crate) fn descend(state: &mut State) -> usize {
    let n = state.problem.n_units();
    let mut moves = 0;
    loop {
        let mut improved = false;
        for u in 0..n {
            if let Some((_, m)) = best_move_of(state, u) {
                match m {
                    Move::Reassign(u, to) => state.set(u, to),
                    Move::Swap(a, b) => state.swap(a, b),
                }
                moves += 1;
                improved = true;
            }
        }
        if !improved {
            state.resync();
            return moves;
        }
    }
}
