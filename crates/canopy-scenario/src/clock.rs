//! Wall-clock times in scenario files: the UTC `start` instant (RFC 3339) and the clock times of
//! launch windows and patrols, which are read relative to the start.
//!
//! A clock time `"HH:MM"` (or `"HH:MM:SS"`) is the next such UTC time at or after the start: with
//! `start = "2024-07-09T22:00:00Z"`, `"23:30"` is 1 h 30 min after the start and `"00:30"` (after
//! midnight) is 2 h 30 min after it, on the next day. An offset `"+2h30m"` is read as a duration
//! after the start.

use canopy_core::{SimDuration, SimTime};

const SECONDS_PER_DAY: i64 = 86_400;
const MICROS_PER_SECOND: i64 = 1_000_000;

/// What a start time may look like.
pub(crate) const START_RULE: &str =
    "an RFC 3339 UTC time, e.g. \"2024-07-09T22:00:00Z\" (quoted or as a TOML date-time)";
/// What a clock time may look like.
pub(crate) const CLOCK_RULE: &str = "a UTC clock time \"HH:MM\" or \"HH:MM:SS\" (the next such time at or after the scenario start; after midnight is the next day), or an offset from the start such as \"+2h30m\"";

/// The scenario's start, read from RFC 3339 text in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Start {
    /// Microseconds since 1970-01-01T00:00:00Z.
    unix_micros: i64,
}

impl Start {
    /// Reads `YYYY-MM-DDTHH:MM:SS[.fraction]Z` (or `+00:00` instead of `Z`).
    pub(crate) fn parse(text: &str) -> Result<Start, String> {
        let bad = |why: &str| Err(format!("{text:?} is not a valid UTC start time: {why}"));
        let body = if let Some(body) = text.strip_suffix(['Z', 'z']) {
            body
        } else if let Some(body) = text.strip_suffix("+00:00") {
            body
        } else {
            return bad("it must end in Z (UTC)");
        };
        let Some((date, time)) = body.split_once(['T', 't']) else {
            return bad("expected a date and a time separated by T");
        };
        let [year, month, day] = match fields::<3>(date, '-') {
            Some(parts) if parts[0].len() == 4 && two_digits(&parts[1..]) => parts,
            _ => return bad("the date must be YYYY-MM-DD"),
        };
        let (whole, fraction) = time.split_once('.').unwrap_or((time, ""));
        let [hour, minute, second] = match fields::<3>(whole, ':') {
            Some(parts) if two_digits(&parts) => parts,
            _ => return bad("the time must be HH:MM:SS"),
        };
        let (year, month, day) = (number(year), number(month), number(day));
        let (hour, minute, second) = (number(hour), number(minute), number(second));
        let month_ok = (1..=12).contains(&month);
        if !month_ok || day < 1 || day > days_in_month(year, month) {
            return bad("no such date");
        }
        if hour > 23 || minute > 59 || second > 59 {
            return bad("no such time of day");
        }
        let micros_fraction = match fraction_micros(fraction) {
            Some(micros) => micros,
            None => return bad("the fraction of a second must be digits"),
        };
        let days = days_from_civil(year, month, day);
        let seconds = days * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
        Ok(Start {
            unix_micros: seconds * MICROS_PER_SECOND + micros_fraction,
        })
    }

    /// Microseconds since the Unix epoch.
    pub(crate) fn unix_micros(self) -> i64 {
        self.unix_micros
    }

    /// Whole seconds since the Unix epoch (rounded down).
    pub(crate) fn unix_seconds(self) -> i64 {
        self.unix_micros.div_euclid(MICROS_PER_SECOND)
    }

    /// Microseconds since midnight UTC of the start's day.
    fn micros_of_day(self) -> i64 {
        self.unix_micros
            .rem_euclid(SECONDS_PER_DAY * MICROS_PER_SECOND)
    }

    /// The simulation time of a clock time or `+offset` written in a scenario.
    pub(crate) fn clock_time(self, text: &str) -> Result<SimTime, String> {
        if let Some(offset) = text.strip_prefix('+') {
            let offset = SimDuration::parse(offset).map_err(|err| err.to_string())?;
            return Ok(SimTime::START + offset);
        }
        let bad = || Err(format!("{text:?} is not a clock time"));
        let [hour, minute, second] = match fields::<3>(text, ':') {
            Some(parts) => parts,
            None => match fields::<2>(text, ':') {
                Some([hour, minute]) => [hour, minute, "00"],
                None => return bad(),
            },
        };
        if !two_digits(&[hour, minute, second]) {
            return bad();
        }
        let (hour, minute, second) = (number(hour), number(minute), number(second));
        if hour > 23 || minute > 59 || second > 59 {
            return bad();
        }
        let clock_micros = (hour * 3600 + minute * 60 + second) * MICROS_PER_SECOND;
        let day_micros = SECONDS_PER_DAY * MICROS_PER_SECOND;
        let after_start = (clock_micros - self.micros_of_day()).rem_euclid(day_micros);
        Ok(SimTime::from_micros(after_start))
    }
}

/// Splits `text` at `separator` into exactly `N` non-empty all-digit parts.
fn fields<const N: usize>(text: &str, separator: char) -> Option<[&str; N]> {
    let parts: Vec<&str> = text.split(separator).collect();
    let all_digits = parts
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()));
    if all_digits {
        parts.try_into().ok()
    } else {
        None
    }
}

/// Whether every part has exactly two digits.
fn two_digits(parts: &[&str]) -> bool {
    parts.iter().all(|p| p.len() == 2)
}

/// A string of at most four ASCII digits as a number (checked by [`fields`]).
fn number(digits: &str) -> i64 {
    digits.bytes().fold(0, |n, b| n * 10 + i64::from(b - b'0'))
}

/// Microseconds of a decimal fraction of a second (digits beyond the sixth are dropped).
fn fraction_micros(fraction: &str) -> Option<i64> {
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let padded: String = fraction
        .chars()
        .chain(std::iter::repeat('0'))
        .take(6)
        .collect();
    padded.parse().ok()
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Proleptic Gregorian `(year, month, day)` of a count of days since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`, the inverse of [`days_from_civil`]).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// An instant, in microseconds since the Unix epoch, as ISO-8601 UTC text to the millisecond:
/// `2024-07-09T16:00:00.000Z` (rounded to the nearest millisecond).
pub(crate) fn utc_text(unix_micros: i64) -> String {
    let millis = unix_micros.saturating_add(500).div_euclid(1000);
    let (seconds, milli) = (millis.div_euclid(1000), millis.rem_euclid(1000));
    let (days, second_of_day) = (
        seconds.div_euclid(SECONDS_PER_DAY),
        seconds.rem_euclid(SECONDS_PER_DAY),
    );
    let (year, month, day) = civil_from_days(days);
    let (hour, minute, second) = (
        second_of_day / 3600,
        second_of_day % 3600 / 60,
        second_of_day % 60,
    );
    format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}.{milli:03}Z")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours(h: f64) -> SimTime {
        SimTime::from_secs_f64(h * 3600.0)
    }

    #[test]
    fn start_times_match_known_unix_times() {
        // 2024-07-09T22:00:00Z is 1720562400 (19913 days after 1970-01-01, plus 22 h).
        assert_eq!(
            Start::parse("2024-07-09T22:00:00Z").unwrap().unix_seconds(),
            1_720_562_400
        );
        assert_eq!(
            Start::parse("1970-01-01T00:00:00Z").unwrap().unix_seconds(),
            0
        );
        // 2000-02-29 exists (leap year divisible by 400): 951782400 at midnight.
        assert_eq!(
            Start::parse("2000-02-29T00:00:00+00:00")
                .unwrap()
                .unix_seconds(),
            951_782_400
        );
    }

    #[test]
    fn instants_are_written_as_they_are_read() {
        for text in [
            "1970-01-01T00:00:00.000Z",
            "2000-02-29T23:59:59.999Z",
            "2024-07-09T16:00:00.500Z",
            "2100-03-01T00:00:00.000Z",
            "1969-12-31T23:59:59.000Z",
        ] {
            let micros = Start::parse(text).unwrap().unix_micros();
            assert_eq!(utc_text(micros), text);
        }
        let start = Start::parse("2024-07-09T22:00:00Z").unwrap().unix_micros();
        assert_eq!(utc_text(start + 3_723_250_400), "2024-07-09T23:02:03.250Z");
        assert_eq!(utc_text(start + 7_200_000_000), "2024-07-10T00:00:00.000Z");
    }

    #[test]
    fn malformed_start_times_are_refused() {
        for bad in [
            "2024-07-09T22:00:00",
            "2024-07-09 22:00:00Z",
            "2024-13-09T22:00:00Z",
            "2023-02-29T22:00:00Z",
            "2024-07-09T24:00:00Z",
            "2024-07-09T22:00Z",
            "2024-07-09T22:00:00+03:00",
            "yesterday",
        ] {
            assert!(Start::parse(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn clock_times_after_midnight_fall_on_the_next_day() {
        let start = Start::parse("2024-07-09T22:00:00Z").unwrap();
        assert_eq!(start.clock_time("22:00").unwrap(), SimTime::START);
        assert_eq!(start.clock_time("23:30").unwrap(), hours(1.5));
        assert_eq!(start.clock_time("00:30").unwrap(), hours(2.5));
        assert_eq!(
            start.clock_time("21:59:59").unwrap(),
            hours(24.0) - canopy_core::SimDuration::from_secs(1)
        );
        assert_eq!(start.clock_time("+1h15m").unwrap(), hours(1.25));
    }

    #[test]
    fn clock_times_use_the_fraction_of_the_start() {
        let start = Start::parse("2024-07-09T16:00:00.5Z").unwrap();
        assert_eq!(
            start.clock_time("18:00").unwrap(),
            SimTime::from_secs_f64(7199.5)
        );
    }

    #[test]
    fn malformed_clock_times_are_refused() {
        let start = Start::parse("2024-07-09T22:00:00Z").unwrap();
        for bad in [
            "24:00",
            "7:30",
            "12:60",
            "noon",
            "12",
            "+ten",
            "12:00:00:00",
            "",
        ] {
            assert!(start.clock_time(bad).is_err(), "{bad} accepted");
        }
    }
}
