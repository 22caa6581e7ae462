//! Validated WGS-84 positions.

use crate::GeoError;

/// A position on the WGS-84 ellipsoid: geodetic latitude and longitude.
///
/// Always finite, latitude in [-π/2, π/2] and longitude in [-π, π]: the constructors check it.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct GeoPoint {
    lat_rad: f64,
    lon_rad: f64,
}

impl GeoPoint {
    /// A point from latitude and longitude in degrees; both finite, lat in [-90, 90],
    /// lon in [-180, 180].
    pub fn from_degrees(lat_deg: f64, lon_deg: f64) -> Result<GeoPoint, GeoError> {
        check_finite("latitude", lat_deg)?;
        check_finite("longitude", lon_deg)?;
        if !(-90.0..=90.0).contains(&lat_deg) {
            return Err(GeoError::LatitudeOutOfRange { lat_deg });
        }
        if !(-180.0..=180.0).contains(&lon_deg) {
            return Err(GeoError::LongitudeOutOfRange { lon_deg });
        }
        Ok(GeoPoint {
            lat_rad: lat_deg.to_radians(),
            lon_rad: lon_deg.to_radians(),
        })
    }

    /// A point from latitude and longitude in radians, with the same checks as
    /// [`GeoPoint::from_degrees`].
    pub fn from_radians(lat_rad: f64, lon_rad: f64) -> Result<GeoPoint, GeoError> {
        check_finite("latitude", lat_rad)?;
        check_finite("longitude", lon_rad)?;
        if !(-std::f64::consts::FRAC_PI_2..=std::f64::consts::FRAC_PI_2).contains(&lat_rad) {
            return Err(GeoError::LatitudeOutOfRange {
                lat_deg: lat_rad.to_degrees(),
            });
        }
        if !(-std::f64::consts::PI..=std::f64::consts::PI).contains(&lon_rad) {
            return Err(GeoError::LongitudeOutOfRange {
                lon_deg: lon_rad.to_degrees(),
            });
        }
        Ok(GeoPoint { lat_rad, lon_rad })
    }

    /// A point from computed, finite degrees: latitude clamped to [-90, 90], longitude wrapped
    /// into [-180, 180]. Only for results of this crate's own maths.
    pub(crate) fn from_computed_degrees(lat_deg: f64, lon_deg: f64) -> GeoPoint {
        let lat = lat_deg.clamp(-90.0, 90.0);
        let lon = if (-180.0..=180.0).contains(&lon_deg) {
            lon_deg
        } else {
            (lon_deg + 180.0).rem_euclid(360.0) - 180.0
        };
        GeoPoint {
            lat_rad: lat.to_radians(),
            lon_rad: lon.to_radians(),
        }
    }

    /// Geodetic latitude in radians.
    pub fn lat_rad(self) -> f64 {
        self.lat_rad
    }

    /// Longitude in radians, east positive.
    pub fn lon_rad(self) -> f64 {
        self.lon_rad
    }

    /// Geodetic latitude in degrees.
    pub fn lat_deg(self) -> f64 {
        self.lat_rad.to_degrees()
    }

    /// Longitude in degrees, east positive.
    pub fn lon_deg(self) -> f64 {
        self.lon_rad.to_degrees()
    }
}

/// `Ok` when `value` is finite, else the error naming `what`.
pub(crate) fn check_finite(what: &'static str, value: f64) -> Result<(), GeoError> {
    if value.is_finite() {
        Ok(())
    } else {
        Err(GeoError::NotFinite { what, value })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degrees_and_radians_agree() {
        let p = GeoPoint::from_degrees(49.8397, 24.0297).unwrap();
        assert!((p.lat_rad() - 49.8397_f64.to_radians()).abs() < 1e-15);
        assert!((p.lon_deg() - 24.0297).abs() < 1e-12);
        let q = GeoPoint::from_radians(p.lat_rad(), p.lon_rad()).unwrap();
        assert_eq!(p, q);
    }

    #[test]
    fn bounds_are_inclusive() {
        assert!(GeoPoint::from_degrees(90.0, 180.0).is_ok());
        assert!(GeoPoint::from_degrees(-90.0, -180.0).is_ok());
    }

    #[test]
    fn bad_input_is_an_error_with_a_clear_message() {
        let err = GeoPoint::from_degrees(123.0, 0.0).unwrap_err();
        assert_eq!(err.to_string(), "latitude 123 is outside [-90, 90] degrees");
        let err = GeoPoint::from_degrees(0.0, 180.5).unwrap_err();
        assert_eq!(
            err.to_string(),
            "longitude 180.5 is outside [-180, 180] degrees"
        );
        assert!(matches!(
            GeoPoint::from_degrees(f64::NAN, 0.0),
            Err(GeoError::NotFinite {
                what: "latitude",
                ..
            })
        ));
        assert!(matches!(
            GeoPoint::from_radians(0.0, f64::INFINITY),
            Err(GeoError::NotFinite {
                what: "longitude",
                ..
            })
        ));
        assert!(GeoPoint::from_radians(1.6, 0.0).is_err());
        assert!(GeoPoint::from_radians(0.0, -3.2).is_err());
    }

    #[test]
    fn computed_longitudes_wrap() {
        let p = GeoPoint::from_computed_degrees(10.0, 190.0);
        assert!((p.lon_deg() + 170.0).abs() < 1e-12);
        let q = GeoPoint::from_computed_degrees(91.0, -190.0);
        assert!((q.lat_deg() - 90.0).abs() < 1e-12);
        assert!((q.lon_deg() - 170.0).abs() < 1e-12);
    }
}
