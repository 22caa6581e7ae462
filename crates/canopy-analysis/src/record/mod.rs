//! `canopy record`: the public strike record replayed night by night against a defence, and the
//! model's rates set against the reported ones.
//!
//! The record table is the user's copy (the project ships none). Its Air Force HQ rows are read
//! ([`table`]), grouped into nights of raids ([`nights`]), each night flown N times against the
//! defence scenario with its raids replaced by the night's ([`replay`]), and the outcome scored
//! by group ([`score`]).

pub mod counterfactual;
pub mod date;
pub mod fit;
pub mod group;
pub mod launch_places;
pub mod naive;
pub mod nights;
pub mod outputs;
pub mod predicted;
pub mod replay;
pub mod score;
pub mod summary;
pub mod table;

use std::collections::BTreeMap;

use canopy_core::StreamKey;
use canopy_scenario::Scenario;
use canopy_sim::{PictureMode, PlannerKind, PreparedScenario, RunOptions};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::Shard;

use crate::uncertainty::{has_fitted, sample_fitted};

pub use counterfactual::{CounterfactualSummary, NightComparison, compare_nights};
pub use date::Date;
pub use fit::{FitOptions, KNOBS, Knob, KnobFit, fit};
pub use group::Group;
pub use naive::{NaiveForecast, naive_forecast};
pub use nights::{NightPlan, RaidPlan, plan_nights};
pub use outputs::{nights_table, write_outputs};
pub use replay::{Defence, NightRun, night_scenario, run_night};
pub use score::{GroupScore, NightRow, Predicted, Scores, score};
pub use summary::RecordSummary;
pub use table::{RecordRow, RecordTable, SkippedRow, read_record};

/// How to replay: replications per night, master seed, threads, picture and planner.
#[derive(Clone, Copy, Debug)]
pub struct ReplayOptions {
    /// Replications per night.
    pub runs: u64,
    /// Master seed: replication `r` of every night draws from the streams of `(seed, r)`.
    pub seed: u64,
    /// Worker threads (0: one per core).
    pub threads: usize,
    /// Air picture.
    pub picture: PictureMode,
    /// Planner.
    pub planner: PlannerKind,
    /// Whether each replication draws the library's numbers fitted to the record from the range
    /// the fit left them ([`crate::uncertainty::sample_fitted`]), so that the predicted interval
    /// carries what the fit leaves unknown; `false` flies the library's values.
    pub draw_fitted: bool,
}

/// The nights of a window flown against one defence (or a shard of them, [`replay_shard`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Replay {
    /// Each night's replications, in night order.
    pub runs: Vec<Vec<NightRun>>,
    /// Launch place names Canopy could not place, with the raids that named them.
    pub unplaced: BTreeMap<String, u64>,
}

/// Flies every night `options.runs` times against `defence`, in parallel on `options.threads`
/// threads; results do not depend on the thread count.
pub fn replay(
    nights: &[NightPlan],
    defence: &Scenario,
    options: &ReplayOptions,
) -> Result<Replay, String> {
    let defence_plan = Defence::new(defence.clone());
    let launch_places = launch_places::bundled();
    let mut unplaced: BTreeMap<String, u64> = BTreeMap::new();
    let mut scenarios = Vec::with_capacity(nights.len());
    for night in nights {
        let built = night_scenario(&defence_plan, night, &launch_places)
            .map_err(|err| format!("night {}: {err}", night.night))?;
        for name in built.unplaced {
            *unplaced.entry(name).or_default() += 1;
        }
        scenarios.push(built.scenario);
    }
    let draw_fitted = options.draw_fitted && has_fitted(&defence.library);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .build()
        .map_err(|err| format!("cannot start {} threads: {err}", options.threads))?;
    let runs = pool.install(|| {
        let prepared: Vec<PreparedScenario> = scenarios
            .into_par_iter()
            .map(PreparedScenario::new)
            .collect();
        let jobs: Vec<(usize, u64)> = (0..prepared.len())
            .flat_map(|night| (0..options.runs).map(move |r| (night, r)))
            .collect();
        let results: Vec<NightRun> = jobs
            .into_par_iter()
            .map(|(night, replication)| {
                let run_options = RunOptions {
                    seed: options.seed,
                    replication,
                    picture: options.picture,
                    planner: options.planner,
                };
                if draw_fitted {
                    let mut scenario = prepared[night].scenario.clone();
                    sample_fitted(
                        &mut scenario.library,
                        &StreamKey::new(options.seed, replication),
                    );
                    run_night(&PreparedScenario::new(scenario), &run_options)
                } else {
                    run_night(&prepared[night], &run_options)
                }
            })
            .collect();
        let per_night = options.runs.max(1) as usize;
        results
            .chunks(per_night)
            .map(<[NightRun]>::to_vec)
            .collect::<Vec<_>>()
    });
    Ok(Replay { runs, unplaced })
}

impl Replay {
    /// The shards of a window's nights, in shard order, joined into the replay of the whole
    /// window: their runs one after the other, their unplaced launch places added up.
    pub fn join(shards: impl IntoIterator<Item = Replay>) -> Replay {
        let mut whole = Replay::default();
        for shard in shards {
            whole.runs.extend(shard.runs);
            for (name, raids) in shard.unplaced {
                *whole.unplaced.entry(name).or_default() += raids;
            }
        }
        whole
    }
}

/// Flies shard `shard` of the nights: the contiguous slice [`Shard::range`] cuts from them, as
/// `canopy mc --shard` cuts replications. Replication `r` of every night draws from the streams
/// of `(seed, r)` whichever shard flies it, so [`Replay::join`] of shards `1/N` to `N/N` is
/// [`replay`] of every night.
pub fn replay_shard(
    nights: &[NightPlan],
    defence: &Scenario,
    options: &ReplayOptions,
    shard: Shard,
) -> Result<Replay, String> {
    let range = shard.range(nights.len() as u64);
    replay(
        &nights[range.start as usize..range.end as usize],
        defence,
        options,
    )
}
