//! The engine: one replication, stepped at a fixed step, with exact times for everything that
//! happens between steps (launches, arrivals, intercepts) kept in a time-ordered queue.
//!
//! The engine itself is a small loop: it takes the actions due off its [`Agenda`], hands each to
//! the component that owns it, lets the picture observe and the planner decide, and stops when
//! every threat is resolved. The state lives in the components, each in its own module:
//!
//! | component | owns |
//! |---|---|
//! | [`Threats`] | each threat's status, its stays in NATO airspace, why it went unengaged |
//! | [`Decisions`] | the picture (sensors, tracker, quality) and the planner's decision cycle |
//! | [`Engagements`] | orders, approvals, launches, fly-outs, kills and misses |
//! | [`Shooters`] | each shooter's free channels, next launch time and magazine |
//! | [`Sorties`] | each fighter's take-off, time on station, dashes, landing and turnaround |
//!
//! Components schedule actions and log events through one [`Outbox`], so the run's order of
//! events is the order in which the components act.

pub mod agenda;
pub mod decisions;
pub mod engagements;
pub mod flyout;
pub mod shooters;
pub mod sorties;
pub mod threats;

use canopy_c2::{AirPicture, Infeasible, Planner, ShooterKind, ShooterState};
use canopy_core::{EngagementId, PatrolId, SimDuration, SimTime, StreamKey};

pub use agenda::{Action, Agenda, Outbox, Reach, StretchIndex, Turn};
pub use decisions::{Commitments, Cycle, Decided, Decisions, QUALITY_INTERVAL_S};
pub use engagements::{Answer, Engagements, Firing};
pub use flyout::homing_intercept;
pub use shooters::{Round, Shooters};
pub use sorties::Sorties;
pub use threats::Threats;

use crate::event::Event;
use crate::picture::PictureMode;
use crate::prepared::{PreparedScenario, UnitRole};
use crate::truth::TruthView;

/// One replication of a prepared scenario.
pub struct Simulation<'a> {
    prepared: &'a PreparedScenario,
    key: StreamKey,
    now: SimTime,
    out: Outbox,
    threats: Threats,
    decisions: Decisions,
    engagements: Engagements,
    shooters: Shooters,
    sorties: Sorties,
}

impl<'a> Simulation<'a> {
    /// A replication of `prepared` whose random streams derive from `key`.
    pub fn new(
        prepared: &'a PreparedScenario,
        key: StreamKey,
        picture_mode: PictureMode,
        planner: Box<dyn Planner>,
    ) -> Simulation<'a> {
        let mut out = Outbox::default();
        let threats = Threats::new(prepared, &mut out);
        let sorties = Sorties::new(prepared, &mut out);
        Simulation {
            prepared,
            key,
            now: SimTime::START,
            threats,
            decisions: Decisions::new(prepared, key, picture_mode, planner),
            engagements: Engagements::new(prepared, key),
            shooters: Shooters::new(prepared),
            sorties,
            out,
        }
    }

    /// Runs to the end (every threat resolved and no interceptor in flight, or the duration cap)
    /// and returns the event log; `on_tick` sees each [`Step`].
    pub fn run(mut self, mut on_tick: impl FnMut(Step<'_>)) -> Vec<Event> {
        let step = self.prepared.scenario.step;
        let cap = SimTime::START + self.prepared.scenario.duration;
        let mut reported = 0;
        while self.now <= cap {
            while let Some((time, action)) = self.out.agenda.pop_due(self.now) {
                self.act(time, action);
            }
            if self.threats.active_count() > 0 {
                self.observe();
                if self.decisions.due(self.now) {
                    self.decide();
                }
            }
            on_tick(self.step(reported));
            reported = self.out.events.len();
            if self.threats.all_resolved() && self.engagements.in_flight() == 0 {
                break;
            }
            self.now = self.next_tick(step, cap);
        }
        self.finish(cap);
        on_tick(self.step(reported));
        self.out.events
    }

    /// The step just taken, whose new events are those logged from `reported` on.
    fn step(&self, reported: usize) -> Step<'_> {
        Step {
            events: &self.out.events[reported..],
            time: self.now,
            simulation: self,
        }
    }

    /// The next step, or the first step at or after the next queued action when nothing flies.
    fn next_tick(&self, step: SimDuration, cap: SimTime) -> SimTime {
        let next = self.now + step;
        if self.threats.active_count() > 0 || self.engagements.in_flight() > 0 {
            return next;
        }
        let Some(due) = self.out.agenda.next_due() else {
            return cap + step;
        };
        if due <= next {
            return next;
        }
        let steps =
            (due.as_micros() - self.now.as_micros() + step.as_micros() - 1) / step.as_micros();
        self.now + SimDuration::from_micros(steps * step.as_micros())
    }

    /// Hands an action due at `time` to the component that owns it.
    fn act(&mut self, time: SimTime, action: Action) {
        let (p, out) = (self.prepared, &mut self.out);
        match action {
            Action::Launch(threat) => self.threats.launch(p, out, time, threat),
            Action::Enter(threat) => {
                if self.threats.enter(p, out, (time, self.key), threat) {
                    let far_away = p.scenario.theatre.entry_meridian().is_none();
                    self.decisions.wake_for_new_threat(self.now, far_away);
                    self.decisions.threat_entered(out, time, threat);
                }
            }
            Action::Arrive(threat) => self.threats.arrive(p, out, time, threat),
            Action::AirspaceIn(threat, k) => self.threats.airspace_in(p, out, time, (threat, k)),
            Action::AirspaceOut(threat, k) => self.threats.airspace_out(p, out, time, (threat, k)),
            Action::Lose(threat, area) => self.threats.lose(p, out, time, (threat, area)),
            Action::Approve(engagement) => {
                let answer = self.engagements.answer_approval(p, out, time, engagement);
                if answer == Answer::Refused {
                    let (_, threat) = self.engagements.order(engagement);
                    self.threats
                        .note_reason(threat, Infeasible::ApprovalRefused);
                    self.release(engagement, Round::Returned);
                }
            }
            Action::Fire(engagement) => self.fire(time, engagement),
            Action::InterceptorArrives(engagement, reach) => {
                self.release(engagement, Round::Spent);
                let (p, out) = (self.prepared, &mut self.out);
                let arrival = (time, engagement, reach);
                self.engagements.resolve(p, out, arrival, &mut self.threats);
            }
            Action::Takeoff(unit) => self
                .sorties
                .take_off(p, &mut self.shooters, out, time, unit),
            Action::Ready(unit) => self.sorties.ready(p, &mut self.shooters, out, time, unit),
            Action::OnStation(unit, turn) => {
                if self.sorties.arrive_on_station(p, out, time, unit, turn) {
                    self.decisions.wake(self.now);
                }
            }
            Action::LeaveStation(unit, turn) => {
                let fuel = (unit, turn);
                self.sorties
                    .fuel_out(p, &mut self.shooters, out, time, fuel);
            }
            Action::Land(unit) => self.sorties.land(p, out, time, unit),
        }
    }

    /// The launch time of an engagement; a fighter whose last round left goes home.
    fn fire(&mut self, time: SimTime, engagement: EngagementId) {
        let (p, out) = (self.prepared, &mut self.out);
        match self
            .engagements
            .fire(p, out, (time, engagement), &mut self.threats)
        {
            Firing::Refused => {}
            Firing::Cancelled => self.release(engagement, Round::Returned),
            Firing::Withheld => {
                let (_, threat) = self.engagements.order(engagement);
                self.threats.note_reason(threat, Infeasible::OutOfRange);
                self.release(engagement, Round::Returned);
            }
            Firing::Launched(unit) => {
                let fighter = matches!(p.units[unit.index()].role, UnitRole::Fighter { .. });
                if fighter && self.sorties.on_station(unit) && self.shooters.is_empty(unit) {
                    self.sorties
                        .leave_station(p, &mut self.shooters, out, time, unit);
                }
            }
        }
    }

    /// Ends an engagement: frees its shooter's channel and its track (returning the round of a
    /// cancelled launch), and lets the planner decide again.
    fn release(&mut self, engagement: EngagementId, round: Round) {
        let order = self.engagements.release(engagement);
        self.shooters.release(&order, round);
        self.decisions.wake(self.now);
    }

    /// Lets the sensors scan up to now and the picture be scored.
    fn observe(&mut self) {
        let truth = TruthView::new(self.prepared, self.threats.statuses());
        let (prepared, sorties) = (self.prepared, &self.sorties);
        let on_station = |patrol: PatrolId| sorties.patrol_on_station(prepared, patrol);
        self.decisions
            .observe(&mut self.out, self.now, &truth, &on_station);
    }

    /// Runs one decision cycle and opens the engagements it orders.
    fn decide(&mut self) {
        let truth = TruthView::new(self.prepared, self.threats.statuses());
        let shooters = shooter_states(self.prepared, &self.shooters, &self.sorties, self.now);
        let (committed, refused) = (self.engagements.committed(), self.engagements.refused());
        let commitments = Commitments {
            committed: &committed,
            refused: &refused,
        };
        let now = (self.now, &truth);
        let cycle = self
            .decisions
            .decide(self.prepared, now, &shooters, commitments);
        for (threat, reason) in cycle.notes {
            self.threats.note_reason(threat, reason);
        }
        for decision in cycle.orders {
            self.order(decision);
        }
    }

    /// Commits the shooter to an ordered engagement and opens it.
    fn order(&mut self, decision: Decided) {
        let Decided {
            order,
            threat,
            sensor_nations,
        } = decision;
        let (p, out) = (self.prepared, &mut self.out);
        self.shooters.commit(p, &order);
        // Should the threat arrive before this launch, the launch waited for approval or for
        // the shooter: that is why it went unengaged.
        self.threats.note_reason(
            threat,
            if order.plan.needs_approval {
                Infeasible::AwaitingApproval
            } else {
                Infeasible::ShooterUnavailable
            },
        );
        if order.plan.dash_m > 0.0 {
            let dash = (order.shooter, &order.plan);
            self.sorties
                .dash(p, &mut self.shooters, out, self.now, dash);
        }
        let opened = (order, threat, sensor_nations);
        self.engagements.open(p, out, self.now, opened);
    }

    /// Closes the run at the cap or when everything is resolved: airborne threats, fighters
    /// still flying, the picture's quality and the end.
    fn finish(&mut self, cap: SimTime) {
        let end = self.now.min(cap);
        self.now = end;
        let airborne = self.threats.finish(self.prepared, &mut self.out, end);
        self.sorties.finish(self.prepared, &mut self.out, end);
        self.decisions.finish(self.prepared, &mut self.out, end);
        self.out.log(Event::RunEnd {
            time: end,
            airborne,
        });
    }
}

/// One engine step as observers see it: the events it logged, its time, and C2's picture on
/// demand.
pub struct Step<'s> {
    /// The events logged during the step, in log order.
    pub events: &'s [Event],
    /// The step's time.
    pub time: SimTime,
    simulation: &'s Simulation<'s>,
}

impl Step<'_> {
    /// C2's picture at this step, built on demand without changing the run: the tracks its
    /// picture source holds (see [`Decisions::picture_at`]); empty while no threat is in the
    /// theatre, when the engine does not watch the air.
    pub fn picture(&self) -> AirPicture {
        let simulation = self.simulation;
        if simulation.threats.active_count() == 0 {
            return AirPicture {
                time: self.time,
                tracks: Vec::new(),
            };
        }
        let truth = TruthView::new(simulation.prepared, simulation.threats.statuses());
        simulation.decisions.picture_at(self.time, &truth)
    }
}

/// Every shooter's state as C2 sees it at `now`: its resources, and whether (and how far) it can
/// engage from where it is.
pub fn shooter_states(
    prepared: &PreparedScenario,
    shooters: &Shooters,
    sorties: &Sorties,
    now: SimTime,
) -> Vec<ShooterState> {
    prepared
        .units
        .iter()
        .map(|spec| {
            let load = shooters.load(spec.id);
            ShooterState {
                unit: spec.id,
                nation: spec.nation,
                kind: match spec.role {
                    UnitRole::Site { .. } => ShooterKind::Site,
                    UnitRole::Fighter { .. } => ShooterKind::Fighter,
                },
                available: sorties.on_station(spec.id),
                position_m: spec.position_m,
                ready_at: load.ready_at,
                free_channels: load.free_channels,
                reaction: spec.reaction,
                launch_interval: spec.launch_interval,
                munitions: load.munitions.clone(),
                vectoring: sorties.vectoring(prepared, spec, now),
            }
        })
        .collect()
}
