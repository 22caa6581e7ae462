//! The report of a comparison or sweep (`canopy compare`, `canopy sweep`): a summary table, links
//! to each option's own Monte Carlo report, and one section per headline metric with each option's
//! estimate against the option (dot and 95 % whiskers) and the table of paired differences.

use canopy_analysis::compare::{Compared, Comparison, Row};
use canopy_analysis::figures::{PerNight, SummaryProportion};
use canopy_analysis::stats::Interval;
use canopy_sim::metrics::Metric;

use crate::charts::{IntervalBar, dot_whiskers};
use crate::document::{Block, Link, Report, Section};

/// A headline metric of the report: its name in the comparison, its heading and axis title.
struct Headline {
    metric: Compared,
    title: &'static str,
    axis: &'static str,
    /// Multiplier from the comparison's unit to the report's (USD to million USD).
    scale: f64,
}

/// The metrics drawn, in order.
const HEADLINES: [Headline; 6] = [
    Headline {
        metric: Compared::Column(Metric::Leaked),
        title: "Leakers per night",
        axis: "threats reaching their aim point per night (mean, 95 % interval)",
        scale: 1.0,
    },
    Headline {
        metric: Compared::PerNight(PerNight::LeakRate),
        title: "Leak rate",
        axis: "leaked / entered the theatre (mean of nights, 95 % interval)",
        scale: 1.0,
    },
    Headline {
        metric: Compared::Column(Metric::Destroyed),
        title: "Threats destroyed",
        axis: "threats destroyed per night (mean, 95 % interval)",
        scale: 1.0,
    },
    Headline {
        metric: Compared::Column(Metric::InterceptorCostUsd),
        title: "Interceptor cost",
        axis: "interceptors fired per night, million USD (mean, 95 % interval)",
        scale: 1e-6,
    },
    Headline {
        metric: Compared::Column(Metric::CostExchange),
        title: "Cost exchange",
        axis: "interceptor cost / cost of threats destroyed (mean of nights, 95 % interval)",
        scale: 1.0,
    },
    Headline {
        metric: Compared::NightShare(SummaryProportion::SpilloverProbability),
        title: "Spillover share",
        axis: "share of nights with a spillover into NATO territory (95 % Wilson interval)",
        scale: 1.0,
    },
];

/// Room for option labels left of the plots, pixels.
const LABEL_W: f64 = 230.0;
/// Longest label drawn whole; longer ones are cut with an ellipsis (the full name is in the
/// tables).
const LABEL_CHARS: usize = 34;

/// The short label of an option: for a sweep's `KEY=v KEY=v` names, the values joined by `, `;
/// any other name as it is; cut to [`LABEL_CHARS`].
pub fn short_label(name: &str) -> String {
    let parts: Vec<&str> = name.split(' ').collect();
    let label = if parts.iter().all(|p| p.contains('=')) {
        parts
            .iter()
            .filter_map(|p| p.split_once('=').map(|(_, v)| v))
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        name.to_string()
    };
    if label.chars().count() > LABEL_CHARS {
        let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{cut}…")
    } else {
        label
    }
}

/// A number with three significant digits' worth of precision (no sign on a rounded zero).
fn num(x: f64) -> String {
    let text = digits(x);
    match text.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_string(),
        _ => text,
    }
}

fn digits(x: f64) -> String {
    if !x.is_finite() {
        "–".to_string()
    } else if x.abs() >= 100.0 {
        format!("{x:.0}")
    } else if x.abs() >= 10.0 {
        format!("{x:.1}")
    } else if x.abs() >= 1.0 {
        format!("{x:.2}")
    } else {
        format!("{x:.3}")
    }
}

fn signed(x: f64) -> String {
    if x > 0.0 {
        format!("+{}", num(x))
    } else {
        num(x)
    }
}

/// `mean [low, high]`, scaled.
fn with_interval(mean: f64, ci: Option<Interval>, scale: f64, sign: bool) -> String {
    let value = if sign {
        signed(mean * scale)
    } else {
        num(mean * scale)
    };
    match ci {
        Some(c) => format!("{value} [{}, {}]", num(c.low * scale), num(c.high * scale)),
        None => value,
    }
}

/// The rows of one metric, in option order.
fn rows_of(comparison: &Comparison, metric: Compared) -> Vec<&Row> {
    comparison
        .rows
        .iter()
        .filter(|r| r.metric == metric)
        .collect()
}

fn estimate_cell(row: &Row, scale: f64) -> String {
    row.estimate.as_ref().map_or("–".to_string(), |e| {
        with_interval(e.mean, e.ci95, scale, false)
    })
}

fn difference_cells(row: &Row, scale: f64) -> [String; 2] {
    match &row.difference {
        Some(d) => [
            with_interval(d.mean, d.paired_ci95, scale, true),
            with_interval(d.mean, d.unpaired_ci95, scale, true),
        ],
        None => ["reference".to_string(), "–".to_string()],
    }
}

fn metric_section(comparison: &Comparison, headline: &Headline) -> Section {
    let rows = rows_of(comparison, headline.metric);
    let scale = headline.scale;
    let points: Vec<IntervalBar> = rows
        .iter()
        .map(|row| IntervalBar {
            label: short_label(&row.option),
            value: row.estimate.as_ref().map_or(f64::NAN, |e| e.mean * scale),
            interval: row
                .estimate
                .as_ref()
                .and_then(|e| e.ci95)
                .map(|c| (c.low * scale, c.high * scale)),
        })
        .collect();
    let reference = comparison.options.first().map_or("", |o| o.name.as_str());
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let [paired, unpaired] = difference_cells(row, scale);
            vec![
                row.option.clone(),
                estimate_cell(row, scale),
                paired,
                unpaired,
            ]
        })
        .collect();
    Section::new(headline.title)
        .figure(
            dot_whiskers(&points, headline.axis, LABEL_W),
            format!(
                "Each option's mean with its 95 % interval; the dashed line is the reference \
                 option ({reference})."
            ),
        )
        .table(
            vec![
                "option".into(),
                "mean [95 %]".into(),
                format!("Δ to {} (paired) [95 %]", short_label(reference)),
                "Δ if independent [95 %]".into(),
            ],
            table,
        )
}

/// A `value [low, high]` cell on two lines, for the narrow columns of the summary table.
fn two_lines(cell: String) -> String {
    cell.replacen(" [", "\n[", 1)
}

/// The summary table: one row per option with every headline metric, then one row of paired
/// differences per option after the first.
fn summary_table(comparison: &Comparison) -> Block {
    let mut header = vec!["option".to_string()];
    header.extend(HEADLINES.iter().map(|h| h.title.to_string()));
    let by_metric: Vec<Vec<&Row>> = HEADLINES
        .iter()
        .map(|h| rows_of(comparison, h.metric))
        .collect();
    let mut rows = Vec::new();
    for (i, option) in comparison.options.iter().enumerate() {
        let mut row = vec![option.name.clone()];
        row.extend(HEADLINES.iter().zip(&by_metric).map(|(h, r)| {
            r.get(i)
                .map_or("–".into(), |r| two_lines(estimate_cell(r, h.scale)))
        }));
        rows.push(row);
    }
    for (i, option) in comparison.options.iter().enumerate().skip(1) {
        let mut row = vec![format!("Δ {}", option.name)];
        row.extend(HEADLINES.iter().zip(&by_metric).map(|(h, r)| {
            r.get(i).map_or("–".into(), |r| {
                two_lines(difference_cells(r, h.scale)[0].clone())
            })
        }));
        rows.push(row);
    }
    Block::Table { header, rows }
}

/// The whole report of a comparison: `title` names the question (the command that ran it).
pub fn compare_report(comparison: &Comparison, title: &str) -> Report {
    let breaches: f64 = rows_of(comparison, Compared::Column(Metric::RoeBreaches))
        .iter()
        .filter_map(|r| r.estimate.as_ref().map(|e| e.mean))
        .sum();
    let mut report = Report::new(title)
        .fact("Options", comparison.options.len().to_string())
        .fact("Replications per option", comparison.runs.to_string())
        .fact("Seed", comparison.seed.to_string())
        .fact(
            "ROE breaches",
            if breaches == 0.0 {
                "none in any option".to_string()
            } else {
                "some: see compare.csv".to_string()
            },
        )
        .intro(Block::Text(
            "Per-night means with 95 % intervals (interceptor cost in million USD); Δ is the \
             difference to the first option, paired over common random numbers (replication r of \
             every option rolls the same dice), with its 95 % t interval."
                .to_string(),
        ))
        .intro(summary_table(comparison))
        .intro(Block::Links(
            comparison
                .options
                .iter()
                .map(|o| Link {
                    text: o.name.clone(),
                    href: format!("{}/report.html", o.dir),
                    note: if o.overlays.is_empty() {
                        format!("({}, as it is)", o.file)
                    } else {
                        format!("({} with {})", o.file, o.overlays.join(", "))
                    },
                })
                .collect(),
        ));
    for headline in &HEADLINES {
        report = report.section(metric_section(comparison, headline));
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sweep_names_shorten_to_their_values() {
        assert_eq!(
            short_label("authority.mode=per-engagement authority.approval_delay=600s"),
            "per-engagement, 600s"
        );
        assert_eq!(short_label("line 24E"), "line 24E");
        assert_eq!(short_label(&"x".repeat(40)).chars().count(), LABEL_CHARS);
    }

    #[test]
    fn numbers_keep_about_three_digits() {
        assert_eq!(num(36.04), "36.0");
        assert_eq!(num(0.3594), "0.359");
        assert_eq!(num(94.7), "94.7");
        assert_eq!(signed(7.83), "+7.83");
        assert_eq!(num(-0.0001), "0.000");
        assert_eq!(num(-0.25), "-0.250");
        assert_eq!(with_interval(9.47e7, None, 1e-6, false), "94.7");
    }
}
