//! The library's errors as Python exceptions: a scenario that is refused raises
//! `canopy.ScenarioError` with where and what (as `canopy validate` prints it); the file system's
//! refusals raise `OSError`; anything else about a Monte Carlo `RuntimeError`.

use canopy_analysis::McError;
use canopy_analysis::compare::OptionError;
use canopy_io::OutputError;
use pyo3::exceptions::{PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;

pyo3::create_exception!(
    canopy,
    ScenarioError,
    PyValueError,
    "A scenario file that cannot be accepted, with where and what: `file`, `line` and `column` \
     (1-based; None when the problem is the whole file), `key` (the field path, e.g. \
     `raid[2].count`, or None), `problem`, `allowed` and `message` (the whole text, as `canopy \
     validate` prints it)."
);

/// `canopy.ScenarioError` for a refused scenario; `context` (an option's name, say) goes before
/// its message.
fn located(error: &canopy_scenario::ScenarioError, context: Option<&str>) -> PyErr {
    let message = match context {
        Some(context) => format!("{context}: {error}"),
        None => error.to_string(),
    };
    Python::attach(|py| {
        let err = ScenarioError::new_err(message.clone());
        let value = err.value(py);
        let (line, column) = error.location.line_column.unzip();
        let set = || -> PyResult<()> {
            value.setattr("file", error.location.file.display().to_string())?;
            value.setattr("line", line)?;
            value.setattr("column", column)?;
            value.setattr("key", error.field.clone())?;
            value.setattr("problem", error.problem.clone())?;
            value.setattr("allowed", error.allowed.clone())?;
            value.setattr("message", message)
        };
        match set() {
            Ok(()) => err,
            Err(failure) => failure,
        }
    })
}

/// A refused scenario as `canopy.ScenarioError`.
pub fn scenario_error(error: canopy_scenario::ScenarioError) -> PyErr {
    located(&error, None)
}

/// An option of a comparison that does not load: `canopy.ScenarioError` for its scenario,
/// `ValueError` for a setting that is not `KEY=VALUE`.
pub fn option_error(error: OptionError) -> PyErr {
    match &error {
        OptionError::Scenario { option, error } => {
            located(error, Some(&format!("option `{option}`")))
        }
        OptionError::Overlay { .. } => PyValueError::new_err(error.to_string()),
    }
}

/// An output that could not be made.
pub fn output_error(error: OutputError) -> PyErr {
    match error {
        OutputError::Io { .. } => PyOSError::new_err(error.to_string()),
        _ => PyRuntimeError::new_err(error.to_string()),
    }
}

/// A Monte Carlo that could not run, be read or be merged.
pub fn mc_error(error: McError) -> PyErr {
    match error {
        McError::Io { .. } => PyOSError::new_err(error.to_string()),
        McError::Output(error) => output_error(error),
        _ => PyRuntimeError::new_err(error.to_string()),
    }
}
