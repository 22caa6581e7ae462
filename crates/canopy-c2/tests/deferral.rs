//! The WTA planner waits for a cheap later layer rather than fire a dear round now, and says so
//! (`deferred`); with a round now that beats the later layer, it fires.

mod common;

use canopy_c2::{AirPicture, Infeasible, Plan, Planner, WtaPlanner};
use canopy_core::SimTime;
use canopy_geo::{EnuPosition, EnuVelocity, GeoPoint};
use canopy_scenario::{DEFAULT_COST_WEIGHT, ThreatClass};
use common::{Fixture, exact_track, nasams_scenario};

/// A sure drone at 1,000 m over [49.80, 25.10] flying due west at 47 m/s, straight at the
/// scenario's depot ([49.80, 24.60], 35.8 km ahead); site A at [49.80, 25.00] (7.2 km ahead of it)
/// holds one round of `munition`; site B at [49.80, 24.80], 21.5 km ahead, one Gepard burst (out
/// of its 3.5 km reach now, on the drone's path later).
fn plan_with(munition: &str) -> Plan {
    let fixture = Fixture::new(nasams_scenario());
    let at = |lon: f64| {
        fixture
            .geometry
            .frame
            .to_enu(GeoPoint::from_degrees(49.80, lon).unwrap(), 0.0)
    };
    let start = at(25.10);
    let track = exact_track(
        1,
        ThreatClass::Drone,
        EnuPosition {
            up_m: start.up_m + 1000.0,
            ..start
        },
        EnuVelocity {
            east_mps: -47.0,
            north_mps: 0.0,
            up_mps: 0.0,
        },
    );
    let a = fixture.site(0, at(25.00), &[munition]);
    let b = fixture.site(1, at(24.80), &["gepard-35mm"]);
    let picture = AirPicture {
        time: SimTime::START,
        tracks: vec![track],
    };
    WtaPlanner.plan(&fixture.context(DEFAULT_COST_WEIGHT), &picture, &[a, b])
}

#[test]
fn a_dear_round_now_waits_for_the_gepard_on_the_drones_path() {
    // The drone heads straight for the depot (50 M USD, weight 1; somewhere unlisted 20 M,
    // weight 0.1): (50 + 2) / 1.1 = 47.27 M, of which a drone does 0.1: 4.727 M. Only site A can
    // engage it now, so the whole value is at stake. λ = 2. Now, AIM-120C from NASAMS:
    // 0.85 · 4.727 − 2 · 1.1 = 1.818 M. Later, the Gepard: 0.8 · (0.6 · 4.727 − 2 · 0.008) =
    // 2.256 M, above 1.818 · 1.05 = 1.909 M: wait.
    let plan = plan_with("aim-120c-gl");
    assert!(plan.orders.is_empty(), "{:?}", plan.orders);
    let reasons: Vec<Infeasible> = plan.unengaged.iter().map(|(_, reason)| *reason).collect();
    assert_eq!(reasons, [Infeasible::Deferred]);
    assert_eq!(Infeasible::Deferred.as_str(), "deferred");
}

#[test]
fn a_round_now_that_beats_the_later_layer_is_fired() {
    // IRIS-T from site A: 0.9 · 4.727 − 2 · 0.43 = 3.394 M, above the Gepard's 2.256 M: fire.
    let plan = plan_with("iris-t-sl");
    assert_eq!(plan.orders.len(), 1, "{:?}", plan.unengaged);
    assert_eq!(plan.orders[0].shooter.0, 0);
}
