//! Reading Polygon and MultiPolygon geometries out of GeoJSON text (RFC 7946: positions are
//! `[longitude, latitude]` in degrees, rings closed): the reader that [`crate::Borders`] uses, and
//! [`GeoPolygon::from_geojson_str`]. Polygons themselves know nothing of GeoJSON.

use serde_json::{Map, Value};

use crate::polygon::{LonLatRing, ring_from_positions};
use crate::{GeoError, GeoPolygon};

impl GeoPolygon {
    /// All Polygon / MultiPolygon geometries of a GeoJSON text (Feature, FeatureCollection or
    /// bare geometry), as one polygon set. `source_name` (usually the file name) labels errors.
    pub fn from_geojson_str(text: &str, source_name: &str) -> Result<GeoPolygon, GeoError> {
        let rings: Vec<LonLatRing> = polygon_features(text, source_name)?
            .into_iter()
            .flat_map(|feature| feature.rings)
            .collect();
        if rings.is_empty() {
            return Err(GeoError::GeoJson {
                source_name: source_name.to_owned(),
                message: "contains no Polygon or MultiPolygon".to_owned(),
            });
        }
        Ok(GeoPolygon::from_rings(rings))
    }
}

/// One feature (or bare geometry) of a GeoJSON document with all its polygon rings.
pub(crate) struct PolygonFeature {
    /// Where it sits in the document, e.g. `features[3]`, for error messages.
    pub location: String,
    /// The feature's `properties` (empty for a bare geometry or `null` properties).
    pub properties: Map<String, Value>,
    /// Outer rings and holes of every polygon, in radians.
    pub rings: Vec<LonLatRing>,
}

/// Every Feature of a FeatureCollection, or the one Feature, or the bare geometry in `text`.
/// Geometries other than Polygon, MultiPolygon and GeometryCollections of them are errors.
pub(crate) fn polygon_features(
    text: &str,
    source_name: &str,
) -> Result<Vec<PolygonFeature>, GeoError> {
    let error = |message: String| GeoError::GeoJson {
        source_name: source_name.to_owned(),
        message,
    };
    let root: Value =
        serde_json::from_str(text).map_err(|e| error(format!("not valid JSON: {e}")))?;
    let reader = Reader { source_name };
    match type_of(&root, "the document").map_err(error)? {
        "FeatureCollection" => {
            let features = root
                .get("features")
                .and_then(Value::as_array)
                .ok_or_else(|| {
                    error("the FeatureCollection has no \"features\" array".to_owned())
                })?;
            features
                .iter()
                .enumerate()
                .map(|(i, feature)| reader.feature(feature, format!("features[{i}]")))
                .collect()
        }
        "Feature" => Ok(vec![reader.feature(&root, "the Feature".to_owned())?]),
        _ => {
            let mut rings = Vec::new();
            reader.geometry(&root, "the geometry", &mut rings)?;
            Ok(vec![PolygonFeature {
                location: "the geometry".to_owned(),
                properties: Map::new(),
                rings,
            }])
        }
    }
}

/// The `"type"` member of a GeoJSON object.
fn type_of<'a>(value: &'a Value, location: &str) -> Result<&'a str, String> {
    value
        .get("type")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("{location} is not a GeoJSON object with a \"type\""))
}

/// Walks one document, naming its source in errors.
struct Reader<'a> {
    source_name: &'a str,
}

impl Reader<'_> {
    fn error(&self, message: String) -> GeoError {
        GeoError::GeoJson {
            source_name: self.source_name.to_owned(),
            message,
        }
    }

    fn feature(&self, feature: &Value, location: String) -> Result<PolygonFeature, GeoError> {
        let kind = type_of(feature, &location).map_err(|m| self.error(m))?;
        if kind != "Feature" {
            return Err(self.error(format!(
                "{location} has type {kind:?}; a \"Feature\" is needed"
            )));
        }
        let properties = match feature.get("properties") {
            None | Some(Value::Null) => Map::new(),
            Some(Value::Object(map)) => map.clone(),
            Some(_) => return Err(self.error(format!("{location}.properties is not an object"))),
        };
        let geometry_location = format!("{location}.geometry");
        let geometry = match feature.get("geometry") {
            None | Some(Value::Null) => {
                return Err(self.error(format!(
                    "{geometry_location} is missing or null; a Polygon or MultiPolygon is needed"
                )));
            }
            Some(geometry) => geometry,
        };
        let mut rings = Vec::new();
        self.geometry(geometry, &geometry_location, &mut rings)?;
        Ok(PolygonFeature {
            location,
            properties,
            rings,
        })
    }

    fn geometry(
        &self,
        geometry: &Value,
        location: &str,
        rings: &mut Vec<LonLatRing>,
    ) -> Result<(), GeoError> {
        let kind = type_of(geometry, location).map_err(|m| self.error(m))?;
        let coordinates = || {
            geometry
                .get("coordinates")
                .ok_or_else(|| self.error(format!("{location} ({kind}) has no \"coordinates\"")))
        };
        match kind {
            "Polygon" => self.polygon(coordinates()?, &format!("{location}.coordinates"), rings),
            "MultiPolygon" => {
                let location = format!("{location}.coordinates");
                for (i, polygon) in self.array(coordinates()?, &location)?.iter().enumerate() {
                    self.polygon(polygon, &format!("{location}[{i}]"), rings)?;
                }
                Ok(())
            }
            "GeometryCollection" => {
                let location = format!("{location}.geometries");
                let members = geometry
                    .get("geometries")
                    .ok_or_else(|| self.error(format!("{location} is missing")))?;
                for (i, member) in self.array(members, &location)?.iter().enumerate() {
                    self.geometry(member, &format!("{location}[{i}]"), rings)?;
                }
                Ok(())
            }
            other => Err(self.error(format!(
                "{location} has type {other:?}; only Polygon, MultiPolygon and GeometryCollection are allowed"
            ))),
        }
    }

    fn array<'v>(&self, value: &'v Value, location: &str) -> Result<&'v Vec<Value>, GeoError> {
        value
            .as_array()
            .ok_or_else(|| self.error(format!("{location} is not an array")))
    }

    fn polygon(
        &self,
        polygon: &Value,
        location: &str,
        rings: &mut Vec<LonLatRing>,
    ) -> Result<(), GeoError> {
        let ring_values = self.array(polygon, location)?;
        if ring_values.is_empty() {
            return Err(self.error(format!("{location} has no rings")));
        }
        for (i, ring) in ring_values.iter().enumerate() {
            let ring_location = format!("{location}[{i}]");
            let positions = self
                .array(ring, &ring_location)?
                .iter()
                .enumerate()
                .map(|(j, position)| self.position(position, &format!("{ring_location}[{j}]")))
                .collect::<Result<Vec<_>, _>>()?;
            let ring = ring_from_positions(&positions, |[lon, lat]| [lat, lon])
                .map_err(|e| self.error(format!("{ring_location} ([lon, lat] order): {e}")))?;
            rings.push(ring);
        }
        Ok(())
    }

    /// `[lon, lat]` or `[lon, lat, altitude]` in degrees, returned as `[lon, lat]`.
    fn position(&self, position: &Value, location: &str) -> Result<[f64; 2], GeoError> {
        match position.as_array().map(Vec::as_slice) {
            Some([lon, lat, rest @ ..]) if rest.len() <= 1 => match (lon.as_f64(), lat.as_f64()) {
                (Some(lon), Some(lat)) => Ok([lon, lat]),
                _ => Err(self.error(format!("{location} has a coordinate that is not a number"))),
            },
            _ => Err(self.error(format!(
                "{location} is not a position [longitude, latitude] (optionally with altitude)"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::GeoPoint;

    fn pt(lat: f64, lon: f64) -> GeoPoint {
        GeoPoint::from_degrees(lat, lon).unwrap()
    }

    #[test]
    fn geojson_square_around_lviv_uses_lon_lat_order() {
        // RFC 7946: [longitude, latitude]. Lviv is at 49.84 N, 24.03 E.
        let text = r#"{"type": "Feature", "properties": {"name": "lviv box"},
            "geometry": {"type": "Polygon", "coordinates": [
                [[23.5, 49.5], [24.5, 49.5], [24.5, 50.2], [23.5, 50.2], [23.5, 49.5]]]}}"#;
        let poly = GeoPolygon::from_geojson_str(text, "lviv.geojson").unwrap();
        assert!(poly.contains(pt(49.8397, 24.0297)));
        // Read the other way round, the box would be near 24 N, 50 E.
        assert!(!poly.contains(pt(24.0297, 49.8397)));
    }

    #[test]
    fn geojson_hole_and_multipolygon() {
        let text = r#"{"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": null, "geometry": {"type": "MultiPolygon", "coordinates": [
                [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]]],
                [[[10, 10], [11, 10], [11, 11], [10, 10]]]]}},
            {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [
                [[20, 20], [21, 20, 100], [21, 21], [20, 20]]]}}]}"#;
        let poly = GeoPolygon::from_geojson_str(text, "zones.geojson").unwrap();
        assert!(poly.contains(pt(0.5, 0.5)));
        assert!(!poly.contains(pt(2.0, 2.0)), "inside the hole");
        assert!(poly.contains(pt(10.2, 10.8)));
        assert!(poly.contains(pt(20.2, 20.8)));
        assert!(!poly.contains(pt(5.0, 5.0)));
    }

    #[test]
    fn malformed_geojson_gives_errors_naming_source_and_place() {
        let cases = [
            ("{", "not valid JSON"),
            ("[1, 2]", "is not a GeoJSON object"),
            (r#"{"type": "FeatureCollection"}"#, "no \"features\" array"),
            (
                r#"{"type": "Point", "coordinates": [1, 2]}"#,
                "type \"Point\"",
            ),
            (
                r#"{"type": "Feature", "geometry": null}"#,
                "geometry is missing or null",
            ),
            (
                r#"{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]}"#,
                "does not close",
            ),
            (
                r#"{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 0]]]}"#,
                "at least 4",
            ),
            (
                r#"{"type": "Polygon", "coordinates": [[[0, 0], ["a", 0], [1, 1], [0, 0]]]}"#,
                "not a number",
            ),
            (
                r#"{"type": "Polygon", "coordinates": [[[0, 0], [1], [1, 1], [0, 0]]]}"#,
                "coordinates[0][1] is not a position",
            ),
            (
                r#"{"type": "Polygon", "coordinates": [[[0, 0], [1, 95], [1, 1], [0, 0]]]}"#,
                "latitude 95",
            ),
            (r#"{"type": "Polygon", "coordinates": []}"#, "has no rings"),
            (r#"{"type": "Polygon"}"#, "no \"coordinates\""),
            (
                r#"{"type": "FeatureCollection", "features": []}"#,
                "contains no Polygon",
            ),
        ];
        for (text, expected) in cases {
            let err = GeoPolygon::from_geojson_str(text, "bad.geojson").unwrap_err();
            let message = err.to_string();
            assert!(message.starts_with("GeoJSON bad.geojson: "), "{message}");
            assert!(message.contains(expected), "{message:?} lacks {expected:?}");
        }
    }
}
