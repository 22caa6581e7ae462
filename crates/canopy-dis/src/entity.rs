//! What flies: an entity's number, type, side, marking, path and life.

use canopy_core::{SimDuration, SimTime, ThreatId};
use canopy_geo::{Ecef, to_ecef};
use canopy_scenario::DisEntityType;
use canopy_sim::{Position, PreparedScenario};

use crate::orientation::difference;
use crate::path::Path;

/// Which side an entity is on (DIS force id).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Force {
    /// Ukraine and the coalition.
    Friendly,
    /// Russia's threats.
    Opposing,
}

/// Something that flies: a threat, an interceptor or a fighter on one sortie.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Its DIS entity number (unique in the night).
    pub number: u16,
    /// Its DIS entity type.
    pub entity_type: DisEntityType,
    /// Its side.
    pub force: Force,
    /// Its marking: a readable name of at most 11 ASCII characters.
    pub marking: String,
    /// Where it is when.
    pub path: Path,
    /// When it appears.
    pub start: SimTime,
    /// When it ends (destroyed, arrived, landed, or the end of the run).
    pub end: SimTime,
}

impl Entity {
    /// Its velocity at `time` (m/s), by central difference over a second of its life.
    pub(crate) fn velocity(&self, prepared: &PreparedScenario, time: SimTime) -> [f64; 3] {
        let half = SimDuration::from_micros(500_000);
        let before = (time - half).max(self.start);
        let after = (time + half).min(self.end).max(before);
        let seconds = after.since(before).as_secs_f64();
        if seconds == 0.0 {
            return [0.0; 3];
        }
        let moved = difference(
            self.path.position(prepared, after),
            self.path.position(prepared, before),
        );
        moved.map(|c| c / seconds)
    }
}

/// The number of a threat's entity.
pub(crate) fn threat_number(threat: ThreatId) -> u16 {
    (threat.index() + 1) as u16
}

/// Geocentric coordinates of a logged position.
pub(crate) fn ecef(position: &Position) -> Ecef {
    to_ecef(position.point(), position.alt_m)
}

/// A marking of at most 11 characters: the name, its stem shortened so that the part from its
/// last `#` or `/` (the number that tells it from its siblings) stays.
pub(crate) fn marking(name: &str) -> String {
    const LENGTH: usize = 11;
    let ascii: String = name.chars().filter(char::is_ascii).collect();
    if ascii.len() <= LENGTH {
        return ascii;
    }
    let split = ascii.rfind(['#', '/']).unwrap_or(ascii.len());
    let (stem, tail) = ascii.split_at(split);
    let tail = &tail[..tail.len().min(LENGTH)];
    format!("{}{tail}", &stem[..LENGTH - tail.len()])
}
