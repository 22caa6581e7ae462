//! The page's data for one night: the theatre, every threat's path, the event log and C2's
//! tracked picture (both empty when the page follows a run live and receives them as they
//! happen).

use canopy_sim::paths::{ThreatPath, threat_paths};
use canopy_sim::{Event, Observer, PreparedScenario, RunOptions};
use serde::Serialize;

use crate::theatre::Theatre;
use crate::tracks::{PictureRecorder, PictureSnapshot};

/// What `/api/night` returns.
#[derive(Clone, Debug, Serialize)]
pub struct Night {
    /// The scenario's name.
    pub scenario: String,
    /// The master seed.
    pub seed: u64,
    /// The picture C2 planned on.
    pub picture: String,
    /// The planner.
    pub planner: String,
    /// Where the time slider ends, seconds: the last event's time (replay) or the scenario's duration
    /// (live).
    pub end_s: f64,
    /// When following a run: its pace, simulated seconds per real second.
    pub live_speed: Option<f64>,
    /// The map's fixed layers.
    pub theatre: Theatre,
    /// Every threat's path.
    pub threats: Vec<ThreatPath>,
    /// The event log (docs/events.md), in log order.
    pub events: Vec<Event>,
    /// Snapshots of C2's tracked picture, in time order (none on the perfect picture).
    pub pictures: Vec<PictureSnapshot>,
}

impl Night {
    /// The night without its events.
    fn frame(prepared: &PreparedScenario, options: &RunOptions) -> Night {
        Night {
            scenario: prepared.scenario.name.clone(),
            seed: options.seed,
            picture: options.picture.to_string(),
            planner: options.planner.to_string(),
            end_s: prepared.scenario.duration.as_secs_f64(),
            live_speed: None,
            theatre: Theatre::of(&prepared.scenario),
            threats: threat_paths(prepared),
            events: Vec::new(),
            pictures: Vec::new(),
        }
    }

    /// The night simulated (exactly as `canopy run` with the same options), for a replay.
    pub fn replay(prepared: &PreparedScenario, options: &RunOptions) -> Night {
        let mut recorder = PictureRecorder::of_run(prepared, options.picture);
        let mut observers: Vec<&mut dyn Observer> = recorder
            .iter_mut()
            .map(|recorder| recorder as &mut dyn Observer)
            .collect();
        let outcome = canopy_sim::run(prepared, options, &mut observers);
        let mut night = Night::frame(prepared, options);
        if let Some(last) = outcome.events.iter().map(Event::time).max() {
            night.end_s = last.as_secs_f64();
        }
        night.events = outcome.events;
        night.pictures = recorder
            .map(PictureRecorder::into_snapshots)
            .unwrap_or_default();
        night
    }

    /// The night before it is run, for a page following it at `speed` times real time.
    pub fn live(prepared: &PreparedScenario, options: &RunOptions, speed: f64) -> Night {
        Night {
            live_speed: Some(speed),
            ..Night::frame(prepared, options)
        }
    }
}
