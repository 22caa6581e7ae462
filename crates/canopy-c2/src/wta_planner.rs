//! The WTA planner: each decision cycle, one weapon-target assignment over every uncommitted
//! track and every feasible (shooter, munition) pair, solved by `canopy-wta` under a counted
//! budget.
//!
//! - Targets are the tracks with at least one feasible engagement, valued by threat evaluation
//!   ([`crate::threat`]); a track that leaves time for a look (assess, then shoot again) and that
//!   more than one shooter can engage now (so a miss is likely to be followed by another shot)
//!   counts only for the part of its value a miss would lose for good ([`LOOK_VALUE_SHARE`]).
//! - Each (shooter, munition) pair is a WTA shooter with `min(rounds, free channels)` rounds at
//!   the munition's cost (weighted by the scenario's `[c2] cost_weight`, λ), so cheap threats
//!   draw cheap munitions and no shot is fired that saves less than λ times its cost. Pairs that
//!   are not feasible are forbidden. A shooter's munitions share its fire channels
//!   ([`CHANNEL_REPAIRS`]).
//! - Munitions able to kill ballistic missiles keep [`BALLISTIC_RESERVE_ROUNDS`] rounds per
//!   shooter for missiles (ballistic or cruise): drones and decoys cannot draw them.
//! - Shoot-look-shoot: one engagement per track, unless the track leaves no time for a look
//!   (ballistic, or impact too soon after the first intercept), when a second shooter is planned
//!   at once. Tracks already engaged keep their commitment and are not re-planned.
//! - Every track left unengaged gets a reason: the furthest feasibility check reached, or
//!   `held_in_reserve`, `not_cost_effective`, `shooter_unavailable` (every worthwhile shooter
//!   busy this cycle).

use canopy_core::SimTime;
use canopy_scenario::ThreatClass;
use canopy_wta::{Budget, ProblemBuilder, Reserve, Shooter, Solver, SolverKind};

use crate::debris::debris_discount;
use crate::feasibility::check_engagement;
use crate::fights::independent_groups;
use crate::infeasible::Infeasible;
use crate::layers::later_layers;
use crate::picture::{AirPicture, TrackEstimate};
use crate::planning::{EngagementOrder, InterceptPlan, Plan, Planner, PlanningContext, commit};
use crate::reach::{ReachMap, quiet_until};
use crate::shooter::ShooterState;
use crate::threat::{ThreatAssessment, assess};
use crate::waiting::{Choice, ShotOption, worth_waiting};

/// Rounds of an anti-ballistic munition each shooter keeps for missiles (ballistic and cruise),
/// so that drones and decoys cannot draw them all.
pub const BALLISTIC_RESERVE_ROUNDS: u32 = 4;
/// The share of a track's value at stake in one shot when a look is possible: a miss can still
/// be followed by another engagement, assumed to succeed half the time.
pub const LOOK_VALUE_SHARE: f64 = 0.5;
/// Seconds between an intercept and the next shot it can lead to: kill assessment and the next
/// decision cycle (approval and reaction come on top).
pub const LOOK_MARGIN_S: f64 = 10.0;
/// The counted budget of the assignment solver per cycle (iterations, then nodes).
pub const SOLVER_BUDGET: u64 = 200;
/// The solver's local search stops after this many iterations in a row without improvement:
/// with at most two rounds per track, one exchange step already re-solves the whole
/// assignment, so later steps rarely improve it.
pub const SOLVER_PATIENCE: u64 = 10;

/// Weapon-target assignment every cycle, shoot-look-shoot, costs and reserves.
#[derive(Clone, Copy, Debug, Default)]
pub struct WtaPlanner;

/// One (shooter, munition) pair with the tracks it can engage.
struct Pair {
    shooter: usize,
    stock: usize,
    /// (track index, plan) for every feasible track.
    options: Vec<(usize, InterceptPlan)>,
    /// Rounds it may fire at drones and decoys this cycle.
    other_class_rounds: u32,
}

impl Planner for WtaPlanner {
    fn name(&self) -> &'static str {
        "wta"
    }

    fn plan(
        &mut self,
        ctx: &PlanningContext,
        picture: &AirPicture,
        shooters: &[ShooterState],
    ) -> Plan {
        let tracks: Vec<&TrackEstimate> = picture
            .tracks
            .iter()
            .filter(|track| ctx.committed.binary_search(&track.id).is_err())
            .collect();
        let mut plan = Plan::default();
        let (mut pairs, mut furthest, quiet_s) = candidates(ctx, shooters, &tracks);
        plan.quiet_until = quiet_until(ctx, quiet_s);
        let shooters_per_track = shooters_per_track(&pairs, tracks.len());
        // Only tracks some pair may engage enter the assignment: the others need no value.
        let assessments: Vec<ThreatAssessment> = tracks
            .iter()
            .zip(&shooters_per_track)
            .map(|(t, &shooters)| {
                if shooters > 0 {
                    assess(t, &ctx.library.evaluation, ctx.assets)
                } else {
                    ThreatAssessment::NONE
                }
            })
            .collect();
        let shares: Vec<f64> = (0..tracks.len())
            .map(|index| {
                let look = shooters_per_track[index] > 1
                    && look_possible(ctx, tracks[index], &assessments[index], None);
                if look { LOOK_VALUE_SHARE } else { 1.0 }
            })
            .collect();
        let targets = Targets {
            tracks: &tracks,
            assessments: &assessments,
            shares: &shares,
        };
        defer(ctx, &targets, shooters, &mut pairs, &mut furthest);
        let chosen = assign(ctx, &targets, &pairs, shooters);
        let mut shooters = shooters.to_vec();
        let mut engaged = vec![false; tracks.len()];
        let mut reasons = furthest;
        for (track, pair) in chosen {
            let pair = &pairs[pair];
            let shooter = &mut shooters[pair.shooter];
            let munition = shooter.munitions[pair.stock].munition;
            match check_engagement(ctx, shooter, munition, tracks[track]) {
                Ok(intercept) => {
                    commit(shooter, &intercept);
                    engaged[track] = true;
                    plan.orders.push(EngagementOrder {
                        track: tracks[track].id,
                        shooter: shooter.unit,
                        plan: intercept,
                    });
                }
                Err(reason) => reasons[track] = reasons[track].max(reason),
            }
        }
        for (index, track) in tracks.iter().enumerate() {
            if !engaged[index] {
                let reason = match reasons[index] {
                    Infeasible::NotCostEffective => unassigned_reason(ctx, &pairs, index, &targets),
                    other => other,
                };
                plan.unengaged.push((track.id, reason));
            }
        }
        plan
    }
}

/// The tracks of one cycle's assignment: their estimates, their assessments and the share of
/// each assessed value a shot puts at stake ([`LOOK_VALUE_SHARE`] when a look may follow).
struct Targets<'a> {
    tracks: &'a [&'a TrackEstimate],
    assessments: &'a [ThreatAssessment],
    shares: &'a [f64],
}

impl Targets<'_> {
    /// The value (USD) at stake in a shot at track `index`.
    fn value(&self, index: usize) -> f64 {
        self.assessments[index].value_usd * self.shares[index]
    }
}

/// Takes out of the assignment the tracks for which one more look, or a later layer, is worth
/// more than a shot now ([`crate::waiting`]): their options are dropped and their reason is
/// `deferred`.
fn defer(
    ctx: &PlanningContext,
    targets: &Targets,
    shooters: &[ShooterState],
    pairs: &mut [Pair],
    reasons: &mut [Infeasible],
) {
    let n_tracks = targets.tracks.len();
    let mut options: Vec<Vec<ShotOption>> = vec![Vec::new(); n_tracks];
    let mut engaging: Vec<Vec<bool>> = vec![Vec::new(); n_tracks];
    for pair in pairs.iter() {
        for (track, plan) in &pair.options {
            let kind = ctx.library.munition(plan.munition);
            options[*track].push(ShotOption {
                pk_by_class: ThreatClass::ALL.map(|class| kind.pk(class)),
                cost_usd: plan.cost_usd,
            });
            let engaging = &mut engaging[*track];
            engaging.resize(shooters.len(), false);
            engaging[pair.shooter] = true;
        }
    }
    let deferred: Vec<bool> = (0..n_tracks)
        .map(|index| {
            let (track, assessment) = (targets.tracks[index], &targets.assessments[index]);
            if options[index].is_empty() {
                return false;
            }
            let Some(time_to_aim_s) = assessment.time_to_aim_s else {
                return false;
            };
            let later = later_layers(ctx, shooters, &engaging[index], track, time_to_aim_s);
            let choice = Choice {
                belief: track.belief,
                class_values_usd: assessment
                    .class_values_usd
                    .map(|v| v * targets.shares[index]),
                time_to_aim_s: Some(time_to_aim_s),
                now: &options[index],
                later: &later,
            };
            worth_waiting(&choice, ctx.cost_weight)
        })
        .collect();
    for pair in pairs.iter_mut() {
        pair.options.retain(|(track, _)| !deferred[*track]);
    }
    for (reason, deferred) in reasons.iter_mut().zip(deferred) {
        if deferred {
            *reason = Infeasible::Deferred;
        }
    }
}

/// Every feasible (shooter, munition, track) engagement, grouped by pair; the furthest reason
/// reached per track ([`Infeasible::NotCostEffective`] for a track with a feasible engagement);
/// and the least time before some track could come within reach of some shooter.
fn candidates(
    ctx: &PlanningContext,
    shooters: &[ShooterState],
    tracks: &[&TrackEstimate],
) -> (Vec<Pair>, Vec<Infeasible>, f64) {
    let mut pairs: Vec<Pair> = Vec::new();
    let mut furthest = vec![Infeasible::NoShooterInReach; tracks.len()];
    let reach = ReachMap::new(ctx, shooters, tracks);
    for (shooter_index, (shooter, within)) in shooters.iter().zip(&reach.tracks_of).enumerate() {
        let first_pair = pairs.len();
        for &track_index in within {
            let track = tracks[track_index];
            for (stock_index, stock) in shooter.munitions.iter().enumerate() {
                match check_engagement(ctx, shooter, stock.munition, track) {
                    Ok(intercept) => {
                        furthest[track_index] = Infeasible::NotCostEffective;
                        let pair = match pairs[first_pair..]
                            .iter()
                            .position(|pair| pair.stock == stock_index)
                        {
                            Some(offset) => &mut pairs[first_pair + offset],
                            None => {
                                pairs.push(new_pair(ctx, shooter, shooter_index, stock_index));
                                pairs.last_mut().expect("just pushed")
                            }
                        };
                        pair.options.push((track_index, intercept));
                    }
                    Err(reason) => {
                        if furthest[track_index] != Infeasible::NotCostEffective {
                            furthest[track_index] = furthest[track_index].max(reason);
                        }
                    }
                }
            }
        }
    }
    let quiet_s = reach.quiet_s;
    (pairs, furthest, quiet_s)
}

/// A pair with no options yet, and the rounds its reserve leaves for non-ballistic tracks.
fn new_pair(ctx: &PlanningContext, shooter: &ShooterState, index: usize, stock: usize) -> Pair {
    let held = &shooter.munitions[stock];
    let anti_ballistic = ctx
        .library
        .munition(held.munition)
        .pk(ThreatClass::Ballistic)
        > 0.0
        && ctx
            .rules
            .nation(shooter.nation)
            .allows_class(ThreatClass::Ballistic);
    let other_class_rounds = if anti_ballistic {
        held.rounds.saturating_sub(BALLISTIC_RESERVE_ROUNDS)
    } else {
        held.rounds
    };
    Pair {
        shooter: index,
        stock,
        options: Vec::new(),
        other_class_rounds,
    }
}

/// Solves the assignment and returns the engagements to order, as (track index, pair index),
/// earliest launch first: one per track, two where no look is possible.
///
/// A shooter's munitions share its fire channels, which the assignment problem does not know:
/// each (shooter, munition) pair enters it with up to the shooter's free channels. When a
/// solution gives one shooter more shots than it has free channels, it keeps those it launches
/// first, its pairs are capped to what it kept, and the problem is solved again, so that other
/// shooters take up the shots it dropped (at most [`CHANNEL_REPAIRS`] times; a last excess is
/// dropped the same way).
fn assign(
    ctx: &PlanningContext,
    targets: &Targets,
    pairs: &[Pair],
    shooters: &[ShooterState],
) -> Vec<(usize, usize)> {
    let (tracks, assessments) = (targets.tracks, targets.assessments);
    let mut caps: Vec<u32> = pairs
        .iter()
        .map(|pair| {
            let shooter = &shooters[pair.shooter];
            shooter.munitions[pair.stock]
                .rounds
                .min(shooter.free_channels)
                .min(pair.options.len() as u32)
        })
        .collect();
    let mut shots = Vec::new();
    for repair in 0..=CHANNEL_REPAIRS {
        shots = solve(ctx, targets, pairs, shooters, &caps);
        let kept = within_channels(&shots, pairs, shooters);
        if kept.len() == shots.len() {
            break;
        }
        if repair < CHANNEL_REPAIRS {
            cap_to_kept(&mut caps, &shots, &kept, pairs);
        }
        shots = kept;
    }
    let mut per_track: Vec<Vec<(usize, &InterceptPlan)>> = vec![Vec::new(); tracks.len()];
    for shot in &shots {
        per_track[shot.track].push((shot.pair, shot.plan(pairs)));
    }
    let mut chosen: Vec<(usize, usize, &InterceptPlan)> = Vec::new();
    for (track, mut assigned) in per_track.into_iter().enumerate() {
        assigned.sort_by_key(|(pair, plan)| (plan.intercept_time, *pair));
        let Some(&(first_pair, first)) = assigned.first() else {
            continue;
        };
        chosen.push((track, first_pair, first));
        if let Some(&(second_pair, second)) = assigned.get(1)
            && !look_possible(ctx, tracks[track], &assessments[track], Some(first))
        {
            chosen.push((track, second_pair, second));
        }
    }
    chosen.sort_by_key(|(track, pair, plan)| (plan.launch_time, *track, *pair));
    chosen
        .into_iter()
        .map(|(track, pair, _)| (track, pair))
        .collect()
}

/// How many times `assign` re-solves after capping pairs to their shooters' fire channels.
pub const CHANNEL_REPAIRS: usize = 2;

/// One round of a pair assigned to a track.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Shot {
    pair: usize,
    track: usize,
}

impl Shot {
    /// The engagement plan of this shot.
    fn plan<'a>(&self, pairs: &'a [Pair]) -> &'a InterceptPlan {
        pairs[self.pair]
            .options
            .iter()
            .find(|(track, _)| *track == self.track)
            .map(|(_, plan)| plan)
            .expect("assigned pairs are allowed, so feasible")
    }
}

/// Solves the assignment with each pair holding `caps[pair]` rounds (pairs capped at zero stay
/// out), one independent fight at a time (see [`crate::fights`]), and returns the shots it
/// fires, by pair and track.
fn solve(
    ctx: &PlanningContext,
    targets: &Targets,
    pairs: &[Pair],
    shooters: &[ShooterState],
    caps: &[u32],
) -> Vec<Shot> {
    let entered: Vec<usize> = (0..pairs.len()).filter(|&pair| caps[pair] > 0).collect();
    let fights = independent_groups(&entered, |pair| {
        pairs[pair].options.iter().map(|(track, _)| *track)
    });
    let mut shots: Vec<Shot> = fights
        .iter()
        .flat_map(|fight| solve_fight(ctx, targets, pairs, (shooters, caps), fight))
        .collect();
    shots.sort_by_key(|shot| (shot.pair, shot.track));
    shots
}

/// Solves the assignment of one fight: its pairs (`entered`) and the tracks they may engage.
fn solve_fight(
    ctx: &PlanningContext,
    targets: &Targets,
    pairs: &[Pair],
    (shooters, caps): (&[ShooterState], &[u32]),
    entered: &[usize],
) -> Vec<Shot> {
    // Only the tracks the fight's pairs may engage enter the problem: the others can take no
    // round from them.
    let mut in_reach: Vec<usize> = entered
        .iter()
        .flat_map(|&pair| pairs[pair].options.iter().map(|(track, _)| *track))
        .collect();
    in_reach.sort_unstable();
    in_reach.dedup();
    let column = |track: usize| {
        in_reach
            .binary_search(&track)
            .expect("an option's track is in reach")
    };
    let classes: Vec<u32> = in_reach
        .iter()
        .map(|&track| u32::from(targets.tracks[track].belief.is_missile()))
        .collect();
    let in_reach_values: Vec<f64> = in_reach.iter().map(|&track| targets.value(track)).collect();
    let mut builder = ProblemBuilder::new(in_reach_values)
        .target_classes(classes)
        .cost_weight(ctx.cost_weight);
    for (index, &pair_index) in entered.iter().enumerate() {
        let pair = &pairs[pair_index];
        let stock = shooters[pair.shooter].munitions[pair.stock];
        let mut pk = vec![0.0; in_reach.len()];
        let mut allowed = vec![false; in_reach.len()];
        let kind = ctx.library.munition(stock.munition);
        for (track, plan) in &pair.options {
            let pk_kill =
                targets.assessments[*track].value_weighted_pk(kind, targets.tracks[*track]);
            pk[column(*track)] =
                pk_kill * debris_discount(targets.value(*track), plan.populated_debris_cost_usd);
            allowed[column(*track)] = true;
        }
        let rounds = caps[pair_index];
        let reserved = rounds - pair.other_class_rounds.min(rounds);
        builder = builder.shooter(Shooter {
            pk,
            rounds,
            salvo: 1,
            cost_per_round: ctx.library.munition(stock.munition).cost_usd,
            reserve: (reserved > 0).then_some(Reserve {
                class: u32::from(true),
                rounds: reserved,
            }),
        });
        for (track, ok) in allowed.iter().enumerate() {
            if !ok {
                builder = builder.forbid(index, track);
            }
        }
    }
    let problem = builder
        .build()
        .expect("kill probabilities, costs and rounds come from the validated library");
    let solution = SolverKind::Auto.solve(
        &problem,
        Budget::iterations(SOLVER_BUDGET).with_patience(SOLVER_PATIENCE),
    );
    solution
        .assignment
        .iter()
        .enumerate()
        .filter_map(|(unit, target)| {
            target.map(|column| Shot {
                pair: entered[problem.shooter_of(unit)],
                track: in_reach[column],
            })
        })
        .collect()
}

/// The shots each shooter can fire with its free channels: where a solution gives a shooter
/// more, those launched first (the earlier pair, then track, on a tie).
fn within_channels(shots: &[Shot], pairs: &[Pair], shooters: &[ShooterState]) -> Vec<Shot> {
    let mut ranked: Vec<(usize, SimTime, Shot)> = shots
        .iter()
        .map(|shot| {
            (
                pairs[shot.pair].shooter,
                shot.plan(pairs).launch_time,
                *shot,
            )
        })
        .collect();
    ranked.sort_by_key(|&(shooter, launch, shot)| (shooter, launch, shot.pair, shot.track));
    let mut kept = Vec::with_capacity(shots.len());
    let mut used = 0;
    let mut current = usize::MAX;
    for (shooter, _, shot) in ranked {
        if shooter != current {
            current = shooter;
            used = 0;
        }
        if used < shooters[shooter].free_channels {
            used += 1;
            kept.push(shot);
        }
    }
    kept.sort_by_key(|shot| (shot.pair, shot.track));
    kept
}

/// Caps every pair of a shooter that lost shots to the shots it kept.
fn cap_to_kept(caps: &mut [u32], shots: &[Shot], kept: &[Shot], pairs: &[Pair]) {
    let mut over = vec![false; pairs.len()];
    for shot in shots.iter().filter(|shot| !kept.contains(shot)) {
        let shooter = pairs[shot.pair].shooter;
        for (pair, flag) in pairs.iter().zip(over.iter_mut()) {
            *flag |= pair.shooter == shooter;
        }
    }
    for (pair, cap) in caps.iter_mut().enumerate() {
        if over[pair] {
            *cap = kept.iter().filter(|shot| shot.pair == pair).count() as u32;
        }
    }
}

/// How many distinct shooters can engage each track now.
fn shooters_per_track(pairs: &[Pair], n_tracks: usize) -> Vec<u32> {
    let mut counts = vec![0; n_tracks];
    let mut last_shooter = vec![usize::MAX; n_tracks];
    for pair in pairs {
        for (track, _) in &pair.options {
            if last_shooter[*track] != pair.shooter {
                last_shooter[*track] = pair.shooter;
                counts[*track] += 1;
            }
        }
    }
    counts
}

/// Whether a miss of the first shot (`first`, or an engagement at once when `None`) would still
/// leave time for another decision before impact. Ballistic tracks never do: their flight in the
/// theatre is shorter than two engagement chains.
fn look_possible(
    ctx: &PlanningContext,
    track: &TrackEstimate,
    assessment: &ThreatAssessment,
    first: Option<&InterceptPlan>,
) -> bool {
    if track.belief.most_likely() == ThreatClass::Ballistic {
        return false;
    }
    let Some(impact_s) = assessment.time_to_impact_s else {
        return true;
    };
    let first_s = first.map_or(0.0, |plan| plan.intercept_time.since(ctx.now).as_secs_f64());
    first_s + LOOK_MARGIN_S + ctx.authority.approval_delay.as_secs_f64() < impact_s
}

/// Why a track with feasible engagements was left unassigned: every pair able to engage it
/// keeps its rounds for ballistic tracks; or some shot was worth its cost, so the shooters were
/// busy with more valuable tracks; or no shot was worth its cost.
fn unassigned_reason(
    ctx: &PlanningContext,
    pairs: &[Pair],
    track: usize,
    targets: &Targets,
) -> Infeasible {
    let (track_estimate, assessment) = (targets.tracks[track], &targets.assessments[track]);
    let value_usd = targets.value(track);
    let mut options = pairs
        .iter()
        .filter_map(|pair| {
            pair.options
                .iter()
                .find(|(t, _)| *t == track)
                .map(|(_, plan)| (pair, plan))
        })
        .peekable();
    let missile = track_estimate.belief.is_missile();
    let mut all_reserved = options.peek().is_some();
    let mut worthwhile = false;
    for (pair, plan) in options {
        let usable = missile || pair.other_class_rounds > 0;
        all_reserved &= !usable;
        let pk = assessment.value_weighted_pk(ctx.library.munition(plan.munition), track_estimate)
            * debris_discount(value_usd, plan.populated_debris_cost_usd);
        worthwhile |= usable && pk * value_usd > ctx.cost_weight * plan.cost_usd;
    }
    if all_reserved {
        Infeasible::HeldInReserve
    } else if worthwhile {
        Infeasible::ShooterUnavailable
    } else {
        Infeasible::NotCostEffective
    }
}
