//! The DIS entity type of a library entry (`dis_entity_type`), as the SISO-REF-010 enumerations
//! number it: kind, domain, country, category, subcategory, specific and extra.

use crate::error::{ErrorKind, ScenarioError};
use crate::source::SourceFile;
use crate::spanned::Spanned;
use std::fmt;
use std::str::FromStr;

/// What `dis_entity_type` accepts, for error messages.
pub(crate) const DIS_ENTITY_TYPE_RULE: &str = "seven numbers joined by dots, \
     kind.domain.country.category.subcategory.specific.extra (SISO-REF-010), e.g. \"1.2.225.1.3.3.0\"; \
     the country below 65536, the others below 256";

/// A DIS entity type record (IEEE 1278.1 §6.2.30), with the SISO-REF-010 values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DisEntityType {
    /// Entity kind (1 platform, 2 munition).
    pub kind: u8,
    /// Domain (for a platform: 2 air; for a munition: 1 anti-air, 11 tactical).
    pub domain: u8,
    /// Country of design (SISO country code: 222 Russia, 225 United States).
    pub country: u16,
    /// Category within kind, domain and country.
    pub category: u8,
    /// Subcategory (the family, 0 when only the category is given).
    pub subcategory: u8,
    /// Specific variant (0 when not given).
    pub specific: u8,
    /// Extra information (0 when not given).
    pub extra: u8,
}

/// Why a text is not a DIS entity type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DisEntityTypeError;

impl fmt::Display for DisEntityTypeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(DIS_ENTITY_TYPE_RULE)
    }
}

impl std::error::Error for DisEntityTypeError {}

impl FromStr for DisEntityType {
    type Err = DisEntityTypeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let fields: Vec<&str> = text.split('.').collect();
        let [
            kind,
            domain,
            country,
            category,
            subcategory,
            specific,
            extra,
        ] = fields[..]
        else {
            return Err(DisEntityTypeError);
        };
        let small = |field: &str| field.parse::<u8>().map_err(|_| DisEntityTypeError);
        Ok(DisEntityType {
            kind: small(kind)?,
            domain: small(domain)?,
            country: country.parse().map_err(|_| DisEntityTypeError)?,
            category: small(category)?,
            subcategory: small(subcategory)?,
            specific: small(specific)?,
            extra: small(extra)?,
        })
    }
}

impl fmt::Display for DisEntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}.{}.{}.{}.{}.{}.{}",
            self.kind,
            self.domain,
            self.country,
            self.category,
            self.subcategory,
            self.specific,
            self.extra
        )
    }
}

/// Reads an entry's `dis_entity_type`, with a located error when it is malformed.
pub(crate) fn dis_entity_type(
    file: &SourceFile<'_>,
    entry: &str,
    text: &Spanned<String>,
) -> Result<DisEntityType, ScenarioError> {
    text.get_ref().parse().map_err(|_| {
        file.error(
            ErrorKind::Value,
            text.span(),
            format!("{entry}.dis_entity_type"),
            format!("`{}` is not a DIS entity type", text.get_ref()),
            DIS_ENTITY_TYPE_RULE,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_seven_fields_in_order_and_writes_them_back() {
        let parsed: DisEntityType = "2.1.225.1.16.2.0".parse().unwrap();
        assert_eq!(
            parsed,
            DisEntityType {
                kind: 2,
                domain: 1,
                country: 225,
                category: 1,
                subcategory: 16,
                specific: 2,
                extra: 0,
            }
        );
        assert_eq!(parsed.to_string(), "2.1.225.1.16.2.0");
    }

    #[test]
    fn refuses_too_few_fields_and_values_out_of_range() {
        for text in [
            "1.2.225.1.3.3",
            "1.2.225.1.3.3.0.0",
            "256.2.225.1.3.3.0",
            "1.2.70000.1.3.3.0",
            "1.2.x.1.3.3.0",
        ] {
            assert_eq!(
                text.parse::<DisEntityType>(),
                Err(DisEntityTypeError),
                "{text}"
            );
        }
    }
}
