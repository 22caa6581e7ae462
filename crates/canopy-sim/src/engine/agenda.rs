//! The engine's time queue: what is due when, taken in time order and, at equal times, in the
//! order it was scheduled.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use canopy_core::{EngagementId, SimTime, ThreatId, UnitId};

use crate::event::Event;
use crate::ew::EwIndex;

/// One of a route's stretches through NATO airspace (an index into its `nato` intervals).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct StretchIndex(pub usize);

/// The number of a fighter's turn (a sortie, or its end): actions scheduled for an earlier turn
/// are stale and ignored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Turn(pub u32);

/// Whether an interceptor gets to its target before its range runs out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reach {
    /// It reaches the target (the kill draw decides).
    Reached,
    /// Its range runs out first.
    OutOfRange,
}

/// Something due at an exact time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Action {
    /// A threat leaves its launch point.
    Launch(ThreatId),
    /// A threat reaches the theatre (or is attrited on the way).
    Enter(ThreatId),
    /// A threat reaches its aim point.
    Arrive(ThreatId),
    /// A threat enters a stretch of NATO airspace.
    AirspaceIn(ThreatId, StretchIndex),
    /// A threat leaves a stretch of NATO airspace.
    AirspaceOut(ThreatId, StretchIndex),
    /// A drone or decoy loses its way in an EW area.
    Lose(ThreatId, EwIndex),
    /// The approval of an engagement comes back.
    Approve(EngagementId),
    /// An engagement's interceptor is launched.
    Fire(EngagementId),
    /// An engagement's interceptor arrives (or its range runs out).
    InterceptorArrives(EngagementId, Reach),
    /// A fighter takes off for its patrol's station.
    Takeoff(UnitId),
    /// A fighter on the ground is refuelled and rearmed.
    Ready(UnitId),
    /// A fighter arrives on station (for this turn).
    OnStation(UnitId, Turn),
    /// A fighter's fuel calls it off station (for this turn).
    LeaveStation(UnitId, Turn),
    /// A fighter lands.
    Land(UnitId),
}

/// The time queue.
#[derive(Default)]
pub struct Agenda {
    queue: BinaryHeap<Reverse<(SimTime, u64, Action)>>,
    sequence: u64,
}

impl Agenda {
    /// Schedules `action` at `time`, after everything already scheduled at that time.
    pub fn schedule(&mut self, time: SimTime, action: Action) {
        self.sequence += 1;
        self.queue.push(Reverse((time, self.sequence, action)));
    }

    /// The earliest action due at or before `now`, taken off the queue.
    pub fn pop_due(&mut self, now: SimTime) -> Option<(SimTime, Action)> {
        let Reverse((time, _, action)) = *self.queue.peek()?;
        if time > now {
            return None;
        }
        self.queue.pop();
        Some((time, action))
    }

    /// When the next action is due, if any.
    pub fn next_due(&self) -> Option<SimTime> {
        self.queue.peek().map(|Reverse((time, _, _))| *time)
    }
}

/// What a component may do to the rest of the run: schedule actions and log events.
#[derive(Default)]
pub struct Outbox {
    /// The time queue.
    pub agenda: Agenda,
    /// The event log so far.
    pub events: Vec<Event>,
}

impl Outbox {
    /// Schedules `action` at `time`.
    pub fn schedule(&mut self, time: SimTime, action: Action) {
        self.agenda.schedule(time, action);
    }

    /// Appends an event to the log.
    pub fn log(&mut self, event: Event) {
        self.events.push(event);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_times_come_out_in_scheduling_order_and_later_ones_wait() {
        let mut agenda = Agenda::default();
        let t = SimTime::from_micros(5_000_000);
        agenda.schedule(t, Action::Land(UnitId(2)));
        agenda.schedule(SimTime::from_micros(1_000_000), Action::Launch(ThreatId(9)));
        agenda.schedule(t, Action::Launch(ThreatId(0)));
        assert_eq!(agenda.next_due(), Some(SimTime::from_micros(1_000_000)));
        assert_eq!(
            agenda.pop_due(t),
            Some((SimTime::from_micros(1_000_000), Action::Launch(ThreatId(9))))
        );
        // Scheduled first at 5 s, so out first although its action sorts after the other's.
        assert_eq!(agenda.pop_due(t), Some((t, Action::Land(UnitId(2)))));
        assert_eq!(agenda.pop_due(SimTime::from_micros(4_999_999)), None);
        assert_eq!(agenda.pop_due(t), Some((t, Action::Launch(ThreatId(0)))));
        assert_eq!(agenda.next_due(), None);
    }
}
