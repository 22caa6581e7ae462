//! Scans against worked geometry: the radar horizon hides a low cruise missile from a ground
//! radar but not from an airborne one; noise and false alarms behave as parameterised.

use canopy_core::{NationId, SimTime};
use canopy_geo::{EnuPosition, EnuVelocity};
use canopy_scenario::{Library, SensorType};
use canopy_sensors::{Platform, Report, Sensor, Target};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

fn kind(id: &str) -> SensorType {
    let library = Library::bundled().expect("bundled library");
    library
        .sensors
        .iter()
        .find(|s| s.id == id)
        .expect("sensor type in the library")
        .clone()
}

fn quiet(mut kind: SensorType) -> SensorType {
    kind.false_alarms_per_scan = 0.0;
    kind
}

fn ground_radar() -> Sensor {
    Sensor::new(
        "ground".into(),
        NationId(0),
        quiet(kind("36d6")),
        Platform::Mast {
            position_m: EnuPosition {
                east_m: 0.0,
                north_m: 0.0,
                up_m: 10.0,
            },
            height_m: 10.0,
        },
    )
}

fn awacs() -> Sensor {
    Sensor::new(
        "awacs".into(),
        NationId(1),
        quiet(kind("e-3a")),
        Platform::Orbit {
            centre_m: EnuPosition {
                east_m: 0.0,
                north_m: 0.0,
                up_m: 9000.0,
            },
            radius_m: 0.0,
            altitude_m: 9000.0,
            rate_radps: 0.0,
        },
    )
}

/// A Kh-101 class target (0.01 m²) at 50 m, `east_m` east of the sensors. At 60 km the flat
/// frame's earth drop (60² / 2R ≈ 280 m) is ignored: the horizon test uses the given altitude.
fn cruise_missile(east_m: f64) -> Target {
    Target {
        id: 7,
        position_m: EnuPosition {
            east_m,
            north_m: 0.0,
            up_m: 50.0,
        },
        altitude_m: 50.0,
        velocity_mps: EnuVelocity {
            east_mps: -200.0,
            north_mps: 0.0,
            up_mps: 0.0,
        },
        speed_mps: 200.0,
        rcs_m2: 0.01,
    }
}

/// The instant `k` whole seconds after the start.
fn seconds(k: i64) -> SimTime {
    SimTime::from_micros(k * 1_000_000)
}

fn detections(sensor: &Sensor, target: Target, scans: i64) -> usize {
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let mut reports: Vec<Report> = Vec::new();
    for k in 0..scans {
        sensor.scan(seconds(k * 10), &[target], &mut rng, &mut reports);
    }
    reports
        .iter()
        .flat_map(|r| &r.origins)
        .filter(|&&origin| origin == Some(7))
        .count()
}

#[test]
fn awacs_sees_a_low_cruise_missile_the_ground_radar_cannot() {
    // Horizon of a 10 m mast against 50 m: 4.12 (√10 + √50) = 42.2 km < 60 km.
    let target = cruise_missile(60_000.0);
    assert_eq!(detections(&ground_radar(), target, 200), 0);
    // From 9 km the horizon is ~420 km; at ~60.7 km slant the e-3a's SNR against 0.01 m² is
    // 130.1 · 0.01 · (250 / 60.7)⁴ ≈ 374, Pd = 1e-6^(1/375) ≈ 0.964.
    let seen = detections(&awacs(), target, 200);
    assert!(seen > 180, "{seen} of 200");
}

#[test]
fn ground_radar_sees_it_inside_its_horizon() {
    // 30 km < 42.2 km: in view; SNR 130.1 · 0.01 · (180 / 30)⁴ ≈ 1686, Pd ≈ 0.992.
    let seen = detections(&ground_radar(), cruise_missile(30_000.0), 200);
    assert!(seen > 190, "{seen} of 200");
}

#[test]
fn measurements_follow_the_polar_convention() {
    // A target due north of the radar has azimuth π/2 (0 = east, counter-clockwise).
    let sensor = ground_radar();
    let target = Target {
        id: 7,
        position_m: EnuPosition {
            east_m: 0.0,
            north_m: 20_000.0,
            up_m: 10.0,
        },
        altitude_m: 3000.0,
        velocity_mps: EnuVelocity {
            east_mps: 0.0,
            north_mps: -50.0,
            up_mps: 0.0,
        },
        speed_mps: 50.0,
        rcs_m2: 1.0,
    };
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    let mut reports = Vec::new();
    let mut azimuths = Vec::new();
    for k in 0..400 {
        reports.clear();
        sensor.scan(seconds(k), &[target], &mut rng, &mut reports);
        azimuths.extend(
            reports[0]
                .detections
                .iter()
                .map(|d| d.azimuth.east_ccw_rad()),
        );
    }
    let mean = azimuths.iter().sum::<f64>() / azimuths.len() as f64;
    let sd = (azimuths.iter().map(|a| (a - mean).powi(2)).sum::<f64>()
        / (azimuths.len() - 1) as f64)
        .sqrt();
    let sigma = 0.3f64.to_radians();
    assert!((mean - std::f64::consts::FRAC_PI_2).abs() < 4.0 * sigma / 20.0);
    assert!((sd / sigma - 1.0).abs() < 0.15, "{sd} vs {sigma}");
}

#[test]
fn false_alarms_average_their_poisson_mean() {
    let sensor = Sensor::new(
        "noisy".into(),
        NationId(0),
        kind("36d6"),
        Platform::Mast {
            position_m: EnuPosition::default(),
            height_m: 15.0,
        },
    );
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    let mut reports = Vec::new();
    for k in 0..2000 {
        sensor.scan(seconds(k), &[], &mut rng, &mut reports);
    }
    let count: usize = reports.iter().map(|r| r.detections.len()).sum();
    assert!((sensor.look_range_m() - 192_000.0).abs() < 1_000.0);
    // Mean 0.5 per scan over 2000 scans: 1000 ± 3·√1000 ≈ 95, all inside the surveillance
    // volume: the range where 0.05 m² is seen with Pd 0.1, 180 km · (130.1·0.05 / (ln 1e-6 /
    // ln 0.1 − 1))^(1/4) = 180 km · (6.506 / 5)^(1/4) ≈ 192 km.
    assert!((count as f64 - 1000.0).abs() < 95.0, "{count}");
    assert!(
        reports
            .iter()
            .all(|r| r.origins.len() == r.detections.len())
    );
    assert!(
        reports
            .iter()
            .all(|r| r.origins.iter().all(Option::is_none))
    );
    assert!(
        reports
            .iter()
            .flat_map(|r| &r.detections)
            .all(|d| d.range_m <= sensor.look_range_m())
    );
}

/// A Patriot's engagement radar in its ballistic-missile search, on a 4 m mast at the origin.
fn ballistic_search() -> Sensor {
    Sensor::new(
        "patriot".into(),
        NationId(0),
        kind("an-mpq-65"),
        Platform::Mast {
            position_m: EnuPosition {
                east_m: 0.0,
                north_m: 0.0,
                up_m: 4.0,
            },
            height_m: 4.0,
        },
    )
}

/// A target of 0.05 m² at 10 km altitude, 40 km east, flying west at `speed_mps`.
fn high_target(speed_mps: f64) -> Target {
    Target {
        id: 7,
        position_m: EnuPosition {
            east_m: 40_000.0,
            north_m: 0.0,
            up_m: 10_000.0,
        },
        altitude_m: 10_000.0,
        velocity_mps: EnuVelocity {
            east_mps: -speed_mps,
            north_mps: 0.0,
            up_mps: 0.0,
        },
        speed_mps,
        rcs_m2: 0.05,
    }
}

#[test]
fn a_ballistic_search_reports_fast_targets_only() {
    // The search reports targets of at least 2,000 km/h (555.6 m/s). At 41.2 km slant a
    // 0.05 m² target is well inside its reach: against 1 m² its Pd is 0.9 at 150 km, and the
    // fourth-root scaling puts the same Pd at 150 · 0.05^¼ = 70.9 km for 0.05 m².
    let search = ballistic_search();
    assert_eq!(detections(&search, high_target(550.0), 50), 0, "a jet");
    let seen = detections(&search, high_target(1500.0), 50);
    assert!(seen > 45, "{seen} of 50");
    // No false alarm: every report it makes is of the target.
    let mut rng = ChaCha8Rng::seed_from_u64(2);
    let mut reports = Vec::new();
    for k in 0..50 {
        search.scan(
            seconds(k * 2),
            &[high_target(550.0)],
            &mut rng,
            &mut reports,
        );
    }
    assert!(reports.iter().all(|r| r.detections.is_empty()));
}
