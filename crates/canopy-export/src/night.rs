//! The features of one night: each launched threat's path (the engine's route,
//! [`canopy_sim::paths`], cut where the event log ends its flight), what the log says happened
//! where, and the scenario's sites and patrol stations.

use std::collections::BTreeMap;

use canopy_core::{EngagementId, MunitionName, SimTime, UnitName};
use canopy_geo::GeoPoint;
use canopy_report::theatre::circle_ring;
use canopy_scenario::Scenario;
use canopy_sim::paths::{round, threat_path};
use canopy_sim::{Event, Position, PreparedScenario};
use serde_json::Value;

use crate::check::check;
use crate::error::ExportError;
use crate::fates::{FateKind, Records};
use crate::feature::{FeatureKind, MapFeature, Shape, When};

/// Decimals of a coordinate, degrees (1e-5° is about a metre).
const COORDINATE_DIGITS: i32 = 5;

/// The features of a night: its sites and stations, then what the log holds, grouped by kind in
/// the order of [`FeatureKind::ALL`] and in log order within a kind. An event that cannot be
/// drawn (a time outside a night, a position off the Earth), or a threat that the scenario does
/// not launch as the log has it, is an [`ExportError::Event`] naming the event's index.
pub fn features(
    prepared: &PreparedScenario,
    events: &[Event],
) -> Result<Vec<MapFeature>, ExportError> {
    for (index, event) in events.iter().enumerate() {
        check(index, event)?;
    }
    let night = Night::new(prepared, events);
    let mut features = night.defences();
    for (index, event) in events.iter().enumerate() {
        features.extend(night.threat(event).map_err(|message| ExportError::Event {
            index,
            message: format!(
                "{message}; the log does not come from this scenario (another file, or other \
                 --set overlays?)"
            ),
        })?);
        features.extend(night.of_event(event));
    }
    features.sort_by_key(|f| FeatureKind::ALL.iter().position(|&kind| kind == f.kind));
    Ok(features)
}

/// A night being exported: the scenario, what the log says of each threat, and each
/// engagement's shooter and munition.
struct Night<'a> {
    prepared: &'a PreparedScenario,
    scenario: &'a Scenario,
    records: Records,
    shots: BTreeMap<EngagementId, (&'a UnitName, &'a MunitionName)>,
}

impl<'a> Night<'a> {
    fn new(prepared: &'a PreparedScenario, events: &'a [Event]) -> Night<'a> {
        let shots = events
            .iter()
            .filter_map(|event| match event {
                Event::Launch {
                    engagement,
                    shooter,
                    munition,
                    ..
                } => Some((*engagement, (shooter, munition))),
                _ => None,
            })
            .collect();
        Night {
            prepared,
            scenario: &prepared.scenario,
            records: Records::of(events),
            shots,
        }
    }

    /// From `start` to `end`.
    fn span(&self, start: SimTime, end: SimTime) -> When {
        When {
            start_s: round(start.as_secs_f64(), 3),
            end_s: round(end.as_secs_f64(), 3),
            start: self.scenario.utc_at(start),
            end: self.scenario.utc_at(end),
        }
    }

    /// At `time`.
    fn instant(&self, time: SimTime) -> When {
        self.span(time, time)
    }

    /// The whole night, from the scenario start to the log's last event.
    fn whole_night(&self, from: SimTime) -> When {
        let end = self.records.end();
        self.span(from.min(end), end)
    }

    /// The shooter and munition of an engagement, as properties.
    fn shot(&self, engagement: EngagementId) -> [(&'static str, Value); 2] {
        let (shooter, munition) = self
            .shots
            .get(&engagement)
            .map_or((Value::Null, Value::Null), |(shooter, munition)| {
                (text(shooter.as_str()), text(munition.as_str()))
            });
        [("shooter", shooter), ("munition", munition)]
    }

    /// The path and the launch point of a launched threat, for its `threat_launched` event
    /// (nothing for other events); an error when the scenario does not launch it so.
    fn threat(&self, event: &Event) -> Result<Vec<MapFeature>, String> {
        let Event::ThreatLaunched {
            time,
            threat,
            name,
            threat_type,
            class,
            target,
            cost_usd,
        } = event
        else {
            return Ok(Vec::new());
        };
        let spec = self.prepared.threats.get(threat.index()).ok_or_else(|| {
            format!(
                "threat {} (`{name}`) is launched, but the scenario launches {} threats",
                threat.0,
                self.prepared.threats.len()
            )
        })?;
        let path = threat_path(self.prepared, spec);
        let as_logged = (name.as_str(), threat_type.as_str(), target.as_str());
        let as_planned = (
            path.name.as_str(),
            path.threat_type.as_str(),
            path.target.as_str(),
        );
        if as_logged != as_planned {
            return Err(format!(
                "threat {} is {as_logged:?} (name, type, aim point), but {as_planned:?} in the scenario",
                threat.0
            ));
        }
        let record = self.records.of_threat(*threat);
        let (fate, end, at) = record
            .fate
            .map_or((FateKind::Unknown, self.records.end(), None), |fate| {
                (fate.kind, fate.time, fate.at)
            });
        let Some(&[_, lat, lon]) = path.path.first() else {
            return Ok(Vec::new());
        };
        let launch_point = lon_lat(lat, lon);
        let mut flown: Vec<[f64; 2]> = path
            .until(end.as_secs_f64())
            .iter()
            .map(|&[_, lat, lon]| lon_lat(lat, lon))
            .collect();
        if let (Some(at), Some(last)) = (at, flown.last_mut()) {
            *last = position(&at);
        }
        if flown.len() < 2 {
            flown.insert(0, launch_point);
        }
        let described = [
            ("threat", Value::from(threat.0)),
            ("threat_type", text(threat_type.as_str())),
            ("class", text(class.as_str())),
            ("target", text(target.as_str())),
        ];
        let mut path_properties = described.to_vec();
        path_properties.extend([
            ("fate", text(fate.name())),
            ("shots", Value::from(record.shots)),
            (
                "unengaged_reason",
                record.unengaged.map_or(Value::Null, |r| text(r.as_str())),
            ),
            ("cost_usd", Value::from(*cost_usd)),
        ]);
        let mut launch_properties = vec![("object", text("threat"))];
        launch_properties.extend(described);
        Ok(vec![
            MapFeature {
                kind: FeatureKind::ThreatPath,
                name: name.clone(),
                shape: Shape::Line(flown),
                when: self.span(*time, end.max(*time)),
                properties: path_properties,
            },
            MapFeature {
                kind: FeatureKind::Launch,
                name: name.clone(),
                shape: Shape::Point(launch_point),
                when: self.instant(*time),
                properties: launch_properties,
            },
        ])
    }

    /// A point feature at `at` at the time of `event`.
    fn point_at(
        &self,
        event: &Event,
        kind: FeatureKind,
        name: String,
        at: &Position,
        properties: Vec<(&'static str, Value)>,
    ) -> MapFeature {
        MapFeature {
            kind,
            name,
            shape: Shape::Point(position(at)),
            when: self.instant(event.time()),
            properties,
        }
    }

    /// The features an event other than a threat's launch marks.
    fn of_event(&self, event: &Event) -> Vec<MapFeature> {
        match event {
            Event::Launch {
                engagement,
                threat,
                shooter,
                nation,
                munition,
                cost_usd,
                from,
                dash_m,
                ..
            } => {
                let properties = vec![
                    ("object", text("interceptor")),
                    ("engagement", Value::from(engagement.0)),
                    ("threat", Value::from(threat.0)),
                    ("shooter", text(shooter.as_str())),
                    ("nation", text(nation.as_str())),
                    ("munition", text(munition.as_str())),
                    ("cost_usd", Value::from(*cost_usd)),
                    ("dash_m", Value::from(round(*dash_m, 0))),
                ];
                let name = format!("{munition} from {shooter}");
                vec![self.point_at(event, FeatureKind::Launch, name, from, properties)]
            }
            Event::Kill { .. } => self.kill(event),
            Event::Miss {
                engagement,
                threat,
                nation,
                cause,
                fall_point,
                fall_country,
                ..
            } => {
                let mut properties = vec![
                    ("engagement", Value::from(engagement.0)),
                    ("threat", Value::from(threat.0)),
                    ("nation", text(nation.as_str())),
                    ("cause", serde_json::to_value(cause).unwrap_or(Value::Null)),
                    (
                        "fall_country",
                        fall_country.map_or(Value::Null, |c| text(c.as_str())),
                    ),
                ];
                properties.extend(self.shot(*engagement));
                let name = format!("fall of an interceptor fired at threat {}", threat.0);
                vec![self.point_at(event, FeatureKind::MissFall, name, fall_point, properties)]
            }
            Event::Impact {
                threat, target, at, ..
            } => {
                let properties = vec![
                    ("threat", Value::from(threat.0)),
                    ("target", text(target.as_str())),
                ];
                let name = format!("impact on {target}");
                vec![self.point_at(event, FeatureKind::Impact, name, at, properties)]
            }
            Event::Spillover { .. } => self.spillover(event),
            _ => Vec::new(),
        }
    }

    /// A kill's point and its debris footprint.
    fn kill(&self, event: &Event) -> Vec<MapFeature> {
        let Event::Kill {
            engagement,
            threat,
            nation,
            at,
            debris_centre,
            debris_radius_m,
            ..
        } = event
        else {
            return Vec::new();
        };
        let mut properties = vec![
            ("engagement", Value::from(engagement.0)),
            ("threat", Value::from(threat.0)),
            ("nation", text(nation.as_str())),
        ];
        properties.extend(self.shot(*engagement));
        let mut kill_properties = properties.clone();
        kill_properties.push(("alt_m", Value::from(round(at.alt_m, 0))));
        properties.push(("radius_m", Value::from(round(*debris_radius_m, 0))));
        let kill_name = format!("kill of threat {}", threat.0);
        vec![
            self.point_at(event, FeatureKind::Kill, kill_name, at, kill_properties),
            MapFeature {
                kind: FeatureKind::Debris,
                name: format!("debris of threat {}", threat.0),
                shape: footprint(debris_centre, *debris_radius_m),
                when: self.instant(event.time()),
                properties,
            },
        ]
    }

    /// Where something entered NATO territory: over the threat's stay in the airspace, at the
    /// instant of a fall.
    fn spillover(&self, event: &Event) -> Vec<MapFeature> {
        let Event::Spillover {
            time,
            object,
            threat,
            country,
            near,
            time_inside,
            depth_m,
            at,
        } = event
        else {
            return Vec::new();
        };
        vec![MapFeature {
            kind: FeatureKind::Spillover,
            name: format!("{} into {country} near {near}", object.name()),
            shape: Shape::Point(position(at)),
            when: self.span(*time - *time_inside, *time),
            properties: vec![
                ("object", text(object.name())),
                ("threat", Value::from(threat.0)),
                ("country", text(country.as_str())),
                ("near", text(near)),
                (
                    "time_inside_s",
                    Value::from(round(time_inside.as_secs_f64(), 3)),
                ),
                ("depth_m", Value::from(round(*depth_m, 0))),
            ],
        }]
    }

    /// The scenario's sites (the whole night) and patrol stations (from the patrol's first
    /// arrival on station).
    fn defences(&self) -> Vec<MapFeature> {
        let scenario = self.scenario;
        let library = &scenario.library;
        let nation = |id: canopy_core::NationId| text(scenario.nations[id.index()].code.as_str());
        let rounds = |load: &[(canopy_scenario::MunitionIndex, u32)]| {
            let listed: Vec<String> = load
                .iter()
                .map(|&(munition, rounds)| format!("{} {rounds}", library.munition(munition).id))
                .collect();
            text(&listed.join(", "))
        };
        let sites = scenario.sites.iter().map(|site| MapFeature {
            kind: FeatureKind::Site,
            name: site.id.clone(),
            shape: Shape::Point(point(site.at)),
            when: self.whole_night(SimTime::START),
            properties: vec![
                ("nation", nation(site.nation)),
                ("system", text(&library.system(site.system).id)),
                ("magazine", rounds(&site.magazine)),
            ],
        });
        let stations = scenario.patrols.iter().map(|patrol| MapFeature {
            kind: FeatureKind::Station,
            name: patrol.id.clone(),
            shape: Shape::Point(point(patrol.station)),
            when: self.whole_night(patrol.on_station),
            properties: vec![
                ("nation", nation(patrol.nation)),
                ("aircraft", text(&library.aircraft(patrol.aircraft).id)),
                ("count", Value::from(patrol.count)),
                ("spares", Value::from(patrol.spares)),
                ("loadout", rounds(&patrol.loadout)),
                ("base", text(&patrol.base.id)),
                ("altitude_m", Value::from(round(patrol.altitude_m, 0))),
            ],
        });
        sites.chain(stations).collect()
    }
}

/// A text property.
fn text(value: &str) -> Value {
    Value::from(value)
}

/// `[lon, lat]` of degrees, rounded.
fn lon_lat(lat_deg: f64, lon_deg: f64) -> [f64; 2] {
    [
        round(lon_deg, COORDINATE_DIGITS),
        round(lat_deg, COORDINATE_DIGITS),
    ]
}

/// `[lon, lat]` of a logged position.
fn position(at: &Position) -> [f64; 2] {
    lon_lat(at.lat_deg, at.lon_deg)
}

/// `[lon, lat]` of a scenario point.
fn point(at: GeoPoint) -> [f64; 2] {
    lon_lat(at.lat_deg(), at.lon_deg())
}

/// A debris footprint: the geodesic circle, counter-clockwise, or its centre when it has no
/// radius.
fn footprint(centre: &Position, radius_m: f64) -> Shape {
    if radius_m <= 0.0 || !radius_m.is_finite() {
        return Shape::Point(position(centre));
    }
    let mut ring: Vec<[f64; 2]> = circle_ring(centre.point(), radius_m)
        .into_iter()
        .map(|[lon, lat]| lon_lat(lat.to_degrees(), lon.to_degrees()))
        .collect();
    ring.reverse();
    Shape::Area(ring)
}
