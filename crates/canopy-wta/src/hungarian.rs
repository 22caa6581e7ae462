//! Minimum-cost assignment of `n` rows to distinct columns on a sparse bipartite graph:
//! successive shortest augmenting paths (Dijkstra with column potentials, as in Jonker and
//! Volgenant's augmentation phase), with reusable buffers.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// A heap entry ordered by smallest distance first.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Entry(f64, usize);

impl Eq for Entry {}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        other.0.total_cmp(&self.0).then(other.1.cmp(&self.1))
    }
}

const NONE: usize = usize::MAX;

/// A sparse assignment problem and its solver's buffers.
#[derive(Debug, Clone, Default)]
pub(crate) struct SparseAssignment {
    row_start: Vec<usize>,
    edges: Vec<(usize, f64)>,
    v: Vec<f64>,
    row_col: Vec<usize>,
    col_row: Vec<usize>,
    dist: Vec<f64>,
    pred: Vec<usize>,
    done: Vec<bool>,
    touched: Vec<usize>,
    order: Vec<usize>,
    heap: BinaryHeap<Entry>,
}

impl SparseAssignment {
    /// Starts a new problem.
    pub(crate) fn clear(&mut self) {
        self.row_start.clear();
        self.row_start.push(0);
        self.edges.clear();
    }

    /// Adds an edge (column, cost) to the row being built.
    pub(crate) fn edge(&mut self, col: usize, cost: f64) {
        self.edges.push((col, cost));
    }

    /// Closes the row being built.
    pub(crate) fn end_row(&mut self) {
        self.row_start.push(self.edges.len());
    }

    /// Solves with `m` columns; returns the column of each row (`usize::MAX` for a row that
    /// cannot be matched; callers make every row matchable).
    pub(crate) fn solve(&mut self, m: usize) -> &[usize] {
        let n = self.row_start.len() - 1;
        self.v.clear();
        self.v.resize(m, 0.0);
        self.row_col.clear();
        self.row_col.resize(n, NONE);
        self.col_row.clear();
        self.col_row.resize(m, NONE);
        self.dist.clear();
        self.dist.resize(m, f64::INFINITY);
        self.pred.clear();
        self.pred.resize(m, NONE);
        self.done.clear();
        self.done.resize(m, false);
        for s in 0..n {
            self.augment(s);
        }
        &self.row_col
    }

    /// Finds a shortest augmenting path from free row `s` and augments along it.
    fn augment(&mut self, s: usize) {
        self.heap.clear();
        self.touched.clear();
        for k in self.row_start[s]..self.row_start[s + 1] {
            let (c, w) = self.edges[k];
            let d = w - self.v[c];
            if d < self.dist[c] {
                if self.dist[c] == f64::INFINITY {
                    self.touched.push(c);
                }
                self.dist[c] = d;
                self.pred[c] = s;
                self.heap.push(Entry(d, c));
            }
        }
        let mut sink = NONE;
        let mut finalized_end = 0;
        self.order.clear();
        while let Some(Entry(d, c)) = self.heap.pop() {
            if self.done[c] || d > self.dist[c] {
                continue;
            }
            self.done[c] = true;
            self.order.push(c);
            let r = self.col_row[c];
            if r == NONE {
                sink = c;
                break;
            }
            finalized_end += 1;
            // reduced cost of r's matched edge
            let base = self.edge_cost(r, c) - self.v[c];
            for k in self.row_start[r]..self.row_start[r + 1] {
                let (c2, w) = self.edges[k];
                if self.done[c2] {
                    continue;
                }
                let nd = d + (w - self.v[c2]) - base;
                if nd < self.dist[c2] {
                    if self.dist[c2] == f64::INFINITY {
                        self.touched.push(c2);
                    }
                    self.dist[c2] = nd;
                    self.pred[c2] = r;
                    self.heap.push(Entry(nd, c2));
                }
            }
        }
        if sink != NONE {
            let total = self.dist[sink];
            for &c in &self.order[..finalized_end] {
                self.v[c] += self.dist[c] - total;
            }
            self.flip(s, sink);
        }
        for &c in &self.touched {
            self.dist[c] = f64::INFINITY;
            self.done[c] = false;
        }
        for &c in &self.order {
            self.done[c] = false;
        }
    }

    /// Augments along the predecessor chain from column `sink` back to row `s`.
    fn flip(&mut self, s: usize, sink: usize) {
        let mut c = sink;
        loop {
            let r = self.pred[c];
            let prev = self.row_col[r];
            self.row_col[r] = c;
            self.col_row[c] = r;
            if r == s {
                break;
            }
            c = prev;
        }
    }

    fn edge_cost(&self, r: usize, c: usize) -> f64 {
        self.edges[self.row_start[r]..self.row_start[r + 1]]
            .iter()
            .find(|e| e.0 == c)
            .map_or(f64::INFINITY, |e| e.1)
    }
}
