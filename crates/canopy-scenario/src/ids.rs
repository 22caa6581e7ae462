//! Checks shared by every id in scenario and library files: allowed characters and uniqueness.

use crate::error::{ErrorKind, ScenarioError};
use crate::source::SourceFile;
use crate::spanned::Spanned;
use std::collections::BTreeMap;

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

/// The candidate closest to `unknown` in edit distance, if close enough to be a likely typo.
pub(crate) fn closest<'c>(unknown: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let limit = (unknown.chars().count() / 3).max(1);
    candidates
        .iter()
        .map(|&c| (edit_distance(unknown, c), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// "one of a, b, c" for a short list; the first few and the total for a long one; with a
/// "did you mean" hint for a likely typo of `unknown`.
pub(crate) fn choices(unknown: &str, candidates: &[&str]) -> String {
    const SHOWN: usize = 24;
    let hint = closest(unknown, candidates)
        .map(|c| format!("did you mean `{c}`? "))
        .unwrap_or_default();
    if candidates.is_empty() {
        return format!("{hint}none are defined");
    }
    let shown: Vec<&str> = candidates.iter().take(SHOWN).copied().collect();
    if candidates.len() <= SHOWN {
        format!("{hint}one of {}", shown.join(", "))
    } else {
        format!(
            "{hint}one of {} known ids, e.g. {}, ...",
            candidates.len(),
            shown.join(", ")
        )
    }
}

/// Edit distance in characters (optimal string alignment: insertions, deletions, substitutions
/// and transpositions of neighbours each count 1).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("lviv", "lviv"), 0);
        assert_eq!(edit_distance("lvov", "lviv"), 1);
        assert_eq!(edit_distance("kurks", "kursk"), 1);
        assert_eq!(edit_distance("kursk", "kursk-2"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn typos_get_a_suggestion() {
        let ids = ["lviv", "lutsk", "rivne"];
        assert_eq!(closest("lvov", &ids), Some("lviv"));
        assert_eq!(closest("warsaw", &ids), None);
        assert!(
            choices("lvov", &ids).starts_with("did you mean `lviv`? one of lviv, lutsk, rivne")
        );
    }
}
