//! `canopy record`: the public strike record replayed night by night against a defence
//! (docs/validation.md).

use std::path::PathBuf;
use std::time::Instant;

use canopy_analysis::record::{
    CounterfactualSummary, Defence, NightPlan, NightRow, RecordSummary, ReplayOptions,
    compare_nights, launch_places, night_scenario, replay, score, write_outputs,
};
use canopy_analysis::uncertainty::sample_fitted;
use canopy_core::StreamKey;
use canopy_report::{RecordReportInput, record_report};
use canopy_scenario::{Scenario, load_scenario};
use canopy_sim::{Event, PreparedScenario, RunOptions};

use super::record_window::Window;

/// Arguments of `canopy record`.
#[derive(clap::Args)]
pub struct RecordArgs {
    /// The table, the window, the defence and the replications.
    #[command(flatten)]
    pub window: super::record_window::WindowArgs,
    /// Another defence to fly the same nights against (e.g. Ukraine plus the coalition): the
    /// report shows what it would have changed.
    #[arg(long)]
    pub defence: Option<PathBuf>,
    /// Output directory: nights.parquet, nights.csv, summary.json, report.html.
    #[arg(long)]
    pub out: PathBuf,
}

/// Replays the nights, writes the outputs and prints the error table.
pub fn execute(args: RecordArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let Window {
        table,
        nights,
        base,
        options,
    } = args.window.load()?;
    let flown = replay(&nights, &base, &options).map_err(anyhow::Error::msg)?;
    let scores = score(&table, &nights, &flown.runs);
    let mut summary = RecordSummary::new(
        (args.window.from, args.window.to),
        (&table, &nights, &scores),
        (args.window.runs, &base.name),
        flown.unplaced.clone(),
    );
    let mut comparisons = None;
    if let Some(path) = &args.defence {
        let other = load_scenario(path)?;
        let other_flown = replay(&nights, &other, &options).map_err(anyhow::Error::msg)?;
        let compared = compare_nights(&nights, &flown.runs, &other_flown.runs);
        summary.counterfactual = Some(CounterfactualSummary::new(&other.name, &compared));
        comparisons = Some(compared);
    }
    write_outputs(&args.out, &scores.rows, &summary).map_err(anyhow::Error::msg)?;
    let map_night = worst_night(&scores.rows, &nights, &base, &options)?;
    let report = record_report(&RecordReportInput {
        summary: &summary,
        rows: &scores.rows,
        comparisons: comparisons.as_deref(),
        map_night: map_night
            .as_ref()
            .map(|(scenario, events)| (scenario, events.as_slice())),
    });
    report.write(&args.out.join("report.html"))?;
    print!("{}", error_table(&summary, &nights, &base));
    println!(
        "{} nights x {} replications in {:.1} s -> {}",
        nights.len(),
        args.window.runs,
        started.elapsed().as_secs_f64(),
        args.out.display()
    );
    Ok(())
}

/// Replication 0 of the night whose row the model misses most (by rate; the earlier night, then
/// the first group, on a tie), with its event log, for the report's map.
fn worst_night(
    rows: &[NightRow],
    nights: &[NightPlan],
    base: &Scenario,
    options: &ReplayOptions,
) -> anyhow::Result<Option<(Scenario, Vec<Event>)>> {
    let error = |row: &NightRow| (row.predicted_rate() - row.reported_rate()).abs();
    let Some(worst) = rows
        .iter()
        .reduce(|best, row| if error(row) > error(best) { row } else { best })
    else {
        return Ok(None);
    };
    let Some(night) = nights.iter().find(|n| n.night.to_string() == worst.night) else {
        return Ok(None);
    };
    let defence = Defence::new(base.clone());
    let built =
        night_scenario(&defence, night, &launch_places::bundled()).map_err(anyhow::Error::msg)?;
    let mut scenario = built.scenario;
    if options.draw_fitted {
        sample_fitted(&mut scenario.library, &StreamKey::new(options.seed, 0));
    }
    let prepared = PreparedScenario::new(scenario);
    let run_options = RunOptions {
        seed: options.seed,
        replication: 0,
        picture: options.picture,
        planner: options.planner,
    };
    let events = canopy_sim::run(&prepared, &run_options, &mut []).events;
    Ok(Some((prepared.scenario, events)))
}

/// The per-group table and the rows left out, as printed.
fn error_table(summary: &RecordSummary, nights: &[NightPlan], base: &Scenario) -> String {
    let percent =
        |rate: Option<f64>| rate.map_or_else(|| "—".to_string(), |r| format!("{:.1} %", r * 100.0));
    let mut out = format!(
        "record {} to {}: {} nights against {}\n{:<11} {:>8} {:>7} {:>9} {:>10} {:>17}\n",
        summary.from,
        summary.to,
        nights.len(),
        base.name,
        "group",
        "launched",
        "nights",
        "reported",
        "predicted",
        "5-95 %"
    );
    for (group, score) in &summary.types {
        let interval = score.predicted_interval.map_or_else(
            || "—".to_string(),
            |[lo, hi]| format!("{:.1}-{:.1} %", lo * 100.0, hi * 100.0),
        );
        out.push_str(&format!(
            "{:<11} {:>8} {:>7} {:>9} {:>10} {:>17}\n",
            group,
            score.launched,
            score.nights,
            percent(score.reported_rate),
            percent(score.predicted_rate),
            interval
        ));
    }
    out.push_str(&format!(
        "mean absolute error: {}\nrows left out: {} HQ rows of the window (reasons in summary.json), {} regional rows; {} mixed salvos flown, not scored\n",
        summary
            .mean_abs_error_pp
            .map_or_else(|| "—".to_string(), |e| format!("{e:.1} percentage points")),
        summary.skipped_rows.len(),
        summary.regional_rows,
        summary.mixed_rows
    ));
    let naive = &summary.naive_forecast;
    if let (Some(error), Some(skill)) = (naive.mean_abs_error_pp, naive.skill) {
        out.push_str(&format!(
            "naive forecast (each group's rate of {} to {}): mean absolute error {error:.1} points; the model's skill against it {skill:+.2} (above 0: better)\n",
            naive.from, naive.to
        ));
    }
    if let Some(counterfactual) = &summary.counterfactual {
        out.push_str(&format!(
            "against {}: {:.1} leakers a night instead of {:.1}; {:.2} spillovers a night instead of {:.2}\n",
            counterfactual.defence,
            counterfactual.leaked_per_night[1],
            counterfactual.leaked_per_night[0],
            counterfactual.spillovers_per_night[1],
            counterfactual.spillovers_per_night[0]
        ));
    }
    out
}
