//! A small theatre for C2's tests: what a [`PlanningContext`] borrows (geometry, rules, library,
//! authority), built from a short scenario text, and shooters and tracks placed by hand.

#![allow(dead_code)]

use std::path::Path;

use canopy_c2::{
    Geometry, MunitionStock, NationSet, PlanningContext, RuleBook, ShooterKind, ShooterState,
    TrackEstimate,
};
use canopy_core::{NationId, SimDuration, SimTime, TrackId, UnitId};
use canopy_geo::{EnuPosition, EnuVelocity};
use canopy_scenario::{MunitionIndex, Scenario, ThreatClass, parse_scenario};

/// Ukraine alone under delegated authority, with no en-route attrition, starting at 22:00 UTC:
/// a NASAMS site at [49.80, 25.00] and one Shahed-136 launched from [49.80, 25.30] (about
/// 21.6 km east of the site) towards a depot at [49.80, 24.60], all within Ukraine. Ukraine may
/// engage every class anywhere over Ukraine, and its debris may not fall on NATO territory.
const NASAMS_SCENARIO: &str = r#"
schema_version = 1

[scenario]
name = "test-nasams"
start = "2024-07-09T22:00:00Z"
duration = "8h"
seed = 7

[theatre]
entry_meridian_deg = 30.0
en_route_attrition = 0.0

[[nation]]
code = "UA"
name = "Ukraine"
coalition = false

[[rules]]
nation = "UA"
threat_classes = ["drone", "decoy", "cruise", "ballistic"]
min_distance_from_km = {}
forbid_debris_on_nato = true

[[zone]]
id = "ukraine"
kind = "engagement"
nations = ["UA"]
countries = ["UA"]

[[place]]
id = "test-launch"
name = "test-launch"
at = [49.8, 25.3]
kind = "military_area"
country = "UA"

[[place]]
id = "test-depot"
name = "test-depot"
at = [49.8, 24.6]
kind = "military_area"
country = "UA"

[[site]]
id = "ua-nasams"
nation = "UA"
system = "nasams"
at = [49.80, 25.00]
magazine = { aim-120c-gl = 200 }

[[raid]]
id = "wave"
threat = "shahed-136"
count = 1
launch = "test-launch"
window = ["22:00", "22:10"]
targets = ["test-depot"]

[authority]
mode = "delegated"
approval_delay = "90s"
"#;

/// The scenario of [`NASAMS_SCENARIO`], validated.
pub fn nasams_scenario() -> Scenario {
    parse_scenario(NASAMS_SCENARIO, Path::new("test-nasams.toml")).expect("test scenario is valid")
}

/// A scenario with what C2 derives from it: the theatre's geometry and every nation's rules.
pub struct Fixture {
    /// The validated scenario (its library and authority).
    pub scenario: Scenario,
    /// The theatre's frame and borders.
    pub geometry: Geometry,
    /// Every nation's rules and zones.
    pub rules: RuleBook,
}

impl Fixture {
    /// The fixture of a scenario.
    pub fn new(scenario: Scenario) -> Fixture {
        Fixture {
            geometry: Geometry::from_scenario(&scenario),
            rules: RuleBook::from_scenario(&scenario),
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
