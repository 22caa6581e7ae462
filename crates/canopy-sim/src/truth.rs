//! Truth: where each threat is at any time (closed form along its route) and which are airborne.

use canopy_core::{SimTime, ThreatId};
use canopy_geo::{EnuPosition, EnuVelocity, FreeVector};
use canopy_scenario::ThreatClass;

use crate::prepared::{PreparedScenario, ThreatSpec};

/// Where a threat is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThreatStatus {
    /// Not yet in the theatre (on the ground or en route).
    Pending,
    /// In the theatre, flying.
    Active,
    /// Destroyed before the theatre.
    Attrited,
    /// Destroyed in the theatre.
    Destroyed,
    /// Led astray by electronic warfare: it will not reach its aim point.
    Lost,
    /// Reached its aim point.
    Leaked,
}

/// Read access to the threats' true state.
pub struct TruthView<'a> {
    prepared: &'a PreparedScenario,
    status: &'a [ThreatStatus],
}

impl<'a> TruthView<'a> {
    /// A view of the threats of `prepared` with these statuses.
    pub fn new(prepared: &'a PreparedScenario, status: &'a [ThreatStatus]) -> Self {
        TruthView { prepared, status }
    }

    /// Threats flying in the theatre, in id order.
    pub fn active(&self) -> impl Iterator<Item = ThreatId> + '_ {
        self.status
            .iter()
            .enumerate()
            .filter(|(_, status)| **status == ThreatStatus::Active)
            .map(|(index, _)| ThreatId(index as u32))
    }

    /// The speed of the fastest threat in the air (m/s; 0 when none is).
    pub fn fastest_active_mps(&self) -> f64 {
        self.active()
            .map(|threat| self.prepared.threats[threat.index()].speed_mps)
            .fold(0.0, f64::max)
    }

    /// The threat's class.
    pub fn class(&self, threat: ThreatId) -> ThreatClass {
        self.prepared.threats[threat.index()].class
    }

    /// The threat's true position at `time`, theatre frame.
    pub fn position_m(&self, threat: ThreatId, time: SimTime) -> EnuPosition {
        position_m(self.prepared, &self.prepared.threats[threat.index()], time)
    }

    /// The threat's true position and velocity at `time`.
    pub fn state_m(&self, threat: ThreatId, time: SimTime) -> (EnuPosition, EnuVelocity) {
        state_m(self.prepared, &self.prepared.threats[threat.index()], time)
    }
}

/// A threat's true position at `time` (clamped to its route's ends).
pub fn position_m(prepared: &PreparedScenario, spec: &ThreatSpec, time: SimTime) -> EnuPosition {
    let route = &prepared.routes[spec.route].route;
    let length = route.length_m();
    let distance = spec.distance_at(time).clamp(0.0, length);
    route.position_m(distance, spec.profile.altitude_m(distance, length))
}

/// A threat's true position and velocity (m/s) at `time`; at rest before launch and after arrival.
pub fn state_m(
    prepared: &PreparedScenario,
    spec: &ThreatSpec,
    time: SimTime,
) -> (EnuPosition, EnuVelocity) {
    let route = &prepared.routes[spec.route].route;
    let length = route.length_m();
    let flown = spec.distance_at(time);
    let distance = flown.clamp(0.0, length);
    let moving = if flown == distance {
        spec.speed_mps
    } else {
        0.0
    };
    route.state_m(
        distance,
        spec.profile.altitude_m(distance, length),
        moving,
        spec.profile.climb_per_m(distance, length),
    )
}

impl TruthView<'_> {
    /// What sensors may detect at `time`: every threat in the theatre with its true position,
    /// height, speed and radar cross-section, into `out` (cleared first).
    pub fn targets(&self, time: SimTime, out: &mut Vec<canopy_sensors::Target>) {
        out.clear();
        for threat in self.active() {
            let spec = &self.prepared.threats[threat.index()];
            let (position_m, velocity_mps) = state_m(self.prepared, spec, time);
            let length = self.prepared.routes[spec.route].route.length_m();
            let distance = spec.distance_at(time).clamp(0.0, length);
            out.push(canopy_sensors::Target {
                id: threat.0,
                position_m,
                altitude_m: spec.profile.altitude_m(distance, length),
                velocity_mps,
                speed_mps: velocity_mps.norm(),
                rcs_m2: self.prepared.scenario.library.threat(spec.kind).rcs_m2,
            });
        }
    }
}
