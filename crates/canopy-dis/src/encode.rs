//! The one place that knows how a PDU is laid out: [`PduEncoder`], implemented with dis-rs.

use bytes::BytesMut;
use canopy_core::SimTime;
use canopy_geo::Ecef;
use canopy_scenario::DisEntityType;
use dis_rs::detonation::model::{Detonation, DetonationDescriptor};
use dis_rs::entity_state::model::{DrParameters, EntityAppearance, EntityMarking, EntityState};
use dis_rs::enumerations::{
    Country, DeadReckoningAlgorithm, DetonationResult, EntityKind, ForceId, MunitionDescriptorFuse,
    MunitionDescriptorWarhead, PlatformDomain,
};
use dis_rs::fire::model::{Fire, FireDescriptor};
use dis_rs::model::{
    EntityId, EntityType, EventId, Location, MunitionDescriptor, Orientation, Pdu, PduBody,
    PduHeader, TimeUnits, Timestamp, VectorF32,
};
use dis_rs::{BodyInfo, BodyRaw};

use crate::entity::Force;
use crate::error::DisError;
use crate::messages::{EntityUpdate, Message, MessageBody};
use crate::records::{Blast, Shot};

/// The exercise and the simulation address (site and application) the PDUs carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SimulationIds {
    /// Exercise id (1 to 255).
    pub exercise: u8,
    /// Site id.
    pub site: u16,
    /// Application id.
    pub application: u16,
}

/// Turns a message into the bytes of one PDU.
pub trait PduEncoder {
    /// The PDU of `message`, as it goes on the wire.
    fn encode(&self, message: &Message) -> Result<Vec<u8>, DisError>;
}

/// Appearance bit 23: the entity is deactivated (IEEE 1278.1 general appearance, "state").
const DEACTIVATED: u32 = 1 << 23;
/// Warhead: high explosive (SISO-REF-010).
const HIGH_EXPLOSIVE: u16 = 1000;
/// Microseconds in an hour, the period of a DIS timestamp.
const HOUR_US: i64 = 3_600_000_000;

/// DIS version 7 PDUs encoded by the dis-rs crate, stamped with absolute UTC time (the
/// scenario's start plus simulated time).
#[derive(Clone, Copy, Debug)]
pub struct DisRsEncoder {
    ids: SimulationIds,
    start_unix_s: i64,
}

impl DisRsEncoder {
    /// An encoder for these ids, for a scenario starting at `start_unix_s` (Unix seconds).
    pub fn new(ids: SimulationIds, start_unix_s: i64) -> DisRsEncoder {
        DisRsEncoder { ids, start_unix_s }
    }

    fn entity(&self, number: u16) -> EntityId {
        EntityId::new(self.ids.site, self.ids.application, number)
    }

    fn timestamp(&self, time: SimTime) -> Timestamp {
        let past_hour_us = (self.start_unix_s * 1_000_000 + time.as_micros()).rem_euclid(HOUR_US);
        let duration = std::time::Duration::from_micros(past_hour_us as u64);
        let last = TimeUnits::new((1 << 31) - 1);
        Timestamp::Absolute(
            TimeUnits::from_duration(duration)
                .or(last)
                .unwrap_or_default(),
        )
    }

    fn entity_state(&self, update: &EntityUpdate) -> PduBody {
        let appearance = if update.deactivated { DEACTIVATED } else { 0 };
        let [psi, theta, phi] = update.orientation.map(|angle| angle as f32);
        EntityState::builder()
            .with_entity_id(self.entity(update.entity))
            .with_force_id(match update.force {
                Force::Friendly => ForceId::Friendly,
                Force::Opposing => ForceId::Opposing,
            })
            .with_entity_type(entity_type(update.entity_type))
            .with_velocity(vector(update.velocity))
            .with_location(location(update.position))
            .with_orientation(Orientation::new(psi, theta, phi))
            .with_appearance(EntityAppearance::Unspecified(appearance.to_be_bytes()))
            .with_dead_reckoning_parameters(DrParameters::default().with_algorithm(
                DeadReckoningAlgorithm::DRM_FPW_ConstantVelocityLowAccelerationLinearMotionEntity,
            ))
            .with_marking(EntityMarking::new_ascii(update.marking.as_str()))
            .build()
            .into_pdu_body()
    }

    fn fire(&self, shot: &Shot) -> PduBody {
        Fire::builder()
            .with_firing_entity_id(self.entity(shot.shooter))
            .with_target_entity_id(self.entity(shot.target))
            .with_entity_id(self.entity(shot.munition))
            .with_event_id(EventId::new(
                self.ids.site,
                self.ids.application,
                shot.event,
            ))
            .with_location_in_world(location(shot.from))
            .with_descriptor(FireDescriptor::Munition(munition(
                shot.munition_type,
                shot.fuze,
            )))
            .with_velocity(vector(shot.velocity))
            .with_range(shot.range_m as f32)
            .build()
            .into_pdu_body()
    }

    fn detonation(&self, blast: &Blast) -> PduBody {
        let target = blast
            .target
            .map_or_else(EntityId::default, |target| self.entity(target));
        Detonation::builder()
            .with_source_entity_id(self.entity(blast.source))
            .with_target_entity_id(target)
            .with_exploding_entity_id(self.entity(blast.exploding))
            .with_event_id(EventId::new(
                self.ids.site,
                self.ids.application,
                blast.event,
            ))
            .with_velocity(vector(blast.velocity))
            .with_world_location(location(blast.at))
            .with_descriptor(DetonationDescriptor::Munition(munition(
                blast.munition_type,
                blast.fuze,
            )))
            .with_detonation_result(DetonationResult::from(blast.result as u8))
            .build()
            .into_pdu_body()
    }
}

impl PduEncoder for DisRsEncoder {
    fn encode(&self, message: &Message) -> Result<Vec<u8>, DisError> {
        let body = match &message.body {
            MessageBody::EntityState(update) => self.entity_state(update),
            MessageBody::Fire(shot) => self.fire(shot),
            MessageBody::Detonation(blast) => self.detonation(blast),
        };
        let header = PduHeader::new_v7(self.ids.exercise, body.body_type());
        let pdu = Pdu::finalize_from_parts(header, body, self.timestamp(message.time));
        let mut buffer = BytesMut::with_capacity(usize::from(pdu.pdu_length()));
        pdu.serialize(&mut buffer)
            .map_err(|error| DisError::Encode(error.to_string()))?;
        Ok(buffer.to_vec())
    }
}

fn entity_type(kind: DisEntityType) -> EntityType {
    EntityType::default()
        .with_kind(EntityKind::from(kind.kind))
        .with_domain(PlatformDomain::from(kind.domain))
        .with_country(Country::from(kind.country))
        .with_category(kind.category)
        .with_subcategory(kind.subcategory)
        .with_specific(kind.specific)
        .with_extra(kind.extra)
}

fn munition(kind: DisEntityType, fuze: u16) -> MunitionDescriptor {
    MunitionDescriptor::default()
        .with_entity_type(entity_type(kind))
        .with_warhead(MunitionDescriptorWarhead::from(HIGH_EXPLOSIVE))
        .with_fuse(MunitionDescriptorFuse::from(fuze))
        .with_quantity(1)
        .with_rate(0)
}

fn location(at: Ecef) -> Location {
    Location::new(at.x_m, at.y_m, at.z_m)
}

fn vector(v: [f64; 3]) -> VectorF32 {
    VectorF32::new(v[0] as f32, v[1] as f32, v[2] as f32)
}
