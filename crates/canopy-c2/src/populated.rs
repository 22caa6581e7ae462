//! Populated areas: each bundled GeoNames city (at least 10,000 people) as a disc about its
//! centre whose area holds its population at an assumed urban density, and the question whether
//! something coming down (a debris footprint, a missed interceptor) touches one.

use std::sync::OnceLock;

use canopy_geo::GeoPoint;
use canopy_scenario::City;

/// People per square kilometre of a city's built-up area (assumed: Kyiv holds about 3,300 on
/// its 839 km², Lviv about 3,900 on 182 km², smaller towns 1,000-3,000; range [1,000, 5,000]).
/// A city of population P is taken as a disc of radius √(P / (π · density)): Kyiv (2.8 million)
/// 17 km, Lviv (0.72 million) 8.7 km, a town of 10,000 people 1.0 km.
pub const URBAN_DENSITY_PER_KM2: f64 = 3_000.0;

/// Metres per degree of latitude (mean), for the latitude window of a search.
const METRES_PER_DEGREE: f64 = 111_320.0;

/// One populated disc.
#[derive(Clone, Debug)]
struct Area {
    city: &'static City,
    radius_m: f64,
}

/// The populated areas, sorted by latitude for a windowed search.
#[derive(Debug)]
pub struct PopulatedAreas {
    areas: Vec<Area>,
    widest_m: f64,
}

impl PopulatedAreas {
    /// The areas of the bundled cities, built once (none if the table cannot be read).
    pub fn bundled() -> &'static PopulatedAreas {
        static AREAS: OnceLock<PopulatedAreas> = OnceLock::new();
        AREAS.get_or_init(|| PopulatedAreas::new(City::bundled().unwrap_or(&[])))
    }

    /// The areas of these cities.
    pub fn new(cities: &'static [City]) -> PopulatedAreas {
        let mut areas: Vec<Area> = cities
            .iter()
            .map(|city| Area {
                city,
                radius_m: area_radius_m(city.population),
            })
            .collect();
        areas.sort_by(|a, b| a.city.at.lat_deg().total_cmp(&b.city.at.lat_deg()));
        let widest_m = areas.iter().map(|a| a.radius_m).fold(0.0, f64::max);
        PopulatedAreas { areas, widest_m }
    }

    /// The city whose area a disc of `radius_m` about `centre` touches (the one whose edge is
    /// nearest, on a tie the first by latitude), if any.
    pub fn touched(&self, centre: GeoPoint, radius_m: f64) -> Option<&'static City> {
        let reach_deg = (self.widest_m + radius_m) / METRES_PER_DEGREE;
        let lat = centre.lat_deg();
        let metres_per_degree_east = METRES_PER_DEGREE * lat.to_radians().cos();
        // Within a few tens of kilometres the flat-earth distance errs by well under 1 %: a
        // city clearly beyond reach by it is skipped before the exact geodesic.
        let clearly_beyond = |a: &Area| {
            let east = (a.city.at.lon_deg() - centre.lon_deg()) * metres_per_degree_east;
            let north = (a.city.at.lat_deg() - lat) * METRES_PER_DEGREE;
            east.hypot(north) > (a.radius_m + radius_m) * 1.02 + 1_000.0
        };
        let first = self
            .areas
            .partition_point(|a| a.city.at.lat_deg() < lat - reach_deg);
        self.areas[first..]
            .iter()
            .take_while(|a| a.city.at.lat_deg() <= lat + reach_deg)
            .filter(|a| !clearly_beyond(a))
            .filter_map(|a| {
                let gap_m = canopy_geo::distance_m(centre, a.city.at) - a.radius_m - radius_m;
                (gap_m <= 0.0).then_some((gap_m, a.city))
            })
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, city)| city)
    }
}

/// The radius of the populated disc of a city, metres.
pub fn area_radius_m(population: u64) -> f64 {
    (population as f64 / (std::f64::consts::PI * URBAN_DENSITY_PER_KM2)).sqrt() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn city(name: &str, lat: f64, lon: f64, population: u64) -> City {
        let table = format!(
            "geonames_id,name,country,lat,lon,population\n1,{name},UA,{lat},{lon},{population}\n"
        );
        let read =
            canopy_scenario::cities::read_cities(&table, std::path::Path::new("t.csv")).unwrap();
        read.into_iter().next().unwrap()
    }

    #[test]
    fn a_footprint_touches_a_city_when_the_discs_overlap() {
        // 100,000 people at 3,000 per km²: a disc of √(100,000 / (π · 3,000)) = 3.257 km.
        assert!((area_radius_m(100_000) - 3_257.0).abs() < 1.0);
        let cities: &'static [City] =
            Box::leak(vec![city("Testograd", 50.0, 30.0, 100_000)].into_boxed_slice());
        let areas = PopulatedAreas::new(cities);
        // 5 km north of the centre (0.04497° of latitude at 50° N is 5.0 km).
        let north = GeoPoint::from_degrees(50.0 + 5_000.0 / 111_229.0, 30.0).unwrap();
        let gap_m = canopy_geo::distance_m(north, cities[0].at);
        assert!((gap_m - 5_000.0).abs() < 5.0, "{gap_m}");
        // A 2 km footprint reaches 3.257 + 2 = 5.26 km: it touches; a 1.5 km one does not.
        assert_eq!(
            areas.touched(north, 2_000.0).map(|c| c.name.as_str()),
            Some("Testograd")
        );
        assert!(areas.touched(north, 1_500.0).is_none());
        // A fall point (no footprint) counts only inside the disc.
        let inside = GeoPoint::from_degrees(50.02, 30.0).unwrap();
        assert!(areas.touched(inside, 0.0).is_some());
    }
}
