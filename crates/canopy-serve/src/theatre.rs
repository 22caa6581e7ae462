//! The fixed layers of the page's map, from the scenario: nations and their colours, SAM sites,
//! fighter stations, aim points, zones, electronic-warfare areas and meridians, in degrees.
//! Colours, aim points and circle rings are the report's ([`canopy_report::theatre`]), so the
//! page and the report's map agree.

use canopy_geo::ZoneShape;
use canopy_report::theatre::{EW_FILL, aim_points, circle_ring, nation_colour, zone_kind};
use canopy_scenario::Scenario;
use serde::Serialize;

/// A nation of the scenario.
#[derive(Clone, Debug, Serialize)]
pub struct NationView {
    /// Its code (`PL`).
    pub code: String,
    /// Its name.
    pub name: String,
    /// Its colour on the map.
    pub colour: &'static str,
}

/// A point of the map with a label: a site, a fighter station or an aim point.
#[derive(Clone, Debug, Serialize)]
pub struct Marker {
    /// Its id in the scenario.
    pub id: String,
    /// What the page writes beside it.
    pub label: String,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Its colour (the nation's, for defences).
    pub colour: &'static str,
}

/// A shaded area: a polygon or circle zone, or an electronic-warfare area.
#[derive(Clone, Debug, Serialize)]
pub struct Area {
    /// What it is (`no fire: zone-id`).
    pub label: String,
    /// Its fill.
    pub colour: &'static str,
    /// Its rings, `[lat, lon]` degrees.
    pub rings: Vec<Vec<[f64; 2]>>,
}

/// A meridian drawn as a dashed line: the theatre's entry, or a meridian zone's edge.
#[derive(Clone, Debug, Serialize)]
pub struct Meridian {
    /// What it is.
    pub label: String,
    /// Its longitude, degrees.
    pub lon: f64,
}

/// Everything the page's map draws before anything flies.
#[derive(Clone, Debug, Serialize)]
pub struct Theatre {
    /// The nations, in scenario order.
    pub nations: Vec<NationView>,
    /// The SAM sites.
    pub sites: Vec<Marker>,
    /// The fighter patrols' stations.
    pub stations: Vec<Marker>,
    /// The raids' aim points.
    pub aim_points: Vec<Marker>,
    /// Zones and electronic-warfare areas.
    pub areas: Vec<Area>,
    /// The entry meridian and meridian zones.
    pub meridians: Vec<Meridian>,
}

impl Theatre {
    /// The layers of a scenario.
    pub fn of(scenario: &Scenario) -> Theatre {
        let colour_of = |nation: canopy_core::NationId| {
            nation_colour(scenario, scenario.nations[nation.index()].code.as_str())
        };
        let code_of = |nation: canopy_core::NationId| scenario.nations[nation.index()].code;
        let mut theatre = Theatre {
            nations: scenario
                .nations
                .iter()
                .map(|n| NationView {
                    code: n.code.to_string(),
                    name: n.name.clone(),
                    colour: nation_colour(scenario, n.code.as_str()),
                })
                .collect(),
            sites: scenario
                .sites
                .iter()
                .map(|s| {
                    marker(
                        &s.id,
                        format!("site {} ({})", s.id, code_of(s.nation)),
                        s.at,
                        colour_of(s.nation),
                    )
                })
                .collect(),
            stations: scenario
                .patrols
                .iter()
                .map(|p| {
                    let label = format!("patrol {} ({})", p.id, code_of(p.nation));
                    marker(&p.id, label, p.station, colour_of(p.nation))
                })
                .collect(),
            aim_points: aim_points(scenario)
                .into_iter()
                .map(|t| marker(&t.id, t.name.clone(), t.at, "#222"))
                .collect(),
            areas: Vec::new(),
            meridians: Vec::new(),
        };
        if let Some(entry) = scenario.theatre.entry_meridian() {
            theatre.meridians.push(Meridian {
                label: "theatre entry".into(),
                lon: entry.entry_meridian_rad.to_degrees(),
            });
        }
        for zone in &scenario.zones {
            let (kind, _, colour) = zone_kind(zone.kind);
            theatre.add_shape(&zone.shape, format!("{kind}: {}", zone.id), colour);
        }
        for area in &scenario.ew {
            let label = format!(
                "electronic warfare: {} (loses {:.0} %)",
                area.id,
                area.lost_share * 100.0
            );
            theatre.add_shape(&area.shape, label, EW_FILL);
        }
        theatre
    }

    /// Adds a zone's shape: a shaded area, a meridian, or nothing for a set of countries (the
    /// borders are drawn).
    fn add_shape(&mut self, shape: &ZoneShape, label: String, colour: &'static str) {
        let degrees = |ring: &[[f64; 2]]| -> Vec<[f64; 2]> {
            ring.iter()
                .map(|v| [v[1].to_degrees(), v[0].to_degrees()])
                .collect()
        };
        match shape {
            ZoneShape::WestOfMeridian { lon_rad } | ZoneShape::EastOfMeridian { lon_rad } => {
                self.meridians.push(Meridian {
                    label,
                    lon: lon_rad.to_degrees(),
                })
            }
            ZoneShape::Polygon(polygon) => self.areas.push(Area {
                label,
                colour,
                rings: polygon.rings_rad().iter().map(|r| degrees(r)).collect(),
            }),
            ZoneShape::Circle { centre, radius_m } => self.areas.push(Area {
                label,
                colour,
                rings: vec![degrees(&circle_ring(*centre, *radius_m))],
            }),
            ZoneShape::Countries(_) => {}
        }
    }
}

/// A marker at a scenario point.
fn marker(id: &str, label: String, at: canopy_geo::GeoPoint, colour: &'static str) -> Marker {
    Marker {
        id: id.to_string(),
        label,
        lat: at.lat_deg(),
        lon: at.lon_deg(),
        colour,
    }
}
