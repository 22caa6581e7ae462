//! Country codes and country descriptions.

use std::fmt;

use crate::GeoError;

/// An ISO 3166-1 alpha-2 country code, validated: two ASCII uppercase letters.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// The code for `code`, which must be exactly two ASCII uppercase letters ("PL", "UA").
    pub fn new(code: &str) -> Result<CountryCode, GeoError> {
        match code.as_bytes() {
            &[a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => Ok(CountryCode([a, b])),
            _ => Err(GeoError::InvalidCountryCode {
                code: code.to_owned(),
            }),
        }
    }

    /// The two letters.
    pub fn as_str(&self) -> &str {
        // Two ASCII letters are always valid UTF-8.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl PartialEq<str> for CountryCode {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for CountryCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TryFrom<String> for CountryCode {
    type Error = GeoError;

    fn try_from(code: String) -> Result<Self, Self::Error> {
        CountryCode::new(&code)
    }
}

impl From<CountryCode> for String {
    fn from(code: CountryCode) -> String {
        code.as_str().to_owned()
    }
}

/// A country known to [`crate::Borders`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country {
    /// Its ISO code.
    pub code: CountryCode,
    /// Its English short name.
    pub name: String,
    /// Whether it is a NATO member (in the data's reference year).
    pub nato: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_codes() {
        let pl = CountryCode::new("PL").unwrap();
        assert_eq!(pl.as_str(), "PL");
        assert_eq!(pl.to_string(), "PL");
        assert!(CountryCode::new("UA").unwrap() > pl);
    }

    #[test]
    fn invalid_codes_are_errors() {
        for bad in ["pl", "P", "POL", "", "P1", "ÄB"] {
            let err = CountryCode::new(bad).unwrap_err();
            assert!(
                err.to_string().contains("two ASCII uppercase letters"),
                "{err}"
            );
        }
    }

    #[test]
    fn serde_uses_the_plain_string() {
        let pl = CountryCode::new("PL").unwrap();
        assert_eq!(serde_json::to_string(&pl).unwrap(), "\"PL\"");
        let back: CountryCode = serde_json::from_str("\"PL\"").unwrap();
        assert_eq!(back, pl);
        assert!(serde_json::from_str::<CountryCode>("\"pl\"").is_err());
    }
}
