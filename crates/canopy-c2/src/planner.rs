//! The planner seam: picture + shooters + rules -> engagement orders, and why the rest waits.

use canopy_core::{SimTime, TrackId, UnitId};
use canopy_scenario::{Authority, Library};

use crate::baseline::BaselinePlanner;
use crate::feasibility::{Geometry, Infeasible, InterceptPlan};
use crate::picture::AirPicture;
use crate::rulebook::RuleBook;
use crate::shooter::ShooterState;
use crate::wta_planner::WtaPlanner;

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

/// The names `planner_by_name` accepts, the default first.
pub const PLANNER_NAMES: &[&str] = &["wta", "baseline"];

/// The planner the commands use unless told otherwise.
pub const DEFAULT_PLANNER: &str = "wta";

/// The planner of this name, or an error listing the names allowed.
pub fn planner_by_name(name: &str) -> Result<Box<dyn Planner>, String> {
    match name {
        "wta" => Ok(Box::new(WtaPlanner)),
        "baseline" => Ok(Box::new(BaselinePlanner)),
        other => Err(format!(
            "unknown planner {other:?}; allowed: {}",
            PLANNER_NAMES.join(", ")
        )),
    }
}
