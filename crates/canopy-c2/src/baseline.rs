//! The baseline planner: each uncommitted track gets the cheapest adequate munition among the
//! feasible engagements, the earliest intercept breaking ties.

use crate::feasibility::check_engagement;
use crate::infeasible::Infeasible;
use crate::picture::{AirPicture, TrackEstimate};
use crate::planning::{
    ADEQUATE_PK, EngagementOrder, InterceptPlan, Plan, Planner, PlanningContext, commit,
};
use crate::reach::{ReachMap, quiet_until};
use crate::shooter::ShooterState;

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
        let tracks: Vec<&TrackEstimate> = picture
            .tracks
            .iter()
            .filter(|track| ctx.committed.binary_search(&track.id).is_err())
            .collect();
        let reach = ReachMap::new(ctx, shooters, &tracks);
        let shooters_of = reach.shooters_of(tracks.len());
        let mut shooters = shooters.to_vec();
        let mut plan = Plan::default();
        for (track, candidates) in tracks.into_iter().zip(&shooters_of) {
            match best_option(ctx, &shooters, candidates, track) {
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
        plan.quiet_until = quiet_until(ctx, reach.quiet_s);
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

/// The best engagement of a track by the shooters `candidates` (those that may reach it), or
/// the furthest reason none is feasible.
fn best_option(
    ctx: &PlanningContext,
    shooters: &[ShooterState],
    candidates: &[usize],
    track: &TrackEstimate,
) -> Result<(usize, InterceptPlan), Infeasible> {
    let mut best: Option<(usize, InterceptPlan)> = None;
    let mut furthest = Infeasible::NoShooterInReach;
    for &index in candidates {
        let shooter = &shooters[index];
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
