//! The default solver: iterated local search for the budget, then branch and bound from its answer to
//! prove optimality (small problems) or at least report a lower bound.

use crate::exact::BranchAndBound;
use crate::ils::{IlsConfig, IteratedLocalSearch};
use crate::problem::Problem;
use crate::solver::{Budget, Solution, Solver};

/// Iterated local search with the budget in iterations (stopping early when the budget's
/// patience runs out), then branch and bound with the same budget in nodes, started from the
/// local-search result.
#[derive(Debug, Clone, Copy, Default)]
pub struct Auto;

impl Solver for Auto {
    fn solve(&self, problem: &Problem, budget: Budget) -> Solution {
        let mut ils = IteratedLocalSearch::new(problem, IlsConfig::default());
        ils.run(budget);
        let best = ils.best();
        let mut bb = BranchAndBound::new(problem, Some(&best.assignment));
        bb.step(budget.iterations);
        bb.solution()
    }
}
