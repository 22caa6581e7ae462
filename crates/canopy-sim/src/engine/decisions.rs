//! The picture and the decisions: the sensors scan, the picture is built and scored against
//! truth, decoys are screened, and each decision cycle the planner turns the picture into
//! engagement orders, each tied to the threat its interceptor will home on.

use canopy_c2::{
    AirPicture, EngagementOrder, Infeasible, NationSet, Planner, PlanningContext, ShooterState,
    TrackEstimate,
};
use canopy_core::{PatrolId, SimDuration, SimTime, StreamKey, ThreatId, TrackId};

use super::agenda::Outbox;
use crate::discrimination::DecoyDiscrimination;
use crate::event::{Event, NationPictureShare};
use crate::picture::PictureMode;
use crate::picture_quality::QualityAccumulator;
use crate::picture_source::PictureSource;
use crate::prepared::PreparedScenario;
use crate::truth::TruthView;

/// Time between two scores of the picture against truth, seconds: about 300 samples over a
/// night, whose mean GOSPA and completeness differ from those of 60 s sampling by a thousandth
/// (seeds 1-30 of the default scenario) at half the cost.
pub const QUALITY_INTERVAL_S: i64 = 120;

/// An order of a decision cycle, with the threat it will home on and the nations whose sensors
/// fed its track.
#[derive(Clone, Copy, Debug)]
pub struct Decided {
    /// The order.
    pub order: EngagementOrder,
    /// The threat the interceptor will home on.
    pub threat: ThreatId,
    /// The nations whose sensors fed the engaged track.
    pub sensor_nations: NationSet,
}

/// What a decision cycle concluded.
#[derive(Clone, Debug, Default)]
pub struct Cycle {
    /// Why threats were left unengaged, in the order found (a later note of a threat replaces
    /// an earlier one).
    pub notes: Vec<(ThreatId, Infeasible)>,
    /// The orders.
    pub orders: Vec<Decided>,
}

/// The engagements already under way that a decision cycle must know of.
#[derive(Clone, Copy, Debug)]
pub struct Commitments<'a> {
    /// Tracks with an engagement ordered and not yet resolved, ascending.
    pub committed: &'a [TrackId],
    /// Tracks whose approval was refused, ascending.
    pub refused: &'a [TrackId],
}

/// The picture and the decision cycle of one replication.
pub struct Decisions {
    source: PictureSource,
    discrimination: DecoyDiscrimination,
    planner: Box<dyn Planner>,
    picture: AirPicture,
    next_decision: SimTime,
    decision_cycle: SimDuration,
    quality: QualityAccumulator,
    next_quality: SimTime,
    held: Vec<bool>,
    all_nations: NationSet,
}

impl Decisions {
    /// The picture of `mode` and `planner`'s decisions for one replication keyed by `key`.
    pub fn new(
        prepared: &PreparedScenario,
        key: StreamKey,
        mode: PictureMode,
        planner: Box<dyn Planner>,
    ) -> Decisions {
        let mut all_nations = NationSet::default();
        for nation in &prepared.scenario.nations {
            all_nations.insert(nation.id);
        }
        Decisions {
            source: PictureSource::new(mode, prepared, key),
            discrimination: DecoyDiscrimination::new(prepared, key),
            planner,
            picture: AirPicture::default(),
            next_decision: SimTime::START,
            decision_cycle: prepared.scenario.decision_cycle,
            quality: QualityAccumulator::default(),
            next_quality: SimTime::START,
            held: vec![false; prepared.threats.len()],
            all_nations,
        }
    }

    /// Something changed that can make an engagement possible: decide at the step of `now`.
    pub fn wake(&mut self, now: SimTime) {
        self.next_decision = self.next_decision.min(now);
    }

    /// A new threat is in the air at `now`: entering at the theatre's edge, it wakes the planner
    /// at once; launched far away (a whole-flight theatre, `far_away`), only out of a quiet
    /// period ([`Decisions::wake_from_quiet`]). Otherwise the next regular cycle plans for it.
    pub fn wake_for_new_threat(&mut self, now: SimTime, far_away: bool) {
        if far_away {
            self.wake_from_quiet(now);
        } else {
            self.wake(now);
        }
    }

    /// Wakes the planner only when it sleeps through a quiet period (its next cycle due more
    /// than a decision cycle away), which something new may end; otherwise its next regular
    /// cycle comes soon enough.
    fn wake_from_quiet(&mut self, now: SimTime) {
        if self.next_decision > now + self.decision_cycle {
            self.wake(now);
        }
    }

    /// Whether a decision cycle is due at `now`.
    pub fn due(&self, now: SimTime) -> bool {
        now >= self.next_decision
    }

    /// A threat entered the theatre: the perfect picture holds it at once.
    pub fn threat_entered(&mut self, out: &mut Outbox, time: SimTime, threat: ThreatId) {
        if self.source.holds_on_entry() {
            self.held[threat.index()] = true;
            out.log(Event::Tracked { time, threat });
        }
    }

    /// Lets the sensors scan up to `now` (a patrol's radar while `patrol_on_station(patrol)`),
    /// logs the threats newly held (which wake a planner out of a quiet period) and, every
    /// [`QUALITY_INTERVAL_S`], scores the picture.
    pub fn observe(
        &mut self,
        out: &mut Outbox,
        now: SimTime,
        truth: &TruthView,
        patrol_on_station: &dyn Fn(PatrolId) -> bool,
    ) {
        self.source.sense(now, truth, patrol_on_station);
        for threat in self.source.newly_held(now, truth, &mut self.held) {
            out.log(Event::Tracked { time: now, threat });
            // A new track may end a quiet period worked out without it.
            self.wake_from_quiet(now);
        }
        if now < self.next_quality {
            return;
        }
        self.next_quality = now + SimDuration::from_secs(QUALITY_INTERVAL_S);
        let estimates = self.source.positions(now, truth);
        let truths: Vec<_> = truth
            .active()
            .map(|threat| truth.position_m(threat, now))
            .collect();
        self.quality.add(&estimates, &truths);
    }

    /// The picture at `now` as the picture source builds it for a decision cycle, before decoys
    /// are screened out of it; reads the state and changes nothing.
    pub fn picture_at(&self, now: SimTime, truth: &TruthView) -> AirPicture {
        let mut picture = AirPicture::default();
        self.source
            .build(now, truth, self.all_nations, &mut picture);
        picture
    }

    /// Runs one decision cycle at `now`: returns why threats are left unengaged and the orders,
    /// and schedules the next cycle (a decision cycle later, or when the planner's quiet time
    /// ends).
    pub fn decide(
        &mut self,
        prepared: &PreparedScenario,
        (now, truth): (SimTime, &TruthView),
        shooters: &[ShooterState],
        commitments: Commitments,
    ) -> Cycle {
        let mut notes = Vec::new();
        let mut picture = std::mem::take(&mut self.picture);
        self.source
            .build(now, truth, self.all_nations, &mut picture);
        let candidates = self.source.candidates(now, truth);
        let source = &self.source;
        let recognised = self
            .discrimination
            .screen(&mut picture, |track| source.threat_of(track, &candidates));
        notes.extend(
            recognised
                .into_iter()
                .map(|threat| (threat, Infeasible::RecognisedDecoy)),
        );
        let scenario = &prepared.scenario;
        let ctx = PlanningContext {
            now,
            library: &scenario.library,
            rules: &prepared.rules,
            geometry: &prepared.geometry,
            authority: &scenario.authority,
            committed: commitments.committed,
            refused: commitments.refused,
            assets: &prepared.assets,
            cost_weight: scenario.c2.cost_weight,
        };
        let plan = self.planner.plan(&ctx, &picture, shooters);
        self.picture = picture;
        for (track, reason) in plan.unengaged {
            let estimate = self.estimate(track);
            if let Some(threat) = estimate.and_then(|e| self.source.threat_of(e, &candidates)) {
                notes.push((threat, reason));
            }
        }
        let orders = plan
            .orders
            .into_iter()
            .filter_map(|order| {
                let estimate = self.estimate(order.track)?;
                Some(Decided {
                    order,
                    threat: self.source.threat_of(estimate, &candidates)?,
                    sensor_nations: estimate.nations,
                })
            })
            .collect();
        let quiet_until = plan.quiet_until.unwrap_or(SimTime::START);
        self.next_decision = (now + scenario.decision_cycle).max(quiet_until);
        Cycle { notes, orders }
    }

    /// The estimate of `track` in the current picture (whose tracks both picture sources build
    /// in id order).
    fn estimate(&self, track: TrackId) -> Option<&TrackEstimate> {
        let tracks = &self.picture.tracks;
        debug_assert!(tracks.windows(2).all(|pair| pair[0].id < pair[1].id));
        tracks
            .binary_search_by_key(&track, |estimate| estimate.id)
            .ok()
            .map(|index| &tracks[index])
    }

    /// Logs how good the picture was over the run, and who built it.
    pub fn finish(&self, prepared: &PreparedScenario, out: &mut Outbox, end: SimTime) {
        out.log(Event::PictureQuality {
            time: end,
            samples: self.quality.samples(),
            gospa_m: self.quality.mean_gospa_m(),
            completeness: self.quality.completeness(),
            spuriousness: self.quality.spuriousness(),
        });
        if let Some(shares) = self.source.shares() {
            let nations = shares
                .into_iter()
                .map(|(nation, share)| NationPictureShare {
                    nation: prepared.nation_code(nation),
                    tracks_contributed: share.tracks_contributed,
                    sole_source_tracks: share.sole_source_tracks,
                    sole_source_threats: share.sole_source_threats,
                })
                .collect();
            out.log(Event::PictureSources { time: end, nations });
        }
    }
}
