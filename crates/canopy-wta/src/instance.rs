//! Instance and solution files (JSON).
//!
//! Instance: `{"weapons": W, "targets": T, "values": [T numbers], "pk": [W rows of T numbers]}`
//! with optional `"cost"` (W numbers), `"lambda"` (cost weight, default 1) and `"forbidden"`
//! (list of `[weapon, target]`). Other top-level keys (such as `"meta"`) are ignored. Every
//! weapon is a single-round shooter. Solution: `{"assignment": [target per weapon, -1 for
//! none], "objective": x, "lower_bound": y or null, "time_ms": t}`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::problem::{Problem, ProblemBuilder, ProblemError, Shooter};
use crate::solver::Solution;

/// Why an instance or solution file could not be read or written.
#[derive(Debug, Error)]
pub enum InstanceError {
    /// The file could not be read or written.
    #[error("{path}: {error}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error (in the message, not chained, so it is reported once).
        error: std::io::Error,
    },
    /// The text is not valid JSON of the instance shape (serde names line and column).
    #[error(
        "{path}: not a valid instance: {error} (numbers must be finite JSON numbers; NaN is not allowed)"
    )]
    Parse {
        /// The file.
        path: PathBuf,
        /// The parse error, with line and column (in the message, not chained).
        error: serde_json::Error,
    },
    /// A field has the wrong length.
    #[error("{path}: field `{field}` has {got} entries; expected {expected}")]
    Length {
        /// The file.
        path: PathBuf,
        /// The JSON field.
        field: String,
        /// Entries given.
        got: usize,
        /// Entries expected.
        expected: usize,
    },
    /// A value is out of its allowed range.
    #[error("{path}: field `{field}`: {error}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The JSON field.
        field: String,
        /// What is wrong (in the message, not chained).
        error: ProblemError,
    },
}

/// The instance file as written (permissive), before validation.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct InstanceFile {
    /// Number of weapons.
    pub weapons: usize,
    /// Number of targets.
    pub targets: usize,
    /// Target values.
    pub values: Vec<f64>,
    /// Kill probabilities, one row per weapon.
    pub pk: Vec<Vec<f64>>,
    /// Optional cost per weapon.
    #[serde(default)]
    pub cost: Option<Vec<f64>>,
    /// Optional weight λ of the costs (default 1).
    #[serde(default)]
    pub lambda: Option<f64>,
    /// Optional forbidden `[weapon, target]` pairs.
    #[serde(default)]
    pub forbidden: Option<Vec<[usize; 2]>>,
}

impl InstanceFile {
    /// Reads and validates an instance file.
    pub fn read(path: &Path) -> Result<Problem, InstanceError> {
        let text = std::fs::read_to_string(path).map_err(|error| InstanceError::Io {
            path: path.to_owned(),
            error,
        })?;
        Self::parse(&text, path)
    }

    /// Parses and validates instance text; `path` names the source in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Problem, InstanceError> {
        let file: InstanceFile =
            serde_json::from_str(text).map_err(|error| InstanceError::Parse {
                path: path.to_owned(),
                error,
            })?;
        file.into_problem(path)
    }

    /// Validates the file into a problem.
    pub fn into_problem(self, path: &Path) -> Result<Problem, InstanceError> {
        let length = |field: String, got: usize, expected: usize| {
            if got == expected {
                Ok(())
            } else {
                Err(InstanceError::Length {
                    path: path.to_owned(),
                    field,
                    got,
                    expected,
                })
            }
        };
        length("values".into(), self.values.len(), self.targets)?;
        length("pk".into(), self.pk.len(), self.weapons)?;
        for (i, row) in self.pk.iter().enumerate() {
            length(format!("pk[{i}]"), row.len(), self.targets)?;
        }
        if let Some(cost) = &self.cost {
            length("cost".into(), cost.len(), self.weapons)?;
        }
        let costs = self.cost.unwrap_or_else(|| vec![0.0; self.weapons]);
        let mut builder = ProblemBuilder::new(self.values).cost_weight(self.lambda.unwrap_or(1.0));
        for (row, cost) in self.pk.into_iter().zip(costs) {
            builder = builder.shooter(Shooter {
                cost_per_round: cost,
                ..Shooter::single(row)
            });
        }
        for [i, j] in self.forbidden.unwrap_or_default() {
            builder = builder.forbid(i, j);
        }
        builder.build().map_err(|error| InstanceError::Invalid {
            path: path.to_owned(),
            field: field_of(&error),
            error,
        })
    }
}

/// The JSON field a validation error is about.
fn field_of(err: &ProblemError) -> String {
    match err {
        ProblemError::BadValue { target, .. } => format!("values[{target}]"),
        ProblemError::RowLength { shooter, .. } => format!("pk[{shooter}]"),
        ProblemError::BadProbability {
            shooter, target, ..
        } => format!("pk[{shooter}][{target}]"),
        ProblemError::BadCost { shooter, .. } => format!("cost[{shooter}]"),
        ProblemError::BadCostWeight(_) => "lambda".into(),
        ProblemError::PairOutOfRange { .. } => "forbidden".into(),
        ProblemError::ZeroCount { .. }
        | ProblemError::ReserveTooLarge { .. }
        | ProblemError::ClassLength { .. } => "(shooters)".into(),
    }
}

/// The solution file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SolutionFile {
    /// Target per weapon (round), -1 for none.
    pub assignment: Vec<i64>,
    /// Expected surviving value plus weighted cost.
    pub objective: f64,
    /// Proven lower bound on the optimum, if any.
    pub lower_bound: Option<f64>,
    /// Wall-clock time spent, in milliseconds.
    pub time_ms: f64,
}

impl SolutionFile {
    /// The file form of a solution.
    pub fn new(solution: &Solution, time_ms: f64) -> Self {
        Self {
            assignment: solution
                .assignment
                .iter()
                .map(|t| t.map_or(-1, |j| j as i64))
                .collect(),
            objective: solution.objective,
            lower_bound: solution.lower_bound,
            time_ms,
        }
    }

    /// Writes the file whole (temporary file in the same directory, then rename).
    pub fn write(&self, path: &Path) -> Result<(), InstanceError> {
        let io = |error| InstanceError::Io {
            path: path.to_owned(),
            error,
        };
        let text = serde_json::to_string(self).expect("a solution always serialises");
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(".tmp");
        let tmp = PathBuf::from(tmp);
        std::fs::write(&tmp, text).map_err(io)?;
        std::fs::rename(&tmp, path).map_err(io)
    }
}
