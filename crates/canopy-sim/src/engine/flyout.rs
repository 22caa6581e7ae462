//! An interceptor's fly-out against its target's true path: when it gets there, and where it
//! ends if its range runs out first.

use canopy_core::{SimDuration, SimTime};
use canopy_geo::{EnuPosition, FreeVector};

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
}
