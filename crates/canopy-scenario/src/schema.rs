//! The JSON Schema of the scenario file (`canopy schema`), generated from the raw types the
//! parser reads a file into ([`crate::raw`]), so that it cannot drift from the parser: the keys,
//! their types, which are required, the allowed names (`"no-fire"`, `"drone"`, ...) and
//! unknown keys refused everywhere, as the parser does. Each key's description is its field's
//! doc comment followed by what the key accepts in the words of the parser's error messages.
//! Ranges the schema states are the parser's (shared constants); checks across keys (a nation
//! code that is declared, a place id that exists, exactly one shape) are the parser's alone.
//!
//! Draft 7, the draft TOML editors (taplo and those built on it) and most validators read.

use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::raw::{RawScenario, describe};

/// Where the schema is kept in the repository, and where the bundled scenarios' `#:schema` line
/// points (`../schema/scenario.schema.json` from `scenarios/`).
pub const SCHEMA_PATH: &str = "schema/scenario.schema.json";

/// The JSON Schema of the scenario file.
pub fn scenario_schema() -> Value {
    let mut settings = SchemaSettings::draft07();
    settings.inline_subschemas = true;
    let mut schema = settings
        .into_generator()
        .into_root_schema_for::<RawScenario>()
        .to_value();
    add_allowed(&mut schema, "");
    tidy(&mut schema);
    schema
}

/// The schema as pretty-printed JSON with a final newline, as `canopy schema` prints it and
/// [`SCHEMA_PATH`] holds it.
pub fn scenario_schema_json() -> String {
    let mut text = serde_json::to_string_pretty(&scenario_schema())
        .unwrap_or_else(|err| format!("{{\"error\": \"{err}\"}}"));
    text.push('\n');
    text
}

/// Appends to the description of each key under `schema` (at field path `path`, as the parser's
/// messages name it) what the key accepts.
fn add_allowed(schema: &mut Value, path: &str) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    if let Some(Value::Object(properties)) = object.get_mut("properties") {
        for (key, property) in properties.iter_mut() {
            let field = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            if let (Some(allowed), Some(described)) = (describe(&field), property.as_object_mut()) {
                let text = match described.get("description").and_then(Value::as_str) {
                    Some(doc) => format!("{doc} Allowed: {allowed}."),
                    None => format!("Allowed: {allowed}."),
                };
                described.insert("description".into(), Value::from(text));
            }
            add_allowed(property, &field);
        }
    }
    for nested in ["items", "anyOf", "oneOf"] {
        match object.get_mut(nested) {
            Some(Value::Array(schemas)) => {
                for schema in schemas {
                    add_allowed(schema, path);
                }
            }
            Some(schema @ Value::Object(_)) => add_allowed(schema, path),
            _ => {}
        }
    }
}

/// Tidies every schema under `schema`: a TOML file has no null, so an optional key's schema is
/// its value's (without schemars's `null` alternative); descriptions are one line each.
fn tidy(schema: &mut Value) {
    match schema {
        Value::Object(object) => {
            if let Some(Value::Array(types)) = object.get_mut("type") {
                types.retain(|t| t != "null");
                if let [only] = types.as_slice() {
                    let only = only.clone();
                    object.insert("type".into(), only);
                }
            }
            if let Some(Value::Array(alternatives)) = object.get_mut("anyOf") {
                alternatives.retain(|a| a.get("type").is_none_or(|t| t != "null"));
                if let [Value::Object(only)] = alternatives.as_slice() {
                    let only = only.clone();
                    object.remove("anyOf");
                    for (key, value) in only {
                        object.entry(key).or_insert(value);
                    }
                }
            }
            if let Some(Value::String(description)) = object.get_mut("description") {
                *description = description.split_whitespace().collect::<Vec<_>>().join(" ");
            }
            object.values_mut().for_each(tidy);
        }
        Value::Array(items) => items.iter_mut().for_each(tidy),
        _ => {}
    }
}

/// The keys the format allows in the table at `field` (a field path without item names, such as
/// `authority` or `patrol`; empty for the top level), as the schema lists them.
pub(crate) fn format_keys(field: &str) -> Vec<String> {
    let schema = scenario_schema();
    let mut node = &schema;
    for key in field.split('.').filter(|key| !key.is_empty()) {
        let Some(inner) = node.get("properties").and_then(|keys| keys.get(key)) else {
            return Vec::new();
        };
        node = inner.get("items").unwrap_or(inner);
    }
    node.get("properties")
        .and_then(Value::as_object)
        .map(|keys| keys.keys().cloned().collect())
        .unwrap_or_default()
}
