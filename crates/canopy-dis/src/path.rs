//! Where an entity is at a time: a threat on its true route, or a mover along straight legs
//! between logged points (an interceptor from launch to its end, a fighter between base,
//! station and launch points).

use canopy_core::{SimTime, ThreatId};
use canopy_geo::Ecef;
use canopy_sim::PreparedScenario;
use canopy_sim::truth;

/// An entity's path through time.
#[derive(Clone, Debug, PartialEq)]
pub enum Path {
    /// A threat's true route (`canopy_sim::truth`).
    Threat(ThreatId),
    /// Straight geocentric legs between points reached at the times given (in time order);
    /// held at the first point before it and at the last after it.
    Legs(Vec<(SimTime, Ecef)>),
}

impl Path {
    /// The geocentric position at `time`.
    pub fn position(&self, prepared: &PreparedScenario, time: SimTime) -> Ecef {
        match self {
            Path::Threat(threat) => {
                let spec = &prepared.threats[threat.index()];
                let position = truth::position_m(prepared, spec, time);
                prepared.geometry.frame.to_ecef(position)
            }
            Path::Legs(points) => along_legs(points, time),
        }
    }
}

fn along_legs(points: &[(SimTime, Ecef)], time: SimTime) -> Ecef {
    let next = points.partition_point(|(at, _)| *at <= time);
    match (next.checked_sub(1).map(|i| points[i]), points.get(next)) {
        (Some((t0, a)), Some(&(t1, b))) => {
            let f = time.since(t0).as_secs_f64() / t1.since(t0).as_secs_f64();
            Ecef {
                x_m: a.x_m + (b.x_m - a.x_m) * f,
                y_m: a.y_m + (b.y_m - a.y_m) * f,
                z_m: a.z_m + (b.z_m - a.z_m) * f,
            }
        }
        (Some((_, last)), None) => last,
        (None, Some(&(_, first))) => first,
        (None, None) => Ecef {
            x_m: 0.0,
            y_m: 0.0,
            z_m: 0.0,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(x_m: f64) -> Ecef {
        Ecef {
            x_m,
            y_m: 2.0 * x_m,
            z_m: 0.0,
        }
    }

    #[test]
    fn legs_are_flown_at_constant_speed_between_points_and_held_beyond_them() {
        let seconds = |s: f64| SimTime::from_secs_f64(s);
        let points = vec![
            (seconds(10.0), at(0.0)),
            (seconds(20.0), at(100.0)),
            (seconds(40.0), at(300.0)),
        ];
        assert_eq!(along_legs(&points, seconds(0.0)), at(0.0));
        assert_eq!(along_legs(&points, seconds(15.0)), at(50.0));
        assert_eq!(along_legs(&points, seconds(20.0)), at(100.0));
        assert_eq!(along_legs(&points, seconds(30.0)), at(200.0));
        assert_eq!(along_legs(&points, seconds(99.0)), at(300.0));
    }
}
