//! Each threat's true path for the page: where it flies, with the time it passes each point, so
//! the page places it at any time by interpolation. The times are the engine's own
//! (`ThreatSpec::time_at`), the points its route's ground track.

use canopy_sim::PreparedScenario;
use canopy_sim::prepared::ThreatSpec;
use serde::Serialize;

/// Spacing of the points of a path, metres: a tenth of a degree or so, finer than the page draws.
pub const PATH_SPACING_M: f64 = 10_000.0;

/// One threat as the page knows it before it launches.
#[derive(Clone, Debug, Serialize)]
pub struct ThreatPath {
    /// Its number (the event log's `threat`).
    pub id: u32,
    /// Its stable name (`raid#k`).
    pub name: String,
    /// Its type id.
    pub threat_type: String,
    /// Its class (`drone`, `decoy`, `cruise`, `ballistic`).
    pub class: canopy_scenario::ThreatClass,
    /// Its aim point (place id).
    pub target: String,
    /// Its launch time, seconds since the scenario start.
    pub launch_s: f64,
    /// Its route from launch to aim point: `[time_s, lat_deg, lon_deg]`, in time order.
    pub path: Vec<[f64; 3]>,
}

/// Rounds to `digits` decimals (to keep the page's data small; 1e-5° is about a metre).
pub fn round(value: f64, digits: i32) -> f64 {
    let scale = 10f64.powi(digits);
    (value * scale).round() / scale
}

/// The path of one threat.
pub fn threat_path(prepared: &PreparedScenario, spec: &ThreatSpec) -> ThreatPath {
    let route = &prepared.routes[spec.route].route;
    let path = route
        .ground_track(&prepared.geometry, PATH_SPACING_M)
        .into_iter()
        .map(|(distance, point)| {
            [
                round(spec.time_at(distance).as_secs_f64(), 3),
                round(point.lat_deg(), 5),
                round(point.lon_deg(), 5),
            ]
        })
        .collect();
    ThreatPath {
        id: spec.id.0,
        name: spec.name.clone(),
        threat_type: prepared.scenario.library.threat(spec.kind).id.clone(),
        class: spec.class,
        target: spec.target.to_string(),
        launch_s: spec.launch.as_secs_f64(),
        path,
    }
}

/// The paths of every threat, in threat order.
pub fn threat_paths(prepared: &PreparedScenario) -> Vec<ThreatPath> {
    prepared
        .threats
        .iter()
        .map(|spec| threat_path(prepared, spec))
        .collect()
}
