//! The type library: threats, munitions, ground systems and aircraft, each number with its public
//! source or its assumption (see [`Parameter`]). The project's catalogues in `data/library/` are
//! compiled into the crate, so the library needs no file beside the binary.

mod build;
mod dis_type;
mod entry;
mod evaluation;
mod index;
mod param;
mod raw;
mod sensors;
mod types;

pub use dis_type::{DisEntityType, DisEntityTypeError};
pub use evaluation::{AimModel, ClassModel, Evaluation, PlaceKindValue};
pub use index::{AircraftIndex, MunitionIndex, SensorIndex, SystemIndex, ThreatIndex};
pub use param::{Parameter, Provenance};
pub use types::{
    AircraftType, MunitionKind, MunitionType, SensorKind, SensorType, SystemType, ThreatClass,
    ThreatType,
};

use crate::error::ScenarioError;
use std::sync::OnceLock;

/// The texts of the catalogues of a type library.
#[derive(Clone, Copy, Debug)]
pub struct LibraryTexts<'a> {
    /// `threats.toml`: `[[threat]]` entries.
    pub threats: &'a str,
    /// `munitions.toml`: `[[munition]]` entries.
    pub munitions: &'a str,
    /// `systems.toml`: `[[system]]` entries.
    pub systems: &'a str,
    /// `aircraft.toml`: `[[aircraft]]` entries.
    pub aircraft: &'a str,
    /// `sensors.toml`: `[[sensor]]` entries.
    pub sensors: &'a str,
    /// `evaluation.toml`: `[[class]]`, `[[place_kind]]` and `[aim]`.
    pub evaluation: &'a str,
}

impl LibraryTexts<'static> {
    /// The project's catalogues (`data/library/*.toml`), compiled in.
    pub const BUNDLED: LibraryTexts<'static> = LibraryTexts {
        threats: include_str!("../../../../data/library/threats.toml"),
        munitions: include_str!("../../../../data/library/munitions.toml"),
        systems: include_str!("../../../../data/library/systems.toml"),
        aircraft: include_str!("../../../../data/library/aircraft.toml"),
        sensors: include_str!("../../../../data/library/sensors.toml"),
        evaluation: include_str!("../../../../data/library/evaluation.toml"),
    };
}

/// The validated type library: every value in SI units, every cross-reference resolved to a typed
/// index.
#[derive(Clone, Debug)]
pub struct Library {
    /// Threat types, in file order.
    pub threats: Vec<ThreatType>,
    /// Munition types, in file order.
    pub munitions: Vec<MunitionType>,
    /// Ground system types, in file order.
    pub systems: Vec<SystemType>,
    /// Aircraft types, in file order.
    pub aircraft: Vec<AircraftType>,
    /// Sensor types, in file order.
    pub sensors: Vec<SensorType>,
    /// Threat evaluation: class models and aim-point values.
    pub evaluation: Evaluation,
}

impl Library {
    /// The project's library (`data/library/`), compiled in and validated once.
    pub fn bundled() -> Result<Library, ScenarioError> {
        static BUNDLED: OnceLock<Result<Library, ScenarioError>> = OnceLock::new();
        BUNDLED
            .get_or_init(|| Library::from_texts(&LibraryTexts::BUNDLED))
            .clone()
    }

    /// Parses and validates a library from the texts of its catalogues; errors name the
    /// catalogue as `data/library/NAME.toml`.
    pub fn from_texts(texts: &LibraryTexts<'_>) -> Result<Library, ScenarioError> {
        build::build(texts)
    }

    /// One threat type.
    pub fn threat(&self, i: ThreatIndex) -> &ThreatType {
        &self.threats[i.0]
    }

    /// One munition type.
    pub fn munition(&self, i: MunitionIndex) -> &MunitionType {
        &self.munitions[i.0]
    }

    /// One ground system type.
    pub fn system(&self, i: SystemIndex) -> &SystemType {
        &self.systems[i.0]
    }

    /// One aircraft type.
    pub fn aircraft(&self, i: AircraftIndex) -> &AircraftType {
        &self.aircraft[i.0]
    }

    /// One sensor type.
    pub fn sensor(&self, i: SensorIndex) -> &SensorType {
        &self.sensors[i.0]
    }

    /// The threat type with this id.
    pub fn threat_index(&self, id: &str) -> Option<ThreatIndex> {
        self.threats
            .iter()
            .position(|t| t.id == id)
            .map(ThreatIndex)
    }

    /// The munition type with this id.
    pub fn munition_index(&self, id: &str) -> Option<MunitionIndex> {
        self.munitions
            .iter()
            .position(|m| m.id == id)
            .map(MunitionIndex)
    }

    /// The ground system type with this id.
    pub fn system_index(&self, id: &str) -> Option<SystemIndex> {
        self.systems
            .iter()
            .position(|s| s.id == id)
            .map(SystemIndex)
    }

    /// The aircraft type with this id.
    pub fn aircraft_index(&self, id: &str) -> Option<AircraftIndex> {
        self.aircraft
            .iter()
            .position(|a| a.id == id)
            .map(AircraftIndex)
    }
}
