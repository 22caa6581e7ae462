//! An output folder of `mc`, `compare`, `sweep` or `record`: its `report.html`, and a map over
//! all its replications (where threats leaked, where spillover happened) from the
//! `events.parquet` files of the folder and of its option folders, counted on a grid.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use arrow_array::{Array, Float64Array, RecordBatch, StringArray};
use parquet::arrow::ProjectionMask;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde::Serialize;

use crate::error::ServeError;

/// Side of a cell of the density grid, degrees.
pub const CELL_DEG: f64 = 0.1;

/// The columns read from an event table.
const COLUMNS: [&str; 3] = ["kind", "at.lat_deg", "at.lon_deg"];

/// Counts of events by cell of the grid, keyed by the cell's (row, column).
type Grid = BTreeMap<(i64, i64), u64>;

/// What the folder's map shows: counts by cell, `[lat, lon, count]` at each cell's centre.
#[derive(Clone, Debug, Default, Serialize)]
pub struct FolderMap {
    /// Side of a cell, degrees.
    pub cell_deg: f64,
    /// The `events.parquet` files read, relative to the folder.
    pub sources: Vec<String>,
    /// Impacts (leakers) by cell.
    pub leaked: Vec<[f64; 3]>,
    /// Spillovers into NATO territory by cell.
    pub spillover: Vec<[f64; 3]>,
}

/// An output folder, read once.
#[derive(Clone, Debug)]
pub struct Folder {
    report: Option<String>,
    map: String,
}

impl Folder {
    /// Reads `dir`: its `report.html` if any, and every `events.parquet` in it or in a folder
    /// just below it. A folder with neither is an error.
    pub fn open(dir: &Path) -> Result<Folder, ServeError> {
        let report = std::fs::read_to_string(dir.join("report.html")).ok();
        let mut sources = vec![dir.join("events.parquet")];
        let below = std::fs::read_dir(dir).map_err(|err| folder_error(dir, err))?;
        let mut subfolders: Vec<PathBuf> = below
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.is_dir())
            .collect();
        subfolders.sort();
        sources.extend(subfolders.iter().map(|d| d.join("events.parquet")));
        sources.retain(|path| path.is_file());
        if report.is_none() && sources.is_empty() {
            return Err(ServeError::Folder {
                path: dir.to_path_buf(),
                message: "holds neither report.html nor events.parquet: not an output folder of \
                          mc, compare, sweep or record"
                    .into(),
            });
        }
        let (mut leaked, mut spillover) = (Grid::new(), Grid::new());
        for source in &sources {
            count_events(source, &mut leaked, &mut spillover)?;
        }
        let map = FolderMap {
            cell_deg: CELL_DEG,
            sources: sources
                .iter()
                .map(|p| p.strip_prefix(dir).unwrap_or(p).display().to_string())
                .collect(),
            leaked: cells(&leaked),
            spillover: cells(&spillover),
        };
        Ok(Folder {
            report,
            map: serde_json::to_string(&map).expect("the map serialises"),
        })
    }

    /// The folder's `report.html`, if it has one.
    pub fn report_html(&self) -> Option<&str> {
        self.report.as_deref()
    }

    /// The JSON of its [`FolderMap`].
    pub fn map_json(&self) -> String {
        self.map.clone()
    }
}

fn folder_error(path: &Path, err: impl std::fmt::Display) -> ServeError {
    ServeError::Folder {
        path: path.to_path_buf(),
        message: err.to_string(),
    }
}

/// The cells of a grid at their centres.
fn cells(grid: &Grid) -> Vec<[f64; 3]> {
    grid.iter()
        .map(|(&(row, col), &count)| {
            let centre = |k: i64| ((k as f64 + 0.5) * CELL_DEG * 1e4).round() / 1e4;
            [centre(row), centre(col), count as f64]
        })
        .collect()
}

/// Adds the impacts and spillovers of one `events.parquet` to the grids.
fn count_events(path: &Path, leaked: &mut Grid, spillover: &mut Grid) -> Result<(), ServeError> {
    let file = File::open(path).map_err(|err| folder_error(path, err))?;
    let builder =
        ParquetRecordBatchReaderBuilder::try_new(file).map_err(|err| folder_error(path, err))?;
    // the columns' names hold dots (`at.lat_deg`): found by name among the top-level fields
    let missing = || ServeError::Folder {
        path: path.to_path_buf(),
        message: format!("lacks the columns {COLUMNS:?} of an event table (docs/mc.md)"),
    };
    let roots = COLUMNS
        .iter()
        .map(|name| builder.schema().index_of(name))
        .collect::<Result<Vec<usize>, _>>()
        .map_err(|_| missing())?;
    let mask = ProjectionMask::roots(builder.parquet_schema(), roots);
    let reader = builder
        .with_projection(mask)
        .build()
        .map_err(|err| folder_error(path, err))?;
    for batch in reader {
        let batch = batch.map_err(|err| folder_error(path, err))?;
        let (kind, lat, lon) = columns(&batch).ok_or_else(missing)?;
        for row in 0..batch.num_rows() {
            let grid = match kind.value(row) {
                "impact" => &mut *leaked,
                "spillover" => &mut *spillover,
                _ => continue,
            };
            if lat.is_valid(row) && lon.is_valid(row) {
                let cell = |deg: f64| (deg / CELL_DEG).floor() as i64;
                *grid
                    .entry((cell(lat.value(row)), cell(lon.value(row))))
                    .or_default() += 1;
            }
        }
    }
    Ok(())
}

/// The kind, latitude and longitude columns of a batch, if it has them with their types.
fn columns(batch: &RecordBatch) -> Option<(&StringArray, &Float64Array, &Float64Array)> {
    let kind = batch.column_by_name(COLUMNS[0])?.as_any().downcast_ref()?;
    let lat = batch.column_by_name(COLUMNS[1])?.as_any().downcast_ref()?;
    let lon = batch.column_by_name(COLUMNS[2])?.as_any().downcast_ref()?;
    Some((kind, lat, lon))
}
