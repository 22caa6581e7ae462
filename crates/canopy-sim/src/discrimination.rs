//! Decoy discrimination (scenario `[c2]`): C2 may recognise a decoy's track as a decoy once the
//! track has been held for `decoy_discrimination_after`, and then leaves it unengaged.
//!
//! Whether C2 will ever recognise a given decoy is drawn once per decoy, from its own random
//! stream (`discrimination`, the threat's name), with probability `decoy_discrimination`; other
//! threats are never taken for decoys. The engine says which threat a track stands for (the one
//! an interceptor fired at it would home on): that stands in for the cues an operator would use
//! (signature, flight behaviour, intelligence), which are not modelled.

use std::collections::BTreeMap;

use canopy_c2::{AirPicture, TrackEstimate};
use canopy_core::{SimDuration, SimTime, StreamKey, ThreatId, TrackId};
use canopy_scenario::ThreatClass;
use rand::RngExt;

use crate::prepared::PreparedScenario;

/// Which decoys C2 will recognise, and since when it has held each track.
pub struct DecoyDiscrimination {
    after: SimDuration,
    recognisable: Vec<bool>,
    any: bool,
    first_held: BTreeMap<TrackId, SimTime>,
}

impl DecoyDiscrimination {
    /// The scenario's discrimination for the replication keyed by `key`.
    pub fn new(prepared: &PreparedScenario, key: StreamKey) -> DecoyDiscrimination {
        let settings = prepared.scenario.c2;
        let probability = settings.decoy_discrimination;
        let recognisable: Vec<bool> = prepared
            .threats
            .iter()
            .map(|spec| {
                spec.class == ThreatClass::Decoy
                    && probability > 0.0
                    && key.stream("discrimination", &spec.name).random::<f64>() < probability
            })
            .collect();
        DecoyDiscrimination {
            after: settings.decoy_discrimination_after,
            any: recognisable.contains(&true),
            recognisable,
            first_held: BTreeMap::new(),
        }
    }

    /// Whether C2 will ever recognise `threat` as a decoy.
    pub fn recognisable(&self, threat: ThreatId) -> bool {
        self.recognisable[threat.index()]
    }

    /// Notes when each track of `picture` was first held and takes out of it the tracks C2
    /// recognises at `picture.time` as decoys (held for at least the delay, standing for a
    /// recognisable decoy according to `threat_of`); returns the threats behind them.
    pub fn screen(
        &mut self,
        picture: &mut AirPicture,
        threat_of: impl Fn(&TrackEstimate) -> Option<ThreatId>,
    ) -> Vec<ThreatId> {
        if !self.any {
            return Vec::new();
        }
        let now = picture.time;
        let mut recognised = Vec::new();
        picture.tracks.retain(|track| {
            let since = *self.first_held.entry(track.id).or_insert(now);
            if now.since(since) < self.after {
                return true;
            }
            match threat_of(track) {
                Some(threat) if self.recognisable[threat.index()] => {
                    recognised.push(threat);
                    false
                }
                _ => true,
            }
        });
        recognised
    }
}
