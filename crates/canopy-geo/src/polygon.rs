//! Polygons in latitude/longitude with holes, and the point-in-polygon test they share with
//! [`crate::Borders`].

use crate::{GeoError, GeoPoint};

/// A closed ring of `[lon_rad, lat_rad]` vertices whose last vertex repeats the first.
pub(crate) type LonLatRing = Vec<[f64; 2]>;

/// Checks and converts one ring of degree pairs. `lat_lon` reads `[lat, lon]` out of one
/// input pair, so the same check serves `[lat, lon]` and GeoJSON's `[lon, lat]` input; error
/// messages show the pairs in the input's own order.
pub(crate) fn ring_from_positions(
    positions: &[[f64; 2]],
    lat_lon: impl Fn([f64; 2]) -> [f64; 2],
) -> Result<LonLatRing, GeoError> {
    if positions.len() < 4 {
        return Err(GeoError::PolygonTooFewPoints {
            count: positions.len(),
        });
    }
    let (first, last) = (positions[0], positions[positions.len() - 1]);
    if first != last {
        return Err(GeoError::PolygonNotClosed { first, last });
    }
    positions
        .iter()
        .map(|&pair| {
            let [lat, lon] = lat_lon(pair);
            let p = GeoPoint::from_degrees(lat, lon)?;
            Ok([p.lon_rad(), p.lat_rad()])
        })
        .collect()
}

/// Whether the ray going east (increasing longitude) from `(x, y)` crosses the edge `a`–`b`.
/// A vertex exactly on the ray's latitude counts as lying above it, so a ray through a vertex
/// is counted once, and every point is classified the same way by every index.
#[inline]
pub(crate) fn ray_crosses_edge(a: [f64; 2], b: [f64; 2], x: f64, y: f64) -> bool {
    (a[1] > y) != (b[1] > y) && x < a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
}

/// One or more polygons with holes, vertices in latitude/longitude.
///
/// Edges are straight lines in (longitude, latitude) — a plate carrée segment, not a geodesic;
/// for edges of a few kilometres the two differ by centimetres. Containment is by the even-odd
/// rule over all rings, so holes need no particular winding. Polygons must not cross the
/// ±180° meridian.
#[derive(Clone, Debug)]
pub struct GeoPolygon {
    rings: Vec<LonLatRing>,
    /// [min lon, min lat, max lon, max lat], radians.
    bbox: [f64; 4],
}

impl GeoPolygon {
    /// One closed ring given as `[lat, lon]` degree pairs: at least 4 points, first == last,
    /// else an error.
    pub fn from_lat_lon_deg(ring: &[[f64; 2]]) -> Result<GeoPolygon, GeoError> {
        Ok(GeoPolygon::from_rings(vec![ring_from_positions(
            ring,
            |pair| pair,
        )?]))
    }

    /// Builds from checked rings (at least one).
    pub(crate) fn from_rings(rings: Vec<LonLatRing>) -> GeoPolygon {
        let mut bbox = [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ];
        for &[lon, lat] in rings.iter().flatten() {
            bbox = [
                bbox[0].min(lon),
                bbox[1].min(lat),
                bbox[2].max(lon),
                bbox[3].max(lat),
            ];
        }
        GeoPolygon { rings, bbox }
    }

    /// The rings, each a closed list of `[lon, lat]` radian pairs (for drawing).
    pub fn rings_rad(&self) -> &[Vec<[f64; 2]>] {
        &self.rings
    }

    /// Whether `p` is inside (even-odd rule over all rings).
    pub fn contains(&self, p: GeoPoint) -> bool {
        let (x, y) = (p.lon_rad(), p.lat_rad());
        let [min_x, min_y, max_x, max_y] = self.bbox;
        if x < min_x || x > max_x || y < min_y || y > max_y {
            return false;
        }
        let mut inside = false;
        for ring in &self.rings {
            for edge in ring.windows(2) {
                if ray_crosses_edge(edge[0], edge[1], x, y) {
                    inside = !inside;
                }
            }
        }
        inside
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(lat: f64, lon: f64) -> GeoPoint {
        GeoPoint::from_degrees(lat, lon).unwrap()
    }

    fn square(lat0: f64, lon0: f64, size: f64) -> Vec<[f64; 2]> {
        vec![
            [lat0, lon0],
            [lat0, lon0 + size],
            [lat0 + size, lon0 + size],
            [lat0 + size, lon0],
            [lat0, lon0],
        ]
    }

    #[test]
    fn square_contains_its_inside_only() {
        let poly = GeoPolygon::from_lat_lon_deg(&square(49.0, 23.0, 2.0)).unwrap();
        assert!(poly.contains(pt(49.8397, 24.0297)));
        assert!(!poly.contains(pt(48.9, 24.0)));
        assert!(!poly.contains(pt(50.0, 25.1)));
        assert!(!poly.contains(pt(52.0, 24.0)));
    }

    #[test]
    fn concave_polygon_by_hand() {
        // A "U" shape: the notch between lon 1 and 2 above lat 1 is outside.
        let u = [
            [0.0, 0.0],
            [0.0, 3.0],
            [3.0, 3.0],
            [3.0, 2.0],
            [1.0, 2.0],
            [1.0, 1.0],
            [3.0, 1.0],
            [3.0, 0.0],
            [0.0, 0.0],
        ];
        let poly = GeoPolygon::from_lat_lon_deg(&u).unwrap();
        assert!(poly.contains(pt(2.0, 0.5)));
        assert!(poly.contains(pt(2.0, 2.5)));
        assert!(poly.contains(pt(0.5, 1.5)));
        assert!(!poly.contains(pt(2.0, 1.5)));
        // A ray through a vertex latitude (lat 1 and 3 are vertex latitudes).
        assert!(poly.contains(pt(1.0, 0.5)));
        assert!(!poly.contains(pt(3.0, 3.5)));
    }

    #[test]
    fn unclosed_ring_is_an_error_that_says_so() {
        let ring = [[50.1, 22.0], [50.2, 22.5], [50.0, 22.6], [50.3, 22.4]];
        let err = GeoPolygon::from_lat_lon_deg(&ring).unwrap_err();
        assert_eq!(
            err.to_string(),
            "polygon does not close: first vertex [50.1, 22] differs from last [50.3, 22.4]"
        );
    }

    #[test]
    fn short_or_out_of_range_rings_are_errors() {
        let err = GeoPolygon::from_lat_lon_deg(&[[0.0, 0.0], [1.0, 1.0], [0.0, 0.0]]).unwrap_err();
        assert!(matches!(err, GeoError::PolygonTooFewPoints { count: 3 }));
        let mut ring = square(49.0, 23.0, 2.0);
        ring[2] = [95.0, 25.0];
        assert!(matches!(
            GeoPolygon::from_lat_lon_deg(&ring),
            Err(GeoError::LatitudeOutOfRange { .. })
        ));
        ring[2] = [f64::NAN, 25.0];
        assert!(matches!(
            GeoPolygon::from_lat_lon_deg(&ring),
            Err(GeoError::NotFinite { .. })
        ));
    }
}
