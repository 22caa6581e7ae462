//! What can go wrong in an export.

/// Why a night could not be exported.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// An event of the log cannot be drawn, or does not belong to the scenario.
    #[error("event {index} of the log: {message}")]
    Event {
        /// Its index in the log (from 0).
        index: usize,
        /// What is wrong with it.
        message: String,
    },
    /// The KML writer failed.
    #[error("cannot write KML: {0}")]
    Kml(String),
    /// The GeoJSON could not be serialised.
    #[error("cannot write GeoJSON: {0}")]
    GeoJson(#[from] serde_json::Error),
}
