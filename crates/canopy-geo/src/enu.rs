//! Positions, displacements and velocities in a local East-North-Up frame (the theatre frame of
//! an [`crate::EnuFrame`]), and the vector arithmetic between them.
//!
//! A place is an [`EnuPosition`]; the difference of two places is a displacement, an
//! [`EnuVector`]; a velocity is an [`EnuVelocity`], and a velocity times a duration is a
//! displacement. Displacements and velocities are [`FreeVector`]s: they have a direction and a
//! length but no place, so they have dot products and norms, and a frame can express them at
//! another point ([`crate::EnuFrame::east_north_at`]). A position has none of these: it moves
//! only by a displacement, and two of them differ by one.
//!
//! ```
//! use canopy_geo::{EnuPosition, EnuVelocity, FreeVector};
//!
//! let launcher = EnuPosition::from([0.0, 0.0, 0.0]);
//! let target = EnuPosition::from([3_000.0, 4_000.0, 0.0]);
//! assert_eq!((target - launcher).norm(), 5_000.0);
//! let velocity = EnuVelocity::from([-100.0, 0.0, 0.0]);
//! assert_eq!(target + velocity * 10.0, EnuPosition::from([2_000.0, 4_000.0, 0.0]));
//! ```
//!
//! Each operation computes component by component in east, north, up order, and a dot product
//! sums its terms in that order, so the arithmetic is that of plain `[east, north, up]` arrays.

use std::ops::{Add, Mul, Sub};

/// A position in a local East-North-Up frame (the theatre frame): metres east, north and up of
/// the frame's origin.
///
/// It converts to and from `[east, north, up]` (`.into()`), components in that order.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct EnuPosition {
    /// Metres east of the origin.
    pub east_m: f64,
    /// Metres north of the origin.
    pub north_m: f64,
    /// Metres up from the origin, along its ellipsoid normal.
    pub up_m: f64,
}

/// A displacement in a local East-North-Up frame: from one position to another, metres (or a
/// direction, in metres per metre).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct EnuVector {
    /// Metres east.
    pub east_m: f64,
    /// Metres north.
    pub north_m: f64,
    /// Metres up.
    pub up_m: f64,
}

/// A velocity in a local East-North-Up frame (the theatre frame), m/s.
///
/// It converts to and from `[east, north, up]` (`.into()`), components in that order.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct EnuVelocity {
    /// Eastward speed, m/s.
    pub east_mps: f64,
    /// Northward speed, m/s.
    pub north_mps: f64,
    /// Upward speed, m/s.
    pub up_mps: f64,
}

/// A vector with a direction and a length but no place: a displacement ([`EnuVector`]) or a
/// velocity ([`EnuVelocity`]), never a position.
pub trait FreeVector: Copy {
    /// Its east, north and up components, in its own unit.
    fn components(self) -> [f64; 3];

    /// The dot product with another free vector: `e·e' + n·n' + u·u'`, summed in that order.
    fn dot(self, other: impl FreeVector) -> f64 {
        let [e, n, u] = self.components();
        let [e2, n2, u2] = other.components();
        e * e2 + n * n2 + u * u2
    }

    /// The Euclidean length, in its own unit (metres, or m/s for a velocity: its speed).
    fn norm(self) -> f64 {
        self.dot(self).sqrt()
    }
}

impl FreeVector for EnuVector {
    fn components(self) -> [f64; 3] {
        [self.east_m, self.north_m, self.up_m]
    }
}

impl FreeVector for EnuVelocity {
    fn components(self) -> [f64; 3] {
        [self.east_mps, self.north_mps, self.up_mps]
    }
}

impl EnuPosition {
    /// The position a share `f` of the way from `self` to `to`: `self + (to − self) f`.
    pub fn lerp(self, to: EnuPosition, f: f64) -> EnuPosition {
        self + (to - self) * f
    }
}

impl EnuVector {
    /// The vector a share `f` of the way from `self` to `to`: `self + (to − self) f`.
    pub fn lerp(self, to: EnuVector, f: f64) -> EnuVector {
        self + (to - self) * f
    }
}

impl EnuVelocity {
    /// The velocity of a mover at `speed_mps` along `direction` (metres moved per metre flown):
    /// each component of the direction times the speed.
    pub fn along(direction: EnuVector, speed_mps: f64) -> EnuVelocity {
        EnuVelocity {
            east_mps: direction.east_m * speed_mps,
            north_mps: direction.north_m * speed_mps,
            up_mps: direction.up_m * speed_mps,
        }
    }
}

/// The displacement from `other` to `self`.
impl Sub for EnuPosition {
    type Output = EnuVector;

    fn sub(self, other: EnuPosition) -> EnuVector {
        EnuVector {
            east_m: self.east_m - other.east_m,
            north_m: self.north_m - other.north_m,
            up_m: self.up_m - other.up_m,
        }
    }
}

/// The position displaced by a vector.
impl Add<EnuVector> for EnuPosition {
    type Output = EnuPosition;

    fn add(self, d: EnuVector) -> EnuPosition {
        EnuPosition {
            east_m: self.east_m + d.east_m,
            north_m: self.north_m + d.north_m,
            up_m: self.up_m + d.up_m,
        }
    }
}

/// The sum of two displacements.
impl Add for EnuVector {
    type Output = EnuVector;

    fn add(self, other: EnuVector) -> EnuVector {
        EnuVector {
            east_m: self.east_m + other.east_m,
            north_m: self.north_m + other.north_m,
            up_m: self.up_m + other.up_m,
        }
    }
}

/// The difference of two displacements.
impl Sub for EnuVector {
    type Output = EnuVector;

    fn sub(self, other: EnuVector) -> EnuVector {
        EnuVector {
            east_m: self.east_m - other.east_m,
            north_m: self.north_m - other.north_m,
            up_m: self.up_m - other.up_m,
        }
    }
}

/// The displacement scaled by a factor.
impl Mul<f64> for EnuVector {
    type Output = EnuVector;

    fn mul(self, k: f64) -> EnuVector {
        EnuVector {
            east_m: self.east_m * k,
            north_m: self.north_m * k,
            up_m: self.up_m * k,
        }
    }
}

/// The displacement over a duration in seconds at this velocity.
impl Mul<f64> for EnuVelocity {
    type Output = EnuVector;

    fn mul(self, seconds: f64) -> EnuVector {
        EnuVector {
            east_m: self.east_mps * seconds,
            north_m: self.north_mps * seconds,
            up_m: self.up_mps * seconds,
        }
    }
}

/// The difference of two velocities (the first relative to the second).
impl Sub for EnuVelocity {
    type Output = EnuVelocity;

    fn sub(self, other: EnuVelocity) -> EnuVelocity {
        EnuVelocity {
            east_mps: self.east_mps - other.east_mps,
            north_mps: self.north_mps - other.north_mps,
            up_mps: self.up_mps - other.up_mps,
        }
    }
}

impl From<[f64; 3]> for EnuPosition {
    fn from([east_m, north_m, up_m]: [f64; 3]) -> Self {
        EnuPosition {
            east_m,
            north_m,
            up_m,
        }
    }
}

impl From<EnuPosition> for [f64; 3] {
    fn from(p: EnuPosition) -> Self {
        [p.east_m, p.north_m, p.up_m]
    }
}

impl From<[f64; 3]> for EnuVelocity {
    fn from([east_mps, north_mps, up_mps]: [f64; 3]) -> Self {
        EnuVelocity {
            east_mps,
            north_mps,
            up_mps,
        }
    }
}

impl From<EnuVelocity> for [f64; 3] {
    fn from(v: EnuVelocity) -> Self {
        [v.east_mps, v.north_mps, v.up_mps]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn position(east_m: f64, north_m: f64, up_m: f64) -> EnuPosition {
        EnuPosition {
            east_m,
            north_m,
            up_m,
        }
    }

    fn vector(east_m: f64, north_m: f64, up_m: f64) -> EnuVector {
        EnuVector {
            east_m,
            north_m,
            up_m,
        }
    }

    fn velocity(east_mps: f64, north_mps: f64, up_mps: f64) -> EnuVelocity {
        EnuVelocity {
            east_mps,
            north_mps,
            up_mps,
        }
    }

    #[test]
    fn arrays_convert_in_east_north_up_order() {
        let p = EnuPosition::from([1.0, 2.0, 3.0]);
        assert_eq!(p, position(1.0, 2.0, 3.0));
        assert_eq!(<[f64; 3]>::from(p), [1.0, 2.0, 3.0]);
        let v = EnuVelocity::from([-4.0, 5.0, -6.0]);
        assert_eq!(v, velocity(-4.0, 5.0, -6.0));
        assert_eq!(<[f64; 3]>::from(v), [-4.0, 5.0, -6.0]);
    }

    #[test]
    fn positions_differ_by_a_displacement_and_move_by_one() {
        // (10, 20, 30) − (1, 2, 3) = (9, 18, 27); (1, 2, 3) + (9, 18, 27) = (10, 20, 30).
        let a = position(1.0, 2.0, 3.0);
        let b = position(10.0, 20.0, 30.0);
        assert_eq!(b - a, vector(9.0, 18.0, 27.0));
        assert_eq!(a + vector(9.0, 18.0, 27.0), b);
    }

    #[test]
    fn displacements_add_subtract_and_scale() {
        // (1, −2, 3) + (4, 5, −6) = (5, 3, −3); (4, 5, −6) − (1, −2, 3) = (3, 7, −9);
        // (1, −2, 3) × 2.5 = (2.5, −5, 7.5).
        let a = vector(1.0, -2.0, 3.0);
        let b = vector(4.0, 5.0, -6.0);
        assert_eq!(a + b, vector(5.0, 3.0, -3.0));
        assert_eq!(b - a, vector(3.0, 7.0, -9.0));
        assert_eq!(a * 2.5, vector(2.5, -5.0, 7.5));
    }

    #[test]
    fn a_velocity_over_a_duration_is_a_displacement() {
        // 200 m/s east, 50 m/s south, 4 m/s up, for 3 s: 600 m, −150 m, 12 m.
        assert_eq!(
            velocity(200.0, -50.0, 4.0) * 3.0,
            vector(600.0, -150.0, 12.0)
        );
    }

    #[test]
    fn velocities_subtract_to_a_relative_velocity() {
        // (47, 0, 0) − (45, 3, −1) = (2, −3, 1).
        assert_eq!(
            velocity(47.0, 0.0, 0.0) - velocity(45.0, 3.0, -1.0),
            velocity(2.0, -3.0, 1.0)
        );
    }

    #[test]
    fn a_direction_at_a_speed_is_a_velocity() {
        // Direction (0.5, −0.25, 0) at 100 m/s: (50, −25, 0) m/s.
        assert_eq!(
            EnuVelocity::along(vector(0.5, -0.25, 0.0), 100.0),
            velocity(50.0, -25.0, 0.0)
        );
    }

    #[test]
    fn dot_products_and_norms_by_hand() {
        // (3, 4, 12)·(3, 4, 12) = 9 + 16 + 144 = 169, so the norm is 13.
        let d = vector(3.0, 4.0, 12.0);
        assert_eq!(d.dot(d), 169.0);
        assert_eq!(d.norm(), 13.0);
        // A displacement against a velocity: (3, 4, 12)·(−2, 1, 0.5) = −6 + 4 + 6 = 4.
        let v = velocity(-2.0, 1.0, 0.5);
        assert_eq!(d.dot(v), 4.0);
        assert_eq!(v.dot(d), 4.0);
        // A speed: |(2, −3, 6)| = √(4 + 9 + 36) = 7.
        assert_eq!(velocity(2.0, -3.0, 6.0).norm(), 7.0);
    }

    #[test]
    fn dot_sums_east_north_up_in_that_order() {
        // (1 + 1e16) − 1e16 loses the 1 that 1 + (1e16 − 1e16) keeps (1e16 + 1 rounds to 1e16):
        // the sum runs e, then n, then u, as the arrays' did.
        let a = vector(1.0, 1e16, -1e16);
        let ones = vector(1.0, 1.0, 1.0);
        assert_eq!(a.dot(ones), (1.0 + 1e16) - 1e16);
        assert_eq!(a.dot(ones), 0.0);
        assert_ne!(a.dot(ones), 1.0 + (1e16 - 1e16));
    }

    #[test]
    fn lerp_goes_a_share_of_the_way() {
        // A quarter of the way from (0, 100, 10) to (400, −100, 30): (100, 50, 15).
        let p = position(0.0, 100.0, 10.0).lerp(position(400.0, -100.0, 30.0), 0.25);
        assert_eq!(p, position(100.0, 50.0, 15.0));
        let v = vector(0.0, 100.0, 10.0).lerp(vector(400.0, -100.0, 30.0), 0.25);
        assert_eq!(v, vector(100.0, 50.0, 15.0));
        // The ends.
        let a = position(1.0, 2.0, 3.0);
        let b = position(7.0, -5.0, 11.0);
        assert_eq!(a.lerp(b, 0.0), a);
        assert_eq!(a.lerp(b, 1.0), b);
    }
}
