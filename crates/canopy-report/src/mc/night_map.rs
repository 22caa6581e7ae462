//! The map of one night: the region with its borders and zones, the defences, the aim points and
//! what happened in one replication (intercepts, impacts, spillover), from its typed event log.

use canopy_geo::{Borders, ZoneShape};
use canopy_scenario::{Place, Scenario, ZoneKind};
use canopy_sim::{Event, Position};

use super::McReportInput;
use crate::document::Section;
use crate::map::{LonLatBox, MapDrawing, Marker};
use crate::theatre::{EW_FILL, aim_points, nation_colour, zone_kind};

/// Width of the map, pixels.
const MAP_WIDTH: f64 = 820.0;

/// Colour of spillover points.
const SPILL_COLOUR: &str = "#e07b00";

/// Colour of impacts.
const IMPACT_COLOUR: &str = "#c00000";

/// Colour of aim points.
const AIM_POINT_COLOUR: &str = "#222";

/// A point of the map, (longitude, latitude) degrees.
type LonLat = (f64, f64);

/// A logged position as a point of the map.
fn lon_lat(position: &Position) -> LonLat {
    (position.lon_deg, position.lat_deg)
}

/// What the map shows of one replication, in the order of its event log.
struct Night<'a> {
    /// Intercepts: where, and the shooter's nation code.
    kills: Vec<(LonLat, &'a str)>,
    /// Impacts: where, and the aim point's place id.
    impacts: Vec<(LonLat, &'a str)>,
    /// Spillovers: where (the entry into NATO territory), and what.
    spills: Vec<(LonLat, String)>,
}

impl<'a> Night<'a> {
    /// The intercepts, impacts and spillovers of an event log.
    fn from_events(events: &'a [Event]) -> Night<'a> {
        let mut night = Night {
            kills: Vec::new(),
            impacts: Vec::new(),
            spills: Vec::new(),
        };
        for event in events {
            match event {
                Event::Kill { nation, at, .. } => night.kills.push((lon_lat(at), nation.as_str())),
                Event::Impact { target, at, .. } => {
                    night.impacts.push((lon_lat(at), target.as_str()))
                }
                Event::Spillover {
                    object,
                    country,
                    near,
                    at,
                    ..
                } => night.spills.push((
                    lon_lat(at),
                    format!("spillover: {} in {country} near {near}", object.name()),
                )),
                _ => {}
            }
        }
        night
    }

    /// Every point of the night: intercepts, impacts, then spillovers.
    fn points(&self) -> impl Iterator<Item = LonLat> + '_ {
        let kills = self.kills.iter().map(|(p, _)| *p);
        let impacts = self.impacts.iter().map(|(p, _)| *p);
        kills
            .chain(impacts)
            .chain(self.spills.iter().map(|(p, _)| *p))
    }

    /// Impacts at the aim point `target`.
    fn impacts_at(&self, target: &str) -> usize {
        self.impacts.iter().filter(|(_, t)| *t == target).count()
    }
}

/// The frame of the map: every site, patrol station, aim point and point of the night with a
/// margin of 1°; the region when there is none.
fn frame(scenario: &Scenario, targets: &[&Place], night: &Night) -> LonLatBox {
    let site_points = scenario
        .sites
        .iter()
        .map(|s| (s.at.lon_deg(), s.at.lat_deg()));
    let patrol_points = scenario
        .patrols
        .iter()
        .map(|p| (p.station.lon_deg(), p.station.lat_deg()));
    let target_points = targets.iter().map(|t| (t.at.lon_deg(), t.at.lat_deg()));
    LonLatBox::around(
        site_points
            .chain(patrol_points)
            .chain(target_points)
            .chain(night.points()),
        1.0,
    )
    .unwrap_or(LonLatBox {
        min_lon_deg: 14.0,
        min_lat_deg: 44.0,
        max_lon_deg: 34.0,
        max_lat_deg: 56.0,
    })
}

/// Draws the zones (meridian zones as lines, polygons and circles as shaded areas) and returns
/// the kinds of the shaded ones, in order of appearance.
fn draw_zones(map: &mut MapDrawing, scenario: &Scenario) -> Vec<ZoneKind> {
    let mut area_kinds: Vec<ZoneKind> = Vec::new();
    for zone in &scenario.zones {
        let name = format!("{}: {}", zone_kind(zone.kind).0, zone.id);
        let class = format!("zone {}", zone_kind(zone.kind).1);
        if draw_shape(map, &zone.shape, &class, &name) && !area_kinds.contains(&zone.kind) {
            area_kinds.push(zone.kind);
        }
    }
    area_kinds
}

/// Draws the electronic-warfare areas; returns whether any was shaded.
fn draw_ew_areas(map: &mut MapDrawing, scenario: &Scenario) -> bool {
    let mut shaded = false;
    for area in &scenario.ew {
        let name = format!(
            "electronic warfare: {} (loses {:.0} %)",
            area.id,
            area.lost_share * 100.0
        );
        shaded |= draw_shape(map, &area.shape, "zone ew", &name);
    }
    shaded
}

/// Draws a zone shape: a meridian as a dashed line, a polygon or circle shaded with `class`,
/// countries not at all (their borders are drawn); returns whether it was shaded.
fn draw_shape(map: &mut MapDrawing, shape: &ZoneShape, class: &str, name: &str) -> bool {
    match shape {
        ZoneShape::WestOfMeridian { lon_rad } | ZoneShape::EastOfMeridian { lon_rad } => {
            map.meridian(lon_rad.to_degrees(), name);
            false
        }
        ZoneShape::Polygon(polygon) => {
            map.area(polygon.rings_rad(), class, name);
            true
        }
        ZoneShape::Circle { centre, radius_m } => {
            map.geodesic_circle(*centre, *radius_m, class, name);
            true
        }
        ZoneShape::Countries(_) => false,
    }
}

/// Draws the intercepts (dots in the shooter's colour) and the spillovers (crosses).
fn draw_intercepts_and_spills(map: &mut MapDrawing, scenario: &Scenario, night: &Night) {
    for (p, nation) in &night.kills {
        map.marker(
            p.0,
            p.1,
            Marker::Dot,
            nation_colour(scenario, nation),
            &format!("intercept by {nation}"),
        );
    }
    for (p, what) in &night.spills {
        map.marker(p.0, p.1, Marker::Cross, SPILL_COLOUR, what);
    }
}

/// Draws the air-defence sites (triangles) and patrol stations (diamonds) in their nation's
/// colour.
fn draw_defences(map: &mut MapDrawing, scenario: &Scenario) {
    for site in &scenario.sites {
        let code = scenario.nations[site.nation.index()].code;
        let (lon, lat) = (site.at.lon_deg(), site.at.lat_deg());
        map.marker(
            lon,
            lat,
            Marker::Triangle,
            nation_colour(scenario, code.as_str()),
            &format!("site {} ({code})", site.id),
        );
    }
    for patrol in &scenario.patrols {
        let code = scenario.nations[patrol.nation.index()].code;
        let (lon, lat) = (patrol.station.lon_deg(), patrol.station.lat_deg());
        map.marker(
            lon,
            lat,
            Marker::Diamond,
            nation_colour(scenario, code.as_str()),
            &format!("patrol {} ({code})", patrol.id),
        );
    }
}

/// Draws the aim points (squares), the impacts (crosses), then the aim points' labels with
/// their impacts, on top.
fn draw_aim_points(map: &mut MapDrawing, targets: &[&Place], night: &Night) {
    for t in targets {
        map.marker(
            t.at.lon_deg(),
            t.at.lat_deg(),
            Marker::Square,
            AIM_POINT_COLOUR,
            &format!("aim point {}", t.name),
        );
    }
    for (p, _) in &night.impacts {
        map.marker(p.0, p.1, Marker::Cross, IMPACT_COLOUR, "impact (leaker)");
    }
    for t in targets {
        let (lon, lat) = (t.at.lon_deg(), t.at.lat_deg());
        match night.impacts_at(&t.id) {
            0 => map.label(lon, lat, &t.name),
            1 => map.label(lon, lat, &format!("{} (1 impact)", t.name)),
            n => map.label(lon, lat, &format!("{} ({n} impacts)", t.name)),
        }
    }
}

/// The legend: the nations that shot or have sites, then every kind of marker and shaded zone.
fn legend(
    scenario: &Scenario,
    night: &Night,
    area_kinds: &[ZoneKind],
) -> Vec<(Marker, String, String)> {
    let mut legend: Vec<(Marker, String, String)> = scenario
        .nations
        .iter()
        .filter(|n| {
            night.kills.iter().any(|(_, k)| *k == n.code.as_str())
                || scenario.sites.iter().any(|s| s.nation == n.id)
        })
        .map(|n| {
            (
                Marker::Dot,
                nation_colour(scenario, n.code.as_str()).to_string(),
                format!("{} ({})", n.name, n.code),
            )
        })
        .collect();
    legend.push((Marker::Triangle, "#888".into(), "air-defence site".into()));
    legend.push((
        Marker::Diamond,
        "#888".into(),
        "fighter patrol station".into(),
    ));
    legend.push((Marker::Square, AIM_POINT_COLOUR.into(), "aim point".into()));
    legend.push((
        Marker::Cross,
        IMPACT_COLOUR.into(),
        "impact (leaker)".into(),
    ));
    legend.push((
        Marker::Cross,
        SPILL_COLOUR.into(),
        "spillover into NATO territory".into(),
    ));
    for kind in area_kinds {
        let (name, _, fill) = zone_kind(*kind);
        legend.push((Marker::Square, fill.into(), format!("{name} zone")));
    }
    legend
}

/// The map of the replication of the event log.
pub(super) fn map_section(input: &McReportInput) -> Section {
    night_map_section(
        input.scenario,
        input.events,
        &format!("Replication {}", input.events_replication),
    )
}

/// The map of one replication of `scenario` from its event log; `label` names the replication at
/// the head of the caption (`Replication 3`).
pub(crate) fn night_map_section(scenario: &Scenario, events: &[Event], label: &str) -> Section {
    let night = Night::from_events(events);
    let targets = aim_points(scenario);
    let mut map = MapDrawing::new(frame(scenario, &targets, &night), MAP_WIDTH);
    map.borders(Borders::bundled());
    if let Some(entry) = scenario.theatre.entry_meridian() {
        map.meridian(entry.entry_meridian_rad.to_degrees(), "theatre entry");
    }
    let area_kinds = draw_zones(&mut map, scenario);
    let ew_shaded = draw_ew_areas(&mut map, scenario);
    draw_intercepts_and_spills(&mut map, scenario, &night);
    draw_defences(&mut map, scenario);
    draw_aim_points(&mut map, &targets, &night);
    let mut legend = legend(scenario, &night, &area_kinds);
    if ew_shaded {
        legend.push((
            Marker::Square,
            EW_FILL.into(),
            "electronic warfare area".into(),
        ));
    }
    map.legend(&legend);
    Section::new("Map of one night").figure(
        map.finish("map of the region"),
        format!(
            "{label}: {} intercepts (dots, coloured by the shooter's nation), {} impacts and {} \
             spillovers (where a threat, interceptor or debris entered NATO territory). NATO members \
             are shaded green; dashed lines are the theatre entry meridian and meridian zones; \
             polygon and circle zones are shaded by kind, electronic-warfare areas in violet.",
            night.kills.len(),
            night.impacts.len(),
            night.spills.len()
        ),
    )
}
