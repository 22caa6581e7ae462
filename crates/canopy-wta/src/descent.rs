//! Descent over the two classic neighbourhoods, reassign one round (to another target or to
//! none) and swap the targets of two rounds, with incremental re-evaluation: after a move
//! only the rounds whose best move may have changed are examined again (those at the touched
//! targets, and those that now gain by moving onto a touched target).

use crate::state::State;

/// Improvement below which a move is not worth making.
pub(crate) const EPS: f64 = 1e-12;

/// Most moves of one descent per round of the problem. Every move improves the objective, so a
/// descent ends by itself; but incremental deltas carry rounding error larger than [`EPS`] on
/// large objectives, and two moves can then each look improving and undo each other for ever
/// (seen on the default scenario with the tracked picture). The cap ends such a cycle.
const MAX_MOVES_PER_UNIT: usize = 64;

/// A local move.
#[derive(Debug, Clone, Copy)]
enum Move {
    Reassign(usize, Option<usize>),
    Swap(usize, usize),
}

/// Best improving move of unit `u`, if any.
fn best_move_of(state: &State, u: usize) -> Option<Move> {
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
    best.map(|(_, m)| m)
}

/// Reusable work lists of the incremental descent.
#[derive(Debug, Clone, Default)]
struct Descent {
    queue: std::collections::VecDeque<usize>,
    queued: Vec<bool>,
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
        self.queued.resize(state.problem.n_units(), false);
        for w in 0..state.problem.n_units() {
            if self.queued[w] {
                continue;
            }
            let tw = state.target[w];
            if tw == Some(j)
                || (state.reassign_delta(w, Some(j)) < -EPS && state.can_take(w, tw, j))
            {
                self.push(w);
            }
        }
    }

    /// Descends from every round to a local optimum.
    fn run(&mut self, state: &mut State) {
        let n = state.problem.n_units();
        self.queued.resize(n, false);
        for u in 0..n {
            self.push(u);
        }
        let mut moves_left = MAX_MOVES_PER_UNIT * n.max(1);
        while let Some(u) = self.queue.pop_front() {
            if moves_left == 0 {
                break;
            }
            self.queued[u] = false;
            let Some(m) = best_move_of(state, u) else {
                continue;
            };
            moves_left -= 1;
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
    }
}

/// Descends from every round to a local optimum.
pub(crate) fn descend(state: &mut State) {
    Descent::default().run(state);
    state.resync();
}
