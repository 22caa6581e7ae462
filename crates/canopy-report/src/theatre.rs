//! What every map of a scenario shows the same way, whatever draws it (the report's SVG, the
//! `canopy serve` page, `canopy export`'s files): the nations' colours, the aim points, how zone kinds read, and the rings
//! drawn for geodesic circles.

use canopy_geo::{GeoPoint, direct};
use canopy_scenario::{Library, Place, Scenario, ZoneKind};

use crate::scale::{MUNITION_PALETTE, colour};

/// Points of the polygon drawn for a circle.
pub const CIRCLE_POINTS: usize = 48;

/// Fill of the electronic-warfare areas on the map (the report stylesheet's `.zone.ew`).
pub const EW_FILL: &str = "#b39ddb";

/// The colour of a nation on the map, by its order in the scenario (grey for a nation the scenario
/// does not list).
pub fn nation_colour(scenario: &Scenario, code: &str) -> &'static str {
    scenario
        .nations
        .iter()
        .position(|n| n.code.as_str() == code)
        .map_or("#444", colour)
}

/// The colour of a munition, by its position in the type library (cycling through
/// [`MUNITION_PALETTE`] only for a library longer than it; grey for an id the library lacks).
pub fn munition_colour(library: &Library, id: &str) -> &'static str {
    library
        .munitions
        .iter()
        .position(|m| m.id.as_str() == id)
        .map_or("#444", |i| MUNITION_PALETTE[i % MUNITION_PALETTE.len()])
}

/// How a zone kind reads on the map: its name, its CSS class and its legend colour.
pub fn zone_kind(kind: ZoneKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        ZoneKind::Engagement => ("engagement", "engagement", "#8fc79a"),
        ZoneKind::NoFire => ("no fire", "no-fire", "#f2a3a3"),
        ZoneKind::ApprovalRequired => ("approval required", "approval", "#f2d27a"),
    }
}

/// The aim points of every raid, each once, by place id.
pub fn aim_points(scenario: &Scenario) -> Vec<&Place> {
    let mut targets: Vec<&Place> = scenario
        .raids
        .iter()
        .flat_map(|r| r.target_places())
        .collect();
    targets.sort_by(|a, b| a.id.cmp(&b.id));
    targets.dedup_by(|a, b| a.id == b.id);
    targets
}

/// A geodesic circle as a closed ring of [`CIRCLE_POINTS`] `[lon, lat]` radian pairs.
pub fn circle_ring(centre: GeoPoint, radius_m: f64) -> Vec<[f64; 2]> {
    (0..=CIRCLE_POINTS)
        .map(|k| {
            let azimuth = std::f64::consts::TAU * k as f64 / CIRCLE_POINTS as f64;
            let p = direct(centre, azimuth, radius_m);
            [p.lon_rad(), p.lat_rad()]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn every_munition_of_the_bundled_library_has_its_own_colour() {
        let library = Library::bundled().unwrap();
        assert!(library.munitions.len() <= MUNITION_PALETTE.len());
        let mut owner: BTreeMap<&str, &str> = BTreeMap::new();
        for m in &library.munitions {
            let fill = munition_colour(&library, &m.id);
            if let Some(other) = owner.insert(fill, &m.id) {
                panic!("{} and {other} share {fill}", m.id);
            }
        }
        // the two that shared a colour when the palette cycled every ten
        assert_ne!(
            munition_colour(&library, "aim-120c"),
            munition_colour(&library, "r-73")
        );
        assert_eq!(munition_colour(&library, "no-such-munition"), "#444");
    }
}
