//! The engine: one replication, stepped at a fixed step, with exact times for everything that
//! happens between steps (launches, arrivals, intercepts) kept in a time-ordered queue.

use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap};

use canopy_c2::vector::{Vec3, norm, sub};
use canopy_c2::{
    AirPicture, EngagementOrder, Infeasible, InterceptPlan, Magazine, NationSet, Planner,
    PlanningContext, ShooterKind, ShooterState, Vectoring, debris_footprint, debris_throw_m,
};
use canopy_core::{
    EngagementId, NationId, RngStream, SimDuration, SimTime, StreamKey, ThreatId, TrackId,
};
use canopy_geo::direct;
use rand::RngExt;

use crate::discrimination::DecoyDiscrimination;
use crate::event::{Event, MissCause, Position, SpilloverObject, seconds};
use crate::picture::PictureMode;
use crate::picture_quality::QualityAccumulator;
use crate::picture_source::PictureSource;
use crate::prepared::{FIGHTER_TURNAROUND_S, PreparedScenario, UnitRole, UnitSpec};
use crate::spill::SpilloverCheck;
use crate::tracked_picture::Candidate;
use crate::truth::{ThreatStatus, TruthView, position_m, state_m};

/// Something due at an exact time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Action {
    Launch(ThreatId),
    Enter(ThreatId),
    Arrive(ThreatId),
    AirspaceIn(ThreatId, usize),
    AirspaceOut(ThreatId, usize),
    Approve(EngagementId),
    Fire(EngagementId),
    InterceptorArrives(EngagementId, bool),
    Takeoff(usize),
    Ready(usize),
    OnStation(usize, u32),
    LeaveStation(usize, u32),
    Land(usize),
}

#[derive(Clone, Debug)]
struct ThreatState {
    kill_draws: RngStream,
    engaged_ever: bool,
    last_reason: Option<Infeasible>,
    inside: Option<(usize, SimTime, f64)>,
}

#[derive(Clone, Debug)]
struct UnitState {
    free_channels: u32,
    ready_at: SimTime,
    munitions: Magazine,
    on_station: bool,
    sortie: u32,
    airborne_since: Option<SimTime>,
    landing_at: Option<SimTime>,
    /// When a fighter's fuel calls it off station (end of its time on station, brought forward
    /// by its dashes).
    leave_at: SimTime,
    /// A fighter on the ground, refuelled and rearmed.
    ready: bool,
}

#[derive(Clone, Copy, Debug)]
struct Engagement {
    order: EngagementOrder,
    threat: ThreatId,
    /// Approval was refused: the launch does not happen.
    refused: bool,
    sensor_nations: NationSet,
}

/// One replication of a prepared scenario.
pub struct Simulation<'a> {
    prepared: &'a PreparedScenario,
    picture_source: PictureSource,
    discrimination: DecoyDiscrimination,
    planner: Box<dyn Planner>,
    now: SimTime,
    queue: BinaryHeap<Reverse<(SimTime, u64, Action)>>,
    sequence: u64,
    threat_status: Vec<ThreatStatus>,
    threats: Vec<ThreatState>,
    units: Vec<UnitState>,
    engagements: Vec<Engagement>,
    committed: BTreeSet<TrackId>,
    refused: BTreeSet<TrackId>,
    held: Vec<bool>,
    unresolved: usize,
    active: usize,
    in_flight: usize,
    picture: AirPicture,
    next_decision: SimTime,
    quality: QualityAccumulator,
    next_quality: SimTime,
    all_nations: NationSet,
    spill: SpilloverCheck<'a>,
    events: Vec<Event>,
}

impl<'a> Simulation<'a> {
    /// A replication of `prepared` whose random streams derive from `key`.
    pub fn new(
        prepared: &'a PreparedScenario,
        key: StreamKey,
        picture_mode: PictureMode,
        planner: Box<dyn Planner>,
    ) -> Simulation<'a> {
        let threats = prepared
            .threats
            .iter()
            .map(|spec| ThreatState {
                kill_draws: key.stream("kill", &spec.name),
                engaged_ever: false,
                last_reason: None,
                inside: None,
            })
            .collect();
        let units = prepared
            .units
            .iter()
            .map(|unit| UnitState {
                free_channels: unit.channels,
                ready_at: SimTime::START,
                munitions: unit.munitions.clone(),
                on_station: matches!(unit.role, UnitRole::Site { .. }),
                sortie: 0,
                airborne_since: None,
                landing_at: None,
                leave_at: SimTime::START,
                ready: matches!(unit.role, UnitRole::Fighter { spare: true, .. }),
            })
            .collect();
        let mut all_nations = NationSet::default();
        for nation in &prepared.scenario.nations {
            all_nations.insert(nation.id);
        }
        let mut simulation = Simulation {
            prepared,
            picture_source: PictureSource::new(picture_mode, prepared, key),
            discrimination: DecoyDiscrimination::new(prepared, key),
            planner,
            now: SimTime::START,
            queue: BinaryHeap::new(),
            sequence: 0,
            threat_status: vec![ThreatStatus::Pending; prepared.threats.len()],
            threats,
            units,
            engagements: Vec::new(),
            committed: BTreeSet::new(),
            refused: BTreeSet::new(),
            held: vec![false; prepared.threats.len()],
            unresolved: prepared.threats.len(),
            active: 0,
            in_flight: 0,
            picture: AirPicture::default(),
            next_decision: SimTime::START,
            quality: QualityAccumulator::default(),
            next_quality: SimTime::START,
            all_nations,
            spill: SpilloverCheck::new(prepared),
            events: Vec::new(),
        };
        simulation.schedule_start();
        simulation
    }

    fn schedule_start(&mut self) {
        for spec in &self.prepared.threats {
            self.schedule(spec.launch, Action::Launch(spec.id));
        }
        for (index, unit) in self.prepared.units.iter().enumerate() {
            if let UnitRole::Fighter {
                patrol,
                transit,
                spare: false,
                ..
            } = unit.role
            {
                let on_station = self.prepared.scenario.patrols[patrol].on_station;
                self.schedule(on_station - transit, Action::Takeoff(index));
            }
        }
    }

    fn schedule(&mut self, time: SimTime, action: Action) {
        self.sequence += 1;
        self.queue.push(Reverse((time, self.sequence, action)));
    }

    fn log(&mut self, event: Event) {
        self.events.push(event);
    }

    /// Runs to the end (every threat resolved and no interceptor in flight, or the duration cap)
    /// and returns the event log.
    pub fn run(mut self, key: StreamKey, mut on_tick: impl FnMut(&[Event], f64)) -> Vec<Event> {
        let step = self.prepared.scenario.step;
        let cap = SimTime::START + self.prepared.scenario.duration;
        let mut reported = 0;
        while self.now <= cap {
            self.process_due(key);
            if self.active > 0 {
                self.observe_picture();
            }
            if self.now >= self.next_decision && self.active > 0 {
                let quiet_until = self.decision_cycle();
                let cycle = self.prepared.scenario.decision_cycle;
                self.next_decision = (self.now + cycle).max(quiet_until.unwrap_or(SimTime::START));
            }
            on_tick(&self.events[reported..], seconds(self.now));
            reported = self.events.len();
            if self.unresolved == 0 && self.in_flight == 0 {
                break;
            }
            self.now = self.next_tick(step, cap);
        }
        self.finish(cap);
        on_tick(&self.events[reported..], seconds(self.now));
        self.events
    }

    /// The next step, or the first step at or after the next queued action when nothing flies.
    fn next_tick(&self, step: SimDuration, cap: SimTime) -> SimTime {
        let next = self.now + step;
        if self.active > 0 || self.in_flight > 0 {
            return next;
        }
        let Some(Reverse((due, _, _))) = self.queue.peek() else {
            return cap + step;
        };
        if *due <= next {
            return next;
        }
        let steps =
            (due.as_micros() - self.now.as_micros() + step.as_micros() - 1) / step.as_micros();
        self.now + SimDuration::from_micros(steps * step.as_micros())
    }

    fn process_due(&mut self, key: StreamKey) {
        while let Some(Reverse((time, _, action))) = self.queue.peek().copied() {
            if time > self.now {
                break;
            }
            self.queue.pop();
            self.act(time, action, key);
        }
    }

    fn act(&mut self, time: SimTime, action: Action, key: StreamKey) {
        match action {
            Action::Launch(threat) => self.launch_threat(time, threat),
            Action::Enter(threat) => self.enter_theatre(time, threat, key),
            Action::Arrive(threat) => self.arrive(time, threat),
            Action::AirspaceIn(threat, interval) => self.airspace_in(time, threat, interval),
            Action::AirspaceOut(threat, interval) => {
                if self.threats[threat.index()].inside.map(|(k, _, _)| k) == Some(interval) {
                    self.close_airspace(time, threat);
                }
            }
            Action::Approve(engagement) => self.answer_approval(time, engagement),
            Action::Fire(engagement) => self.fire(time, engagement),
            Action::InterceptorArrives(engagement, reached) => {
                self.resolve_intercept(time, engagement, reached)
            }
            Action::Takeoff(unit) => self.takeoff(time, unit),
            Action::Ready(unit) => {
                self.units[unit].ready = true;
                self.fill_patrol(time, unit);
            }
            Action::OnStation(unit, sortie) => {
                if self.units[unit].sortie == sortie {
                    self.units[unit].on_station = true;
                    let spec = &self.prepared.units[unit];
                    self.log(Event::OnStation {
                        time_s: seconds(time),
                        unit: spec.name.clone(),
                        nation: self.nation_code(spec.nation),
                    });
                    self.wake_planner();
                }
            }
            Action::LeaveStation(unit, sortie) => {
                if self.units[unit].sortie == sortie && self.units[unit].on_station {
                    self.leave_station(time, unit);
                }
            }
            Action::Land(unit) => self.land(time, unit),
        }
    }

    fn launch_threat(&mut self, time: SimTime, threat: ThreatId) {
        let spec = &self.prepared.threats[threat.index()];
        let entry = spec.time_at(spec.entry_distance_m);
        self.log(Event::ThreatLaunched {
            time_s: seconds(time),
            threat,
            name: spec.name.clone(),
            threat_type: self.prepared.scenario.library.threat(spec.kind).id.clone(),
            class: spec.class,
            target: spec.target.clone(),
            cost_usd: spec.cost_usd,
        });
        self.schedule(entry, Action::Enter(threat));
    }

    fn enter_theatre(&mut self, time: SimTime, threat: ThreatId, key: StreamKey) {
        let spec = &self.prepared.threats[threat.index()];
        let attrition = self.prepared.scenario.theatre.en_route_attrition;
        let draw: f64 = key.stream("attrition", &spec.name).random();
        if draw < attrition {
            self.set_status(threat, ThreatStatus::Attrited);
            self.log(Event::ThreatAttrited {
                time_s: seconds(time),
                threat,
            });
            return;
        }
        self.set_status(threat, ThreatStatus::Active);
        self.wake_planner();
        let at = self.geo_position(position_m(self.prepared, spec, time));
        self.log(Event::ThreatEntered {
            time_s: seconds(time),
            threat,
            at,
        });
        if self.picture_source.holds_on_entry() {
            self.held[threat.index()] = true;
            self.log(Event::Tracked {
                time_s: seconds(time),
                threat,
            });
        }
        let route = &self.prepared.routes[spec.route];
        let arrival = spec.time_at(route.route.length_m());
        let entry_m = spec.entry_distance_m;
        let stays: Vec<(SimTime, usize)> = route
            .nato
            .iter()
            .enumerate()
            .filter(|(_, interval)| interval.end_m > entry_m)
            .map(|(k, interval)| (spec.time_at(interval.start_m.max(entry_m)), k))
            .collect();
        self.schedule(arrival, Action::Arrive(threat));
        for (when, k) in stays {
            self.schedule(when, Action::AirspaceIn(threat, k));
        }
    }

    fn arrive(&mut self, time: SimTime, threat: ThreatId) {
        if self.threat_status[threat.index()] != ThreatStatus::Active {
            return;
        }
        let spec = &self.prepared.threats[threat.index()];
        let at = self.geo_position(position_m(self.prepared, spec, time));
        self.close_airspace(time, threat);
        self.log_unengaged(time, threat);
        self.set_status(threat, ThreatStatus::Leaked);
        self.log(Event::Impact {
            time_s: seconds(time),
            threat,
            target: spec.target.clone(),
            at,
        });
    }

    fn airspace_in(&mut self, time: SimTime, threat: ThreatId, interval: usize) {
        if self.threat_status[threat.index()] != ThreatStatus::Active {
            return;
        }
        let spec = &self.prepared.threats[threat.index()];
        let stretch = &self.prepared.routes[spec.route].nato[interval];
        let end = spec.time_at(stretch.end_m);
        self.threats[threat.index()].inside = Some((interval, time, spec.distance_at(time)));
        self.log(Event::AirspaceEntry {
            time_s: seconds(time),
            threat,
            country: stretch.country.to_string(),
        });
        self.schedule(end, Action::AirspaceOut(threat, interval));
    }

    fn close_airspace(&mut self, time: SimTime, threat: ThreatId) {
        let Some((interval, entered, from_m)) = self.threats[threat.index()].inside.take() else {
            return;
        };
        let spec = &self.prepared.threats[threat.index()];
        let stretch = &self.prepared.routes[spec.route].nato[interval];
        let to_m = spec.distance_at(time);
        let route = &self.prepared.routes[spec.route].route;
        let near = self
            .spill
            .nearest_place(route.point_at(&self.prepared.geometry, (from_m + to_m) / 2.0));
        let entered_at = route.point_at(&self.prepared.geometry, from_m);
        self.log(Event::Spillover {
            time_s: seconds(time),
            object: SpilloverObject::Threat,
            threat,
            country: stretch.country.to_string(),
            near,
            time_inside_s: time.since(entered).as_secs_f64(),
            depth_m: stretch.max_depth_between(from_m, to_m),
            at: Position::new(entered_at, 0.0),
        });
    }

    fn set_status(&mut self, threat: ThreatId, status: ThreatStatus) {
        let was = self.threat_status[threat.index()];
        if matches!(was, ThreatStatus::Pending | ThreatStatus::Active)
            && !matches!(status, ThreatStatus::Pending | ThreatStatus::Active)
        {
            self.unresolved -= 1;
        }
        self.active += usize::from(status == ThreatStatus::Active);
        self.active -= usize::from(was == ThreatStatus::Active);
        self.threat_status[threat.index()] = status;
    }

    fn log_unengaged(&mut self, time: SimTime, threat: ThreatId) {
        let state = &self.threats[threat.index()];
        if state.engaged_ever {
            return;
        }
        let reason = state.last_reason.unwrap_or(Infeasible::NoShooterInReach);
        self.log(Event::Unengaged {
            time_s: seconds(time),
            threat,
            reason: reason.as_str().to_string(),
        });
    }

    fn shooters(&self) -> Vec<ShooterState> {
        self.prepared
            .units
            .iter()
            .zip(&self.units)
            .map(|(spec, state)| ShooterState {
                unit: spec.id,
                nation: spec.nation,
                kind: match spec.role {
                    UnitRole::Site { .. } => ShooterKind::Site,
                    UnitRole::Fighter { .. } => ShooterKind::Fighter,
                },
                available: state.on_station,
                position_m: spec.position_m,
                ready_at: state.ready_at,
                free_channels: state.free_channels,
                reaction: spec.reaction,
                launch_interval: spec.launch_interval,
                munitions: state.munitions.clone(),
                vectoring: self.vectoring(spec, state),
            })
            .collect()
    }

    /// What a fighter on station can fly beyond it: its fuel is the rest of its time on station
    /// at cruise speed plus the flight home it keeps in reserve.
    fn vectoring(&self, spec: &UnitSpec, state: &UnitState) -> Option<Vectoring> {
        let UnitRole::Fighter {
            aircraft,
            transit,
            base_m,
            ..
        } = spec.role
        else {
            return None;
        };
        if !state.on_station {
            return None;
        }
        let kind = self.prepared.scenario.library.aircraft(aircraft);
        let left_s = state.leave_at.since(self.now).as_secs_f64().max(0.0);
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
    fn dash(&mut self, unit: usize, plan: &InterceptPlan) {
        let UnitRole::Fighter { aircraft, .. } = self.prepared.units[unit].role else {
            return;
        };
        let kind = self.prepared.scenario.library.aircraft(aircraft);
        let back_s = plan.dash_m / kind.cruise_speed_mps;
        let extra_s = kind.dash_fuel_factor * plan.dash_m / kind.cruise_speed_mps
            - plan.dash_m / kind.dash_speed_mps;
        let state = &mut self.units[unit];
        state.ready_at = state
            .ready_at
            .max(plan.launch_time + SimDuration::from_secs_f64(back_s));
        state.leave_at = state.leave_at - SimDuration::from_secs_f64(extra_s.max(0.0));
        let (leave_at, sortie) = (state.leave_at.max(self.now), state.sortie);
        self.schedule(leave_at, Action::LeaveStation(unit, sortie));
    }

    /// Runs one decision cycle; returns the planner's quiet time, if any.
    fn decision_cycle(&mut self) -> Option<SimTime> {
        let truth = TruthView::new(self.prepared, &self.threat_status);
        let mut picture = std::mem::take(&mut self.picture);
        self.picture_source
            .build(self.now, &truth, self.all_nations, &mut picture);
        let candidates = self.picture_source.candidates(self.now, &truth);
        let source = &self.picture_source;
        let recognised = self
            .discrimination
            .screen(&mut picture, |track| source.threat_of(track, &candidates));
        for threat in recognised {
            self.threats[threat.index()].last_reason = Some(Infeasible::RecognisedDecoy);
        }
        let shooters = self.shooters();
        let committed: Vec<TrackId> = self.committed.iter().copied().collect();
        let refused: Vec<TrackId> = self.refused.iter().copied().collect();
        let scenario = &self.prepared.scenario;
        let ctx = PlanningContext {
            now: self.now,
            library: &scenario.library,
            rules: &self.prepared.rules,
            geometry: &self.prepared.geometry,
            authority: &scenario.authority,
            committed: &committed,
            refused: &refused,
            cost_weight: scenario.c2.cost_weight,
        };
        let plan = self.planner.plan(&ctx, &picture, &shooters);
        self.picture = picture;
        for (track, reason) in plan.unengaged {
            if let Some(threat) = self.threat_of(track, &candidates) {
                self.threats[threat.index()].last_reason = Some(reason);
            }
        }
        for order in plan.orders {
            if let Some(threat) = self.threat_of(order.track, &candidates) {
                self.order(order, threat);
            }
        }
        plan.quiet_until
    }

    /// The threat an engagement of `track` (of the current picture) would home on, if any.
    fn threat_of(&self, track: TrackId, candidates: &[Candidate]) -> Option<ThreatId> {
        let estimate = self.picture.tracks.iter().find(|t| t.id == track)?;
        self.picture_source.threat_of(estimate, candidates)
    }

    /// Lets the sensors scan up to now and, every [`QUALITY_INTERVAL_S`], scores the picture.
    fn observe_picture(&mut self) {
        let truth = TruthView::new(self.prepared, &self.threat_status);
        let (units, specs) = (&self.units, &self.prepared.units);
        let on_station = |patrol: usize| {
            specs.iter().zip(units).any(|(spec, state)| {
                state.on_station
                    && matches!(spec.role, UnitRole::Fighter { patrol: p, .. } if p == patrol)
            })
        };
        self.picture_source.sense(self.now, &truth, &on_station);
        for threat in self
            .picture_source
            .newly_held(self.now, &truth, &mut self.held)
        {
            self.events.push(Event::Tracked {
                time_s: seconds(self.now),
                threat,
            });
        }
        if self.now < self.next_quality {
            return;
        }
        self.next_quality = self.now + SimDuration::from_secs(QUALITY_INTERVAL_S);
        let estimates = self.picture_source.positions(self.now, &truth);
        let truths: Vec<Vec3> = truth
            .active()
            .map(|threat| truth.position_m(threat, self.now))
            .collect();
        self.quality.add(&estimates, &truths);
    }

    /// Something changed that can make an engagement possible: decide at the next step.
    fn wake_planner(&mut self) {
        self.next_decision = self.next_decision.min(self.now);
    }

    fn order(&mut self, order: EngagementOrder, threat: ThreatId) {
        let id = EngagementId(self.engagements.len() as u32);
        let unit = order.shooter.index();
        let state = &mut self.units[unit];
        state.free_channels -= 1;
        state.ready_at = order.plan.launch_time + self.prepared.units[unit].launch_interval;
        if let Some(stock) = state
            .munitions
            .iter_mut()
            .find(|stock| stock.munition == order.plan.munition)
        {
            stock.rounds -= 1;
        }
        self.committed.insert(order.track);
        // Should the threat arrive before this launch, the launch waited for approval or for
        // the shooter: that is why it went unengaged.
        self.threats[threat.index()].last_reason = Some(if order.plan.needs_approval {
            Infeasible::AwaitingApproval
        } else {
            Infeasible::ShooterUnavailable
        });
        self.in_flight += 1;
        if order.plan.dash_m > 0.0 {
            self.dash(unit, &order.plan);
        }
        let sensor_nations = self
            .picture
            .tracks
            .iter()
            .find(|t| t.id == order.track)
            .map(|t| t.nations)
            .unwrap_or_default();
        let spec = &self.prepared.units[unit];
        self.log(Event::Decision {
            time_s: seconds(self.now),
            engagement: id,
            threat,
            shooter: spec.name.clone(),
            nation: self.nation_code(spec.nation),
            munition: self
                .prepared
                .scenario
                .library
                .munition(order.plan.munition)
                .id
                .clone(),
            needs_approval: order.plan.needs_approval,
            sensor_nations: self.nation_codes(sensor_nations),
        });
        if order.plan.needs_approval {
            let approval = self.now + self.prepared.scenario.authority.approval_delay;
            self.schedule(approval, Action::Approve(id));
        }
        self.schedule(order.plan.launch_time, Action::Fire(id));
        self.engagements.push(Engagement {
            order,
            threat,
            refused: false,
            sensor_nations,
        });
    }

    /// The approval of an engagement comes through, or is refused by the authority's refusal
    /// rule (the round goes back to the magazine and C2 learns not to ask again for this track
    /// where the rule refuses).
    fn answer_approval(&mut self, time: SimTime, engagement: EngagementId) {
        let Engagement { order, threat, .. } = self.engagements[engagement.index()];
        let borders = self.prepared.geometry.borders;
        if !self
            .prepared
            .scenario
            .authority
            .refuses(borders, order.plan.intercept_point)
        {
            self.log(Event::Approval {
                time_s: seconds(time),
                engagement,
            });
            return;
        }
        self.log(Event::ApprovalRefused {
            time_s: seconds(time),
            engagement,
            threat,
        });
        self.engagements[engagement.index()].refused = true;
        self.threats[threat.index()].last_reason = Some(Infeasible::ApprovalRefused);
        self.refused.insert(order.track);
        self.release(engagement, true);
    }

    fn fire(&mut self, time: SimTime, engagement: EngagementId) {
        let Engagement {
            order,
            threat,
            refused,
            sensor_nations,
        } = self.engagements[engagement.index()];
        if refused {
            return;
        }
        let unit = order.shooter.index();
        let spec = &self.prepared.units[unit];
        let plan: InterceptPlan = order.plan;
        let munition = self.prepared.scenario.library.munition(plan.munition);
        if self.threat_status[threat.index()] != ThreatStatus::Active {
            self.release(engagement, true);
            return;
        }
        self.threats[threat.index()].engaged_ever = true;
        let threat_spec = &self.prepared.threats[threat.index()];
        let (arrival, reached) = homing_intercept(
            |t| position_m(self.prepared, threat_spec, t),
            plan.launch_m,
            munition.speed_mps,
            munition.max_range_m,
            time,
        );
        let from = self.geo_position(plan.launch_m);
        let planned_intercept = Position::new(plan.intercept_point, plan.intercept_altitude_m);
        self.log(Event::Launch {
            time_s: seconds(time),
            engagement,
            threat,
            class: threat_spec.class,
            shooter: spec.name.clone(),
            nation: self.nation_code(spec.nation),
            munition: munition.id.clone(),
            cost_usd: munition.cost_usd,
            from,
            dash_m: plan.dash_m,
            planned_intercept,
            planned_intercept_time_s: seconds(plan.intercept_time),
            slant_range_m: plan.slant_range_m,
            debris_centre: Position::new(plan.debris.centre, 0.0),
            debris_radius_m: plan.debris.radius_m,
            sensor_nations: self.nation_codes(sensor_nations),
        });
        self.schedule(arrival, Action::InterceptorArrives(engagement, reached));
        let state = &self.units[unit];
        if state.on_station
            && matches!(spec.role, UnitRole::Fighter { .. })
            && state.munitions.iter().all(|stock| stock.rounds == 0)
        {
            self.leave_station(time, unit);
        }
    }

    /// Frees the shooter's channel and the track; on a cancelled launch, returns the round.
    fn release(&mut self, engagement: EngagementId, refund: bool) {
        let order = self.engagements[engagement.index()].order;
        let state = &mut self.units[order.shooter.index()];
        state.free_channels += 1;
        if refund {
            if let Some(stock) = state
                .munitions
                .iter_mut()
                .find(|stock| stock.munition == order.plan.munition)
            {
                stock.rounds += 1;
            }
        }
        self.committed.remove(&order.track);
        self.in_flight -= 1;
        self.wake_planner();
    }

    fn resolve_intercept(&mut self, time: SimTime, engagement: EngagementId, reached: bool) {
        self.release(engagement, false);
        let Engagement { order, threat, .. } = self.engagements[engagement.index()];
        let unit = &self.prepared.units[order.shooter.index()];
        let nation = self.nation_code(unit.nation);
        let spec = &self.prepared.threats[threat.index()];
        let target_m = position_m(self.prepared, spec, time);
        let alive = self.threat_status[threat.index()] == ThreatStatus::Active;
        let cause = if !alive {
            Some(MissCause::TargetGone)
        } else if !reached {
            Some(MissCause::OutOfEnergy)
        } else {
            let draw: f64 = self.threats[threat.index()].kill_draws.random();
            (draw >= order.plan.pk).then_some(MissCause::KillDraw)
        };
        let geometry = &self.prepared.geometry;
        let Some(cause) = cause else {
            let (_, velocity) = state_m(self.prepared, spec, time);
            let (ground, altitude) = geometry.geo_of(target_m);
            let (speed, heading) = geometry.speed_and_heading(ground, velocity);
            let footprint = debris_footprint(ground, altitude, speed, heading);
            self.close_airspace(time, threat);
            self.set_status(threat, ThreatStatus::Destroyed);
            self.log(Event::Kill {
                time_s: seconds(time),
                engagement,
                threat,
                nation,
                at: Position::new(ground, altitude),
                debris_centre: Position::new(footprint.centre, 0.0),
                debris_radius_m: footprint.radius_m,
            });
            if let Some(event) =
                self.spill
                    .footprint(time, SpilloverObject::Debris, threat, &footprint)
            {
                self.log(event);
            }
            return;
        };
        let munition = self.prepared.scenario.library.munition(order.plan.munition);
        // Where the interceptor ended its flight: at the target if it got there, else where its
        // range ran out.
        let launch_m = order.plan.launch_m;
        let end_m = if reached {
            target_m
        } else {
            towards(launch_m, target_m, munition.max_range_m)
        };
        let (ground, altitude) = geometry.geo_of(end_m);
        let (_, heading) = geometry.speed_and_heading(ground, sub(end_m, launch_m));
        let footprint = debris_footprint(ground, altitude, munition.speed_mps, heading);
        let (fall, spill_event) = if munition.self_destructs {
            (
                footprint.centre,
                self.spill
                    .footprint(time, SpilloverObject::Interceptor, threat, &footprint),
            )
        } else {
            let fall = direct(
                ground,
                heading,
                debris_throw_m(altitude, munition.speed_mps),
            );
            (
                fall,
                self.spill
                    .point(time, SpilloverObject::Interceptor, threat, fall),
            )
        };
        self.log(Event::Miss {
            time_s: seconds(time),
            engagement,
            threat,
            nation,
            cause,
            at: Position::new(ground, altitude),
            fall_point: Position::new(fall, 0.0),
            fall_country: geometry
                .borders
                .country_at(fall)
                .map(|c| c.code.to_string()),
        });
        if let Some(event) = spill_event {
            self.log(event);
        }
    }

    fn takeoff(&mut self, time: SimTime, unit: usize) {
        let UnitRole::Fighter {
            patrol, transit, ..
        } = self.prepared.units[unit].role
        else {
            return;
        };
        let endurance = self.prepared.scenario.patrols[patrol].endurance;
        let state = &mut self.units[unit];
        state.sortie += 1;
        state.ready = false;
        state.leave_at = time + transit + endurance;
        state.munitions = self.prepared.units[unit].munitions.clone();
        state.airborne_since = Some(time);
        state.landing_at = None;
        let sortie = state.sortie;
        let spec = &self.prepared.units[unit];
        self.log(Event::SortieStart {
            time_s: seconds(time.max(SimTime::START)),
            unit: spec.name.clone(),
            nation: self.nation_code(spec.nation),
        });
        self.schedule(time + transit, Action::OnStation(unit, sortie));
        self.schedule(
            time + transit + endurance,
            Action::LeaveStation(unit, sortie),
        );
    }

    fn leave_station(&mut self, time: SimTime, unit: usize) {
        let UnitRole::Fighter { transit, .. } = self.prepared.units[unit].role else {
            return;
        };
        let state = &mut self.units[unit];
        state.on_station = false;
        state.sortie += 1;
        state.landing_at = Some(time + transit);
        self.schedule(time + transit, Action::Land(unit));
        let spec = &self.prepared.units[unit];
        self.log(Event::OffStation {
            time_s: seconds(time),
            unit: spec.name.clone(),
            nation: self.nation_code(spec.nation),
        });
        self.fill_patrol(time, unit);
    }

    fn land(&mut self, time: SimTime, unit: usize) {
        self.end_sortie(time, unit);
        let turnaround = SimDuration::from_secs(FIGHTER_TURNAROUND_S);
        self.schedule(time + turnaround, Action::Ready(unit));
    }

    /// Sends ready aircraft of `unit`'s patrol (lowest unit first) towards the station while
    /// fewer than the patrol's count are on station or flying out to it.
    fn fill_patrol(&mut self, time: SimTime, unit: usize) {
        let UnitRole::Fighter { patrol, .. } = self.prepared.units[unit].role else {
            return;
        };
        let count = self.prepared.scenario.patrols[patrol].count as usize;
        let of_patrol: Vec<usize> = (0..self.units.len())
            .filter(|&index| {
                matches!(self.prepared.units[index].role,
                    UnitRole::Fighter { patrol: p, .. } if p == patrol)
            })
            .collect();
        let covering = of_patrol
            .iter()
            .filter(|&&index| {
                let state = &self.units[index];
                state.airborne_since.is_some() && state.landing_at.is_none()
            })
            .count();
        let ready: Vec<usize> = of_patrol
            .into_iter()
            .filter(|&index| self.units[index].ready)
            .take(count.saturating_sub(covering))
            .collect();
        for index in ready {
            self.takeoff(time, index);
        }
    }

    fn end_sortie(&mut self, time: SimTime, unit: usize) {
        let Some(since) = self.units[unit].airborne_since.take() else {
            return;
        };
        let spec = &self.prepared.units[unit];
        let UnitRole::Fighter { aircraft, .. } = spec.role else {
            return;
        };
        let hours = time.since(since).as_secs_f64() / 3600.0;
        let cost_per_hour = self
            .prepared
            .scenario
            .library
            .aircraft(aircraft)
            .cost_per_flight_hour_usd;
        self.log(Event::SortieEnd {
            time_s: seconds(time),
            unit: spec.name.clone(),
            nation: self.nation_code(spec.nation),
            flight_hours: hours,
            cost_usd: hours * cost_per_hour,
        });
    }

    fn finish(&mut self, cap: SimTime) {
        let end = self.now.min(cap);
        self.now = end;
        let airborne: Vec<ThreatId> = (0..self.threats.len())
            .map(|index| ThreatId(index as u32))
            .filter(|threat| {
                self.threat_status[threat.index()] == ThreatStatus::Active
                    || self.launched_pending(*threat, end)
            })
            .collect();
        for threat in &airborne {
            self.close_airspace(end, *threat);
            self.log_unengaged(end, *threat);
        }
        for unit in 0..self.units.len() {
            if let UnitRole::Fighter { transit, .. } = self.prepared.units[unit].role {
                let home = self.units[unit].landing_at.unwrap_or(end + transit);
                if self.units[unit].airborne_since.is_some() {
                    self.end_sortie(home.max(end), unit);
                }
            }
        }
        self.log(Event::PictureQuality {
            time_s: seconds(end),
            samples: self.quality.samples(),
            gospa_m: self.quality.mean_gospa_m(),
            completeness: self.quality.completeness(),
            spuriousness: self.quality.spuriousness(),
        });
        self.log(Event::RunEnd {
            time_s: seconds(end),
            airborne,
        });
    }

    fn launched_pending(&self, threat: ThreatId, end: SimTime) -> bool {
        self.threat_status[threat.index()] == ThreatStatus::Pending
            && self.prepared.threats[threat.index()].launch <= end
    }

    fn nation_code(&self, nation: NationId) -> String {
        self.prepared.scenario.nations[nation.index()]
            .code
            .to_string()
    }

    /// The codes of the nations of `nations`, in nation order.
    fn nation_codes(&self, nations: NationSet) -> Vec<String> {
        nations
            .iter()
            .map(|nation| self.nation_code(nation))
            .collect()
    }

    fn geo_position(&self, position_m: Vec3) -> Position {
        let (point, altitude) = self.prepared.geometry.geo_of(position_m);
        Position::new(point, altitude)
    }
}

/// Time between two scores of the picture against truth, seconds: about 300 samples over a
/// night, whose mean GOSPA and completeness differ from those of 60 s sampling by a thousandth
/// (seeds 1-30 of the default scenario) at half the cost.
pub const QUALITY_INTERVAL_S: i64 = 120;

/// The point `distance_m` from `from` towards `to`.
fn towards(from: Vec3, to: Vec3, distance_m: f64) -> Vec3 {
    let d = sub(to, from);
    let length = norm(d);
    if length == 0.0 {
        return from;
    }
    canopy_c2::vector::add(from, canopy_c2::vector::scale(d, distance_m / length))
}

/// When an interceptor launched at `launch` from `from`, flying at `speed_mps` for at most
/// `max_range_m`, meets a target whose true position is `target(t)`; and whether it reaches it
/// at all (if not, the time is when its range runs out).
///
/// Bisection on `g(t) = speed · (t - launch) - |target(t) - from|`, which is negative at launch
/// and grows while the interceptor outruns the target.
pub fn homing_intercept(
    target: impl Fn(SimTime) -> Vec3,
    from: Vec3,
    speed_mps: f64,
    max_range_m: f64,
    launch: SimTime,
) -> (SimTime, bool) {
    let gap = |t: SimTime| speed_mps * t.since(launch).as_secs_f64() - norm(sub(target(t), from));
    let limit = launch + SimDuration::from_secs_f64(max_range_m / speed_mps);
    if gap(limit) < 0.0 {
        return (limit, false);
    }
    let (mut low, mut high) = (launch.as_micros(), limit.as_micros());
    while high - low > 1_000 {
        let middle = low + (high - low) / 2;
        if gap(SimTime::from_micros(middle)) < 0.0 {
            low = middle;
        } else {
            high = middle;
        }
    }
    (SimTime::from_micros(high), true)
}
