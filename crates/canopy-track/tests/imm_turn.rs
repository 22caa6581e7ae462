//! The IMM moves its weight to the matching turn model during a turn and back to constant
//! velocity on the straight legs.

use canopy_track::geometry::cartesian_to_polar;
use canopy_track::{
    Azimuth, ConstantVelocity, CoordinatedTurn, ExtendedKalmanUpdater, Gaussian, Imm, MotionModel,
    PolarDetection, SensorModel, StateCovariance, StateVector, Vertical,
};
use nalgebra::Vector3;

const TURN_RATE: f64 = 3.0 * std::f64::consts::PI / 180.0;

fn imm() -> Imm {
    let turn = |w: f64| CoordinatedTurn {
        turn_rate_radps: w,
        q_horizontal: 0.5,
        vertical: Vertical::WhiteAcceleration { q: 0.01 },
    };
    let models: Vec<Box<dyn MotionModel>> = vec![
        Box::new(ConstantVelocity {
            q_horizontal: 0.5,
            vertical: Vertical::WhiteAcceleration { q: 0.01 },
        }),
        Box::new(turn(TURN_RATE)),
        Box::new(turn(-TURN_RATE)),
    ];
    let switching = vec![
        vec![0.95, 0.025, 0.025],
        vec![0.025, 0.95, 0.025],
        vec![0.025, 0.025, 0.95],
    ];
    Imm::new(models, switching)
}

/// Truth: 250 m/s east for 60 s, then a left (counter-clockwise) turn at 3 deg/s for 30 s
/// (90 degrees), then straight north. Integrated with the exact circular arc.
fn truth(time_s: f64) -> Vector3<f64> {
    let speed = 250.0;
    let start = Vector3::new(-40_000.0, 20_000.0, 500.0);
    if time_s <= 60.0 {
        return start + Vector3::new(speed * time_s, 0.0, 0.0);
    }
    let radius = speed / TURN_RATE;
    let entry = start + Vector3::new(speed * 60.0, 0.0, 0.0);
    let turned = (time_s.min(90.0) - 60.0) * TURN_RATE;
    let arc = entry + Vector3::new(radius * turned.sin(), radius * (1.0 - turned.cos()), 0.0);
    arc + Vector3::new(0.0, speed * (time_s - 90.0).max(0.0), 0.0)
}

#[test]
fn weight_moves_to_turn_model_in_turn() {
    let imm = imm();
    let sensor = SensorModel::new(Vector3::new(0.0, -60_000.0, 0.0), 20.0, 1e-3, 1e-3);
    let updater = ExtendedKalmanUpdater;
    let mut mean = StateVector::zeros();
    mean.fixed_rows_mut::<3>(0).copy_from(&truth(0.0));
    mean[3] = 250.0;
    let cov = StateCovariance::from_diagonal(&StateVector::new(1e4, 1e4, 1e4, 100.0, 100.0, 1.0));
    let mut state = imm.initial_state(&Gaussian::new(mean, cov), &[1.0, 1.0, 1.0]);
    let dt = 2.0;
    let mut during_turn = Vec::new();
    let mut straight_after = Vec::new();
    for step in 1..=75 {
        let time_s = step as f64 * dt;
        let polar = cartesian_to_polar(&(truth(time_s) - sensor.position_m));
        let detection = PolarDetection {
            range_m: polar.x,
            azimuth: Azimuth::from_east_ccw_rad(polar.y),
            elevation_rad: polar.z,
        };
        let predicted = imm.predict(&state, dt);
        state = imm
            .update(&predicted, &detection, &sensor, &updater)
            .expect("regular");
        if (72.0..=90.0).contains(&time_s) {
            during_turn.push(state.probabilities[1]);
        }
        if time_s >= 130.0 {
            straight_after.push(state.probabilities[0]);
        }
    }
    // Late in the turn the left-turn model explains the motion exactly and carries the weight.
    assert!(
        during_turn.iter().all(|&p| p > 0.5),
        "left-turn weight {during_turn:?}"
    );
    // Back on a straight leg the constant-velocity model takes over again.
    assert!(
        straight_after.iter().all(|&p| p > 0.5),
        "CV weight {straight_after:?}"
    );
}

#[test]
fn a_step_shorter_than_the_switching_interval_switches_in_proportion() {
    // Probabilities per 30 s: half a step (15 s) moves half as often, 0.025 · 15 / 30 = 0.0125
    // to each turn, and stays with 1 − 2 · 0.0125 = 0.975; a step of 30 s or more switches by
    // the matrix as given.
    let paced = imm().with_switching_interval(Some(30.0));
    let half = paced.transitions(15.0).switching.expect("a shorter step");
    for (i, row) in half.iter().enumerate() {
        for (j, p) in row.iter().enumerate() {
            let expected = if i == j { 0.975 } else { 0.0125 };
            assert!((p - expected).abs() < 1e-12, "[{i}][{j}] = {p}");
        }
    }
    assert!(paced.transitions(30.0).switching.is_none());
    assert!(paced.transitions(60.0).switching.is_none());
    assert!(imm().transitions(15.0).switching.is_none(), "per step");
}
