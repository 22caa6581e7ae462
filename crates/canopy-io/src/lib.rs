//! canopy-io.
