//! canopy-scenario.
