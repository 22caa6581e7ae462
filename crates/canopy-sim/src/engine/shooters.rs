//! The shooters' resources: free fire channels, when each can launch next, and what is left in
//! its magazine (a site's) or loadout (a fighter's).

use canopy_c2::{EngagementOrder, Magazine};
use canopy_core::{SimTime, UnitId};
use canopy_scenario::MunitionIndex;

use crate::prepared::PreparedScenario;

/// What becomes of an engagement's round when the engagement ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Round {
    /// It was fired.
    Spent,
    /// The launch was cancelled or refused: it goes back to the magazine.
    Returned,
}

/// One shooter's resources.
#[derive(Clone, Debug)]
pub struct ShooterLoad {
    /// Channels not engaged.
    pub free_channels: u32,
    /// The earliest next launch.
    pub ready_at: SimTime,
    /// Rounds left, by munition.
    pub munitions: Magazine,
}

/// Every unit's resources, indexed by unit.
#[derive(Clone, Debug)]
pub struct Shooters {
    loads: Vec<ShooterLoad>,
}

impl Shooters {
    /// Every unit with all its channels free and its full magazine or loadout.
    pub fn new(prepared: &PreparedScenario) -> Shooters {
        let loads = prepared
            .units
            .iter()
            .map(|unit| ShooterLoad {
                free_channels: unit.channels,
                ready_at: SimTime::START,
                munitions: unit.munitions.clone(),
            })
            .collect();
        Shooters { loads }
    }

    /// A unit's resources.
    pub fn load(&self, unit: UnitId) -> &ShooterLoad {
        &self.loads[unit.index()]
    }

    /// An ordered engagement takes a channel and a round and makes the shooter wait its launch
    /// interval after the launch.
    pub fn commit(&mut self, prepared: &PreparedScenario, order: &EngagementOrder) {
        let unit = order.shooter;
        let load = &mut self.loads[unit.index()];
        load.free_channels -= 1;
        load.ready_at = order.plan.launch_time + prepared.units[unit.index()].launch_interval;
        if let Some(stock) = stock_of(&mut load.munitions, order.plan.munition) {
            stock.rounds -= 1;
        }
    }

    /// An engagement ended: its channel is free again and a round not fired goes back to the
    /// magazine.
    pub fn release(&mut self, order: &EngagementOrder, round: Round) {
        let load = &mut self.loads[order.shooter.index()];
        load.free_channels += 1;
        if round == Round::Returned
            && let Some(stock) = stock_of(&mut load.munitions, order.plan.munition)
        {
            stock.rounds += 1;
        }
    }

    /// The shooter cannot launch again before `time`.
    pub fn not_before(&mut self, unit: UnitId, time: SimTime) {
        let load = &mut self.loads[unit.index()];
        load.ready_at = load.ready_at.max(time);
    }

    /// A fighter taking off carries its full loadout.
    pub fn rearm(&mut self, prepared: &PreparedScenario, unit: UnitId) {
        self.loads[unit.index()].munitions = prepared.units[unit.index()].munitions.clone();
    }

    /// Whether the unit has no round left.
    pub fn is_empty(&self, unit: UnitId) -> bool {
        self.loads[unit.index()]
            .munitions
            .iter()
            .all(|stock| stock.rounds == 0)
    }
}

/// The stock of one munition in a magazine.
fn stock_of(
    magazine: &mut Magazine,
    munition: MunitionIndex,
) -> Option<&mut canopy_c2::MunitionStock> {
    magazine.iter_mut().find(|stock| stock.munition == munition)
}
