//! Stage two: the permissive [`RawScenario`] becomes the typed [`Scenario`], or the first problem
//! found becomes a located [`ScenarioError`].

mod aim_points;
mod common;
mod ew;
mod forces;
mod nations;
mod raids;
mod sensors;
mod zones;

use crate::clock::{START_RULE, Start};
use crate::error::{ErrorKind, ScenarioError};
use crate::ids::{UniqueIds, check_id};
use crate::library::Library;
use crate::model::{Authority, C2Settings, EntryMeridian, Refusal, Scenario, Theatre, Uncertainty};
use crate::places::{Place, Places};
use crate::raw::{
    C2_COST_WEIGHT_RULE, C2_DISCRIMINATION_RULE, RawHeader, RawPlace, RawScenario, VersionProbe,
};
use crate::source::SourceFile;
use crate::spanned::Spanned;
use crate::units::{deg_to_rad, km_to_m};
use canopy_core::SimDuration;
use std::path::Path;

/// The only schema version this crate reads.
pub(crate) const SCHEMA_VERSION: i64 = 1;

/// What every section's checks need: the file, the library, the places, the clock.
pub(crate) struct Context<'f, 'a> {
    file: &'f SourceFile<'a>,
    /// Directory that relative paths in the file are relative to.
    base_dir: &'f Path,
    library: Library,
    places: Places,
    start: Start,
    duration: SimDuration,
}

impl Context<'_, '_> {
    /// The place with id `id`, or an error naming the known ids.
    fn place(&self, field: &str, id: &Spanned<String>) -> Result<Place, ScenarioError> {
        if let Some(place) = self.places.get(id.get_ref()) {
            return Ok(place.clone());
        }
        let known: Vec<&str> = self.places.ids().collect();
        let index = common::resolve(self.file, field, id, "place", &known)?;
        Ok(self.places.all()[index].clone())
    }
}

/// Parses and validates a scenario text.
pub(crate) fn scenario(
    file: &mut SourceFile<'_>,
    base_dir: &Path,
) -> Result<Scenario, ScenarioError> {
    let probe: VersionProbe = file.parse()?;
    if *probe.schema_version.get_ref() != SCHEMA_VERSION {
        return Err(file.error(
            ErrorKind::Value,
            probe.schema_version.span(),
            "schema_version",
            format!("unknown schema_version {}", probe.schema_version.get_ref()),
            format!("schema_version = {SCHEMA_VERSION}"),
        ));
    }
    let raw: RawScenario = file.parse()?;
    let file: &SourceFile<'_> = file;
    let header = &raw.scenario;
    let start_error = |problem: String| {
        file.error(
            ErrorKind::Value,
            header.start.span(),
            "scenario.start",
            problem,
            START_RULE,
        )
    };
    let start_utc = match header.start.get_ref() {
        toml::Value::String(text) => text.clone(),
        toml::Value::Datetime(datetime) => datetime.to_string(),
        other => return Err(start_error(format!("invalid type: {}", other.type_str()))),
    };
    let start = Start::parse(&start_utc).map_err(start_error)?;
    let duration = common::duration(file, "scenario.duration", &header.duration, true)?;
    let mut cx = Context {
        file,
        base_dir,
        library: Library::bundled()?,
        places: Places::bundled()?.clone(),
        start,
        duration,
    };
    let seed = seed(file, header)?;
    let step = optional_duration(file, "scenario.step", &header.step, 1, duration)?;
    let decision_cycle = optional_duration(
        file,
        "scenario.decision_cycle",
        &header.decision_cycle,
        DEFAULT_DECISION_CYCLE_S,
        duration,
    )?;
    let theatre = theatre(&cx, &raw)?;
    extra_places(&mut cx, &raw.place)?;
    let mut nations = nations::nations(&cx, &raw.nation)?;
    nations::rules(&cx, &raw.rules, &mut nations)?;
    let zones = zones::zones(&cx, &raw.zone, &nations)?;
    let mut unit_ids = UniqueIds::default();
    let sites = forces::sites(&cx, &raw.site, &nations, &mut unit_ids)?;
    let patrols = forces::patrols(&cx, &raw.patrol, &nations, &mut unit_ids)?;
    nations::require_rules_and_zones(&cx, &raw.nation, &nations, &sites, &patrols, &zones)?;
    let raids = raids::raids(&cx, &raw.raid)?;
    let sensors = sensors::sensors(&cx, &raw.sensor, &nations)?;
    let ew = ew::areas(&cx, &raw.ew, &nations)?;
    let authority = authority(&cx, &raw)?;
    let c2 = c2(&cx, &raw)?;
    let aim_points = aim_points::aim_points(&cx, &raw.aim_point_value_usd, &raids)?;
    Ok(Scenario {
        name: header.name.clone(),
        description: header.description.clone(),
        start_utc,
        start_unix_s: start.unix_seconds(),
        start_unix_us: start.unix_micros(),
        duration,
        seed,
        step,
        decision_cycle,
        theatre,
        nations,
        sites,
        patrols,
        raids,
        aim_points,
        sensors,
        ew,
        zones,
        authority,
        c2,
        uncertainty: Uncertainty {
            sample_library_ranges: raw.uncertainty.sample_library_ranges,
        },
        library: cx.library,
    })
}

/// The decision cycle when the scenario gives none, seconds.
pub const DEFAULT_DECISION_CYCLE_S: i64 = 5;

fn seed(file: &SourceFile<'_>, header: &RawHeader) -> Result<u64, ScenarioError> {
    u64::try_from(*header.seed.get_ref()).map_err(|_| {
        file.error(
            ErrorKind::Value,
            header.seed.span(),
            "scenario.seed",
            format!("{} is negative", header.seed.get_ref()),
            "a whole number of 0 or more",
        )
    })
}

/// An optional positive duration of the `[scenario]` table, no longer than the run.
fn optional_duration(
    file: &SourceFile<'_>,
    field: &str,
    raw: &Option<Spanned<String>>,
    default_s: i64,
    duration: SimDuration,
) -> Result<SimDuration, ScenarioError> {
    let Some(raw) = raw else {
        return Ok(SimDuration::from_secs(default_s));
    };
    let value = common::duration(file, field, raw, true)?;
    if value > duration {
        return Err(file.error(
            ErrorKind::Value,
            raw.span(),
            field,
            "it is longer than the scenario's duration",
            format!("a duration no longer than `duration`, e.g. \"{default_s}s\""),
        ));
    }
    Ok(value)
}

fn theatre(cx: &Context<'_, '_>, raw: &RawScenario) -> Result<Theatre, ScenarioError> {
    let theatre = &raw.theatre;
    let (meridian, attrition) = match (&theatre.entry_meridian_deg, &theatre.en_route_attrition) {
        (None, None) => return Ok(Theatre::WholeFlights),
        (Some(meridian), Some(attrition)) => (meridian, attrition),
        (Some(given), None) | (None, Some(given)) => {
            let missing = if theatre.entry_meridian_deg.is_none() {
                "entry_meridian_deg"
            } else {
                "en_route_attrition"
            };
            return Err(cx.file.error(
                ErrorKind::Schema,
                given.span(),
                format!("theatre.{missing}"),
                format!("`theatre.{missing}` is missing"),
                "both entry_meridian_deg and en_route_attrition (threats enter at the meridian), or neither (every threat is followed from its launch point)",
            ));
        }
    };
    let meridian_deg = common::number(
        cx.file,
        "theatre.entry_meridian_deg",
        meridian,
        -180.0..=180.0,
        "a longitude in degrees, in [-180, 180]",
    )?;
    let en_route_attrition = common::number(
        cx.file,
        "theatre.en_route_attrition",
        attrition,
        0.0..=1.0,
        "a probability between 0 and 1",
    )?;
    Ok(Theatre::FromMeridian(EntryMeridian {
        entry_meridian_rad: deg_to_rad(meridian_deg),
        en_route_attrition,
    }))
}

/// Adds the file's `[[place]]` entries to the bundled places.
fn extra_places(cx: &mut Context<'_, '_>, raw: &[RawPlace]) -> Result<(), ScenarioError> {
    for (i, place) in raw.iter().enumerate() {
        let field = format!("place[{i}]");
        let id = check_id(cx.file, &format!("{field}.id"), &place.id)?;
        if cx.places.get(&id).is_some() {
            return Err(cx.file.error(
                ErrorKind::Duplicate,
                place.id.span(),
                format!("{field}.id"),
                format!(
                    "place id `{id}` is already defined (data/places.csv or an earlier [[place]])"
                ),
                "a new id; known places can be referenced as they are",
            ));
        }
        let at = common::point(cx.file, &format!("{field}.at"), &place.at)?;
        cx.places.push(Place {
            id,
            name: place.name.clone(),
            at,
            kind: place.kind.clone(),
            country: place.country.clone(),
        });
    }
    Ok(())
}

fn authority(cx: &Context<'_, '_>, raw: &RawScenario) -> Result<Authority, ScenarioError> {
    let authority = &raw.authority;
    let refusal = match &authority.refuse_within_km_of {
        None => None,
        Some(rule) => {
            let field = "authority.refuse_within_km_of";
            let country = nations::border_country(cx, &format!("{field}.country"), &rule.country)?;
            let km = common::number(
                cx.file,
                &format!("{field}.distance_km"),
                &rule.distance_km,
                0.0..=f64::MAX,
                "a distance in km, 0 or more",
            )?;
            Some(Refusal {
                country,
                distance_m: km_to_m(km),
            })
        }
    };
    Ok(Authority {
        mode: authority.mode,
        approval_delay: common::duration(
            cx.file,
            "authority.approval_delay",
            &authority.approval_delay,
            false,
        )?,
        refusal,
    })
}

/// `[c2]`: each key optional, defaulting to no discrimination, no delay and
/// [`crate::model::DEFAULT_COST_WEIGHT`].
fn c2(cx: &Context<'_, '_>, raw: &RawScenario) -> Result<C2Settings, ScenarioError> {
    let c2 = &raw.c2;
    let defaults = C2Settings::default();
    let decoy_discrimination = match &c2.decoy_discrimination {
        Some(value) => common::number(
            cx.file,
            "c2.decoy_discrimination",
            value,
            0.0..=1.0,
            C2_DISCRIMINATION_RULE,
        )?,
        None => defaults.decoy_discrimination,
    };
    let decoy_discrimination_after = match &c2.decoy_discrimination_after {
        Some(value) => common::duration(cx.file, "c2.decoy_discrimination_after", value, false)?,
        None => defaults.decoy_discrimination_after,
    };
    let cost_weight = match &c2.cost_weight {
        Some(value) => common::number(
            cx.file,
            "c2.cost_weight",
            value,
            0.0..=f64::MAX,
            C2_COST_WEIGHT_RULE,
        )?,
        None => defaults.cost_weight,
    };
    Ok(C2Settings {
        decoy_discrimination,
        decoy_discrimination_after,
        cost_weight,
    })
}
