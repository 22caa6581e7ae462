//! A shooter's munitions share its fire channels: the WTA planner never orders more shots from a
//! shooter than it has free channels, and a shot it has to drop goes to another shooter in the
//! same cycle. No shot is ordered that saves less than its weighted cost.

mod common;

use canopy_c2::{AirPicture, Infeasible, Planner, TrackEstimate, WtaPlanner};
use canopy_core::SimTime;
use canopy_geo::{EnuPosition, EnuVelocity, GeoPoint};
use canopy_scenario::{DEFAULT_COST_WEIGHT, ThreatClass};
use common::{Fixture, exact_track, nasams_scenario};

/// A drone hovering at 1,000 m, `north_m` north of `origin_m`.
fn drone(id: u64, origin_m: EnuPosition, north_m: f64) -> TrackEstimate {
    let position_m = EnuPosition {
        north_m: origin_m.north_m + north_m,
        up_m: origin_m.up_m + 1000.0,
        ..origin_m
    };
    exact_track(id, ThreatClass::Drone, position_m, EnuVelocity::default())
}

/// The plan of sites A (IRIS-T and Piorun, one channel) and B (AIM-9X, 5 km east) against two
/// drones 3 km north and south of A, with cost weight λ.
fn two_sites_two_drones(cost_weight: f64) -> canopy_c2::Plan {
    let fixture = Fixture::new(nasams_scenario());
    let frame = &fixture.geometry.frame;
    let origin_m = frame.to_enu(GeoPoint::from_degrees(49.80, 25.00).unwrap(), 0.0);
    let east_m = EnuPosition {
        east_m: origin_m.east_m + 5000.0,
        ..origin_m
    };
    // Two drones 3 km north and south of site A, about 5.8 km from site B.
    let tracks = vec![drone(1, origin_m, 3000.0), drone(2, origin_m, -3000.0)];
    // A hovering drone's heading points at no aim point in particular: its destination is the
    // depot (50 M USD, weight 1) or somewhere unlisted (20 M, weight 0.1), (50 + 2) / 1.1 =
    // 47.27 M, of which a drone does 0.1: 4.727 M, halved because both sites can engage it (a
    // look follows a miss): 2.364 M. With λ = 2: IRIS-T saves 0.9 · 2.364 − 2 · 0.43 = 1.27 M,
    // Piorun 0.6 · 2.364 − 2 · 0.15 = 1.12 M, AIM-9X 0.8 · 2.364 − 2 · 0.45 = 0.99 M. Blind to
    // channels, the assignment gives both drones to site A (IRIS-T and Piorun); A has one
    // channel, so B must take one.
    let a = fixture.site(0, origin_m, &["iris-t-sl", "piorun"]);
    let b = fixture.site(1, east_m, &["aim-9x"]);
    let ctx = fixture.context(cost_weight);
    let picture = AirPicture {
        time: SimTime::START,
        tracks,
    };
    WtaPlanner.plan(&ctx, &picture, &[a, b])
}

#[test]
fn a_one_channel_shooter_fires_once_and_another_takes_the_second_drone() {
    let plan = two_sites_two_drones(DEFAULT_COST_WEIGHT);
    let mut orders: Vec<(u64, u32)> = plan
        .orders
        .iter()
        .map(|order| (order.track.0, order.shooter.0))
        .collect();
    orders.sort_unstable();
    assert_eq!(orders.len(), 2, "{:?}", plan.orders);
    let mut shooters: Vec<u32> = orders.iter().map(|&(_, shooter)| shooter).collect();
    shooters.sort_unstable();
    assert_eq!(shooters, [0, 1]);
    assert_ne!(orders[0].0, orders[1].0);
    assert!(plan.unengaged.is_empty(), "{:?}", plan.unengaged);
}

#[test]
fn no_shot_is_ordered_that_saves_less_than_its_weighted_cost() {
    // With λ = 12 the best shot, Piorun, saves 0.6 · 2.364 M − 12 · 0.15 M = −0.38 M USD
    // (IRIS-T 2.13 − 5.16, AIM-9X 1.89 − 5.4); with λ = 9 Piorun saves 0.07 M and fires.
    let plan = two_sites_two_drones(12.0);
    assert!(plan.orders.is_empty(), "{:?}", plan.orders);
    let reasons: Vec<Infeasible> = plan.unengaged.iter().map(|(_, reason)| *reason).collect();
    assert_eq!(reasons, [Infeasible::NotCostEffective; 2]);
    let plan = two_sites_two_drones(9.0);
    assert!(!plan.orders.is_empty());
}
