//! The same nights against a second defence: what it would have changed, night by night.

use std::collections::BTreeMap;

use serde::Serialize;

use super::nights::NightPlan;
use super::predicted::Predicted;
use super::replay::NightRun;

/// One night under the record's defence and under the other one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NightComparison {
    /// The night.
    pub night: String,
    /// Threats of every raid of the night that reached their aim point: [defence, other].
    pub leaked: [Predicted; 2],
    /// Spillovers into NATO territory a night, mean: [defence, other].
    pub spillovers: [f64; 2],
    /// Each nation's interceptor and flight cost, USD, mean: [defence, other].
    pub cost_by_nation: [BTreeMap<String, f64>; 2],
}

/// The nights compared, in night order (`base[n]` and `other[n]` are night `n`'s runs).
pub fn compare_nights(
    nights: &[NightPlan],
    base: &[Vec<NightRun>],
    other: &[Vec<NightRun>],
) -> Vec<NightComparison> {
    nights
        .iter()
        .zip(base.iter().zip(other))
        .map(|(night, (base, other))| NightComparison {
            night: night.night.to_string(),
            leaked: [leaked(base), leaked(other)],
            spillovers: [mean_spillovers(base), mean_spillovers(other)],
            cost_by_nation: [mean_costs(base), mean_costs(other)],
        })
        .collect()
}

fn leaked(runs: &[NightRun]) -> Predicted {
    let values: Vec<f64> = runs
        .iter()
        .map(|run| run.raids.values().map(|o| f64::from(o.leaked)).sum())
        .collect();
    Predicted::of(&values)
}

fn mean_spillovers(runs: &[NightRun]) -> f64 {
    runs.iter()
        .map(|run| f64::from(run.spillovers))
        .sum::<f64>()
        / runs.len().max(1) as f64
}

fn mean_costs(runs: &[NightRun]) -> BTreeMap<String, f64> {
    let mut costs: BTreeMap<String, f64> = BTreeMap::new();
    for run in runs {
        for (nation, cost) in &run.cost_by_nation {
            *costs.entry(nation.clone()).or_default() += cost / runs.len() as f64;
        }
    }
    costs
}

/// The comparison's totals over the window: mean leakers a night, share of nights with a
/// spillover (mean over replications), and each nation's mean cost a night.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CounterfactualSummary {
    /// The other defence's name.
    pub defence: String,
    /// Mean leakers a night: [defence, other].
    pub leaked_per_night: [f64; 2],
    /// Mean spillovers a night: [defence, other].
    pub spillovers_per_night: [f64; 2],
    /// Mean cost a night by nation, USD: [defence, other].
    pub cost_per_night_by_nation: [BTreeMap<String, f64>; 2],
}

impl CounterfactualSummary {
    /// The totals of compared nights.
    pub fn new(defence: &str, nights: &[NightComparison]) -> CounterfactualSummary {
        let n = nights.len().max(1) as f64;
        let per = |side: usize| -> (f64, f64, BTreeMap<String, f64>) {
            let mut costs: BTreeMap<String, f64> = BTreeMap::new();
            for night in nights {
                for (nation, cost) in &night.cost_by_nation[side] {
                    *costs.entry(nation.clone()).or_default() += cost / n;
                }
            }
            (
                nights.iter().map(|c| c.leaked[side].mean).sum::<f64>() / n,
                nights.iter().map(|c| c.spillovers[side]).sum::<f64>() / n,
                costs,
            )
        };
        let (base, other) = (per(0), per(1));
        CounterfactualSummary {
            defence: defence.to_string(),
            leaked_per_night: [base.0, other.0],
            spillovers_per_night: [base.1, other.1],
            cost_per_night_by_nation: [base.2, other.2],
        }
    }
}
