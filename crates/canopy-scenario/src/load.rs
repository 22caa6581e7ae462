//! Entry points: read a scenario file (or text), parse it, validate it.

use crate::error::{ErrorKind, ScenarioError};
use crate::model::Scenario;
use crate::overlay::{Overlay, overlaid};
use crate::raw;
use crate::source::SourceFile;
use crate::validate;
use std::path::{Path, PathBuf};

/// The default scenario's text (`scenarios/western-shield.toml`), compiled in so that `canopy run`
/// works without the repository beside the binary.
pub const DEFAULT_SCENARIO_TOML: &str = include_str!("../../../scenarios/western-shield.toml");

/// The default scenario's path relative to the workspace root, as used in messages.
const DEFAULT_SCENARIO_NAME: &str = "scenarios/western-shield.toml";

/// Reads, parses and validates a scenario file.
pub fn load_scenario(path: &Path) -> Result<Scenario, ScenarioError> {
    load_scenario_with(path, &[]).map(|(scenario, _)| scenario)
}

/// Reads a scenario file, applies `overlays` (see [`crate::Overlay`]) and validates the result;
/// returns the scenario and the text it was validated from (the file's own text when there are
/// no overlays).
pub fn load_scenario_with(
    path: &Path,
    overlays: &[Overlay],
) -> Result<(Scenario, String), ScenarioError> {
    let bytes = std::fs::read(path).map_err(|err| read_error(path, &err))?;
    scenario_from_bytes(&bytes, path, overlays)
}

/// [`load_scenario_with`] on the bytes of a scenario file read elsewhere (on another machine of
/// a cluster, say): `origin` names the file in messages, and relative paths in it (GeoJSON
/// zones) are read relative to `origin`'s directory.
pub fn scenario_from_bytes(
    bytes: &[u8],
    origin: &Path,
    overlays: &[Overlay],
) -> Result<(Scenario, String), ScenarioError> {
    let mut file = SourceFile::from_bytes(origin, bytes, raw::describe)?;
    if overlays.is_empty() {
        let scenario = validate::scenario(&mut file, directory_of(origin))?;
        return Ok((scenario, file.text().to_string()));
    }
    let changed = overlaid(file.text(), origin, overlays)?;
    let scenario = parse_scenario(&changed.text, origin).map_err(|err| changed.relocate(err))?;
    Ok((scenario, changed.text))
}

fn read_error(path: &Path, err: &std::io::Error) -> ScenarioError {
    ScenarioError::whole_file(
        ErrorKind::Io,
        path,
        format!("cannot read the file: {err}"),
        "the path of a readable scenario file",
    )
}

/// Parses and validates a scenario text; `origin` names it in messages, and relative paths in
/// it (GeoJSON zones) are read relative to `origin`'s directory.
pub fn parse_scenario(text: &str, origin: &Path) -> Result<Scenario, ScenarioError> {
    let mut file = SourceFile::from_text(origin, text, raw::describe)?;
    validate::scenario(&mut file, directory_of(origin))
}

/// `scenarios/western-shield.toml` in the workspace this crate was built from.
pub fn default_scenario_path() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workspace = manifest.parent().and_then(Path::parent).unwrap_or(manifest);
    workspace.join(DEFAULT_SCENARIO_NAME)
}

/// The default scenario, from the compiled-in text (see [`DEFAULT_SCENARIO_TOML`]).
pub fn default_scenario() -> Result<Scenario, ScenarioError> {
    parse_scenario(DEFAULT_SCENARIO_TOML, Path::new(DEFAULT_SCENARIO_NAME))
}

fn directory_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}
