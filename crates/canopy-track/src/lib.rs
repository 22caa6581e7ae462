//! canopy-track.
