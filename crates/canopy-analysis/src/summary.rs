//! The aggregate of a Monte Carlo (`summary.json`, schema in `docs/mc.md`): moments and a 95 % t
//! interval of every numeric column of `runs.parquet`, Wilson intervals of the proportions, and
//! the distributions of leakers and cost per night.

use std::collections::BTreeMap;

use canopy_io::{Column, Table};
use serde::Serialize;

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

fn sum(values: &[Option<f64>]) -> u64 {
    values.iter().flatten().sum::<f64>() as u64
}

fn nights_where(values: &[Option<f64>], test: impl Fn(f64) -> bool) -> u64 {
    values.iter().flatten().filter(|&&x| test(x)).count() as u64
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
    let nights = table.rows as u64;
    let leaked = column_numbers(table, "leaked");
    let entered = column_numbers(table, "entered_theatre");
    let mut proportions = BTreeMap::new();
    proportions.insert(
        "leak_probability".to_string(),
        Proportion::new("threat", sum(&leaked), sum(&entered)),
    );
    for (name, _) in &table.columns {
        if let Some(kind) = name
            .strip_prefix("threat_types.")
            .and_then(|rest| rest.strip_suffix(".leaked"))
        {
            let entered = column_numbers(table, &format!("threat_types.{kind}.entered_theatre"));
            proportions.insert(
                format!("leak_probability.{kind}"),
                Proportion::new("threat", sum(&column_numbers(table, name)), sum(&entered)),
            );
        }
    }
    let night_share = |column: &str| {
        let values = column_numbers(table, column);
        Proportion::new("night", nights_where(&values, |x| x > 0.0), nights)
    };
    proportions.insert("any_leaker_probability".to_string(), night_share("leaked"));
    proportions.insert(
        "spillover_probability".to_string(),
        night_share("spillover.count"),
    );
    proportions.insert(
        "roe_breach_probability".to_string(),
        night_share("roe_breaches"),
    );

    let columns = table
        .columns
        .iter()
        .filter(|(name, _)| name != "seed" && name != "replication")
        .filter_map(|(name, column)| {
            let values: Vec<f64> = numbers(column)?.into_iter().flatten().collect();
            Some((name.clone(), moments(&values)?))
        })
        .collect();

    let mut per_night = BTreeMap::new();
    let leaked_values: Vec<f64> = leaked.iter().flatten().copied().collect();
    let leak_rate: Vec<f64> = leaked
        .iter()
        .zip(&entered)
        .filter_map(|(l, e)| match (l, e) {
            (Some(l), Some(e)) if *e > 0.0 => Some(l / e),
            _ => None,
        })
        .collect();
    let cost: Vec<f64> = column_numbers(table, "interceptor_cost_usd")
        .iter()
        .zip(&column_numbers(table, "flight_cost_usd"))
        .filter_map(|(a, b)| a.map(|a| a + b.unwrap_or(0.0)))
        .collect();
    for (name, values) in [
        ("leaked", leaked_values),
        ("leak_rate", leak_rate),
        ("cost_usd", cost),
    ] {
        if let Some(d) = distribution(&values) {
            per_night.insert(name.to_string(), d);
        }
    }
    Summary {
        runs: nights,
        proportions,
        columns,
        per_night,
    }
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
}
