//! What a radar hands the tracker: a sensor description and one scan of polar detections.

use crate::azimuth::Azimuth;
use crate::geometry::{converted_covariance, polar_to_cartesian};
use nalgebra::{Matrix3, Vector3};

/// A radar: where it stands and how noisy its measurements are.
#[derive(Clone, Debug, PartialEq)]
pub struct SensorModel {
    /// Radar position in the local frame, metres.
    pub position_m: Vector3<f64>,
    /// 1-sigma range noise, metres.
    pub sigma_range_m: f64,
    /// 1-sigma azimuth noise, radians.
    pub sigma_azimuth_rad: f64,
    /// 1-sigma elevation noise, radians.
    pub sigma_elevation_rad: f64,
    /// Instrumented range, metres: tracks beyond it are not counted as missed by this radar.
    pub max_range_m: f64,
    /// The radio horizon, when the local frame is tangent to a round earth: tracks below the
    /// sensor's line of sight are not counted as missed either (`None`: a flat world).
    pub horizon: Option<RadioHorizon>,
}

/// Line of sight over a smooth round earth, for a local frame tangent to the earth's surface
/// at its origin.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RadioHorizon {
    /// Radius of the earth the frame is tangent to, metres: it turns positions into heights.
    pub earth_radius_m: f64,
    /// Effective radius that bends the line of sight (4/3 of the earth's for standard
    /// refraction), metres.
    pub effective_radius_m: f64,
}

impl RadioHorizon {
    /// Height above the earth's surface of a point of the local frame, metres.
    pub fn height_m(&self, position_m: &Vector3<f64>) -> f64 {
        let r = self.earth_radius_m;
        (position_m + Vector3::new(0.0, 0.0, r)).norm() - r
    }

    /// Distance to the horizon of a point `height_m` above the surface, metres.
    pub fn distance_m(&self, height_m: f64) -> f64 {
        (2.0 * self.effective_radius_m * height_m.max(0.0)).sqrt()
    }

    /// Whether points `a` and `b` of the local frame see each other over the earth's bulge:
    /// their distance is within the sum of their horizon distances.
    pub fn in_sight(&self, a: &Vector3<f64>, b: &Vector3<f64>) -> bool {
        let reach_m = self.distance_m(self.height_m(a)) + self.distance_m(self.height_m(b));
        (a - b).norm_squared() <= reach_m * reach_m
    }
}

impl SensorModel {
    /// Builds a sensor model from its position and noise standard deviations, with
    /// unlimited range.
    pub fn new(
        position_m: Vector3<f64>,
        sigma_range_m: f64,
        sigma_azimuth_rad: f64,
        sigma_elevation_rad: f64,
    ) -> Self {
        Self {
            position_m,
            sigma_range_m,
            sigma_azimuth_rad,
            sigma_elevation_rad,
            max_range_m: f64::INFINITY,
            horizon: None,
        }
    }

    /// Whether a target at `position_m` lies within the sensor's range and, when it has a
    /// horizon, its line of sight: a scan that did not report it there missed it.
    pub fn covers(&self, position_m: &Vector3<f64>) -> bool {
        (position_m - self.position_m).norm_squared() <= self.max_range_m * self.max_range_m
            && self
                .horizon
                .is_none_or(|horizon| horizon.in_sight(&self.position_m, position_m))
    }

    /// Noise standard deviations `(range_m, azimuth_rad, elevation_rad)`.
    pub fn sigmas(&self) -> Vector3<f64> {
        Vector3::new(
            self.sigma_range_m,
            self.sigma_azimuth_rad,
            self.sigma_elevation_rad,
        )
    }

    /// Measurement noise covariance in polar space.
    pub fn polar_noise(&self) -> Matrix3<f64> {
        let s = self.sigmas();
        Matrix3::from_diagonal(&s.component_mul(&s))
    }
}

/// One detection in the radar's polar coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PolarDetection {
    /// Slant range from the radar, metres.
    pub range_m: f64,
    /// Azimuth (held the mathematical way: 0 = east, counter-clockwise).
    pub azimuth: Azimuth,
    /// Elevation, radians, positive up.
    pub elevation_rad: f64,
}

impl PolarDetection {
    /// `(range_m, azimuth_rad, elevation_rad)` as a vector, the azimuth from east,
    /// counter-clockwise.
    pub fn polar(&self) -> Vector3<f64> {
        Vector3::new(
            self.range_m,
            self.azimuth.east_ccw_rad(),
            self.elevation_rad,
        )
    }

    /// Position of the detection in the local frame, metres.
    pub fn position_m(&self, sensor: &SensorModel) -> Vector3<f64> {
        sensor.position_m + polar_to_cartesian(&self.polar())
    }

    /// Linearised covariance of [`PolarDetection::position_m`].
    pub fn position_covariance(&self, sensor: &SensorModel) -> Matrix3<f64> {
        converted_covariance(&self.polar(), &sensor.sigmas())
    }
}

/// One instantaneous radar scan: every detection carries the scan's time stamp.
#[derive(Clone, Copy, Debug)]
pub struct Scan<'a> {
    /// Scan time, seconds from the start of the run.
    pub time_s: f64,
    /// The radar that made the scan.
    pub sensor: &'a SensorModel,
    /// The detections (target returns and false alarms, unlabelled).
    pub detections: &'a [PolarDetection],
}
