//! The default solver: annealing for the budget, then branch and bound from its answer to
//! prove optimality (small problems) or at least report a lower bound.

use crate::anneal::{AnnealConfig, Annealer};
use crate::exact::BranchAndBound;
use crate::problem::Problem;
use crate::solver::{Budget, Solution, Solver};

/// Annealing with the whole budget in iterations, then branch and bound with the same budget
/// in nodes, started from the annealing result.
#[derive(Debug, Clone, Copy, Default)]
pub struct Auto;

impl Solver for Auto {
    fn solve(&self, problem: &Problem, budget: Budget) -> Solution {
        let mut a = Annealer::new(problem, AnnealConfig::new(budget.iterations));
        a.step(budget.iterations);
        let best = a.best();
        let mut bb = BranchAndBound::new(problem, Some(&best.assignment));
        bb.step(budget.iterations);
        bb.solution()
    }
}
