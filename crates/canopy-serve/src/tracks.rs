//! C2's tracked picture for the page: at most every [`SNAPSHOT_INTERVAL_S`] of simulated time,
//! the tracks of the picture as C2 holds them (estimated position and velocity, horizontal
//! uncertainty, most likely class), which the page draws beside the threats' true paths.
//!
//! Snapshots are taken by an [`Observer`] that asks the engine for the picture; the run, its
//! event log and its results are the same with it as without it. A snapshot holds until the
//! next; the last, at the run's end, is empty.

use canopy_c2::{AirPicture, TrackEstimate};
use canopy_core::{SimDuration, SimTime};
use canopy_scenario::ThreatClass;
use canopy_sim::paths::round;
use canopy_sim::{Observer, PictureMode, PreparedScenario, RunMetrics};
use serde::Serialize;

/// Least simulated time between two snapshots, seconds: the default scenario's decision cycle,
/// about 1 MB of data for the default night (the page moves each track along its estimated
/// velocity between snapshots).
pub const SNAPSHOT_INTERVAL_S: i64 = 60;

/// One track of a snapshot, in the page's terms.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrackMark {
    /// The track's id (the tracker's, stable for its life; not a threat number).
    pub id: u64,
    /// Estimated latitude, degrees.
    pub lat: f64,
    /// Estimated longitude, degrees.
    pub lon: f64,
    /// Estimated altitude above the ellipsoid, metres.
    pub alt_m: f64,
    /// Estimated velocity toward the east where the track is, metres per second.
    pub east_mps: f64,
    /// Estimated velocity toward the north where the track is, metres per second.
    pub north_mps: f64,
    /// One standard deviation of the horizontal position error, metres: the square root of the
    /// larger eigenvalue of the east-north block of the track's covariance (the 1-sigma
    /// ellipse's semi-major axis).
    pub sigma_m: f64,
    /// The class C2 finds most likely.
    pub class: ThreatClass,
    /// C2's probability of that class.
    pub probability: f64,
}

/// C2's picture at one time.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PictureSnapshot {
    /// When the picture held, seconds since the scenario's start.
    pub time_s: f64,
    /// Its tracks, in id order.
    pub tracks: Vec<TrackMark>,
}

impl PictureSnapshot {
    /// The page's view of `picture`, placed on the map of `prepared`.
    pub fn of(prepared: &PreparedScenario, picture: &AirPicture) -> PictureSnapshot {
        PictureSnapshot {
            time_s: picture.time.as_secs_f64(),
            tracks: picture
                .tracks
                .iter()
                .map(|track| mark(prepared, track))
                .collect(),
        }
    }
}

/// The page's view of one track.
fn mark(prepared: &PreparedScenario, track: &TrackEstimate) -> TrackMark {
    let at = prepared.geo_position(track.position_m);
    let frame = &prepared.geometry.frame;
    let (east_mps, north_mps) = frame.east_north_at(at.point(), track.velocity_mps);
    let class = track.belief.most_likely();
    TrackMark {
        id: track.id.0,
        lat: round(at.lat_deg, 5),
        lon: round(at.lon_deg, 5),
        alt_m: round(at.alt_m, 0),
        east_mps: round(east_mps, 1),
        north_mps: round(north_mps, 1),
        sigma_m: round(horizontal_sigma_m(&track.covariance), 0),
        class,
        probability: round(track.belief.probability(class), 3),
    }
}

/// The square root of the larger eigenvalue of a covariance's horizontal (x, y) block, metres.
pub fn horizontal_sigma_m(covariance: &[[f64; 6]; 6]) -> f64 {
    let (xx, xy, yy) = (covariance[0][0], covariance[0][1], covariance[1][1]);
    let half_sum = (xx + yy) / 2.0;
    let half_diff = (xx - yy) / 2.0;
    (half_sum + half_diff.hypot(xy)).max(0.0).sqrt()
}

/// The observer that snapshots C2's picture at most every [`SNAPSHOT_INTERVAL_S`].
pub struct PictureRecorder<'a> {
    prepared: &'a PreparedScenario,
    next: SimTime,
    snapshots: Vec<PictureSnapshot>,
    /// Snapshots handed over by [`PictureRecorder::take_new`].
    taken: usize,
    /// The last step's time.
    now: SimTime,
}

impl<'a> PictureRecorder<'a> {
    /// A recorder for a run of `prepared` on `picture`: only the tracked picture is recorded
    /// (the perfect picture's tracks are the threats themselves).
    pub fn of_run(prepared: &'a PreparedScenario, picture: PictureMode) -> Option<Self> {
        (picture == PictureMode::Tracked).then_some(PictureRecorder {
            prepared,
            next: SimTime::START,
            snapshots: Vec::new(),
            taken: 0,
            now: SimTime::START,
        })
    }

    /// Every snapshot taken, in time order.
    pub fn into_snapshots(self) -> Vec<PictureSnapshot> {
        self.snapshots
    }

    /// The snapshots taken since the last call.
    pub fn take_new(&mut self) -> &[PictureSnapshot] {
        let from = std::mem::replace(&mut self.taken, self.snapshots.len());
        &self.snapshots[from..]
    }
}

impl Observer for PictureRecorder<'_> {
    fn wants_picture(&mut self, time: SimTime) -> bool {
        time >= self.next
    }

    /// Keeps the snapshot, unless it is empty and so was the one before (or there was none).
    fn on_picture(&mut self, picture: &AirPicture) {
        self.next = picture.time + SimDuration::from_secs(SNAPSHOT_INTERVAL_S);
        let snapshot = PictureSnapshot::of(self.prepared, picture);
        let last_empty = self.snapshots.last().is_none_or(|s| s.tracks.is_empty());
        if !(snapshot.tracks.is_empty() && last_empty) {
            self.snapshots.push(snapshot);
        }
    }

    fn on_tick(&mut self, time: SimTime) {
        self.now = time;
    }

    /// Closes the picture with an empty snapshot at the run's last step: nothing is tracked
    /// once the night is over.
    fn on_finish(&mut self, _metrics: &RunMetrics) {
        self.on_picture(&AirPicture {
            time: self.now,
            tracks: Vec::new(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_horizontal_sigma_is_the_larger_axis_of_the_ellipse() {
        let mut covariance = [[0.0; 6]; 6];
        covariance[0][0] = 400.0 * 400.0;
        covariance[1][1] = 300.0 * 300.0;
        covariance[2][2] = 1e8; // height plays no part
        assert_eq!(horizontal_sigma_m(&covariance), 400.0);
        // rotated by 45°: variances (a + b) / 2 on the diagonal, (a - b) / 2 off it
        let (a, b) = (500.0_f64.powi(2), 100.0_f64.powi(2));
        covariance[0][0] = (a + b) / 2.0;
        covariance[1][1] = (a + b) / 2.0;
        covariance[0][1] = (a - b) / 2.0;
        covariance[1][0] = (a - b) / 2.0;
        assert!((horizontal_sigma_m(&covariance) - 500.0).abs() < 1e-9);
    }
}
