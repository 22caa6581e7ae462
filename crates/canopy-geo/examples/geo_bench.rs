//! Times the hot geography calls over random points in the region.
//!
//! Run with `cargo run --release -p canopy-geo --example geo_bench`.

use std::hint::black_box;
use std::time::Instant;

use canopy_geo::{Borders, CountryCode, EnuFrame, GeoPoint, GeodesicLeg, direct, distance_m};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

const POINTS: usize = 200_000;

/// Average nanoseconds per call of `f` over `points`.
fn time_ns(points: &[GeoPoint], mut f: impl FnMut(GeoPoint)) -> f64 {
    let start = Instant::now();
    for &p in points {
        f(black_box(p));
    }
    start.elapsed().as_nanos() as f64 / points.len() as f64
}

fn main() -> Result<(), canopy_geo::GeoError> {
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    // The theatre: western Russia to eastern Germany, the Baltic to the Black Sea.
    let points: Vec<GeoPoint> = (0..POINTS)
        .map(|_| GeoPoint::from_degrees(rng.random_range(44.0..56.0), rng.random_range(14.0..40.0)))
        .collect::<Result<_, _>>()?;
    let build = Instant::now();
    let borders = Borders::bundled();
    println!(
        "parse and index bundled borders: {:.1} ms",
        build.elapsed().as_secs_f64() * 1e3
    );

    let lviv = GeoPoint::from_degrees(49.8397, 24.0297)?;
    let leg = GeodesicLeg::new(lviv, GeoPoint::from_degrees(55.7558, 37.6173)?);
    let frame = EnuFrame::new(lviv, 0.0);
    let pl = CountryCode::new("PL")?;
    let ru = CountryCode::new("RU")?;
    let mut rows: Vec<(&str, f64)> = Vec::new();
    rows.push((
        "country_at",
        time_ns(&points, |p| {
            black_box(borders.country_at(p));
        }),
    ));
    rows.push((
        "distance_to_country_m PL",
        time_ns(&points, |p| {
            black_box(borders.distance_to_country_m(p, pl));
        }),
    ));
    rows.push((
        "distance_to_country_m RU",
        time_ns(&points, |p| {
            black_box(borders.distance_to_country_m(p, ru));
        }),
    ));
    rows.push((
        "depth_inside_m",
        time_ns(&points, |p| {
            black_box(borders.depth_inside_m(p));
        }),
    ));
    rows.push((
        "distance_m",
        time_ns(&points, |p| {
            black_box(distance_m(lviv, p));
        }),
    ));
    rows.push((
        "direct",
        time_ns(&points, |p| {
            black_box(direct(p, 1.0, 100_000.0));
        }),
    ));
    rows.push((
        "GeodesicLeg::point_at",
        time_ns(&points, |p| {
            black_box(leg.point_at(p.lat_deg() * 10_000.0));
        }),
    ));
    rows.push((
        "EnuFrame::to_enu",
        time_ns(&points, |p| {
            black_box(frame.to_enu(p, 1000.0));
        }),
    ));
    println!("{POINTS} random points, lat 44..56 N, lon 14..40 E");
    for (name, ns) in rows {
        println!("{name:<28} {:>10.3} µs/call", ns / 1e3);
    }
    Ok(())
}
