//! Exports of a night for map tools: GeoJSON (QGIS and other GIS) and KML (Google Earth).
//!
//! ```text
//! PreparedScenario ─┬► canopy_sim::paths (each threat's route) ─┐
//!                   └► sites and patrol stations ───────────────┼► night: MapFeatures ─► to_geojson
//! event log (canopy_io::read_events) ─► check, fates ───────────┘                     └► to_kml
//! ```
//!
//! Every feature has a `kind` ([`FeatureKind`]), a shape in `[lon, lat]` degrees, the time it
//! holds (ISO-8601 UTC `start` and `end`, and `time` for an instant) and its properties; the
//! formats only write them. docs/export.md describes the features and how to open the files.

mod check;
pub mod error;
pub mod fates;
pub mod feature;
pub mod night;
pub mod to_geojson;
pub mod to_kml;

use std::fmt;
use std::path::Path;
use std::str::FromStr;

pub use error::ExportError;
pub use feature::{FeatureKind, MapFeature, Shape, When};
pub use night::features;

/// A file format of an export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// GeoJSON (RFC 7946).
    GeoJson,
    /// KML 2.2.
    Kml,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 2] = [Format::GeoJson, Format::Kml];

    /// Its name on the command line.
    pub const fn name(self) -> &'static str {
        match self {
            Format::GeoJson => "geojson",
            Format::Kml => "kml",
        }
    }

    /// The format a file's extension names (`.geojson` or `.json`, `.kml`), if any.
    pub fn of_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "geojson" | "json" => Some(Format::GeoJson),
            "kml" => Some(Format::Kml),
            _ => None,
        }
    }

    /// The features as a file of this format, named `title`.
    pub fn write(self, title: &str, features: &[MapFeature]) -> Result<Vec<u8>, ExportError> {
        match self {
            Format::GeoJson => to_geojson::to_geojson(title, features),
            Format::Kml => to_kml::to_kml(title, features),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name that is not one.
#[derive(Debug, thiserror::Error)]
#[error("unknown format {0:?}; allowed: geojson, kml")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(name: &str) -> Result<Format, UnknownFormat> {
        Format::ALL
            .into_iter()
            .find(|format| format.name() == name)
            .ok_or_else(|| UnknownFormat(name.to_string()))
    }
}
