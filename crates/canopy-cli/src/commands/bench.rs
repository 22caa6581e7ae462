//! `canopy bench`: how long one replication of a scenario takes (release build, one thread).

use std::path::PathBuf;
use std::time::Instant;

use canopy_sim::{PreparedScenario, RunOptions};

/// Arguments of `canopy bench`.
#[derive(clap::Args)]
pub struct BenchArgs {
    /// Scenario file (default: scenarios/western-shield.toml).
    pub file: Option<PathBuf>,
    /// Replications to time.
    #[arg(long, default_value_t = 50, value_parser = super::count, allow_negative_numbers = true)]
    pub runs: u64,
    /// The picture and the planner.
    #[command(flatten)]
    pub c2: super::c2_args::C2Args,
}

/// Times scenario preparation once and `runs` replications (seeds 0..runs), and prints both.
pub fn execute(args: BenchArgs) -> anyhow::Result<()> {
    let path = args
        .file
        .unwrap_or_else(canopy_scenario::default_scenario_path);
    let started = Instant::now();
    let scenario = canopy_scenario::load_scenario(&path)?;
    let loaded = started.elapsed();
    let prepared = PreparedScenario::new(scenario);
    let prepared_in = started.elapsed() - loaded;
    let mut durations = Vec::new();
    let mut destroyed = 0u64;
    for replication in 0..args.runs.max(1) {
        let options = RunOptions {
            seed: prepared.scenario.seed,
            replication,
            picture: args.c2.picture,
            planner: args.c2.planner,
        };
        let start = Instant::now();
        let outcome = canopy_sim::run(&prepared, &options, &mut []);
        durations.push(start.elapsed().as_secs_f64() * 1e3);
        destroyed += u64::from(outcome.metrics.destroyed);
    }
    durations.sort_by(f64::total_cmp);
    let mean = durations.iter().sum::<f64>() / durations.len() as f64;
    println!(
        "scenario {}: load {:.1} ms, prepare {:.1} ms (once)",
        prepared.scenario.name,
        loaded.as_secs_f64() * 1e3,
        prepared_in.as_secs_f64() * 1e3
    );
    println!(
        "one replication over {} runs: mean {:.2} ms, median {:.2} ms, min {:.2} ms, max {:.2} ms (mean destroyed {:.1})",
        durations.len(),
        mean,
        durations[durations.len() / 2],
        durations[0],
        durations[durations.len() - 1],
        destroyed as f64 / durations.len() as f64
    );
    Ok(())
}
