//! The registry of planners: a planner's name is parsed once, at the edge, into a
//! [`PlannerKind`], which then builds the planner.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::baseline::BaselinePlanner;
use crate::planning::Planner;
use crate::wta_planner::WtaPlanner;

/// Which planner makes the decisions; its name is what `--planner` accepts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlannerKind {
    /// Weapon-target assignment every cycle ([`WtaPlanner`]).
    #[default]
    Wta,
    /// The cheapest adequate munition per track ([`BaselinePlanner`]).
    Baseline,
}

impl PlannerKind {
    /// Every planner, the default first.
    pub const ALL: [PlannerKind; 2] = [PlannerKind::Wta, PlannerKind::Baseline];

    /// The planner's name, as written in files and on the command line.
    pub const fn name(self) -> &'static str {
        match self {
            PlannerKind::Wta => "wta",
            PlannerKind::Baseline => "baseline",
        }
    }

    /// A new planner of this kind.
    pub fn planner(self) -> Box<dyn Planner> {
        match self {
            PlannerKind::Wta => Box::new(WtaPlanner),
            PlannerKind::Baseline => Box::new(BaselinePlanner),
        }
    }
}

impl fmt::Display for PlannerKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A planner name that names no planner.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown planner {0:?}; allowed: {allowed}",
    allowed = PlannerKind::ALL.map(PlannerKind::name).join(", ")
)]
pub struct UnknownPlanner(pub String);

impl FromStr for PlannerKind {
    type Err = UnknownPlanner;

    fn from_str(name: &str) -> Result<PlannerKind, UnknownPlanner> {
        PlannerKind::ALL
            .into_iter()
            .find(|kind| kind.name() == name)
            .ok_or_else(|| UnknownPlanner(name.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back_to_their_kind_and_build_that_planner() {
        for kind in PlannerKind::ALL {
            assert_eq!(kind.to_string().parse::<PlannerKind>(), Ok(kind));
            assert_eq!(kind.planner().name(), kind.name());
        }
        assert_eq!(PlannerKind::default(), PlannerKind::ALL[0]);
        assert_eq!(PlannerKind::ALL.map(PlannerKind::name), ["wta", "baseline"]);
    }

    #[test]
    fn an_unknown_name_lists_the_names_allowed() {
        let error = "greedy".parse::<PlannerKind>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "unknown planner \"greedy\"; allowed: wta, baseline"
        );
    }

    #[test]
    fn serde_writes_the_same_lowercase_names() {
        for kind in PlannerKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{kind}\""));
            assert_eq!(serde_json::from_str::<PlannerKind>(&json).unwrap(), kind);
        }
    }
}
