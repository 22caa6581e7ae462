//! `canopy export EVENTS.jsonl`: a night's event log, drawn over its scenario, as GeoJSON or KML
//! for map tools (docs/export.md).

use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow, bail};
use canopy_export::{ExportError, FeatureKind, Format};
use canopy_sim::PreparedScenario;

/// Arguments of `canopy export`.
#[derive(clap::Args)]
pub struct ExportArgs {
    /// The event log, as written by `canopy run --events FILE`.
    pub events: PathBuf,
    /// The scenario the night was run from (default: scenarios/western-shield.toml).
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// The overlays the night was run with, `KEY=VALUE` (repeatable; as for `canopy run --set`).
    #[arg(long = "set", value_parser = canopy_scenario::Overlay::parse)]
    pub sets: Vec<canopy_scenario::Overlay>,
    /// geojson or kml (default: from the extension of --out, .geojson or .kml).
    #[arg(long, value_parser = str::parse::<Format>)]
    pub format: Option<Format>,
    /// The file to write (written whole).
    #[arg(long)]
    pub out: PathBuf,
}

/// Writes the export and prints its counts of features by kind.
pub fn execute(args: ExportArgs) -> anyhow::Result<()> {
    let Some(format) = args.format.or_else(|| Format::of_path(&args.out)) else {
        bail!(
            "--format geojson or --format kml: the extension of {} names neither",
            args.out.display()
        );
    };
    let log = canopy_io::read_events(&args.events)?;
    let scenario_path = args
        .scenario
        .clone()
        .unwrap_or_else(canopy_scenario::default_scenario_path);
    let (scenario, _) = canopy_scenario::load_scenario_with(&scenario_path, &args.sets)?;
    let title = format!("{}: {}", scenario.name, file_name(&args.events));
    let prepared = PreparedScenario::new(scenario);
    let features = canopy_export::features(&prepared, &log.events).map_err(|err| match err {
        ExportError::Event { index, message } => anyhow!(
            "{}:{}: {message} (scenario {})",
            args.events.display(),
            log.lines.get(index).copied().unwrap_or(0),
            scenario_path.display()
        ),
        other => other.into(),
    })?;
    let bytes = format.write(&title, &features)?;
    canopy_io::write_atomic(&args.out, &bytes).context("writing the --out file")?;
    let counts: Vec<String> = FeatureKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let count = features.iter().filter(|f| f.kind == kind).count();
            (count > 0).then(|| format!("{count} {}", kind.name()))
        })
        .collect();
    println!(
        "{}: {} features ({})",
        args.out.display(),
        features.len(),
        counts.join(", ")
    );
    Ok(())
}

/// The last component of a path, for the export's title.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}
