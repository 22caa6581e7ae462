//! The validated library types, in SI units.

use super::param::Parameter;
use super::sensors::SensorIndex;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

macro_rules! library_index {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub usize);
    };
}

library_index!(
    /// Position of a threat type in [`super::Library::threats`].
    ThreatIndex);
library_index!(
    /// Position of a munition type in [`super::Library::munitions`].
    MunitionIndex);
library_index!(
    /// Position of a ground system type in [`super::Library::systems`].
    SystemIndex);
library_index!(
    /// Position of an aircraft type in [`super::Library::aircraft`].
    AircraftIndex);

/// The four classes of threat that rules of engagement and kill probabilities distinguish.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThreatClass {
    /// One-way attack drone (Shahed-136 / Geran-2).
    Drone,
    /// Decoy drone without (or with a small) warhead (Gerbera).
    Decoy,
    /// Cruise missile (Kh-101, Kalibr).
    Cruise,
    /// Ballistic or quasi-ballistic missile (Iskander-M, Kinzhal), and the Kh-22's steep dive.
    Ballistic,
}

impl ThreatClass {
    /// All classes, in the order of [`MunitionType::pk`].
    pub const ALL: [ThreatClass; 4] = [
        ThreatClass::Drone,
        ThreatClass::Decoy,
        ThreatClass::Cruise,
        ThreatClass::Ballistic,
    ];

    /// The name used in files: `drone`, `decoy`, `cruise`, `ballistic`.
    pub fn as_str(self) -> &'static str {
        match self {
            ThreatClass::Drone => "drone",
            ThreatClass::Decoy => "decoy",
            ThreatClass::Cruise => "cruise",
            ThreatClass::Ballistic => "ballistic",
        }
    }

    /// Position in [`ThreatClass::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Parameters with their provenance, keyed by the SI field name (`speed_mps`, `pk_drone`...).
pub type Provenances = BTreeMap<&'static str, Parameter>;

/// A threat type.
#[derive(Clone, Debug)]
pub struct ThreatType {
    /// Library id, e.g. `shahed-136`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Its class.
    pub class: ThreatClass,
    /// Speed across the theatre (m/s).
    pub speed_mps: f64,
    /// Altitude across the western theatre (m); the midcourse altitude for ballistic threats.
    pub cruise_altitude_m: f64,
    /// Altitude on the final approach (m); 0 for a dive or ballistic descent to the ground.
    pub terminal_altitude_m: f64,
    /// Maximum range (m).
    pub range_m: f64,
    /// Radar cross-section (m²).
    pub rcs_m2: f64,
    /// Unit cost (USD).
    pub cost_usd: f64,
    /// Apogee of the ballistic arc (m); `Some` exactly for ballistic threats.
    pub apogee_m: Option<f64>,
    /// Every number above with its range and provenance.
    pub provenance: Provenances,
}

/// How a munition flies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MunitionKind {
    /// A guided missile.
    Missile,
    /// A gun; one round of a magazine or loadout is one burst.
    Gun,
    /// A guided rocket.
    Rocket,
}

/// A munition type (interceptor, air-to-air missile, rocket or gun burst).
#[derive(Clone, Debug)]
pub struct MunitionType {
    /// Library id, e.g. `pac3-mse`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Missile, gun or rocket.
    pub kind: MunitionKind,
    /// Greatest distance from the shooter to the intercept point (m).
    pub max_range_m: f64,
    /// Least distance from the shooter to the intercept point (m).
    pub min_range_m: f64,
    /// Highest intercept altitude (m).
    pub max_altitude_m: f64,
    /// Lowest intercept altitude (m).
    pub min_altitude_m: f64,
    /// Mean fly-out speed (m/s).
    pub speed_mps: f64,
    /// Cost of one round (USD).
    pub cost_usd: f64,
    /// Single-round kill probability by [`ThreatClass`] (in [`ThreatClass::ALL`] order).
    pub pk: [f64; 4],
    /// A missed round destroys itself in the air (`true`) or falls to the ground (`false`).
    pub self_destructs: bool,
    /// Every number above with its range and provenance.
    pub provenance: Provenances,
}

impl MunitionType {
    /// Single-round kill probability against a threat class.
    pub fn pk(&self, class: ThreatClass) -> f64 {
        self.pk[class.index()]
    }
}

/// A ground-based air-defence system type (SAM battery, gun, MANPADS team).
#[derive(Clone, Debug)]
pub struct SystemType {
    /// Library id, e.g. `patriot`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The munitions it can fire.
    pub munitions: Vec<MunitionIndex>,
    /// From the decision to engage to the first launch (s).
    pub reaction_time_s: f64,
    /// Detection range against a 1 m² target at altitude (m).
    pub radar_range_m: f64,
    /// Least time between two launches (s).
    pub launch_interval_s: f64,
    /// Threats it can engage at the same time.
    pub fire_channels: u32,
    /// Every number above with its range and provenance.
    pub provenance: Provenances,
}

/// A fighter aircraft type.
#[derive(Clone, Debug)]
pub struct AircraftType {
    /// Library id, e.g. `f-16c`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Cruise speed (m/s).
    pub cruise_speed_mps: f64,
    /// Maximum speed (m/s).
    pub dash_speed_mps: f64,
    /// Combat radius (m).
    pub combat_radius_m: f64,
    /// Fuel burnt per metre of a dash (vectored flight at dash speed), in metres of cruise flight
    /// the same fuel would buy.
    pub dash_fuel_factor: f64,
    /// Default time on station of a combat air patrol (s).
    pub endurance_s: f64,
    /// Default patrol altitude (m).
    pub patrol_altitude_m: f64,
    /// Radar detection range against a 1 m² target (m).
    pub radar_range_m: f64,
    /// Cost of one flight hour (USD).
    pub cost_per_flight_hour_usd: f64,
    /// The munitions it can carry.
    pub munitions: Vec<MunitionIndex>,
    /// Its radar (a radar of `sensors.toml`), which feeds the tracked picture while the
    /// aircraft is on station; `None` when not given.
    pub radar: Option<SensorIndex>,
    /// Every number above with its range and provenance.
    pub provenance: Provenances,
}
