//! Whether one shooter can engage one track with one munition, and if so when and where.

use canopy_core::{SimDuration, SimTime};
use canopy_geo::{Borders, CountryCode, EnuFrame, GeoPoint, inverse};
use canopy_scenario::{AuthorityMode, MunitionIndex};

use crate::debris::{DebrisFootprint, debris_footprint};
use crate::intercept::{extrapolate, time_of_flight_s};
use crate::picture::TrackEstimate;
use crate::planner::PlanningContext;
use crate::shooter::ShooterState;
use crate::vector::{Vec3, add, norm, sub};

/// The theatre's frame and borders, shared by planning and the engine.
#[derive(Clone, Debug)]
pub struct Geometry {
    /// The theatre's local East-North-Up frame.
    pub frame: EnuFrame,
    /// Country borders.
    pub borders: &'static Borders,
}

impl Geometry {
    /// The geometry of a theatre with this ENU frame and the bundled borders.
    pub fn new(frame: EnuFrame) -> Geometry {
        Geometry {
            frame,
            borders: Borders::bundled(),
        }
    }

    /// The geographic point and altitude (metres) of an ENU position.
    pub fn geo_of(&self, position_m: Vec3) -> (GeoPoint, f64) {
        self.frame.from_enu(position_m)
    }

    /// The distance (metres) from a point to the nearest NATO territory, 0 inside it.
    pub fn distance_to_nato_m(&self, point: GeoPoint) -> f64 {
        self.nearest_nato(point)
            .map_or(f64::INFINITY, |(_, distance)| distance)
    }

    /// The NATO country nearest to a point (the one it is in, at distance 0) and its distance.
    pub fn nearest_nato(&self, point: GeoPoint) -> Option<(CountryCode, f64)> {
        self.borders
            .nearest_country_m(point, |country| country.nato)
    }

    /// The horizontal speed (m/s) and heading (radians clockwise from local north) of a
    /// velocity given in the ENU frame at a position.
    pub fn speed_and_heading(&self, position_m: Vec3, velocity_mps: Vec3) -> (f64, f64) {
        let (here, _) = self.frame.from_enu(position_m);
        let (ahead, _) = self.frame.from_enu(add(position_m, velocity_mps));
        let geodesic = inverse(here, ahead);
        (geodesic.distance_m, geodesic.azimuth_start_rad)
    }
}

/// Why an engagement is not possible, ordered from the first check to the last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Infeasible {
    /// No shooter is within reach of the track.
    NoShooterInReach,
    /// The shooter is off station or has no free fire channel.
    ShooterUnavailable,
    /// The munition has no rounds left.
    NoRounds,
    /// The munition has no kill chance against this class.
    NoKillChance,
    /// The nation's rules do not allow engaging this class.
    ClassNotAllowed,
    /// The interceptor is too slow to catch the target.
    CannotCatch,
    /// The intercept point is outside the munition's range band.
    OutOfRange,
    /// The intercept point is outside the munition's altitude band.
    OutOfAltitude,
    /// The intercept point is outside the nation's engagement zones or inside a no-fire zone.
    OutsideZone,
    /// The intercept point is closer to a named country than the nation's rules allow.
    TooCloseToBorder,
    /// The debris footprint touches NATO territory and the rules forbid it.
    DebrisOverNato,
    /// The engagement would be feasible at once, but not after waiting for approval.
    AwaitingApproval,
    /// Feasible, but the planner judged no shot worth its cost (expected value saved below the
    /// interceptor's cost).
    NotCostEffective,
    /// Feasible only with rounds held in reserve for missiles.
    HeldInReserve,
    /// C2 recognised the track as a decoy's and does not engage it (scenario `[c2]`).
    RecognisedDecoy,
}

impl Infeasible {
    /// A stable snake_case name, used in metrics.
    pub fn as_str(self) -> &'static str {
        match self {
            Infeasible::NoShooterInReach => "no_shooter_in_reach",
            Infeasible::ShooterUnavailable => "shooter_unavailable",
            Infeasible::NoRounds => "no_rounds",
            Infeasible::NoKillChance => "no_kill_chance",
            Infeasible::ClassNotAllowed => "class_not_allowed",
            Infeasible::CannotCatch => "cannot_catch",
            Infeasible::OutOfRange => "out_of_range",
            Infeasible::OutOfAltitude => "out_of_altitude",
            Infeasible::OutsideZone => "outside_zone",
            Infeasible::TooCloseToBorder => "too_close_to_border",
            Infeasible::DebrisOverNato => "debris_over_nato",
            Infeasible::AwaitingApproval => "awaiting_approval",
            Infeasible::NotCostEffective => "not_cost_effective",
            Infeasible::HeldInReserve => "held_in_reserve",
            Infeasible::RecognisedDecoy => "recognised_decoy",
        }
    }
}

/// A feasible engagement: when to launch, where and when to meet the target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InterceptPlan {
    /// The munition to fire.
    pub munition: MunitionIndex,
    /// When the interceptor leaves the launcher.
    pub launch_time: SimTime,
    /// When it is predicted to meet the target.
    pub intercept_time: SimTime,
    /// The predicted intercept position in the theatre's ENU frame.
    pub intercept_m: Vec3,
    /// The ground point below the intercept.
    pub intercept_point: GeoPoint,
    /// The intercept altitude, metres.
    pub intercept_altitude_m: f64,
    /// Distance from launcher to intercept, metres.
    pub slant_range_m: f64,
    /// Whether the launch waits for approval.
    pub needs_approval: bool,
    /// Where the debris of a kill can fall.
    pub debris: DebrisFootprint,
    /// Kill probability of the shot.
    pub pk: f64,
    /// Cost of the shot, USD.
    pub cost_usd: f64,
}

/// Checks one engagement (shooter, munition, track) at the context's time and returns its plan,
/// or the first reason it is not possible.
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
    if ctx.library.munition(stock.munition).pk(track.class) <= 0.0 {
        return Err(Infeasible::NoKillChance);
    }
    let rules = ctx.rules.nation(shooter.nation);
    if !rules.allows_class(track.class) {
        return Err(Infeasible::ClassNotAllowed);
    }
    let per_engagement = ctx.authority.mode == AuthorityMode::PerEngagement;
    let delay = if per_engagement {
        ctx.authority.approval_delay
    } else {
        SimDuration::ZERO
    };
    let plan = geometry_plan(ctx, shooter, munition, track, delay, per_engagement)
        .map_err(|reason| approval_blame(ctx, shooter, munition, track, per_engagement, reason))?;
    if plan.needs_approval || !rules.needs_approval_at(plan.intercept_point) {
        return Ok(plan);
    }
    geometry_plan(
        ctx,
        shooter,
        munition,
        track,
        ctx.authority.approval_delay,
        true,
    )
    .map_err(|_| Infeasible::AwaitingApproval)
}

/// The reason to give for a failed plan that waited `approval_delay` when `waited`:
/// [`Infeasible::AwaitingApproval`] when the same engagement is feasible at once, else `reason`.
fn approval_blame(
    ctx: &PlanningContext,
    shooter: &ShooterState,
    munition: MunitionIndex,
    track: &TrackEstimate,
    waited: bool,
    reason: Infeasible,
) -> Infeasible {
    let at_once = || geometry_plan(ctx, shooter, munition, track, SimDuration::ZERO, false);
    if waited && ctx.authority.approval_delay > SimDuration::ZERO && at_once().is_ok() {
        Infeasible::AwaitingApproval
    } else {
        reason
    }
}

fn geometry_plan(
    ctx: &PlanningContext,
    shooter: &ShooterState,
    munition: MunitionIndex,
    track: &TrackEstimate,
    approval_delay: SimDuration,
    needs_approval: bool,
) -> Result<InterceptPlan, Infeasible> {
    let kind = ctx.library.munition(munition);
    let earliest = ctx.now + approval_delay + shooter.reaction;
    let launch_time = earliest.max(shooter.ready_at);
    let lead_s = launch_time.since(ctx.now).as_secs_f64();
    let target_at_launch = extrapolate(track.position_m, track.velocity_mps, lead_s);
    let flight_s = time_of_flight_s(
        shooter.position_m,
        target_at_launch,
        track.velocity_mps,
        kind.speed_mps,
    )
    .ok_or(Infeasible::CannotCatch)?;
    let intercept_m = extrapolate(target_at_launch, track.velocity_mps, flight_s);
    let slant_range_m = norm(sub(intercept_m, shooter.position_m));
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
            .distance_to_country_m(intercept_point, *country)
            .unwrap_or(f64::INFINITY);
        if distance < *min_distance_m {
            return Err(Infeasible::TooCloseToBorder);
        }
    }
    let (speed_mps, heading_rad) = geometry.speed_and_heading(intercept_m, track.velocity_mps);
    let debris = debris_footprint(
        intercept_point,
        intercept_altitude_m,
        speed_mps,
        heading_rad,
    );
    if rules.forbids_debris_on_nato()
        && geometry.distance_to_nato_m(debris.centre) <= debris.radius_m
    {
        return Err(Infeasible::DebrisOverNato);
    }
    Ok(InterceptPlan {
        munition,
        launch_time,
        intercept_time: launch_time + SimDuration::from_secs_f64(flight_s),
        intercept_m,
        intercept_point,
        intercept_altitude_m,
        slant_range_m,
        needs_approval,
        debris,
        pk: kind.pk(track.class),
        cost_usd: kind.cost_usd,
    })
}
