//! `canopy mc`: many replications of a scenario in parallel, written to a directory as
//! `runs.parquet`, `summary.json`, `meta.json` and, when asked, `events.parquet` (docs/mc.md).

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Context;
use canopy_analysis::figures::{PerNight, SummaryProportion};
use canopy_analysis::{Execution, Manifest, Shard, Summary, run_experiment};
use canopy_sim::PreparedScenario;
use indicatif::{ProgressBar, ProgressStyle};

/// Arguments of `canopy mc`.
#[derive(clap::Args)]
pub struct McArgs {
    /// Scenario file (default: scenarios/western-shield.toml).
    pub file: Option<PathBuf>,
    /// Replications of the whole experiment (all shards together).
    #[arg(long, default_value_t = 100, value_parser = super::count, allow_negative_numbers = true)]
    pub runs: u64,
    /// Master seed (default: the scenario's `seed`); replication 0 equals `canopy run --seed S`.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Worker threads (0: one per core). Results do not depend on it.
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// Output directory; finished replications are kept in DIR/parts, so running the same command
    /// again resumes an interrupted run.
    #[arg(long)]
    pub out: PathBuf,
    /// Also write every event of every replication to events.parquet.
    #[arg(long)]
    pub events: bool,
    /// Run only slice K of N (1-based) of the replications; merge the directories with
    /// `canopy merge`.
    #[arg(long, value_parser = Shard::parse)]
    pub shard: Option<Shard>,
    /// The picture and the planner.
    #[command(flatten)]
    pub c2: super::c2_args::C2Args,
    /// Replications per part file (the unit kept when interrupted).
    #[arg(long, default_value_t = canopy_analysis::DEFAULT_BATCH_SIZE, value_parser = super::count, allow_negative_numbers = true)]
    pub batch: u64,
    /// Change the scenario before it is validated, `KEY=VALUE` (repeatable; docs/compare.md).
    #[arg(long = "set", value_parser = canopy_scenario::Overlay::parse)]
    pub sets: Vec<canopy_scenario::Overlay>,
    /// Stop after this many replications of this call, as an interruption would (for tests).
    #[arg(long, hide = true)]
    pub stop_after: Option<u64>,
}

/// Runs the Monte Carlo and prints its headline figures.
pub fn execute(args: McArgs) -> anyhow::Result<()> {
    let path = args
        .file
        .unwrap_or_else(canopy_scenario::default_scenario_path);
    let (scenario, text) = canopy_scenario::load_scenario_with(&path, &args.sets)?;
    let manifest = Manifest {
        picture: args.c2.picture,
        planner: args.c2.planner,
        events: args.events,
        ..Manifest::for_scenario(&scenario, &text, args.seed, args.runs)
    };
    let prepared = PreparedScenario::new(scenario);
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let shard = args.shard.unwrap_or(Shard::WHOLE);
    let range = shard.range(manifest.runs);
    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(range.end - range.start);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} replications, {per_sec}, ETA {eta}")
                .expect("valid progress template"),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let execution = Execution {
        threads: args.threads,
        batch_size: args.batch,
        stop_after: args.stop_after,
        cancel: None,
    };
    let outcome = run_experiment(&prepared, &manifest, &args.out, shard, execution, &|| {
        bar.inc(1)
    })?;
    bar.finish_and_clear();
    match outcome {
        Some(outputs) => {
            canopy_report::write_mc_report(&args.out, &prepared, &manifest, &outputs, range.start)?;
            print!("{}", headline(&outputs.summary, &args.out));
        }
        None => println!(
            "stopped early; finished replications are in {}; run the same command again to resume",
            args.out.join("parts").display()
        ),
    }
    Ok(())
}

/// The few figures worth a glance, with their 95 % intervals.
pub fn headline(summary: &Summary, out: &std::path::Path) -> String {
    let runs = canopy_core::human::count(summary.runs);
    let mut text = format!("{runs} replications -> {}\n", out.display());
    for which in SummaryProportion::HEADLINE {
        let name = which.name();
        match summary.proportion(which) {
            Some(p) => {
                if let Some(p) = p.estimate_with_interval() {
                    text.push_str(&format!("{name:<24} {p}\n"));
                }
            }
            None => text.push_str(&format!("{name:<24} not in the summary\n")),
        }
    }
    fn tenth(x: f64) -> String {
        format!("{x:.1}")
    }
    let figures = [
        (
            PerNight::Leaked,
            "leakers per night",
            tenth as fn(f64) -> String,
        ),
        (PerNight::CostUsd, "cost per night", canopy_core::human::usd),
    ];
    for (which, label, shown) in figures {
        if let Some(d) = summary.distribution(which) {
            let m = &d.moments;
            let ci = m
                .ci95
                .map(|ci| format!(" (95% CI {} to {})", shown(ci.low), shown(ci.high)))
                .unwrap_or_default();
            text.push_str(&format!(
                "{label:<24} mean {}{ci}, sd {}\n",
                shown(m.mean),
                shown(m.sd)
            ));
        }
    }
    text
}
