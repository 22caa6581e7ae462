//! Truth to detections: ground and airborne radars and acoustic networks.
//!
//! A [`Sensor`] is a placed sensor type of the library ([`canopy_scenario::SensorType`]) in a
//! local East-North-Up frame (the simulation's theatre frame), owned by a nation. Each scan it
//! looks at a list of [`Target`]s and returns [`Report`]s: the tracker's polar detections
//! ([`canopy_track::PolarDetection`]: range, [`canopy_track::Azimuth`] from east
//! counter-clockwise, elevation up) from the antenna or microphone node that made them, target
//! returns and Poisson false alarms unlabelled to the tracker (their origins are kept beside
//! them for analysis only). Positions are the theatre frame's [`canopy_geo::EnuPosition`]s;
//! scan times are [`canopy_core::SimTime`]s.
//!
//! - [`horizon`]: line of sight over a 4/3 earth.
//! - [`detection`]: detection probability by the radar equation from a reference point.
//! - [`sensor`]: the placed sensor, its platform and its scan.

pub mod detection;
pub mod horizon;
pub mod sensor;

pub use detection::DetectionModel;
pub use horizon::{EFFECTIVE_EARTH_RADIUS_M, radar_horizon_m};
pub use sensor::{Platform, Report, Sensor, Target};
