//! Threat evaluation: what a track is worth stopping, and how long it leaves before impact.
//!
//! The value of a track is the damage its class is assumed to do at its aim point, in US dollars
//! (so that it weighs directly against interceptor costs), blended by the class confidence with
//! the value of what the track most likely is otherwise: a decoy for a drone-like track (a radar
//! cannot tell them apart), a drone for any other. The values are assumptions, documented in
//! `docs/methods.md`.

use canopy_scenario::ThreatClass;

use crate::picture::TrackEstimate;

/// The damage value (USD) of a leaker of each class, in the order of [`ThreatClass::ALL`]:
/// a drone's 50 kg warhead on a substation or depot, a decoy's nothing much (it still draws
/// fire and attention), a cruise missile's 400 kg warhead, a ballistic missile that the
/// coalition can stop only with its scarcest rounds.
pub const CLASS_VALUE_USD: [f64; 4] = [5.0e6, 2.0e6, 20.0e6, 50.0e6];

/// What C2 makes of one track this cycle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ThreatAssessment {
    /// The value (USD) of stopping it.
    pub value_usd: f64,
    /// Seconds before it reaches the ground, when it is descending (ballistic dive); `None` for
    /// a track in level flight, whose aim point is not predicted.
    pub time_to_impact_s: Option<f64>,
}

/// Evaluates one track.
pub fn assess(track: &TrackEstimate) -> ThreatAssessment {
    let confidence = track.class_confidence.clamp(0.0, 1.0);
    let value_usd = confidence * class_value_usd(track.class)
        + (1.0 - confidence) * class_value_usd(mistaken_for(track.class));
    let climb_mps = track.velocity_mps.up_mps;
    let altitude_m = track.position_m.up_m;
    let time_to_impact_s = (climb_mps < 0.0).then(|| altitude_m.max(0.0) / -climb_mps);
    ThreatAssessment {
        value_usd,
        time_to_impact_s,
    }
}

/// What a track of `class` most likely is when it is not that: a decoy for a drone (a radar
/// cannot tell them apart), a drone for any other class.
fn mistaken_for(class: ThreatClass) -> ThreatClass {
    match class {
        ThreatClass::Drone => ThreatClass::Decoy,
        _ => ThreatClass::Drone,
    }
}

/// The damage value (USD) of a leaker of this class.
pub fn class_value_usd(class: ThreatClass) -> f64 {
    CLASS_VALUE_USD[class.index()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::picture::NationSet;
    use canopy_core::TrackId;

    fn track(
        class: ThreatClass,
        confidence: f64,
        position_m: [f64; 3],
        velocity_mps: [f64; 3],
    ) -> TrackEstimate {
        TrackEstimate {
            id: TrackId(0),
            position_m: position_m.into(),
            velocity_mps: velocity_mps.into(),
            covariance: [[0.0; 6]; 6],
            class,
            class_confidence: confidence,
            nations: NationSet::default(),
        }
    }

    #[test]
    fn uncertain_drone_is_valued_between_decoy_and_drone() {
        // 0.8 * 5 M + 0.2 * 2 M (a decoy) = 4.4 M; a certain drone is worth 5 M.
        let uncertain = assess(&track(ThreatClass::Drone, 0.8, [0.0; 3], [45.0, 0.0, 0.0]));
        assert!((uncertain.value_usd - 4.4e6).abs() < 1.0);
        let certain = assess(&track(ThreatClass::Drone, 1.0, [0.0; 3], [45.0, 0.0, 0.0]));
        assert!((certain.value_usd - 5.0e6).abs() < 1.0);
    }

    #[test]
    fn uncertain_cruise_is_valued_between_drone_and_cruise() {
        // 0.5 * 20 M + 0.5 * 5 M = 12.5 M.
        let a = assess(&track(
            ThreatClass::Cruise,
            0.5,
            [0.0; 3],
            [200.0, 0.0, 0.0],
        ));
        assert!((a.value_usd - 12.5e6).abs() < 1.0);
        assert_eq!(a.time_to_impact_s, None);
    }

    #[test]
    fn diving_track_impacts_after_altitude_over_sink_rate() {
        // 12 km at 1,500 m/s downwards: 8 s.
        let a = assess(&track(
            ThreatClass::Ballistic,
            1.0,
            [0.0, 0.0, 12_000.0],
            [500.0, 0.0, -1500.0],
        ));
        assert_eq!(a.time_to_impact_s, Some(8.0));
        assert_eq!(a.value_usd, 50.0e6);
    }
}
