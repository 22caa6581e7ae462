//! The sensor catalogue (`data/library/sensors.toml`): surveillance and fire-control radars,
//! airborne early-warning radars and acoustic networks, each number with its provenance.

use super::entry::{Params, build_entries, same};
use super::param::{Bounds, RawParam};
use super::types::{SensorKind, SensorType};
use crate::error::ScenarioError;
use crate::source::SourceFile;
use crate::units::{deg_to_rad, km_to_m, kmh_to_mps};
use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

/// Where the catalogue lives, for error messages.
const SENSORS_FILE: &str = "data/library/sensors.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SensorCatalogue {
    sensor: Vec<Spanned<RawSensor>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSensor {
    id: Spanned<String>,
    name: String,
    kind: SensorKind,
    reference_range_km: Spanned<RawParam>,
    reference_rcs_m2: Spanned<RawParam>,
    reference_pd: Spanned<RawParam>,
    max_range_km: Spanned<RawParam>,
    revisit_s: Spanned<RawParam>,
    range_sigma_m: Spanned<RawParam>,
    azimuth_sigma_deg: Spanned<RawParam>,
    elevation_sigma_deg: Spanned<RawParam>,
    false_alarms_per_scan: Spanned<RawParam>,
    antenna_height_m: Spanned<RawParam>,
    max_target_speed_kmh: Option<Spanned<RawParam>>,
    max_target_altitude_m: Option<Spanned<RawParam>>,
}

/// Every parameter key of the sensor catalogue.
const PARAMS: &[&str] = &[
    "reference_range_km",
    "reference_rcs_m2",
    "reference_pd",
    "max_range_km",
    "revisit_s",
    "range_sigma_m",
    "azimuth_sigma_deg",
    "elevation_sigma_deg",
    "false_alarms_per_scan",
    "antenna_height_m",
    "max_target_speed_kmh",
    "max_target_altitude_m",
];

fn describe(field: &str) -> Option<&'static str> {
    let last = field.rsplit('.').next().unwrap_or(field);
    if field
        .rsplit('.')
        .nth(1)
        .is_some_and(|parent| PARAMS.contains(&parent))
    {
        return Some("a number, a URL, a reasoning or [low, high], as for every parameter");
    }
    Some(match last {
        "id" => crate::ids::ID_RULE,
        "name" => "a display name in quotes",
        "kind" => "one of \"radar\", \"acoustic\"",
        "sensor" => "a list of `[[sensor]]` tables",
        p if PARAMS.contains(&p) => {
            "a table { value = NUMBER, source = \"URL\" } or { value = NUMBER, assumed = \"reasoning\", range = [low, high] }"
        }
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
    let reference_range_m = p.take(
        "reference_range_m",
        "reference_range_km",
        &raw.reference_range_km,
        Bounds::Positive,
        km_to_m,
    )?;
    let reference_rcs_m2 = p.take(
        "reference_rcs_m2",
        "reference_rcs_m2",
        &raw.reference_rcs_m2,
        Bounds::Positive,
        same,
    )?;
    let reference_pd = p.take(
        "reference_pd",
        "reference_pd",
        &raw.reference_pd,
        Bounds::Probability,
        same,
    )?;
    let max_range_m = p.take(
        "max_range_m",
        "max_range_km",
        &raw.max_range_km,
        Bounds::Positive,
        km_to_m,
    )?;
    let revisit_s = p.take(
        "revisit_s",
        "revisit_s",
        &raw.revisit_s,
        Bounds::Positive,
        same,
    )?;
    let sigma_range_m = p.take(
        "sigma_range_m",
        "range_sigma_m",
        &raw.range_sigma_m,
        Bounds::Positive,
        same,
    )?;
    let sigma_azimuth_rad = p.take(
        "sigma_azimuth_rad",
        "azimuth_sigma_deg",
        &raw.azimuth_sigma_deg,
        Bounds::Positive,
        deg_to_rad,
    )?;
    let sigma_elevation_rad = p.take(
        "sigma_elevation_rad",
        "elevation_sigma_deg",
        &raw.elevation_sigma_deg,
        Bounds::Positive,
        deg_to_rad,
    )?;
    let false_alarms_per_scan = p.take(
        "false_alarms_per_scan",
        "false_alarms_per_scan",
        &raw.false_alarms_per_scan,
        Bounds::NonNegative,
        same,
    )?;
    let antenna_height_m = p.take(
        "antenna_height_m",
        "antenna_height_m",
        &raw.antenna_height_m,
        Bounds::NonNegative,
        same,
    )?;
    let max_target_speed_mps = raw
        .max_target_speed_kmh
        .as_ref()
        .map(|r| {
            p.take(
                "max_target_speed_mps",
                "max_target_speed_kmh",
                r,
                Bounds::Positive,
                kmh_to_mps,
            )
        })
        .transpose()?;
    let max_target_altitude_m = raw
        .max_target_altitude_m
        .as_ref()
        .map(|r| {
            p.take(
                "max_target_altitude_m",
                "max_target_altitude_m",
                r,
                Bounds::Positive,
                same,
            )
        })
        .transpose()?;
    Ok(SensorType {
        id,
        name: raw.name.clone(),
        kind: raw.kind,
        reference_range_m,
        reference_rcs_m2,
        reference_pd,
        max_range_m,
        revisit_s,
        sigma_range_m,
        sigma_azimuth_rad,
        sigma_elevation_rad,
        false_alarms_per_scan,
        antenna_height_m,
        max_target_speed_mps,
        max_target_altitude_m,
        provenance: p.provenance,
    })
}
