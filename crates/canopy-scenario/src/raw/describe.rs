//! What each key of the scenario file accepts, in words: the "allowed" part of error messages,
//! and of each key's description in the JSON Schema (`canopy schema`).

/// What `ew.lost_share` accepts.
pub(crate) const EW_LOST_SHARE_RULE: &str =
    "a probability between 0 and 1 that a drone or decoy flying into the area loses its way";

/// What `raid.launch` and `raid.targets` accept.
pub(crate) const RAID_PLACES_RULE: &str = "a place id (of data/places.csv, data/cities.csv or a [[place]] table), a list of place ids, or a table of place id = weight (a number above 0), e.g. { kursk = 2, oryol = 1 }";

/// What `c2.cost_weight` accepts.
pub(crate) const C2_COST_WEIGHT_RULE: &str = "a number of 0 or more: the weight of one USD of interceptor cost against one USD of damage averted (default 2)";

/// What `rules.populated_debris_cost_usd` accepts.
pub(crate) const POPULATED_DEBRIS_COST_RULE: &str = "a cost in US dollars, 0 or more (default 0), weighed for a kill whose debris falls on a populated area";

/// What a value of `[aim_point_value_usd]` accepts.
pub(crate) const AIM_POINT_VALUE_RULE: &str = "a value in US dollars, 0 or more, e.g. lviv = 80e6 (default: by kind of place, data/library/evaluation.toml)";

/// What `c2.decoy_discrimination` accepts.
pub(crate) const C2_DISCRIMINATION_RULE: &str =
    "a probability between 0 and 1 that C2 recognises a decoy's track (default 0)";

/// What each field accepts (field paths without indices), for error messages.
pub(crate) fn describe(field: &str) -> Option<&'static str> {
    const POINT: &str = "[lat, lon] in degrees: latitude in [-90, 90], longitude in [-180, 180]";
    const ID: &str = crate::ids::ID_RULE;
    const DURATION: &str = "a duration in quotes such as \"90s\", \"45m\", \"14h\", \"1h30m\"";
    const NATION: &str = "a nation code declared in a [[nation]] table, e.g. \"PL\"";
    const PLACE: &str = "a place id of data/places.csv (e.g. \"lviv\", \"kursk\", \"eprz\") or of a [[place]] table";
    Some(match field {
        "schema_version" => "schema_version = 1 (the only version)",
        "scenario" => {
            "a [scenario] table with name, start, duration, seed (description, step, decision_cycle optional)"
        }
        "scenario.name" => "a name in quotes",
        "scenario.description" => "a text in quotes",
        "scenario.start" => crate::clock::START_RULE,
        "scenario.duration"
        | "patrol.endurance"
        | "authority.approval_delay"
        | "c2.decoy_discrimination_after" => DURATION,
        "scenario.step" => "a duration in quotes such as \"1s\" or \"500ms\" (default \"1s\")",
        "scenario.decision_cycle" => "a duration in quotes such as \"5s\" (default \"5s\")",
        "scenario.seed" => "a whole number of 0 or more",
        "theatre" => {
            "a [theatre] table with entry_meridian_deg and en_route_attrition (both, or neither for whole flights)"
        }
        "theatre.entry_meridian_deg" => "a longitude in degrees, in [-180, 180]",
        "theatre.en_route_attrition" => "a probability between 0 and 1",
        "nation" => "[[nation]] tables with code, name, coalition",
        "nation.code" => "an ISO 3166-1 alpha-2 code in quotes, e.g. \"PL\"",
        "nation.name" => "a name in quotes",
        "nation.coalition" | "rules.forbid_debris_on_nato" => "true or false",
        "rules" => {
            "[[rules]] tables with nation, threat_classes, min_distance_from_km, forbid_debris_on_nato (populated_debris_cost_usd optional)"
        }
        "rules.nation" | "site.nation" | "patrol.nation" => NATION,
        "zone.nations" => {
            "a list of nation codes declared in [[nation]] tables, e.g. [\"PL\", \"SK\"]"
        }
        "rules.threat_classes" => "a list of \"drone\", \"decoy\", \"cruise\", \"ballistic\"",
        "rules.min_distance_from_km" => {
            "a table of country code = distance in km (0 or more), e.g. { BY = 50, RU = 100 }"
        }
        "zone" => "[[zone]] tables with id, kind, nations and one shape",
        "ew" => "[[ew]] tables with id, nation, lost_share and one shape",
        "ew.nation" => NATION,
        "ew.lost_share" => EW_LOST_SHARE_RULE,
        "ew.id" | "zone.id" | "site.id" | "patrol.id" | "raid.id" | "place.id" => ID,
        "zone.kind" => "\"engagement\", \"no-fire\" or \"approval-required\"",
        "zone.west_of_meridian"
        | "zone.east_of_meridian"
        | "ew.west_of_meridian"
        | "ew.east_of_meridian" => "a longitude in degrees, in [-180, 180]",
        "zone.polygon" | "ew.polygon" => {
            "a closed ring [[lat, lon], ...] (first point repeated at the end) or a GeoJSON file path in quotes"
        }
        "zone.circle" | "ew.circle" => "{ at = [lat, lon], radius_km = R }",
        "zone.circle.radius_km" | "ew.circle.radius_km" => "a radius in km, 0 or more",
        "zone.countries" | "ew.countries" => {
            "a list of country codes of data/borders.geojson, e.g. [\"UA\"]"
        }
        "site.system" => "a system id of data/library/systems.toml, e.g. \"patriot\"",
        "site.at" | "patrol.station" | "raid.via" | "place.at" | "zone.circle.at"
        | "ew.circle.at" => POINT,
        "site.magazine" | "patrol.loadout" => {
            "a table of munition id = rounds (a whole number, 0 or more), e.g. { pac3-mse = 16 }"
        }
        "patrol.aircraft" => "an aircraft id of data/library/aircraft.toml, e.g. \"f-16c\"",
        "patrol.count" => "a whole number of aircraft, 1 to 64",
        "patrol.spares" => "a whole number of spare aircraft, 0 to 64 (default 0)",
        "patrol.base" => PLACE,
        "raid.launch" | "raid.targets" => RAID_PLACES_RULE,
        "patrol.altitude_m" => "an altitude in metres, above 0 and at most 20000",
        "patrol.on_station" => crate::clock::CLOCK_RULE,
        "raid.threat" => "a threat id of data/library/threats.toml, e.g. \"shahed-136\"",
        "raid.count" => "a whole number of threats, 1 to 100000",
        "raid.window" => "[first, last] launch clock times, e.g. [\"22:00\", \"00:30\"]",
        "authority" => {
            "an [authority] table with mode and approval_delay (refuse_within_km_of optional)"
        }
        "authority.refuse_within_km_of" => {
            "{ country = CODE, distance_km = D }: approvals of intercepts within D km of the country are refused"
        }
        "authority.refuse_within_km_of.country" => {
            "a country code of data/borders.geojson, e.g. \"BY\""
        }
        "authority.refuse_within_km_of.distance_km" => "a distance in km, 0 or more",
        "authority.mode" => "\"delegated\" or \"per-engagement\"",
        "c2" => {
            "a [c2] table with decoy_discrimination, decoy_discrimination_after and cost_weight (all optional)"
        }
        "c2.decoy_discrimination" => C2_DISCRIMINATION_RULE,
        "c2.cost_weight" => C2_COST_WEIGHT_RULE,
        "place" => "[[place]] tables with id, name, at, kind, country",
        "uncertainty" => "an [uncertainty] table with sample_library_ranges = true or false",
        "sensor" => {
            "[[sensor]] tables with id, nation, sensor, at (and height_m, orbit or field_radius_km)"
        }
        "sensor.id" => ID,
        "sensor.nation" => NATION,
        "sensor.sensor" => "a sensor id of data/library/sensors.toml, e.g. \"36d6\"",
        "sensor.at" => POINT,
        "sensor.height_m" => "an antenna height above the ground in metres, 0 to 1000",
        "sensor.orbit" => "{ radius_km = R, altitude_m = H, speed_kmh = V } for an airborne radar",
        "sensor.orbit.radius_km" => "an orbit radius in km, 0 to 500",
        "sensor.orbit.altitude_m" => "an altitude in metres, above 0 and at most 20000",
        "sensor.orbit.speed_kmh" => "a speed in km/h, above 0 and at most 3000",
        "sensor.field_radius_km" => {
            "the radius of an acoustic network's field in km, above 0 and at most 2000"
        }
        "place.name" | "place.kind" | "place.country" => "a text in quotes",
        "rules.populated_debris_cost_usd" => POPULATED_DEBRIS_COST_RULE,
        "aim_point_value_usd" => {
            "a table of aim point id = value in US dollars, e.g. { lviv = 80e6 }"
        }
        f if f.starts_with("aim_point_value_usd.") => AIM_POINT_VALUE_RULE,
        _ => return None,
    })
}
