//! The multi-exchange neighbourhood (in the spirit of Ahuja, Kumar, Jha and Orlin's very
//! large-scale neighbourhood search), searched exactly by an assignment problem.
//!
//! Take one round from each of a set of targets (plus some free rounds) and reinsert them so
//! that every target receives at most one of them, or leave them unfired. Each target then
//! ends with survival `s'_j · q_uj` for the one round `u` it receives, so the objective is
//! separable and the best reinsertion is a minimum-cost assignment. Cycles and paths of any
//! length among the chosen targets (and plain reassignments and swaps) are all in it.
//! Rounds of shooters with a reserve rule are left to the simple moves.

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::Rng;

use crate::hungarian::SparseAssignment;
use crate::state::State;

/// Reusable buffers of the exchange step.
#[derive(Debug, Clone, Default)]
pub(crate) struct Exchange {
    order: Vec<usize>,
    at_target: Vec<Vec<usize>>,
    rows: Vec<usize>,
    own: Vec<Option<usize>>,
    candidates: Vec<(f64, usize)>,
    cost: Vec<f64>,
    keep: Vec<bool>,
    assignment: SparseAssignment,
}

/// Cheapest targets kept per round, and cheapest rounds per target, in the assignment graph.
const CANDIDATES: usize = 12;

/// Calls `mark` on the index of each of the `CANDIDATES` cheapest finite entries.
fn mark_cheapest(entries: &mut [(f64, usize)], mut mark: impl FnMut(usize)) {
    if entries.len() > CANDIDATES {
        entries.select_nth_unstable_by(CANDIDATES - 1, |a, b| a.0.total_cmp(&b.0));
    }
    for &(w, i) in entries.iter().take(CANDIDATES) {
        if w.is_finite() {
            mark(i);
        }
    }
}

/// Uniform integer in `0..n` from 32 random bits (multiply-shift).
#[inline]
pub(crate) fn below(bits: u32, n: usize) -> usize {
    ((bits as u64 * n as u64) >> 32) as usize
}

impl Exchange {
    /// Re-optimises one round from each of `k` random targets (and up to `k` free rounds);
    /// never worsens the assignment.
    pub(crate) fn step(&mut self, state: &mut State, rng: &mut ChaCha8Rng, k: usize) {
        let p = state.problem;
        let (n_units, t) = (p.n_units(), p.n_targets());
        if t == 0 || n_units == 0 {
            return;
        }
        let movable = |u: usize| p.other_class_cap(p.shooter_of(u)).1.is_none();
        self.at_target.resize_with(t, Vec::new);
        for list in &mut self.at_target {
            list.clear();
        }
        self.rows.clear();
        let mut free = 0;
        for u in 0..n_units {
            if !movable(u) {
                continue;
            }
            match state.target[u] {
                Some(j) => self.at_target[j].push(u),
                // free rounds join (up to k of them), each with probability one half
                None if free < k && below(rng.next_u32(), 2) == 0 => {
                    self.rows.push(u);
                    free += 1;
                }
                None => {}
            }
        }
        // a random subset of k targets (partial Fisher-Yates)
        self.order.clear();
        self.order.extend(0..t);
        let k = k.min(t);
        for a in 0..k {
            let b = a + below(rng.next_u32(), t - a);
            self.order.swap(a, b);
            let list = &self.at_target[self.order[a]];
            if !list.is_empty() {
                self.rows.push(list[below(rng.next_u32(), list.len())]);
            }
        }
        let n = self.rows.len();
        if n == 0 {
            return;
        }
        self.own.clear();
        for &u in &self.rows {
            self.own.push(state.target[u]);
            if let Some(j) = state.target[u] {
                state.remove(u, j);
            }
        }
        let v = p.values();
        let need_none = p.has_costs() || free > 0;
        let m = if need_none { t + n } else { t };
        // dense costs, then a sparse graph: each round's cheapest targets, each target's
        // cheapest rounds, and each round's own target (so the current assignment is in it)
        self.cost.clear();
        self.cost.resize(n * t, f64::INFINITY);
        self.keep.clear();
        self.keep.resize(n * t, false);
        for (r, &u) in self.rows.iter().enumerate() {
            let c = p.unit_cost(u);
            for (j, &value) in v.iter().enumerate() {
                if state.can_take(u, None, j) {
                    self.cost[r * t + j] = value * state.surv(j) * (p.survival(u, j) - 1.0) + c;
                }
            }
            if let Some(j) = self.own[r] {
                self.keep[r * t + j] = true;
            }
            self.candidates.clear();
            self.candidates
                .extend((0..t).map(|j| (self.cost[r * t + j], j)));
            mark_cheapest(&mut self.candidates, |j| self.keep[r * t + j] = true);
        }
        for j in 0..t {
            self.candidates.clear();
            self.candidates
                .extend((0..n).map(|r| (self.cost[r * t + j], r)));
            mark_cheapest(&mut self.candidates, |r| self.keep[r * t + j] = true);
        }
        self.assignment.clear();
        for r in 0..n {
            for j in 0..t {
                if self.keep[r * t + j] {
                    self.assignment.edge(j, self.cost[r * t + j]);
                }
            }
            if need_none {
                self.assignment.edge(t + r, 0.0);
            }
            self.assignment.end_row();
        }
        let cols = self.assignment.solve(m);
        for (r, &u) in self.rows.iter().enumerate() {
            if cols[r] < t {
                state.add(u, cols[r]);
            }
        }
    }
}
