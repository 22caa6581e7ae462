//! A placed sensor: its platform (mast, orbit or field) in the local ENU frame, and its scan.

use canopy_core::{NationId, SimTime};
use canopy_geo::{EnuFrame, EnuPosition, EnuVector, EnuVelocity, FreeVector};
use canopy_scenario::{Library, SensorKind, SensorPlatform, SensorSite, SensorType};
use canopy_track::{Azimuth, PolarDetection};
use rand::{Rng, RngExt};
use rand_distr::{Distribution, Poisson, StandardNormal};

use crate::detection::DetectionModel;
use crate::horizon::horizon_distance_m;

/// Largest elevation of a false alarm above or below the antenna's horizontal, radians.
const FALSE_ALARM_ELEVATION_RAD: f64 = 0.05;
/// Cross-section of the smallest target a radar's surveillance volume is sized for, m² (a
/// Shahed-class drone).
const SMALL_TARGET_RCS_M2: f64 = 0.05;
/// Detection probability against that target at the edge of the surveillance volume.
const EDGE_PD: f64 = 0.1;

/// Something a sensor may detect: a threat's true state at the scan time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Target {
    /// Identity, reported back in [`Report::origins`] (for analysis only).
    pub id: u32,
    /// Position in the local ENU frame.
    pub position_m: EnuPosition,
    /// Height above the ground, metres.
    pub altitude_m: f64,
    /// Velocity in the local ENU frame.
    pub velocity_mps: EnuVelocity,
    /// Speed (the velocity's length), m/s.
    pub speed_mps: f64,
    /// Radar cross-section, m².
    pub rcs_m2: f64,
}

/// The detections one antenna or microphone node made in one scan, in the node's polar
/// coordinates (the tracker's [`PolarDetection`]s).
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Where the node stands, local ENU.
    pub from_m: EnuPosition,
    /// Its detections, unlabelled, as the tracker takes them.
    pub detections: Vec<PolarDetection>,
    /// Where each detection came from, in the order of [`Report::detections`]: the target's
    /// id, or `None` for a false alarm (for analysis only, never shown to the tracker or C2).
    pub origins: Vec<Option<u32>>,
}

impl Report {
    /// A report from the node at `from_m`, with no detection yet.
    fn new(from_m: EnuPosition) -> Report {
        Report {
            from_m,
            detections: Vec::new(),
            origins: Vec::new(),
        }
    }

    /// Adds a detection and where it came from.
    fn push(&mut self, detection: PolarDetection, origin: Option<u32>) {
        self.detections.push(detection);
        self.origins.push(origin);
    }
}

/// Where a sensor is, in the local frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Platform {
    /// A fixed antenna.
    Mast {
        /// Antenna position.
        position_m: EnuPosition,
        /// Antenna height above the ground, metres.
        height_m: f64,
    },
    /// An aircraft flying a circle in the local horizontal plane.
    Orbit {
        /// Circle centre at the orbit altitude.
        centre_m: EnuPosition,
        /// Circle radius, metres.
        radius_m: f64,
        /// Altitude, metres.
        altitude_m: f64,
        /// Angular rate, rad/s.
        rate_radps: f64,
    },
    /// Microphone nodes on a square grid over a disc on the ground.
    Field {
        /// Disc centre on the ground.
        centre_m: EnuPosition,
        /// Disc radius, metres.
        radius_m: f64,
    },
}

/// A sensor of a nation, placed in the local frame.
#[derive(Clone, Debug)]
pub struct Sensor {
    /// Its id in the scenario.
    pub name: String,
    /// Its owner.
    pub nation: NationId,
    /// Its type's parameters.
    pub kind: SensorType,
    /// Where it is.
    pub platform: Platform,
    model: DetectionModel,
}

impl Sensor {
    /// Places a scenario's sensor in `frame`.
    pub fn from_site(site: &SensorSite, library: &Library, frame: &EnuFrame) -> Sensor {
        let kind = library.sensor(site.sensor).clone();
        let platform = match site.platform {
            SensorPlatform::Mast { height_m } => Platform::Mast {
                position_m: frame.to_enu(site.at, height_m),
                height_m,
            },
            SensorPlatform::Orbit {
                radius_m,
                altitude_m,
                speed_mps,
            } => Platform::Orbit {
                centre_m: frame.to_enu(site.at, altitude_m),
                radius_m,
                altitude_m,
                rate_radps: if radius_m > 0.0 {
                    speed_mps / radius_m
                } else {
                    0.0
                },
            },
            SensorPlatform::Field { radius_m } => Platform::Field {
                centre_m: frame.to_enu(site.at, 0.0),
                radius_m,
            },
        };
        Sensor::new(site.id.clone(), site.nation, kind, platform)
    }

    /// A sensor of type `kind` on `platform`.
    pub fn new(name: String, nation: NationId, kind: SensorType, platform: Platform) -> Sensor {
        let model = DetectionModel::new(
            kind.reference_range_m,
            kind.reference_rcs_m2,
            kind.reference_pd,
        );
        Sensor {
            name,
            nation,
            kind,
            platform,
            model,
        }
    }

    /// Its detection model.
    pub fn model(&self) -> &DetectionModel {
        &self.model
    }

    /// The radius of the volume the sensor reports in and a tracker counts its looks in,
    /// metres: for a radar, the range at which a small target (0.05 m²) is still detected with
    /// probability 0.1, at most the instrumented range; for an acoustic network, the hearing
    /// distance of a node.
    pub fn look_range_m(&self) -> f64 {
        match self.kind.kind {
            SensorKind::Radar => self
                .kind
                .max_range_m
                .min(self.model.range_for_pd(EDGE_PD, SMALL_TARGET_RCS_M2)),
            SensorKind::Acoustic => self.kind.reference_range_m,
        }
    }

    /// Time between two scans, seconds.
    pub fn revisit_s(&self) -> f64 {
        self.kind.revisit_s
    }

    /// Antenna position (local frame) and height above the ground, metres, at `time`, for a
    /// radar.
    pub fn antenna_m(&self, time: SimTime) -> (EnuPosition, f64) {
        match self.platform {
            Platform::Mast {
                position_m,
                height_m,
            } => (position_m, height_m),
            Platform::Orbit {
                centre_m,
                radius_m,
                altitude_m,
                rate_radps,
            } => {
                let angle = rate_radps * time.as_secs_f64();
                (
                    EnuPosition {
                        east_m: centre_m.east_m + radius_m * angle.cos(),
                        north_m: centre_m.north_m + radius_m * angle.sin(),
                        up_m: centre_m.up_m,
                    },
                    altitude_m,
                )
            }
            Platform::Field { centre_m, .. } => (centre_m, self.kind.antenna_height_m),
        }
    }

    /// Whether the sensor could report `target` at all (limits of speed and altitude).
    fn reportable(&self, target: &Target) -> bool {
        self.kind
            .max_target_speed_mps
            .is_none_or(|v| target.speed_mps <= v)
            && self
                .kind
                .min_target_speed_mps
                .is_none_or(|v| target.speed_mps >= v)
            && self
                .kind
                .max_target_altitude_m
                .is_none_or(|h| target.altitude_m <= h)
    }

    /// One scan at `time` over `targets`, appending its reports to `out`.
    pub fn scan(
        &self,
        time: SimTime,
        targets: &[Target],
        rng: &mut impl Rng,
        out: &mut Vec<Report>,
    ) {
        match self.kind.kind {
            SensorKind::Radar => self.radar_scan(time, targets, rng, out),
            SensorKind::Acoustic => self.acoustic_scan(targets, rng, out),
        }
    }

    fn radar_scan(
        &self,
        time: SimTime,
        targets: &[Target],
        rng: &mut impl Rng,
        out: &mut Vec<Report>,
    ) {
        let (antenna, height_m) = self.antenna_m(time);
        let look_range_m = self.look_range_m();
        let max_range2 = look_range_m * look_range_m;
        let antenna_horizon_m = horizon_distance_m(height_m);
        let mut report = Report::new(antenna);
        for target in targets {
            let d = target.position_m - antenna;
            let range2 = d.dot(d);
            if range2 > max_range2 || !self.reportable(target) {
                continue;
            }
            let range_m = range2.sqrt();
            if range_m > antenna_horizon_m + horizon_distance_m(target.altitude_m) {
                continue;
            }
            if rng.random::<f64>() >= self.model.pd(range_m, target.rcs_m2) {
                continue;
            }
            report.push(self.measure(d, rng), Some(target.id));
        }
        let false_alarms = poisson(self.kind.false_alarms_per_scan, rng);
        for _ in 0..false_alarms {
            let range_m = look_range_m * rng.random::<f64>().sqrt();
            let azimuth_rad = std::f64::consts::TAU * rng.random::<f64>();
            let elevation_rad = FALSE_ALARM_ELEVATION_RAD * (2.0 * rng.random::<f64>() - 1.0);
            let detection = PolarDetection {
                range_m,
                azimuth: Azimuth::from_east_ccw_rad(azimuth_rad),
                elevation_rad,
            };
            report.push(detection, None);
        }
        out.push(report);
    }

    /// Acoustic reports: each heard target is reported from the grid node nearest below it.
    fn acoustic_scan(&self, targets: &[Target], rng: &mut impl Rng, out: &mut Vec<Report>) {
        let Platform::Field { centre_m, radius_m } = self.platform else {
            return;
        };
        let spacing_m = self.kind.max_range_m;
        let radius2 = radius_m * radius_m;
        let hearing2 = self.kind.reference_range_m * self.kind.reference_range_m;
        for target in targets {
            let p = target.position_m;
            let (dx, dy) = (p.east_m - centre_m.east_m, p.north_m - centre_m.north_m);
            if dx * dx + dy * dy > radius2 || !self.reportable(target) {
                continue;
            }
            let node = EnuPosition {
                east_m: centre_m.east_m + (dx / spacing_m).round() * spacing_m,
                north_m: centre_m.north_m + (dy / spacing_m).round() * spacing_m,
                up_m: p.up_m - target.altitude_m + self.kind.antenna_height_m,
            };
            let d = p - node;
            if d.dot(d) > hearing2 || rng.random::<f64>() >= self.kind.reference_pd {
                continue;
            }
            let mut report = Report::new(node);
            report.push(self.measure(d, rng), Some(target.id));
            out.push(report);
        }
        for _ in 0..poisson(self.kind.false_alarms_per_scan, rng) {
            let r = radius_m * rng.random::<f64>().sqrt();
            let a = std::f64::consts::TAU * rng.random::<f64>();
            let node = EnuPosition {
                east_m: centre_m.east_m + r * a.cos(),
                north_m: centre_m.north_m + r * a.sin(),
                up_m: centre_m.up_m,
            };
            let elevation_rad = std::f64::consts::FRAC_PI_4 * rng.random::<f64>();
            let detection = PolarDetection {
                range_m: self.kind.reference_range_m * rng.random::<f64>().sqrt(),
                azimuth: Azimuth::from_east_ccw_rad(std::f64::consts::TAU * rng.random::<f64>()),
                elevation_rad,
            };
            let mut report = Report::new(node);
            report.push(detection, None);
            out.push(report);
        }
    }

    /// The noisy polar measurement of a target at `d` from the node.
    fn measure(&self, d: EnuVector, rng: &mut impl Rng) -> PolarDetection {
        let horizontal = d.east_m.hypot(d.north_m);
        let mut noise = |sigma: f64| -> f64 {
            let z: f64 = StandardNormal.sample(&mut *rng);
            sigma * z
        };
        let range_noise = noise(self.kind.sigma_range_m);
        let azimuth_noise = noise(self.kind.sigma_azimuth_rad);
        let elevation_noise = noise(self.kind.sigma_elevation_rad);
        PolarDetection {
            range_m: (d.norm() + range_noise).max(1.0),
            azimuth: Azimuth::from_east_ccw_rad(d.north_m.atan2(d.east_m) + azimuth_noise),
            elevation_rad: d.up_m.atan2(horizontal) + elevation_noise,
        }
    }
}

/// A Poisson draw of mean `mean` (0 when the mean is 0).
fn poisson(mean: f64, rng: &mut impl Rng) -> u64 {
    if mean <= 0.0 {
        return 0;
    }
    Poisson::new(mean).map_or(0, |p| p.sample(rng) as u64)
}
