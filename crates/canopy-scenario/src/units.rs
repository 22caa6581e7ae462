//! Unit conversions at the edge: files speak km, km/h, degrees and hours; the model speaks SI.

/// Metres in a kilometre.
const METRES_PER_KM: f64 = 1000.0;
/// km/h in one m/s.
const KMH_PER_MPS: f64 = 3.6;
/// Seconds in an hour.
const SECONDS_PER_HOUR: f64 = 3600.0;

/// Kilometres to metres.
pub fn km_to_m(km: f64) -> f64 {
    km * METRES_PER_KM
}

/// Kilometres per hour to metres per second.
pub fn kmh_to_mps(kmh: f64) -> f64 {
    kmh / KMH_PER_MPS
}

/// Degrees to radians.
pub fn deg_to_rad(deg: f64) -> f64 {
    deg.to_radians()
}

/// Hours to seconds.
pub fn hours_to_s(hours: f64) -> f64 {
    hours * SECONDS_PER_HOUR
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_match_hand_values() {
        assert_eq!(km_to_m(2.5), 2500.0);
        // 185 km/h = 185000 m / 3600 s = 51.3888... m/s
        assert!((kmh_to_mps(185.0) - 51.388_888_888_888_89).abs() < 1e-12);
        // 3.6 km/h is exactly 1 m/s
        assert_eq!(kmh_to_mps(3.6), 1.0);
        // 180 degrees = pi, 30 degrees = pi/6
        assert!((deg_to_rad(180.0) - std::f64::consts::PI).abs() < 1e-15);
        assert!((deg_to_rad(30.0) - std::f64::consts::FRAC_PI_6).abs() < 1e-15);
        assert_eq!(hours_to_s(2.5), 9000.0);
    }
}
