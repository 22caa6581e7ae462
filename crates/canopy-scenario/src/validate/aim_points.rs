//! The aim points C2 defends: every distinct aim point of the raids, each with its value from the
//! scenario's `[aim_point_value_usd]` table or, by its kind of place, from the type library.

use std::collections::BTreeMap;

use super::Context;
use crate::error::{ErrorKind, ScenarioError};
use crate::model::{AimPoint, Raid};
use crate::raw::AIM_POINT_VALUE_RULE;
use crate::spanned::Spanned;

/// The raids' aim points in order of first mention, valued.
pub(super) fn aim_points(
    cx: &Context<'_, '_>,
    values: &BTreeMap<Spanned<String>, Spanned<f64>>,
    raids: &[Raid],
) -> Result<Vec<AimPoint>, ScenarioError> {
    let mut points: Vec<AimPoint> = Vec::new();
    for place in raids.iter().flat_map(Raid::target_places) {
        if !points.iter().any(|point| point.place.id == place.id) {
            points.push(AimPoint {
                value_usd: cx.library.evaluation.place_value_usd(&place.kind),
                place: place.clone(),
            });
        }
    }
    for (id, value) in values {
        let field = format!("aim_point_value_usd.{}", id.get_ref());
        let Some(point) = points
            .iter_mut()
            .find(|point| &point.place.id == id.get_ref())
        else {
            let known: Vec<&str> = points.iter().map(|p| p.place.id.as_str()).collect();
            return Err(cx.file.error(
                ErrorKind::Value,
                id.span(),
                field,
                format!("{:?} is not an aim point of any raid", id.get_ref()),
                format!("the id of a raid's aim point: {}", known.join(", ")),
            ));
        };
        let usd = *value.get_ref();
        if !(usd.is_finite() && usd >= 0.0) {
            return Err(cx.file.error(
                ErrorKind::Value,
                value.span(),
                field,
                format!("{usd} is not a value in USD"),
                AIM_POINT_VALUE_RULE,
            ));
        }
        point.value_usd = usd;
    }
    Ok(points)
}
