//! The scenario file as written: permissive serde types (every checked value keeps its span for
//! error messages), turned into the typed [`crate::Scenario`] by `validate`. The same types
//! derive the file's JSON Schema (`crate::schema`): each field's doc comment is its key's
//! description there.

mod describe;
mod forces;
mod shapes;

pub(crate) use describe::*;
pub(crate) use forces::*;
pub(crate) use shapes::*;

use crate::model::AuthorityMode;
use crate::spanned::Spanned;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// `[lat, lon]` in degrees, as written.
pub(crate) type RawPoint = Spanned<LatLon>;
/// A list of ids.
pub(crate) type RawIds = Spanned<Vec<Spanned<String>>>;
/// A table of munition id -> rounds.
pub(crate) type RawRounds = Spanned<BTreeMap<Spanned<String>, Spanned<i64>>>;

/// `[latitude, longitude]` in degrees (the length is checked by validation, so that
/// `[lat, lon, extra]` is refused rather than cut short).
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub(crate) struct LatLon(pub Vec<f64>);

impl JsonSchema for LatLon {
    fn schema_name() -> Cow<'static, str> {
        "LatLon".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "array",
            "prefixItems": [
                { "type": "number", "minimum": -90, "maximum": 90 },
                { "type": "number", "minimum": -180, "maximum": 180 }
            ],
            "minItems": 2,
            "maxItems": 2
        })
    }
}

/// Just the version, read before anything else so that a file of another version gets a
/// clear message instead of unknown-key errors.
#[derive(Debug, Deserialize)]
pub(crate) struct VersionProbe {
    pub schema_version: Spanned<i64>,
}

/// A Canopy scenario: one night of strikes and the defence against them (docs/scenario-format.md).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Canopy scenario")]
pub(crate) struct RawScenario {
    // checked through `VersionProbe` before this type is read
    /// The version of the format.
    #[serde(rename = "schema_version")]
    #[schemars(with = "u32", extend("const" = 1))]
    pub _schema_version: de::IgnoredAny,
    /// The night: name, start, duration, seed and time steps.
    pub scenario: RawHeader,
    /// Where the model starts: without it, every threat is followed over its whole flight.
    #[serde(default)]
    pub theatre: RawTheatre,
    /// The nations, Ukraine and the coalition members; numbered in file order.
    pub nation: Vec<Spanned<RawNation>>,
    /// Rules of engagement: exactly one per nation with sites or patrols.
    #[serde(default)]
    pub rules: Vec<RawRules>,
    /// Areas where nations may engage, may not engage, or need approval.
    #[serde(default)]
    pub zone: Vec<Spanned<RawZone>>,
    /// Ground-based air-defence sites.
    #[serde(default)]
    pub site: Vec<RawSite>,
    /// Fighters on combat air patrol.
    #[serde(default)]
    pub patrol: Vec<RawPatrol>,
    /// The raids: threats of one type launched over a time window.
    #[serde(default)]
    pub raid: Vec<RawRaid>,
    /// Radars, airborne early warning and acoustic networks.
    #[serde(default)]
    pub sensor: Vec<RawSensorSite>,
    /// Electronic-warfare areas, where drones and decoys may lose their way.
    #[serde(default)]
    pub ew: Vec<Spanned<RawEw>>,
    /// Who approves engagements, and how fast.
    pub authority: RawAuthority,
    /// What command and control can tell apart, and how it weighs cost against damage.
    #[serde(default)]
    pub c2: RawC2,
    /// Extra named points, referenced like the rows of data/places.csv.
    #[serde(default)]
    pub place: Vec<RawPlace>,
    /// What a Monte Carlo treats as unknown besides the dice.
    #[serde(default)]
    pub uncertainty: RawUncertainty,
    /// The value of single aim points in US dollars, by place id; an aim point left out takes the
    /// type library's value of its kind of place.
    #[serde(default)]
    pub aim_point_value_usd: BTreeMap<Spanned<String>, Spanned<f64>>,
}

/// `[uncertainty]` (optional).
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawUncertainty {
    /// Whether each replication of `canopy mc` draws the type library's uncertain parameters
    /// from their ranges (default false).
    #[serde(default)]
    pub sample_library_ranges: bool,
}

/// `[scenario]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawHeader {
    /// The scenario's short name.
    pub name: String,
    /// Free text (default empty).
    #[serde(default)]
    pub description: String,
    /// The start instant, UTC; clock times of the file are read relative to it.
    #[schemars(with = "String")]
    pub start: Spanned<toml::Value>,
    /// The hard cap of a run, more than zero (a run ends earlier when every threat is resolved).
    pub duration: Spanned<String>,
    /// The master seed (`canopy run --seed` overrides it).
    #[schemars(range(min = 0))]
    pub seed: Spanned<i64>,
    /// The engine's time step, more than zero and at most the duration.
    pub step: Option<Spanned<String>>,
    /// Time between two decision cycles of C2, more than zero and at most the duration.
    pub decision_cycle: Option<Spanned<String>>,
}

/// `[theatre]` (optional): both keys, or neither for whole flights.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTheatre {
    /// The meridian where threats enter the model (where their route first crosses it going
    /// west, or at launch when launched west of it), degrees.
    #[schemars(range(min = -180, max = 180))]
    pub entry_meridian_deg: Option<Spanned<f64>>,
    /// Probability that a threat is destroyed outside the model before it enters the theatre.
    #[schemars(range(min = 0, max = 1))]
    pub en_route_attrition: Option<Spanned<f64>>,
}

/// `[[nation]]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNation {
    /// The nation's ISO 3166-1 alpha-2 code, unique.
    #[schemars(regex(pattern = r"^[A-Z]{2}$"))]
    pub code: Spanned<String>,
    /// The nation's name.
    pub name: String,
    /// True for a coalition member helping Ukraine, false for Ukraine itself (a defender too).
    pub coalition: bool,
}

/// `[[rules]]`: one nation's rules of engagement.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRules {
    /// The nation the rules are for.
    pub nation: Spanned<String>,
    /// The classes of threat the nation may engage, each once.
    #[schemars(length(min = 1))]
    pub threat_classes: Spanned<Vec<Spanned<crate::library::ThreatClass>>>,
    /// How far the intercept point must be from each country, km, by country code (`{}` for
    /// none).
    pub min_distance_from_km: BTreeMap<Spanned<String>, Spanned<f64>>,
    /// True: no engagement whose debris footprint touches NATO territory.
    pub forbid_debris_on_nato: bool,
    /// What the wta planner weighs against a kill whose debris footprint touches a populated
    /// area, US dollars (default 0).
    #[schemars(range(min = 0))]
    pub populated_debris_cost_usd: Option<Spanned<f64>>,
}

/// `[authority]`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAuthority {
    /// Delegated: shooters engage on their own authority, except in approval-required zones;
    /// per-engagement: every engagement of a coalition nation waits for approval.
    pub mode: AuthorityMode,
    /// Time from an approval's request to its answer, 0 or more.
    pub approval_delay: Spanned<String>,
    /// Requests for approval of intercepts near a country are refused (optional).
    #[serde(default)]
    pub refuse_within_km_of: Option<RawRefusal>,
}

/// `refuse_within_km_of = { country = "BY", distance_km = 30 }`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRefusal {
    /// The country, a code of data/borders.geojson.
    pub country: Spanned<String>,
    /// How near to the country an intercept point must be for its approval to be refused, km.
    #[schemars(range(min = 0))]
    pub distance_km: Spanned<f64>,
}

/// `[c2]` (optional): what the command and control centre can tell apart.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawC2 {
    /// Probability that C2 recognises a decoy's track as a decoy, drawn once per decoy
    /// (default 0).
    #[schemars(range(min = 0, max = 1))]
    pub decoy_discrimination: Option<Spanned<f64>>,
    /// How long a track must have been held before C2 can recognise it (default "0s").
    pub decoy_discrimination_after: Option<Spanned<String>>,
    /// λ, the weight of one USD of interceptor cost against one USD of damage averted in the
    /// wta planner's objective (default 2).
    #[schemars(range(min = 0))]
    pub cost_weight: Option<Spanned<f64>>,
}

/// `[[place]]`: an extra named point, like a row of `data/places.csv`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPlace {
    /// The place's id, new among the places.
    pub id: Spanned<String>,
    /// Its name.
    pub name: String,
    /// Where it is.
    pub at: RawPoint,
    /// Its kind, e.g. "city", "launch_area".
    pub kind: String,
    /// Its country, e.g. "UA".
    pub country: String,
}
