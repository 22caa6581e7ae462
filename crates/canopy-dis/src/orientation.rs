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

fn dot(a: Vector, b: Vector) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
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

/// The body's x, y and z axes in geocentric coordinates for the Euler angles psi, theta, phi
/// (IEEE 1278.1 §6.2.32: a yaw, a pitch, then a roll).
fn body_axes([psi, theta, phi]: [f64; 3]) -> [Vector; 3] {
    let (sin_psi, cos_psi) = psi.sin_cos();
    let (sin_theta, cos_theta) = theta.sin_cos();
    let (sin_phi, cos_phi) = phi.sin_cos();
    [
        [cos_theta * cos_psi, cos_theta * sin_psi, -sin_theta],
        [
            sin_phi * sin_theta * cos_psi - cos_phi * sin_psi,
            sin_phi * sin_theta * sin_psi + cos_phi * cos_psi,
            sin_phi * cos_theta,
        ],
        [
            cos_phi * sin_theta * cos_psi + sin_phi * sin_psi,
            cos_phi * sin_theta * sin_psi - sin_phi * cos_psi,
            cos_phi * cos_theta,
        ],
    ]
}

/// The angle (radians, 0 to pi) of the one rotation that turns orientation `a` into `b` (both
/// psi, theta, phi): the arc cosine of (trace(A Bᵀ) - 1) / 2, the trace being the sum of the dot
/// products of the two bodies' like axes.
pub(crate) fn angle_between(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (a, b) = (body_axes(a), body_axes(b));
    let trace = dot(a[0], b[0]) + dot(a[1], b[1]) + dot(a[2], b[2]);
    ((trace - 1.0) / 2.0).clamp(-1.0, 1.0).acos()
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

    #[test]
    fn the_body_axes_of_the_euler_angles_are_the_axes_they_were_computed_from() {
        // Climbing north-east over Warsaw: the body's x axis is the unit velocity, its y axis
        // is level (at right angles to up).
        let point = to_ecef(GeoPoint::from_degrees(52.2, 21.0).unwrap(), 3000.0);
        let velocity = [-120.0, 80.0, 45.0];
        let [x, y, z] = body_axes(euler_angles(point, velocity));
        let speed = norm(velocity);
        close(x, velocity.map(|c| c / speed));
        let (lat, lon) = (52.2_f64.to_radians(), 21.0_f64.to_radians());
        let up = [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()];
        assert!(dot(y, up).abs() < 1e-9);
        close(z, cross(x, y));
    }

    #[test]
    fn the_angle_between_two_orientations_is_the_turn_between_them() {
        // Level flight at (0, 0): a turn from north to 3° east of north, about the local
        // vertical, is a rotation of 3°; any orientation is 0° from itself; flying the other
        // way (east, then west) is a half turn.
        let origin = to_ecef(GeoPoint::from_degrees(0.0, 0.0).unwrap(), 0.0);
        let heading = |degrees: f64| {
            let (sin, cos) = degrees.to_radians().sin_cos();
            euler_angles(origin, [0.0, 100.0 * sin, 100.0 * cos])
        };
        assert!((angle_between(heading(0.0), heading(3.0)).to_degrees() - 3.0).abs() < 1e-9);
        assert!(angle_between(heading(40.0), heading(40.0)).abs() < 1e-6);
        let half = angle_between(heading(90.0), heading(-90.0));
        assert!((half - std::f64::consts::PI).abs() < 1e-6, "{half}");
    }
}
