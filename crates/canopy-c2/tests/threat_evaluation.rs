//! Threat evaluation against worked values: class beliefs after given observations, the value of
//! a track by what it heads for, and when waiting beats a shot now.
//!
//! The class models are the bundled library's (`data/library/evaluation.toml`); each hand
//! computation below uses its numbers: prior shares 0.53, 0.43, 0.028 and 0.014 (sum 1.002);
//! speeds 170, 150, 800 and 5,000 km/h with spreads 30, 30, 120 and 3,000 km/h; altitudes 1,500,
//! 1,500, 100 and 20,000 m with spreads 1,000, 1,000, 150 and 15,000 m; climb spreads 5, 5, 10
//! and 800 m/s; heard shares 1, 1, 1 and 0.01; damage shares 0.1, 0.04, 0.4 and 1.

use canopy_c2::waiting::{Choice, ShotOption, worth_waiting};
use canopy_c2::{
    ClassBelief, ClassEvidence, DefendedAsset, NationSet, TrackEstimate, assess, class_belief,
};
use canopy_core::TrackId;
use canopy_geo::{EnuPosition, EnuVelocity};
use canopy_scenario::{Evaluation, Library, ThreatClass};

fn evaluation() -> Evaluation {
    Library::bundled().expect("the bundled library").evaluation
}

/// `exp(−x² / 2v) / √v` with `v = spread² + sigma²`: the factor of one feature (the `√(2π)` is
/// the same for every class and cancels).
fn factor(offset: f64, spread: f64, sigma: f64) -> f64 {
    let v = spread * spread + sigma * sigma;
    (-0.5 * offset * offset / v).exp() / v.sqrt()
}

#[test]
fn a_slow_track_heard_by_the_acoustic_network_is_a_drone_or_a_decoy_by_their_priors_and_speeds() {
    // 50 ± 5 m/s, 1,000 ± 500 m, level (0 ± 2 m/s), heard. Drone and decoy share altitude,
    // climb and heard share, so only prior and speed tell them apart:
    //   drone  0.53 · f(50 − 47.222, 8.333, 5) = 0.53 · exp(−0.5 · 7.716/94.44)/9.718
    //        = 0.53 · 0.96007/9.718 = 0.052361
    //   decoy  0.43 · f(50 − 41.667, 8.333, 5) = 0.43 · exp(−0.5 · 69.44/94.44)/9.718
    //        = 0.43 · 0.69237/9.718 = 0.030636
    // so P(drone) = 0.052361 / 0.082997 = 0.6309 and P(decoy) = 0.3691; a cruise missile's
    // speed is 5 spreads away and a ballistic missile is almost never heard: both below 1e-7.
    let evidence = ClassEvidence {
        speed_mps: 50.0,
        speed_sigma_mps: 5.0,
        altitude_m: 1000.0,
        altitude_sigma_m: 500.0,
        climb_mps: 0.0,
        climb_sigma_mps: 2.0,
        heard: true,
    };
    let belief = class_belief(&evaluation(), &evidence);
    let kmh = 1.0 / 3.6;
    let drone = 0.53 * factor(50.0 - 170.0 * kmh, 30.0 * kmh, 5.0);
    let decoy = 0.43 * factor(50.0 - 150.0 * kmh, 30.0 * kmh, 5.0);
    assert!((drone / (drone + decoy) - 0.6309).abs() < 1e-4);
    assert!((belief.probability(ThreatClass::Drone) - 0.6309).abs() < 1e-4);
    assert!((belief.probability(ThreatClass::Decoy) - 0.3691).abs() < 1e-4);
    assert!(belief.share(|c| matches!(c, ThreatClass::Cruise | ThreatClass::Ballistic)) < 1e-7);
}

#[test]
fn a_fast_low_track_is_a_cruise_missile() {
    // 250 ± 10 m/s at 50 ± 100 m, level (0 ± 3 m/s), not heard. Against the cruise missile
    // (prior 0.028): speed offset 27.8 over √(33.33² + 10²) = 34.80, altitude offset 50 over
    // √(150² + 100²) = 180.3, climb 0 over 10.44; weight 0.028 · (0.7273/34.80) · (0.9623/180.3)
    // · (1/10.44) = 2.991e-7. The ballistic missile (0.014): speed offset 1,138.9 over 833.4,
    // altitude offset 19,950 over 15,000.3, climb over 800.0; weight 0.014 · (0.3931/833.4) ·
    // (0.4129/15,000.3) · (1/800.0) = 2.272e-13. A drone's speed is 24 spreads away (~1e-59).
    // P(cruise) = 2.991e-7 / (2.991e-7 + 2.272e-13) = 0.9999992.
    let evidence = ClassEvidence {
        speed_mps: 250.0,
        speed_sigma_mps: 10.0,
        altitude_m: 50.0,
        altitude_sigma_m: 100.0,
        climb_mps: 0.0,
        climb_sigma_mps: 3.0,
        heard: false,
    };
    let belief = class_belief(&evaluation(), &evidence);
    assert!((belief.probability(ThreatClass::Cruise) - 0.9999992).abs() < 1e-7);
    assert!((belief.probability(ThreatClass::Ballistic) - 7.6e-7).abs() < 1e-7);
    assert_eq!(belief.most_likely(), ThreatClass::Cruise);
}

#[test]
fn a_diving_track_at_mach_four_is_a_ballistic_missile() {
    // 1,500 ± 50 m/s at 15 ± 0.5 km, diving at 1,200 ± 50 m/s. A cruise missile would be 38
    // spreads off in speed, 98 in altitude and 115 in climb; a drone further still: their
    // weights underflow to nothing, the ballistic missile's is 4.3e-13, so P(ballistic) = 1.
    let evidence = ClassEvidence {
        speed_mps: 1500.0,
        speed_sigma_mps: 50.0,
        altitude_m: 15_000.0,
        altitude_sigma_m: 500.0,
        climb_mps: -1200.0,
        climb_sigma_mps: 50.0,
        heard: false,
    };
    let belief = class_belief(&evaluation(), &evidence);
    assert_eq!(belief.probability(ThreatClass::Ballistic), 1.0);
}

#[test]
fn a_young_track_whose_speed_is_unknown_keeps_close_to_its_prior() {
    // 300 ± 1,000 m/s at 1,500 ± 2,000 m, climb 0 ± 100: the features spread over every class,
    // and the belief stays near the priors' drone-like 0.958 (the cruise missile's low altitude
    // and the ballistic missile's spreads leave them small).
    let evidence = ClassEvidence {
        speed_mps: 300.0,
        speed_sigma_mps: 1000.0,
        altitude_m: 1500.0,
        altitude_sigma_m: 2000.0,
        climb_mps: 0.0,
        climb_sigma_mps: 100.0,
        heard: false,
    };
    let belief = class_belief(&evaluation(), &evidence);
    let drone_like = belief.share(|c| matches!(c, ThreatClass::Drone | ThreatClass::Decoy));
    assert!(drone_like > 0.9, "{belief:?}");
}

#[test]
fn altitude_and_climb_are_read_over_the_curved_earth() {
    // 300 km east of the frame's origin the ground lies 300,000² / (2 · 6,371,008.8) = 7,063.2 m
    // below the tangent plane, so a track at z = −5,563.2 m flies 1,500 m above it; flying west
    // at 47 m/s there, it climbs in the frame at 47 · 300,000 / R = 2.213 m/s while holding its
    // height over the ground.
    let mut covariance = [[0.0; 6]; 6];
    covariance[2][2] = 400.0 * 400.0;
    covariance[3][3] = 3.0 * 3.0;
    covariance[5][5] = 2.0 * 2.0;
    let position = EnuPosition {
        east_m: 300_000.0,
        north_m: 0.0,
        up_m: -5_563.2,
    };
    let velocity = EnuVelocity {
        east_mps: -47.0,
        north_mps: 0.0,
        up_mps: 2.213,
    };
    let evidence = ClassEvidence::of_estimate(position, velocity, &covariance, false);
    assert!((evidence.altitude_m - 1500.0).abs() < 0.1);
    assert!(evidence.climb_mps.abs() < 1e-3);
    assert!((evidence.altitude_sigma_m - 400.0).abs() < 1e-9);
    // The speed's uncertainty is the velocity's along its direction:
    // √((47² · 3² + 2.213² · 2²) / (47² + 2.213²)) = 2.998 m/s.
    assert!((evidence.speed_sigma_mps - 2.998).abs() < 1e-3);
}

/// A sure drone at the origin flying east at 47 m/s, known exactly.
fn drone_flying_east() -> TrackEstimate {
    let state = (
        EnuPosition::default(),
        EnuVelocity {
            east_mps: 47.0,
            north_mps: 0.0,
            up_mps: 0.0,
        },
    );
    TrackEstimate::exact(TrackId(1), ThreatClass::Drone, state, NationSet::default())
}

#[test]
fn a_track_heading_for_a_power_plant_is_worth_more_than_one_heading_for_a_field() {
    let evaluation = evaluation();
    let plant = DefendedAsset {
        position_m: EnuPosition {
            east_m: 50_000.0,
            north_m: 0.0,
            up_m: 0.0,
        },
        value_usd: evaluation.place_value_usd("tpp"),
    };
    assert_eq!(plant.value_usd, 150.0e6);
    // Heading straight for the plant: weight 1 against 0.1 for somewhere unlisted (20 M), so the
    // destination is worth (150 M + 0.1 · 20 M) / 1.1 = 138.18 M and a drone does 0.1 of it:
    // 13.818 M, reached in 50 km / 47 m/s = 1,063.8 s.
    let track = drone_flying_east();
    let towards = assess(&track, &evaluation, &[plant]);
    assert!((towards.value_usd - 13.818e6).abs() < 1e3, "{towards:?}");
    assert!((towards.time_to_aim_s.unwrap() - 1063.83).abs() < 0.01);
    // The same plant behind it: nothing listed ahead, the destination is a field worth 20 M and
    // the drone 2 M; no aim point, no time to it.
    let behind = DefendedAsset {
        position_m: EnuPosition {
            east_m: -50_000.0,
            ..plant.position_m
        },
        ..plant
    };
    let away = assess(&track, &evaluation, &[behind]);
    assert!((away.value_usd - 2.0e6).abs() < 1.0, "{away:?}");
    assert_eq!(away.time_to_aim_s, None);
    assert!(towards.value_usd > away.value_usd);
}

#[test]
fn a_city_values_each_class_as_before_aim_points_had_values() {
    // The default city (50 M) times the damage shares gives back the class values C2 used
    // before: drone 5 M, decoy 2 M, cruise 20 M, ballistic 50 M.
    let evaluation = evaluation();
    let city = evaluation.place_value_usd("city");
    let values: Vec<f64> = ThreatClass::ALL
        .iter()
        .map(|c| city * evaluation.class(*c).damage_share)
        .collect();
    assert_eq!(values, vec![5.0e6, 2.0e6, 20.0e6, 50.0e6]);
    let priors: f64 = ThreatClass::ALL
        .iter()
        .map(|c| evaluation.class(*c).prior_share)
        .sum();
    assert!((priors - 1.0).abs() < 1e-12);
}

const APKWS: ShotOption = ShotOption {
    pk_by_class: [0.75, 0.75, 0.1, 0.0],
    cost_usd: 25_000.0,
};
const PAC2: ShotOption = ShotOption {
    pk_by_class: [0.8, 0.8, 0.9, 0.6],
    cost_usd: 3.5e6,
};
const AIM120: ShotOption = ShotOption {
    pk_by_class: [0.8, 0.8, 0.8, 0.0],
    cost_usd: 1.1e6,
};
const GEPARD: ShotOption = ShotOption {
    pk_by_class: [0.6, 0.6, 0.0, 0.0],
    cost_usd: 8_000.0,
};
const IRIS_T: ShotOption = ShotOption {
    pk_by_class: [0.9, 0.9, 0.85, 0.0],
    cost_usd: 430_000.0,
};

/// A young track, even odds drone-like (drone 0.3, decoy 0.2) or cruise missile (0.5), heading
/// for a city (50 M): expected damage 0.3 · 5 M = 1.5 M, 0.2 · 2 M = 0.4 M, 0.5 · 20 M = 10 M.
fn young_track() -> (ClassBelief, [f64; 4]) {
    (
        ClassBelief::from_weights([0.3, 0.2, 0.5, 0.0]),
        [1.5e6, 0.4e6, 10.0e6, 0.0],
    )
}

#[test]
fn one_more_look_is_worth_waiting_for_when_it_would_spare_a_dear_round() {
    // λ = 2. Now: PAC-2 0.8 · 1.9 M + 0.9 · 10 M − 7 M = 3.52 M; APKWS 0.75 · 1.9 M + 0.1 · 10 M
    // − 0.05 M = 2.375 M; best 3.52 M. After a look: drone-like (P 0.5): APKWS 1.425 M − 0.025 M
    // = 1.4 M (PAC-2 1.52 M − 3.5 M < 0); cruise (P 0.5): PAC-2 9 M − 3.5 M = 5.5 M; sum 6.9 M,
    // above 3.52 M · 1.05: wait.
    let (belief, values) = young_track();
    let choice = Choice {
        belief,
        class_values_usd: values,
        time_to_aim_s: Some(1200.0),
        now: &[APKWS, PAC2],
        later: &[],
    };
    assert!(worth_waiting(&choice, 2.0));
    // The same track 200 s from its aim point leaves no time for the look: shoot now.
    let hurried = Choice {
        time_to_aim_s: Some(200.0),
        ..choice
    };
    assert!(!worth_waiting(&hurried, 2.0));
}

#[test]
fn one_more_look_is_not_worth_waiting_for_when_the_round_is_right_either_way() {
    // With IRIS-T instead of PAC-2: now 0.9 · 1.9 M + 0.85 · 10 M − 0.86 M = 9.35 M. After a
    // look: drone-like APKWS 1.4 M (IRIS-T 1.71 M − 0.43 M = 1.28 M), cruise IRIS-T 8.5 M −
    // 0.43 M = 8.07 M; sum 9.47 M, below 9.35 M · 1.05 = 9.82 M: shoot now.
    let (belief, values) = young_track();
    let choice = Choice {
        belief,
        class_values_usd: values,
        time_to_aim_s: Some(1200.0),
        now: &[APKWS, IRIS_T],
        later: &[],
    };
    assert!(!worth_waiting(&choice, 2.0));
}

#[test]
fn a_cheap_later_layer_is_worth_waiting_for_instead_of_a_dear_round_now() {
    // A sure drone heading for a city: 5 M. Now only an AIM-120C: 0.8 · 5 M − 2.2 M = 1.8 M. A
    // Gepard on its way: 0.8 · (0.6 · 5 M − 0.016 M) = 2.387 M, above 1.8 M · 1.05: wait.
    let drone = Choice {
        belief: ClassBelief::certain(ThreatClass::Drone),
        class_values_usd: [5.0e6, 0.0, 0.0, 0.0],
        time_to_aim_s: Some(900.0),
        now: &[AIM120],
        later: &[GEPARD],
    };
    assert!(worth_waiting(&drone, 2.0));
    // With an IRIS-T now: 0.9 · 5 M − 0.86 M = 3.64 M beats the Gepard's 2.387 M: shoot now.
    let with_iris = Choice {
        now: &[IRIS_T],
        ..drone
    };
    assert!(!worth_waiting(&with_iris, 2.0));
}
