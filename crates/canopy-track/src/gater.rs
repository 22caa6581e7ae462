//! Gaters: propose the track-detection pairs worth an exact Mahalanobis test.
//!
//! [`GridGater`] hashes detections into a uniform horizontal grid and asks, for each track,
//! only the cells that its gate sphere overlaps, so the cost grows with the number of
//! nearby detections rather than with tracks times detections. A small batch of detections,
//! or a gate spanning more grid columns than there are detections, tests every detection
//! instead.

use nalgebra::Vector3;

/// A sphere bounding a track's validation gate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GateRegion {
    /// Predicted position, metres.
    pub centre_m: Vector3<f64>,
    /// Radius that contains the whole Mahalanobis gate, metres.
    pub radius_m: f64,
}

/// Proposes candidate pairs `(region index, detection index)`.
pub trait Gater: Send + Sync + std::fmt::Debug {
    /// Appends to `pairs` every pair whose detection lies within the region's sphere, sorted
    /// by region then detection.
    fn candidates(
        &self,
        regions: &[GateRegion],
        detections_m: &[Vector3<f64>],
        pairs: &mut Vec<(usize, usize)>,
    );
}

/// Uniform horizontal grid over the detections.
#[derive(Clone, Debug, PartialEq)]
pub struct GridGater {
    /// Side of a grid cell, metres.
    pub cell_m: f64,
}

impl GridGater {
    fn cell(&self, coordinate_m: f64) -> i64 {
        (coordinate_m / self.cell_m).floor() as i64
    }
}

impl Gater for GridGater {
    fn candidates(
        &self,
        regions: &[GateRegion],
        detections_m: &[Vector3<f64>],
        pairs: &mut Vec<(usize, usize)>,
    ) {
        if detections_m.len() <= DIRECT_TEST_MAX_DETECTIONS {
            for (region_index, region) in regions.iter().enumerate() {
                test_each(region_index, region, detections_m, pairs);
            }
            return;
        }
        let mut cells: Vec<((i64, i64), usize)> = detections_m
            .iter()
            .enumerate()
            .map(|(i, p)| ((self.cell(p.x), self.cell(p.y)), i))
            .collect();
        cells.sort_unstable();
        let mut found = Vec::new();
        for (region_index, region) in regions.iter().enumerate() {
            let r = region.radius_m;
            let (x0, x1) = (
                self.cell(region.centre_m.x - r),
                self.cell(region.centre_m.x + r),
            );
            let (y0, y1) = (
                self.cell(region.centre_m.y - r),
                self.cell(region.centre_m.y + r),
            );
            found.clear();
            if x1.saturating_sub(x0) >= cells.len() as i64 {
                // A gate wider than there are detections: testing each is cheaper than
                // searching the grid column by column.
                test_each(region_index, region, detections_m, pairs);
                continue;
            }
            for cx in x0..=x1 {
                let start = cells.partition_point(|(key, _)| *key < (cx, y0));
                for &(key, det) in &cells[start..] {
                    if key > (cx, y1) {
                        break;
                    }
                    if (detections_m[det] - region.centre_m).norm_squared() <= r * r {
                        found.push(det);
                    }
                }
            }
            found.sort_unstable();
            pairs.extend(found.iter().map(|&det| (region_index, det)));
        }
    }
}

/// Up to this many detections in a batch, testing each against every gate is cheaper than
/// building and searching the grid.
const DIRECT_TEST_MAX_DETECTIONS: usize = 64;

/// The pairs of one gate with every detection inside it, in detection order.
fn test_each(
    region_index: usize,
    region: &GateRegion,
    detections_m: &[Vector3<f64>],
    pairs: &mut Vec<(usize, usize)>,
) {
    let r2 = region.radius_m * region.radius_m;
    pairs.extend(
        detections_m
            .iter()
            .enumerate()
            .filter(|(_, p)| (*p - region.centre_m).norm_squared() <= r2)
            .map(|(det, _)| (region_index, det)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_matches_brute_force() {
        let detections: Vec<Vector3<f64>> = (0..200)
            .map(|i| {
                let t = i as f64;
                Vector3::new(
                    (t * 7919.0) % 50_000.0 - 25_000.0,
                    (t * 104_729.0) % 50_000.0 - 25_000.0,
                    t,
                )
            })
            .collect();
        let regions: Vec<GateRegion> = (0..30)
            .map(|i| GateRegion {
                centre_m: Vector3::new(
                    i as f64 * 1500.0 - 20_000.0,
                    3000.0 - i as f64 * 900.0,
                    50.0,
                ),
                radius_m: 2000.0 + 300.0 * i as f64,
            })
            .collect();
        let mut grid = Vec::new();
        GridGater { cell_m: 3000.0 }.candidates(&regions, &detections, &mut grid);
        let mut brute = Vec::new();
        for (r, region) in regions.iter().enumerate() {
            for (d, det) in detections.iter().enumerate() {
                if (det - region.centre_m).norm() <= region.radius_m {
                    brute.push((r, d));
                }
            }
        }
        assert!(!brute.is_empty());
        assert_eq!(grid, brute);
    }

    #[test]
    fn a_gate_wider_than_the_grid_search_matches_brute_force() {
        // Five detections and gates spanning hundreds of 1 km columns: each detection is tested.
        let detections: Vec<Vector3<f64>> = [
            (0.0, 0.0),
            (150_000.0, 20_000.0),
            (-90_000.0, -40_000.0),
            (300_000.0, 0.0),
            (10_000.0, 250_000.0),
        ]
        .iter()
        .map(|&(x, y)| Vector3::new(x, y, 1000.0))
        .collect();
        let regions = [
            GateRegion {
                centre_m: Vector3::new(0.0, 0.0, 0.0),
                radius_m: 200_000.0,
            },
            GateRegion {
                centre_m: Vector3::new(100_000.0, 100_000.0, 0.0),
                radius_m: 160_000.0,
            },
        ];
        // By hand: region 0 (radius 200 km) holds detections 0, 1 (151 km) and 2 (98 km), not
        // 3 (300 km) or 4 (250 km); region 1 (radius 160 km, centre 100 km east and north)
        // holds 0 (141 km) and 1 (94 km), not 2 (236 km), 3 (224 km) or 4 (175 km).
        let expected = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1)];
        let gater = GridGater { cell_m: 1000.0 };
        let mut small_batch = Vec::new();
        gater.candidates(&regions, &detections, &mut small_batch);
        assert_eq!(small_batch, expected);
        // The same five among a hundred more, 5,000 km away: too many for the direct test, so
        // the wide gates take the grid's test-each path.
        let far = (0..100).map(|i| Vector3::new(5.0e6, f64::from(i) * 1000.0, 1000.0));
        let many: Vec<Vector3<f64>> = detections.iter().copied().chain(far).collect();
        let mut wide = Vec::new();
        gater.candidates(&regions, &many, &mut wide);
        assert_eq!(wide, expected);
    }
}
