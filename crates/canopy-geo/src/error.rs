//! The crate's one error type.

/// Everything that can go wrong when building geographic values from outside input.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum GeoError {
    /// A coordinate or distance was NaN or infinite.
    #[error("{what} is not a finite number (got {value})")]
    NotFinite {
        /// Which quantity was bad, e.g. "latitude".
        what: &'static str,
        /// The value received.
        value: f64,
    },
    /// A latitude outside [-90, 90] degrees.
    #[error("latitude {lat_deg} is outside [-90, 90] degrees")]
    LatitudeOutOfRange {
        /// The latitude received, in degrees.
        lat_deg: f64,
    },
    /// A longitude outside [-180, 180] degrees.
    #[error("longitude {lon_deg} is outside [-180, 180] degrees")]
    LongitudeOutOfRange {
        /// The longitude received, in degrees.
        lon_deg: f64,
    },
    /// A polygon ring whose last vertex is not its first.
    #[error(
        "polygon does not close: first vertex [{}, {}] differs from last [{}, {}]",
        first[0], first[1], last[0], last[1]
    )]
    PolygonNotClosed {
        /// First vertex, in the order the input used.
        first: [f64; 2],
        /// Last vertex, in the order the input used.
        last: [f64; 2],
    },
    /// A polygon ring with fewer than 4 positions (3 corners plus the closing repeat).
    #[error(
        "polygon ring has {count} points; at least 4 are needed (3 corners and the first repeated at the end)"
    )]
    PolygonTooFewPoints {
        /// Number of positions received.
        count: usize,
    },
    /// A negative circle radius.
    #[error("circle radius {radius_m} m is negative")]
    NegativeRadius {
        /// The radius received, metres.
        radius_m: f64,
    },
    /// A country code that is not two ASCII uppercase letters.
    #[error(
        "country code {code:?} is not two ASCII uppercase letters (ISO 3166-1 alpha-2, e.g. \"PL\")"
    )]
    InvalidCountryCode {
        /// The text received.
        code: String,
    },
    /// A GeoJSON text that could not be used.
    #[error("GeoJSON {source_name}: {message}")]
    GeoJson {
        /// The file name (or other label) the text came from.
        source_name: String,
        /// Where in the document and what is wrong.
        message: String,
    },
}
