//! The scenario's sensors at work: each reports to the fusion centre on its own grid of times
//! (multiples of its reporting period from the start), with its own random stream, over the
//! threats' true state.
//!
//! Fighter radars: each patrol whose aircraft type carries a radar (`radar` in aircraft.toml)
//! adds one radar at its station and altitude (assumed: the aircraft of a patrol fly together and
//! share one radar picture over their datalink), scanning only while an aircraft of the patrol
//! is on station.
//!
//! Site radars: each site whose system carries an engagement radar searching for ballistic
//! missiles (`radar` in systems.toml) adds that radar at the site. It reports only targets
//! faster than its type's `min_target_speed_kmh`.
//!
//! A sensor's reporting period is its revisit period, or the fusion period when that is longer:
//! the fusion centre takes each sensor's latest scan once per [`FUSION_PERIOD_S`]. This bounds
//! the tracker's work per simulated hour (see docs/methods.md, "Sensors"). A sensor that reports
//! only fast targets reports at its own revisit, and scans only while such a target flies: its
//! looks are few, and a fast target needs them.

use canopy_core::{PatrolId, RngStream, SimTime, StreamKey};
use canopy_sensors::{Platform, Report, Sensor, Target};

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
    /// The patrol that carries it (a fighter radar), or `None` for a scenario sensor.
    patrol: Option<PatrolId>,
}

impl Scheduled {
    fn new(sensor: Sensor, rng: RngStream, patrol: Option<PatrolId>) -> Scheduled {
        let revisit_s = sensor.revisit_s();
        let period_s = if sensor.kind.min_target_speed_mps.is_some() {
            revisit_s
        } else {
            revisit_s * (FUSION_PERIOD_S / revisit_s).ceil().max(1.0)
        };
        Scheduled {
            rng,
            next_scan: SimTime::START,
            period_us: (period_s * 1e6).round().max(1.0) as i64,
            patrol,
            sensor,
        }
    }

    /// Whether it reports fast targets alone (a search for ballistic missiles).
    fn fast_targets_only(&self) -> bool {
        self.sensor.kind.min_target_speed_mps.is_some()
    }

    /// Moves its next scan one reporting period on.
    fn advance(&mut self) {
        self.next_scan = SimTime::from_micros(self.next_scan.as_micros() + self.period_us);
    }

    /// Whether it scans at all now: a patrol's radar while the patrol is on station, a sensor
    /// of fast targets only while one flies (`fastest_mps`, the fastest threat in the air).
    fn active(&self, on_station: &dyn Fn(PatrolId) -> bool, fastest_mps: f64) -> bool {
        self.patrol.is_none_or(on_station)
            && self
                .sensor
                .kind
                .min_target_speed_mps
                .is_none_or(|v| fastest_mps >= v)
    }
}

/// Every sensor of the scenario.
pub struct SensorNet {
    sensors: Vec<Scheduled>,
    /// The threats as the latest scans saw them, and when.
    targets: Vec<Target>,
    targets_time: Option<SimTime>,
    /// The earliest of the sensors' next scans: before it there is nothing to do.
    next_due: SimTime,
}

/// The reports of the scans the sensors made at one instant.
pub struct InstantReports<'a> {
    /// When they scanned.
    pub time: SimTime,
    /// Each scanning sensor with what it reported.
    pub scans: &'a [SensorReports<'a>],
}

/// What one sensor reported in one scan.
pub struct SensorReports<'a> {
    /// The sensor.
    pub sensor: &'a Sensor,
    /// What it reported.
    pub reports: &'a [Report],
}

impl SensorNet {
    /// The scenario's sensors and its patrols' radars, with random streams derived from `key`.
    pub fn new(prepared: &PreparedScenario, key: StreamKey) -> SensorNet {
        let scenario = &prepared.scenario;
        let frame = &prepared.geometry.frame;
        let mut sensors: Vec<Scheduled> = scenario
            .sensors
            .iter()
            .map(|site| {
                let sensor = Sensor::from_site(site, &scenario.library, frame);
                Scheduled::new(sensor, key.stream("sensor", &site.id), None)
            })
            .collect();
        for site in &scenario.sites {
            let Some(radar) = scenario.library.system(site.system).radar else {
                continue;
            };
            let kind = scenario.library.sensor(radar).clone();
            let platform = Platform::Mast {
                position_m: frame.to_enu(site.at, kind.antenna_height_m),
                height_m: kind.antenna_height_m,
            };
            let sensor = Sensor::new(site.id.clone(), site.nation, kind, platform);
            sensors.push(Scheduled::new(
                sensor,
                key.stream("site-radar", &site.id),
                None,
            ));
        }
        for (index, patrol) in scenario.patrols.iter().enumerate() {
            let Some(radar) = scenario.library.aircraft(patrol.aircraft).radar else {
                continue;
            };
            let platform = Platform::Mast {
                position_m: frame.to_enu(patrol.station, patrol.altitude_m),
                height_m: patrol.altitude_m,
            };
            let kind = scenario.library.sensor(radar).clone();
            let sensor = Sensor::new(patrol.id.clone(), patrol.nation, kind, platform);
            let rng = key.stream("fighter-radar", &patrol.id);
            sensors.push(Scheduled::new(sensor, rng, Some(PatrolId(index as u16))));
        }
        SensorNet {
            sensors,
            targets: Vec::new(),
            targets_time: None,
            next_due: SimTime::START,
        }
    }

    /// The threats in the theatre with their true states at `time`, if the latest scans were
    /// made then (as [`TruthView::targets`] gave them to the sensors).
    pub fn targets_at(&self, time: SimTime) -> Option<&[Target]> {
        (self.targets_time == Some(time)).then_some(self.targets.as_slice())
    }

    /// Runs every scan due at or before `now` (skipping scans missed while nothing flew) in
    /// time order, calling `feed` once per instant with the scans of every sensor due then, in
    /// sensor order. A patrol's radar scans only while `on_station(patrol)`.
    pub fn scan_due(
        &mut self,
        now: SimTime,
        truth: &TruthView,
        on_station: &dyn Fn(PatrolId) -> bool,
        reports: &mut Vec<Report>,
        mut feed: impl FnMut(InstantReports<'_>),
    ) {
        if now < self.next_due {
            return;
        }
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
        let mut spans = Vec::new();
        let fastest_mps = if self.sensors.iter().any(Scheduled::fast_targets_only) {
            truth.fastest_active_mps()
        } else {
            0.0
        };
        loop {
            let Some(time) = self
                .sensors
                .iter()
                .map(|scheduled| scheduled.next_scan)
                .filter(|&next| next <= now)
                .min()
            else {
                self.next_due = self
                    .sensors
                    .iter()
                    .map(|s| s.next_scan)
                    .min()
                    .unwrap_or(now);
                return;
            };
            reports.clear();
            spans.clear();
            // The tracker looks now unless the only sensors due report fast targets alone and
            // have none to look for; the threats' states are worked out once a sensor scans.
            let mut looks = false;
            let mut targets_ready = false;
            for (index, scheduled) in self.sensors.iter_mut().enumerate() {
                if scheduled.next_scan != time {
                    continue;
                }
                scheduled.advance();
                let active = scheduled.active(on_station, fastest_mps);
                looks |= active || !scheduled.fast_targets_only();
                if !active {
                    continue;
                }
                if !targets_ready {
                    truth.targets(time, &mut self.targets);
                    self.targets_time = Some(time);
                    targets_ready = true;
                }
                let start = reports.len();
                scheduled
                    .sensor
                    .scan(time, &self.targets, &mut scheduled.rng, reports);
                spans.push((index, start..reports.len()));
            }
            if !looks {
                continue;
            }
            let scans: Vec<SensorReports<'_>> = spans
                .iter()
                .map(|(index, span)| SensorReports {
                    sensor: &self.sensors[*index].sensor,
                    reports: &reports[span.clone()],
                })
                .collect();
            feed(InstantReports {
                time,
                scans: &scans,
            });
        }
    }
}
