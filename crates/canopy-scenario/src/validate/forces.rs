//! `[[site]]` and `[[patrol]]`: the defending forces, with their magazines and loadouts.

use super::Context;
use super::common;
use super::nations::nation_id;
use crate::error::{ErrorKind, ScenarioError};
use crate::ids::{UniqueIds, check_id};
use crate::library::{AircraftIndex, MunitionIndex, SystemIndex};
use crate::model::{Nation, Patrol, Site};
use crate::raw::{MAX_AIRCRAFT, MAX_ALTITUDE_M, RawPatrol, RawRounds, RawSite};
use crate::spanned::Spanned;
use canopy_core::{SimDuration, SimTime};
use canopy_geo::distance_m;

/// Most rounds of one munition in a magazine or loadout.
const MAX_ROUNDS: u32 = 100_000;

/// The sites, in file order.
pub(super) fn sites(
    cx: &Context<'_, '_>,
    raw: &[RawSite],
    nations: &[Nation],
    unit_ids: &mut UniqueIds,
) -> Result<Vec<Site>, ScenarioError> {
    let systems: Vec<&str> = cx.library.systems.iter().map(|s| s.id.as_str()).collect();
    raw.iter()
        .enumerate()
        .map(|(i, site)| {
            let field = format!("site[{i}]");
            let id_field = format!("{field}.id");
            let id = check_id(cx.file, &id_field, &site.id)?;
            unit_ids.insert(cx.file, &id_field, &site.id, "sites and patrols")?;
            let nation = nation_id(cx, &format!("{field}.nation"), &site.nation, nations)?;
            let system_field = format!("{field}.system");
            let system = SystemIndex(common::resolve(
                cx.file,
                &system_field,
                &site.system,
                "system",
                &systems,
            )?);
            let fireable = &cx.library.system(system).munitions;
            let owner = format!("system `{}`", site.system.get_ref());
            Ok(Site {
                id,
                nation,
                system,
                at: common::point(cx.file, &format!("{field}.at"), &site.at)?,
                magazine: rounds(
                    cx,
                    &format!("{field}.magazine"),
                    &site.magazine,
                    fireable,
                    &owner,
                    "fire",
                )?,
            })
        })
        .collect()
}

/// The patrols, in file order.
pub(super) fn patrols(
    cx: &Context<'_, '_>,
    raw: &[RawPatrol],
    nations: &[Nation],
    unit_ids: &mut UniqueIds,
) -> Result<Vec<Patrol>, ScenarioError> {
    let types: Vec<&str> = cx.library.aircraft.iter().map(|a| a.id.as_str()).collect();
    raw.iter()
        .enumerate()
        .map(|(i, patrol)| {
            let field = format!("patrol[{i}]");
            let id_field = format!("{field}.id");
            let id = check_id(cx.file, &id_field, &patrol.id)?;
            unit_ids.insert(cx.file, &id_field, &patrol.id, "sites and patrols")?;
            let nation = nation_id(cx, &format!("{field}.nation"), &patrol.nation, nations)?;
            let aircraft = AircraftIndex(common::resolve(
                cx.file,
                &format!("{field}.aircraft"),
                &patrol.aircraft,
                "aircraft type",
                &types,
            )?);
            let kind = cx.library.aircraft(aircraft);
            let owner = format!("aircraft `{}`", kind.id);
            let base = cx.place(&format!("{field}.base"), &patrol.base)?;
            let station = common::point(cx.file, &format!("{field}.station"), &patrol.station)?;
            let reach_m = distance_m(base.at, station);
            if reach_m > kind.combat_radius_m {
                return Err(cx.file.error(
                    ErrorKind::Inconsistent,
                    patrol.station.span(),
                    format!("{field}.station"),
                    format!(
                        "the station is {:.0} km from base `{}`, beyond the {}'s combat radius of {:.0} km",
                        reach_m / 1000.0,
                        base.id,
                        kind.id,
                        kind.combat_radius_m / 1000.0
                    ),
                    "a station within the aircraft's combat radius of its base",
                ));
            }
            let altitude_m = match &patrol.altitude_m {
                None => kind.patrol_altitude_m,
                Some(raw) => common::number(
                    cx.file,
                    &format!("{field}.altitude_m"),
                    raw,
                    f64::MIN_POSITIVE..=MAX_ALTITUDE_M,
                    "an altitude in metres, above 0 and at most 20000",
                )?,
            };
            let endurance = match &patrol.endurance {
                None => SimDuration::from_secs_f64(kind.endurance_s),
                Some(raw) => common::duration(cx.file, &format!("{field}.endurance"), raw, true)?,
            };
            let on_station = match &patrol.on_station {
                None => SimTime::START,
                Some(raw) => on_station(cx, &format!("{field}.on_station"), raw)?,
            };
            Ok(Patrol {
                id,
                nation,
                aircraft,
                count: common::count(cx.file, &format!("{field}.count"), &patrol.count, 1..=MAX_AIRCRAFT, "aircraft")?,
                spares: match &patrol.spares {
                    None => 0,
                    Some(raw) => common::count(cx.file, &format!("{field}.spares"), raw, 0..=MAX_AIRCRAFT, "spare aircraft")?,
                },
                loadout: rounds(cx, &format!("{field}.loadout"), &patrol.loadout, &kind.munitions, &owner, "carry")?,
                base,
                station,
                altitude_m,
                endurance,
                on_station,
            })
        })
        .collect()
}

/// A patrol's first time on station: a clock time within the run.
fn on_station(
    cx: &Context<'_, '_>,
    field: &str,
    raw: &Spanned<String>,
) -> Result<SimTime, ScenarioError> {
    let time = common::clock_time(cx.file, field, cx.start, raw)?;
    if time > SimTime::START + cx.duration {
        return Err(cx.file.error(
            ErrorKind::Value,
            raw.span(),
            field,
            format!("{time} after the start is after the end of the run"),
            "a clock time within the scenario's duration",
        ));
    }
    Ok(time)
}

/// A magazine or loadout: known munitions that `owner` can use (`verb`: fire, carry), each with a
/// whole number of rounds, in file order.
fn rounds(
    cx: &Context<'_, '_>,
    field: &str,
    raw: &RawRounds,
    usable: &[MunitionIndex],
    owner: &str,
    verb: &str,
) -> Result<Vec<(MunitionIndex, u32)>, ScenarioError> {
    let usable_ids: Vec<&str> = usable
        .iter()
        .map(|&m| cx.library.munition(m).id.as_str())
        .collect();
    if raw.get_ref().is_empty() {
        return Err(cx.file.error(
            ErrorKind::Value,
            raw.span(),
            field,
            "no munitions given",
            format!(
                "munitions the {owner} can {verb}: {}",
                usable_ids.join(", ")
            ),
        ));
    }
    let all_ids: Vec<&str> = cx.library.munitions.iter().map(|m| m.id.as_str()).collect();
    let mut entries: Vec<(usize, MunitionIndex, u32)> = Vec::new();
    for (id, count) in raw.get_ref() {
        let entry_field = format!("{field}.{}", id.get_ref());
        let munition = MunitionIndex(common::resolve(
            cx.file,
            &entry_field,
            id,
            "munition",
            &all_ids,
        )?);
        if !usable.contains(&munition) {
            return Err(cx.file.error(
                ErrorKind::Inconsistent,
                id.span(),
                &entry_field,
                format!("the {owner} cannot {verb} `{}`", id.get_ref()),
                format!(
                    "munitions the {owner} can {verb}: {}",
                    usable_ids.join(", ")
                ),
            ));
        }
        let rounds = common::count(cx.file, &entry_field, count, 0..=MAX_ROUNDS, "rounds")?;
        entries.push((id.span().start, munition, rounds));
    }
    entries.sort_by_key(|&(offset, _, _)| offset);
    Ok(entries.into_iter().map(|(_, m, n)| (m, n)).collect())
}
