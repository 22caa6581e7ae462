//! Where overlays put their values, so that an error in the changed text is told in the file's
//! terms: an error in an overlaid value names the overlay, at the line of its key in the file;
//! any other error keeps its line where the lines before or after every edit are the file's own.

use std::ops::Range;
use std::path::Path;

use toml::de::{DeTable, DeValue};

use super::{ITEM_KEYS, Overlay};
use crate::error::ScenarioError;
use crate::source::SourceFile;

/// One overlay's value in the changed text, and its key's place in the file.
struct Mark {
    /// The overlay as written (`authority.mode=delegatd`).
    overlay: String,
    /// First and last (line, column) of the value in the changed text.
    value: ((u32, u32), (u32, u32)),
    /// (line, column) of the key in the file, when the file has it.
    key_in_file: Option<(u32, u32)>,
}

/// The changed text and how to tell its errors in the terms of the file.
pub(crate) struct Overlaid {
    /// The scenario text with the overlays applied.
    pub(crate) text: String,
    marks: Vec<Mark>,
    /// Lines before the first difference, the same in both texts.
    same_before: usize,
    /// Lines after the last difference, the same in both texts.
    same_after: usize,
    /// The number of lines of the file and of the changed text.
    lines: (usize, usize),
}

impl Overlaid {
    /// Records where each overlay's value sits in `text`, the file `original` changed.
    pub(crate) fn new(original: &str, text: String, overlays: &[Overlay]) -> Overlaid {
        let before = DeTable::parse(original).ok();
        let after = DeTable::parse(&text).ok();
        let name = Path::new("");
        let in_file = SourceFile::from_text(name, original, |_| None).ok();
        let in_text = SourceFile::from_text(name, &text, |_| None).ok();
        let at =
            |file: &Option<SourceFile>, offset: usize| Some(file.as_ref()?.line_column_u32(offset));
        let marks = overlays
            .iter()
            .filter_map(|overlay| {
                let segments: Vec<&str> = overlay.path.split('.').collect();
                let (_, value) = locate(after.as_ref()?.get_ref(), &segments)?;
                let key_in_file = before
                    .as_ref()
                    .and_then(|table| locate(table.get_ref(), &segments))
                    .and_then(|(key, _)| at(&in_file, key.start));
                Some(Mark {
                    overlay: overlay.to_string(),
                    value: (
                        at(&in_text, value.start)?,
                        at(&in_text, value.end.saturating_sub(1).max(value.start))?,
                    ),
                    key_in_file,
                })
            })
            .collect();
        let (old, new): (Vec<&str>, Vec<&str>) =
            (original.lines().collect(), text.lines().collect());
        let same_before = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
        let shortest = old.len().min(new.len()) - same_before;
        let same_after = old.iter().rev().zip(new.iter().rev()).take(shortest);
        let same_after = same_after.take_while(|(a, b)| a == b).count();
        Overlaid {
            marks,
            same_before,
            same_after,
            lines: (old.len(), new.len()),
            text,
        }
    }

    /// `error`, found in the changed text, told in the terms of the file: in an overlaid value,
    /// as the overlay at its key's line in the file; elsewhere at the line of the file, or at
    /// none where the overlays' edits make it unknown.
    pub(crate) fn relocate(&self, mut error: ScenarioError) -> ScenarioError {
        let Some((line, column)) = error.location.line_column else {
            return error;
        };
        let within = |(first, last): ((u32, u32), (u32, u32))| {
            first <= (line, column) && (line, column) <= last
        };
        if let Some(mark) = self.marks.iter().find(|mark| within(mark.value)) {
            error.problem = format!("--set {}: {}", mark.overlay, error.problem);
            error.field = None;
            error.location.line_column = mark.key_in_file;
            return error;
        }
        let line = line as usize;
        let (in_file, in_text) = self.lines;
        error.location.line_column = if line <= self.same_before {
            Some((narrow(line), column))
        } else if line > in_text - self.same_after {
            Some((narrow(line + in_file - in_text), column))
        } else {
            None
        };
        error
    }
}

fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The spans of the key and of the value a dotted path names, items of arrays named as
/// overlays name them.
fn locate(table: &DeTable, segments: &[&str]) -> Option<(Range<usize>, Range<usize>)> {
    let (key, rest) = segments.split_first()?;
    let (found, value) = table.iter().find(|(name, _)| name.get_ref() == key)?;
    if rest.is_empty() {
        return Some((found.span(), value.span()));
    }
    match value.get_ref() {
        DeValue::Table(inner) => locate(inner, rest),
        DeValue::Array(items) => {
            let (name, rest) = rest.split_first()?;
            let named = |item: &DeValue| {
                let DeValue::Table(inner) = item else {
                    return false;
                };
                inner.iter().any(|(key, value)| {
                    ITEM_KEYS.contains(&key.get_ref().as_ref())
                        && matches!(value.get_ref(), DeValue::String(text) if text == name)
                })
            };
            let index = items
                .iter()
                .position(|item| named(item.get_ref()))
                .or_else(|| name.parse::<usize>().ok())?;
            match items.get(index)?.get_ref() {
                DeValue::Table(inner) => locate(inner, rest),
                _ => None,
            }
        }
        _ => None,
    }
}
