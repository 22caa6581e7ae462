//! Interval estimates: Wilson score intervals for proportions and Student t intervals for means.

use serde::Serialize;

/// The two-sided 95 % normal quantile.
pub const Z_95: f64 = 1.959_963_984_540_054;

/// A two-sided interval `[low, high]`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Interval {
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

impl Interval {
    /// Whether `x` lies inside (bounds included).
    pub fn contains(&self, x: f64) -> bool {
        self.low <= x && x <= self.high
    }
}

/// The Wilson score interval of a proportion: `successes` out of `trials`, normal quantile `z`.
/// `None` when there are no trials.
pub fn wilson(successes: u64, trials: u64, z: f64) -> Option<Interval> {
    if trials == 0 {
        return None;
    }
    let n = trials as f64;
    let p = successes as f64 / n;
    let z2 = z * z;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = z / (1.0 + z2 / n) * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    Some(Interval {
        low: (centre - half).max(0.0),
        high: (centre + half).min(1.0),
    })
}

/// The upper 97.5 % quantile of Student's t with `df` degrees of freedom: tabulated for 1 to 3,
/// otherwise the Cornish–Fisher expansion about the normal quantile (Abramowitz and Stegun 26.7.5,
/// within 1e-3 of the tables from 4 degrees of freedom on).
pub fn t_975(df: u64) -> f64 {
    match df {
        0 => f64::INFINITY,
        1 => 12.706_204_736_174_7,
        2 => 4.302_652_729_749_46,
        3 => 3.182_446_305_284_263,
        _ => {
            let z = Z_95;
            let n = df as f64;
            let z3 = z.powi(3);
            let z5 = z.powi(5);
            let z7 = z.powi(7);
            let z9 = z.powi(9);
            z + (z3 + z) / (4.0 * n)
                + (5.0 * z5 + 16.0 * z3 + 3.0 * z) / (96.0 * n * n)
                + (3.0 * z7 + 19.0 * z5 + 17.0 * z3 - 15.0 * z) / (384.0 * n.powi(3))
                + (79.0 * z9 + 776.0 * z7 + 1482.0 * z5 - 1920.0 * z3 - 945.0 * z)
                    / (92_160.0 * n.powi(4))
        }
    }
}

/// Mean, spread and a 95 % t interval of the mean of a sample.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Moments {
    /// Values (non-null).
    pub n: u64,
    /// Arithmetic mean.
    pub mean: f64,
    /// Sample standard deviation (`n - 1` in the denominator; 0 for one value).
    pub sd: f64,
    /// Smallest value.
    pub min: f64,
    /// Largest value.
    pub max: f64,
    /// 95 % Student t interval of the mean (`null` for fewer than two values).
    pub ci95: Option<Interval>,
}

/// The moments of `values`; `None` when empty.
pub fn moments(values: &[f64]) -> Option<Moments> {
    if values.is_empty() {
        return None;
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let variance = if values.len() > 1 {
        values.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)
    } else {
        0.0
    };
    let sd = variance.sqrt();
    let ci95 = (values.len() > 1).then(|| {
        let half = t_975(values.len() as u64 - 1) * sd / n.sqrt();
        Interval {
            low: mean - half,
            high: mean + half,
        }
    });
    Some(Moments {
        n: values.len() as u64,
        mean,
        sd,
        min: values.iter().copied().fold(f64::INFINITY, f64::min),
        max: values.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        ci95,
    })
}

/// The `q` quantile (0..=1) of sorted values, by linear interpolation between order statistics
/// (Hyndman and Fan type 7, the default of R and NumPy).
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * q;
    let below = h.floor() as usize;
    let above = (below + 1).min(sorted.len() - 1);
    sorted[below] + (h - below as f64) * (sorted[above] - sorted[below])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_matches_the_worked_example() {
        // 8 of 10 at 95 %: centre (0.8 + 0.19207) / 1.38415 = 0.71679, half-width
        // 1.95996 / 1.38415 * sqrt(0.016 + 0.0096037) = 0.22657 -> [0.4902, 0.9433]
        // (Newcombe 1998 lists 0.4902 to 0.9433).
        let ci = wilson(8, 10, Z_95).unwrap();
        assert!((ci.low - 0.4902).abs() < 1e-4, "{ci:?}");
        assert!((ci.high - 0.9433).abs() < 1e-4, "{ci:?}");
        // 0 of 10: lower bound 0, upper z²/(n+z²) = 3.8415 / 13.8415 = 0.2775.
        let ci = wilson(0, 10, Z_95).unwrap();
        assert_eq!(ci.low, 0.0);
        assert!((ci.high - 0.2775).abs() < 1e-4, "{ci:?}");
        assert_eq!(wilson(0, 0, Z_95), None);
    }

    #[test]
    fn t_quantiles_match_the_tables() {
        for (df, table) in [
            (3, 3.182),
            (5, 2.571),
            (10, 2.228),
            (30, 2.042),
            (120, 1.980),
        ] {
            assert!((t_975(df) - table).abs() < 1.5e-3, "df {df}: {}", t_975(df));
        }
    }

    #[test]
    fn moments_of_a_small_sample() {
        // 2, 4, 6: mean 4, sd 2, half-width t(2) * 2 / sqrt(3) = 4.3027 * 1.1547 = 4.9683.
        let m = moments(&[2.0, 4.0, 6.0]).unwrap();
        assert_eq!((m.n, m.mean, m.sd, m.min, m.max), (3, 4.0, 2.0, 2.0, 6.0));
        let ci = m.ci95.unwrap();
        assert!((ci.high - 8.9683).abs() < 1e-3, "{ci:?}");
        assert_eq!(moments(&[]), None);
    }

    #[test]
    fn quantiles_interpolate_between_order_statistics() {
        let sorted = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(quantile(&sorted, 0.0), 1.0);
        assert_eq!(quantile(&sorted, 0.5), 2.5);
        assert_eq!(quantile(&sorted, 1.0), 4.0);
    }
}
