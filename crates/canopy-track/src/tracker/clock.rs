//! The tracker's clock: looks come at finite times that never go backwards, and the scans of
//! one look share one time.

use crate::error::TrackError;
use crate::scan::Scan;

/// The time of the latest look, against which the next one is checked.
#[derive(Debug, Default)]
pub(super) struct Clock {
    last_time_s: Option<f64>,
}

impl Clock {
    /// Checks that `time_s` is finite and not before the latest look's.
    pub(super) fn check(&self, time_s: f64) -> Result<(), TrackError> {
        if !time_s.is_finite() {
            return Err(TrackError::NonFiniteTime { time_s });
        }
        match self.last_time_s {
            Some(previous_s) if time_s < previous_s => {
                Err(TrackError::TimeWentBackwards { time_s, previous_s })
            }
            _ => Ok(()),
        }
    }

    /// The one time of a batch of scans, checked as [`Clock::check`] does; `None` for an empty
    /// batch.
    pub(super) fn batch_time(&self, scans: &[Scan]) -> Result<Option<f64>, TrackError> {
        let Some(first) = scans.first() else {
            return Ok(None);
        };
        let time_s = first.time_s;
        self.check(time_s)?;
        if let Some(other) = scans.iter().find(|scan| scan.time_s != time_s) {
            return Err(TrackError::MixedScanTimes {
                time_s,
                other_s: other.time_s,
            });
        }
        Ok(Some(time_s))
    }

    /// Moves the clock on to `time_s` (checked first).
    pub(super) fn set(&mut self, time_s: f64) {
        self.last_time_s = Some(time_s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::SensorModel;
    use nalgebra::Vector3;

    #[test]
    fn a_time_may_repeat_but_not_go_back_or_be_undefined() {
        let mut clock = Clock::default();
        assert!(clock.check(-5.0).is_ok());
        clock.set(10.0);
        assert!(clock.check(10.0).is_ok());
        assert!(clock.check(10.5).is_ok());
        assert!(matches!(
            clock.check(9.0),
            Err(TrackError::TimeWentBackwards {
                time_s: 9.0,
                previous_s: 10.0
            })
        ));
        assert!(matches!(
            clock.check(f64::NAN),
            Err(TrackError::NonFiniteTime { .. })
        ));
        assert!(matches!(
            clock.check(f64::NEG_INFINITY),
            Err(TrackError::NonFiniteTime { .. })
        ));
    }

    #[test]
    fn a_batch_has_one_time() {
        let clock = Clock::default();
        let sensor = SensorModel::new(Vector3::zeros(), 50.0, 0.002, 0.002);
        let scan = |time_s: f64| Scan {
            time_s,
            sensor: &sensor,
            detections: &[],
        };
        assert!(matches!(clock.batch_time(&[]), Ok(None)));
        assert!(matches!(
            clock.batch_time(&[scan(3.0), scan(3.0)]),
            Ok(Some(3.0))
        ));
        assert!(matches!(
            clock.batch_time(&[scan(3.0), scan(4.0)]),
            Err(TrackError::MixedScanTimes {
                time_s: 3.0,
                other_s: 4.0
            })
        ));
        // The first scan's own time is checked before the others are compared with it.
        assert!(matches!(
            clock.batch_time(&[scan(f64::NAN), scan(4.0)]),
            Err(TrackError::NonFiniteTime { .. })
        ));
    }
}
