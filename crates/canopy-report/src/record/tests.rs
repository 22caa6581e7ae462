//! The record report against hand-made nights: two nights, two groups.

use std::collections::BTreeMap;

use canopy_analysis::record::{
    CounterfactualSummary, Group, GroupScore, NaiveForecast, NightComparison, NightRow, Predicted,
    RecordSummary, SkippedRow,
};

use super::{RecordReportInput, record_report};
use crate::document::{Block, Report, Section};

/// A mean with an interval around it.
fn predicted(mean: f64) -> Predicted {
    Predicted {
        mean,
        lo: mean * 0.9,
        hi: mean * 1.1,
    }
}

/// One night and group: launched, reported [destroyed, not reaching goal], predicted [destroyed,
/// lost, leaked] means.
fn row(night: &str, group: Group, launched: u32, reported: [u32; 2], p: [f64; 3]) -> NightRow {
    NightRow {
        night: night.into(),
        group,
        launched,
        reported_destroyed: reported[0],
        reported_not_reach_goal: reported[1],
        predicted_destroyed: predicted(p[0]),
        predicted_lost: predicted(p[1]),
        predicted_leaked: predicted(p[2]),
    }
}

/// Errors (predicted − reported): 2024-01-01 shahed 70 − 80 = −10 pp, kh-101 75 − 100 = −25 pp;
/// 2024-02-03 shahed 90 − 80 = +10 pp, kh-101 60 − 50 = +10 pp.
fn rows() -> Vec<NightRow> {
    vec![
        row("2024-02-03", Group::Kh101, 2, [1, 0], [1.2, 0.0, 0.8]),
        row("2024-02-03", Group::Shahed, 20, [15, 1], [17.0, 1.0, 2.0]),
        row("2024-01-01", Group::Shahed, 10, [7, 1], [6.0, 1.0, 3.0]),
        row("2024-01-01", Group::Kh101, 4, [4, 0], [3.0, 0.0, 1.0]),
    ]
}

fn score(launched: u32, reported: f64, predicted: f64, interval: [f64; 2]) -> GroupScore {
    GroupScore {
        launched,
        nights: 2,
        reported_rate: Some(reported),
        predicted_rate: Some(predicted),
        predicted_interval: Some(interval),
    }
}

/// The summary of [`rows`]: shahed 24 of 30 reported, 25 predicted; kh-101 5 of 6 reported, 4.2
/// predicted; `skipped` unreadable rows.
fn summary(skipped: usize) -> RecordSummary {
    let mut types: BTreeMap<&'static str, GroupScore> = Group::ALL
        .iter()
        .map(|g| {
            let none = GroupScore {
                launched: 0,
                nights: 0,
                reported_rate: None,
                predicted_rate: None,
                predicted_interval: None,
            };
            (g.name(), none)
        })
        .collect();
    types.insert("shahed", score(30, 0.8, 25.0 / 30.0, [0.78, 0.88]));
    types.insert("kh-101", score(6, 5.0 / 6.0, 0.7, [0.65, 0.75]));
    RecordSummary {
        from: "2024-01-01".into(),
        to: "2024-02-03".into(),
        nights: 2,
        replications: 20,
        defence: "ukraine".into(),
        types,
        mean_abs_error_pp: Some((10.0 / 3.0 + 40.0 / 3.0) / 2.0),
        skipped_rows: (0..skipped as u64)
            .map(|k| SkippedRow {
                line: 100 + k,
                night: (k % 2 == 0).then(|| "2024-01-05".to_string()),
                reason: format!("reason {k}"),
            })
            .collect(),
        regional_rows: 7,
        mixed_rows: 3,
        unplaced_launch_places: BTreeMap::from([("Nowhere".to_string(), 2)]),
        counterfactual: None,
        naive_forecast: NaiveForecast {
            from: "2023-01-01".into(),
            to: "2023-12-31".into(),
            rates: BTreeMap::new(),
            mean_abs_error_pp: None,
            model_mean_abs_error_pp: None,
            skill: None,
        },
    }
}

fn comparisons() -> Vec<NightComparison> {
    let costs = |pl: f64, ua: f64| BTreeMap::from([("PL".to_string(), pl), ("UA".to_string(), ua)]);
    vec![
        NightComparison {
            night: "2024-01-01".into(),
            leaked: [predicted(4.0), predicted(2.5)],
            spillovers: [0.1, 0.0],
            cost_by_nation: [costs(0.0, 2.0e6), costs(1.5e6, 2.0e6)],
        },
        NightComparison {
            night: "2024-02-03".into(),
            leaked: [predicted(2.8), predicted(1.0)],
            spillovers: [0.0, 0.05],
            cost_by_nation: [costs(0.0, 3.0e6), costs(2.5e6, 1.0e6)],
        },
    ]
}

fn report(summary: &RecordSummary, comparisons: Option<&[NightComparison]>) -> Report {
    record_report(&RecordReportInput {
        summary,
        rows: &rows(),
        comparisons,
        map_night: None,
    })
}

fn section<'a>(report: &'a Report, title: &str) -> &'a Section {
    report
        .sections
        .iter()
        .find(|s| s.title.starts_with(title))
        .unwrap_or_else(|| panic!("no section {title}"))
}

/// The rows of the `k`-th table of a section.
fn table(section: &Section, k: usize) -> &Vec<Vec<String>> {
    section
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table { rows, .. } => Some(rows),
            _ => None,
        })
        .nth(k)
        .expect("a table")
}

#[test]
fn the_error_table_has_each_groups_pooled_rates_and_error() {
    let summary = summary(0);
    let report = report(&summary, None);
    let rows = table(section(&report, "Error by group"), 0);
    let cells = |k: usize| rows[k].iter().map(String::as_str).collect::<Vec<_>>();
    assert_eq!(rows.len(), 5);
    // 25 / 30 = 83.3 %; 83.3 − 80.0 = +3.3 pp
    assert_eq!(
        cells(0),
        ["shahed", "30", "2", "80.0 %", "83.3 % [78.0, 88.0]", "+3.3"]
    );
    // 5 / 6 = 83.3 %; 70.0 − 83.3 = −13.3 pp
    assert_eq!(
        cells(1),
        ["kh-101", "6", "2", "83.3 %", "70.0 % [65.0, 75.0]", "-13.3"]
    );
    for k in 2..5 {
        assert_eq!(cells(k)[1..], ["—"; 5]);
    }
    assert!(
        report
            .facts
            .contains(&("Mean absolute error".into(), "8.3 pp".into()))
    );
    assert!(
        report
            .facts
            .contains(&("Window".into(), "2024-01-01 – 2024-02-03".into()))
    );
}

#[test]
fn the_nights_missed_most_come_largest_error_first_ties_by_night_then_group() {
    let summary = summary(0);
    let report = report(&summary, None);
    let rows = table(section(&report, "The nights the model misses most"), 0);
    let order: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str(), r[5].as_str()))
        .collect();
    // three errors of 10 pp tie (their floating-point differences do not order them)
    assert_eq!(
        order,
        [
            ("2024-01-01", "kh-101", "-25.0"),
            ("2024-01-01", "shahed", "-10.0"),
            ("2024-02-03", "shahed", "+10.0"),
            ("2024-02-03", "kh-101", "+10.0"),
        ]
    );
    assert_eq!(rows[0][2..5], ["4", "4 / 0", "3.0 / 0.0 / 1.0"]);
}

#[test]
fn one_scatter_per_group_with_launches_and_months_pooled() {
    let summary = summary(0);
    let report = report(&summary, None);
    let html = report.to_html();
    let nights = html
        .split("<section>")
        .find(|s| s.contains("Predicted against reported by night"))
        .unwrap();
    assert_eq!(nights.matches("<svg").count(), 2);
    assert_eq!(nights.matches("<circle").count(), 4);
    let months = table(section(&report, "Rates by month"), 0);
    assert_eq!(months.len(), 2);
    assert_eq!(months[0][0], "2024-01");
    // January: shahed 8 of 10 reported, 7 predicted; kh-101 4 of 4, 3
    assert_eq!(months[0][1], "80.0 % / 70.0 %\n10 launched");
    assert_eq!(months[0][2], "100.0 % / 75.0 %\n4 launched");
    assert_eq!(months[1][1], "80.0 % / 90.0 %\n20 launched");
}

#[test]
fn the_counterfactual_appears_only_when_given() {
    let summary = summary(0);
    let without = report(&summary, None);
    assert!(
        !without
            .sections
            .iter()
            .any(|s| s.title.starts_with("Counterfactual"))
    );
    let comparisons = comparisons();
    let mut summary = summary;
    summary.counterfactual = Some(CounterfactualSummary::new("europe", &comparisons));
    let with = report(&summary, Some(&comparisons));
    let section = section(&with, "Counterfactual: europe against ukraine");
    let totals = table(section, 0);
    // leakers (4 + 2.8) / 2 = 3.4 against (2.5 + 1) / 2 = 1.75
    assert_eq!(totals[0], ["leakers", "3.40", "1.75"]);
    assert_eq!(totals[2], ["cost PL, USD", "0", "2M"]);
    let nights = table(section, 1);
    assert_eq!(
        nights[0],
        [
            "2024-01-01",
            "4.0",
            "2.5",
            "0.10",
            "0.00",
            "PL 0\nUA 2M",
            "PL 1.5M\nUA 2M"
        ]
    );
    // the counterfactual comes before the rows left out, which close the report
    let titles: Vec<&str> = with.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles[titles.len() - 2..],
        ["Counterfactual: europe against ukraine", "Rows left out"]
    );
}

#[test]
fn rows_left_out_list_at_most_fifty_skipped_rows() {
    let summary = summary(53);
    let report = report(&summary, None);
    let section = section(&report, "Rows left out");
    let skipped = table(section, 0);
    assert_eq!(skipped.len(), 50);
    assert_eq!(skipped[0], ["100", "2024-01-05", "reason 0"]);
    assert_eq!(skipped[1], ["101", "—", "reason 1"]);
    assert_eq!(table(section, 1)[0], ["Nowhere", "2"]);
    let text: Vec<&String> = section
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Text(t) => Some(t),
            _ => None,
        })
        .collect();
    assert!(text[0].starts_with("7 rows of regional commands") && text[0].contains("3 mixed"));
    assert!(
        text.iter()
            .any(|t| t.as_str() == "… and 3 more skipped rows.")
    );
}

#[test]
fn the_map_is_drawn_when_a_night_is_given() {
    let scenario = canopy_scenario::load_scenario(&canopy_scenario::default_scenario_path())
        .expect("the default scenario loads");
    let summary = summary(0);
    let report = record_report(&RecordReportInput {
        summary: &summary,
        rows: &rows(),
        comparisons: None,
        map_night: Some((&scenario, &[])),
    });
    let map = section(&report, "Map of the night the model misses most");
    let Block::Figure { svg, caption } = &map.blocks[0] else {
        panic!("a figure");
    };
    assert!(svg.contains(r#"data-id="UA""#));
    assert!(caption.starts_with(&format!(
        "One replication of {}: 0 intercepts",
        scenario.name
    )));
}
