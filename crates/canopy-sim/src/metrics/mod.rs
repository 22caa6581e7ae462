//! `RunMetrics`: the summary of one run, computed from its event log alone. The `--json` summary
//! and the row of a Monte Carlo table are the same fields (schema in `docs/metrics.md`), and
//! [`columns`] names each of them once.
//!
//! The reduction is split by concern, each a [`Reduction`] that sees every event in order and then
//! finishes its figures:
//!
//! ```text
//! events ──► outcomes   (threats launched, entered, destroyed, leaked, airborne)
//!        ├─► burden     (engagements, costs, sorties, kills by nation)
//!        ├─► decisions  (approvals asked and refused, unengaged reasons)
//!        ├─► timeline   (median latencies of the engagement chain, approval waits)
//!        ├─► spillover  (anything in NATO territory)
//!        ├─► picture    (track latencies, picture quality)
//!        └─► patrols    (time short of fighters on station)
//! ```

mod burden;
pub mod columns;
mod debris;
mod decisions;
mod outcomes;
mod patrols;
mod picture;
mod run_metrics;
mod spillover;
mod statistics;
mod timeline;

pub use columns::{CountMap, Metric, NationMetric, ThreatTypeMetric};
pub use run_metrics::{
    DebrisSummary, NationBurden, RunMetrics, SpilloverRecord, SpilloverSummary, ThreatTypeOutcome,
    Timeline,
};
pub use statistics::{median, percentile_nearest_rank};

use crate::event::Event;
use crate::prepared::PreparedScenario;

/// One concern of the reduction of an event log to [`RunMetrics`].
trait Reduction {
    /// Takes in one event (events come in log order) and counts what it can in `metrics`.
    fn observe(&mut self, event: &Event, metrics: &mut RunMetrics);

    /// Sets the figures that need the whole log, once every event has been observed (nothing
    /// for a reduction that counts as it goes).
    fn finish(&mut self, _metrics: &mut RunMetrics) {}
}

/// Computes the metrics of a run from its event log.
pub fn compute_metrics(prepared: &PreparedScenario, events: &[Event]) -> RunMetrics {
    let mut metrics = RunMetrics {
        scenario: prepared.scenario.name.clone(),
        nations: burden::coalition_nations(prepared),
        ..RunMetrics::default()
    };
    let mut reductions: [&mut dyn Reduction; 8] = [
        &mut outcomes::Outcomes::new(prepared),
        &mut burden::Burden,
        &mut decisions::Decisions::default(),
        &mut timeline::Latencies::default(),
        &mut spillover::Spillover,
        &mut debris::DebrisOverPopulatedAreas,
        &mut picture::PictureFigures::default(),
        &mut patrols::PatrolGaps::new(prepared),
    ];
    for event in events {
        for reduction in reductions.iter_mut() {
            reduction.observe(event, &mut metrics);
        }
    }
    for reduction in reductions.iter_mut() {
        reduction.finish(&mut metrics);
    }
    metrics
}
