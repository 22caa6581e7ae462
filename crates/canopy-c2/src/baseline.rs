//! The baseline planner: each uncommitted track gets the cheapest adequate munition among the
//! feasible engagements, the earliest intercept breaking ties.

use crate::feasibility::{Infeasible, InterceptPlan, check_engagement};
use crate::picture::{AirPicture, TrackEstimate};
use crate::planner::{EngagementOrder, Plan, Planner, PlanningContext};
use crate::shooter::ShooterState;
use crate::vector::{norm, sub};

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
        let mut plan = Plan::default();
        for track in &picture.tracks {
            if ctx.committed.binary_search(&track.id).is_ok() {
                continue;
            }
            match best_option(ctx, &shooters, track) {
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
        plan
    }
}

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

fn best_option(
    ctx: &PlanningContext,
    shooters: &[ShooterState],
    track: &TrackEstimate,
) -> Result<(usize, InterceptPlan), Infeasible> {
    let mut best: Option<(usize, InterceptPlan)> = None;
    let mut furthest = Infeasible::NoShooterInReach;
    for (index, shooter) in shooters.iter().enumerate() {
        if !within_reach(ctx, shooter, track) {
            continue;
        }
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
    best.ok_or(furthest)
}

/// A cheap necessary condition: the track can come within the shooter's longest range before
/// its fastest munition could fly that range.
fn within_reach(ctx: &PlanningContext, shooter: &ShooterState, track: &TrackEstimate) -> bool {
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
    let travel_m = norm(track.velocity_mps) * (lead_s + max_range_m / min_speed_mps);
    norm(sub(track.position_m, shooter.position_m)) - travel_m <= max_range_m
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
