//! The validated weapon-target assignment problem.
//!
//! A problem has targets `j` with value `V_j` (and an optional class) and shooters `s`, each
//! with `rounds` identical single-shot rounds, a kill probability per target, a salvo limit
//! (rounds of this shooter at one target), a cost per round and an optional reserve rule.
//! Internally every round is a *unit*; solvers assign units to targets. The objective is
//! `Σ_j V_j Π_{u→j} (1 − p_uj) + λ Σ_{u fired} cost_u` (minimised).

use thiserror::Error;

/// Why a problem could not be built.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum ProblemError {
    /// A target value is negative or not finite.
    #[error("value of target {target} is {value}; values must be finite and >= 0")]
    BadValue {
        /// Target index.
        target: usize,
        /// The offending value.
        value: f64,
    },
    /// A kill-probability row has the wrong length.
    #[error(
        "kill-probability row of shooter {shooter} has {got} entries; expected {expected} (one per target)"
    )]
    RowLength {
        /// Shooter index.
        shooter: usize,
        /// Entries given.
        got: usize,
        /// Number of targets.
        expected: usize,
    },
    /// A kill probability lies outside [0, 1] or is NaN.
    #[error(
        "kill probability of shooter {shooter} against target {target} is {value}; allowed: 0 <= p <= 1"
    )]
    BadProbability {
        /// Shooter index.
        shooter: usize,
        /// Target index.
        target: usize,
        /// The offending value.
        value: f64,
    },
    /// A cost is negative or not finite.
    #[error("cost of shooter {shooter} is {value}; costs must be finite and >= 0")]
    BadCost {
        /// Shooter index.
        shooter: usize,
        /// The offending value.
        value: f64,
    },
    /// The cost weight λ is negative or not finite.
    #[error("cost weight is {0}; it must be finite and >= 0")]
    BadCostWeight(f64),
    /// A shooter has no rounds or a zero salvo limit.
    #[error("shooter {shooter} has {field} = 0; it must be at least 1")]
    ZeroCount {
        /// Shooter index.
        shooter: usize,
        /// `rounds` or `salvo`.
        field: &'static str,
    },
    /// A reserve keeps more rounds than the shooter has.
    #[error("shooter {shooter} reserves {reserve} rounds but has only {rounds}")]
    ReserveTooLarge {
        /// Shooter index.
        shooter: usize,
        /// Rounds reserved.
        reserve: u32,
        /// Rounds available.
        rounds: u32,
    },
    /// A forbidden pair names a shooter or target that does not exist.
    #[error(
        "forbidden pair [{shooter}, {target}] is out of range ({shooters} shooters, {targets} targets)"
    )]
    PairOutOfRange {
        /// Shooter index given.
        shooter: usize,
        /// Target index given.
        target: usize,
        /// Number of shooters.
        shooters: usize,
        /// Number of targets.
        targets: usize,
    },
    /// The list of target classes has the wrong length.
    #[error("{got} target classes given; expected {expected} (one per target)")]
    ClassLength {
        /// Entries given.
        got: usize,
        /// Number of targets.
        expected: usize,
    },
}

/// A reserve rule: keep `rounds` rounds of a shooter for targets of class `class`.
///
/// The shooter may fire at most `rounds_total − rounds` rounds at targets of other classes;
/// the reserved rounds may still be fired at targets of the reserved class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reserve {
    /// The target class the rounds are kept for (for example "ballistic").
    pub class: u32,
    /// Rounds kept.
    pub rounds: u32,
}

/// One shooter (a battery, a launcher, a fighter): identical rounds with one kill-probability row.
#[derive(Debug, Clone, PartialEq)]
pub struct Shooter {
    /// Kill probability of one round against each target, in [0, 1].
    pub pk: Vec<f64>,
    /// Identical single-shot rounds available (multiplicity), at least 1.
    pub rounds: u32,
    /// At most this many rounds at one target (salvo size), at least 1.
    pub salvo: u32,
    /// Cost of one round (any currency unit; weighted by the problem's λ).
    pub cost_per_round: f64,
    /// Optional reserve rule.
    pub reserve: Option<Reserve>,
}

impl Shooter {
    /// A single-round shooter with no cost and no reserve.
    pub fn single(pk: Vec<f64>) -> Self {
        Self {
            pk,
            rounds: 1,
            salvo: 1,
            cost_per_round: 0.0,
            reserve: None,
        }
    }
}

/// Builder of a [`Problem`]: collects targets, shooters and rules, then validates them.
#[derive(Debug, Clone, Default)]
pub struct ProblemBuilder {
    values: Vec<f64>,
    classes: Option<Vec<u32>>,
    shooters: Vec<Shooter>,
    forbidden: Vec<(usize, usize)>,
    cost_weight: f64,
}

impl ProblemBuilder {
    /// Starts a problem with the given target values.
    pub fn new(values: Vec<f64>) -> Self {
        Self {
            values,
            cost_weight: 1.0,
            ..Self::default()
        }
    }

    /// Adds a shooter; shooters are numbered in the order added.
    pub fn shooter(mut self, shooter: Shooter) -> Self {
        self.shooters.push(shooter);
        self
    }

    /// Adds one single-round shooter per row of `pk` (row = shooter, column = target).
    pub fn single_shooters(mut self, pk: Vec<Vec<f64>>) -> Self {
        self.shooters.extend(pk.into_iter().map(Shooter::single));
        self
    }

    /// Forbids shooter `shooter` from engaging target `target`, whatever its kill probability.
    pub fn forbid(mut self, shooter: usize, target: usize) -> Self {
        self.forbidden.push((shooter, target));
        self
    }

    /// Sets the class of every target (used by reserve rules); default: all class 0.
    pub fn target_classes(mut self, classes: Vec<u32>) -> Self {
        self.classes = Some(classes);
        self
    }

    /// Sets λ, the weight of round costs in the objective (default 1).
    pub fn cost_weight(mut self, lambda: f64) -> Self {
        self.cost_weight = lambda;
        self
    }

    /// Validates everything and builds the problem.
    pub fn build(self) -> Result<Problem, ProblemError> {
        let n_targets = self.values.len();
        for (target, &value) in self.values.iter().enumerate() {
            if !value.is_finite() || value < 0.0 {
                return Err(ProblemError::BadValue { target, value });
            }
        }
        if !self.cost_weight.is_finite() || self.cost_weight < 0.0 {
            return Err(ProblemError::BadCostWeight(self.cost_weight));
        }
        let classes = self.classes.unwrap_or_else(|| vec![0; n_targets]);
        if classes.len() != n_targets {
            return Err(ProblemError::ClassLength {
                got: classes.len(),
                expected: n_targets,
            });
        }
        for (shooter, s) in self.shooters.iter().enumerate() {
            if s.pk.len() != n_targets {
                return Err(ProblemError::RowLength {
                    shooter,
                    got: s.pk.len(),
                    expected: n_targets,
                });
            }
            for (target, &value) in s.pk.iter().enumerate() {
                if !(0.0..=1.0).contains(&value) {
                    return Err(ProblemError::BadProbability {
                        shooter,
                        target,
                        value,
                    });
                }
            }
            if !s.cost_per_round.is_finite() || s.cost_per_round < 0.0 {
                return Err(ProblemError::BadCost {
                    shooter,
                    value: s.cost_per_round,
                });
            }
            if s.rounds == 0 {
                return Err(ProblemError::ZeroCount {
                    shooter,
                    field: "rounds",
                });
            }
            if s.salvo == 0 {
                return Err(ProblemError::ZeroCount {
                    shooter,
                    field: "salvo",
                });
            }
            if let Some(r) = s.reserve
                && r.rounds > s.rounds
            {
                return Err(ProblemError::ReserveTooLarge {
                    shooter,
                    reserve: r.rounds,
                    rounds: s.rounds,
                });
            }
        }
        let n_shooters = self.shooters.len();
        let mut allowed_shooter = vec![true; n_shooters * n_targets];
        for &(shooter, target) in &self.forbidden {
            if shooter >= n_shooters || target >= n_targets {
                return Err(ProblemError::PairOutOfRange {
                    shooter,
                    target,
                    shooters: n_shooters,
                    targets: n_targets,
                });
            }
            allowed_shooter[shooter * n_targets + target] = false;
        }

        let mut unit_shooter = Vec::new();
        let mut survival = Vec::new();
        let mut allowed = Vec::new();
        let mut unit_cost = Vec::new();
        let mut shooter_first_unit = Vec::with_capacity(n_shooters + 1);
        let mut other_class_cap = Vec::with_capacity(n_shooters);
        for (s, shooter) in self.shooters.iter().enumerate() {
            shooter_first_unit.push(unit_shooter.len());
            other_class_cap.push(match shooter.reserve {
                Some(r) => (shooter.rounds - r.rounds, Some(r.class)),
                None => (shooter.rounds, None),
            });
            for _ in 0..shooter.rounds {
                unit_shooter.push(s);
                unit_cost.push(self.cost_weight * shooter.cost_per_round);
                for (j, &p) in shooter.pk.iter().enumerate() {
                    let ok = allowed_shooter[s * n_targets + j];
                    allowed.push(ok);
                    survival.push(if ok { 1.0 - p } else { 1.0 });
                }
            }
        }
        shooter_first_unit.push(unit_shooter.len());
        let salvo = self.shooters.iter().map(|s| s.salvo).collect();
        Ok(Problem {
            n_targets,
            values: self.values,
            classes,
            unit_shooter,
            survival,
            allowed,
            unit_cost,
            shooter_first_unit,
            salvo,
            other_class_cap,
        })
    }
}

/// A validated weapon-target assignment problem (build it with [`ProblemBuilder`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    n_targets: usize,
    values: Vec<f64>,
    classes: Vec<u32>,
    unit_shooter: Vec<usize>,
    /// `1 − p` per unit and target, row-major; 1 for forbidden pairs.
    survival: Vec<f64>,
    allowed: Vec<bool>,
    /// λ · cost per unit.
    unit_cost: Vec<f64>,
    shooter_first_unit: Vec<usize>,
    salvo: Vec<u32>,
    /// Per shooter: rounds it may fire at targets outside the reserved class, and that class.
    other_class_cap: Vec<(u32, Option<u32>)>,
}

impl Problem {
    /// Number of targets.
    pub fn n_targets(&self) -> usize {
        self.n_targets
    }

    /// Number of shooters.
    pub fn n_shooters(&self) -> usize {
        self.salvo.len()
    }

    /// Number of units (single rounds) over all shooters.
    pub fn n_units(&self) -> usize {
        self.unit_shooter.len()
    }

    /// Value of each target.
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// The shooter a unit belongs to.
    pub fn shooter_of(&self, unit: usize) -> usize {
        self.unit_shooter[unit]
    }

    /// The units of a shooter, as an index range.
    pub fn units_of(&self, shooter: usize) -> std::ops::Range<usize> {
        self.shooter_first_unit[shooter]..self.shooter_first_unit[shooter + 1]
    }

    /// Survival probability `1 − p` of target `target` against one round of `unit`.
    #[inline]
    pub fn survival(&self, unit: usize, target: usize) -> f64 {
        self.survival[unit * self.n_targets + target]
    }

    /// The survival row of a unit (one entry per target).
    #[inline]
    pub(crate) fn survival_row(&self, unit: usize) -> &[f64] {
        &self.survival[unit * self.n_targets..(unit + 1) * self.n_targets]
    }

    /// Whether `unit` may engage `target` at all (not forbidden).
    #[inline]
    pub fn allowed(&self, unit: usize, target: usize) -> bool {
        self.allowed[unit * self.n_targets + target]
    }

    /// Weighted cost (λ · cost) of firing `unit`.
    #[inline]
    pub fn unit_cost(&self, unit: usize) -> f64 {
        self.unit_cost[unit]
    }

    /// Whether any unit has a positive weighted cost.
    pub fn has_costs(&self) -> bool {
        self.unit_cost.iter().any(|&c| c > 0.0)
    }

    /// Salvo limit of a shooter.
    #[inline]
    pub(crate) fn salvo(&self, shooter: usize) -> u32 {
        self.salvo[shooter]
    }

    /// Reserve of a shooter: rounds it may fire at targets outside the class, and the class.
    #[inline]
    pub(crate) fn other_class_cap(&self, shooter: usize) -> (u32, Option<u32>) {
        self.other_class_cap[shooter]
    }

    /// Class of a target.
    #[inline]
    pub(crate) fn class(&self, target: usize) -> u32 {
        self.classes[target]
    }

    /// Expected surviving value plus weighted cost of an assignment (one entry per unit).
    ///
    /// Feasibility is not checked; see [`Problem::check`].
    pub fn objective(&self, assignment: &[Option<usize>]) -> f64 {
        let mut surv = vec![1.0; self.n_targets];
        let mut cost = 0.0;
        for (u, t) in assignment.iter().enumerate() {
            if let Some(j) = *t {
                surv[j] *= self.survival(u, j);
                cost += self.unit_cost(u);
            }
        }
        surv.iter()
            .zip(&self.values)
            .map(|(q, v)| q * v)
            .sum::<f64>()
            + cost
    }

    /// Checks that an assignment respects forbidden pairs, salvo limits and reserves.
    pub fn check(&self, assignment: &[Option<usize>]) -> Result<(), String> {
        if assignment.len() != self.n_units() {
            return Err(format!(
                "{} entries for {} units",
                assignment.len(),
                self.n_units()
            ));
        }
        let mut per_pair = vec![0u32; self.n_shooters() * self.n_targets];
        let mut other = vec![0u32; self.n_shooters()];
        for (u, t) in assignment.iter().enumerate() {
            let Some(j) = *t else { continue };
            if j >= self.n_targets {
                return Err(format!(
                    "unit {u} assigned to target {j}, which does not exist"
                ));
            }
            if !self.allowed(u, j) {
                return Err(format!("unit {u} assigned to forbidden target {j}"));
            }
            let s = self.shooter_of(u);
            per_pair[s * self.n_targets + j] += 1;
            if per_pair[s * self.n_targets + j] > self.salvo(s) {
                return Err(format!("shooter {s} exceeds its salvo at target {j}"));
            }
            let (cap, class) = self.other_class_cap(s);
            if class.is_some_and(|c| c != self.class(j)) {
                other[s] += 1;
                if other[s] > cap {
                    return Err(format!("shooter {s} breaks its reserve"));
                }
            }
        }
        Ok(())
    }
}
