//! A library number with its provenance: `{ value, source }` or `{ value, assumed, range }`.

use crate::ScenarioError;
use crate::error::ErrorKind;
use crate::source::SourceFile;
use crate::spanned::Spanned;
use crate::units::{deg_to_rad, hours_to_s, km_to_m, kmh_to_mps};
use serde::Deserialize;

/// A parameter as written in a library file, before it is checked.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawParam {
    value: f64,
    source: Option<String>,
    assumed: Option<String>,
    range: Option<[f64; 2]>,
    note: Option<String>,
    fitted: Option<String>,
    prior_range: Option<[f64; 2]>,
}

/// Where a library number comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Provenance {
    /// A public figure, with the address it was read from.
    Source {
        /// The URL of the public source.
        url: String,
        /// How the figure was read from the source, if that needed saying.
        note: Option<String>,
    },
    /// An assumption made for the model, with its reasoning.
    Assumed {
        /// Why this value was chosen.
        reasoning: String,
    },
    /// An assumption since fitted to data: its value and range are the fit's, within the
    /// plausible range the assumption gave (docs/validation.md).
    Fitted {
        /// Why the assumption's range was chosen.
        reasoning: String,
        /// What the value was fitted on.
        fit: String,
        /// The assumption's plausible range before the fit, in SI units.
        prior_range: (f64, f64),
    },
}

/// A library number in SI units, its plausible range (for sensitivity studies) and its provenance.
#[derive(Clone, Debug, PartialEq)]
pub struct Parameter {
    /// The value used by the model, in SI units.
    pub value: f64,
    /// The plausible range in SI units: required for assumptions, optional for sourced figures.
    pub range: Option<(f64, f64)>,
    /// Where the number comes from.
    pub provenance: Provenance,
}

impl Parameter {
    /// The range a fit may search: a fitted number's range before the fit, an assumption's
    /// range; `None` for a public figure, which is never fitted.
    pub fn prior_range(&self) -> Option<(f64, f64)> {
        match &self.provenance {
            Provenance::Source { .. } => None,
            Provenance::Assumed { .. } => self.range,
            Provenance::Fitted { prior_range, .. } => Some(*prior_range),
        }
    }

    /// Whether the number was fitted to data.
    pub fn is_fitted(&self) -> bool {
        matches!(self.provenance, Provenance::Fitted { .. })
    }
}

/// The largest count a library parameter may hold.
const MAX_COUNT: f64 = 1_000_000.0;

/// What values a parameter may take.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Bounds {
    /// Zero or more.
    NonNegative,
    /// More than zero.
    Positive,
    /// In [0, 1].
    Probability,
    /// A whole number of 1 or more.
    Count,
}

impl Bounds {
    fn admits(self, x: f64) -> bool {
        match self {
            Bounds::NonNegative => x >= 0.0,
            Bounds::Positive => x > 0.0,
            Bounds::Probability => (0.0..=1.0).contains(&x),
            Bounds::Count => (1.0..=MAX_COUNT).contains(&x) && x.fract() == 0.0,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Bounds::NonNegative => "a number of 0 or more",
            Bounds::Positive => "a number greater than 0",
            Bounds::Probability => "a probability between 0 and 1",
            Bounds::Count => "a whole number from 1 to 1000000",
        }
    }
}

/// The unit a catalogue writes a number in (its key says which: `_km`, `_kmh`, `_h`, `_deg`);
/// the model keeps the number in SI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Already SI or without a unit (metres, seconds, m², USD, probabilities, counts, factors).
    Si,
    /// Kilometres, kept in metres.
    Km,
    /// Kilometres per hour, kept in metres per second.
    KmPerHour,
    /// Hours, kept in seconds.
    Hours,
    /// Degrees, kept in radians.
    Degrees,
}

impl Unit {
    /// `x`, written in this unit, in SI.
    pub(crate) fn to_si(self, x: f64) -> f64 {
        match self {
            Unit::Si => x,
            Unit::Km => km_to_m(x),
            Unit::KmPerHour => kmh_to_mps(x),
            Unit::Hours => hours_to_s(x),
            Unit::Degrees => deg_to_rad(x),
        }
    }
}

/// One parameter of a catalogue entry, declared once: the key it is written under, the SI name
/// its provenance is recorded under, the values it may take and the unit it is written in.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ParamSpec {
    /// The key in the catalogue file, e.g. `speed_kmh`.
    pub key: &'static str,
    /// The name in SI, e.g. `speed_mps`.
    pub si_name: &'static str,
    /// The values it may take, as written.
    pub bounds: Bounds,
    /// The unit it is written in.
    pub unit: Unit,
}

/// What a parameter's table holds, for error messages.
pub(crate) const PARAM_TABLE_RULE: &str = "a table { value = NUMBER, source = \"URL\" } or { value = NUMBER, assumed = \"reasoning\", range = [low, high] }";

/// Whether `key` is a parameter declared in one of `catalogues`.
pub(crate) fn is_param_of(catalogues: &[&[ParamSpec]], key: &str) -> bool {
    catalogues
        .iter()
        .any(|params| params.iter().any(|param| param.key == key))
}

const PROVENANCE_RULE: &str = "exactly one of `source = \"URL\"` (a public figure) or `assumed = \"reasoning\"` with `range = [low, high]`";

const FITTED_RULE: &str = "an assumed value fitted to data: `assumed = \"reasoning\"`, `fitted = \"what it was fitted on\"`, `prior_range = [low, high]` (the assumption's range) and `range = [low, high]` (the fit's, inside it)";

/// Checks a parameter (in `field`, e.g. `threat[3].speed_kmh`) and converts it from `unit` to SI
/// (the value and the range).
pub(crate) fn check_param(
    file: &SourceFile<'_>,
    field: &str,
    raw: &Spanned<RawParam>,
    bounds: Bounds,
    unit: Unit,
) -> Result<Parameter, ScenarioError> {
    let p = raw.get_ref();
    let fail = |problem: String, allowed: String| {
        Err(file.error(ErrorKind::Value, raw.span(), field, problem, allowed))
    };
    if !p.value.is_finite() || !bounds.admits(p.value) {
        return fail(
            format!("value {} is out of bounds", p.value),
            bounds.describe().to_string(),
        );
    }
    if p.source.is_some() && (p.fitted.is_some() || p.prior_range.is_some()) {
        return fail(
            "a public figure is not fitted".to_string(),
            FITTED_RULE.to_string(),
        );
    }
    let provenance = match (&p.source, &p.assumed) {
        (Some(url), None) => {
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                return fail(
                    format!("source {url:?} is not a web address"),
                    "a URL starting with https:// or http://".to_string(),
                );
            }
            Provenance::Source {
                url: url.clone(),
                note: p.note.clone(),
            }
        }
        (None, Some(reasoning)) => {
            if reasoning.trim().is_empty() {
                return fail(
                    "`assumed` gives no reasoning".to_string(),
                    PROVENANCE_RULE.to_string(),
                );
            }
            if p.range.is_none() {
                return fail(
                    "an assumed value needs `range = [low, high]`".to_string(),
                    PROVENANCE_RULE.to_string(),
                );
            }
            match (&p.fitted, p.prior_range) {
                (None, None) => Provenance::Assumed {
                    reasoning: reasoning.clone(),
                },
                (Some(fit), Some(prior)) => Provenance::Fitted {
                    reasoning: reasoning.clone(),
                    fit: fit.clone(),
                    prior_range: checked_prior_range(bounds, unit, prior, p.range).ok_or_else(
                        || {
                            file.error(
                                ErrorKind::Value,
                                raw.span(),
                                field,
                                format!(
                                    "prior_range [{}, {}] does not hold the fitted range",
                                    prior[0], prior[1]
                                ),
                                FITTED_RULE.to_string(),
                            )
                        },
                    )?,
                },
                _ => {
                    return fail(
                        "`fitted` and `prior_range` come together".to_string(),
                        FITTED_RULE.to_string(),
                    );
                }
            }
        }
        (Some(_), Some(_)) => {
            return fail(
                "both `source` and `assumed` are given".to_string(),
                PROVENANCE_RULE.to_string(),
            );
        }
        (None, None) => {
            return fail(
                "no provenance: neither `source` nor `assumed`".to_string(),
                PROVENANCE_RULE.to_string(),
            );
        }
    };
    let range = match p.range {
        None => None,
        Some([low, high]) => {
            let in_bounds =
                low.is_finite() && high.is_finite() && bounds_admit_range(bounds, low, high);
            if !in_bounds || low > high || p.value < low || p.value > high {
                return fail(
                    format!("range [{low}, {high}] does not hold the value {}", p.value),
                    format!(
                        "[low, high] with low <= value <= high, each {}",
                        bounds.describe()
                    ),
                );
            }
            Some((unit.to_si(low), unit.to_si(high)))
        }
    };
    Ok(Parameter {
        value: unit.to_si(p.value),
        range,
        provenance,
    })
}

/// A fitted number's prior range in SI, if it is a valid range that holds the fitted `range`.
fn checked_prior_range(
    bounds: Bounds,
    unit: Unit,
    [low, high]: [f64; 2],
    range: Option<[f64; 2]>,
) -> Option<(f64, f64)> {
    let [fit_low, fit_high] = range?;
    let valid = low.is_finite()
        && high.is_finite()
        && bounds_admit_range(bounds, low, high)
        && low <= fit_low
        && fit_high <= high;
    valid.then(|| (unit.to_si(low), unit.to_si(high)))
}

/// A range's ends may be fractional for counts (a plausible span), but must respect the sign rules.
fn bounds_admit_range(bounds: Bounds, low: f64, high: f64) -> bool {
    match bounds {
        Bounds::Count => low >= 1.0 && high <= MAX_COUNT,
        other => other.admits(low) && other.admits(high),
    }
}
