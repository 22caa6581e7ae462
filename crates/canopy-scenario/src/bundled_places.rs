//! The project's own places, compiled in: the curated points of `data/places.csv`, then the
//! GeoNames cities of `data/cities.csv` under the ids [`crate::cities`] gives them.

use std::path::Path;
use std::sync::OnceLock;

use crate::cities::{self, City};
use crate::error::ScenarioError;
use crate::places::Places;

/// The curated place table's name in messages.
const PLACES_FILE: &str = "data/places.csv";
const PLACES_CSV: &str = include_str!("../../../data/places.csv");
/// The city table's name in messages.
const CITIES_FILE: &str = "data/cities.csv";
const CITIES_CSV: &str = include_str!("../../../data/cities.csv");

/// The bundled cities, read once.
fn cities() -> Result<&'static [City], ScenarioError> {
    static CITIES: OnceLock<Result<Vec<City>, ScenarioError>> = OnceLock::new();
    CITIES
        .get_or_init(|| cities::read_cities(CITIES_CSV, Path::new(CITIES_FILE)))
        .as_ref()
        .map(Vec::as_slice)
        .map_err(Clone::clone)
}

impl City {
    /// The bundled GeoNames cities (`data/cities.csv`: every city of at least 10,000 people in
    /// Ukraine and its neighbours), with their populations, read once.
    pub fn bundled() -> Result<&'static [City], ScenarioError> {
        cities()
    }
}

impl Places {
    /// The project's places: `data/places.csv`, then the GeoNames cities of `data/cities.csv`,
    /// compiled in and read once.
    pub fn bundled() -> Result<&'static Places, ScenarioError> {
        static BUNDLED: OnceLock<Result<Places, ScenarioError>> = OnceLock::new();
        BUNDLED
            .get_or_init(|| {
                let mut places = Places::from_csv(PLACES_CSV, Path::new(PLACES_FILE))?;
                cities::add_cities(&mut places, cities()?, Path::new(CITIES_FILE))?;
                Ok(places)
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_city_is_a_place() {
        let places = Places::bundled().unwrap();
        let kyiv = places.get("kyiv").unwrap();
        assert_eq!(kyiv.country, "UA");
        // GeoNames spells it Zaporizhia; the slug keeps the table's spelling.
        let city = places.get("zaporizhia").unwrap();
        assert!((city.at.lat_deg() - 47.82289).abs() < 1e-9);
        let curated = Places::from_csv(PLACES_CSV, Path::new(PLACES_FILE)).unwrap();
        let rows = CITIES_CSV.lines().count() - 1;
        assert_eq!(places.all().len(), curated.all().len() + rows);
    }
}
