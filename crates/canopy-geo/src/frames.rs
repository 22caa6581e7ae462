//! Earth-centred, Earth-fixed (ECEF) coordinates on WGS-84 and local East-North-Up frames.

use crate::enu::{EnuPosition, FreeVector};
use crate::point::check_finite;
use crate::{GeoError, GeoPoint};

/// WGS-84 equatorial radius, metres (NGA.STND.0036).
pub const WGS84_A_M: f64 = 6_378_137.0;
/// WGS-84 flattening (NGA.STND.0036).
pub const WGS84_F: f64 = 1.0 / 298.257_223_563;
/// First eccentricity squared, e² = f (2 − f).
const E2: f64 = WGS84_F * (2.0 - WGS84_F);

/// A position in the Earth-centred, Earth-fixed frame: x through (0°, 0°), z through the north
/// pole, metres.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ecef {
    /// Metres towards latitude 0, longitude 0.
    pub x_m: f64,
    /// Metres towards latitude 0, longitude 90° E.
    pub y_m: f64,
    /// Metres towards the north pole.
    pub z_m: f64,
}

impl Ecef {
    fn sub(self, other: Ecef) -> [f64; 3] {
        [
            self.x_m - other.x_m,
            self.y_m - other.y_m,
            self.z_m - other.z_m,
        ]
    }
}

/// Prime-vertical radius of curvature N(φ), metres.
fn prime_vertical_radius_m(sin_lat: f64) -> f64 {
    WGS84_A_M / (1.0 - E2 * sin_lat * sin_lat).sqrt()
}

/// ECEF position of a point at a height above the WGS-84 ellipsoid.
pub fn to_ecef(p: GeoPoint, altitude_m: f64) -> Ecef {
    let (sin_lat, cos_lat) = p.lat_rad().sin_cos();
    let (sin_lon, cos_lon) = p.lon_rad().sin_cos();
    let n = prime_vertical_radius_m(sin_lat);
    Ecef {
        x_m: (n + altitude_m) * cos_lat * cos_lon,
        y_m: (n + altitude_m) * cos_lat * sin_lon,
        z_m: (n * (1.0 - E2) + altitude_m) * sin_lat,
    }
}

/// Geodetic position and height above the ellipsoid of an ECEF position.
///
/// Closed form of Vermeille (2002, J. Geodesy 76:451), exact for every point farther than
/// about 43 km from the Earth's centre. Non-finite input gives latitude 0, longitude 0 and a
/// NaN height; use [`try_from_ecef`] to get an error instead.
pub fn from_ecef(e: Ecef) -> (GeoPoint, f64) {
    try_from_ecef(e).unwrap_or((GeoPoint::from_computed_degrees(0.0, 0.0), f64::NAN))
}

/// [`from_ecef`], with an error for a non-finite coordinate.
pub fn try_from_ecef(e: Ecef) -> Result<(GeoPoint, f64), GeoError> {
    check_finite("ECEF x", e.x_m)?;
    check_finite("ECEF y", e.y_m)?;
    check_finite("ECEF z", e.z_m)?;
    let a2 = WGS84_A_M * WGS84_A_M;
    let e4 = E2 * E2;
    let rho = e.x_m.hypot(e.y_m);
    let p = rho * rho / a2;
    let q = (1.0 - E2) * e.z_m * e.z_m / a2;
    let r = (p + q - e4) / 6.0;
    let s = e4 * p * q / (4.0 * r * r * r);
    let t = (1.0 + s + (s * (2.0 + s)).sqrt()).cbrt();
    let u = r * (1.0 + t + 1.0 / t);
    let v = (u * u + e4 * q).sqrt();
    let w = E2 * (u + v - q) / (2.0 * v);
    let k = (u + v + w * w).sqrt() - w;
    let d = k * rho / (k + E2);
    let dz = d.hypot(e.z_m);
    let lat_rad = 2.0 * e.z_m.atan2(d + dz);
    let altitude_m = (k + E2 - 1.0) / k * dz;
    let lon_rad = e.y_m.atan2(e.x_m);
    if lat_rad.is_finite() && altitude_m.is_finite() {
        Ok((
            GeoPoint::from_computed_degrees(lat_rad.to_degrees(), lon_rad.to_degrees()),
            altitude_m,
        ))
    } else {
        // Only the Earth's centre reaches here: call it the north pole's axis.
        let b = WGS84_A_M * (1.0 - WGS84_F);
        Ok((GeoPoint::from_computed_degrees(90.0, 0.0), e.z_m.abs() - b))
    }
}

/// Straight-line (line-of-sight) distance between two positions with heights, metres.
pub fn slant_range_m(a: GeoPoint, altitude_a_m: f64, b: GeoPoint, altitude_b_m: f64) -> f64 {
    let [dx, dy, dz] = to_ecef(a, altitude_a_m).sub(to_ecef(b, altitude_b_m));
    (dx * dx + dy * dy + dz * dz).sqrt()
}

/// A local East-North-Up tangent frame: origin at a point and height, up along the ellipsoid
/// normal, north towards the pole along the meridian.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EnuFrame {
    origin: Ecef,
    /// Rows: the east, north and up unit vectors in ECEF.
    axes: [[f64; 3]; 3],
}

impl EnuFrame {
    /// The frame at `origin`, `origin_altitude_m` above the ellipsoid.
    pub fn new(origin: GeoPoint, origin_altitude_m: f64) -> EnuFrame {
        let (sin_lat, cos_lat) = origin.lat_rad().sin_cos();
        let (sin_lon, cos_lon) = origin.lon_rad().sin_cos();
        EnuFrame {
            origin: to_ecef(origin, origin_altitude_m),
            axes: [
                [-sin_lon, cos_lon, 0.0],
                [-sin_lat * cos_lon, -sin_lat * sin_lon, cos_lat],
                [cos_lat * cos_lon, cos_lat * sin_lon, sin_lat],
            ],
        }
    }

    /// The position in this frame of a point at a height.
    pub fn to_enu(&self, p: GeoPoint, altitude_m: f64) -> EnuPosition {
        let d = to_ecef(p, altitude_m).sub(self.origin);
        let [east_m, north_m, up_m] = self
            .axes
            .map(|axis| axis[0] * d[0] + axis[1] * d[1] + axis[2] * d[2]);
        EnuPosition {
            east_m,
            north_m,
            up_m,
        }
    }

    /// The point and height at a position of this frame. Non-finite input is handled as in
    /// [`from_ecef`].
    pub fn from_enu(&self, enu: EnuPosition) -> (GeoPoint, f64) {
        from_ecef(self.to_ecef(enu))
    }

    /// Geocentric (ECEF) coordinates of a point of this frame.
    pub fn to_ecef(&self, enu: EnuPosition) -> Ecef {
        let EnuPosition {
            east_m,
            north_m,
            up_m,
        } = enu;
        let [e, n, u] = self.axes;
        Ecef {
            x_m: self.origin.x_m + e[0] * east_m + n[0] * north_m + u[0] * up_m,
            y_m: self.origin.y_m + e[1] * east_m + n[1] * north_m + u[1] * up_m,
            z_m: self.origin.z_m + e[2] * east_m + n[2] * north_m + u[2] * up_m,
        }
    }

    /// The east and north components, in the local East-North-Up frame at `point`, of a free
    /// vector (a displacement or a velocity) given in this frame: its horizontal part where it
    /// is, in its own unit.
    pub fn east_north_at(&self, point: GeoPoint, vector: impl FreeVector) -> (f64, f64) {
        let [along_e, along_n, along_u] = vector.components();
        let [e, n, u] = self.axes;
        let ecef = [0, 1, 2].map(|i| e[i] * along_e + n[i] * along_n + u[i] * along_u);
        let (sin_lat, cos_lat) = point.lat_rad().sin_cos();
        let (sin_lon, cos_lon) = point.lon_rad().sin_cos();
        let east = -sin_lon * ecef[0] + cos_lon * ecef[1];
        let north = -sin_lat * cos_lon * ecef[0] - sin_lat * sin_lon * ecef[1] + cos_lat * ecef[2];
        (east, north)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enu::{EnuVector, EnuVelocity};
    use crate::geodesic::direct;

    fn pt(lat: f64, lon: f64) -> GeoPoint {
        GeoPoint::from_degrees(lat, lon).unwrap()
    }

    fn close(a: f64, b: f64, tol: f64) {
        assert!((a - b).abs() <= tol, "{a} vs {b} (tolerance {tol})");
    }

    fn close_enu(a: EnuPosition, b: EnuPosition, tol: f64) {
        close(a.east_m, b.east_m, tol);
        close(a.north_m, b.north_m, tol);
        close(a.up_m, b.up_m, tol);
    }

    #[test]
    fn ecef_matches_cartconvert_documentation() {
        // GeographicLib CartConvert(1) man page, EXAMPLES:
        // `echo 33.3 44.4 6000 | CartConvert` => 3816209.60 3737108.55 3485109.57
        let e = to_ecef(pt(33.3, 44.4), 6000.0);
        close(e.x_m, 3_816_209.60, 0.006);
        close(e.y_m, 3_737_108.55, 0.006);
        close(e.z_m, 3_485_109.57, 0.006);
        let (p, h) = from_ecef(Ecef {
            x_m: 3_816_209.60,
            y_m: 3_737_108.55,
            z_m: 3_485_109.57,
        });
        close(p.lat_deg(), 33.3, 1e-7);
        close(p.lon_deg(), 44.4, 1e-7);
        close(h, 6000.0, 0.01);
    }

    #[test]
    fn ecef_of_axis_points_by_hand() {
        // On the equator at 0° E the x coordinate is a + h; at the pole z is b + h.
        let e = to_ecef(pt(0.0, 0.0), 100.0);
        close(e.x_m, WGS84_A_M + 100.0, 1e-9);
        close(e.y_m, 0.0, 1e-9);
        let b = WGS84_A_M * (1.0 - WGS84_F);
        let e = to_ecef(pt(90.0, 0.0), 0.0);
        close(e.z_m, b, 1e-6);
        close(e.x_m, 0.0, 1e-6);
        let (p, h) = from_ecef(Ecef {
            x_m: 0.0,
            y_m: 0.0,
            z_m: -(b + 500.0),
        });
        close(p.lat_deg(), -90.0, 1e-12);
        close(h, 500.0, 1e-6);
    }

    #[test]
    fn ecef_round_trips() {
        for &(lat, lon, h) in &[
            (49.8397, 24.0297, 0.0),
            (-33.9, 151.2, 2_000.0),
            (89.999, -179.5, 10_000.0),
            (0.0, 180.0, -400.0),
            (60.0, 45.0, 800_000.0),
            (-90.0, 0.0, 35.0),
        ] {
            let (p, back_h) = from_ecef(to_ecef(pt(lat, lon), h));
            close(p.lat_deg(), lat, 1e-10);
            if lat.abs() < 90.0 {
                close(p.lon_deg().rem_euclid(360.0), lon.rem_euclid(360.0), 1e-10);
            }
            close(back_h, h, 1e-6);
        }
    }

    #[test]
    fn random_round_trips_through_ecef_and_enu() {
        use rand::{RngExt, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3);
        for _ in 0..2000 {
            let p = pt(
                rng.random_range(-89.9..89.9),
                rng.random_range(-180.0..180.0),
            );
            let h = rng.random_range(-1_000.0..500_000.0);
            let (back, back_h) = from_ecef(to_ecef(p, h));
            close(back.lat_rad(), p.lat_rad(), 1e-12);
            close(back.lon_rad(), p.lon_rad(), 1e-12);
            close(back_h, h, 1e-6);
            let frame = EnuFrame::new(p, h);
            let enu = EnuPosition {
                east_m: rng.random_range(-300e3..300e3),
                north_m: rng.random_range(-300e3..300e3),
                up_m: rng.random_range(-5e3..20e3),
            };
            let (q, q_h) = frame.from_enu(enu);
            close_enu(frame.to_enu(q, q_h), enu, 1e-6);
        }
    }

    #[test]
    fn non_finite_ecef_is_an_error() {
        assert!(
            try_from_ecef(Ecef {
                x_m: f64::NAN,
                y_m: 0.0,
                z_m: 0.0
            })
            .is_err()
        );
        assert!(
            from_ecef(Ecef {
                x_m: 1.0,
                y_m: f64::INFINITY,
                z_m: 0.0
            })
            .1
            .is_nan()
        );
    }

    #[test]
    fn slant_range_by_hand() {
        // Two points on the equator 90° apart: the chord of a circle of radius a.
        close(
            slant_range_m(pt(0.0, 0.0), 0.0, pt(0.0, 90.0), 0.0),
            WGS84_A_M * 2f64.sqrt(),
            1e-6,
        );
        // Straight up: the height difference.
        close(
            slant_range_m(pt(50.0, 24.0), 100.0, pt(50.0, 24.0), 10_100.0),
            10_000.0,
            1e-6,
        );
    }

    #[test]
    fn enu_matches_cartconvert_documentation() {
        // GeographicLib CartConvert(1) man page, EXAMPLES:
        // `echo 33.3 44.4 6000 | CartConvert -l 33 44 20` => 37288.97 33374.29 5783.64
        // The printed "up" is 6.6 mm below what the textbook ECEF-difference rotation gives
        // (5783.6466, recomputed by hand in a separate script), so "up" is checked to 1 cm.
        let frame = EnuFrame::new(pt(33.0, 44.0), 20.0);
        let enu = frame.to_enu(pt(33.3, 44.4), 6000.0);
        let [e, n, u] = enu.into();
        close(e, 37_288.97, 0.006);
        close(n, 33_374.29, 0.006);
        close(u, 5_783.64, 0.01);
    }

    #[test]
    fn one_km_north_along_the_meridian() {
        // By hand: along the meridian at 50° N the ellipsoid bends with the meridian radius
        // M = a (1 − e²) / (1 − e² sin²φ)^1.5 ≈ 6 373 km, so 1000 m along it the surface has
        // dropped s² / (2 M) ≈ 0.078 m below the tangent plane; north is s − s³/(6 M²) ≈ s.
        let origin = pt(50.0, 24.0);
        let sin2 = 50f64.to_radians().sin().powi(2);
        let m = WGS84_A_M * (1.0 - E2) / (1.0 - E2 * sin2).powf(1.5);
        let frame = EnuFrame::new(origin, 0.0);
        let EnuPosition {
            east_m: e,
            north_m: n,
            up_m: u,
        } = frame.to_enu(direct(origin, 0.0, 1000.0), 0.0);
        close(e, 0.0, 1e-9);
        close(n, 1000.0, 1e-4);
        close(u, -1000.0 * 1000.0 / (2.0 * m), 1e-4);
        close(u, -0.078, 0.001);
    }

    #[test]
    fn enu_axes_by_hand() {
        let origin = pt(49.8397, 24.0297);
        let frame = EnuFrame::new(origin, 300.0);
        // The origin itself, and a point straight above it.
        close_enu(frame.to_enu(origin, 300.0), EnuPosition::default(), 1e-8);
        let above = EnuPosition {
            up_m: 1000.0,
            ..EnuPosition::default()
        };
        close_enu(frame.to_enu(origin, 1300.0), above, 1e-8);
        // Due east along the geodesic: positive east, no north at first order. At the origin's
        // 300 m height the same angle spans 100 × (1 + 300 / N) ≈ 100.0047 m.
        let east = frame.to_enu(direct(origin, std::f64::consts::FRAC_PI_2, 100.0), 300.0);
        close(east.east_m, 100.0047, 1e-3);
        close(east.north_m, 0.0, 1e-3);
    }

    #[test]
    fn east_north_at_a_point_turns_with_the_meridians() {
        // A frame at 50°N 24°E. At the origin a vector keeps its east and north parts. At 50°N
        // 30°E the meridians converge by Δλ sin φ = 6° × sin 50° = 4.596°: a vector due east in
        // the origin's frame points that much south of east there, and it leaves the local
        // horizontal by its part along the local up, cos φ sin Δλ = 0.0672 of it: 99.775 m/s of
        // 100 stay horizontal.
        let frame = EnuFrame::new(pt(50.0, 24.0), 0.0);
        let velocity = EnuVelocity {
            east_mps: 100.0,
            north_mps: 20.0,
            up_mps: 5.0,
        };
        let (east, north) = frame.east_north_at(pt(50.0, 24.0), velocity);
        close(east, 100.0, 1e-9);
        close(north, 20.0, 1e-9);
        let due_east = EnuVelocity::from([100.0, 0.0, 0.0]);
        let (east, north) = frame.east_north_at(pt(50.0, 30.0), due_east);
        let expected_rad = (6.0f64.to_radians()) * 50.0f64.to_radians().sin();
        close((-north).atan2(east), expected_rad, 1e-3);
        let up_share = 50.0f64.to_radians().cos() * 6.0f64.to_radians().sin();
        close(
            east.hypot(north),
            100.0 * (1.0 - up_share * up_share).sqrt(),
            1e-6,
        );
        // A displacement turns as a velocity of the same components does.
        let displacement = EnuVector {
            east_m: 100.0,
            north_m: 0.0,
            up_m: 0.0,
        };
        assert_eq!(
            frame.east_north_at(pt(50.0, 30.0), displacement),
            (east, north)
        );
    }

    #[test]
    fn enu_round_trips() {
        let frame = EnuFrame::new(pt(49.8397, 24.0297), 250.0);
        for enu in [
            [0.0, 0.0, 0.0],
            [12_345.0, -67_890.0, 5_000.0],
            [-200_000.0, 150_000.0, -3_000.0],
        ] {
            let (p, h) = frame.from_enu(enu.into());
            close_enu(frame.to_enu(p, h), enu.into(), 1e-6);
        }
    }
}
