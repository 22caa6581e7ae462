//! Maximum-marginal-return (MMR) greedy: repeatedly fire the free round whose engagement
//! removes the most expected surviving value net of its weighted cost.

use crate::problem::Problem;
use crate::solver::{Budget, Solution, Solver};
use crate::state::State;

/// Best feasible target of free unit `u` and its net gain (`None` if no target gains).
fn best_target(state: &State, u: usize) -> Option<(f64, usize)> {
    let p = state.problem;
    let v = p.values();
    let row = p.survival_row(u);
    let cost = p.unit_cost(u);
    let mut best: Option<(f64, usize)> = None;
    for j in 0..row.len() {
        let gain = v[j] * state.surv(j) * (1.0 - row[j]) - cost;
        if gain > 0.0 && best.is_none_or(|(g, _)| gain > g) && state.can_take(u, None, j) {
            best = Some((gain, j));
        }
    }
    best
}

/// Fills `state` (starting from its current assignment) by MMR greedy over its free units.
pub(crate) fn fill_greedy(state: &mut State) {
    let p = state.problem;
    let n = p.n_units();
    let mut best: Vec<Option<(f64, usize)>> = (0..n)
        .map(|u| {
            if state.target[u].is_none() {
                best_target(state, u)
            } else {
                None
            }
        })
        .collect();
    loop {
        let mut pick: Option<(f64, usize)> = None;
        for (u, b) in best.iter().enumerate() {
            if let Some((g, _)) = *b
                && pick.is_none_or(|(pg, _)| g > pg)
            {
                pick = Some((g, u));
            }
        }
        let Some((_, u)) = pick else { break };
        let (_, j) = best[u].take().expect("picked unit has a best target");
        state.add(u, j);
        let s = p.shooter_of(u);
        for (w, b) in best.iter_mut().enumerate() {
            if let Some((_, bj)) = *b
                && (bj == j || p.shooter_of(w) == s)
            {
                *b = best_target(state, w);
            }
        }
    }
}

/// The MMR greedy solver (the budget is not used: greedy makes one pass).
#[derive(Debug, Clone, Copy, Default)]
pub struct Greedy;

impl Solver for Greedy {
    fn solve(&self, problem: &Problem, _budget: Budget) -> Solution {
        let mut state = State::new(problem);
        fill_greedy(&mut state);
        let objective = problem.objective(&state.target);
        Solution {
            assignment: state.target,
            objective,
            lower_bound: None,
            proven_optimal: false,
        }
    }
}
