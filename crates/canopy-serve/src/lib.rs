//! `canopy serve`: a browser view of a night, served by the binary itself, offline.
//!
//! ```text
//! PreparedScenario ─► theatre (map layers) ─┐
//! canopy_sim::paths (true paths) ───────────┼► night (the page's data) ─► server (axum routes)
//! event log (replay) or live (paced run) ────┤                              ▲
//! tracks (C2's picture, snapshots) ──────────┘                              │
//! output folder (report.html, events.parquet) ─► folder ───────────────────┘
//! assets: the page and vendored Leaflet, compiled in; listener: bounded connections
//! ```
//!
//! The page (`web/`) draws everything from `/api/night` (and `/api/live` when following a run);
//! the server never opens a file named by a request.

pub mod assets;
pub mod error;
pub mod folder;
pub mod listener;
pub mod live;
pub mod night;
pub mod server;
pub mod theatre;
pub mod tracks;

pub use error::ServeError;
pub use folder::Folder;
pub use live::{Follower, LiveNight, Pace};
pub use night::Night;
pub use server::{Server, Site, app};
