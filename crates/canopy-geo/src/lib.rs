//! Geography for Canopy: WGS-84 positions, geodesics, Earth-centred and local East-North-Up
//! frames, country borders ("whose airspace is this point") and rule zones.
//!
//! # Conventions
//! - Positions are [`GeoPoint`]s: geodetic latitude and longitude on WGS-84, validated on
//!   construction, stored in radians. Degrees appear only in constructors and accessors
//!   named `_deg`.
//! - Distances are metres; azimuths are radians clockwise from true north.
//! - A position, displacement or velocity in a local East-North-Up frame (the theatre frame of
//!   an [`EnuFrame`]) is an [`EnuPosition`], [`EnuVector`] or [`EnuVelocity`], with named
//!   components and the vector arithmetic between them (position − position = displacement,
//!   velocity × seconds = displacement; dot products and norms on [`FreeVector`]s only); a
//!   position or velocity converts to and from `[east, north, up]` with `.into()`.
//! - Geodesics (distance, azimuth, the direct problem) come from `geographiclib-rs`, a port of
//!   Karney's GeographicLib, accurate to nanometres.
//! - GeoJSON input follows RFC 7946: positions are `[longitude, latitude]`.
//!
//! ```
//! use canopy_geo::{Borders, CountryCode, GeoPoint, distance_m};
//!
//! let lviv = GeoPoint::from_degrees(49.8397, 24.0297)?;
//! let rzeszow = GeoPoint::from_degrees(50.0412, 21.9991)?;
//! assert!((distance_m(lviv, rzeszow) - 148_000.0).abs() < 2_000.0);
//! let borders = Borders::bundled();
//! assert_eq!(borders.country_at(rzeszow).unwrap().code, CountryCode::new("PL")?);
//! assert!(borders.is_nato_territory(rzeszow) && !borders.is_nato_territory(lviv));
//! # Ok::<(), canopy_geo::GeoError>(())
//! ```

mod borders;
mod country;
mod enu;
mod error;
mod frames;
mod geodesic;
mod geojson;
mod point;
mod polygon;
mod segment_tree;
mod zone;

pub use borders::Borders;
pub use country::{Country, CountryCode};
pub use enu::{EnuPosition, EnuVector, EnuVelocity, FreeVector};
pub use error::GeoError;
pub use frames::{
    Ecef, EnuFrame, WGS84_A_M, WGS84_F, from_ecef, slant_range_m, to_ecef, try_from_ecef,
};
pub use geodesic::{
    GeodesicLeg, Inverse, MEAN_EARTH_RADIUS_M, direct, distance_m, inverse, try_direct, within_m,
};
pub use point::GeoPoint;
pub use polygon::GeoPolygon;
pub use zone::ZoneShape;
