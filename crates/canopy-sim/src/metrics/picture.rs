//! How well C2 saw the threats: the time from theatre entry to a first confirmed track, the
//! threats held and never tracked (with and without each nation's sensors), and the picture's
//! quality against truth.

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
    /// Threats held only through tracks each nation's sensors alone fed, by nation code.
    sole_source_threats: BTreeMap<String, u32>,
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
                    self.sole_source_threats
                        .insert(share.nation.to_string(), share.sole_source_threats);
                }
            }
            _ => {}
        }
    }

    fn finish(&mut self, metrics: &mut RunMetrics) {
        let latencies = std::mem::take(&mut self.track_latencies);
        metrics.threats_held = latencies.len() as u32;
        metrics.threats_never_tracked = metrics.entered_theatre - metrics.threats_held;
        for (code, burden) in &mut metrics.nations {
            let alone = self.sole_source_threats.get(code).copied().unwrap_or(0);
            burden.threats_held_without = metrics.threats_held - alone;
        }
        metrics.track_latency_s_mean = ratio(latencies.iter().sum(), latencies.len() as f64);
        metrics.track_latency_s_p90 = percentile_nearest_rank(latencies, 0.9);
    }
}

#[cfg(test)]
mod tests {
    use canopy_core::SimTime;
    use canopy_geo::CountryCode;

    use super::*;
    use crate::event::{NationPictureShare, Position};
    use crate::metrics::NationBurden;

    #[test]
    fn without_a_nations_sensors_the_picture_keeps_the_threats_others_held() {
        // Seven threats enter; six are held (threat 6 never is). Ukraine's sensors alone held
        // two of them, Poland's one (the picture of the tracker's own test, "a threat is a
        // nation's alone when only tracks it alone fed held it"); Slovakia's fed no track that
        // held a threat. Without Ukraine's sensors 6 - 2 = 4 threats would still be held, without
        // Poland's 6 - 1 = 5, without Slovakia's all 6.
        let code = |code: &str| CountryCode::new(code).unwrap();
        let at = Position {
            lat_deg: 50.0,
            lon_deg: 24.0,
            alt_m: 100.0,
        };
        let mut events: Vec<Event> = (0..7u32)
            .map(|threat| Event::ThreatEntered {
                time: SimTime::from_secs_f64(f64::from(threat)),
                threat: ThreatId(threat),
                at,
            })
            .collect();
        events.extend((0..6u32).map(|threat| Event::Tracked {
            time: SimTime::from_secs_f64(f64::from(100 + threat)),
            threat: ThreatId(threat),
        }));
        let share = |nation: &str, tracks, alone| NationPictureShare {
            nation: code(nation),
            tracks_contributed: tracks,
            sole_source_tracks: tracks,
            sole_source_threats: alone,
        };
        events.push(Event::PictureSources {
            time: SimTime::from_secs_f64(1000.0),
            nations: vec![share("PL", 1, 1), share("UA", 3, 2)],
        });
        let mut metrics = RunMetrics {
            entered_theatre: 7,
            nations: ["PL", "SK", "UA"]
                .map(|c| (c.to_string(), NationBurden::default()))
                .into(),
            ..RunMetrics::default()
        };
        let mut figures = PictureFigures::default();
        for event in &events {
            figures.observe(event, &mut metrics);
        }
        figures.finish(&mut metrics);
        assert_eq!(
            (metrics.threats_held, metrics.threats_never_tracked),
            (6, 1)
        );
        let without = |c: &str| metrics.nations[c].threats_held_without;
        assert_eq!((without("UA"), without("PL"), without("SK")), (4, 5, 6));
    }
}
