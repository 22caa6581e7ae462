//! canopy-sim.
