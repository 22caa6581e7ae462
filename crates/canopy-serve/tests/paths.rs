//! The page's threat paths are the engine's true paths: interpolated at the time a threat entered
//! the theatre or was destroyed, a path is where the event log says the threat was.

mod common;

use canopy_sim::{Event, PictureMode, Position};
use common::default_night;

#[test]
fn a_path_passes_where_the_log_places_its_threat() {
    let (_, _, night) = default_night(PictureMode::Perfect);
    let mut checked = 0;
    for event in &night.events {
        let (threat, at): (u32, &Position) = match event {
            Event::ThreatEntered { threat, at, .. } | Event::Kill { threat, at, .. } => {
                (threat.0, at)
            }
            _ => continue,
        };
        let path = &night.threats[threat as usize];
        assert_eq!(path.id, threat);
        let [lat, lon] = path.at(event.time().as_secs_f64());
        // 10 km chords of a geodesic and 1e-5° rounding: well under 0.002° (about 200 m)
        assert!(
            (lat - at.lat_deg).abs() < 2e-3,
            "threat {threat}: {lat} against {}",
            at.lat_deg
        );
        assert!(
            (lon - at.lon_deg).abs() < 2e-3,
            "threat {threat}: {lon} against {}",
            at.lon_deg
        );
        checked += 1;
    }
    assert!(checked > 100, "only {checked} positions checked");
}
