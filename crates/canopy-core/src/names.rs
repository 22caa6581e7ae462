//! Typed names: the ids a scenario gives its units, munitions, threat types and places, carried
//! as their own types so that a unit's name is never passed where a munition's is meant. Each
//! writes and reads as the plain string of the scenario file; cloning one is cheap.

use serde::{Deserialize, Serialize};
use std::borrow::Borrow;
use std::fmt;
use std::sync::Arc;

macro_rules! typed_name {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Arc<str>);

        impl $name {
            /// The name as written in the scenario.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(name: &str) -> Self {
                $name(Arc::from(name))
            }
        }

        impl From<String> for $name {
            fn from(name: String) -> Self {
                $name(Arc::from(name))
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

typed_name!(
    /// A defending unit: a site's id, or `patrol-id/n` for the n-th aircraft of a patrol.
    UnitName);
typed_name!(
    /// A munition type of the library (`aim-120c`, `pac-3-mse`, ...).
    MunitionName);
typed_name!(
    /// A threat type of the library (`shahed-136`, `kh-101`, ...).
    ThreatTypeName);
typed_name!(
    /// A place of the catalogue or the scenario (an aim point, a launch area, a base).
    PlaceName);

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn a_name_writes_and_reads_as_its_plain_string_and_keys_a_map_in_string_order() {
        let unit = UnitName::from("pl-cap-volyn/2");
        assert_eq!(serde_json::to_string(&unit).unwrap(), r#""pl-cap-volyn/2""#);
        assert_eq!(
            serde_json::from_str::<UnitName>(r#""pl-cap-volyn/2""#).unwrap(),
            unit
        );
        let mut counts = BTreeMap::new();
        counts.insert(MunitionName::from("pac-3-mse"), 2);
        counts.insert(MunitionName::from("aim-9x"), 1);
        assert_eq!(
            serde_json::to_string(&counts).unwrap(),
            r#"{"aim-9x":1,"pac-3-mse":2}"#
        );
        assert_eq!(counts.get("aim-9x"), Some(&1));
    }
}
