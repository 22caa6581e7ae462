//! The planner seam: picture + shooters + rules -> engagement orders, and why the rest waits.
//!
//! What every planner consults ([`PlanningContext`]), what it produces ([`Plan`] of
//! [`EngagementOrder`]s, each an [`InterceptPlan`]), and the [`Planner`] trait itself. The
//! planners are chosen by name in [`crate::registry`].

use canopy_core::{SimTime, TrackId, UnitId};
use canopy_geo::{EnuPosition, GeoPoint};
use canopy_scenario::{Authority, Library, MunitionIndex};

use crate::debris::DebrisFootprint;
use crate::geometry::Geometry;
use crate::infeasible::Infeasible;
use crate::picture::AirPicture;
use crate::rulebook::RuleBook;
use crate::shooter::ShooterState;
use crate::threat::DefendedAsset;

/// Kill probability at or above which a munition counts as adequate.
pub const ADEQUATE_PK: f64 = 0.5;

/// What a planner may consult besides the picture and the shooters.
#[derive(Clone, Copy)]
pub struct PlanningContext<'a> {
    /// The decision time.
    pub now: SimTime,
    /// The type library (munition kinematics, kill probabilities, costs).
    pub library: &'a Library,
    /// Every nation's rules and zones.
    pub rules: &'a RuleBook,
    /// The theatre's frame and borders.
    pub geometry: &'a Geometry,
    /// Who approves engagements, and how long it takes.
    pub authority: &'a Authority,
    /// Tracks with an engagement already ordered and not yet resolved, in ascending order.
    pub committed: &'a [TrackId],
    /// Tracks for which an approval was refused, in ascending order: C2 asks no more approvals
    /// for them that the authority's refusal rule would refuse.
    pub refused: &'a [TrackId],
    /// The aim points C2 defends, with their values.
    pub assets: &'a [DefendedAsset],
    /// λ: the weight of one US dollar of interceptor cost against one dollar of damage averted
    /// (scenario `[c2] cost_weight`).
    pub cost_weight: f64,
}

/// One order: this shooter engages this track as planned.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EngagementOrder {
    /// The track engaged.
    pub track: TrackId,
    /// The shooter.
    pub shooter: UnitId,
    /// When, with what and where.
    pub plan: InterceptPlan,
}

/// The outcome of one decision cycle.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    /// Engagements ordered this cycle.
    pub orders: Vec<EngagementOrder>,
    /// Tracks left unengaged (and not already committed), each with the furthest reason reached.
    pub unengaged: Vec<(TrackId, Infeasible)>,
    /// When set, no engagement can become possible before this time unless a track appears, an
    /// engagement resolves or a shooter becomes available (tracks keeping their speed): the engine
    /// may skip decision cycles until then.
    pub quiet_until: Option<SimTime>,
}

/// Turns the picture into engagement orders each decision cycle.
pub trait Planner: Send {
    /// The planner's name, as given to `--planner`.
    fn name(&self) -> &'static str;
    /// Plans one decision cycle.
    fn plan(
        &mut self,
        ctx: &PlanningContext,
        picture: &AirPicture,
        shooters: &[ShooterState],
    ) -> Plan;
}

/// A feasible engagement: when to launch, where and when to meet the target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InterceptPlan {
    /// The munition to fire.
    pub munition: MunitionIndex,
    /// When the interceptor leaves the launcher.
    pub launch_time: SimTime,
    /// Where the launcher is at launch (a vectored fighter's launch point), theatre ENU frame.
    pub launch_m: EnuPosition,
    /// How far a vectored fighter dashes from its station to the launch point, metres (0 for a
    /// launch from the shooter's position).
    pub dash_m: f64,
    /// When it is predicted to meet the target.
    pub intercept_time: SimTime,
    /// The predicted intercept position in the theatre's ENU frame.
    pub intercept_m: EnuPosition,
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
    /// The cost (USD) the shooter's nation weighs for a kill whose debris footprint touches a
    /// populated area: its rules' `populated_debris_cost_usd` when it does, else 0.
    pub populated_debris_cost_usd: f64,
}

/// Books an ordered engagement against the shooter's state for the rest of the cycle. A vectored
/// fighter leaves its station, so it takes no other engagement this cycle.
pub(crate) fn commit(shooter: &mut ShooterState, plan: &InterceptPlan) {
    shooter.free_channels -= 1;
    if plan.dash_m > 0.0 {
        shooter.free_channels = 0;
    }
    shooter.ready_at = plan.launch_time + shooter.launch_interval;
    if let Some(stock) = shooter
        .munitions
        .iter_mut()
        .find(|stock| stock.munition == plan.munition)
    {
        stock.rounds -= 1;
    }
}
