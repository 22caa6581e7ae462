//! The night as DIS sees it: its entities, launches (shots) and detonations (blasts).

use canopy_core::SimTime;
use canopy_geo::Ecef;
use canopy_scenario::{DisEntityType, MunitionKind};

use crate::entity::Entity;

/// The night's entities, launches and detonations.
#[derive(Clone, Debug, Default)]
pub struct Night {
    /// Every entity that flew, by entity number.
    pub entities: Vec<Entity>,
    /// Every launch, in log order.
    pub shots: Vec<Shot>,
    /// Every detonation, in log order.
    pub blasts: Vec<Blast>,
}

/// What a Detonation PDU reports (SISO-REF-010 detonation result).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlastResult {
    /// An interceptor destroyed its target (1).
    EntityImpact = 1,
    /// A threat reached its aim point (3).
    GroundImpact = 3,
    /// An interceptor destroyed itself after its target was gone (5).
    Detonation = 5,
    /// An interceptor ran out of energy before its target (31).
    MissInFlyOut = 31,
    /// An interceptor reached its target but its kill failed (32).
    MissInEndGame = 32,
}

/// A launch (Fire PDU).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shot {
    /// When.
    pub time: SimTime,
    /// The firing entity (a fighter sortie or a ground site).
    pub shooter: u16,
    /// The threat engaged.
    pub target: u16,
    /// The interceptor's entity.
    pub munition: u16,
    /// The event number shared with its Detonation.
    pub event: u16,
    /// Where it was launched.
    pub from: Ecef,
    /// Its mean velocity over its flight, m/s.
    pub velocity: [f64; 3],
    /// The munition's entity type.
    pub munition_type: DisEntityType,
    /// Its fuze (SISO-REF-010).
    pub fuze: u16,
    /// Planned distance from launcher to intercept, metres.
    pub range_m: f64,
}

/// A detonation (Detonation PDU).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Blast {
    /// When.
    pub time: SimTime,
    /// The entity that fired (the threat itself for an impact).
    pub source: u16,
    /// The entity aimed at, if any.
    pub target: Option<u16>,
    /// The entity that detonated.
    pub exploding: u16,
    /// The event number (the Fire's, for an interceptor).
    pub event: u16,
    /// Where.
    pub at: Ecef,
    /// The exploding entity's velocity, m/s.
    pub velocity: [f64; 3],
    /// Its entity type.
    pub munition_type: DisEntityType,
    /// Its fuze.
    pub fuze: u16,
    /// What happened.
    pub result: BlastResult,
}

/// The DIS fuze of a munition kind: proximity for missiles and rockets, contact for guns.
pub(crate) fn fuze_of(kind: MunitionKind) -> u16 {
    match kind {
        MunitionKind::Missile | MunitionKind::Rocket => 3000,
        MunitionKind::Gun => 1000,
    }
}
