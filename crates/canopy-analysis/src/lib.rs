//! Monte Carlo over the simulation: replications in parallel with results independent of the
//! thread count, kept on disk batch by batch so that an interrupted run resumes and the shards of a
//! cluster job merge into exactly what one machine writes; aggregation with confidence intervals.
//!
//! ```text
//! plan (shard, batches) ──► montecarlo (rayon) ──► parts/ ──► outputs (runs.parquet, summary.json…)
//! ```
//!
//! The names of the figures derived from the runs (`leak_probability`, `leak_rate`, ...) are
//! defined once in [`figures`]; the runs' own columns are named by `canopy_sim::metrics::columns`.

pub mod compare;
pub mod experiment;
pub mod figures;
pub mod montecarlo;
pub mod night;
pub mod outputs;
pub mod parts;
pub mod plan;
pub mod record;
pub mod stats;
pub mod summary;
pub mod sweep;
pub mod uncertainty;

pub use experiment::{merge, run_experiment};
pub use montecarlo::{
    Completion, DEFAULT_BATCH_SIZE, Execution, run_one, run_range, run_replication,
};
pub use night::load_night;
pub use outputs::{Meta, Outputs, collect_metrics, collect_run_metrics, write_outputs};
pub use parts::{Manifest, Record, scenario_hash};
pub use plan::Shard;
pub use summary::{Summary, summarise};

/// Why a Monte Carlo could not run or be written.
#[derive(Debug, thiserror::Error)]
pub enum McError {
    /// A run option names nothing known.
    #[error("{0}")]
    Option(String),
    /// The thread pool could not be built.
    #[error("cannot start the worker threads: {0}")]
    Threads(String),
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What the file system said.
        source: std::io::Error,
    },
    /// A part or manifest file is not what this program writes.
    #[error("{path} is damaged: {problem}")]
    Corrupt {
        /// The file.
        path: String,
        /// What is wrong.
        problem: String,
    },
    /// The directory holds parts of another experiment.
    #[error(
        "{dir} holds parts of another Monte Carlo ({field}); use another output directory or remove its parts/"
    )]
    OtherExperiment {
        /// The directory.
        dir: String,
        /// The first field that differs.
        field: String,
    },
    /// A replication is missing from the parts.
    #[error("replication {missing} of [{first}, {end}) is in none of the parts")]
    Incomplete {
        /// The first replication missing.
        missing: u64,
        /// Start of the range wanted.
        first: u64,
        /// End of the range wanted.
        end: u64,
    },
    /// A merge was given no directory.
    #[error("merge needs at least one Monte Carlo directory")]
    NothingToMerge,
    /// An output could not be written.
    #[error(transparent)]
    Output(canopy_io::OutputError),
}
