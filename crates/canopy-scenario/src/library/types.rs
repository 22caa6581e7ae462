//! The validated library types, in SI units.

use super::dis_type::DisEntityType;
use super::index::{MunitionIndex, SensorIndex};
use super::param::Parameter;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The four classes of threat that rules of engagement and kill probabilities distinguish.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
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
    /// Its DIS entity type (SISO-REF-010), for the DIS output.
    pub dis_entity_type: DisEntityType,
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
    /// Its DIS entity type (SISO-REF-010), for the DIS output.
    pub dis_entity_type: DisEntityType,
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
    /// Its engagement radar searching for ballistic missiles (a radar of `sensors.toml`), which
    /// feeds the tracked picture from each of its sites; `None` for a system without one.
    pub radar: Option<SensorIndex>,
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
    /// Its DIS entity type (SISO-REF-010), for the DIS output.
    pub dis_entity_type: DisEntityType,
    /// Every number above with its range and provenance.
    pub provenance: Provenances,
}

/// How a sensor measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SensorKind {
    /// An active radar (ground or airborne): range, azimuth and elevation from its antenna.
    Radar,
    /// A field of microphones on the ground: coarse positions of audible targets.
    Acoustic,
}

/// A sensor type, in SI units.
#[derive(Clone, Debug)]
pub struct SensorType {
    /// Library id, e.g. `36d6`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Radar or acoustic.
    pub kind: SensorKind,
    /// Range at which the detection probability equals `reference_pd` against a target of
    /// `reference_rcs_m2` (m); for an acoustic network, the distance a node hears a target.
    pub reference_range_m: f64,
    /// Radar cross-section of the reference target (m²).
    pub reference_rcs_m2: f64,
    /// Detection probability per scan at the reference range and cross-section.
    pub reference_pd: f64,
    /// Instrumented range: nothing is reported beyond it (m).
    pub max_range_m: f64,
    /// Time between two looks at the same target (s).
    pub revisit_s: f64,
    /// 1-sigma range noise (m).
    pub sigma_range_m: f64,
    /// 1-sigma azimuth noise (rad).
    pub sigma_azimuth_rad: f64,
    /// 1-sigma elevation noise (rad).
    pub sigma_elevation_rad: f64,
    /// Mean number of false alarms per scan (Poisson).
    pub false_alarms_per_scan: f64,
    /// Default antenna height above the ground of a ground sensor (m).
    pub antenna_height_m: f64,
    /// Targets faster than this are not reported (m/s), if given.
    pub max_target_speed_mps: Option<f64>,
    /// Targets slower than this are not reported (m/s): a search for ballistic missiles that
    /// filters out everything slower.
    pub min_target_speed_mps: Option<f64>,
    /// Targets higher than this are not reported (m), if given.
    pub max_target_altitude_m: Option<f64>,
    /// Every number above with its range and provenance.
    pub provenance: Provenances,
}
