//! `canopy sweep`: the grid of options spanned by a few parameters, compared like
//! `canopy compare` (docs/compare.md).

use std::path::PathBuf;

use canopy_analysis::sweep::{Param, sweep_options};

use super::compare::{BatchArgs, run_and_report};

/// Arguments of `canopy sweep`.
#[derive(clap::Args)]
pub struct SweepArgs {
    /// Scenario file.
    pub file: PathBuf,
    /// A swept parameter, `KEY=v1,v2,...` (repeatable; the grid is every combination, the first
    /// parameter varying slowest; the first combination is the reference).
    #[arg(long = "param", value_parser = Param::parse, required = true)]
    pub params: Vec<Param>,
    /// Common settings for every option, `KEY=VALUE` (repeatable).
    #[arg(long = "set")]
    pub sets: Vec<String>,
    #[command(flatten)]
    pub batch: BatchArgs,
}

/// Runs the grid and prints its table.
pub fn execute(args: SweepArgs) -> anyhow::Result<()> {
    let specs = sweep_options(&args.file, &args.params, &args.sets);
    let keys: Vec<&str> = args.params.iter().map(|p| p.key.as_str()).collect();
    let title = format!("Canopy sweep: {}", keys.join(" × "));
    run_and_report(&specs, &args.batch, &title)
}
