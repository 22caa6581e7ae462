//! What checking one catalogue entry needs, whatever the catalogue: the loop over a table's
//! entries (ids well formed and unique) and the collector of an entry's checked parameters.

use super::param::{Bounds, RawParam, check_param};
use super::types::Provenances;
use crate::error::{ErrorKind, ScenarioError};
use crate::ids::{UniqueIds, check_id};
use crate::source::SourceFile;
use toml::Spanned;

/// Builds every entry of one catalogue table (`table` = `"threat"`, ...), checking first that each
/// id is well formed and unique among `kind`; `build` gets the entry's field prefix (`threat[3]`),
/// its checked id and its raw table.
pub(super) fn build_entries<R, T>(
    file: &SourceFile<'_>,
    table: &str,
    kind: &str,
    entries: &[Spanned<R>],
    id_of: impl Fn(&R) -> &Spanned<String>,
    mut build: impl FnMut(String, String, &R) -> Result<T, ScenarioError>,
) -> Result<Vec<T>, ScenarioError> {
    let mut ids = UniqueIds::default();
    entries
        .iter()
        .enumerate()
        .map(|(i, raw)| {
            let raw = raw.get_ref();
            let entry = format!("{table}[{i}]");
            let id_field = format!("{entry}.id");
            let id = check_id(file, &id_field, id_of(raw))?;
            ids.insert(file, &id_field, id_of(raw), kind)?;
            build(entry, id, raw)
        })
        .collect()
}

/// The conversion of a value already in SI units.
pub(super) fn same(x: f64) -> f64 {
    x
}

/// Collects the checked parameters of one catalogue entry with their provenance.
pub(super) struct Params<'f, 'a> {
    file: &'f SourceFile<'a>,
    entry: String,
    pub(super) provenance: Provenances,
}

impl<'f, 'a> Params<'f, 'a> {
    /// An empty collector for the entry whose fields are named `entry.KEY` (`threat[3]`).
    pub(super) fn new(file: &'f SourceFile<'a>, entry: String) -> Self {
        Params {
            file,
            entry,
            provenance: Provenances::new(),
        }
    }

    /// The path of one of the entry's fields, e.g. `threat[3].apogee_km`.
    pub(super) fn field(&self, key: &str) -> String {
        format!("{}.{key}", self.entry)
    }

    /// Checks the parameter written under `file_key`, converts it with `to_si` and records it
    /// under its SI name.
    pub(super) fn take(
        &mut self,
        si_name: &'static str,
        file_key: &str,
        raw: &Spanned<RawParam>,
        bounds: Bounds,
        to_si: fn(f64) -> f64,
    ) -> Result<f64, ScenarioError> {
        let field = self.field(file_key);
        let parameter = check_param(self.file, &field, raw, bounds, to_si)?;
        let value = parameter.value;
        self.provenance.insert(si_name, parameter);
        Ok(value)
    }

    /// Fails unless `low < high` (two values already taken), pointing at the `low` field.
    pub(super) fn require_below(
        &self,
        low: (&str, f64, &Spanned<RawParam>),
        high: (&str, f64),
    ) -> Result<(), ScenarioError> {
        if low.1 < high.1 {
            return Ok(());
        }
        Err(self.file.error(
            ErrorKind::Value,
            low.2.span(),
            self.field(low.0),
            format!("{} is not below {}", low.0, high.0),
            format!("{} < {}", low.0, high.0),
        ))
    }
}
