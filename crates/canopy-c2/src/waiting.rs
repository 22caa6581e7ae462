//! The value of waiting: whether one more look at a track, or a later layer, is worth more
//! than a shot now.
//!
//! A shot now is judged on C2's present belief. One more look (the next decision cycle) tells
//! apart what the track's kinematics can tell apart ([`LOOK_GROUPS`]: a slow drone-like track, a
//! cruise missile, a ballistic missile); within a group, a look tells nothing new (a radar does
//! not tell a decoy from a Shahed). If C2 waited and then knew the group, it would choose the
//! best shot for that group, or none. A later layer (a site the track will pass on its way,
//! [`crate::layers`]) may take a cheaper shot. Waiting is worth it when the expected net value
//! of the later choice exceeds the best net value of a shot now ([`worth_waiting`]). Net value
//! is the damage a shot is expected to avert less λ times its cost, as in the assignment's
//! objective.

use canopy_scenario::ThreatClass;

use crate::belief::ClassBelief;

/// Least time (s) a track must leave before it reaches its likeliest aim point for C2 to defer
/// it (assumed: five minutes, several decision cycles and the time a point defence at the aim
/// point needs; plausible range 2 to 10 minutes).
pub const DEFER_MIN_TIME_S: f64 = 300.0;

/// The groups of classes one more look can tell apart by their kinematics.
pub const LOOK_GROUPS: [&[ThreatClass]; 3] = [
    &[ThreatClass::Drone, ThreatClass::Decoy],
    &[ThreatClass::Cruise],
    &[ThreatClass::Ballistic],
];

/// One way to engage the track now: the munition's kill probability per class (in the order of
/// [`ThreatClass::ALL`]) and its cost (USD).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ShotOption {
    /// Kill probability against each class.
    pub pk_by_class: [f64; 4],
    /// Cost of the round (USD).
    pub cost_usd: f64,
}

/// What C2 weighs for one track: what it believes the track is, the damage expected of it
/// through each class (what a shot may avert), the time before it reaches its likeliest aim
/// point (`None`: it heads for none C2 defends, so waiting is not judged safe), the shots
/// possible now and those later layers could take ([`crate::layers`]).
#[derive(Clone, Copy, Debug)]
pub struct Choice<'a> {
    /// The class belief.
    pub belief: ClassBelief,
    /// The damage (USD) a shot may avert, through each class.
    pub class_values_usd: [f64; 4],
    /// Time before it reaches its likeliest aim point (s).
    pub time_to_aim_s: Option<f64>,
    /// Shots possible now.
    pub now: &'a [ShotOption],
    /// Shots later layers could take.
    pub later: &'a [ShotOption],
}

/// Whether to wait rather than shoot now, with λ = `cost_weight`. With the net value of a shot
/// `n(o, C) = Σ_(c in C) v_c pk_oc − λ cost_o`:
///
/// - shooting now is worth `max(0, max_o n(o, all classes))` over the shots possible now;
/// - one more look, then the best shot for the group `G` it shows, is worth
///   `Σ_G max(0, max_o n_G(o))` with the cost weighed by `P(G)`;
/// - a later layer is worth [`LATER_LAYER_AVAILABILITY`] `· max(0, max_o n(o, all classes))`
///   over the later layers' shots.
///
/// C2 waits only for a track heading for an aim point it defends at least [`DEFER_MIN_TIME_S`]
/// away, and when the better of the two ways of waiting beats shooting now by [`WAIT_MARGIN`].
pub fn worth_waiting(choice: &Choice, cost_weight: f64) -> bool {
    if !choice.time_to_aim_s.is_some_and(|t| t >= DEFER_MIN_TIME_S) {
        return false;
    }
    let values = &choice.class_values_usd;
    let now = best_net_value(values, choice.now, cost_weight, &ThreatClass::ALL).max(0.0);
    let look = if !choice.now.is_empty() {
        LOOK_GROUPS
            .iter()
            .map(|group| {
                let chance = choice.belief.share(|class| group.contains(&class));
                best_net_value(values, choice.now, chance * cost_weight, group).max(0.0)
            })
            .sum()
    } else {
        0.0
    };
    let layer = LATER_LAYER_AVAILABILITY
        * best_net_value(values, choice.later, cost_weight, &ThreatClass::ALL).max(0.0);
    let wait = look.max(layer);
    wait > 0.0 && wait > now * (1.0 + WAIT_MARGIN)
}

/// The share of a later layer's shot C2 counts on when it weighs waiting for it (assumed: the
/// layer may be busy with other tracks, out of rounds, or the track may turn; plausible range
/// 0.5 to 0.9).
pub const LATER_LAYER_AVAILABILITY: f64 = 0.8;

/// Waiting must beat shooting now by this share of the shot's net value: a look costs a cycle.
pub const WAIT_MARGIN: f64 = 0.05;

/// The best net value of one shot among `options`, counting only the values of the classes of
/// `group` and weighing costs by `cost_weight`.
fn best_net_value(
    class_values_usd: &[f64; 4],
    options: &[ShotOption],
    cost_weight: f64,
    group: &[ThreatClass],
) -> f64 {
    options
        .iter()
        .map(|option| {
            group
                .iter()
                .map(|class| class_values_usd[class.index()] * option.pk_by_class[class.index()])
                .sum::<f64>()
                - cost_weight * option.cost_usd
        })
        .fold(f64::NEG_INFINITY, f64::max)
}
