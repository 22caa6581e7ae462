//! Each nation's rules of engagement and zones, gathered from the scenario for quick lookup.

use canopy_core::NationId;
use canopy_geo::{CountryCode, GeoPoint, ZoneShape};
use canopy_scenario::{Rules, Scenario, ThreatClass, ZoneKind};

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

impl NationRules {
    /// Whether the nation may engage this class of threat at all.
    pub fn allows_class(&self, class: ThreatClass) -> bool {
        self.rules
            .as_ref()
            .is_some_and(|rules| rules.threat_classes.contains(&class))
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

    /// Whether debris may not fall on NATO territory.
    pub fn forbids_debris_on_nato(&self) -> bool {
        self.rules
            .as_ref()
            .is_some_and(|rules| rules.forbid_debris_on_nato)
    }
}
