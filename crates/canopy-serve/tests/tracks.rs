//! The page's snapshots of C2's tracked picture: taking them leaves the run as `canopy run` has
//! it, event for event, and the tracks lie where the threats truly fly.

mod common;

use canopy_serve::tracks::SNAPSHOT_INTERVAL_S;
use canopy_sim::PictureMode;
use common::default_night;

/// Roughly the distance between two nearby points, metres.
fn distance_m(a: [f64; 2], b: [f64; 2]) -> f64 {
    let north = (a[0] - b[0]).to_radians() * 6_371_000.0;
    let east = (a[1] - b[1]).to_radians() * 6_371_000.0 * a[0].to_radians().cos();
    north.hypot(east)
}

#[test]
fn snapshots_leave_the_log_unchanged_and_tracks_lie_on_the_threats_paths() {
    let (prepared, options, night) = default_night(PictureMode::Tracked);
    let plain = canopy_sim::run(&prepared, &options, &mut []);
    assert_eq!(
        serde_json::to_string(&night.events).unwrap(),
        serde_json::to_string(&plain.events).unwrap(),
        "the replay's log is the run's, byte for byte"
    );
    let pictures = &night.pictures;
    assert!(pictures.len() > 100, "{} snapshots", pictures.len());
    let (last, taken) = pictures.split_last().unwrap();
    for pair in taken.windows(2) {
        assert!(pair[1].time_s - pair[0].time_s >= SNAPSHOT_INTERVAL_S as f64);
    }
    assert!(
        last.tracks.is_empty(),
        "the picture closes empty at the end"
    );
    let end = plain.events.iter().map(|e| e.time().as_secs_f64());
    assert!(last.time_s <= end.fold(0.0, f64::max));
    let (mut marks, mut near) = (0, 0);
    for snapshot in pictures {
        assert!(snapshot.tracks.windows(2).all(|w| w[0].id < w[1].id));
        let t = snapshot.time_s;
        for track in &snapshot.tracks {
            assert!(track.sigma_m >= 0.0 && (0.0..=1.0).contains(&track.probability));
            let nearest = night
                .threats
                .iter()
                .filter(|threat| threat.launch_s <= t)
                .map(|threat| distance_m([track.lat, track.lon], threat.at(t)))
                .fold(f64::INFINITY, f64::min);
            marks += 1;
            near += usize::from(nearest <= 5000.0);
        }
    }
    // false and stale tracks aside, C2's tracks sit on threats (within a seeker's basket)
    assert!(
        near * 10 >= marks * 9,
        "{near} of {marks} tracks near a threat"
    );
}

#[test]
fn the_perfect_picture_has_no_snapshots() {
    let (_, _, night) = default_night(PictureMode::Perfect);
    assert!(night.pictures.is_empty());
}
