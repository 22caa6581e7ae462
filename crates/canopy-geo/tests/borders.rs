//! Airspace lookup against the bundled borders, checked with points whose country is known and
//! with slow, independent reference computations.

use canopy_geo::{Borders, CountryCode, GeoPoint, GeoPolygon, WGS84_A_M, WGS84_F, distance_m};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::Value;

/// The same file `Borders::bundled` compiles in, read here for brute-force references.
const BORDERS_GEOJSON: &str = include_str!("../../../data/borders.geojson");

fn pt(lat: f64, lon: f64) -> GeoPoint {
    GeoPoint::from_degrees(lat, lon).unwrap()
}

fn code(text: &str) -> CountryCode {
    CountryCode::new(text).unwrap()
}

fn country_at(p: GeoPoint) -> Option<&'static str> {
    Borders::bundled().country_at(p).map(|c| c.code.as_str())
}

// City coordinates from their Wikipedia articles (data/places.csv for Lviv).
const LVIV: (f64, f64) = (49.8397, 24.0297);
const RZESZOW: (f64, f64) = (50.0412, 21.9991);
const MINSK: (f64, f64) = (53.9045, 27.5615);
const KOSICE: (f64, f64) = (48.7164, 21.2611);
const SUCEAVA: (f64, f64) = (47.6635, 26.2732);
const BUDAPEST: (f64, f64) = (47.4979, 19.0402);
const CHISINAU: (f64, f64) = (47.0105, 28.8638);
const MOSCOW: (f64, f64) = (55.7558, 37.6173);
/// The middle of the Black Sea, 150 km from any coast.
const BLACK_SEA: (f64, f64) = (43.3, 34.0);

/// Where the Poland–Ukraine border crosses latitude 49.80° N, near the Shehyni–Medyka
/// crossing: worked out by hand from data/borders.geojson, where Poland's and Ukraine's rings
/// share the edge [22.94483, 49.81865]–[22.93763, 49.79839] ([lon, lat]); interpolating
/// linearly to lat 49.80 gives lon 22.93763 + (49.80 − 49.79839) / (49.81865 − 49.79839)
/// × (22.94483 − 22.93763) = 22.938202.
const PL_UA_BORDER_AT_49_80: (f64, f64) = (49.80, 22.938_202);

#[test]
fn bundled_borders_hold_the_region() {
    let borders = Borders::bundled();
    assert_eq!(borders.countries().len(), 22);
    let pl = borders.country(code("PL")).unwrap();
    assert_eq!(pl.name, "Poland");
    assert!(borders.country(code("FR")).is_none());
}

#[test]
fn known_cities_are_in_their_countries() {
    for (place, expected) in [
        (LVIV, "UA"),
        (RZESZOW, "PL"),
        (MINSK, "BY"),
        (KOSICE, "SK"),
        (SUCEAVA, "RO"),
        (BUDAPEST, "HU"),
        (CHISINAU, "MD"),
        (MOSCOW, "RU"),
    ] {
        assert_eq!(
            country_at(pt(place.0, place.1)),
            Some(expected),
            "{place:?}"
        );
    }
}

#[test]
fn the_black_sea_is_in_no_country() {
    let sea = pt(BLACK_SEA.0, BLACK_SEA.1);
    assert_eq!(country_at(sea), None);
    assert!(!Borders::bundled().is_nato_territory(sea));
    assert_eq!(Borders::bundled().depth_inside_m(sea), None);
}

#[test]
fn one_km_either_side_of_the_polish_ukrainian_border() {
    // 1 km along the parallel is 1000 / (N cos φ) radians, N the prime-vertical radius.
    let (lat, lon) = PL_UA_BORDER_AT_49_80;
    let e2 = WGS84_F * (2.0 - WGS84_F);
    let sin = lat.to_radians().sin();
    let n = WGS84_A_M / (1.0 - e2 * sin * sin).sqrt();
    let one_km_deg = (1000.0 / (n * lat.to_radians().cos())).to_degrees();
    let west = pt(lat, lon - one_km_deg);
    let east = pt(lat, lon + one_km_deg);
    assert_eq!(country_at(west), Some("PL"));
    assert_eq!(country_at(east), Some("UA"));
    // Both lie about 1 km from the other country (the border runs ~20° off north here, so the
    // perpendicular distance is a little less than the 1 km along the parallel).
    let to_ua = Borders::bundled()
        .distance_to_country_m(west, code("UA"))
        .unwrap();
    assert!((900.0..=1000.0).contains(&to_ua), "{to_ua}");
    let (pl, depth) = Borders::bundled().depth_inside_m(west).unwrap();
    assert_eq!(pl, code("PL"));
    assert!((depth - to_ua).abs() < 1.0, "{depth} vs {to_ua}");
}

#[test]
fn nato_flags() {
    let borders = Borders::bundled();
    for (c, nato) in [
        ("PL", true),
        ("SK", true),
        ("RO", true),
        ("HU", true),
        ("UA", false),
        ("BY", false),
        ("RU", false),
        ("MD", false),
    ] {
        assert_eq!(borders.country(code(c)).unwrap().nato, nato, "{c}");
    }
    assert!(borders.is_nato_territory(pt(RZESZOW.0, RZESZOW.1)));
    assert!(!borders.is_nato_territory(pt(LVIV.0, LVIV.1)));
}

/// The rings of one country in the GeoJSON text, as [lon, lat] vertices.
fn rings_of(country: &str) -> Vec<Vec<[f64; 2]>> {
    let root: Value = serde_json::from_str(BORDERS_GEOJSON).unwrap();
    let feature = root["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["iso_a2"] == country)
        .unwrap();
    let mut rings = Vec::new();
    for polygon in feature["geometry"]["coordinates"].as_array().unwrap() {
        for ring in polygon.as_array().unwrap() {
            let vertices = ring.as_array().unwrap().iter();
            rings.push(
                vertices
                    .map(|v| [v[0].as_f64().unwrap(), v[1].as_f64().unwrap()])
                    .collect(),
            );
        }
    }
    rings
}

/// Slow reference: the smallest geodesic distance from `p` to any vertex of the country.
/// It can only overestimate the distance to the border line, by at most about
/// (edge length)² / (8 × distance): a few metres at Lviv's distance from Poland.
fn brute_force_vertex_distance_m(p: GeoPoint, country: &str) -> f64 {
    rings_of(country)
        .into_iter()
        .flatten()
        .map(|[lon, lat]| distance_m(p, pt(lat, lon)))
        .fold(f64::INFINITY, f64::min)
}

#[test]
fn lviv_is_about_70_km_from_poland() {
    let lviv = pt(LVIV.0, LVIV.1);
    let fast = Borders::bundled()
        .distance_to_country_m(lviv, code("PL"))
        .unwrap();
    let slow = brute_force_vertex_distance_m(lviv, "PL");
    assert!(
        (fast - slow).abs() < 50.0,
        "fast {fast} vs brute force {slow}"
    );
    assert!(
        fast <= slow + 1e-6,
        "the border line is never farther than its vertices"
    );
    // The project's parameter notes say "Lviv is ~70 km from the Polish border" (the road to
    // the Shehyni crossing); the nearest border point in the data, towards Rava-Ruska, is
    // about 57 km away.
    assert!((50_000.0..=75_000.0).contains(&fast), "{fast}");
}

/// Slow reference: the smallest geodesic distance from `p` to points spaced at most 1 km
/// along every edge of the country (straight in lon/lat, as `Borders` defines edges). It
/// overestimates the distance to the border line by at most (1 km)² / (8 × distance), under
/// 10 m beyond 20 km, and by at most 500 m anywhere.
fn brute_force_sampled_distance_m(p: GeoPoint, country: &str) -> f64 {
    let mut best = f64::INFINITY;
    for edge in rings_of(country).iter().flat_map(|ring| ring.windows(2)) {
        let ([lon_a, lat_a], [lon_b, lat_b]) = (edge[0], edge[1]);
        let length_m = distance_m(pt(lat_a, lon_a), pt(lat_b, lon_b));
        let steps = (length_m / 1000.0).ceil().max(1.0) as usize;
        for k in 0..=steps {
            let t = k as f64 / steps as f64;
            let q = pt(lat_a + t * (lat_b - lat_a), lon_a + t * (lon_b - lon_a));
            best = best.min(distance_m(p, q));
        }
    }
    best
}

#[test]
fn distance_to_country_agrees_with_brute_force_on_random_points() {
    let borders = Borders::bundled();
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let mut compared = 0;
    while compared < 12 {
        let p = pt(rng.random_range(46.0..53.0), rng.random_range(18.0..32.0));
        let country = if compared % 2 == 0 { "PL" } else { "SK" };
        let fast = borders.distance_to_country_m(p, code(country)).unwrap();
        if fast == 0.0 {
            continue;
        }
        let slow = brute_force_sampled_distance_m(p, country);
        let tolerance = if slow > 20_000.0 { 50.0 } else { 500.0 };
        assert!(
            (fast - slow).abs() < tolerance,
            "{p:?} {country}: fast {fast} vs brute force {slow}"
        );
        compared += 1;
    }
}

#[test]
fn depth_inside_matches_the_brute_force_distance_to_the_own_border() {
    let lviv = pt(LVIV.0, LVIV.1);
    let (ua, depth) = Borders::bundled().depth_inside_m(lviv).unwrap();
    assert_eq!(ua, code("UA"));
    let slow = brute_force_vertex_distance_m(lviv, "UA");
    assert!(
        (depth - slow).abs() < 50.0,
        "fast {depth} vs brute force {slow}"
    );
}

#[test]
fn distance_is_zero_inside_and_none_for_unknown_codes() {
    let borders = Borders::bundled();
    let lviv = pt(LVIV.0, LVIV.1);
    assert_eq!(borders.distance_to_country_m(lviv, code("UA")), Some(0.0));
    assert_eq!(borders.distance_to_country_m(lviv, code("FR")), None);
    assert!(borders.is_in_country(lviv, code("UA")));
    assert!(!borders.is_in_country(lviv, code("PL")));
    assert!(!borders.is_in_country(lviv, code("FR")));
}

#[test]
fn country_at_agrees_with_a_plain_polygon_test_on_random_points() {
    // Reference: each country as a GeoPolygon (every edge tested, no index).
    let root: Value = serde_json::from_str(BORDERS_GEOJSON).unwrap();
    let polygons: Vec<(String, GeoPolygon)> = root["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let code = f["properties"]["iso_a2"].as_str().unwrap().to_owned();
            (
                code,
                GeoPolygon::from_geojson_str(&f.to_string(), "feature").unwrap(),
            )
        })
        .collect();
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let mut seen_land = 0;
    for _ in 0..3000 {
        let p = pt(rng.random_range(43.0..56.0), rng.random_range(14.0..42.0));
        let expected = polygons
            .iter()
            .find(|(_, poly)| poly.contains(p))
            .map(|(c, _)| c.as_str());
        assert_eq!(country_at(p), expected, "{p:?}");
        seen_land += usize::from(expected.is_some());
    }
    assert!(
        seen_land > 1500,
        "the sample should be mostly land: {seen_land}"
    );
}

#[test]
fn points_outside_the_data_are_in_no_country() {
    assert_eq!(country_at(pt(0.0, 0.0)), None);
    assert_eq!(country_at(pt(-45.0, 24.0)), None);
    assert_eq!(country_at(pt(89.0, 24.0)), None);
    assert_eq!(country_at(pt(50.0, -100.0)), None);
}

#[test]
fn places_lie_in_their_countries() {
    // Every city and NATO air base of data/places.csv lies in the country the file gives.
    let places = include_str!("../../../data/places.csv");
    let mut checked = 0;
    for line in places.lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        if !matches!(fields[4], "city" | "airbase_nato") {
            continue;
        }
        let p = pt(fields[2].parse().unwrap(), fields[3].parse().unwrap());
        assert_eq!(country_at(p), Some(fields[5]), "{line}");
        checked += 1;
    }
    assert!(checked > 20, "{checked}");
}

#[test]
fn malformed_border_files_are_errors() {
    let feature = |properties: &str| {
        format!(
            r#"{{"type": "FeatureCollection", "features": [{{"type": "Feature", "properties": {properties},
            "geometry": {{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}}}]}}"#
        )
    };
    let cases = [
        (
            feature(r#"{"name": "X", "nato": false}"#),
            "has no \"iso_a2\"",
        ),
        (
            feature(r#"{"iso_a2": "xx", "name": "X", "nato": false}"#),
            "two ASCII uppercase letters",
        ),
        (
            feature(r#"{"iso_a2": "XX", "name": 3, "nato": false}"#),
            "name is not a string",
        ),
        (
            feature(r#"{"iso_a2": "XX", "name": "X", "nato": "yes"}"#),
            "nato is not true or false",
        ),
        ("not json".to_owned(), "not valid JSON"),
    ];
    for (text, expected) in cases {
        let message = Borders::from_geojson_str(&text, "borders.geojson")
            .unwrap_err()
            .to_string();
        assert!(
            message.starts_with("GeoJSON borders.geojson: "),
            "{message}"
        );
        assert!(message.contains(expected), "{message:?} lacks {expected:?}");
    }
    let twice = r#"{"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"iso_a2": "XX", "name": "X", "nato": false},
         "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}},
        {"type": "Feature", "properties": {"iso_a2": "XX", "name": "X", "nato": false},
         "geometry": {"type": "Polygon", "coordinates": [[[5, 5], [6, 5], [6, 6], [5, 5]]]}}]}"#;
    let message = Borders::from_geojson_str(twice, "b.geojson")
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("features[1]: country XX appears twice"),
        "{message}"
    );
}

/// The nearest NATO country by the pruned search is the one the country-by-country minimum
/// of `distance_to_country_m` gives, at the same distance (to the chord/arc difference, well
/// under 50 m), over random points of the region; inside a member it is that member at 0.
#[test]
fn nearest_country_agrees_with_the_minimum_over_countries() {
    let borders = Borders::bundled();
    let nato: Vec<CountryCode> = borders
        .countries()
        .iter()
        .filter(|c| c.nato)
        .map(|c| c.code)
        .collect();
    let mut rng = ChaCha8Rng::seed_from_u64(23);
    for _ in 0..40 {
        let p = pt(rng.random_range(44.0..56.0), rng.random_range(14.0..40.0));
        let (slow_code, slow) = nato
            .iter()
            .map(|&c| (c, borders.distance_to_country_m(p, c).unwrap()))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap();
        let (fast_code, fast) = borders.nearest_country_m(p, |c| c.nato).unwrap();
        assert!((fast - slow).abs() < 50.0, "{p:?}: {fast} vs {slow}");
        if slow > 0.0 {
            assert_eq!(fast_code, slow_code, "{p:?}");
        }
    }
    let rzeszow = pt(RZESZOW.0, RZESZOW.1);
    assert_eq!(
        borders.nearest_country_m(rzeszow, |c| c.nato),
        Some((code("PL"), 0.0))
    );
    assert_eq!(borders.nearest_country_m(rzeszow, |_| false), None);
}

/// The "may be within" filters never rule out a point whose distance is within the limit: over
/// random points of the region and limits from 1 to 100 km, whenever the distance to Poland (or
/// to the nearest NATO member) is at most the limit, the filter says so; and points far beyond
/// the limit (Kyiv, 5 km from nothing of Poland's) are ruled out.
#[test]
fn within_filters_never_rule_out_a_near_point() {
    let borders = Borders::bundled();
    let pl = code("PL");
    let mut rng = ChaCha8Rng::seed_from_u64(29);
    let mut near = 0;
    for _ in 0..400 {
        let p = pt(rng.random_range(48.0..53.0), rng.random_range(21.0..26.0));
        let limit_m = rng.random_range(1_000.0..100_000.0);
        let to_poland = borders.distance_to_country_m(p, pl).unwrap();
        if to_poland <= limit_m {
            near += 1;
            assert!(borders.may_be_within_country_m(p, pl, limit_m), "{p:?}");
        }
        let (_, to_nato) = borders.nearest_country_m(p, |c| c.nato).unwrap();
        if to_nato <= limit_m {
            assert!(borders.may_be_within_any_m(p, limit_m, |c| c.nato), "{p:?}");
        }
    }
    assert!(
        near > 20,
        "the sample reaches the border ({near} near points)"
    );
    let kyiv = pt(50.45, 30.52);
    assert!(!borders.may_be_within_country_m(kyiv, pl, 5_000.0));
    assert!(!borders.may_be_within_any_m(kyiv, 5_000.0, |c| c.nato));
    assert!(!borders.may_be_within_country_m(kyiv, code("FR"), 5_000.0));
}

/// The bounded distances are the exact ones within the limit and infinite beyond it: Lviv is
/// about 60 km from Poland, Kyiv over 500 km.
#[test]
fn bounded_distances_are_exact_within_the_limit() {
    let borders = Borders::bundled();
    let pl = code("PL");
    let lviv = pt(49.84, 24.03);
    let exact = borders.distance_to_country_m(lviv, pl).unwrap();
    assert!(exact > 50_000.0 && exact < 80_000.0, "{exact}");
    assert_eq!(
        borders.distance_to_country_within_m(lviv, pl, 100_000.0),
        Some(exact)
    );
    let kyiv = pt(50.45, 30.52);
    assert_eq!(
        borders.distance_to_country_within_m(kyiv, pl, 100_000.0),
        Some(f64::INFINITY)
    );
    assert_eq!(
        borders.distance_to_country_within_m(kyiv, code("FR"), 1.0),
        None
    );
    let (_, to_nato) = borders.nearest_country_m(lviv, |c| c.nato).unwrap();
    assert_eq!(
        borders.nearest_country_within_m(lviv, 100_000.0, |c| c.nato),
        to_nato
    );
    assert_eq!(
        borders.nearest_country_within_m(kyiv, 100_000.0, |c| c.nato),
        f64::INFINITY
    );
}
