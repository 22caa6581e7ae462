//! A cheap necessary condition for an engagement: how far a shooter can reach this cycle.

use canopy_core::{SimDuration, SimTime};

use crate::picture::TrackEstimate;
use crate::planner::PlanningContext;
use crate::shooter::ShooterState;
use crate::vector::{dot, norm, sub};

/// The longest quiet period a plan announces, seconds (a day: longer than any scenario's night).
const QUIET_HORIZON_S: f64 = 86_400.0;

/// The quiet time a plan announces when no track can come within reach of an available shooter
/// for `quiet_s` seconds (none when `quiet_s` is 0).
pub(crate) fn quiet_until(ctx: &PlanningContext, quiet_s: f64) -> Option<SimTime> {
    (quiet_s > 0.0).then(|| ctx.now + SimDuration::from_secs_f64(quiet_s.min(QUIET_HORIZON_S)))
}

/// What a shooter can reach this cycle, for a cheap necessary condition on each track.
pub(crate) struct Reach {
    /// Its longest munition range, metres.
    max_range_m: f64,
    /// Seconds before an interceptor could arrive at that range: lead time to launch plus the
    /// slowest munition's flight over it.
    horizon_s: f64,
}

impl Reach {
    pub(crate) fn of(ctx: &PlanningContext, shooter: &ShooterState) -> Reach {
        let library = ctx.library;
        let (max_range_m, min_speed_mps) =
            shooter
                .munitions
                .iter()
                .fold((0.0f64, f64::INFINITY), |(range, speed), stock| {
                    let kind = library.munition(stock.munition);
                    (range.max(kind.max_range_m), speed.min(kind.speed_mps))
                });
        let lead_s = (ctx.authority.approval_delay + shooter.reaction).as_secs_f64()
            + shooter.ready_at.since(ctx.now).as_secs_f64().max(0.0);
        Reach {
            max_range_m,
            horizon_s: lead_s + max_range_m / min_speed_mps,
        }
    }

    /// The distance within which a track flying at `speed_mps` may be engageable.
    pub(crate) fn reach_m(&self, speed_mps: f64) -> f64 {
        self.max_range_m + speed_mps * self.horizon_s
    }

    /// Seconds before `track`, keeping its speed, could come within this reach of `shooter`
    /// (0 when it already is).
    pub(crate) fn time_to_reach_s(&self, shooter: &ShooterState, track: &TrackEstimate) -> f64 {
        let speed_mps = norm(track.velocity_mps);
        let reach_m = self.reach_m(speed_mps);
        let offset = sub(track.position_m, shooter.position_m);
        let distance_sq = dot(offset, offset);
        if distance_sq <= reach_m * reach_m {
            0.0
        } else {
            (distance_sq.sqrt() - reach_m) / speed_mps
        }
    }
}
