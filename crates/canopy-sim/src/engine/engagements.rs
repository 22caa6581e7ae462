//! The engagements: an order waits for its approval (if it needs one) and its launch time, the
//! interceptor flies out against the target's true path, and the kill draw, the target's fate or
//! the interceptor's range decide the outcome; a miss falls somewhere, and so does a kill's
//! debris.

use std::collections::BTreeSet;

use canopy_c2::{EngagementOrder, NationSet, debris_footprint, debris_throw_m};
use canopy_core::{EngagementId, RngStream, SimTime, StreamKey, ThreatId, TrackId, UnitId};
use canopy_geo::{CountryCode, EnuPosition, direct};
use canopy_scenario::MunitionType;
use rand::RngExt;

use super::agenda::{Action, Outbox, Reach};
use super::flyout::{homing_intercept, straight_intercept, towards};
use super::threats::Threats;
use crate::event::{Event, MissCause, Position, SpilloverObject};
use crate::prepared::{PreparedScenario, ThreatSpec};
use crate::spill::SpilloverCheck;
use crate::truth::{position_m, state_m};

/// One engagement ordered.
#[derive(Clone, Copy, Debug)]
struct Engagement {
    order: EngagementOrder,
    threat: ThreatId,
    /// Approval was refused: the launch does not happen.
    refused: bool,
    sensor_nations: NationSet,
}

/// The authority's answer to a request for approval.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// The launch may go ahead.
    Approved,
    /// It may not.
    Refused,
}

/// What became of a launch when its time came.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Firing {
    /// Approval had been refused: nothing happens.
    Refused,
    /// The threat was no longer flying: the launch is cancelled and its round returned.
    Cancelled,
    /// The shooter's fire control found the threat beyond the munition's reach: no launch, the
    /// round is kept.
    Withheld,
    /// The interceptor is on its way.
    Launched(UnitId),
}

/// Every engagement of a run, in order.
pub struct Engagements {
    list: Vec<Engagement>,
    in_flight: usize,
    committed: BTreeSet<TrackId>,
    refused: BTreeSet<TrackId>,
    kill_draws: Vec<RngStream>,
}

impl Engagements {
    /// No engagement yet; each threat's kill draws from its own stream of `key`.
    pub fn new(prepared: &PreparedScenario, key: StreamKey) -> Engagements {
        Engagements {
            list: Vec::new(),
            in_flight: 0,
            committed: BTreeSet::new(),
            refused: BTreeSet::new(),
            kill_draws: prepared
                .threats
                .iter()
                .map(|spec| key.stream("kill", &spec.name))
                .collect(),
        }
    }

    /// Engagements ordered and not yet resolved.
    pub fn in_flight(&self) -> usize {
        self.in_flight
    }

    /// Tracks with an engagement ordered and not yet resolved, ascending.
    pub fn committed(&self) -> Vec<TrackId> {
        self.committed.iter().copied().collect()
    }

    /// Tracks whose approval was refused, ascending.
    pub fn refused(&self) -> Vec<TrackId> {
        self.refused.iter().copied().collect()
    }

    /// The order of an engagement and the threat it engages.
    pub fn order(&self, engagement: EngagementId) -> (EngagementOrder, ThreatId) {
        let e = &self.list[engagement.index()];
        (e.order, e.threat)
    }

    /// Opens an engagement ordered at `now`: logs the decision and schedules its approval (if it
    /// needs one) and its launch.
    pub fn open(
        &mut self,
        prepared: &PreparedScenario,
        out: &mut Outbox,
        now: SimTime,
        (order, threat, sensor_nations): (EngagementOrder, ThreatId, NationSet),
    ) {
        let id = EngagementId(self.list.len() as u32);
        self.committed.insert(order.track);
        self.in_flight += 1;
        let spec = &prepared.units[order.shooter.index()];
        out.log(Event::Decision {
            time: now,
            engagement: id,
            threat,
            shooter: spec.name.clone(),
            nation: prepared.nation_code(spec.nation),
            munition: prepared
                .scenario
                .library
                .munition(order.plan.munition)
                .id
                .as_str()
                .into(),
            needs_approval: order.plan.needs_approval,
            sensor_nations: prepared.nation_codes(sensor_nations),
        });
        if order.plan.needs_approval {
            let approval = now + prepared.scenario.authority.approval_delay;
            out.schedule(approval, Action::Approve(id));
        }
        out.schedule(order.plan.launch_time, Action::Fire(id));
        self.list.push(Engagement {
            order,
            threat,
            refused: false,
            sensor_nations,
        });
    }

    /// The approval of an engagement comes through, or is refused by the authority's refusal
    /// rule (C2 then asks no more for this track where the rule refuses, and the engagement must
    /// be released with its round returned).
    pub fn answer_approval(
        &mut self,
        prepared: &PreparedScenario,
        out: &mut Outbox,
        time: SimTime,
        engagement: EngagementId,
    ) -> Answer {
        let Engagement { order, threat, .. } = self.list[engagement.index()];
        let borders = prepared.geometry.borders;
        if !prepared
            .scenario
            .authority
            .refuses(borders, order.plan.intercept_point)
        {
            out.log(Event::Approval { time, engagement });
            return Answer::Approved;
        }
        out.log(Event::ApprovalRefused {
            time,
            engagement,
            threat,
        });
        self.list[engagement.index()].refused = true;
        self.refused.insert(order.track);
        Answer::Refused
    }

    /// The engagement is over: its track is free for another.
    pub fn release(&mut self, engagement: EngagementId) -> EngagementOrder {
        let order = self.list[engagement.index()].order;
        self.committed.remove(&order.track);
        self.in_flight -= 1;
        order
    }

    /// The launch time of an engagement: unless approval was refused, the threat is gone or the
    /// shooter's fire control finds it out of reach ([`in_envelope`]), the interceptor leaves,
    /// homing on the threat's true path, and is due at the intercept.
    pub fn fire(
        &mut self,
        prepared: &PreparedScenario,
        out: &mut Outbox,
        (time, engagement): (SimTime, EngagementId),
        threats: &mut Threats,
    ) -> Firing {
        let e = self.list[engagement.index()];
        if e.refused {
            return Firing::Refused;
        }
        let (plan, threat) = (e.order.plan, e.threat);
        let spec = &prepared.units[e.order.shooter.index()];
        let munition = prepared.scenario.library.munition(plan.munition);
        if !threats.is_active(threat) {
            return Firing::Cancelled;
        }
        let threat_spec = &prepared.threats[threat.index()];
        if !in_envelope(prepared, threat_spec, plan.launch_m, munition, time) {
            out.log(Event::LaunchWithheld {
                time,
                engagement,
                threat,
                shooter: spec.name.clone(),
                nation: prepared.nation_code(spec.nation),
                munition: munition.id.as_str().into(),
            });
            return Firing::Withheld;
        }
        threats.mark_engaged(threat);
        let (arrival, reach) = homing_intercept(
            |t| position_m(prepared, threat_spec, t),
            plan.launch_m,
            munition.speed_mps,
            munition.max_range_m,
            time,
        );
        out.log(Event::Launch {
            time,
            engagement,
            threat,
            class: threat_spec.class,
            shooter: spec.name.clone(),
            nation: prepared.nation_code(spec.nation),
            munition: munition.id.as_str().into(),
            cost_usd: munition.cost_usd,
            from: prepared.geo_position(plan.launch_m),
            dash_m: plan.dash_m,
            planned_intercept: Position::new(plan.intercept_point, plan.intercept_altitude_m),
            planned_intercept_time: plan.intercept_time,
            slant_range_m: plan.slant_range_m,
            debris_centre: Position::new(plan.debris.centre, 0.0),
            debris_radius_m: plan.debris.radius_m,
            sensor_nations: prepared.nation_codes(e.sensor_nations),
        });
        out.schedule(arrival, Action::InterceptorArrives(engagement, reach));
        Firing::Launched(spec.id)
    }

    /// The interceptor of a released engagement arrives (or its range runs out): a kill, whose
    /// debris falls around the intercept, or a miss, which falls (or destroys itself) beyond.
    pub fn resolve(
        &mut self,
        prepared: &PreparedScenario,
        out: &mut Outbox,
        (time, engagement, reach): (SimTime, EngagementId, Reach),
        threats: &mut Threats,
    ) {
        let Engagement { order, threat, .. } = self.list[engagement.index()];
        let alive = threats.is_active(threat);
        let cause = if !alive {
            Some(MissCause::TargetGone)
        } else if reach == Reach::OutOfRange {
            Some(MissCause::OutOfEnergy)
        } else {
            // The threat the interceptor homes on decides the kill, by its true class; the
            // plan's kill probability is only what C2 expected of the track.
            let class = prepared.threats[threat.index()].class;
            let pk = prepared
                .scenario
                .library
                .munition(order.plan.munition)
                .pk(class);
            let draw: f64 = self.kill_draws[threat.index()].random();
            (draw >= pk).then_some(MissCause::KillDraw)
        };
        let outcome = Outcome {
            time,
            engagement,
            order,
            threat,
        };
        match cause {
            None => outcome.kill(prepared, out, threats),
            Some(cause) => outcome.miss(prepared, out, cause, reach),
        }
    }
}

/// The interceptor of one engagement at its arrival.
struct Outcome {
    time: SimTime,
    engagement: EngagementId,
    order: EngagementOrder,
    threat: ThreatId,
}

impl Outcome {
    /// The shooter's nation code.
    fn nation(&self, prepared: &PreparedScenario) -> CountryCode {
        prepared.nation_code(prepared.units[self.order.shooter.index()].nation)
    }

    /// The threat is destroyed; its debris falls in a footprint around the intercept.
    fn kill(&self, prepared: &PreparedScenario, out: &mut Outbox, threats: &mut Threats) {
        let (time, threat) = (self.time, self.threat);
        let spec = &prepared.threats[threat.index()];
        let geometry = &prepared.geometry;
        let target_m = position_m(prepared, spec, time);
        let (_, velocity) = state_m(prepared, spec, time);
        let (ground, altitude) = geometry.geo_of(target_m);
        let (speed, heading) = geometry.speed_and_heading(ground, velocity);
        let footprint = debris_footprint(ground, altitude, speed, heading);
        threats.destroy(prepared, out, time, threat);
        out.log(Event::Kill {
            time,
            engagement: self.engagement,
            threat,
            nation: self.nation(prepared),
            at: Position::new(ground, altitude),
            debris_centre: Position::new(footprint.centre, 0.0),
            debris_radius_m: footprint.radius_m,
        });
        if let Some(event) = SpilloverCheck::new(prepared).footprint(
            time,
            SpilloverObject::Debris,
            threat,
            &footprint,
        ) {
            out.log(event);
        }
    }

    /// The interceptor missed: it ends its flight at the target if it got there, else where its
    /// range ran out, then destroys itself (its fragments fall around that point) or falls on.
    fn miss(&self, prepared: &PreparedScenario, out: &mut Outbox, cause: MissCause, reach: Reach) {
        let (time, threat) = (self.time, self.threat);
        let spec = &prepared.threats[threat.index()];
        let target_m = position_m(prepared, spec, time);
        let munition = prepared.scenario.library.munition(self.order.plan.munition);
        let launch_m = self.order.plan.launch_m;
        let end_m = match reach {
            Reach::Reached => target_m,
            Reach::OutOfRange => towards(launch_m, target_m, munition.max_range_m),
        };
        let geometry = &prepared.geometry;
        let (ground, altitude) = geometry.geo_of(end_m);
        let heading = geometry.heading(ground, end_m - launch_m);
        let footprint = debris_footprint(ground, altitude, munition.speed_mps, heading);
        let spill = SpilloverCheck::new(prepared);
        let (fall, spill_event) = if munition.self_destructs {
            let event = spill.footprint(time, SpilloverObject::Interceptor, threat, &footprint);
            (footprint.centre, event)
        } else {
            let fall = direct(
                ground,
                heading,
                debris_throw_m(altitude, munition.speed_mps),
            );
            (
                fall,
                spill.point(time, SpilloverObject::Interceptor, threat, fall),
            )
        };
        out.log(Event::Miss {
            time,
            engagement: self.engagement,
            threat,
            nation: self.nation(prepared),
            cause,
            at: Position::new(ground, altitude),
            fall_point: Position::new(fall, 0.0),
            fall_country: geometry.borders.country_at(fall).map(|c| c.code),
        });
        if let Some(event) = spill_event {
            out.log(event);
        }
    }
}

/// Whether the shooter's own fire control (its radar, or the seeker it cues), seeing the threat
/// where it truly is at `launch` and taking it to fly straight on, finds it within the envelope
/// of `munition` fired from `from`: reached within the munition's range, at an altitude within
/// its band (a diving threat flown straight on is caught only above the munition's floor, so
/// never after it has reached the ground). C2 plans on its track; this last check before a
/// launch is the shooter's, so a track whose estimate has drifted does not waste a round. A
/// threat that turns or dives after the launch can still take itself out of reach (a miss).
fn in_envelope(
    prepared: &PreparedScenario,
    threat: &ThreatSpec,
    from: EnuPosition,
    munition: &MunitionType,
    launch: SimTime,
) -> bool {
    let seen = state_m(prepared, threat, launch);
    let (speed, range) = (munition.speed_mps, munition.max_range_m);
    straight_intercept(seen, from, speed, range, launch).is_some_and(|point| {
        let (_, altitude_m) = prepared.geometry.geo_of(point);
        (munition.min_altitude_m..=munition.max_altitude_m).contains(&altitude_m)
    })
}
