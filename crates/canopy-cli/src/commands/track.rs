//! `canopy track`: run the multi-target tracker over a bench scenario directory.

use anyhow::Context;
use canopy_track::bench_io::{TrackWriter, read_meta, read_scenario};
use canopy_track::{Scan, Tracker, TrackerConfig};
use std::path::PathBuf;
use std::time::Instant;

/// Arguments of `canopy track`.
#[derive(clap::Args)]
pub struct TrackArgs {
    /// Scenario directory holding `sensors.csv`, `scans.csv` and `detections.csv`
    /// (and optionally `scenario.json`: its surveillance region deletes tracks that leave it
    /// and its clutter density tunes confirmation, unless the configuration sets them).
    pub scenario_dir: PathBuf,
    /// Output tracks file (one row per confirmed track per scan time).
    #[arg(long)]
    pub out: PathBuf,
    /// Tracker configuration (TOML, or JSON when the name ends in `.json`); defaults otherwise.
    #[arg(long)]
    pub config: Option<PathBuf>,
}

/// Runs the subcommand.
pub fn execute(args: TrackArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let mut config = match &args.config {
        Some(path) => TrackerConfig::from_file(path)?,
        None => TrackerConfig::default(),
    };
    if let Some(meta) = read_meta(&args.scenario_dir)? {
        config.region.get_or_insert(meta.region);
        if config.clutter_density_per_m3 == 0.0 {
            config.clutter_density_per_m3 = meta.clutter_density_per_m3;
        }
    }
    let scenario = read_scenario(&args.scenario_dir)
        .with_context(|| format!("reading scenario {}", args.scenario_dir.display()))?;
    let read_s = started.elapsed().as_secs_f64();
    let mut tracker = Tracker::new(config);
    let mut writer = TrackWriter::new();
    for bench_scan in &scenario.scans {
        let scan = Scan {
            time_s: bench_scan.time_s,
            sensor: &scenario.sensors[&bench_scan.sensor_id],
            detections: &bench_scan.detections,
        };
        let tracks = tracker.process_scan(&scan)?;
        writer.push_scan(bench_scan.time_s, tracks);
    }
    let tracked_s = started.elapsed().as_secs_f64();
    writer.write(&args.out)?;
    let wall_s = started.elapsed().as_secs_f64();
    eprintln!(
        "canopy track: {} scans, {} detections in {:.3} s (read {:.3} s, track {:.3} s, \
         write {:.3} s; {:.0} detections/s) -> {}",
        scenario.scans.len(),
        scenario.n_detections,
        wall_s,
        read_s,
        tracked_s - read_s,
        wall_s - tracked_s,
        scenario.n_detections as f64 / wall_s.max(1e-9),
        args.out.display()
    );
    Ok(())
}
