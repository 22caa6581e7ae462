//! The arguments every call shares, read from Python at the edge: the master seed, the picture,
//! the planner and the overlays; and where the scenario comes from.

use std::path::PathBuf;

use canopy_analysis::Manifest;
use canopy_scenario::{Overlay, Scenario, load_scenario_with, scenario_from_bytes};
use canopy_sim::{PictureMode, PlannerKind, PreparedScenario};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;

use crate::errors::scenario_error;

/// The shared arguments, as the Python half passes them: a dict with the keys `seed` (int or
/// None), `picture` and `planner` (str or None: the defaults) and `set` (`KEY=VALUE` strings).
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub struct Choices {
    /// The master seed; `None` for the scenario's own.
    pub seed: Option<u64>,
    /// The air picture's name.
    picture: Option<String>,
    /// The planner's name.
    planner: Option<String>,
    /// The overlays, `KEY=VALUE` as after `--set`.
    #[pyo3(item("set"))]
    sets: Vec<String>,
}

impl Choices {
    /// The picture and the planner, the defaults where none is named.
    pub fn c2(&self) -> PyResult<(PictureMode, PlannerKind)> {
        let picture = match &self.picture {
            Some(name) => name.parse().map_err(value_error)?,
            None => PictureMode::default(),
        };
        let planner = match &self.planner {
            Some(name) => name.parse().map_err(value_error)?,
            None => PlannerKind::default(),
        };
        Ok((picture, planner))
    }

    /// The overlays, read as `--set` reads them.
    pub fn overlays(&self) -> PyResult<Vec<Overlay>> {
        self.sets
            .iter()
            .map(|set| Overlay::parse(set).map_err(PyValueError::new_err))
            .collect()
    }
}

/// A `ValueError` saying what is wrong.
fn value_error(err: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(err.to_string())
}

/// A scenario file: its path, and its bytes when they were read elsewhere (on the machine that
/// submitted a cluster task); the path then only names it and locates the files it names.
pub struct Source {
    path: PathBuf,
    bytes: Option<PyBackedBytes>,
}

impl Source {
    /// The file at `path`, or the given bytes of it.
    pub fn new(path: PathBuf, bytes: Option<PyBackedBytes>) -> Source {
        Source { path, bytes }
    }

    /// The scenario with `overlays`, validated, and the text it was validated from.
    pub fn load(&self, overlays: &[Overlay]) -> PyResult<(Scenario, String)> {
        match &self.bytes {
            Some(bytes) => scenario_from_bytes(bytes, &self.path, overlays),
            None => load_scenario_with(&self.path, overlays),
        }
        .map_err(scenario_error)
    }

    /// The prepared scenario and the manifest of a Monte Carlo of `runs` replications of it, as
    /// `canopy mc` makes them.
    pub fn experiment(
        &self,
        runs: u64,
        choices: &Choices,
    ) -> PyResult<(PreparedScenario, Manifest)> {
        let (picture, planner) = choices.c2()?;
        let (scenario, text) = self.load(&choices.overlays()?)?;
        let manifest = Manifest {
            picture,
            planner,
            ..Manifest::for_scenario(&scenario, &text, choices.seed, runs)
        };
        Ok((PreparedScenario::new(scenario), manifest))
    }
}
