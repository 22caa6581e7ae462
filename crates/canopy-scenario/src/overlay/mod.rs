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

mod edit;
mod locate;

use toml::{Table, Value};
use toml_edit::DocumentMut;

pub(crate) use locate::Overlaid;

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
        // A string that reads back as itself is written bare, as on the command line.
        match &self.value {
            Value::String(text) if parse_value(text) == self.value => {
                write!(f, "{}={text}", self.path)
            }
            value => write!(f, "{}={value}", self.path),
        }
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
/// returns the changed text; the text itself when there are none. Every line the overlays do not
/// touch is kept as written.
pub fn apply_overlays(
    text: &str,
    origin: &Path,
    overlays: &[Overlay],
) -> Result<String, ScenarioError> {
    overlaid(text, origin, overlays).map(|overlaid| overlaid.text)
}

/// [`apply_overlays`], keeping where each overlay put its value (see [`Overlaid::relocate`]).
pub(crate) fn overlaid(
    text: &str,
    origin: &Path,
    overlays: &[Overlay],
) -> Result<Overlaid, ScenarioError> {
    let mut document: DocumentMut = text.parse().map_err(|err: toml_edit::TomlError| {
        ScenarioError::whole_file(
            ErrorKind::Syntax,
            origin,
            format!("not TOML: {}", err.message()),
            "a TOML scenario file",
        )
    })?;
    for overlay in overlays {
        edit::set(&mut document, &overlay.path, &overlay.value).map_err(|(problem, allowed)| {
            ScenarioError {
                field: Some(overlay.path.clone()),
                ..ScenarioError::whole_file(ErrorKind::UnknownReference, origin, problem, allowed)
            }
        })?;
    }
    Ok(Overlaid::new(text, document.to_string(), overlays))
}

#[cfg(test)]
mod tests {
    use super::overlaid as overlaid_text;
    use super::*;
    use crate::{AuthorityMode, DEFAULT_SCENARIO_TOML, default_scenario, scenario_from_bytes};
    use canopy_geo::ZoneShape;

    fn overlaid(sets: &[&str]) -> Result<crate::Scenario, ScenarioError> {
        let overlays: Vec<Overlay> = sets.iter().map(|s| Overlay::parse(s).unwrap()).collect();
        let origin = Path::new("western-shield.toml");
        scenario_from_bytes(DEFAULT_SCENARIO_TOML.as_bytes(), origin, &overlays)
            .map(|(scenario, _)| scenario)
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
    fn an_unknown_path_lists_the_keys_of_the_file_then_the_optional_keys_of_the_format() {
        let message = overlaid(&["authority.mdoe=delegated"])
            .unwrap_err()
            .to_string();
        assert!(
            message.ends_with("one of: mode, approval_delay, refuse_within_km_of"),
            "{message}"
        );
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

    /// The 1-based line of the first line starting with `key` after the line `header`.
    fn line_of(header: &str, key: &str) -> u32 {
        let lines: Vec<&str> = DEFAULT_SCENARIO_TOML.lines().collect();
        let table = lines.iter().position(|line| line.trim() == header).unwrap();
        let offset = lines[table..]
            .iter()
            .position(|line| line.starts_with(key))
            .unwrap();
        u32::try_from(table + offset + 1).unwrap()
    }

    #[test]
    fn an_error_in_an_overlaid_value_names_the_overlay_at_the_key_of_the_file() {
        let err = overlaid(&["authority.mode=delegatd"]).unwrap_err();
        let mode = line_of("[authority]", "mode");
        assert_eq!(err.location.line_column, Some((mode, 1)));
        let message = err.to_string();
        assert!(
            message.starts_with(&format!(
                "western-shield.toml:{mode}:1: --set authority.mode=delegatd: unknown value `delegatd`"
            )),
            "{message}"
        );
        assert!(message.contains("per-engagement"), "{message}");

        let err = overlaid(&["authority.approval_delay=abc"]).unwrap_err();
        let delay = line_of("[authority]", "approval_delay");
        assert_eq!(err.location.line_column, Some((delay, 1)));
        let message = err.to_string();
        assert!(
            message.starts_with(&format!(
                "western-shield.toml:{delay}:1: --set authority.approval_delay=abc: "
            )),
            "{message}"
        );
        // The expected form is said once, as what is allowed.
        assert_eq!(message.matches("\"90s\"").count(), 1, "{message}");
    }

    #[test]
    fn an_error_in_a_key_the_file_leaves_out_names_the_overlay_without_a_line() {
        let err = overlaid(&["patrol.ua-f16-north.altitude_m=-5"]).unwrap_err();
        assert_eq!(err.location.line_column, None);
        assert!(
            err.to_string()
                .starts_with("western-shield.toml: --set patrol.ua-f16-north.altitude_m=-5: "),
            "{err}"
        );
    }

    #[test]
    fn lines_before_and_after_an_edit_keep_their_numbers() {
        let text = "schema_version = 1\n[authority]\nmode = \"delegated\"\nextra = 1\n";
        let origin = Path::new("t.toml");
        let overlays = [Overlay::parse("authority.mode=per-engagement").unwrap()];
        let changed = overlaid_text(text, origin, &overlays).unwrap();
        assert_eq!(
            changed.text,
            "schema_version = 1\n[authority]\nmode = \"per-engagement\"\nextra = 1\n"
        );
        let at = |line: u32, column: u32| ScenarioError {
            location: crate::Location {
                file: origin.into(),
                line_column: Some((line, column)),
            },
            ..ScenarioError::whole_file(ErrorKind::Schema, origin, "p", "a")
        };
        assert_eq!(
            changed.relocate(at(4, 1)).location.line_column,
            Some((4, 1))
        );
        assert_eq!(
            changed.relocate(at(2, 1)).location.line_column,
            Some((2, 1))
        );
        // The value starts after `mode = `, at column 8; the key is at column 1.
        let error = changed.relocate(at(3, 8));
        assert!(
            error
                .problem
                .starts_with("--set authority.mode=per-engagement: ")
        );
        assert_eq!(error.location.line_column, Some((3, 1)));
    }
}
