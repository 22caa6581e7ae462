//! A nation whose rules price debris over people (`populated_debris_cost_usd`) weighs it: the
//! `wta` planner leaves a drone over a city to others when a kill's debris would cost more than
//! the shot saves, and engages the same drone over empty land.

mod common;

use canopy_c2::{AirPicture, Infeasible, Plan, Planner, PopulatedAreas, WtaPlanner};
use canopy_core::SimTime;
use canopy_geo::{EnuPosition, EnuVelocity, GeoPoint};
use canopy_scenario::{DEFAULT_COST_WEIGHT, ThreatClass};
use common::{Fixture, exact_track, nasams_scenario};

/// The plan of one IRIS-T site 5 km south of a sure drone hovering at 1,000 m over `at`, when
/// Ukraine prices a kill's debris over a populated area at `debris_cost_usd`.
fn plan_over(at: GeoPoint, debris_cost_usd: f64) -> Plan {
    let mut scenario = nasams_scenario();
    scenario.nations[0]
        .rules
        .as_mut()
        .expect("Ukraine has rules")
        .populated_debris_cost_usd = debris_cost_usd;
    let fixture = Fixture::new(scenario);
    let ground = fixture.geometry.frame.to_enu(at, 0.0);
    let track = exact_track(
        1,
        ThreatClass::Drone,
        EnuPosition {
            up_m: ground.up_m + 1000.0,
            ..ground
        },
        EnuVelocity::default(),
    );
    let site_m = EnuPosition {
        north_m: ground.north_m - 5000.0,
        ..ground
    };
    let site = fixture.site(0, site_m, &["iris-t-sl"]);
    let picture = AirPicture {
        time: SimTime::START,
        tracks: vec![track],
    };
    WtaPlanner.plan(&fixture.context(DEFAULT_COST_WEIGHT), &picture, &[site])
}

fn ternopil() -> GeoPoint {
    GeoPoint::from_degrees(49.5535, 25.5948).unwrap()
}

#[test]
fn a_kill_whose_debris_would_cost_more_than_it_saves_is_left() {
    // Ternopil (about 225,000 people: a disc of √(225,000 / (π · 3,000)) = 4.9 km) lies under
    // the drone's debris.
    assert!(PopulatedAreas::bundled().touched(ternopil(), 1.0).is_some());
    // The hovering drone's heading points at no aim point in particular: (50 M + 0.1 · 20 M) /
    // 1.1 = 47.27 M, of which a drone does 0.1: 4.727 M, all at stake (one shooter). IRIS-T
    // (pk 0.9, 0.43 M, λ = 2): 0.9 · 4.727 − 0.86 = 3.39 M without a debris cost: fired.
    assert_eq!(plan_over(ternopil(), 0.0).orders.len(), 1);
    // At 3 M USD per kill over people: 0.9 · (4.727 − 3) − 0.86 = 0.69 M: still fired.
    assert_eq!(plan_over(ternopil(), 3.0e6).orders.len(), 1);
    // At 4 M: 0.9 · (4.727 − 4) − 0.86 = −0.21 M: not worth it.
    let plan = plan_over(ternopil(), 4.0e6);
    assert!(plan.orders.is_empty(), "{:?}", plan.orders);
    let reasons: Vec<Infeasible> = plan.unengaged.iter().map(|(_, r)| *r).collect();
    assert_eq!(reasons, [Infeasible::NotCostEffective]);
}

#[test]
fn the_same_kill_over_empty_land_is_fired() {
    // 30 km south-west of Ternopil's centre, with no town of 10,000 people within reach of the
    // footprint.
    let field = GeoPoint::from_degrees(49.35, 25.30).unwrap();
    assert!(PopulatedAreas::bundled().touched(field, 3000.0).is_none());
    assert_eq!(plan_over(field, 4.0e6).orders.len(), 1);
}
