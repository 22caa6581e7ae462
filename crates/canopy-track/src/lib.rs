//! Multi-target tracking as swappable components, composed into a tracker.
//!
//! The crate follows the component split of Stone Soup: a [`MotionModel`] and a
//! [`Predictor`] move a Gaussian state forward, an [`Updater`] folds a radar detection in
//! (converted-Cartesian Kalman or polar extended Kalman), an [`Imm`] mixes several motion
//! models, a [`Gater`] proposes track-detection pairs through a spatial index, an
//! [`Associator`] picks the optimal pairing, an [`Initiator`] confirms tentative tracks
//! (M-of-N) and a [`Deleter`] removes stale ones; a [`DuplicateMerger`] and a [`Reacquirer`]
//! keep one identity per target. [`Tracker`] composes them and consumes asynchronous radar
//! scans one at a time; [`TrackerConfig`] (serde) tunes it, and [`bench_io`] reads and writes
//! the benchmark's CSV files.
//!
//! Frame: local East-North-Up, metres; state `(x, y, z, vx, vy, vz)`. An [`Azimuth`] is held
//! the mathematical way (0 = east, counter-clockwise), built and read only by methods that name
//! that convention; elevation is positive up.
//!
//! ```
//! use canopy_track::{Azimuth, PolarDetection, Scan, SensorModel, Tracker, TrackerConfig};
//! use nalgebra::Vector3;
//!
//! let mut tracker = Tracker::new(TrackerConfig::default());
//! let sensor = SensorModel::new(Vector3::zeros(), 50.0, 0.002, 0.003);
//! let detections = [PolarDetection {
//!     range_m: 20_000.0,
//!     azimuth: Azimuth::from_east_ccw_rad(0.3),
//!     elevation_rad: 0.05,
//! }];
//! let scan = Scan { time_s: 0.0, sensor: &sensor, detections: &detections };
//! let tracks = tracker.process_scan(&scan).expect("scans in time order");
//! // One detection starts one tentative track; confirmation needs more scans.
//! assert_eq!(tracks.len(), 1);
//! assert!(!tracks[0].confirmed);
//! ```

pub mod associator;
pub mod azimuth;
pub mod bench_io;
pub mod config;
pub mod deleter;
pub mod error;
pub mod gater;
pub mod gaussian;
pub mod geometry;
pub mod imm;
pub mod initiator;
pub mod merger;
pub mod motion;
pub mod predictor;
pub mod reacquirer;
pub mod scan;
pub mod track;
pub mod tracker;
pub mod transition;
pub mod updater;

pub use associator::{Associator, GlobalNearestNeighbour, Hypothesis};
pub use azimuth::Azimuth;
pub use config::{ImmConfig, TrackerConfig};
pub use deleter::{Deleter, Deletion, MissedUpdateDeleter};
pub use error::TrackError;
pub use gater::{Gater, GridGater};
pub use gaussian::{Gaussian, StateCovariance, StateVector};
pub use imm::{Imm, ImmState};
pub use initiator::{Initiator, MOfNInitiator, TrackStatus};
pub use merger::DuplicateMerger;
pub use motion::{Ballistic, ConstantVelocity, CoordinatedTurn, MotionModel, Vertical};
pub use predictor::{KalmanPredictor, Predictor};
pub use reacquirer::Reacquirer;
pub use scan::{PolarDetection, RadioHorizon, Scan, SensorModel};
pub use track::{Track, TrackId};
pub use tracker::Tracker;
pub use transition::Transition;
pub use updater::{
    ConvertedDetection, ConvertedKalmanUpdater, ExtendedKalmanUpdater, Innovation, Updater,
};
