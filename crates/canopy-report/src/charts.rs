//! The report's charts, each a finished `<svg>` string: a histogram, horizontal bars with interval
//! whiskers, horizontal stacked bars with a legend, and a scatter of points on square axes.

use crate::scale::{Scale, colour, compact};
use crate::svg::{Anchor, Svg};

/// Width of every chart, pixels.
const WIDTH: f64 = 760.0;
/// Height of one horizontal bar's row, pixels.
const ROW: f64 = 28.0;
/// Room for category labels left of horizontal bars, pixels.
const LABEL_W: f64 = 170.0;
/// Room right of horizontal bars for value notes, pixels.
const NOTE_W: f64 = 150.0;

/// Draws a vertical grid with tick labels along the bottom of a horizontal-bar plot.
fn x_grid(svg: &mut Svg, scale: &Scale, top: f64, bottom: f64, title: &str) {
    for tick in scale.ticks() {
        let x = scale.at(tick);
        svg.line(x, top, x, bottom, "grid");
        svg.text(x, bottom + 16.0, Anchor::Middle, "tick", &compact(tick));
    }
    let (a, b) = scale.range;
    svg.text(
        (a + b) / 2.0,
        bottom + 36.0,
        Anchor::Middle,
        "axis-title",
        title,
    );
}

/// Equal-width bins: `edges` (one more than `counts`) and the count in each.
pub fn histogram(edges: &[f64], counts: &[u64], x_title: &str, y_title: &str) -> String {
    let (left, right, top, bottom) = (64.0, WIDTH - 20.0, 16.0, 250.0);
    let mut svg = Svg::new(WIDTH, bottom + 48.0);
    let max = counts.iter().copied().max().unwrap_or(0) as f64;
    let y = Scale::nice(0.0, max.max(1.0), (bottom, top));
    for tick in y.ticks() {
        let py = y.at(tick);
        svg.line(left, py, right, py, "grid");
        svg.text(left - 8.0, py + 4.0, Anchor::End, "tick", &compact(tick));
    }
    svg.vertical_text(16.0, (top + bottom) / 2.0, "axis-title", y_title);
    let (lo, hi) = match (edges.first(), edges.last()) {
        (Some(&lo), Some(&hi)) if hi > lo => (lo, hi),
        (Some(&lo), _) => (lo - 0.5, lo + 0.5),
        _ => (0.0, 1.0),
    };
    let x = Scale {
        lo,
        hi,
        range: (left, right),
    };
    for (i, &count) in counts.iter().enumerate() {
        let (a, b) = match (edges.get(i), edges.get(i + 1)) {
            (Some(&a), Some(&b)) if b > a => (a, b),
            _ => (lo, hi),
        };
        let (x0, x1) = (x.at(a), x.at(b));
        let tip = format!("{} to {}: {count}", compact(a), compact(b));
        svg.rect(
            x0 + 1.0,
            y.at(count as f64),
            x1 - x0 - 2.0,
            bottom - y.at(count as f64),
            colour(0),
            Some(&tip),
        );
    }
    svg.line(left, bottom, right, bottom, "axis");
    let ticks = Scale::nice(lo, hi, (left, right)).ticks();
    for tick in ticks.into_iter().filter(|t| (lo..=hi).contains(t)) {
        let px = x.at(tick);
        svg.line(px, bottom, px, bottom + 5.0, "axis");
        svg.text(px, bottom + 18.0, Anchor::Middle, "tick", &compact(tick));
    }
    svg.text(
        (left + right) / 2.0,
        bottom + 40.0,
        Anchor::Middle,
        "axis-title",
        x_title,
    );
    svg.finish(x_title)
}

/// One bar with a 95 % interval.
#[derive(Clone, Debug, PartialEq)]
pub struct IntervalBar {
    /// Category label.
    pub label: String,
    /// The estimate.
    pub value: f64,
    /// The interval, when known.
    pub interval: Option<(f64, f64)>,
}

/// Horizontal bars from zero with interval whiskers, labelled with the estimate.
pub fn interval_bars(bars: &[IntervalBar], value_title: &str) -> String {
    let top = 10.0;
    let bottom = top + ROW * bars.len().max(1) as f64;
    let mut svg = Svg::new(WIDTH, bottom + 46.0);
    let max = bars
        .iter()
        .map(|b| b.interval.map_or(b.value, |(_, hi)| hi.max(b.value)))
        .fold(0.0, f64::max);
    let scale = Scale::nice(0.0, max, (LABEL_W, WIDTH - NOTE_W));
    x_grid(&mut svg, &scale, top, bottom, value_title);
    for (i, bar) in bars.iter().enumerate() {
        let y = top + ROW * i as f64;
        let mid = y + ROW / 2.0;
        svg.text(LABEL_W - 8.0, mid + 4.0, Anchor::End, "label", &bar.label);
        let note = interval_note(bar.value, bar.interval);
        svg.rect(
            scale.at(0.0),
            y + 6.0,
            scale.at(bar.value) - scale.at(0.0),
            ROW - 12.0,
            colour(0),
            Some(&format!("{}: {note}", bar.label)),
        );
        if let Some((lo, hi)) = bar.interval {
            whisker(&mut svg, scale.at(lo.max(0.0)), scale.at(hi), mid);
        }
        row_note(&mut svg, mid, &note);
    }
    svg.line(LABEL_W, top, LABEL_W, bottom, "axis");
    svg.finish(value_title)
}

/// One row per estimate: a dot at the value and whiskers over its interval, on an axis spanning
/// the intervals (not from zero), with a dashed line at the first row's value (the reference).
/// `label_w` is the room for the labels, pixels.
pub fn dot_whiskers(rows: &[IntervalBar], value_title: &str, label_w: f64) -> String {
    let top = 10.0;
    let bottom = top + ROW * rows.len().max(1) as f64;
    let mut svg = Svg::new(WIDTH, bottom + 46.0);
    let ends = rows.iter().flat_map(|r| {
        let (lo, hi) = r.interval.unwrap_or((r.value, r.value));
        [lo, hi, r.value]
    });
    let (lo, hi) = ends
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(v), b.max(v))
        });
    let (lo, hi) = if lo.is_finite() { (lo, hi) } else { (0.0, 1.0) };
    let pad = ((hi - lo) * 0.05).max(hi.abs().max(1e-9) * 1e-3);
    let scale = Scale::nice(lo - pad, hi + pad, (label_w, WIDTH - NOTE_W));
    x_grid(&mut svg, &scale, top, bottom, value_title);
    if let Some(first) = rows.first().filter(|r| r.value.is_finite()) {
        let x = scale.at(first.value);
        svg.line(x, top, x, bottom, "reference");
    }
    for (i, row) in rows.iter().enumerate() {
        let mid = top + ROW * i as f64 + ROW / 2.0;
        svg.text(label_w - 8.0, mid + 4.0, Anchor::End, "label", &row.label);
        let note = interval_note(row.value, row.interval);
        if let Some((lo, hi)) = row.interval {
            whisker(&mut svg, scale.at(lo), scale.at(hi), mid);
        }
        if row.value.is_finite() {
            svg.circle(
                scale.at(row.value),
                mid,
                5.0,
                colour(i),
                "estimate",
                Some(&format!("{}: {note}", row.label)),
            );
        }
        row_note(&mut svg, mid, &note);
    }
    svg.line(label_w, top, label_w, bottom, "axis");
    svg.finish(value_title)
}

/// One bar made of stacked parts (one per series), with a note written after it.
#[derive(Clone, Debug, PartialEq)]
pub struct StackedBar {
    /// Category label.
    pub label: String,
    /// The value of each series, in the order of the series names.
    pub parts: Vec<f64>,
    /// Text after the bar.
    pub note: String,
}

/// Horizontal stacked bars with a legend naming `series`, each a (name, colour) pair.
pub fn stacked_bars(bars: &[StackedBar], series: &[(String, &str)], value_title: &str) -> String {
    let legend_rows = series.len().div_ceil(4);
    let top = 10.0 + 22.0 * legend_rows as f64;
    let bottom = top + ROW * bars.len().max(1) as f64;
    let mut svg = Svg::new(WIDTH, bottom + 46.0);
    for (i, (name, fill)) in series.iter().enumerate() {
        let (x, y) = (
            LABEL_W + 150.0 * (i % 4) as f64,
            8.0 + 22.0 * (i / 4) as f64,
        );
        svg.rect(x, y, 12.0, 12.0, fill, None);
        svg.text(x + 17.0, y + 11.0, Anchor::Start, "legend", name);
    }
    let max = bars
        .iter()
        .map(|b| b.parts.iter().sum::<f64>())
        .fold(0.0, f64::max);
    let scale = Scale::nice(0.0, max, (LABEL_W, WIDTH - NOTE_W));
    x_grid(&mut svg, &scale, top, bottom, value_title);
    for (i, bar) in bars.iter().enumerate() {
        let y = top + ROW * i as f64;
        svg.text(
            LABEL_W - 8.0,
            y + ROW / 2.0 + 4.0,
            Anchor::End,
            "label",
            &bar.label,
        );
        let mut start = 0.0;
        for (k, &part) in bar.parts.iter().enumerate() {
            if part > 0.0 {
                let (name, fill) = series
                    .get(k)
                    .map_or(("", "#444"), |(n, f)| (n.as_str(), *f));
                svg.rect(
                    scale.at(start),
                    y + 6.0,
                    scale.at(start + part) - scale.at(start),
                    ROW - 12.0,
                    fill,
                    Some(&format!("{} {name}: {}", bar.label, compact(part))),
                );
            }
            start += part;
        }
        svg.text(
            scale.at(start) + 6.0,
            y + ROW / 2.0 + 4.0,
            Anchor::Start,
            "note",
            &bar.note,
        );
    }
    svg.line(LABEL_W, top, LABEL_W, bottom, "axis");
    svg.finish(value_title)
}

/// One point of a scatter plot.
#[derive(Clone, Debug, PartialEq)]
pub struct ScatterPoint {
    /// Horizontal value.
    pub x: f64,
    /// Vertical value.
    pub y: f64,
    /// Its weight: the point's area grows with it (the heaviest point has the largest radius).
    pub weight: f64,
    /// Its tooltip.
    pub label: String,
}

/// The axes of a scatter plot: one domain on both (a square plot), their titles, and whether the
/// diagonal y = x is drawn (dashed).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScatterAxes<'a> {
    /// The domain of both axes, (low, high).
    pub domain: (f64, f64),
    /// Horizontal axis title.
    pub x_title: &'a str,
    /// Vertical axis title.
    pub y_title: &'a str,
    /// Whether to draw the diagonal y = x.
    pub diagonal: bool,
}

/// Side of a scatter plot's square, pixels.
const SCATTER_SIDE: f64 = 340.0;
/// Radius of the lightest and the heaviest point of a scatter plot, pixels.
const SCATTER_RADII: (f64, f64) = (2.5, 8.0);

/// Points on square axes over `axes.domain` (points outside are drawn at its edge; their tooltips
/// keep their values), with a grid, ticks and axis titles.
pub fn scatter(points: &[ScatterPoint], axes: &ScatterAxes) -> String {
    let (left, top) = (64.0, 12.0);
    let (right, bottom) = (left + SCATTER_SIDE, top + SCATTER_SIDE);
    let mut svg = Svg::new(right + 16.0, bottom + 48.0);
    let (lo, hi) = match axes.domain {
        (lo, hi) if hi > lo => (lo, hi),
        (lo, _) => (lo, lo + 1.0),
    };
    let x = Scale {
        lo,
        hi,
        range: (left, right),
    };
    let y = Scale {
        lo,
        hi,
        range: (bottom, top),
    };
    for tick in x.ticks() {
        let (px, py) = (x.at(tick), y.at(tick));
        svg.line(px, top, px, bottom, "grid");
        svg.line(left, py, right, py, "grid");
        svg.text(px, bottom + 16.0, Anchor::Middle, "tick", &compact(tick));
        svg.text(left - 8.0, py + 4.0, Anchor::End, "tick", &compact(tick));
    }
    if axes.diagonal {
        svg.line(x.at(lo), y.at(lo), x.at(hi), y.at(hi), "reference");
    }
    svg.line(left, bottom, right, bottom, "axis");
    svg.line(left, top, left, bottom, "axis");
    let heaviest = points.iter().map(|p| p.weight).fold(0.0, f64::max);
    let mut order: Vec<&ScatterPoint> = points
        .iter()
        .filter(|p| p.x.is_finite() && p.y.is_finite())
        .collect();
    // the heaviest first, so that light points stay visible on top
    order.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    for point in order {
        let share = if heaviest > 0.0 {
            (point.weight.max(0.0) / heaviest).sqrt()
        } else {
            1.0
        };
        let r = SCATTER_RADII.0 + (SCATTER_RADII.1 - SCATTER_RADII.0) * share;
        let (px, py) = (x.at(point.x.clamp(lo, hi)), y.at(point.y.clamp(lo, hi)));
        svg.circle(px, py, r, colour(0), "dot", Some(&point.label));
    }
    svg.text(
        (left + right) / 2.0,
        bottom + 38.0,
        Anchor::Middle,
        "axis-title",
        axes.x_title,
    );
    svg.vertical_text(16.0, (top + bottom) / 2.0, "axis-title", axes.y_title);
    svg.finish(&format!("{} against {}", axes.y_title, axes.x_title))
}

/// A value with its interval, as written beside a bar or a dot: `0.203 (0.199 to 0.207)`.
/// An interval's whisker from `a` to `b` (pixels) on the row centred at `mid`, with end ticks.
fn whisker(svg: &mut Svg, a: f64, b: f64, mid: f64) {
    svg.line(a, mid, b, mid, "whisker");
    svg.line(a, mid - 6.0, a, mid + 6.0, "whisker");
    svg.line(b, mid - 6.0, b, mid + 6.0, "whisker");
}

/// A row's estimate written in the note column on the right.
fn row_note(svg: &mut Svg, mid: f64, note: &str) {
    svg.text(WIDTH - NOTE_W + 8.0, mid + 4.0, Anchor::Start, "note", note);
}

fn interval_note(value: f64, interval: Option<(f64, f64)>) -> String {
    match interval {
        Some((lo, hi)) => format!("{} ({} to {})", compact(value), compact(lo), compact(hi)),
        None => compact(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_draws_one_rect_per_bin() {
        let out = histogram(&[0.0, 1.0, 2.0, 3.0], &[4, 0, 2], "leakers", "nights");
        assert_eq!(out.matches("<rect").count(), 3);
        assert!(out.contains("<title>0 to 1: 4</title>"));
    }

    #[test]
    fn dots_sit_at_their_values_inside_their_whiskers() {
        let rows = [
            IntervalBar {
                label: "a".into(),
                value: 10.0,
                interval: Some((9.0, 11.0)),
            },
            IntervalBar {
                label: "b".into(),
                value: 20.0,
                interval: Some((18.0, 22.0)),
            },
        ];
        let out = dot_whiskers(&rows, "leaked", 170.0);
        assert_eq!(out.matches("<circle").count(), 2);
        // one reference line, two whiskers of three lines each
        assert_eq!(out.matches(r#"class="reference""#).count(), 1);
        assert_eq!(out.matches(r#"class="whisker""#).count(), 6);
        assert!(out.contains("<title>b: 20 (18 to 22)</title>"), "{out}");
    }

    #[test]
    fn scatter_points_sit_at_their_values_and_grow_with_their_weight() {
        let points = [
            ScatterPoint {
                x: 50.0,
                y: 50.0,
                weight: 4.0,
                label: "heavy".into(),
            },
            ScatterPoint {
                x: 0.0,
                y: 100.0,
                weight: 1.0,
                label: "light".into(),
            },
            ScatterPoint {
                x: 120.0,
                y: -5.0,
                weight: 0.0,
                label: "outside".into(),
            },
        ];
        let axes = ScatterAxes {
            domain: (0.0, 100.0),
            x_title: "reported (%)",
            y_title: "predicted (%)",
            diagonal: true,
        };
        let out = scatter(&points, &axes);
        assert_eq!(out.matches("<circle").count(), 3);
        // the domain 0-100 on a 340 px square from (64, 12): 50 sits at the middle
        assert!(out.contains(r#"cx="234" cy="182" r="8""#), "{out}");
        // a quarter of the weight: half the extra radius, 2.5 + 5.5 / 2
        assert!(out.contains(r#"cx="64" cy="12" r="5.3""#), "{out}");
        // outside the domain: drawn at its corner, the tooltip keeps the point
        assert!(out.contains(r#"cx="404" cy="352" r="2.5""#), "{out}");
        assert!(out.contains("<title>outside</title>"));
        // the diagonal from (0, 0) to (100, 100)
        assert!(out.contains(r#"<line class="reference" x1="64" y1="352" x2="404" y2="12"/>"#));
        // ticks every 20 on both axes, and both titles
        assert_eq!(out.matches(">80</text>").count(), 2);
        assert!(out.contains(">reported (%)</text>") && out.contains(">predicted (%)</text>"));
    }

    #[test]
    fn stacked_parts_sum_to_the_bar() {
        let bars = [StackedBar {
            label: "PL".into(),
            parts: vec![3.0, 1.0],
            note: "4 shots".into(),
        }];
        let series = [("a".to_string(), "#123456"), ("b".to_string(), "#abcdef")];
        let out = stacked_bars(&bars, &series, "shots");
        // two legend swatches and two parts, each in its series' colour
        assert_eq!(out.matches("<rect").count(), 4);
        assert_eq!(out.matches(r##"fill="#123456""##).count(), 2);
        assert_eq!(out.matches(r##"fill="#abcdef""##).count(), 2);
        assert!(out.contains("PL a: 3") && out.contains("PL b: 1"));
    }
}
