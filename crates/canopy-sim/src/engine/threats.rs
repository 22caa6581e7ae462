//! The threats' lives: launch, entry into the theatre (or attrition on the way), stays in NATO
//! airspace, losing the way to electronic warfare, arrival at the aim point, and why a threat that
//! was never engaged went unengaged.

use canopy_c2::Infeasible;
use canopy_core::{SimTime, StreamKey, ThreatId};
use canopy_scenario::EwArea;
use rand::RngExt;

use super::agenda::{Action, Outbox, StretchIndex};
use crate::event::{Event, Position, SpilloverObject};
use crate::ew::EwIndex;
use crate::prepared::{PreparedScenario, ThreatSpec};
use crate::spill::SpilloverCheck;
use crate::truth::{ThreatStatus, position_m};

/// Where along its route (metres) and in which EW area a drone or decoy loses its way, if it
/// does: each pass through an area after the theatre entry draws once, with the area's
/// `lost_share`, and the first pass that loses it puts the loss at a point drawn uniformly along
/// that pass. Missiles are not affected.
pub fn lost_on_route(
    prepared: &PreparedScenario,
    spec: &ThreatSpec,
    key: StreamKey,
) -> Option<(f64, EwIndex)> {
    let route = &prepared.routes[spec.route];
    if route.ew.is_empty() || !EwArea::affects(spec.class) {
        return None;
    }
    let mut rng = key.stream("ew", &spec.name);
    let entry_m = spec.entry_distance_m;
    for stretch in route.ew.iter().filter(|stretch| stretch.end_m > entry_m) {
        let share = prepared.scenario.ew[stretch.area.0].lost_share;
        let (draw, place): (f64, f64) = (rng.random(), rng.random());
        if draw < share {
            let from_m = stretch.start_m.max(entry_m);
            return Some((from_m + place * (stretch.end_m - from_m), stretch.area));
        }
    }
    None
}

/// A stay in NATO airspace under way: which stretch, since when, from how far along the route.
#[derive(Clone, Copy, Debug)]
struct Stay {
    stretch: StretchIndex,
    since: SimTime,
    from_m: f64,
}

/// What C2 did about one threat, for its record.
#[derive(Clone, Copy, Debug, Default)]
struct Record {
    engaged_ever: bool,
    last_reason: Option<Infeasible>,
    inside: Option<Stay>,
}

/// Every threat's status and record, indexed by threat.
#[derive(Clone, Debug)]
pub struct Threats {
    status: Vec<ThreatStatus>,
    records: Vec<Record>,
    unresolved: usize,
    active: usize,
}

impl Threats {
    /// Every threat pending, due to launch at its launch time.
    pub fn new(prepared: &PreparedScenario, out: &mut Outbox) -> Threats {
        for spec in &prepared.threats {
            out.schedule(spec.launch, Action::Launch(spec.id));
        }
        Threats {
            status: vec![ThreatStatus::Pending; prepared.threats.len()],
            records: vec![Record::default(); prepared.threats.len()],
            unresolved: prepared.threats.len(),
            active: 0,
        }
    }

    /// Every threat's status, indexed by threat.
    pub fn statuses(&self) -> &[ThreatStatus] {
        &self.status
    }

    /// Whether the threat is flying in the theatre.
    pub fn is_active(&self, threat: ThreatId) -> bool {
        self.status[threat.index()] == ThreatStatus::Active
    }

    /// How many threats fly in the theatre.
    pub fn active_count(&self) -> usize {
        self.active
    }

    /// Whether every threat is destroyed, attrited, lost or arrived.
    pub fn all_resolved(&self) -> bool {
        self.unresolved == 0
    }

    /// Notes the furthest reason C2 reached for not engaging the threat (yet).
    pub fn note_reason(&mut self, threat: ThreatId, reason: Infeasible) {
        self.records[threat.index()].last_reason = Some(reason);
    }

    /// Notes that an interceptor was launched at the threat.
    pub fn mark_engaged(&mut self, threat: ThreatId) {
        self.records[threat.index()].engaged_ever = true;
    }

    /// The threat leaves its launch point; it is due in the theatre when it reaches the entry
    /// distance.
    pub fn launch(
        &mut self,
        prepared: &PreparedScenario,
        out: &mut Outbox,
        time: SimTime,
        threat: ThreatId,
    ) {
        let spec = &prepared.threats[threat.index()];
        let entry = spec.time_at(spec.entry_distance_m);
        out.log(Event::ThreatLaunched {
            time,
            threat,
            name: spec.name.clone(),
            threat_type: prepared
                .scenario
                .library
                .threat(spec.kind)
                .id
                .as_str()
                .into(),
            class: spec.class,
            target: spec.target.clone(),
            cost_usd: spec.cost_usd,
        });
        out.schedule(entry, Action::Enter(threat));
    }

    /// The threat reaches the theatre, unless en-route attrition took it (a theatre with an entry
    /// meridian); returns whether it entered. An entered threat is due at its aim point, at each
    /// stretch of NATO airspace on its route after the entry and, if electronic warfare leads it
    /// astray, where it loses its way.
    pub fn enter(
        &mut self,
        prepared: &PreparedScenario,
        out: &mut Outbox,
        (time, key): (SimTime, StreamKey),
        threat: ThreatId,
    ) -> bool {
        let spec = &prepared.threats[threat.index()];
        if let Some(entry) = prepared.scenario.theatre.entry_meridian() {
            let draw: f64 = key.stream("attrition", &spec.name).random();
            if draw < entry.en_route_attrition {
                self.set_status(threat, ThreatStatus::Attrited);
                out.log(Event::ThreatAttrited { time, threat });
                return false;
            }
        }
        self.set_status(threat, ThreatStatus::Active);
        out.log(Event::ThreatEntered {
            time,
            threat,
            at: prepared.geo_position(position_m(prepared, spec, time)),
        });
        let route = &prepared.routes[spec.route];
        let entry_m = spec.entry_distance_m;
        out.schedule(spec.time_at(route.route.length_m()), Action::Arrive(threat));
        for (k, interval) in route.nato.iter().enumerate() {
            if interval.end_m > entry_m {
                let when = spec.time_at(interval.start_m.max(entry_m));
                out.schedule(when, Action::AirspaceIn(threat, StretchIndex(k)));
            }
        }
        if let Some((at_m, area)) = lost_on_route(prepared, spec, key) {
            out.schedule(spec.time_at(at_m), Action::Lose(threat, area));
        }
        true
    }

    /// The threat, if still flying, loses its way in an EW area: it is out of the fight.
    pub fn lose(
        &mut self,
        prepared: &PreparedScenario,
        out: &mut Outbox,
        time: SimTime,
        (threat, area): (ThreatId, EwIndex),
    ) {
        if !self.is_active(threat) {
            return;
        }
        let spec = &prepared.threats[threat.index()];
        let at = prepared.geo_position(position_m(prepared, spec, time));
        self.close_airspace(prepared, out, time, threat);
        self.set_status(threat, ThreatStatus::Lost);
        out.log(Event::ThreatLost {
            time,
            threat,
            area: prepared.scenario.ew[area.0].id.clone(),
            at,
        });
    }

    /// The threat reaches its aim point, if still flying: a leaker.
    pub fn arrive(
        &mut self,
        prepared: &PreparedScenario,
        out: &mut Outbox,
        time: SimTime,
        threat: ThreatId,
    ) {
        if !self.is_active(threat) {
            return;
        }
        let spec = &prepared.threats[threat.index()];
        let at = prepared.geo_position(position_m(prepared, spec, time));
        self.close_airspace(prepared, out, time, threat);
        self.log_unengaged(out, time, threat);
        self.set_status(threat, ThreatStatus::Leaked);
        out.log(Event::Impact {
            time,
            threat,
            target: spec.target.clone(),
            at,
        });
    }

    /// The threat, if still flying, enters a stretch of NATO airspace; it is due out at the
    /// stretch's end.
    pub fn airspace_in(
        &mut self,
        prepared: &PreparedScenario,
        out: &mut Outbox,
        time: SimTime,
        (threat, stretch): (ThreatId, StretchIndex),
    ) {
        if !self.is_active(threat) {
            return;
        }
        let spec = &prepared.threats[threat.index()];
        let interval = &prepared.routes[spec.route].nato[stretch.0];
        let end = spec.time_at(interval.end_m);
        self.records[threat.index()].inside = Some(Stay {
            stretch,
            since: time,
            from_m: spec.distance_at(time),
        });
        out.log(Event::AirspaceEntry {
            time,
            threat,
            country: interval.country,
        });
        out.schedule(end, Action::AirspaceOut(threat, stretch));
    }

    /// The threat leaves a stretch of NATO airspace, if it is still in that stay.
    pub fn airspace_out(
        &mut self,
        prepared: &PreparedScenario,
        out: &mut Outbox,
        time: SimTime,
        (threat, stretch): (ThreatId, StretchIndex),
    ) {
        if self.records[threat.index()].inside.map(|stay| stay.stretch) == Some(stretch) {
            self.close_airspace(prepared, out, time, threat);
        }
    }

    /// Ends the threat's stay in NATO airspace, if any, and logs it as a spillover.
    fn close_airspace(
        &mut self,
        prepared: &PreparedScenario,
        out: &mut Outbox,
        time: SimTime,
        threat: ThreatId,
    ) {
        let Some(stay) = self.records[threat.index()].inside.take() else {
            return;
        };
        let spec = &prepared.threats[threat.index()];
        let prepared_route = &prepared.routes[spec.route];
        let interval = &prepared_route.nato[stay.stretch.0];
        let (from_m, to_m) = (stay.from_m, spec.distance_at(time));
        let route = &prepared_route.route;
        let near = SpilloverCheck::new(prepared)
            .nearest_place(route.point_at(&prepared.geometry, (from_m + to_m) / 2.0));
        let entered_at = route.point_at(&prepared.geometry, from_m);
        out.log(Event::Spillover {
            time,
            object: SpilloverObject::Threat,
            threat,
            country: interval.country,
            near,
            time_inside: time.since(stay.since),
            depth_m: interval.max_depth_between(from_m, to_m),
            at: Position::new(entered_at, 0.0),
        });
    }

    /// An interceptor destroyed the threat (its stay in NATO airspace, if any, ends).
    pub fn destroy(
        &mut self,
        prepared: &PreparedScenario,
        out: &mut Outbox,
        time: SimTime,
        threat: ThreatId,
    ) {
        self.close_airspace(prepared, out, time, threat);
        self.set_status(threat, ThreatStatus::Destroyed);
    }

    fn set_status(&mut self, threat: ThreatId, status: ThreatStatus) {
        let was = self.status[threat.index()];
        if matches!(was, ThreatStatus::Pending | ThreatStatus::Active)
            && !matches!(status, ThreatStatus::Pending | ThreatStatus::Active)
        {
            self.unresolved -= 1;
        }
        self.active += usize::from(status == ThreatStatus::Active);
        self.active -= usize::from(was == ThreatStatus::Active);
        self.status[threat.index()] = status;
    }

    /// Logs why a threat whose fate is sealed was never engaged (if it never was).
    fn log_unengaged(&self, out: &mut Outbox, time: SimTime, threat: ThreatId) {
        let record = &self.records[threat.index()];
        if record.engaged_ever {
            return;
        }
        let reason = record.last_reason.unwrap_or(Infeasible::NoShooterInReach);
        out.log(Event::Unengaged {
            time,
            threat,
            reason,
        });
    }

    /// At the end of the run: the threats still airborne (in the theatre, or launched and on
    /// their way to it), whose stays in NATO airspace end and whose unengaged reasons are
    /// logged.
    pub fn finish(
        &mut self,
        prepared: &PreparedScenario,
        out: &mut Outbox,
        end: SimTime,
    ) -> Vec<ThreatId> {
        let airborne: Vec<ThreatId> = prepared
            .threats
            .iter()
            .filter(|spec| {
                let status = self.status[spec.id.index()];
                status == ThreatStatus::Active
                    || (status == ThreatStatus::Pending && spec.launch <= end)
            })
            .map(|spec| spec.id)
            .collect();
        for &threat in &airborne {
            self.close_airspace(prepared, out, end, threat);
            self.log_unengaged(out, end, threat);
        }
        airborne
    }
}
