//! Features as KML 2.2 for Google Earth: one folder per kind of feature, each feature a
//! Placemark with its time (`TimeSpan`, or `TimeStamp` for an instant, so the time slider
//! animates the night), a style and its properties as `ExtendedData`; indented one space a level.

use std::collections::HashMap;

use kml::types::{
    AltitudeMode, Coord, Element, Folder, Geometry, Icon, IconStyle, LineString, LineStyle,
    LinearRing, Placemark, Point, PolyStyle, Polygon, Style,
};
use kml::{Kml, KmlDocument, KmlVersion, KmlWriter};
use serde_json::Value;

use crate::error::ExportError;
use crate::fates::FateKind;
use crate::feature::{FeatureKind, MapFeature, Shape};

/// The KML 2.2 namespace.
const KML_NAMESPACE: &str = "http://www.opengis.net/kml/2.2";

/// The icon of every point: Google Earth's own palette, tinted by the style.
const POINT_ICON: &str = "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png";

/// The colour of a kind of feature, KML's `aabbggrr`.
fn kind_colour(kind: FeatureKind) -> &'static str {
    match kind {
        FeatureKind::ThreatPath => "ff9e9e9e",
        FeatureKind::Launch => "ffffffff",
        FeatureKind::Kill => "ff327d2e",
        FeatureKind::Impact => "ff1c1ce0",
        FeatureKind::MissFall => "ff485579",
        FeatureKind::Debris => "ff0098ff",
        FeatureKind::Spillover => "ff631ee9",
        FeatureKind::Site => "ffc06515",
        FeatureKind::Station => "ffa79700",
    }
}

/// The colour of a threat path by its fate, `aabbggrr`.
fn fate_colour(fate: FateKind) -> &'static str {
    match fate {
        FateKind::Destroyed => "ff9e9e9e",
        FateKind::Leaked => "ff1c1ce0",
        FateKind::Lost => "ffb0279c",
        FateKind::Attrited => "ffc8c8c8",
        FateKind::Airborne => "ff0098ff",
        FateKind::Unknown => "ff000000",
    }
}

/// A shared style: lines and area outlines in `colour`, areas filled with it at 40 %, points
/// with a tinted circle.
fn style(id: String, colour: &str) -> Kml {
    Kml::Style(Style {
        id: Some(id),
        icon: Some(IconStyle {
            color: colour.to_string(),
            scale: 0.8,
            icon: Icon {
                href: POINT_ICON.to_string(),
                attrs: HashMap::new(),
            },
            ..IconStyle::default()
        }),
        line: Some(LineStyle {
            color: colour.to_string(),
            width: 2.0,
            ..LineStyle::default()
        }),
        poly: Some(PolyStyle {
            color: format!("66{}", &colour[2..]),
            fill: true,
            outline: true,
            ..PolyStyle::default()
        }),
        ..Style::default()
    })
}

/// The styles of the document: one per kind, and one per fate for threat paths.
fn styles() -> Vec<Kml> {
    let kinds = FeatureKind::ALL
        .into_iter()
        .map(|kind| style(kind.name().to_string(), kind_colour(kind)));
    let fates = FateKind::ALL
        .into_iter()
        .map(|fate| style(path_style(fate.name()), fate_colour(fate)));
    kinds.chain(fates).collect()
}

/// The style id of a threat path whose fate is `fate`.
fn path_style(fate: &str) -> String {
    format!("{}-{fate}", FeatureKind::ThreatPath.name())
}

/// An element holding text.
fn text_element(name: &str, content: &str) -> Element {
    Element {
        name: name.to_string(),
        content: Some(content.to_string()),
        ..Element::default()
    }
}

/// An element holding other elements.
fn parent_element(name: &str, children: Vec<Element>) -> Element {
    Element {
        name: name.to_string(),
        children,
        ..Element::default()
    }
}

/// A property's value as KML text.
fn value_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// The geometry of a shape, on the ground.
fn geometry(shape: &Shape) -> Geometry {
    let coords = |points: &[[f64; 2]]| -> Vec<Coord> {
        points
            .iter()
            .map(|&[lon, lat]| Coord::new(lon, lat, None))
            .collect()
    };
    match shape {
        Shape::Point([lon, lat]) => Geometry::Point(Point::new(*lon, *lat, None)),
        Shape::Line(points) => Geometry::LineString(LineString {
            coords: coords(points),
            tessellate: true,
            altitude_mode: AltitudeMode::ClampToGround,
            ..LineString::default()
        }),
        Shape::Area(ring) => Geometry::Polygon(Polygon {
            tessellate: true,
            ..Polygon::new(
                LinearRing {
                    coords: coords(ring),
                    tessellate: true,
                    ..LinearRing::default()
                },
                Vec::new(),
            )
        }),
    }
}

/// The Placemark of a feature: its name, time, style, properties and geometry, in the order
/// KML's schema gives them.
fn placemark(feature: &MapFeature) -> Kml {
    let when = &feature.when;
    let time = if when.is_instant() {
        parent_element("TimeStamp", vec![text_element("when", &when.start)])
    } else {
        parent_element(
            "TimeSpan",
            vec![
                text_element("begin", &when.start),
                text_element("end", &when.end),
            ],
        )
    };
    let properties = feature.all_properties();
    let style = match properties.iter().find(|(key, _)| *key == "fate") {
        Some((_, fate)) if feature.kind == FeatureKind::ThreatPath => path_style(&value_text(fate)),
        _ => feature.kind.name().to_string(),
    };
    let data = properties
        .iter()
        .map(|(key, value)| Element {
            attrs: HashMap::from([("name".to_string(), key.to_string())]),
            ..parent_element("Data", vec![text_element("value", &value_text(value))])
        })
        .collect();
    Kml::Placemark(Placemark {
        name: Some(feature.name.clone()),
        geometry: Some(geometry(&feature.shape)),
        children: vec![
            time,
            text_element("styleUrl", &format!("#{style}")),
            parent_element("ExtendedData", data),
        ],
        ..Placemark::default()
    })
}

/// The features as a KML document named `title`: the styles, then one folder per kind of
/// feature (in the order of [`FeatureKind::ALL`], kinds without features left out).
pub fn to_kml(title: &str, features: &[MapFeature]) -> Result<Vec<u8>, ExportError> {
    let mut elements = vec![Kml::Element(text_element("name", title))];
    elements.extend(styles());
    for kind in FeatureKind::ALL {
        let placemarks: Vec<Kml> = features
            .iter()
            .filter(|f| f.kind == kind)
            .map(placemark)
            .collect();
        if !placemarks.is_empty() {
            elements.push(Kml::Folder(Folder {
                name: Some(kind.title().to_string()),
                elements: placemarks,
                ..Folder::default()
            }));
        }
    }
    let document = Kml::KmlDocument(KmlDocument {
        version: KmlVersion::V22,
        attrs: HashMap::from([("xmlns".to_string(), KML_NAMESPACE.to_string())]),
        elements: vec![Kml::Document {
            attrs: HashMap::new(),
            elements,
        }],
    });
    let mut out = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".to_vec();
    KmlWriter::<_, f64>::new(quick_xml::Writer::new_with_indent(&mut out, b' ', 1))
        .write(&document)
        .map_err(|err| ExportError::Kml(err.to_string()))?;
    out.push(b'\n');
    Ok(out)
}
