//! canopy-c2.
