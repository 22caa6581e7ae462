//! The report of `canopy record`: the public strike record replayed night by night against a
//! defence, the model's share of threats neutralised set against the reported one.
//!
//! ```text
//! rates (row errors, misses, months, number formats) ─► sections (error table, scatters by
//!                                                       night, months, misses, rows left out)
//!                                                    └► counterfactual (the other defence)
//! mc::night_map (one replication's map) ─────────────► the map of the night missed most
//! ```

mod counterfactual;
mod rates;
mod sections;
#[cfg(test)]
mod tests;

use canopy_analysis::record::{NightComparison, NightRow, RecordSummary};
use canopy_scenario::Scenario;
use canopy_sim::Event;

use crate::document::{Report, Section};
use crate::mc::night_map::night_map_section;

/// What the record report shows.
#[derive(Clone, Copy, Debug)]
pub struct RecordReportInput<'a> {
    /// The run's summary (`summary.json`).
    pub summary: &'a RecordSummary,
    /// Each night and group's reported and predicted figures (`nights.parquet`).
    pub rows: &'a [NightRow],
    /// The same nights against another defence (`--defence`), if run.
    pub comparisons: Option<&'a [NightComparison]>,
    /// One replication of the night the model misses most, for a map: its scenario and event log.
    pub map_night: Option<(&'a Scenario, &'a [Event])>,
}

/// The whole report of a replay of the record.
pub fn record_report(input: &RecordReportInput) -> Report {
    let s = input.summary;
    let mut report = Report::new(format!("Canopy record: {}", s.defence))
        .fact("Window", format!("{} – {}", s.from, s.to))
        .fact("Nights", s.nights.to_string())
        .fact("Replications per night", s.replications.to_string())
        .fact("Defence", s.defence.clone())
        .fact(
            "Mean absolute error",
            s.mean_abs_error_pp
                .map_or(rates::NONE.to_string(), |e| format!("{e:.1} pp")),
        )
        .section(sections::error_section(s))
        .section(sections::nights_section(input.rows))
        .section(sections::months_section(input.rows))
        .section(sections::misses_section(input.rows));
    if let Some((scenario, events)) = input.map_night {
        report = report.section(map_section(scenario, events));
    }
    if let Some(nights) = input.comparisons {
        report = report.section(counterfactual::counterfactual_section(s, nights));
    }
    report.section(sections::left_out_section(s))
}

/// The map of one replication of the night the model misses most.
fn map_section(scenario: &Scenario, events: &[Event]) -> Section {
    let mut section = night_map_section(
        scenario,
        events,
        &format!("One replication of {}", scenario.name),
    );
    section.title = "Map of the night the model misses most".to_string();
    section
}
