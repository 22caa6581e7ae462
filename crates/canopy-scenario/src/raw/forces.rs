//! The forces of the file: the defenders' sites, patrols and sensors, and the raids against them.

use super::{RawPoint, RawRounds};
use crate::spanned::Spanned;
use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;

/// Most aircraft on station in one patrol, and most spares.
pub(crate) const MAX_AIRCRAFT: u32 = 64;
/// Highest altitude of a patrol on station or of an airborne radar's orbit, metres.
pub(crate) const MAX_ALTITUDE_M: f64 = 20_000.0;
/// Highest antenna of a radar on a mast, metres above the ground.
pub(crate) const MAX_MAST_HEIGHT_M: f64 = 1000.0;
/// Largest radius of an airborne radar's orbit, km.
pub(crate) const MAX_ORBIT_RADIUS_KM: f64 = 500.0;
/// Fastest airborne radar on its orbit, km/h.
pub(crate) const MAX_ORBIT_SPEED_KMH: f64 = 3000.0;
/// Largest radius of an acoustic network's field, km.
pub(crate) const MAX_FIELD_RADIUS_KM: f64 = 2000.0;
/// Most threats in one raid.
pub(crate) const MAX_THREATS: u32 = 100_000;

/// `[[site]]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSite {
    /// The site's id, unique among sites and patrols.
    pub id: Spanned<String>,
    /// The owning nation (a declared nation code).
    pub nation: Spanned<String>,
    /// The system, an id of the type library (data/library/systems.toml).
    pub system: Spanned<String>,
    /// Where the site is.
    pub at: RawPoint,
    /// Rounds by munition id, one entry or more; only munitions the system can fire (for guns,
    /// one round is one burst).
    pub magazine: RawRounds,
}

/// `[[patrol]]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPatrol {
    /// The patrol's id, unique among sites and patrols.
    pub id: Spanned<String>,
    /// The owning nation (a declared nation code).
    pub nation: Spanned<String>,
    /// The aircraft, an id of the type library (data/library/aircraft.toml).
    pub aircraft: Spanned<String>,
    /// Aircraft on station.
    #[schemars(range(min = 1, max = MAX_AIRCRAFT))]
    pub count: Spanned<i64>,
    /// Aircraft waiting at base to take over from one that goes home (default 0).
    #[schemars(range(min = 0, max = MAX_AIRCRAFT))]
    pub spares: Option<Spanned<i64>>,
    /// Rounds per aircraft by munition id; only munitions the aircraft can carry.
    pub loadout: RawRounds,
    /// The home base, a place id.
    pub base: Spanned<String>,
    /// The centre of the patrol's station, within the aircraft's combat radius of its base.
    pub station: RawPoint,
    /// Altitude on station, metres, above 0 (default: the aircraft's patrol altitude).
    #[schemars(range(max = MAX_ALTITUDE_M), extend("exclusiveMinimum" = 0))]
    pub altitude_m: Option<Spanned<f64>>,
    /// Time on station, more than zero (default: the aircraft's endurance).
    pub endurance: Option<Spanned<String>>,
    /// Clock time of the first arrival on station, within the run (default: the scenario start).
    pub on_station: Option<Spanned<String>>,
}

/// `[[sensor]]`: a sensor of the type library on a mast, in an orbit, or spread over a field.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSensorSite {
    /// The sensor's id, unique among sensors.
    pub id: Spanned<String>,
    /// The owning nation (a declared nation code).
    pub nation: Spanned<String>,
    /// The sensor, an id of the type library (data/library/sensors.toml).
    pub sensor: Spanned<String>,
    /// The mast, the centre of an orbit, or the centre of an acoustic field.
    pub at: RawPoint,
    /// Radar on a mast only: antenna height above the ground, metres (default: the type's).
    #[schemars(range(min = 0, max = MAX_MAST_HEIGHT_M))]
    pub height_m: Option<Spanned<f64>>,
    /// Airborne radar only: the circle the aircraft flies around `at`.
    pub orbit: Option<Spanned<RawOrbit>>,
    /// Acoustic network only: the radius of the disc it covers, km, above 0.
    #[schemars(range(max = MAX_FIELD_RADIUS_KM), extend("exclusiveMinimum" = 0))]
    pub field_radius_km: Option<Spanned<f64>>,
}

/// `orbit = { radius_km, altitude_m, speed_kmh }`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOrbit {
    /// The orbit's radius, km.
    #[schemars(range(min = 0, max = MAX_ORBIT_RADIUS_KM))]
    pub radius_km: Spanned<f64>,
    /// The aircraft's altitude, metres, above 0.
    #[schemars(range(max = MAX_ALTITUDE_M), extend("exclusiveMinimum" = 0))]
    pub altitude_m: Spanned<f64>,
    /// The aircraft's speed, km/h, above 0.
    #[schemars(range(max = MAX_ORBIT_SPEED_KMH), extend("exclusiveMinimum" = 0))]
    pub speed_kmh: Spanned<f64>,
}

/// `[[raid]]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRaid {
    /// The raid's id, unique among raids.
    pub id: Spanned<String>,
    /// The threat, an id of the type library (data/library/threats.toml).
    pub threat: Spanned<String>,
    /// Threats in the raid.
    #[schemars(range(min = 1, max = MAX_THREATS))]
    pub count: Spanned<i64>,
    /// The launch site or area: the raid's threats are dealt over these places by weight.
    pub launch: Spanned<RawChoice>,
    /// The first and last launch clock times; launches are spread evenly between them.
    #[schemars(length(min = 2, max = 2))]
    pub window: Spanned<Vec<Spanned<String>>>,
    /// The aim points: each launch place's threats are dealt over them by weight.
    pub targets: Spanned<RawChoice>,
    /// Waypoints flown in order between launch and target by every threat of the raid (default
    /// none).
    #[serde(default)]
    pub via: Vec<RawPoint>,
}

/// Places to spread a raid over: one id (`"kursk"`), a list of ids of equal weight
/// (`["lviv", "rivne"]`) or a table of id = weight (`{ kursk = 2, oryol = 1 }`), in file order.
#[derive(Debug, JsonSchema)]
#[schemars(untagged)]
pub(crate) enum RawChoice {
    /// One place id.
    One(String),
    /// Place ids of equal weight (a place listed twice counts twice).
    List(Vec<Spanned<String>>),
    /// Place ids with weights above 0.
    Weighted(#[schemars(with = "BTreeMap<String, f64>")] Vec<(Spanned<String>, Spanned<f64>)>),
}

impl<'de> Deserialize<'de> for RawChoice {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ChoiceVisitor;
        impl<'de> Visitor<'de> for ChoiceVisitor {
            type Value = RawChoice;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a place id, a list of place ids or a table of place id = weight")
            }
            fn visit_str<E: de::Error>(self, id: &str) -> Result<RawChoice, E> {
                Ok(RawChoice::One(id.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawChoice, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element()? {
                    ids.push(id);
                }
                Ok(RawChoice::List(ids))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawChoice, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(RawChoice::Weighted(entries))
            }
        }
        deserializer.deserialize_any(ChoiceVisitor)
    }
}
