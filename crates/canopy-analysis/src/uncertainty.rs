//! Parameter uncertainty: per replication, the type library's numbers that carry a plausible range
//! (threat speeds, cruise altitudes and radar cross-sections, munition kill probabilities) are
//! drawn uniformly from that range, each from its own stream keyed by the type id and field name:
//! every ranged number ([`sample_library`], `canopy mc` with `sample_library_ranges`), or only the
//! numbers fitted to the strike record, within the range the fit left them ([`sample_fitted`],
//! every replication of `canopy record`).

use std::collections::BTreeMap;

use canopy_core::StreamKey;
use canopy_scenario::Library;
use canopy_scenario::library::Parameter;
use canopy_scenario::library::ThreatType;
use rand::RngExt;

/// A type's parameters with their provenance, by SI field name.
type Provenances = BTreeMap<&'static str, Parameter>;

/// The library numbers a replication may draw.
struct Draws<'a> {
    key: &'a StreamKey,
    /// Which ranged numbers are drawn.
    drawn: fn(&Parameter) -> bool,
}

impl Draws<'_> {
    /// Draws `value` from its range in `provenance` under `field`, if it has one and is drawn.
    fn draw(&self, entity: &str, field: &str, provenance: &Provenances, value: &mut f64) {
        if let Some(
            parameter @ Parameter {
                range: Some((low, high)),
                ..
            },
        ) = provenance.get(field)
            && (self.drawn)(parameter)
        {
            let mut stream = self.key.stream("uncertainty", &format!("{entity}.{field}"));
            *value = low + (high - low) * stream.random::<f64>();
        }
    }

    /// Draws the library's threat speeds, cruise altitudes, cross-sections and kill probabilities.
    fn apply(&self, library: &mut Library) {
        for threat in &mut library.threats {
            let entity = format!("threat/{}", threat.id);
            let (numbers, provenance) = threat_numbers(threat);
            for (field, value) in numbers {
                self.draw(&entity, field, provenance, value);
            }
        }
        for munition in &mut library.munitions {
            let entity = format!("munition/{}", munition.id);
            for (field, value) in PK_FIELDS.into_iter().zip(&mut munition.pk) {
                self.draw(&entity, field, &munition.provenance, value);
            }
        }
    }
}

/// A threat type's numbers that a replication may draw or a fit may set, by SI field name, with
/// their provenance.
fn threat_numbers(threat: &mut ThreatType) -> ([(&'static str, &mut f64); 3], &Provenances) {
    (
        [
            ("speed_mps", &mut threat.speed_mps),
            ("cruise_altitude_m", &mut threat.cruise_altitude_m),
            ("rcs_m2", &mut threat.rcs_m2),
        ],
        &threat.provenance,
    )
}

/// The kill probability fields of a munition, in the order of its `pk` array.
pub const PK_FIELDS: [&str; 4] = ["pk_drone", "pk_decoy", "pk_cruise", "pk_ballistic"];

/// Replaces every ranged threat speed, cruise altitude, radar cross-section and munition kill
/// probability of `library` by a draw of replication `key`; numbers without a range keep their
/// value.
pub fn sample_library(library: &mut Library, key: &StreamKey) {
    Draws {
        key,
        drawn: |_| true,
    }
    .apply(library);
}

/// Replaces every number of `library` fitted to the strike record by a draw of replication `key`
/// from the range the fit left it; every other number keeps its value.
pub fn sample_fitted(library: &mut Library, key: &StreamKey) {
    Draws {
        key,
        drawn: Parameter::is_fitted,
    }
    .apply(library);
}

/// Whether `library` holds any number fitted to the strike record.
pub fn has_fitted(library: &Library) -> bool {
    let threats = library.threats.iter().map(|t| &t.provenance);
    let munitions = library.munitions.iter().map(|m| &m.provenance);
    threats
        .chain(munitions)
        .any(|provenance| provenance.values().any(Parameter::is_fitted))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranged_numbers_move_inside_their_range_and_the_others_stay() {
        let original = Library::bundled().expect("bundled library is valid");
        let mut sampled = original.clone();
        sample_library(&mut sampled, &StreamKey::new(1, 3));
        let mut moved = 0;
        for (a, b) in original.munitions.iter().zip(&sampled.munitions) {
            for (i, field) in PK_FIELDS.into_iter().enumerate() {
                match a.provenance[field].range {
                    Some((low, high)) => {
                        assert!((low..=high).contains(&b.pk[i]), "{} {field}", a.id);
                        moved += usize::from(a.pk[i] != b.pk[i]);
                    }
                    None => assert_eq!(a.pk[i], b.pk[i]),
                }
            }
        }
        assert!(moved > 0, "no kill probability carries a range");
        let mut again = original.clone();
        sample_library(&mut again, &StreamKey::new(1, 3));
        assert_eq!(
            again.munitions.iter().map(|m| m.pk).collect::<Vec<_>>(),
            sampled.munitions.iter().map(|m| m.pk).collect::<Vec<_>>()
        );
    }

    #[test]
    fn only_fitted_numbers_are_drawn_from_the_fit_s_range_the_same_for_a_seed() {
        use canopy_scenario::library::Provenance;
        let mut fitted = Library::bundled().expect("bundled library is valid");
        assert!(!has_fitted(&fitted));
        let parameter = fitted.munitions[0]
            .provenance
            .get_mut("pk_drone")
            .expect("pk_drone");
        parameter.range = Some((0.83, 0.88));
        parameter.provenance = Provenance::Fitted {
            reasoning: "hit-to-kill".to_string(),
            fit: "the record".to_string(),
            prior_range: (0.8, 0.98),
        };
        assert!(has_fitted(&fitted));
        let draw = |seed, replication| {
            let mut library = fitted.clone();
            sample_fitted(&mut library, &StreamKey::new(seed, replication));
            library
        };
        let first = draw(7, 0);
        assert!((0.83..=0.88).contains(&first.munitions[0].pk[0]));
        assert_eq!(first.munitions[0].pk[0], draw(7, 0).munitions[0].pk[0]);
        assert_ne!(first.munitions[0].pk[0], draw(7, 1).munitions[0].pk[0]);
        // every number not fitted keeps its value
        let mut unchanged = first.clone();
        unchanged.munitions[0].pk[0] = fitted.munitions[0].pk[0];
        assert_eq!(
            unchanged.munitions.iter().map(|m| m.pk).collect::<Vec<_>>(),
            fitted.munitions.iter().map(|m| m.pk).collect::<Vec<_>>()
        );
        assert_eq!(
            first.threats.iter().map(|t| t.rcs_m2).collect::<Vec<_>>(),
            fitted.threats.iter().map(|t| t.rcs_m2).collect::<Vec<_>>()
        );
    }
}
