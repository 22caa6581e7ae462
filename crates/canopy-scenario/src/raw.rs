//! The scenario file as written: permissive serde types (every checked value keeps its span for
//! error messages), turned into the typed [`crate::Scenario`] by `validate`.

use crate::library::ThreatClass;
use crate::model::{AuthorityMode, ZoneKind};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;
use toml::Spanned;

/// `[lat, lon]` in degrees (the length is checked by validation, so that `[lat, lon, extra]` is
/// refused rather than cut short).
pub(crate) type RawPoint = Spanned<Vec<f64>>;
/// A list of ids.
pub(crate) type RawIds = Spanned<Vec<Spanned<String>>>;
/// A table of munition id -> rounds.
pub(crate) type RawRounds = Spanned<BTreeMap<Spanned<String>, Spanned<i64>>>;

/// Just the version, read before anything else so that a file of another version gets a
/// clear message instead of unknown-key errors.
#[derive(Debug, Deserialize)]
pub(crate) struct VersionProbe {
    pub schema_version: Spanned<i64>,
}

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawScenario {
    /// Checked through [`VersionProbe`] before this type is read.
    #[serde(rename = "schema_version")]
    pub _schema_version: de::IgnoredAny,
    pub scenario: RawHeader,
    #[serde(default)]
    pub theatre: RawTheatre,
    pub nation: Vec<Spanned<RawNation>>,
    #[serde(default)]
    pub rules: Vec<RawRules>,
    #[serde(default)]
    pub zone: Vec<Spanned<RawZone>>,
    #[serde(default)]
    pub site: Vec<RawSite>,
    #[serde(default)]
    pub patrol: Vec<RawPatrol>,
    #[serde(default)]
    pub raid: Vec<RawRaid>,
    #[serde(default)]
    pub sensor: Vec<RawSensorSite>,
    #[serde(default)]
    pub ew: Vec<Spanned<RawEw>>,
    pub authority: RawAuthority,
    #[serde(default)]
    pub c2: RawC2,
    #[serde(default)]
    pub place: Vec<RawPlace>,
    #[serde(default)]
    pub uncertainty: RawUncertainty,
    #[serde(default)]
    pub aim_point_value_usd: BTreeMap<Spanned<String>, Spanned<f64>>,
}

/// `[uncertainty]` (optional).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawUncertainty {
    #[serde(default)]
    pub sample_library_ranges: bool,
}

/// `[scenario]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawHeader {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// A quoted RFC 3339 text or a TOML date-time.
    pub start: Spanned<toml::Value>,
    pub duration: Spanned<String>,
    pub seed: Spanned<i64>,
    pub step: Option<Spanned<String>>,
    pub decision_cycle: Option<Spanned<String>>,
}

/// `[theatre]` (optional): both keys, or neither for whole flights.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTheatre {
    pub entry_meridian_deg: Option<Spanned<f64>>,
    pub en_route_attrition: Option<Spanned<f64>>,
}

/// `[[nation]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNation {
    pub code: Spanned<String>,
    pub name: String,
    pub coalition: bool,
}

/// `[[rules]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRules {
    pub nation: Spanned<String>,
    pub threat_classes: Spanned<Vec<Spanned<ThreatClass>>>,
    pub min_distance_from_km: BTreeMap<Spanned<String>, Spanned<f64>>,
    pub forbid_debris_on_nato: bool,
    pub populated_debris_cost_usd: Option<Spanned<f64>>,
}

/// `[[zone]]`: an id, a kind, the nations it applies to and exactly one shape.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawZone {
    pub id: Spanned<String>,
    pub kind: ZoneKind,
    pub nations: RawIds,
    pub west_of_meridian: Option<Spanned<f64>>,
    pub east_of_meridian: Option<Spanned<f64>>,
    pub polygon: Option<Spanned<RawPolygon>>,
    pub circle: Option<Spanned<RawCircle>>,
    pub countries: Option<RawIds>,
}

/// `[[ew]]`: electronic warfare over an area of any zone shape.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEw {
    pub id: Spanned<String>,
    pub nation: Spanned<String>,
    pub lost_share: Spanned<f64>,
    pub west_of_meridian: Option<Spanned<f64>>,
    pub east_of_meridian: Option<Spanned<f64>>,
    pub polygon: Option<Spanned<RawPolygon>>,
    pub circle: Option<Spanned<RawCircle>>,
    pub countries: Option<RawIds>,
}

/// The shape keys of a zone or an EW area, of which exactly one is given.
pub(crate) struct RawShape<'a> {
    pub west_of_meridian: Option<&'a Spanned<f64>>,
    pub east_of_meridian: Option<&'a Spanned<f64>>,
    pub polygon: Option<&'a Spanned<RawPolygon>>,
    pub circle: Option<&'a Spanned<RawCircle>>,
    pub countries: Option<&'a RawIds>,
}

/// Declares `shape()` on tables that carry the shape keys.
macro_rules! shape_keys {
    ($($table:ty),*) => {$(
        impl $table {
            /// Its shape keys.
            pub(crate) fn shape(&self) -> RawShape<'_> {
                RawShape {
                    west_of_meridian: self.west_of_meridian.as_ref(),
                    east_of_meridian: self.east_of_meridian.as_ref(),
                    polygon: self.polygon.as_ref(),
                    circle: self.circle.as_ref(),
                    countries: self.countries.as_ref(),
                }
            }
        }
    )*};
}
shape_keys!(RawZone, RawEw);

/// `polygon = [[lat, lon], ...]` or `polygon = "file.geojson"`.
#[derive(Debug)]
pub(crate) enum RawPolygon {
    /// A closed ring of `[lat, lon]` points.
    Ring(Vec<RawPoint>),
    /// A GeoJSON file, relative to the scenario file.
    File(String),
}

impl<'de> Deserialize<'de> for RawPolygon {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PolygonVisitor;
        impl<'de> Visitor<'de> for PolygonVisitor {
            type Value = RawPolygon;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of [lat, lon] points or the path of a GeoJSON file")
            }
            fn visit_str<E: de::Error>(self, path: &str) -> Result<RawPolygon, E> {
                Ok(RawPolygon::File(path.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawPolygon, A::Error> {
                let mut ring = Vec::new();
                while let Some(point) = seq.next_element()? {
                    ring.push(point);
                }
                Ok(RawPolygon::Ring(ring))
            }
        }
        deserializer.deserialize_any(PolygonVisitor)
    }
}

/// `circle = { at = [lat, lon], radius_km = R }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCircle {
    pub at: RawPoint,
    pub radius_km: Spanned<f64>,
}

/// `[[site]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSite {
    pub id: Spanned<String>,
    pub nation: Spanned<String>,
    pub system: Spanned<String>,
    pub at: RawPoint,
    pub magazine: RawRounds,
}

/// `[[patrol]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPatrol {
    pub id: Spanned<String>,
    pub nation: Spanned<String>,
    pub aircraft: Spanned<String>,
    pub count: Spanned<i64>,
    pub spares: Option<Spanned<i64>>,
    pub loadout: RawRounds,
    pub base: Spanned<String>,
    pub station: RawPoint,
    pub altitude_m: Option<Spanned<f64>>,
    pub endurance: Option<Spanned<String>>,
    pub on_station: Option<Spanned<String>>,
}

/// `[[sensor]]`: a sensor of the type library on a mast, in an orbit, or spread over a field.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSensorSite {
    pub id: Spanned<String>,
    pub nation: Spanned<String>,
    pub sensor: Spanned<String>,
    pub at: RawPoint,
    pub height_m: Option<Spanned<f64>>,
    pub orbit: Option<Spanned<RawOrbit>>,
    pub field_radius_km: Option<Spanned<f64>>,
}

/// `orbit = { radius_km, altitude_m, speed_kmh }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOrbit {
    pub radius_km: Spanned<f64>,
    pub altitude_m: Spanned<f64>,
    pub speed_kmh: Spanned<f64>,
}

/// `[[raid]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRaid {
    pub id: Spanned<String>,
    pub threat: Spanned<String>,
    pub count: Spanned<i64>,
    pub launch: Spanned<RawChoice>,
    pub window: Spanned<Vec<Spanned<String>>>,
    pub targets: Spanned<RawChoice>,
    #[serde(default)]
    pub via: Vec<RawPoint>,
}

/// Places to spread a raid over: one id (`"kursk"`), a list of ids of equal weight
/// (`["lviv", "rivne"]`) or a table of id = weight (`{ kursk = 2, oryol = 1 }`), in file order.
#[derive(Debug)]
pub(crate) enum RawChoice {
    /// One id, written as a string.
    One(String),
    /// Ids of equal weight.
    List(Vec<Spanned<String>>),
    /// Ids with weights.
    Weighted(Vec<(Spanned<String>, Spanned<f64>)>),
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

/// `[authority]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAuthority {
    pub mode: AuthorityMode,
    pub approval_delay: Spanned<String>,
    #[serde(default)]
    pub refuse_within_km_of: Option<RawRefusal>,
}

/// `refuse_within_km_of = { country = "BY", distance_km = 30 }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRefusal {
    pub country: Spanned<String>,
    pub distance_km: Spanned<f64>,
}

/// `[c2]` (optional): what the command and control centre can tell apart.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawC2 {
    pub decoy_discrimination: Option<Spanned<f64>>,
    pub decoy_discrimination_after: Option<Spanned<String>>,
    pub cost_weight: Option<Spanned<f64>>,
}

/// `[[place]]`: an extra named point, like a row of `data/places.csv`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPlace {
    pub id: Spanned<String>,
    pub name: String,
    pub at: RawPoint,
    pub kind: String,
    pub country: String,
}

/// What `ew.lost_share` accepts.
pub(crate) const EW_LOST_SHARE_RULE: &str =
    "a probability between 0 and 1 that a drone or decoy flying into the area loses its way";

/// What `raid.launch` and `raid.targets` accept.
pub(crate) const RAID_PLACES_RULE: &str = "a place id (of data/places.csv, data/cities.csv or a [[place]] table), a list of place ids, or a table of place id = weight (a number above 0), e.g. { kursk = 2, oryol = 1 }";

/// What `c2.cost_weight` accepts.
pub(crate) const C2_COST_WEIGHT_RULE: &str = "a number of 0 or more: the weight of one USD of interceptor cost against one USD of damage averted (default 2)";

/// What `rules.populated_debris_cost_usd` accepts.
pub(crate) const POPULATED_DEBRIS_COST_RULE: &str = "a cost in US dollars, 0 or more (default 0), weighed for a kill whose debris falls on a populated area";

/// What a value of `[aim_point_value_usd]` accepts.
pub(crate) const AIM_POINT_VALUE_RULE: &str = "a value in US dollars, 0 or more, e.g. lviv = 80e6 (default: by kind of place, data/library/evaluation.toml)";

/// What `c2.decoy_discrimination` accepts.
pub(crate) const C2_DISCRIMINATION_RULE: &str =
    "a probability between 0 and 1 that C2 recognises a decoy's track (default 0)";

/// What each field accepts (field paths without indices), for error messages.
pub(crate) fn describe(field: &str) -> Option<&'static str> {
    const POINT: &str = "[lat, lon] in degrees: latitude in [-90, 90], longitude in [-180, 180]";
    const ID: &str = crate::ids::ID_RULE;
    const DURATION: &str = "a duration in quotes such as \"90s\", \"45m\", \"14h\", \"1h30m\"";
    const NATION: &str = "a nation code declared in a [[nation]] table, e.g. \"PL\"";
    const PLACE: &str = "a place id of data/places.csv (e.g. \"lviv\", \"kursk\", \"eprz\") or of a [[place]] table";
    Some(match field {
        "schema_version" => "schema_version = 1 (the only version)",
        "scenario" => {
            "a [scenario] table with name, start, duration, seed (description, step, decision_cycle optional)"
        }
        "scenario.name" => "a name in quotes",
        "scenario.description" => "a text in quotes",
        "scenario.start" => crate::clock::START_RULE,
        "scenario.duration"
        | "patrol.endurance"
        | "authority.approval_delay"
        | "c2.decoy_discrimination_after" => DURATION,
        "scenario.step" => "a duration in quotes such as \"1s\" or \"500ms\" (default \"1s\")",
        "scenario.decision_cycle" => "a duration in quotes such as \"5s\" (default \"5s\")",
        "scenario.seed" => "a whole number of 0 or more",
        "theatre" => {
            "a [theatre] table with entry_meridian_deg and en_route_attrition (both, or neither for whole flights)"
        }
        "theatre.entry_meridian_deg" => "a longitude in degrees, in [-180, 180]",
        "theatre.en_route_attrition" => "a probability between 0 and 1",
        "nation" => "[[nation]] tables with code, name, coalition",
        "nation.code" => "an ISO 3166-1 alpha-2 code in quotes, e.g. \"PL\"",
        "nation.name" => "a name in quotes",
        "nation.coalition" | "rules.forbid_debris_on_nato" => "true or false",
        "rules" => {
            "[[rules]] tables with nation, threat_classes, min_distance_from_km, forbid_debris_on_nato (populated_debris_cost_usd optional)"
        }
        "rules.nation" | "site.nation" | "patrol.nation" => NATION,
        "zone.nations" => {
            "a list of nation codes declared in [[nation]] tables, e.g. [\"PL\", \"SK\"]"
        }
        "rules.threat_classes" => "a list of \"drone\", \"decoy\", \"cruise\", \"ballistic\"",
        "rules.min_distance_from_km" => {
            "a table of country code = distance in km (0 or more), e.g. { BY = 50, RU = 100 }"
        }
        "zone" => "[[zone]] tables with id, kind, nations and one shape",
        "ew" => "[[ew]] tables with id, nation, lost_share and one shape",
        "ew.nation" => NATION,
        "ew.lost_share" => EW_LOST_SHARE_RULE,
        "ew.id" | "zone.id" | "site.id" | "patrol.id" | "raid.id" | "place.id" => ID,
        "zone.kind" => "\"engagement\", \"no-fire\" or \"approval-required\"",
        "zone.west_of_meridian"
        | "zone.east_of_meridian"
        | "ew.west_of_meridian"
        | "ew.east_of_meridian" => "a longitude in degrees, in [-180, 180]",
        "zone.polygon" | "ew.polygon" => {
            "a closed ring [[lat, lon], ...] (first point repeated at the end) or a GeoJSON file path in quotes"
        }
        "zone.circle" | "ew.circle" => "{ at = [lat, lon], radius_km = R }",
        "zone.circle.radius_km" | "ew.circle.radius_km" => "a radius in km, 0 or more",
        "zone.countries" | "ew.countries" => {
            "a list of country codes of data/borders.geojson, e.g. [\"UA\"]"
        }
        "site.system" => "a system id of data/library/systems.toml, e.g. \"patriot\"",
        "site.at" | "patrol.station" | "raid.via" | "place.at" | "zone.circle.at"
        | "ew.circle.at" => POINT,
        "site.magazine" | "patrol.loadout" => {
            "a table of munition id = rounds (a whole number, 0 or more), e.g. { pac3-mse = 16 }"
        }
        "patrol.aircraft" => "an aircraft id of data/library/aircraft.toml, e.g. \"f-16c\"",
        "patrol.count" => "a whole number of aircraft, 1 to 64",
        "patrol.spares" => "a whole number of spare aircraft, 0 to 64 (default 0)",
        "patrol.base" => PLACE,
        "raid.launch" | "raid.targets" => RAID_PLACES_RULE,
        "patrol.altitude_m" => "an altitude in metres, above 0 and at most 20000",
        "patrol.on_station" => crate::clock::CLOCK_RULE,
        "raid.threat" => "a threat id of data/library/threats.toml, e.g. \"shahed-136\"",
        "raid.count" => "a whole number of threats, 1 to 100000",
        "raid.window" => "[first, last] launch clock times, e.g. [\"22:00\", \"00:30\"]",
        "authority" => {
            "an [authority] table with mode and approval_delay (refuse_within_km_of optional)"
        }
        "authority.refuse_within_km_of" => {
            "{ country = CODE, distance_km = D }: approvals of intercepts within D km of the country are refused"
        }
        "authority.refuse_within_km_of.country" => {
            "a country code of data/borders.geojson, e.g. \"BY\""
        }
        "authority.refuse_within_km_of.distance_km" => "a distance in km, 0 or more",
        "authority.mode" => "\"delegated\" or \"per-engagement\"",
        "c2" => {
            "a [c2] table with decoy_discrimination, decoy_discrimination_after and cost_weight (all optional)"
        }
        "c2.decoy_discrimination" => C2_DISCRIMINATION_RULE,
        "c2.cost_weight" => C2_COST_WEIGHT_RULE,
        "place" => "[[place]] tables with id, name, at, kind, country",
        "uncertainty" => "an [uncertainty] table with sample_library_ranges = true or false",
        "sensor" => {
            "[[sensor]] tables with id, nation, sensor, at (and height_m, orbit or field_radius_km)"
        }
        "sensor.id" => ID,
        "sensor.nation" => NATION,
        "sensor.sensor" => "a sensor id of data/library/sensors.toml, e.g. \"36d6\"",
        "sensor.at" => POINT,
        "sensor.height_m" => "an antenna height above the ground in metres, 0 to 1000",
        "sensor.orbit" => "{ radius_km = R, altitude_m = H, speed_kmh = V } for an airborne radar",
        "sensor.orbit.radius_km" => "an orbit radius in km, 0 to 500",
        "sensor.orbit.altitude_m" => "an altitude in metres, above 0 and at most 20000",
        "sensor.orbit.speed_kmh" => "a speed in km/h, above 0 and at most 3000",
        "sensor.field_radius_km" => {
            "the radius of an acoustic network's field in km, above 0 and at most 2000"
        }
        "place.name" | "place.kind" | "place.country" => "a text in quotes",
        "rules.populated_debris_cost_usd" => POPULATED_DEBRIS_COST_RULE,
        "aim_point_value_usd" => {
            "a table of aim point id = value in US dollars, e.g. { lviv = 80e6 }"
        }
        f if f.starts_with("aim_point_value_usd.") => AIM_POINT_VALUE_RULE,
        _ => return None,
    })
}
