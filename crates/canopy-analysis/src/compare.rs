//! Option comparison: several Monte Carlo batches of variants of a scenario run with the same seed
//! and replication numbers (common random numbers), summarised side by side with the paired
//! difference of each metric to the first option.
//!
//! The engine draws every random number from streams keyed by the seed, the replication and
//! stable entity names, so replication `r` of two options rolls the same dice wherever the two
//! options share entities. The difference between the options is then estimated from the
//! per-replication differences (a paired t interval), which is much narrower than the difference
//! of two independent means when the options are alike.

use std::path::{Path, PathBuf};

use canopy_scenario::{Overlay, ScenarioError, load_scenario_with};
use canopy_sim::metrics::Metric;
use canopy_sim::{PictureMode, PlannerKind, PreparedScenario, RunMetrics};
use serde::Serialize;

use crate::McError;
use crate::experiment::run_experiment;
use crate::figures::{PerNight, SummaryProportion};
use crate::montecarlo::Execution;
use crate::outputs::{Outputs, collect_run_metrics};
use crate::parts::Manifest;
use crate::plan::Shard;
use crate::stats::{Interval, Z_95, moments, t_975, wilson};
use canopy_core::human;

/// One per-night metric of the comparison table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Compared {
    /// A column of the runs, as it is.
    Column(Metric),
    /// A per-night figure of the summary.
    PerNight(PerNight),
    /// A share of nights: 1 for a night that counts, 0 for one that does not, so its mean is the
    /// share.
    NightShare(SummaryProportion),
}

impl Compared {
    /// Its name in the table.
    pub const fn name(self) -> &'static str {
        match self {
            Compared::Column(metric) => metric.name(),
            Compared::PerNight(figure) => figure.name(),
            Compared::NightShare(share) => share.name(),
        }
    }

    /// Its value in one replication's metrics; `None` when undefined.
    pub fn value(self, metrics: &RunMetrics) -> Option<f64> {
        match self {
            Compared::Column(metric) => metric.value(metrics),
            Compared::PerNight(figure) => figure.value(metrics),
            Compared::NightShare(share) => share.night_value(metrics),
        }
    }

    /// Whether the value is 0 or 1 (its mean a proportion, given a Wilson interval).
    pub const fn proportion(self) -> bool {
        matches!(self, Compared::NightShare(_))
    }
}

impl Serialize for Compared {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// The metrics compared, in table order: leakers per night, the night's leak rate (leaked over
/// entered), threats destroyed, interceptor cost (USD), cost exchange (threat cost destroyed over
/// interceptor cost), whether the night had any spillover into NATO territory (0 or 1, so its
/// mean is the spillover probability) and ROE breaches.
pub const METRICS: [Compared; 7] = [
    Compared::Column(Metric::Leaked),
    Compared::PerNight(PerNight::LeakRate),
    Compared::Column(Metric::Destroyed),
    Compared::Column(Metric::InterceptorCostUsd),
    Compared::Column(Metric::CostExchange),
    Compared::NightShare(SummaryProportion::SpilloverProbability),
    Compared::Column(Metric::RoeBreaches),
];

/// A mean with its 95 % interval (Student t; Wilson for proportions).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Estimate {
    /// Values used.
    pub n: u64,
    /// Mean.
    pub mean: f64,
    /// 95 % interval of the mean (`null` below two values for a t interval).
    pub ci95: Option<Interval>,
}

/// The difference of an option's mean to the first option's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Difference {
    /// Replications where both options define the metric.
    pub n: u64,
    /// Mean of the per-replication differences (this option minus the first).
    pub mean: f64,
    /// 95 % t interval of the paired differences (common random numbers).
    pub paired_ci95: Option<Interval>,
    /// 95 % interval of the difference of the two means as if the batches were independent
    /// (Welch standard error, t with the smaller sample's degrees of freedom), for comparison.
    pub unpaired_ci95: Option<Interval>,
}

/// One cell row of the table: an option and a metric.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// The option's name.
    pub option: String,
    /// The metric (see [`METRICS`]), written as its name.
    pub metric: Compared,
    /// The option's estimate.
    pub estimate: Option<Estimate>,
    /// The paired difference to the first option (`null` for the first option itself).
    pub difference: Option<Difference>,
}

/// A comparison: what was run and the table (`compare.json`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// Master seed shared by every option.
    pub seed: u64,
    /// Replications per option.
    pub runs: u64,
    /// The options, in order; the first is the reference of the differences.
    pub options: Vec<OptionInfo>,
    /// One row per option and metric, option-major.
    pub rows: Vec<Row>,
}

/// What defines one option.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionInfo {
    /// Its name.
    pub name: String,
    /// Its Monte Carlo directory relative to the output directory.
    pub dir: String,
    /// The scenario file it starts from.
    pub file: String,
    /// The overlays applied to it (`KEY=VALUE`).
    pub overlays: Vec<String>,
}

/// One option before it is loaded: its name, its scenario file and its overlays (`KEY=VALUE`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionSpec {
    /// Its name.
    pub name: String,
    /// The scenario file.
    pub file: PathBuf,
    /// Its `KEY=VALUE` settings.
    pub sets: Vec<String>,
}

/// Why an option of a comparison could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum OptionError {
    /// One of its settings is not `KEY=VALUE`.
    #[error("option `{option}`: {problem}")]
    Overlay {
        /// The option's name.
        option: String,
        /// What is wrong with the setting.
        problem: String,
    },
    /// Its scenario, with its overlays, is refused.
    #[error("option `{option}`: {error}")]
    Scenario {
        /// The option's name.
        option: String,
        /// Where and what.
        error: Box<ScenarioError>,
    },
}

impl OptionSpec {
    /// Its settings read as overlays.
    pub fn overlays(&self) -> Result<Vec<Overlay>, OptionError> {
        self.sets
            .iter()
            .map(|set| {
                Overlay::parse(set).map_err(|problem| OptionError::Overlay {
                    option: self.name.clone(),
                    problem,
                })
            })
            .collect()
    }

    /// Its description as option `index` (0-based) of a comparison, whose Monte Carlo directory
    /// is `options/NN` (1-based, two digits).
    pub fn info(&self, index: usize) -> OptionInfo {
        OptionInfo {
            name: self.name.clone(),
            dir: format!("options/{:02}", index + 1),
            file: self.file.display().to_string(),
            overlays: self.sets.clone(),
        }
    }
}

/// What every option of a comparison shares: replications, master seed (default: the first
/// option's scenario's `seed`), picture and planner.
#[derive(Clone, Copy, Debug)]
pub struct Shared {
    /// Replications per option.
    pub runs: u64,
    /// Master seed, or `None` for the first option's scenario's.
    pub seed: Option<u64>,
    /// The air picture.
    pub picture: PictureMode,
    /// The planner.
    pub planner: PlannerKind,
}

/// Loads every option into a batch ready to run, all with the same seed, replications, picture
/// and planner.
pub fn load_batches(specs: &[OptionSpec], shared: Shared) -> Result<Vec<Batch>, OptionError> {
    let mut batches = Vec::with_capacity(specs.len());
    let mut seed = shared.seed;
    for (index, spec) in specs.iter().enumerate() {
        let (scenario, text) =
            load_scenario_with(&spec.file, &spec.overlays()?).map_err(|error| {
                OptionError::Scenario {
                    option: spec.name.clone(),
                    error: Box::new(error),
                }
            })?;
        let seed = *seed.get_or_insert(scenario.seed);
        let manifest = Manifest {
            picture: shared.picture,
            planner: shared.planner,
            ..Manifest::for_scenario(&scenario, &text, Some(seed), shared.runs)
        };
        batches.push(Batch {
            info: spec.info(index),
            prepared: PreparedScenario::new(scenario),
            manifest,
        });
    }
    Ok(batches)
}

/// One option ready to run: its description, its scenario and its Monte Carlo manifest.
pub struct Batch {
    /// What defines it.
    pub info: OptionInfo,
    /// The scenario, prepared.
    pub prepared: PreparedScenario,
    /// The Monte Carlo manifest (same seed and runs for every option).
    pub manifest: Manifest,
}

/// What one batch produced: its Monte Carlo outputs and its per-replication metrics.
pub struct BatchOutcome {
    /// The outputs written to its directory.
    pub outputs: Outputs,
    /// Its replications' metrics, in replication order.
    pub metrics: Vec<RunMetrics>,
}

/// Runs every batch as a Monte Carlo in `dir/<batch dir>` (resumable like `canopy mc`) and
/// returns what each produced.
pub fn run_batches(
    batches: &[Batch],
    dir: &Path,
    execution: Execution<'_>,
    progress: &(dyn Fn() + Sync),
) -> Result<Vec<BatchOutcome>, McError> {
    let mut all = Vec::with_capacity(batches.len());
    for batch in batches {
        let out = dir.join(&batch.info.dir);
        std::fs::create_dir_all(&out).map_err(|source| McError::Io {
            path: out.display().to_string(),
            source,
        })?;
        let outputs = run_experiment(
            &batch.prepared,
            &batch.manifest,
            &out,
            Shard::WHOLE,
            execution,
            progress,
        )?
        .ok_or_else(|| {
            McError::Option(format!(
                "option `{}` stopped before its last replication",
                batch.info.name
            ))
        })?;
        let metrics = collect_run_metrics(&[&out], 0..batch.manifest.runs)?;
        all.push(BatchOutcome { outputs, metrics });
    }
    Ok(all)
}

/// Runs every batch as [`run_batches`] does and builds their comparison (seed and replications
/// those of the first batch); returns it with each batch's outputs, in batch order.
pub fn run_comparison(
    batches: &[Batch],
    dir: &Path,
    execution: Execution<'_>,
    progress: &(dyn Fn() + Sync),
) -> Result<(Comparison, Vec<Outputs>), McError> {
    let Some(first) = batches.first() else {
        return Err(McError::Option(
            "a comparison needs at least one option".to_string(),
        ));
    };
    let (seed, runs) = (first.manifest.seed, first.manifest.runs);
    let (outputs, metrics): (Vec<Outputs>, Vec<Vec<RunMetrics>>) =
        run_batches(batches, dir, execution, progress)?
            .into_iter()
            .map(|outcome| (outcome.outputs, outcome.metrics))
            .unzip();
    let infos = batches.iter().map(|batch| batch.info.clone()).collect();
    Ok((compare(infos, &metrics, seed, runs), outputs))
}

/// Builds the table from the per-replication metrics of each option (`metrics[i][r]`: option
/// `i`, replication `r`; every option has the same replications).
pub fn compare(
    options: Vec<OptionInfo>,
    metrics: &[Vec<RunMetrics>],
    seed: u64,
    runs: u64,
) -> Comparison {
    let mut rows = Vec::new();
    for (index, info) in options.iter().enumerate() {
        for metric in METRICS {
            let values: Vec<Option<f64>> = metrics[index].iter().map(|m| metric.value(m)).collect();
            let reference: Vec<Option<f64>> = metrics[0].iter().map(|m| metric.value(m)).collect();
            rows.push(Row {
                option: info.name.clone(),
                metric,
                estimate: estimate(
                    &values.iter().flatten().copied().collect::<Vec<_>>(),
                    metric.proportion(),
                ),
                difference: (index > 0).then(|| difference(&values, &reference)),
            });
        }
    }
    Comparison {
        seed,
        runs,
        options,
        rows,
    }
}

/// The mean and its interval: Student t, or Wilson for a proportion (0/1 values).
fn estimate(values: &[f64], proportion: bool) -> Option<Estimate> {
    moments(values).map(|m| Estimate {
        n: m.n,
        mean: m.mean,
        ci95: if proportion {
            let successes = values.iter().filter(|&&v| v > 0.5).count() as u64;
            wilson(successes, m.n, Z_95)
        } else {
            m.ci95
        },
    })
}

/// The paired and unpaired differences `option - reference` over replications where both are
/// defined.
pub fn difference(option: &[Option<f64>], reference: &[Option<f64>]) -> Difference {
    let pairs: Vec<(f64, f64)> = option
        .iter()
        .zip(reference)
        .filter_map(|(a, b)| Some(((*a)?, (*b)?)))
        .collect();
    let diffs: Vec<f64> = pairs.iter().map(|(a, b)| a - b).collect();
    let a: Vec<f64> = pairs.iter().map(|p| p.0).collect();
    let b: Vec<f64> = pairs.iter().map(|p| p.1).collect();
    let paired = moments(&diffs);
    let unpaired_ci95 = match (moments(&a), moments(&b)) {
        (Some(ma), Some(mb)) if ma.n > 1 => {
            let se = (ma.sd.powi(2) / ma.n as f64 + mb.sd.powi(2) / mb.n as f64).sqrt();
            let half = t_975(ma.n - 1) * se;
            let centre = ma.mean - mb.mean;
            Some(Interval {
                low: centre - half,
                high: centre + half,
            })
        }
        _ => None,
    };
    Difference {
        n: diffs.len() as u64,
        mean: paired.as_ref().map_or(f64::NAN, |m| m.mean),
        paired_ci95: paired.and_then(|m| m.ci95),
        unpaired_ci95,
    }
}

impl Comparison {
    /// The table as CSV: one line per row, intervals as `low`/`high` columns (empty when
    /// undefined).
    pub fn to_csv(&self) -> String {
        let mut out = String::from(
            "option,metric,n,mean,ci95_low,ci95_high,diff_mean,diff_ci95_low,diff_ci95_high,unpaired_ci95_low,unpaired_ci95_high\n",
        );
        for row in &self.rows {
            let e = row.estimate.as_ref();
            let d = row.difference.as_ref();
            let cells = [
                csv_text(&row.option),
                row.metric.name().to_string(),
                e.map(|e| e.n.to_string()).unwrap_or_default(),
                num(e.map(|e| e.mean)),
                num(e.and_then(|e| e.ci95).map(|c| c.low)),
                num(e.and_then(|e| e.ci95).map(|c| c.high)),
                num(d.map(|d| d.mean)),
                num(d.and_then(|d| d.paired_ci95).map(|c| c.low)),
                num(d.and_then(|d| d.paired_ci95).map(|c| c.high)),
                num(d.and_then(|d| d.unpaired_ci95).map(|c| c.low)),
                num(d.and_then(|d| d.unpaired_ci95).map(|c| c.high)),
            ];
            out.push_str(&cells.join(","));
            out.push('\n');
        }
        out
    }

    /// The table for a terminal: one line per option, each metric as `mean [low, high]` and,
    /// below the first option, the paired difference `Δ mean [low, high]`.
    pub fn render(&self) -> String {
        let mut out = format!(
            "{} options x {} replications, seed {} (common random numbers)\n",
            self.options.len(),
            human::count(self.runs),
            self.seed
        );
        for chunk in self.rows.chunks(METRICS.len()) {
            out.push_str(&format!("\n{}\n", chunk[0].option));
            for row in chunk {
                // Money in short dollars, as everywhere people read it; other figures by size.
                let money = row.metric.name().ends_with("_usd");
                let (plain, sign): (Shown, Shown) = if money {
                    (human::usd, human::signed_usd)
                } else {
                    (short, signed)
                };
                let value = row
                    .estimate
                    .as_ref()
                    .map(|e| format!("{}{}", plain(e.mean), bracket(e.ci95, plain)))
                    .unwrap_or_else(|| "-".to_string());
                let diff = row
                    .difference
                    .as_ref()
                    .map(|d| format!("  Δ {}{}", sign(d.mean), bracket(d.paired_ci95, plain)))
                    .unwrap_or_default();
                out.push_str(&format!("  {:<22} {value}{diff}\n", row.metric.name()));
            }
        }
        out
    }
}

/// How a number of the terminal table is written.
type Shown = fn(f64) -> String;

fn bracket(ci: Option<Interval>, shown: Shown) -> String {
    ci.map(|c| format!(" [{}, {}]", shown(c.low), shown(c.high)))
        .unwrap_or_default()
}

/// A number with a precision that suits its size.
fn short(x: f64) -> String {
    if x.abs() >= 1000.0 {
        format!("{x:.0}")
    } else if x.abs() >= 10.0 {
        format!("{x:.1}")
    } else {
        format!("{x:.3}")
    }
}

fn signed(x: f64) -> String {
    if x >= 0.0 {
        format!("+{}", short(x))
    } else {
        short(x)
    }
}

fn num(x: Option<f64>) -> String {
    x.filter(|x| x.is_finite())
        .map(|x| format!("{x}"))
        .unwrap_or_default()
}

fn csv_text(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Writes `compare.json` and `compare.csv` into `dir`, each whole.
pub fn write_comparison(dir: &Path, comparison: &Comparison) -> Result<(), McError> {
    canopy_io::write_json(&dir.join("compare.json"), comparison).map_err(McError::Output)?;
    canopy_io::write_atomic(&dir.join("compare.csv"), comparison.to_csv().as_bytes())
        .map_err(McError::Output)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paired_and_unpaired_differences_by_hand() {
        // Reference 1, 2, 3, 4; option 2, 3, 5, 5: differences 1, 1, 2, 1, mean 1.25, sd 0.5,
        // paired half-width t(3) * 0.5 / 2 = 3.1824 * 0.25 = 0.7956.
        // Unpaired: sd(ref) = 1.2910, sd(opt) = 1.5, se = sqrt(1.6667/4 + 2.25/4) = 0.98953,
        // half-width 3.1824 * 0.98953 = 3.1491.
        let reference = [Some(1.0), Some(2.0), Some(3.0), Some(4.0), None];
        let option = [Some(2.0), Some(3.0), Some(5.0), Some(5.0), Some(9.0)];
        let d = difference(&option, &reference);
        assert_eq!(d.n, 4);
        assert!((d.mean - 1.25).abs() < 1e-12);
        let p = d.paired_ci95.unwrap();
        assert!((p.high - p.low - 2.0 * 0.7956).abs() < 1e-3, "{p:?}");
        let u = d.unpaired_ci95.unwrap();
        assert!((u.high - u.low - 2.0 * 3.1491).abs() < 1e-3, "{u:?}");
    }

    #[test]
    fn csv_quotes_names_with_commas() {
        assert_eq!(csv_text("a=1,b=2"), "\"a=1,b=2\"");
        assert_eq!(csv_text("plain"), "plain");
    }

    #[test]
    fn the_terminal_table_shows_money_in_short_dollars_and_groups_the_replications() {
        let interval = |low, high| Some(Interval { low, high });
        let row = |option: &str, metric: Compared, first: bool| {
            let money = metric == Compared::Column(Metric::InterceptorCostUsd);
            Row {
                option: option.to_string(),
                metric,
                estimate: money.then(|| Estimate {
                    n: 10_000,
                    mean: 68_045_050.0,
                    ci95: interval(67.0e6, 69.1e6),
                }),
                difference: (money && !first).then(|| Difference {
                    n: 10_000,
                    mean: 606_000.0,
                    paired_ci95: interval(-1.2e6, 2.4e6),
                    unpaired_ci95: None,
                }),
            }
        };
        let rows = ["a", "b"]
            .iter()
            .flat_map(|name| METRICS.map(|metric| row(name, metric, *name == "a")))
            .collect();
        let table = Comparison {
            seed: 42,
            runs: 10_000,
            options: Vec::new(),
            rows,
        }
        .render();
        assert!(table.contains("x 10,000 replications"), "{table}");
        assert!(table.contains("$68.0M [$67.0M, $69.1M]"), "{table}");
        assert!(table.contains("Δ +$606k [-$1.2M, $2.4M]"), "{table}");
        assert!(!table.contains("68045050"), "{table}");
    }
}
