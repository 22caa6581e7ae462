//! Parameter uncertainty: per replication, the type library's numbers that carry a plausible range
//! (threat speeds and radar cross-sections, munition kill probabilities) are drawn uniformly from
//! that range, each from its own stream keyed by the type id and field name.

use std::collections::BTreeMap;

use canopy_core::StreamKey;
use canopy_scenario::Library;
use canopy_scenario::library::Parameter;
use rand::RngExt;

/// A type's parameters with their provenance, by SI field name.
type Provenances = BTreeMap<&'static str, Parameter>;

/// Draws `value` from its range in `provenance` under `field`, if it has one.
fn draw(key: &StreamKey, entity: &str, field: &str, provenance: &Provenances, value: &mut f64) {
    if let Some(Parameter {
        range: Some((low, high)),
        ..
    }) = provenance.get(field)
    {
        let mut stream = key.stream("uncertainty", &format!("{entity}.{field}"));
        *value = low + (high - low) * stream.random::<f64>();
    }
}

/// Replaces every ranged threat speed, radar cross-section and munition kill probability of
/// `library` by a draw of replication `key`; numbers without a range keep their value.
pub fn sample_library(library: &mut Library, key: &StreamKey) {
    for threat in &mut library.threats {
        let entity = format!("threat/{}", threat.id);
        draw(
            key,
            &entity,
            "speed_mps",
            &threat.provenance,
            &mut threat.speed_mps,
        );
        draw(
            key,
            &entity,
            "rcs_m2",
            &threat.provenance,
            &mut threat.rcs_m2,
        );
    }
    for munition in &mut library.munitions {
        let entity = format!("munition/{}", munition.id);
        for (i, field) in ["pk_drone", "pk_decoy", "pk_cruise", "pk_ballistic"]
            .into_iter()
            .enumerate()
        {
            draw(
                key,
                &entity,
                field,
                &munition.provenance,
                &mut munition.pk[i],
            );
        }
    }
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
            for (i, field) in ["pk_drone", "pk_decoy", "pk_cruise", "pk_ballistic"]
                .into_iter()
                .enumerate()
            {
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
}
