//! A figure predicted over replications: its mean and its 5 %-95 % quantile interval.

use serde::Serialize;

use crate::stats::quantile;

/// Quantiles of a predicted interval: 5 % and 95 %.
pub const INTERVAL_QUANTILES: (f64, f64) = (0.05, 0.95);

/// A mean over replications and its 5 %-95 % quantile interval.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Predicted {
    /// Mean over replications.
    pub mean: f64,
    /// 5 % quantile.
    pub lo: f64,
    /// 95 % quantile.
    pub hi: f64,
}

impl Predicted {
    /// Of one value per replication (none: all zero).
    pub fn of(values: &[f64]) -> Predicted {
        if values.is_empty() {
            return Predicted {
                mean: 0.0,
                lo: 0.0,
                hi: 0.0,
            };
        }
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        Predicted {
            mean: values.iter().sum::<f64>() / values.len() as f64,
            lo: quantile(&sorted, INTERVAL_QUANTILES.0),
            hi: quantile(&sorted, INTERVAL_QUANTILES.1),
        }
    }
}
