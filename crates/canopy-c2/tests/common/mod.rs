//! A small theatre for C2's tests: what a [`PlanningContext`] borrows (geometry, rules, library,
//! authority), built from a short scenario text, and shooters and tracks placed by hand.

#![allow(dead_code)]

use canopy_c2::{
    DefendedAsset, Geometry, MunitionStock, NationSet, PlanningContext, RuleBook, ShooterKind,
    ShooterState, TrackEstimate, defended_assets,
};
use canopy_core::{NationId, SimDuration, SimTime, TrackId, UnitId};
use canopy_geo::{EnuPosition, EnuVelocity};
use canopy_scenario::{MunitionIndex, Scenario, ThreatClass};

#[path = "../../../../tests/fixtures/scenarios.rs"]
mod scenarios;

/// Ukraine alone under delegated authority, with no en-route attrition, starting at 22:00 UTC:
/// a NASAMS site at [49.80, 25.00] and one Shahed-136 launched from [49.80, 25.30] (about
/// 21.6 km east of the site) towards a depot at [49.80, 24.60], all within Ukraine. Ukraine may
/// engage every class anywhere over Ukraine, and its debris may not fall on NATO territory.
pub fn nasams_scenario() -> Scenario {
    scenarios::nasams_scenario(1, scenarios::DELEGATED, true)
}

/// A scenario with what C2 derives from it: the theatre's geometry and every nation's rules.
pub struct Fixture {
    /// The validated scenario (its library and authority).
    pub scenario: Scenario,
    /// The theatre's frame and borders.
    pub geometry: Geometry,
    /// Every nation's rules and zones.
    pub rules: RuleBook,
    /// The raids' aim points, as C2 defends them.
    pub assets: Vec<DefendedAsset>,
}

impl Fixture {
    /// The fixture of a scenario.
    pub fn new(scenario: Scenario) -> Fixture {
        let geometry = Geometry::from_scenario(&scenario);
        let assets = defended_assets(&scenario, &geometry);
        Fixture {
            geometry,
            rules: RuleBook::from_scenario(&scenario),
            assets,
            scenario,
        }
    }

    /// The planning context at the start, with no engagement committed or refused.
    pub fn context(&self, cost_weight: f64) -> PlanningContext<'_> {
        PlanningContext {
            now: SimTime::START,
            library: &self.scenario.library,
            rules: &self.rules,
            geometry: &self.geometry,
            authority: &self.scenario.authority,
            committed: &[],
            refused: &[],
            assets: &self.assets,
            cost_weight,
        }
    }

    /// The munition of the type library with this id.
    pub fn munition(&self, id: &str) -> MunitionIndex {
        self.scenario
            .library
            .munition_index(id)
            .expect("a munition of the library")
    }

    /// A ground site of the first nation (Ukraine), ready at once, with one fire channel and one
    /// round of each munition named (ids of the type library).
    pub fn site(&self, unit: u32, position_m: EnuPosition, munitions: &[&str]) -> ShooterState {
        ShooterState {
            unit: UnitId(unit),
            nation: NationId(0),
            kind: ShooterKind::Site,
            available: true,
            position_m,
            ready_at: SimTime::START,
            free_channels: 1,
            reaction: SimDuration::ZERO,
            launch_interval: SimDuration::ZERO,
            munitions: munitions
                .iter()
                .map(|id| MunitionStock {
                    munition: self.munition(id),
                    rounds: 1,
                })
                .collect(),
            vectoring: None,
        }
    }
}

/// A track of `class`, known exactly and with certainty, at `position_m` moving at
/// `velocity_mps`.
pub fn exact_track(
    id: u64,
    class: ThreatClass,
    position_m: EnuPosition,
    velocity_mps: EnuVelocity,
) -> TrackEstimate {
    let state = (position_m, velocity_mps);
    TrackEstimate::exact(TrackId(id), class, state, NationSet::default())
}
