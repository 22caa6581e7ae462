//! What became of the threats: launched, attrited, entered the theatre, destroyed, lost to
//! electronic warfare, leaked or still airborne, in total, by threat type and by aim point.

use canopy_core::ThreatId;

use super::statistics::ratio;
use super::{Reduction, RunMetrics, ThreatTypeOutcome};
use crate::event::Event;
use crate::prepared::PreparedScenario;

/// Counts the threats' outcomes.
pub(super) struct Outcomes<'a> {
    prepared: &'a PreparedScenario,
}

impl<'a> Outcomes<'a> {
    /// The counts of a run of `prepared`.
    pub(super) fn new(prepared: &'a PreparedScenario) -> Outcomes<'a> {
        Outcomes { prepared }
    }

    /// The outcome of the type of `threat`.
    fn of_type<'m>(
        &self,
        metrics: &'m mut RunMetrics,
        threat: ThreatId,
    ) -> &'m mut ThreatTypeOutcome {
        let kind = self.prepared.threats[threat.index()].kind;
        let type_id = self.prepared.scenario.library.threat(kind).id.clone();
        metrics.threat_types.entry(type_id).or_default()
    }
}

impl Reduction for Outcomes<'_> {
    fn observe(&mut self, event: &Event, metrics: &mut RunMetrics) {
        match event {
            Event::ThreatLaunched { threat_type, .. } => {
                metrics.launched += 1;
                metrics
                    .threat_types
                    .entry(threat_type.to_string())
                    .or_default()
                    .launched += 1;
            }
            Event::ThreatAttrited { threat, .. } => {
                metrics.attrited_en_route += 1;
                self.of_type(metrics, *threat).attrited_en_route += 1;
            }
            Event::ThreatEntered { threat, .. } => {
                metrics.entered_theatre += 1;
                self.of_type(metrics, *threat).entered_theatre += 1;
                let target = &self.prepared.threats[threat.index()].target;
                *metrics
                    .entered_by_target
                    .entry(target.to_string())
                    .or_default() += 1;
            }
            Event::Kill { threat, nation, .. } => {
                metrics.destroyed += 1;
                metrics.threat_cost_destroyed_usd += self.prepared.threats[threat.index()].cost_usd;
                let outcome = self.of_type(metrics, *threat);
                outcome.destroyed += 1;
                *outcome.destroyed_by.entry(nation.to_string()).or_default() += 1;
            }
            Event::ThreatLost { threat, .. } => {
                metrics.lost += 1;
                self.of_type(metrics, *threat).lost += 1;
            }
            Event::Impact { threat, target, .. } => {
                metrics.leaked += 1;
                self.of_type(metrics, *threat).leaked += 1;
                *metrics
                    .leakers_by_target
                    .entry(target.to_string())
                    .or_default() += 1;
            }
            Event::RunEnd { time, airborne } => {
                metrics.end_time_s = time.as_secs_f64();
                metrics.airborne_at_end = airborne.len() as u32;
                for threat in airborne {
                    self.of_type(metrics, *threat).airborne_at_end += 1;
                }
            }
            _ => {}
        }
    }

    fn finish(&mut self, metrics: &mut RunMetrics) {
        metrics.interception_rate = ratio(
            f64::from(metrics.destroyed),
            f64::from(metrics.entered_theatre),
        );
    }
}
