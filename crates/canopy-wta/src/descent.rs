//! Descent over the two classic neighbourhoods, reassign one round (to another target or to
//! none) and swap the targets of two rounds, with incremental re-evaluation: after a move
//! only the rounds whose best move may have changed are examined again (those at the touched
//! targets, and those that now gain by moving onto a touched target).
//!
//! A move is made only when it improves the objective by more than [`MOVE_TOLERANCE`] times the
//! problem's scale (its total value plus the cost of every round): the deltas of two tied moves
//! carry rounding errors of a few ulps of the values (about 1e-9 for values of 1e7), so with an
//! absolute threshold a unit could move back and forth between two targets of equal worth, each
//! move "improving" by rounding noise, and the descent would never end.

use crate::problem::Problem;
use crate::state::State;

/// Relative improvement below which a full objective is not counted as better (local search).
pub(crate) const EPS: f64 = 1e-12;

/// Improvement, relative to the problem's scale, below which a move is not worth making: far
/// above the rounding error of a delta, far below any improvement that matters.
pub(crate) const MOVE_TOLERANCE: f64 = 1e-9;

/// The least improvement a move must bring: [`MOVE_TOLERANCE`] times the total value plus the
/// cost of every round (at least 1).
fn move_threshold(problem: &Problem) -> f64 {
    let value: f64 = problem.values().iter().sum();
    let cost: f64 = (0..problem.n_units()).map(|u| problem.unit_cost(u)).sum();
    MOVE_TOLERANCE * (value + cost).max(1.0)
}

/// A local move.
#[derive(Debug, Clone, Copy)]
enum Move {
    Reassign(usize, Option<usize>),
    Swap(usize, usize),
}

/// Best move of unit `u` improving the objective by more than `threshold`, if any.
fn best_move_of(state: &State, u: usize, threshold: f64) -> Option<Move> {
    let p = state.problem;
    let from = state.target[u];
    let mut best: Option<(f64, Move)> = None;
    if from.is_some() {
        let d = state.reassign_delta(u, None);
        if d < -threshold {
            best = Some((d, Move::Reassign(u, None)));
        }
    }
    for k in 0..p.n_targets() {
        let d = state.reassign_delta(u, Some(k));
        if d < -threshold && best.is_none_or(|(bd, _)| d < bd) && state.can_take(u, from, k) {
            best = Some((d, Move::Reassign(u, Some(k))));
        }
    }
    for w in 0..p.n_units() {
        if state.target[w] == from {
            continue;
        }
        let d = state.swap_delta(u, w);
        if d < -threshold && best.is_none_or(|(bd, _)| d < bd) && state.can_swap(u, w) {
            best = Some((d, Move::Swap(u, w)));
        }
    }
    best.map(|(_, m)| m)
}

/// Reusable work lists of the incremental descent.
#[derive(Debug, Clone, Default)]
struct Descent {
    queue: std::collections::VecDeque<usize>,
    queued: Vec<bool>,
    /// The least improvement a move must bring.
    threshold: f64,
}

impl Descent {
    fn push(&mut self, u: usize) {
        if !self.queued[u] {
            self.queued[u] = true;
            self.queue.push_back(u);
        }
    }

    /// Queues every round whose best move may have changed because target `j` changed.
    fn touch(&mut self, state: &State, j: Option<usize>) {
        let Some(j) = j else { return };
        let threshold = self.threshold;
        self.queued.resize(state.problem.n_units(), false);
        for w in 0..state.problem.n_units() {
            if self.queued[w] {
                continue;
            }
            let tw = state.target[w];
            if tw == Some(j)
                || (state.reassign_delta(w, Some(j)) < -threshold && state.can_take(w, tw, j))
            {
                self.push(w);
            }
        }
    }

    /// Descends from every round to a local optimum; returns the number of moves made.
    fn run(&mut self, state: &mut State) -> usize {
        self.threshold = move_threshold(state.problem);
        let mut moves = 0;
        let n = state.problem.n_units();
        self.queued.resize(n, false);
        for u in 0..n {
            self.push(u);
        }
        while let Some(u) = self.queue.pop_front() {
            self.queued[u] = false;
            let Some(m) = best_move_of(state, u, self.threshold) else {
                continue;
            };
            moves += 1;
            let (a, b, ta, tb) = match m {
                Move::Reassign(u, to) => {
                    let from = state.target[u];
                    state.set(u, to);
                    (u, u, from, to)
                }
                Move::Swap(a, b) => {
                    let (ta, tb) = (state.target[a], state.target[b]);
                    state.swap(a, b);
                    (a, b, ta, tb)
                }
            };
            self.push(a);
            self.push(b);
            self.touch(state, ta);
            self.touch(state, tb);
        }
        moves
    }
}

/// Descends from every round to a local optimum.
pub(crate) fn descend(state: &mut State) {
    Descent::default().run(state);
    state.resync();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::{ProblemBuilder, Shooter};

    fn shooter(pk: &[f64], rounds: u32, cost_per_round: f64) -> Shooter {
        Shooter {
            pk: pk.to_vec(),
            rounds,
            salvo: 1,
            cost_per_round,
            reserve: None,
        }
    }

    #[test]
    fn tied_targets_do_not_make_the_descent_cycle() {
        // From this start, unit 0 (pk 0.3 on targets 0-2) gains nothing real by moving between
        // targets 1 and 2, but each delta came out at -4.66e-10 by rounding: the descent moved it
        // back and forth forever. Every real improvement here is at least thousands of dollars.
        let problem = ProblemBuilder::new(vec![2.5e6, 12.5e6, 50.0e6, 2.0e6, 5.0e6])
            .shooter(shooter(&[0.3, 0.3, 0.3, 0.0, 0.0], 1, 5000.0))
            .shooter(shooter(&[0.5, 0.0, 0.0, 0.5, 0.0], 2, 5000.0))
            .shooter(shooter(&[0.75, 0.0, 0.75, 0.75, 0.75], 1, 1.1e6))
            .shooter(shooter(&[0.0, 0.4, 0.4, 0.0, 0.4], 3, 25000.0))
            .shooter(shooter(&[0.8, 0.0, 0.0, 0.8, 0.8], 1, 1.1e6))
            .build()
            .unwrap();
        let start = [None, None, None, Some(0), None, Some(2), Some(1), Some(4)];
        let mut state = State::new(&problem);
        state.load(&start);
        let before = state.objective();
        // Eight rounds: each move strictly improves, and no round can improve more than a few
        // times from this start; far fewer than 100 moves.
        let moves = Descent::default().run(&mut state);
        assert!(moves < 100, "{moves} moves");
        state.resync();
        assert!(problem.check(&state.target).is_ok());
        assert!(state.objective() <= before);
        let threshold = move_threshold(&problem);
        for u in 0..problem.n_units() {
            assert!(best_move_of(&state, u, threshold).is_none());
        }
    }
}
