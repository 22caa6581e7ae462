//! The scenario's sensors at work: each reports to the fusion centre on its own grid of times
//! (multiples of its reporting period from the start), with its own random stream, over the
//! threats' true state.
//!
//! A sensor's reporting period is its revisit period, or the fusion period when that is longer:
//! the fusion centre takes each sensor's latest scan once per [`FUSION_PERIOD_S`]. This bounds
//! the tracker's work per simulated hour (see docs/methods.md, "Sensors").

use canopy_core::{RngStream, SimTime, StreamKey};
use canopy_sensors::{Report, Sensor, Target};

use crate::prepared::PreparedScenario;
use crate::truth::TruthView;

/// Least time between two scans of one sensor that the fusion centre processes, seconds
/// (assumed: a 10 s radar's every third scan; chosen to keep one replication within its
/// computing budget).
pub const FUSION_PERIOD_S: f64 = 30.0;

/// One sensor with its schedule and random stream.
struct Scheduled {
    sensor: Sensor,
    rng: RngStream,
    next_scan: SimTime,
    period_us: i64,
}

/// Every sensor of the scenario.
pub struct SensorNet {
    sensors: Vec<Scheduled>,
    targets: Vec<Target>,
    targets_time: Option<SimTime>,
}

/// The reports of one sensor's scan.
pub struct ScanReports<'a> {
    /// The sensor.
    pub sensor: &'a Sensor,
    /// When it scanned.
    pub time: SimTime,
    /// What it reported.
    pub reports: &'a [Report],
}

impl SensorNet {
    /// The scenario's sensors, with random streams derived from `key`.
    pub fn new(prepared: &PreparedScenario, key: StreamKey) -> SensorNet {
        let scenario = &prepared.scenario;
        let sensors = scenario
            .sensors
            .iter()
            .map(|site| {
                let sensor = Sensor::from_site(site, &scenario.library, &prepared.geometry.frame);
                let revisit_s = sensor.revisit_s();
                let period_s = revisit_s * (FUSION_PERIOD_S / revisit_s).ceil().max(1.0);
                let period_us = (period_s * 1e6).round().max(1.0) as i64;
                Scheduled {
                    rng: key.stream("sensor", &site.id),
                    next_scan: SimTime::START,
                    period_us,
                    sensor,
                }
            })
            .collect();
        SensorNet {
            sensors,
            targets: Vec::new(),
            targets_time: None,
        }
    }

    /// Runs every scan due at or before `now` (skipping scans missed while nothing flew) in
    /// time order, calling `feed` with each; scans of equal time go in sensor order.
    pub fn scan_due(
        &mut self,
        now: SimTime,
        truth: &TruthView,
        reports: &mut Vec<Report>,
        mut feed: impl FnMut(ScanReports<'_>),
    ) {
        // Scans missed while nothing flew are skipped: each sensor resumes at its latest grid
        // time not after `now`.
        for scheduled in &mut self.sensors {
            let behind = (now.as_micros() - scheduled.next_scan.as_micros()) / scheduled.period_us;
            if behind > 0 {
                scheduled.next_scan = SimTime::from_micros(
                    scheduled.next_scan.as_micros() + behind * scheduled.period_us,
                );
            }
        }
        loop {
            let Some(index) = (0..self.sensors.len())
                .filter(|&i| self.sensors[i].next_scan <= now)
                .min_by_key(|&i| (self.sensors[i].next_scan, i))
            else {
                return;
            };
            let scheduled = &mut self.sensors[index];
            let time = scheduled.next_scan;
            scheduled.next_scan = SimTime::from_micros(time.as_micros() + scheduled.period_us);
            if self.targets_time != Some(time) {
                truth.targets(time, &mut self.targets);
                self.targets_time = Some(time);
            }
            let scheduled = &mut self.sensors[index];
            reports.clear();
            scheduled.sensor.scan(
                time.as_secs_f64(),
                &self.targets,
                &mut scheduled.rng,
                reports,
            );
            feed(ScanReports {
                sensor: &scheduled.sensor,
                time,
                reports,
            });
        }
    }
}
