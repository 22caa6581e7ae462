//! `canopy validate FILE`: check a scenario file; print a one-line summary if it is valid,
//! or the located error (file, line, field, what is allowed) if it is not.

use canopy_scenario::{AuthorityMode, Scenario, ThreatClass, load_scenario};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Arguments of `canopy validate`.
#[derive(clap::Args)]
pub struct ValidateArgs {
    /// The scenario file (TOML) to check.
    pub file: PathBuf,
}

/// Runs the subcommand.
pub fn execute(args: ValidateArgs) -> anyhow::Result<()> {
    let scenario = load_scenario(&args.file)?;
    println!("{}", summary(&args.file, &scenario));
    Ok(())
}

/// One line saying what the scenario holds.
fn summary(file: &Path, s: &Scenario) -> String {
    let targets: BTreeSet<&str> = s
        .raids
        .iter()
        .flat_map(|raid| raid.target_places().map(|t| t.id.as_str()))
        .collect();
    let threats: Vec<String> = ThreatClass::ALL
        .iter()
        .map(|&class| format!("{} {}", s.threat_count(class), class.as_str()))
        .collect();
    let mode = match s.authority.mode {
        AuthorityMode::Delegated => "delegated",
        AuthorityMode::PerEngagement => "per-engagement",
    };
    format!(
        "{}: valid scenario `{}`: {} nations, {} sites, {} patrols, {} zones, {} EW areas; {} raids ({}) against {} targets; {} authority",
        file.display(),
        s.name,
        s.nations.len(),
        s.sites.len(),
        s.patrols.len(),
        s.zones.len(),
        s.ew.len(),
        s.raids.len(),
        threats.join(", "),
        targets.len(),
        mode,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summarises_the_default_scenario() {
        let path = canopy_scenario::default_scenario_path();
        let scenario = load_scenario(&path).unwrap();
        let line = summary(Path::new("w.toml"), &scenario);
        assert_eq!(
            line,
            "w.toml: valid scenario `western-shield`: 5 nations, 13 sites, 7 patrols, 10 zones, 0 EW areas; \
             8 raids (65 drone, 35 decoy, 30 cruise, 4 ballistic) against 10 targets; \
             per-engagement authority"
        );
    }

    #[test]
    fn a_bad_file_fails_with_its_location() {
        let path =
            std::env::temp_dir().join(format!("canopy-validate-{}.toml", std::process::id()));
        std::fs::write(&path, "schema_version = 1\n[scenario]\nname = 3\n").unwrap();
        let result = execute(ValidateArgs { file: path.clone() });
        std::fs::remove_file(&path).unwrap();
        let message = format!("{:#}", result.unwrap_err());
        assert!(
            message.contains(&format!("{}:3:8", path.display())),
            "{message}"
        );
        assert!(message.contains("field `scenario.name`"), "{message}");
    }
}
