//! Spillover: every threat, interceptor or debris footprint in NATO territory, counted by kind and
//! recorded in time order.

use super::{Reduction, RunMetrics, SpilloverRecord};
use crate::event::{Event, SpilloverObject};

/// Records the spillover events.
pub(super) struct Spillover;

impl Reduction for Spillover {
    fn observe(&mut self, event: &Event, metrics: &mut RunMetrics) {
        let Event::Spillover {
            time,
            object,
            threat,
            country,
            near,
            time_inside,
            depth_m,
            ..
        } = event
        else {
            return;
        };
        let summary = &mut metrics.spillover;
        summary.count += 1;
        match object {
            SpilloverObject::Threat => summary.threats += 1,
            SpilloverObject::Interceptor => summary.interceptors += 1,
            SpilloverObject::Debris => summary.debris += 1,
        }
        summary.events.push(SpilloverRecord {
            object: *object,
            threat: *threat,
            country: country.to_string(),
            near: near.clone(),
            time_s: time.as_secs_f64(),
            time_inside_s: time_inside.as_secs_f64(),
            depth_m: *depth_m,
        });
    }
}
