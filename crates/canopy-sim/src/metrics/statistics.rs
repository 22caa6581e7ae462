//! The small statistics of a run's figures: ratios, medians and nearest-rank percentiles.

/// `numerator / denominator`, `None` unless the denominator is positive.
pub(crate) fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator > 0.0).then(|| numerator / denominator)
}

/// The median of a list (mean of the middle two for an even count), `None` when empty.
pub fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    Some(if values.len() % 2 == 0 {
        (values[middle - 1] + values[middle]) / 2.0
    } else {
        values[middle]
    })
}

/// The `q` quantile of a list by nearest rank (the smallest value with at least a fraction `q`
/// of the list at or below it), `None` when empty.
pub fn percentile_nearest_rank(mut values: Vec<f64>, q: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let rank = (q * values.len() as f64).ceil().max(1.0) as usize;
    Some(values[rank.min(values.len()) - 1])
}

#[cfg(test)]
mod tests {
    use super::{median, percentile_nearest_rank, ratio};

    #[test]
    fn p90_by_nearest_rank() {
        let values: Vec<f64> = (1..=10).map(f64::from).collect();
        // ceil(0.9 * 10) = 9th smallest.
        assert_eq!(percentile_nearest_rank(values, 0.9), Some(9.0));
        // ceil(0.9 * 11) = 10th smallest of 0..=10.
        let values: Vec<f64> = (0..=10).map(f64::from).collect();
        assert_eq!(percentile_nearest_rank(values, 0.9), Some(9.0));
        assert_eq!(percentile_nearest_rank(vec![7.0], 0.9), Some(7.0));
        assert_eq!(percentile_nearest_rank(vec![], 0.9), None);
    }

    #[test]
    fn median_of_odd_and_even_lists() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(vec![]), None);
    }

    #[test]
    fn a_ratio_needs_a_positive_denominator() {
        assert_eq!(ratio(3.0, 4.0), Some(0.75));
        assert_eq!(ratio(3.0, 0.0), None);
    }
}
