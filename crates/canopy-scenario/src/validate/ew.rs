//! `[[ew]]`: electronic warfare areas, each of one zone shape, with the share of drones and
//! decoys that lose their way in it.

use super::Context;
use super::common;
use super::nations::nation_id;
use super::zones::shape;
use crate::error::ScenarioError;
use crate::ids::{UniqueIds, check_id};
use crate::model::{EwArea, Nation};
use crate::raw::{EW_LOST_SHARE_RULE, RawEw};
use crate::spanned::Spanned;

/// The EW areas, in file order.
pub(super) fn areas(
    cx: &Context<'_, '_>,
    raw: &[Spanned<RawEw>],
    nations: &[Nation],
) -> Result<Vec<EwArea>, ScenarioError> {
    let mut ids = UniqueIds::default();
    raw.iter()
        .enumerate()
        .map(|(i, entry)| {
            let area = entry.get_ref();
            let field = format!("ew[{i}]");
            let id_field = format!("{field}.id");
            let id = check_id(cx.file, &id_field, &area.id)?;
            ids.insert(cx.file, &id_field, &area.id, "EW areas")?;
            Ok(EwArea {
                id,
                nation: nation_id(cx, &format!("{field}.nation"), &area.nation, nations)?,
                shape: shape(cx, (&field, "EW area"), entry.span(), &area.shape())?,
                lost_share: common::number(
                    cx.file,
                    &format!("{field}.lost_share"),
                    &area.lost_share,
                    0.0..=1.0,
                    EW_LOST_SHARE_RULE,
                )?,
            })
        })
        .collect()
}
