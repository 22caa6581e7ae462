//! The checks of an event read from a file before it is drawn: its time is within a night and
//! every position it is drawn at is a point on the Earth.

use canopy_core::{SimDuration, SimTime};
use canopy_geo::GeoPoint;
use canopy_sim::{Event, Position};

use crate::error::ExportError;

/// The latest time of an event: a scenario lasts at most 30 days (docs/scenario-format.md), and
/// a fighter may still fly home after the run's end.
const LATEST: SimTime = SimTime::from_micros(31 * 86_400 * 1_000_000);

/// Checks the event at `index` of the log.
pub fn check(index: usize, event: &Event) -> Result<(), ExportError> {
    let error = |message: String| ExportError::Event { index, message };
    let time = event.time();
    if !(SimTime::START..=LATEST).contains(&time) {
        return Err(error(format!(
            "time_s {} is outside the night: allowed from 0 to 31 days",
            time.as_secs_f64()
        )));
    }
    if let Event::Spillover { time_inside, .. } = event
        && !(SimDuration::ZERO..=time.since(SimTime::START)).contains(time_inside)
    {
        return Err(error(format!(
            "time_inside_s {} is not between 0 and the event's time_s",
            time_inside.as_secs_f64()
        )));
    }
    for (key, at) in drawn_positions(event) {
        GeoPoint::from_degrees(at.lat_deg, at.lon_deg)
            .map_err(|err| error(format!("`{key}` is not a point: {err}")))?;
    }
    Ok(())
}

/// The positions of an event that an export draws, with their keys.
fn drawn_positions(event: &Event) -> Vec<(&'static str, &Position)> {
    match event {
        Event::ThreatLost { at, .. } | Event::Impact { at, .. } | Event::Spillover { at, .. } => {
            vec![("at", at)]
        }
        Event::Launch { from, .. } => vec![("from", from)],
        Event::Kill {
            at, debris_centre, ..
        } => vec![("at", at), ("debris_centre", debris_centre)],
        Event::Miss { fall_point, .. } => vec![("fall_point", fall_point)],
        _ => Vec::new(),
    }
}
