//! Intercept geometry: where and when an interceptor of constant speed meets a target moving at
//! constant velocity.

use canopy_geo::{EnuPosition, EnuVelocity, FreeVector};

/// Time of flight (seconds) for an interceptor launched from `launcher` at speed
/// `interceptor_speed_mps` to meet a target now at `target` moving at `target_velocity`, or `None`
/// when it cannot catch it.
///
/// Solves `|d + v t| = w t` for the smallest `t > 0`, with `d = target - launcher`:
/// `(v·v - w²) t² + 2 (d·v) t + d·d = 0`.
pub fn time_of_flight_s(
    launcher: EnuPosition,
    target: EnuPosition,
    target_velocity: EnuVelocity,
    interceptor_speed_mps: f64,
) -> Option<f64> {
    let d = target - launcher;
    let a = target_velocity.dot(target_velocity) - interceptor_speed_mps * interceptor_speed_mps;
    let half_b = d.dot(target_velocity);
    let c = d.dot(d);
    if c == 0.0 {
        return Some(0.0);
    }
    if a.abs() < 1e-12 {
        // Equal speeds: one root, 2 b' t + c = 0.
        let t = -c / (2.0 * half_b);
        return (t > 0.0).then_some(t);
    }
    let discriminant = half_b * half_b - a * c;
    if discriminant < 0.0 {
        return None;
    }
    let root = discriminant.sqrt();
    let candidates = [(-half_b - root) / a, (-half_b + root) / a];
    candidates
        .into_iter()
        .filter(|t| *t > 0.0)
        .min_by(|x, y| x.total_cmp(y))
}

/// The target's position after `seconds` at constant velocity.
pub fn extrapolate(position: EnuPosition, velocity: EnuVelocity, seconds: f64) -> EnuPosition {
    position + velocity * seconds
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_on_closing_speed() {
        // Target 30 km east flying west at 250 m/s; interceptor at 1,250 m/s:
        // closing speed 1,500 m/s, so 20 s.
        let t = time_of_flight_s(
            EnuPosition::default(),
            [30_000.0, 0.0, 0.0].into(),
            [-250.0, 0.0, 0.0].into(),
            1250.0,
        );
        assert!((t.unwrap() - 20.0).abs() < 1e-9);
    }

    #[test]
    fn crossing_target_right_triangle() {
        // Target 3 km north moving east at 300 m/s, interceptor 500 m/s: (300t)² + 3000² = (500t)²
        // gives t = 3000 / 400 = 7.5 s.
        let t = time_of_flight_s(
            EnuPosition::default(),
            [0.0, 3000.0, 0.0].into(),
            [300.0, 0.0, 0.0].into(),
            500.0,
        );
        assert!((t.unwrap() - 7.5).abs() < 1e-9);
    }

    #[test]
    fn faster_receding_target_cannot_be_caught() {
        let t = time_of_flight_s(
            EnuPosition::default(),
            [1000.0, 0.0, 0.0].into(),
            [600.0, 0.0, 0.0].into(),
            500.0,
        );
        assert!(t.is_none());
    }
}
