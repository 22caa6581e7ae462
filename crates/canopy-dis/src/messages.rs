//! The night as a time-ordered list of PDU contents, in SI units and geocentric coordinates:
//! Entity State updates by the standard's dead-reckoning rules, a Fire at each launch, a
//! Detonation at each kill, miss and impact.

use canopy_core::{SimDuration, SimTime};
use canopy_geo::Ecef;
use canopy_scenario::DisEntityType;
use canopy_sim::PreparedScenario;

use crate::entity::{Entity, Force};
use crate::orientation::{difference, euler_angles, norm};
use crate::records::{Blast, Night, Shot};

/// Longest time between two Entity States of one entity (IEEE 1278.1 default HBT_ESPDU: 5 s).
pub const HEARTBEAT: SimDuration = SimDuration::from_micros(5_000_000);
/// Dead-reckoning error beyond which an Entity State is sent at once (default DRA_POS_THRSH:
/// 1 m).
pub const POSITION_THRESHOLD_M: f64 = 1.0;
/// How often the dead-reckoning error is checked.
pub const CHECK_INTERVAL: SimDuration = SimDuration::from_micros(1_000_000);

/// An entity's state (Entity State PDU).
#[derive(Clone, Debug, PartialEq)]
pub struct EntityUpdate {
    /// The entity number.
    pub entity: u16,
    /// Its type.
    pub entity_type: DisEntityType,
    /// Its side.
    pub force: Force,
    /// Its marking.
    pub marking: String,
    /// Where, geocentric.
    pub position: Ecef,
    /// Its velocity, m/s, geocentric.
    pub velocity: [f64; 3],
    /// Psi, theta, phi (radians).
    pub orientation: [f64; 3],
    /// Whether this is its last state (the entity is deactivated).
    pub deactivated: bool,
}

/// What a message carries.
#[derive(Clone, Debug, PartialEq)]
pub enum MessageBody {
    /// An Entity State.
    EntityState(EntityUpdate),
    /// A Fire.
    Fire(Shot),
    /// A Detonation.
    Detonation(Blast),
}

impl MessageBody {
    /// Order among messages of one instant: a launch before the interceptor's first state, a
    /// detonation before the last states it ends.
    fn rank(&self) -> u8 {
        match self {
            MessageBody::Fire(_) => 0,
            MessageBody::EntityState(update) if !update.deactivated => 1,
            MessageBody::Detonation(_) => 2,
            MessageBody::EntityState(_) => 3,
        }
    }
}

/// One PDU's contents and when it is sent.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// Simulated time.
    pub time: SimTime,
    /// The contents.
    pub body: MessageBody,
}

/// Every message of the night, in sending order.
pub fn messages(prepared: &PreparedScenario, night: &Night) -> Vec<Message> {
    let mut out = Vec::new();
    for entity in &night.entities {
        entity_updates(prepared, entity, &mut out);
    }
    out.extend(night.shots.iter().map(|shot| Message {
        time: shot.time,
        body: MessageBody::Fire(*shot),
    }));
    out.extend(night.blasts.iter().map(|blast| Message {
        time: blast.time,
        body: MessageBody::Detonation(*blast),
    }));
    out.sort_by_key(|message| (message.time, message.body.rank()));
    out
}

fn state(prepared: &PreparedScenario, entity: &Entity, time: SimTime, last: bool) -> EntityUpdate {
    let position = entity.path.position(prepared, time);
    let velocity = entity.velocity(prepared, time);
    EntityUpdate {
        entity: entity.number,
        entity_type: entity.entity_type,
        force: entity.force,
        marking: entity.marking.clone(),
        position,
        velocity,
        orientation: euler_angles(position, velocity),
        deactivated: last,
    }
}

/// Where a receiver dead-reckons an entity (constant velocity, world coordinates) `time` after
/// its last update.
fn dead_reckoned(update: &EntityUpdate, seconds: f64) -> Ecef {
    Ecef {
        x_m: update.position.x_m + update.velocity[0] * seconds,
        y_m: update.position.y_m + update.velocity[1] * seconds,
        z_m: update.position.z_m + update.velocity[2] * seconds,
    }
}

/// An entity's states: at its start, whenever the dead-reckoning error passes the threshold
/// (checked every second) or the heartbeat is due, and a last, deactivated one at its end.
fn entity_updates(prepared: &PreparedScenario, entity: &Entity, out: &mut Vec<Message>) {
    if entity.end < entity.start {
        return;
    }
    let message = |time, update| Message {
        time,
        body: MessageBody::EntityState(update),
    };
    let (mut sent_at, mut sent) = (entity.start, state(prepared, entity, entity.start, false));
    let mut time = entity.start + CHECK_INTERVAL;
    while time < entity.end {
        let since = time.since(sent_at);
        let error = difference(
            entity.path.position(prepared, time),
            dead_reckoned(&sent, since.as_secs_f64()),
        );
        if since >= HEARTBEAT || norm(error) > POSITION_THRESHOLD_M {
            let next = state(prepared, entity, time, false);
            out.push(message(sent_at, std::mem::replace(&mut sent, next)));
            sent_at = time;
        }
        time += CHECK_INTERVAL;
    }
    out.push(message(sent_at, sent));
    out.push(message(
        entity.end,
        state(prepared, entity, entity.end, true),
    ));
}
