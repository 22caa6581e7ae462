//! Spillover: whether a fall point or a debris footprint lies in NATO territory, and the event
//! that records it.

use canopy_c2::DebrisFootprint;
use canopy_core::{SimDuration, SimTime, ThreatId};
use canopy_geo::{GeoPoint, distance_m};

use crate::event::{Event, Position, SpilloverObject};
use crate::prepared::PreparedScenario;

/// Checks falls and footprints against NATO territory.
pub struct SpilloverCheck<'a> {
    prepared: &'a PreparedScenario,
}

impl<'a> SpilloverCheck<'a> {
    /// A checker for the scenario's geometry, naming places from the bundled place catalogue.
    pub fn new(prepared: &'a PreparedScenario) -> Self {
        SpilloverCheck { prepared }
    }

    /// The name of the catalogued place nearest to a point.
    pub fn nearest_place(&self, point: GeoPoint) -> String {
        let Ok(catalogue) = canopy_scenario::Places::bundled() else {
            return String::new();
        };
        catalogue
            .all()
            .iter()
            .map(|place| (distance_m(point, place.at), &place.name))
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map_or_else(String::new, |(_, name)| name.clone())
    }

    /// The spillover event of something falling at `point`, if that is NATO territory.
    pub fn point(
        &self,
        time: SimTime,
        object: SpilloverObject,
        threat: ThreatId,
        point: GeoPoint,
    ) -> Option<Event> {
        let borders = self.prepared.geometry.borders;
        let country = borders.country_at(point).filter(|country| country.nato)?;
        let depth_m = borders
            .depth_inside_m(point)
            .map_or(0.0, |(_, depth)| depth);
        Some(Event::Spillover {
            time,
            object,
            threat,
            country: country.code,
            near: self.nearest_place(point),
            time_inside: SimDuration::ZERO,
            depth_m,
            at: Position::new(point, 0.0),
        })
    }

    /// The spillover event of a debris footprint that touches NATO territory; the depth is how
    /// far the footprint reaches across the border.
    pub fn footprint(
        &self,
        time: SimTime,
        object: SpilloverObject,
        threat: ThreatId,
        footprint: &DebrisFootprint,
    ) -> Option<Event> {
        let (country, distance, border_point) = self
            .prepared
            .geometry
            .borders
            .nearest_country_point(footprint.centre, |country| country.nato)?;
        if distance > footprint.radius_m {
            return None;
        }
        if let Some(event) = self.point(time, object, threat, footprint.centre) {
            return Some(event);
        }
        let at = border_point.unwrap_or(footprint.centre);
        Some(Event::Spillover {
            time,
            object,
            threat,
            country,
            near: self.nearest_place(footprint.centre),
            time_inside: SimDuration::ZERO,
            depth_m: footprint.radius_m - distance,
            at: Position::new(at, 0.0),
        })
    }
}
