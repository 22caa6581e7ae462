//! Scenario files for Canopy: the hand-writable TOML format, its validation into a typed model in
//! SI units, and the type library of threats, munitions, ground systems and aircraft.
//!
//! # Two stages
//! A file is first read into permissive serde types (every value that is checked later keeps its
//! byte span), then validated into [`Scenario`]: ids resolved to typed indices, positions to
//! [`canopy_geo::GeoPoint`]s, times to [`canopy_core::SimTime`], every number in SI units. Only the
//! validated model reaches the engine. Every problem becomes one [`ScenarioError`] naming the
//! file, the line and column, the field path (`raid[2].count`, 0-based) and what is allowed; input
//! never panics and nothing is silently defaulted (the few optional keys have documented
//! defaults).
//!
//! ```
//! let scenario = canopy_scenario::default_scenario()?;
//! assert_eq!(scenario.name, "western-shield");
//! let err = canopy_scenario::parse_scenario("schema_version = 2", "x.toml".as_ref()).unwrap_err();
//! assert_eq!(err.to_string(), "x.toml:1:18: field `schema_version`: unknown schema_version 2; allowed: schema_version = 1");
//! # Ok::<(), canopy_scenario::ScenarioError>(())
//! ```
//!
//! # Zones and rules of engagement
//! A nation may engage at a point when the point is inside at least one `engagement` zone that
//! lists the nation and inside none of the `no-fire` zones that list it; inside an
//! `approval-required` zone that lists it, each engagement needs approval even under delegated
//! authority ([`Scenario::zone_verdict`]). A nation with no engagement zone could never engage, so
//! a nation with sites or patrols must have one (and exactly one `[[rules]]`). The rules add the
//! threat classes it may engage, minimum distances of the intercept point from named countries, and
//! whether debris may fall on NATO territory.
//!
//! # Type library
//! `data/library/*.toml` (compiled in, see [`Library::bundled`]) gives every number as
//! `{ value, source = "URL" }` or `{ value, assumed = "reasoning", range = [low, high] }`; the
//! validated types keep the SI value and, in `provenance`, the range and source of each.
//!
//! The file format is described for users in `docs/scenario-format.md`; its JSON Schema, for
//! editors, is generated from the same raw types ([`scenario_schema`], `canopy schema`).

mod bundled_places;
pub mod cities;
mod clock;
pub mod deal;
mod error;
mod ids;
pub mod library;
mod load;
mod model;
mod overlay;
mod places;
mod raw;
mod schema;
mod source;
mod spanned;
mod summary;
pub mod units;
mod validate;

pub use cities::City;
pub use deal::Weighted;
pub use error::{ErrorKind, Location, ScenarioError};
pub use library::{
    AimModel, AircraftIndex, AircraftType, ClassModel, DisEntityType, Evaluation, Library,
    MunitionIndex, MunitionKind, MunitionType, PlaceKindValue, SensorIndex, SensorKind, SensorType,
    SystemIndex, SystemType, ThreatClass, ThreatIndex, ThreatType,
};
pub use load::{
    DEFAULT_SCENARIO_TOML, default_scenario, default_scenario_path, load_scenario,
    load_scenario_with, parse_scenario, scenario_from_bytes,
};
pub use model::{
    AimPoint, Authority, AuthorityMode, C2Settings, DEFAULT_COST_WEIGHT, EntryMeridian, EwArea,
    Nation, Patrol, Raid, Refusal, Rules, Scenario, SensorPlatform, SensorSite, Site, Theatre,
    Uncertainty, Zone, ZoneKind, ZoneVerdict,
};
pub use overlay::{Overlay, apply_overlays};
pub use places::{Place, Places};
pub use schema::{SCHEMA_PATH, scenario_schema, scenario_schema_json};
