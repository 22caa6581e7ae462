//! Overlays: `KEY=VALUE` changes applied to a scenario text before validation, so that an option
//! of a comparison is the base file plus a few edits (`authority.mode=delegated`,
//! `zone.coalition-not-east-of-26e.east_of_meridian=24.0`, `nation.SK.coalition=false`).
//!
//! A key is a dotted path through the TOML document. Inside an array of tables (`[[zone]]`,
//! `[[nation]]`, `[[rules]]`, ...) an item is named by its `id`, `code` or `nation` key, or by its
//! 0-based position. The value is read as a TOML value (`24.0`, `false`, `[]`,
//! `{ pac3-mse = 4 }`, `"90s"`), and taken as a plain string when it is not one (`delegated`,
//! `60s`). A path ending at an array item with the value `remove` deletes that item
//! (`patrol.pl-cap-lviv=remove`). A path may name a key the file has, or an optional key of the
//! format that the file leaves out (`patrol.ua-f16-north.altitude_m=5000`); a path that names
//! nothing is refused with the path and what exists at the point where it stops. The changed
//! document is validated as a whole, like a file.

use std::path::Path;

use toml::{Table, Value};

use crate::error::{ErrorKind, ScenarioError};

/// Keys that name an item of an array of tables, tried in this order.
const ITEM_KEYS: [&str; 3] = ["id", "code", "nation"];

/// The value that removes the array item a path names (`patrol.pl-cap-lviv=remove`).
pub const REMOVE: &str = "remove";

/// One `KEY=VALUE` change.
#[derive(Clone, Debug, PartialEq)]
pub struct Overlay {
    /// The dotted path, e.g. `authority.mode`.
    pub path: String,
    /// The value to put there.
    pub value: Value,
}

impl Overlay {
    /// Reads `KEY=VALUE` (the value as TOML, else as a string).
    pub fn parse(text: &str) -> Result<Overlay, String> {
        let (path, raw) = text
            .split_once('=')
            .ok_or_else(|| format!("`{text}` is not KEY=VALUE"))?;
        let path = path.trim();
        if path.is_empty() || path.split('.').any(str::is_empty) {
            return Err(format!(
                "`{text}`: the key must be a dotted path such as authority.mode"
            ));
        }
        Ok(Overlay {
            path: path.to_string(),
            value: parse_value(raw.trim()),
        })
    }
}

impl std::fmt::Display for Overlay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}={}", self.path, self.value)
    }
}

/// A TOML value if `raw` is one, else the string itself.
fn parse_value(raw: &str) -> Value {
    toml::from_str::<Table>(&format!("value = {raw}"))
        .ok()
        .and_then(|mut table| table.remove("value"))
        .unwrap_or_else(|| Value::String(raw.to_string()))
}

/// Applies `overlays` in order to the scenario text `text` (named `origin` in messages) and
/// returns the changed text; the text itself when there are none.
pub fn apply_overlays(
    text: &str,
    origin: &Path,
    overlays: &[Overlay],
) -> Result<String, ScenarioError> {
    if overlays.is_empty() {
        return Ok(text.to_string());
    }
    let mut document: Table = toml::from_str(text).map_err(|err| {
        ScenarioError::whole_file(
            ErrorKind::Syntax,
            origin,
            format!("not TOML: {}", err.message()),
            "a TOML scenario file",
        )
    })?;
    for overlay in overlays {
        set(&mut document, overlay).map_err(|(problem, allowed)| ScenarioError {
            field: Some(overlay.path.clone()),
            ..ScenarioError::whole_file(ErrorKind::UnknownReference, origin, problem, allowed)
        })?;
    }
    Ok(toml::to_string(&document).expect("a TOML table serialises"))
}

/// Sets one overlay's value; on failure, what is wrong and what exists there.
fn set(document: &mut Table, overlay: &Overlay) -> Result<(), (String, String)> {
    let segments: Vec<&str> = overlay.path.split('.').collect();
    let mut table = document;
    let mut walked = String::new();
    // The path of table keys alone (item names left out), as the format's reference names it.
    let mut field = String::new();
    let mut i = 0;
    loop {
        let key = segments[i];
        let last = i + 1 == segments.len();
        extend(&mut field, key);
        let optional_key = last && crate::raw::describe(&field).is_some();
        if !table.contains_key(key) && !optional_key {
            return Err(unknown(&walked, key, table.keys().cloned().collect()));
        }
        if last {
            table.insert(key.to_string(), overlay.value.clone());
            return Ok(());
        }
        extend(&mut walked, key);
        i += 1;
        table = match table.get_mut(key).expect("checked above") {
            Value::Table(inner) => inner,
            Value::Array(items) => {
                let name = segments[i];
                let index = find_item(items, name)
                    .ok_or_else(|| unknown(&walked, name, item_names(items)))?;
                extend(&mut walked, name);
                i += 1;
                if i == segments.len() {
                    if overlay.value.as_str() == Some(REMOVE) {
                        items.remove(index);
                        return Ok(());
                    }
                    return Err((
                        format!("`{walked}` names an item, not a key"),
                        format!("a key of the item, e.g. `{walked}.id`, or `{walked}={REMOVE}`"),
                    ));
                }
                match &mut items[index] {
                    Value::Table(inner) => inner,
                    _ => return Err(not_a_table(&walked)),
                }
            }
            _ => return Err(not_a_table(&walked)),
        };
    }
}

fn extend(walked: &mut String, segment: &str) {
    if !walked.is_empty() {
        walked.push('.');
    }
    walked.push_str(segment);
}

/// The index of the array item named `name` (by an item key or a 0-based position).
fn find_item(items: &[Value], name: &str) -> Option<usize> {
    items
        .iter()
        .position(|item| {
            ITEM_KEYS
                .iter()
                .any(|key| item.get(key).and_then(Value::as_str) == Some(name))
        })
        .or_else(|| name.parse::<usize>().ok().filter(|&i| i < items.len()))
}

/// The names of an array's items (their first item key, else their position).
fn item_names(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            ITEM_KEYS
                .iter()
                .find_map(|key| item.get(key).and_then(Value::as_str))
                .map_or_else(|| index.to_string(), str::to_string)
        })
        .collect()
}

fn unknown(walked: &str, segment: &str, existing: Vec<String>) -> (String, String) {
    let full = if walked.is_empty() {
        segment.to_string()
    } else {
        format!("{walked}.{segment}")
    };
    let place = if walked.is_empty() {
        "the top level".to_string()
    } else {
        format!("`{walked}`")
    };
    (
        format!("unknown overlay path `{full}`: `{segment}` is not in {place}"),
        format!("one of: {}", existing.join(", ")),
    )
}

fn not_a_table(walked: &str) -> (String, String) {
    (
        format!("`{walked}` is a value, not a table"),
        format!("a path ending at `{walked}`"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AuthorityMode, DEFAULT_SCENARIO_TOML, default_scenario, parse_scenario};
    use canopy_geo::ZoneShape;

    fn overlaid(sets: &[&str]) -> Result<crate::Scenario, ScenarioError> {
        let overlays: Vec<Overlay> = sets.iter().map(|s| Overlay::parse(s).unwrap()).collect();
        let origin = Path::new("western-shield.toml");
        let text = apply_overlays(DEFAULT_SCENARIO_TOML, origin, &overlays)?;
        parse_scenario(&text, origin)
    }

    #[test]
    fn an_optional_key_the_file_leaves_out_can_be_set() {
        // The default scenario gives `ua-f16-north` no altitude; the format allows one.
        let changed = overlaid(&["patrol.ua-f16-north.altitude_m=5000"]).unwrap();
        let patrol = changed
            .patrols
            .iter()
            .find(|patrol| patrol.id.as_str() == "ua-f16-north")
            .unwrap();
        assert_eq!(patrol.altitude_m, 5000.0);
        let err = overlaid(&["patrol.ua-f16-north.altitude_km=5"]).unwrap_err();
        assert!(err.to_string().contains("altitude_km"), "{err}");
    }

    #[test]
    fn the_cost_weight_defaults_to_two_and_can_be_set_though_the_file_has_no_c2_table() {
        assert_eq!(overlaid(&[]).unwrap().c2.cost_weight, 2.0);
        assert_eq!(overlaid(&["c2.cost_weight=3"]).unwrap().c2.cost_weight, 3.0);
        let err = overlaid(&["c2.cost_weight=-0.5"]).unwrap_err();
        assert!(err.to_string().contains("c2.cost_weight"), "{err}");
    }

    #[test]
    fn values_are_toml_or_else_strings() {
        assert_eq!(parse_value("24.0"), Value::Float(24.0));
        assert_eq!(parse_value("false"), Value::Boolean(false));
        assert_eq!(parse_value("3"), Value::Integer(3));
        assert_eq!(parse_value("[]"), Value::Array(Vec::new()));
        assert_eq!(parse_value("delegated"), Value::String("delegated".into()));
        assert_eq!(parse_value("\"60s\""), Value::String("60s".into()));
        assert_eq!(parse_value("60s"), Value::String("60s".into()));
        assert!(Overlay::parse("authority.mode").is_err());
        assert!(Overlay::parse("authority..mode=x").is_err());
    }

    #[test]
    fn overlays_change_what_they_name_and_nothing_else() {
        let base = default_scenario().unwrap();
        let changed = overlaid(&[
            "authority.mode=delegated",
            "authority.approval_delay=600s",
            "zone.coalition-not-east-of-26e.east_of_meridian=24.0",
            "nation.SK.coalition=false",
        ])
        .unwrap();
        assert_eq!(base.authority.mode, AuthorityMode::PerEngagement);
        assert_eq!(changed.authority.mode, AuthorityMode::Delegated);
        assert_eq!(changed.authority.approval_delay.as_secs_f64(), 600.0);
        let zone = |s: &crate::Scenario| {
            s.zones
                .iter()
                .find(|z| z.id == "coalition-not-east-of-26e")
                .unwrap()
                .shape
                .clone()
        };
        assert!(matches!(zone(&base), ZoneShape::EastOfMeridian { .. }));
        assert_ne!(
            format!("{:?}", zone(&base)),
            format!("{:?}", zone(&changed))
        );
        let coalition = |s: &crate::Scenario, code: &str| {
            s.nations.iter().find(|n| n.code == code).unwrap().coalition
        };
        assert!(coalition(&base, "SK") && !coalition(&changed, "SK"));
        assert!(coalition(&changed, "PL"));
        // Everything else is as in the file.
        assert_eq!(changed.sites.len(), base.sites.len());
        assert_eq!(changed.patrols.len(), base.patrols.len());
        assert_eq!(changed.raids.len(), base.raids.len());
        assert_eq!(changed.zones.len(), base.zones.len());
    }

    #[test]
    fn setting_a_value_to_itself_round_trips() {
        let base = default_scenario().unwrap();
        let same =
            overlaid(&["authority.mode=per-engagement", "nation.PL.coalition=true"]).unwrap();
        let (a, b) = (format!("{base:?}"), format!("{same:?}"));
        let at = a
            .bytes()
            .zip(b.bytes())
            .position(|(x, y)| x != y)
            .unwrap_or(a.len().min(b.len()));
        assert!(
            a == b,
            "differ at {at}: {:?} vs {:?}",
            &a[at.saturating_sub(80)..(at + 80).min(a.len())],
            &b[at.saturating_sub(80)..(at + 80).min(b.len())]
        );
    }

    #[test]
    fn a_whole_array_can_be_emptied() {
        let changed = overlaid(&["patrol=[]"]).unwrap();
        assert!(changed.patrols.is_empty());
    }

    #[test]
    fn one_array_item_can_be_removed_by_its_id() {
        let base = default_scenario().unwrap();
        let changed = overlaid(&[
            "patrol.pl-cap-lviv=remove",
            "patrol.sk-cap-lviv-east=remove",
        ])
        .unwrap();
        let ids = |s: &crate::Scenario| -> Vec<String> {
            s.patrols.iter().map(|p| p.id.to_string()).collect()
        };
        // the file has seven patrols; two named ones go, the other five stay in order
        assert_eq!(base.patrols.len(), 7);
        assert_eq!(
            ids(&changed),
            [
                "ua-mig29-west",
                "ua-f16-north",
                "pl-cap-volyn",
                "ro-cap-frankivsk",
                "hu-cap-dobrotvir"
            ]
        );
        let err = overlaid(&["patrol.pl-cap-nowhere=remove"]).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("`patrol.pl-cap-nowhere`"), "{message}");
        assert!(message.contains("pl-cap-volyn"), "{message}");
    }

    #[test]
    fn an_unknown_path_is_refused_with_its_name_and_what_exists() {
        let err = overlaid(&["authority.mdoe=delegated"]).unwrap_err();
        let message = err.to_string();
        assert_eq!(err.field.as_deref(), Some("authority.mdoe"));
        assert!(message.contains("`authority.mdoe`"), "{message}");
        assert!(
            message.contains("one of: mode, approval_delay"),
            "{message}"
        );
        let err = overlaid(&["zone.west-of-26e.west_of_meridian=24.0"]).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("`zone.west-of-26e`"), "{message}");
        assert!(message.contains("coalition-not-east-of-26e"), "{message}");
        let err = overlaid(&["nation.XX.coalition=false"]).unwrap_err();
        assert!(err.to_string().contains("PL, SK, RO, HU"), "{err}");
        let err = overlaid(&["nation.PL=1"]).unwrap_err();
        assert!(err.to_string().contains("names an item"), "{err}");
    }
}
