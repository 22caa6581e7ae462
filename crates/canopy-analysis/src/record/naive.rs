//! The naive forecast a model must beat: "the same rates as the year before", each group's
//! reported rate pooled over the 365 nights before the window.

use std::collections::BTreeMap;

use serde::Serialize;

use super::date::Date;
use super::nights::plan_nights;
use super::score::{Scores, score};
use super::table::RecordTable;

/// Nights in the year before the window.
const YEAR_NIGHTS: i64 = 365;

/// The naive forecast of a window, and the model's skill against it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NaiveForecast {
    /// First night of the year before the window.
    pub from: String,
    /// Last night of that year (the night before the window).
    pub to: String,
    /// By group: its reported rate that year, the forecast (`None`: no launches then).
    pub rates: BTreeMap<&'static str, Option<f64>>,
    /// Mean over the groups forecast and reported of |forecast − reported|, percentage points.
    pub mean_abs_error_pp: Option<f64>,
    /// The model's mean absolute error over the same groups, percentage points.
    pub model_mean_abs_error_pp: Option<f64>,
    /// 1 − model error / naive error: above 0 the model beats the naive forecast.
    pub skill: Option<f64>,
}

/// The naive forecast of the window starting `from`, scored with the window's `scores`.
pub fn naive_forecast(table: &RecordTable, from: Date, scores: &Scores) -> NaiveForecast {
    let last = Date::from_days_since_epoch(from.days_since_epoch() - 1);
    let first = Date::from_days_since_epoch(from.days_since_epoch() - YEAR_NIGHTS);
    let nights = plan_nights(table, first, last);
    // scored without replications: only the reported rates
    let year_before = score(table, &nights, &vec![Vec::new(); nights.len()]);
    let rates: BTreeMap<&'static str, Option<f64>> = year_before
        .groups
        .iter()
        .map(|(group, score)| (group.name(), score.reported_rate))
        .collect();
    let mut naive_errors = Vec::new();
    let mut model_errors = Vec::new();
    for (group, score) in &scores.groups {
        let forecast = rates.get(group.name()).copied().flatten();
        if let (Some(forecast), Some(reported), Some(predicted)) =
            (forecast, score.reported_rate, score.predicted_rate)
        {
            naive_errors.push((forecast - reported).abs());
            model_errors.push((predicted - reported).abs());
        }
    }
    let mean_pp = |errors: &[f64]| {
        (!errors.is_empty()).then(|| 100.0 * errors.iter().sum::<f64>() / errors.len() as f64)
    };
    let naive = mean_pp(&naive_errors);
    let model = mean_pp(&model_errors);
    NaiveForecast {
        from: first.to_string(),
        to: last.to_string(),
        rates,
        mean_abs_error_pp: naive,
        model_mean_abs_error_pp: model,
        skill: match (naive, model) {
            (Some(naive), Some(model)) if naive > 0.0 => Some(1.0 - model / naive),
            _ => None,
        },
    }
}
