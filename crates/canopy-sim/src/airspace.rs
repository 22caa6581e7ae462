//! Where a route runs through NATO airspace, found once per route by sampling its ground track.

use canopy_c2::Geometry;
use canopy_geo::{CountryCode, GeoPoint};

/// Spacing of the samples that look for NATO airspace along a route, metres.
pub const AIRSPACE_SAMPLE_M: f64 = 1_000.0;

/// A stretch of a route inside one NATO country's airspace.
#[derive(Clone, Debug, PartialEq)]
pub struct AirspaceInterval {
    /// The country.
    pub country: CountryCode,
    /// Distance along the route where the stretch starts, metres.
    pub start_m: f64,
    /// Where it ends, metres.
    pub end_m: f64,
    /// Depth inside the country (metres) at the samples of the stretch, by distance along it.
    pub depths: Vec<(f64, f64)>,
}

impl AirspaceInterval {
    /// The greatest depth over the part of the stretch between two distances along the route.
    pub fn max_depth_between(&self, from_m: f64, to_m: f64) -> f64 {
        self.depths
            .iter()
            .filter(|(distance, _)| *distance >= from_m && *distance <= to_m)
            .map(|(_, depth)| *depth)
            .fold(0.0, f64::max)
    }
}

/// The stretches of a route inside NATO airspace, in route order, from its ground track sampled
/// every [`AIRSPACE_SAMPLE_M`] ([`Route::ground_track`]) and its length. A stretch starts and
/// ends half a sample spacing around its first and last inside samples.
pub fn nato_intervals(
    geometry: &Geometry,
    track: &[(f64, GeoPoint)],
    length: f64,
) -> Vec<AirspaceInterval> {
    let mut intervals: Vec<AirspaceInterval> = Vec::new();
    let mut open: Option<AirspaceInterval> = None;
    for &(distance, point) in track {
        let inside = geometry
            .borders
            .country_at(point)
            .filter(|country| country.nato)
            .map(|country| country.code);
        match (inside, open.as_mut()) {
            (Some(code), Some(interval)) if interval.country == code => {
                let depth = depth_at(geometry, point);
                interval.end_m = (distance + AIRSPACE_SAMPLE_M / 2.0).min(length);
                interval.depths.push((distance, depth));
            }
            (inside, _) => {
                intervals.extend(open.take());
                if let Some(code) = inside {
                    open = Some(AirspaceInterval {
                        country: code,
                        start_m: (distance - AIRSPACE_SAMPLE_M / 2.0).max(0.0),
                        end_m: (distance + AIRSPACE_SAMPLE_M / 2.0).min(length),
                        depths: vec![(distance, depth_at(geometry, point))],
                    });
                }
            }
        }
    }
    intervals.extend(open);
    intervals
}

fn depth_at(geometry: &Geometry, point: GeoPoint) -> f64 {
    geometry
        .borders
        .depth_inside_m(point)
        .map_or(0.0, |(_, depth)| depth)
}
