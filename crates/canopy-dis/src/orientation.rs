//! An entity's DIS orientation: the Euler angles (psi, theta, phi) that turn the geocentric
//! axes into the body's (x forward, y right, z down), IEEE 1278.1 §6.2.32, for a body flying
//! along its velocity with its wings level.

use canopy_geo::{Ecef, from_ecef};

/// A geocentric vector, metres or metres per second.
pub(crate) type Vector = [f64; 3];

pub(crate) fn difference(a: Ecef, b: Ecef) -> Vector {
    [a.x_m - b.x_m, a.y_m - b.y_m, a.z_m - b.z_m]
}

pub(crate) fn norm(v: Vector) -> f64 {
    (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt()
}

fn cross(a: Vector, b: Vector) -> Vector {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

fn unit(v: Vector) -> Option<Vector> {
    let length = norm(v);
    (length > 1e-9).then(|| v.map(|c| c / length))
}

/// Psi, theta and phi (radians) of a body at `position` flying along `velocity` (m/s,
/// geocentric) with its wings level; a body at rest faces north.
pub fn euler_angles(position: Ecef, velocity: [f64; 3]) -> [f64; 3] {
    let (point, _) = from_ecef(position);
    let (sin_lat, cos_lat) = point.lat_rad().sin_cos();
    let (sin_lon, cos_lon) = point.lon_rad().sin_cos();
    let up = [cos_lat * cos_lon, cos_lat * sin_lon, sin_lat];
    let north = [-sin_lat * cos_lon, -sin_lat * sin_lon, cos_lat];
    let east = [-sin_lon, cos_lon, 0.0];
    let x = unit(velocity).unwrap_or(north);
    let y = unit(cross(x, up)).unwrap_or(east);
    let z = cross(x, y);
    let psi = x[1].atan2(x[0]);
    let theta = (-x[2]).atan2(x[0].hypot(x[1]));
    let phi = y[2].atan2(z[2]);
    [psi, theta, phi]
}

#[cfg(test)]
mod tests {
    use super::*;
    use canopy_geo::{GeoPoint, to_ecef};
    use std::f64::consts::FRAC_PI_2;

    fn close(a: [f64; 3], b: [f64; 3]) {
        for (x, y) in a.iter().zip(&b) {
            assert!((x - y).abs() < 1e-9, "{a:?} against {b:?}");
        }
    }

    #[test]
    fn level_flight_east_at_the_origin_of_latitude_and_longitude() {
        // Body x = geocentric y (east), body y = -z (south), body z = -x (down): a yaw of 90°
        // then a roll of -90° about the new x axis.
        let origin = to_ecef(GeoPoint::from_degrees(0.0, 0.0).unwrap(), 0.0);
        close(
            euler_angles(origin, [0.0, 250.0, 0.0]),
            [FRAC_PI_2, 0.0, -FRAC_PI_2],
        );
    }

    #[test]
    fn level_flight_north_at_longitude_90_east_points_the_body_along_the_polar_axis() {
        // At latitude 0, longitude 90°E, up is geocentric y and north is z: flying north, the
        // body's x axis is the geocentric z axis (theta -90°).
        let point = to_ecef(GeoPoint::from_degrees(0.0, 90.0).unwrap(), 0.0);
        let [_, theta, _] = euler_angles(point, [0.0, 0.0, 100.0]);
        assert!((theta + FRAC_PI_2).abs() < 1e-9);
    }

    #[test]
    fn climbing_east_at_45_degrees_at_the_origin_is_a_yaw_of_45_degrees_in_geocentric_axes() {
        // At (0, 0) up is geocentric x and east is y: a climb east at 45° points the body's x
        // axis half-way between them, in the geocentric equator plane.
        let origin = to_ecef(GeoPoint::from_degrees(0.0, 0.0).unwrap(), 0.0);
        let [psi, theta, _] = euler_angles(origin, [100.0, 100.0, 0.0]);
        assert!((psi - FRAC_PI_2 / 2.0).abs() < 1e-9, "{psi}");
        assert!(theta.abs() < 1e-9, "{theta}");
    }
}
