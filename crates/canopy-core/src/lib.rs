//! Canopy's foundation types: simulation time, typed identifiers and names, and seeded random
//! streams.
//!
//! Everything here is free of geography and scenario knowledge so that every other crate can
//! depend on it.

pub mod human;
pub mod ids;
pub mod names;
pub mod rng;
pub mod time;

pub use ids::{EngagementId, NationId, PatrolId, ThreatId, TrackId, UnitId};
pub use names::{MunitionName, PlaceName, ThreatTypeName, UnitName};
pub use rng::{RngStream, StreamKey};
pub use time::{DurationParseError, SimDuration, SimTime};
