//! How well C2 saw the threats: the time from theatre entry to a first confirmed track, the
//! threats never tracked, and the picture's quality against truth.

use std::collections::BTreeMap;

use canopy_core::ThreatId;

use super::statistics::{percentile_nearest_rank, ratio};
use super::{Reduction, RunMetrics};
use crate::event::Event;

/// Collects the track latencies and takes the picture quality.
#[derive(Default)]
pub(super) struct PictureFigures {
    /// Theatre entry of each threat, seconds.
    entered_at: BTreeMap<ThreatId, f64>,
    /// From theatre entry to the first confirmed track, per threat tracked, seconds.
    track_latencies: Vec<f64>,
}

impl Reduction for PictureFigures {
    fn observe(&mut self, event: &Event, metrics: &mut RunMetrics) {
        match event {
            Event::ThreatEntered { time, threat, .. } => {
                self.entered_at.insert(*threat, time.as_secs_f64());
            }
            Event::Tracked { time, threat } => {
                if let Some(entered) = self.entered_at.get(threat) {
                    self.track_latencies.push(time.as_secs_f64() - entered);
                }
            }
            Event::PictureQuality {
                gospa_m,
                completeness,
                spuriousness,
                ..
            } => {
                metrics.picture_gospa_m = *gospa_m;
                metrics.picture_completeness = *completeness;
                metrics.picture_spuriousness = *spuriousness;
            }
            Event::PictureSources { nations, .. } => {
                for share in nations {
                    let burden = metrics.nations.entry(share.nation.to_string()).or_default();
                    burden.tracks_contributed = share.tracks_contributed;
                    burden.sole_source_tracks = share.sole_source_tracks;
                }
            }
            _ => {}
        }
    }

    fn finish(&mut self, metrics: &mut RunMetrics) {
        let latencies = std::mem::take(&mut self.track_latencies);
        metrics.threats_never_tracked = metrics.entered_theatre - latencies.len() as u32;
        metrics.track_latency_s_mean = ratio(latencies.iter().sum(), latencies.len() as f64);
        metrics.track_latency_s_p90 = percentile_nearest_rank(latencies, 0.9);
    }
}
