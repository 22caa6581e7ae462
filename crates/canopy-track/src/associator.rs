//! Associators: choose at most one detection per track and one track per detection.
//!
//! [`GlobalNearestNeighbour`] splits the gated pairs into independent clusters (connected
//! components of the track-detection graph) and solves each cluster optimally with the
//! Hungarian method, with a "missed" option per track.

use pathfinding::prelude::{Matrix, kuhn_munkres_min};

/// A gated track-detection pair and the cost of pairing them (lower is better).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hypothesis {
    /// Track index.
    pub track: usize,
    /// Detection index.
    pub detection: usize,
    /// Pairing cost, e.g. the squared Mahalanobis distance.
    pub cost: f64,
}

/// Chooses the pairing of tracks and detections.
pub trait Associator: Send + Sync + std::fmt::Debug {
    /// For each of `n_tracks` tracks, the detection it takes (or `None` for a miss).
    /// Leaving a track without a detection costs `miss_cost`.
    fn associate(
        &self,
        n_tracks: usize,
        n_detections: usize,
        hypotheses: &[Hypothesis],
        miss_cost: f64,
    ) -> Vec<Option<usize>>;
}

/// Global nearest neighbour: the minimum-total-cost assignment.
#[derive(Clone, Copy, Debug, Default)]
pub struct GlobalNearestNeighbour;

/// Costs are scaled to integers with this resolution for the Hungarian solver.
const COST_SCALE: f64 = 1e6;

/// Disjoint-set forest over tracks followed by detections.
struct DisjointSets(Vec<usize>);

impl DisjointSets {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

impl Associator for GlobalNearestNeighbour {
    fn associate(
        &self,
        n_tracks: usize,
        n_detections: usize,
        hypotheses: &[Hypothesis],
        miss_cost: f64,
    ) -> Vec<Option<usize>> {
        let mut assignment = vec![None; n_tracks];
        let mut sets = DisjointSets((0..n_tracks + n_detections).collect());
        for h in hypotheses {
            sets.union(h.track, n_tracks + h.detection);
        }
        // Group hypotheses by cluster root, in root order (a stable sort keeps each cluster's
        // hypotheses in their given order, so the result is deterministic).
        let mut keyed: Vec<(usize, Hypothesis)> = hypotheses
            .iter()
            .map(|h| (sets.find(h.track), *h))
            .collect();
        keyed.sort_by_key(|(root, _)| *root);
        let mut cluster = Vec::new();
        for group in keyed.chunk_by(|a, b| a.0 == b.0) {
            cluster.clear();
            cluster.extend(group.iter().map(|(_, h)| *h));
            solve_cluster(&cluster, miss_cost, &mut assignment);
        }
        assignment
    }
}

fn solve_cluster(cluster: &[Hypothesis], miss_cost: f64, assignment: &mut [Option<usize>]) {
    let [first, ..] = cluster else { return };
    // One track competing for several detections (several radars seeing one target), or
    // several tracks for one detection: the optimum is the cheapest pair, if cheaper than a
    // miss. The first of equally cheap pairs is taken.
    if cluster.iter().all(|h| h.track == first.track)
        || cluster.iter().all(|h| h.detection == first.detection)
    {
        let cheapest = cluster
            .iter()
            .fold(first, |best, h| if h.cost < best.cost { h } else { best });
        if cheapest.cost < miss_cost {
            assignment[cheapest.track] = Some(cheapest.detection);
        }
        return;
    }
    let mut tracks: Vec<usize> = cluster.iter().map(|h| h.track).collect();
    tracks.sort_unstable();
    tracks.dedup();
    let mut detections: Vec<usize> = cluster.iter().map(|h| h.detection).collect();
    detections.sort_unstable();
    detections.dedup();
    let (rows, det_columns) = (tracks.len(), detections.len());
    // Columns: the detections, then one "missed" column per track.
    let forbidden = ((miss_cost.abs() + 1.0) * COST_SCALE * (rows as f64 + 1.0)) as i64;
    let mut weights = Matrix::new(rows, det_columns + rows, forbidden);
    let miss = (miss_cost * COST_SCALE).round() as i64;
    for row in 0..rows {
        weights[(row, det_columns + row)] = miss;
    }
    for h in cluster {
        let row = tracks.binary_search(&h.track).unwrap_or_default();
        let column = detections.binary_search(&h.detection).unwrap_or_default();
        let cost = (h.cost.min(miss_cost) * COST_SCALE).round() as i64;
        weights[(row, column)] = weights[(row, column)].min(cost);
    }
    let (_, columns) = kuhn_munkres_min(&weights);
    for (row, column) in columns.into_iter().enumerate() {
        if column < det_columns && weights[(row, column)] < miss {
            assignment[tracks[row]] = Some(detections[column]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(track: usize, detection: usize, cost: f64) -> Hypothesis {
        Hypothesis {
            track,
            detection,
            cost,
        }
    }

    #[test]
    fn optimal_where_greedy_fails() {
        // Greedy takes the cheapest pair (A-1, cost 1) and then must give B detection 2
        // (cost 10): total 11. The optimum is A-2 + B-1 = 2 + 2 = 4.
        let hyps = [h(0, 0, 1.0), h(0, 1, 2.0), h(1, 0, 2.0), h(1, 1, 10.0)];
        let result = GlobalNearestNeighbour.associate(2, 2, &hyps, 16.0);
        assert_eq!(result, vec![Some(1), Some(0)]);
    }

    #[test]
    fn missing_is_chosen_when_cheaper() {
        // Both tracks want detection 0 (miss cost 14): A takes it and B misses = 1 + 14 = 15;
        // B takes it and A misses = 0.5 + 14 = 14.5, the optimum.
        let hyps = [h(0, 0, 1.0), h(1, 0, 0.5)];
        let result = GlobalNearestNeighbour.associate(2, 1, &hyps, 14.0);
        assert_eq!(result, vec![None, Some(0)]);
    }

    #[test]
    fn one_track_takes_its_cheapest_detection() {
        // Three radars see one target: costs 9, 2 and 5 against a miss cost of 16.
        let hyps = [h(0, 0, 9.0), h(0, 1, 2.0), h(0, 2, 5.0)];
        let result = GlobalNearestNeighbour.associate(1, 3, &hyps, 16.0);
        assert_eq!(result, vec![Some(1)]);
        // Two tracks want one detection; the cheaper (3 against 7) takes it, the other misses.
        let hyps = [h(0, 0, 7.0), h(1, 0, 3.0)];
        let result = GlobalNearestNeighbour.associate(2, 1, &hyps, 16.0);
        assert_eq!(result, vec![None, Some(0)]);
    }

    #[test]
    fn independent_clusters() {
        let hyps = [h(0, 2, 3.0), h(1, 0, 1.0), h(2, 1, 20.0)];
        let result = GlobalNearestNeighbour.associate(3, 3, &hyps, 16.0);
        assert_eq!(result, vec![Some(2), Some(0), None]);
    }
}
