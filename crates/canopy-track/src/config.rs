//! Tracker configuration (serde: read from TOML or JSON), with the defaults reported in the
//! benchmark figures.

use crate::deleter::Region;
use crate::error::TrackError;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Which updater folds detections in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UpdaterKind {
    /// Extended Kalman update in polar measurement space.
    Polar,
    /// Linear Kalman update on the converted Cartesian position.
    Converted,
}

/// Motion models of the IMM that runs confirmed tracks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ImmConfig {
    /// Constant-velocity horizontal acceleration noise density, m^2/s^3.
    pub cv_q_horizontal: f64,
    /// Turn rate of the two coordinated-turn models (one each way), rad/s.
    pub turn_rate_radps: f64,
    /// Coordinated-turn horizontal acceleration noise density, m^2/s^3.
    pub turn_q_horizontal: f64,
    /// Correlation time of the vertical velocity in the level-flight models (CV, turns), s.
    pub level_vertical_time_constant_s: f64,
    /// Stationary standard deviation of the vertical velocity in level flight, m/s.
    pub level_vertical_sigma_mps: f64,
    /// Radius of the sphere the tracking frame is tangent to at its origin, metres, so that
    /// level flight follows the curved ground (`None`: a flat frame, as the benchmark's).
    pub frame_curvature_radius_m: Option<f64>,
    /// Ballistic-model acceleration noise density (every axis), m^2/s^3.
    pub ballistic_q: f64,
    /// Probability per step of staying in the same level-flight model.
    pub stay_probability: f64,
    /// Probability per step of switching between level flight and ballistic flight.
    pub ballistic_switch_probability: f64,
    /// Initial probabilities of (CV, left turn, right turn, ballistic).
    pub initial_probabilities: [f64; 4],
    /// The step the switching probabilities above are given for, seconds: a shorter step
    /// switches proportionally less (`None`: they are per step, whatever its length).
    pub switching_interval_s: Option<f64>,
}

impl Default for ImmConfig {
    fn default() -> Self {
        Self {
            cv_q_horizontal: 1.0,
            turn_rate_radps: 3f64.to_radians(),
            turn_q_horizontal: 1.0,
            level_vertical_time_constant_s: 6.0,
            level_vertical_sigma_mps: 2.0,
            frame_curvature_radius_m: None,
            ballistic_q: 1.0,
            stay_probability: 0.9,
            ballistic_switch_probability: 1e-3,
            initial_probabilities: [0.55, 0.15, 0.15, 0.15],
            switching_interval_s: None,
        }
    }
}

impl ImmConfig {
    /// Switching matrix over (CV, left turn, right turn, ballistic).
    pub fn switching(&self) -> Vec<Vec<f64>> {
        let level_leave = (1.0 - self.stay_probability) / 2.0;
        let b = self.ballistic_switch_probability;
        (0..4)
            .map(|i| {
                (0..4)
                    .map(|j| match (i, j) {
                        (3, 3) => 1.0 - b,
                        (3, _) => b / 3.0,
                        (_, 3) => b,
                        _ if i == j => self.stay_probability,
                        _ => level_leave,
                    })
                    .collect()
            })
            .collect()
    }
}

/// Everything the tracker can be tuned with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TrackerConfig {
    /// Updater for all tracks.
    pub updater: UpdaterKind,
    /// Gate on the squared Mahalanobis distance (chi-square, 3 degrees of freedom).
    pub gate_distance2: f64,
    /// Grid cell of the spatial gater, metres.
    pub grid_cell_m: f64,
    /// Velocity prior standard deviation of a new track (vx, vy, vz), m/s.
    pub initial_velocity_sigma_mps: [f64; 3],
    /// Acceleration noise density of tentative tracks (constant velocity), m^2/s^3.
    pub tentative_q: f64,
    /// Motion models of confirmed tracks.
    pub imm: ImmConfig,
    /// Confirmation: hits needed ...
    pub confirm_hits: u32,
    /// ... or this many for tracks faster than `fast_speed_mps` ...
    pub confirm_hits_fast: u32,
    /// ... (m/s) ...
    pub fast_speed_mps: f64,
    /// ... or this many for tracks slower than `slow_speed_mps` ...
    pub confirm_hits_slow: u32,
    /// ... (m/s) ...
    pub slow_speed_mps: f64,
    /// Clutter density, false alarms per m^3 per scan (0 = negligible).
    pub clutter_density_per_m3: f64,
    /// A slow track confirms early only if the gate of its latest detection expected at most
    /// this many false alarms.
    pub max_expected_false_alarms: f64,
    /// ... within this many looks.
    pub confirm_window: u32,
    /// Consecutive misses that drop a tentative track.
    pub tentative_max_misses: u32,
    /// Consecutive misses that delete an established confirmed track.
    pub confirmed_max_misses: u32,
    /// Consecutive misses that delete a just-confirmed track (a track may miss as many looks
    /// in a row as it has hits, between this and `confirmed_max_misses`).
    pub young_max_misses: u32,
    /// Largest position uncertainty (root of the covariance trace) of a kept track, metres.
    pub max_position_sigma_m: f64,
    /// Confirmed tracks closer than this squared Mahalanobis distance (6-D state, sum of
    /// covariances) are merged into the older one; 0 disables merging.
    pub merge_distance2: f64,
    /// A track confirmed within this time of losing another one near its predicted position
    /// takes over the lost identity, seconds (0 disables).
    pub reacquire_window_s: f64,
    /// Surveillance region: tracks leaving it are deleted (targets leave the picture there).
    pub region: Option<Region>,
    /// Tracks predicted below this height are deleted, metres.
    pub min_height_m: f64,
}

impl Default for TrackerConfig {
    fn default() -> Self {
        Self {
            updater: UpdaterKind::Polar,
            gate_distance2: 16.0,
            grid_cell_m: 5000.0,
            initial_velocity_sigma_mps: [800.0, 800.0, 30.0],
            tentative_q: 100.0,
            imm: ImmConfig::default(),
            confirm_hits: 3,
            confirm_hits_fast: 4,
            fast_speed_mps: 400.0,
            confirm_hits_slow: 2,
            slow_speed_mps: 300.0,
            clutter_density_per_m3: 0.0,
            max_expected_false_alarms: 0.1,
            confirm_window: 4,
            tentative_max_misses: 2,
            confirmed_max_misses: 6,
            young_max_misses: 3,
            max_position_sigma_m: 5000.0,
            merge_distance2: 12.6,
            reacquire_window_s: 20.0,
            region: None,
            min_height_m: -2000.0,
        }
    }
}

impl TrackerConfig {
    /// Reads a configuration file: TOML, or JSON when the name ends in `.json`. Missing
    /// fields keep their defaults; unknown fields are errors.
    pub fn from_file(path: &Path) -> Result<Self, TrackError> {
        let text = std::fs::read_to_string(path).map_err(|source| TrackError::Io {
            path: path.to_path_buf(),
            error: source,
        })?;
        let config_error = |message: String| TrackError::Config {
            path: path.to_path_buf(),
            message,
        };
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        {
            serde_json::from_str(&text).map_err(|e| config_error(e.to_string()))
        } else {
            toml::from_str(&text).map_err(|e| config_error(e.to_string()))
        }
    }
}
