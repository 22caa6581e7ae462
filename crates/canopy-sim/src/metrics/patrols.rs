//! Patrol gaps: the time each fighter patrol spends with fewer fighters on station than its count.

use canopy_core::{PatrolId, UnitName};
use std::collections::BTreeMap;

use super::{Reduction, RunMetrics};
use crate::event::Event;
use crate::prepared::{PreparedScenario, UnitRole};

/// One patrol's state as its fighters come and go.
struct PatrolState {
    /// Fighters it should hold on station.
    count: i64,
    /// Fighters on station now.
    on_station: i64,
    /// The time up to which its gap is counted (from its first time on station), seconds.
    counted_to_s: f64,
}

/// Time each patrol spends with fewer fighters on station than its count.
pub(super) struct PatrolGaps {
    /// The patrol of each fighter, by unit name.
    patrol_of: BTreeMap<UnitName, PatrolId>,
    /// Each patrol's state, by patrol index.
    patrols: Vec<PatrolState>,
    /// The gaps counted so far, seconds.
    total_s: f64,
}

impl PatrolGaps {
    /// The patrols of `prepared`, none yet on station.
    pub(super) fn new(prepared: &PreparedScenario) -> PatrolGaps {
        let patrol_of = prepared
            .units
            .iter()
            .filter_map(|unit| match unit.role {
                UnitRole::Fighter { patrol, .. } => Some((unit.name.clone(), patrol)),
                UnitRole::Site { .. } => None,
            })
            .collect();
        let patrols = prepared
            .scenario
            .patrols
            .iter()
            .map(|patrol| PatrolState {
                count: i64::from(patrol.count),
                on_station: 0,
                counted_to_s: patrol.on_station.as_secs_f64(),
            })
            .collect();
        PatrolGaps {
            patrol_of,
            patrols,
            total_s: 0.0,
        }
    }

    /// Counts `patrol`'s gap up to `time_s`.
    fn advance(&mut self, patrol: PatrolId, time_s: f64) {
        let patrol = &mut self.patrols[patrol.index()];
        if time_s > patrol.counted_to_s {
            if patrol.on_station < patrol.count {
                self.total_s += time_s - patrol.counted_to_s;
            }
            patrol.counted_to_s = time_s;
        }
    }

    /// A fighter came on (`step` 1) or left (-1) its station at `time_s`.
    fn change(&mut self, time_s: f64, unit: &str, step: i64) {
        if let Some(&patrol) = self.patrol_of.get(unit) {
            self.advance(patrol, time_s);
            self.patrols[patrol.index()].on_station += step;
        }
    }
}

impl Reduction for PatrolGaps {
    fn observe(&mut self, event: &Event, _metrics: &mut RunMetrics) {
        match event {
            Event::OnStation { time, unit, .. } => {
                self.change(time.as_secs_f64(), unit.as_str(), 1)
            }
            Event::OffStation { time, unit, .. } => {
                self.change(time.as_secs_f64(), unit.as_str(), -1)
            }
            _ => {}
        }
    }

    /// Counts every patrol's gap up to the end of the run.
    fn finish(&mut self, metrics: &mut RunMetrics) {
        for index in 0..self.patrols.len() {
            self.advance(PatrolId(index as u16), metrics.end_time_s);
        }
        metrics.patrol_gap_s = self.total_s;
    }
}
