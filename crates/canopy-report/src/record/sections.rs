//! The sections of the record report drawn from the scores: the error table by group, predicted
//! against reported by night, the rates by month, the nights the model misses most, and the rows
//! left out.

use canopy_analysis::record::{Group, NightRow, RecordSummary};

use super::rates::{
    MISSES_SHOWN, NONE, by_month, groups_with_launches, mean, misses_most, percent, points,
    row_error, with_launches,
};
use crate::charts::{ScatterAxes, ScatterPoint, scatter};
use crate::document::Section;

/// Most skipped rows listed.
pub(crate) const SKIPPED_SHOWN: usize = 50;

/// The cells of one group's row of the error table.
pub(crate) fn error_row(group: Group, summary: &RecordSummary) -> Vec<String> {
    let name = group.name().to_string();
    let score = summary.types.get(group.name()).filter(|s| s.launched > 0);
    let Some(score) = score else {
        return vec![
            name,
            NONE.into(),
            NONE.into(),
            NONE.into(),
            NONE.into(),
            NONE.into(),
        ];
    };
    let reported = score.reported_rate.map_or(NONE.into(), percent);
    let predicted = match (score.predicted_rate, score.predicted_interval) {
        (Some(rate), Some([lo, hi])) => {
            format!("{} [{:.1}, {:.1}]", percent(rate), 100.0 * lo, 100.0 * hi)
        }
        (Some(rate), None) => percent(rate),
        _ => NONE.into(),
    };
    let error = match (score.predicted_rate, score.reported_rate) {
        (Some(p), Some(r)) => points(p - r),
        _ => NONE.into(),
    };
    vec![
        name,
        score.launched.to_string(),
        score.nights.to_string(),
        reported,
        predicted,
        error,
    ]
}

/// The error table: each group's pooled rates and the model's error.
pub(crate) fn error_section(summary: &RecordSummary) -> Section {
    let header = [
        "group",
        "launched",
        "nights",
        "reported rate",
        "predicted rate [5 %, 95 %]",
        "error (pp)",
    ];
    let rows = Group::ALL
        .into_iter()
        .map(|group| error_row(group, summary))
        .collect();
    Section::new("Error by group")
        .text(
            "The share of threats neutralised, (destroyed + not reaching their goal) / launched, \
             pooled over each group's single-type rows of the window: as reported by the Air \
             Force, and as the model predicts for the same threats (destroyed + lost to \
             electronic warfare, mean over replications, with the 5 % and 95 % quantiles of the \
             pooled rate over replications). The error is predicted − reported, in percentage \
             points; — marks a group with no launches.",
        )
        .table(header.map(String::from).to_vec(), rows)
}

/// The scatter of one group's nights: reported against predicted rate, in percent.
fn group_scatter(group: Group, rows: &[NightRow]) -> String {
    let points: Vec<ScatterPoint> = with_launches(rows)
        .filter(|row| row.group == group)
        .map(|row| ScatterPoint {
            x: 100.0 * row.reported_rate(),
            y: 100.0 * row.predicted_rate(),
            weight: f64::from(row.launched),
            label: format!(
                "{}: {} launched, reported {}, predicted {}",
                row.night,
                row.launched,
                percent(row.reported_rate()),
                percent(row.predicted_rate())
            ),
        })
        .collect();
    scatter(
        &points,
        &ScatterAxes {
            domain: (0.0, 100.0),
            x_title: "reported rate (%)",
            y_title: "predicted rate (%)",
            diagonal: true,
        },
    )
}

/// Predicted against reported rate by night: one scatter per group with launches.
pub(crate) fn nights_section(rows: &[NightRow]) -> Section {
    let mut section = Section::new("Predicted against reported by night").text(
        "Each dot is one night of a group: the share the Air Force reported neutralised (across) \
         and the share the model predicts (up), its area growing with the threats launched. \
         Dots on the dashed diagonal are nights the model gets right; above it, the model \
         neutralises more than was reported.",
    );
    let groups = groups_with_launches(rows);
    if groups.is_empty() {
        return section.text("No night has launches.");
    }
    for group in groups {
        let nights = with_launches(rows).filter(|r| r.group == group).count();
        section = section.figure(
            group_scatter(group, rows),
            format!("{}: {nights} nights.", group.name()),
        );
    }
    section
}

/// The rates by month: per group, the reported and predicted rate pooled over the month's rows.
pub(crate) fn months_section(rows: &[NightRow]) -> Section {
    let groups = groups_with_launches(rows);
    let mut header = vec!["month".to_string()];
    header.extend(groups.iter().map(|g| g.name().to_string()));
    let table: Vec<Vec<String>> = by_month(rows)
        .into_iter()
        .map(|(month, pooled)| {
            let mut cells = vec![month.to_string()];
            cells.extend(groups.iter().map(|group| match pooled.get(group) {
                Some(p) => format!(
                    "{} / {}\n{} launched",
                    percent(p.reported_rate()),
                    percent(p.predicted_rate()),
                    p.launched
                ),
                None => NONE.into(),
            }));
            cells
        })
        .collect();
    Section::new("Rates by month")
        .text(
            "Each group's share neutralised pooled over the month's nights: reported / \
             predicted (mean over replications), and the threats launched.",
        )
        .table(header, table)
}

/// The night and group rows with the largest |predicted − reported| rate.
pub(crate) fn misses_section(rows: &[NightRow]) -> Section {
    let header = [
        "night",
        "group",
        "launched",
        "reported destroyed / not reaching goal",
        "predicted destroyed / lost / leaked (means)",
        "error (pp)",
    ];
    let table = misses_most(rows, MISSES_SHOWN)
        .into_iter()
        .map(|row| {
            vec![
                row.night.clone(),
                row.group.name().to_string(),
                row.launched.to_string(),
                format!(
                    "{} / {}",
                    row.reported_destroyed, row.reported_not_reach_goal
                ),
                format!(
                    "{} / {} / {}",
                    mean(row.predicted_destroyed.mean),
                    mean(row.predicted_lost.mean),
                    mean(row.predicted_leaked.mean)
                ),
                points(row_error(row)),
            ]
        })
        .collect();
    Section::new("The nights the model misses most")
        .text(format!(
            "The {MISSES_SHOWN} nights and groups with the largest difference between the \
             predicted and the reported share neutralised (predicted − reported, percentage \
             points), largest first."
        ))
        .table(header.map(String::from).to_vec(), table)
}

/// The rows of the record that were not scored, and the launch places Canopy could not place.
pub(crate) fn left_out_section(summary: &RecordSummary) -> Section {
    let mut section = Section::new("Rows left out").text(format!(
        "{} rows of regional commands were left out (their figures are part of the HQ's \
         totals); {} mixed salvos were flown, split by type, but not scored; {} HQ rows could \
         not be read or flown.",
        summary.regional_rows,
        summary.mixed_rows,
        summary.skipped_rows.len()
    ));
    if !summary.skipped_rows.is_empty() {
        let rows = summary
            .skipped_rows
            .iter()
            .take(SKIPPED_SHOWN)
            .map(|row| {
                vec![
                    row.line.to_string(),
                    row.night.clone().unwrap_or_else(|| NONE.into()),
                    row.reason.clone(),
                ]
            })
            .collect();
        section = section.table(vec!["line".into(), "night".into(), "reason".into()], rows);
        let more = summary.skipped_rows.len().saturating_sub(SKIPPED_SHOWN);
        if more > 0 {
            section = section.text(format!("… and {more} more skipped rows."));
        }
    }
    if !summary.unplaced_launch_places.is_empty() {
        let rows = summary
            .unplaced_launch_places
            .iter()
            .map(|(name, raids)| vec![name.clone(), raids.to_string()])
            .collect();
        section = section
            .text(
                "Launch places Canopy could not place (their threats were flown from the \
                 defence's launch places for the type):",
            )
            .table(vec!["launch place".into(), "raids".into()], rows);
    }
    section
}
