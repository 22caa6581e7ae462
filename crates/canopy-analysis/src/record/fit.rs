//! The fit of the model to the strike record (`canopy fit`, docs/validation.md): approximate
//! Bayesian computation over a grid.
//!
//! Each [`Knob`] is a set of assumed numbers of the library, moved together to the same quantile
//! `u` of each one's assumed range, and fitted on the groups of the record it decides. The
//! window's nights are flown with every knob at the same `u`, for `u` on an even grid (the knobs
//! act on disjoint groups, so one replay gives every group's response at once). A knob's
//! posterior over `u` is its uniform prior times, for each of its groups, a Gaussian kernel
//! `exp(-(r(u) - r_reported)² / 2ε²)`, where `r(u)` is the group's pooled predicted rate
//! interpolated linearly between grid points and `ε` the tolerance: the spread of the reported
//! rate from quarter to quarter of the window (how far the next window's rate may move), the
//! reported rate's own binomial error and the replay's Monte Carlo spread, in quadrature. The
//! fitted quantile is the posterior median, its range the 5 %–95 % posterior quantiles. A knob whose best grid point still misses one of its
//! groups by more than two tolerances is reported as a misfit: the model cannot reach the record
//! by that knob, and its numbers are not fitted.

use std::collections::BTreeMap;

use serde::Serialize;

use canopy_scenario::{Library, Scenario};

use super::date::Date;
use super::group::Group;
use super::nights::NightPlan;
use super::score::{NightRow, Scores, score};
use super::table::RecordTable;
use super::{ReplayOptions, replay};
use crate::stats::moments;
use crate::uncertainty::PK_FIELDS;

/// Assumed numbers of the library moved together, and the groups of the record they decide.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Knob {
    /// The knob's name.
    pub name: &'static str,
    /// The groups of the record it is fitted on.
    pub groups: &'static [Group],
    /// The kill-probability fields it moves, of every munition whose field is assumed.
    pub pk_fields: &'static [&'static str],
}

/// The fitted knobs: the kill probabilities, the least-known numbers of the library (no public
/// figure exists), by class of threat. The cross-sections of the threats were tried first and
/// left each group's rate within a few points over their whole ranges (docs/validation.md).
pub const KNOBS: [Knob; 3] = [
    Knob {
        name: "drone-kill",
        groups: &[Group::Shahed],
        pk_fields: &["pk_drone", "pk_decoy"],
    },
    Knob {
        name: "cruise-kill",
        groups: &[Group::Kh101, Group::Kalibr],
        pk_fields: &["pk_cruise"],
    },
    Knob {
        name: "ballistic-kill",
        groups: &[Group::IskanderM, Group::Kinzhal],
        pk_fields: &["pk_ballistic"],
    },
];

/// Points of the fine grid over `u` on which each posterior is evaluated.
const POSTERIOR_POINTS: usize = 201;

/// The posterior quantiles reported: the range's ends and the median.
const POSTERIOR_QUANTILES: [f64; 3] = [0.05, 0.5, 0.95];

/// One group's response to a knob.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupResponse {
    /// The group.
    pub group: Group,
    /// Its pooled predicted rate at each grid point, mean over replications.
    pub predicted_rates: Vec<f64>,
    /// Its reported pooled rate over the window.
    pub reported_rate: f64,
    /// The kernel's tolerance ε, a rate.
    pub tolerance: f64,
}

/// One knob's fit, as quantiles of each of its numbers' assumed range.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KnobFit {
    /// The knob.
    pub knob: Knob,
    /// The quantiles flown (the grid).
    pub grid: Vec<f64>,
    /// Its groups' responses (those with launches in the window).
    pub groups: Vec<GroupResponse>,
    /// Whether some grid point comes within two tolerances of every group's reported rate (and
    /// some group had launches); if not, the knob cannot reach the record and is not fitted.
    pub reaches: bool,
    /// The posterior median quantile: the fitted quantile.
    pub quantile: f64,
    /// The 5 % and 95 % posterior quantiles of the quantile: the range the fit leaves.
    pub quantile_range: [f64; 2],
}

/// A fit's settings.
#[derive(Clone, Copy, Debug)]
pub struct FitOptions {
    /// Grid points over each knob's range, at least 2.
    pub grid: usize,
    /// How each grid point's nights are flown (`draw_fitted` is ignored: the knobs are set).
    pub replay: ReplayOptions,
}

/// Fits every knob to the window's nights flown against `defence`.
pub fn fit(
    table: &RecordTable,
    nights: &[NightPlan],
    defence: &Scenario,
    options: &FitOptions,
) -> Result<Vec<KnobFit>, String> {
    if options.grid < 2 {
        return Err(format!(
            "a grid of {} points; allowed: 2 or more",
            options.grid
        ));
    }
    let replay_options = ReplayOptions {
        draw_fitted: false,
        ..options.replay
    };
    let steps: Vec<f64> = (0..options.grid)
        .map(|k| k as f64 / (options.grid - 1) as f64)
        .collect();
    let mut flown = Vec::new();
    for &u in &steps {
        let mut scenario = defence.clone();
        for knob in &KNOBS {
            set_quantile(&mut scenario.library, knob, u);
        }
        let runs = replay(nights, &scenario, &replay_options)?;
        flown.push(score(table, nights, &runs.runs));
    }
    Ok(KNOBS
        .iter()
        .map(|knob| fit_knob(knob, &steps, &flown))
        .collect())
}

/// One knob's posterior from the scores at each grid point.
fn fit_knob(knob: &Knob, steps: &[f64], flown: &[Scores]) -> KnobFit {
    let groups: Vec<GroupResponse> = knob
        .groups
        .iter()
        .filter_map(|&group| response(group, flown))
        .collect();
    // a knob whose groups had no launches in the window has nothing to be fitted on
    let reaches = !groups.is_empty()
        && steps.iter().enumerate().any(|(k, _)| {
            groups
                .iter()
                .all(|g| (g.predicted_rates[k] - g.reported_rate).abs() <= 2.0 * g.tolerance)
        });
    let [lo, median, hi] = posterior_quantiles(steps, &groups);
    KnobFit {
        knob: *knob,
        grid: steps.to_vec(),
        groups,
        reaches,
        quantile: median,
        quantile_range: [lo, hi],
    }
}

/// A group's rates over the grid, if it had launches in the window.
fn response(group: Group, flown: &[Scores]) -> Option<GroupResponse> {
    let score_at = |scores: &Scores| {
        scores
            .groups
            .iter()
            .find(|(g, _)| *g == group)
            .map(|(_, score)| score.clone())
    };
    let first = flown.first().and_then(score_at)?;
    let reported_rate = first.reported_rate?;
    let mut predicted_rates = Vec::new();
    let mut monte_carlo = 0.0_f64;
    for scores in flown {
        let score = score_at(scores)?;
        predicted_rates.push(score.predicted_rate.unwrap_or(0.0));
        // a 5 %-95 % interval of a normal spread is 3.29 standard deviations wide
        let spread = score
            .predicted_interval
            .map_or(0.0, |[lo, hi]| (hi - lo) / 3.29);
        monte_carlo = monte_carlo.max(spread);
    }
    let drift = quarterly_spread(&flown[0].rows, group);
    let sampling = binomial_spread(reported_rate, first.launched);
    Some(GroupResponse {
        group,
        predicted_rates,
        reported_rate,
        tolerance: drift.hypot(monte_carlo).hypot(sampling),
    })
}

/// Moves every number of `knob` to quantile `u` of its assumed range.
pub fn set_quantile(library: &mut Library, knob: &Knob, u: f64) {
    for munition in &mut library.munitions {
        for (field, value) in PK_FIELDS.into_iter().zip(&mut munition.pk) {
            if !knob.pk_fields.contains(&field) {
                continue;
            }
            if let Some((low, high)) = munition.provenance.get(field).and_then(|p| p.prior_range())
            {
                *value = low + u * (high - low);
            }
        }
    }
}

/// The standard deviation of a group's reported rate pooled by calendar quarter, over the
/// quarters of the window with launches (0 with fewer than two).
pub fn quarterly_spread(rows: &[NightRow], group: Group) -> f64 {
    // (launched, neutralised) by (year, quarter); a row's night is written by `Date`
    let mut quarters: BTreeMap<(i32, u32), (u32, u32)> = BTreeMap::new();
    for row in rows.iter().filter(|row| row.group == group) {
        if let Some(night) = Date::parse(&row.night) {
            let (launched, neutralised) = quarters
                .entry((night.year, (night.month - 1) / 3))
                .or_default();
            *launched += row.launched;
            *neutralised += row.reported_destroyed + row.reported_not_reach_goal;
        }
    }
    let rates: Vec<f64> = quarters
        .values()
        .filter(|(launched, _)| *launched > 0)
        .map(|&(launched, neutralised)| f64::from(neutralised) / f64::from(launched))
        .collect();
    moments(&rates).map_or(0.0, |m| m.sd)
}

/// The standard error of a rate `p` observed on `n` launches, `√((p(1 − p) + 1/4n) / n)`: the
/// binomial one, kept above zero at a rate of 0 or 1 (as if half a launch had gone either way).
pub fn binomial_spread(p: f64, n: u32) -> f64 {
    let n = f64::from(n.max(1));
    ((p * (1.0 - p) + 0.25 / n) / n).sqrt()
}

/// The 5 %, 50 % and 95 % quantiles of `u` under a uniform prior on [0, 1] and, for each group,
/// the Gaussian kernel of its tolerance around its reported rate, with its response at `steps`
/// interpolated linearly.
pub fn posterior_quantiles(steps: &[f64], groups: &[GroupResponse]) -> [f64; 3] {
    let us: Vec<f64> = (0..POSTERIOR_POINTS)
        .map(|i| i as f64 / (POSTERIOR_POINTS - 1) as f64)
        .collect();
    let misfit = |u: f64| {
        groups
            .iter()
            .map(|g| {
                let miss =
                    (interpolate(steps, &g.predicted_rates, u) - g.reported_rate) / g.tolerance;
                miss * miss
            })
            .sum::<f64>()
    };
    // relative to the best point, so that a poor fit does not underflow to nothing
    let least = us.iter().map(|&u| misfit(u)).fold(f64::INFINITY, f64::min);
    let weights: Vec<f64> = us
        .iter()
        .map(|&u| (-0.5 * (misfit(u) - least)).exp())
        .collect();
    let total: f64 = weights.iter().sum();
    let mut cumulative = 0.0;
    let mut cdf = Vec::with_capacity(us.len());
    for w in &weights {
        cumulative += w / total;
        cdf.push(cumulative);
    }
    POSTERIOR_QUANTILES.map(|q| {
        let i = cdf.partition_point(|&c| c < q).min(us.len() - 1);
        us[i]
    })
}

/// `rates` at `u`, linear between the `steps` they were flown at.
fn interpolate(steps: &[f64], rates: &[f64], u: f64) -> f64 {
    let i = steps.partition_point(|&s| s < u).clamp(1, steps.len() - 1);
    let (u0, u1) = (steps[i - 1], steps[i]);
    let t = if u1 > u0 { (u - u0) / (u1 - u0) } else { 0.0 };
    rates[i - 1] + t * (rates[i] - rates[i - 1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Predicted;

    fn response(predicted_rates: Vec<f64>, reported_rate: f64, tolerance: f64) -> GroupResponse {
        GroupResponse {
            group: Group::Shahed,
            predicted_rates,
            reported_rate,
            tolerance,
        }
    }

    /// The posterior of a linear response r(u) = u with one group is the normal N(reported,
    /// ε²) cut to [0, 1]: its 5 % and 95 % quantiles lie 1.645 ε either side.
    #[test]
    fn one_group_s_posterior_is_the_kernel_around_the_reported_rate() {
        let [lo, median, hi] =
            posterior_quantiles(&[0.0, 0.5, 1.0], &[response(vec![0.0, 0.5, 1.0], 0.5, 0.1)]);
        let step = 1.0 / (POSTERIOR_POINTS - 1) as f64;
        assert!((lo - (0.5 - 0.1645)).abs() <= step, "{lo}");
        assert!((median - 0.5).abs() <= step, "{median}");
        assert!((hi - (0.5 + 0.1645)).abs() <= step, "{hi}");
    }

    /// Two groups reported at 0.4 and 0.6, each ε = 0.1, on r(u) = u: the product of the kernels
    /// is N(0.5, 0.1² / 2), so the quantiles lie 1.645 × 0.0707 = 0.116 either side of 0.5.
    #[test]
    fn a_knob_s_groups_multiply_their_kernels() {
        let linear = vec![0.0, 1.0];
        let [lo, median, hi] = posterior_quantiles(
            &[0.0, 1.0],
            &[
                response(linear.clone(), 0.4, 0.1),
                response(linear, 0.6, 0.1),
            ],
        );
        let step = 1.0 / (POSTERIOR_POINTS - 1) as f64;
        assert!((lo - 0.3837).abs() <= step, "{lo}");
        assert!((median - 0.5).abs() <= step, "{median}");
        assert!((hi - 0.6163).abs() <= step, "{hi}");
    }

    /// A response far from the record still gives a posterior: near its closest point.
    #[test]
    fn a_response_far_from_the_record_points_at_its_closest_quantile() {
        let [lo, median, hi] =
            posterior_quantiles(&[0.0, 1.0], &[response(vec![0.0, 0.1], 0.9, 0.01)]);
        assert!(
            lo > 0.95 && median > 0.98 && hi == 1.0,
            "{lo} {median} {hi}"
        );
    }

    /// 30 of 40 launches: √((0.75 × 0.25 + 1/160) / 40) = √(0.19375 / 40) = 0.06960.
    #[test]
    fn the_binomial_spread_keeps_a_floor_at_zero_and_one() {
        assert!((binomial_spread(0.75, 40) - (0.19375_f64 / 40.0).sqrt()).abs() < 1e-12);
        assert!((binomial_spread(0.0, 25) - 0.02).abs() < 1e-12);
    }

    /// The cruise knob at u = 0 and 1 puts every munition's `pk_cruise` at its assumed range's
    /// ends and leaves the other kill probabilities as they were.
    #[test]
    fn a_knob_moves_its_fields_to_the_quantile_of_each_range() {
        let bundled = Library::bundled().expect("bundled library is valid");
        for (u, end) in [(0.0, 0), (1.0, 1)] {
            let mut library = bundled.clone();
            set_quantile(&mut library, &KNOBS[1], u);
            for (moved, original) in library.munitions.iter().zip(&bundled.munitions) {
                let range = original.provenance["pk_cruise"].range.expect("assumed");
                assert_eq!(moved.pk[2], [range.0, range.1][end], "{}", moved.id);
                assert_eq!(
                    [moved.pk[0], moved.pk[1], moved.pk[3]],
                    [original.pk[0], original.pk[1], original.pk[3]]
                );
            }
        }
    }

    fn night(night: &str, launched: u32, neutralised: u32) -> NightRow {
        let zero = Predicted::of(&[]);
        NightRow {
            night: night.to_string(),
            group: Group::Kalibr,
            launched,
            reported_destroyed: neutralised,
            reported_not_reach_goal: 0,
            predicted_destroyed: zero,
            predicted_lost: zero,
            predicted_leaked: zero,
        }
    }

    /// Q3 pools 6 + 3 of 10 = 0.9, Q4 14 of 20 = 0.7: their standard deviation is
    /// √((0.1² + 0.1²) / 1) = 0.1414.
    #[test]
    fn the_quarterly_spread_pools_each_quarter_first() {
        let rows = [
            night("2024-07-02", 6, 6),
            night("2024-09-30", 4, 3),
            night("2024-10-01", 20, 14),
        ];
        let spread = quarterly_spread(&rows, Group::Kalibr);
        assert!((spread - 0.02_f64.sqrt()).abs() < 1e-12, "{spread}");
        assert_eq!(quarterly_spread(&rows, Group::Shahed), 0.0);
    }
}
