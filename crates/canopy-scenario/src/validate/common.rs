//! Checks of single values shared by every section: points, durations, clock times, counts,
//! references by id.

use crate::clock::{CLOCK_RULE, Start};
use crate::error::{ErrorKind, ScenarioError};
use crate::ids::choices;
use crate::raw::RawPoint;
use crate::source::SourceFile;
use crate::spanned::Spanned;
use canopy_core::{SimDuration, SimTime};
use canopy_geo::GeoPoint;
use std::ops::RangeInclusive;

/// What a point may look like.
const POINT_RULE: &str = "[lat, lon] in degrees: latitude in [-90, 90], longitude in [-180, 180]";
/// The longest duration accepted anywhere in a scenario.
const MAX_DURATION: SimDuration = SimDuration::from_secs(30 * 86_400);
/// What a duration may look like.
const DURATION_RULE: &str = "a duration such as \"90s\", \"45m\", \"14h\", \"1h30m\"";

/// A `[lat, lon]` in degrees.
pub(super) fn point(
    file: &SourceFile<'_>,
    field: &str,
    raw: &RawPoint,
) -> Result<GeoPoint, ScenarioError> {
    let &[lat, lon] = raw.get_ref().0.as_slice() else {
        return Err(file.error(
            ErrorKind::Value,
            raw.span(),
            field,
            format!("a point needs 2 numbers, {} given", raw.get_ref().0.len()),
            POINT_RULE,
        ));
    };
    GeoPoint::from_degrees(lat, lon).map_err(|err| {
        file.error(
            ErrorKind::Value,
            raw.span(),
            field,
            err.to_string(),
            POINT_RULE,
        )
    })
}

/// A duration; zero is refused when `positive`.
pub(super) fn duration(
    file: &SourceFile<'_>,
    field: &str,
    raw: &Spanned<String>,
    positive: bool,
) -> Result<SimDuration, ScenarioError> {
    let value = SimDuration::parse(raw.get_ref()).map_err(|err| {
        // The form is said once, as what is allowed.
        file.error(
            ErrorKind::Value,
            raw.span(),
            field,
            format!("invalid duration {:?}: {}", err.text, err.reason),
            DURATION_RULE,
        )
    })?;
    if value > MAX_DURATION {
        return Err(file.error(
            ErrorKind::Value,
            raw.span(),
            field,
            "the duration is longer than 30 days",
            format!("{DURATION_RULE}, at most 30 days"),
        ));
    }
    if positive && value == SimDuration::ZERO {
        return Err(file.error(
            ErrorKind::Value,
            raw.span(),
            field,
            "the duration is zero",
            format!("{DURATION_RULE}, greater than zero"),
        ));
    }
    Ok(value)
}

/// A clock time or `+offset`, relative to the scenario start.
pub(super) fn clock_time(
    file: &SourceFile<'_>,
    field: &str,
    start: Start,
    raw: &Spanned<String>,
) -> Result<SimTime, ScenarioError> {
    start
        .clock_time(raw.get_ref())
        .map_err(|problem| file.error(ErrorKind::Value, raw.span(), field, problem, CLOCK_RULE))
}

/// A whole number within `allowed`.
pub(super) fn count(
    file: &SourceFile<'_>,
    field: &str,
    raw: &Spanned<i64>,
    allowed: RangeInclusive<u32>,
    what: &str,
) -> Result<u32, ScenarioError> {
    let value = *raw.get_ref();
    u32::try_from(value)
        .ok()
        .filter(|v| allowed.contains(v))
        .ok_or_else(|| {
            let problem = if value < 0 {
                format!("{value} is negative")
            } else {
                format!("{value} is out of range")
            };
            file.error(
                ErrorKind::Value,
                raw.span(),
                field,
                problem,
                format!(
                    "a whole number of {what} from {} to {}",
                    allowed.start(),
                    allowed.end()
                ),
            )
        })
}

/// A finite number within `allowed`.
pub(super) fn number(
    file: &SourceFile<'_>,
    field: &str,
    raw: &Spanned<f64>,
    allowed: RangeInclusive<f64>,
    rule: &str,
) -> Result<f64, ScenarioError> {
    let value = *raw.get_ref();
    if value.is_finite() && allowed.contains(&value) {
        Ok(value)
    } else {
        Err(file.error(
            ErrorKind::Value,
            raw.span(),
            field,
            format!("{value} is out of range"),
            rule,
        ))
    }
}

/// The index of `id` among `known`, or an error naming the known ids (with a typo hint).
pub(super) fn resolve(
    file: &SourceFile<'_>,
    field: &str,
    id: &Spanned<String>,
    what: &str,
    known: &[&str],
) -> Result<usize, ScenarioError> {
    known.iter().position(|k| k == id.get_ref()).ok_or_else(|| {
        file.error(
            ErrorKind::UnknownReference,
            id.span(),
            field,
            format!("unknown {what} `{}`", id.get_ref()),
            choices(id.get_ref(), known),
        )
    })
}
