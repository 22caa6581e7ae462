//! The one-line account of a valid scenario that `canopy validate` prints.

use std::collections::BTreeSet;

use crate::library::ThreatClass;
use crate::model::{AuthorityMode, Scenario};

impl Scenario {
    /// What the scenario holds, in one line: `valid scenario `NAME`: 5 nations, 13 sites, ...;
    /// 8 raids (65 drone, ...) against 10 targets; per-engagement authority`.
    pub fn summary(&self) -> String {
        let targets: BTreeSet<&str> = self
            .raids
            .iter()
            .flat_map(|raid| raid.target_places().map(|t| t.id.as_str()))
            .collect();
        let threats: Vec<String> = ThreatClass::ALL
            .iter()
            .map(|&class| format!("{} {}", self.threat_count(class), class.as_str()))
            .collect();
        let mode = match self.authority.mode {
            AuthorityMode::Delegated => "delegated",
            AuthorityMode::PerEngagement => "per-engagement",
        };
        format!(
            "valid scenario `{}`: {} nations, {} sites, {} patrols, {} zones, {} EW areas; {} raids ({}) against {} targets; {} authority",
            self.name,
            self.nations.len(),
            self.sites.len(),
            self.patrols.len(),
            self.zones.len(),
            self.ew.len(),
            self.raids.len(),
            threats.join(", "),
            targets.len(),
            mode,
        )
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn summarises_the_default_scenario() {
        let scenario = crate::default_scenario().unwrap();
        assert_eq!(
            scenario.summary(),
            "valid scenario `western-shield`: 5 nations, 13 sites, 7 patrols, 10 zones, 0 EW areas; \
             8 raids (65 drone, 35 decoy, 30 cruise, 4 ballistic) against 10 targets; \
             per-engagement authority"
        );
    }
}
