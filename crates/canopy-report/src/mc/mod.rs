//! The report of a Monte Carlo directory (`canopy mc`): the distribution of leakers, leakers by
//! target, each nation's burden, costs, a map of one replication and the timeline.
//!
//! ```text
//! columns (the runs' columns, read with explicit absence) ─► sections (leakers, targets, burden,
//!                                                             cost, timeline)
//! the typed event log of one replication ─────────────────► night_map
//! ```

mod columns;
pub(crate) mod night_map;
mod sections;

use std::path::Path;

use canopy_analysis::figures::SummaryProportion;
use canopy_analysis::{Manifest, McError, Outputs, Summary, run_replication};
use canopy_io::Table;
use canopy_scenario::Scenario;
use canopy_sim::{Event, PreparedScenario};

use crate::document::Report;

/// What a Monte Carlo report is built from.
#[derive(Clone, Copy, Debug)]
pub struct McReportInput<'a> {
    /// The experiment's definition.
    pub manifest: &'a Manifest,
    /// Its aggregate.
    pub summary: &'a Summary,
    /// Its table of runs (one row per replication).
    pub runs: &'a Table,
    /// The scenario run.
    pub scenario: &'a Scenario,
    /// The event log of one replication (docs/events.md), for the map.
    pub events: &'a [Event],
    /// Which replication `events` belongs to.
    pub events_replication: u64,
}

/// The labels of the headline proportions ([`SummaryProportion::HEADLINE`]), shown as facts.
const HEADLINE_LABELS: [&str; 3] = [
    "Leak probability (per threat)",
    "Nights with a leaker",
    "Nights with spillover",
];

/// The whole report of a Monte Carlo.
pub fn mc_report(input: &McReportInput) -> Report {
    let s = input.summary;
    let mut report = Report::new(format!("Canopy Monte Carlo: {}", input.scenario.name))
        .fact("Replications", s.runs.to_string())
        .fact("Seed", input.manifest.seed.to_string())
        .fact(
            "Picture / planner",
            format!("{} / {}", input.manifest.picture, input.manifest.planner),
        );
    for (which, label) in SummaryProportion::HEADLINE.into_iter().zip(HEADLINE_LABELS) {
        match s.proportion(which) {
            Some(p) => {
                if let (Some(e), Some(ci)) = (p.estimate, p.wilson95) {
                    report = report.fact(label, format!("{:.3} ({:.3}–{:.3})", e, ci.low, ci.high));
                }
            }
            None => {
                report = report.fact(label, format!("`{}` is not in the summary", which.name()))
            }
        }
    }
    let report = report
        .section(sections::leakers_section(s, input.runs))
        .section(sections::targets_section(input.runs))
        .section(sections::burden_section(s, input.runs, input.scenario));
    let report = match sections::picture_sources_section(s, input.runs, input.scenario) {
        Some(section) => report.section(section),
        None => report,
    };
    report
        .section(sections::cost_section(s, input.runs))
        .section(night_map::map_section(input))
        .section(sections::timeline_section(input))
}

/// Writes `dir/report.html` for a finished Monte Carlo: the map shows `replication`, run again
/// here for its event log (one replication, a fraction of a second).
pub fn write_mc_report(
    dir: &Path,
    prepared: &PreparedScenario,
    manifest: &Manifest,
    outputs: &Outputs,
    replication: u64,
) -> Result<(), McError> {
    let events = run_replication(prepared, manifest, replication).events;
    let input = McReportInput {
        manifest,
        summary: &outputs.summary,
        runs: &outputs.runs,
        scenario: &prepared.scenario,
        events: &events,
        events_replication: replication,
    };
    mc_report(&input)
        .write(&dir.join("report.html"))
        .map_err(McError::Output)
}
