//! Dates and clock times of the strike record: civil dates, and Kyiv local time (the Air Force's
//! bulletins) turned into UTC by the EU summer-time rule Ukraine keeps.

use std::fmt;

/// A civil date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1-12.
    pub month: u32,
    /// Day of the month, 1-31.
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD`, or `None` when it is not a valid date.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month: u32 = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.parse().ok()?;
        let date = Date { year, month, day };
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(date)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days since 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Its day of the week, 0 for Sunday.
    fn weekday(self) -> i64 {
        (self.days_since_epoch() + 4).rem_euclid(7)
    }

    /// `YYYY-MM`.
    pub fn month_label(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The last Sunday of a month.
fn last_sunday(year: i32, month: u32) -> Date {
    let last = Date {
        year,
        month,
        day: days_in_month(year, month),
    };
    Date::from_days_since_epoch(last.days_since_epoch() - last.weekday())
}

/// Seconds since the Unix epoch of a Kyiv local time: UTC+3 from the last Sunday of March, 01:00
/// UTC, to the last Sunday of October, 01:00 UTC; UTC+2 otherwise.
pub fn kyiv_to_unix_s(date: Date, hour: u32, minute: u32) -> i64 {
    let local_s =
        date.days_since_epoch() * 86_400 + i64::from(hour) * 3600 + i64::from(minute) * 60;
    let summer_from = last_sunday(date.year, 3).days_since_epoch() * 86_400 + 3600;
    let summer_to = last_sunday(date.year, 10).days_since_epoch() * 86_400 + 3600;
    let summer_utc = local_s - 3 * 3600;
    if (summer_from..summer_to).contains(&summer_utc) {
        summer_utc
    } else {
        local_s - 2 * 3600
    }
}

/// A record time: `YYYY-MM-DD HH:MM` (or `H:MM`) Kyiv time, or a date alone read at
/// `default_hour`:00; the date and the instant (Unix seconds), or `None` when it does not parse.
pub fn parse_record_time(text: &str, default_hour: u32) -> Option<(Date, i64)> {
    let text = text.trim();
    let (date_text, clock) = match text.split_once(' ') {
        Some((date, clock)) => (date, Some(clock.trim())),
        None => (text, None),
    };
    let date = Date::parse(date_text)?;
    let (hour, minute) = match clock {
        None => (default_hour, 0),
        Some(clock) => {
            let (h, m) = clock.split_once(':')?;
            let (hour, minute): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
            if hour > 23 || minute > 59 {
                return None;
            }
            (hour, minute)
        }
    };
    Some((date, kyiv_to_unix_s(date, hour, minute)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_count_days_from_the_epoch_both_ways() {
        let date = Date::parse("2024-07-01").unwrap();
        // 2024-07-01 is day 19,905 of the Unix epoch (54 years, 13 of them leap, plus 182 days).
        assert_eq!(date.days_since_epoch(), 19_905);
        assert_eq!(Date::from_days_since_epoch(19_905), date);
        assert_eq!(Date::parse("2024-02-30"), None);
        assert_eq!(Date::parse("2024-02-29").unwrap().to_string(), "2024-02-29");
    }

    #[test]
    fn kyiv_time_is_utc_plus_three_in_summer_and_two_in_winter() {
        // 2024-07-09 22:00 Kyiv (summer) is 19:00 UTC: 1,720,551,600 s.
        let summer = parse_record_time("2024-07-09 22:00", 18).unwrap().1;
        assert_eq!(summer, 1_720_551_600);
        // 2025-01-15 22:00 Kyiv (winter) is 20:00 UTC.
        let winter = parse_record_time("2025-01-15 22:00", 18).unwrap().1;
        assert_eq!(winter % 86_400, 20 * 3600);
        // Summer time began on Sunday 31 March 2024.
        assert_eq!(last_sunday(2024, 3).to_string(), "2024-03-31");
        assert_eq!(last_sunday(2024, 10).to_string(), "2024-10-27");
        // A date alone reads at the default hour.
        let evening = parse_record_time("2024-07-09", 18).unwrap().1;
        assert_eq!(evening % 86_400, 15 * 3600);
        assert!(parse_record_time("2024-07-09 25:00", 18).is_none());
        assert!(parse_record_time("yesterday", 18).is_none());
    }
}
