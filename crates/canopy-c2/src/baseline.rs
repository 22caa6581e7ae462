//! The baseline planner: each uncommitted track gets the cheapest adequate munition among the
//! feasible engagements, the earliest intercept breaking ties.

use canopy_core::SimDuration;

use crate::feasibility::{Infeasible, InterceptPlan, check_engagement};
use crate::picture::{AirPicture, TrackEstimate};
use crate::planner::{EngagementOrder, Plan, Planner, PlanningContext};
use crate::shooter::ShooterState;
use crate::vector::{dot, norm, sub};

/// Kill probability at or above which a munition counts as adequate.
pub const ADEQUATE_PK: f64 = 0.5;

/// Earliest feasible intercept with the cheapest adequate munition, one engagement per track at a
/// time (so a miss is seen before a second shot: shoot-look-shoot).
#[derive(Clone, Copy, Debug, Default)]
pub struct BaselinePlanner;

impl Planner for BaselinePlanner {
    fn name(&self) -> &'static str {
        "baseline"
    }

    fn plan(
        &mut self,
        ctx: &PlanningContext,
        picture: &AirPicture,
        shooters: &[ShooterState],
    ) -> Plan {
        let mut shooters = shooters.to_vec();
        let reaches: Vec<Reach> = shooters.iter().map(|s| Reach::of(ctx, s)).collect();
        let mut plan = Plan::default();
        let mut quiet_s = f64::INFINITY;
        for track in &picture.tracks {
            if ctx.committed.binary_search(&track.id).is_ok() {
                continue;
            }
            let (best, time_to_reach_s) =
                best_option(ctx, &shooters, &reaches, track, quiet_s > 0.0);
            quiet_s = quiet_s.min(time_to_reach_s);
            match best {
                Ok((index, intercept)) => {
                    let shooter = &mut shooters[index];
                    commit(shooter, &intercept);
                    plan.orders.push(EngagementOrder {
                        track: track.id,
                        shooter: shooter.unit,
                        plan: intercept,
                    });
                }
                Err(reason) => plan.unengaged.push((track.id, reason)),
            }
        }
        if quiet_s > 0.0 {
            let quiet = SimDuration::from_secs_f64(quiet_s.min(QUIET_HORIZON_S));
            plan.quiet_until = Some(ctx.now + quiet);
        }
        plan
    }
}

/// The longest quiet period a plan announces, seconds (a day: longer than any scenario's night).
const QUIET_HORIZON_S: f64 = 86_400.0;

/// Ranks plans: adequate before inadequate, then cheaper, then higher pk, then earlier intercept.
fn preference_key(plan: &InterceptPlan) -> (bool, f64, f64, i64) {
    (
        plan.pk < ADEQUATE_PK,
        if plan.pk >= ADEQUATE_PK {
            plan.cost_usd
        } else {
            0.0
        },
        -plan.pk,
        plan.intercept_time.as_micros(),
    )
}

/// The best engagement of a track, or the furthest reason none is feasible; and, when
/// `want_time_to_reach`, the least time (seconds) before the track could come within reach of an
/// available shooter at its present speed (0 when it already is; infinite when not asked).
fn best_option(
    ctx: &PlanningContext,
    shooters: &[ShooterState],
    reaches: &[Reach],
    track: &TrackEstimate,
    want_time_to_reach: bool,
) -> (Result<(usize, InterceptPlan), Infeasible>, f64) {
    let mut best: Option<(usize, InterceptPlan)> = None;
    let mut furthest = Infeasible::NoShooterInReach;
    let mut time_to_reach_s = f64::INFINITY;
    let speed_mps = norm(track.velocity_mps);
    for (index, (shooter, reach)) in shooters.iter().zip(reaches).enumerate() {
        if !shooter.available {
            continue;
        }
        let reach_m = reach.reach_m(speed_mps);
        let distance_sq = {
            let offset = sub(track.position_m, shooter.position_m);
            dot(offset, offset)
        };
        if distance_sq > reach_m * reach_m {
            if want_time_to_reach && time_to_reach_s > 0.0 {
                time_to_reach_s = time_to_reach_s.min((distance_sq.sqrt() - reach_m) / speed_mps);
            }
            continue;
        }
        time_to_reach_s = 0.0;
        for stock in &shooter.munitions {
            match check_engagement(ctx, shooter, stock.munition, track) {
                Ok(candidate) => {
                    let better = best.as_ref().is_none_or(|(_, current)| {
                        preference_key(&candidate)
                            .partial_cmp(&preference_key(current))
                            .is_some_and(|order| order.is_lt())
                    });
                    if better {
                        best = Some((index, candidate));
                    }
                }
                Err(reason) => furthest = furthest.max(reason),
            }
        }
    }
    (best.ok_or(furthest), time_to_reach_s)
}

/// What a shooter can reach this cycle, for a cheap necessary condition on each track.
struct Reach {
    /// Its longest munition range, metres.
    max_range_m: f64,
    /// Seconds before an interceptor could arrive at that range: lead time to launch plus the
    /// slowest munition's flight over it.
    horizon_s: f64,
}

impl Reach {
    fn of(ctx: &PlanningContext, shooter: &ShooterState) -> Reach {
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
    fn reach_m(&self, speed_mps: f64) -> f64 {
        self.max_range_m + speed_mps * self.horizon_s
    }
}

/// Books an ordered engagement against the shooter's state for the rest of the cycle.
fn commit(shooter: &mut ShooterState, plan: &InterceptPlan) {
    shooter.free_channels -= 1;
    shooter.ready_at = plan.launch_time + shooter.launch_interval;
    if let Some(stock) = shooter
        .munitions
        .iter_mut()
        .find(|stock| stock.munition == plan.munition)
    {
        stock.rounds -= 1;
    }
}
