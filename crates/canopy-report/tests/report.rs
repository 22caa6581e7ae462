//! The Monte Carlo report: one plot per section, the map's real borders, intercepts coloured by
//! nation, and nothing that needs a network or a script.

use canopy_analysis::{Manifest, summarise};
use canopy_io::{Missing, Table};
use canopy_report::{McReportInput, mc_report};
use serde_json::json;

fn scenario() -> canopy_scenario::Scenario {
    canopy_scenario::load_scenario(&canopy_scenario::default_scenario_path())
        .expect("the default scenario loads")
}

#[test]
fn every_section_has_one_plot_and_the_map_has_borders() {
    let scenario = scenario();
    let rows = [
        json!({"leaked": 2, "entered_theatre": 10, "leakers_by_target": {"lviv": 2},
               "entered_by_target": {"lviv": 10},
               "nations": {"PL": {"engagements": 3, "kills": 2, "cost_usd": 9.0e6,
                                  "munitions": {"pac2-gem-t": 3}}},
               "interceptor_cost_usd": 9.0e6, "flight_cost_usd": 0.0,
               "threat_cost_destroyed_usd": 1.0e5, "cost_exchange": 90.0,
               "timeline": {"entry_to_decision_s": 30.0}}),
        json!({"leaked": 4, "entered_theatre": 10, "leakers_by_target": {"lviv": 4},
               "entered_by_target": {"lviv": 10},
               "nations": {"PL": {"engagements": 1, "kills": 1, "cost_usd": 3.0e6,
                                  "munitions": {"pac2-gem-t": 1}}},
               "interceptor_cost_usd": 3.0e6, "flight_cost_usd": 0.0,
               "threat_cost_destroyed_usd": 5.0e4, "cost_exchange": 60.0,
               "timeline": {"entry_to_decision_s": 50.0}}),
    ];
    let runs = Table::from_rows(&rows, Missing::ZeroCounts);
    let summary = summarise(&runs);
    // an intercept by Poland over Lviv oblast and an impact at Lviv
    let events = [
        json!({"kind": "decision", "time_s": 5.0, "engagement": 0}),
        json!({"kind": "approval", "time_s": 65.0, "engagement": 0}),
        json!({"kind": "kill", "time_s": 10.0, "nation": "PL",
               "at": {"lat_deg": 50.0, "lon_deg": 24.0, "alt_m": 100.0},
               "debris_centre": {"lat_deg": 50.0, "lon_deg": 24.0, "alt_m": 0.0}}),
        json!({"kind": "impact", "time_s": 20.0, "target": "lviv",
               "at": {"lat_deg": 49.84, "lon_deg": 24.03, "alt_m": 0.0}}),
        json!({"kind": "spillover", "time_s": 30.0, "object": "debris", "country": "PL",
               "near": "Przemyśl", "at": {"lat_deg": 49.78, "lon_deg": 22.77, "alt_m": 0.0}}),
    ];
    let manifest = Manifest {
        scenario: scenario.name.clone(),
        scenario_hash: "0".repeat(16),
        version: "test".into(),
        seed: 1,
        runs: 2,
        picture: "perfect".into(),
        planner: "wta".into(),
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
