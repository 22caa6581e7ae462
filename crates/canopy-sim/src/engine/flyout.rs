//! An interceptor's fly-out against its target's true path: when it gets there, and where it
//! ends if its range runs out first.

use canopy_core::{SimDuration, SimTime};
use canopy_geo::{EnuPosition, EnuVelocity, FreeVector};

use super::agenda::Reach;

/// The point `distance_m` from `from` towards `to`.
pub fn towards(from: EnuPosition, to: EnuPosition, distance_m: f64) -> EnuPosition {
    let d = to - from;
    let length = d.norm();
    if length == 0.0 {
        return from;
    }
    from + d * (distance_m / length)
}

/// When an interceptor launched at `launch` from `from`, flying at `speed_mps` for at most
/// `max_range_m`, meets a target whose true position is `target(t)`; and whether it reaches it
/// at all (if not, the time is when its range runs out).
///
/// Bisection on `g(t) = speed · (t - launch) - |target(t) - from|`, which is negative at launch
/// and grows while the interceptor outruns the target.
pub fn homing_intercept(
    target: impl Fn(SimTime) -> EnuPosition,
    from: EnuPosition,
    speed_mps: f64,
    max_range_m: f64,
    launch: SimTime,
) -> (SimTime, Reach) {
    let gap = |t: SimTime| speed_mps * t.since(launch).as_secs_f64() - (target(t) - from).norm();
    let limit = launch + SimDuration::from_secs_f64(max_range_m / speed_mps);
    if gap(limit) < 0.0 {
        return (limit, Reach::OutOfRange);
    }
    let (mut low, mut high) = (launch.as_micros(), limit.as_micros());
    while high - low > 1_000 {
        let middle = low + (high - low) / 2;
        if gap(SimTime::from_micros(middle)) < 0.0 {
            low = middle;
        } else {
            high = middle;
        }
    }
    (SimTime::from_micros(high), Reach::Reached)
}

/// Where an interceptor launched at `launch` from `from` (flying at `speed_mps` for at most
/// `max_range_m`) catches a target seen at `position` with `velocity` at the launch and taken to
/// fly straight on, if it does: the shooter's own prediction when it decides to fire.
pub fn straight_intercept(
    (position, velocity): (EnuPosition, EnuVelocity),
    from: EnuPosition,
    speed_mps: f64,
    max_range_m: f64,
    launch: SimTime,
) -> Option<EnuPosition> {
    let straight = |t: SimTime| position + velocity * t.since(launch).as_secs_f64();
    let (arrival, reach) = homing_intercept(straight, from, speed_mps, max_range_m, launch);
    (reach == Reach::Reached).then(|| straight(arrival))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_beyond_range_is_not_reached_and_the_flight_ends_when_the_range_is_spent() {
        let (end, reach) = homing_intercept(
            |_| [0.0, 20_000.0, 0.0].into(),
            EnuPosition::default(),
            500.0,
            5_000.0,
            SimTime::START,
        );
        assert_eq!(reach, Reach::OutOfRange);
        assert_eq!(end, SimTime::from_micros(10_000_000));
        assert_eq!(
            towards(EnuPosition::default(), [0.0, 20_000.0, 0.0].into(), 5_000.0),
            [0.0, 5_000.0, 0.0].into()
        );
    }

    /// A target 10 km east at 2 km height, flying west at 600 m/s, against a 1,000 m/s
    /// interceptor from the origin with 20 km of range.
    fn caught(up_mps: f64) -> Option<EnuPosition> {
        let target = (
            [10_000.0, 0.0, 2_000.0].into(),
            EnuVelocity {
                east_mps: -600.0,
                north_mps: 0.0,
                up_mps,
            },
        );
        straight_intercept(
            target,
            EnuPosition::default(),
            1000.0,
            20_000.0,
            SimTime::START,
        )
    }

    #[test]
    fn a_level_target_is_caught_where_the_hand_computation_puts_it() {
        // (10000 − 600 t)² + 2000² = (1000 t)²  ⇒  t² + 18.75 t − 162.5 = 0  ⇒  t = 6.4487 s,
        // at x = 10000 − 600 t = 6130.8 m, still 2,000 m up.
        let point = caught(0.0).expect("within range");
        assert!((point.east_m - 6130.8).abs() < 1.0, "{point:?}");
        assert!((point.up_m - 2000.0).abs() < 1e-9);
    }

    #[test]
    fn a_diving_target_flown_straight_on_is_caught_only_below_the_ground() {
        // Diving at 45° (600 m/s down): (10000 − 600 t)² + (2000 − 600 t)² = (1000 t)²  ⇒
        // t² + 51.4286 t − 371.4286 = 0  ⇒  t = 6.4209 s, at 2000 − 600 t = −1852.5 m: the
        // target would have reached the ground first, which the launch check refuses.
        let point = caught(-600.0).expect("within range");
        assert!((point.up_m + 1852.5).abs() < 1.0, "{point:?}");
    }
}
