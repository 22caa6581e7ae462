//! The common interface of all solvers: a counted budget in, a [`Solution`] out.

use crate::problem::Problem;

/// A counted effort limit (never wall-clock), so results are reproducible on any machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Iterations (annealing moves) or nodes (branch and bound) the solver may spend.
    pub iterations: u64,
    /// Local search stops early after this many iterations in a row that do not improve the
    /// best assignment (`None`: it spends every iteration).
    pub patience: Option<u64>,
}

impl Budget {
    /// A budget of `iterations` iterations or nodes, all of them spent.
    pub fn iterations(iterations: u64) -> Self {
        Self {
            iterations,
            patience: None,
        }
    }

    /// The same budget, with local search stopping after `patience` iterations in a row
    /// without improvement.
    pub fn with_patience(self, patience: u64) -> Self {
        Self {
            patience: Some(patience),
            ..self
        }
    }
}

/// A solver's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    /// Target of each unit (round), `None` when it does not fire; units are numbered
    /// shooter by shooter (see [`Problem::units_of`]).
    pub assignment: Vec<Option<usize>>,
    /// Expected surviving value plus weighted cost of the assignment.
    pub objective: f64,
    /// A proven lower bound on the optimum, when the solver computes one.
    pub lower_bound: Option<f64>,
    /// Whether the assignment is proven optimal.
    pub proven_optimal: bool,
}

impl Solution {
    /// Rounds of shooter `shooter` assigned to each target.
    pub fn rounds_per_target(&self, problem: &Problem, shooter: usize) -> Vec<u32> {
        let mut counts = vec![0; problem.n_targets()];
        for u in problem.units_of(shooter) {
            if let Some(j) = self.assignment[u] {
                counts[j] += 1;
            }
        }
        counts
    }
}

/// Anything that solves a [`Problem`] within a counted [`Budget`].
pub trait Solver {
    /// Solves `problem`, spending at most about `budget`.
    fn solve(&self, problem: &Problem, budget: Budget) -> Solution;
}
