//! canopy-scenario (work in progress).

mod error;
mod ids;
pub mod library;
mod source;
pub mod units;

pub use error::{ErrorKind, Location, ScenarioError};
pub use library::Library;
