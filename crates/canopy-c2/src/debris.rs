//! Where the debris of an intercept can fall.
//!
//! Model (documented in `docs/methods.md`): fragments keep the target's horizontal velocity and
//! fall from the intercept altitude without drag, so they travel at most `v · sqrt(2 h / g)`
//! forward (capped at [`MAX_DEBRIS_THROW_M`], since drag stops fast debris much sooner). The
//! footprint is a circle centred half-way along that throw, with the half-throw plus a fragment
//! spread of [`FRAGMENT_SPREAD_M`] as radius.

use canopy_geo::{GeoPoint, direct};

/// Standard gravity, m/s².
pub const GRAVITY_MPS2: f64 = 9.806_65;
/// The longest forward throw of debris, metres (assumed: drag limits fast, high debris).
pub const MAX_DEBRIS_THROW_M: f64 = 20_000.0;
/// The lateral spread of fragments around their mean path, metres (assumed).
pub const FRAGMENT_SPREAD_M: f64 = 1_000.0;

/// The area where debris of one intercept can land.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DebrisFootprint {
    /// The centre of the footprint on the ground.
    pub centre: GeoPoint,
    /// Its radius, metres.
    pub radius_m: f64,
}

/// The forward throw (metres) of debris falling from `altitude_m` at horizontal `speed_mps`.
pub fn debris_throw_m(altitude_m: f64, speed_mps: f64) -> f64 {
    let fall_time_s = (2.0 * altitude_m.max(0.0) / GRAVITY_MPS2).sqrt();
    (speed_mps * fall_time_s).min(MAX_DEBRIS_THROW_M)
}

/// The debris footprint of an intercept above `ground` at `altitude_m`, of a target flying at
/// horizontal `speed_mps` on `heading_rad` (clockwise from north).
pub fn debris_footprint(
    ground: GeoPoint,
    altitude_m: f64,
    speed_mps: f64,
    heading_rad: f64,
) -> DebrisFootprint {
    let throw = debris_throw_m(altitude_m, speed_mps);
    DebrisFootprint {
        centre: direct(ground, heading_rad, throw / 2.0),
        radius_m: throw / 2.0 + FRAGMENT_SPREAD_M,
    }
}

/// The share of a shot's kill probability the assignment counts when a kill costs
/// `debris_cost_usd` in debris over people: a shot saves `pk · value` and costs `pk · debris` in
/// expectation, so it enters as `pk · (1 − debris / value)` (0 when the debris outweighs the
/// value).
pub(crate) fn debris_discount(value_usd: f64, debris_cost_usd: f64) -> f64 {
    if debris_cost_usd <= 0.0 {
        1.0
    } else if value_usd > 0.0 {
        (1.0 - debris_cost_usd / value_usd).max(0.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throw_of_a_drone_at_one_kilometre() {
        // sqrt(2 * 1000 / 9.80665) = 14.2809 s; at 50 m/s that is 714.044 m.
        assert!((debris_throw_m(1000.0, 50.0) - 714.044).abs() < 0.01);
    }

    #[test]
    fn throw_is_capped() {
        assert_eq!(debris_throw_m(20_000.0, 2000.0), MAX_DEBRIS_THROW_M);
    }

    #[test]
    fn footprint_radius_adds_spread() {
        let lviv = GeoPoint::from_degrees(49.8397, 24.0297).unwrap();
        let footprint = debris_footprint(lviv, 1000.0, 50.0, 0.0);
        assert!((footprint.radius_m - (714.044 / 2.0 + 1000.0)).abs() < 0.01);
        // Centre is north of the intercept by half the throw: 357 m is 0.00321 deg of latitude.
        assert!((footprint.centre.lat_deg() - 49.8397 - 357.0 / 111_200.0).abs() < 2e-5);
    }
}
