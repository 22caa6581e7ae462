//! `canopy merge`: the directories of the shards of one Monte Carlo into the outputs one machine
//! would have written.

use std::path::PathBuf;

/// Arguments of `canopy merge`.
#[derive(clap::Args)]
pub struct MergeArgs {
    /// Monte Carlo directories written by `canopy mc --shard K/N` (same scenario, seed and runs).
    #[arg(required = true)]
    pub dirs: Vec<PathBuf>,
    /// Output directory.
    #[arg(long)]
    pub out: PathBuf,
}

/// Merges the shards and prints the headline figures.
pub fn execute(args: MergeArgs) -> anyhow::Result<()> {
    let sources: Vec<&std::path::Path> = args.dirs.iter().map(PathBuf::as_path).collect();
    let outputs = canopy_analysis::merge(&sources, &args.out)?;
    print!("{}", super::mc::headline(&outputs.summary, &args.out));
    Ok(())
}
