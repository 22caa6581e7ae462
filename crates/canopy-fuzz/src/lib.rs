//! Fuzz targets: one per reader of outside input, each a function of the input's bytes that
//! returns when the reader behaved and panics when a property broke.
//!
//! ```text
//! bytes ─► scenario       TOML scenario ─► validate ─► a valid one runs, its metrics add up
//!       ├► zone           GeoJSON zone file ─► polygon
//!       ├► overlay        `--set KEY=VALUE` lines ─► overlaid default scenario ─► validate
//!       ├► track_bench    sensors/scans/detections CSV, scenario.json, tracker config ─► tracker
//!       ├► wta_instance   instance JSON ─► every solver ─► a feasible, finite solution
//!       ├► mc_parts       one damaged file of two Monte Carlo shards ─► merge refuses or agrees
//!       ├► record_table   strike record CSV ─► rows that keep their own invariants
//!       └► serve_request  an HTTP request ─► `canopy serve`'s routes: an answer, never a 5xx
//! ```
//!
//! "Behaved" means more than "did not panic": a reader either refuses the input with a message
//! or returns something that keeps the invariants the rest of Canopy relies on (see each
//! module). `fuzz/` (outside the workspace) runs the targets under AFL++; the inputs it found are
//! kept in `fuzz/corpus/<target>/` and replayed by this crate's tests.

mod checks;
mod mc_parts;
mod overlay;
mod record_table;
mod scenario;
mod serve_request;
mod track_bench;
mod wta_instance;
mod zone;

use std::path::{Path, PathBuf};

/// A reader of outside input under test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A scenario file (TOML).
    Scenario,
    /// A GeoJSON zone file a scenario may reference.
    Zone,
    /// `--set` overlays on the default scenario, one per line.
    Overlay,
    /// The tracker's bench files.
    TrackBench,
    /// A weapon-target assignment instance (JSON).
    WtaInstance,
    /// Monte Carlo parts and manifests met when merging (and resuming).
    McParts,
    /// The strike record table (CSV).
    RecordTable,
    /// A request to `canopy serve`.
    ServeRequest,
}

impl Target {
    /// Every target.
    pub const ALL: [Target; 8] = [
        Target::Scenario,
        Target::Zone,
        Target::Overlay,
        Target::TrackBench,
        Target::WtaInstance,
        Target::McParts,
        Target::RecordTable,
        Target::ServeRequest,
    ];

    /// Its name: the argument of the fuzz binary and the folder of its corpus.
    pub fn name(self) -> &'static str {
        match self {
            Target::Scenario => "scenario",
            Target::Zone => "zone",
            Target::Overlay => "overlay",
            Target::TrackBench => "track_bench",
            Target::WtaInstance => "wta_instance",
            Target::McParts => "mc_parts",
            Target::RecordTable => "record_table",
            Target::ServeRequest => "serve_request",
        }
    }

    /// The target of a name.
    pub fn from_name(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Feeds `data` to the reader and checks its properties; panics naming the broken one.
    pub fn check(self, data: &[u8]) {
        match self {
            Target::Scenario => scenario::check(data),
            Target::Zone => zone::check(data),
            Target::Overlay => overlay::check(data),
            Target::TrackBench => track_bench::check(data),
            Target::WtaInstance => wta_instance::check(data),
            Target::McParts => mc_parts::check(data),
            Target::RecordTable => record_table::check(data),
            Target::ServeRequest => serve_request::check(data),
        }
    }

    /// Its corpus folder in the repository: `fuzz/corpus/<name>/`.
    pub fn corpus_dir(self) -> PathBuf {
        repository().join("fuzz").join("corpus").join(self.name())
    }
}

/// The repository this crate was built from.
pub fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .and_then(Path::parent)
        .expect("crates/canopy-fuzz sits two folders below the repository")
}
