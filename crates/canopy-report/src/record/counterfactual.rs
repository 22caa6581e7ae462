//! The counterfactual section: the same nights against another defence, night by night and in
//! total.

use std::collections::{BTreeMap, BTreeSet};

use canopy_analysis::record::{CounterfactualSummary, NightComparison, RecordSummary};

use super::rates::{NONE, mean};
use crate::charts::{ScatterAxes, ScatterPoint, scatter};
use crate::document::Section;
use crate::scale::{Scale, compact};

/// Each nation's cost, one a line: `PL 1.2M`; — when none.
fn costs(by_nation: &BTreeMap<String, f64>) -> String {
    if by_nation.is_empty() {
        return NONE.into();
    }
    by_nation
        .iter()
        .map(|(nation, usd)| format!("{nation} {}", compact(*usd)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The night-by-night table.
fn nights_table(nights: &[NightComparison], names: [&str; 2]) -> (Vec<String>, Vec<Vec<String>>) {
    let [base, other] = names;
    let header = vec![
        "night".to_string(),
        format!("leaked: {base}"),
        format!("leaked: {other}"),
        format!("spillovers: {base}"),
        format!("spillovers: {other}"),
        format!("cost, USD: {base}"),
        format!("cost, USD: {other}"),
    ];
    let rows = nights
        .iter()
        .map(|night| {
            vec![
                night.night.clone(),
                mean(night.leaked[0].mean),
                mean(night.leaked[1].mean),
                format!("{:.2}", night.spillovers[0]),
                format!("{:.2}", night.spillovers[1]),
                costs(&night.cost_by_nation[0]),
                costs(&night.cost_by_nation[1]),
            ]
        })
        .collect();
    (header, rows)
}

/// The totals table: leakers, spillovers and each nation's cost a night, under both defences.
fn totals_table(
    totals: &CounterfactualSummary,
    names: [&str; 2],
) -> (Vec<String>, Vec<Vec<String>>) {
    let header = vec![
        "a night (mean)".to_string(),
        names[0].to_string(),
        names[1].to_string(),
    ];
    let mut rows = vec![
        vec![
            "leakers".to_string(),
            format!("{:.2}", totals.leaked_per_night[0]),
            format!("{:.2}", totals.leaked_per_night[1]),
        ],
        vec![
            "spillovers".to_string(),
            format!("{:.2}", totals.spillovers_per_night[0]),
            format!("{:.2}", totals.spillovers_per_night[1]),
        ],
    ];
    let [base, other] = &totals.cost_per_night_by_nation;
    let nations: BTreeSet<&String> = base.keys().chain(other.keys()).collect();
    for nation in nations {
        let cell =
            |side: &BTreeMap<String, f64>| side.get(nation).map_or(NONE.into(), |c| compact(*c));
        rows.push(vec![format!("cost {nation}, USD"), cell(base), cell(other)]);
    }
    (header, rows)
}

/// Leakers a night under the other defence against under the record's.
fn leaked_scatter(nights: &[NightComparison], names: [&str; 2]) -> String {
    let points: Vec<ScatterPoint> = nights
        .iter()
        .map(|night| ScatterPoint {
            x: night.leaked[0].mean,
            y: night.leaked[1].mean,
            weight: 1.0,
            label: format!(
                "{}: {} leaked under {}, {} under {}",
                night.night,
                mean(night.leaked[0].mean),
                names[0],
                mean(night.leaked[1].mean),
                names[1]
            ),
        })
        .collect();
    let high = points.iter().map(|p| p.x.max(p.y)).fold(0.0, f64::max);
    let x_title = format!("leakers under {} (mean)", names[0]);
    let y_title = format!("leakers under {} (mean)", names[1]);
    scatter(
        &points,
        &ScatterAxes {
            domain: (0.0, Scale::nice(0.0, high.max(1.0), (0.0, 1.0)).hi),
            x_title: &x_title,
            y_title: &y_title,
            diagonal: true,
        },
    )
}

/// The same nights against the other defence: a scatter of leakers, the table by night and the
/// totals (from the summary's, else computed from the nights).
pub(crate) fn counterfactual_section(
    summary: &RecordSummary,
    nights: &[NightComparison],
) -> Section {
    let totals = summary
        .counterfactual
        .clone()
        .unwrap_or_else(|| CounterfactualSummary::new("other defence", nights));
    let names = [summary.defence.as_str(), totals.defence.as_str()];
    let (header, rows) = nights_table(nights, names);
    let (totals_header, totals_rows) = totals_table(&totals, names);
    Section::new(format!("Counterfactual: {} against {}", names[1], names[0]))
        .text(format!(
            "The same nights, the same threats and the same seeds flown against {}: threats \
             reaching their aim point, spillovers into NATO territory and each nation's \
             interceptor and flight cost, means over replications.",
            names[1]
        ))
        .figure(
            leaked_scatter(nights, names),
            format!(
                "One dot a night; below the dashed diagonal, {} lets fewer threats through.",
                names[1]
            ),
        )
        .text("Over the window, a night:")
        .table(totals_header, totals_rows)
        .text("Night by night:")
        .table(header, rows)
}
