//! Country outlines for drawing.

use canopy_geo::{Borders, CountryCode};

#[test]
fn poland_outline_is_closed_and_inside_its_known_extent() {
    let borders = Borders::bundled();
    let rings = borders
        .outline_rad(CountryCode::new("PL").unwrap())
        .expect("Poland is in the bundled borders");
    assert!(!rings.is_empty());
    for ring in rings {
        assert_eq!(ring.first(), ring.last());
        for v in ring {
            let (lon, lat) = (v[0].to_degrees(), v[1].to_degrees());
            // Poland spans about 14.1–24.2° E and 49.0–54.9° N
            assert!(
                (14.0..24.3).contains(&lon) && (48.9..55.0).contains(&lat),
                "{lon} {lat}"
            );
        }
    }
    assert!(
        borders
            .outline_rad(CountryCode::new("ZZ").unwrap())
            .is_none()
    );
}
