//! `canopy wta`: solve a weapon-target assignment instance file.
//!
//! With `--time-limit-ms` the command converts the wall-clock limit into counted work: it
//! runs the anytime solvers in chunks and checks the clock between chunks, so its results may
//! depend on the machine's speed. With `--budget` (and no time limit) the result depends only
//! on the instance and the budget.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use canopy_wta::{
    BranchAndBound, Budget, IlsConfig, InstanceFile, IteratedLocalSearch, Problem, Solution,
    SolutionFile, Solver, SolverKind,
};

/// Arguments of `canopy wta`.
#[derive(clap::Args)]
pub struct WtaArgs {
    /// Instance file (JSON: weapons, targets, values, pk, optional cost, lambda, forbidden).
    instance: PathBuf,
    /// Wall-clock limit in milliseconds, reading and writing included.
    #[arg(long)]
    time_limit_ms: Option<u64>,
    /// Counted budget (iterations and nodes) when no time limit is given.
    #[arg(long, default_value_t = 1_000_000)]
    budget: u64,
    /// Solver: auto (default, the best), ils, exact or greedy.
    #[arg(long, default_value = "auto")]
    solver: String,
    /// Where to write the solution (JSON).
    #[arg(long)]
    out: PathBuf,
}

/// Runs the subcommand.
pub fn execute(args: WtaArgs) -> anyhow::Result<()> {
    let start = Instant::now();
    let Some(kind) = SolverKind::from_name(&args.solver) else {
        let names: Vec<_> = SolverKind::ALL.iter().map(|k| k.name()).collect();
        bail!(
            "unknown solver `{}`; choose one of {}",
            args.solver,
            names.join(", ")
        );
    };
    let problem = InstanceFile::read(&args.instance)?;
    let solution = match args.time_limit_ms {
        None => kind.solve(&problem, Budget::iterations(args.budget)),
        Some(ms) => solve_timed(&problem, kind, start, Duration::from_millis(ms)),
    };
    let time_ms = start.elapsed().as_secs_f64() * 1e3;
    SolutionFile::new(&solution, time_ms)
        .write(&args.out)
        .with_context(|| format!("writing the solution to {}", args.out.display()))?;
    Ok(())
}

/// Share of the limit the search may use; the rest covers the final polish and the write.
const SEARCH_SHARE: f64 = 0.85;
/// Up to this many rounds, branch and bound gets most of the time (it can prove optimality).
const SMALL_UNITS: usize = 30;

/// Runs `kind` until the clock nears `start + limit`.
fn solve_timed(problem: &Problem, kind: SolverKind, start: Instant, limit: Duration) -> Solution {
    let deadline = start + limit.mul_f64(SEARCH_SHARE);
    match kind {
        SolverKind::Greedy => kind.solve(problem, Budget::iterations(0)),
        SolverKind::Ils => search_until(problem, deadline).best(),
        SolverKind::Exact => {
            let mut bb = BranchAndBound::new(problem, None);
            prove_until(&mut bb, deadline);
            bb.solution()
        }
        SolverKind::Auto => {
            let now = Instant::now();
            let left = deadline.saturating_duration_since(now);
            let share = if problem.n_units() <= SMALL_UNITS {
                0.3
            } else {
                0.97
            };
            let searched = search_until(problem, now + left.mul_f64(share)).best();
            let mut bb = BranchAndBound::new(problem, Some(&searched.assignment));
            prove_until(&mut bb, deadline);
            bb.solution()
        }
    }
}

/// Runs the iterated local search one iteration at a time until `deadline`.
fn search_until(problem: &Problem, deadline: Instant) -> IteratedLocalSearch<'_> {
    let mut search = IteratedLocalSearch::new(problem, IlsConfig::default());
    while Instant::now() < deadline {
        search.step(1);
    }
    search
}

/// Runs branch and bound in chunks until it finishes or `deadline` passes.
fn prove_until(bb: &mut BranchAndBound<'_>, deadline: Instant) {
    const CHUNK: u64 = 2000;
    while !bb.finished() && Instant::now() < deadline {
        bb.step(CHUNK);
    }
}
