//! Test helpers: an independent brute force over every assignment.

use canopy_wta::{Problem, Shooter};

/// A small problem described plainly, evaluated independently of the library.
#[derive(Debug, Clone)]
pub struct Plain {
    pub values: Vec<f64>,
    pub classes: Vec<u32>,
    pub shooters: Vec<Shooter>,
    pub forbidden: Vec<(usize, usize)>,
    pub lambda: f64,
}

impl Plain {
    /// Objective of `assignment` (target per round, rounds shooter by shooter), or `None` if
    /// it breaks a rule.
    pub fn evaluate(&self, assignment: &[Option<usize>]) -> Option<f64> {
        let mut surv = vec![1.0; self.values.len()];
        let mut cost = 0.0;
        let mut unit = 0;
        for (s, sh) in self.shooters.iter().enumerate() {
            let mut per_target = vec![0; self.values.len()];
            let mut other = 0;
            for _ in 0..sh.rounds {
                if let Some(j) = assignment[unit] {
                    if self.forbidden.contains(&(s, j)) {
                        return None;
                    }
                    per_target[j] += 1;
                    if per_target[j] > sh.salvo {
                        return None;
                    }
                    if let Some(r) = sh.reserve
                        && self.classes[j] != r.class
                    {
                        other += 1;
                        if other > sh.rounds - r.rounds {
                            return None;
                        }
                    }
                    surv[j] *= 1.0 - sh.pk[j];
                    cost += self.lambda * sh.cost_per_round;
                }
                unit += 1;
            }
        }
        Some(
            surv.iter()
                .zip(&self.values)
                .map(|(q, v)| q * v)
                .sum::<f64>()
                + cost,
        )
    }

    /// The optimum by enumerating every assignment.
    pub fn brute_force(&self) -> f64 {
        let units: usize = self.shooters.iter().map(|s| s.rounds as usize).sum();
        let t = self.values.len();
        let mut a = vec![None; units];
        let mut best = f64::INFINITY;
        let total = (t + 1).pow(units as u32);
        for code in 0..total {
            let mut c = code;
            for x in a.iter_mut() {
                let d = c % (t + 1);
                c /= t + 1;
                *x = (d < t).then_some(d);
            }
            if let Some(f) = self.evaluate(&a) {
                best = best.min(f);
            }
        }
        best
    }

    /// The library problem.
    pub fn problem(&self) -> Problem {
        let mut b = canopy_wta::ProblemBuilder::new(self.values.clone())
            .target_classes(self.classes.clone())
            .cost_weight(self.lambda);
        for s in &self.shooters {
            b = b.shooter(s.clone());
        }
        for &(s, j) in &self.forbidden {
            b = b.forbid(s, j);
        }
        b.build().expect("valid test problem")
    }
}
