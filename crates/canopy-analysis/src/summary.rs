//! The aggregate of a Monte Carlo (`summary.json`, schema in `docs/mc.md`): moments and a 95 % t
//! interval of every numeric column of `runs.parquet`, Wilson intervals of the proportions, and
//! the distributions of leakers and cost per night.

use std::collections::BTreeMap;

use canopy_io::{Column, Table};
use canopy_sim::metrics::{Metric, ThreatTypeMetric};
use serde::Serialize;

use crate::figures::{
    PerNight, SummaryProportion, counts_night, leak_probability_of, leak_rate, night_cost,
};
use crate::stats::{Interval, Moments, Z_95, moments, quantile, wilson};

/// A proportion with its 95 % Wilson interval.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Proportion {
    /// What is counted: `threat` (pooled over every threat of every night) or `night`.
    pub unit: &'static str,
    /// Successes counted.
    pub successes: u64,
    /// Trials counted.
    pub trials: u64,
    /// `successes / trials` (`null` without trials).
    pub estimate: Option<f64>,
    /// 95 % Wilson score interval (`null` without trials).
    pub wilson95: Option<Interval>,
}

impl Proportion {
    fn new(unit: &'static str, successes: u64, trials: u64) -> Proportion {
        Proportion {
            unit,
            successes,
            trials,
            estimate: (trials > 0).then(|| successes as f64 / trials as f64),
            wilson95: wilson(successes, trials, Z_95),
        }
    }

    /// `estimate (95% CI low to high, successes/trials UNIT)`, or `None` without trials.
    pub fn estimate_with_interval(&self) -> Option<String> {
        let (estimate, ci) = (self.estimate?, self.wilson95?);
        Some(format!(
            "{estimate:.4} (95% CI {:.4} to {:.4}; {}/{} {}s)",
            ci.low, ci.high, self.successes, self.trials, self.unit
        ))
    }
}

/// Equal-width histogram.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Histogram {
    /// Bin edges, one more than the counts; the last bin includes its upper edge.
    pub edges: Vec<f64>,
    /// Values per bin.
    pub counts: Vec<u64>,
}

/// The distribution of one per-night quantity.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Distribution {
    /// Mean, spread and t interval.
    pub moments: Moments,
    /// Quantiles 5, 25, 50, 75 and 95 % (type 7).
    pub quantiles: BTreeMap<String, f64>,
    /// Twenty equal bins from the minimum to the maximum (one bin when they are equal).
    pub histogram: Histogram,
}

/// The aggregate of a Monte Carlo.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// Replications aggregated.
    pub runs: u64,
    /// Proportions: `leak_probability` (and `leak_probability.TYPE`), `any_leaker_probability`,
    /// `spillover_probability`, `roe_breach_probability`.
    pub proportions: BTreeMap<String, Proportion>,
    /// Moments of every numeric column of `runs.parquet` but `seed` and `replication`.
    pub columns: BTreeMap<String, Moments>,
    /// Distributions of `leaked`, `leak_rate` (leaked / entered the theatre, nights where some
    /// entered) and `cost_usd` (interceptor and flight-hour cost) per night.
    pub per_night: BTreeMap<String, Distribution>,
}

impl Summary {
    /// One of the proportions (`None` if the summary lacks it).
    pub fn proportion(&self, which: SummaryProportion) -> Option<&Proportion> {
        self.proportions.get(which.name())
    }

    /// One of the per-night distributions (`None` when no night defines it).
    pub fn distribution(&self, which: PerNight) -> Option<&Distribution> {
        self.per_night.get(which.name())
    }
}

/// The non-null values of a numeric column as reals, in row order.
fn numbers(column: &Column) -> Option<Vec<Option<f64>>> {
    match column {
        Column::UInt(v) => Some(v.iter().map(|x| x.map(|x| x as f64)).collect()),
        Column::Int(v) => Some(v.iter().map(|x| x.map(|x| x as f64)).collect()),
        Column::Float(v) => Some(v.clone()),
        Column::Bool(_) | Column::Text(_) => None,
    }
}

fn column_numbers(table: &Table, name: &str) -> Vec<Option<f64>> {
    table
        .column(name)
        .and_then(numbers)
        .unwrap_or_else(|| vec![None; table.rows])
}

/// A proportion pooled over the nights holding both counts: the sum of `successes` over the sum
/// of `trials` (so a column the table lacks gives no trials, never a zero).
fn pooled(unit: &'static str, successes: &[Option<f64>], trials: &[Option<f64>]) -> Proportion {
    let pairs: Vec<(f64, f64)> = successes
        .iter()
        .zip(trials)
        .filter_map(|(s, t)| Some(((*s)?, (*t)?)))
        .collect();
    Proportion::new(
        unit,
        pairs.iter().map(|p| p.0).sum::<f64>() as u64,
        pairs.iter().map(|p| p.1).sum::<f64>() as u64,
    )
}

/// The share of the nights holding a value of `column` where it makes the night count.
fn night_share(table: &Table, column: Metric) -> Proportion {
    let values: Vec<f64> = column_numbers(table, column.name())
        .into_iter()
        .flatten()
        .collect();
    let nights = values.iter().filter(|&&x| counts_night(x)).count() as u64;
    Proportion::new("night", nights, values.len() as u64)
}

fn distribution(values: &[f64]) -> Option<Distribution> {
    let moments = moments(values)?;
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let quantiles = [5, 25, 50, 75, 95]
        .into_iter()
        .map(|p| (format!("p{p:02}"), quantile(&sorted, f64::from(p) / 100.0)))
        .collect();
    let (low, high) = (moments.min, moments.max);
    let bins = if high > low { 20 } else { 1 };
    let width = (high - low) / bins as f64;
    let edges = (0..=bins).map(|i| low + width * i as f64).collect();
    let mut counts = vec![0; bins];
    for x in values {
        let bin = if width > 0.0 {
            (((x - low) / width) as usize).min(bins - 1)
        } else {
            0
        };
        counts[bin] += 1;
    }
    Some(Distribution {
        moments,
        quantiles,
        histogram: Histogram { edges, counts },
    })
}

/// Aggregates the table of runs (one row per replication, `RunMetrics` columns).
pub fn summarise(table: &Table) -> Summary {
    Summary {
        runs: table.rows as u64,
        proportions: proportions(table),
        columns: column_moments(table),
        per_night: per_night(table),
    }
}

/// Every proportion: the pooled leak probability (overall and by threat type) and the night
/// shares.
fn proportions(table: &Table) -> BTreeMap<String, Proportion> {
    let leaked = column_numbers(table, Metric::Leaked.name());
    let entered = column_numbers(table, Metric::EnteredTheatre.name());
    let mut proportions = BTreeMap::new();
    proportions.insert(
        SummaryProportion::LeakProbability.name().to_string(),
        pooled("threat", &leaked, &entered),
    );
    for (name, _) in &table.columns {
        if let Some(kind) = ThreatTypeMetric::Leaked.threat_type_of(name) {
            let entered = column_numbers(table, &ThreatTypeMetric::EnteredTheatre.column(kind));
            proportions.insert(
                leak_probability_of(kind),
                pooled("threat", &column_numbers(table, name), &entered),
            );
        }
    }
    for which in SummaryProportion::ALL {
        if let Some(column) = which.night_column() {
            proportions.insert(which.name().to_string(), night_share(table, column));
        }
    }
    proportions
}

/// The moments of every numeric column but the seed and the replication number.
fn column_moments(table: &Table) -> BTreeMap<String, Moments> {
    table
        .columns
        .iter()
        .filter(|(name, _)| name != Metric::Seed.name() && name != Metric::Replication.name())
        .filter_map(|(name, column)| {
            let values: Vec<f64> = numbers(column)?.into_iter().flatten().collect();
            Some((name.clone(), moments(&values)?))
        })
        .collect()
}

/// The distributions of the per-night figures, each over the nights that define it.
fn per_night(table: &Table) -> BTreeMap<String, Distribution> {
    let leaked = column_numbers(table, Metric::Leaked.name());
    let entered = column_numbers(table, Metric::EnteredTheatre.name());
    let leak_rates: Vec<f64> = leaked
        .iter()
        .zip(&entered)
        .filter_map(|(l, e)| leak_rate((*l)?, (*e)?))
        .collect();
    let costs: Vec<f64> = column_numbers(table, Metric::InterceptorCostUsd.name())
        .iter()
        .zip(&column_numbers(table, Metric::FlightCostUsd.name()))
        .filter_map(|(a, b)| Some(night_cost((*a)?, (*b)?)))
        .collect();
    let mut per_night = BTreeMap::new();
    for (which, values) in [
        (PerNight::Leaked, leaked.iter().flatten().copied().collect()),
        (PerNight::LeakRate, leak_rates),
        (PerNight::CostUsd, costs),
    ] {
        if let Some(d) = distribution(&values) {
            per_night.insert(which.name().to_string(), d);
        }
    }
    per_night
}

#[cfg(test)]
mod tests {
    use super::*;
    use canopy_io::Missing;
    use serde_json::json;

    #[test]
    fn proportions_pool_threats_and_count_nights() {
        let rows = [
            json!({"leaked": 2, "entered_theatre": 10, "spillover": {"count": 0}, "roe_breaches": 0,
                   "interceptor_cost_usd": 100.0, "flight_cost_usd": 50.0}),
            json!({"leaked": 0, "entered_theatre": 10, "spillover": {"count": 3}, "roe_breaches": 0,
                   "interceptor_cost_usd": 200.0, "flight_cost_usd": 0.0}),
        ];
        let summary = summarise(&Table::from_rows(&rows, Missing::ZeroCounts));
        let leak = &summary.proportions["leak_probability"];
        assert_eq!(
            (leak.successes, leak.trials, leak.estimate),
            (2, 20, Some(0.1))
        );
        let spill = &summary.proportions["spillover_probability"];
        assert_eq!((spill.successes, spill.trials), (1, 2));
        let cost = &summary.per_night["cost_usd"];
        assert_eq!(cost.moments.mean, 175.0);
        assert_eq!(cost.histogram.counts.iter().sum::<u64>(), 2);
        assert_eq!(summary.per_night["leak_rate"].moments.mean, 0.1);
        assert!(!summary.columns.contains_key("replication"));
    }

    #[test]
    fn a_column_the_runs_lack_gives_a_proportion_without_trials_never_a_zero() {
        let rows = [json!({"leaked": 2, "entered_theatre": 10, "spillover": {"count": 0}})];
        let summary = summarise(&Table::from_rows(&rows, Missing::ZeroCounts));
        let breaches = &summary.proportions["roe_breach_probability"];
        assert_eq!((breaches.trials, breaches.estimate), (0, None));
        let spill = &summary.proportions["spillover_probability"];
        assert_eq!((spill.trials, spill.estimate), (1, Some(0.0)));
    }
}
