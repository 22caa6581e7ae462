//! One input text (a scenario or a type-library file) with what is needed to locate errors in it:
//! byte offsets to line and column, and byte spans to field paths such as `raid[2].count`.

use crate::error::{ErrorKind, Location, ScenarioError};
use serde::de::DeserializeOwned;
use std::ops::Range;
use std::path::Path;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// What the loader says about a file that is not TOML text at all.
const TOML_TEXT: &str = "a UTF-8 TOML text (see docs/scenario-format.md)";

/// Explains, for a field path with indices removed (`raid.count`), what values are allowed.
pub(crate) type Describe = fn(&str) -> Option<&'static str>;

/// A named input text, its line starts and (once parsed) the spans of its fields.
pub(crate) struct SourceFile<'a> {
    name: &'a Path,
    text: &'a str,
    line_starts: Vec<usize>,
    fields: Vec<(Range<usize>, String)>,
    describe: Describe,
}

impl<'a> SourceFile<'a> {
    /// Checks that `bytes` are non-empty UTF-8 text and wraps them.
    pub(crate) fn from_bytes(
        name: &'a Path,
        bytes: &'a [u8],
        describe: Describe,
    ) -> Result<SourceFile<'a>, ScenarioError> {
        let text = std::str::from_utf8(bytes).map_err(|err| {
            let offset = err.valid_up_to();
            let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
            ScenarioError::whole_file(
                ErrorKind::NotUtf8,
                name,
                format!(
                    "not UTF-8 text (binary data?): byte 0x{:02x} at offset {offset} (line {line}) is not valid UTF-8",
                    bytes[offset]
                ),
                TOML_TEXT,
            )
        })?;
        SourceFile::from_text(name, text, describe)
    }

    /// Wraps a text, refusing an empty one.
    pub(crate) fn from_text(
        name: &'a Path,
        text: &'a str,
        describe: Describe,
    ) -> Result<SourceFile<'a>, ScenarioError> {
        if text.trim().is_empty() {
            return Err(ScenarioError::whole_file(
                ErrorKind::Empty,
                name,
                "the file is empty",
                TOML_TEXT,
            ));
        }
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Ok(SourceFile {
            name,
            text,
            line_starts,
            fields: Vec::new(),
            describe,
        })
    }

    /// The text.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub(crate) fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line_index = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let line_start = self.line_starts[line_index];
        // Spans fall on character boundaries; count bytes should one ever not.
        let column = self
            .text
            .get(line_start..offset)
            .map_or(offset - line_start, |prefix| prefix.chars().count())
            + 1;
        (line_index + 1, column)
    }

    /// [`Self::line_column`] as stored in a [`Location`] (saturating on absurdly long files).
    pub(crate) fn line_column_u32(&self, offset: usize) -> (u32, u32) {
        let (line, column) = self.line_column(offset);
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        (narrow(line), narrow(column))
    }

    /// An error located at a span of this file, in the named field.
    pub(crate) fn error(
        &self,
        kind: ErrorKind,
        span: Range<usize>,
        field: impl Into<String>,
        problem: impl Into<String>,
        allowed: impl Into<String>,
    ) -> ScenarioError {
        ScenarioError {
            kind,
            location: Location {
                file: self.name.to_path_buf(),
                line_column: Some(self.line_column_u32(span.start)),
            },
            field: Some(field.into()),
            problem: problem.into(),
            allowed: allowed.into(),
        }
    }

    /// What is allowed in a field, from the schema's descriptions (field paths without indices;
    /// a map entry falls back to its map's description).
    pub(crate) fn allowed_in(&self, field: &str) -> Option<&'static str> {
        let plain = strip_indices(field);
        (self.describe)(&plain).or_else(|| {
            plain
                .rsplit_once('.')
                .and_then(|(parent, _)| (self.describe)(parent))
        })
    }

    /// Parses the text as TOML into `T`, mapping every TOML or serde error to a located
    /// [`ScenarioError`] with its field path.
    pub(crate) fn parse<T: DeserializeOwned>(&mut self) -> Result<T, ScenarioError> {
        let document = DeTable::parse(self.text).map_err(|err| self.syntax_error(&err))?;
        self.fields.clear();
        for (key, value) in document.get_ref().iter() {
            self.record_fields(key, value, String::new());
        }
        toml::from_str(self.text).map_err(|err| self.schema_error(&err))
    }

    /// Remembers the spans of a key and its value (recursively) under their field path.
    fn record_fields(
        &mut self,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        value: &Spanned<DeValue<'_>>,
        parent: String,
    ) {
        let path = if parent.is_empty() {
            key.get_ref().to_string()
        } else {
            format!("{parent}.{}", key.get_ref())
        };
        self.fields.push((key.span(), path.clone()));
        self.record_value(value, path);
    }

    fn record_value(&mut self, value: &Spanned<DeValue<'_>>, path: String) {
        self.fields.push((value.span(), path.clone()));
        match value.get_ref() {
            DeValue::Table(table) => {
                for (key, child) in table.iter() {
                    self.record_fields(key, child, path.clone());
                }
            }
            DeValue::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    self.record_value(item, format!("{path}[{index}]"));
                }
            }
            _ => {}
        }
    }

    /// The field whose key or value span most tightly contains `span` (the deepest on ties).
    fn field_at(&self, span: &Range<usize>) -> Option<&str> {
        self.fields
            .iter()
            .filter(|(range, _)| range.start <= span.start && span.end <= range.end)
            .min_by_key(|(range, path)| (range.len(), std::cmp::Reverse(path.len())))
            .map(|(_, path)| path.as_str())
    }

    fn syntax_error(&self, err: &toml::de::Error) -> ScenarioError {
        ScenarioError {
            kind: ErrorKind::Syntax,
            location: self.location_of(err.span()),
            field: None,
            problem: format!("TOML syntax error: {}", err.message().trim()),
            allowed: "valid TOML (https://toml.io): `key = value` lines, `[table]` and `[[array]]` headers, quoted strings".to_string(),
        }
    }

    fn schema_error(&self, err: &toml::de::Error) -> ScenarioError {
        let message = err.message().trim();
        let located = err.span().as_ref().and_then(|span| self.field_at(span));
        let (problem, expected) = match message.split_once(", expected ") {
            Some((problem, expected)) => (problem, Some(expected)),
            None => (message, None),
        };
        let (field, problem, allowed) = if let Some(name) = backticked(problem, "missing field ") {
            let field = match located {
                Some(parent) => format!("{parent}.{name}"),
                None => name.to_string(),
            };
            let allowed = self
                .allowed_in(&field)
                .map(str::to_string)
                .unwrap_or_else(|| format!("add `{name} = ...`"));
            (Some(field), format!("missing field `{name}`"), allowed)
        } else if problem.starts_with("unknown field") || problem.starts_with("unknown variant") {
            let allowed = expected.unwrap_or("nothing here").to_string();
            let problem = problem.replacen("unknown variant", "unknown value", 1);
            (located.map(str::to_string), problem, allowed)
        } else {
            let described = located.and_then(|field| self.allowed_in(field));
            let allowed = described
                .map(str::to_string)
                .or_else(|| expected.map(str::to_string))
                .unwrap_or_else(|| "see docs/scenario-format.md".to_string());
            (located.map(str::to_string), problem.to_string(), allowed)
        };
        // A top-level key that is missing has no place in the text to point at.
        let span = if located.is_none() && problem.starts_with("missing field") {
            None
        } else {
            err.span()
        };
        ScenarioError {
            kind: ErrorKind::Schema,
            location: self.location_of(span),
            field,
            problem,
            allowed,
        }
    }

    fn location_of(&self, span: Option<Range<usize>>) -> Location {
        Location {
            file: self.name.to_path_buf(),
            line_column: span.map(|span| self.line_column_u32(span.start)),
        }
    }
}

/// The name inside backticks after `prefix`, as in serde's "missing field `count`".
fn backticked<'m>(message: &'m str, prefix: &str) -> Option<&'m str> {
    message
        .strip_prefix(prefix)?
        .strip_prefix('`')?
        .strip_suffix('`')
}

/// `raid[2].window[0]` -> `raid.window`.
fn strip_indices(field: &str) -> String {
    let mut plain = String::with_capacity(field.len());
    let mut in_index = false;
    for c in field.chars() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            _ if !in_index => plain.push(c),
            _ => {}
        }
    }
    plain
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nothing(_: &str) -> Option<&'static str> {
        None
    }

    #[test]
    fn line_and_column_are_one_based_and_count_characters() {
        let text = "a = 1\nbé = 2\n";
        let file = SourceFile::from_text(Path::new("t.toml"), text, nothing).unwrap();
        assert_eq!(file.line_column(0), (1, 1));
        assert_eq!(file.line_column(4), (1, 5));
        assert_eq!(file.line_column(6), (2, 1));
        // "bé" is 3 bytes: the '=' after "bé " is byte 10, character column 4.
        assert_eq!(file.line_column(10), (2, 4));
    }

    #[test]
    fn indices_are_stripped() {
        assert_eq!(strip_indices("raid[12].window[0]"), "raid.window");
        assert_eq!(strip_indices("authority.mode"), "authority.mode");
    }
}
