//! canopy-core.
