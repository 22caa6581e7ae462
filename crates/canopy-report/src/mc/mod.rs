//! The report of a Monte Carlo directory (`canopy mc`): the distribution of leakers, leakers by
//! target, each nation's burden, costs, a map of one replication and the timeline.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use canopy_analysis::stats::{Z_95, wilson};
use canopy_analysis::{Manifest, McError, Outputs, Summary, run_one};
use canopy_geo::{Borders, ZoneShape};
use canopy_io::{Column, Table};
use canopy_scenario::{Scenario, ZoneKind};
use canopy_sim::PreparedScenario;
use serde_json::Value;

use crate::charts::{IntervalBar, StackedBar, histogram, interval_bars, stacked_bars};
use crate::document::{Report, Section};
use crate::map::{LonLatBox, MapDrawing, Marker};
use crate::scale::{colour, compact};

/// Width of the map, pixels.
const MAP_WIDTH: f64 = 820.0;

/// What a Monte Carlo report is built from.
#[derive(Clone, Copy, Debug)]
pub struct McReportInput<'a> {
    /// The experiment's definition.
    pub manifest: &'a Manifest,
    /// Its aggregate.
    pub summary: &'a Summary,
    /// Its table of runs (one row per replication).
    pub runs: &'a Table,
    /// The scenario run.
    pub scenario: &'a Scenario,
    /// The event log of one replication (JSON objects as in `docs/events.md`), for the map.
    pub events: &'a [Value],
    /// Which replication `events` belongs to.
    pub events_replication: u64,
}

/// The whole report of a Monte Carlo.
pub fn mc_report(input: &McReportInput) -> Report {
    let s = input.summary;
    let mut report = Report::new(format!("Canopy Monte Carlo: {}", input.scenario.name))
        .fact("Replications", s.runs.to_string())
        .fact("Seed", input.manifest.seed.to_string())
        .fact(
            "Picture / planner",
            format!("{} / {}", input.manifest.picture, input.manifest.planner),
        );
    for (name, label) in [
        ("leak_probability", "Leak probability (per threat)"),
        ("any_leaker_probability", "Nights with a leaker"),
        ("spillover_probability", "Nights with spillover"),
    ] {
        if let Some(p) = s.proportions.get(name)
            && let (Some(e), Some(ci)) = (p.estimate, p.wilson95)
        {
            report = report.fact(label, format!("{:.3} ({:.3}–{:.3})", e, ci.low, ci.high));
        }
    }
    report
        .section(leakers_section(s, input.runs))
        .section(targets_section(input.runs))
        .section(burden_section(s, input.scenario))
        .section(cost_section(s))
        .section(map_section(input))
        .section(timeline_section(s, input))
}

/// The mean of a column with its 95 % interval, as a bar.
fn column_bar(summary: &Summary, column: &str, label: &str) -> Option<IntervalBar> {
    let m = summary.columns.get(column)?;
    Some(IntervalBar {
        label: label.to_string(),
        value: m.mean,
        interval: m.ci95.map(|ci| (ci.low, ci.high)),
    })
}

/// The mean of a column, 0 when absent.
fn mean(summary: &Summary, column: &str) -> f64 {
    summary.columns.get(column).map_or(0.0, |m| m.mean)
}

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

fn leakers_section(s: &Summary, runs: &Table) -> Section {
    let section = Section::new("Leakers per night");
    match s.per_night.get("leaked") {
        Some(d) => {
            let q = |k: &str| d.quantiles.get(k).copied().unwrap_or(f64::NAN);
            let (edges, counts) = unit_histogram(runs, "leaked")
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
        None => section.text("No replication was aggregated."),
    }
}

/// The sum of a column of whole numbers over the runs (missing cells count 0).
fn column_sum(runs: &Table, column: &str) -> u64 {
    match runs.column(column) {
        Some(Column::UInt(values)) => values.iter().flatten().sum(),
        _ => 0,
    }
}

/// Leak probability by aim point: each target's leakers over the threats aimed at it that entered
/// the theatre, pooled over nights, with the 95 % Wilson interval.
fn targets_section(runs: &Table) -> Section {
    let mut rows = Vec::new();
    let bars: Vec<IntervalBar> = runs
        .columns
        .iter()
        .filter_map(|(c, _)| c.strip_prefix("entered_by_target."))
        .filter_map(|target| {
            let entered = column_sum(runs, &format!("entered_by_target.{target}"));
            let leaked = column_sum(runs, &format!("leakers_by_target.{target}"));
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
    section
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
        )
}

fn burden_section(s: &Summary, scenario: &Scenario) -> Section {
    let mut munitions = BTreeSet::new();
    for column in s.columns.keys() {
        if let Some(rest) = column.strip_prefix("nations.")
            && let Some((_, munition)) = rest.split_once(".munitions.")
        {
            munitions.insert(munition.to_string());
        }
    }
    let series: Vec<String> = munitions.into_iter().collect();
    let bars: Vec<StackedBar> = scenario
        .nations
        .iter()
        .filter(|n| {
            s.columns
                .contains_key(&format!("nations.{}.engagements", n.code))
        })
        .map(|n| {
            let key = |field: &str| format!("nations.{}.{field}", n.code);
            StackedBar {
                label: format!("{} ({})", n.name, n.code),
                parts: series
                    .iter()
                    .map(|m| mean(s, &key(&format!("munitions.{m}"))))
                    .collect(),
                note: format!(
                    "{} kills · ${}",
                    compact(mean(s, &key("kills"))),
                    compact(mean(s, &key("cost_usd")))
                ),
            }
        })
        .collect();
    Section::new("Burden by nation").figure(
        stacked_bars(&bars, &series, "interceptors launched per night (mean)"),
        "Mean engagements per night by nation, split by munition; after each bar its mean kills and \
         cost (interceptors and flight hours) per night.",
    )
}

fn cost_section(s: &Summary) -> Section {
    let bars: Vec<IntervalBar> = [
        ("interceptor_cost_usd", "interceptors"),
        ("flight_cost_usd", "flight hours"),
        ("threat_cost_destroyed_usd", "threats destroyed"),
    ]
    .iter()
    .filter_map(|(c, l)| column_bar(s, c, l))
    .collect();
    let ratio = match s.columns.get("cost_exchange") {
        Some(m) => match m.ci95 {
            Some(ci) => format!(
                "Cost exchange (interceptor cost over the cost of the threats destroyed): mean {:.2} per night (95 % interval {:.2} to {:.2}).",
                m.mean, ci.low, ci.high
            ),
            None => format!("Cost exchange: {:.2}.", m.mean),
        },
        None => "Cost exchange: no threat was destroyed.".to_string(),
    };
    Section::new("Cost exchange").text(ratio).figure(
        interval_bars(&bars, "USD per night (mean, 95 % interval)"),
        "What the defence spent per night against the value of what it destroyed.",
    )
}

/// The waits for approval in an event log: for each `approval`, its time less its `decision`'s.
fn approval_waits_s(events: &[Value]) -> Vec<f64> {
    let engagement = |e: &Value| e.get("engagement").and_then(Value::as_u64);
    let time = |e: &Value| e.get("time_s").and_then(Value::as_f64);
    let kind = |e: &Value, k: &str| e.get("kind").and_then(Value::as_str) == Some(k);
    let decided: BTreeMap<u64, f64> = events
        .iter()
        .filter(|e| kind(e, "decision"))
        .filter_map(|e| Some((engagement(e)?, time(e)?)))
        .collect();
    let mut waits: Vec<f64> = events
        .iter()
        .filter(|e| kind(e, "approval"))
        .filter_map(|e| Some(time(e)? - decided.get(&engagement(e)?)?))
        .collect();
    waits.sort_by(f64::total_cmp);
    waits
}

fn timeline_section(s: &Summary, input: &McReportInput) -> Section {
    let bars: Vec<IntervalBar> = [
        ("timeline.entry_to_decision_s", "theatre entry → decision"),
        ("timeline.decision_to_launch_s", "decision → launch"),
        ("timeline.launch_to_outcome_s", "launch → outcome"),
    ]
    .iter()
    .filter_map(|(c, l)| column_bar(s, c, l))
    .collect();
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
    Section::new("Timeline")
        .figure(
            interval_bars(&bars, "seconds (mean of the nightly medians, 95 % interval)"),
            "Each night's median time from a threat entering the theatre to the decision to engage it, \
             from decision to launch (approval included) and from launch to the outcome.",
        )
        .text(approvals)
}

/// A text field of an event, empty when absent.
fn text<'a>(event: &'a Value, field: &str) -> &'a str {
    event.get(field).and_then(Value::as_str).unwrap_or("")
}

/// Colour of spillover points.
const SPILL_COLOUR: &str = "#e07b00";

/// How a zone kind reads on the map: its name, its CSS class and its legend colour.
fn zone_kind(kind: ZoneKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        ZoneKind::Engagement => ("engagement", "engagement", "#8fc79a"),
        ZoneKind::NoFire => ("no fire", "no-fire", "#f2a3a3"),
        ZoneKind::ApprovalRequired => ("approval required", "approval", "#f2d27a"),
    }
}

/// A position object of an event (`{"lat_deg", "lon_deg"}`) as (lon, lat) degrees.
fn lon_lat(event: &Value, field: &str) -> Option<(f64, f64)> {
    let p = event.get(field)?;
    Some((p.get("lon_deg")?.as_f64()?, p.get("lat_deg")?.as_f64()?))
}

fn map_section(input: &McReportInput) -> Section {
    let scenario = input.scenario;
    let nation_colour = |code: &str| {
        scenario
            .nations
            .iter()
            .position(|n| n.code.as_str() == code)
            .map_or("#444", colour)
    };
    let kind = |e: &Value| {
        e.get("kind")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let kills: Vec<((f64, f64), String)> = input
        .events
        .iter()
        .filter(|e| kind(e) == "kill")
        .filter_map(|e| {
            let nation = e.get("nation")?.as_str()?.to_string();
            Some((lon_lat(e, "at")?, nation))
        })
        .collect();
    let impact_events: Vec<&Value> = input
        .events
        .iter()
        .filter(|e| kind(e) == "impact")
        .collect();
    let impacts: Vec<(f64, f64)> = impact_events
        .iter()
        .filter_map(|e| lon_lat(e, "at"))
        .collect();
    let impacts_at = |target: &str| {
        impact_events
            .iter()
            .filter(|e| e.get("target").and_then(Value::as_str) == Some(target))
            .count()
    };
    let spills: Vec<((f64, f64), String)> = input
        .events
        .iter()
        .filter(|e| kind(e) == "spillover")
        .filter_map(|e| {
            let what = format!(
                "spillover: {} in {} near {}",
                text(e, "object"),
                text(e, "country"),
                text(e, "near")
            );
            Some((lon_lat(e, "at")?, what))
        })
        .collect();
    let mut targets: Vec<&canopy_scenario::Place> = scenario
        .raids
        .iter()
        .flat_map(|r| r.targets.iter())
        .collect();
    targets.sort_by(|a, b| a.id.cmp(&b.id));
    targets.dedup_by(|a, b| a.id == b.id);
    let site_points = scenario
        .sites
        .iter()
        .map(|s| (s.at.lon_deg(), s.at.lat_deg()));
    let patrol_points = scenario
        .patrols
        .iter()
        .map(|p| (p.station.lon_deg(), p.station.lat_deg()));
    let target_points = targets.iter().map(|t| (t.at.lon_deg(), t.at.lat_deg()));
    let bbox = LonLatBox::around(
        site_points
            .chain(patrol_points)
            .chain(target_points)
            .chain(kills.iter().map(|(p, _)| *p))
            .chain(impacts.iter().copied())
            .chain(spills.iter().map(|(p, _)| *p)),
        1.0,
    )
    .unwrap_or(LonLatBox {
        min_lon_deg: 14.0,
        min_lat_deg: 44.0,
        max_lon_deg: 34.0,
        max_lat_deg: 56.0,
    });
    let mut map = MapDrawing::new(bbox, MAP_WIDTH);
    map.borders(Borders::bundled());
    map.meridian(
        scenario.theatre.entry_meridian_rad.to_degrees(),
        "theatre entry",
    );
    let mut area_kinds: Vec<ZoneKind> = Vec::new();
    for zone in &scenario.zones {
        let name = format!("{}: {}", zone_kind(zone.kind).0, zone.id);
        let class = format!("zone {}", zone_kind(zone.kind).1);
        let shaded = match &zone.shape {
            ZoneShape::WestOfMeridian { lon_rad } | ZoneShape::EastOfMeridian { lon_rad } => {
                map.meridian(lon_rad.to_degrees(), &name);
                false
            }
            ZoneShape::Polygon(polygon) => {
                map.area(polygon.rings_rad(), &class, &name);
                true
            }
            ZoneShape::Circle { centre, radius_m } => {
                map.geodesic_circle(*centre, *radius_m, &class, &name);
                true
            }
            ZoneShape::Countries(_) => false,
        };
        if shaded && !area_kinds.contains(&zone.kind) {
            area_kinds.push(zone.kind);
        }
    }
    for (p, nation) in &kills {
        map.marker(
            p.0,
            p.1,
            Marker::Dot,
            nation_colour(nation),
            &format!("intercept by {nation}"),
        );
    }
    for (p, what) in &spills {
        map.marker(p.0, p.1, Marker::Cross, SPILL_COLOUR, what);
    }
    for site in &scenario.sites {
        let code = scenario.nations[site.nation.index()].code;
        let (lon, lat) = (site.at.lon_deg(), site.at.lat_deg());
        map.marker(
            lon,
            lat,
            Marker::Triangle,
            nation_colour(code.as_str()),
            &format!("site {} ({code})", site.id),
        );
    }
    for patrol in &scenario.patrols {
        let code = scenario.nations[patrol.nation.index()].code;
        let (lon, lat) = (patrol.station.lon_deg(), patrol.station.lat_deg());
        map.marker(
            lon,
            lat,
            Marker::Diamond,
            nation_colour(code.as_str()),
            &format!("patrol {} ({code})", patrol.id),
        );
    }
    for t in &targets {
        let (lon, lat) = (t.at.lon_deg(), t.at.lat_deg());
        map.marker(
            lon,
            lat,
            Marker::Square,
            "#222",
            &format!("aim point {}", t.name),
        );
        match impacts_at(&t.id) {
            0 => map.label(lon, lat, &t.name),
            n => map.label(lon, lat, &format!("{} ({n} impacts)", t.name)),
        }
    }
    for p in &impacts {
        map.marker(p.0, p.1, Marker::Cross, "#c00000", "impact (leaker)");
    }
    let mut legend: Vec<(Marker, String, String)> = scenario
        .nations
        .iter()
        .filter(|n| {
            kills.iter().any(|(_, k)| k == n.code.as_str())
                || scenario.sites.iter().any(|s| s.nation == n.id)
        })
        .map(|n| {
            (
                Marker::Dot,
                nation_colour(n.code.as_str()).to_string(),
                format!("{} ({})", n.name, n.code),
            )
        })
        .collect();
    legend.push((Marker::Triangle, "#888".into(), "air-defence site".into()));
    legend.push((
        Marker::Diamond,
        "#888".into(),
        "fighter patrol station".into(),
    ));
    legend.push((Marker::Square, "#222".into(), "aim point".into()));
    legend.push((Marker::Cross, "#c00000".into(), "impact (leaker)".into()));
    legend.push((
        Marker::Cross,
        SPILL_COLOUR.into(),
        "spillover into NATO territory".into(),
    ));
    for kind in area_kinds {
        let (name, _, fill) = zone_kind(kind);
        legend.push((Marker::Square, fill.into(), format!("{name} zone")));
    }
    map.legend(&legend);
    Section::new("Map of one night").figure(
        map.finish("map of the region"),
        format!(
            "Replication {}: {} intercepts (dots, coloured by the shooter's nation), {} impacts and {} \
             spillovers (where a threat, interceptor or debris entered NATO territory). NATO members \
             are shaded green; dashed lines are the theatre entry meridian and meridian zones; \
             polygon and circle zones are shaded by kind.",
            input.events_replication,
            kills.len(),
            impacts.len(),
            spills.len()
        ),
    )
}

/// Writes `dir/report.html` for a finished Monte Carlo: the map shows `replication`, run again
/// here with its event log kept (one replication, a fraction of a second).
pub fn write_mc_report(
    dir: &Path,
    prepared: &PreparedScenario,
    manifest: &Manifest,
    outputs: &Outputs,
    replication: u64,
) -> Result<(), McError> {
    let with_events = Manifest {
        events: true,
        ..manifest.clone()
    };
    let record = run_one(prepared, &with_events, replication)?;
    let events: Vec<Value> = match &record.events {
        Some(text) => serde_json::from_str(text.get()).map_err(|err| McError::Corrupt {
            path: format!("the event log of replication {replication}"),
            problem: err.to_string(),
        })?,
        None => Vec::new(),
    };
    let input = McReportInput {
        manifest,
        summary: &outputs.summary,
        runs: &outputs.runs,
        scenario: &prepared.scenario,
        events: &events,
        events_replication: replication,
    };
    mc_report(&input)
        .write(&dir.join("report.html"))
        .map_err(McError::Output)
}
