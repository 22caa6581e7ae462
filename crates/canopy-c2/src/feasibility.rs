//! Whether one shooter can engage one track with one munition, and if so when and where.

use canopy_core::{SimDuration, SimTime};
use canopy_geo::{EnuPosition, FreeVector};
use canopy_scenario::{AuthorityMode, MunitionIndex};

use crate::debris::debris_footprint;
use crate::infeasible::Infeasible;
use crate::intercept::{extrapolate, time_of_flight_s};
use crate::picture::TrackEstimate;
use crate::planning::{InterceptPlan, PlanningContext};
use crate::populated::PopulatedAreas;
use crate::shooter::ShooterState;
use crate::vectoring::{LAUNCH_RANGE_SHARE, check_dash, dash_munition, solve_dash};

/// Checks one engagement (shooter, munition, track) at the context's time and returns its plan,
/// or the first reason it is not possible. A fighter that cannot reach the track from its station
/// is vectored ([`crate::vectoring`]) when the munition is the one it dashes with.
pub fn check_engagement(
    ctx: &PlanningContext,
    shooter: &ShooterState,
    munition: MunitionIndex,
    track: &TrackEstimate,
) -> Result<InterceptPlan, Infeasible> {
    if !shooter.available || shooter.free_channels == 0 {
        return Err(Infeasible::ShooterUnavailable);
    }
    let stock = shooter
        .munitions
        .iter()
        .find(|stock| stock.munition == munition)
        .filter(|stock| stock.rounds > 0)
        .ok_or(Infeasible::NoRounds)?;
    let kind = ctx.library.munition(stock.munition);
    if track.belief.expect(|class| kind.pk(class)) <= 0.0 {
        return Err(Infeasible::NoKillChance);
    }
    let rules = ctx.rules.nation(shooter.nation);
    if !rules.allows_track(track.belief) {
        return Err(Infeasible::ClassNotAllowed);
    }
    let plan = match approved_plan(ctx, shooter, munition, track, Launcher::Fixed) {
        Err(reason @ (Infeasible::CannotCatch | Infeasible::OutOfRange))
            if shooter.vectoring.is_some()
                && dash_munition(ctx.library, shooter, track.belief.most_likely())
                    == Some(munition) =>
        {
            approved_plan(ctx, shooter, munition, track, Launcher::Vectored)
                .map_err(|vectored| vectored.max(reason))
        }
        other => other,
    }?;
    if plan.needs_approval && refused(ctx, track, &plan) {
        return Err(Infeasible::ApprovalRefused);
    }
    Ok(plan)
}

/// Whether the authority's refusal rule, once it has refused an engagement of this track, would
/// refuse this one too.
fn refused(ctx: &PlanningContext, track: &TrackEstimate, plan: &InterceptPlan) -> bool {
    ctx.refused.binary_search(&track.id).is_ok()
        && ctx
            .authority
            .refuses(ctx.geometry.borders, plan.intercept_point)
}

/// Where the interceptor is fired from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Launcher {
    /// From the shooter's position.
    Fixed,
    /// From a vectored fighter's launch point.
    Vectored,
}

/// The plan with approval accounted for: waiting for it under per-engagement authority (a
/// coalition nation's engagements), or when the intercept point lies in an approval-required
/// zone.
fn approved_plan(
    ctx: &PlanningContext,
    shooter: &ShooterState,
    munition: MunitionIndex,
    track: &TrackEstimate,
    launcher: Launcher,
) -> Result<InterceptPlan, Infeasible> {
    let rules = ctx.rules.nation(shooter.nation);
    // Per-engagement approval binds the coalition's nations; Ukraine engages over its own
    // territory on its own authority (approval-required zones still bind whom they name).
    let per_engagement = rules.coalition && ctx.authority.mode == AuthorityMode::PerEngagement;
    let delay = if per_engagement {
        ctx.authority.approval_delay
    } else {
        SimDuration::ZERO
    };
    let attempt = |delay: SimDuration, needs_approval: bool| {
        geometry_plan(
            ctx,
            shooter,
            munition,
            track,
            launcher,
            delay,
            needs_approval,
        )
    };
    let plan = attempt(delay, per_engagement).map_err(|reason| {
        let waited = per_engagement && ctx.authority.approval_delay > SimDuration::ZERO;
        if waited && attempt(SimDuration::ZERO, false).is_ok() {
            Infeasible::AwaitingApproval
        } else {
            reason
        }
    })?;
    if plan.needs_approval || !rules.needs_approval_at(plan.intercept_point) {
        return Ok(plan);
    }
    attempt(ctx.authority.approval_delay, true).map_err(|_| Infeasible::AwaitingApproval)
}

/// When and where the interceptor leaves its launcher, and its flight time to the intercept.
struct Departure {
    launch_time: SimTime,
    launch_m: EnuPosition,
    dash_m: f64,
    flight_s: f64,
    intercept_m: EnuPosition,
}

/// The departure of a fixed launch: after the lead time, from the shooter's position.
fn fixed_departure(
    shooter: &ShooterState,
    speed_mps: f64,
    track: &TrackEstimate,
    launch_time: SimTime,
    lead_s: f64,
) -> Result<Departure, Infeasible> {
    let target_at_launch = extrapolate(track.position_m, track.velocity_mps, lead_s);
    let flight_s = time_of_flight_s(
        shooter.position_m,
        target_at_launch,
        track.velocity_mps,
        speed_mps,
    )
    .ok_or(Infeasible::CannotCatch)?;
    Ok(Departure {
        launch_time,
        launch_m: shooter.position_m,
        dash_m: 0.0,
        flight_s,
        intercept_m: extrapolate(target_at_launch, track.velocity_mps, flight_s),
    })
}

/// The departure of a vectored fighter leaving its station after the lead time: its dash, within
/// its sector, combat radius and fuel, to a launch point inside its nation's zones.
fn vectored_departure(
    ctx: &PlanningContext,
    shooter: &ShooterState,
    munition: MunitionIndex,
    track: &TrackEstimate,
    leave_time: SimTime,
    lead_s: f64,
) -> Result<Departure, Infeasible> {
    let vectoring = shooter.vectoring.as_ref().ok_or(Infeasible::CannotCatch)?;
    let kind = ctx.library.munition(munition);
    let dash = solve_dash(
        shooter.position_m,
        vectoring.dash_speed_mps,
        extrapolate(track.position_m, track.velocity_mps, lead_s),
        track.velocity_mps,
        kind.speed_mps,
        LAUNCH_RANGE_SHARE * kind.max_range_m,
    )
    .ok_or(Infeasible::CannotCatch)?;
    check_dash(vectoring, shooter.position_m, &dash)?;
    let (launch_point, _) = ctx.geometry.geo_of(dash.launch_m);
    if !ctx.rules.nation(shooter.nation).may_engage_at(launch_point) {
        return Err(Infeasible::OutsideZone);
    }
    Ok(Departure {
        launch_time: leave_time + SimDuration::from_secs_f64(dash.dash_s),
        launch_m: dash.launch_m,
        dash_m: dash.dash_s * vectoring.dash_speed_mps,
        flight_s: dash.flight_s,
        intercept_m: dash.intercept_m,
    })
}

fn geometry_plan(
    ctx: &PlanningContext,
    shooter: &ShooterState,
    munition: MunitionIndex,
    track: &TrackEstimate,
    launcher: Launcher,
    approval_delay: SimDuration,
    needs_approval: bool,
) -> Result<InterceptPlan, Infeasible> {
    let kind = ctx.library.munition(munition);
    let earliest = ctx.now + approval_delay + shooter.reaction;
    let ready = earliest.max(shooter.ready_at);
    let lead_s = ready.since(ctx.now).as_secs_f64();
    let departure = match launcher {
        Launcher::Fixed => fixed_departure(shooter, kind.speed_mps, track, ready, lead_s)?,
        Launcher::Vectored => vectored_departure(ctx, shooter, munition, track, ready, lead_s)?,
    };
    let Departure {
        launch_time,
        launch_m,
        dash_m,
        flight_s,
        intercept_m,
    } = departure;
    let slant_range_m = (intercept_m - launch_m).norm();
    if slant_range_m < kind.min_range_m || slant_range_m > kind.max_range_m {
        return Err(Infeasible::OutOfRange);
    }
    let geometry = ctx.geometry;
    let (intercept_point, intercept_altitude_m) = geometry.geo_of(intercept_m);
    if intercept_altitude_m < kind.min_altitude_m || intercept_altitude_m > kind.max_altitude_m {
        return Err(Infeasible::OutOfAltitude);
    }
    let rules = ctx.rules.nation(shooter.nation);
    if !rules.may_engage_at(intercept_point) {
        return Err(Infeasible::OutsideZone);
    }
    for (country, min_distance_m) in rules.min_distances() {
        let distance = geometry
            .borders
            .distance_to_country_within_m(intercept_point, *country, *min_distance_m)
            .unwrap_or(f64::INFINITY);
        if distance < *min_distance_m {
            return Err(Infeasible::TooCloseToBorder);
        }
    }
    let (speed_mps, heading_rad) = geometry.speed_and_heading(intercept_point, track.velocity_mps);
    let debris = debris_footprint(
        intercept_point,
        intercept_altitude_m,
        speed_mps,
        heading_rad,
    );
    if rules.forbids_debris_on_nato() && geometry.nato_within_m(debris.centre, debris.radius_m) {
        return Err(Infeasible::DebrisOverNato);
    }
    // Where the nation weighs debris over people, a kill's debris cost is priced in.
    let debris_cost_usd = rules.populated_debris_cost_usd();
    let populated_debris_cost_usd = if debris_cost_usd > 0.0
        && PopulatedAreas::bundled()
            .touched(debris.centre, debris.radius_m)
            .is_some()
    {
        debris_cost_usd
    } else {
        0.0
    };
    Ok(InterceptPlan {
        munition,
        launch_time,
        launch_m,
        dash_m,
        intercept_time: launch_time + SimDuration::from_secs_f64(flight_s),
        intercept_m,
        intercept_point,
        intercept_altitude_m,
        slant_range_m,
        needs_approval,
        debris,
        pk: track.belief.expect(|class| kind.pk(class)),
        cost_usd: kind.cost_usd,
        populated_debris_cost_usd,
    })
}
