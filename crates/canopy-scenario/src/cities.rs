//! The bundled GeoNames cities (`data/cities.csv`) as places: every city of at least 10,000
//! people in Ukraine and its neighbours, each under an id made from its name.
//!
//! A city's id is the ASCII slug of its name (`Syevyerodonets’k` → `syevyerodonetsk`). Where that slug is
//! already a place id of `data/places.csv`, or names more than one city, the city's lower-case
//! country code is added (`lviv-ua`); where that is still ambiguous, its GeoNames id
//! (`horodok-707752`). The rule depends only on the table, so ids are stable.

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::ScenarioError;
use crate::places::{Place, Places, read_rows, table_error};

/// The place kind of a city of the GeoNames table.
pub const CITY_KIND: &str = "city";

/// A city of the GeoNames table.
#[derive(Clone, Debug, PartialEq)]
pub struct City {
    /// Its GeoNames id.
    pub geonames_id: String,
    /// Its name, as GeoNames writes it.
    pub name: String,
    /// Its country code, as GeoNames writes it (`UA`, `PL`...).
    pub country: String,
    /// Its centre.
    pub at: canopy_geo::GeoPoint,
    /// Its population.
    pub population: u64,
    /// The ASCII slug of its name.
    slug: String,
}

/// Reads a city table with the columns `geonames_id,name,country,lat,lon,population`.
pub fn read_cities(text: &str, name: &Path) -> Result<Vec<City>, ScenarioError> {
    let columns = ["geonames_id", "name", "country", "lat", "lon", "population"];
    let mut cities = Vec::new();
    read_rows(text, name, &columns, |cell, at| {
        let city_name = cell(1).to_string();
        let population = cell(5).parse::<u64>().map_err(|_| {
            (
                format!(
                    "city `{}`: population `{}` is not a whole number",
                    cell(0),
                    cell(5)
                ),
                "a population of 0 or more",
            )
        })?;
        cities.push(City {
            geonames_id: cell(0).to_string(),
            slug: slug(&city_name),
            name: city_name,
            country: cell(2).to_string(),
            at: at(3, 4)?,
            population,
        });
        Ok(())
    })?;
    Ok(cities)
}

/// The ASCII slug of a name: transliterated, lower case, runs of other characters as one `-`,
/// apostrophes dropped (`Kramators’k` → `kramatorsk`).
pub fn slug(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_ascii_lowercase();
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars().filter(|c| !matches!(c, '\'' | '`')) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Adds `cities` to `places` under their ids (see the module's documentation).
pub(crate) fn add_cities(
    places: &mut Places,
    cities: &[City],
    name: &Path,
) -> Result<(), ScenarioError> {
    let mut by_slug: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_slug_country: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for city in cities {
        *by_slug.entry(&city.slug).or_default() += 1;
        *by_slug_country
            .entry((&city.slug, &city.country))
            .or_default() += 1;
    }
    for city in cities {
        let unique = by_slug[city.slug.as_str()] == 1;
        let unique_in_country = by_slug_country[&(city.slug.as_str(), city.country.as_str())] == 1;
        let mut id = if unique {
            city.slug.clone()
        } else if unique_in_country {
            format!("{}-{}", city.slug, city.country.to_ascii_lowercase())
        } else {
            format!("{}-{}", city.slug, city.geonames_id)
        };
        if places.get(&id).is_some() && unique {
            id = format!("{}-{}", city.slug, city.country.to_ascii_lowercase());
        }
        if places.get(&id).is_some() {
            id = format!("{}-{}", city.slug, city.geonames_id);
        }
        if places.get(&id).is_some() {
            return Err(table_error(
                name,
                format!(
                    "city {} ({}) has the id `{id}` of another place",
                    city.name, city.geonames_id
                ),
                "one row per GeoNames id",
            ));
        }
        places.push(Place {
            id,
            name: city.name.clone(),
            at: city.at,
            kind: CITY_KIND.to_string(),
            country: city.country.clone(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_kebab_case() {
        assert_eq!(slug("Kryvyi Rih"), "kryvyi-rih");
        assert_eq!(slug("Kramators’k"), "kramatorsk");
        assert_eq!(slug("Łódź"), "lodz");
        assert_eq!(slug("Veliko Tŭrnovo"), "veliko-turnovo");
        assert_eq!(slug("Ivano-Frankivsk"), "ivano-frankivsk");
    }

    #[test]
    fn ambiguous_names_get_the_country_then_the_geonames_id() {
        let mut places = Places::default();
        places.push(Place {
            id: "lviv".into(),
            name: "Lviv".into(),
            at: canopy_geo::GeoPoint::from_degrees(49.84, 24.03).unwrap(),
            kind: "city".into(),
            country: "UA".into(),
        });
        let table = "geonames_id,name,country,lat,lon,population\n\
                     1,Lviv,UA,49.8,24.0,717803\n\
                     2,Horodok,UA,49.8,23.6,15993\n\
                     3,Horodok,UA,49.2,26.6,17086\n\
                     4,Brest,BY,52.1,23.7,340000\n\
                     5,Brest,FR,48.4,-4.5,140000\n\
                     6,Kharkiv,UA,49.98,36.25,1430885\n";
        let cities = read_cities(table, Path::new("t.csv")).unwrap();
        assert_eq!(cities[0].population, 717_803);
        add_cities(&mut places, &cities, Path::new("t.csv")).unwrap();
        let ids: Vec<&str> = places.ids().collect();
        assert_eq!(
            ids,
            [
                "lviv",
                "lviv-ua",
                "horodok-2",
                "horodok-3",
                "brest-by",
                "brest-fr",
                "kharkiv"
            ]
        );
    }
}
