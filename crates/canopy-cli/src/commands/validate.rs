//! `canopy validate FILE`: check a scenario file; print a one-line summary if it is valid,
//! or the located error (file, line, field, what is allowed) if it is not.

use canopy_scenario::load_scenario;
use std::path::PathBuf;

/// Arguments of `canopy validate`.
#[derive(clap::Args)]
pub struct ValidateArgs {
    /// The scenario file (TOML) to check.
    pub file: PathBuf,
}

/// Runs the subcommand.
pub fn execute(args: ValidateArgs) -> anyhow::Result<()> {
    let scenario = load_scenario(&args.file)?;
    println!("{}: {}", args.file.display(), scenario.summary());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_file_fails_with_its_location() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("scenario.toml");
        std::fs::write(&path, "schema_version = 1\n[scenario]\nname = 3\n").unwrap();
        let result = execute(ValidateArgs { file: path.clone() });
        let message = format!("{:#}", result.unwrap_err());
        assert!(
            message.contains(&format!("{}:3:8", path.display())),
            "{message}"
        );
        assert!(message.contains("field `scenario.name`"), "{message}");
    }
}
