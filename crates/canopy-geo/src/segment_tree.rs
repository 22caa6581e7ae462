//! Nearest border segment to a point: a bounding-box hierarchy over straight segments in
//! Earth-centred coordinates.
//!
//! Segments are chords between border vertices on the ellipsoid, so the straight-line distance
//! to them differs from the geodesic distance by centimetres at 100 km (the chord is shorter
//! than the arc by about d³ / (24 R²)); the tree finds the nearest segment by that distance and
//! reports the nearest point in latitude/longitude, for an exact geodesic distance afterwards.

use crate::polygon::LonLatRing;
use crate::{GeoPoint, to_ecef};

/// Most segments in one leaf.
const LEAF_SIZE: usize = 8;
/// Room for the depth-first search: the tree depth is about log2(segments / LEAF_SIZE) + 1.
const STACK_SIZE: usize = 64;

/// One border edge, with its ends in ECEF (on the ellipsoid) and in `[lon_rad, lat_rad]`.
#[derive(Clone, Debug)]
struct Segment {
    a: [f64; 3],
    b: [f64; 3],
    lon_lat_a: [f64; 2],
    lon_lat_b: [f64; 2],
    /// Upper bound of the distance between a point of the chord and the surface point that
    /// [`Segment::nearest`] reports for it, metres (see [`offset_bound_m`]).
    offset_m: f64,
}

impl Segment {
    fn centre(&self, axis: usize) -> f64 {
        self.a[axis] + self.b[axis]
    }

    /// Squared distance from `target` (ECEF) to this segment, and the nearest point's
    /// `[lon_rad, lat_rad]` (interpolated along the edge).
    fn nearest(&self, target: [f64; 3]) -> (f64, [f64; 2]) {
        let ab = sub(self.b, self.a);
        let at = sub(target, self.a);
        let length2 = dot(ab, ab);
        let t = if length2 > 0.0 {
            (dot(at, ab) / length2).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let d = [at[0] - t * ab[0], at[1] - t * ab[1], at[2] - t * ab[2]];
        let lon_lat = [
            self.lon_lat_a[0] + t * (self.lon_lat_b[0] - self.lon_lat_a[0]),
            self.lon_lat_a[1] + t * (self.lon_lat_b[1] - self.lon_lat_a[1]),
        ];
        (dot(d, d), lon_lat)
    }
}

/// A radius no smaller than the ellipsoid's radii of curvature (WGS-84: at most 6 399 594 m),
/// metres.
const MAX_CURVATURE_RADIUS_M: f64 = 6_400_000.0;

/// An upper bound of `|q(t) − s(t)|` for an edge with angular ends `lon_lat_a`, `lon_lat_b`,
/// metres: `q(t)` is the chord's point at `t` and `s(t)` the surface point at the interpolated
/// longitude and latitude. `q` is the linear interpolation of the curve `s` between its ends,
/// so it is within `max|s''| / 8` of it; on a sphere of radius `R`,
/// `|s''| ≤ 2 R (Δλ² + Δφ²)`, and the bound is doubled for the ellipsoid's flattening.
fn offset_bound_m(lon_lat_a: [f64; 2], lon_lat_b: [f64; 2]) -> f64 {
    let d_lon = lon_lat_b[0] - lon_lat_a[0];
    let d_lat = lon_lat_b[1] - lon_lat_a[1];
    MAX_CURVATURE_RADIUS_M * (d_lon * d_lon + d_lat * d_lat) / 2.0
}

fn sub(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}

fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

/// An axis-aligned box and what it holds.
#[derive(Clone, Debug)]
struct Node {
    lo: [f64; 3],
    hi: [f64; 3],
    /// The largest [`Segment::offset_m`] below this node, metres.
    offset_m: f64,
    children: Children,
}

#[derive(Clone, Debug)]
enum Children {
    /// Segments `start..end`.
    Leaf { start: usize, end: usize },
    /// Two child nodes.
    Inner { left: usize, right: usize },
}

impl Node {
    /// Squared distance from `p` to the box (0 inside).
    fn distance2(&self, p: [f64; 3]) -> f64 {
        (0..3)
            .map(|k| {
                let d = (self.lo[k] - p[k]).max(p[k] - self.hi[k]).max(0.0);
                d * d
            })
            .sum()
    }
}

/// The border segments of one country, indexed for nearest-segment queries.
#[derive(Clone, Debug)]
pub(crate) struct SegmentTree {
    segments: Vec<Segment>,
    nodes: Vec<Node>,
}

impl SegmentTree {
    /// The tree over every edge of `rings` (`[lon_rad, lat_rad]`).
    pub(crate) fn new(rings: &[LonLatRing]) -> SegmentTree {
        let ecef = |[lon, lat]: [f64; 2]| {
            let e = to_ecef(
                GeoPoint::from_computed_degrees(lat.to_degrees(), lon.to_degrees()),
                0.0,
            );
            [e.x_m, e.y_m, e.z_m]
        };
        let segments: Vec<Segment> = rings
            .iter()
            .flat_map(|ring| ring.windows(2))
            .filter(|edge| edge[0] != edge[1])
            .map(|edge| {
                let (a, b) = (ecef(edge[0]), ecef(edge[1]));
                Segment {
                    a,
                    b,
                    lon_lat_a: edge[0],
                    lon_lat_b: edge[1],
                    offset_m: offset_bound_m(edge[0], edge[1]),
                }
            })
            .collect();
        let mut tree = SegmentTree {
            segments,
            nodes: Vec::new(),
        };
        if !tree.segments.is_empty() {
            tree.build(0, tree.segments.len());
        }
        tree
    }

    /// Adds the node for segments `start..end` (and its subtree); returns its index.
    fn build(&mut self, start: usize, end: usize) -> usize {
        let mut lo = [f64::INFINITY; 3];
        let mut hi = [f64::NEG_INFINITY; 3];
        let mut offset_m: f64 = 0.0;
        for s in &self.segments[start..end] {
            for k in 0..3 {
                lo[k] = lo[k].min(s.a[k]).min(s.b[k]);
                hi[k] = hi[k].max(s.a[k]).max(s.b[k]);
            }
            offset_m = offset_m.max(s.offset_m);
        }
        let index = self.nodes.len();
        self.nodes.push(Node {
            lo,
            hi,
            offset_m,
            children: Children::Leaf { start, end },
        });
        if end - start > LEAF_SIZE {
            let axis = (0..3)
                .max_by(|&i, &j| (hi[i] - lo[i]).total_cmp(&(hi[j] - lo[j])))
                .unwrap_or(0);
            let mid = start + (end - start) / 2;
            self.segments[start..end].select_nth_unstable_by(mid - start, |s, t| {
                s.centre(axis).total_cmp(&t.centre(axis))
            });
            let left = self.build(start, mid);
            let right = self.build(mid, end);
            self.nodes[index].children = Children::Inner { left, right };
        }
        index
    }

    /// The `[lon_rad, lat_rad]` of the point of the nearest segment to `target` (ECEF), or
    /// `None` for an empty tree.
    pub(crate) fn nearest(&self, target: [f64; 3]) -> Option<[f64; 2]> {
        self.nearest_within(target, f64::INFINITY)
            .map(|(_, lon_lat)| lon_lat)
    }

    /// The squared straight-line distance (m²) from `target` (ECEF) to the nearest segment and
    /// that segment's nearest `[lon_rad, lat_rad]`, if it is closer than `bound_d2`; the bound
    /// lets the search skip every box farther away.
    pub(crate) fn nearest_within(
        &self,
        target: [f64; 3],
        bound_d2: f64,
    ) -> Option<(f64, [f64; 2])> {
        let mut best: Option<(f64, [f64; 2])> = None;
        let mut best_d2 = bound_d2;
        let mut stack = [0usize; STACK_SIZE];
        let mut depth = usize::from(!self.nodes.is_empty());
        while depth > 0 {
            depth -= 1;
            let node = &self.nodes[stack[depth]];
            if node.distance2(target) >= best_d2 {
                continue;
            }
            match node.children {
                Children::Leaf { start, end } => {
                    for segment in &self.segments[start..end] {
                        let candidate = segment.nearest(target);
                        if candidate.0 < best_d2 {
                            best_d2 = candidate.0;
                            best = Some(candidate);
                        }
                    }
                }
                Children::Inner { left, right } => {
                    // Visit the nearer child first: push it last.
                    let (near, far) = if self.nodes[left].distance2(target)
                        <= self.nodes[right].distance2(target)
                    {
                        (left, right)
                    } else {
                        (right, left)
                    };
                    stack[depth] = far;
                    stack[depth + 1] = near;
                    depth += 2;
                }
            }
        }
        best
    }

    /// Whether some segment lies within `limit_m` plus its offset bound of `target` (ECEF, on
    /// the surface). When none does, the point the tree reports as nearest
    /// ([`SegmentTree::nearest`]) is more than `limit_m` from `target` along the surface: the
    /// geodesic is no shorter than the straight line, which is no shorter than the chord
    /// distance less the offset. A cheap test that skips every box out of reach.
    pub(crate) fn any_near(&self, target: [f64; 3], limit_m: f64) -> bool {
        let reach2 = |offset_m: f64| (limit_m + offset_m) * (limit_m + offset_m);
        let mut stack = [0usize; STACK_SIZE];
        let mut depth = usize::from(!self.nodes.is_empty());
        while depth > 0 {
            depth -= 1;
            let node = &self.nodes[stack[depth]];
            if node.distance2(target) > reach2(node.offset_m) {
                continue;
            }
            match node.children {
                Children::Leaf { start, end } => {
                    let near = self.segments[start..end]
                        .iter()
                        .any(|segment| segment.nearest(target).0 <= reach2(segment.offset_m));
                    if near {
                        return true;
                    }
                }
                Children::Inner { left, right } => {
                    stack[depth] = left;
                    stack[depth + 1] = right;
                    depth += 2;
                }
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::distance_m;

    fn ring_deg(lon_lat: &[[f64; 2]]) -> LonLatRing {
        lon_lat
            .iter()
            .map(|&[lon, lat]| [lon.to_radians(), lat.to_radians()])
            .collect()
    }

    #[test]
    fn nearest_point_on_a_square_by_hand() {
        let ring = ring_deg(&[
            [24.0, 49.0],
            [25.0, 49.0],
            [25.0, 50.0],
            [24.0, 50.0],
            [24.0, 49.0],
        ]);
        let tree = SegmentTree::new(&[ring]);
        let p = GeoPoint::from_degrees(49.5, 26.0).unwrap();
        let e = to_ecef(p, 0.0);
        let [lon, lat] = tree.nearest([e.x_m, e.y_m, e.z_m]).unwrap();
        // Due west of the point, on the eastern edge lon 25.
        assert!((lon.to_degrees() - 25.0).abs() < 1e-12);
        assert!((lat.to_degrees() - 49.5).abs() < 0.01);
        let q = GeoPoint::from_degrees(lat.to_degrees(), lon.to_degrees()).unwrap();
        // One degree of longitude at 49.5° N is about 72.5 km.
        assert!((distance_m(p, q) - 72_500.0).abs() < 500.0);
    }

    #[test]
    fn tree_matches_a_linear_scan() {
        // A ring of 200 vertices (a wobbly circle), so the tree has several levels.
        let ring: Vec<[f64; 2]> = (0..=200)
            .map(|i| {
                let a = f64::from(i % 200) / 200.0 * std::f64::consts::TAU;
                let r = 1.0 + 0.3 * (5.0 * a).sin();
                [24.0 + r * a.cos(), 49.0 + 0.7 * r * a.sin()]
            })
            .collect();
        let ring = ring_deg(&ring);
        let tree = SegmentTree::new(std::slice::from_ref(&ring));
        for (lat, lon) in [
            (49.0, 24.0),
            (49.3, 26.5),
            (47.0, 20.0),
            (52.0, 24.1),
            (49.05, 25.2),
        ] {
            let e = to_ecef(GeoPoint::from_degrees(lat, lon).unwrap(), 0.0);
            let target = [e.x_m, e.y_m, e.z_m];
            let by_scan = tree
                .segments
                .iter()
                .map(|s| s.nearest(target))
                .min_by(|a, b| a.0.total_cmp(&b.0))
                .unwrap();
            assert_eq!(tree.nearest(target), Some(by_scan.1));
        }
        assert_eq!(SegmentTree::new(&[]).nearest([0.0; 3]), None);
    }

    #[test]
    fn offset_bound_holds_on_long_edges() {
        // A meridian edge along 60° E from 40° to 62° N (the data's clipping box), a parallel
        // at 50° N over 20° of longitude and a diagonal: the chord's point at t and the surface
        // point at the interpolated angles, sampled every 1/64, stay within the bound, and the
        // bound is not loose by more than a factor of 8.
        let edges = [
            ([60.0, 40.0], [60.0, 62.0]),
            ([10.0, 50.0], [30.0, 50.0]),
            ([22.0, 48.0], [24.5, 49.5]),
        ];
        for (a_deg, b_deg) in edges {
            let (a, b) = (ring_deg(&[a_deg])[0], ring_deg(&[b_deg])[0]);
            let ecef = |[lon, lat]: [f64; 2]| {
                let e = to_ecef(
                    GeoPoint::from_computed_degrees(lat.to_degrees(), lon.to_degrees()),
                    0.0,
                );
                [e.x_m, e.y_m, e.z_m]
            };
            let (ea, eb) = (ecef(a), ecef(b));
            let worst = (0..=64)
                .map(|k| {
                    let t = k as f64 / 64.0;
                    let q = [0, 1, 2].map(|i| ea[i] + t * (eb[i] - ea[i]));
                    let s = ecef([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
                    dot(sub(q, s), sub(q, s)).sqrt()
                })
                .fold(0.0, f64::max);
            let bound = offset_bound_m(a, b);
            assert!(
                worst <= bound && bound <= 8.0 * worst,
                "{a_deg:?}: {worst} vs {bound}"
            );
        }
    }
}
