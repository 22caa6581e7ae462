//! Zone edges, checked with points placed just inside and just outside by independent means.

use canopy_geo::{CountryCode, GeoPoint, GeoPolygon, WGS84_A_M, WGS84_F, ZoneShape, direct};

fn pt(lat: f64, lon: f64) -> GeoPoint {
    GeoPoint::from_degrees(lat, lon).unwrap()
}

#[test]
fn circle_edge_along_geodesics() {
    let centre = pt(49.8397, 24.0297);
    let zone = ZoneShape::circle(centre, 50_000.0).unwrap();
    for azimuth_deg in [0.0, 45.0, 90.0, 180.0, 271.0] {
        let azimuth = f64::to_radians(azimuth_deg);
        assert!(
            zone.contains(direct(centre, azimuth, 49_999.0)),
            "{azimuth_deg}"
        );
        assert!(
            !zone.contains(direct(centre, azimuth, 50_001.0)),
            "{azimuth_deg}"
        );
    }
    assert!(zone.contains(centre));
}

#[test]
fn circle_radius_is_checked() {
    let centre = pt(49.8397, 24.0297);
    assert!(ZoneShape::circle(centre, -1.0).is_err());
    assert!(ZoneShape::circle(centre, f64::NAN).is_err());
}

#[test]
fn meridian_edges_one_metre_either_side() {
    // 1 m along the parallel at latitude φ is 1 / (N cos φ) radians of longitude, with
    // N = a / sqrt(1 − e² sin²φ) the WGS-84 prime-vertical radius (radius of the parallel
    // N cos φ).
    let lat = 49.5_f64;
    let e2 = WGS84_F * (2.0 - WGS84_F);
    let sin = lat.to_radians().sin();
    let n = WGS84_A_M / (1.0 - e2 * sin * sin).sqrt();
    let one_m_deg = (1.0 / (n * lat.to_radians().cos())).to_degrees();
    let west = pt(lat, 26.0 - one_m_deg);
    let east = pt(lat, 26.0 + one_m_deg);
    let west_zone = ZoneShape::west_of_meridian_deg(26.0).unwrap();
    let east_zone = ZoneShape::east_of_meridian_deg(26.0).unwrap();
    assert!(west_zone.contains(west));
    assert!(!west_zone.contains(east));
    assert!(east_zone.contains(east));
    assert!(!east_zone.contains(west));
    assert!(ZoneShape::west_of_meridian_deg(181.0).is_err());
}

#[test]
fn country_zones_use_the_bundled_borders() {
    let zone = ZoneShape::Countries(vec![
        CountryCode::new("PL").unwrap(),
        CountryCode::new("SK").unwrap(),
    ]);
    assert!(zone.contains(pt(50.0412, 21.9991)), "Rzeszów");
    assert!(zone.contains(pt(48.7164, 21.2611)), "Košice");
    assert!(!zone.contains(pt(49.8397, 24.0297)), "Lviv");
    assert!(!ZoneShape::Countries(Vec::new()).contains(pt(50.0412, 21.9991)));
}

#[test]
fn polygon_zone_from_geojson() {
    let text = r#"{"type": "Polygon", "coordinates": [
        [[23.5, 49.5], [24.5, 49.5], [24.5, 50.2], [23.5, 50.2], [23.5, 49.5]]]}"#;
    let zone = ZoneShape::Polygon(GeoPolygon::from_geojson_str(text, "box.geojson").unwrap());
    assert!(zone.contains(pt(49.8397, 24.0297)));
    assert!(!zone.contains(pt(50.0412, 21.9991)));
}
