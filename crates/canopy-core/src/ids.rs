//! Typed identifiers, so that a threat index is never passed where a unit index is meant.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident, $inner:ty, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub $inner);

        impl $name {
            /// The position of this entity in its owning list.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

typed_id!(
    /// One threat (drone, decoy or missile) of a run, numbered in launch order.
    ThreatId, u32, "T");
typed_id!(
    /// One defending unit: a SAM site or a fighter aircraft.
    UnitId, u32, "U");
typed_id!(
    /// One track of the air picture.
    TrackId, u64, "K");
typed_id!(
    /// One nation of the scenario, numbered in file order.
    NationId, u16, "N");
typed_id!(
    /// One fighter patrol of the scenario, numbered in file order.
    PatrolId, u16, "P");
typed_id!(
    /// One engagement (one shot or salvo of one shooter at one threat).
    EngagementId, u32, "E");
