//! `[[nation]]` and `[[rules]]`, and the check that every nation with forces has rules and a
//! zone to engage in.

use super::Context;
use super::common;
use crate::error::{ErrorKind, ScenarioError};
use crate::model::{Nation, Patrol, Rules, Site, Zone, ZoneKind};
use crate::raw::{POPULATED_DEBRIS_COST_RULE, RawNation, RawRules};
use crate::spanned::Spanned;
use crate::units::km_to_m;
use canopy_core::NationId;
use canopy_geo::{Borders, CountryCode};

/// The nations, in file order, with unique valid codes.
pub(super) fn nations(
    cx: &Context<'_, '_>,
    raw: &[Spanned<RawNation>],
) -> Result<Vec<Nation>, ScenarioError> {
    let mut nations: Vec<Nation> = Vec::with_capacity(raw.len());
    for (i, entry) in raw.iter().enumerate() {
        let nation = entry.get_ref();
        let field = format!("nation[{i}].code");
        let code = CountryCode::new(nation.code.get_ref()).map_err(|err| {
            cx.file.error(
                ErrorKind::Value,
                nation.code.span(),
                &field,
                err.to_string(),
                "an ISO 3166-1 alpha-2 code in quotes, e.g. \"PL\"",
            )
        })?;
        if nations.iter().any(|n| n.code == code) {
            return Err(cx.file.error(
                ErrorKind::Duplicate,
                nation.code.span(),
                &field,
                format!("nation `{code}` is declared twice"),
                "each nation once",
            ));
        }
        let id = u16::try_from(i).map_err(|_| {
            cx.file.error(
                ErrorKind::Value,
                entry.span(),
                &field,
                "too many nations",
                "at most 65535 nations",
            )
        })?;
        nations.push(Nation {
            id: NationId(id),
            code,
            name: nation.name.clone(),
            coalition: nation.coalition,
            rules: None,
        });
    }
    Ok(nations)
}

/// The id of a declared nation, or an error naming the declared codes.
pub(super) fn nation_id(
    cx: &Context<'_, '_>,
    field: &str,
    code: &Spanned<String>,
    nations: &[Nation],
) -> Result<NationId, ScenarioError> {
    let known: Vec<&str> = nations.iter().map(|n| n.code.as_str()).collect();
    let index = common::resolve(cx.file, field, code, "nation", &known)?;
    Ok(nations[index].id)
}

/// A country code known to the bundled borders, or an error naming them.
pub(super) fn border_country(
    cx: &Context<'_, '_>,
    field: &str,
    code: &Spanned<String>,
) -> Result<CountryCode, ScenarioError> {
    let borders = Borders::bundled();
    let known: Vec<&str> = borders
        .countries()
        .iter()
        .map(|c| c.code.as_str())
        .collect();
    let index = common::resolve(cx.file, field, code, "country", &known).map_err(|mut err| {
        err.allowed = format!("a country code of data/borders.geojson: {}", err.allowed);
        err
    })?;
    Ok(borders.countries()[index].code)
}

/// Attaches each `[[rules]]` to its nation (one per nation).
pub(super) fn rules(
    cx: &Context<'_, '_>,
    raw: &[RawRules],
    nations: &mut [Nation],
) -> Result<(), ScenarioError> {
    for (i, rules) in raw.iter().enumerate() {
        let field = format!("rules[{i}]");
        let nation = nation_id(cx, &format!("{field}.nation"), &rules.nation, nations)?;
        if nations[nation.index()].rules.is_some() {
            return Err(cx.file.error(
                ErrorKind::Duplicate,
                rules.nation.span(),
                format!("{field}.nation"),
                format!("a second [[rules]] for nation `{}`", rules.nation.get_ref()),
                "exactly one [[rules]] per nation",
            ));
        }
        let threat_classes = threat_classes(cx, &field, &rules.threat_classes)?;
        let mut min_distance_from: Vec<(CountryCode, f64, usize)> = Vec::new();
        for (code, distance) in &rules.min_distance_from_km {
            let field = format!("{field}.min_distance_from_km.{}", code.get_ref());
            let country = border_country(cx, &field, code)?;
            let km = common::number(
                cx.file,
                &field,
                distance,
                0.0..=f64::MAX,
                "a distance in km, 0 or more",
            )?;
            min_distance_from.push((country, km_to_m(km), code.span().start));
        }
        // Keep the order of the file.
        min_distance_from.sort_by_key(|&(_, _, offset)| offset);
        nations[nation.index()].rules = Some(Rules {
            threat_classes,
            min_distance_from: min_distance_from
                .into_iter()
                .map(|(c, m, _)| (c, m))
                .collect(),
            forbid_debris_on_nato: rules.forbid_debris_on_nato,
            populated_debris_cost_usd: match &rules.populated_debris_cost_usd {
                Some(cost) => common::number(
                    cx.file,
                    &format!("{field}.populated_debris_cost_usd"),
                    cost,
                    0.0..=f64::MAX,
                    POPULATED_DEBRIS_COST_RULE,
                )?,
                None => 0.0,
            },
        });
    }
    Ok(())
}

fn threat_classes(
    cx: &Context<'_, '_>,
    field: &str,
    raw: &Spanned<Vec<Spanned<crate::library::ThreatClass>>>,
) -> Result<Vec<crate::library::ThreatClass>, ScenarioError> {
    let field = format!("{field}.threat_classes");
    let allowed = "one or more of \"drone\", \"decoy\", \"cruise\", \"ballistic\", each once";
    if raw.get_ref().is_empty() {
        return Err(cx.file.error(
            ErrorKind::Value,
            raw.span(),
            &field,
            "no threat class listed",
            allowed,
        ));
    }
    let mut classes = Vec::new();
    for class in raw.get_ref() {
        if classes.contains(class.get_ref()) {
            return Err(cx.file.error(
                ErrorKind::Duplicate,
                class.span(),
                &field,
                format!("class \"{}\" listed twice", class.get_ref().as_str()),
                allowed,
            ));
        }
        classes.push(*class.get_ref());
    }
    Ok(classes)
}

/// Every nation with sites or patrols needs rules of engagement and an engagement zone.
pub(super) fn require_rules_and_zones(
    cx: &Context<'_, '_>,
    raw: &[Spanned<RawNation>],
    nations: &[Nation],
    sites: &[Site],
    patrols: &[Patrol],
    zones: &[Zone],
) -> Result<(), ScenarioError> {
    for (nation, entry) in nations.iter().zip(raw) {
        let has_forces = sites.iter().any(|s| s.nation == nation.id)
            || patrols.iter().any(|p| p.nation == nation.id);
        if !has_forces {
            continue;
        }
        let field = format!("nation[{}]", nation.id.index());
        if nation.rules.is_none() {
            return Err(cx.file.error(
                ErrorKind::Inconsistent,
                entry.span(),
                field,
                format!(
                    "nation `{}` has sites or patrols but no [[rules]]",
                    nation.code
                ),
                format!("a [[rules]] table with nation = \"{}\"", nation.code),
            ));
        }
        let engages_somewhere = zones
            .iter()
            .any(|z| z.kind == ZoneKind::Engagement && z.nations.contains(&nation.id));
        if !engages_somewhere {
            return Err(cx.file.error(
                ErrorKind::Inconsistent,
                entry.span(),
                field,
                format!(
                    "nation `{}` has sites or patrols but no engagement zone, so it could never engage",
                    nation.code
                ),
                format!("a [[zone]] with kind = \"engagement\" listing \"{}\"", nation.code),
            ));
        }
    }
    Ok(())
}
