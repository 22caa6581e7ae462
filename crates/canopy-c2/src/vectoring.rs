//! Fighter vectoring: a fighter on patrol dashes from its station towards a threat it cannot
//! reach from there, and fires from a launch point short of the predicted intercept.
//!
//! The fighter leaves at `t0` at dash speed `u` on a straight line towards the intercept point
//! `I`, and launches when `I` is [`LAUNCH_RANGE_SHARE`] of the munition's maximum range `r` away;
//! the munition flies `r` at speed `w`. With the threat at `x0` at `t0` moving at constant
//! velocity `v`, station `P`, and `τ` the dash time, `I = x0 + v (τ + r / w)` and
//! `|I - P| = r + u τ`. With `d = x0 + v r / w - P`, squaring gives the quadratic
//! `(v·v - u²) τ² + 2 (d·v - r u) τ + (d·d - r²) = 0`, whose least positive root is the dash.

use canopy_geo::{EnuPosition, EnuVelocity, FreeVector};
use canopy_scenario::{Library, MunitionIndex, ThreatClass};

use crate::infeasible::Infeasible;
use crate::planning::ADEQUATE_PK;
use crate::shooter::{ShooterState, Vectoring};

/// The farthest a fighter is vectored from its station, metres (assumed: a patrol sector of
/// 100 km radius, so that one patrol does not strip another's area; plausible 50-200 km).
pub const VECTOR_SECTOR_M: f64 = 100_000.0;

/// The share of the munition's maximum range at which a vectored fighter launches (a margin for
/// a target that turns or accelerates).
pub const LAUNCH_RANGE_SHARE: f64 = 0.8;

/// A vectored launch: where and when the fighter fires, and how far it dashed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dash {
    /// Seconds of dash from departure to launch.
    pub dash_s: f64,
    /// The launch point in the theatre's ENU frame.
    pub launch_m: EnuPosition,
    /// Seconds of munition flight from launch to intercept.
    pub flight_s: f64,
    /// The predicted intercept point.
    pub intercept_m: EnuPosition,
}

/// The munition a fighter dashes with against a class: the cheapest with rounds left and a kill
/// probability of at least [`ADEQUATE_PK`] (the first in loadout order on ties).
pub fn dash_munition(
    library: &Library,
    shooter: &ShooterState,
    class: ThreatClass,
) -> Option<MunitionIndex> {
    shooter
        .munitions
        .iter()
        .filter(|stock| stock.rounds > 0)
        .map(|stock| (stock.munition, library.munition(stock.munition)))
        .filter(|(_, kind)| kind.pk(class) >= ADEQUATE_PK)
        .fold(
            None::<(MunitionIndex, f64)>,
            |best, (munition, kind)| match best {
                Some((_, cost)) if cost <= kind.cost_usd => best,
                _ => Some((munition, kind.cost_usd)),
            },
        )
        .map(|(munition, _)| munition)
}

/// The dash from `station` for a threat at `target` (at departure) moving at `velocity`, with a
/// munition of speed `munition_speed_mps` fired at `launch_range_m`; `None` when the fighter
/// cannot catch it, or is already within launch range (no dash needed).
pub fn solve_dash(
    station: EnuPosition,
    dash_speed_mps: f64,
    target: EnuPosition,
    velocity: EnuVelocity,
    munition_speed_mps: f64,
    launch_range_m: f64,
) -> Option<Dash> {
    let flight_s = launch_range_m / munition_speed_mps;
    let d = (target + velocity * flight_s) - station;
    let u = dash_speed_mps;
    let a = velocity.dot(velocity) - u * u;
    let half_b = d.dot(velocity) - launch_range_m * u;
    let c = d.dot(d) - launch_range_m * launch_range_m;
    if c <= 0.0 {
        return None;
    }
    let dash_s = if a.abs() < 1e-12 {
        (half_b < 0.0).then(|| -c / (2.0 * half_b))?
    } else {
        let discriminant = half_b * half_b - a * c;
        if discriminant < 0.0 {
            return None;
        }
        let root = discriminant.sqrt();
        [(-half_b - root) / a, (-half_b + root) / a]
            .into_iter()
            .filter(|t| *t > 0.0)
            .min_by(|x, y| x.total_cmp(y))?
    };
    let intercept_m = station + (d + velocity * dash_s);
    let towards = intercept_m - station;
    let launch_m = station + towards * (u * dash_s / towards.norm());
    Some(Dash {
        dash_s,
        launch_m,
        flight_s,
        intercept_m,
    })
}

/// Whether a fighter of `vectoring` may fly this dash from `station`: within
/// [`VECTOR_SECTOR_M`] of the station and its combat radius of the base
/// ([`Infeasible::BeyondCombatRadius`]), and with the fuel for the dash and the flight home from
/// the launch point ([`Infeasible::ShortOfFuel`]).
pub fn check_dash(
    vectoring: &Vectoring,
    station: EnuPosition,
    dash: &Dash,
) -> Result<(), Infeasible> {
    let dash_m = (dash.launch_m - station).norm();
    let home_m = (dash.launch_m - vectoring.base_m).norm();
    if dash_m > VECTOR_SECTOR_M || home_m > vectoring.combat_radius_m {
        return Err(Infeasible::BeyondCombatRadius);
    }
    if vectoring.dash_fuel_factor * dash_m + home_m > vectoring.fuel_m {
        return Err(Infeasible::ShortOfFuel);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_on_dash_meets_the_threat_at_launch_range() {
        // Station at the origin, threat 200 km east flying west at 200 m/s; dash 500 m/s,
        // munition 1,000 m/s fired at 20 km (20 s of flight). Positions along x:
        // intercept x = 200,000 - 200 (τ + 20) and launch x = 500 τ = x_I - 20,000, so
        // 700 τ = 200,000 - 4,000 - 20,000 = 176,000, τ = 251.428... s.
        let dash = solve_dash(
            EnuPosition::default(),
            500.0,
            [200_000.0, 0.0, 0.0].into(),
            [-200.0, 0.0, 0.0].into(),
            1000.0,
            20_000.0,
        )
        .expect("a head-on threat is caught");
        let tau = 176_000.0 / 700.0;
        assert!((dash.dash_s - tau).abs() < 1e-9);
        assert!((dash.launch_m.east_m - 500.0 * tau).abs() < 1e-6);
        assert!((dash.intercept_m.east_m - (200_000.0 - 200.0 * (tau + 20.0))).abs() < 1e-6);
        assert!((dash.flight_s - 20.0).abs() < 1e-12);
    }

    #[test]
    fn crossing_dash_is_a_right_triangle() {
        // Threat 100 km north of the station (at departure), flying east at 300 m/s; dash
        // 500 m/s, launch range 0 (gun-like): (300 τ)² + 100,000² = (500 τ)², τ = 250 s,
        // intercept at (75 km, 100 km).
        let dash = solve_dash(
            EnuPosition::default(),
            500.0,
            [0.0, 100_000.0, 0.0].into(),
            [300.0, 0.0, 0.0].into(),
            1000.0,
            0.0,
        )
        .expect("caught");
        assert!((dash.dash_s - 250.0).abs() < 1e-9);
        assert!((dash.intercept_m.east_m - 75_000.0).abs() < 1e-6);
        assert!((dash.launch_m.north_m - 100_000.0).abs() < 1e-6);
    }

    #[test]
    fn no_dash_within_launch_range_or_behind_a_faster_threat() {
        let within = solve_dash(
            EnuPosition::default(),
            500.0,
            [10_000.0, 0.0, 0.0].into(),
            [-200.0, 0.0, 0.0].into(),
            1000.0,
            20_000.0,
        );
        assert!(within.is_none());
        let receding = solve_dash(
            EnuPosition::default(),
            300.0,
            [50_000.0, 0.0, 0.0].into(),
            [400.0, 0.0, 0.0].into(),
            1000.0,
            0.0,
        );
        assert!(receding.is_none());
    }

    fn limits(fuel_m: f64) -> Vectoring {
        Vectoring {
            dash_speed_mps: 500.0,
            base_m: [-100_000.0, 0.0, 0.0].into(),
            combat_radius_m: 500_000.0,
            dash_fuel_factor: 4.0,
            fuel_m,
        }
    }

    fn dash_to(x_m: f64) -> Dash {
        Dash {
            dash_s: x_m / 500.0,
            launch_m: [x_m, 0.0, 0.0].into(),
            flight_s: 0.0,
            intercept_m: [x_m, 0.0, 0.0].into(),
        }
    }

    #[test]
    fn fuel_covers_four_times_the_dash_and_the_flight_home() {
        // A 50 km dash east of a station 100 km east of base: 4 x 50 + 150 = 350 km of fuel.
        assert_eq!(
            check_dash(
                &limits(350_000.0),
                EnuPosition::default(),
                &dash_to(50_000.0)
            ),
            Ok(())
        );
        assert_eq!(
            check_dash(
                &limits(349_000.0),
                EnuPosition::default(),
                &dash_to(50_000.0)
            ),
            Err(Infeasible::ShortOfFuel)
        );
    }

    #[test]
    fn sector_limits_the_dash() {
        assert_eq!(
            check_dash(&limits(1.0e9), EnuPosition::default(), &dash_to(100_001.0)),
            Err(Infeasible::BeyondCombatRadius)
        );
    }
}
