//! `canopy schema`: print the JSON Schema of the scenario format, generated from the types the
//! parser reads a file into (schema/scenario.schema.json holds a copy; docs/scenario-format.md
//! says how editors use it).

/// Arguments of `canopy schema` (none).
#[derive(clap::Args)]
pub struct SchemaArgs {}

/// Prints the schema.
pub fn execute(_: SchemaArgs) -> anyhow::Result<()> {
    print!("{}", canopy_scenario::scenario_schema_json());
    Ok(())
}
