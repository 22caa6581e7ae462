//! The choice of picture and planner, shared by the commands that run replications.

use canopy_sim::{PictureMode, PlannerKind};

/// `--picture` and `--planner`, parsed into their enums at the edge.
#[derive(clap::Args, Clone, Copy, Debug)]
pub struct C2Args {
    /// Air picture C2 plans on: tracked (sensors and tracker) or perfect (truth).
    #[arg(long, default_value_t, value_parser = str::parse::<PictureMode>)]
    pub picture: PictureMode,
    /// Planner: wta (weapon-target assignment) or baseline (cheapest adequate shot).
    #[arg(long, default_value_t, value_parser = str::parse::<PlannerKind>)]
    pub planner: PlannerKind,
}
