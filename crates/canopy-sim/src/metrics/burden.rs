//! What each nation did and spent: engagements, munitions, kills, sorties and their costs, and the
//! cost exchange of the whole defence.

use std::collections::BTreeMap;

use super::statistics::ratio;
use super::{NationBurden, Reduction, RunMetrics};
use crate::event::Event;
use crate::prepared::PreparedScenario;

/// An empty burden for every nation with rules of engagement (the coalition), so a nation that
/// did nothing still has its row.
pub(super) fn coalition_nations(prepared: &PreparedScenario) -> BTreeMap<String, NationBurden> {
    prepared
        .scenario
        .nations
        .iter()
        .filter(|nation| nation.rules.is_some())
        .map(|nation| (nation.code.to_string(), NationBurden::default()))
        .collect()
}

/// Sums each nation's burden.
pub(super) struct Burden;

impl Reduction for Burden {
    fn observe(&mut self, event: &Event, metrics: &mut RunMetrics) {
        match event {
            Event::Launch {
                nation,
                munition,
                cost_usd,
                sensor_nations,
                ..
            } => {
                metrics.engagements += 1;
                for code in sensor_nations {
                    *metrics
                        .engagements_enabled_by
                        .entry(code.to_string())
                        .or_default() += 1;
                }
                if !sensor_nations.contains(nation) {
                    metrics.engagements_enabled_by_other_nation += 1;
                }
                metrics.interceptor_cost_usd += cost_usd;
                let burden = metrics.nations.entry(nation.to_string()).or_default();
                burden.engagements += 1;
                burden.interceptor_cost_usd += cost_usd;
                *burden.munitions.entry(munition.to_string()).or_default() += 1;
            }
            Event::Kill { nation, .. } => {
                metrics.nations.entry(nation.to_string()).or_default().kills += 1;
            }
            Event::SortieEnd {
                nation,
                flight_hours,
                cost_usd,
                ..
            } => {
                metrics.flight_cost_usd += cost_usd;
                let burden = metrics.nations.entry(nation.to_string()).or_default();
                burden.sorties += 1;
                burden.flight_hours += flight_hours;
                burden.flight_cost_usd += cost_usd;
            }
            _ => {}
        }
    }

    fn finish(&mut self, metrics: &mut RunMetrics) {
        metrics.cost_exchange = ratio(
            metrics.interceptor_cost_usd,
            metrics.threat_cost_destroyed_usd,
        );
        for burden in metrics.nations.values_mut() {
            burden.cost_usd = burden.interceptor_cost_usd + burden.flight_cost_usd;
        }
        for (type_id, outcome) in &metrics.threat_types {
            for (code, burden) in metrics.nations.iter_mut() {
                let kills = outcome.destroyed_by.get(code).copied().unwrap_or(0);
                if let Some(rate) = ratio(f64::from(kills), f64::from(outcome.entered_theatre)) {
                    burden
                        .interception_rate_by_threat_type
                        .insert(type_id.clone(), rate);
                }
            }
        }
    }
}
