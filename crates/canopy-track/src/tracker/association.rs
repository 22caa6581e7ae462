//! The association step of a look: confirmed tracks first, then tentative ones, each group
//! gated against the detections still free (spatial index, then the exact gate), paired by
//! the associator and updated with what it chose.

use super::batch::{BatchDetection, DetectionUse};
use super::update::{choose_updater, update_track};
use crate::associator::{Associator, Hypothesis};
use crate::gater::{GateRegion, Gater};
use crate::gaussian::Gaussian;
use crate::imm::Imm;
use crate::scan::Scan;
use crate::track::Track;
use crate::updater::Updater;
use nalgebra::Vector3;

/// The components that gate, pair and update tracks, and the gate they share.
pub(super) struct Association<'a> {
    /// Proposes track-detection pairs through a spatial index.
    pub(super) gater: &'a dyn Gater,
    /// Picks the pairing among the gated hypotheses.
    pub(super) associator: &'a dyn Associator,
    /// Folds a detection into a tentative track, or into each model of an IMM.
    pub(super) updater: &'a dyn Updater,
    /// The confirmed tracks' IMM.
    pub(super) imm: &'a Imm,
    /// Gate on the squared Mahalanobis distance of an innovation.
    pub(super) gate_distance2: f64,
}

/// What the association step made of a look.
pub(super) struct Outcome {
    /// What became of each detection of the batch.
    pub(super) uses: Vec<DetectionUse>,
    /// Whether each track took a detection.
    pub(super) hit: Vec<bool>,
}

impl Association<'_> {
    /// Associates the `detections` of `scans` with `tracks` (predicted to the scans' time):
    /// confirmed tracks first, then tentative tracks with the detections left. Every track
    /// competes for the detections, wherever its predicted position lies: a young track's
    /// velocity is barely known, and its gate, not a sensor's coverage, says where the target
    /// may have gone.
    pub(super) fn run(
        &self,
        tracks: &mut [Track],
        scans: &[Scan],
        detections: &[BatchDetection],
    ) -> Outcome {
        let mut outcome = Outcome {
            uses: vec![DetectionUse::default(); detections.len()],
            hit: vec![false; tracks.len()],
        };
        for confirmed_stage in [true, false] {
            let members: Vec<usize> = (0..tracks.len())
                .filter(|&i| tracks[i].confirmed == confirmed_stage)
                .collect();
            self.stage(
                tracks,
                &members,
                scans,
                detections,
                confirmed_stage,
                &mut outcome,
            );
        }
        outcome
    }

    /// Gates, associates and updates one group of tracks against the unused detections; with
    /// `claim`, a detection inside a member's gate may not start a new track.
    fn stage(
        &self,
        tracks: &mut [Track],
        members: &[usize],
        scans: &[Scan],
        detections: &[BatchDetection],
        claim: bool,
        outcome: &mut Outcome,
    ) {
        if members.is_empty() || detections.is_empty() {
            return;
        }
        let hypotheses =
            self.hypotheses(tracks, members, scans, detections, claim, &mut outcome.uses);
        let assignment = self.associator.associate(
            members.len(),
            detections.len(),
            &hypotheses,
            self.gate_distance2,
        );
        for (local, chosen) in assignment.into_iter().enumerate() {
            let Some(detection) = chosen else { continue };
            let index = members[local];
            let source = &detections[detection];
            if update_track(
                &mut tracks[index],
                &scans[source.scan],
                source,
                self.updater,
                self.imm,
                self.gate_distance2,
            ) {
                outcome.uses[detection].used = true;
                outcome.hit[index] = true;
                tracks[index].updated_by = Some(source.scan);
            }
        }
    }

    /// The pairs of a member and a free detection that pass the gate, each with its squared
    /// Mahalanobis distance as its cost (detections in a gate marked claimed with `claim`).
    fn hypotheses(
        &self,
        tracks: &[Track],
        members: &[usize],
        scans: &[Scan],
        detections: &[BatchDetection],
        claim: bool,
        uses: &mut [DetectionUse],
    ) -> Vec<Hypothesis> {
        let gate = self.gate_distance2;
        // Linearised, the gate's Mahalanobis distance is at least |Δ|² / λmax(P + R) ≥
        // |Δ|² / (λmax(P) + λmax(R)): a pair farther apart than the sphere of those bounds
        // cannot pass the gate and is not tested exactly.
        let spreads: Vec<f64> = members
            .iter()
            .map(|&i| position_spread_bound(&tracks[i].estimate))
            .collect();
        let centres: Vec<Vector3<f64>> = members
            .iter()
            .map(|&i| tracks[i].estimate.position_m())
            .collect();
        // Only the detections still free can be taken: the gater sees those alone.
        let free: Vec<usize> = (0..detections.len()).filter(|&d| !uses[d].used).collect();
        let points: Vec<Vector3<f64>> = free.iter().map(|&d| detections[d].position_m).collect();
        // Gate spheres on the tracks, wide enough for the noisiest detection of the batch;
        // each pair is then held to the sphere of its own detection's noise.
        let noisiest = detections.iter().map(|d| d.noise_m2).fold(0.0, f64::max);
        let regions: Vec<GateRegion> = centres
            .iter()
            .zip(&spreads)
            .map(|(centre_m, spread)| GateRegion {
                centre_m: *centre_m,
                radius_m: (gate * (spread + noisiest)).sqrt(),
            })
            .collect();
        let mut pairs = Vec::new();
        self.gater.candidates(&regions, &points, &mut pairs);
        pairs.retain(|&(local, point)| {
            let reach2 = gate * (spreads[local] + detections[free[point]].noise_m2);
            (centres[local] - points[point]).norm_squared() <= reach2
        });
        let mut hypotheses = Vec::new();
        for (local, point) in pairs {
            let detection = free[point];
            let track = &tracks[members[local]];
            let source = &detections[detection];
            let scan = &scans[source.scan];
            let chosen = choose_updater(self.updater, &track.estimate, source, scan);
            let Some(innovation) = chosen.get().innovation(
                &track.estimate,
                &scan.detections[source.index],
                scan.sensor,
            ) else {
                continue;
            };
            if innovation.distance2 < gate {
                uses[detection].claimed |= claim;
                hypotheses.push(Hypothesis {
                    track: local,
                    detection,
                    cost: innovation.distance2,
                });
            }
        }
        hypotheses
    }
}

/// An upper bound of the largest eigenvalue of a Gaussian's position covariance, m²: the
/// smaller of its trace and its largest absolute row sum (Gershgorin).
fn position_spread_bound(estimate: &Gaussian) -> f64 {
    let cov = estimate.cov.fixed_view::<3, 3>(0, 0);
    let trace = cov[(0, 0)] + cov[(1, 1)] + cov[(2, 2)];
    let row_sum = |r: usize| (0..3).map(|c| cov[(r, c)].abs()).sum::<f64>();
    trace.min(row_sum(0).max(row_sum(1)).max(row_sum(2)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gaussian::{StateCovariance, StateVector};

    fn with_position_covariance(block: [[f64; 3]; 3]) -> Gaussian {
        let mut cov = StateCovariance::identity();
        for (r, row) in block.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                cov[(r, c)] = *value;
            }
        }
        Gaussian::new(StateVector::zeros(), cov)
    }

    #[test]
    fn spread_bound_is_the_largest_eigenvalue_when_gershgorin_is_tight() {
        // diag(4, 9, 1): the largest eigenvalue is 9 (the trace is 14).
        let diagonal =
            with_position_covariance([[4.0, 0.0, 0.0], [0.0, 9.0, 0.0], [0.0, 0.0, 1.0]]);
        assert_eq!(position_spread_bound(&diagonal), 9.0);
        // [[4, 2, 0], [2, 4, 0], [0, 0, 1]] has eigenvalues 6, 2 and 1: the row sum 6 is exact.
        let coupled = with_position_covariance([[4.0, 2.0, 0.0], [2.0, 4.0, 0.0], [0.0, 0.0, 1.0]]);
        assert_eq!(position_spread_bound(&coupled), 6.0);
        // [[10, 3, 0], [3, 1, 0], [0, 0, 0.1]]: the first row sums to 13, above the trace 11.1,
        // which bounds the largest eigenvalue (11 + √117) / 2 ≈ 10.91 instead.
        let lopsided =
            with_position_covariance([[10.0, 3.0, 0.0], [3.0, 1.0, 0.0], [0.0, 0.0, 0.1]]);
        assert!((position_spread_bound(&lopsided) - 11.1).abs() < 1e-12);
        assert!(position_spread_bound(&lopsided) >= (11.0 + 117f64.sqrt()) / 2.0);
    }
}
