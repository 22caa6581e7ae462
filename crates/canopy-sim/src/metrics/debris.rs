//! Debris as a risk: intercept debris footprints and missed interceptors' fall points that come
//! down over a populated area, counted by the country of the city touched.

use super::{Reduction, RunMetrics};
use crate::event::Event;
use canopy_c2::PopulatedAreas;

/// Counts what came down over populated areas.
pub(super) struct DebrisOverPopulatedAreas;

impl Reduction for DebrisOverPopulatedAreas {
    fn observe(&mut self, event: &Event, metrics: &mut RunMetrics) {
        let (centre, radius_m) = match event {
            Event::Kill {
                debris_centre,
                debris_radius_m,
                ..
            } => (debris_centre, *debris_radius_m),
            Event::Miss { fall_point, .. } => (fall_point, 0.0),
            _ => return,
        };
        if let Some(city) = PopulatedAreas::bundled().touched(centre.point(), radius_m) {
            let debris = &mut metrics.debris;
            debris.over_populated_areas += 1;
            *debris
                .over_populated_areas_by_country
                .entry(city.country.clone())
                .or_default() += 1;
        }
    }
}
