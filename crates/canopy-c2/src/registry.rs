//! The registry of planners: each planner by its name.

use crate::baseline::BaselinePlanner;
use crate::planning::Planner;
use crate::wta_planner::WtaPlanner;

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
