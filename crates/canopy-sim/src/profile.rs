//! Altitude along a threat's route: cruise profiles for drones and cruise missiles, a ballistic
//! arc for ballistic missiles.

use canopy_scenario::{ThreatClass, ThreatType};

/// Distance over which a cruise threat climbs from launch to its cruise altitude, metres.
pub const CLIMB_DISTANCE_M: f64 = 10_000.0;
/// Distance before the aim point where a cruise threat starts its descent, metres (assumed).
pub const DESCENT_START_FROM_END_M: f64 = 60_000.0;
/// Distance before the aim point where it reaches its terminal altitude, metres (assumed).
pub const TERMINAL_FROM_END_M: f64 = 20_000.0;

/// Altitude above ground as a function of the distance flown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AltitudeProfile {
    /// Climb to `cruise_m`, fly level, descend to `terminal_m` for the final leg.
    Cruise {
        /// Altitude en route, metres.
        cruise_m: f64,
        /// Altitude of the final leg, metres.
        terminal_m: f64,
    },
    /// A parabolic arc from launch to aim point peaking at `apogee_m`.
    Ballistic {
        /// Peak altitude, metres.
        apogee_m: f64,
    },
}

impl AltitudeProfile {
    /// The profile of a threat type.
    pub fn of(threat: &ThreatType) -> AltitudeProfile {
        match (threat.class, threat.apogee_m) {
            (ThreatClass::Ballistic, Some(apogee_m)) => AltitudeProfile::Ballistic { apogee_m },
            _ => AltitudeProfile::Cruise {
                cruise_m: threat.cruise_altitude_m,
                terminal_m: threat.terminal_altitude_m,
            },
        }
    }

    /// The altitude (metres) after `distance_m` of a route `length_m` long.
    pub fn altitude_m(&self, distance_m: f64, length_m: f64) -> f64 {
        match *self {
            AltitudeProfile::Ballistic { apogee_m } => {
                let f = (distance_m / length_m).clamp(0.0, 1.0);
                4.0 * apogee_m * f * (1.0 - f)
            }
            AltitudeProfile::Cruise {
                cruise_m,
                terminal_m,
            } => {
                let to_go = length_m - distance_m;
                let climbed = cruise_m * (distance_m / CLIMB_DISTANCE_M).clamp(0.0, 1.0);
                if to_go >= DESCENT_START_FROM_END_M {
                    climbed
                } else {
                    let f = ((DESCENT_START_FROM_END_M - to_go)
                        / (DESCENT_START_FROM_END_M - TERMINAL_FROM_END_M))
                        .clamp(0.0, 1.0);
                    climbed + (terminal_m - climbed) * f
                }
            }
        }
    }
}

impl AltitudeProfile {
    /// The climb rate per metre flown (metres per metre) after `distance_m`, by central
    /// difference over one metre.
    pub fn climb_per_m(&self, distance_m: f64, length_m: f64) -> f64 {
        (self.altitude_m(distance_m + 0.5, length_m) - self.altitude_m(distance_m - 0.5, length_m))
            .clamp(-1e3, 1e3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ballistic_arc_peaks_at_mid_range() {
        let arc = AltitudeProfile::Ballistic { apogee_m: 50_000.0 };
        assert_eq!(arc.altitude_m(250_000.0, 500_000.0), 50_000.0);
        // A quarter of the way: 4 * 50 km * 0.25 * 0.75 = 37.5 km.
        assert_eq!(arc.altitude_m(125_000.0, 500_000.0), 37_500.0);
        assert_eq!(arc.altitude_m(500_000.0, 500_000.0), 0.0);
    }

    #[test]
    fn cruise_profile_climbs_cruises_and_descends() {
        let profile = AltitudeProfile::Cruise {
            cruise_m: 6000.0,
            terminal_m: 50.0,
        };
        let length = 1_000_000.0;
        assert_eq!(profile.altitude_m(5_000.0, length), 3000.0);
        assert_eq!(profile.altitude_m(500_000.0, length), 6000.0);
        // Half-way through the descent (40 km to go): (6000 + 50) / 2.
        assert_eq!(profile.altitude_m(960_000.0, length), 3025.0);
        assert_eq!(profile.altitude_m(990_000.0, length), 50.0);
    }
}
