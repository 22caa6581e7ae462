//! Linear scales with "nice" ticks, colours, and compact number labels.

/// Colours for series and nations, chosen to stay distinct when printed.
pub const PALETTE: [&str; 10] = [
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#bcbd22", "#7f7f7f",
];

/// The palette colour of series `i` (cycling).
pub fn colour(i: usize) -> &'static str {
    PALETTE[i % PALETTE.len()]
}

/// A longer palette for the munitions: the ten series colours, their ten lighter tints, then
/// twelve darker shades, so that every munition of the bundled library gets its own colour.
pub const MUNITION_PALETTE: [&str; 32] = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94",
    "#f7b6d2", "#c7c7c7", "#dbdb8d", "#9edae5", "#393b79", "#637939", "#8c6d31", "#843c39",
    "#7b4173", "#5254a3", "#8ca252", "#bd9e39", "#ad494a", "#a55194", "#6b6ecf", "#e7ba52",
];

/// A linear map from a domain of values to a range of pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    /// Domain start (value at `range.0`).
    pub lo: f64,
    /// Domain end (value at `range.1`).
    pub hi: f64,
    /// Pixel range.
    pub range: (f64, f64),
}

impl Scale {
    /// A scale from 0 (or `lo`) to a nice round value at or above `max`.
    pub fn nice(lo: f64, max: f64, range: (f64, f64)) -> Scale {
        let step = nice_step(max - lo);
        let hi = if max > lo {
            lo + ((max - lo) / step).ceil() * step
        } else {
            lo + 1.0
        };
        Scale { lo, hi, range }
    }

    /// The pixel of `value`.
    pub fn at(&self, value: f64) -> f64 {
        let t = if self.hi > self.lo {
            (value - self.lo) / (self.hi - self.lo)
        } else {
            0.0
        };
        self.range.0 + t * (self.range.1 - self.range.0)
    }

    /// Tick values: multiples of a 1-2-5 step covering the domain (about five of them).
    pub fn ticks(&self) -> Vec<f64> {
        let step = nice_step(self.hi - self.lo);
        let first = (self.lo / step).ceil() as i64;
        let last = (self.hi / step + 1e-9).floor() as i64;
        (first..=last).map(|k| k as f64 * step).collect()
    }
}

/// A 1, 2 or 5 times a power of ten giving about five intervals over `span`.
pub fn nice_step(span: f64) -> f64 {
    if span.is_nan() || span <= 0.0 || !span.is_finite() {
        return 1.0;
    }
    let rough = span / 5.0;
    let power = 10f64.powf(rough.log10().floor());
    let m = rough / power;
    let factor = if m <= 1.0 {
        1.0
    } else if m <= 2.0 {
        2.0
    } else if m <= 5.0 {
        5.0
    } else {
        10.0
    };
    factor * power
}

/// A compact label: `1.2k`, `3.4M`, `5.6B`, or up to three significant digits.
pub fn compact(value: f64) -> String {
    let a = value.abs();
    let (v, suffix) = if a >= 1e9 {
        (value / 1e9, "B")
    } else if a >= 1e6 {
        (value / 1e6, "M")
    } else if a >= 1e4 {
        (value / 1e3, "k")
    } else {
        (value, "")
    };
    let digits = if v.abs() >= 100.0 || v == v.trunc() {
        0
    } else if v.abs() >= 10.0 {
        1
    } else if v.abs() >= 1.0 {
        2
    } else {
        3
    };
    let text = format!("{v:.digits$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    format!("{text}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_one_two_five() {
        assert_eq!(nice_step(10.0), 2.0);
        assert_eq!(nice_step(23.0), 5.0);
        assert_eq!(nice_step(0.7), 0.2);
        let s = Scale::nice(0.0, 23.0, (0.0, 100.0));
        assert_eq!(s.hi, 25.0);
        assert_eq!(s.ticks(), vec![0.0, 5.0, 10.0, 15.0, 20.0, 25.0]);
        assert_eq!(s.at(12.5), 50.0);
    }

    #[test]
    fn compact_labels() {
        assert_eq!(compact(3.0), "3");
        assert_eq!(compact(0.25), "0.25");
        // Three significant figures below one: a leak rate of 0.203 is not shown as 0.2.
        assert_eq!(compact(0.2034), "0.203");
        assert_eq!(compact(12_500.0), "12.5k");
        assert_eq!(compact(4_200_000.0), "4.2M");
    }
}
