//! Self-contained HTML reports of Canopy's outputs: every plot an inline `<svg>` drawn here
//! (no plotting library, no scripts), so `report.html` opens offline in any browser.
//!
//! ```text
//! svg (elements) ─► scale (ticks, colours) ─► charts (histogram, interval bars, stacked bars,
//!                                                    scatter)
//!                                          └► map (projection, borders, markers)
//! document (Report, Section) ◄─ mc (the Monte Carlo report)
//!                              ├─ compare (comparisons and sweeps)
//!                              └─ record (the strike record replayed; reuses mc's night map)
//! ```
//!
//! A report is built section by section: `Report::new(title).section(Section::new(..).figure(..))`,
//! so other commands (comparisons, sweeps) add their own sections to the same page.

pub mod charts;
pub mod compare;
pub mod document;
pub mod map;
pub mod mc;
pub mod record;
pub mod scale;
pub mod svg;
pub mod theatre;

pub use compare::compare_report;
pub use document::{Block, Link, Report, Section};
pub use mc::{McReportInput, mc_report, write_mc_report};
pub use record::{RecordReportInput, record_report};
