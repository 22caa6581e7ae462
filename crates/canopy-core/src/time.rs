//! Simulation time as integer microseconds, so that the clock never drifts and compares exactly.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Add, AddAssign, Sub};

const MICROS_PER_SECOND: i64 = 1_000_000;

/// A span of simulated time, in integer microseconds.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct SimDuration(i64);

/// An instant of simulated time: microseconds since the scenario's UTC start.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct SimTime(i64);

/// Why a human-written duration such as `"90s"` or `"1h30m"` could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid duration {text:?}: {reason} (write a number followed by h, m, s or ms, e.g. \"90s\", \"14h\", \"1h30m\")"
)]
pub struct DurationParseError {
    /// The text that was given.
    pub text: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl SimDuration {
    /// The zero duration.
    pub const ZERO: SimDuration = SimDuration(0);

    /// A duration of whole microseconds.
    pub const fn from_micros(micros: i64) -> Self {
        SimDuration(micros)
    }

    /// A duration of whole seconds.
    pub const fn from_secs(seconds: i64) -> Self {
        SimDuration(seconds * MICROS_PER_SECOND)
    }

    /// A duration of (fractional) seconds, rounded to the nearest microsecond.
    pub fn from_secs_f64(seconds: f64) -> Self {
        SimDuration((seconds * MICROS_PER_SECOND as f64).round() as i64)
    }

    /// The duration in microseconds.
    pub const fn as_micros(self) -> i64 {
        self.0
    }

    /// The duration in seconds.
    pub fn as_secs_f64(self) -> f64 {
        self.0 as f64 / MICROS_PER_SECOND as f64
    }

    /// Reads a human-written duration: one or more `<number><unit>` parts with units `h`, `m`, `s`
    /// or `ms` (`"90s"`, `"14h"`, `"1h30m"`, `"2.5s"`). Negative durations are refused.
    pub fn parse(text: &str) -> Result<Self, DurationParseError> {
        let error = |reason| DurationParseError {
            text: text.to_string(),
            reason,
        };
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(error("it is empty"));
        }
        let mut total_micros = 0f64;
        let mut rest = trimmed;
        while !rest.is_empty() {
            let number_len = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .ok_or_else(|| error("a number has no unit"))?;
            if number_len == 0 {
                return Err(error("expected a non-negative number"));
            }
            let value: f64 = rest[..number_len]
                .parse()
                .map_err(|_| error("a number is malformed"))?;
            rest = &rest[number_len..];
            let unit_len = rest
                .find(|c: char| c.is_ascii_digit() || c == '.')
                .unwrap_or(rest.len());
            let scale = match &rest[..unit_len] {
                "h" => 3600.0e6,
                "m" | "min" => 60.0e6,
                "s" => 1.0e6,
                "ms" => 1.0e3,
                _ => return Err(error("unknown unit")),
            };
            rest = &rest[unit_len..];
            total_micros += value * scale;
        }
        Ok(SimDuration(total_micros.round() as i64))
    }
}

impl SimTime {
    /// The scenario start.
    pub const START: SimTime = SimTime(0);

    /// An instant this many microseconds after the start.
    pub const fn from_micros(micros: i64) -> Self {
        SimTime(micros)
    }

    /// An instant this many (fractional) seconds after the start, rounded to the microsecond.
    pub fn from_secs_f64(seconds: f64) -> Self {
        SimTime((seconds * MICROS_PER_SECOND as f64).round() as i64)
    }

    /// Microseconds since the start.
    pub const fn as_micros(self) -> i64 {
        self.0
    }

    /// Seconds since the start.
    pub fn as_secs_f64(self) -> f64 {
        self.0 as f64 / MICROS_PER_SECOND as f64
    }

    /// The time elapsed since an earlier instant (negative if `earlier` is later).
    pub fn since(self, earlier: SimTime) -> SimDuration {
        SimDuration(self.0 - earlier.0)
    }
}

impl Add<SimDuration> for SimTime {
    type Output = SimTime;
    fn add(self, rhs: SimDuration) -> SimTime {
        SimTime(self.0 + rhs.0)
    }
}

impl AddAssign<SimDuration> for SimTime {
    fn add_assign(&mut self, rhs: SimDuration) {
        self.0 += rhs.0;
    }
}

impl Sub<SimDuration> for SimTime {
    type Output = SimTime;
    fn sub(self, rhs: SimDuration) -> SimTime {
        SimTime(self.0 - rhs.0)
    }
}

impl Add for SimDuration {
    type Output = SimDuration;
    fn add(self, rhs: SimDuration) -> SimDuration {
        SimDuration(self.0 + rhs.0)
    }
}

impl fmt::Display for SimTime {
    /// Formats as `HH:MM:SS` after the start (hours may exceed 24).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seconds = self.0.div_euclid(MICROS_PER_SECOND);
        write!(
            f,
            "{:02}:{:02}:{:02}",
            seconds / 3600,
            (seconds / 60) % 60,
            seconds % 60
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_human_durations() {
        assert_eq!(
            SimDuration::parse("90s").unwrap(),
            SimDuration::from_secs(90)
        );
        assert_eq!(
            SimDuration::parse("14h").unwrap(),
            SimDuration::from_secs(14 * 3600)
        );
        assert_eq!(
            SimDuration::parse("1h30m").unwrap(),
            SimDuration::from_secs(5400)
        );
        assert_eq!(
            SimDuration::parse("250ms").unwrap(),
            SimDuration::from_micros(250_000)
        );
        assert_eq!(
            SimDuration::parse("2.5s").unwrap(),
            SimDuration::from_micros(2_500_000)
        );
    }

    #[test]
    fn refuses_malformed_durations() {
        for bad in ["", "90", "-5s", "5 parsecs", "s", "1.2.3s"] {
            assert!(SimDuration::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn displays_clock_time() {
        assert_eq!(SimTime::from_secs_f64(3723.9).to_string(), "01:02:03");
    }
}

/// Serde helpers that write a time or duration as float seconds (the files' unit) and read it
/// back to the microsecond: `#[serde(rename = "time_s", with = "canopy_core::time::seconds")]`.
pub mod seconds {
    use serde::{Deserialize, Deserializer, Serializer};

    /// A time or duration that files hold as seconds.
    pub trait InSeconds: Sized {
        /// Its value in seconds.
        fn to_seconds(&self) -> f64;
        /// The value of so many seconds, to the nearest microsecond.
        fn from_seconds(seconds: f64) -> Self;
    }

    impl InSeconds for super::SimTime {
        fn to_seconds(&self) -> f64 {
            self.as_secs_f64()
        }
        fn from_seconds(seconds: f64) -> Self {
            super::SimTime::from_secs_f64(seconds)
        }
    }

    impl InSeconds for super::SimDuration {
        fn to_seconds(&self) -> f64 {
            self.as_secs_f64()
        }
        fn from_seconds(seconds: f64) -> Self {
            super::SimDuration::from_secs_f64(seconds)
        }
    }

    /// Writes the value as seconds.
    pub fn serialize<T: InSeconds, S: Serializer>(
        value: &T,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(value.to_seconds())
    }

    /// Reads seconds, refusing a number that is not finite.
    pub fn deserialize<'de, T: InSeconds, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<T, D::Error> {
        let seconds = f64::deserialize(deserializer)?;
        if !seconds.is_finite() {
            return Err(serde::de::Error::custom(format!(
                "{seconds} is not a time in seconds"
            )));
        }
        Ok(T::from_seconds(seconds))
    }
}

#[cfg(test)]
mod seconds_tests {
    use super::*;

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Stamp {
        #[serde(rename = "time_s", with = "seconds")]
        time: SimTime,
        #[serde(rename = "wait_s", with = "seconds")]
        wait: SimDuration,
    }

    #[test]
    fn times_are_written_as_seconds_and_read_back_to_the_microsecond() {
        // 14 h less a microsecond: 50,399.999999 s.
        let stamp = Stamp {
            time: SimTime::from_micros(50_399_999_999),
            wait: SimDuration::from_micros(1_500_000),
        };
        let text = serde_json::to_string(&stamp).unwrap();
        assert_eq!(text, r#"{"time_s":50399.999999,"wait_s":1.5}"#);
        assert_eq!(serde_json::from_str::<Stamp>(&text).unwrap(), stamp);
    }
}
