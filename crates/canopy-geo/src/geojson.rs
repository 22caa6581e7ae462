//! Reading Polygon and MultiPolygon geometries out of GeoJSON text (RFC 7946: positions are
//! `[longitude, latitude]` in degrees, rings closed).

use serde_json::{Map, Value};

use crate::GeoError;
use crate::polygon::{LonLatRing, ring_from_positions};

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
