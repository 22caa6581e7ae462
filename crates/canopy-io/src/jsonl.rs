//! The JSON Lines event log: one event per line, in log order; written by a recorder, read back
//! typed.

use std::path::{Path, PathBuf};

use canopy_sim::{Event, Observer};

use crate::{OutputError, write_atomic};

/// Records a run's events as JSON Lines; [`JsonLinesRecorder::write`] puts them in a file whole.
#[derive(Debug, Default)]
pub struct JsonLinesRecorder {
    buffer: Vec<u8>,
    error: Option<String>,
}

impl JsonLinesRecorder {
    /// An empty recorder.
    pub fn new() -> Self {
        Self::default()
    }

    /// The recorded lines.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buffer
    }

    /// How many events were recorded (one line each).
    pub fn event_count(&self) -> u64 {
        self.buffer.iter().filter(|&&byte| byte == b'\n').count() as u64
    }

    /// Writes the recorded lines to `path`, whole.
    pub fn write(&self, path: &Path) -> Result<(), OutputError> {
        if let Some(message) = &self.error {
            return Err(OutputError::Io {
                path: path.display().to_string(),
                error: std::io::Error::other(message.clone()),
            });
        }
        write_atomic(path, &self.buffer)
    }
}

impl Observer for JsonLinesRecorder {
    fn on_event(&mut self, event: &Event) {
        match serde_json::to_writer(&mut self.buffer, event) {
            Ok(()) => self.buffer.push(b'\n'),
            Err(error) => {
                self.error.get_or_insert_with(|| error.to_string());
            }
        }
    }
}

/// Why an event log could not be read back.
#[derive(Debug, thiserror::Error)]
pub enum EventLogError {
    /// The file could not be read.
    #[error("cannot read the event log {}: {reason}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the file system said.
        reason: std::io::Error,
    },
    /// A line is not an event of docs/events.md.
    #[error("{}:{line}:{column}: not an event of the log format (docs/events.md): {message}", path.display())]
    Line {
        /// The file.
        path: PathBuf,
        /// The line, from 1.
        line: usize,
        /// The column in the line, from 1.
        column: usize,
        /// What is wrong with it.
        message: String,
    },
    /// The file holds no event.
    #[error("{}: holds no events; expected the event log of `canopy run --events FILE`", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
}

/// An event log read back: its events in log order, and the line of the file each was read from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventLog {
    /// The events.
    pub events: Vec<Event>,
    /// The line (from 1) of each event.
    pub lines: Vec<usize>,
}

/// Reads an event log written by [`JsonLinesRecorder`]: one event per line (blank lines are
/// skipped); a line that is not an event is an error naming its line and column.
pub fn read_events(path: &Path) -> Result<EventLog, EventLogError> {
    let bytes = std::fs::read(path).map_err(|reason| EventLogError::Io {
        path: path.to_path_buf(),
        reason,
    })?;
    let mut log = EventLog::default();
    for (index, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let event = serde_json::from_slice(line).map_err(|err| EventLogError::Line {
            path: path.to_path_buf(),
            line: index + 1,
            column: err.column().max(1),
            message: without_position(&err),
        })?;
        log.events.push(event);
        log.lines.push(index + 1);
    }
    if log.events.is_empty() {
        return Err(EventLogError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(log)
}

/// A JSON error's message without serde_json's "at line L column C" (the line of the log is
/// given instead).
fn without_position(err: &serde_json::Error) -> String {
    let message = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    message
        .strip_suffix(&suffix)
        .unwrap_or(&message)
        .to_string()
}
