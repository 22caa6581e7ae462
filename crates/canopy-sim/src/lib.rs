//! The simulation engine: truth movers, the decision cycle through a [`canopy_c2::Planner`],
//! engagements and their outcomes, the event log, per-run metrics and the independent ROE audit.
//!
//! ```text
//! PreparedScenario (once) ──► Simulation (one replication) ──► events ──► RunMetrics
//! ```

pub mod airspace;
pub mod audit;
pub mod discrimination;
pub mod engine;
pub mod event;
pub mod ew;
pub mod metrics;
pub mod observer;
pub mod paths;
pub mod picture;
pub mod picture_quality;
pub mod picture_source;
pub mod prepared;
pub mod profile;
pub mod route;
pub mod sensing;
pub mod spill;
pub mod tracked_picture;
pub mod truth;

pub use event::{Event, MissCause, NationPictureShare, Position, SpilloverObject};
pub use metrics::{RunMetrics, compute_metrics};
pub use observer::Observer;
pub use picture::{PictureMode, UnknownPicture};
pub use prepared::PreparedScenario;

pub use canopy_c2::PlannerKind;
use canopy_core::StreamKey;

/// How to run one replication.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunOptions {
    /// Master seed.
    pub seed: u64,
    /// Replication number (0 for `canopy run`).
    pub replication: u64,
    /// The picture C2 plans on.
    pub picture: PictureMode,
    /// The planner.
    pub planner: PlannerKind,
}

/// The result of one replication.
#[derive(Clone, Debug)]
pub struct RunOutcome {
    /// The run's summary.
    pub metrics: RunMetrics,
    /// The full event log.
    pub events: Vec<Event>,
}

/// Runs one replication, telling every observer what happens.
pub fn run(
    prepared: &PreparedScenario,
    options: &RunOptions,
    observers: &mut [&mut dyn Observer],
) -> RunOutcome {
    let (picture, planner) = (options.picture, options.planner.planner());
    let key = StreamKey::new(options.seed, options.replication);
    for observer in observers.iter_mut() {
        observer.on_start(&prepared.scenario.name);
    }
    let simulation = engine::Simulation::new(prepared, key, picture, planner);
    let events = simulation.run(|step| {
        // built at most once a step, for the observers that ask for it
        let mut picture = None;
        for observer in observers.iter_mut() {
            for event in step.events {
                observer.on_event(event);
            }
            if observer.wants_picture(step.time) {
                observer.on_picture(picture.get_or_insert_with(|| step.picture()));
            }
            observer.on_tick(step.time);
        }
    });
    let mut metrics = compute_metrics(prepared, &events);
    metrics.seed = options.seed;
    metrics.replication = options.replication;
    metrics.picture = picture;
    metrics.planner = options.planner;
    metrics.roe_breaches = audit::audit(&prepared.scenario, &events).len() as u32;
    for observer in observers.iter_mut() {
        observer.on_finish(&metrics);
    }
    RunOutcome { metrics, events }
}
