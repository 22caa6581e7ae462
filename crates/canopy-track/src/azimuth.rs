//! Azimuth: a horizontal direction that carries its convention.
//!
//! The tracker measures azimuth the mathematical way, radians from east, counter-clockwise
//! (north is π/2). Headings and geodesic azimuths elsewhere are compass bearings, radians
//! clockwise from north (east is π/2). An [`Azimuth`] is built and read only through methods
//! that name the convention, so a compass angle cannot pass for a mathematical one unnoticed.

use std::f64::consts::{FRAC_PI_2, TAU};

/// A horizontal direction from a sensor, held the mathematical way: radians from east,
/// counter-clockwise.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Azimuth {
    east_ccw_rad: f64,
}

impl Azimuth {
    /// The direction `rad` radians from east, counter-clockwise (0 = east, π/2 = north).
    pub const fn from_east_ccw_rad(rad: f64) -> Azimuth {
        Azimuth { east_ccw_rad: rad }
    }

    /// The direction of the compass bearing `rad`, radians clockwise from north (0 = north,
    /// π/2 = east).
    pub fn from_north_cw_rad(rad: f64) -> Azimuth {
        Azimuth::from_east_ccw_rad((FRAC_PI_2 - rad).rem_euclid(TAU))
    }

    /// Radians from east, counter-clockwise, exactly as given.
    pub const fn east_ccw_rad(self) -> f64 {
        self.east_ccw_rad
    }

    /// The compass bearing, radians clockwise from north, in `[0, 2π)`.
    pub fn north_cw_rad(self) -> f64 {
        (FRAC_PI_2 - self.east_ccw_rad).rem_euclid(TAU)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::f64::consts::PI;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-12, "{a} vs {b}");
    }

    #[test]
    fn north_is_a_quarter_turn_mathematical_and_zero_on_the_compass() {
        // North: 90° from east counter-clockwise, 0° clockwise from north.
        let north = Azimuth::from_east_ccw_rad(FRAC_PI_2);
        close(north.north_cw_rad(), 0.0);
        close(Azimuth::from_north_cw_rad(0.0).east_ccw_rad(), FRAC_PI_2);
    }

    #[test]
    fn east_is_zero_mathematical_and_a_quarter_turn_on_the_compass() {
        // East: 0° from east, 90° clockwise from north.
        close(Azimuth::from_east_ccw_rad(0.0).north_cw_rad(), FRAC_PI_2);
        close(Azimuth::from_north_cw_rad(FRAC_PI_2).east_ccw_rad(), 0.0);
    }

    #[test]
    fn south_and_west_by_hand() {
        // South: 270° (or −90°) from east, 180° on the compass.
        close(Azimuth::from_east_ccw_rad(-FRAC_PI_2).north_cw_rad(), PI);
        close(Azimuth::from_north_cw_rad(PI).east_ccw_rad(), 1.5 * PI);
        // West: 180° from east, 270° on the compass.
        close(Azimuth::from_east_ccw_rad(PI).north_cw_rad(), 1.5 * PI);
        close(Azimuth::from_north_cw_rad(1.5 * PI).east_ccw_rad(), PI);
        // North-east: 45° both ways.
        let north_east = Azimuth::from_north_cw_rad(0.25 * PI);
        close(north_east.east_ccw_rad(), 0.25 * PI);
    }

    #[test]
    fn the_mathematical_angle_is_kept_exactly() {
        // No wrapping: the tracker's arithmetic sees the very number the sensor measured.
        for rad in [-3.0, 0.3, 7.0] {
            assert_eq!(Azimuth::from_east_ccw_rad(rad).east_ccw_rad(), rad);
        }
    }
}
