//! The catalogue files as written: permissive serde types, checked by `build`.

use super::param::RawParam;
use super::types::{MunitionKind, ThreatClass};
use serde::Deserialize;
use toml::Spanned;

/// `threats.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ThreatCatalogue {
    pub threat: Vec<Spanned<RawThreat>>,
}

/// One `[[threat]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawThreat {
    pub id: Spanned<String>,
    pub name: String,
    pub class: Spanned<ThreatClass>,
    pub speed_kmh: Spanned<RawParam>,
    pub cruise_altitude_m: Spanned<RawParam>,
    pub terminal_altitude_m: Spanned<RawParam>,
    pub range_km: Spanned<RawParam>,
    pub rcs_m2: Spanned<RawParam>,
    pub cost_usd: Spanned<RawParam>,
    pub apogee_km: Option<Spanned<RawParam>>,
}

/// `munitions.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MunitionCatalogue {
    pub munition: Vec<Spanned<RawMunition>>,
}

/// One `[[munition]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMunition {
    pub id: Spanned<String>,
    pub name: String,
    pub kind: MunitionKind,
    pub max_range_km: Spanned<RawParam>,
    pub min_range_km: Spanned<RawParam>,
    pub max_altitude_km: Spanned<RawParam>,
    pub min_altitude_m: Spanned<RawParam>,
    pub mean_speed_kmh: Spanned<RawParam>,
    pub cost_usd: Spanned<RawParam>,
    pub pk_drone: Spanned<RawParam>,
    pub pk_decoy: Spanned<RawParam>,
    pub pk_cruise: Spanned<RawParam>,
    pub pk_ballistic: Spanned<RawParam>,
    pub self_destructs: bool,
}

/// `systems.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SystemCatalogue {
    pub system: Vec<Spanned<RawSystem>>,
}

/// One `[[system]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSystem {
    pub id: Spanned<String>,
    pub name: String,
    pub munitions: Spanned<Vec<Spanned<String>>>,
    pub reaction_time_s: Spanned<RawParam>,
    pub radar_range_km: Spanned<RawParam>,
    pub launch_interval_s: Spanned<RawParam>,
    pub fire_channels: Spanned<RawParam>,
}

/// `aircraft.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AircraftCatalogue {
    pub aircraft: Vec<Spanned<RawAircraft>>,
}

/// One `[[aircraft]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAircraft {
    pub id: Spanned<String>,
    pub name: String,
    pub munitions: Spanned<Vec<Spanned<String>>>,
    pub cruise_speed_kmh: Spanned<RawParam>,
    pub dash_speed_kmh: Spanned<RawParam>,
    pub combat_radius_km: Spanned<RawParam>,
    pub dash_fuel_factor: Spanned<RawParam>,
    pub endurance_h: Spanned<RawParam>,
    pub patrol_altitude_m: Spanned<RawParam>,
    pub radar_range_km: Spanned<RawParam>,
    pub cost_per_flight_hour_usd: Spanned<RawParam>,
    pub radar: Option<Spanned<String>>,
}

/// What each field of a catalogue accepts (paths without indices), for error messages.
pub(crate) fn describe(field: &str) -> Option<&'static str> {
    let last = field.rsplit('.').next().unwrap_or(field);
    let parent_is_param = field
        .rsplit('.')
        .nth(1)
        .is_some_and(|parent| PARAMS.contains(&parent));
    if parent_is_param {
        return Some(match last {
            "value" => "a number",
            "source" => "a URL in quotes",
            "assumed" => "the reasoning behind the value, in quotes",
            "range" => "[low, high], two numbers",
            _ => "a text in quotes",
        });
    }
    Some(match last {
        "id" => crate::ids::ID_RULE,
        "name" => "a display name in quotes",
        "class" => "one of \"drone\", \"decoy\", \"cruise\", \"ballistic\"",
        "kind" => "one of \"missile\", \"gun\", \"rocket\"",
        "munitions" => "a list of munition ids from munitions.toml, e.g. [\"pac3-mse\"]",
        "self_destructs" => "true or false",
        "radar" => "a radar id of sensors.toml, e.g. \"apg-68\"",
        "threat" | "munition" | "system" | "aircraft" => "a list of `[[entry]]` tables",
        p if PARAMS.contains(&p) => {
            "a table { value = NUMBER, source = \"URL\" } or { value = NUMBER, assumed = \"reasoning\", range = [low, high] }"
        }
        _ => return None,
    })
}

/// Every parameter key of the catalogues.
const PARAMS: &[&str] = &[
    "speed_kmh",
    "cruise_altitude_m",
    "terminal_altitude_m",
    "range_km",
    "rcs_m2",
    "cost_usd",
    "apogee_km",
    "max_range_km",
    "min_range_km",
    "max_altitude_km",
    "min_altitude_m",
    "mean_speed_kmh",
    "pk_drone",
    "pk_decoy",
    "pk_cruise",
    "pk_ballistic",
    "reaction_time_s",
    "radar_range_km",
    "launch_interval_s",
    "fire_channels",
    "cruise_speed_kmh",
    "dash_speed_kmh",
    "combat_radius_km",
    "dash_fuel_factor",
    "endurance_h",
    "patrol_altitude_m",
    "cost_per_flight_hour_usd",
];
