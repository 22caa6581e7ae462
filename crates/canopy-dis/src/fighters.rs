//! Fighter sorties as entities: one entity per sortie, flown along straight legs from its base
//! to its station, out to each launch point it dashed to and back, and home.

use std::collections::BTreeMap;

use canopy_core::{SimDuration, SimTime, UnitName};
use canopy_geo::Ecef;
use canopy_sim::prepared::UnitRole;
use canopy_sim::{Event, PreparedScenario};

use crate::entity::{Entity, Force, ecef, marking};
use crate::path::Path;

/// A dash from station: when the fighter launched, where, and how far it flew out.
#[derive(Clone, Copy, Debug)]
struct Dash {
    time: SimTime,
    from: Ecef,
    dash_m: f64,
}

/// A sortie under way.
#[derive(Clone, Debug)]
struct Sortie {
    number: u16,
    start: SimTime,
    on_station: Option<SimTime>,
    dashes: Vec<Dash>,
}

/// The sorties under way, by aircraft.
#[derive(Clone, Debug, Default)]
pub(crate) struct Sorties {
    open: BTreeMap<UnitName, Sortie>,
}

impl Sorties {
    /// An aircraft took off; its sortie is entity `number`.
    pub(crate) fn start(&mut self, unit: &UnitName, time: SimTime, number: u16) {
        let sortie = Sortie {
            number,
            start: time,
            on_station: None,
            dashes: Vec::new(),
        };
        self.open.insert(unit.clone(), sortie);
    }

    /// The aircraft reached its station.
    pub(crate) fn on_station(&mut self, unit: &UnitName, time: SimTime) {
        if let Some(sortie) = self.open.get_mut(unit) {
            sortie.on_station.get_or_insert(time);
        }
    }

    /// A launch: kept as a dash when a flying aircraft dashed from its station to launch.
    pub(crate) fn note_launch(&mut self, event: &Event) {
        if let Event::Launch {
            time,
            shooter,
            from,
            dash_m,
            ..
        } = event
            && let Some(sortie) = self.open.get_mut(shooter)
            && *dash_m > 0.0
        {
            sortie.dashes.push(Dash {
                time: *time,
                from: ecef(from),
                dash_m: *dash_m,
            });
        }
    }

    /// The entity number of the aircraft's sortie under way, if it flies.
    pub(crate) fn current(&self, unit: &UnitName) -> Option<u16> {
        self.open.get(unit).map(|sortie| sortie.number)
    }

    /// The aircraft landed: its sortie as an entity.
    pub(crate) fn end(
        &mut self,
        prepared: &PreparedScenario,
        unit: &UnitName,
        time: SimTime,
    ) -> Option<Entity> {
        let sortie = self.open.remove(unit)?;
        let spec = prepared.units.iter().find(|spec| &spec.name == unit)?;
        let UnitRole::Fighter {
            aircraft,
            transit,
            base_m,
            ..
        } = spec.role
        else {
            return None;
        };
        let kind = prepared.scenario.library.aircraft(aircraft);
        let frame = &prepared.geometry.frame;
        let (base, station) = (frame.to_ecef(base_m), frame.to_ecef(spec.position_m));
        let arrival = sortie.on_station.unwrap_or(sortie.start + transit);
        let mut legs = vec![(arrival - transit, base), (arrival, station)];
        for dash in &sortie.dashes {
            let out = SimDuration::from_secs_f64(dash.dash_m / kind.dash_speed_mps);
            let back = SimDuration::from_secs_f64(dash.dash_m / kind.cruise_speed_mps);
            legs.push((dash.time - out, station));
            legs.push((dash.time, dash.from));
            legs.push((dash.time + back, station));
        }
        legs.push((time - transit, station));
        legs.push((time, base));
        Some(Entity {
            number: sortie.number,
            entity_type: kind.dis_entity_type,
            force: Force::Friendly,
            marking: marking(unit.as_str()),
            path: Path::Legs(in_time_order(legs)),
            start: sortie.start,
            end: time,
        })
    }
}

/// The legs with each time brought up to the one before it, where the log's times overlap (a
/// dash that ended as the aircraft left its station).
fn in_time_order(mut legs: Vec<(SimTime, Ecef)>) -> Vec<(SimTime, Ecef)> {
    let mut latest = SimTime::from_micros(i64::MIN);
    for (time, _) in &mut legs {
        latest = latest.max(*time);
        *time = latest;
    }
    legs
}
