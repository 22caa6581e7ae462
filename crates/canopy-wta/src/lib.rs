//! canopy-wta.
