//! Minimum-cost assignment of `n` rows to distinct columns out of `m >= n` on a dense cost
//! matrix (Hungarian method with potentials, O(n² m)), with reusable buffers.

/// Reusable buffers of the dense Hungarian method.
#[derive(Debug, Clone, Default)]
pub(crate) struct DenseAssignment {
    u: Vec<f64>,
    v: Vec<f64>,
    col_row: Vec<usize>,
    way: Vec<usize>,
    min_v: Vec<f64>,
    used: Vec<bool>,
}

impl DenseAssignment {
    /// The minimum of `Σ_r cost[r * m + col(r)]` over injective `col` (rows `0..n`).
    pub(crate) fn min_cost(&mut self, cost: &[f64], n: usize, m: usize) -> f64 {
        debug_assert!(n <= m && cost.len() >= n * m);
        self.u.clear();
        self.u.resize(n + 1, 0.0);
        self.v.clear();
        self.v.resize(m + 1, 0.0);
        self.col_row.clear();
        self.col_row.resize(m + 1, 0);
        self.way.clear();
        self.way.resize(m + 1, 0);
        // row 0 and column 0 are sentinels; real rows and columns are 1-based here
        for i in 1..=n {
            self.col_row[0] = i;
            let mut j0 = 0;
            self.min_v.clear();
            self.min_v.resize(m + 1, f64::INFINITY);
            self.used.clear();
            self.used.resize(m + 1, false);
            loop {
                self.used[j0] = true;
                let i0 = self.col_row[j0];
                let row = &cost[(i0 - 1) * m..i0 * m];
                let ui0 = self.u[i0];
                let mut delta = f64::INFINITY;
                let mut j1 = 0;
                for j in 1..=m {
                    if !self.used[j] {
                        let cur = row[j - 1] - ui0 - self.v[j];
                        if cur < self.min_v[j] {
                            self.min_v[j] = cur;
                            self.way[j] = j0;
                        }
                        if self.min_v[j] < delta {
                            delta = self.min_v[j];
                            j1 = j;
                        }
                    }
                }
                for j in 0..=m {
                    if self.used[j] {
                        self.u[self.col_row[j]] += delta;
                        self.v[j] -= delta;
                    } else {
                        self.min_v[j] -= delta;
                    }
                }
                j0 = j1;
                if self.col_row[j0] == 0 {
                    break;
                }
            }
            loop {
                let j1 = self.way[j0];
                self.col_row[j0] = self.col_row[j1];
                j0 = j1;
                if j0 == 0 {
                    break;
                }
            }
        }
        (1..=m)
            .filter(|&j| self.col_row[j] != 0)
            .map(|j| cost[(self.col_row[j] - 1) * m + j - 1])
            .sum()
    }
}
