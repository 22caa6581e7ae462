//! What C2 believes a track is: a probability over the four threat classes.

use canopy_scenario::ThreatClass;

/// A probability for each threat class, in the order of [`ThreatClass::ALL`], summing to 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClassBelief([f64; 4]);

impl ClassBelief {
    /// Certainty that the track is of `class` (the perfect picture's belief).
    pub fn certain(class: ThreatClass) -> ClassBelief {
        let mut p = [0.0; 4];
        p[class.index()] = 1.0;
        ClassBelief(p)
    }

    /// The belief proportional to `weights` (non-negative, finite); equal shares when they are
    /// all zero.
    pub fn from_weights(weights: [f64; 4]) -> ClassBelief {
        let total: f64 = weights.iter().sum();
        if total > 0.0 && total.is_finite() {
            ClassBelief(weights.map(|w| w / total))
        } else {
            ClassBelief([0.25; 4])
        }
    }

    /// The probability that the track is of `class`.
    pub fn probability(self, class: ThreatClass) -> f64 {
        self.0[class.index()]
    }

    /// The probability that the track is of one of the classes `of` selects.
    pub fn share(self, of: impl Fn(ThreatClass) -> bool) -> f64 {
        ThreatClass::ALL
            .into_iter()
            .filter(|class| of(*class))
            .map(|class| self.probability(class))
            .sum()
    }

    /// The most likely class (the first in [`ThreatClass::ALL`] order on a tie).
    pub fn most_likely(self) -> ThreatClass {
        ThreatClass::ALL
            .into_iter()
            .fold(ThreatClass::Drone, |best, class| {
                if self.probability(class) > self.probability(best) {
                    class
                } else {
                    best
                }
            })
    }

    /// The expectation of a quantity that depends on the class.
    pub fn expect(self, f: impl Fn(ThreatClass) -> f64) -> f64 {
        ThreatClass::ALL
            .into_iter()
            .map(|class| self.probability(class) * f(class))
            .sum()
    }

    /// Whether C2 takes the track for a missile (cruise or ballistic, at least even odds), for
    /// which anti-ballistic rounds are kept.
    pub fn is_missile(self) -> bool {
        self.share(|class| matches!(class, ThreatClass::Cruise | ThreatClass::Ballistic)) >= 0.5
    }

    /// The belief restricted to the classes `of` selects and renormalised, or `None` when they
    /// have no probability.
    pub fn given(self, of: impl Fn(ThreatClass) -> bool) -> Option<ClassBelief> {
        let weights = ThreatClass::ALL.map(|class| {
            if of(class) {
                self.probability(class)
            } else {
                0.0
            }
        });
        (weights.iter().sum::<f64>() > 0.0).then(|| ClassBelief::from_weights(weights))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_normalised_and_read_back() {
        let belief = ClassBelief::from_weights([2.0, 1.0, 1.0, 0.0]);
        assert_eq!(belief.probability(ThreatClass::Drone), 0.5);
        assert_eq!(belief.most_likely(), ThreatClass::Drone);
        assert_eq!(belief.share(|c| c != ThreatClass::Drone), 0.5);
        assert_eq!(belief.expect(|c| c.index() as f64), 0.25 + 0.5);
        let missiles = belief
            .given(|c| matches!(c, ThreatClass::Cruise | ThreatClass::Ballistic))
            .unwrap();
        assert_eq!(missiles, ClassBelief::certain(ThreatClass::Cruise));
        assert_eq!(belief.given(|c| c == ThreatClass::Ballistic), None);
    }
}
