//! Checks the catalogues and builds the validated [`Library`].

use super::dis_type::dis_entity_type;
use super::entry::{Params, build_entries};
use super::index::{MunitionIndex, SensorIndex};
use super::raw::{
    self, APOGEE, AircraftCatalogue, MunitionCatalogue, RawAircraft, RawMunition, RawSystem,
    RawThreat, SystemCatalogue, ThreatCatalogue,
};
use super::types::{
    AircraftType, MunitionType, SensorKind, SensorType, SystemType, ThreatClass, ThreatType,
};
use super::{Library, LibraryTexts};
use super::{evaluation, sensors};
use crate::error::{ErrorKind, ScenarioError};
use crate::source::SourceFile;
use crate::spanned::Spanned;
use std::path::Path;

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
        systems: systems(texts.systems, &munitions, &sensors)?,
        aircraft: aircraft(texts.aircraft, &munitions, &sensors)?,
        munitions,
        sensors,
        evaluation: evaluation::evaluation(texts.evaluation)?,
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
    let dis_entity_type = dis_entity_type(file, &entry, &raw.dis_entity_type)?;
    let mut p = Params::new(file, entry);
    let n = raw.numbers(&mut p)?;
    let apogee_m = match (&raw.apogee_km, class) {
        (Some(apogee), ThreatClass::Ballistic) => Some(p.take(&APOGEE, apogee)?),
        (None, ThreatClass::Ballistic) => {
            return Err(file.error(
                ErrorKind::Schema,
                raw.class.span(),
                p.field(APOGEE.key),
                "a ballistic threat needs `apogee_km`",
                "apogee_km = { value = KM, source = \"URL\" } (or assumed with range)",
            ));
        }
        (Some(apogee), _) => {
            return Err(file.error(
                ErrorKind::Schema,
                apogee.span(),
                p.field(APOGEE.key),
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
        speed_mps: n.speed_mps,
        cruise_altitude_m: n.cruise_altitude_m,
        terminal_altitude_m: n.terminal_altitude_m,
        range_m: n.range_m,
        rcs_m2: n.rcs_m2,
        cost_usd: n.cost_usd,
        apogee_m,
        dis_entity_type,
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
    let dis_entity_type = dis_entity_type(file, &entry, &raw.dis_entity_type)?;
    let mut p = Params::new(file, entry);
    let n = raw.numbers(&mut p)?;
    Ok(MunitionType {
        id,
        name: raw.name.clone(),
        kind: raw.kind,
        max_range_m: n.max_range_m,
        min_range_m: n.min_range_m,
        max_altitude_m: n.max_altitude_m,
        min_altitude_m: n.min_altitude_m,
        speed_mps: n.speed_mps,
        cost_usd: n.cost_usd,
        pk: [n.pk_drone, n.pk_decoy, n.pk_cruise, n.pk_ballistic],
        self_destructs: raw.self_destructs,
        dis_entity_type,
        provenance: p.provenance,
    })
}

fn systems(
    text: &str,
    munitions: &[MunitionType],
    sensors: &[SensorType],
) -> Result<Vec<SystemType>, ScenarioError> {
    let mut file = open(SYSTEMS_FILE, text)?;
    let catalogue: SystemCatalogue = file.parse()?;
    build_entries(
        &file,
        "system",
        "system types",
        &catalogue.system,
        |r| &r.id,
        |entry, id, raw| system(&file, entry, id, raw, munitions, sensors),
    )
}

fn system(
    file: &SourceFile<'_>,
    entry: String,
    id: String,
    raw: &RawSystem,
    munitions: &[MunitionType],
    sensors: &[SensorType],
) -> Result<SystemType, ScenarioError> {
    let fireable = resolve_munitions(file, &entry, &raw.munitions, munitions)?;
    let radar = raw
        .radar
        .as_ref()
        .map(|id| resolve_radar(file, &entry, id, sensors))
        .transpose()?;
    let mut p = Params::new(file, entry);
    let n = raw.numbers(&mut p)?;
    Ok(SystemType {
        id,
        name: raw.name.clone(),
        munitions: fireable,
        reaction_time_s: n.reaction_time_s,
        radar_range_m: n.radar_range_m,
        launch_interval_s: n.launch_interval_s,
        // A checked count: whole, at least 1 and finite.
        fire_channels: n.fire_channels as u32,
        radar,
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
    let dis_entity_type = dis_entity_type(file, &entry, &raw.dis_entity_type)?;
    let mut p = Params::new(file, entry);
    let n = raw.numbers(&mut p)?;
    Ok(AircraftType {
        id,
        name: raw.name.clone(),
        cruise_speed_mps: n.cruise_speed_mps,
        dash_speed_mps: n.dash_speed_mps,
        combat_radius_m: n.combat_radius_m,
        dash_fuel_factor: n.dash_fuel_factor,
        endurance_s: n.endurance_s,
        patrol_altitude_m: n.patrol_altitude_m,
        radar_range_m: n.radar_range_m,
        cost_per_flight_hour_usd: n.cost_per_flight_hour_usd,
        munitions: carried,
        radar,
        dis_entity_type,
        provenance: p.provenance,
    })
}

/// Resolves an aircraft's or a system's `radar = "<sensor id>"`: a radar of sensors.toml.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::param::Unit;

    #[test]
    fn every_parameter_key_names_the_unit_it_is_converted_from() {
        let catalogues = [
            RawThreat::PARAMS,
            RawMunition::PARAMS,
            RawSystem::PARAMS,
            RawAircraft::PARAMS,
            sensors::RawSensor::PARAMS,
        ];
        let suffixes = [
            ("_km", Unit::Km),
            ("_kmh", Unit::KmPerHour),
            ("_h", Unit::Hours),
            ("_deg", Unit::Degrees),
        ];
        for param in catalogues.iter().copied().flatten() {
            let named = suffixes
                .iter()
                .find(|(suffix, _)| param.key.ends_with(suffix))
                .map_or(Unit::Si, |&(_, unit)| unit);
            assert_eq!(param.unit, named, "{}", param.key);
        }
    }
}
