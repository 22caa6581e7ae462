//! `[[sensor]]`: radars on masts, airborne radars in orbits and acoustic networks over fields.

use super::Context;
use super::common;
use super::nations::nation_id;
use crate::error::{ErrorKind, ScenarioError};
use crate::ids::{UniqueIds, check_id};
use crate::library::{SensorIndex, SensorKind};
use crate::model::{Nation, SensorPlatform, SensorSite};
use crate::raw::{
    MAX_ALTITUDE_M, MAX_FIELD_RADIUS_KM, MAX_MAST_HEIGHT_M, MAX_ORBIT_RADIUS_KM,
    MAX_ORBIT_SPEED_KMH, RawSensorSite,
};
use crate::units::{km_to_m, kmh_to_mps};

/// The sensors, in file order.
pub(super) fn sensors(
    cx: &Context<'_, '_>,
    raw: &[RawSensorSite],
    nations: &[Nation],
) -> Result<Vec<SensorSite>, ScenarioError> {
    let types: Vec<&str> = cx.library.sensors.iter().map(|s| s.id.as_str()).collect();
    let mut ids = UniqueIds::default();
    raw.iter()
        .enumerate()
        .map(|(i, site)| {
            let field = format!("sensor[{i}]");
            let id_field = format!("{field}.id");
            let id = check_id(cx.file, &id_field, &site.id)?;
            ids.insert(cx.file, &id_field, &site.id, "sensors")?;
            let nation = nation_id(cx, &format!("{field}.nation"), &site.nation, nations)?;
            let sensor = SensorIndex(common::resolve(
                cx.file,
                &format!("{field}.sensor"),
                &site.sensor,
                "sensor",
                &types,
            )?);
            Ok(SensorSite {
                id,
                nation,
                sensor,
                at: common::point(cx.file, &format!("{field}.at"), &site.at)?,
                platform: platform(cx, &field, site, sensor)?,
            })
        })
        .collect()
}

/// The platform the keys describe, checked against the sensor's kind: a field for an acoustic
/// network, an orbit or a mast for a radar.
fn platform(
    cx: &Context<'_, '_>,
    field: &str,
    site: &RawSensorSite,
    sensor: SensorIndex,
) -> Result<SensorPlatform, ScenarioError> {
    let kind = cx.library.sensor(sensor).kind;
    let refuse = |span: std::ops::Range<usize>, key: &str, problem: &str, allowed: &str| {
        cx.file.error(
            ErrorKind::Schema,
            span,
            format!("{field}.{key}"),
            problem.to_string(),
            allowed.to_string(),
        )
    };
    match (kind, &site.field_radius_km, &site.orbit) {
        (SensorKind::Acoustic, _, Some(orbit)) => Err(refuse(
            orbit.span(),
            "orbit",
            "`orbit` given for an acoustic network",
            "field_radius_km only",
        )),
        (SensorKind::Acoustic, Some(radius), None) => {
            if let Some(height) = &site.height_m {
                return Err(refuse(
                    height.span(),
                    "height_m",
                    "`height_m` given for an acoustic network",
                    "field_radius_km only",
                ));
            }
            let radius_km = common::number(
                cx.file,
                &format!("{field}.field_radius_km"),
                radius,
                f64::MIN_POSITIVE..=MAX_FIELD_RADIUS_KM,
                "a radius in km, above 0 and at most 2000",
            )?;
            Ok(SensorPlatform::Field {
                radius_m: km_to_m(radius_km),
            })
        }
        (SensorKind::Acoustic, None, None) => Err(refuse(
            site.sensor.span(),
            "field_radius_km",
            "an acoustic network needs `field_radius_km`",
            "field_radius_km = R (km)",
        )),
        (SensorKind::Radar, Some(radius), _) => Err(refuse(
            radius.span(),
            "field_radius_km",
            "`field_radius_km` given for a radar",
            "height_m or orbit",
        )),
        (SensorKind::Radar, None, Some(orbit)) if site.height_m.is_some() => Err(refuse(
            orbit.span(),
            "orbit",
            "`orbit` given with `height_m`",
            "either height_m (a mast) or orbit (an aircraft)",
        )),
        (SensorKind::Radar, None, Some(orbit)) => {
            let orbit = orbit.get_ref();
            let number = |key: &str, raw, allowed, rule: &str| {
                common::number(cx.file, &format!("{field}.orbit.{key}"), raw, allowed, rule)
            };
            Ok(SensorPlatform::Orbit {
                radius_m: km_to_m(number(
                    "radius_km",
                    &orbit.radius_km,
                    0.0..=MAX_ORBIT_RADIUS_KM,
                    "an orbit radius in km, 0 to 500",
                )?),
                altitude_m: number(
                    "altitude_m",
                    &orbit.altitude_m,
                    f64::MIN_POSITIVE..=MAX_ALTITUDE_M,
                    "an altitude in metres, above 0 and at most 20000",
                )?,
                speed_mps: kmh_to_mps(number(
                    "speed_kmh",
                    &orbit.speed_kmh,
                    f64::MIN_POSITIVE..=MAX_ORBIT_SPEED_KMH,
                    "a speed in km/h, above 0 and at most 3000",
                )?),
            })
        }
        (SensorKind::Radar, None, None) => {
            let height_m = match &site.height_m {
                Some(raw) => common::number(
                    cx.file,
                    &format!("{field}.height_m"),
                    raw,
                    0.0..=MAX_MAST_HEIGHT_M,
                    "an antenna height above the ground in metres, 0 to 1000",
                )?,
                None => cx.library.sensor(sensor).antenna_height_m,
            };
            Ok(SensorPlatform::Mast { height_m })
        }
    }
}
