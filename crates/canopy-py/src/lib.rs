//! `canopy._canopy`: the native half of the Python package `canopy` (docs/python.md). Each
//! function is a thin call into the library crates, the same calls the `canopy` binary makes, so
//! Python gets what the command line writes: `run` the JSON summary of `canopy run`, `mc` the
//! bytes of `runs.parquet`, `mc_shard` and `merge` the parts of `--shard K/N` and what `canopy
//! merge` makes of them. Tables cross as Parquet bytes, which the Python half reads with pyarrow.
//! Simulations run with the GIL released and stop on Ctrl-C ([`interrupt`]).

mod choices;
mod errors;
mod interrupt;
mod nights;
mod shards;

use std::path::{Path, PathBuf};

use canopy_analysis::compare::{OptionSpec, Shared, load_batches, run_comparison};
use canopy_analysis::sweep::{Param, sweep_options};
use canopy_analysis::{
    Completion, DEFAULT_BATCH_SIZE, Execution, Shard, load_night, run_experiment, run_range,
};
use canopy_io::{Missing, Table, parquet_bytes};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyBytes, PyDict};

use canopy_sim::RunOutcome;
use choices::{Choices, Source};
use errors::{ScenarioError, mc_error, option_error, output_error, scenario_error};
use interrupt::interruptible;
use shards::ShardFiles;

/// mimalloc, as in the `canopy` binary: the simulation allocates and frees many small buffers
/// per step (docs/dependencies.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// One option of a comparison as the Python half passes it: name, scenario file, settings.
type OptionTuple = (String, PathBuf, Vec<String>);

/// How a call runs its replications: `threads` workers (0: one per core), stopping when `cancel`
/// is set.
fn execution(threads: usize, cancel: &std::sync::atomic::AtomicBool) -> Execution<'_> {
    Execution {
        threads,
        batch_size: DEFAULT_BATCH_SIZE,
        stop_after: None,
        cancel: Some(cancel),
    }
}

/// Checks a scenario file as `canopy validate` does; returns its one-line summary.
#[pyfunction]
fn validate(scenario: PathBuf) -> PyResult<String> {
    let loaded = canopy_scenario::load_scenario(&scenario).map_err(scenario_error)?;
    Ok(format!("{}: {}", scenario.display(), loaded.summary()))
}

/// Validates the scenario (with its overlays) and returns the master seed a call with `seed`
/// would use.
#[pyfunction]
#[pyo3(signature = (scenario, source, choices))]
fn master_seed(
    scenario: PathBuf,
    source: Option<PyBackedBytes>,
    choices: Choices,
) -> PyResult<u64> {
    let (loaded, _) = Source::new(scenario, source).load(&choices.overlays()?)?;
    Ok(choices.seed.unwrap_or(loaded.seed))
}

/// One night as `canopy run` simulates it, interruptible, with the GIL released.
fn simulate_night(py: Python<'_>, scenario: &Path, choices: &Choices) -> PyResult<RunOutcome> {
    let (picture, planner) = choices.c2()?;
    let (prepared, options) = load_night(
        scenario,
        &choices.overlays()?,
        choices.seed,
        picture,
        planner,
    )
    .map_err(scenario_error)?;
    interruptible(py, |_| canopy_sim::run(&prepared, &options, &mut []))
}

/// One night as `canopy run` simulates it: its `RunMetrics` as JSON text.
#[pyfunction]
fn run(py: Python<'_>, scenario: PathBuf, choices: Choices) -> PyResult<String> {
    let outcome = simulate_night(py, &scenario, &choices)?;
    serde_json::to_string(&outcome.metrics).map_err(|err| PyValueError::new_err(err.to_string()))
}

/// The event log of the night `run` simulates, as the bytes of a Parquet table: one row per
/// event, the columns the union of the events' flattened fields (as in `events.parquet`).
#[pyfunction]
fn events(py: Python<'_>, scenario: PathBuf, choices: Choices) -> PyResult<Py<PyBytes>> {
    let outcome = simulate_night(py, &scenario, &choices)?;
    let rows: Vec<serde_json::Value> = outcome
        .events
        .iter()
        .map(serde_json::to_value)
        .collect::<Result<_, _>>()
        .map_err(|err| PyValueError::new_err(err.to_string()))?;
    let table = Table::from_rows(&rows, Missing::Null);
    let bytes = parquet_bytes(Path::new("the event log"), &table).map_err(output_error)?;
    Ok(PyBytes::new(py, &bytes).unbind())
}

/// A Monte Carlo as `canopy mc` runs it: the bytes of its `runs.parquet`.
#[pyfunction]
fn mc(
    py: Python<'_>,
    scenario: PathBuf,
    runs: u64,
    threads: usize,
    choices: Choices,
) -> PyResult<Py<PyBytes>> {
    let (prepared, manifest) = Source::new(scenario, None).experiment(runs, &choices)?;
    let dir = shards::scratch()?;
    let outputs = interruptible(py, |cancel| {
        run_experiment(
            &prepared,
            &manifest,
            dir.path(),
            Shard::WHOLE,
            execution(threads, cancel),
            &|| {},
        )
    })?
    .map_err(mc_error)?;
    if outputs.is_none() {
        return Err(shards::stopped());
    }
    shards::runs_parquet(py, dir.path())
}

/// Shard `shard` (`K/N`) of a Monte Carlo, as `canopy mc --shard K/N` runs it: the files of its
/// `parts/` folder (manifest and part files), by name. `source` is the scenario file's bytes
/// when they were read elsewhere (on the machine that submitted the task); `scenario` then only
/// names it and locates the files it names.
#[pyfunction]
#[pyo3(signature = (scenario, source, runs, shard, threads, choices))]
fn mc_shard(
    py: Python<'_>,
    scenario: PathBuf,
    source: Option<PyBackedBytes>,
    runs: u64,
    shard: &str,
    threads: usize,
    choices: Choices,
) -> PyResult<Py<PyDict>> {
    let shard = Shard::parse(shard).map_err(PyValueError::new_err)?;
    let (prepared, manifest) = Source::new(scenario, source).experiment(runs, &choices)?;
    let dir = shards::scratch()?;
    let completion = interruptible(py, |cancel| {
        run_range(
            &prepared,
            &manifest,
            dir.path(),
            shard.range(runs),
            execution(threads, cancel),
            &|| {},
        )
    })?
    .map_err(mc_error)?;
    if !matches!(completion, Completion::Complete { .. }) {
        return Err(shards::stopped());
    }
    shards::parts_to_dict(py, dir.path())
}

/// The shards of one Monte Carlo (each the files `mc_shard` returned) merged as `canopy merge`
/// merges their directories: the bytes of the merged `runs.parquet`.
#[pyfunction]
fn merge(py: Python<'_>, shards: Vec<ShardFiles>) -> PyResult<Py<PyBytes>> {
    let scratch = shards::scratch()?;
    let merged = py.detach(|| shards::merge_into(&shards, scratch.path(), Path::new("merged")))?;
    shards::runs_parquet(py, &merged)
}

/// A comparison of options as `canopy compare` runs it (every option the same seed and
/// replications): its `compare.json` as text.
#[pyfunction]
fn compare(
    py: Python<'_>,
    options: Vec<OptionTuple>,
    runs: u64,
    threads: usize,
    choices: Choices,
) -> PyResult<String> {
    let (picture, planner) = choices.c2()?;
    let shared = Shared {
        runs,
        seed: choices.seed,
        picture,
        planner,
    };
    let batches = load_batches(&specs(options), shared).map_err(option_error)?;
    let dir = shards::scratch()?;
    let (comparison, _) = interruptible(py, |cancel| {
        run_comparison(&batches, dir.path(), execution(threads, cancel), &|| {})
    })?
    .map_err(mc_error)?;
    shards::json(&comparison)
}

/// The comparison of options from the shards of each option's Monte Carlo (`shards[i]`: the
/// shards of option `i`, each as `mc_shard` returned it), as `compare` would have made it.
#[pyfunction]
fn compare_shards(
    py: Python<'_>,
    options: Vec<OptionTuple>,
    seed: u64,
    runs: u64,
    shards: Vec<Vec<ShardFiles>>,
) -> PyResult<String> {
    let options = specs(options);
    let comparison = py.detach(|| shards::compare_shards(&options, seed, runs, &shards))?;
    shards::json(&comparison)
}

/// The options of a sweep of `scenario` as `canopy sweep` makes them: `(name, file, settings)`
/// for each combination of the parameters' values, the first parameter varying slowest.
#[pyfunction]
fn sweep_grid(
    scenario: PathBuf,
    params: Vec<(String, Vec<String>)>,
    sets: Vec<String>,
) -> Vec<OptionTuple> {
    let params: Vec<Param> = params
        .into_iter()
        .map(|(key, values)| Param { key, values })
        .collect();
    sweep_options(&scenario, &params, &sets)
        .into_iter()
        .map(|spec| (spec.name, spec.file, spec.sets))
        .collect()
}

/// The options as the library takes them.
fn specs(options: Vec<OptionTuple>) -> Vec<OptionSpec> {
    options
        .into_iter()
        .map(|(name, file, sets)| OptionSpec { name, file, sets })
        .collect()
}

/// The record's nights (`table`: the record table's text) from `from_` to `to` flown against
/// the defence as `canopy record` flies them: its `summary.json` as text (without the
/// counterfactual) and the bytes of its `nights.parquet`.
#[pyfunction]
#[pyo3(signature = (table, from_, to, scenario, runs, threads, choices))]
#[allow(clippy::too_many_arguments)]
fn record(
    py: Python<'_>,
    table: &str,
    from_: &str,
    to: &str,
    scenario: Option<PathBuf>,
    runs: u64,
    threads: usize,
    choices: Choices,
) -> PyResult<(String, Py<PyBytes>)> {
    let window = nights::Window::new(table, from_, to)?;
    let (base, options) = nights::defence(scenario, None, runs, threads, &choices)?;
    let flown = py.detach(|| nights::fly(&window, &base, &options, "1/1"))?;
    nights::scored(py, &window, &base, runs, &flown)
}

/// Shard `shard` (`K/N`) of the nights `record` flies (a contiguous slice of them, cut as
/// `canopy mc --shard` cuts replications): each night's replications and the launch places not
/// placed, as JSON text. `source` is the scenario file's bytes when they were read elsewhere.
#[pyfunction]
#[pyo3(signature = (table, from_, to, scenario, source, runs, shard, threads, choices))]
#[allow(clippy::too_many_arguments)]
fn record_shard(
    py: Python<'_>,
    table: &str,
    from_: &str,
    to: &str,
    scenario: Option<PathBuf>,
    source: Option<PyBackedBytes>,
    runs: u64,
    shard: &str,
    threads: usize,
    choices: Choices,
) -> PyResult<String> {
    let window = nights::Window::new(table, from_, to)?;
    let (base, options) = nights::defence(scenario, source, runs, threads, &choices)?;
    let flown = py.detach(|| nights::fly(&window, &base, &options, shard))?;
    nights::to_json(&flown)
}

/// The shards `1/N` to `N/N` of `record_shard`, in order, scored as `record` scores the whole
/// window: the same summary text and table bytes.
#[pyfunction]
#[pyo3(signature = (table, from_, to, scenario, source, runs, choices, shards))]
#[allow(clippy::too_many_arguments)]
fn record_scores(
    py: Python<'_>,
    table: &str,
    from_: &str,
    to: &str,
    scenario: Option<PathBuf>,
    source: Option<PyBackedBytes>,
    runs: u64,
    choices: Choices,
    shards: Vec<String>,
) -> PyResult<(String, Py<PyBytes>)> {
    let window = nights::Window::new(table, from_, to)?;
    let (base, _) = nights::defence(scenario, source, runs, 1, &choices)?;
    let parts = shards
        .iter()
        .map(|text| nights::from_json(text))
        .collect::<PyResult<Vec<_>>>()?;
    let flown = canopy_analysis::record::Replay::join(parts);
    nights::scored(py, &window, &base, runs, &flown)
}

/// The module `canopy._canopy`.
#[pymodule]
fn _canopy(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("ScenarioError", module.py().get_type::<ScenarioError>())?;
    module.add_function(wrap_pyfunction!(validate, module)?)?;
    module.add_function(wrap_pyfunction!(master_seed, module)?)?;
    module.add_function(wrap_pyfunction!(run, module)?)?;
    module.add_function(wrap_pyfunction!(events, module)?)?;
    module.add_function(wrap_pyfunction!(mc, module)?)?;
    module.add_function(wrap_pyfunction!(mc_shard, module)?)?;
    module.add_function(wrap_pyfunction!(merge, module)?)?;
    module.add_function(wrap_pyfunction!(compare, module)?)?;
    module.add_function(wrap_pyfunction!(compare_shards, module)?)?;
    module.add_function(wrap_pyfunction!(sweep_grid, module)?)?;
    module.add_function(wrap_pyfunction!(record, module)?)?;
    module.add_function(wrap_pyfunction!(record_shard, module)?)?;
    module.add_function(wrap_pyfunction!(record_scores, module)?)?;
    Ok(())
}
