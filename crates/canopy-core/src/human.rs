//! Numbers as the terminal prints them for people (tables, headlines, confirmations): money in
//! short form and large counts grouped. Files for machines (JSON, CSV, Parquet) keep the full
//! numbers.

/// US dollars in short form: `$69.6M` from a million, `$450k` from a thousand, `$950` below,
/// `$1.25B` from a billion; a negative amount with a leading minus (`-$1.2M`); `n/a` when not a
/// number.
pub fn usd(value: f64) -> String {
    if !value.is_finite() {
        return "n/a".to_string();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    let amount = value.abs();
    // Each unit starts where the one below would round up to 1000 of itself.
    if amount >= 999.995e6 {
        format!("{sign}${:.2}B", amount / 1e9)
    } else if amount >= 999.95e3 {
        format!("{sign}${:.1}M", amount / 1e6)
    } else if amount >= 999.5 {
        format!("{sign}${:.0}k", amount / 1e3)
    } else {
        format!("{sign}${amount:.0}")
    }
}

/// [`usd`] with a sign always written (`+$1.2M`, `-$450k`), for differences.
pub fn signed_usd(value: f64) -> String {
    if value >= 0.0 {
        format!("+{}", usd(value))
    } else {
        usd(value)
    }
}

/// A count with its thousands grouped by commas: `1,012`, `10,000`.
pub fn count(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_short_with_one_unit() {
        assert_eq!(usd(69_612_345.0), "$69.6M");
        assert_eq!(usd(67_439_243.1), "$67.4M");
        assert_eq!(usd(450_000.0), "$450k");
        assert_eq!(usd(950.0), "$950");
        assert_eq!(usd(0.0), "$0");
        assert_eq!(usd(1_250_000_000.0), "$1.25B");
        assert_eq!(usd(-1_200_000.0), "-$1.2M");
        assert_eq!(usd(f64::NAN), "n/a");
        // 999,960 would be "$1000k" in thousands: it is a million.
        assert_eq!(usd(999_960.0), "$1.0M");
        assert_eq!(usd(999.7), "$1k");
        assert_eq!(signed_usd(606_000.0), "+$606k");
        assert_eq!(signed_usd(-606_000.0), "-$606k");
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1_012), "1,012");
        assert_eq!(count(10_000), "10,000");
        assert_eq!(count(1_234_567), "1,234,567");
    }
}
