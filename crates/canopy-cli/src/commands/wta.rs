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
    #[arg(long, value_parser = super::count, allow_negative_numbers = true)]
    time_limit_ms: Option<u64>,
    /// Counted budget (iterations and nodes) when no time limit is given.
    #[arg(long, default_value_t = 1000, value_parser = super::count, allow_negative_numbers = true)]
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
const SEARCH_SHARE: f64 = 0.8;
/// Share of the search time the local search gets before branch and bound, by problem size
/// in rounds: small problems are proved optimal, mid-sized ones get a lower bound, and large
/// ones spend everything on the local search (their bound would not be worth its time).
fn local_search_share(units: usize) -> Option<f64> {
    match units {
        0..=30 => Some(0.1),
        31..=60 => Some(0.5),
        _ => None,
    }
}

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
            let Some(share) = local_search_share(problem.n_units()) else {
                return search_until(problem, deadline).best();
            };
            let now = Instant::now();
            let left = deadline.saturating_duration_since(now);
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
    const CHUNK: u64 = 1;
    while !bb.finished() && Instant::now() < deadline {
        bb.step(CHUNK);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `text` as an instance in a fresh temporary directory (removed when dropped);
    /// returns (directory, instance, out).
    fn files(text: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let instance = dir.path().join("instance.json");
        std::fs::write(&instance, text).unwrap();
        let out = dir.path().join("solution.json");
        (dir, instance, out)
    }

    fn run(text: &str, time_limit_ms: Option<u64>) -> anyhow::Result<serde_json::Value> {
        let (_dir, instance, out) = files(text);
        let args = WtaArgs {
            instance,
            time_limit_ms,
            budget: 100,
            solver: "auto".into(),
            out: out.clone(),
        };
        execute(args)
            .map(|()| serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap())
    }

    /// The hand-worked 2×2 optimum (w0→t0, w1→t1: 10·0.1 + 4·0.1 = 1.4), proven.
    const TWO_BY_TWO: &str = r#"{"weapons": 2, "targets": 2, "values": [10, 4], "pk": [[0.9, 0.5], [0.5, 0.9]], "meta": {}}"#;

    #[test]
    fn solves_and_writes_the_solution() {
        for limit in [None, Some(50)] {
            let sol = run(TWO_BY_TWO, limit).unwrap();
            assert_eq!(sol["assignment"], serde_json::json!([0, 1]));
            assert!((sol["objective"].as_f64().unwrap() - 1.4).abs() < 1e-12);
            assert!((sol["lower_bound"].as_f64().unwrap() - 1.4).abs() < 1e-12);
            assert!(sol["time_ms"].as_f64().unwrap() >= 0.0);
        }
    }

    #[test]
    fn malformed_instances_are_reported() {
        let cases = [
            (
                "len",
                r#"{"weapons": 2, "targets": 2, "values": [10], "pk": [[0.9, 0.5], [0.5, 0.9]]}"#,
                "`values`",
            ),
            (
                "p",
                r#"{"weapons": 1, "targets": 1, "values": [10], "pk": [[1.2]]}"#,
                "`pk[0][0]`",
            ),
            (
                "neg",
                r#"{"weapons": 1, "targets": 1, "values": [-1], "pk": [[0.5]]}"#,
                "`values[0]`",
            ),
            (
                "nan",
                r#"{"weapons": 1, "targets": 1, "values": [NaN], "pk": [[0.5]]}"#,
                "line 1",
            ),
        ];
        for (name, text, needle) in cases {
            let err = run(text, None).expect_err(name);
            let msg = format!("{err:#}");
            assert!(
                msg.contains(needle) && msg.contains("instance.json"),
                "{name}: {msg}"
            );
        }
    }

    #[test]
    fn unknown_solver_is_reported() {
        let (_dir, instance, out) = files(TWO_BY_TWO);
        let args = WtaArgs {
            instance,
            time_limit_ms: None,
            budget: 10,
            solver: "magic".into(),
            out,
        };
        let msg = execute(args).expect_err("unknown solver").to_string();
        assert!(msg.contains("magic") && msg.contains("auto"), "{msg}");
    }
}
