//! The night as DIS sees it: which entities fly when and along what path, each launch and each
//! detonation, read from the event log and the prepared scenario.

use std::collections::BTreeMap;

use canopy_core::{EngagementId, SimTime, ThreatId};
use canopy_sim::{Event, MissCause, PreparedScenario};

use crate::engagements::{Counter, Interceptor};
use crate::entity::{Entity, Force, marking, threat_number};
use crate::error::DisError;
use crate::fighters::Sorties;
use crate::path::Path;
use crate::records::{BlastResult, Night};

impl Night {
    /// Reads the night from a run's events. Entity numbers: threats first (threat id + 1), then
    /// the ground sites (which fire but are not published), then interceptors and fighter
    /// sorties in the order they start.
    pub fn new(prepared: &PreparedScenario, events: &[Event]) -> Result<Night, DisError> {
        let mut night = Night::default();
        let first_flight = prepared.threats.len() + prepared.units.len() + 1;
        let mut entities = Counter::new(first_flight, "entity");
        let mut event_numbers = Counter::new(1, "event");
        let mut threats: BTreeMap<ThreatId, usize> = BTreeMap::new();
        let mut flying: BTreeMap<EngagementId, Interceptor> = BTreeMap::new();
        let mut sorties = Sorties::default();
        for event in events {
            match event {
                Event::ThreatEntered { time, threat, .. } => {
                    threats.insert(*threat, night.entities.len());
                    night.entities.push(threat_entity(prepared, *threat, *time));
                }
                Event::Launch { .. } => {
                    let counters = (&mut entities, &mut event_numbers);
                    if let Some((engagement, interceptor)) =
                        night.launch(prepared, event, counters, &sorties)?
                    {
                        flying.insert(engagement, interceptor);
                    }
                    sorties.note_launch(event);
                }
                Event::Kill {
                    time,
                    engagement,
                    threat,
                    at,
                    ..
                } => {
                    night.end_threat(&threats, *threat, *time);
                    if let Some(interceptor) = flying.remove(engagement) {
                        night.intercept(interceptor, *time, at, BlastResult::EntityImpact);
                    }
                }
                Event::Miss {
                    time,
                    engagement,
                    cause,
                    at,
                    ..
                } => {
                    if let Some(interceptor) = flying.remove(engagement) {
                        night.intercept(interceptor, *time, at, miss_result(*cause));
                    }
                }
                Event::Impact {
                    time, threat, at, ..
                } => {
                    let impact = (*threat, *time, at);
                    night.impact(prepared, &threats, impact, &mut event_numbers)?;
                }
                Event::ThreatLost { time, threat, .. } => {
                    night.end_threat(&threats, *threat, *time);
                }
                Event::SortieStart { time, unit, .. } => {
                    sorties.start(unit, *time, entities.take()?);
                }
                Event::OnStation { time, unit, .. } => sorties.on_station(unit, *time),
                Event::SortieEnd { time, unit, .. } => {
                    night.entities.extend(sorties.end(prepared, unit, *time));
                }
                Event::RunEnd { time, .. } => night.end_all(*time),
                _ => {}
            }
        }
        night.entities.sort_by_key(|entity| entity.number);
        Ok(night)
    }

    fn end_threat(&mut self, threats: &BTreeMap<ThreatId, usize>, threat: ThreatId, time: SimTime) {
        if let Some(&index) = threats.get(&threat) {
            let entity = &mut self.entities[index];
            entity.end = entity.end.min(time);
        }
    }

    /// Every threat and interceptor still flying ends at the end of the run (a fighter's
    /// sortie ends when it lands).
    fn end_all(&mut self, time: SimTime) {
        for entity in &mut self.entities {
            entity.end = entity.end.min(time);
        }
    }
}

fn threat_entity(prepared: &PreparedScenario, threat: ThreatId, time: SimTime) -> Entity {
    let spec = &prepared.threats[threat.index()];
    Entity {
        number: threat_number(threat),
        entity_type: prepared.scenario.library.threat(spec.kind).dis_entity_type,
        force: Force::Opposing,
        marking: marking(&spec.name),
        path: Path::Threat(threat),
        start: time,
        end: SimTime::from_micros(i64::MAX),
    }
}

fn miss_result(cause: MissCause) -> BlastResult {
    match cause {
        MissCause::KillDraw => BlastResult::MissInEndGame,
        MissCause::OutOfEnergy => BlastResult::MissInFlyOut,
        MissCause::TargetGone => BlastResult::Detonation,
    }
}
