//! The JSON Lines event log: one event per line, in log order.

use std::path::Path;

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

    /// Writes the recorded lines to `path`, whole.
    pub fn write(&self, path: &Path) -> Result<(), OutputError> {
        if let Some(message) = &self.error {
            return Err(OutputError::Io {
                path: path.display().to_string(),
                source: std::io::Error::other(message.clone()),
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
