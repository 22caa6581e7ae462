//! What the event log says about each threat: how and when its flight ended, how many
//! interceptors were fired at it, and why it was never engaged.

use std::collections::BTreeMap;

use canopy_c2::Infeasible;
use canopy_core::{SimTime, ThreatId};
use canopy_sim::{Event, Position};

/// How a threat's flight ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FateKind {
    /// An interceptor destroyed it (`kill`).
    Destroyed,
    /// It reached its aim point (`impact`).
    Leaked,
    /// It lost its way in an electronic-warfare area (`threat_lost`).
    Lost,
    /// It was destroyed before the modelled theatre (`threat_attrited`).
    Attrited,
    /// It was still flying when the run ended (`run_end`).
    Airborne,
    /// The log does not say (a log cut short).
    Unknown,
}

impl FateKind {
    /// Every fate.
    pub const ALL: [FateKind; 6] = [
        FateKind::Destroyed,
        FateKind::Leaked,
        FateKind::Lost,
        FateKind::Attrited,
        FateKind::Airborne,
        FateKind::Unknown,
    ];

    /// Its name, the `fate` property of a threat path.
    pub const fn name(self) -> &'static str {
        match self {
            FateKind::Destroyed => "destroyed",
            FateKind::Leaked => "leaked",
            FateKind::Lost => "lost",
            FateKind::Attrited => "attrited",
            FateKind::Airborne => "airborne",
            FateKind::Unknown => "unknown",
        }
    }
}

/// How and when a threat's flight ended, and where when the log says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fate {
    /// How.
    pub kind: FateKind,
    /// When.
    pub time: SimTime,
    /// Where, when the log says (kills, impacts, threats lost).
    pub at: Option<Position>,
}

/// What the log says about one threat.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ThreatRecord {
    /// How its flight ended (the first event that ended it).
    pub fate: Option<Fate>,
    /// Interceptors launched at it.
    pub shots: u32,
    /// Why it was never engaged, if it was not.
    pub unengaged: Option<Infeasible>,
}

/// The records of every threat the log names, and when the log ends.
#[derive(Clone, Debug, Default)]
pub struct Records {
    by_threat: BTreeMap<ThreatId, ThreatRecord>,
    end: SimTime,
}

impl Records {
    /// Reads the log.
    pub fn of(events: &[Event]) -> Records {
        let mut records = Records::default();
        for event in events {
            records.end = records.end.max(event.time());
            records.add(event);
        }
        records
    }

    /// Takes one event into account.
    fn add(&mut self, event: &Event) {
        let time = event.time();
        let (threat, kind, at) = match event {
            Event::Kill { threat, at, .. } => (threat, FateKind::Destroyed, Some(*at)),
            Event::Impact { threat, at, .. } => (threat, FateKind::Leaked, Some(*at)),
            Event::ThreatLost { threat, at, .. } => (threat, FateKind::Lost, Some(*at)),
            Event::ThreatAttrited { threat, .. } => (threat, FateKind::Attrited, None),
            Event::Launch { threat, .. } => {
                self.by_threat.entry(*threat).or_default().shots += 1;
                return;
            }
            Event::Unengaged { threat, reason, .. } => {
                self.by_threat.entry(*threat).or_default().unengaged = Some(*reason);
                return;
            }
            Event::RunEnd { airborne, .. } => {
                for threat in airborne {
                    self.end_flight(*threat, FateKind::Airborne, time, None);
                }
                return;
            }
            _ => return,
        };
        self.end_flight(*threat, kind, time, at);
    }

    /// Records a threat's fate unless an earlier event already ended its flight.
    fn end_flight(
        &mut self,
        threat: ThreatId,
        kind: FateKind,
        time: SimTime,
        at: Option<Position>,
    ) {
        let record = self.by_threat.entry(threat).or_default();
        record.fate.get_or_insert(Fate { kind, time, at });
    }

    /// What the log says about `threat`.
    pub fn of_threat(&self, threat: ThreatId) -> ThreatRecord {
        self.by_threat.get(&threat).copied().unwrap_or_default()
    }

    /// The time of the log's last event.
    pub fn end(&self) -> SimTime {
        self.end
    }
}
