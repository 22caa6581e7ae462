//! What an export holds, whatever its format: features with a kind, a shape in degrees, the time
//! they hold and their properties, in a fixed order.

use serde_json::Value;

/// What a feature shows: its `kind` property.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FeatureKind {
    /// A launched threat's path, from its launch point to where its flight ended.
    ThreatPath,
    /// Where a threat or an interceptor was launched.
    Launch,
    /// Where an interceptor destroyed its threat.
    Kill,
    /// Where a leaker reached its aim point.
    Impact,
    /// Where a missed interceptor (or its fragments) hit the ground.
    MissFall,
    /// The footprint where a kill's debris falls.
    Debris,
    /// Where something entered NATO territory.
    Spillover,
    /// A ground-based air-defence site.
    Site,
    /// The station of a fighter patrol.
    Station,
}

impl FeatureKind {
    /// Every kind, in the order an export lists them.
    pub const ALL: [FeatureKind; 9] = [
        FeatureKind::Site,
        FeatureKind::Station,
        FeatureKind::ThreatPath,
        FeatureKind::Launch,
        FeatureKind::Kill,
        FeatureKind::Debris,
        FeatureKind::MissFall,
        FeatureKind::Impact,
        FeatureKind::Spillover,
    ];

    /// The `kind` property's value.
    pub const fn name(self) -> &'static str {
        match self {
            FeatureKind::ThreatPath => "threat_path",
            FeatureKind::Launch => "launch",
            FeatureKind::Kill => "kill",
            FeatureKind::Impact => "impact",
            FeatureKind::MissFall => "miss_fall",
            FeatureKind::Debris => "debris",
            FeatureKind::Spillover => "spillover",
            FeatureKind::Site => "site",
            FeatureKind::Station => "station",
        }
    }

    /// How a map tool's layer list names the features of this kind.
    pub const fn title(self) -> &'static str {
        match self {
            FeatureKind::ThreatPath => "Threat paths",
            FeatureKind::Launch => "Launches",
            FeatureKind::Kill => "Kills",
            FeatureKind::Impact => "Impacts",
            FeatureKind::MissFall => "Falls of missed interceptors",
            FeatureKind::Debris => "Debris footprints",
            FeatureKind::Spillover => "Spillover into NATO territory",
            FeatureKind::Site => "Air-defence sites",
            FeatureKind::Station => "Fighter patrol stations",
        }
    }
}

/// A feature's shape, in `[lon, lat]` degrees.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// One point.
    Point([f64; 2]),
    /// A line through the points, in order.
    Line(Vec<[f64; 2]>),
    /// A closed ring (its first point repeated last), counter-clockwise.
    Area(Vec<[f64; 2]>),
}

impl Shape {
    /// Every point of the shape.
    pub fn points(&self) -> &[[f64; 2]] {
        match self {
            Shape::Point(point) => std::slice::from_ref(point),
            Shape::Line(points) | Shape::Area(points) => points,
        }
    }
}

/// When a feature holds: from `start` to `end` (equal for an instant), seconds since the scenario
/// start and as ISO-8601 UTC text.
#[derive(Clone, Debug, PartialEq)]
pub struct When {
    /// Start, seconds since the scenario start.
    pub start_s: f64,
    /// End, seconds since the scenario start.
    pub end_s: f64,
    /// Start, ISO-8601 UTC.
    pub start: String,
    /// End, ISO-8601 UTC.
    pub end: String,
}

impl When {
    /// Whether the feature marks one instant.
    pub fn is_instant(&self) -> bool {
        self.start == self.end
    }
}

/// One feature of an export.
#[derive(Clone, Debug, PartialEq)]
pub struct MapFeature {
    /// What it shows.
    pub kind: FeatureKind,
    /// Its label (a threat's name, a site's id, ...).
    pub name: String,
    /// Where.
    pub shape: Shape,
    /// When.
    pub when: When,
    /// What else is known about it, in a fixed order (the time properties and `kind` excluded);
    /// numbers in SI units or as their names say.
    pub properties: Vec<(&'static str, Value)>,
}

impl MapFeature {
    /// Every property of the feature, in order: `kind`, `name`, the time properties (`start`,
    /// `end`, `start_s`, `end_s`, and `time` for an instant), then the rest; empty values left out.
    pub fn all_properties(&self) -> Vec<(&'static str, Value)> {
        let when = &self.when;
        let mut all = vec![
            ("kind", Value::from(self.kind.name())),
            ("name", Value::from(self.name.as_str())),
            ("start", Value::from(when.start.as_str())),
            ("end", Value::from(when.end.as_str())),
            ("start_s", Value::from(when.start_s)),
            ("end_s", Value::from(when.end_s)),
        ];
        if when.is_instant() {
            all.push(("time", Value::from(when.start.as_str())));
        }
        all.extend(
            self.properties
                .iter()
                .filter(|(_, value)| !value.is_null())
                .cloned(),
        );
        all
    }
}
