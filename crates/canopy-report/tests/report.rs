//! The Monte Carlo report: one plot per section, the map's real borders, intercepts coloured by
//! nation, and nothing that needs a network or a script.

use std::collections::BTreeMap;

use canopy_analysis::{Manifest, summarise};
use canopy_core::{EngagementId, SimDuration, SimTime, ThreatId};
use canopy_geo::CountryCode;
use canopy_io::{Missing, Table};
use canopy_report::{McReportInput, mc_report};
use canopy_sim::metrics::{NationBurden, Timeline};
use canopy_sim::{Event, Position, RunMetrics, SpilloverObject};

fn scenario() -> canopy_scenario::Scenario {
    canopy_scenario::load_scenario(&canopy_scenario::default_scenario_path())
        .expect("the default scenario loads")
}

/// One night's metrics: `leaked` of 10 entered at Lviv; Poland's engagements and kills; the
/// interceptor cost, the cost of the threats destroyed and the cost exchange; the median time from
/// theatre entry to decision.
fn night(
    leaked: u32,
    engagements: u32,
    kills: u32,
    [cost_usd, threat_cost_usd, exchange]: [f64; 3],
    decision_s: f64,
) -> RunMetrics {
    let poland = NationBurden {
        engagements,
        kills,
        cost_usd,
        munitions: BTreeMap::from([("pac2-gem-t".to_string(), engagements)]),
        ..NationBurden::default()
    };
    RunMetrics {
        leaked,
        entered_theatre: 10,
        leakers_by_target: BTreeMap::from([("lviv".to_string(), leaked)]),
        entered_by_target: BTreeMap::from([("lviv".to_string(), 10)]),
        nations: BTreeMap::from([("PL".to_string(), poland)]),
        interceptor_cost_usd: cost_usd,
        flight_cost_usd: 0.0,
        threat_cost_destroyed_usd: threat_cost_usd,
        cost_exchange: Some(exchange),
        timeline: Timeline {
            entry_to_decision_s: Some(decision_s),
            ..Timeline::default()
        },
        ..RunMetrics::default()
    }
}

/// A position at ground level, or at `alt_m`.
fn at(lat_deg: f64, lon_deg: f64, alt_m: f64) -> Position {
    Position {
        lat_deg,
        lon_deg,
        alt_m,
    }
}

/// The number in attribute `name` of the last tag that opens before byte `at` of `svg`.
fn attribute(svg: &str, at: usize, name: &str) -> f64 {
    let tag = &svg[svg[..at].rfind('<').unwrap()..at];
    let start = tag.find(&format!(r#" {name}=""#)).unwrap() + name.len() + 3;
    tag[start..start + tag[start..].find('"').unwrap()]
        .parse()
        .unwrap()
}

/// The events of one night: a decision approved after 60 s, an intercept by Poland over Lviv
/// oblast, an impact at Lviv and debris falling in Poland.
fn night_events() -> [Event; 5] {
    let (engagement, threat) = (EngagementId(0), ThreatId(0));
    [
        Event::Decision {
            time: SimTime::from_secs_f64(5.0),
            engagement,
            threat,
            shooter: "pl-wisla-1".into(),
            nation: CountryCode::new("PL").unwrap(),
            munition: "pac2-gem-t".into(),
            needs_approval: true,
            sensor_nations: vec![CountryCode::new("PL").unwrap()],
        },
        Event::Approval {
            time: SimTime::from_secs_f64(65.0),
            engagement,
        },
        Event::Kill {
            time: SimTime::from_secs_f64(10.0),
            engagement,
            threat,
            nation: CountryCode::new("PL").unwrap(),
            at: at(50.0, 24.0, 100.0),
            debris_centre: at(50.0, 24.0, 0.0),
            debris_radius_m: 0.0,
        },
        Event::Impact {
            time: SimTime::from_secs_f64(20.0),
            threat: ThreatId(1),
            target: "lviv".into(),
            at: at(49.84, 24.03, 0.0),
        },
        Event::Spillover {
            time: SimTime::from_secs_f64(30.0),
            object: SpilloverObject::Debris,
            threat,
            country: CountryCode::new("PL").unwrap(),
            near: "Przemyśl".into(),
            time_inside: SimDuration::from_secs_f64(0.0),
            depth_m: 0.0,
            at: at(49.78, 22.77, 0.0),
        },
    ]
}

#[test]
fn every_section_has_one_plot_and_the_map_has_borders() {
    let scenario = scenario();
    let rows = [
        night(2, 3, 2, [9.0e6, 1.0e5, 90.0], 30.0),
        night(4, 1, 1, [3.0e6, 5.0e4, 60.0], 50.0),
    ]
    .map(|m| serde_json::to_value(m).unwrap());
    let runs = Table::from_rows(&rows, Missing::ZeroCounts);
    let summary = summarise(&runs);
    let events = night_events();
    let manifest = Manifest {
        scenario: scenario.name.clone(),
        scenario_hash: "0".repeat(16),
        version: "test".into(),
        seed: 1,
        runs: 2,
        picture: canopy_sim::PictureMode::Perfect,
        planner: canopy_sim::PlannerKind::Wta,
        events: false,
        sample_library_ranges: false,
    };
    let report = mc_report(&McReportInput {
        manifest: &manifest,
        summary: &summary,
        runs: &runs,
        scenario: &scenario,
        events: &events,
        events_replication: 0,
    });
    let titles: Vec<&str> = report.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Leakers per night",
            "Leak probability by target",
            "Burden by nation",
            "Cost exchange",
            "Map of one night",
            "Timeline"
        ]
    );
    let html = report.to_html();
    let sections: Vec<&str> = html.split("<section>").skip(1).collect();
    assert_eq!(sections.len(), 6);
    for section in &sections {
        assert_eq!(section.matches("<svg").count(), 1, "{}", &section[..80]);
    }
    let map = sections[4];
    assert!(map.contains(r#"<path class="land nato" data-id="PL""#));
    assert!(map.contains(r#"<path class="land" data-id="UA""#));
    // Poland is the scenario's nation of index 1: its intercept dot has the second colour
    let pl = scenario
        .nations
        .iter()
        .position(|n| n.code.as_str() == "PL")
        .unwrap();
    assert!(map.contains(&format!(
        r#"fill="{}"><title>intercept by PL"#,
        canopy_report::scale::colour(pl)
    )));
    assert!(map.contains("impact (leaker)"));
    // Lviv's label counts its one impact; it starts 9 px right of the point and its baseline is
    // 12 px above it (the aim-point square spans 4 px each way), drawn after the impact's cross
    let (label_at, square_at) = (
        map.find(">Lviv (1 impact)</text>").unwrap(),
        map.find("<title>aim point Lviv</title>").unwrap(),
    );
    assert!(label_at > map.rfind("impact (leaker)</title>").unwrap());
    let (lx, ly) = (attribute(map, label_at, "x"), attribute(map, label_at, "y"));
    let (sx, sy) = (
        attribute(map, square_at, "x"),
        attribute(map, square_at, "y"),
    );
    assert!((lx - (sx + 4.0 + 9.0)).abs() < 0.11, "{lx} {sx}");
    assert!((ly - (sy + 4.0 - 12.0)).abs() < 0.11, "{ly} {sy}");
    assert!(map.contains("<title>spillover: debris in PL near Przemyśl</title>"));
    // the scenario's circle and polygon zones are drawn as areas
    assert!(
        map.contains(r#"<path class="zone no-fire""#),
        "no-fire zone"
    );
    // Lviv: 6 leakers of 20 threats entered; Wilson 95 %: centre (0.3 + 1.96²/40) / (1 + 1.96²/20)
    // = 0.3322, half-width 1.96 √(0.3·0.7/20 + 1.96²/1600) / 1.1921 = 0.1868 -> [0.1455, 0.5190]
    assert!(
        sections[1].contains("0.300 [0.145, 0.519]"),
        "{}",
        sections[1]
    );
    // self-contained: no scripts, no external resources
    assert!(!html.contains("<script") && !html.contains("src=") && !html.contains("href="));
    // the approval came 60 s after its decision
    assert!(sections[5].contains("1 engagements waited for approval; wait 60 s shortest"));
    // one bin per whole number of leakers, 2 to 4: one night at 2, none at 3, one at 4
    assert!(sections[0].contains("<title>1.5 to 2.5: 1</title>"));
    assert!(sections[0].contains("<title>2.5 to 3.5: 0</title>"));
    assert!(sections[0].contains("<title>3.5 to 4.5: 1</title>"));
}
