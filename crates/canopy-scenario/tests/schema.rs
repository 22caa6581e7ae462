//! The scenario format's JSON Schema: the copy in the repository (schema/scenario.schema.json) is
//! the one the types generate, every bundled scenario points its editor at it, and every key
//! the schema knows has a description.

use std::path::{Path, PathBuf};

use serde_json::Value;

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let path = repository().join(canopy_scenario::SCHEMA_PATH);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == canopy_scenario::scenario_schema_json(),
        "{} differs from the schema the scenario types generate: after changing them, run \
         `cargo run -- schema > {}` and commit the file",
        path.display(),
        canopy_scenario::SCHEMA_PATH
    );
}

#[test]
fn every_bundled_scenario_points_at_the_schema() {
    let directive = format!("#:schema ../{}", canopy_scenario::SCHEMA_PATH);
    let mut checked = 0;
    for entry in std::fs::read_dir(repository().join("scenarios")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            assert_eq!(
                text.lines().next(),
                Some(directive.as_str()),
                "{}",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 5, "{checked} scenarios");
}

/// Every key under `schema` (at `path`), with its description if it has one.
fn keys(schema: &Value, path: &str, out: &mut Vec<(String, Option<String>)>) {
    if let Some(properties) = schema["properties"].as_object() {
        for (key, property) in properties {
            let field = format!("{path}.{key}");
            let description = property["description"].as_str().map(str::to_string);
            out.push((field.clone(), description));
            keys(property, &field, out);
        }
    }
    for nested in ["items", "anyOf"] {
        match &schema[nested] {
            Value::Array(schemas) => schemas.iter().for_each(|s| keys(s, path, out)),
            object @ Value::Object(_) => keys(object, path, out),
            _ => {}
        }
    }
}

#[test]
fn every_key_is_described_with_what_it_accepts() {
    let schema = canopy_scenario::scenario_schema();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(schema["additionalProperties"], false);
    let mut all = Vec::new();
    keys(&schema, "", &mut all);
    assert!(all.len() > 80, "{} keys", all.len());
    for (key, description) in &all {
        assert!(description.is_some(), "{key} has no description");
    }
    let described = |key: &str| {
        let (_, description) = all.iter().find(|(k, _)| k == key).unwrap();
        description.clone().unwrap()
    };
    assert!(described(".patrol.count").contains("Allowed: a whole number of aircraft, 1 to 64"));
    assert!(described(".zone.kind").contains("\"no-fire\""));
    let zone_kinds =
        serde_json::to_string(&schema["properties"]["zone"]["items"]["properties"]["kind"])
            .unwrap();
    for kind in ["engagement", "no-fire", "approval-required"] {
        assert!(zone_kinds.contains(&format!("\"{kind}\"")), "{zone_kinds}");
    }
}
