//! Command and control: what the coalition decides from its air picture.
//!
//! C2 never reads truth. It sees an [`AirPicture`] of [`TrackEstimate`]s and the state of its
//! shooters, checks every candidate engagement against the envelope, the shooter nation's zones
//! and rules and the debris rule ([`feasibility`]), and a [`Planner`] turns the feasible candidates
//! into engagement orders, with a reason ([`Infeasible`]) for every threat it leaves unengaged.
//!
//! Positions and velocities are `canopy-geo`'s theatre-frame types ([`canopy_geo::EnuPosition`],
//! [`canopy_geo::EnuVelocity`]), with their vector arithmetic.
//!
//! The modules depend one way: each row imports only the rows below it.
//!
//! ```text
//! registry                          a planner by name (PlannerKind)
//! baseline, wta_planner             the two planners
//! feasibility, reach                one engagement checked; the tracks each shooter may reach
//! vectoring, intercept, threat      fighter dashes; intercept geometry; threat evaluation
//! planning                          the seam: PlanningContext, InterceptPlan, Plan, Planner
//! geometry, rulebook, shooter,      what planning consults and decides on
//! picture, debris, infeasible,
//! populated
//! layers                            the sites a track will pass later
//! waiting                           whether waiting beats a shot now
//! classify                          class beliefs from a track's evidence
//! belief                            a probability over the threat classes
//! ```

pub mod baseline;
pub mod belief;
pub mod classify;
pub mod debris;
pub mod feasibility;
pub mod fights;
pub mod geometry;
pub mod infeasible;
pub mod intercept;
pub mod layers;
pub mod picture;
pub mod planning;
pub mod populated;
mod reach;
pub mod registry;
pub mod rulebook;
pub mod shooter;
pub mod threat;
pub mod vectoring;
pub mod waiting;
pub mod wta_planner;

pub use baseline::BaselinePlanner;
pub use belief::ClassBelief;
pub use classify::{ClassEvidence, class_belief};
pub use debris::{DebrisFootprint, debris_footprint, debris_throw_m};
pub use feasibility::check_engagement;
pub use geometry::Geometry;
pub use infeasible::Infeasible;
pub use picture::{AirPicture, NationSet, TrackEstimate};
pub use planning::{EngagementOrder, InterceptPlan, Plan, Planner, PlanningContext};
pub use populated::PopulatedAreas;
pub use registry::{PlannerKind, UnknownPlanner};
pub use rulebook::RuleBook;
pub use shooter::{Magazine, MunitionStock, ShooterKind, ShooterState, Vectoring};
pub use threat::{DefendedAsset, ThreatAssessment, assess, defended_assets};
pub use wta_planner::WtaPlanner;
