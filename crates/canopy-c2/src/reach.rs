//! A cheap necessary condition for an engagement: how far a shooter can reach this cycle, and
//! which tracks each shooter may reach.

use canopy_core::{SimDuration, SimTime};
use canopy_geo::FreeVector;

use crate::picture::TrackEstimate;
use crate::planning::PlanningContext;
use crate::shooter::ShooterState;
use crate::vectoring::VECTOR_SECTOR_M;

/// The longest quiet period a plan announces, seconds (a day: longer than any scenario's night).
const QUIET_HORIZON_S: f64 = 86_400.0;

/// The quiet time a plan announces when no track can come within reach of an available shooter
/// for `quiet_s` seconds (none when `quiet_s` is 0).
pub(crate) fn quiet_until(ctx: &PlanningContext, quiet_s: f64) -> Option<SimTime> {
    (quiet_s > 0.0).then(|| ctx.now + SimDuration::from_secs_f64(quiet_s.min(QUIET_HORIZON_S)))
}

/// The tracks each available shooter may reach this cycle (a necessary condition for every
/// engagement), and how long until some track could come within some shooter's reach.
pub(crate) struct ReachMap {
    /// For each shooter, the indices of the tracks within its reach, ascending.
    pub(crate) tracks_of: Vec<Vec<usize>>,
    /// Seconds before some track could come within reach of some available shooter (0 when
    /// one already is).
    pub(crate) quiet_s: f64,
}

impl ReachMap {
    /// The reach of every available shooter over `tracks`. Tracks are grouped by speed (the
    /// speeds of a group within a factor of two) and each group sorted east to west once, so each
    /// shooter tests only the tracks of each group within that group's widest reach east or
    /// west: a fast ballistic track no longer widens the search among the drones.
    pub(crate) fn new(
        ctx: &PlanningContext,
        shooters: &[ShooterState],
        tracks: &[&TrackEstimate],
    ) -> ReachMap {
        let speeds: Vec<f64> = tracks.iter().map(|t| t.velocity_mps.norm()).collect();
        let groups = speed_groups(tracks, &speeds);
        let mut tracks_of = vec![Vec::new(); shooters.len()];
        let reaches: Vec<Option<Reach>> = shooters
            .iter()
            .map(|shooter| shooter.available.then(|| Reach::of(ctx, shooter)))
            .collect();
        for ((shooter, reach), within) in shooters.iter().zip(&reaches).zip(&mut tracks_of) {
            let Some(reach) = reach else { continue };
            let east_m = shooter.position_m.east_m;
            for group in &groups {
                let widest_m = reach.reach_m(group.fastest_mps);
                let by_east = &group.by_east;
                let first = by_east.partition_point(|&(x, _)| x < east_m - widest_m);
                for &(x, index) in &by_east[first..] {
                    if x > east_m + widest_m {
                        break;
                    }
                    if reach.gap_s(shooter, tracks[index], speeds[index]) == 0.0 {
                        within.push(index);
                    }
                }
            }
            within.sort_unstable();
        }
        let quiet_s = if tracks_of.iter().any(|within| !within.is_empty()) {
            0.0
        } else {
            shooters
                .iter()
                .zip(&reaches)
                .filter_map(|(shooter, reach)| reach.as_ref().map(|reach| (shooter, reach)))
                .flat_map(|(shooter, reach)| {
                    tracks
                        .iter()
                        .zip(&speeds)
                        .map(move |(track, speed)| reach.gap_s(shooter, track, *speed))
                })
                .fold(f64::INFINITY, f64::min)
        };
        ReachMap { tracks_of, quiet_s }
    }

    /// For each track, the shooters that may reach it, ascending.
    pub(crate) fn shooters_of(&self, n_tracks: usize) -> Vec<Vec<usize>> {
        let mut shooters_of = vec![Vec::new(); n_tracks];
        for (shooter, within) in self.tracks_of.iter().enumerate() {
            for &track in within {
                shooters_of[track].push(shooter);
            }
        }
        shooters_of
    }
}

/// Tracks of similar speed, sorted east to west (then by index), with the fastest's speed.
struct SpeedGroup {
    fastest_mps: f64,
    by_east: Vec<(f64, usize)>,
}

/// The tracks grouped by speed: a group holds the speeds between two successive powers of two
/// (m/s; below 1 m/s in one group), groups from the slowest.
fn speed_groups(tracks: &[&TrackEstimate], speeds: &[f64]) -> Vec<SpeedGroup> {
    let mut groups: std::collections::BTreeMap<i32, SpeedGroup> = Default::default();
    for (index, (track, &speed)) in tracks.iter().zip(speeds).enumerate() {
        let key = if speed >= 1.0 {
            speed.log2().floor() as i32
        } else {
            -1
        };
        let group = groups.entry(key).or_insert(SpeedGroup {
            fastest_mps: 0.0,
            by_east: Vec::new(),
        });
        group.fastest_mps = group.fastest_mps.max(speed);
        group.by_east.push((track.position_m.east_m, index));
    }
    let mut groups: Vec<SpeedGroup> = groups.into_values().collect();
    for group in &mut groups {
        group
            .by_east
            .sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    }
    groups
}

/// What a shooter can reach this cycle, for a cheap necessary condition on each track.
struct Reach {
    /// Its longest munition range, metres, plus its vectoring sector for a fighter on patrol.
    max_range_m: f64,
    /// Seconds before an interceptor could arrive at that range: lead time to launch, a dash
    /// across the sector, and the slowest munition's flight over its range.
    horizon_s: f64,
}

impl Reach {
    fn of(ctx: &PlanningContext, shooter: &ShooterState) -> Reach {
        let library = ctx.library;
        let (max_range_m, min_speed_mps) =
            shooter
                .munitions
                .iter()
                .fold((0.0f64, f64::INFINITY), |(range, speed), stock| {
                    let kind = library.munition(stock.munition);
                    (range.max(kind.max_range_m), speed.min(kind.speed_mps))
                });
        let lead_s = (ctx.authority.approval_delay + shooter.reaction).as_secs_f64()
            + shooter.ready_at.since(ctx.now).as_secs_f64().max(0.0);
        let (dash_m, dash_s) = shooter.vectoring.map_or((0.0, 0.0), |vectoring| {
            (VECTOR_SECTOR_M, VECTOR_SECTOR_M / vectoring.dash_speed_mps)
        });
        Reach {
            max_range_m: max_range_m + dash_m,
            horizon_s: lead_s + dash_s + max_range_m / min_speed_mps,
        }
    }

    /// The distance within which a track flying at `speed_mps` may be engageable.
    fn reach_m(&self, speed_mps: f64) -> f64 {
        self.max_range_m + speed_mps * self.horizon_s
    }

    /// Seconds before `track`, keeping its speed `speed_mps`, could come within this reach of
    /// `shooter` (0 when it already is).
    fn gap_s(&self, shooter: &ShooterState, track: &TrackEstimate, speed_mps: f64) -> f64 {
        let reach_m = self.reach_m(speed_mps);
        let offset = track.position_m - shooter.position_m;
        let distance_sq = offset.dot(offset);
        if distance_sq <= reach_m * reach_m {
            0.0
        } else {
            (distance_sq.sqrt() - reach_m) / speed_mps
        }
    }
}
