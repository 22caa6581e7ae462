//! The names of the metric columns (`canopy_sim::metrics::columns`) against the table a
//! `RunMetrics` flattens to: every name is a column holding the value its accessor reads, and
//! every column has a name, so names and fields cannot drift apart.

use std::collections::{BTreeMap, BTreeSet};

use canopy_core::ThreatId;
use canopy_io::{Column, Missing, Table};
use canopy_sim::SpilloverObject;
use canopy_sim::metrics::columns::{
    destroyed_by_column, nation_interception_rate_column, nation_munition_column,
};
use canopy_sim::metrics::{
    CountMap, DebrisSummary, Metric, NationBurden, NationMetric, RunMetrics, SpilloverRecord,
    SpilloverSummary, ThreatTypeMetric, ThreatTypeOutcome, Timeline,
};

fn counts(pairs: &[(&str, u32)]) -> BTreeMap<String, u32> {
    pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

/// A run whose every number differs from every other, and whose every map holds a key.
fn sample() -> RunMetrics {
    let poland = NationBurden {
        engagements: 101,
        kills: 102,
        munitions: counts(&[("pac3-mse", 103)]),
        interceptor_cost_usd: 104.5,
        flight_cost_usd: 105.5,
        cost_usd: 106.5,
        sorties: 107,
        flight_hours: 108.5,
        interception_rate_by_threat_type: BTreeMap::from([("shahed-136".to_string(), 0.109)]),
        tracks_contributed: 110,
        sole_source_tracks: 111,
        threats_held_without: 112,
    };
    let shahed = ThreatTypeOutcome {
        launched: 201,
        attrited_en_route: 202,
        entered_theatre: 203,
        destroyed: 204,
        destroyed_by: counts(&[("PL", 205)]),
        lost: 208,
        leaked: 206,
        airborne_at_end: 207,
    };
    let record = SpilloverRecord {
        object: SpilloverObject::Debris,
        threat: ThreatId(3),
        country: "PL".into(),
        near: "Przemyśl".into(),
        time_s: 1.0,
        time_inside_s: 2.0,
        depth_m: 3.0,
    };
    RunMetrics {
        scenario: "sample".into(),
        seed: 1,
        replication: 2,
        picture: canopy_sim::PictureMode::Tracked,
        planner: canopy_sim::PlannerKind::Wta,
        launched: 3,
        attrited_en_route: 4,
        entered_theatre: 5,
        destroyed: 6,
        lost: 9,
        leaked: 7,
        airborne_at_end: 8,
        interception_rate: Some(0.9),
        engagements: 10,
        interceptor_cost_usd: 11.5,
        flight_cost_usd: 12.5,
        threat_cost_destroyed_usd: 13.5,
        cost_exchange: Some(14.5),
        roe_breaches: 15,
        picture_gospa_m: 16.5,
        picture_completeness: 0.17,
        picture_spuriousness: 0.18,
        spillover: SpilloverSummary {
            count: 19,
            threats: 20,
            interceptors: 21,
            debris: 22,
            events: vec![record],
        },
        debris: DebrisSummary {
            over_populated_areas: 41,
            over_populated_areas_by_country: counts(&[("UA", 42)]),
        },
        threat_types: BTreeMap::from([("shahed-136".to_string(), shahed)]),
        leakers_by_target: counts(&[("lviv", 23)]),
        entered_by_target: counts(&[("lviv", 24)]),
        nations: BTreeMap::from([("PL".to_string(), poland)]),
        unengaged_reasons: counts(&[("no_shooter_in_range", 25)]),
        approval_requests: 26,
        approval_refusals: 27,
        launches_withheld: 43,
        approval_wait_s: 28.5,
        approval_wait_mean_s: Some(29.5),
        leaked_awaiting_approval: 30,
        patrol_gap_s: 31.5,
        timeline: Timeline {
            entry_to_decision_s: Some(32.5),
            decision_to_launch_s: Some(33.5),
            launch_to_outcome_s: Some(34.5),
        },
        track_latency_s_mean: Some(35.5),
        track_latency_s_p90: Some(36.5),
        threats_held: 43,
        threats_never_tracked: 37,
        engagements_enabled_by: counts(&[("SK", 38)]),
        engagements_enabled_by_other_nation: 39,
        end_time_s: 40.5,
    }
}

/// The single cell of a one-row table's column, as a real.
fn cell(table: &Table, name: &str) -> Option<f64> {
    match table.column(name) {
        Some(Column::UInt(v)) => v[0].map(|x| x as f64),
        Some(Column::Int(v)) => v[0].map(|x| x as f64),
        Some(Column::Float(v)) => v[0],
        other => panic!("`{name}` is not a numeric column: {other:?}"),
    }
}

#[test]
fn every_named_column_holds_its_field_and_every_column_is_named() {
    let metrics = sample();
    let row = serde_json::to_value(&metrics).unwrap();
    let table = Table::from_rows(&[row], Missing::Null);
    let mut named: BTreeMap<String, Option<f64>> = BTreeMap::new();
    for metric in Metric::ALL {
        named.insert(metric.name().to_string(), metric.value(&metrics));
    }
    for (code, burden) in &metrics.nations {
        for field in NationMetric::ALL {
            named.insert(field.column(code), Some(field.value(burden)));
        }
        for (munition, count) in &burden.munitions {
            named.insert(
                nation_munition_column(code, munition),
                Some(f64::from(*count)),
            );
        }
        for (kind, rate) in &burden.interception_rate_by_threat_type {
            named.insert(nation_interception_rate_column(code, kind), Some(*rate));
        }
    }
    for (kind, outcome) in &metrics.threat_types {
        for field in ThreatTypeMetric::ALL {
            named.insert(field.column(kind), Some(f64::from(field.value(outcome))));
        }
        for (code, count) in &outcome.destroyed_by {
            named.insert(destroyed_by_column(kind, code), Some(f64::from(*count)));
        }
    }
    for map in CountMap::ALL {
        for (key, count) in map.value(&metrics) {
            named.insert(map.column(key), Some(f64::from(*count)));
        }
    }
    for (name, value) in &named {
        assert_eq!(cell(&table, name), *value, "column `{name}`");
    }
    let text = ["scenario", "picture", "planner"];
    let unnamed: BTreeSet<&str> = table
        .columns
        .iter()
        .map(|(name, _)| name.as_str())
        .filter(|name| !named.contains_key(*name) && !text.contains(name))
        .collect();
    assert!(unnamed.is_empty(), "columns without a name: {unnamed:?}");
}
