//! Command and control: what the coalition decides from its air picture.
//!
//! C2 never reads truth. It sees an [`AirPicture`] of [`TrackEstimate`]s and the state of its
//! shooters, checks every candidate engagement against the envelope, the shooter nation's zones
//! and rules and the debris rule ([`feasibility`]), and a [`Planner`] turns the feasible candidates
//! into engagement orders, with a reason for every threat it leaves unengaged.

pub mod baseline;
pub mod debris;
pub mod feasibility;
pub mod intercept;
pub mod picture;
pub mod planner;
mod reach;
pub mod rulebook;
pub mod shooter;
pub mod threat;
pub mod vector;
pub mod vectoring;
pub mod wta_planner;

pub use baseline::BaselinePlanner;
pub use debris::{DebrisFootprint, debris_footprint, debris_throw_m};
pub use feasibility::{Geometry, Infeasible, InterceptPlan, check_engagement};
pub use picture::{AirPicture, NationSet, TrackEstimate};
pub use planner::{
    DEFAULT_PLANNER, EngagementOrder, PLANNER_NAMES, Plan, Planner, PlanningContext,
    planner_by_name,
};
pub use rulebook::RuleBook;
pub use shooter::{Magazine, MunitionStock, ShooterKind, ShooterState};
pub use threat::{ThreatAssessment, assess};
pub use vectoring::Vectoring;
pub use wta_planner::WtaPlanner;
