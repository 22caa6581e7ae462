//! Areas where rules apply: engagement zones, no-fire areas, approval areas.

use crate::point::check_finite;
use crate::{Borders, CountryCode, GeoError, GeoPoint, GeoPolygon, within_m};

/// The shape of an area where a rule applies.
#[derive(Clone, Debug)]
pub enum ZoneShape {
    /// Inside a polygon set.
    Polygon(GeoPolygon),
    /// Geodesic distance from `centre` at most `radius_m`.
    Circle {
        /// Centre of the circle.
        centre: GeoPoint,
        /// Radius, metres.
        radius_m: f64,
    },
    /// Longitude at most the meridian (west of it, the meridian included).
    WestOfMeridian {
        /// The meridian's longitude, radians.
        lon_rad: f64,
    },
    /// Longitude at least the meridian (east of it, the meridian included).
    EastOfMeridian {
        /// The meridian's longitude, radians.
        lon_rad: f64,
    },
    /// Inside any of these countries, by [`Borders::bundled`].
    Countries(Vec<CountryCode>),
}

impl ZoneShape {
    /// A circle, checking that the radius is finite and not negative.
    pub fn circle(centre: GeoPoint, radius_m: f64) -> Result<ZoneShape, GeoError> {
        check_finite("circle radius", radius_m)?;
        if radius_m < 0.0 {
            return Err(GeoError::NegativeRadius { radius_m });
        }
        Ok(ZoneShape::Circle { centre, radius_m })
    }

    /// West of (or on) the meridian at `lon_deg` degrees, checked to be in [-180, 180].
    pub fn west_of_meridian_deg(lon_deg: f64) -> Result<ZoneShape, GeoError> {
        Ok(ZoneShape::WestOfMeridian {
            lon_rad: GeoPoint::from_degrees(0.0, lon_deg)?.lon_rad(),
        })
    }

    /// East of (or on) the meridian at `lon_deg` degrees, checked to be in [-180, 180].
    pub fn east_of_meridian_deg(lon_deg: f64) -> Result<ZoneShape, GeoError> {
        Ok(ZoneShape::EastOfMeridian {
            lon_rad: GeoPoint::from_degrees(0.0, lon_deg)?.lon_rad(),
        })
    }

    /// Whether `p` lies in the zone.
    pub fn contains(&self, p: GeoPoint) -> bool {
        match self {
            ZoneShape::Polygon(polygon) => polygon.contains(p),
            ZoneShape::Circle { centre, radius_m } => within_m(*centre, p, *radius_m),
            ZoneShape::WestOfMeridian { lon_rad } => p.lon_rad() <= *lon_rad,
            ZoneShape::EastOfMeridian { lon_rad } => p.lon_rad() >= *lon_rad,
            ZoneShape::Countries(codes) => {
                let borders = Borders::bundled();
                codes.iter().any(|&code| borders.is_in_country(p, code))
            }
        }
    }
}
