//! `canopy merge`: the directories of the shards of one Monte Carlo into the outputs one machine
//! would have written, and, given the scenario, its `report.html`.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use canopy_analysis::parts::read_manifest;
use canopy_analysis::scenario_hash;
use canopy_scenario::{Overlay, load_scenario_with};
use canopy_sim::PreparedScenario;

/// Arguments of `canopy merge`.
#[derive(clap::Args)]
pub struct MergeArgs {
    /// Monte Carlo directories written by `canopy mc --shard K/N` (same scenario, seed and runs).
    #[arg(required = true)]
    pub dirs: Vec<PathBuf>,
    /// Output directory.
    #[arg(long)]
    pub out: PathBuf,
    /// The scenario file the shards ran (with the same `--set`s), to write `report.html`; it must
    /// be the very text the shards ran (its hash is checked against their manifest).
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// The overlays the shards ran with, `KEY=VALUE` (repeatable; docs/compare.md).
    #[arg(long = "set", value_parser = Overlay::parse, requires = "scenario")]
    pub sets: Vec<Overlay>,
}

/// Merges the shards, writes the report when the scenario is given, and prints the headline
/// figures.
pub fn execute(args: MergeArgs) -> anyhow::Result<()> {
    let sources: Vec<&Path> = args.dirs.iter().map(PathBuf::as_path).collect();
    let prepared = match &args.scenario {
        Some(file) => Some(scenario_of_shards(file, &args.sets, &sources)?),
        None => None,
    };
    let outputs = canopy_analysis::merge(&sources, &args.out)?;
    match prepared {
        Some(prepared) => {
            let manifest = read_manifest(&args.out)?
                .context("the merged directory has no parts/manifest.json")?;
            canopy_report::write_mc_report(&args.out, &prepared, &manifest, &outputs, 0)?;
        }
        None => println!("no report.html: give --scenario FILE (and its --set) to write one"),
    }
    print!("{}", super::mc::headline(&outputs.summary, &args.out));
    Ok(())
}

/// Loads the scenario and checks that its text is the one the first shard ran.
fn scenario_of_shards(
    file: &Path,
    sets: &[Overlay],
    sources: &[&Path],
) -> anyhow::Result<PreparedScenario> {
    let (scenario, text) = load_scenario_with(file, sets)?;
    let hash = scenario_hash(&text);
    let Some(first) = sources.first() else {
        bail!("merge needs at least one Monte Carlo directory");
    };
    let manifest = read_manifest(first)?.with_context(|| {
        format!(
            "{} has no parts/manifest.json: not a Monte Carlo directory",
            first.display()
        )
    })?;
    if manifest.scenario_hash != hash {
        bail!(
            "--scenario {}{}: its text hashes to {hash}, but the shards in {} ran a scenario \
             hashing to {} (`{}`); give the file and the --set overlays the shards ran with",
            file.display(),
            if sets.is_empty() {
                String::new()
            } else {
                format!(
                    " with {}",
                    sets.iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            },
            first.display(),
            manifest.scenario_hash,
            manifest.scenario
        );
    }
    Ok(PreparedScenario::new(scenario))
}
