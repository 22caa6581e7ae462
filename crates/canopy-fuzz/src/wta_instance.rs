//! A weapon-target assignment instance: refused with a message, or every solver returns an
//! assignment that respects the instance (forbidden pairs, salvos, reserves), whose objective is
//! finite and the one the instance gives it; a solution proven optimal is at least as good as
//! every other solver's.

use std::path::Path;

use canopy_wta::{Budget, InstanceFile, Solution, Solver, SolverKind};

use crate::scenario::assert_message;

/// Iterations and nodes each solver may spend: enough to search, few enough to fuzz quickly.
const BUDGET: u64 = 200;

/// Reads `data` as an instance and solves it with every solver.
pub fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let problem = match InstanceFile::parse(&text, Path::new("fuzzed.json")) {
        Ok(problem) => problem,
        Err(err) => return assert_message(&err.to_string()),
    };
    let solutions: Vec<(SolverKind, Solution)> = SolverKind::ALL
        .into_iter()
        .map(|kind| (kind, kind.solve(&problem, Budget::iterations(BUDGET))))
        .collect();
    for (kind, solution) in &solutions {
        let name = kind.name();
        if let Err(problem_found) = problem.check(&solution.assignment) {
            panic!("{name}: an infeasible assignment: {problem_found}");
        }
        let objective = problem.objective(&solution.assignment);
        assert!(
            solution.objective.is_finite(),
            "{name}: objective {}",
            solution.objective
        );
        assert!(
            close(solution.objective, objective),
            "{name}: reports {} for an assignment worth {objective}",
            solution.objective
        );
        if let Some(bound) = solution.lower_bound {
            assert!(
                bound <= objective + tolerance(objective),
                "{name}: lower bound {bound} above its own objective {objective}"
            );
        }
    }
    for (kind, optimum) in solutions.iter().filter(|(_, s)| s.proven_optimal) {
        for (other, solution) in &solutions {
            assert!(
                optimum.objective <= solution.objective + tolerance(solution.objective),
                "{} proved {} optimal but {} found {}",
                kind.name(),
                optimum.objective,
                other.name(),
                solution.objective
            );
        }
    }
}

/// Rounding allowed between two sums of the same terms in another order.
fn tolerance(x: f64) -> f64 {
    1e-9 * x.abs().max(1.0)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= tolerance(a.abs().max(b.abs()))
}
