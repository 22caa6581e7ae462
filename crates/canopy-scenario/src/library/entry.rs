//! What checking one catalogue entry needs, whatever the catalogue: the declaration of an
//! entry's raw type and parameters (`catalogue_entry!`), the loop over a table's entries (ids
//! well formed and unique) and the collector of an entry's checked parameters.

use super::param::{ParamSpec, RawParam, check_param};
use super::types::Provenances;
use crate::error::{ErrorKind, ScenarioError};
use crate::ids::{UniqueIds, check_id};
use crate::source::SourceFile;
use crate::spanned::Spanned;

/// Declares the type of one catalogue entry as written, and each of its parameters once: the key
/// it is written under, the SI name it is kept under, the values it may take and its unit.
///
/// ```text
/// catalogue_entry! {
///     /// One `[[munition]]`.
///     RawMunition {                     // fields before the parameters, as written
///         id: Spanned<String>,
///     }
///     /// Its numbers, checked and in SI units.
///     numbers MunitionNumbers {         // KEY => SI_NAME: BOUNDS, UNIT [, below KEY];
///         max_range_km => max_range_m: Positive, Km;
///         min_range_km => min_range_m: NonNegative, Km, below max_range_km;
///     }
///     optional {                        // parameters that may be left out
///         /// The apogee.
///         APOGEE: apogee_km => apogee_m: Positive, Km;
///     }
///     then {                            // fields after the parameters
///         self_destructs: bool,
///     }
/// }
/// ```
///
/// This makes the serde struct (fields in the order declared, the order serde's messages list
/// them in), its `PARAMS` (every parameter), the struct of SI values and the method `numbers`,
/// which checks the parameters of `numbers` in the order declared (a `below` condition right
/// after its parameter, against one declared before it) and records their provenance; and one
/// [`ParamSpec`] constant for each optional parameter, which the builder takes when the entry's
/// other fields allow it.
macro_rules! catalogue_entry {
    // The `ParamSpec` of one parameter.
    (@param $key:ident => $si:ident: $bounds:ident, $unit:ident) => {
        $crate::library::param::ParamSpec {
            key: stringify!($key),
            si_name: stringify!($si),
            bounds: $crate::library::param::Bounds::$bounds,
            unit: $crate::library::param::Unit::$unit,
        }
    };
    (
        $(#[$raw_doc:meta])*
        $raw:ident {
            $( $head:ident: $head_ty:ty, )*
        }
        $(#[$numbers_doc:meta])*
        numbers $numbers:ident {
            $( $key:ident => $si:ident: $bounds:ident, $unit:ident $(, below $high:ident)?; )*
        }
        $( optional {
            $( $(#[$spec_doc:meta])*
               $spec:ident: $okey:ident => $osi:ident: $obounds:ident, $ounit:ident; )*
        } )?
        $( then {
            $( $tail:ident: $tail_ty:ty, )*
        } )?
    ) => {
        $(#[$raw_doc])*
        #[derive(Debug, ::serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub(crate) struct $raw {
            $( pub $head: $head_ty, )*
            $( pub $key: $crate::spanned::Spanned<$crate::library::param::RawParam>, )*
            $($( pub $okey: Option<$crate::spanned::Spanned<$crate::library::param::RawParam>>, )*)?
            $($( pub $tail: $tail_ty, )*)?
        }

        $(#[$numbers_doc])*
        pub(crate) struct $numbers {
            $(
                #[doc = concat!("`", stringify!($key), "` in SI units.")]
                pub $si: f64,
            )*
        }

        $($(
            $(#[$spec_doc])*
            pub(crate) const $spec: $crate::library::param::ParamSpec =
                $crate::library::entry::catalogue_entry!(@param $okey => $osi: $obounds, $ounit);
        )*)?

        impl $raw {
            /// Every parameter of the entry, optional ones included.
            pub(crate) const PARAMS: &[$crate::library::param::ParamSpec] = &[
                $( $crate::library::entry::catalogue_entry!(@param $key => $si: $bounds, $unit), )*
                $($( $spec, )*)?
            ];

            /// Checks the parameters that must be given, in the order declared, records their
            /// provenance in `p` and returns their values in SI.
            pub(crate) fn numbers(
                &self,
                p: &mut $crate::library::entry::Params<'_, '_>,
            ) -> Result<$numbers, $crate::error::ScenarioError> {
                $(
                    let $key = p.take(
                        &$crate::library::entry::catalogue_entry!(@param $key => $si: $bounds, $unit),
                        &self.$key,
                    )?;
                    $( p.require_below(
                        (stringify!($key), $key, &self.$key),
                        (stringify!($high), $high),
                    )?; )?
                )*
                Ok($numbers { $( $si: $key, )* })
            }
        }
    };
}
pub(crate) use catalogue_entry;

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

    /// Checks the parameter `raw` declared by `spec`, records it under its SI name and returns
    /// its value in SI.
    pub(super) fn take(
        &mut self,
        spec: &ParamSpec,
        raw: &Spanned<RawParam>,
    ) -> Result<f64, ScenarioError> {
        let field = self.field(spec.key);
        let parameter = check_param(self.file, &field, raw, spec.bounds, spec.unit)?;
        let value = parameter.value;
        self.provenance.insert(spec.si_name, parameter);
        Ok(value)
    }

    /// [`Params::take`] for a parameter that may be left out.
    pub(super) fn take_optional(
        &mut self,
        spec: &ParamSpec,
        raw: Option<&Spanned<RawParam>>,
    ) -> Result<Option<f64>, ScenarioError> {
        raw.map(|raw| self.take(spec, raw)).transpose()
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
