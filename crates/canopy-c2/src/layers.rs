//! Later layers: the ground sites a track will pass within reach of before it reaches the aim
//! point it most likely heads for, as the shots C2 could take then.
//!
//! The track is taken to fly straight on at its present velocity; a site is a later layer when
//! that path passes within one of its munitions' maximum range (at an altitude inside the
//! munition's band) at a point where the site's nation may engage it, and the nation may engage
//! the track. Sites that can engage the track now are left out: they are shots now, not later.

use canopy_scenario::ThreatClass;

use crate::classify::altitude_above_ground_m;
use crate::picture::TrackEstimate;
use crate::planning::PlanningContext;
use crate::shooter::{ShooterKind, ShooterState};
use crate::waiting::ShotOption;

/// The shots the ground sites not engaging the track now could take at it later, within
/// `time_to_aim_s` (`engaging_now[shooter]`: whether the shooter has a shot at it now).
pub fn later_layers(
    ctx: &PlanningContext,
    shooters: &[ShooterState],
    engaging_now: &[bool],
    track: &TrackEstimate,
    time_to_aim_s: f64,
) -> Vec<ShotOption> {
    let p = track.position_m;
    let (ve, vn) = (track.velocity_mps.east_mps, track.velocity_mps.north_mps);
    let ground_speed_sq = ve * ve + vn * vn;
    let altitude_m = altitude_above_ground_m(p);
    let mut layers = Vec::new();
    for (shooter, now) in shooters.iter().zip(engaging_now) {
        if *now || shooter.kind != ShooterKind::Site {
            continue;
        }
        // The time of closest approach along the straight path, within [0, time_to_aim_s].
        let (de, dn) = (
            shooter.position_m.east_m - p.east_m,
            shooter.position_m.north_m - p.north_m,
        );
        let t = if ground_speed_sq > 0.0 {
            ((de * ve + dn * vn) / ground_speed_sq).clamp(0.0, time_to_aim_s)
        } else {
            0.0
        };
        let (me, mn) = (de - ve * t, dn - vn * t);
        let miss_sq = me * me + mn * mn;
        let first = layers.len();
        for stock in shooter.munitions.iter().filter(|stock| stock.rounds > 0) {
            let kind = ctx.library.munition(stock.munition);
            let in_band = (kind.min_altitude_m..=kind.max_altitude_m).contains(&altitude_m);
            if miss_sq <= kind.max_range_m * kind.max_range_m && in_band {
                layers.push(ShotOption {
                    pk_by_class: ThreatClass::ALL.map(|class| kind.pk(class)),
                    cost_usd: kind.cost_usd,
                });
            }
        }
        // The rules, dearer to check, only for a site the path passes within reach of.
        if layers.len() > first {
            let rules = ctx.rules.nation(shooter.nation);
            let mut closest = p;
            closest.east_m += ve * t;
            closest.north_m += vn * t;
            let (point, _) = ctx.geometry.geo_of(closest);
            if !(rules.allows_track(track.belief) && rules.may_engage_at(point)) {
                layers.truncate(first);
            }
        }
    }
    layers
}
