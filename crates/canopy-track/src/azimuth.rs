//! Azimuth: a horizontal direction that carries its convention.
//!
//! The tracker measures azimuth the mathematical way, radians from east, counter-clockwise
//! (north is π/2). Headings and geodesic azimuths elsewhere are compass bearings, radians
//! clockwise from north (east is π/2). An [`Azimuth`] is built and read only through methods
//! that name its convention, so a compass angle cannot pass for a mathematical one unnoticed.

/// A horizontal direction from a sensor, held the mathematical way: radians from east,
/// counter-clockwise.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Azimuth {
    east_ccw_rad: f64,
}

impl Azimuth {
    /// The direction `rad` radians from east, counter-clockwise (0 = east, π/2 = north).
    pub const fn from_east_ccw_rad(rad: f64) -> Azimuth {
        Azimuth { east_ccw_rad: rad }
    }

    /// Radians from east, counter-clockwise, exactly as given.
    pub const fn east_ccw_rad(self) -> f64 {
        self.east_ccw_rad
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mathematical_angle_is_kept_exactly() {
        // No wrapping: the tracker's arithmetic sees the very number the sensor measured.
        for rad in [-3.0, 0.3, 7.0] {
            assert_eq!(Azimuth::from_east_ccw_rad(rad).east_ccw_rad(), rad);
        }
    }
}
