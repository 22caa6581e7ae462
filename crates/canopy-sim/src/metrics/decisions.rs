//! How C2's decisions went: approvals asked, answered and refused, the waits for them, and the
//! threats never engaged by the furthest reason reached.

use std::collections::{BTreeMap, BTreeSet};

use canopy_c2::Infeasible;
use canopy_core::{EngagementId, ThreatId};

use super::statistics::ratio;
use super::{Reduction, RunMetrics};
use crate::event::Event;

/// Follows decisions to their approval or refusal.
#[derive(Default)]
pub(super) struct Decisions {
    /// When each engagement was decided, seconds.
    decided_at: BTreeMap<EngagementId, f64>,
    /// Each answered request's wait, in the order of the answers, seconds.
    answered: Vec<f64>,
    /// Threats whose last hold-up was an engagement awaiting approval.
    awaiting_approval: BTreeSet<ThreatId>,
}

impl Decisions {
    /// The wait of the answer at `time_s` to the request of `engagement` (0 if never decided).
    fn answer(&mut self, time_s: f64, engagement: &EngagementId) {
        self.answered
            .push(time_s - self.decided_at.get(engagement).unwrap_or(&time_s));
    }
}

impl Reduction for Decisions {
    fn observe(&mut self, event: &Event, metrics: &mut RunMetrics) {
        match event {
            Event::Decision {
                time,
                engagement,
                needs_approval,
                ..
            } => {
                self.decided_at.insert(*engagement, time.as_secs_f64());
                metrics.approval_requests += u32::from(*needs_approval);
            }
            Event::Approval { time, engagement } => self.answer(time.as_secs_f64(), engagement),
            Event::ApprovalRefused {
                time, engagement, ..
            } => {
                metrics.approval_refusals += 1;
                self.answer(time.as_secs_f64(), engagement);
            }
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

    fn finish(&mut self, metrics: &mut RunMetrics) {
        metrics.approval_wait_s = self.answered.iter().sum();
        metrics.approval_wait_mean_s = ratio(metrics.approval_wait_s, self.answered.len() as f64);
    }
}
