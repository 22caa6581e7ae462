//! The threat-evaluation catalogue (`data/library/evaluation.toml`): what C2 assumes of each
//! class of threat when it judges a track (prior share, speed, altitude, climb, how an acoustic
//! network hears it, the damage a leaker does) and what aim points are worth, each number with
//! its provenance.

use super::entry::{Params, build_entries, catalogue_entry};
use super::param::{PARAM_TABLE_RULE, is_param_of};
use super::types::{Provenances, ThreatClass};
use crate::error::{ErrorKind, ScenarioError};
use crate::source::SourceFile;
use crate::spanned::Spanned;
use serde::Deserialize;
use std::path::Path;

/// Where the catalogue lives, for error messages.
const EVALUATION_FILE: &str = "data/library/evaluation.toml";

/// What C2 assumes of one class of threat.
#[derive(Clone, Debug)]
pub struct ClassModel {
    /// The class.
    pub class: ThreatClass,
    /// Share of tracks of this class before anything is seen of them, normalised so that the
    /// four classes' shares sum to 1.
    pub prior_share: f64,
    /// Typical ground speed (m/s).
    pub speed_mps: f64,
    /// 1-sigma spread of the speed across the class (m/s).
    pub speed_spread_mps: f64,
    /// Typical altitude above the ground (m).
    pub altitude_m: f64,
    /// 1-sigma spread of the altitude (m).
    pub altitude_spread_m: f64,
    /// 1-sigma vertical speed about level flight (m/s).
    pub climb_spread_mps: f64,
    /// Chance that an acoustic network hears a threat of the class flying over it.
    pub heard_share: f64,
    /// Share of its aim point's value one leaker destroys.
    pub damage_share: f64,
    /// Every number above with its range and provenance.
    pub provenance: Provenances,
}

/// The default value of an aim point of one kind of place.
#[derive(Clone, Debug)]
pub struct PlaceKindValue {
    /// The kind, as in `data/places.csv` (`city`, `tpp`, ...).
    pub kind: String,
    /// Its value (USD).
    pub value_usd: f64,
    /// The value with its range and provenance.
    pub provenance: Provenances,
}

/// How C2 tells which aim point a track is heading for.
#[derive(Clone, Debug)]
pub struct AimModel {
    /// 1-sigma angle between a track's heading and the bearing to its aim point (rad).
    pub heading_spread_rad: f64,
    /// Weight, against an aim point straight ahead, of a destination the scenario does not list.
    pub elsewhere_weight: f64,
    /// Value (USD) of a destination the scenario does not list.
    pub elsewhere_value_usd: f64,
    /// Value (USD) of an aim point whose kind of place has no value of its own.
    pub other_place_value_usd: f64,
    /// Every number above with its range and provenance.
    pub provenance: Provenances,
}

/// The threat-evaluation catalogue, checked and in SI units.
#[derive(Clone, Debug)]
pub struct Evaluation {
    /// One model per class, in the order of [`ThreatClass::ALL`].
    pub classes: [ClassModel; 4],
    /// Default aim-point values by kind of place, in file order.
    pub place_values: Vec<PlaceKindValue>,
    /// Aim-point inference.
    pub aim: AimModel,
}

impl Evaluation {
    /// The model of one class.
    pub fn class(&self, class: ThreatClass) -> &ClassModel {
        &self.classes[class.index()]
    }

    /// The default value (USD) of an aim point of this kind of place.
    pub fn place_value_usd(&self, kind: &str) -> f64 {
        self.place_values
            .iter()
            .find(|place| place.kind == kind)
            .map_or(self.aim.other_place_value_usd, |place| place.value_usd)
    }
}

/// `evaluation.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EvaluationCatalogue {
    class: Vec<Spanned<RawClass>>,
    place_kind: Vec<Spanned<RawPlaceKind>>,
    aim: RawAim,
}

catalogue_entry! {
    /// One `[[class]]`.
    RawClass {
        id: Spanned<String>,
    }
    /// The numbers of a class model, checked and in SI units.
    numbers ClassNumbers {
        prior_share => prior_share: Probability, Si;
        speed_kmh => speed_mps: Positive, KmPerHour;
        speed_spread_kmh => speed_spread_mps: Positive, KmPerHour;
        altitude_m => altitude_m: NonNegative, Si;
        altitude_spread_m => altitude_spread_m: Positive, Si;
        climb_spread_mps => climb_spread_mps: Positive, Si;
        heard_share => heard_share: Probability, Si;
        damage_share => damage_share: Probability, Si;
    }
}

catalogue_entry! {
    /// One `[[place_kind]]`.
    RawPlaceKind {
        id: Spanned<String>,
    }
    /// The value of a kind of place.
    numbers PlaceKindNumbers {
        value_usd => value_usd: NonNegative, Si;
    }
}

catalogue_entry! {
    /// The `[aim]` table.
    RawAim {
    }
    /// The numbers of aim-point inference, checked and in SI units.
    numbers AimNumbers {
        heading_spread_deg => heading_spread_rad: Positive, Degrees;
        elsewhere_weight => elsewhere_weight: NonNegative, Si;
        elsewhere_value_usd => elsewhere_value_usd: NonNegative, Si;
        other_place_value_usd => other_place_value_usd: NonNegative, Si;
    }
}

/// Whether `key` is a parameter of the evaluation catalogue.
fn is_param(key: &str) -> bool {
    is_param_of(
        &[RawClass::PARAMS, RawPlaceKind::PARAMS, RawAim::PARAMS],
        key,
    )
}

/// What each field of the evaluation catalogue accepts (paths without indices), for error
/// messages.
fn describe(field: &str) -> Option<&'static str> {
    let last = field.rsplit('.').next().unwrap_or(field);
    if field.rsplit('.').nth(1).is_some_and(is_param) {
        return Some("a number, a URL, a reasoning or [low, high], as for every parameter");
    }
    Some(match last {
        "id" if field.starts_with("class") => CLASS_RULE,
        "id" => "a kind of place of data/places.csv, e.g. \"tpp\"",
        "class" => "four `[[class]]` tables, one per threat class",
        "place_kind" => "a list of `[[place_kind]]` tables",
        "aim" => "a table of the aim-point inference's numbers",
        p if is_param(p) => PARAM_TABLE_RULE,
        _ => return None,
    })
}

/// What a `[[class]]` id may be.
const CLASS_RULE: &str = "one of \"drone\", \"decoy\", \"cruise\", \"ballistic\", each once";

/// Parses and checks the evaluation catalogue.
pub(super) fn evaluation(text: &str) -> Result<Evaluation, ScenarioError> {
    let mut file = SourceFile::from_text(Path::new(EVALUATION_FILE), text, describe)?;
    let catalogue: EvaluationCatalogue = file.parse()?;
    let models = build_entries(
        &file,
        "class",
        "classes",
        &catalogue.class,
        |r| &r.id,
        |entry, id, raw| class_model(&file, entry, id, raw),
    )?;
    let place_values = build_entries(
        &file,
        "place_kind",
        "kinds of place",
        &catalogue.place_kind,
        |r| &r.id,
        |entry, kind, raw| {
            let mut p = Params::new(&file, entry);
            let n = raw.numbers(&mut p)?;
            Ok(PlaceKindValue {
                kind,
                value_usd: n.value_usd,
                provenance: p.provenance,
            })
        },
    )?;
    let mut p = Params::new(&file, "aim".to_string());
    let n = catalogue.aim.numbers(&mut p)?;
    let aim = AimModel {
        heading_spread_rad: n.heading_spread_rad,
        elsewhere_weight: n.elsewhere_weight,
        elsewhere_value_usd: n.elsewhere_value_usd,
        other_place_value_usd: n.other_place_value_usd,
        provenance: p.provenance,
    };
    Ok(Evaluation {
        classes: every_class(&file, models)?,
        place_values,
        aim,
    })
}

/// One class model, its prior share not yet normalised.
fn class_model(
    file: &SourceFile<'_>,
    entry: String,
    id: String,
    raw: &RawClass,
) -> Result<ClassModel, ScenarioError> {
    let Some(class) = ThreatClass::ALL.into_iter().find(|c| c.as_str() == id) else {
        return Err(file.error(
            ErrorKind::Value,
            raw.id.span(),
            format!("{entry}.id"),
            format!("{id:?} is not a threat class"),
            CLASS_RULE,
        ));
    };
    let mut p = Params::new(file, entry);
    let n = raw.numbers(&mut p)?;
    Ok(ClassModel {
        class,
        prior_share: n.prior_share,
        speed_mps: n.speed_mps,
        speed_spread_mps: n.speed_spread_mps,
        altitude_m: n.altitude_m,
        altitude_spread_m: n.altitude_spread_m,
        climb_spread_mps: n.climb_spread_mps,
        heard_share: n.heard_share,
        damage_share: n.damage_share,
        provenance: p.provenance,
    })
}

/// The four class models in the order of [`ThreatClass::ALL`], prior shares normalised; an error
/// when a class is missing or the shares sum to zero.
fn every_class(
    file: &SourceFile<'_>,
    mut models: Vec<ClassModel>,
) -> Result<[ClassModel; 4], ScenarioError> {
    let total: f64 = models.iter().map(|model| model.prior_share).sum();
    let missing = ThreatClass::ALL
        .into_iter()
        .find(|class| !models.iter().any(|model| model.class == *class));
    let problem = match missing {
        Some(class) => format!("no `[[class]]` for {:?}", class.as_str()),
        None if total <= 0.0 => "the prior shares sum to 0".to_string(),
        None => {
            models.sort_by_key(|model| model.class);
            for model in &mut models {
                model.prior_share /= total;
            }
            let models: [ClassModel; 4] = models
                .try_into()
                .expect("the ids are unique, and each of the four classes is there");
            return Ok(models);
        }
    };
    Err(file.error(
        ErrorKind::Schema,
        0..0,
        "class",
        problem,
        format!("{CLASS_RULE}, with prior shares not all 0"),
    ))
}
