//! `[[zone]]`: an id, a kind, the nations it applies to and exactly one shape.

use super::Context;
use super::common;
use super::nations::{border_country, nation_id};
use crate::error::{ErrorKind, ScenarioError};
use crate::ids::{UniqueIds, check_id};
use crate::model::{Nation, Zone};
use crate::raw::{MAX_CIRCLE_RADIUS_KM, RawCircle, RawIds, RawPolygon, RawShape, RawZone};
use crate::spanned::Spanned;
use crate::units::km_to_m;
use canopy_core::NationId;
use canopy_geo::{GeoPolygon, ZoneShape};

/// The shape keys, in the order they are reported.
const SHAPES: &str =
    "exactly one of west_of_meridian, east_of_meridian, polygon, circle, countries";

/// The zones, in file order.
pub(super) fn zones(
    cx: &Context<'_, '_>,
    raw: &[Spanned<RawZone>],
    nations: &[Nation],
) -> Result<Vec<Zone>, ScenarioError> {
    let mut ids = UniqueIds::default();
    raw.iter()
        .enumerate()
        .map(|(i, entry)| {
            let zone = entry.get_ref();
            let field = format!("zone[{i}]");
            let id_field = format!("{field}.id");
            let id = check_id(cx.file, &id_field, &zone.id)?;
            ids.insert(cx.file, &id_field, &zone.id, "zones")?;
            Ok(Zone {
                id,
                kind: zone.kind,
                nations: zone_nations(cx, &format!("{field}.nations"), &zone.nations, nations)?,
                shape: shape(cx, (&field, "zone"), entry.span(), &zone.shape())?,
            })
        })
        .collect()
}

fn zone_nations(
    cx: &Context<'_, '_>,
    field: &str,
    raw: &RawIds,
    nations: &[Nation],
) -> Result<Vec<NationId>, ScenarioError> {
    if raw.get_ref().is_empty() {
        return Err(cx.file.error(
            ErrorKind::Value,
            raw.span(),
            field,
            "the zone applies to no nation",
            "a list of one or more declared nation codes, e.g. [\"PL\"]",
        ));
    }
    let mut ids = Vec::new();
    for code in raw.get_ref() {
        let id = nation_id(cx, field, code, nations)?;
        if ids.contains(&id) {
            return Err(cx.file.error(
                ErrorKind::Duplicate,
                code.span(),
                field,
                format!("nation `{}` listed twice", code.get_ref()),
                "each nation once",
            ));
        }
        ids.push(id);
    }
    Ok(ids)
}

/// The one shape of a table with shape keys, named `what` in messages (`span` is the table's,
/// for a missing shape).
pub(super) fn shape(
    cx: &Context<'_, '_>,
    (field, what): (&str, &str),
    span: std::ops::Range<usize>,
    zone: &RawShape<'_>,
) -> Result<ZoneShape, ScenarioError> {
    let given: Vec<&str> = [
        zone.west_of_meridian.as_ref().map(|_| "west_of_meridian"),
        zone.east_of_meridian.as_ref().map(|_| "east_of_meridian"),
        zone.polygon.as_ref().map(|_| "polygon"),
        zone.circle.as_ref().map(|_| "circle"),
        zone.countries.as_ref().map(|_| "countries"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if given.len() != 1 {
        let problem = if given.is_empty() {
            format!("the {what} has no shape")
        } else {
            format!(
                "the {what} has {} shapes: {}",
                given.len(),
                given.join(", ")
            )
        };
        return Err(cx
            .file
            .error(ErrorKind::Schema, span, field, problem, SHAPES));
    }
    let meridian_rule = "a longitude in degrees, in [-180, 180]";
    if let Some(raw) = zone.west_of_meridian {
        let field = format!("{field}.west_of_meridian");
        let lon = common::number(cx.file, &field, raw, -180.0..=180.0, meridian_rule)?;
        return meridian(cx, &field, raw, ZoneShape::west_of_meridian_deg(lon));
    }
    if let Some(raw) = zone.east_of_meridian {
        let field = format!("{field}.east_of_meridian");
        let lon = common::number(cx.file, &field, raw, -180.0..=180.0, meridian_rule)?;
        return meridian(cx, &field, raw, ZoneShape::east_of_meridian_deg(lon));
    }
    if let Some(polygon) = zone.polygon {
        return polygon_shape(cx, &format!("{field}.polygon"), polygon);
    }
    if let Some(circle) = zone.circle {
        return circle_shape(cx, &format!("{field}.circle"), circle);
    }
    let codes = zone.countries.map(Spanned::get_ref).into_iter().flatten();
    let field = format!("{field}.countries");
    let countries = codes
        .map(|code| border_country(cx, &field, code))
        .collect::<Result<Vec<_>, _>>()?;
    if countries.is_empty() {
        return Err(cx.file.error(
            ErrorKind::Value,
            span,
            field,
            "no country listed",
            "a list of one or more country codes, e.g. [\"UA\"]",
        ));
    }
    Ok(ZoneShape::Countries(countries))
}

/// A meridian zone, with any geography error located at the longitude.
fn meridian(
    cx: &Context<'_, '_>,
    field: &str,
    raw: &Spanned<f64>,
    shape: Result<ZoneShape, canopy_geo::GeoError>,
) -> Result<ZoneShape, ScenarioError> {
    shape.map_err(|err| {
        cx.file.error(
            ErrorKind::Value,
            raw.span(),
            field,
            err.to_string(),
            "a longitude in degrees, in [-180, 180]",
        )
    })
}

fn circle_shape(
    cx: &Context<'_, '_>,
    field: &str,
    raw: &Spanned<RawCircle>,
) -> Result<ZoneShape, ScenarioError> {
    let circle = raw.get_ref();
    let centre = common::point(cx.file, &format!("{field}.at"), &circle.at)?;
    let radius_field = format!("{field}.radius_km");
    let radius_km = common::number(
        cx.file,
        &radius_field,
        &circle.radius_km,
        0.0..=MAX_CIRCLE_RADIUS_KM,
        "a radius in km, 0 or more",
    )?;
    ZoneShape::circle(centre, km_to_m(radius_km)).map_err(|err| {
        cx.file.error(
            ErrorKind::Value,
            circle.radius_km.span(),
            radius_field,
            err.to_string(),
            "a radius in km, 0 or more",
        )
    })
}

fn polygon_shape(
    cx: &Context<'_, '_>,
    field: &str,
    raw: &Spanned<RawPolygon>,
) -> Result<ZoneShape, ScenarioError> {
    let polygon = match raw.get_ref() {
        RawPolygon::Ring(points) => {
            let mut ring = Vec::with_capacity(points.len());
            for (i, point) in points.iter().enumerate() {
                let checked = common::point(cx.file, &format!("{field}[{i}]"), point)?;
                ring.push([checked.lat_deg(), checked.lon_deg()]);
            }
            GeoPolygon::from_lat_lon_deg(&ring).map_err(|err| {
                cx.file.error(
                    ErrorKind::Value,
                    raw.span(),
                    field,
                    err.to_string(),
                    "a closed ring of at least 4 [lat, lon] points whose last point repeats the first",
                )
            })?
        }
        RawPolygon::File(relative) => {
            let path = cx.base_dir.join(relative);
            let text = std::fs::read_to_string(&path).map_err(|err| {
                cx.file.error(
                    ErrorKind::Io,
                    raw.span(),
                    field,
                    format!("cannot read GeoJSON file {}: {err}", path.display()),
                    "the path of a readable GeoJSON file, relative to the scenario file",
                )
            })?;
            GeoPolygon::from_geojson_str(&text, &path.display().to_string()).map_err(|err| {
                cx.file.error(
                    ErrorKind::Value,
                    raw.span(),
                    field,
                    err.to_string(),
                    "a GeoJSON (RFC 7946, [lon, lat]) Polygon or MultiPolygon, as a geometry, Feature or FeatureCollection",
                )
            })?
        }
    };
    Ok(ZoneShape::Polygon(polygon))
}
