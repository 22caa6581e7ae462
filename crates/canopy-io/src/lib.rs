//! Writers for a run's outputs: JSON summaries and JSON Lines event logs, flat tables as Parquet and CSV, each written whole
//! (a temporary file in the target directory, then a rename) so an interrupted run never leaves a
//! half-written file; and the event log read back ([`read_events`]).

pub mod atomic;
pub mod json;
pub mod jsonl;
#[cfg(feature = "parquet")]
pub mod parquet_file;
pub mod table;
pub mod table_csv;

pub use atomic::write_atomic;
pub use json::write_json;
pub use jsonl::{EventLog, EventLogError, JsonLinesRecorder, read_events};
#[cfg(feature = "parquet")]
pub use parquet_file::{ParquetTableWriter, parquet_bytes, write_parquet};
pub use table::{Column, ColumnType, Missing, Table, TableSchema};
pub use table_csv::{table_to_csv, write_csv};

/// Why an output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The file system refused.
    #[error("cannot write {path}: {error}")]
    Io {
        /// The file being written.
        path: String,
        /// What the file system said (in the message, not repeated as its cause).
        error: std::io::Error,
    },
    /// The value could not be serialised.
    #[error("cannot serialise {path}: {error}")]
    Serialise {
        /// The file being written.
        path: String,
        /// What went wrong (in the message, not repeated as its cause).
        error: serde_json::Error,
    },
    /// The Parquet encoder failed.
    #[error("cannot encode {path} as Parquet: {message}")]
    Parquet {
        /// The file being written.
        path: String,
        /// What the encoder said.
        message: String,
    },
}
