//! Iterated large-neighbourhood search: MMR greedy and descent, then repeated exchange steps
//! (one round from each of a few random targets re-optimised exactly, see `exchange`); when
//! the exchange stalls, a descent over reassign and swap moves, a return to the best
//! assignment if the current one is worse, and a kick (a few random rounds each moved to the
//! target where the move costs least).
//!
//! The search is anytime: [`IteratedLocalSearch::step`] runs a number of iterations and
//! [`IteratedLocalSearch::best`] returns the best assignment so far. The result depends only
//! on the problem, the settings and the number of iterations.

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};

use crate::descent::{EPS, descend};
use crate::exchange::{Exchange, below};
use crate::greedy::fill_greedy;
use crate::problem::Problem;
use crate::solver::{Budget, Solution, Solver};
use crate::state::State;

/// Settings of the search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IlsConfig {
    /// Seed of the random choices.
    pub seed: u64,
    /// Targets whose rounds one exchange step re-optimises (at most all of them).
    pub exchange_targets: usize,
    /// Random rounds moved by one kick.
    pub kick: usize,
}

impl Default for IlsConfig {
    fn default() -> Self {
        Self {
            seed: 1,
            exchange_targets: usize::MAX,
            kick: 3,
        }
    }
}

/// Rounds of exchange steps (each covering every round once on average) without improvement
/// before a kick: the random choice of rounds keeps finding improvements for a long while, so
/// kicks are a last resort.
const STALL_ROUNDS: usize = 50;

/// An anytime iterated large-neighbourhood search on one problem.
pub struct IteratedLocalSearch<'p> {
    state: State<'p>,
    exchange: Exchange,
    current: f64,
    best: Vec<Option<usize>>,
    best_objective: f64,
    rng: ChaCha8Rng,
    config: IlsConfig,
    iterations: u64,
    stall: usize,
    /// Iterations since the best assignment last improved.
    since_best: u64,
}

impl<'p> IteratedLocalSearch<'p> {
    /// Starts from MMR greedy followed by descent.
    pub fn new(problem: &'p Problem, config: IlsConfig) -> Self {
        let mut state = State::new(problem);
        fill_greedy(&mut state);
        descend(&mut state);
        let current = state.objective();
        let best = state.target.clone();
        Self {
            state,
            exchange: Exchange::default(),
            current,
            best,
            best_objective: current,
            rng: ChaCha8Rng::seed_from_u64(config.seed),
            config,
            iterations: 0,
            stall: 0,
            since_best: 0,
        }
    }

    /// Iterations run so far.
    pub fn iterations(&self) -> u64 {
        self.iterations
    }

    /// Objective of the best assignment so far.
    pub fn best_objective(&self) -> f64 {
        self.best_objective
    }

    /// Exchange steps without improvement after which the search counts as stalled.
    fn stall_limit(&self) -> usize {
        let p = self.state.problem;
        let per_step = self.config.exchange_targets.clamp(1, p.n_targets().max(1));
        STALL_ROUNDS * p.n_units().max(p.n_targets()).div_ceil(per_step) + 2
    }

    fn record(&mut self) {
        let f = self.state.objective();
        if f < self.current - EPS * self.current.abs().max(1.0) {
            self.stall = 0;
        } else {
            self.stall += 1;
        }
        self.current = f;
        if f < self.best_objective - EPS * f.abs().max(1.0) {
            self.best_objective = f;
            self.best.copy_from_slice(&self.state.target);
            self.since_best = 0;
        }
    }

    /// Runs `n` more iterations (exchange steps; a stall adds a descent and a kick).
    pub fn step(&mut self, n: u64) {
        self.step_with_patience(n, None);
    }

    /// Runs at most `budget.iterations` more iterations, stopping early once
    /// `budget.patience` iterations in a row have not improved the best assignment.
    pub fn run(&mut self, budget: Budget) {
        self.step_with_patience(budget.iterations, budget.patience);
    }

    fn step_with_patience(&mut self, n: u64, patience: Option<u64>) {
        let p = self.state.problem;
        let (units, targets) = (p.n_units(), p.n_targets());
        if units == 0 || targets == 0 {
            self.iterations += n;
            return;
        }
        for _ in 0..n {
            if patience.is_some_and(|limit| self.since_best >= limit) {
                return;
            }
            self.iterations += 1;
            self.since_best += 1;
            self.exchange
                .step(&mut self.state, &mut self.rng, self.config.exchange_targets);
            self.record();
            if self.stall < self.stall_limit() {
                continue;
            }
            descend(&mut self.state);
            self.current = f64::INFINITY;
            self.record();
            if self.current > self.best_objective + EPS * self.best_objective.abs().max(1.0) {
                self.state.load(&self.best);
            }
            for _ in 0..self.config.kick {
                let u = below(self.rng.next_u32(), units);
                let from = self.state.target[u];
                // the least damaging other target: a kick that stays near good assignments
                let mut to: Option<(f64, usize)> = None;
                for k in 0..targets {
                    if self.state.can_take(u, from, k) {
                        let d = self.state.reassign_delta(u, Some(k));
                        if to.is_none_or(|(bd, _)| d < bd) {
                            to = Some((d, k));
                        }
                    }
                }
                if let Some((_, k)) = to {
                    self.state.set(u, Some(k));
                }
            }
            self.state.resync();
            self.current = self.state.objective();
            self.stall = 0;
        }
    }

    /// The best assignment so far as a solution (no lower bound).
    pub fn best(&self) -> Solution {
        let objective = self.state.problem.objective(&self.best);
        Solution {
            assignment: self.best.clone(),
            objective,
            lower_bound: None,
            proven_optimal: false,
        }
    }
}

/// The iterated large-neighbourhood search with default settings; the budget counts
/// iterations.
#[derive(Debug, Clone, Copy, Default)]
pub struct LocalSearch;

impl Solver for LocalSearch {
    fn solve(&self, problem: &Problem, budget: Budget) -> Solution {
        let mut ils = IteratedLocalSearch::new(problem, IlsConfig::default());
        ils.run(budget);
        ils.best()
    }
}
