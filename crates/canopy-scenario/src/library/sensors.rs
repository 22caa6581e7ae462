//! The sensor catalogue (`data/library/sensors.toml`): surveillance and fire-control radars,
//! airborne early-warning radars and acoustic networks, each number with its provenance.

use super::entry::{Params, build_entries, catalogue_entry};
use super::param::{PARAM_TABLE_RULE, is_param_of};
use super::types::{SensorKind, SensorType};
use crate::error::ScenarioError;
use crate::source::SourceFile;
use crate::spanned::Spanned;
use serde::Deserialize;
use std::path::Path;

/// Where the catalogue lives, for error messages.
const SENSORS_FILE: &str = "data/library/sensors.toml";

/// `sensors.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SensorCatalogue {
    sensor: Vec<Spanned<RawSensor>>,
}

catalogue_entry! {
    /// One `[[sensor]]`.
    RawSensor {
        id: Spanned<String>,
        name: String,
        kind: SensorKind,
    }
    /// The numbers of a sensor type, checked and in SI units.
    numbers SensorNumbers {
        reference_range_km => reference_range_m: Positive, Km;
        reference_rcs_m2 => reference_rcs_m2: Positive, Si;
        reference_pd => reference_pd: Probability, Si;
        max_range_km => max_range_m: Positive, Km;
        revisit_s => revisit_s: Positive, Si;
        range_sigma_m => sigma_range_m: Positive, Si;
        azimuth_sigma_deg => sigma_azimuth_rad: Positive, Degrees;
        elevation_sigma_deg => sigma_elevation_rad: Positive, Degrees;
        false_alarms_per_scan => false_alarms_per_scan: NonNegative, Si;
        antenna_height_m => antenna_height_m: NonNegative, Si;
    }
    optional {
        /// Targets faster than this are not reported.
        MAX_TARGET_SPEED: max_target_speed_kmh => max_target_speed_mps: Positive, KmPerHour;
        /// Targets higher than this are not reported.
        MAX_TARGET_ALTITUDE: max_target_altitude_m => max_target_altitude_m: Positive, Si;
        /// Targets slower than this are not reported.
        MIN_TARGET_SPEED: min_target_speed_kmh => min_target_speed_mps: Positive, KmPerHour;
    }
}

/// Whether `key` is a parameter of the sensor catalogue.
fn is_param(key: &str) -> bool {
    is_param_of(&[RawSensor::PARAMS], key)
}

/// What each field of the sensor catalogue accepts (paths without indices), for error messages.
fn describe(field: &str) -> Option<&'static str> {
    let last = field.rsplit('.').next().unwrap_or(field);
    if field.rsplit('.').nth(1).is_some_and(is_param) {
        return Some("a number, a URL, a reasoning or [low, high], as for every parameter");
    }
    Some(match last {
        "id" => crate::ids::ID_RULE,
        "name" => "a display name in quotes",
        "kind" => "one of \"radar\", \"acoustic\"",
        "sensor" => "a list of `[[sensor]]` tables",
        p if is_param(p) => PARAM_TABLE_RULE,
        _ => return None,
    })
}

/// Parses and checks the sensor catalogue.
pub(super) fn sensors(text: &str) -> Result<Vec<SensorType>, ScenarioError> {
    let mut file = SourceFile::from_text(Path::new(SENSORS_FILE), text, describe)?;
    let catalogue: SensorCatalogue = file.parse()?;
    build_entries(
        &file,
        "sensor",
        "sensor types",
        &catalogue.sensor,
        |r| &r.id,
        |entry, id, raw| sensor(&file, entry, id, raw),
    )
}

fn sensor(
    file: &SourceFile<'_>,
    entry: String,
    id: String,
    raw: &RawSensor,
) -> Result<SensorType, ScenarioError> {
    let mut p = Params::new(file, entry);
    let n = raw.numbers(&mut p)?;
    let max_target_speed_mps =
        p.take_optional(&MAX_TARGET_SPEED, raw.max_target_speed_kmh.as_ref())?;
    let max_target_altitude_m =
        p.take_optional(&MAX_TARGET_ALTITUDE, raw.max_target_altitude_m.as_ref())?;
    let min_target_speed_mps =
        p.take_optional(&MIN_TARGET_SPEED, raw.min_target_speed_kmh.as_ref())?;
    Ok(SensorType {
        id,
        name: raw.name.clone(),
        kind: raw.kind,
        reference_range_m: n.reference_range_m,
        reference_rcs_m2: n.reference_rcs_m2,
        reference_pd: n.reference_pd,
        max_range_m: n.max_range_m,
        revisit_s: n.revisit_s,
        sigma_range_m: n.sigma_range_m,
        sigma_azimuth_rad: n.sigma_azimuth_rad,
        sigma_elevation_rad: n.sigma_elevation_rad,
        false_alarms_per_scan: n.false_alarms_per_scan,
        antenna_height_m: n.antenna_height_m,
        max_target_speed_mps,
        max_target_altitude_m,
        min_target_speed_mps,
        provenance: p.provenance,
    })
}
