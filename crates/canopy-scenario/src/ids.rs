//! Checks shared by every id in scenario and library files: allowed characters and uniqueness.

use crate::error::{ErrorKind, ScenarioError};
use crate::source::SourceFile;
use std::collections::BTreeMap;
use toml::Spanned;

/// What an id may look like.
pub(crate) const ID_RULE: &str =
    "a non-empty id of ASCII letters, digits, '-' and '_' (e.g. `pl-wisla-1`)";

/// Checks an id's characters and returns it.
pub(crate) fn check_id(
    file: &SourceFile<'_>,
    field: &str,
    id: &Spanned<String>,
) -> Result<String, ScenarioError> {
    let text = id.get_ref();
    let valid = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if valid {
        Ok(text.clone())
    } else {
        Err(file.error(
            ErrorKind::Value,
            id.span(),
            field,
            format!("{text:?} is not a valid id"),
            ID_RULE,
        ))
    }
}

/// Remembers the ids seen so far in one namespace, to refuse duplicates.
#[derive(Default)]
pub(crate) struct UniqueIds {
    seen: BTreeMap<String, usize>,
}

impl UniqueIds {
    /// Records `id` (at `span`), or fails if it was seen before.
    pub(crate) fn insert(
        &mut self,
        file: &SourceFile<'_>,
        field: &str,
        id: &Spanned<String>,
        namespace: &str,
    ) -> Result<(), ScenarioError> {
        let (line, _) = file.line_column(id.span().start);
        if let Some(first_line) = self.seen.insert(id.get_ref().clone(), line) {
            return Err(file.error(
                ErrorKind::Duplicate,
                id.span(),
                field,
                format!(
                    "duplicate id `{}` (first used at line {first_line})",
                    id.get_ref()
                ),
                format!("ids unique among {namespace}"),
            ));
        }
        Ok(())
    }
}
