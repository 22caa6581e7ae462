//! Exact depth-first branch and bound over rounds, anytime with a node budget.
//!
//! Rounds are fixed one at a time (shooters with the most lethal rounds first; identical rounds
//! of one shooter take non-decreasing targets, which removes their symmetric duplicates). The
//! bound at a node is the objective of the fixed rounds minus an upper bound on what the free
//! rounds can still remove, the smaller of
//! - *marginal return*: each free round's best net marginal gain against the current survival
//!   (destroyed value is submodular, so later gains are never larger), and
//! - *all rounds everywhere*: every target hit by every free round at once,
//!
//! and, when neither prunes, the *slot matching* bound: the free rounds are matched to slots
//! (target j, r-th round there, rounds at a target counted from the most lethal) of weight
//! `V_j s_j p_uj min(q_uj^(r-1), Π_{k<r} q̄_kj)`, where `q̄_kj` are the largest survival
//! factors among the free rounds at target `j`: the rounds counted before `u` are at least as
//! lethal as `u`, so their survival product never exceeds either factor. One overflow slot
//! per round covers any later shot; the best matching's weight bounds what the free rounds
//! can still remove.
//!
//! The incumbent (an upper bound) comes from greedy and descent, or from the caller.

use crate::dense::DenseAssignment;
use crate::descent::descend;
use crate::greedy::fill_greedy;
use crate::problem::Problem;
use crate::solver::{Budget, Solution, Solver};
use crate::state::State;

/// One open node of the depth-first search: the choices for the round at `depth`.
#[derive(Debug, Clone, Copy)]
struct Frame {
    depth: usize,
    bound: f64,
    n_choices: usize,
    next: usize,
}

/// An anytime branch and bound on one problem.
pub struct BranchAndBound<'p> {
    state: State<'p>,
    /// Rounds in branching order.
    order: Vec<usize>,
    /// `suffix[d * T + j]` = product of survival of target j over rounds `order[d..]`.
    suffix: Vec<f64>,
    /// Choice codes per depth (target, or T for "does not fire"), `T + 1` slots per depth.
    choices: Vec<usize>,
    gains: Vec<(f64, usize)>,
    slot_cost: Vec<f64>,
    largest_q: Vec<f64>,
    matching: DenseAssignment,
    stack: Vec<Frame>,
    incumbent: Vec<Option<usize>>,
    incumbent_objective: f64,
    nodes: u64,
    finished: bool,
}

impl<'p> BranchAndBound<'p> {
    /// Prepares the search; the incumbent is `start` if given, else greedy plus descent.
    pub fn new(problem: &'p Problem, start: Option<&[Option<usize>]>) -> Self {
        let mut state = State::new(problem);
        match start {
            Some(a) => state.load(a),
            None => {
                fill_greedy(&mut state);
                descend(&mut state);
            }
        }
        let incumbent = state.target.clone();
        let incumbent_objective = problem.objective(&incumbent);
        let (n, t) = (problem.n_units(), problem.n_targets());
        let v = problem.values();
        let mut shooters: Vec<(f64, usize)> = (0..problem.n_shooters())
            .map(|s| {
                let u = problem.units_of(s).start;
                let best = (0..t)
                    .filter(|&j| problem.allowed(u, j))
                    .map(|j| v[j] * (1.0 - problem.survival(u, j)))
                    .fold(0.0, f64::max);
                (best, s)
            })
            .collect();
        shooters.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let order: Vec<usize> = shooters
            .iter()
            .flat_map(|&(_, s)| problem.units_of(s))
            .collect();
        let mut suffix = vec![1.0; (n + 1) * t];
        for d in (0..n).rev() {
            for j in 0..t {
                suffix[d * t + j] = suffix[(d + 1) * t + j] * problem.survival(order[d], j);
            }
        }
        state.load(&vec![None; n]);
        let mut bb = Self {
            state,
            order,
            suffix,
            choices: vec![0; n * (t + 1)],
            gains: Vec::with_capacity(t + 1),
            slot_cost: Vec::new(),
            largest_q: Vec::new(),
            matching: DenseAssignment::default(),
            stack: Vec::with_capacity(n),
            incumbent,
            incumbent_objective,
            nodes: 0,
            finished: false,
        };
        let root = bb.bound(0);
        if n == 0 || bb.prunes(root) {
            bb.finished = true;
        } else {
            bb.push(0, root);
        }
        bb
    }

    /// Nodes evaluated so far.
    pub fn nodes(&self) -> u64 {
        self.nodes
    }

    /// Whether the search is complete (the incumbent is optimal).
    pub fn finished(&self) -> bool {
        self.finished
    }

    /// A proven lower bound on the optimum.
    pub fn lower_bound(&self) -> f64 {
        if self.finished {
            return self.incumbent_objective;
        }
        let open = self
            .stack
            .iter()
            .map(|f| f.bound)
            .fold(f64::INFINITY, f64::min);
        open.min(self.incumbent_objective)
    }

    /// Objective of the incumbent.
    pub fn incumbent_objective(&self) -> f64 {
        self.incumbent_objective
    }

    /// Offers a better assignment found elsewhere (ignored unless it improves the incumbent).
    pub fn offer(&mut self, assignment: &[Option<usize>]) {
        let f = self.state.problem.objective(assignment);
        if f < self.incumbent_objective {
            self.incumbent_objective = f;
            self.incumbent.copy_from_slice(assignment);
        }
    }

    fn prunes(&self, bound: f64) -> bool {
        bound >= self.incumbent_objective - 1e-9 * self.incumbent_objective.abs().max(1.0)
    }

    /// Lower bound of the node whose rounds `order[..depth]` are fixed.
    fn bound(&mut self, depth: usize) -> f64 {
        let p = self.state.problem;
        let v = p.values();
        let t = p.n_targets();
        let base = self.state.objective();
        let everywhere: f64 = (0..t)
            .map(|j| v[j] * self.state.surv(j) * (1.0 - self.suffix[depth * t + j]))
            .sum();
        let mut marginal = 0.0;
        for &u in &self.order[depth..] {
            let row = p.survival_row(u);
            let c = p.unit_cost(u);
            let mut best = 0.0f64;
            for j in 0..t {
                best = best.max(v[j] * self.state.surv(j) * (1.0 - row[j]) - c);
            }
            marginal += best;
        }
        let cheap = base - marginal.min(everywhere);
        if self.prunes(cheap) {
            return cheap;
        }
        cheap.max(base - self.slot_matching(depth))
    }

    /// Slot shots kept per target before the overflow slot.
    const SLOTS: usize = 3;

    /// Weight of the best matching of the free rounds `order[depth..]` to slots.
    fn slot_matching(&mut self, depth: usize) -> f64 {
        let p = self.state.problem;
        let v = p.values();
        let t = p.n_targets();
        let free = &self.order[depth..];
        let n = free.len();
        let slots = Self::SLOTS.min(n);
        // largest survival factors per target among the free rounds, descending
        self.largest_q.clear();
        self.largest_q.resize(t * slots, 0.0);
        for &u in free {
            for j in 0..t {
                let mut q = if p.allowed(u, j) {
                    p.survival(u, j)
                } else {
                    0.0
                };
                for k in 0..slots {
                    let slot = &mut self.largest_q[j * slots + k];
                    if q > *slot {
                        std::mem::swap(&mut q, slot);
                    }
                }
            }
        }
        let m = t * slots + n;
        self.slot_cost.clear();
        self.slot_cost.resize(n * m, 0.0);
        for (r, &u) in free.iter().enumerate() {
            let c = p.unit_cost(u);
            let row = &mut self.slot_cost[r * m..(r + 1) * m];
            let mut overflow = 0.0f64;
            for j in 0..t {
                if !p.allowed(u, j) {
                    continue;
                }
                let q = p.survival(u, j);
                let first = v[j] * self.state.surv(j) * (1.0 - q);
                let (mut others, mut own) = (1.0f64, 1.0f64);
                for k in 0..slots {
                    row[j * slots + k] = -(first * others.min(own) - c).max(0.0);
                    others *= self.largest_q[j * slots + k];
                    own *= q;
                }
                overflow = overflow.max(first * others.min(own) - c);
            }
            row[t * slots + r] = -overflow.max(0.0);
        }
        -self.matching.min_cost(&self.slot_cost, n, m)
    }

    /// Opens the node at `depth` (rounds before it fixed) with its choices.
    fn push(&mut self, depth: usize, bound: f64) {
        let p = self.state.problem;
        let t = p.n_targets();
        let v = p.values();
        let u = self.order[depth];
        let floor = match depth.checked_sub(1).map(|d| self.order[d]) {
            Some(prev) if p.shooter_of(prev) == p.shooter_of(u) => {
                self.state.target[prev].unwrap_or(t)
            }
            _ => 0,
        };
        self.gains.clear();
        let c = p.unit_cost(u);
        for (j, &value) in v.iter().enumerate().skip(floor) {
            if self.state.can_take(u, None, j) {
                self.gains
                    .push((value * self.state.surv(j) * (1.0 - p.survival(u, j)) - c, j));
            }
        }
        self.gains.push((0.0, t));
        self.gains
            .sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let base = depth * (t + 1);
        for (k, &(_, j)) in self.gains.iter().enumerate() {
            self.choices[base + k] = j;
        }
        self.stack.push(Frame {
            depth,
            bound,
            n_choices: self.gains.len(),
            next: 0,
        });
    }

    /// Evaluates up to `nodes` more nodes.
    pub fn step(&mut self, nodes: u64) {
        let p = self.state.problem;
        let (n, t) = (p.n_units(), p.n_targets());
        self.state.resync();
        let mut left = nodes;
        while left > 0 {
            let Some(&top) = self.stack.last() else {
                self.finished = true;
                return;
            };
            let u = self.order[top.depth];
            if top.next == top.n_choices || self.prunes(top.bound) {
                self.stack.pop();
                self.state.set(u, None);
                continue;
            }
            let frame = self.stack.last_mut().expect("stack is not empty");
            let code = self.choices[frame.depth * (t + 1) + frame.next];
            frame.next += 1;
            let depth = frame.depth + 1;
            self.state.set(u, (code < t).then_some(code));
            left -= 1;
            self.nodes += 1;
            if depth == n {
                let f = self.state.objective();
                if f < self.incumbent_objective {
                    let exact = p.objective(&self.state.target);
                    if exact < self.incumbent_objective {
                        self.incumbent_objective = exact;
                        self.incumbent.copy_from_slice(&self.state.target);
                    }
                }
                continue;
            }
            let b = self.bound(depth);
            if !self.prunes(b) {
                self.push(depth, b);
            }
        }
    }

    /// The incumbent as a solution, with the proven lower bound.
    pub fn solution(&self) -> Solution {
        Solution {
            assignment: self.incumbent.clone(),
            objective: self.incumbent_objective,
            lower_bound: Some(self.lower_bound()),
            proven_optimal: self.finished,
        }
    }
}

/// The exact solver: branch and bound from greedy plus descent, within a node budget.
#[derive(Debug, Clone, Copy, Default)]
pub struct Exact;

impl Solver for Exact {
    fn solve(&self, problem: &Problem, budget: Budget) -> Solution {
        let mut bb = BranchAndBound::new(problem, None);
        bb.step(budget.iterations);
        bb.solution()
    }
}
