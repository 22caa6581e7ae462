//! The sections of the Monte Carlo report drawn from the runs and their summary: leakers per
//! night, leak probability by target, burden by nation, cost exchange and the timeline.

use std::collections::{BTreeMap, BTreeSet};

use canopy_analysis::Summary;
use canopy_analysis::figures::PerNight;
use canopy_analysis::stats::{Z_95, wilson};
use canopy_io::{Column, Table};
use canopy_scenario::Scenario;
use canopy_sim::Event;
use canopy_sim::metrics::columns::{nation_munition_column, nation_munition_of};
use canopy_sim::metrics::{CountMap, Metric, NationMetric};

use super::McReportInput;
use super::columns::{Unreadable, column_bars, count_mean, count_total, mean, moments, with_notes};
use crate::charts::{IntervalBar, StackedBar, histogram, interval_bars, stacked_bars};
use crate::document::Section;
use crate::scale::compact;
use crate::theatre::munition_colour;

/// Most bins of a one-count-per-bin histogram of whole numbers.
const MAX_UNIT_BINS: u64 = 80;

/// A histogram with one bin per whole number (edges at the half-integers) of a column of whole
/// numbers spanning at most [`MAX_UNIT_BINS`] values; `None` otherwise.
fn unit_histogram(runs: &Table, column: &str) -> Option<(Vec<f64>, Vec<u64>)> {
    let Some(Column::UInt(values)) = runs.column(column) else {
        return None;
    };
    let values: Vec<u64> = values.iter().flatten().copied().collect();
    let (lo, hi) = (*values.iter().min()?, *values.iter().max()?);
    if hi - lo >= MAX_UNIT_BINS {
        return None;
    }
    let mut counts = vec![0; (hi - lo + 1) as usize];
    for v in values {
        counts[(v - lo) as usize] += 1;
    }
    let edges = (lo..=hi + 1).map(|v| v as f64 - 0.5).collect();
    Some((edges, counts))
}

/// The distribution of leakers per night.
pub(super) fn leakers_section(s: &Summary, runs: &Table) -> Section {
    let section = Section::new("Leakers per night");
    let leaked = Metric::Leaked.name();
    match s.distribution(PerNight::Leaked) {
        Some(d) => {
            let q = |k: &str| d.quantiles.get(k).copied().unwrap_or(f64::NAN);
            let (edges, counts) = unit_histogram(runs, leaked)
                .unwrap_or_else(|| (d.histogram.edges.clone(), d.histogram.counts.clone()));
            section.figure(
                histogram(&edges, &counts, "leakers in a night", "nights"),
                format!(
                    "Threats reaching their aim point per night over {} nights: mean {:.2}, median {}, 5–95 % {}–{}.",
                    s.runs,
                    d.moments.mean,
                    compact(q("p50")),
                    compact(q("p05")),
                    compact(q("p95"))
                ),
            )
        }
        None if s.runs == 0 => section.text("No replication was aggregated."),
        None => with_notes(section, &[Unreadable::missing(leaked)]),
    }
}

/// Leak probability by aim point: each target's leakers over the threats aimed at it that entered
/// the theatre, pooled over nights, with the 95 % Wilson interval.
pub(super) fn targets_section(runs: &Table) -> Section {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let bars: Vec<IntervalBar> = runs
        .columns
        .iter()
        .filter_map(|(c, _)| CountMap::EnteredByTarget.key_of(c))
        .filter_map(|target| {
            let counts =
                count_total(runs, &CountMap::EnteredByTarget.column(target)).and_then(|entered| {
                    let leaked = count_total(runs, &CountMap::LeakersByTarget.column(target))?;
                    Ok((entered, leaked))
                });
            let (entered, leaked) = counts.map_err(|problem| problems.push(problem)).ok()?;
            let interval = wilson(leaked, entered, Z_95)?;
            let p = leaked as f64 / entered as f64;
            rows.push(vec![
                target.to_string(),
                entered.to_string(),
                leaked.to_string(),
                format!("{p:.3} [{:.3}, {:.3}]", interval.low, interval.high),
            ]);
            Some(IntervalBar {
                label: target.to_string(),
                value: p,
                interval: Some((interval.low, interval.high)),
            })
        })
        .collect();
    let mut section = Section::new("Leak probability by target");
    if bars.is_empty() {
        section = section.text("No threat entered the theatre in any replication.");
    }
    let section = section
        .figure(
            interval_bars(&bars, "leak probability (95 % Wilson interval)"),
            "Share of the threats aimed at each aim point that reached it, over every night, with the \
             95 % Wilson interval (threats of one night are pooled as independent trials).",
        )
        .table(
            ["aim point", "entered", "leaked", "leak probability [95 %]"]
                .map(String::from)
                .to_vec(),
            rows,
        );
    with_notes(section, &problems)
}

/// Each nation's mean engagements per night by munition, with its mean kills and cost.
pub(super) fn burden_section(s: &Summary, runs: &Table, scenario: &Scenario) -> Section {
    let munitions: BTreeSet<String> = s
        .columns
        .keys()
        .filter_map(|column| nation_munition_of(column))
        .map(|(_, munition)| munition.to_string())
        .collect();
    let series: Vec<(String, &str)> = munitions
        .into_iter()
        .map(|m| {
            let fill = munition_colour(&scenario.library, &m);
            (m, fill)
        })
        .collect();
    let mut problems = Vec::new();
    let bars: Vec<StackedBar> = scenario
        .nations
        .iter()
        .filter(|n| {
            s.columns
                .contains_key(&NationMetric::Engagements.column(n.code.as_str()))
        })
        .map(|n| {
            let code = n.code.as_str();
            let kills = mean(s, runs, &NationMetric::Kills.column(code));
            let cost = mean(s, runs, &NationMetric::CostUsd.column(code));
            let note = match (kills, cost) {
                (Ok(kills), Ok(cost)) => {
                    format!("{} kills · ${}", compact(kills), compact(cost))
                }
                (kills, cost) => {
                    problems.extend(kills.err());
                    problems.extend(cost.err());
                    String::new()
                }
            };
            StackedBar {
                label: format!("{} ({})", n.name, n.code),
                parts: series
                    .iter()
                    .map(|(m, _)| count_mean(s, &nation_munition_column(code, m)))
                    .collect(),
                note,
            }
        })
        .collect();
    let section = Section::new("Burden by nation").figure(
        stacked_bars(&bars, &series, "interceptors launched per night (mean)"),
        "Mean engagements per night by nation, split by munition; after each bar its mean kills and \
         cost (interceptors and flight hours) per night.",
    );
    with_notes(section, &problems)
}

/// Who built the tracked picture: each nation's tracks that held a threat, fed by its sensors
/// and by its sensors alone, and the share of the threats held with every sensor and, to first
/// order, without the nation's (none for the perfect picture, which no sensor builds).
pub(super) fn picture_sources_section(
    s: &Summary,
    runs: &Table,
    scenario: &Scenario,
) -> Option<Section> {
    let mut problems = Vec::new();
    let entered = mean(s, runs, Metric::EnteredTheatre.name())
        .map_err(|problem| problems.push(problem))
        .ok();
    // A mean number of threats held over the mean number that entered the theatre, as a
    // percentage.
    let mut share_of_entered = |column: &str| match (mean(s, runs, column), entered) {
        (Ok(held), Some(entered)) if entered > 0.0 => format!("{:.1} %", 100.0 * held / entered),
        (Ok(_), Some(_)) => "n/a".to_string(),
        (Ok(_), None) => String::new(),
        (Err(problem), _) => {
            problems.push(problem);
            String::new()
        }
    };
    let rows: Vec<Vec<String>> = scenario
        .nations
        .iter()
        .filter(|n| {
            s.columns
                .get(&NationMetric::TracksContributed.column(n.code.as_str()))
                .is_some_and(|m| m.mean > 0.0)
        })
        .map(|n| {
            let code = n.code.as_str();
            vec![
                format!("{} ({})", n.name, n.code),
                format!(
                    "{:.1}",
                    count_mean(s, &NationMetric::TracksContributed.column(code))
                ),
                format!(
                    "{:.1}",
                    count_mean(s, &NationMetric::SoleSourceTracks.column(code))
                ),
                share_of_entered(&NationMetric::ThreatsHeldWithout.column(code)),
            ]
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let held = share_of_entered(Metric::ThreatsHeld.name());
    let section = Section::new("Who built the picture")
        .text(format!(
            "Per night (mean), the tracks that held a threat and that each nation's sensors fed, \
             and those no other nation's sensors fed. With every sensor the picture held {held} of \
             the threats that entered the theatre (mean threats held over mean threats entered). \
             The last column is the share it would still have held without the nation's sensors, \
             to first order: the threats held by some track those sensors did not feed alone. It \
             ignores that without them the other nations' tracks would have formed later or \
             worse, so it is an upper bound (docs/methods.md)."
        ))
        .table(
            vec![
                "nation".to_string(),
                "tracks contributed".to_string(),
                "sole-source tracks".to_string(),
                "threats held without its sensors".to_string(),
            ],
            rows,
        );
    Some(with_notes(section, &problems))
}

/// The cost exchange, and what the defence spent against what it destroyed.
pub(super) fn cost_section(s: &Summary, runs: &Table) -> Section {
    let (bars, problems) = column_bars(
        s,
        runs,
        &[
            (Metric::InterceptorCostUsd.name(), "interceptors"),
            (Metric::FlightCostUsd.name(), "flight hours"),
            (Metric::ThreatCostDestroyedUsd.name(), "threats destroyed"),
        ],
    );
    let ratio = match moments(s, runs, Metric::CostExchange.name()) {
        Ok(Some(m)) => match m.ci95 {
            Some(ci) => format!(
                "Cost exchange (interceptor cost over the cost of the threats destroyed): mean {:.2} per night (95 % interval {:.2} to {:.2}).",
                m.mean, ci.low, ci.high
            ),
            None => format!("Cost exchange: {:.2}.", m.mean),
        },
        Ok(None) => "Cost exchange: no threat was destroyed.".to_string(),
        Err(problem) => problem.note(),
    };
    let section = Section::new("Cost exchange").text(ratio).figure(
        interval_bars(&bars, "USD per night (mean, 95 % interval)"),
        "What the defence spent per night against the value of what it destroyed.",
    );
    with_notes(section, &problems)
}

/// The waits for approval in an event log: for each approval, its time less its decision's.
fn approval_waits_s(events: &[Event]) -> Vec<f64> {
    let decided: BTreeMap<_, f64> = events
        .iter()
        .filter_map(|event| match event {
            Event::Decision {
                time, engagement, ..
            } => Some((*engagement, time.as_secs_f64())),
            _ => None,
        })
        .collect();
    let mut waits: Vec<f64> = events
        .iter()
        .filter_map(|event| match event {
            Event::Approval { time, engagement } => {
                Some(time.as_secs_f64() - decided.get(engagement)?)
            }
            _ => None,
        })
        .collect();
    waits.sort_by(f64::total_cmp);
    waits
}

/// The nightly median latencies of the engagement chain, and the waits for approval in the
/// replication of the event log.
pub(super) fn timeline_section(input: &McReportInput) -> Section {
    let (bars, problems) = column_bars(
        input.summary,
        input.runs,
        &[
            (Metric::EntryToDecisionS.name(), "theatre entry → decision"),
            (Metric::DecisionToLaunchS.name(), "decision → launch"),
            (Metric::LaunchToOutcomeS.name(), "launch → outcome"),
        ],
    );
    let waits = approval_waits_s(input.events);
    let approvals = match (waits.first(), waits.get(waits.len() / 2), waits.last()) {
        (Some(min), Some(median), Some(max)) => format!(
            "Approvals in replication {}: {} engagements waited for approval; wait {} s shortest, {} s median, {} s longest.",
            input.events_replication,
            waits.len(),
            compact(*min),
            compact(*median),
            compact(*max)
        ),
        _ => format!(
            "No engagement of replication {} waited for approval.",
            input.events_replication
        ),
    };
    let section = Section::new("Timeline")
        .figure(
            interval_bars(&bars, "seconds (mean of the nightly medians, 95 % interval)"),
            "Each night's median time from a threat entering the theatre to the decision to engage it, \
             from decision to launch (approval included) and from launch to the outcome.",
        )
        .text(approvals);
    with_notes(section, &problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Block;
    use canopy_analysis::summarise;
    use canopy_io::Missing;
    use canopy_sim::RunMetrics;
    use canopy_sim::metrics::NationBurden;

    #[test]
    fn a_cost_column_the_runs_lack_is_a_note_in_the_cost_section_not_a_zero_bar() {
        let night = serde_json::to_value(RunMetrics {
            interceptor_cost_usd: 3.0e6,
            flight_cost_usd: 5.0e4,
            ..RunMetrics::default()
        })
        .unwrap();
        let mut runs = Table::from_rows(&[night], Missing::ZeroCounts);
        runs.columns.retain(|(name, _)| name != "flight_cost_usd");
        let summary = summarise(&runs);
        let section = cost_section(&summary, &runs);
        let note = "Not shown: the column `flight_cost_usd` is not in the runs.";
        assert!(section.blocks.contains(&Block::Text(note.to_string())));
    }

    #[test]
    fn the_picture_section_shows_the_threats_held_with_and_without_each_nations_sensors() {
        // Two nights: 10 and 20 threats entered (mean 15), 9 and 15 held (mean 12: 80.0 %).
        // Without Ukraine's sensors 3 and 9 would still be held (mean 6: 40.0 %), without
        // Poland's 6 and 12 (mean 9: 60.0 %).
        let night = |entered, held, [ua, pl]: [u32; 2]| {
            let burden = |threats_held_without| NationBurden {
                tracks_contributed: 4,
                threats_held_without,
                ..NationBurden::default()
            };
            serde_json::to_value(RunMetrics {
                entered_theatre: entered,
                threats_held: held,
                nations: BTreeMap::from([
                    ("PL".to_string(), burden(pl)),
                    ("UA".to_string(), burden(ua)),
                ]),
                ..RunMetrics::default()
            })
            .unwrap()
        };
        let runs = Table::from_rows(
            &[night(10, 9, [3, 6]), night(20, 15, [9, 12])],
            Missing::ZeroCounts,
        );
        let summary = summarise(&runs);
        let scenario = canopy_scenario::load_scenario(&canopy_scenario::default_scenario_path())
            .expect("the default scenario loads");
        let section =
            picture_sources_section(&summary, &runs, &scenario).expect("a tracked picture");
        let Some(Block::Text(text)) = section.blocks.first() else {
            panic!("the section opens with its text");
        };
        assert!(
            text.contains("the picture held 80.0 % of the threats"),
            "{text}"
        );
        let Some(Block::Table { rows, .. }) = section.blocks.get(1) else {
            panic!("a table follows");
        };
        let shares: Vec<(&str, &str)> = rows
            .iter()
            .map(|row| (row[0].as_str(), row[3].as_str()))
            .collect();
        assert_eq!(
            shares,
            [("Ukraine (UA)", "40.0 %"), ("Poland (PL)", "60.0 %")]
        );
    }
}
