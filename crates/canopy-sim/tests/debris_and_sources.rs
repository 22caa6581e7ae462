//! The default night on the tracked picture: what came down over populated areas is what the
//! kills' footprints and the misses' fall points say, and each nation's share of the picture is
//! logged and counted, with the threats held with and without its sensors.

use canopy_c2::PopulatedAreas;
use canopy_scenario::load_scenario;
use canopy_sim::{Event, PictureMode, PlannerKind, PreparedScenario, RunOptions};

#[test]
fn debris_over_towns_and_each_nations_share_of_the_picture_are_counted() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../scenarios/western-shield.toml");
    let prepared = PreparedScenario::new(load_scenario(&path).unwrap());
    let options = RunOptions {
        seed: 1,
        replication: 0,
        picture: PictureMode::Tracked,
        planner: PlannerKind::Wta,
    };
    let outcome = canopy_sim::run(&prepared, &options, &mut []);
    let areas = PopulatedAreas::bundled();
    let mut over_towns = 0;
    let mut logged_shares = None;
    for event in &outcome.events {
        let touched = match event {
            Event::Kill {
                debris_centre,
                debris_radius_m,
                ..
            } => areas.touched(debris_centre.point(), *debris_radius_m),
            Event::Miss { fall_point, .. } => areas.touched(fall_point.point(), 0.0),
            Event::PictureSources { nations, .. } => {
                logged_shares = Some(nations.clone());
                None
            }
            _ => None,
        };
        over_towns += u32::from(touched.is_some());
    }
    let debris = &outcome.metrics.debris;
    assert!(
        over_towns > 0,
        "the default night brings debris down on towns"
    );
    assert_eq!(debris.over_populated_areas, over_towns);
    assert_eq!(
        debris.over_populated_areas_by_country.values().sum::<u32>(),
        over_towns
    );
    let shares = logged_shares.expect("the tracked picture logs who built it");
    let ukraine = shares.iter().find(|s| s.nation.as_str() == "UA").unwrap();
    assert!(ukraine.tracks_contributed > 0);
    assert!(ukraine.sole_source_tracks <= ukraine.tracks_contributed);
    let metrics = &outcome.metrics;
    for share in &shares {
        let burden = &metrics.nations[share.nation.as_str()];
        assert_eq!(burden.tracks_contributed, share.tracks_contributed);
        assert_eq!(burden.sole_source_tracks, share.sole_source_tracks);
        // A threat only a nation's sensors held was held by a track they alone fed.
        assert!(share.sole_source_threats <= share.sole_source_tracks);
        assert_eq!(
            burden.threats_held_without,
            metrics.threats_held - share.sole_source_threats
        );
    }
    assert!(metrics.threats_held <= metrics.entered_theatre);
    for (code, burden) in &metrics.nations {
        assert!(
            burden.threats_held_without <= metrics.threats_held,
            "{code}: {} of {} threats held",
            burden.threats_held_without,
            metrics.threats_held
        );
    }
}
