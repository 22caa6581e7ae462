//! Where a route runs through electronic-warfare areas, found once per route by sampling its
//! ground track, as for NATO airspace.

use canopy_geo::GeoPoint;
use canopy_scenario::EwArea;

use crate::airspace::AIRSPACE_SAMPLE_M;

/// The index of an EW area in the scenario's `ew` list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct EwIndex(pub usize);

/// A stretch of a route inside one EW area.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EwStretch {
    /// The area.
    pub area: EwIndex,
    /// Distance along the route where the stretch starts, metres.
    pub start_m: f64,
    /// Where it ends, metres.
    pub end_m: f64,
}

/// The stretches of a route inside each EW area, in route order (by start, then area order),
/// from its ground track sampled every [`AIRSPACE_SAMPLE_M`] ([`crate::route::Route::ground_track`])
/// and its length. A stretch starts and ends half a sample spacing around its first and last
/// inside samples.
pub fn ew_stretches(track: &[(f64, GeoPoint)], length: f64, areas: &[EwArea]) -> Vec<EwStretch> {
    if areas.is_empty() {
        return Vec::new();
    }
    let mut open: Vec<Option<EwStretch>> = vec![None; areas.len()];
    let mut stretches = Vec::new();
    for &(distance, point) in track {
        for (index, area) in areas.iter().enumerate() {
            let inside = area.shape.contains(point);
            match (inside, &mut open[index]) {
                (true, Some(stretch)) => {
                    stretch.end_m = (distance + AIRSPACE_SAMPLE_M / 2.0).min(length);
                }
                (true, None) => {
                    open[index] = Some(EwStretch {
                        area: EwIndex(index),
                        start_m: (distance - AIRSPACE_SAMPLE_M / 2.0).max(0.0),
                        end_m: (distance + AIRSPACE_SAMPLE_M / 2.0).min(length),
                    });
                }
                (false, slot) => stretches.extend(slot.take()),
            }
        }
    }
    stretches.extend(open.into_iter().flatten());
    stretches.sort_by(|a, b| a.start_m.total_cmp(&b.start_m).then(a.area.cmp(&b.area)));
    stretches
}
