//! The independent rules-of-engagement audit: re-checks every launch in the event log against
//! the scenario's rules with its own code (it shares no check with the planner's feasibility
//! code, only the scenario's zone shapes and the borders).

use std::collections::BTreeMap;

use canopy_core::EngagementId;
use canopy_geo::{Borders, CountryCode, GeoPoint, direct};
use canopy_scenario::{AuthorityMode, Scenario, ZoneKind};
use serde::Serialize;

use crate::event::{Event, Position};

/// Points on the edge of a debris footprint the audit checks against NATO territory.
pub const FOOTPRINT_EDGE_POINTS: usize = 16;

/// One engagement that broke a rule.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Breach {
    /// The engagement.
    pub engagement: EngagementId,
    /// The shooter's nation.
    pub nation: CountryCode,
    /// The rule broken.
    pub rule: &'static str,
}

/// Re-checks every launch of the log; returns the breaches found (one per engagement at most).
pub fn audit(scenario: &Scenario, events: &[Event]) -> Vec<Breach> {
    let borders = Borders::bundled();
    let mut decisions = BTreeMap::new();
    let mut approvals = BTreeMap::new();
    let mut breaches = Vec::new();
    for event in events {
        match event {
            Event::Decision {
                time, engagement, ..
            } => {
                decisions.insert(*engagement, time.as_secs_f64());
            }
            Event::Approval { time, engagement } => {
                approvals.insert(*engagement, time.as_secs_f64());
            }
            Event::Launch {
                time,
                engagement,
                class,
                nation,
                munition,
                from,
                dash_m,
                planned_intercept,
                slant_range_m,
                debris_centre,
                debris_radius_m,
                ..
            } => {
                let launch = LaunchRecord {
                    time_s: time.as_secs_f64(),
                    decided_s: decisions.get(engagement).copied(),
                    approved_s: approvals.get(engagement).copied(),
                    class: class.as_str(),
                    nation: nation.as_str(),
                    munition: munition.as_str(),
                    vectored_from: (*dash_m > 0.0).then(|| from.point()),
                    intercept: planned_intercept,
                    slant_range_m: *slant_range_m,
                    debris_centre: debris_centre.point(),
                    debris_radius_m: *debris_radius_m,
                };
                if let Some(rule) = first_broken_rule(scenario, borders, &launch) {
                    breaches.push(Breach {
                        engagement: *engagement,
                        nation: *nation,
                        rule,
                    });
                }
            }
            _ => {}
        }
    }
    breaches
}

struct LaunchRecord<'e> {
    time_s: f64,
    decided_s: Option<f64>,
    approved_s: Option<f64>,
    class: &'static str,
    nation: &'e str,
    munition: &'e str,
    /// A vectored fighter's launch point, whose zones are checked like the intercept's.
    vectored_from: Option<GeoPoint>,
    intercept: &'e Position,
    slant_range_m: f64,
    debris_centre: GeoPoint,
    debris_radius_m: f64,
}

fn first_broken_rule(
    scenario: &Scenario,
    borders: &Borders,
    launch: &LaunchRecord,
) -> Option<&'static str> {
    let Some(nation) = scenario
        .nations
        .iter()
        .find(|n| n.code.as_str() == launch.nation)
    else {
        return Some("unknown nation");
    };
    let Some(rules) = &nation.rules else {
        return Some("nation without rules engaged");
    };
    if !rules
        .threat_classes
        .iter()
        .any(|class| class.as_str() == launch.class)
    {
        return Some("threat class not allowed");
    }
    let Some(munition) = scenario
        .library
        .munitions
        .iter()
        .find(|m| m.id == launch.munition)
    else {
        return Some("unknown munition");
    };
    const TOLERANCE_M: f64 = 1e-6;
    if launch.slant_range_m > munition.max_range_m + TOLERANCE_M
        || launch.slant_range_m < munition.min_range_m - TOLERANCE_M
    {
        return Some("outside munition range");
    }
    if launch.intercept.alt_m > munition.max_altitude_m + TOLERANCE_M
        || launch.intercept.alt_m < munition.min_altitude_m - TOLERANCE_M
    {
        return Some("outside munition altitude band");
    }
    let point = launch.intercept.point();
    let zones_of = |kind: ZoneKind| {
        scenario
            .zones
            .iter()
            .filter(move |zone| zone.kind == kind && zone.nations.contains(&nation.id))
    };
    if !zones_of(ZoneKind::Engagement).any(|zone| zone.shape.contains(point)) {
        return Some("intercept outside the nation's engagement zones");
    }
    if zones_of(ZoneKind::NoFire).any(|zone| zone.shape.contains(point)) {
        return Some("intercept inside a no-fire zone");
    }
    if let Some(from) = launch.vectored_from
        && (!zones_of(ZoneKind::Engagement).any(|zone| zone.shape.contains(from))
            || zones_of(ZoneKind::NoFire).any(|zone| zone.shape.contains(from)))
    {
        return Some("vectored launch point outside the nation's engagement zones");
    }
    for (country, minimum_m) in &rules.min_distance_from {
        if borders
            .distance_to_country_m(point, *country)
            .is_some_and(|d| d < *minimum_m)
        {
            return Some("intercept closer to a named country than allowed");
        }
    }
    if rules.forbid_debris_on_nato
        && footprint_touches_nato(borders, launch.debris_centre, launch.debris_radius_m)
    {
        return Some("debris footprint over NATO territory");
    }
    let needs_approval = (nation.coalition
        && scenario.authority.mode == AuthorityMode::PerEngagement)
        || zones_of(ZoneKind::ApprovalRequired).any(|zone| zone.shape.contains(point));
    if needs_approval {
        let delay_s = scenario.authority.approval_delay.as_secs_f64();
        let approved_in_time = launch
            .approved_s
            .is_some_and(|approved| approved <= launch.time_s);
        let waited = launch
            .decided_s
            .is_some_and(|decided| launch.time_s - decided >= delay_s - 1e-6);
        if !(approved_in_time && waited) {
            return Some("launched without approval");
        }
    }
    None
}

/// Whether the centre or any of [`FOOTPRINT_EDGE_POINTS`] points on the footprint's edge lies in
/// NATO territory.
fn footprint_touches_nato(borders: &Borders, centre: GeoPoint, radius_m: f64) -> bool {
    let edge = (0..FOOTPRINT_EDGE_POINTS).map(|k| {
        let azimuth = std::f64::consts::TAU * k as f64 / FOOTPRINT_EDGE_POINTS as f64;
        direct(centre, azimuth, radius_m)
    });
    std::iter::once(centre)
        .chain(edge)
        .any(|point| borders.is_nato_territory(point))
}
