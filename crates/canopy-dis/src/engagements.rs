//! Launches and detonations: each launch an interceptor entity and a shot, each kill or miss the
//! interceptor's end and a blast, each impact the threat's end and its own blast.

use std::collections::BTreeMap;

use canopy_core::{SimTime, ThreatId};
use canopy_geo::Ecef;
use canopy_sim::prepared::UnitRole;
use canopy_sim::{Event, Position, PreparedScenario};

use crate::entity::{Entity, Force, ecef, marking, threat_number};
use crate::error::DisError;
use crate::fighters::Sorties;
use crate::orientation::difference;
use crate::path::Path;
use crate::records::{Blast, BlastResult, Night, Shot, fuze_of};

/// Fuze of a threat's own warhead: contact.
const CONTACT_FUZE: u16 = 1000;

/// Hands out entity and event numbers, refusing those a 16-bit DIS id cannot hold.
pub(crate) struct Counter {
    next: usize,
    what: &'static str,
}

impl Counter {
    /// Numbers from `first` on.
    pub(crate) fn new(first: usize, what: &'static str) -> Counter {
        Counter { next: first, what }
    }

    /// The next number.
    pub(crate) fn take(&mut self) -> Result<u16, DisError> {
        let number = self.next;
        self.next += 1;
        u16::try_from(number)
            .ok()
            .filter(|n| *n < u16::MAX)
            .ok_or(DisError::TooMany {
                what: self.what,
                needed: number,
            })
    }
}

/// One interceptor in flight, until its outcome is logged: its entity and its shot.
pub(crate) struct Interceptor {
    entity: usize,
    shot: usize,
}

/// The entity that fired: a fighter's sortie, or the ground site (numbered after the threats).
fn shooter_number(prepared: &PreparedScenario, sorties: &Sorties, shooter: &str) -> u16 {
    let unit = prepared
        .units
        .iter()
        .position(|spec| spec.name.as_str() == shooter)
        .unwrap_or(0);
    let site = prepared.threats.len() + unit + 1;
    match prepared.units.get(unit).map(|spec| spec.role) {
        Some(UnitRole::Fighter { .. }) => sorties.current(&shooter.into()),
        _ => None,
    }
    .unwrap_or(site as u16)
}

fn metres_per_second(from: Ecef, to: Ecef, start: SimTime, end: SimTime) -> [f64; 3] {
    let seconds = end.since(start).as_secs_f64();
    let d = difference(to, from);
    if seconds > 0.0 {
        d.map(|c| c / seconds)
    } else {
        [0.0; 3]
    }
}

impl Night {
    /// A launch: the interceptor's entity, flying towards its planned intercept, and its shot.
    pub(crate) fn launch(
        &mut self,
        prepared: &PreparedScenario,
        event: &Event,
        (entities, events): (&mut Counter, &mut Counter),
        sorties: &Sorties,
    ) -> Result<Option<(canopy_core::EngagementId, Interceptor)>, DisError> {
        let Event::Launch {
            time,
            engagement,
            threat,
            shooter,
            munition,
            from,
            planned_intercept,
            planned_intercept_time,
            slant_range_m,
            ..
        } = event
        else {
            return Ok(None);
        };
        let library = &prepared.scenario.library;
        let Some(kind) = library.munition_index(munition.as_str()) else {
            return Ok(None);
        };
        let kind = library.munition(kind);
        let (start, aim) = (ecef(from), ecef(planned_intercept));
        let number = entities.take()?;
        self.entities.push(Entity {
            number,
            entity_type: kind.dis_entity_type,
            force: Force::Friendly,
            marking: marking(&format!("{}#{}", munition.as_str(), engagement.0)),
            path: Path::Legs(vec![(*time, start), (*planned_intercept_time, aim)]),
            start: *time,
            end: *planned_intercept_time,
        });
        self.shots.push(Shot {
            time: *time,
            shooter: shooter_number(prepared, sorties, shooter.as_str()),
            target: threat_number(*threat),
            munition: number,
            event: events.take()?,
            from: start,
            velocity: metres_per_second(start, aim, *time, *planned_intercept_time),
            munition_type: kind.dis_entity_type,
            fuze: fuze_of(kind.kind),
            range_m: *slant_range_m,
        });
        let interceptor = Interceptor {
            entity: self.entities.len() - 1,
            shot: self.shots.len() - 1,
        };
        Ok(Some((*engagement, interceptor)))
    }

    /// A kill or a miss: the interceptor flew straight to `at`, where it ends in a blast.
    pub(crate) fn intercept(
        &mut self,
        interceptor: Interceptor,
        time: SimTime,
        at: &Position,
        result: BlastResult,
    ) {
        let shot = &mut self.shots[interceptor.shot];
        let end = ecef(at);
        shot.velocity = metres_per_second(shot.from, end, shot.time, time);
        let entity = &mut self.entities[interceptor.entity];
        entity.path = Path::Legs(vec![(shot.time, shot.from), (time, end)]);
        entity.end = time;
        self.blasts.push(Blast {
            time,
            source: shot.shooter,
            target: Some(shot.target),
            exploding: shot.munition,
            event: shot.event,
            at: end,
            velocity: shot.velocity,
            munition_type: shot.munition_type,
            fuze: shot.fuze,
            result,
        });
    }

    /// A threat reached its aim point: it ends there in its own blast on the ground.
    pub(crate) fn impact(
        &mut self,
        prepared: &PreparedScenario,
        threats: &BTreeMap<ThreatId, usize>,
        (threat, time, at): (ThreatId, SimTime, &Position),
        events: &mut Counter,
    ) -> Result<(), DisError> {
        let Some(&index) = threats.get(&threat) else {
            return Ok(());
        };
        let entity = &mut self.entities[index];
        entity.end = entity.end.min(time);
        let entity = &self.entities[index];
        self.blasts.push(Blast {
            time,
            source: entity.number,
            target: None,
            exploding: entity.number,
            event: events.take()?,
            at: ecef(at),
            velocity: entity.velocity(prepared, time),
            munition_type: entity.entity_type,
            fuze: CONTACT_FUZE,
            result: BlastResult::GroundImpact,
        });
        Ok(())
    }
}
