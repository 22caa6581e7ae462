//! Fighter vectoring on hand-worked geometry: a fighter on station 1,000 m above 49.80 N, 25.00 E
//! (over Ukraine) and a hovering target due north of it at the same altitude.

mod common;

use canopy_c2::{
    Infeasible, InterceptPlan, MunitionStock, ShooterKind, ShooterState, TrackEstimate, Vectoring,
    check_engagement,
};
use canopy_core::{NationId, SimDuration, SimTime, UnitId};
use canopy_geo::{EnuPosition, EnuVelocity, GeoPoint};
use canopy_scenario::ThreatClass;
use common::{Fixture, exact_track, nasams_scenario};

/// F-16C dash speed: 2,120 km/h.
const DASH_MPS: f64 = 2120.0 / 3.6;
/// A fighter's reaction time (decision to launch), seconds.
const REACTION_S: f64 = 20.0;

struct Setup {
    fixture: Fixture,
    station_m: EnuPosition,
}

fn setup() -> Setup {
    let fixture = Fixture::new(nasams_scenario());
    let station = GeoPoint::from_degrees(49.80, 25.00).unwrap();
    let station_m = fixture.geometry.frame.to_enu(station, 1000.0);
    Setup { fixture, station_m }
}

impl Setup {
    /// A fighter with these rounds, its base 100 km south of its station at the same altitude,
    /// combat radius 550 km, dash fuel factor 4 and `fuel_m` of fuel.
    fn fighter(&self, loadout: &[&str], fuel_m: f64) -> ShooterState {
        let mut base_m = self.station_m;
        base_m.north_m -= 100_000.0;
        ShooterState {
            unit: UnitId(0),
            nation: NationId(0),
            kind: ShooterKind::Fighter,
            available: true,
            position_m: self.station_m,
            ready_at: SimTime::START,
            free_channels: 2,
            reaction: SimDuration::from_secs_f64(REACTION_S),
            launch_interval: SimDuration::from_secs(5),
            munitions: loadout
                .iter()
                .map(|id| MunitionStock {
                    munition: self.fixture.munition(id),
                    rounds: 2,
                })
                .collect(),
            vectoring: Some(Vectoring {
                dash_speed_mps: DASH_MPS,
                base_m,
                combat_radius_m: 550_000.0,
                dash_fuel_factor: 4.0,
                fuel_m,
            }),
        }
    }

    /// A target of `class` hovering `north_m` due north of the station.
    fn target(&self, class: ThreatClass, north_m: f64) -> TrackEstimate {
        let mut position_m = self.station_m;
        position_m.north_m += north_m;
        exact_track(0, class, position_m, EnuVelocity::default())
    }

    fn check(
        &self,
        shooter: &ShooterState,
        munition: &str,
        track: &TrackEstimate,
    ) -> Result<InterceptPlan, Infeasible> {
        let ctx = self.fixture.context(canopy_scenario::DEFAULT_COST_WEIGHT);
        check_engagement(&ctx, shooter, self.fixture.munition(munition), track)
    }
}

const PLENTY_OF_FUEL_M: f64 = 1.0e7;

#[test]
fn fighter_dashes_to_launch_at_four_fifths_of_aim9x_range() {
    let setup = setup();
    let fighter = setup.fighter(&["aim-120c", "aim-9x"], PLENTY_OF_FUEL_M);
    let cruise = setup.target(ThreatClass::Cruise, 40_000.0);
    // AIM-9X: 20 km range, so it launches 16 km short of the target: a dash of 24 km at
    // 588.9 m/s (40.755 s) after the 20 s reaction, then 16 km at 2,200 km/h (26.182 s).
    let plan = setup.check(&fighter, "aim-9x", &cruise).unwrap();
    let dash_s = 24_000.0 / DASH_MPS;
    let flight_s = 16_000.0 / (2200.0 / 3.6);
    assert!((plan.dash_m - 24_000.0).abs() < 1e-3);
    assert!((plan.slant_range_m - 16_000.0).abs() < 1e-3);
    assert!((plan.launch_m.north_m - (setup.station_m.north_m + 24_000.0)).abs() < 1e-3);
    assert!((plan.launch_m.east_m - setup.station_m.east_m).abs() < 1e-6);
    let launch_s = plan.launch_time.since(SimTime::START).as_secs_f64();
    let intercept_s = plan.intercept_time.since(SimTime::START).as_secs_f64();
    assert!((launch_s - (REACTION_S + dash_s)).abs() < 1e-5);
    assert!((intercept_s - (REACTION_S + dash_s + flight_s)).abs() < 1e-5);
    // The AIM-120C (60 km) reaches it from the station: no dash.
    let direct = setup.check(&fighter, "aim-120c", &cruise).unwrap();
    assert_eq!(direct.dash_m, 0.0);
    assert_eq!(direct.launch_m, setup.station_m);
    assert!((direct.slant_range_m - 40_000.0).abs() < 1e-3);
}

#[test]
fn fighter_dashes_only_with_the_cheapest_adequate_munition() {
    let setup = setup();
    let fighter = setup.fighter(&["aim-9x", "apkws", "gun-m61"], PLENTY_OF_FUEL_M);
    let drone = setup.target(ThreatClass::Drone, 40_000.0);
    // Against a drone the APKWS ($25k, pk 0.75) is the cheapest with pk >= 0.5 (the gun's pk is
    // 0.4): it launches at 6.4 km after a 33.6 km dash; the AIM-9X is not vectored.
    let plan = setup.check(&fighter, "apkws", &drone).unwrap();
    assert!((plan.dash_m - 33_600.0).abs() < 1e-3);
    assert!((plan.slant_range_m - 6_400.0).abs() < 1e-3);
    assert_eq!(
        setup.check(&fighter, "aim-9x", &drone),
        Err(Infeasible::OutOfRange)
    );
    assert_eq!(
        setup.check(&fighter, "gun-m61", &drone),
        Err(Infeasible::OutOfRange)
    );
}

#[test]
fn fuel_must_cover_four_times_the_dash_and_the_flight_home() {
    let setup = setup();
    let cruise = setup.target(ThreatClass::Cruise, 40_000.0);
    // Dash 24 km (x4 = 96 km of cruise fuel), then home from 124 km north of base: 220 km.
    let enough = setup.fighter(&["aim-9x"], 220_000.0 + 1.0);
    assert!(setup.check(&enough, "aim-9x", &cruise).is_ok());
    let short = setup.fighter(&["aim-9x"], 220_000.0 - 1.0);
    assert_eq!(
        setup.check(&short, "aim-9x", &cruise),
        Err(Infeasible::ShortOfFuel)
    );
}

#[test]
fn dash_stays_within_the_sector() {
    let setup = setup();
    let fighter = setup.fighter(&["aim-9x"], PLENTY_OF_FUEL_M);
    // 116 km out: launch 16 km short is exactly a 100 km dash; 1 km further is beyond it.
    assert!(
        setup
            .check(
                &fighter,
                "aim-9x",
                &setup.target(ThreatClass::Cruise, 115_999.0)
            )
            .is_ok()
    );
    assert_eq!(
        setup.check(
            &fighter,
            "aim-9x",
            &setup.target(ThreatClass::Cruise, 117_000.0)
        ),
        Err(Infeasible::BeyondCombatRadius)
    );
}
