//! Each engine component on its own, driven by hand through its time queue: a sortie's take-off,
//! station and landing times, an engagement's launch after its approval, a threat's arrival, a
//! decision cycle and a shooter's channels and rounds.

mod common;

use canopy_core::{SimDuration, SimTime, StreamKey, ThreatId, UnitId};
use canopy_geo::{GeoPoint, inverse};
use canopy_sim::engine::{
    Action, Answer, Commitments, Cycle, Decisions, Engagements, Firing, Outbox, Round, Shooters,
    Sorties, Threats, Turn, shooter_states,
};
use canopy_sim::truth::TruthView;
use canopy_sim::{Event, PictureMode, PreparedScenario};

/// Takes the next action off the queue, whatever its time.
fn next(out: &mut Outbox) -> (SimTime, Action) {
    out.agenda
        .pop_due(SimTime::from_micros(i64::MAX))
        .expect("an action is due")
}

fn secs(time: SimTime) -> f64 {
    time.as_secs_f64()
}

#[test]
fn a_sortie_takes_off_a_transit_before_station_time_and_lands_a_transit_after_its_hour() {
    let prepared = PreparedScenario::new(common::patrol_scenario());
    let transit_s = common::patrol_transit_s(&prepared.scenario);
    let near = |time: SimTime, expected_s: f64| (secs(time) - expected_s).abs() < 1e-5;

    let mut out = Outbox::default();
    let mut shooters = Shooters::new(&prepared);
    let mut sorties = Sorties::new(&prepared, &mut out);
    let unit = UnitId(0);
    let (takeoff, action) = next(&mut out);
    assert_eq!(action, Action::Takeoff(unit));
    assert!(near(takeoff, 3600.0 - transit_s));

    sorties.take_off(&prepared, &mut shooters, &mut out, takeoff, unit);
    let (arrive, action) = next(&mut out);
    assert_eq!(action, Action::OnStation(unit, Turn(1)));
    assert!(near(arrive, 3600.0));
    let (fuel_out, action) = next(&mut out);
    assert_eq!(action, Action::LeaveStation(unit, Turn(1)));
    assert!(near(fuel_out, 7200.0));

    assert!(!sorties.on_station(unit));
    assert!(!sorties.arrive_on_station(&prepared, &mut out, arrive, unit, Turn(0)));
    assert!(sorties.arrive_on_station(&prepared, &mut out, arrive, unit, Turn(1)));
    assert!(sorties.on_station(unit));

    sorties.fuel_out(
        &prepared,
        &mut shooters,
        &mut out,
        fuel_out,
        (unit, Turn(1)),
    );
    assert!(!sorties.on_station(unit));
    let (land, action) = next(&mut out);
    assert_eq!(action, Action::Land(unit));
    assert!(near(land, 7200.0 + transit_s));

    sorties.land(&prepared, &mut out, land, unit);
    let (ready, action) = next(&mut out);
    assert_eq!(action, Action::Ready(unit));
    assert_eq!(ready, land + SimDuration::from_secs(45 * 60));
    let hours = out.events.iter().find_map(|e| match e {
        Event::SortieEnd { flight_hours, .. } => Some(*flight_hours),
        _ => None,
    });
    assert!((hours.unwrap() - (2.0 * transit_s + 3600.0) / 3600.0).abs() < 1e-8);
    let kinds: Vec<String> = out.events.iter().map(kind).collect();
    assert_eq!(
        kinds,
        ["sortie_start", "on_station", "off_station", "sortie_end"]
    );
}

/// The event's `kind` as the log writes it.
fn kind(event: &Event) -> String {
    let logged = serde_json::to_value(event).expect("an event serialises");
    logged["kind"]
        .as_str()
        .expect("every event has a kind")
        .to_string()
}

/// Launches and brings into the theatre the first threat of `prepared`; returns when it entered.
fn bring_in_first_threat(prepared: &PreparedScenario, out: &mut Outbox) -> Threats {
    let mut threats = Threats::new(prepared, out);
    let (launch, action) = next(out);
    assert_eq!(action, Action::Launch(ThreatId(0)));
    threats.launch(prepared, out, launch, ThreatId(0));
    let (entry, action) = next(out);
    assert_eq!(action, Action::Enter(ThreatId(0)));
    assert!(threats.enter(prepared, out, (entry, StreamKey::new(1, 0)), ThreatId(0)));
    threats
}

#[test]
fn a_coalition_engagement_under_per_engagement_authority_launches_after_its_approval() {
    // A Polish NASAMS next to one drone; every coalition engagement waits 90 s for approval.
    let prepared =
        PreparedScenario::new(common::coalition_nasams_scenario(1, common::PER_ENGAGEMENT));
    let mut out = Outbox::default();
    let mut threats = bring_in_first_threat(&prepared, &mut out);
    let now = SimTime::START;
    let decided = decide(&mut perfect_wta(&prepared), &prepared, &threats, now).orders[0];
    let plan = decided.order.plan;
    assert!(plan.needs_approval);
    let approval_at = now + SimDuration::from_secs(90);
    let site = &prepared.units[0];
    assert_eq!(
        plan.launch_time,
        approval_at + site.reaction,
        "launch a reaction after approval"
    );

    let mut engagements = Engagements::new(&prepared, StreamKey::new(1, 0));
    let opened = (decided.order, decided.threat, decided.sensor_nations);
    engagements.open(&prepared, &mut out, now, opened);
    assert_eq!(engagements.in_flight(), 1);
    assert_eq!(engagements.committed(), [decided.order.track]);
    let (approve_at, approve) = next(&mut out);
    assert_eq!(approve_at, approval_at);
    let Action::Approve(engagement) = approve else {
        panic!("the approval comes first: {approve:?}");
    };
    let (fire_at, fire) = next(&mut out);
    assert_eq!(
        (fire_at, fire),
        (plan.launch_time, Action::Fire(engagement))
    );
    let answer = engagements.answer_approval(&prepared, &mut out, approve_at, engagement);
    assert_eq!(answer, Answer::Approved);
    let firing = engagements.fire(&prepared, &mut out, (fire_at, engagement), &mut threats);
    assert_eq!(firing, Firing::Launched(site.id));
    let (arrival, action) = next(&mut out);
    assert!(matches!(action, Action::InterceptorArrives(e, _) if e == engagement));
    assert!(arrival > fire_at);
    let kinds: Vec<String> = out.events.iter().map(kind).collect();
    assert_eq!(
        kinds,
        [
            "threat_launched",
            "threat_entered",
            "decision",
            "approval",
            "launch"
        ]
    );
    assert_eq!(out.events[3].time(), approval_at);
    assert_eq!(out.events[4].time(), plan.launch_time);
}

/// The `wta` planner's decisions on the perfect picture.
fn perfect_wta(prepared: &PreparedScenario) -> Decisions {
    let planner = canopy_sim::PlannerKind::Wta.planner();
    Decisions::new(
        prepared,
        StreamKey::new(1, 0),
        PictureMode::Perfect,
        planner,
    )
}

/// One decision cycle at `now` with nothing committed, every unit a site with its full magazine.
fn decide(
    decisions: &mut Decisions,
    prepared: &PreparedScenario,
    threats: &Threats,
    now: SimTime,
) -> Cycle {
    let truth = TruthView::new(prepared, threats.statuses());
    let states = shooter_states(prepared, &Shooters::new(prepared), &sites(prepared), now);
    let commitments = Commitments {
        committed: &[],
        refused: &[],
    };
    decisions.decide(prepared, (now, &truth), &states, commitments)
}

#[test]
fn an_unengaged_threat_arrives_after_its_flight_at_its_speed_and_leaks() {
    // One Shahed-136 from 49.80 N, 25.30 E to a depot at 49.80 N, 24.60 E, nobody defending.
    let prepared = PreparedScenario::new(common::nasams_scenario(1, common::DELEGATED, false));
    let mut out = Outbox::default();
    let mut threats = bring_in_first_threat(&prepared, &mut out);
    let launch = prepared.threats[0].launch;
    let (arrival, action) = next(&mut out);
    assert_eq!(action, Action::Arrive(ThreatId(0)));
    let from = GeoPoint::from_degrees(49.80, 25.30).unwrap();
    let to = GeoPoint::from_degrees(49.80, 24.60).unwrap();
    let speed = prepared.scenario.library.threats[0].speed_mps;
    assert_eq!(prepared.scenario.library.threats[0].id, "shahed-136");
    let flight_s = inverse(from, to).distance_m / speed;
    assert!(
        (secs(arrival) - secs(launch) - flight_s).abs() < 0.5,
        "{flight_s} s"
    );

    assert!(threats.is_active(ThreatId(0)));
    threats.arrive(&prepared, &mut out, arrival, ThreatId(0));
    assert!(!threats.is_active(ThreatId(0)));
    assert!(threats.all_resolved());
    let kinds: Vec<String> = out.events.iter().map(kind).collect();
    assert_eq!(
        kinds,
        ["threat_launched", "threat_entered", "unengaged", "impact"]
    );
    let Event::Unengaged { reason, .. } = &out.events[2] else {
        unreachable!()
    };
    assert_eq!(*reason, canopy_c2::Infeasible::NoShooterInReach);
}

#[test]
fn on_the_perfect_picture_a_decision_cycle_orders_the_site_at_the_threat_and_waits_a_cycle() {
    // A Ukrainian NASAMS beside the drone's path, delegated authority.
    let prepared = PreparedScenario::new(common::nasams_scenario(1, common::DELEGATED, true));
    let mut out = Outbox::default();
    let threats = bring_in_first_threat(&prepared, &mut out);
    let mut decisions = perfect_wta(&prepared);
    let entry = SimTime::START;
    decisions.threat_entered(&mut out, entry, ThreatId(0));
    assert!(matches!(
        out.events.last(),
        Some(Event::Tracked {
            threat: ThreatId(0),
            ..
        })
    ));
    assert!(decisions.due(entry));

    let cycle = decide(&mut decisions, &prepared, &threats, entry);
    let site = prepared.units[0].id;
    assert_eq!(cycle.orders.len(), 1);
    let decided = cycle.orders[0];
    assert_eq!((decided.threat, decided.order.shooter), (ThreatId(0), site));
    let cycle_time = prepared.scenario.decision_cycle;
    assert!(!decisions.due(entry + cycle_time - SimDuration::from_micros(1)));
    assert!(decisions.due(entry + cycle_time));
    // Something that can make an engagement possible brings the next cycle forward.
    decisions.wake(entry + SimDuration::from_secs(1));
    assert!(decisions.due(entry + SimDuration::from_secs(1)));

    let mut shooters = Shooters::new(&prepared);
    // The shooter gives a channel and a round to the order and gets them back on a cancelled
    // launch.
    let rounds = |s: &Shooters| s.load(site).munitions[0].rounds;
    let (channels, full) = (shooters.load(site).free_channels, rounds(&shooters));
    shooters.commit(&prepared, &decided.order);
    assert_eq!(
        (shooters.load(site).free_channels, rounds(&shooters)),
        (channels - 1, full - 1)
    );
    shooters.release(&decided.order, Round::Returned);
    assert_eq!(
        (shooters.load(site).free_channels, rounds(&shooters)),
        (channels, full)
    );
}

/// The units' flying state at the start (a scenario of sites only: all on station).
fn sites(prepared: &PreparedScenario) -> Sorties {
    Sorties::new(prepared, &mut Outbox::default())
}

#[test]
fn a_threat_launched_far_away_wakes_the_planner_only_out_of_a_quiet_period() {
    let second = SimDuration::from_secs(1);
    let entry = SimTime::START;
    // A NASAMS beside the drone's path: the first cycle orders it, so the planner is not quiet
    // and its next cycle is a decision cycle later.
    let prepared = PreparedScenario::new(common::nasams_scenario(1, common::DELEGATED, true));
    let cycle_time = prepared.scenario.decision_cycle;
    let mut out = Outbox::default();
    let threats = bring_in_first_threat(&prepared, &mut out);
    let mut decisions = perfect_wta(&prepared);
    decide(&mut decisions, &prepared, &threats, entry);
    decisions.wake_for_new_threat(entry + second, true);
    assert!(
        !decisions.due(entry + second),
        "the next cycle plans for it"
    );
    decisions.wake_for_new_threat(entry + second, false);
    assert!(
        decisions.due(entry + second),
        "at the theatre's edge it wakes at once"
    );

    // Nobody defends: no track can ever come within reach, the planner announces a quiet
    // period, and a new threat far away ends it.
    let prepared = PreparedScenario::new(common::nasams_scenario(1, common::DELEGATED, false));
    let mut out = Outbox::default();
    let threats = bring_in_first_threat(&prepared, &mut out);
    let mut decisions = perfect_wta(&prepared);
    decide(&mut decisions, &prepared, &threats, entry);
    assert!(!decisions.due(entry + cycle_time), "quiet beyond a cycle");
    decisions.wake_for_new_threat(entry + second, true);
    assert!(decisions.due(entry + second));
}
