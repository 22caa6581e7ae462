//! A threat's path from launch to target: geodesic legs through waypoints, sampled once into the
//! theatre's ENU frame so that a position at any distance along it costs an interpolation.

use canopy_c2::Geometry;
use canopy_geo::{EnuPosition, EnuVector, EnuVelocity, GeoPoint, GeodesicLeg};

/// Longest spacing between route samples, metres. The chord of a 10 km geodesic arc departs from
/// the arc by under 2 m, so linear interpolation between samples is exact for this model.
pub const SAMPLE_SPACING_M: f64 = 10_000.0;

#[derive(Clone, Debug)]
struct Sample {
    distance_m: f64,
    ground_m: EnuPosition,
    /// The local up direction (metres per metre of height).
    up: EnuVector,
    point: GeoPoint,
}

/// A sampled ground track from launch through waypoints to the aim point.
#[derive(Clone, Debug)]
pub struct Route {
    samples: Vec<Sample>,
    /// The samples' distances along the route, held apart for a compact binary search.
    distances_m: Vec<f64>,
}

impl Route {
    /// The geodesic route through `waypoints` (launch first, aim point last), sampled in the
    /// geometry's ENU frame.
    pub fn new(geometry: &Geometry, waypoints: &[GeoPoint]) -> Route {
        let mut samples = Vec::new();
        let mut start_m = 0.0;
        for pair in waypoints.windows(2) {
            let leg = GeodesicLeg::new(pair[0], pair[1]);
            let length = leg.length_m();
            let pieces = (length / SAMPLE_SPACING_M).ceil().max(1.0) as usize;
            let first = if samples.is_empty() { 0 } else { 1 };
            for k in first..=pieces {
                let along = length * k as f64 / pieces as f64;
                samples.push(sample(geometry, start_m + along, leg.point_at(along)));
            }
            start_m += length;
        }
        if samples.is_empty() {
            samples.push(sample(geometry, 0.0, waypoints[0]));
        }
        let distances_m = samples.iter().map(|sample| sample.distance_m).collect();
        Route {
            samples,
            distances_m,
        }
    }

    /// The route's length, metres.
    pub fn length_m(&self) -> f64 {
        self.samples.last().map_or(0.0, |last| last.distance_m)
    }

    /// The position at `distance_m` along the route and `altitude_m` above the ground.
    pub fn position_m(&self, distance_m: f64, altitude_m: f64) -> EnuPosition {
        let (a, b, f) = self.bracket(distance_m);
        let ground = a.ground_m.lerp(b.ground_m, f);
        let up = a.up.lerp(b.up, f);
        ground + up * altitude_m
    }

    /// The position and velocity at `distance_m` along the route and `altitude_m` above the
    /// ground, for a mover flying at `speed_mps` and climbing `climb_per_m` metres per metre flown.
    pub fn state_m(
        &self,
        distance_m: f64,
        altitude_m: f64,
        speed_mps: f64,
        climb_per_m: f64,
    ) -> (EnuPosition, EnuVelocity) {
        let (a, b, f) = self.bracket(distance_m);
        let ground = a.ground_m.lerp(b.ground_m, f);
        let up = a.up.lerp(b.up, f);
        let span = b.distance_m - a.distance_m;
        let along = if span > 0.0 {
            (b.ground_m - a.ground_m) * (1.0 / span)
        } else {
            EnuVector::default()
        };
        let velocity = EnuVelocity::along(along + up * climb_per_m, speed_mps);
        (ground + up * altitude_m, velocity)
    }

    /// The ground point at `distance_m` along the route (for zone and border look-ups).
    pub fn point_at(&self, geometry: &Geometry, distance_m: f64) -> GeoPoint {
        let (a, b, f) = self.bracket(distance_m);
        if f == 0.0 {
            return a.point;
        }
        geometry.geo_of(a.ground_m.lerp(b.ground_m, f)).0
    }

    /// Ground points every `spacing_m` along the route from its start, and its end: (distance
    /// along, point), for look-ups of whose airspace or which area each part of it crosses.
    pub fn ground_track(&self, geometry: &Geometry, spacing_m: f64) -> Vec<(f64, GeoPoint)> {
        let length = self.length_m();
        let count = (length / spacing_m).ceil() as usize;
        (0..=count)
            .map(|k| {
                let distance = (k as f64 * spacing_m).min(length);
                (distance, self.point_at(geometry, distance))
            })
            .collect()
    }

    /// The distance along the route where it first reaches `lon_rad` going west, or 0 when it
    /// starts west of it or never reaches it.
    pub fn first_west_of_m(&self, lon_rad: f64) -> f64 {
        let Some(index) = self
            .samples
            .iter()
            .position(|sample| sample.point.lon_rad() <= lon_rad)
        else {
            return 0.0;
        };
        if index == 0 {
            return 0.0;
        }
        let (a, b) = (&self.samples[index - 1], &self.samples[index]);
        let f = (a.point.lon_rad() - lon_rad) / (a.point.lon_rad() - b.point.lon_rad());
        a.distance_m + f * (b.distance_m - a.distance_m)
    }

    fn bracket(&self, distance_m: f64) -> (&Sample, &Sample, f64) {
        let samples = &self.samples;
        let clamped = distance_m.clamp(0.0, self.length_m());
        let upper = self
            .distances_m
            .partition_point(|&distance_m| distance_m < clamped)
            .clamp(1, samples.len().max(2) - 1)
            .min(samples.len() - 1);
        let lower = upper.saturating_sub(1);
        let (a, b) = (&samples[lower], &samples[upper]);
        let span = b.distance_m - a.distance_m;
        let f = if span > 0.0 {
            ((clamped - a.distance_m) / span).clamp(0.0, 1.0)
        } else {
            0.0
        };
        (a, b, f)
    }
}

fn sample(geometry: &Geometry, distance_m: f64, point: GeoPoint) -> Sample {
    let ground_m = geometry.frame.to_enu(point, 0.0);
    let up = (geometry.frame.to_enu(point, 1000.0) - ground_m) * 1e-3;
    Sample {
        distance_m,
        ground_m,
        up,
        point,
    }
}
