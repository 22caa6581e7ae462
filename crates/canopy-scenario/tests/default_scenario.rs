//! The default scenario and its Poland-only variant validate, hold the night the project
//! promises (about 100 drones of which a third decoys, about 30 cruise missiles, a few ballistic
//! missiles, 8-10 targets), and convert times and units as worked out by hand.

use canopy_core::{SimDuration, SimTime};
use canopy_geo::{Borders, GeoPoint, distance_m};
use canopy_scenario::{
    AuthorityMode, Scenario, ThreatClass, ZoneVerdict, default_scenario, default_scenario_path,
    load_scenario,
};
use std::collections::BTreeSet;
use std::path::Path;

fn western_shield() -> Scenario {
    load_scenario(&default_scenario_path()).unwrap_or_else(|err| panic!("{err}"))
}

fn hours(h: f64) -> SimTime {
    SimTime::from_secs_f64(h * 3600.0)
}

fn point(lat: f64, lon: f64) -> GeoPoint {
    GeoPoint::from_degrees(lat, lon).unwrap()
}

#[test]
fn the_compiled_in_copy_is_the_file() {
    let text = std::fs::read_to_string(default_scenario_path()).unwrap();
    assert_eq!(text, canopy_scenario::DEFAULT_SCENARIO_TOML);
    assert_eq!(default_scenario().unwrap().name, "western-shield");
}

#[test]
fn the_night_has_the_promised_size() {
    let s = western_shield();
    let drones = s.threat_count(ThreatClass::Drone);
    let decoys = s.threat_count(ThreatClass::Decoy);
    let cruise = s.threat_count(ThreatClass::Cruise);
    let ballistic = s.threat_count(ThreatClass::Ballistic);
    assert_eq!((drones, decoys, cruise, ballistic), (65, 35, 30, 4));
    // On the order of 100 drones, a third of them decoys.
    let all_drones = drones + decoys;
    assert!((90..=110).contains(&all_drones));
    let decoy_share = f64::from(decoys) / f64::from(all_drones);
    assert!((0.28..=0.40).contains(&decoy_share), "{decoy_share}");
    let targets: BTreeSet<&str> = s
        .raids
        .iter()
        .flat_map(|r| r.target_places().map(|t| t.id.as_str()))
        .collect();
    assert!((8..=10).contains(&targets.len()), "{targets:?}");
    // Targets are in Ukraine, west of the theatre's entry meridian.
    let entry = s.theatre.entry_meridian().unwrap();
    for raid in &s.raids {
        for target in raid.target_places() {
            assert_eq!(target.country, "UA", "{}", target.id);
            assert!(
                target.at.lon_rad() < entry.entry_meridian_rad,
                "{}",
                target.id
            );
        }
    }
}

#[test]
fn nations_and_their_forces_are_where_they_belong() {
    let s = western_shield();
    let codes: Vec<&str> = s.nations.iter().map(|n| n.code.as_str()).collect();
    assert_eq!(codes, ["UA", "PL", "SK", "RO", "HU"]);
    for (i, nation) in s.nations.iter().enumerate() {
        assert_eq!(nation.id.index(), i);
        assert_eq!(nation.coalition, nation.code.as_str() != "UA");
        assert!(nation.rules.is_some(), "{}", nation.code);
    }
    let borders = Borders::bundled();
    // Every site stands on its own nation's territory.
    for site in &s.sites {
        let code = s.nations[site.nation.index()].code;
        let country = borders.country_at(site.at).map(|c| c.code);
        assert_eq!(country, Some(code), "site {}", site.id);
    }
    // Every patrol flies over Ukraine.
    let ukraine = s.nation_by_code("UA").unwrap().code;
    for patrol in &s.patrols {
        let country = borders.country_at(patrol.station).map(|c| c.code);
        assert_eq!(country, Some(ukraine), "patrol {}", patrol.id);
    }
}

#[test]
fn times_are_read_relative_to_the_start() {
    let s = western_shield();
    assert_eq!(s.start_utc, "2024-07-09T16:00:00Z");
    // 2024-07-09T16:00:00Z = 19913 days * 86400 s + 16 h = 1720540800 s after the epoch.
    assert_eq!(s.start_unix_s, 1_720_540_800);
    assert_eq!(s.duration, SimDuration::from_secs(14 * 3600));
    assert_eq!(s.step, SimDuration::from_secs(1));
    let raid = |id: &str| s.raids.iter().find(|r| r.id == id).unwrap();
    // Start 16:00: "16:00" is the start, "18:30" 2.5 h later.
    assert_eq!(raid("shahed-north").window, (SimTime::START, hours(2.5)));
    // The window crosses midnight: "23:30" is 7.5 h and "00:30" 8.5 h after 16:00.
    assert_eq!(raid("kh101-caspian").window, (hours(7.5), hours(8.5)));
    // "02:40" is after midnight: 10 h 40 min after the start.
    assert_eq!(raid("kinzhal").window.0, hours(10.0 + 40.0 / 60.0));
    assert_eq!(s.authority.mode, AuthorityMode::PerEngagement);
    assert_eq!(s.authority.approval_delay, SimDuration::from_secs(90));
}

#[test]
fn units_are_converted_to_si() {
    let s = western_shield();
    // 30 degrees = pi / 6 radians.
    let entry = s.theatre.entry_meridian().unwrap();
    assert!((entry.entry_meridian_rad - std::f64::consts::FRAC_PI_6).abs() < 1e-12);
    assert_eq!(entry.en_route_attrition, 0.25);
    let pl = s.nation_by_code("PL").unwrap();
    let rules = pl.rules.as_ref().unwrap();
    let distances: Vec<(&str, f64)> = rules
        .min_distance_from
        .iter()
        .map(|(c, m)| (c.as_str(), *m))
        .collect();
    assert_eq!(distances, [("BY", 50_000.0), ("RU", 100_000.0)]);
    let patrol = |id: &str| s.patrols.iter().find(|p| p.id == id).unwrap();
    // Defaults from the F-16 type: 6000 m, 2.5 h on station.
    let volyn = patrol("pl-cap-volyn");
    assert_eq!(volyn.altitude_m, 6000.0);
    assert_eq!(volyn.endurance, SimDuration::from_secs(9000));
    // "20:00" is 4 h after the 16:00 UTC start.
    assert_eq!(volyn.on_station, hours(4.0));
    assert_eq!(volyn.base.id, "minsk-mazowiecki");
    // Given in the file.
    assert_eq!(
        patrol("ua-f16-north").endurance,
        SimDuration::from_secs(3 * 3600)
    );
    assert_eq!(patrol("ua-mig29-west").altitude_m, 3000.0);
    let site = s.sites.iter().find(|s| s.id == "pl-wisla-rzeszow").unwrap();
    assert!((site.at.lat_deg() - 50.11).abs() < 1e-12);
    let rounds: Vec<(&str, u32)> = site
        .magazine
        .iter()
        .map(|&(m, n)| (s.library.munition(m).id.as_str(), n))
        .collect();
    assert_eq!(rounds, [("pac3-mse", 16), ("pac2-gem-t", 8)]);
}

#[test]
fn zones_combine_as_documented() {
    let s = western_shield();
    let id = |code: &str| s.nation_by_code(code).unwrap().id;
    let allowed = ZoneVerdict::Allowed {
        approval_required: false,
    };
    let lviv = point(49.8397, 24.0297);
    assert_eq!(s.zone_verdict(id("PL"), lviv), allowed);
    assert_eq!(s.zone_verdict(id("UA"), lviv), allowed);
    // Rivne lies east of 26°E: Ukraine may engage there, the coalition may not.
    let rivne = point(50.6199, 26.2516);
    assert_eq!(s.zone_verdict(id("UA"), rivne), allowed);
    assert_eq!(s.zone_verdict(id("PL"), rivne), ZoneVerdict::Forbidden);
    // 5 km from Rivne NPP: inside its 10 km no-fire circle, for everyone.
    let near_npp = point(51.3278 + 5.0 / 111.0, 25.8917);
    assert_eq!(s.zone_verdict(id("UA"), near_npp), ZoneVerdict::Forbidden);
    // Kovel is inside the strip along Belarus: the coalition needs approval there.
    let kovel = point(51.2153, 24.7086);
    let approval = ZoneVerdict::Allowed {
        approval_required: true,
    };
    assert_eq!(s.zone_verdict(id("PL"), kovel), approval);
    assert_eq!(s.zone_verdict(id("UA"), kovel), allowed);
    // Over Rzeszów, Poland may engage (its own territory), Slovakia may not.
    let rzeszow = point(50.0412, 21.9991);
    assert_eq!(s.zone_verdict(id("PL"), rzeszow), allowed);
    assert_eq!(s.zone_verdict(id("SK"), rzeszow), ZoneVerdict::Forbidden);
    // Over Minsk, nobody.
    let minsk = point(53.9, 27.56);
    for nation in &s.nations {
        assert_eq!(s.zone_verdict(nation.id, minsk), ZoneVerdict::Forbidden);
    }
}

#[test]
fn poland_alone_keeps_the_raids_and_only_poland_of_the_coalition() {
    let path = default_scenario_path().with_file_name("poland-alone.toml");
    let alone = load_scenario(&path).unwrap_or_else(|err| panic!("{err}"));
    let full = western_shield();
    let codes: Vec<&str> = alone.nations.iter().map(|n| n.code.as_str()).collect();
    assert_eq!(codes, ["UA", "PL"]);
    let raids = |s: &Scenario| -> Vec<(String, u32, (SimTime, SimTime))> {
        s.raids
            .iter()
            .map(|r| (r.id.clone(), r.count, r.window))
            .collect()
    };
    assert_eq!(raids(&alone), raids(&full));
    let ids = |s: &Scenario, code: &str| -> Vec<String> {
        let nation = s.nation_by_code(code).unwrap().id;
        let sites = s
            .sites
            .iter()
            .filter(|x| x.nation == nation)
            .map(|x| x.id.clone());
        let patrols = s
            .patrols
            .iter()
            .filter(|x| x.nation == nation)
            .map(|x| x.id.clone());
        sites.chain(patrols).collect()
    };
    assert_eq!(ids(&alone, "PL"), ids(&full, "PL"));
    assert_eq!(ids(&alone, "UA"), ids(&full, "UA"));
    // Every sensor of the full scenario is Ukraine's or Poland's, so Poland alone keeps them all.
    assert_eq!(sensor_ids(&alone), sensor_ids(&full));
}

fn sensor_ids(s: &Scenario) -> Vec<String> {
    s.sensors.iter().map(|x| x.id.clone()).collect()
}

#[test]
fn every_bundled_night_is_watched_by_the_same_sensors() {
    // The tracked picture is only as good as the sensors: a bundled scenario without them
    // would plan on fighter radars alone.
    let record = default_scenario_path().with_file_name("record-night.toml");
    let record = load_scenario(&record).unwrap_or_else(|err| panic!("{err}"));
    let full = western_shield();
    assert_eq!(sensor_ids(&full).len(), 6);
    assert_eq!(sensor_ids(&record), sensor_ids(&full));
}

/// Longest reach of a point defence, metres: guns and MANPADS reach a few kilometres.
const POINT_DEFENCE_REACH_M: f64 = 10_000.0;

#[test]
fn every_point_defence_stands_within_reach_of_an_aim_point() {
    // A gun or MANPADS only engages what passes within a few kilometres: one placed beyond its
    // reach of every aim point (as the Gepards once were, 3.3-3.9 km from their assets against
    // a 3.5 km range) never sees a threat on its terminal approach.
    for file in [
        "western-shield.toml",
        "poland-alone.toml",
        "record-night.toml",
    ] {
        let path = default_scenario_path().with_file_name(file);
        let s = load_scenario(&path).unwrap_or_else(|err| panic!("{err}"));
        let aim_points: Vec<GeoPoint> = s
            .raids
            .iter()
            .flat_map(|raid| raid.target_places().map(|place| place.at))
            .collect();
        let mut point_defences = 0;
        for site in &s.sites {
            let reach_m = site
                .magazine
                .iter()
                .map(|(munition, _)| s.library.munition(*munition).max_range_m)
                .fold(0.0, f64::max);
            if reach_m >= POINT_DEFENCE_REACH_M {
                continue;
            }
            point_defences += 1;
            let nearest_m = aim_points
                .iter()
                .map(|&aim| distance_m(site.at, aim))
                .fold(f64::INFINITY, f64::min);
            assert!(
                nearest_m < reach_m,
                "{file}: site {} is {nearest_m:.0} m from the nearest aim point, beyond its {reach_m:.0} m reach",
                site.id
            );
        }
        assert!(
            point_defences >= 4,
            "{file}: {point_defences} point defences"
        );
    }
}

#[test]
fn a_zone_polygon_can_come_from_a_geojson_file_beside_the_scenario() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("zones")).unwrap();
    // RFC 7946 order: [lon, lat]. A square around Lviv.
    let geojson = r#"{"type": "Polygon", "coordinates": [[[23.5, 49.5], [24.5, 49.5], [24.5, 50.2], [23.5, 50.2], [23.5, 49.5]]]}"#;
    std::fs::write(dir.join("zones/lviv.geojson"), geojson).unwrap();
    let text = canopy_scenario::DEFAULT_SCENARIO_TOML.replacen(
        "countries = [\"UA\"]                          # over Ukraine's territory (data/borders.geojson)",
        "polygon = \"zones/lviv.geojson\"",
        1,
    );
    assert_ne!(text, canopy_scenario::DEFAULT_SCENARIO_TOML);
    let scenario = canopy_scenario::parse_scenario(&text, &dir.join("scenario.toml"));
    let s = scenario.unwrap_or_else(|err| panic!("{err}"));
    let ua = s.nation_by_code("UA").unwrap().id;
    let allowed = ZoneVerdict::Allowed {
        approval_required: false,
    };
    assert_eq!(s.zone_verdict(ua, point(49.84, 24.03)), allowed);
    assert_eq!(
        s.zone_verdict(ua, point(50.62, 26.25)),
        ZoneVerdict::Forbidden
    );
    // A missing file is a located error naming the path.
    let missing = canopy_scenario::parse_scenario(&text, Path::new("elsewhere/scenario.toml"))
        .unwrap_err()
        .to_string();
    assert!(
        missing.contains("elsewhere/zones/lviv.geojson"),
        "{missing}"
    );
    assert!(missing.contains("zone[0].polygon"), "{missing}");
}

#[test]
fn ukraine_2025_is_a_whole_flight_night_of_about_500_threats() {
    let path = default_scenario_path().with_file_name("ukraine-2025.toml");
    let s = load_scenario(&path).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(s.theatre, canopy_scenario::Theatre::WholeFlights);
    let count = |class| s.threat_count(class);
    let drones = count(ThreatClass::Drone) + count(ThreatClass::Decoy);
    let missiles = count(ThreatClass::Cruise) + count(ThreatClass::Ballistic);
    // About 450 drones and decoys and 50 missiles (the issue's large 2025 night).
    assert_eq!((drones, missiles), (450, 50));
    // Ukraine defends alone, with electronic warfare.
    let codes: Vec<&str> = s.nations.iter().map(|n| n.code.as_str()).collect();
    assert_eq!(codes, ["UA"]);
    assert!(!s.ew.is_empty());
    // Every launch place lies east of 30°E (in Russia, occupied Crimea or over the seas): no
    // strike is launched from western Ukraine.
    for raid in &s.raids {
        for launch in &raid.launches {
            assert!(
                launch.item.at.lon_deg() > 30.0,
                "{} launched from {}",
                raid.id,
                launch.item.id
            );
        }
    }
}

#[test]
fn aim_points_are_valued_by_kind_of_place_unless_the_scenario_says_otherwise() {
    let value_of = |scenario: &Scenario, id: &str| {
        scenario
            .aim_points
            .iter()
            .find(|point| point.place.id == id)
            .map(|point| point.value_usd)
    };
    // Library defaults (data/library/evaluation.toml): a city 50 M USD, a thermal plant 150 M.
    let default = western_shield();
    assert_eq!(value_of(&default, "lviv"), Some(50.0e6));
    assert_eq!(value_of(&default, "burshtyn-tpp"), Some(150.0e6));
    // A value the scenario gives replaces the default of that aim point only.
    let text = format!(
        "{}\n[aim_point_value_usd]\nburshtyn-tpp = 250e6\n",
        canopy_scenario::DEFAULT_SCENARIO_TOML
    );
    let valued = canopy_scenario::parse_scenario(&text, &default_scenario_path()).unwrap();
    assert_eq!(value_of(&valued, "burshtyn-tpp"), Some(250.0e6));
    assert_eq!(value_of(&valued, "lviv"), Some(50.0e6));
}
