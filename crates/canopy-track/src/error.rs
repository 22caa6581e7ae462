//! Errors of the tracking crate.

use std::path::PathBuf;

/// What can go wrong while tracking or reading and writing bench files.
#[derive(Debug, thiserror::Error)]
pub enum TrackError {
    /// A file could not be opened, read or written.
    #[error("{path}: {error}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause (in the message, not chained, so it is reported once).
        error: std::io::Error,
    },
    /// A CSV file is malformed.
    #[error("{path}, line {line}, column `{column}`: {message}")]
    Malformed {
        /// The file.
        path: PathBuf,
        /// One-based line number (the header is line 1).
        line: u64,
        /// The column name (or `header`).
        column: String,
        /// What was wrong and what is allowed.
        message: String,
    },
    /// A configuration file is invalid.
    #[error("configuration {path}: {message}")]
    Config {
        /// The file.
        path: PathBuf,
        /// What was wrong.
        message: String,
    },
    /// A scan's time is not a finite number.
    #[error("scan time {time_s} is not a finite number of seconds")]
    NonFiniteTime {
        /// The scan's time.
        time_s: f64,
    },
    /// A scan arrived earlier than the previous one.
    #[error("scan at {time_s} s is earlier than the previous scan at {previous_s} s")]
    TimeWentBackwards {
        /// The scan's time, seconds.
        time_s: f64,
        /// The previous scan's time, seconds.
        previous_s: f64,
    },
    /// Scans processed as one batch were made at different times.
    #[error("scans of one batch must share a time: {time_s} s and {other_s} s")]
    MixedScanTimes {
        /// The first scan's time, seconds.
        time_s: f64,
        /// A different time in the same batch, seconds.
        other_s: f64,
    },
}
