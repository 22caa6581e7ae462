//! The tracker's bench files. The input is split at lines of `----` into `sensors.csv`,
//! `scans.csv`, `detections.csv`, `scenario.json` and a tracker configuration, written to a
//! scratch folder and read as `canopy track` reads them; what reads is tracked, and every
//! confirmed track's state stays finite.

use canopy_track::bench_io::{read_meta, read_scenario};
use canopy_track::{Scan, Tracker, TrackerConfig};

use crate::scenario::assert_message;

/// The files of a bench folder, in the order the input gives them.
const FILES: [&str; 5] = [
    "sensors.csv",
    "scans.csv",
    "detections.csv",
    "scenario.json",
    "tracker.toml",
];

/// Reads `data` as a bench folder and tracks it.
pub fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let dir = tempfile::tempdir().expect("a scratch folder");
    let mut parts = text.split("\n----\n");
    for name in FILES {
        if let Some(part) = parts.next().filter(|p| !p.is_empty()) {
            std::fs::write(dir.path().join(name), part).expect("a scratch file");
        }
    }
    if let Err(message) = track(dir.path()) {
        assert_message(&message);
    }
}

/// What `canopy track` does with the folder, without writing `tracks.csv`.
fn track(dir: &std::path::Path) -> Result<(), String> {
    let config_path = dir.join(FILES[4]);
    let mut config = if config_path.exists() {
        TrackerConfig::from_file(&config_path).map_err(|e| e.to_string())?
    } else {
        TrackerConfig::default()
    };
    if let Some(meta) = read_meta(dir).map_err(|e| e.to_string())? {
        config.region.get_or_insert(meta.region);
        if config.clutter_density_per_m3 == 0.0 {
            config.clutter_density_per_m3 = meta.clutter_density_per_m3;
        }
    }
    let scenario = read_scenario(dir).map_err(|e| e.to_string())?;
    let mut tracker = Tracker::new(config);
    for bench_scan in &scenario.scans {
        let scan = Scan {
            time_s: bench_scan.time_s,
            sensor: &scenario.sensors[&bench_scan.sensor_id],
            detections: &bench_scan.detections,
        };
        let tracks = tracker.process_scan(&scan).map_err(|e| e.to_string())?;
        for track in tracks.iter().filter(|t| t.confirmed) {
            let mean = &track.estimate.mean;
            assert!(
                mean.iter().all(|x| x.is_finite()),
                "track {} has a non-finite state {mean:?} at {} s",
                track.id.0,
                bench_scan.time_s
            );
        }
    }
    Ok(())
}
