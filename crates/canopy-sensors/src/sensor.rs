//! A placed sensor: its platform (mast, orbit or field) in the local ENU frame, and its scan.

use canopy_core::NationId;
use canopy_geo::EnuFrame;
use canopy_scenario::{Library, SensorKind, SensorPlatform, SensorSite, SensorType};
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
    /// Identity, reported back in [`Detection::origin`] (for analysis only).
    pub id: u32,
    /// Position in the local ENU frame, metres.
    pub position_m: [f64; 3],
    /// Height above the ground, metres.
    pub altitude_m: f64,
    /// Velocity in the local ENU frame, m/s.
    pub velocity_mps: [f64; 3],
    /// Speed (the velocity's length), m/s.
    pub speed_mps: f64,
    /// Radar cross-section, m².
    pub rcs_m2: f64,
}

/// One detection in the polar coordinates of the node that made it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Detection {
    /// Slant range, metres.
    pub range_m: f64,
    /// Azimuth, radians, 0 = east, counter-clockwise.
    pub azimuth_rad: f64,
    /// Elevation, radians, positive up.
    pub elevation_rad: f64,
    /// The target it came from, or `None` for a false alarm (never shown to C2).
    pub origin: Option<u32>,
}

/// The detections one antenna or microphone node made in one scan.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Where the node stands, local ENU, metres.
    pub from_m: [f64; 3],
    /// Its detections.
    pub detections: Vec<Detection>,
}

/// Where a sensor is, in the local frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Platform {
    /// A fixed antenna.
    Mast {
        /// Antenna position, metres.
        position_m: [f64; 3],
        /// Antenna height above the ground, metres.
        height_m: f64,
    },
    /// An aircraft flying a circle in the local horizontal plane.
    Orbit {
        /// Circle centre at the orbit altitude, metres.
        centre_m: [f64; 3],
        /// Circle radius, metres.
        radius_m: f64,
        /// Altitude, metres.
        altitude_m: f64,
        /// Angular rate, rad/s.
        rate_radps: f64,
    },
    /// Microphone nodes on a square grid over a disc on the ground.
    Field {
        /// Disc centre on the ground, metres.
        centre_m: [f64; 3],
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
                position_m: frame.to_enu(site.at, height_m).into(),
                height_m,
            },
            SensorPlatform::Orbit {
                radius_m,
                altitude_m,
                speed_mps,
            } => Platform::Orbit {
                centre_m: frame.to_enu(site.at, altitude_m).into(),
                radius_m,
                altitude_m,
                rate_radps: if radius_m > 0.0 {
                    speed_mps / radius_m
                } else {
                    0.0
                },
            },
            SensorPlatform::Field { radius_m } => Platform::Field {
                centre_m: frame.to_enu(site.at, 0.0).into(),
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

    /// Antenna position (local frame) and height above the ground at `time_s`, for a radar.
    pub fn antenna_m(&self, time_s: f64) -> ([f64; 3], f64) {
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
                let angle = rate_radps * time_s;
                (
                    [
                        centre_m[0] + radius_m * angle.cos(),
                        centre_m[1] + radius_m * angle.sin(),
                        centre_m[2],
                    ],
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
                .max_target_altitude_m
                .is_none_or(|h| target.altitude_m <= h)
    }

    /// One scan at `time_s` over `targets`, appending its reports to `out`.
    pub fn scan(&self, time_s: f64, targets: &[Target], rng: &mut impl Rng, out: &mut Vec<Report>) {
        match self.kind.kind {
            SensorKind::Radar => self.radar_scan(time_s, targets, rng, out),
            SensorKind::Acoustic => self.acoustic_scan(targets, rng, out),
        }
    }

    fn radar_scan(
        &self,
        time_s: f64,
        targets: &[Target],
        rng: &mut impl Rng,
        out: &mut Vec<Report>,
    ) {
        let (antenna, height_m) = self.antenna_m(time_s);
        let look_range_m = self.look_range_m();
        let max_range2 = look_range_m * look_range_m;
        let antenna_horizon_m = horizon_distance_m(height_m);
        let mut detections = Vec::new();
        for target in targets {
            let d = sub(target.position_m, antenna);
            let range2 = dot(d, d);
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
            detections.push(self.measure(d, Some(target.id), rng));
        }
        let false_alarms = poisson(self.kind.false_alarms_per_scan, rng);
        for _ in 0..false_alarms {
            let range_m = look_range_m * rng.random::<f64>().sqrt();
            let azimuth_rad = std::f64::consts::TAU * rng.random::<f64>();
            let elevation_rad = FALSE_ALARM_ELEVATION_RAD * (2.0 * rng.random::<f64>() - 1.0);
            detections.push(Detection {
                range_m,
                azimuth_rad,
                elevation_rad,
                origin: None,
            });
        }
        out.push(Report {
            from_m: antenna,
            detections,
        });
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
            let (dx, dy) = (p[0] - centre_m[0], p[1] - centre_m[1]);
            if dx * dx + dy * dy > radius2 || !self.reportable(target) {
                continue;
            }
            let node = [
                centre_m[0] + (dx / spacing_m).round() * spacing_m,
                centre_m[1] + (dy / spacing_m).round() * spacing_m,
                p[2] - target.altitude_m + self.kind.antenna_height_m,
            ];
            let d = sub(p, node);
            if dot(d, d) > hearing2 || rng.random::<f64>() >= self.kind.reference_pd {
                continue;
            }
            let detection = self.measure(d, Some(target.id), rng);
            out.push(Report {
                from_m: node,
                detections: vec![detection],
            });
        }
        for _ in 0..poisson(self.kind.false_alarms_per_scan, rng) {
            let r = radius_m * rng.random::<f64>().sqrt();
            let a = std::f64::consts::TAU * rng.random::<f64>();
            let node = [
                centre_m[0] + r * a.cos(),
                centre_m[1] + r * a.sin(),
                centre_m[2],
            ];
            let elevation_rad = std::f64::consts::FRAC_PI_4 * rng.random::<f64>();
            out.push(Report {
                from_m: node,
                detections: vec![Detection {
                    range_m: self.kind.reference_range_m * rng.random::<f64>().sqrt(),
                    azimuth_rad: std::f64::consts::TAU * rng.random::<f64>(),
                    elevation_rad,
                    origin: None,
                }],
            });
        }
    }

    /// The noisy polar measurement of a target at `d` from the node.
    fn measure(&self, d: [f64; 3], origin: Option<u32>, rng: &mut impl Rng) -> Detection {
        let horizontal = d[0].hypot(d[1]);
        let mut noise = |sigma: f64| -> f64 {
            let z: f64 = StandardNormal.sample(&mut *rng);
            sigma * z
        };
        let range_noise = noise(self.kind.sigma_range_m);
        let azimuth_noise = noise(self.kind.sigma_azimuth_rad);
        let elevation_noise = noise(self.kind.sigma_elevation_rad);
        Detection {
            range_m: (dot(d, d).sqrt() + range_noise).max(1.0),
            azimuth_rad: d[1].atan2(d[0]) + azimuth_noise,
            elevation_rad: d[2].atan2(horizontal) + elevation_noise,
            origin,
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

fn sub(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}

fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}
