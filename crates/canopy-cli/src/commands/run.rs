//! `canopy run`: one replication of a scenario, summarised.

use std::path::PathBuf;

use anyhow::Context;
use canopy_io::{JsonLinesRecorder, write_json};
use canopy_sim::{Observer, PreparedScenario, RunOptions};

use crate::summary;

/// The night to simulate: the scenario, its overlays, the seed, the picture and the planner
/// (shared by `canopy run` and `canopy serve`, so both simulate the same night from the same
/// arguments).
#[derive(clap::Args)]
pub struct NightArgs {
    /// Scenario file (default: scenarios/western-shield.toml).
    pub file: Option<PathBuf>,
    /// Master seed (default: the scenario's `seed`).
    #[arg(long)]
    pub seed: Option<u64>,
    /// The picture and the planner.
    #[command(flatten)]
    pub c2: super::c2_args::C2Args,
    /// Change the scenario before it is validated, `KEY=VALUE` (repeatable; docs/compare.md).
    #[arg(long = "set", value_parser = canopy_scenario::Overlay::parse)]
    pub sets: Vec<canopy_scenario::Overlay>,
}

impl NightArgs {
    /// The scenario file named, or the default scenario.
    pub fn path(&self) -> PathBuf {
        self.file
            .clone()
            .unwrap_or_else(canopy_scenario::default_scenario_path)
    }

    /// Loads and prepares the scenario with its overlays, and the options of replication 0.
    pub fn prepare(&self) -> anyhow::Result<(PreparedScenario, RunOptions)> {
        Ok(canopy_analysis::load_night(
            &self.path(),
            &self.sets,
            self.seed,
            self.c2.picture,
            self.c2.planner,
        )?)
    }
}

/// Arguments of `canopy run`.
#[derive(clap::Args)]
pub struct RunArgs {
    /// The night: scenario, seed, picture, planner and overlays.
    #[command(flatten)]
    pub night: NightArgs,
    /// Write the run's metrics (RunMetrics, docs/metrics.md) as JSON here.
    #[arg(long)]
    pub json: Option<PathBuf>,
    /// Write the event log (docs/events.md) as JSON Lines here.
    #[arg(long)]
    pub events: Option<PathBuf>,
    /// The night as DIS PDUs.
    #[command(flatten)]
    pub dis: super::dis_args::DisArgs,
}

/// Runs the scenario and prints its summary.
pub fn execute(args: RunArgs) -> anyhow::Result<()> {
    let (prepared, options) = args.night.prepare()?;
    let mut recorder = JsonLinesRecorder::new();
    let mut observers: Vec<&mut dyn Observer> = Vec::new();
    if args.events.is_some() {
        observers.push(&mut recorder);
    }
    let outcome = canopy_sim::run(&prepared, &options, &mut observers);
    let overlays: Vec<String> = args.night.sets.iter().map(ToString::to_string).collect();
    print!("{}", summary::render(&outcome.metrics, &overlays));
    if let Some(json) = &args.json {
        write_json(json, &outcome.metrics).context("writing the --json summary")?;
        println!("wrote {} (run summary)", json.display());
    }
    if let Some(events) = &args.events {
        recorder.write(events).context("writing the --events log")?;
        let count = canopy_core::human::count(recorder.event_count());
        println!("wrote {} ({count} events)", events.display());
    }
    args.dis.output(&prepared, &outcome.events)
}
