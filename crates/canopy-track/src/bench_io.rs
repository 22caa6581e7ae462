//! Reading and writing the tracking bench files: `sensors.csv`, `scans.csv`,
//! `detections.csv` in, `tracks.csv` out (format documented with the benchmark).

use crate::azimuth::Azimuth;
use crate::deleter::Region;
use crate::error::TrackError;
use crate::scan::{PolarDetection, SensorModel};
use crate::track::Track;
use csv::ByteRecord;
use nalgebra::Vector3;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One radar scan of a bench scenario with its detections.
#[derive(Clone, Debug)]
pub struct BenchScan {
    /// Scan id from `scans.csv`.
    pub scan_id: i64,
    /// Radar id from `sensors.csv`.
    pub sensor_id: i64,
    /// Scan time, seconds.
    pub time_s: f64,
    /// Detections of the scan, in file order.
    pub detections: Vec<PolarDetection>,
}

/// A bench scenario: radars and time-ordered scans.
#[derive(Clone, Debug)]
pub struct BenchScenario {
    /// Radars by id.
    pub sensors: BTreeMap<i64, SensorModel>,
    /// Scans in ascending time.
    pub scans: Vec<BenchScan>,
    /// Number of rows of `detections.csv`.
    pub n_detections: usize,
}

/// A CSV file open for reading with its header resolved to column positions.
struct CsvTable {
    path: PathBuf,
    reader: csv::Reader<std::fs::File>,
    header: Vec<String>,
}

impl CsvTable {
    fn open(path: PathBuf) -> Result<Self, TrackError> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_path(&path)
            .map_err(|e| csv_error(&path, e))?;
        let header = reader
            .byte_headers()
            .map_err(|e| csv_error(&path, e))?
            .iter()
            .map(|h| String::from_utf8_lossy(h).trim().to_string())
            .collect();
        Ok(Self {
            path,
            reader,
            header,
        })
    }

    /// Position of each requested column.
    fn columns<const N: usize>(&self, names: [&str; N]) -> Result<[usize; N], TrackError> {
        let mut out = [0; N];
        for (slot, name) in out.iter_mut().zip(names) {
            *slot = self.header.iter().position(|h| h == name).ok_or_else(|| {
                TrackError::Malformed {
                    path: self.path.clone(),
                    line: 1,
                    column: name.to_string(),
                    message: format!("missing column (header has: {})", self.header.join(",")),
                }
            })?;
        }
        Ok(out)
    }

    /// Calls `row` with every record and its line number.
    fn for_each(
        &mut self,
        mut row: impl FnMut(&Field, &ByteRecord) -> Result<(), TrackError>,
    ) -> Result<(), TrackError> {
        let mut record = ByteRecord::new();
        loop {
            match self.reader.read_byte_record(&mut record) {
                Ok(false) => return Ok(()),
                Ok(true) => {
                    let line = record.position().map_or(0, |p| p.line());
                    let field = Field {
                        path: &self.path,
                        header: &self.header,
                        line,
                    };
                    row(&field, &record)?;
                }
                Err(e) => return Err(csv_error(&self.path, e)),
            }
        }
    }
}

/// Parses the fields of one record, naming file, line and column on error.
struct Field<'a> {
    path: &'a Path,
    header: &'a [String],
    line: u64,
}

impl Field<'_> {
    fn error(&self, column: usize, message: String) -> TrackError {
        TrackError::Malformed {
            path: self.path.to_path_buf(),
            line: self.line,
            column: self.header[column].clone(),
            message,
        }
    }

    fn text<'r>(&self, record: &'r ByteRecord, column: usize) -> Result<&'r str, TrackError> {
        let raw = record
            .get(column)
            .ok_or_else(|| self.error(column, "missing field".into()))?;
        std::str::from_utf8(raw)
            .map(str::trim)
            .map_err(|_| self.error(column, "not UTF-8".into()))
    }

    fn f64(&self, record: &ByteRecord, column: usize) -> Result<f64, TrackError> {
        let text = self.text(record, column)?;
        match text.parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(v),
            _ => Err(self.error(column, format!("`{text}` is not a finite number"))),
        }
    }

    fn positive(&self, record: &ByteRecord, column: usize) -> Result<f64, TrackError> {
        let value = self.f64(record, column)?;
        if value > 0.0 {
            Ok(value)
        } else {
            Err(self.error(column, format!("{value} must be greater than zero")))
        }
    }

    fn i64(&self, record: &ByteRecord, column: usize) -> Result<i64, TrackError> {
        let text = self.text(record, column)?;
        text.parse::<i64>()
            .map_err(|_| self.error(column, format!("`{text}` is not an integer")))
    }
}

fn csv_error(path: &Path, error: csv::Error) -> TrackError {
    let line = error.position().map_or(0, |p| p.line());
    match error.into_kind() {
        csv::ErrorKind::Io(source) => TrackError::Io {
            path: path.to_path_buf(),
            error: source,
        },
        kind => TrackError::Malformed {
            path: path.to_path_buf(),
            line,
            column: "row".into(),
            message: format!("{kind:?}"),
        },
    }
}

fn read_sensors(path: PathBuf) -> Result<BTreeMap<i64, SensorModel>, TrackError> {
    let mut table = CsvTable::open(path)?;
    let [id, x, y, z, sr, saz, sel, max_range] = table.columns([
        "sensor_id",
        "x_m",
        "y_m",
        "z_m",
        "sigma_range_m",
        "sigma_az_rad",
        "sigma_el_rad",
        "max_range_m",
    ])?;
    let mut sensors = BTreeMap::new();
    table.for_each(|f, r| {
        let sensor_id = f.i64(r, id)?;
        let position = Vector3::new(f.f64(r, x)?, f.f64(r, y)?, f.f64(r, z)?);
        let mut sensor = SensorModel::new(
            position,
            f.positive(r, sr)?,
            f.positive(r, saz)?,
            f.positive(r, sel)?,
        );
        sensor.max_range_m = f.positive(r, max_range)?;
        if sensors.insert(sensor_id, sensor).is_some() {
            return Err(f.error(id, format!("duplicate sensor_id {sensor_id}")));
        }
        Ok(())
    })?;
    Ok(sensors)
}

fn read_scans(
    path: PathBuf,
    sensors: &BTreeMap<i64, SensorModel>,
) -> Result<Vec<BenchScan>, TrackError> {
    let mut table = CsvTable::open(path)?;
    let [scan, sensor, time] = table.columns(["scan_id", "sensor_id", "time_s"])?;
    let mut scans = Vec::new();
    table.for_each(|f, r| {
        let sensor_id = f.i64(r, sensor)?;
        if !sensors.contains_key(&sensor_id) {
            return Err(f.error(
                sensor,
                format!("sensor_id {sensor_id} is not in sensors.csv"),
            ));
        }
        let time_s = f.f64(r, time)?;
        scans.push(BenchScan {
            scan_id: f.i64(r, scan)?,
            sensor_id,
            time_s,
            detections: Vec::new(),
        });
        Ok(())
    })?;
    scans.sort_by(|a, b| {
        a.time_s
            .total_cmp(&b.time_s)
            .then(a.scan_id.cmp(&b.scan_id))
    });
    Ok(scans)
}

fn read_detections(path: PathBuf, scans: &mut [BenchScan]) -> Result<usize, TrackError> {
    let index: HashMap<i64, usize> = scans
        .iter()
        .enumerate()
        .map(|(i, s)| (s.scan_id, i))
        .collect();
    let mut table = CsvTable::open(path)?;
    let [scan, sensor, time, range, az, el] = table.columns([
        "scan_id",
        "sensor_id",
        "time_s",
        "range_m",
        "az_rad",
        "el_rad",
    ])?;
    let mut count = 0;
    table.for_each(|f, r| {
        let scan_id = f.i64(r, scan)?;
        let &i = index
            .get(&scan_id)
            .ok_or_else(|| f.error(scan, format!("scan_id {scan_id} is not in scans.csv")))?;
        if f.i64(r, sensor)? != scans[i].sensor_id {
            return Err(f.error(sensor, format!("differs from the sensor of scan {scan_id}")));
        }
        if (f.f64(r, time)? - scans[i].time_s).abs() > 5e-4 {
            return Err(f.error(time, format!("differs from the time of scan {scan_id}")));
        }
        let range_m = f.positive(r, range)?;
        let azimuth_rad = f.f64(r, az)?;
        let elevation_rad = f.f64(r, el)?;
        if elevation_rad.abs() > std::f64::consts::FRAC_PI_2 {
            return Err(f.error(el, format!("{elevation_rad} is outside [-pi/2, pi/2]")));
        }
        scans[i].detections.push(PolarDetection {
            range_m,
            azimuth: Azimuth::from_east_ccw_rad(azimuth_rad),
            elevation_rad,
        });
        count += 1;
        Ok(())
    })?;
    Ok(count)
}

/// Reads `sensors.csv`, `scans.csv` and `detections.csv` from `dir`.
pub fn read_scenario(dir: &Path) -> Result<BenchScenario, TrackError> {
    let sensors = read_sensors(dir.join("sensors.csv"))?;
    let mut scans = read_scans(dir.join("scans.csv"), &sensors)?;
    let n_detections = read_detections(dir.join("detections.csv"), &mut scans)?;
    Ok(BenchScenario {
        sensors,
        scans,
        n_detections,
    })
}

/// What a tracker may read from `scenario.json`: the surveillance region and the clutter
/// density.
#[derive(Clone, Copy, Debug, PartialEq, serde::Deserialize)]
pub struct ScenarioMeta {
    /// The surveillance region.
    pub region: Region,
    /// Mean false alarms per m^3 per scan.
    pub clutter_density_per_m3: f64,
}

/// The contents of `scenario.json` in `dir`, if that file exists.
pub fn read_meta(dir: &Path) -> Result<Option<ScenarioMeta>, TrackError> {
    let path = dir.join("scenario.json");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(TrackError::Io {
                path,
                error: source,
            });
        }
    };
    let meta = serde_json::from_str(&text).map_err(|e| TrackError::Malformed {
        path: path.clone(),
        line: e.line() as u64,
        column: format!("column {}", e.column()),
        message: e.to_string(),
    })?;
    Ok(Some(meta))
}

/// Accumulates `tracks.csv` rows: one per confirmed track per scan time.
#[derive(Debug)]
pub struct TrackWriter {
    text: String,
}

impl Default for TrackWriter {
    fn default() -> Self {
        Self::new()
    }
}

impl TrackWriter {
    /// A writer holding only the header line.
    pub fn new() -> Self {
        Self {
            text: "time_s,track_id,x_m,y_m,z_m,vx_mps,vy_mps,vz_mps\n".to_string(),
        }
    }

    /// Appends the confirmed tracks among `tracks` at `time_s`.
    pub fn push_scan(&mut self, time_s: f64, tracks: &[Track]) {
        for track in tracks.iter().filter(|t| t.confirmed) {
            let m = &track.estimate.mean;
            // Writing to a String cannot fail.
            let _ = writeln!(
                self.text,
                "{time_s:.3},{},{:.2},{:.2},{:.2},{:.3},{:.3},{:.3}",
                track.id.0, m[0], m[1], m[2], m[3], m[4], m[5]
            );
        }
    }

    /// Writes the file whole: to a temporary file beside `path`, then renamed.
    pub fn write(&self, path: &Path) -> Result<(), TrackError> {
        let io = |source| TrackError::Io {
            path: path.to_path_buf(),
            error: source,
        };
        let name = path
            .file_name()
            .map_or("tracks.csv".into(), |n| n.to_string_lossy());
        let temp = path.with_file_name(format!(".{name}.tmp"));
        std::fs::write(&temp, &self.text).map_err(io)?;
        std::fs::rename(&temp, path).map_err(io)
    }
}
