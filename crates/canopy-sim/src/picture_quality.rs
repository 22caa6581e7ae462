//! Picture quality against truth: GOSPA (c = 5000 m, p = 2, α = 2, as the tracking benchmark)
//! and completeness, sampled during the run and averaged.

use canopy_geo::{EnuPosition, FreeVector};
use pathfinding::prelude::{Matrix, kuhn_munkres_min};

/// GOSPA cut-off distance, metres.
pub const GOSPA_CUTOFF_M: f64 = 5000.0;

/// One GOSPA evaluation.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GospaSample {
    /// GOSPA distance (p = 2, α = 2), metres.
    pub gospa_m: f64,
    /// Truth objects matched by an estimate closer than the cut-off.
    pub matched: usize,
}

/// GOSPA between `estimates` and `truths` (p = 2, α = 2, c = [`GOSPA_CUTOFF_M`]):
/// `(min over assignments Σ min(d, c)² + c²/2 · (unassigned))^(1/2)`. Objects farther apart than
/// `c` cost as much matched as unmatched, so the optimal assignment is solved separately on each
/// group of objects linked by distances below `c` (exact, and cheap when groups are small).
pub fn gospa(estimates: &[EnuPosition], truths: &[EnuPosition]) -> GospaSample {
    let c2 = GOSPA_CUTOFF_M * GOSPA_CUTOFF_M;
    let n = estimates.len();
    let mut parent: Vec<usize> = (0..n + truths.len()).collect();
    // The cut-off squared distance of a pair: d² below c², c² at or beyond it.
    let cut_d2 = |i: usize, j: usize| {
        let difference = estimates[i] - truths[j];
        difference.dot(difference).min(c2)
    };
    for (i, e) in estimates.iter().enumerate() {
        for (j, t) in truths.iter().enumerate() {
            let difference = *e - *t;
            if difference.dot(difference) < c2 {
                let (a, b) = (find(&mut parent, i), find(&mut parent, n + j));
                parent[a] = b;
            }
        }
    }
    let mut total = 0.0;
    let mut matched = 0;
    let mut groups: std::collections::BTreeMap<usize, (Vec<usize>, Vec<usize>)> =
        std::collections::BTreeMap::new();
    for i in 0..n {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().0.push(i);
    }
    for j in 0..truths.len() {
        let root = find(&mut parent, n + j);
        groups.entry(root).or_default().1.push(j);
    }
    for (rows, cols) in groups.values() {
        if rows.is_empty() || cols.is_empty() {
            total += c2 / 2.0 * (rows.len() + cols.len()) as f64;
            continue;
        }
        let (small, large, transposed) = if rows.len() <= cols.len() {
            (rows, cols, false)
        } else {
            (cols, rows, true)
        };
        // Costs in square millimetres, as integers for the Hungarian method.
        let cost = |a: usize, b: usize| -> i64 {
            let (i, j) = if transposed { (b, a) } else { (a, b) };
            (cut_d2(i, j) * 1e6).round() as i64
        };
        let assignment: Vec<usize> = if let [only] = small[..] {
            // One object against several: the optimum is the nearest of them.
            let nearest = (0..large.len()).min_by_key(|&k| (cost(only, large[k]), k));
            nearest.into_iter().collect()
        } else {
            let weights =
                Matrix::from_fn(small.len(), large.len(), |(r, k)| cost(small[r], large[k]));
            kuhn_munkres_min(&weights).1
        };
        for (r, &k) in assignment.iter().enumerate() {
            let d2 = cost(small[r], large[k]) as f64 / 1e6;
            if d2 < c2 {
                total += d2;
                matched += 1;
            } else {
                total += c2;
            }
        }
        total += c2 / 2.0 * (large.len() - small.len()) as f64;
    }
    GospaSample {
        gospa_m: total.sqrt(),
        matched,
    }
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Running means of picture quality over a run.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct QualityAccumulator {
    samples: u32,
    gospa_sum_m: f64,
    truths: usize,
    matched: usize,
    estimates: usize,
}

impl QualityAccumulator {
    /// Adds one comparison of the picture's positions with the truth positions.
    pub fn add(&mut self, estimates: &[EnuPosition], truths: &[EnuPosition]) {
        let sample = gospa(estimates, truths);
        self.samples += 1;
        self.gospa_sum_m += sample.gospa_m;
        self.truths += truths.len();
        self.matched += sample.matched;
        self.estimates += estimates.len();
    }

    /// Samples taken.
    pub fn samples(&self) -> u32 {
        self.samples
    }

    /// Mean GOSPA, metres (0 without samples).
    pub fn mean_gospa_m(&self) -> f64 {
        if self.samples == 0 {
            0.0
        } else {
            self.gospa_sum_m / f64::from(self.samples)
        }
    }

    /// Truth objects matched within the cut-off over all truth objects (1 without any).
    pub fn completeness(&self) -> f64 {
        if self.truths == 0 {
            1.0
        } else {
            self.matched as f64 / self.truths as f64
        }
    }

    /// Estimates not matched to any truth object over all estimates (0 without any).
    pub fn spuriousness(&self) -> f64 {
        if self.estimates == 0 {
            0.0
        } else {
            (self.estimates - self.matched) as f64 / self.estimates as f64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Positions from `[east, north, up]` metres.
    fn at(points: &[[f64; 3]]) -> Vec<EnuPosition> {
        points.iter().map(|&p| p.into()).collect()
    }

    #[test]
    fn worked_gospa_values() {
        // Identical sets: 0.
        let a = at(&[[0.0, 0.0, 0.0], [10_000.0, 0.0, 0.0]]);
        assert_eq!(gospa(&a, &a).gospa_m, 0.0);
        // One estimate 300 m off, one missed truth: √(300² + 5000²/2) = 3548.2 m.
        let est = at(&[[300.0, 0.0, 0.0]]);
        let g = gospa(&est, &a);
        assert!((g.gospa_m - (300.0f64.powi(2) + 12_500_000.0).sqrt()).abs() < 1e-6);
        assert_eq!(g.matched, 1);
        // Estimate 6 km from the only truth: one false and one missed, √(2 · 5000²/2) = 5000 m.
        let g = gospa(&at(&[[6000.0, 0.0, 0.0]]), &at(&[[0.0, 0.0, 0.0]]));
        assert!((g.gospa_m - 5000.0).abs() < 1e-6);
        assert_eq!(g.matched, 0);
        // Crossed pairs: the optimal assignment takes 1 km + 1 km, not 3 km + 3 km... both close.
        let truths = at(&[[0.0, 0.0, 0.0], [2000.0, 0.0, 0.0]]);
        let est = at(&[[3000.0, 0.0, 0.0], [1000.0, 0.0, 0.0]]);
        let g = gospa(&est, &truths);
        assert!((g.gospa_m - (2.0f64 * 1000.0 * 1000.0).sqrt()).abs() < 1e-6);
    }

    #[test]
    fn one_estimate_among_several_truths_takes_the_nearest() {
        // Truths 2 km, 1 km and 3 km from the one estimate, all within c: it takes the 1 km
        // one, and the other two are missed: √(1000² + 2 · 5000²/2) = 5099.02 m.
        let truths = at(&[[2000.0, 0.0, 0.0], [0.0, 1000.0, 0.0], [0.0, 0.0, 3000.0]]);
        let g = gospa(&[EnuPosition::default()], &truths);
        assert!((g.gospa_m - (1.0e6f64 + 25.0e6).sqrt()).abs() < 1e-6);
        assert_eq!(g.matched, 1);
    }

    #[test]
    fn empty_sets() {
        assert_eq!(gospa(&[], &[]).gospa_m, 0.0);
        let g = gospa(&[], &at(&[[0.0; 3], [1.0e5, 0.0, 0.0]]));
        assert!((g.gospa_m - 5000.0).abs() < 1e-6);
    }
}
