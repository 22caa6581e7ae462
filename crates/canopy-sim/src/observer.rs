//! Everything that watches a run implements [`Observer`]; the engine imports no I/O.

use canopy_c2::AirPicture;
use canopy_core::SimTime;

use crate::event::Event;
use crate::metrics::RunMetrics;

/// Hooks called as a run proceeds; each has a default that does nothing.
pub trait Observer {
    /// Called once before the first step, with the scenario name.
    fn on_start(&mut self, _scenario: &str) {}
    /// Called for every event, in log order.
    fn on_event(&mut self, _event: &Event) {}
    /// Asked at the end of every engine step, with the simulated time: whether to be shown C2's
    /// picture now ([`Observer::on_picture`]). The picture is built only when an observer asks.
    fn wants_picture(&mut self, _time: SimTime) -> bool {
        false
    }
    /// Called after a step's events when [`Observer::wants_picture`] said yes, with C2's picture
    /// at the step ([`crate::engine::Step::picture`]).
    fn on_picture(&mut self, _picture: &AirPicture) {}
    /// Called at the end of every engine step, after its events (and picture), with the
    /// simulated time.
    fn on_tick(&mut self, _time: SimTime) {}
    /// Called once after the last step, with the run's metrics.
    fn on_finish(&mut self, _metrics: &RunMetrics) {}
}
