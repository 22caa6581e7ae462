//! The theatre's geometry: its local frame and the borders, shared by planning and the engine.

use canopy_geo::{Borders, EnuFrame, EnuPosition, EnuVector, EnuVelocity, FreeVector, GeoPoint};
use canopy_scenario::Scenario;

/// The theatre's frame and borders, shared by planning and the engine.
#[derive(Clone, Debug)]
pub struct Geometry {
    /// The theatre's local East-North-Up frame.
    pub frame: EnuFrame,
    /// Country borders.
    pub borders: &'static Borders,
}

impl Geometry {
    /// The geometry of a theatre with this ENU frame and the bundled borders.
    pub fn new(frame: EnuFrame) -> Geometry {
        Geometry {
            frame,
            borders: Borders::bundled(),
        }
    }

    /// The geometry of a scenario's theatre: an ENU frame at ground level at the mean latitude and
    /// longitude of the raids' aim points and the sites, and the bundled borders.
    pub fn from_scenario(scenario: &Scenario) -> Geometry {
        Geometry::new(theatre_frame(scenario))
    }

    /// The geographic point and altitude (metres) of an ENU position.
    pub fn geo_of(&self, position_m: EnuPosition) -> (GeoPoint, f64) {
        self.frame.from_enu(position_m)
    }

    /// Whether NATO territory lies within `radius_m` of a point (0 inside it), with the
    /// distance to it worked out only when the border may be that near.
    pub fn nato_within_m(&self, point: GeoPoint, radius_m: f64) -> bool {
        self.borders
            .nearest_country_within_m(point, radius_m, |country| country.nato)
            <= radius_m
    }

    /// The horizontal speed (m/s) and heading (radians clockwise from local north, in
    /// [0, 2π)) at `point` of a velocity given in the theatre's ENU frame.
    pub fn speed_and_heading(&self, point: GeoPoint, velocity_mps: EnuVelocity) -> (f64, f64) {
        self.horizontal(point, velocity_mps)
    }

    /// The heading (radians clockwise from local north, in [0, 2π)) at `point` of a displacement
    /// given in the theatre's ENU frame.
    pub fn heading(&self, point: GeoPoint, displacement_m: EnuVector) -> f64 {
        self.horizontal(point, displacement_m).1
    }

    /// The horizontal length (in the vector's unit) and heading at `point` of a free vector
    /// given in the theatre's ENU frame.
    fn horizontal(&self, point: GeoPoint, vector: impl FreeVector) -> (f64, f64) {
        let (east, north) = self.frame.east_north_at(point, vector);
        (
            east.hypot(north),
            east.atan2(north).rem_euclid(std::f64::consts::TAU),
        )
    }
}

/// An ENU frame at the centroid of the raids' aim points and the sites (ground level).
fn theatre_frame(scenario: &Scenario) -> EnuFrame {
    let aim_points: Vec<GeoPoint> = scenario
        .raids
        .iter()
        .flat_map(|raid| raid.target_places().map(|place| place.at))
        .chain(scenario.sites.iter().map(|site| site.at))
        .collect();
    let count = aim_points.len().max(1) as f64;
    let lat = aim_points.iter().map(|p| p.lat_deg()).sum::<f64>() / count;
    let lon = aim_points.iter().map(|p| p.lon_deg()).sum::<f64>() / count;
    let origin = GeoPoint::from_degrees(lat, lon)
        .unwrap_or_else(|_| GeoPoint::from_degrees(49.84, 24.03).expect("Lviv is a valid point"));
    EnuFrame::new(origin, 0.0)
}
