//! Country land borders and "whose airspace is this point".

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde_json::Value;

use crate::geojson::{PolygonFeature, polygon_features};
use crate::polygon::{LonLatRing, ray_crosses_edge};
use crate::segment_tree::SegmentTree;
use crate::{Country, CountryCode, GeoError, GeoPoint, distance_m, to_ecef};

/// The project's `data/borders.geojson`, compiled in.
const BUNDLED_GEOJSON: &str = include_str!("../../../data/borders.geojson");

/// Height of one latitude band of the point-in-country index, radians (0.02°, about 2.2 km).
const BAND_HEIGHT_RAD: f64 = 0.02 * std::f64::consts::PI / 180.0;

/// Most countries one `Borders` holds (the width of the parity bit set).
const MAX_COUNTRIES: usize = 64 * PARITY_WORDS;
const PARITY_WORDS: usize = 4;

/// Country land borders ("whose airspace is this point"), from GeoJSON (RFC 7946,
/// `[lon, lat]`): one Feature per country with properties `iso_a2`, `name` and `nato`.
///
/// Border edges are straight in (longitude, latitude), as in [`crate::GeoPolygon`]. Where
/// countries overlap in the data, a point belongs to the first of them in file order.
///
/// The bundled data covers land only (a point over the sea is in no country) and is clipped to
/// longitude 10–60° E, latitude 40–62° N: countries cut by that box (Russia, Kazakhstan,
/// Finland, Turkey...) end at straight edges along it, which are not real borders.
///
/// Indexes: [`Borders::country_at`] casts a ray east through only the edges of the point's
/// 0.02°-high latitude band; distances search a bounding-box tree of each country's edges.
#[derive(Debug)]
pub struct Borders {
    countries: Vec<Country>,
    outlines: Vec<Vec<LonLatRing>>,
    bands: BandIndex,
    segment_trees: Vec<SegmentTree>,
}

impl Borders {
    /// Borders from a GeoJSON FeatureCollection; `source_name` labels errors.
    pub fn from_geojson_str(text: &str, source_name: &str) -> Result<Borders, GeoError> {
        let error = |message: String| GeoError::GeoJson {
            source_name: source_name.to_owned(),
            message,
        };
        let features = polygon_features(text, source_name)?;
        if features.len() > MAX_COUNTRIES {
            return Err(error(format!(
                "has {} countries; at most {MAX_COUNTRIES} are supported",
                features.len()
            )));
        }
        let mut countries = Vec::with_capacity(features.len());
        let mut seen = BTreeSet::new();
        for feature in &features {
            let country = country_of(feature).map_err(error)?;
            if feature.rings.is_empty() {
                return Err(error(format!(
                    "{}: country {} has no polygon",
                    feature.location, country.code
                )));
            }
            if !seen.insert(country.code) {
                return Err(error(format!(
                    "{}: country {} appears twice",
                    feature.location, country.code
                )));
            }
            countries.push(country);
        }
        let rings: Vec<&[LonLatRing]> = features.iter().map(|f| f.rings.as_slice()).collect();
        Ok(Borders {
            countries,
            bands: BandIndex::new(&rings),
            segment_trees: rings.iter().map(|r| SegmentTree::new(r)).collect(),
            outlines: features.into_iter().map(|f| f.rings).collect(),
        })
    }

    /// The project's `data/borders.geojson`, compiled into the binary and parsed once.
    pub fn bundled() -> &'static Borders {
        static BUNDLED: OnceLock<Borders> = OnceLock::new();
        BUNDLED.get_or_init(|| {
            Borders::from_geojson_str(BUNDLED_GEOJSON, "data/borders.geojson")
                .expect("the bundled borders file is valid (checked by the crate's tests)")
        })
    }

    /// The text of the project's `data/borders.geojson`, as compiled into the binary (for pages
    /// that draw the borders themselves).
    pub fn bundled_geojson() -> &'static str {
        BUNDLED_GEOJSON
    }

    /// All countries, in file order.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// The country with this code, if known.
    pub fn country(&self, code: CountryCode) -> Option<&Country> {
        self.index_of(code).map(|i| &self.countries[i])
    }

    /// The closed rings of a country's border (for drawing), each a list of
    /// `[lon_rad, lat_rad]` vertices whose last repeats the first; `None` for an unknown code.
    pub fn outline_rad(&self, code: CountryCode) -> Option<&[Vec<[f64; 2]>]> {
        self.index_of(code).map(|i| self.outlines[i].as_slice())
    }

    /// The country whose land `p` is in; `None` over the sea or outside the data.
    pub fn country_at(&self, p: GeoPoint) -> Option<&Country> {
        let parity = self.bands.parity(p);
        (0..self.countries.len())
            .find(|&i| parity.is_odd(i))
            .map(|i| &self.countries[i])
    }

    /// Whether `p` is inside the country with this code (false for an unknown code).
    pub fn is_in_country(&self, p: GeoPoint, code: CountryCode) -> bool {
        self.index_of(code)
            .is_some_and(|i| self.bands.parity(p).is_odd(i))
    }

    /// Whether `p` is on the land of a NATO member.
    pub fn is_nato_territory(&self, p: GeoPoint) -> bool {
        self.country_at(p).is_some_and(|c| c.nato)
    }

    /// Geodesic distance from `p` to the nearest point of the country's border, metres: 0 when
    /// `p` is inside, `None` for an unknown code. Accurate to well under 50 m (the nearest
    /// segment is chosen by straight-line distance, which differs from the geodesic one by
    /// centimetres at 100 km and by under 20 m along the data's longest real edges).
    pub fn distance_to_country_m(&self, p: GeoPoint, code: CountryCode) -> Option<f64> {
        let i = self.index_of(code)?;
        if self.bands.parity(p).is_odd(i) {
            return Some(0.0);
        }
        Some(self.distance_to_border_m(p, i))
    }

    /// Whether `p` may be within `limit_m` of the country with this code (false for an unknown
    /// code): false only when [`Borders::distance_to_country_m`] is certainly more than
    /// `limit_m`. Much cheaper than the distance itself when the border is far, so callers
    /// that compare the distance with a limit ask this first.
    pub fn may_be_within_country_m(&self, p: GeoPoint, code: CountryCode, limit_m: f64) -> bool {
        self.index_of(code)
            .is_some_and(|index| self.may_be_within(p, limit_m, |i| i == index))
    }

    /// Whether `p` may be within `limit_m` of a country `include` accepts: false only when
    /// the distance of [`Borders::nearest_country_m`] is certainly more than `limit_m`.
    pub fn may_be_within_any_m(
        &self,
        p: GeoPoint,
        limit_m: f64,
        include: impl Fn(&Country) -> bool,
    ) -> bool {
        self.may_be_within(p, limit_m, |i| include(&self.countries[i]))
    }

    /// [`Borders::distance_to_country_m`] for a caller that only compares it with `limit_m`:
    /// the exact distance when it may be at most `limit_m`, `f64::INFINITY` when it is
    /// certainly more ([`Borders::may_be_within_country_m`] answers that cheaply); `None` for an
    /// unknown code.
    pub fn distance_to_country_within_m(
        &self,
        p: GeoPoint,
        code: CountryCode,
        limit_m: f64,
    ) -> Option<f64> {
        if self.may_be_within_country_m(p, code, limit_m) {
            self.distance_to_country_m(p, code)
        } else {
            self.index_of(code).map(|_| f64::INFINITY)
        }
    }

    /// The distance of [`Borders::nearest_country_m`] for a caller that only compares it with
    /// `limit_m`: exact when it may be at most `limit_m`, `f64::INFINITY` when it is certainly
    /// more or no country is accepted.
    pub fn nearest_country_within_m(
        &self,
        p: GeoPoint,
        limit_m: f64,
        include: impl Fn(&Country) -> bool,
    ) -> f64 {
        if !self.may_be_within_any_m(p, limit_m, &include) {
            return f64::INFINITY;
        }
        self.nearest_country_m(p, include)
            .map_or(f64::INFINITY, |(_, distance)| distance)
    }

    /// Whether `p` is inside a country whose index `accept`s, or near enough the border of
    /// one ([`SegmentTree::any_near`]).
    fn may_be_within(&self, p: GeoPoint, limit_m: f64, accept: impl Fn(usize) -> bool) -> bool {
        let parity = self.bands.parity(p);
        let accepted = || (0..self.countries.len()).filter(|&i| accept(i));
        if accepted().any(|i| parity.is_odd(i)) {
            return true;
        }
        let e = to_ecef(p, 0.0);
        let target = [e.x_m, e.y_m, e.z_m];
        accepted().any(|i| self.segment_trees[i].any_near(target, limit_m))
    }

    /// Among the countries `include` accepts, the one nearest to `p` (the one it is in, at
    /// distance 0) and the geodesic distance to its border, metres; `None` when none is
    /// accepted. The nearest is chosen by straight-line distance to the borders, as in
    /// [`Borders::distance_to_country_m`], so the search skips every country farther than the
    /// best so far.
    pub fn nearest_country_m(
        &self,
        p: GeoPoint,
        include: impl Fn(&Country) -> bool,
    ) -> Option<(CountryCode, f64)> {
        self.nearest_country_point(p, include)
            .map(|(code, distance, _)| (code, distance))
    }

    /// As [`Borders::nearest_country_m`], with the nearest point of that country's border (`p`
    /// itself when `p` is inside it; `None` for the point when no accepted country has a border).
    pub fn nearest_country_point(
        &self,
        p: GeoPoint,
        include: impl Fn(&Country) -> bool,
    ) -> Option<(CountryCode, f64, Option<GeoPoint>)> {
        let parity = self.bands.parity(p);
        let mut best: Option<(usize, f64, [f64; 2])> = None;
        let e = to_ecef(p, 0.0);
        let target = [e.x_m, e.y_m, e.z_m];
        let mut first = None;
        for i in (0..self.countries.len()).filter(|&i| include(&self.countries[i])) {
            first.get_or_insert(i);
            if parity.is_odd(i) {
                return Some((self.countries[i].code, 0.0, Some(p)));
            }
            let bound_d2 = best.map_or(f64::INFINITY, |(_, d2, _)| d2);
            if let Some((d2, lon_lat)) = self.segment_trees[i].nearest_within(target, bound_d2) {
                best = Some((i, d2, lon_lat));
            }
        }
        let first = first?;
        Some(match best {
            Some((i, _, [lon, lat])) => {
                let nearest = GeoPoint::from_computed_degrees(lat.to_degrees(), lon.to_degrees());
                (
                    self.countries[i].code,
                    distance_m(p, nearest),
                    Some(nearest),
                )
            }
            None => (self.countries[first].code, f64::INFINITY, None),
        })
    }

    /// The country `p` is in, and the distance from `p` to that country's border, metres.
    pub fn depth_inside_m(&self, p: GeoPoint) -> Option<(CountryCode, f64)> {
        let parity = self.bands.parity(p);
        let i = (0..self.countries.len()).find(|&i| parity.is_odd(i))?;
        Some((self.countries[i].code, self.distance_to_border_m(p, i)))
    }

    fn index_of(&self, code: CountryCode) -> Option<usize> {
        self.countries.iter().position(|c| c.code == code)
    }

    /// Geodesic distance from `p` to the nearest point of country `i`'s border (found by
    /// straight-line distance in ECEF, see [`SegmentTree`]).
    fn distance_to_border_m(&self, p: GeoPoint, i: usize) -> f64 {
        let e = to_ecef(p, 0.0);
        match self.segment_trees[i].nearest([e.x_m, e.y_m, e.z_m]) {
            Some([lon, lat]) => distance_m(
                p,
                GeoPoint::from_computed_degrees(lat.to_degrees(), lon.to_degrees()),
            ),
            None => f64::INFINITY,
        }
    }
}

/// The `Country` described by a feature's properties.
fn country_of(feature: &PolygonFeature) -> Result<Country, String> {
    let property = |name: &str| {
        feature
            .properties
            .get(name)
            .ok_or_else(|| format!("{}.properties has no {name:?}", feature.location))
    };
    let code_text = property("iso_a2")?
        .as_str()
        .ok_or_else(|| format!("{}.properties.iso_a2 is not a string", feature.location))?;
    let code = CountryCode::new(code_text)
        .map_err(|e| format!("{}.properties.iso_a2: {e}", feature.location))?;
    let name = match property("name")? {
        Value::String(name) => name.clone(),
        _ => {
            return Err(format!(
                "{}.properties.name is not a string",
                feature.location
            ));
        }
    };
    let nato = property("nato")?
        .as_bool()
        .ok_or_else(|| format!("{}.properties.nato is not true or false", feature.location))?;
    Ok(Country { code, name, nato })
}

/// One edge in a latitude band, for the ray-casting test.
#[derive(Clone, Copy, Debug)]
struct BandEdge {
    a: [f64; 2],
    b: [f64; 2],
    max_lon: f64,
    country: u16,
}

/// Point-in-country index: the edges sorted into latitude bands, so a ray cast east from a
/// point only meets the edges of its own band. Within a band, edges are sorted by decreasing
/// eastern end so the scan stops at the first edge wholly west of the point.
#[derive(Debug)]
struct BandIndex {
    min_lat: f64,
    bands: Vec<Vec<BandEdge>>,
}

/// Crossing parity per country: bit `i` is set when country `i` contains the point.
struct Parity([u64; PARITY_WORDS]);

impl Parity {
    fn is_odd(&self, i: usize) -> bool {
        self.0[i / 64] >> (i % 64) & 1 == 1
    }
}

impl BandIndex {
    fn new(countries: &[&[LonLatRing]]) -> BandIndex {
        let lats = countries
            .iter()
            .flat_map(|rings| rings.iter().flatten())
            .map(|v| v[1]);
        let (min_lat, max_lat) = lats.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), y| {
            (lo.min(y), hi.max(y))
        });
        if min_lat > max_lat {
            return BandIndex {
                min_lat: 0.0,
                bands: Vec::new(),
            };
        }
        let band_of = |y: f64| ((y - min_lat) / BAND_HEIGHT_RAD).floor() as usize;
        let mut bands = vec![Vec::new(); band_of(max_lat) + 1];
        for (country, rings) in countries.iter().enumerate() {
            for edge in rings.iter().flat_map(|ring| ring.windows(2)) {
                let (a, b) = (edge[0], edge[1]);
                if a[1] == b[1] {
                    continue; // a horizontal edge never crosses an east-going ray
                }
                let band_edge = BandEdge {
                    a,
                    b,
                    max_lon: a[0].max(b[0]),
                    country: country as u16,
                };
                for band in &mut bands[band_of(a[1].min(b[1]))..=band_of(a[1].max(b[1]))] {
                    band.push(band_edge);
                }
            }
        }
        for band in &mut bands {
            band.sort_by(|e, f| f.max_lon.total_cmp(&e.max_lon));
        }
        BandIndex { min_lat, bands }
    }

    fn parity(&self, p: GeoPoint) -> Parity {
        let mut parity = Parity([0; PARITY_WORDS]);
        let (x, y) = (p.lon_rad(), p.lat_rad());
        let band = (y - self.min_lat) / BAND_HEIGHT_RAD;
        if band < 0.0 || band >= self.bands.len() as f64 {
            return parity;
        }
        for edge in &self.bands[band as usize] {
            if edge.max_lon <= x {
                break;
            }
            if ray_crosses_edge(edge.a, edge.b, x, y) {
                let c = usize::from(edge.country);
                parity.0[c / 64] ^= 1 << (c % 64);
            }
        }
        parity
    }
}
