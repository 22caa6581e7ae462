//! Each threat's true path: where it flies, with the time it passes each point, so that a map
//! (the `canopy serve` page, the exports for map tools) places it at any time by interpolation.
//! The times are the engine's own (`ThreatSpec::time_at`), the points its route's ground track.

use serde::Serialize;

use crate::PreparedScenario;
use crate::prepared::ThreatSpec;

/// Spacing of the points of a path, metres: a tenth of a degree or so, finer than the page draws.
pub const PATH_SPACING_M: f64 = 10_000.0;

/// One threat's whole route as a map knows it before it launches.
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

impl ThreatPath {
    /// `[lat, lon]` at `time_s`, interpolated between the path's points (its first point before
    /// launch, its last after arrival).
    pub fn at(&self, time_s: f64) -> [f64; 2] {
        let p = &self.path;
        match p.len() {
            0 => [f64::NAN, f64::NAN],
            1 => [p[0][1], p[0][2]],
            n => {
                let k = p.partition_point(|q| q[0] <= time_s).clamp(1, n - 1);
                let (a, b) = (p[k - 1], p[k]);
                let f = ((time_s - a[0]) / (b[0] - a[0])).clamp(0.0, 1.0);
                [a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])]
            }
        }
    }

    /// The path flown until `time_s`: its points before then, and where it is at `time_s`.
    pub fn until(&self, time_s: f64) -> Vec<[f64; 3]> {
        let mut flown: Vec<[f64; 3]> = self
            .path
            .iter()
            .take_while(|q| q[0] < time_s)
            .copied()
            .collect();
        if !self.path.is_empty() {
            let [lat, lon] = self.at(time_s);
            flown.push([time_s, lat, lon]);
        }
        flown
    }
}

/// Rounds to `digits` decimals (to keep a map's data small; 1e-5° is about a metre).
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
