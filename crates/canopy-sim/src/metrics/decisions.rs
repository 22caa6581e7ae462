//! How C2's decisions went: approvals asked and refused, launches the shooters withheld, and the
//! threats never engaged by the furthest reason reached (the waits for approval are latencies,
//! in `timeline`).

use std::collections::BTreeSet;

use canopy_c2::Infeasible;
use canopy_core::ThreatId;

use super::{Reduction, RunMetrics};
use crate::event::Event;

/// Counts approvals asked and refused, and why threats went unengaged.
#[derive(Default)]
pub(super) struct Decisions {
    /// Threats whose last hold-up was an engagement awaiting approval.
    awaiting_approval: BTreeSet<ThreatId>,
}

impl Reduction for Decisions {
    fn observe(&mut self, event: &Event, metrics: &mut RunMetrics) {
        match event {
            Event::Decision { needs_approval, .. } => {
                metrics.approval_requests += u32::from(*needs_approval);
            }
            Event::ApprovalRefused { .. } => metrics.approval_refusals += 1,
            Event::LaunchWithheld { .. } => metrics.launches_withheld += 1,
            Event::Unengaged { reason, threat, .. } => {
                *metrics
                    .unengaged_reasons
                    .entry(reason.as_str().to_string())
                    .or_default() += 1;
                if *reason == Infeasible::AwaitingApproval {
                    self.awaiting_approval.insert(*threat);
                }
            }
            Event::Impact { threat, .. } if self.awaiting_approval.contains(threat) => {
                metrics.leaked_awaiting_approval += 1;
            }
            _ => {}
        }
    }
}
