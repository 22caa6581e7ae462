//! The readable run summary printed by `canopy run`.

use std::fmt::Write;

use canopy_core::human::usd;
use canopy_sim::RunMetrics;

/// Renders the metrics of one run as plain-text tables, the overlays it ran with (`KEY=VALUE`)
/// named under the header line.
pub fn render(metrics: &RunMetrics, overlays: &[String]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Scenario {} — seed {}, picture {}, planner {}; run ended at {}",
        metrics.scenario,
        metrics.seed,
        metrics.picture,
        metrics.planner,
        clock(metrics.end_time_s)
    );
    if !overlays.is_empty() {
        let _ = writeln!(out, "overlays: {}", overlays.join(", "));
    }
    threats_table(&mut out, metrics);
    leakers_table(&mut out, metrics);
    nations_table(&mut out, metrics);
    let _ = writeln!(
        out,
        "\nCost: interceptors {}, flight hours {}; threats destroyed worth {}; cost exchange {}",
        usd(metrics.interceptor_cost_usd),
        usd(metrics.flight_cost_usd),
        usd(metrics.threat_cost_destroyed_usd),
        metrics
            .cost_exchange
            .map_or_else(|| "n/a".to_string(), |ratio| format!("{ratio:.2}")),
    );
    spillover_table(&mut out, metrics);
    let _ = writeln!(
        out,
        "\nROE breaches found by the independent audit: {}",
        metrics.roe_breaches
    );
    let timeline = &metrics.timeline;
    let _ = writeln!(
        out,
        "Timeline medians: entry -> decision {}, decision -> launch {}, launch -> outcome {}",
        seconds(timeline.entry_to_decision_s),
        seconds(timeline.decision_to_launch_s),
        seconds(timeline.launch_to_outcome_s)
    );
    if metrics.launches_withheld > 0 {
        let _ = writeln!(
            out,
            "Launches withheld by the shooter's fire control (threat out of reach at launch): {}",
            metrics.launches_withheld
        );
    }
    if !metrics.unengaged_reasons.is_empty() {
        let _ = writeln!(
            out,
            "Never engaged, by furthest reason: {}",
            counts(&metrics.unengaged_reasons)
        );
    }
    out
}

fn threats_table(out: &mut String, metrics: &RunMetrics) {
    let _ = writeln!(
        out,
        "\n{:<14} {:>8} {:>9} {:>8} {:>9} {:>6} {:>7} {:>8}  destroyed by",
        "threat", "launched", "attrited", "entered", "destroyed", "lost", "leaked", "airborne"
    );
    for (kind, outcome) in &metrics.threat_types {
        let by = counts(&outcome.destroyed_by);
        let _ = writeln!(
            out,
            "{:<14} {:>8} {:>9} {:>8} {:>9} {:>6} {:>7} {:>8}  {}",
            kind,
            outcome.launched,
            outcome.attrited_en_route,
            outcome.entered_theatre,
            outcome.destroyed,
            outcome.lost,
            outcome.leaked,
            outcome.airborne_at_end,
            by
        );
    }
    let _ = writeln!(
        out,
        "{:<14} {:>8} {:>9} {:>8} {:>9} {:>6} {:>7} {:>8}  interception rate {}",
        "total",
        metrics.launched,
        metrics.attrited_en_route,
        metrics.entered_theatre,
        metrics.destroyed,
        metrics.lost,
        metrics.leaked,
        metrics.airborne_at_end,
        metrics.interception_rate.map_or_else(
            || "n/a".to_string(),
            |rate| format!("{:.1} %", rate * 100.0)
        )
    );
}

fn leakers_table(out: &mut String, metrics: &RunMetrics) {
    if metrics.leakers_by_target.is_empty() {
        let _ = writeln!(out, "\nNo leakers.");
        return;
    }
    let _ = writeln!(
        out,
        "\nLeakers by target: {}",
        counts(&metrics.leakers_by_target)
    );
}

fn nations_table(out: &mut String, metrics: &RunMetrics) {
    let _ = writeln!(
        out,
        "\n{:<6} {:>7} {:>5} {:>8} {:>8} {:>14}  munitions; interception rate by threat type",
        "nation", "engaged", "kills", "sorties", "fl. hrs", "cost"
    );
    for (code, burden) in &metrics.nations {
        let munitions = counts(&burden.munitions);
        let rates: Vec<String> = burden
            .interception_rate_by_threat_type
            .iter()
            .filter(|(_, rate)| **rate > 0.0)
            .map(|(kind, rate)| format!("{kind} {:.0} %", rate * 100.0))
            .collect();
        let _ = writeln!(
            out,
            "{:<6} {:>7} {:>5} {:>8} {:>8.1} {:>14}  {}; {}",
            code,
            burden.engagements,
            burden.kills,
            burden.sorties,
            burden.flight_hours,
            usd(burden.cost_usd),
            if munitions.is_empty() {
                "-".to_string()
            } else {
                munitions
            },
            if rates.is_empty() {
                "-".to_string()
            } else {
                rates.join(", ")
            },
        );
    }
}

fn spillover_table(out: &mut String, metrics: &RunMetrics) {
    let spillover = &metrics.spillover;
    let _ = writeln!(
        out,
        "\nSpillover into NATO territory: {} (threats {}, interceptors {}, debris {})",
        spillover.count, spillover.threats, spillover.interceptors, spillover.debris
    );
    for record in &spillover.events {
        let _ = writeln!(
            out,
            "  {} {:<11} T{:<4} {} near {}, {:.0} s inside, depth {:.1} km",
            clock(record.time_s),
            format!("{:?}", record.object).to_lowercase(),
            record.threat.0,
            record.country,
            record.near,
            record.time_inside_s,
            record.depth_m / 1000.0
        );
    }
    let debris = &metrics.debris;
    let by_country = &debris.over_populated_areas_by_country;
    let _ = writeln!(
        out,
        "Debris and missed interceptors over populated areas: {}{}",
        debris.over_populated_areas,
        if by_country.is_empty() {
            String::new()
        } else {
            format!(" ({})", counts(by_country))
        }
    );
}

/// A map of counts as `key count, key count`.
fn counts(map: &std::collections::BTreeMap<String, u32>) -> String {
    let parts: Vec<String> = map
        .iter()
        .map(|(key, count)| format!("{key} {count}"))
        .collect();
    parts.join(", ")
}

fn seconds(value: Option<f64>) -> String {
    value.map_or_else(|| "n/a".to_string(), |s| format!("{s:.0} s"))
}

fn clock(time_s: f64) -> String {
    let total = time_s.max(0.0) as u64;
    format!(
        "+{:02}:{:02}:{:02}",
        total / 3600,
        (total / 60) % 60,
        total % 60
    )
}
