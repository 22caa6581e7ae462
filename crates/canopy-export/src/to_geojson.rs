//! Features as a GeoJSON FeatureCollection (RFC 7946): one feature per line, so that the file
//! reads and diffs line by line.

use geojson::{Feature, Geometry, JsonObject};

use crate::error::ExportError;
use crate::feature::{MapFeature, Shape};

/// The GeoJSON feature of a map feature.
fn feature(map_feature: &MapFeature) -> Feature {
    let geometry = match &map_feature.shape {
        Shape::Point(point) => Geometry::new_point(*point),
        Shape::Line(points) => Geometry::new_line_string(points.iter().copied()),
        Shape::Area(ring) => Geometry::new_polygon([ring.iter().copied()]),
    };
    let properties: JsonObject = map_feature
        .all_properties()
        .into_iter()
        .map(|(key, value)| (key.to_string(), value))
        .collect();
    Feature {
        bbox: None,
        geometry: Some(geometry),
        id: None,
        properties: Some(properties),
        foreign_members: None,
    }
}

/// The features as a GeoJSON FeatureCollection named `title`, in order.
pub fn to_geojson(title: &str, features: &[MapFeature]) -> Result<Vec<u8>, ExportError> {
    let mut out = format!(
        "{{\"type\":\"FeatureCollection\",\"name\":{},\"features\":[\n",
        serde_json::to_string(title)?
    )
    .into_bytes();
    for (k, map_feature) in features.iter().enumerate() {
        if k > 0 {
            out.extend_from_slice(b",\n");
        }
        serde_json::to_writer(&mut out, &feature(map_feature))?;
    }
    out.extend_from_slice(b"\n]}\n");
    Ok(out)
}
