//! Pretty-printed JSON files.

use std::path::Path;

use serde::Serialize;

use crate::{OutputError, write_atomic};

/// Writes `value` as pretty-printed JSON (with a final newline) to `path`, whole.
pub fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<(), OutputError> {
    let mut bytes = serde_json::to_vec_pretty(value).map_err(|error| OutputError::Serialise {
        path: path.display().to_string(),
        error,
    })?;
    bytes.push(b'\n');
    write_atomic(path, &bytes)
}
