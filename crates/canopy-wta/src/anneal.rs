//! Simulated annealing over reassign and swap moves with O(1) incremental move evaluation,
//! started from MMR greedy plus descent and polished by descent at the end.
//!
//! The temperature falls geometrically over a planned number of iterations; the search is
//! anytime: [`Annealer::step`] runs a chunk of iterations and [`Annealer::best`] returns the
//! best assignment so far. Past the plan the schedule restarts from the best assignment.

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};

use crate::descent::{EPS, descend};
use crate::greedy::fill_greedy;
use crate::problem::Problem;
use crate::solver::{Budget, Solution, Solver};
use crate::state::State;

/// Settings of the annealer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AnnealConfig {
    /// Seed of the move generator.
    pub seed: u64,
    /// Iterations of one cooling schedule.
    pub planned_iterations: u64,
    /// Start temperature, as a multiple of the mean uphill move at the start.
    pub start_temperature: f64,
    /// End temperature, as a multiple of the mean uphill move at the start.
    pub end_temperature: f64,
}

impl AnnealConfig {
    /// Default settings for a schedule of `planned_iterations`.
    pub fn new(planned_iterations: u64) -> Self {
        Self {
            seed: 1,
            planned_iterations,
            start_temperature: 0.3,
            end_temperature: 0.003,
        }
    }
}

/// Iterations between temperature updates.
const TEMP_CHUNK: u64 = 256;

/// An anytime annealing run on one problem.
pub struct Annealer<'p> {
    state: State<'p>,
    current: f64,
    best: Vec<Option<usize>>,
    best_objective: f64,
    rng: ChaCha8Rng,
    config: AnnealConfig,
    scale: f64,
    done: u64,
    temperature: f64,
}

impl<'p> Annealer<'p> {
    /// Starts from MMR greedy followed by descent.
    pub fn new(problem: &'p Problem, config: AnnealConfig) -> Self {
        let mut state = State::new(problem);
        fill_greedy(&mut state);
        descend(&mut state);
        let current = state.objective();
        let mut rng = ChaCha8Rng::seed_from_u64(config.seed);
        let scale = uphill_scale(&state, &mut rng);
        let best = state.target.clone();
        Self {
            state,
            current,
            best,
            best_objective: current,
            rng,
            config,
            scale,
            done: 0,
            temperature: scale * config.start_temperature,
        }
    }

    /// Iterations run so far.
    pub fn iterations(&self) -> u64 {
        self.done
    }

    /// Changes the length of the cooling schedule (for callers that learn their budget late).
    pub fn replan(&mut self, planned_iterations: u64) {
        self.config.planned_iterations = planned_iterations.max(1);
    }

    /// Objective of the best assignment so far.
    pub fn best_objective(&self) -> f64 {
        self.best_objective
    }

    /// Runs `n` more iterations.
    pub fn step(&mut self, n: u64) {
        let p = self.state.problem;
        let units = p.n_units();
        let targets = p.n_targets();
        if units == 0 || targets == 0 || self.scale <= 0.0 {
            self.done += n;
            return;
        }
        for _ in 0..n {
            if self.done % TEMP_CHUNK == 0 {
                self.update_temperature();
            }
            self.done += 1;
            let r = self.rng.next_u64();
            let u = below(r as u32, units);
            let (delta, mv) = if r >> 63 == 0 {
                let k = below((r >> 32) as u32 & 0x7fff_ffff, targets + 1);
                let to = (k < targets).then_some(k);
                let from = self.state.target[u];
                if to == from || to.is_some_and(|k| !self.state.can_take(u, from, k)) {
                    continue;
                }
                (self.state.reassign_delta(u, to), Move::Reassign(u, to))
            } else {
                let w = below((r >> 32) as u32 & 0x7fff_ffff, units);
                if self.state.target[u] == self.state.target[w] || !self.state.can_swap(u, w) {
                    continue;
                }
                (self.state.swap_delta(u, w), Move::Swap(u, w))
            };
            if delta > 0.0 {
                let x = (self.rng.next_u32() >> 8) as f64 * (1.0 / (1u32 << 24) as f64);
                if x >= (-delta / self.temperature).exp() {
                    continue;
                }
            }
            match mv {
                Move::Reassign(u, to) => self.state.set(u, to),
                Move::Swap(a, b) => self.state.swap(a, b),
            }
            self.current += delta;
            if self.current < self.best_objective - EPS * self.best_objective.abs().max(1.0) {
                self.best_objective = self.state.objective();
                self.current = self.best_objective;
                self.best.copy_from_slice(&self.state.target);
            }
        }
    }

    fn update_temperature(&mut self) {
        let plan = self.config.planned_iterations.max(1);
        let phase = self.done % plan;
        if phase == 0 && self.done > 0 {
            // a new cycle: restart from the best assignment, exactly re-evaluated
            self.state.load(&self.best);
            self.current = self.state.objective();
        }
        let f = phase as f64 / plan as f64;
        let ratio = self.config.end_temperature / self.config.start_temperature;
        self.temperature = self.scale * self.config.start_temperature * ratio.powf(f);
    }

    /// The best assignment so far, polished by descent, as a solution (no lower bound).
    pub fn best(&self) -> Solution {
        let mut state = State::new(self.state.problem);
        state.load(&self.best);
        descend(&mut state);
        let objective = self.state.problem.objective(&state.target);
        Solution {
            assignment: state.target,
            objective,
            lower_bound: None,
            proven_optimal: false,
        }
    }
}

/// A local move.
#[derive(Debug, Clone, Copy)]
enum Move {
    Reassign(usize, Option<usize>),
    Swap(usize, usize),
}

/// Uniform integer in `0..n` from 31 random bits (multiply-shift).
#[inline]
fn below(bits: u32, n: usize) -> usize {
    ((bits as u64 & 0x7fff_ffff) * n as u64 >> 31) as usize
}

/// Mean objective increase of random uphill moves from `state` (the temperature unit).
fn uphill_scale(state: &State, rng: &mut ChaCha8Rng) -> f64 {
    let p = state.problem;
    let (units, targets) = (p.n_units(), p.n_targets());
    if units == 0 || targets == 0 {
        return 0.0;
    }
    let (mut sum, mut count) = (0.0, 0u32);
    for _ in 0..400 {
        let r = rng.next_u64();
        let u = below(r as u32, units);
        let k = below((r >> 32) as u32, targets);
        let from = state.target[u];
        if !state.can_take(u, from, k) {
            continue;
        }
        let d = state.reassign_delta(u, Some(k));
        if d > 0.0 {
            sum += d;
            count += 1;
        }
    }
    if count == 0 { 0.0 } else { sum / count as f64 }
}

/// The annealing solver with default settings: one cooling schedule over the whole budget.
#[derive(Debug, Clone, Copy, Default)]
pub struct Annealing;

impl Solver for Annealing {
    fn solve(&self, problem: &Problem, budget: Budget) -> Solution {
        let mut a = Annealer::new(problem, AnnealConfig::new(budget.iterations));
        a.step(budget.iterations);
        a.best()
    }
}
