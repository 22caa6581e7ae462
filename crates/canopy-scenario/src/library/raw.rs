//! The catalogue files as written: permissive serde types, checked by `build`, with the
//! declaration of every parameter (its key, SI name, bounds and unit).

use super::entry::catalogue_entry;
use super::param::{PARAM_TABLE_RULE, is_param_of};
use super::types::{MunitionKind, ThreatClass};
use crate::spanned::Spanned;
use serde::Deserialize;

/// `threats.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ThreatCatalogue {
    pub threat: Vec<Spanned<RawThreat>>,
}

catalogue_entry! {
    /// One `[[threat]]`.
    RawThreat {
        id: Spanned<String>,
        name: String,
        class: Spanned<ThreatClass>,
    }
    /// The numbers of a threat type, checked and in SI units.
    numbers ThreatNumbers {
        speed_kmh => speed_mps: Positive, KmPerHour;
        cruise_altitude_m => cruise_altitude_m: NonNegative, Si;
        terminal_altitude_m => terminal_altitude_m: NonNegative, Si;
        range_km => range_m: Positive, Km;
        rcs_m2 => rcs_m2: Positive, Si;
        cost_usd => cost_usd: NonNegative, Si;
    }
    optional {
        /// The apogee of a ballistic threat: required for class `ballistic`, refused for the
        /// others.
        APOGEE: apogee_km => apogee_m: Positive, Km;
    }
    then {
        dis_entity_type: Spanned<String>,
    }
}

/// `munitions.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MunitionCatalogue {
    pub munition: Vec<Spanned<RawMunition>>,
}

catalogue_entry! {
    /// One `[[munition]]`.
    RawMunition {
        id: Spanned<String>,
        name: String,
        kind: MunitionKind,
    }
    /// The numbers of a munition type, checked and in SI units.
    numbers MunitionNumbers {
        max_range_km => max_range_m: Positive, Km;
        min_range_km => min_range_m: NonNegative, Km, below max_range_km;
        max_altitude_km => max_altitude_m: Positive, Km;
        min_altitude_m => min_altitude_m: NonNegative, Si, below max_altitude_km;
        mean_speed_kmh => speed_mps: Positive, KmPerHour;
        cost_usd => cost_usd: NonNegative, Si;
        pk_drone => pk_drone: Probability, Si;
        pk_decoy => pk_decoy: Probability, Si;
        pk_cruise => pk_cruise: Probability, Si;
        pk_ballistic => pk_ballistic: Probability, Si;
    }
    then {
        self_destructs: bool,
        dis_entity_type: Spanned<String>,
    }
}

/// `systems.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SystemCatalogue {
    pub system: Vec<Spanned<RawSystem>>,
}

catalogue_entry! {
    /// One `[[system]]`.
    RawSystem {
        id: Spanned<String>,
        name: String,
        munitions: Spanned<Vec<Spanned<String>>>,
    }
    /// The numbers of a ground system type, checked and in SI units.
    numbers SystemNumbers {
        reaction_time_s => reaction_time_s: NonNegative, Si;
        radar_range_km => radar_range_m: Positive, Km;
        launch_interval_s => launch_interval_s: NonNegative, Si;
        fire_channels => fire_channels: Count, Si;
    }
    then {
        radar: Option<Spanned<String>>,
    }
}

/// `aircraft.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AircraftCatalogue {
    pub aircraft: Vec<Spanned<RawAircraft>>,
}

catalogue_entry! {
    /// One `[[aircraft]]`.
    RawAircraft {
        id: Spanned<String>,
        name: String,
        munitions: Spanned<Vec<Spanned<String>>>,
    }
    /// The numbers of an aircraft type, checked and in SI units.
    numbers AircraftNumbers {
        cruise_speed_kmh => cruise_speed_mps: Positive, KmPerHour;
        dash_speed_kmh => dash_speed_mps: Positive, KmPerHour;
        combat_radius_km => combat_radius_m: Positive, Km;
        dash_fuel_factor => dash_fuel_factor: Positive, Si;
        endurance_h => endurance_s: Positive, Hours;
        patrol_altitude_m => patrol_altitude_m: Positive, Si;
        radar_range_km => radar_range_m: Positive, Km;
        cost_per_flight_hour_usd => cost_per_flight_hour_usd: NonNegative, Si;
    }
    then {
        radar: Option<Spanned<String>>,
        dis_entity_type: Spanned<String>,
    }
}

/// What each field of a catalogue accepts (paths without indices), for error messages.
pub(crate) fn describe(field: &str) -> Option<&'static str> {
    let last = field.rsplit('.').next().unwrap_or(field);
    let parent_is_param = field.rsplit('.').nth(1).is_some_and(is_param);
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
        "dis_entity_type" => super::dis_type::DIS_ENTITY_TYPE_RULE,
        "threat" | "munition" | "system" | "aircraft" => "a list of `[[entry]]` tables",
        p if is_param(p) => PARAM_TABLE_RULE,
        _ => return None,
    })
}

/// Whether `key` is a parameter of one of the four catalogues.
fn is_param(key: &str) -> bool {
    let catalogues = [
        RawThreat::PARAMS,
        RawMunition::PARAMS,
        RawSystem::PARAMS,
        RawAircraft::PARAMS,
    ];
    is_param_of(&catalogues, key)
}
