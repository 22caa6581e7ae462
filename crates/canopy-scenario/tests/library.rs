//! The bundled type library loads, holds the catalogues the project promises, converts to SI, and
//! a broken catalogue gives a located error.

use canopy_scenario::library::{LibraryTexts, MunitionKind, Provenance, ThreatClass};
use canopy_scenario::{ErrorKind, Library, ScenarioError};

fn bundled() -> Library {
    Library::bundled().unwrap_or_else(|err| panic!("bundled library: {err}"))
}

#[test]
fn bundled_library_has_every_promised_type() {
    let library = bundled();
    for id in [
        "shahed-136",
        "gerbera",
        "kh-101",
        "kalibr",
        "iskander-m",
        "kinzhal",
        "kh-22",
    ] {
        assert!(library.threat_index(id).is_some(), "threat {id}");
    }
    for id in [
        "patriot",
        "nasams",
        "iris-t-slm",
        "samp-t",
        "gepard",
        "piorun",
    ] {
        assert!(library.system_index(id).is_some(), "system {id}");
    }
    for id in [
        "pac3-mse",
        "pac2-gem-t",
        "aim-120c-gl",
        "iris-t-sl",
        "aster-30",
        "gepard-35mm",
        "piorun",
        "aim-120c",
        "aim-9x",
        "apkws",
        "gun-m61",
    ] {
        assert!(library.munition_index(id).is_some(), "munition {id}");
    }
    for id in ["f-16c", "f-35a", "gripen-c", "mig-29"] {
        assert!(library.aircraft_index(id).is_some(), "aircraft {id}");
    }
}

#[test]
fn library_values_are_converted_to_si() {
    let library = bundled();
    let shahed = library.threat(library.threat_index("shahed-136").unwrap());
    // 170 km/h = 170 / 3.6 m/s
    assert!((shahed.speed_mps - 47.222_222).abs() < 1e-5);
    assert_eq!(shahed.range_m, 2_000_000.0);
    assert_eq!(shahed.class, ThreatClass::Drone);
    assert_eq!(shahed.apogee_m, None);
    let kinzhal = library.threat(library.threat_index("kinzhal").unwrap());
    assert_eq!(kinzhal.apogee_m, Some(40_000.0));
    let pac3 = library.munition(library.munition_index("pac3-mse").unwrap());
    assert_eq!(pac3.max_range_m, 40_000.0);
    assert_eq!(pac3.max_altitude_m, 30_000.0);
    assert_eq!(pac3.kind, MunitionKind::Missile);
    let f16 = library.aircraft(library.aircraft_index("f-16c").unwrap());
    assert_eq!(f16.endurance_s, 2.5 * 3600.0);
    let patriot = library.system(library.system_index("patriot").unwrap());
    assert_eq!(patriot.fire_channels, 6);
    assert!(
        patriot
            .munitions
            .contains(&library.munition_index("pac3-mse").unwrap())
    );
}

#[test]
fn guns_and_short_range_weapons_cannot_engage_ballistic_threats() {
    let library = bundled();
    for id in [
        "gepard-35mm",
        "piorun",
        "gun-m61",
        "aim-9x",
        "aim-120c-gl",
        "iris-t-sl",
    ] {
        let munition = library.munition(library.munition_index(id).unwrap());
        assert_eq!(munition.pk(ThreatClass::Ballistic), 0.0, "{id}");
        assert!(munition.pk(ThreatClass::Drone) > 0.0, "{id}");
    }
}

#[test]
fn every_number_has_a_provenance_and_assumptions_have_ranges() {
    let library = bundled();
    let all = library
        .threats
        .iter()
        .map(|t| &t.provenance)
        .chain(library.munitions.iter().map(|m| &m.provenance))
        .chain(library.systems.iter().map(|s| &s.provenance))
        .chain(library.aircraft.iter().map(|a| &a.provenance));
    for provenance in all {
        assert!(!provenance.is_empty());
        for (name, parameter) in provenance {
            match &parameter.provenance {
                Provenance::Source { url, .. } => assert!(url.starts_with("http"), "{name}"),
                Provenance::Assumed { .. } | Provenance::Fitted { .. } => {
                    let (low, high) = parameter.range.expect("assumed values carry a range");
                    assert!(low <= parameter.value && parameter.value <= high, "{name}");
                    let (prior_low, prior_high) = parameter.prior_range().expect("a prior");
                    assert!(prior_low <= low && high <= prior_high, "{name}");
                }
            }
        }
    }
}

/// The error of a library that must be refused.
fn refused(result: Result<Library, ScenarioError>) -> ScenarioError {
    match result {
        Ok(_) => panic!("a broken library was accepted"),
        Err(err) => err,
    }
}

fn with_munitions(munitions: &str) -> ScenarioError {
    refused(Library::from_texts(&LibraryTexts {
        munitions,
        ..LibraryTexts::BUNDLED
    }))
}

#[test]
fn a_probability_above_one_is_located() {
    let text = LibraryTexts::BUNDLED.munitions.replacen(
        "pk_drone = { value = 0.9,",
        "pk_drone = { value = 1.9,",
        1,
    );
    let err = with_munitions(&text);
    let line = text
        .lines()
        .position(|l| l.contains("value = 1.9"))
        .unwrap()
        + 1;
    assert_eq!(err.kind, ErrorKind::Value);
    assert_eq!(err.line(), Some(line));
    // The value's table starts at column 12 of `pk_drone = { value = 1.9, ...`.
    let expected = format!(
        "data/library/munitions.toml:{line}:12: field `munition[0].pk_drone`: value 1.9 is out of bounds; allowed: a probability between 0 and 1"
    );
    assert_eq!(err.to_string(), expected);
}

#[test]
fn a_value_without_provenance_is_refused() {
    let text = LibraryTexts::BUNDLED.munitions.replacen(
        "max_altitude_km = { value = 24, source = \"https://en.wikipedia.org/wiki/MIM-104_Patriot\" }",
        "max_altitude_km = { value = 24 }",
        1,
    );
    assert_ne!(text, LibraryTexts::BUNDLED.munitions);
    let message = with_munitions(&text).to_string();
    assert!(message.contains("munition[1].max_altitude_km"), "{message}");
    assert!(
        message.contains("neither `source` nor `assumed`"),
        "{message}"
    );
}

#[test]
fn a_system_firing_an_unknown_munition_is_refused() {
    let text = LibraryTexts::BUNDLED.systems.replacen(
        "[\"pac3-mse\", \"pac2-gem-t\"]",
        "[\"pac3-mse\", \"pac4\"]",
        1,
    );
    let err = refused(Library::from_texts(&LibraryTexts {
        systems: &text,
        ..LibraryTexts::BUNDLED
    }));
    assert_eq!(err.kind, ErrorKind::UnknownReference);
    let message = err.to_string();
    assert!(message.contains("data/library/systems.toml:"), "{message}");
    assert!(message.contains("unknown munition `pac4`"), "{message}");
    assert!(message.contains("aster-30"), "{message}");
}

#[test]
fn an_unknown_key_names_the_allowed_keys() {
    let text = LibraryTexts::BUNDLED.munitions.replacen(
        "\nself_destructs = true",
        "\nself_destruct = true",
        1,
    );
    let message = with_munitions(&text).to_string();
    assert!(
        message.contains("unknown field `self_destruct`"),
        "{message}"
    );
    assert!(message.contains("`self_destructs`"), "{message}");
}

/// The first munition's `pk_drone` entry (0.9, assumed, range [0.8, 0.98]) rewritten.
fn with_pk_drone(entry: &str) -> String {
    let text = LibraryTexts::BUNDLED.munitions;
    let start = text
        .find("pk_drone = { value = 0.9,")
        .expect("the first pk_drone");
    let end = start + text[start..].find('\n').expect("a line end");
    format!("{}{entry}{}", &text[..start], &text[end..])
}

#[test]
fn a_fitted_value_keeps_its_prior_range_and_the_fit_s_range() {
    let text = with_pk_drone(
        "pk_drone = { value = 0.85, assumed = \"hit-to-kill\", range = [0.83, 0.88], prior_range = [0.8, 0.98], fitted = \"fitted on the public strike record, July 2024 - June 2025\" }",
    );
    let library = Library::from_texts(&LibraryTexts {
        munitions: &text,
        ..LibraryTexts::BUNDLED
    })
    .expect("a fitted value is accepted");
    let parameter = &library.munitions[0].provenance["pk_drone"];
    assert_eq!(library.munitions[0].pk[0], 0.85);
    assert_eq!(parameter.range, Some((0.83, 0.88)));
    assert_eq!(parameter.prior_range(), Some((0.8, 0.98)));
    assert!(parameter.is_fitted());
    let bundled = &bundled().munitions[0].provenance["pk_drone"];
    assert_eq!(bundled.prior_range(), Some((0.8, 0.98)));
    assert!(!bundled.is_fitted());
}

#[test]
fn a_fit_outside_its_prior_or_of_a_sourced_value_is_refused() {
    let outside = with_pk_drone(
        "pk_drone = { value = 0.85, assumed = \"hit-to-kill\", range = [0.7, 0.88], prior_range = [0.8, 0.98], fitted = \"the record\" }",
    );
    let message = with_munitions(&outside).to_string();
    assert!(message.contains("munition[0].pk_drone"), "{message}");
    assert!(
        message.contains("does not hold the fitted range"),
        "{message}"
    );
    let alone = with_pk_drone(
        "pk_drone = { value = 0.85, assumed = \"hit-to-kill\", range = [0.8, 0.88], fitted = \"the record\" }",
    );
    let message = with_munitions(&alone).to_string();
    assert!(message.contains("come together"), "{message}");
    let sourced = with_pk_drone(
        "pk_drone = { value = 0.85, source = \"https://example.org\", fitted = \"the record\", prior_range = [0.8, 0.98] }",
    );
    let message = with_munitions(&sourced).to_string();
    assert!(
        message.contains("a public figure is not fitted"),
        "{message}"
    );
}
