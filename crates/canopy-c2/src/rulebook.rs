//! Each nation's rules of engagement and zones, gathered from the scenario for quick lookup.

use canopy_core::NationId;
use canopy_geo::{CountryCode, GeoPoint, ZoneShape};
use canopy_scenario::{Rules, Scenario, ThreatClass, ZoneKind};

use crate::belief::ClassBelief;

/// The zones and rules of one nation.
#[derive(Clone, Debug, Default)]
pub struct NationRules {
    /// A coalition member (its engagements wait for approval under per-engagement authority),
    /// or Ukraine, which defends its own territory on its own authority.
    pub coalition: bool,
    /// Rules of engagement, `None` for a nation that engages nothing.
    pub rules: Option<Rules>,
    /// Zones inside which the nation may engage (by zone index, with id).
    pub engagement: Vec<(String, ZoneShape)>,
    /// Zones inside which it may not engage.
    pub no_fire: Vec<(String, ZoneShape)>,
    /// Zones inside which each engagement needs approval even under delegated authority.
    pub approval_required: Vec<(String, ZoneShape)>,
}

/// The rules of every nation of a scenario, indexed by [`NationId`].
#[derive(Clone, Debug, Default)]
pub struct RuleBook {
    nations: Vec<NationRules>,
}

impl RuleBook {
    /// Gathers the rules and zones of every nation of the scenario.
    pub fn from_scenario(scenario: &Scenario) -> RuleBook {
        let mut nations: Vec<NationRules> = scenario
            .nations
            .iter()
            .map(|nation| NationRules {
                coalition: nation.coalition,
                rules: nation.rules.clone(),
                ..NationRules::default()
            })
            .collect();
        for zone in &scenario.zones {
            for nation in &zone.nations {
                let entry = &mut nations[nation.index()];
                let list = match zone.kind {
                    ZoneKind::Engagement => &mut entry.engagement,
                    ZoneKind::NoFire => &mut entry.no_fire,
                    ZoneKind::ApprovalRequired => &mut entry.approval_required,
                };
                list.push((zone.id.clone(), zone.shape.clone()));
            }
        }
        RuleBook { nations }
    }

    /// The rules of one nation.
    pub fn nation(&self, nation: NationId) -> &NationRules {
        &self.nations[nation.index()]
    }
}

/// Least probability that a track is of a class the nation may engage, for a nation whose rules
/// leave out some class (assumed: 0.99, so that at most one engagement in a hundred of such a
/// nation may break its rules by C2's own reckoning: positive identification; plausible range
/// 0.95 to 0.999). At 0.9, the README's question 2 had breaches on 0.5 to 3.5 % of nights.
pub const IDENTIFIED_CLASS_PROBABILITY: f64 = 0.99;

impl NationRules {
    /// Whether the nation may engage this class of threat at all.
    pub fn allows_class(&self, class: ThreatClass) -> bool {
        self.rules
            .as_ref()
            .is_some_and(|rules| rules.threat_classes.contains(&class))
    }

    /// Whether the nation may engage a track C2 believes to be of each class with `belief`: a
    /// nation that may engage every class engages any track; one whose rules leave out some class
    /// engages a track only when the classes it may engage are at least
    /// [`IDENTIFIED_CLASS_PROBABILITY`] likely (a young track whose speed is still unknown may be
    /// the ballistic missile its rules forbid).
    pub fn allows_track(&self, belief: ClassBelief) -> bool {
        let every_class = ThreatClass::ALL.iter().all(|c| self.allows_class(*c));
        every_class
            || belief.share(|class| self.allows_class(class)) >= IDENTIFIED_CLASS_PROBABILITY
    }

    /// Whether a point lies inside one of the nation's engagement zones and in none of its
    /// no-fire zones.
    pub fn may_engage_at(&self, point: GeoPoint) -> bool {
        self.engagement.iter().any(|(_, zone)| zone.contains(point))
            && !self.no_fire.iter().any(|(_, zone)| zone.contains(point))
    }

    /// Whether an engagement at this point needs approval whatever the authority mode.
    pub fn needs_approval_at(&self, point: GeoPoint) -> bool {
        self.approval_required
            .iter()
            .any(|(_, zone)| zone.contains(point))
    }

    /// The minimum distances (metres) the nation keeps from named countries.
    pub fn min_distances(&self) -> &[(CountryCode, f64)] {
        self.rules
            .as_ref()
            .map_or(&[], |rules| rules.min_distance_from.as_slice())
    }

    /// The cost (USD) the planner weighs for a kill whose debris touches a populated area.
    pub fn populated_debris_cost_usd(&self) -> f64 {
        self.rules
            .as_ref()
            .map_or(0.0, |rules| rules.populated_debris_cost_usd)
    }

    /// Whether debris may not fall on NATO territory.
    pub fn forbids_debris_on_nato(&self) -> bool {
        self.rules
            .as_ref()
            .is_some_and(|rules| rules.forbid_debris_on_nato)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nation(classes: &[ThreatClass]) -> NationRules {
        NationRules {
            rules: Some(Rules {
                threat_classes: classes.to_vec(),
                min_distance_from: Vec::new(),
                forbid_debris_on_nato: false,
                populated_debris_cost_usd: 0.0,
            }),
            ..NationRules::default()
        }
    }

    #[test]
    fn a_restricted_nation_engages_identified_tracks_only() {
        let no_ballistic = nation(&[ThreatClass::Drone, ThreatClass::Decoy, ThreatClass::Cruise]);
        // A track 99.5 % cruise, 0.5 % ballistic may be engaged (0.995 >= 0.99); one 95 %
        // cruise, 5 % ballistic may not: it could be the ballistic missile the rules leave out.
        let fairly_sure = ClassBelief::from_weights([0.0, 0.0, 0.995, 0.005]);
        let unsure = ClassBelief::from_weights([0.0, 0.0, 0.95, 0.05]);
        assert!(no_ballistic.allows_track(fairly_sure));
        assert!(!no_ballistic.allows_track(unsure));
        assert!(!no_ballistic.allows_track(ClassBelief::certain(ThreatClass::Ballistic)));
        // A nation that may engage every class needs no identification.
        let every = nation(&ThreatClass::ALL);
        assert!(every.allows_track(unsure));
    }
}
