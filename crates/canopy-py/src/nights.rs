//! `canopy record` from Python: the record table's text, the window and the defence read as the
//! command reads them, a shard of the window's nights flown (what a cluster task sends back is
//! its [`Replay`] as JSON), and the shards scored into the command's `summary.json` and
//! `nights.parquet`.

use std::path::{Path, PathBuf};

use canopy_analysis::Shard;
use canopy_analysis::record::{
    Date, NightPlan, RecordSummary, RecordTable, Replay, ReplayOptions, nights_table, plan_nights,
    read_record, replay_shard, score,
};
use canopy_scenario::Scenario;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::PyBytes;

use crate::choices::{Choices, Source};
use crate::errors::output_error;

/// The record table read and its window planned, as `canopy record` reads and plans them.
pub struct Window {
    table: RecordTable,
    nights: Vec<NightPlan>,
    from: Date,
    to: Date,
}

fn date(text: &str, name: &str) -> PyResult<Date> {
    Date::parse(text).ok_or_else(|| {
        PyValueError::new_err(format!(
            "{name} `{text}` is not a date; allowed: YYYY-MM-DD"
        ))
    })
}

impl Window {
    /// The table's text and the window's first and last nights (`YYYY-MM-DD`, included).
    pub fn new(text: &str, from: &str, to: &str) -> PyResult<Window> {
        let (from, to) = (date(from, "from")?, date(to, "to")?);
        if from > to {
            return Err(PyValueError::new_err(format!(
                "from {from} is after to {to}; allowed: a window whose first night is not after its last"
            )));
        }
        let table = read_record(text)
            .map_err(|err| PyValueError::new_err(format!("the record table: {err}")))?;
        let nights = plan_nights(&table, from, to);
        Ok(Window {
            table,
            nights,
            from,
            to,
        })
    }
}

/// The defence (`scenario`, or `scenarios/ukraine-2025.toml` as for `canopy record`) and how to
/// fly it: `runs` replications a night on `threads` threads, each drawing the library's fitted
/// numbers.
pub fn defence(
    scenario: Option<PathBuf>,
    source: Option<PyBackedBytes>,
    runs: u64,
    threads: usize,
    choices: &Choices,
) -> PyResult<(Scenario, ReplayOptions)> {
    let path = scenario.unwrap_or_else(|| {
        canopy_scenario::default_scenario_path().with_file_name("ukraine-2025.toml")
    });
    let (base, _) = Source::new(path, source).load(&choices.overlays()?)?;
    let (picture, planner) = choices.c2()?;
    let options = ReplayOptions {
        runs,
        seed: choices.seed.unwrap_or(base.seed),
        threads,
        picture,
        planner,
        draw_fitted: true,
    };
    Ok((base, options))
}

/// Flies shard `shard` (`K/N`) of the window's nights.
pub fn fly(
    window: &Window,
    base: &Scenario,
    options: &ReplayOptions,
    shard: &str,
) -> PyResult<Replay> {
    let shard = Shard::parse(shard).map_err(PyValueError::new_err)?;
    replay_shard(&window.nights, base, options, shard).map_err(PyValueError::new_err)
}

/// A shard's replay as JSON text, and back.
pub fn to_json(replay: &Replay) -> PyResult<String> {
    serde_json::to_string(replay).map_err(|err| PyRuntimeError::new_err(err.to_string()))
}

/// A shard's replay from the JSON text [`to_json`] wrote.
pub fn from_json(text: &str) -> PyResult<Replay> {
    serde_json::from_str(text)
        .map_err(|err| PyValueError::new_err(format!("not the replay of a shard of nights: {err}")))
}

/// The whole window's replay scored as `canopy record` scores it: the text of its
/// `summary.json` (without the counterfactual) and the bytes of its `nights.parquet`.
pub fn scored(
    py: Python<'_>,
    window: &Window,
    base: &Scenario,
    runs: u64,
    flown: &Replay,
) -> PyResult<(String, Py<PyBytes>)> {
    if flown.runs.len() != window.nights.len() {
        return Err(PyValueError::new_err(format!(
            "the shards fly {} nights but the window has {}",
            flown.runs.len(),
            window.nights.len()
        )));
    }
    let scores = score(&window.table, &window.nights, &flown.runs);
    let summary = RecordSummary::new(
        (window.from, window.to),
        (&window.table, &window.nights, &scores),
        (runs, &base.name),
        flown.unplaced.clone(),
    );
    let summary =
        serde_json::to_string(&summary).map_err(|err| PyRuntimeError::new_err(err.to_string()))?;
    let table = nights_table(&scores.rows);
    let bytes =
        canopy_io::parquet_bytes(Path::new("nights.parquet"), &table).map_err(output_error)?;
    Ok((summary, PyBytes::new(py, &bytes).unbind()))
}
