//! Typed positions of library entries in their catalogues.

macro_rules! library_index {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub usize);
    };
}

library_index!(
    /// Position of a threat type in [`super::Library::threats`].
    ThreatIndex);
library_index!(
    /// Position of a munition type in [`super::Library::munitions`].
    MunitionIndex);
library_index!(
    /// Position of a ground system type in [`super::Library::systems`].
    SystemIndex);
library_index!(
    /// Position of an aircraft type in [`super::Library::aircraft`].
    AircraftIndex);
library_index!(
    /// Position of a sensor type in [`super::Library::sensors`].
    SensorIndex);
