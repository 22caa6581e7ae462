//! Named places that scenarios reference by id: the project's `data/places.csv` (compiled in) and
//! a scenario's own `[[place]]` entries.

use crate::error::{ErrorKind, Location, ScenarioError};
use canopy_geo::GeoPoint;
use std::collections::BTreeMap;
use std::path::Path;

/// A named point: a city, power plant, air base or launch area.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// Stable id, e.g. `lviv`, `eprz`, `kursk`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Position.
    pub at: GeoPoint,
    /// Kind, e.g. `city`, `npp`, `airbase_nato`, `launch_area`.
    pub kind: String,
    /// Country as written in the table, e.g. `UA`, `RU`, `UA (occupied)`.
    pub country: String,
}

/// A set of places with unique ids, in table order.
#[derive(Clone, Debug, Default)]
pub struct Places {
    places: Vec<Place>,
    by_id: BTreeMap<String, usize>,
}

impl Places {
    /// Reads a place table with the columns `id,name,lat,lon,kind,country` (others ignored).
    pub fn from_csv(text: &str, name: &Path) -> Result<Places, ScenarioError> {
        let columns = ["id", "name", "kind", "country", "lat", "lon"];
        let mut places = Places::default();
        read_rows(text, name, &columns, |cell, at| {
            let place = Place {
                id: cell(0).to_string(),
                name: cell(1).to_string(),
                at: at(4, 5)?,
                kind: cell(2).to_string(),
                country: cell(3).to_string(),
            };
            if place.id.is_empty() || places.get(&place.id).is_some() {
                return Err((
                    format!("place id {:?} is empty or repeated", place.id),
                    "a unique id per row",
                ));
            }
            places.push(place);
            Ok(())
        })?;
        Ok(places)
    }

    /// Adds a place; the caller has checked that its id is new.
    pub(crate) fn push(&mut self, place: Place) {
        self.by_id.insert(place.id.clone(), self.places.len());
        self.places.push(place);
    }

    /// The place with this id.
    pub fn get(&self, id: &str) -> Option<&Place> {
        self.by_id.get(id).map(|&i| &self.places[i])
    }

    /// All places, in table order.
    pub fn all(&self) -> &[Place] {
        &self.places
    }

    /// All ids, in table order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.places.iter().map(|p| p.id.as_str())
    }
}

/// An error of a place table, at a line when known.
pub(crate) fn table_error(name: &Path, problem: String, allowed: &str) -> ScenarioError {
    located_error(name, None, problem, allowed)
}

fn located_error(name: &Path, line: Option<u64>, problem: String, allowed: &str) -> ScenarioError {
    ScenarioError {
        kind: ErrorKind::Value,
        location: Location {
            file: name.to_path_buf(),
            line_column: line.map(|line| (u32::try_from(line).unwrap_or(u32::MAX), 1)),
        },
        field: None,
        problem,
        allowed: allowed.to_string(),
    }
}

/// A row's problem: what is wrong, and what is allowed.
pub(crate) type RowProblem = (String, &'static str);

/// Reads the rows of a CSV table that has (at least) the named `columns`, handing each row to
/// `row` with a reader of the cell of a column (by its position in `columns`) and a reader of the
/// point of a latitude and a longitude column; a problem of a row is reported at its line.
pub(crate) fn read_rows(
    text: &str,
    name: &Path,
    columns: &[&str],
    mut row: impl for<'r> FnMut(
        &'r dyn Fn(usize) -> &'r str,
        &'r dyn Fn(usize, usize) -> Result<GeoPoint, RowProblem>,
    ) -> Result<(), RowProblem>,
) -> Result<(), ScenarioError> {
    let fail = |line: Option<u64>, problem: String, allowed: &str| {
        located_error(name, line, problem, allowed)
    };
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|err| fail(Some(1), format!("unreadable header: {err}"), "a CSV header"))?
        .clone();
    let positions = columns
        .iter()
        .map(|wanted| {
            headers.iter().position(|h| h == *wanted).ok_or_else(|| {
                fail(
                    Some(1),
                    format!("no `{wanted}` column"),
                    &format!("columns {}", columns.join(",")),
                )
            })
        })
        .collect::<Result<Vec<usize>, _>>()?;
    for record in reader.records() {
        let record = record.map_err(|err| {
            let line = err.position().map(|p| p.line());
            fail(
                line,
                format!("unreadable row: {err}"),
                "one place per CSV row",
            )
        })?;
        let line = record.position().map(|p| p.line());
        let cell = |i: usize| record.get(positions[i]).unwrap_or("").trim();
        let at = |lat: usize, lon: usize| {
            let degrees = |i: usize| cell(i).parse::<f64>().unwrap_or(f64::NAN);
            GeoPoint::from_degrees(degrees(lat), degrees(lon)).map_err(|err| {
                (
                    format!("place `{}`: {err}", cell(0)),
                    "lat in [-90, 90] and lon in [-180, 180] degrees",
                )
            })
        };
        row(&cell, &at).map_err(|(problem, allowed)| fail(line, problem, allowed))?;
    }
    Ok(())
}
