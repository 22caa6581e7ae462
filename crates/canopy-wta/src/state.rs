//! An assignment with incrementally maintained target survival, for fast move evaluation.
//!
//! Per target the product of its non-zero survival factors and the count of zero factors
//! (rounds with p = 1) are kept, so removing a round is exact even when p = 1.

use crate::problem::Problem;

/// A (feasible) assignment of units to targets with cached survival products and counters.
#[derive(Debug, Clone)]
pub(crate) struct State<'p> {
    pub(crate) problem: &'p Problem,
    /// Target of each unit.
    pub(crate) target: Vec<Option<usize>>,
    prod: Vec<f64>,
    zeros: Vec<u32>,
    /// Rounds per (shooter, target).
    per_pair: Vec<u32>,
    /// Rounds per shooter fired at targets outside its reserved class.
    other: Vec<u32>,
    cost: f64,
}

impl<'p> State<'p> {
    /// The empty assignment.
    pub(crate) fn new(problem: &'p Problem) -> Self {
        let t = problem.n_targets();
        Self {
            problem,
            target: vec![None; problem.n_units()],
            prod: vec![1.0; t],
            zeros: vec![0; t],
            per_pair: vec![0; problem.n_shooters() * t],
            other: vec![0; problem.n_shooters()],
            cost: 0.0,
        }
    }

    /// Sets the state to `assignment` (assumed feasible), recomputing every cache exactly.
    pub(crate) fn load(&mut self, assignment: &[Option<usize>]) {
        self.target.copy_from_slice(assignment);
        self.resync();
    }

    /// Recomputes every cache from the assignment (removes rounding drift).
    pub(crate) fn resync(&mut self) {
        self.prod.fill(1.0);
        self.zeros.fill(0);
        self.per_pair.fill(0);
        self.other.fill(0);
        self.cost = 0.0;
        for u in 0..self.target.len() {
            if let Some(j) = self.target[u] {
                self.target[u] = None;
                self.add(u, j);
            }
        }
    }

    /// Survival probability of target `j` now.
    #[inline]
    pub(crate) fn surv(&self, j: usize) -> f64 {
        if self.zeros[j] > 0 { 0.0 } else { self.prod[j] }
    }

    /// Survival of target `j` if unit `u` (assigned to `j`) were removed.
    #[inline]
    pub(crate) fn surv_without(&self, u: usize, j: usize) -> f64 {
        let q = self.problem.survival(u, j);
        if q == 0.0 {
            if self.zeros[j] > 1 { 0.0 } else { self.prod[j] }
        } else if self.zeros[j] > 0 {
            0.0
        } else {
            self.prod[j] / q
        }
    }

    /// The objective (surviving value + weighted cost) from the caches.
    pub(crate) fn objective(&self) -> f64 {
        let v = self.problem.values();
        (0..v.len()).map(|j| v[j] * self.surv(j)).sum::<f64>() + self.cost
    }

    /// Whether unit `u` (currently unassigned or moving away from `from`) may go to `j`.
    #[inline]
    pub(crate) fn can_take(&self, u: usize, from: Option<usize>, j: usize) -> bool {
        let p = self.problem;
        if !p.allowed(u, j) || from == Some(j) {
            return false;
        }
        let s = p.shooter_of(u);
        if self.per_pair[s * p.n_targets() + j] >= p.salvo(s) {
            return false;
        }
        let (cap, class) = p.other_class_cap(s);
        match class {
            Some(c) if c != p.class(j) => {
                let freed = from.is_some_and(|f| p.class(f) != c);
                freed || self.other[s] < cap
            }
            _ => true,
        }
    }

    /// Assigns the unassigned unit `u` to `j`.
    #[inline]
    pub(crate) fn add(&mut self, u: usize, j: usize) {
        let p = self.problem;
        let q = p.survival(u, j);
        if q == 0.0 {
            self.zeros[j] += 1;
        } else {
            self.prod[j] *= q;
        }
        let s = p.shooter_of(u);
        self.per_pair[s * p.n_targets() + j] += 1;
        if p.other_class_cap(s).1.is_some_and(|c| c != p.class(j)) {
            self.other[s] += 1;
        }
        self.cost += p.unit_cost(u);
        self.target[u] = Some(j);
    }

    /// Unassigns unit `u` (assigned to `j`).
    #[inline]
    pub(crate) fn remove(&mut self, u: usize, j: usize) {
        let p = self.problem;
        let q = p.survival(u, j);
        if q == 0.0 {
            self.zeros[j] -= 1;
        } else {
            self.prod[j] /= q;
        }
        let s = p.shooter_of(u);
        self.per_pair[s * p.n_targets() + j] -= 1;
        if p.other_class_cap(s).1.is_some_and(|c| c != p.class(j)) {
            self.other[s] -= 1;
        }
        self.cost -= p.unit_cost(u);
        self.target[u] = None;
    }

    /// Moves unit `u` to `to` (None = unassigned).
    #[inline]
    pub(crate) fn set(&mut self, u: usize, to: Option<usize>) {
        if let Some(j) = self.target[u] {
            self.remove(u, j);
        }
        if let Some(k) = to {
            self.add(u, k);
        }
    }

    /// Change of the objective if unit `u` moved to `to` (feasibility not checked).
    #[inline]
    pub(crate) fn reassign_delta(&self, u: usize, to: Option<usize>) -> f64 {
        let p = self.problem;
        let v = p.values();
        let from = self.target[u];
        let mut d = 0.0;
        if let Some(j) = from {
            d += v[j] * (self.surv_without(u, j) - self.surv(j)) - p.unit_cost(u);
        }
        if let Some(k) = to {
            d += v[k] * self.surv(k) * (p.survival(u, k) - 1.0) + p.unit_cost(u);
        }
        d
    }

    /// Whether units `a` and `b` (assigned to different targets or one unassigned) may swap.
    pub(crate) fn can_swap(&self, a: usize, b: usize) -> bool {
        let p = self.problem;
        let (ta, tb) = (self.target[a], self.target[b]);
        if ta == tb {
            return false;
        }
        let (sa, sb) = (p.shooter_of(a), p.shooter_of(b));
        if sa == sb {
            return false; // identical rounds: a swap changes nothing
        }
        let ok_a = tb.is_none_or(|j| self.can_take(a, ta, j));
        let ok_b = ta.is_none_or(|j| self.can_take(b, tb, j));
        ok_a && ok_b
    }

    /// Change of the objective if units `a` and `b` exchanged targets (feasibility not checked).
    #[inline]
    pub(crate) fn swap_delta(&self, a: usize, b: usize) -> f64 {
        let p = self.problem;
        let v = p.values();
        let (ta, tb) = (self.target[a], self.target[b]);
        let mut d = 0.0;
        if let Some(j) = ta {
            let after = self.surv_without(a, j) * p.survival(b, j);
            d += v[j] * (after - self.surv(j));
        }
        if let Some(k) = tb {
            let after = self.surv_without(b, k) * p.survival(a, k);
            d += v[k] * (after - self.surv(k));
        }
        let (ca, cb) = (p.unit_cost(a), p.unit_cost(b));
        match (ta, tb) {
            (Some(_), None) => d += cb - ca,
            (None, Some(_)) => d += ca - cb,
            _ => {}
        }
        d
    }

    /// Exchanges the targets of units `a` and `b`.
    pub(crate) fn swap(&mut self, a: usize, b: usize) {
        let (ta, tb) = (self.target[a], self.target[b]);
        if let Some(j) = ta {
            self.remove(a, j);
        }
        if let Some(k) = tb {
            self.remove(b, k);
        }
        if let Some(j) = ta {
            self.add(b, j);
        }
        if let Some(k) = tb {
            self.add(a, k);
        }
    }
}
