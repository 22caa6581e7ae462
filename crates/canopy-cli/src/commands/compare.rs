//! `canopy compare`: Monte Carlo batches of scenario options with common random numbers, and the
//! table of their metrics with the paired difference to the first option (docs/compare.md).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use canopy_analysis::Execution;
use canopy_analysis::compare::{
    OptionSpec, Shared, load_batches, run_comparison, write_comparison,
};
use indicatif::{ProgressBar, ProgressStyle};

/// Arguments of `canopy compare`.
#[derive(clap::Args)]
pub struct CompareArgs {
    /// One scenario file with `--option`s, or several scenario files compared whole.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// An option: `NAME:KEY=VALUE[,KEY=VALUE...]` (overlays on the file; `NAME:` alone is the
    /// file as it is). Repeat for each option; the first is the reference.
    #[arg(long = "option")]
    pub options: Vec<String>,
    /// Common settings for every option, `KEY=VALUE` (repeatable).
    #[arg(long = "set")]
    pub sets: Vec<String>,
    #[command(flatten)]
    pub batch: BatchArgs,
}

/// Settings shared by `compare` and `sweep`.
#[derive(clap::Args)]
pub struct BatchArgs {
    /// Replications per option.
    #[arg(long, default_value_t = 200, value_parser = super::count, allow_negative_numbers = true)]
    pub runs: u64,
    /// Master seed shared by every option (default: the first scenario's `seed`).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Worker threads (0: one per core). Results do not depend on it.
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// The picture and the planner.
    #[command(flatten)]
    pub c2: super::c2_args::C2Args,
    /// Output directory: compare.json, compare.csv, report.html and one Monte Carlo directory
    /// per option (options/NN with its own report.html, resumable like `canopy mc`).
    #[arg(long)]
    pub out: PathBuf,
}

/// Runs the comparison and prints its table.
pub fn execute(args: CompareArgs) -> anyhow::Result<()> {
    let specs = if args.options.is_empty() {
        if args.files.len() < 2 {
            bail!("give two or more scenario files, or one file and --option NAME:KEY=VALUE,...");
        }
        args.files
            .iter()
            .map(|file| OptionSpec {
                name: file.file_stem().map_or_else(
                    || file.display().to_string(),
                    |s| s.to_string_lossy().into(),
                ),
                file: file.clone(),
                sets: args.sets.clone(),
            })
            .collect()
    } else {
        let [file] = args.files.as_slice() else {
            bail!("--option needs exactly one scenario file");
        };
        args.options
            .iter()
            .map(|option| parse_option(option, file, &args.sets))
            .collect::<anyhow::Result<Vec<_>>>()?
    };
    let title = format!("Canopy comparison: {}", names(&specs));
    run_and_report(&specs, &args.batch, &title)
}

/// The options' names joined for a title: `a vs b vs c`.
fn names(specs: &[OptionSpec]) -> String {
    specs
        .iter()
        .map(|s| s.name.as_str())
        .collect::<Vec<_>>()
        .join(" vs ")
}

/// Reads `NAME:KEY=VALUE[,KEY=VALUE...]`.
fn parse_option(text: &str, file: &Path, common: &[String]) -> anyhow::Result<OptionSpec> {
    let (name, sets) = text
        .split_once(':')
        .with_context(|| format!("--option `{text}` is not NAME:KEY=VALUE[,KEY=VALUE...]"))?;
    if name.trim().is_empty() {
        bail!("--option `{text}`: the option needs a name before `:`");
    }
    let mut all = common.to_vec();
    all.extend(
        sets.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string),
    );
    Ok(OptionSpec {
        name: name.trim().to_string(),
        file: file.to_path_buf(),
        sets: all,
    })
}

/// Loads every option, runs them with the same seed and replications, prints the table and
/// writes it, with `report.html` (headed `title`), to the output directory.
pub fn run_and_report(specs: &[OptionSpec], args: &BatchArgs, title: &str) -> anyhow::Result<()> {
    let shared = Shared {
        runs: args.runs,
        seed: args.seed,
        picture: args.c2.picture,
        planner: args.c2.planner,
    };
    let batches = load_batches(specs, shared)?;
    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(args.runs * batches.len() as u64);
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
        batch_size: canopy_analysis::DEFAULT_BATCH_SIZE,
        stop_after: None,
        cancel: None,
    };
    let (comparison, outputs) = run_comparison(&batches, &args.out, execution, &|| bar.inc(1))?;
    bar.finish_and_clear();
    for (batch, outputs) in batches.iter().zip(&outputs) {
        canopy_report::write_mc_report(
            &args.out.join(&batch.info.dir),
            &batch.prepared,
            &batch.manifest,
            outputs,
            0,
        )?;
    }
    write_comparison(&args.out, &comparison)?;
    canopy_report::compare_report(&comparison, title)
        .write(&args.out.join("report.html"))
        .context("writing report.html")?;
    print!("{}", comparison.render());
    println!(
        "-> {} and {}",
        args.out.join("compare.csv").display(),
        args.out.join("report.html").display()
    );
    Ok(())
}
