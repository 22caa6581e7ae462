//! The radar horizon: line of sight over a smooth earth whose radius is enlarged by 4/3 to
//! stand for standard atmospheric refraction.

/// Mean earth radius, metres.
pub const EARTH_RADIUS_M: f64 = 6_371_000.0;
/// Effective earth radius under standard refraction (4/3 earth), metres.
pub const EFFECTIVE_EARTH_RADIUS_M: f64 = EARTH_RADIUS_M * 4.0 / 3.0;

/// Distance to the horizon of a point `height_m` above the ground, metres.
pub fn horizon_distance_m(height_m: f64) -> f64 {
    (2.0 * EFFECTIVE_EARTH_RADIUS_M * height_m.max(0.0)).sqrt()
}

/// Longest line of sight between an antenna at `antenna_height_m` and a target at
/// `target_height_m`, metres: `√(2·k·R·h1) + √(2·k·R·h2)` (about 4.12 km per √m each).
pub fn radar_horizon_m(antenna_height_m: f64, target_height_m: f64) -> f64 {
    horizon_distance_m(antenna_height_m) + horizon_distance_m(target_height_m)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The textbook rule of thumb: 4.12·(√h1 + √h2) km, heights in metres.
    fn rule_km(h1: f64, h2: f64) -> f64 {
        4.12 * (h1.sqrt() + h2.sqrt())
    }

    #[test]
    fn horizon_matches_the_rule_of_thumb_within_one_percent() {
        for (h1, h2) in [(10.0, 50.0), (15.0, 100.0), (9000.0, 50.0), (30.0, 3000.0)] {
            let km = radar_horizon_m(h1, h2) / 1000.0;
            let rule = rule_km(h1, h2);
            assert!((km - rule).abs() / rule < 0.01, "{h1} {h2}: {km} vs {rule}");
        }
    }

    #[test]
    fn a_mast_of_ten_metres_sees_a_fifty_metre_missile_to_about_forty_km() {
        // 4.12 * (3.162 + 7.071) = 42.2 km
        let km = radar_horizon_m(10.0, 50.0) / 1000.0;
        assert!((km - 42.2).abs() < 0.4, "{km}");
    }
}
