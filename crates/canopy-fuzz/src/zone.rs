//! A GeoJSON zone file: refused with a message, or a polygon whose every vertex is a real
//! longitude and latitude and whose containment test answers for any point.

use std::f64::consts::{FRAC_PI_2, PI};

use canopy_geo::{GeoPoint, GeoPolygon};

/// Reads `data` as a zone file.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match GeoPolygon::from_geojson_str(text, "fuzzed.geojson") {
        Ok(polygon) => {
            for &[lon, lat] in polygon.rings_rad().iter().flatten() {
                assert!(
                    lat.abs() <= FRAC_PI_2 && lon.abs() <= PI,
                    "a vertex at longitude {lon} rad, latitude {lat} rad was accepted"
                );
            }
            let probes = [(50.0, 24.0), (0.0, 0.0), (-90.0, 180.0), (89.9, -179.9)];
            for (lat, lon) in probes {
                let point = GeoPoint::from_degrees(lat, lon).expect("a valid probe");
                let _ = polygon.contains(point);
            }
        }
        Err(err) => crate::scenario::assert_message(&err.to_string()),
    }
}
