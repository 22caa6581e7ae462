//! The tables with a shape, zones and electronic-warfare areas: each gives exactly one of the
//! shape keys (checked by validation).

use super::{RawIds, RawPoint};
use crate::model::ZoneKind;
use crate::spanned::Spanned;
use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use std::fmt;

/// The largest radius of a circle, km.
pub(crate) const MAX_CIRCLE_RADIUS_KM: f64 = 20_000.0;

/// The shape keys of a zone or an EW area, of which exactly one is given.
pub(crate) struct RawShape<'a> {
    pub west_of_meridian: Option<&'a Spanned<f64>>,
    pub east_of_meridian: Option<&'a Spanned<f64>>,
    pub polygon: Option<&'a Spanned<RawPolygon>>,
    pub circle: Option<&'a Spanned<RawCircle>>,
    pub countries: Option<&'a RawIds>,
}

/// Declares a table with its own keys and the shape keys, and `shape()` on it.
macro_rules! table_with_shape {
    ($(#[$doc:meta])* $table:ident { $($(#[$key_doc:meta])* $key:ident: $ty:ty,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub(crate) struct $table {
            $($(#[$key_doc])* pub $key: $ty,)*
            /// Shape: every point at or west of this longitude, degrees.
            #[schemars(range(min = -180, max = 180))]
            pub west_of_meridian: Option<Spanned<f64>>,
            /// Shape: every point at or east of this longitude, degrees.
            #[schemars(range(min = -180, max = 180))]
            pub east_of_meridian: Option<Spanned<f64>>,
            /// Shape: a closed ring of [lat, lon] points (edges straight in longitude and
            /// latitude), or the path of a GeoJSON file of polygons relative to the scenario file.
            pub polygon: Option<Spanned<RawPolygon>>,
            /// Shape: the points within a geodesic distance of a centre.
            pub circle: Option<Spanned<RawCircle>>,
            /// Shape: inside any of these countries' land borders (codes of data/borders.geojson).
            pub countries: Option<RawIds>,
        }

        impl $table {
            /// Its shape keys.
            pub(crate) fn shape(&self) -> RawShape<'_> {
                RawShape {
                    west_of_meridian: self.west_of_meridian.as_ref(),
                    east_of_meridian: self.east_of_meridian.as_ref(),
                    polygon: self.polygon.as_ref(),
                    circle: self.circle.as_ref(),
                    countries: self.countries.as_ref(),
                }
            }
        }
    };
}

table_with_shape! {
    /// `[[zone]]`: an id, a kind, the nations it applies to and exactly one shape.
    RawZone {
        /// The zone's id, unique among zones.
        id: Spanned<String>,
        /// What the zone means for the nations it lists.
        kind: ZoneKind,
        /// The nations the zone applies to (declared nation codes).
        #[schemars(length(min = 1))]
        nations: RawIds,
    }
}

table_with_shape! {
    /// `[[ew]]`: electronic warfare over an area of any zone shape.
    RawEw {
        /// The area's id, unique among EW areas.
        id: Spanned<String>,
        /// The nation that jams (a declared nation code).
        nation: Spanned<String>,
        /// Probability that a drone or decoy flying into the area loses its way, once per pass.
        #[schemars(range(min = 0, max = 1))]
        lost_share: Spanned<f64>,
    }
}

/// `polygon = [[lat, lon], ...]` or `polygon = "file.geojson"`.
#[derive(Debug, JsonSchema)]
#[schemars(untagged)]
pub(crate) enum RawPolygon {
    /// A closed ring of `[lat, lon]` points, the first repeated at the end.
    Ring(#[schemars(length(min = 4))] Vec<RawPoint>),
    /// A GeoJSON file, relative to the scenario file.
    File(String),
}

impl<'de> Deserialize<'de> for RawPolygon {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PolygonVisitor;
        impl<'de> Visitor<'de> for PolygonVisitor {
            type Value = RawPolygon;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of [lat, lon] points or the path of a GeoJSON file")
            }
            fn visit_str<E: de::Error>(self, path: &str) -> Result<RawPolygon, E> {
                Ok(RawPolygon::File(path.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawPolygon, A::Error> {
                let mut ring = Vec::new();
                while let Some(point) = seq.next_element()? {
                    ring.push(point);
                }
                Ok(RawPolygon::Ring(ring))
            }
        }
        deserializer.deserialize_any(PolygonVisitor)
    }
}

/// `circle = { at = [lat, lon], radius_km = R }`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCircle {
    /// The centre.
    pub at: RawPoint,
    /// The radius, km.
    #[schemars(range(min = 0, max = MAX_CIRCLE_RADIUS_KM))]
    pub radius_km: Spanned<f64>,
}
