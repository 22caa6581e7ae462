//! The exports of the default night: one path per launched threat and one point per kill (and so
//! on for every kind), every coordinate on the Earth, the GeoJSON read back by the `geojson`
//! crate, the KML well-formed with the structure Google Earth reads; the same bytes each time;
//! an event that does not fit the scenario refused with its index.

use std::collections::BTreeMap;
use std::str::FromStr;
use std::sync::OnceLock;

use canopy_export::{ExportError, FeatureKind, Format, MapFeature, Shape, features};
use canopy_sim::{Event, PictureMode, PlannerKind, PreparedScenario, RunOptions};
use quick_xml::events::Event as Xml;

/// The default scenario prepared, and the event log of its seed 1 on the perfect picture.
fn night() -> &'static (PreparedScenario, Vec<Event>) {
    static NIGHT: OnceLock<(PreparedScenario, Vec<Event>)> = OnceLock::new();
    NIGHT.get_or_init(|| {
        let prepared = PreparedScenario::new(canopy_scenario::default_scenario().unwrap());
        let options = RunOptions {
            seed: 1,
            replication: 0,
            picture: PictureMode::Perfect,
            planner: PlannerKind::default(),
        };
        let events = canopy_sim::run(&prepared, &options, &mut []).events;
        (prepared, events)
    })
}

/// The night's features.
fn exported() -> Vec<MapFeature> {
    let (prepared, events) = night();
    features(prepared, events).unwrap()
}

/// Counts by the log's `kind` names.
fn event_counts(events: &[Event]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for event in events {
        let value = serde_json::to_value(event).unwrap();
        *counts
            .entry(value["kind"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    counts
}

#[test]
fn counts_match_the_event_log_and_the_scenario() {
    let (prepared, events) = night();
    let logged = event_counts(events);
    let count = |kind: FeatureKind| exported().iter().filter(|f| f.kind == kind).count();
    let log = |kind: &str| logged.get(kind).copied().unwrap_or(0);
    assert!(
        log("threat_launched") > 100 && log("kill") > 50,
        "{logged:?}"
    );
    assert_eq!(count(FeatureKind::ThreatPath), log("threat_launched"));
    assert_eq!(count(FeatureKind::Kill), log("kill"));
    assert_eq!(count(FeatureKind::Debris), log("kill"));
    assert_eq!(count(FeatureKind::Impact), log("impact"));
    assert_eq!(count(FeatureKind::MissFall), log("miss"));
    assert_eq!(count(FeatureKind::Spillover), log("spillover"));
    assert_eq!(
        count(FeatureKind::Launch),
        log("threat_launched") + log("launch")
    );
    assert_eq!(count(FeatureKind::Site), prepared.scenario.sites.len());
    assert_eq!(count(FeatureKind::Station), prepared.scenario.patrols.len());
}

#[test]
fn every_coordinate_is_on_the_earth_and_every_time_in_order() {
    for feature in exported() {
        let points = feature.shape.points();
        assert!(!points.is_empty(), "{}", feature.name);
        for &[lon, lat] in points {
            assert!(
                (-180.0..=180.0).contains(&lon),
                "{}: lon {lon}",
                feature.name
            );
            assert!((-90.0..=90.0).contains(&lat), "{}: lat {lat}", feature.name);
        }
        let when = &feature.when;
        assert!(when.start_s <= when.end_s, "{}", feature.name);
        assert!(when.start <= when.end, "{}", feature.name);
        assert!(when.start.starts_with("2024-07-") && when.start.ends_with('Z'));
        match (&feature.kind, &feature.shape) {
            (FeatureKind::ThreatPath, Shape::Line(line)) => assert!(line.len() >= 2),
            (FeatureKind::Debris, Shape::Area(ring)) => assert_eq!(ring.first(), ring.last()),
            (FeatureKind::ThreatPath | FeatureKind::Debris, shape) => {
                panic!("{}: {shape:?}", feature.name)
            }
            (_, shape) => assert!(matches!(shape, Shape::Point(_)), "{}", feature.name),
        }
    }
}

#[test]
fn a_destroyed_threat_path_ends_at_its_kill() {
    let features = exported();
    let kills: BTreeMap<u64, [f64; 2]> = features
        .iter()
        .filter(|f| f.kind == FeatureKind::Kill)
        .map(|f| (property(f, "threat").as_u64().unwrap(), f.shape.points()[0]))
        .collect();
    let mut checked = 0;
    for path in features
        .iter()
        .filter(|f| f.kind == FeatureKind::ThreatPath)
    {
        if property(path, "fate") == "destroyed" {
            let threat = property(path, "threat").as_u64().unwrap();
            assert_eq!(path.shape.points().last(), kills.get(&threat));
            checked += 1;
        }
    }
    assert_eq!(checked, kills.len());
}

/// A property of a feature.
fn property(feature: &MapFeature, key: &str) -> serde_json::Value {
    feature
        .all_properties()
        .into_iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("{}: no {key}", feature.name))
}

#[test]
fn the_geojson_reads_back_feature_for_feature() {
    let features = exported();
    let bytes = Format::GeoJson.write("night", &features).unwrap();
    assert_eq!(bytes, Format::GeoJson.write("night", &exported()).unwrap());
    let text = String::from_utf8(bytes).unwrap();
    let collection = geojson::FeatureCollection::from_str(&text).unwrap();
    assert_eq!(collection.features.len(), features.len());
    for (read, feature) in collection.features.iter().zip(&features) {
        let properties = read.properties.as_ref().unwrap();
        assert_eq!(properties["kind"], feature.kind.name());
        assert_eq!(properties["start"], feature.when.start.as_str());
        assert!(read.geometry.is_some());
    }
}

#[test]
fn the_kml_is_well_formed_with_its_required_structure() {
    let features = exported();
    let bytes = Format::Kml.write("night", &features).unwrap();
    assert_eq!(bytes, Format::Kml.write("night", &exported()).unwrap());
    let mut reader = quick_xml::Reader::from_reader(bytes.as_slice());
    reader.config_mut().check_end_names = true;
    let (mut stack, mut buffer) = (Vec::<String>::new(), Vec::new());
    let mut placemarks: Vec<Vec<String>> = Vec::new();
    loop {
        match reader.read_event_into(&mut buffer).unwrap() {
            Xml::Start(start) => {
                let name = String::from_utf8(start.name().as_ref().to_vec()).unwrap();
                if stack.is_empty() {
                    assert_eq!(name, "kml");
                    let namespace = start.try_get_attribute("xmlns").unwrap().unwrap();
                    assert_eq!(&*namespace.value, b"http://www.opengis.net/kml/2.2");
                }
                let parent = stack.last().map(String::as_str);
                match name.as_str() {
                    "Document" => assert_eq!(parent, Some("kml")),
                    "Folder" => assert_eq!(parent, Some("Document")),
                    "Placemark" => {
                        assert_eq!(parent, Some("Folder"));
                        placemarks.push(Vec::new());
                    }
                    _ if parent == Some("Placemark") => {
                        placemarks.last_mut().unwrap().push(name.clone())
                    }
                    _ => {}
                }
                stack.push(name);
            }
            Xml::End(_) => {
                stack.pop();
            }
            Xml::Eof => break,
            _ => {}
        }
        buffer.clear();
    }
    assert!(stack.is_empty());
    assert_eq!(placemarks.len(), features.len());
    for children in placemarks {
        let geometry = children.last().map(String::as_str);
        assert!(
            matches!(geometry, Some("Point" | "LineString" | "Polygon")),
            "{children:?}"
        );
        assert_eq!(children[0], "name");
        assert!(
            matches!(children[1].as_str(), "TimeSpan" | "TimeStamp"),
            "{children:?}"
        );
        assert_eq!(children[2..4], ["styleUrl", "ExtendedData"]);
    }
}

#[test]
fn an_event_that_does_not_fit_is_refused_with_its_index() {
    let (prepared, events) = night();
    let launched = events
        .iter()
        .position(|e| matches!(e, Event::ThreatLaunched { .. }))
        .unwrap();
    let mut renamed = events.clone();
    if let Event::ThreatLaunched { name, .. } = &mut renamed[launched] {
        name.push_str("-elsewhere");
    }
    let err = features(prepared, &renamed).unwrap_err();
    assert!(
        matches!(&err, ExportError::Event { index, message } if *index == launched && message.contains("-elsewhere")),
        "{err}"
    );
    let killed = events
        .iter()
        .position(|e| matches!(e, Event::Kill { .. }))
        .unwrap();
    let mut moved = events.clone();
    if let Event::Kill { at, .. } = &mut moved[killed] {
        at.lat_deg = 123.0;
    }
    let err = features(prepared, &moved).unwrap_err();
    assert!(
        matches!(&err, ExportError::Event { index, .. } if *index == killed),
        "{err}"
    );
}
