//! `[[sensor]]` tables: the default scenario's sensors, and refusals naming the field.

use canopy_scenario::{DEFAULT_SCENARIO_TOML, SensorPlatform, default_scenario, parse_scenario};

#[test]
fn default_scenario_places_radars_an_awacs_orbit_and_an_acoustic_field() {
    let scenario = default_scenario().expect("default scenario");
    let kinds: Vec<(&str, SensorPlatform)> = scenario
        .sensors
        .iter()
        .map(|s| (s.id.as_str(), s.platform))
        .collect();
    let awacs = kinds
        .iter()
        .find(|(id, _)| *id == "pl-awacs-east")
        .expect("AWACS orbit");
    // 650 km/h = 180.6 m/s; 40 km radius; 9 km altitude.
    let SensorPlatform::Orbit {
        radius_m,
        altitude_m,
        speed_mps,
    } = awacs.1
    else {
        panic!("an orbit");
    };
    assert_eq!((radius_m, altitude_m), (40_000.0, 9000.0));
    assert!((speed_mps - 180.555).abs() < 0.01);
    assert!(
        kinds.iter().any(
            |(_, p)| matches!(p, SensorPlatform::Field { radius_m } if *radius_m == 330_000.0)
        )
    );
    // A mast without height_m takes the type's antenna height (36D6: 15 m).
    assert!(
        kinds
            .iter()
            .any(|(id, p)| *id == "ua-36d6-rivne" && *p == SensorPlatform::Mast { height_m: 15.0 })
    );
}

#[test]
fn an_acoustic_network_needs_its_field_and_a_radar_refuses_one() {
    let acoustic = DEFAULT_SCENARIO_TOML.replace("field_radius_km = 330\n", "");
    let err = parse_scenario(&acoustic, "s.toml".as_ref())
        .unwrap_err()
        .to_string();
    assert!(err.contains("field_radius_km"), "{err}");
    assert!(
        err.contains("an acoustic network needs `field_radius_km`"),
        "{err}"
    );
    let radar = DEFAULT_SCENARIO_TOML.replace(
        "sensor = \"36d6\"\nat = [50.55, 26.40]",
        "sensor = \"36d6\"\nat = [50.55, 26.40]\nfield_radius_km = 10",
    );
    let err = parse_scenario(&radar, "s.toml".as_ref())
        .unwrap_err()
        .to_string();
    assert!(err.contains("sensor[0].field_radius_km"), "{err}");
    let unknown = DEFAULT_SCENARIO_TOML.replace("sensor = \"e-3a\"", "sensor = \"e-7\"");
    let err = parse_scenario(&unknown, "s.toml".as_ref())
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown sensor `e-7`"), "{err}");
}
