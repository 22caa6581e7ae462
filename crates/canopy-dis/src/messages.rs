//! The night as a time-ordered list of PDU contents, in SI units and geocentric coordinates:
//! Entity State updates by the standard's dead-reckoning rules, a Fire at each launch, a
//! Detonation at each kill, miss and impact.

use canopy_core::{SimDuration, SimTime};
use canopy_geo::Ecef;
use canopy_scenario::DisEntityType;
use canopy_sim::PreparedScenario;

use crate::entity::{Entity, Force};
use crate::orientation::{angle_between, difference, euler_angles, norm};
use crate::records::{Blast, Night, Shot};

/// Longest time between two Entity States of one entity (IEEE 1278.1 default HBT_ESPDU: 5 s).
pub const HEARTBEAT: SimDuration = SimDuration::from_micros(5_000_000);
/// Dead-reckoning error beyond which an Entity State is sent at once (default DRA_POS_THRSH:
/// 1 m).
pub const POSITION_THRESHOLD_M: f64 = 1.0;
/// Angle between the dead-reckoned and the true orientation beyond which an Entity State is sent
/// at once (default DRA_ORIENT_THRSH: 3 degrees), radians.
pub const ORIENTATION_THRESHOLD_RAD: f64 = 3.0 * std::f64::consts::PI / 180.0;
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

/// Whether the state a receiver dead-reckons `since` the update `sent` (constant velocity, fixed
/// orientation: DRM(F,P,W)) is off the true one, `now`, by more than a threshold.
fn off_threshold(sent: &EntityUpdate, since: f64, now: &EntityUpdate) -> bool {
    let position_error = norm(difference(now.position, dead_reckoned(sent, since)));
    position_error > POSITION_THRESHOLD_M
        || angle_between(sent.orientation, now.orientation) > ORIENTATION_THRESHOLD_RAD
}

/// An entity's states: at its start, whenever the dead-reckoned position or orientation passes
/// its threshold (checked every second) or the heartbeat is due, and a last, deactivated one at
/// its end.
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
        let now = state(prepared, entity, time, false);
        if since >= HEARTBEAT || off_threshold(&sent, since.as_secs_f64(), &now) {
            out.push(message(sent_at, std::mem::replace(&mut sent, now)));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path::Path;
    use canopy_geo::{GeoPoint, to_ecef};

    /// An entity flying level at 2 m/s from (0°, 0°) for 20 s, turning `rate_deg` degrees a
    /// second from north towards east: a leg a second, leg `k` flown from `k - 0.5` s to
    /// `k + 0.5` s on heading `k × rate`, so that the velocity at each whole second (a central
    /// difference over that second) is exactly leg `k`'s.
    fn turning(rate_deg: f64) -> Entity {
        let origin = to_ecef(GeoPoint::from_degrees(0.0, 0.0).unwrap(), 0.0);
        // At (0°, 0°) north is geocentric z and east is y.
        let leg = |k: f64| {
            let (sin, cos) = (k * rate_deg).to_radians().sin_cos();
            [0.0, 2.0 * sin, 2.0 * cos]
        };
        let mut points = vec![(SimTime::START, origin)];
        let mut at = origin;
        for k in 0..=20 {
            let (from, to) = (f64::from(k) - 0.5, (f64::from(k) + 0.5).min(20.0));
            let seconds = to - from.max(0.0);
            let v = leg(f64::from(k));
            at = Ecef {
                x_m: at.x_m + v[0] * seconds,
                y_m: at.y_m + v[1] * seconds,
                z_m: at.z_m + v[2] * seconds,
            };
            points.push((SimTime::from_secs_f64(to), at));
        }
        Entity {
            number: 1,
            entity_type: DisEntityType::default(),
            force: Force::Friendly,
            marking: "turning".into(),
            path: Path::Legs(points),
            start: SimTime::START,
            end: SimTime::from_secs_f64(20.0),
        }
    }

    /// The times of the entity's Entity States, and the last one's deactivated flag.
    fn sent(entity: &Entity) -> (Vec<f64>, bool) {
        let prepared = PreparedScenario::new(canopy_scenario::default_scenario().unwrap());
        let mut out = Vec::new();
        entity_updates(&prepared, entity, &mut out);
        let times = out.iter().map(|m| m.time.as_secs_f64()).collect();
        let last =
            matches!(&out.last().unwrap().body, MessageBody::EntityState(u) if u.deactivated);
        (times, last)
    }

    #[test]
    fn a_turn_of_0_8_degrees_a_second_sends_a_state_every_4_s_by_the_orientation_threshold() {
        // A receiver holds the orientation last sent (DRM(F,P,W)). Turning 0.8°/s, the true
        // heading passes 3° from it 3.75 s after each state, so the check at the next whole
        // second (4 s, heading off by 3.2°; at 3 s only 2.4°) sends one, before the 5 s
        // heartbeat. Dead reckoning along the last velocity drifts only about
        // 2 m/s × 0.014 rad/s × (4 s)² / 2 = 0.22 m meanwhile, under the 1 m threshold.
        let (times, deactivated) = sent(&turning(0.8));
        assert_eq!(times, [0.0, 4.0, 8.0, 12.0, 16.0, 20.0]);
        assert!(deactivated);
    }

    #[test]
    fn straight_level_flight_sends_a_state_at_each_heartbeat_only() {
        let (times, deactivated) = sent(&turning(0.0));
        assert_eq!(times, [0.0, 5.0, 10.0, 15.0, 20.0]);
        assert!(deactivated);
    }
}
