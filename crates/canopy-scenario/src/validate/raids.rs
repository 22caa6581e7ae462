//! `[[raid]]`: threats of one type, launched from one place over a window, towards targets.

use super::Context;
use super::common;
use crate::deal::Weighted;
use crate::error::{ErrorKind, ScenarioError};
use crate::ids::{UniqueIds, check_id};
use crate::library::ThreatIndex;
use crate::model::Raid;
use crate::places::Place;
use crate::raw::{MAX_THREATS, RAID_PLACES_RULE, RawChoice, RawRaid};
use crate::spanned::Spanned;
use canopy_core::SimTime;

/// The raids, in file order.
pub(super) fn raids(cx: &Context<'_, '_>, raw: &[RawRaid]) -> Result<Vec<Raid>, ScenarioError> {
    let threats: Vec<&str> = cx.library.threats.iter().map(|t| t.id.as_str()).collect();
    let mut ids = UniqueIds::default();
    raw.iter()
        .enumerate()
        .map(|(i, raid)| {
            let field = format!("raid[{i}]");
            let id_field = format!("{field}.id");
            let id = check_id(cx.file, &id_field, &raid.id)?;
            ids.insert(cx.file, &id_field, &raid.id, "raids")?;
            let threat = ThreatIndex(common::resolve(
                cx.file,
                &format!("{field}.threat"),
                &raid.threat,
                "threat type",
                &threats,
            )?);
            let targets = places(cx, &format!("{field}.targets"), &raid.targets)?;
            let via = raid
                .via
                .iter()
                .enumerate()
                .map(|(j, point)| common::point(cx.file, &format!("{field}.via[{j}]"), point))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Raid {
                id,
                threat,
                count: common::count(
                    cx.file,
                    &format!("{field}.count"),
                    &raid.count,
                    1..=MAX_THREATS,
                    "threats",
                )?,
                launches: places(cx, &format!("{field}.launch"), &raid.launch)?,
                window: window(cx, &format!("{field}.window"), &raid.window)?,
                targets,
                via,
            })
        })
        .collect()
}

/// The weighted places of a raid's `launch` or `targets`: one id, a list of ids of equal weight,
/// or a table of id = weight (each weight above 0). A list may name a place twice, to weight it.
fn places(
    cx: &Context<'_, '_>,
    field: &str,
    raw: &Spanned<RawChoice>,
) -> Result<Vec<Weighted<Place>>, ScenarioError> {
    let entries: Vec<(Spanned<String>, Option<&Spanned<f64>>)> = match raw.get_ref() {
        RawChoice::One(id) => vec![(Spanned::new(raw.span(), id.clone()), None)],
        RawChoice::List(ids) => ids.iter().map(|id| (id.clone(), None)).collect(),
        RawChoice::Weighted(entries) => entries
            .iter()
            .map(|(id, weight)| (id.clone(), Some(weight)))
            .collect(),
    };
    if entries.is_empty() {
        return Err(cx.file.error(
            ErrorKind::Value,
            raw.span(),
            field,
            "no places",
            RAID_PLACES_RULE,
        ));
    }
    entries
        .iter()
        .map(|(id, weight)| {
            let weight = match weight {
                None => 1.0,
                Some(weight) => common::number(
                    cx.file,
                    &format!("{field}.{}", id.get_ref()),
                    weight,
                    f64::MIN_POSITIVE..=f64::MAX,
                    "a weight above 0",
                )?,
            };
            Ok(Weighted {
                item: cx.place(field, id)?,
                weight,
            })
        })
        .collect()
}

/// `[first, last]` launch clock times: in order and within the run.
fn window(
    cx: &Context<'_, '_>,
    field: &str,
    raw: &Spanned<Vec<Spanned<String>>>,
) -> Result<(SimTime, SimTime), ScenarioError> {
    let [first, last] = raw.get_ref().as_slice() else {
        return Err(cx.file.error(
            ErrorKind::Value,
            raw.span(),
            field,
            format!("{} times given", raw.get_ref().len()),
            "[first, last]: two launch clock times, e.g. [\"22:00\", \"00:30\"]",
        ));
    };
    let first_time = common::clock_time(cx.file, &format!("{field}[0]"), cx.start, first)?;
    let last_time = common::clock_time(cx.file, &format!("{field}[1]"), cx.start, last)?;
    if last_time < first_time {
        return Err(cx.file.error(
            ErrorKind::Value,
            last.span(),
            format!("{field}[1]"),
            format!(
                "the window ends ({}, {} after the start) before it begins ({}, {} after the start)",
                last.get_ref(),
                last_time,
                first.get_ref(),
                first_time
            ),
            "a last launch time at or after the first (clock times before the scenario start are read as the next day)",
        ));
    }
    let end = SimTime::START + cx.duration;
    if last_time > end {
        return Err(cx.file.error(
            ErrorKind::Value,
            last.span(),
            format!("{field}[1]"),
            format!(
                "the last launch ({} after the start) is after the end of the run ({end})",
                last_time
            ),
            "launch times within the scenario's duration",
        ));
    }
    Ok((first_time, last_time))
}
