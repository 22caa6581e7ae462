//! What C2 knows of its own shooters: position, readiness and magazine.

use canopy_core::{NationId, SimDuration, SimTime, UnitId};
use canopy_geo::EnuPosition;
use canopy_scenario::MunitionIndex;
use smallvec::SmallVec;

/// What kind of shooter a unit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShooterKind {
    /// A ground-based air-defence site.
    Site,
    /// A fighter aircraft on combat air patrol.
    Fighter,
}

/// Rounds of one munition held by a shooter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MunitionStock {
    /// The munition type.
    pub munition: MunitionIndex,
    /// Rounds left.
    pub rounds: u32,
}

/// A magazine or loadout: a few munition types, held inline so that copying a shooter's state
/// each decision cycle costs no allocation.
pub type Magazine = SmallVec<[MunitionStock; 4]>;

/// One shooter as C2 sees it at the start of a decision cycle.
#[derive(Clone, Debug)]
pub struct ShooterState {
    /// The unit.
    pub unit: UnitId,
    /// Its nation.
    pub nation: NationId,
    /// Site or fighter.
    pub kind: ShooterKind,
    /// Whether it can engage now (a fighter off station cannot).
    pub available: bool,
    /// Position in the theatre's ENU frame, metres.
    pub position_m: EnuPosition,
    /// Earliest time of its next launch (launch interval after the previous one).
    pub ready_at: SimTime,
    /// Engagements it can still guide at once (fire channels not in use).
    pub free_channels: u32,
    /// Time from decision to launch.
    pub reaction: SimDuration,
    /// Least time between two launches.
    pub launch_interval: SimDuration,
    /// Its magazine or loadout.
    pub munitions: Magazine,
    /// For a fighter on patrol, what it can fly beyond its station (`None`: it fires from its
    /// position only).
    pub vectoring: Option<Vectoring>,
}

/// What a fighter on patrol can fly beyond its station ([`crate::vectoring`] plans its dash).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Vectoring {
    /// Dash speed, m/s.
    pub dash_speed_mps: f64,
    /// Its home base in the theatre's ENU frame.
    pub base_m: EnuPosition,
    /// Combat radius from the base, metres.
    pub combat_radius_m: f64,
    /// Fuel a metre of dash burns, in metres of cruise flight.
    pub dash_fuel_factor: f64,
    /// Fuel left, in metres of cruise flight: the rest of its time on station at cruise speed
    /// plus the flight home it keeps in reserve.
    pub fuel_m: f64,
}
