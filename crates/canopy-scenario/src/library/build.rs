//! Checks the catalogues and builds the validated [`Library`].

use super::entry::{Params, build_entries, same};
use super::index::{MunitionIndex, SensorIndex};
use super::param::Bounds;
use super::raw::{
    self, AircraftCatalogue, MunitionCatalogue, RawAircraft, RawMunition, RawSystem, RawThreat,
    SystemCatalogue, ThreatCatalogue,
};
use super::sensors;
use super::types::{
    AircraftType, MunitionType, SensorKind, SensorType, SystemType, ThreatClass, ThreatType,
};
use super::{Library, LibraryTexts};
use crate::error::{ErrorKind, ScenarioError};
use crate::source::SourceFile;
use crate::units::{hours_to_s, km_to_m, kmh_to_mps};
use std::path::Path;
use toml::Spanned;

const THREATS_FILE: &str = "data/library/threats.toml";
const MUNITIONS_FILE: &str = "data/library/munitions.toml";
const SYSTEMS_FILE: &str = "data/library/systems.toml";
const AIRCRAFT_FILE: &str = "data/library/aircraft.toml";

/// Parses and checks the catalogues.
pub(super) fn build(texts: &LibraryTexts<'_>) -> Result<Library, ScenarioError> {
    let munitions = munitions(texts.munitions)?;
    let sensors = sensors::sensors(texts.sensors)?;
    Ok(Library {
        threats: threats(texts.threats)?,
        systems: systems(texts.systems, &munitions)?,
        aircraft: aircraft(texts.aircraft, &munitions, &sensors)?,
        munitions,
        sensors,
    })
}

fn open<'a>(name: &'a str, text: &'a str) -> Result<SourceFile<'a>, ScenarioError> {
    SourceFile::from_text(Path::new(name), text, raw::describe)
}

fn threats(text: &str) -> Result<Vec<ThreatType>, ScenarioError> {
    let mut file = open(THREATS_FILE, text)?;
    let catalogue: ThreatCatalogue = file.parse()?;
    build_entries(
        &file,
        "threat",
        "threat types",
        &catalogue.threat,
        |r| &r.id,
        |entry, id, raw| threat(&file, entry, id, raw),
    )
}

fn threat(
    file: &SourceFile<'_>,
    entry: String,
    id: String,
    raw: &RawThreat,
) -> Result<ThreatType, ScenarioError> {
    let class = *raw.class.get_ref();
    let mut p = Params::new(file, entry);
    let speed_mps = p.take(
        "speed_mps",
        "speed_kmh",
        &raw.speed_kmh,
        Bounds::Positive,
        kmh_to_mps,
    )?;
    let cruise_altitude_m = p.take(
        "cruise_altitude_m",
        "cruise_altitude_m",
        &raw.cruise_altitude_m,
        Bounds::NonNegative,
        same,
    )?;
    let terminal_altitude_m = p.take(
        "terminal_altitude_m",
        "terminal_altitude_m",
        &raw.terminal_altitude_m,
        Bounds::NonNegative,
        same,
    )?;
    let range_m = p.take(
        "range_m",
        "range_km",
        &raw.range_km,
        Bounds::Positive,
        km_to_m,
    )?;
    let rcs_m2 = p.take("rcs_m2", "rcs_m2", &raw.rcs_m2, Bounds::Positive, same)?;
    let cost_usd = p.take(
        "cost_usd",
        "cost_usd",
        &raw.cost_usd,
        Bounds::NonNegative,
        same,
    )?;
    let apogee_m = match (&raw.apogee_km, class) {
        (Some(apogee), ThreatClass::Ballistic) => {
            Some(p.take("apogee_m", "apogee_km", apogee, Bounds::Positive, km_to_m)?)
        }
        (None, ThreatClass::Ballistic) => {
            return Err(file.error(
                ErrorKind::Schema,
                raw.class.span(),
                p.field("apogee_km"),
                "a ballistic threat needs `apogee_km`",
                "apogee_km = { value = KM, source = \"URL\" } (or assumed with range)",
            ));
        }
        (Some(apogee), _) => {
            return Err(file.error(
                ErrorKind::Schema,
                apogee.span(),
                p.field("apogee_km"),
                format!("`apogee_km` given for a {} threat", class.as_str()),
                "apogee_km only for class = \"ballistic\"",
            ));
        }
        (None, _) => None,
    };
    Ok(ThreatType {
        id,
        name: raw.name.clone(),
        class,
        speed_mps,
        cruise_altitude_m,
        terminal_altitude_m,
        range_m,
        rcs_m2,
        cost_usd,
        apogee_m,
        provenance: p.provenance,
    })
}

fn munitions(text: &str) -> Result<Vec<MunitionType>, ScenarioError> {
    let mut file = open(MUNITIONS_FILE, text)?;
    let catalogue: MunitionCatalogue = file.parse()?;
    build_entries(
        &file,
        "munition",
        "munition types",
        &catalogue.munition,
        |r| &r.id,
        |entry, id, raw| munition(&file, entry, id, raw),
    )
}

fn munition(
    file: &SourceFile<'_>,
    entry: String,
    id: String,
    raw: &RawMunition,
) -> Result<MunitionType, ScenarioError> {
    let mut p = Params::new(file, entry);
    let max_range_m = p.take(
        "max_range_m",
        "max_range_km",
        &raw.max_range_km,
        Bounds::Positive,
        km_to_m,
    )?;
    let min_range_m = p.take(
        "min_range_m",
        "min_range_km",
        &raw.min_range_km,
        Bounds::NonNegative,
        km_to_m,
    )?;
    p.require_below(
        ("min_range_km", min_range_m, &raw.min_range_km),
        ("max_range_km", max_range_m),
    )?;
    let max_altitude_m = p.take(
        "max_altitude_m",
        "max_altitude_km",
        &raw.max_altitude_km,
        Bounds::Positive,
        km_to_m,
    )?;
    let min_altitude_m = p.take(
        "min_altitude_m",
        "min_altitude_m",
        &raw.min_altitude_m,
        Bounds::NonNegative,
        same,
    )?;
    p.require_below(
        ("min_altitude_m", min_altitude_m, &raw.min_altitude_m),
        ("max_altitude_km", max_altitude_m),
    )?;
    let speed_mps = p.take(
        "speed_mps",
        "mean_speed_kmh",
        &raw.mean_speed_kmh,
        Bounds::Positive,
        kmh_to_mps,
    )?;
    let cost_usd = p.take(
        "cost_usd",
        "cost_usd",
        &raw.cost_usd,
        Bounds::NonNegative,
        same,
    )?;
    let pk = [
        p.take(
            "pk_drone",
            "pk_drone",
            &raw.pk_drone,
            Bounds::Probability,
            same,
        )?,
        p.take(
            "pk_decoy",
            "pk_decoy",
            &raw.pk_decoy,
            Bounds::Probability,
            same,
        )?,
        p.take(
            "pk_cruise",
            "pk_cruise",
            &raw.pk_cruise,
            Bounds::Probability,
            same,
        )?,
        p.take(
            "pk_ballistic",
            "pk_ballistic",
            &raw.pk_ballistic,
            Bounds::Probability,
            same,
        )?,
    ];
    Ok(MunitionType {
        id,
        name: raw.name.clone(),
        kind: raw.kind,
        max_range_m,
        min_range_m,
        max_altitude_m,
        min_altitude_m,
        speed_mps,
        cost_usd,
        pk,
        self_destructs: raw.self_destructs,
        provenance: p.provenance,
    })
}

fn systems(text: &str, munitions: &[MunitionType]) -> Result<Vec<SystemType>, ScenarioError> {
    let mut file = open(SYSTEMS_FILE, text)?;
    let catalogue: SystemCatalogue = file.parse()?;
    build_entries(
        &file,
        "system",
        "system types",
        &catalogue.system,
        |r| &r.id,
        |entry, id, raw| system(&file, entry, id, raw, munitions),
    )
}

fn system(
    file: &SourceFile<'_>,
    entry: String,
    id: String,
    raw: &RawSystem,
    munitions: &[MunitionType],
) -> Result<SystemType, ScenarioError> {
    let fireable = resolve_munitions(file, &entry, &raw.munitions, munitions)?;
    let mut p = Params::new(file, entry);
    let reaction_time_s = p.take(
        "reaction_time_s",
        "reaction_time_s",
        &raw.reaction_time_s,
        Bounds::NonNegative,
        same,
    )?;
    let radar_range_m = p.take(
        "radar_range_m",
        "radar_range_km",
        &raw.radar_range_km,
        Bounds::Positive,
        km_to_m,
    )?;
    let launch_interval_s = p.take(
        "launch_interval_s",
        "launch_interval_s",
        &raw.launch_interval_s,
        Bounds::NonNegative,
        same,
    )?;
    let fire_channels = p.take(
        "fire_channels",
        "fire_channels",
        &raw.fire_channels,
        Bounds::Count,
        same,
    )?;
    Ok(SystemType {
        id,
        name: raw.name.clone(),
        munitions: fireable,
        reaction_time_s,
        radar_range_m,
        launch_interval_s,
        // A checked count: whole, at least 1 and finite.
        fire_channels: fire_channels as u32,
        provenance: p.provenance,
    })
}

fn aircraft(
    text: &str,
    munitions: &[MunitionType],
    sensors: &[SensorType],
) -> Result<Vec<AircraftType>, ScenarioError> {
    let mut file = open(AIRCRAFT_FILE, text)?;
    let catalogue: AircraftCatalogue = file.parse()?;
    build_entries(
        &file,
        "aircraft",
        "aircraft types",
        &catalogue.aircraft,
        |r| &r.id,
        |entry, id, raw| one_aircraft(&file, entry, id, raw, munitions, sensors),
    )
}

fn one_aircraft(
    file: &SourceFile<'_>,
    entry: String,
    id: String,
    raw: &RawAircraft,
    munitions: &[MunitionType],
    sensors: &[SensorType],
) -> Result<AircraftType, ScenarioError> {
    let carried = resolve_munitions(file, &entry, &raw.munitions, munitions)?;
    let radar = raw
        .radar
        .as_ref()
        .map(|id| resolve_radar(file, &entry, id, sensors))
        .transpose()?;
    let mut p = Params::new(file, entry);
    let cruise_speed_mps = p.take(
        "cruise_speed_mps",
        "cruise_speed_kmh",
        &raw.cruise_speed_kmh,
        Bounds::Positive,
        kmh_to_mps,
    )?;
    let dash_speed_mps = p.take(
        "dash_speed_mps",
        "dash_speed_kmh",
        &raw.dash_speed_kmh,
        Bounds::Positive,
        kmh_to_mps,
    )?;
    let combat_radius_m = p.take(
        "combat_radius_m",
        "combat_radius_km",
        &raw.combat_radius_km,
        Bounds::Positive,
        km_to_m,
    )?;
    let dash_fuel_factor = p.take(
        "dash_fuel_factor",
        "dash_fuel_factor",
        &raw.dash_fuel_factor,
        Bounds::Positive,
        same,
    )?;
    let endurance_s = p.take(
        "endurance_s",
        "endurance_h",
        &raw.endurance_h,
        Bounds::Positive,
        hours_to_s,
    )?;
    let patrol_altitude_m = p.take(
        "patrol_altitude_m",
        "patrol_altitude_m",
        &raw.patrol_altitude_m,
        Bounds::Positive,
        same,
    )?;
    let radar_range_m = p.take(
        "radar_range_m",
        "radar_range_km",
        &raw.radar_range_km,
        Bounds::Positive,
        km_to_m,
    )?;
    let cost_per_flight_hour_usd = p.take(
        "cost_per_flight_hour_usd",
        "cost_per_flight_hour_usd",
        &raw.cost_per_flight_hour_usd,
        Bounds::NonNegative,
        same,
    )?;
    Ok(AircraftType {
        id,
        name: raw.name.clone(),
        cruise_speed_mps,
        dash_speed_mps,
        combat_radius_m,
        dash_fuel_factor,
        endurance_s,
        patrol_altitude_m,
        radar_range_m,
        cost_per_flight_hour_usd,
        munitions: carried,
        radar,
        provenance: p.provenance,
    })
}

/// Resolves an aircraft's `radar = "<sensor id>"`: a radar of sensors.toml.
fn resolve_radar(
    file: &SourceFile<'_>,
    entry: &str,
    id: &Spanned<String>,
    sensors: &[SensorType],
) -> Result<SensorIndex, ScenarioError> {
    let radars = || {
        let list: Vec<&str> = sensors
            .iter()
            .filter(|s| s.kind == SensorKind::Radar)
            .map(|s| s.id.as_str())
            .collect();
        format!("radar ids of sensors.toml: {}", list.join(", "))
    };
    sensors
        .iter()
        .position(|s| &s.id == id.get_ref() && s.kind == SensorKind::Radar)
        .map(SensorIndex)
        .ok_or_else(|| {
            file.error(
                ErrorKind::UnknownReference,
                id.span(),
                format!("{entry}.radar"),
                format!("unknown radar `{}`", id.get_ref()),
                radars(),
            )
        })
}

/// Resolves a `munitions = [...]` list: known ids, each once, at least one.
fn resolve_munitions(
    file: &SourceFile<'_>,
    entry: &str,
    ids: &Spanned<Vec<Spanned<String>>>,
    munitions: &[MunitionType],
) -> Result<Vec<MunitionIndex>, ScenarioError> {
    let field = format!("{entry}.munitions");
    let known = || {
        let list: Vec<&str> = munitions.iter().map(|m| m.id.as_str()).collect();
        format!("munition ids of munitions.toml: {}", list.join(", "))
    };
    if ids.get_ref().is_empty() {
        return Err(file.error(
            ErrorKind::Value,
            ids.span(),
            field,
            "no munitions listed",
            known(),
        ));
    }
    let mut resolved = Vec::with_capacity(ids.get_ref().len());
    for id in ids.get_ref() {
        let index = munitions
            .iter()
            .position(|m| &m.id == id.get_ref())
            .map(MunitionIndex)
            .ok_or_else(|| {
                file.error(
                    ErrorKind::UnknownReference,
                    id.span(),
                    &field,
                    format!("unknown munition `{}`", id.get_ref()),
                    known(),
                )
            })?;
        if resolved.contains(&index) {
            return Err(file.error(
                ErrorKind::Duplicate,
                id.span(),
                &field,
                format!("munition `{}` listed twice", id.get_ref()),
                "each munition once",
            ));
        }
        resolved.push(index);
    }
    Ok(resolved)
}
