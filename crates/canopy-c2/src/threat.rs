//! Threat evaluation: what stopping a track is worth, and how long it leaves.
//!
//! A track's value is the damage it is expected to do, in US dollars (so that it weighs directly
//! against interceptor costs): for each class, the probability C2 gives the class
//! ([`crate::belief`]) times the share of an aim point's value a leaker of the class destroys
//! (the type library's evaluation catalogue) times the value of the aim point the track is
//! heading for. Which aim point that is, C2 infers from the track's heading: each defended aim
//! point ahead is weighted by a Gaussian of the angle between the heading and its bearing, with
//! the library's heading spread (routes are dog-legs) and the track's own heading uncertainty
//! added in quadrature; a destination the scenario does not list has a fixed weight and value.
//! The assumptions are documented in `docs/methods.md`.

use canopy_geo::{EnuPosition, EnuVector, FreeVector};
use canopy_scenario::{Evaluation, MunitionType, Scenario, ThreatClass};

use crate::geometry::Geometry;
use crate::picture::TrackEstimate;

/// An aim point C2 defends, in the theatre frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DefendedAsset {
    /// Its position on the ground.
    pub position_m: EnuPosition,
    /// What a leaker's strike on it is worth at most (USD).
    pub value_usd: f64,
}

/// The scenario's aim points as C2 defends them, on the ground of the theatre's frame.
pub fn defended_assets(scenario: &Scenario, geometry: &Geometry) -> Vec<DefendedAsset> {
    scenario
        .aim_points
        .iter()
        .map(|point| DefendedAsset {
            position_m: geometry.frame.to_enu(point.place.at, 0.0),
            value_usd: point.value_usd,
        })
        .collect()
}

/// What C2 makes of one track this cycle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ThreatAssessment {
    /// The damage (USD) expected of the track through each class, in the order of
    /// [`ThreatClass::ALL`]: the class's probability times the damage a leaker of it does at the
    /// aim point the track is heading for.
    pub class_values_usd: [f64; 4],
    /// The value (USD) of stopping it: the sum of `class_values_usd`.
    pub value_usd: f64,
    /// Seconds before it reaches the ground, when it is descending (ballistic dive); `None` for
    /// a track in level flight.
    pub time_to_impact_s: Option<f64>,
    /// Seconds before it reaches the aim point it most likely heads for, at its present ground
    /// speed; `None` when it most likely heads for none of the defended aim points.
    pub time_to_aim_s: Option<f64>,
}

impl ThreatAssessment {
    /// The assessment of a track no shooter can engage, left unevaluated: no value, no times.
    pub const NONE: ThreatAssessment = ThreatAssessment {
        class_values_usd: [0.0; 4],
        value_usd: 0.0,
        time_to_impact_s: None,
        time_to_aim_s: None,
    };

    /// The kill probability of `munition` against the track, each class weighted by the damage
    /// it is expected to do (so that `pk × value` is the damage a shot is expected to avert); the
    /// belief's plain expectation for a track expected to do no damage.
    pub fn value_weighted_pk(&self, munition: &MunitionType, track: &TrackEstimate) -> f64 {
        if self.value_usd > 0.0 {
            ThreatClass::ALL
                .into_iter()
                .map(|class| self.class_values_usd[class.index()] * munition.pk(class))
                .sum::<f64>()
                / self.value_usd
        } else {
            track.belief.expect(|class| munition.pk(class))
        }
    }
}

/// Evaluates one track against the defended aim points.
pub fn assess(
    track: &TrackEstimate,
    evaluation: &Evaluation,
    assets: &[DefendedAsset],
) -> ThreatAssessment {
    let aim = aim_value(track, evaluation, assets);
    let class_values_usd = ThreatClass::ALL.map(|class| {
        track.belief.probability(class) * evaluation.class(class).damage_share * aim.value_usd
    });
    let climb_mps = track.velocity_mps.up_mps;
    let altitude_m = track.position_m.up_m;
    ThreatAssessment {
        class_values_usd,
        value_usd: class_values_usd.iter().sum(),
        time_to_impact_s: (climb_mps < 0.0).then(|| altitude_m.max(0.0) / -climb_mps),
        time_to_aim_s: aim.time_to_aim_s,
    }
}

/// How many heading spreads off its heading an aim point may lie and still count.
const NEGLIGIBLE_SIGMAS: f64 = 4.0;

/// The value of where a track is heading, and the time to its most likely aim point.
struct AimValue {
    value_usd: f64,
    time_to_aim_s: Option<f64>,
}

/// The value of the track's destination, averaged over the aim points ahead (and a destination
/// the scenario does not list) by how well the track's heading points at them.
fn aim_value(track: &TrackEstimate, evaluation: &Evaluation, assets: &[DefendedAsset]) -> AimValue {
    let aim = &evaluation.aim;
    let heading = EnuVector {
        east_m: track.velocity_mps.east_mps,
        north_m: track.velocity_mps.north_mps,
        up_m: 0.0,
    };
    let ground_speed_mps = heading.norm();
    let spread_rad = aim
        .heading_spread_rad
        .hypot(heading_sigma_rad(track, ground_speed_mps));
    // Aim points further off the heading than this weigh nothing worth counting (under 3e-4 of
    // one straight ahead), and those behind nothing at all.
    let cos_limit = (NEGLIGIBLE_SIGMAS * spread_rad)
        .min(std::f64::consts::FRAC_PI_2)
        .cos();
    let mut total_weight = aim.elsewhere_weight;
    let mut total_value = aim.elsewhere_weight * aim.elsewhere_value_usd;
    let mut likeliest: Option<(f64, f64)> = None;
    for asset in assets {
        let to_asset = EnuVector {
            east_m: asset.position_m.east_m - track.position_m.east_m,
            north_m: asset.position_m.north_m - track.position_m.north_m,
            up_m: 0.0,
        };
        let distance_m = to_asset.norm();
        let off_rad = if distance_m < 1.0 || ground_speed_mps < 1.0 {
            0.0
        } else {
            let cos_off = heading.dot(to_asset) / (ground_speed_mps * distance_m);
            if cos_off < cos_limit {
                continue;
            }
            cos_off.min(1.0).acos()
        };
        let weight = (-0.5 * (off_rad / spread_rad).powi(2)).exp();
        total_weight += weight;
        total_value += weight * asset.value_usd;
        if likeliest.is_none_or(|(best, _)| weight > best) {
            likeliest = Some((weight, distance_m));
        }
    }
    let value_usd = if total_weight > 0.0 {
        total_value / total_weight
    } else {
        aim.elsewhere_value_usd
    };
    let time_to_aim_s = likeliest
        .filter(|&(weight, _)| weight > aim.elsewhere_weight && ground_speed_mps >= 1.0)
        .map(|(_, distance_m)| distance_m / ground_speed_mps);
    AimValue {
        value_usd,
        time_to_aim_s,
    }
}

/// The 1-sigma uncertainty of the track's heading (rad): its velocity's standard deviation across
/// its ground track over its ground speed (π when it hardly moves).
fn heading_sigma_rad(track: &TrackEstimate, ground_speed_mps: f64) -> f64 {
    if ground_speed_mps < 1.0 {
        return std::f64::consts::PI;
    }
    // The unit vector across the ground track.
    let across = [
        -track.velocity_mps.north_mps / ground_speed_mps,
        track.velocity_mps.east_mps / ground_speed_mps,
    ];
    let p = &track.covariance;
    let variance = across[0] * across[0] * p[3][3]
        + 2.0 * across[0] * across[1] * p[3][4]
        + across[1] * across[1] * p[4][4];
    (variance.max(0.0).sqrt() / ground_speed_mps).min(std::f64::consts::PI)
}
