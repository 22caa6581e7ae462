//! Weapon-target assignment (WTA): which round engages which threat.
//!
//! The static problem: targets `j` with value `V_j`, rounds `u` with kill probability
//! `p_uj`; each round fires at most once; minimise the expected surviving value plus the
//! weighted cost of the rounds fired,
//! `Σ_j V_j Π_{u→j} (1 − p_uj) + λ Σ_{u fired} cost_u`.
//! Extensions: forbidden pairs, round costs, salvo limits per shooter, shooters with several
//! identical rounds, and reserve rules that keep rounds for a class of targets.
//!
//! ```
//! use canopy_wta::{Budget, ProblemBuilder, Solver, SolverKind};
//! let problem = ProblemBuilder::new(vec![10.0, 4.0])
//!     .single_shooters(vec![vec![0.9, 0.5], vec![0.5, 0.9]])
//!     .build()
//!     .unwrap();
//! let solution = SolverKind::Auto.solve(&problem, Budget::iterations(1000));
//! assert_eq!(solution.assignment, vec![Some(0), Some(1)]);
//! assert!(solution.proven_optimal);
//! ```
//!
//! Every solver takes a counted [`Budget`] (iterations or nodes), never a clock, so a result
//! depends only on the problem and the budget. The anytime solvers ([`IteratedLocalSearch`],
//! [`BranchAndBound`]) run in steps, so a caller with a wall-clock limit can step until the
//! limit nears; results obtained that way depend on the machine's speed.

mod auto;
mod dense;
mod descent;
mod exact;
mod exchange;
mod greedy;
mod hungarian;
mod ils;
mod instance;
mod problem;
mod solver;
mod state;

pub use auto::Auto;
pub use exact::{BranchAndBound, Exact};
pub use greedy::Greedy;
pub use ils::{IlsConfig, IteratedLocalSearch, LocalSearch};
pub use instance::{InstanceError, InstanceFile, SolutionFile};
pub use problem::{Problem, ProblemBuilder, ProblemError, Reserve, Shooter};
pub use solver::{Budget, Solution, Solver};

/// The solvers by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SolverKind {
    /// Maximum-marginal-return greedy.
    Greedy,
    /// Iterated local search with incremental move evaluation.
    Ils,
    /// Branch and bound.
    Exact,
    /// Iterated local search, then branch and bound from its answer (the default).
    Auto,
}

impl SolverKind {
    /// All solvers, default first.
    pub const ALL: [SolverKind; 4] = [Self::Auto, Self::Ils, Self::Exact, Self::Greedy];

    /// The command-line name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Greedy => "greedy",
            Self::Ils => "ils",
            Self::Exact => "exact",
            Self::Auto => "auto",
        }
    }

    /// The solver of a command-line name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }
}

impl Solver for SolverKind {
    fn solve(&self, problem: &Problem, budget: Budget) -> Solution {
        match self {
            Self::Greedy => Greedy.solve(problem, budget),
            Self::Ils => LocalSearch.solve(problem, budget),
            Self::Exact => Exact.solve(problem, budget),
            Self::Auto => Auto.solve(problem, budget),
        }
    }
}
