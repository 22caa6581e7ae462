//! canopy-geo.
