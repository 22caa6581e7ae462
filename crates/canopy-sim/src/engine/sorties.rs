//! The fighters' sorties: take-off, transit, time on station (shortened by dashes), the flight
//! home, turnaround, and the spares that keep each patrol's count on station.

use canopy_c2::{InterceptPlan, Vectoring};
use canopy_core::{PatrolId, SimDuration, SimTime, UnitId};

use super::agenda::{Action, Outbox, Turn};
use super::shooters::Shooters;
use crate::event::Event;
use crate::prepared::{FIGHTER_TURNAROUND_S, PreparedScenario, UnitRole, UnitSpec};

/// One unit's flying state (a site is always on station and never flies).
#[derive(Clone, Debug)]
struct Flight {
    on_station: bool,
    turn: Turn,
    airborne_since: Option<SimTime>,
    landing_at: Option<SimTime>,
    /// When its fuel calls it off station (end of its time on station, brought forward by its
    /// dashes).
    leave_at: SimTime,
    /// On the ground, refuelled and rearmed.
    ready: bool,
}

/// Every unit's flying state, indexed by unit.
#[derive(Clone, Debug)]
pub struct Sorties {
    flights: Vec<Flight>,
}

impl Sorties {
    /// Sites on station; the patrols' first aircraft on the ground, due to take off in time to
    /// reach station when the patrol starts; spares ready on the ground.
    pub fn new(prepared: &PreparedScenario, out: &mut Outbox) -> Sorties {
        let flights = prepared
            .units
            .iter()
            .map(|unit| Flight {
                on_station: matches!(unit.role, UnitRole::Site { .. }),
                turn: Turn::default(),
                airborne_since: None,
                landing_at: None,
                leave_at: SimTime::START,
                ready: matches!(unit.role, UnitRole::Fighter { spare: true, .. }),
            })
            .collect();
        for unit in &prepared.units {
            if let UnitRole::Fighter {
                patrol,
                transit,
                spare: false,
                ..
            } = unit.role
            {
                let on_station = prepared.scenario.patrols[patrol.index()].on_station;
                out.schedule(on_station - transit, Action::Takeoff(unit.id));
            }
        }
        Sorties { flights }
    }

    /// Whether the unit can engage: a site, or a fighter on station.
    pub fn on_station(&self, unit: UnitId) -> bool {
        self.flights[unit.index()].on_station
    }

    /// Whether an aircraft of `patrol` is on station.
    pub fn patrol_on_station(&self, prepared: &PreparedScenario, patrol: PatrolId) -> bool {
        prepared
            .units
            .iter()
            .zip(&self.flights)
            .any(|(spec, flight)| {
                flight.on_station
                    && matches!(spec.role, UnitRole::Fighter { patrol: p, .. } if p == patrol)
            })
    }

    /// Takes off: the aircraft carries its full loadout and is due on station after its transit
    /// and off station when its endurance there is spent.
    pub fn take_off(
        &mut self,
        prepared: &PreparedScenario,
        shooters: &mut Shooters,
        out: &mut Outbox,
        time: SimTime,
        unit: UnitId,
    ) {
        let spec = &prepared.units[unit.index()];
        let UnitRole::Fighter {
            patrol, transit, ..
        } = spec.role
        else {
            return;
        };
        let endurance = prepared.scenario.patrols[patrol.index()].endurance;
        let flight = &mut self.flights[unit.index()];
        flight.turn.0 += 1;
        flight.ready = false;
        flight.leave_at = time + transit + endurance;
        flight.airborne_since = Some(time);
        flight.landing_at = None;
        let turn = flight.turn;
        shooters.rearm(prepared, unit);
        out.log(Event::SortieStart {
            time: time.max(SimTime::START),
            unit: spec.name.clone(),
            nation: prepared.nation_code(spec.nation),
        });
        out.schedule(time + transit, Action::OnStation(unit, turn));
        out.schedule(time + transit + endurance, Action::LeaveStation(unit, turn));
    }

    /// Arrives on station, unless that turn is over; returns whether it did.
    pub fn arrive_on_station(
        &mut self,
        prepared: &PreparedScenario,
        out: &mut Outbox,
        time: SimTime,
        unit: UnitId,
        turn: Turn,
    ) -> bool {
        let flight = &mut self.flights[unit.index()];
        if flight.turn != turn {
            return false;
        }
        flight.on_station = true;
        let spec = &prepared.units[unit.index()];
        out.log(Event::OnStation {
            time,
            unit: spec.name.clone(),
            nation: prepared.nation_code(spec.nation),
        });
        true
    }

    /// The fuel of `turn` is spent: leaves station, unless that turn is already over.
    pub fn fuel_out(
        &mut self,
        prepared: &PreparedScenario,
        shooters: &mut Shooters,
        out: &mut Outbox,
        time: SimTime,
        (unit, turn): (UnitId, Turn),
    ) {
        let flight = &self.flights[unit.index()];
        if flight.turn == turn && flight.on_station {
            self.leave_station(prepared, shooters, out, time, unit);
        }
    }

    /// Leaves station for home (and a spare takes off if the patrol needs one).
    pub fn leave_station(
        &mut self,
        prepared: &PreparedScenario,
        shooters: &mut Shooters,
        out: &mut Outbox,
        time: SimTime,
        unit: UnitId,
    ) {
        let spec = &prepared.units[unit.index()];
        let UnitRole::Fighter { transit, .. } = spec.role else {
            return;
        };
        let flight = &mut self.flights[unit.index()];
        flight.on_station = false;
        flight.turn.0 += 1;
        flight.landing_at = Some(time + transit);
        out.schedule(time + transit, Action::Land(unit));
        out.log(Event::OffStation {
            time,
            unit: spec.name.clone(),
            nation: prepared.nation_code(spec.nation),
        });
        self.fill_patrol(prepared, shooters, out, time, unit);
    }

    /// Lands; ready again after the turnaround.
    pub fn land(
        &mut self,
        prepared: &PreparedScenario,
        out: &mut Outbox,
        time: SimTime,
        unit: UnitId,
    ) {
        self.end_sortie(prepared, out, time, unit);
        let turnaround = SimDuration::from_secs(FIGHTER_TURNAROUND_S);
        out.schedule(time + turnaround, Action::Ready(unit));
    }

    /// Refuelled and rearmed: takes off at once if its patrol is short of aircraft.
    pub fn ready(
        &mut self,
        prepared: &PreparedScenario,
        shooters: &mut Shooters,
        out: &mut Outbox,
        time: SimTime,
        unit: UnitId,
    ) {
        self.flights[unit.index()].ready = true;
        self.fill_patrol(prepared, shooters, out, time, unit);
    }

    /// Sends ready aircraft of `unit`'s patrol (lowest unit first) towards the station while
    /// fewer than the patrol's count are on station or flying out to it.
    fn fill_patrol(
        &mut self,
        prepared: &PreparedScenario,
        shooters: &mut Shooters,
        out: &mut Outbox,
        time: SimTime,
        unit: UnitId,
    ) {
        let UnitRole::Fighter { patrol, .. } = prepared.units[unit.index()].role else {
            return;
        };
        let count = prepared.scenario.patrols[patrol.index()].count as usize;
        let of_patrol: Vec<UnitId> = prepared
            .units
            .iter()
            .filter(|spec| matches!(spec.role, UnitRole::Fighter { patrol: p, .. } if p == patrol))
            .map(|spec| spec.id)
            .collect();
        let covering = of_patrol
            .iter()
            .filter(|unit| {
                let flight = &self.flights[unit.index()];
                flight.airborne_since.is_some() && flight.landing_at.is_none()
            })
            .count();
        let ready: Vec<UnitId> = of_patrol
            .into_iter()
            .filter(|unit| self.flights[unit.index()].ready)
            .take(count.saturating_sub(covering))
            .collect();
        for unit in ready {
            self.take_off(prepared, shooters, out, time, unit);
        }
    }

    /// Logs the end of a sortie (its hours and their cost), if the unit is flying one.
    fn end_sortie(
        &mut self,
        prepared: &PreparedScenario,
        out: &mut Outbox,
        time: SimTime,
        unit: UnitId,
    ) {
        let Some(since) = self.flights[unit.index()].airborne_since.take() else {
            return;
        };
        let spec = &prepared.units[unit.index()];
        let UnitRole::Fighter { aircraft, .. } = spec.role else {
            return;
        };
        let hours = time.since(since).as_secs_f64() / 3600.0;
        let cost_per_hour = prepared
            .scenario
            .library
            .aircraft(aircraft)
            .cost_per_flight_hour_usd;
        out.log(Event::SortieEnd {
            time,
            unit: spec.name.clone(),
            nation: prepared.nation_code(spec.nation),
            flight_hours: hours,
            cost_usd: hours * cost_per_hour,
        });
    }

    /// What a fighter on station can fly beyond it at `now`: its fuel is the rest of its time
    /// on station at cruise speed plus the flight home it keeps in reserve.
    pub fn vectoring(
        &self,
        prepared: &PreparedScenario,
        spec: &UnitSpec,
        now: SimTime,
    ) -> Option<Vectoring> {
        let UnitRole::Fighter {
            aircraft,
            transit,
            base_m,
            ..
        } = spec.role
        else {
            return None;
        };
        let flight = &self.flights[spec.id.index()];
        if !flight.on_station {
            return None;
        }
        let kind = prepared.scenario.library.aircraft(aircraft);
        let left_s = flight.leave_at.since(now).as_secs_f64().max(0.0);
        Some(Vectoring {
            dash_speed_mps: kind.dash_speed_mps,
            base_m,
            combat_radius_m: kind.combat_radius_m,
            dash_fuel_factor: kind.dash_fuel_factor,
            fuel_m: kind.cruise_speed_mps * (left_s + transit.as_secs_f64()),
        })
    }

    /// A vectored fighter's dash: it is back on station (ready to launch again) after flying
    /// home from the launch point at cruise speed, and the fuel the dash burns beyond what
    /// loitering would have burnt brings its departure forward.
    pub fn dash(
        &mut self,
        prepared: &PreparedScenario,
        shooters: &mut Shooters,
        out: &mut Outbox,
        now: SimTime,
        (unit, plan): (UnitId, &InterceptPlan),
    ) {
        let UnitRole::Fighter { aircraft, .. } = prepared.units[unit.index()].role else {
            return;
        };
        let kind = prepared.scenario.library.aircraft(aircraft);
        let back_s = plan.dash_m / kind.cruise_speed_mps;
        let extra_s = kind.dash_fuel_factor * plan.dash_m / kind.cruise_speed_mps
            - plan.dash_m / kind.dash_speed_mps;
        shooters.not_before(unit, plan.launch_time + SimDuration::from_secs_f64(back_s));
        let flight = &mut self.flights[unit.index()];
        flight.leave_at = flight.leave_at - SimDuration::from_secs_f64(extra_s.max(0.0));
        let (leave_at, turn) = (flight.leave_at.max(now), flight.turn);
        out.schedule(leave_at, Action::LeaveStation(unit, turn));
    }

    /// At the end of the run: every fighter still flying ends its sortie when it lands (or, if
    /// not yet heading home, a transit after the end).
    pub fn finish(&mut self, prepared: &PreparedScenario, out: &mut Outbox, end: SimTime) {
        for spec in &prepared.units {
            if let UnitRole::Fighter { transit, .. } = spec.role {
                let flight = &self.flights[spec.id.index()];
                let home = flight.landing_at.unwrap_or(end + transit);
                if flight.airborne_since.is_some() {
                    self.end_sortie(prepared, out, home.max(end), spec.id);
                }
            }
        }
    }
}
