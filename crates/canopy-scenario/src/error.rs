//! The one error type of the crate: what is wrong, where (file, line, column, field) and what is
//! allowed instead.

use std::fmt;
use std::path::{Path, PathBuf};

/// What kind of problem an input has; lets callers and tests tell problems apart without parsing
/// the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be read.
    Io,
    /// The file is empty (or holds only white space).
    Empty,
    /// The bytes are not UTF-8 text (binary data).
    NotUtf8,
    /// The text is not valid TOML.
    Syntax,
    /// A key is missing, unknown, or holds a value of the wrong type.
    Schema,
    /// A value has the right type but is outside what is allowed (a latitude of 123, a count of -5).
    Value,
    /// An id refers to nothing known (type library, places, nations, zones).
    UnknownReference,
    /// Two entries share an id that must be unique.
    Duplicate,
    /// Entries are individually valid but contradict each other (a nation with units but no rules).
    Inconsistent,
}

/// Where an error is: the file, and the line and column (1-based) when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// The file as it was named to the loader (or the bundled file's name).
    pub file: PathBuf,
    /// 1-based line and column, when the error can be pinned to a place in the text.
    pub line_column: Option<(u32, u32)>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some((line, column)) = self.line_column {
            write!(f, ":{line}:{column}")?;
        }
        Ok(())
    }
}

/// A scenario or type-library file that cannot be accepted.
///
/// Displays as
/// ```text
/// FILE:LINE:COL: field `raid[2].count`: <what is wrong>; allowed: <what is allowed>
/// ```
/// (line, column and field are left out when they do not apply, e.g. for binary garbage). An
/// error in a value an overlay put there names the overlay instead of the field, at the line of
/// the key in the file (none when the file leaves the key out):
/// ```text
/// FILE:LINE:COL: --set authority.mode=delegatd: <what is wrong>; allowed: <what is allowed>
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct ScenarioError {
    /// What kind of problem it is.
    pub kind: ErrorKind,
    /// Where it is.
    pub location: Location,
    /// The field path, e.g. `raid[2].count` (0-based indices), when the problem is in one field.
    pub field: Option<String>,
    /// What is wrong.
    pub problem: String,
    /// What would be accepted instead.
    pub allowed: String,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.location)?;
        if let Some(field) = &self.field {
            write!(f, "field `{field}`: ")?;
        }
        write!(f, "{}; allowed: {}", self.problem, self.allowed)
    }
}

impl ScenarioError {
    /// An error that concerns a whole file rather than a place in it.
    pub fn whole_file(
        kind: ErrorKind,
        file: &Path,
        problem: impl Into<String>,
        allowed: impl Into<String>,
    ) -> ScenarioError {
        ScenarioError {
            kind,
            location: Location {
                file: file.to_path_buf(),
                line_column: None,
            },
            field: None,
            problem: problem.into(),
            allowed: allowed.into(),
        }
    }

    /// The 1-based line of the error, when known.
    pub fn line(&self) -> Option<usize> {
        self.location.line_column.map(|(line, _)| line as usize)
    }
}
