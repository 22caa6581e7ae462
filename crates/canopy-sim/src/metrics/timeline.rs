//! The latencies of the engagement chain: the medians of theatre entry to first decision,
//! decision to launch and launch to outcome, and the waits for approval.

use std::collections::BTreeMap;

use canopy_core::{EngagementId, ThreatId};

use super::statistics::{median, ratio};
use super::{Reduction, RunMetrics, Timeline};
use crate::event::Event;

/// Collects the latencies of each link of the chain.
#[derive(Default)]
pub(super) struct Latencies {
    /// Theatre entry of each threat not yet decided on, seconds.
    entered_at: BTreeMap<ThreatId, f64>,
    /// Decision time of each engagement, seconds.
    decided_at: BTreeMap<EngagementId, f64>,
    /// Launch time of each engagement, seconds.
    launched_at: BTreeMap<EngagementId, f64>,
    /// From theatre entry to the first decision on the threat, seconds.
    entry_to_decision: Vec<f64>,
    /// From decision to launch, seconds.
    decision_to_launch: Vec<f64>,
    /// From launch to kill or miss, seconds.
    launch_to_outcome: Vec<f64>,
    /// Each answered approval request's wait, in the order of the answers, seconds.
    answered: Vec<f64>,
}

impl Latencies {
    /// The wait of the answer at `time_s` to the request of `engagement` (0 if never decided).
    fn answer(&mut self, time_s: f64, engagement: &EngagementId) {
        self.answered
            .push(time_s - self.decided_at.get(engagement).unwrap_or(&time_s));
    }

    /// The outcome at `time_s` of `engagement`'s shot.
    fn outcome(&mut self, time_s: f64, engagement: &EngagementId) {
        if let Some(launched) = self.launched_at.get(engagement) {
            self.launch_to_outcome.push(time_s - launched);
        }
    }
}

impl Reduction for Latencies {
    fn observe(&mut self, event: &Event, _metrics: &mut RunMetrics) {
        match event {
            Event::ThreatEntered { time, threat, .. } => {
                self.entered_at.insert(*threat, time.as_secs_f64());
            }
            Event::Decision {
                time,
                engagement,
                threat,
                ..
            } => {
                self.decided_at.insert(*engagement, time.as_secs_f64());
                if let Some(entered) = self.entered_at.remove(threat) {
                    self.entry_to_decision.push(time.as_secs_f64() - entered);
                }
            }
            Event::Launch {
                time, engagement, ..
            } => {
                self.launched_at.insert(*engagement, time.as_secs_f64());
                if let Some(decided) = self.decided_at.get(engagement) {
                    self.decision_to_launch.push(time.as_secs_f64() - decided);
                }
            }
            Event::Kill {
                time, engagement, ..
            }
            | Event::Miss {
                time, engagement, ..
            } => self.outcome(time.as_secs_f64(), engagement),
            Event::Approval { time, engagement }
            | Event::ApprovalRefused {
                time, engagement, ..
            } => self.answer(time.as_secs_f64(), engagement),
            _ => {}
        }
    }

    fn finish(&mut self, metrics: &mut RunMetrics) {
        metrics.timeline = Timeline {
            entry_to_decision_s: median(std::mem::take(&mut self.entry_to_decision)),
            decision_to_launch_s: median(std::mem::take(&mut self.decision_to_launch)),
            launch_to_outcome_s: median(std::mem::take(&mut self.launch_to_outcome)),
        };
        metrics.approval_wait_s = self.answered.iter().sum();
        metrics.approval_wait_mean_s = ratio(metrics.approval_wait_s, self.answered.len() as f64);
    }
}
