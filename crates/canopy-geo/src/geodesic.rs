//! Geodesics on the WGS-84 ellipsoid, computed by `geographiclib-rs` (Karney's algorithms,
//! accurate to nanometres). Azimuths are radians clockwise from true north.

use std::sync::LazyLock;

use geographiclib_rs::{DirectGeodesic, Geodesic, GeodesicLine, InverseGeodesic, capability};

use crate::point::check_finite;
use crate::{GeoError, GeoPoint};

/// The WGS-84 ellipsoid, built once (its series coefficients cost a few microseconds).
static WGS84: LazyLock<Geodesic> = LazyLock::new(Geodesic::wgs84);

/// Solution of the inverse geodesic problem between two points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Inverse {
    /// Length of the shortest geodesic, metres.
    pub distance_m: f64,
    /// Azimuth of the geodesic at the start, radians clockwise from north.
    pub azimuth_start_rad: f64,
    /// Forward azimuth of the geodesic at the end, radians clockwise from north.
    pub azimuth_end_rad: f64,
}

/// The shortest geodesic from `a` to `b`: its length and the azimuths at both ends.
pub fn inverse(a: GeoPoint, b: GeoPoint) -> Inverse {
    let (s12, azi1, azi2, _a12): (f64, f64, f64, f64) =
        WGS84.inverse(a.lat_deg(), a.lon_deg(), b.lat_deg(), b.lon_deg());
    Inverse {
        distance_m: s12,
        azimuth_start_rad: azi1.to_radians(),
        azimuth_end_rad: azi2.to_radians(),
    }
}

/// Geodesic distance between two points, metres.
pub fn distance_m(a: GeoPoint, b: GeoPoint) -> f64 {
    WGS84.inverse(a.lat_deg(), a.lon_deg(), b.lat_deg(), b.lon_deg())
}

/// Mean earth radius (IUGG R1), metres: the sphere of the quick bound in [`within_m`], and of
/// the curvature a tangent-plane frame follows.
pub const MEAN_EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Largest relative difference allowed between the great-circle distance on the mean sphere and
/// the WGS-84 geodesic distance: the true difference stays below 0.6 % (the flattening is
/// 1/298), so this margin decides only clear cases on the sphere.
const SPHERE_MARGIN: f64 = 0.01;

/// Whether the geodesic distance between `a` and `b` is at most `limit_m`: decided on the mean
/// sphere when the answer is clear by more than [`SPHERE_MARGIN`], else by the geodesic.
pub fn within_m(a: GeoPoint, b: GeoPoint, limit_m: f64) -> bool {
    let half_dlat = 0.5 * (b.lat_rad() - a.lat_rad());
    let half_dlon = 0.5 * (b.lon_rad() - a.lon_rad());
    let h =
        half_dlat.sin().powi(2) + a.lat_rad().cos() * b.lat_rad().cos() * half_dlon.sin().powi(2);
    let sphere_m = 2.0 * MEAN_EARTH_RADIUS_M * h.sqrt().min(1.0).asin();
    if sphere_m > limit_m * (1.0 + SPHERE_MARGIN) + 1.0 {
        false
    } else if sphere_m < limit_m * (1.0 - SPHERE_MARGIN) - 1.0 {
        true
    } else {
        distance_m(a, b) <= limit_m
    }
}

/// The point reached from `start` along the geodesic leaving at `azimuth_rad` after
/// `distance_m` metres (negative goes backwards).
///
/// Both arguments must be finite; a non-finite one returns `start` unchanged. Use
/// [`try_direct`] to get an error instead.
pub fn direct(start: GeoPoint, azimuth_rad: f64, distance_m: f64) -> GeoPoint {
    try_direct(start, azimuth_rad, distance_m).unwrap_or(start)
}

/// [`direct`], with an error for a non-finite azimuth or distance.
pub fn try_direct(
    start: GeoPoint,
    azimuth_rad: f64,
    distance_m: f64,
) -> Result<GeoPoint, GeoError> {
    check_finite("azimuth", azimuth_rad)?;
    check_finite("distance", distance_m)?;
    let (lat, lon): (f64, f64) = WGS84.direct(
        start.lat_deg(),
        start.lon_deg(),
        azimuth_rad.to_degrees(),
        distance_m,
    );
    Ok(GeoPoint::from_computed_degrees(lat, lon))
}

/// One geodesic leg from a start point to an end point, evaluated in closed form at any
/// distance along it.
#[derive(Clone, Debug)]
pub struct GeodesicLeg {
    line: GeodesicLine,
    length_m: f64,
}

impl GeodesicLeg {
    /// The shortest geodesic from `from` to `to`.
    pub fn new(from: GeoPoint, to: GeoPoint) -> GeodesicLeg {
        let solution = inverse(from, to);
        let line = GeodesicLine::new(
            &WGS84,
            from.lat_deg(),
            from.lon_deg(),
            solution.azimuth_start_rad.to_degrees(),
            Some(
                capability::LATITUDE
                    | capability::LONGITUDE
                    | capability::AZIMUTH
                    | capability::DISTANCE_IN,
            ),
            None,
            None,
        );
        GeodesicLeg {
            line,
            length_m: solution.distance_m,
        }
    }

    /// Length of the leg, metres.
    pub fn length_m(&self) -> f64 {
        self.length_m
    }

    /// The point `distance_m` metres from the start, clamped to [0, length] (NaN counts as 0).
    pub fn point_at(&self, distance_m: f64) -> GeoPoint {
        let (_, lat, lon, _) = self.position(distance_m);
        GeoPoint::from_computed_degrees(lat, lon)
    }

    /// Forward azimuth of the leg `distance_m` metres from the start (clamped as in
    /// [`GeodesicLeg::point_at`]), radians clockwise from north.
    pub fn azimuth_at(&self, distance_m: f64) -> f64 {
        let (_, _, _, azimuth_deg) = self.position(distance_m);
        azimuth_deg.to_radians()
    }

    /// (arc, lat°, lon°, azimuth°) at a clamped distance along the leg.
    fn position(&self, distance_m: f64) -> (f64, f64, f64, f64) {
        let s = distance_m.max(0.0).min(self.length_m);
        let (a12, lat, lon, azi, ..) = self.line._gen_position(
            false,
            s,
            capability::LATITUDE | capability::LONGITUDE | capability::AZIMUTH,
        );
        (a12, lat, lon, azi)
    }
}

#[cfg(test)]
#[allow(clippy::excessive_precision)] // expected values are written exactly as published
mod tests {
    use super::*;

    fn pt(lat: f64, lon: f64) -> GeoPoint {
        GeoPoint::from_degrees(lat, lon).unwrap()
    }

    #[test]
    fn within_agrees_with_the_geodesic_distance() {
        // Points on a grid around western Ukraine and every direction, limits from just inside
        // to just outside the geodesic distance: the quick sphere test never decides wrongly.
        let centre = pt(49.8, 24.0);
        for step in 0..72 {
            let azimuth = f64::from(step) * 5f64.to_radians();
            for distance in [500.0, 10_000.0, 80_000.0, 400_000.0] {
                let p = direct(centre, azimuth, distance);
                let exact = distance_m(centre, p);
                for ratio in [0.9, 0.995, 0.9999, 1.0001, 1.005, 1.1] {
                    let limit = exact * ratio;
                    assert_eq!(
                        within_m(centre, p, limit),
                        exact <= limit,
                        "{step} {distance} {ratio}"
                    );
                }
            }
        }
    }

    /// Asserts |a - b| <= tol with a readable message.
    fn close(a: f64, b: f64, tol: f64) {
        assert!((a - b).abs() <= tol, "{a} vs {b} (tolerance {tol})");
    }

    // Expected values in the next two tests are rows of Karney's published geodesic test set
    // GeodTest.dat (https://geographiclib.sourceforge.io/C++/doc/geodesic.html#testgeod),
    // the `testcases` table of GeographicLib's own test program (geodtest.c):
    // lat1 lon1 azi1 lat2 lon2 azi2 s12.

    #[test]
    fn inverse_matches_geodtest_rows() {
        // Row: -21.76221 166.90563 29.319421206936428 48.72884 213.97627 43.508671946410168
        //      9098627.3986554915 (lon2 213.97627 is -146.02373 after wrapping).
        let r = inverse(pt(-21.76221, 166.90563), pt(48.72884, 213.97627 - 360.0));
        close(r.distance_m, 9_098_627.398_655_491_5, 1e-6);
        close(
            r.azimuth_start_rad.to_degrees(),
            29.319_421_206_936_428,
            1e-9,
        );
        close(r.azimuth_end_rad.to_degrees(), 43.508_671_946_410_168, 1e-9);
        // Row: -11.95887 -116.94513 92.712619830452549 4.57352 7.16501 78.64960934409585
        //      13834722.5801401374
        let r = inverse(pt(-11.95887, -116.94513), pt(4.57352, 7.16501));
        close(r.distance_m, 13_834_722.580_140_137_4, 1e-6);
        close(
            r.azimuth_start_rad.to_degrees(),
            92.712_619_830_452_549,
            1e-9,
        );
        close(r.azimuth_end_rad.to_degrees(), 78.649_609_344_095_85, 1e-9);
    }

    #[test]
    fn direct_matches_geodtest_row() {
        let p = direct(
            pt(-11.95887, -116.94513),
            92.712_619_830_452_549_f64.to_radians(),
            13_834_722.580_140_137_4,
        );
        close(p.lat_deg(), 4.57352, 1e-9);
        close(p.lon_deg(), 7.16501, 1e-9);
    }

    #[test]
    fn jfk_to_paris_matches_geodsolve_documentation() {
        // GeodSolve(1) man page examples (GeographicLib), JFK airport to Paris:
        // `echo 40.6 -73.8 49.01666667 2.55 | GeodSolve -i` => 53.47022 111.59367 5853226
        let r = inverse(pt(40.6, -73.8), pt(49.016_666_67, 2.55));
        close(r.azimuth_start_rad.to_degrees(), 53.47022, 0.5e-5);
        close(r.azimuth_end_rad.to_degrees(), 111.59367, 0.5e-5);
        close(r.distance_m, 5_853_226.0, 0.5);
        close(
            distance_m(pt(40.6, -73.8), pt(49.016_666_67, 2.55)),
            5_853_226.0,
            0.5,
        );
        // `echo 40.63972222 -73.77888889 53.5 5850e3 | GeodSolve` => 49.01467 2.56106 111.62947
        let p = direct(
            pt(40.639_722_22, -73.778_888_89),
            53.5_f64.to_radians(),
            5_850e3,
        );
        close(p.lat_deg(), 49.01467, 0.5e-5);
        close(p.lon_deg(), 2.56106, 0.5e-5);
    }

    #[test]
    fn direct_with_non_finite_input_is_an_error_or_identity() {
        let start = pt(50.0, 24.0);
        assert!(try_direct(start, f64::NAN, 10.0).is_err());
        assert!(try_direct(start, 0.0, f64::INFINITY).is_err());
        assert_eq!(direct(start, f64::NAN, 10.0), start);
    }

    #[test]
    fn leg_ends_midpoint_and_clamping() {
        let a = pt(49.8397, 24.0297);
        let b = pt(50.0412, 21.9991);
        let leg = GeodesicLeg::new(a, b);
        close(leg.length_m(), distance_m(a, b), 1e-6);
        let end = leg.point_at(leg.length_m());
        close(distance_m(end, b), 0.0, 1e-6);
        close(distance_m(leg.point_at(-5.0), a), 0.0, 1e-9);
        close(distance_m(leg.point_at(f64::NAN), a), 0.0, 1e-9);
        close(distance_m(leg.point_at(1e12), b), 0.0, 1e-6);
        // The midpoint is half the length from each end (a geodesic property).
        let mid = leg.point_at(leg.length_m() / 2.0);
        close(distance_m(a, mid), leg.length_m() / 2.0, 1e-6);
        close(distance_m(mid, b), leg.length_m() / 2.0, 1e-6);
        // Azimuths at the ends match the inverse problem.
        let r = inverse(a, b);
        close(leg.azimuth_at(0.0), r.azimuth_start_rad, 1e-12);
        close(leg.azimuth_at(leg.length_m()), r.azimuth_end_rad, 1e-9);
    }
}
