//! Detection probability per scan, scaled by the radar equation from one reference point.
//!
//! The signal-to-noise ratio of a target of cross-section `σ` at range `R` is
//! `SNR = SNR_ref · (σ / σ_ref) · (R_ref / R)⁴`. A fluctuating target (Swerling I) against a
//! threshold set for a false-alarm probability `Pfa` is detected with probability
//! `Pd = Pfa^(1 / (1 + SNR))`, so `SNR_ref = ln Pfa / ln Pd_ref − 1` makes the model give exactly
//! `Pd_ref` at the reference range and cross-section.

/// False-alarm probability per resolution cell that sets the detection threshold.
pub const CELL_FALSE_ALARM_PROBABILITY: f64 = 1e-6;

/// Detection probability as a function of range and cross-section.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DetectionModel {
    reference_range_m: f64,
    reference_rcs_m2: f64,
    reference_snr: f64,
}

impl DetectionModel {
    /// The model that detects a target of `reference_rcs_m2` at `reference_range_m` with
    /// probability `reference_pd` (clamped into (Pfa, 1)).
    pub fn new(reference_range_m: f64, reference_rcs_m2: f64, reference_pd: f64) -> Self {
        let pfa = CELL_FALSE_ALARM_PROBABILITY;
        let pd = reference_pd.clamp(pfa * 10.0, 1.0 - 1e-9);
        DetectionModel {
            reference_range_m,
            reference_rcs_m2,
            reference_snr: pfa.ln() / pd.ln() - 1.0,
        }
    }

    /// Signal-to-noise ratio (linear) of a target of `rcs_m2` at `range_m`.
    pub fn snr(&self, range_m: f64, rcs_m2: f64) -> f64 {
        let ratio = self.reference_range_m / range_m.max(1.0);
        let ratio2 = ratio * ratio;
        self.reference_snr * (rcs_m2 / self.reference_rcs_m2) * ratio2 * ratio2
    }

    /// The range at which a target of `rcs_m2` is detected with probability `pd`, metres.
    pub fn range_for_pd(&self, pd: f64, rcs_m2: f64) -> f64 {
        let pd = pd.clamp(CELL_FALSE_ALARM_PROBABILITY * 10.0, 1.0 - 1e-9);
        let snr = CELL_FALSE_ALARM_PROBABILITY.ln() / pd.ln() - 1.0;
        self.reference_range_m
            * (self.reference_snr * rcs_m2 / self.reference_rcs_m2 / snr).powf(0.25)
    }

    /// Probability of detecting a target of `rcs_m2` at `range_m` in one scan.
    pub fn pd(&self, range_m: f64, rcs_m2: f64) -> f64 {
        CELL_FALSE_ALARM_PROBABILITY.powf(1.0 / (1.0 + self.snr(range_m, rcs_m2)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_point_gives_the_reference_probability() {
        let model = DetectionModel::new(180_000.0, 1.0, 0.9);
        assert!((model.pd(180_000.0, 1.0) - 0.9).abs() < 1e-12);
        let model = DetectionModel::new(50_000.0, 0.1, 0.5);
        assert!((model.pd(50_000.0, 0.1) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn reference_snr_is_worked_out_by_hand() {
        // ln(1e-6) / ln(0.9) - 1 = -13.8155 / -0.1053605 - 1 = 130.124
        let model = DetectionModel::new(100_000.0, 1.0, 0.9);
        assert!((model.snr(100_000.0, 1.0) - 130.124).abs() < 0.01);
        // Half the range: 16 times the SNR; a hundredth of the cross-section: a hundredth.
        assert!((model.snr(50_000.0, 1.0) - 16.0 * 130.124).abs() < 0.2);
        assert!((model.snr(100_000.0, 0.01) - 1.30124).abs() < 1e-4);
    }

    #[test]
    fn equal_snr_gives_equal_probability_by_the_fourth_root_law() {
        // A 0.01 m² target at R·0.01^(1/4) = 0.3162·R has the reference SNR.
        let model = DetectionModel::new(200_000.0, 1.0, 0.9);
        let range = 200_000.0 * 0.01f64.powf(0.25);
        assert!((model.pd(range, 0.01) - 0.9).abs() < 1e-9);
        assert!(model.pd(2.0 * range, 0.01) < 0.9);
        assert!(model.pd(0.5 * range, 0.01) > 0.9);
        assert!((model.range_for_pd(0.9, 0.01) - range).abs() < 1e-6);
    }
}
