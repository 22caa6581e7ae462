//! Polar (range, azimuth, elevation) to Cartesian conversions and their Jacobians.
//!
//! Azimuth is mathematical: `atan2(dy, dx)`, 0 = east, +pi/2 = north. Elevation is
//! `asin(dz / range)`, positive up.

use nalgebra::{Matrix3, Vector3};
use std::f64::consts::PI;

/// Polar coordinates of `relative_m` (a vector from the sensor to the point):
/// `(range_m, azimuth_rad, elevation_rad)`.
pub fn cartesian_to_polar(relative_m: &Vector3<f64>) -> Vector3<f64> {
    let range_m = relative_m.norm();
    let azimuth_rad = relative_m.y.atan2(relative_m.x);
    // Plain square root: distances here are far from overflow, and `hypot` is much slower.
    let ground_m = (relative_m.x * relative_m.x + relative_m.y * relative_m.y).sqrt();
    let elevation_rad = relative_m.z.atan2(ground_m);
    Vector3::new(range_m, azimuth_rad, elevation_rad)
}

/// Vector from the sensor to the point at `(range_m, azimuth_rad, elevation_rad)`.
pub fn polar_to_cartesian(polar: &Vector3<f64>) -> Vector3<f64> {
    let (r, az, el) = (polar.x, polar.y, polar.z);
    Vector3::new(
        r * el.cos() * az.cos(),
        r * el.cos() * az.sin(),
        r * el.sin(),
    )
}

/// Jacobian d(range, azimuth, elevation) / d(x, y, z) at `relative_m`.
pub fn polar_jacobian(relative_m: &Vector3<f64>) -> Matrix3<f64> {
    polar_with_jacobian(relative_m).1
}

/// [`cartesian_to_polar`] and [`polar_jacobian`] together, sharing their square roots.
pub fn polar_with_jacobian(relative_m: &Vector3<f64>) -> (Vector3<f64>, Matrix3<f64>) {
    let (dx, dy, dz) = (relative_m.x, relative_m.y, relative_m.z);
    let plane2 = dx * dx + dy * dy;
    let range_m = (plane2 + dz * dz).sqrt();
    let ground_m = plane2.sqrt();
    let polar = Vector3::new(range_m, dy.atan2(dx), dz.atan2(ground_m));
    // Directly above the sensor the azimuth is undefined: the Jacobian's ground range is held
    // off zero.
    let (ground2, ground, range2, range) = if plane2 >= GROUND2_FLOOR_M2 {
        (plane2, ground_m, plane2 + dz * dz, range_m)
    } else {
        let range2 = GROUND2_FLOOR_M2 + dz * dz;
        (
            GROUND2_FLOOR_M2,
            GROUND2_FLOOR_M2.sqrt(),
            range2,
            range2.sqrt(),
        )
    };
    let jacobian = Matrix3::new(
        dx / range,
        dy / range,
        dz / range,
        -dy / ground2,
        dx / ground2,
        0.0,
        -dx * dz / (range2 * ground),
        -dy * dz / (range2 * ground),
        ground / range2,
    );
    (polar, jacobian)
}

/// Least squared ground range the Jacobian divides by, m².
const GROUND2_FLOOR_M2: f64 = 1e-9;

/// Linearised Cartesian covariance of a polar measurement with independent errors:
/// `J diag(sr^2, saz^2, sel^2) J^T`, J = d(x, y, z) / d(r, az, el) at `polar`.
pub fn converted_covariance(polar: &Vector3<f64>, sigmas: &Vector3<f64>) -> Matrix3<f64> {
    let (r, az, el) = (polar.x, polar.y, polar.z);
    let (ca, sa, ce, se) = (az.cos(), az.sin(), el.cos(), el.sin());
    let jacobian = Matrix3::new(
        ce * ca,
        -r * ce * sa,
        -r * se * ca,
        ce * sa,
        r * ce * ca,
        -r * se * sa,
        se,
        0.0,
        r * ce,
    );
    let noise = Matrix3::from_diagonal(&sigmas.component_mul(sigmas));
    jacobian * noise * jacobian.transpose()
}

/// Wraps an angle difference into `(-pi, pi]`.
pub fn wrap_angle(angle_rad: f64) -> f64 {
    let wrapped = (angle_rad + PI).rem_euclid(2.0 * PI) - PI;
    if wrapped <= -PI {
        wrapped + 2.0 * PI
    } else {
        wrapped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polar_conversions_every_quadrant() {
        // (dx, dy, dz) -> expected (r, az, el) worked by hand: 3-4-5 triangles.
        let cases = [
            ((3.0, 4.0, 0.0), (5.0, (4.0f64).atan2(3.0), 0.0)),
            ((-3.0, 4.0, 0.0), (5.0, PI - (4.0f64).atan2(3.0), 0.0)),
            ((-3.0, -4.0, 0.0), (5.0, -PI + (4.0f64).atan2(3.0), 0.0)),
            ((3.0, -4.0, 0.0), (5.0, -(4.0f64).atan2(3.0), 0.0)),
            ((0.0, 3.0, 4.0), (5.0, PI / 2.0, (4.0f64 / 5.0).asin())),
            ((0.0, -3.0, -4.0), (5.0, -PI / 2.0, -(4.0f64 / 5.0).asin())),
            ((-5.0, 0.0, 0.0), (5.0, PI, 0.0)),
        ];
        for ((dx, dy, dz), (r, az, el)) in cases {
            let rel = Vector3::new(dx, dy, dz);
            let polar = cartesian_to_polar(&rel);
            assert!((polar.x - r).abs() < 1e-12, "range of {rel:?}");
            assert!(wrap_angle(polar.y - az).abs() < 1e-12, "azimuth of {rel:?}");
            assert!((polar.z - el).abs() < 1e-12, "elevation of {rel:?}");
            let back = polar_to_cartesian(&Vector3::new(r, az, el));
            assert!((back - rel).norm() < 1e-12, "back of {rel:?}");
        }
    }

    #[test]
    fn jacobian_matches_finite_differences() {
        let rel = Vector3::new(-12_000.0, 7_000.0, 3_000.0);
        let jac = polar_jacobian(&rel);
        for axis in 0..3 {
            let mut step = Vector3::zeros();
            step[axis] = 1e-3;
            let diff =
                (cartesian_to_polar(&(rel + step)) - cartesian_to_polar(&(rel - step))) / 2e-3;
            for row in 0..3 {
                assert!((diff[row] - jac[(row, axis)]).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn converted_covariance_on_east_axis() {
        // On the east axis at el = 0: x error = range error, y error = r * az error,
        // z error = r * el error.
        let cov = converted_covariance(
            &Vector3::new(10_000.0, 0.0, 0.0),
            &Vector3::new(50.0, 0.001, 0.002),
        );
        assert!((cov[(0, 0)] - 2500.0).abs() < 1e-9);
        assert!((cov[(1, 1)] - 100.0).abs() < 1e-9);
        assert!((cov[(2, 2)] - 400.0).abs() < 1e-9);
        assert!(cov[(0, 1)].abs() < 1e-9);
    }

    #[test]
    fn wrap_angle_range() {
        assert!((wrap_angle(3.0 * PI) - PI).abs() < 1e-12);
        assert!((wrap_angle(-PI) - PI).abs() < 1e-12);
        assert!((wrap_angle(0.5) - 0.5).abs() < 1e-12);
        assert!((wrap_angle(-2.0 * PI + 0.1) - 0.1).abs() < 1e-12);
    }
}
