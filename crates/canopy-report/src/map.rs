//! A map of the region: an equirectangular projection of longitude and latitude (longitudes
//! shrunk by the cosine of the middle latitude, so shapes look right at that latitude), country
//! borders from [`canopy_geo::Borders`], meridian lines and point markers.

use std::fmt::Write;

use canopy_geo::{Borders, GeoPoint};

use crate::svg::{Anchor, Svg, px};
use crate::theatre::circle_ring;

/// A longitude/latitude box, degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LonLatBox {
    /// Western edge.
    pub min_lon_deg: f64,
    /// Southern edge.
    pub min_lat_deg: f64,
    /// Eastern edge.
    pub max_lon_deg: f64,
    /// Northern edge.
    pub max_lat_deg: f64,
}

impl LonLatBox {
    /// The smallest box holding every `(lon, lat)` point, grown by `margin_deg` on each side;
    /// `None` without points.
    pub fn around(points: impl IntoIterator<Item = (f64, f64)>, margin_deg: f64) -> Option<Self> {
        let mut bbox: Option<LonLatBox> = None;
        for (lon, lat) in points {
            let b = bbox.get_or_insert(LonLatBox {
                min_lon_deg: lon,
                min_lat_deg: lat,
                max_lon_deg: lon,
                max_lat_deg: lat,
            });
            b.min_lon_deg = b.min_lon_deg.min(lon);
            b.min_lat_deg = b.min_lat_deg.min(lat);
            b.max_lon_deg = b.max_lon_deg.max(lon);
            b.max_lat_deg = b.max_lat_deg.max(lat);
        }
        bbox.map(|b| LonLatBox {
            min_lon_deg: b.min_lon_deg - margin_deg,
            min_lat_deg: b.min_lat_deg - margin_deg,
            max_lon_deg: b.max_lon_deg + margin_deg,
            max_lat_deg: b.max_lat_deg + margin_deg,
        })
    }
}

/// Marker shapes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    /// A small dot.
    Dot,
    /// An upward triangle (defence sites).
    Triangle,
    /// A diamond (patrol stations).
    Diamond,
    /// A square (aim points).
    Square,
    /// An ×.
    Cross,
}

/// Equirectangular projection of a box onto a drawing of a given width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    bbox: LonLatBox,
    scale_px_per_deg: f64,
    cos_mid: f64,
    /// Drawing height, pixels.
    pub height: f64,
}

impl Projection {
    /// The projection fitting `bbox` into `width` pixels.
    pub fn fit(bbox: LonLatBox, width: f64) -> Projection {
        let cos_mid = ((bbox.min_lat_deg + bbox.max_lat_deg) / 2.0)
            .to_radians()
            .cos();
        let span = ((bbox.max_lon_deg - bbox.min_lon_deg) * cos_mid).max(1e-6);
        let scale_px_per_deg = width / span;
        Projection {
            bbox,
            scale_px_per_deg,
            cos_mid,
            height: (bbox.max_lat_deg - bbox.min_lat_deg) * scale_px_per_deg,
        }
    }

    /// Pixel position of a point.
    pub fn xy(&self, lon_deg: f64, lat_deg: f64) -> (f64, f64) {
        (
            (lon_deg - self.bbox.min_lon_deg) * self.cos_mid * self.scale_px_per_deg,
            (self.bbox.max_lat_deg - lat_deg) * self.scale_px_per_deg,
        )
    }

    /// Whether the point lies in the box.
    pub fn contains(&self, lon_deg: f64, lat_deg: f64) -> bool {
        let b = &self.bbox;
        (b.min_lon_deg..=b.max_lon_deg).contains(&lon_deg)
            && (b.min_lat_deg..=b.max_lat_deg).contains(&lat_deg)
    }
}

/// Half the size of the largest marker (triangle and diamond), px.
const MARKER_HALF_SIZE: f64 = 6.0;
/// Space between a marker and its label, px.
const LABEL_GAP: f64 = 3.0;
/// Height of a label's capitals above its baseline (the 10 px `.place` font), px.
const LABEL_HEIGHT: f64 = 8.0;
/// Depth of a label's descenders below its baseline, px.
const LABEL_DESCENT: f64 = 3.0;

/// A map being drawn.
#[derive(Clone, Debug)]
pub struct MapDrawing {
    svg: Svg,
    projection: Projection,
}

impl MapDrawing {
    /// An empty map of `bbox`, `width` pixels wide, with a sea-coloured background.
    pub fn new(bbox: LonLatBox, width: f64) -> MapDrawing {
        let projection = Projection::fit(bbox, width);
        let mut svg = Svg::new(width, projection.height);
        svg.rect(0.0, 0.0, width, projection.height, "#dce9f5", None);
        MapDrawing { svg, projection }
    }

    /// Every country of `borders` with land in the box: a path per country (`data-id` its
    /// code), NATO members shaded apart, and the code written at the mean of its border
    /// vertices inside the box.
    pub fn borders(&mut self, borders: &Borders) {
        let mut labels = Vec::new();
        for country in borders.countries() {
            let rings = borders.outline_rad(country.code).unwrap_or_default();
            let mut d = String::new();
            let mut visible: Vec<(f64, f64)> = Vec::new();
            for ring in rings {
                let in_view = ring.iter().any(|v| {
                    self.projection
                        .contains(v[0].to_degrees(), v[1].to_degrees())
                });
                if !in_view {
                    continue;
                }
                self.ring_path(ring, &mut d);
                visible.extend(
                    ring.iter()
                        .map(|v| (v[0].to_degrees(), v[1].to_degrees()))
                        .filter(|&(lon, lat)| self.projection.contains(lon, lat)),
                );
            }
            if d.is_empty() {
                continue;
            }
            let class = if country.nato { "land nato" } else { "land" };
            let title = format!(
                "{} ({}){}",
                country.name,
                country.code,
                if country.nato { ", NATO" } else { "" }
            );
            self.svg
                .path(&d, class, Some(country.code.as_str()), Some(&title));
            if !visible.is_empty() {
                let n = visible.len() as f64;
                let lon = visible.iter().map(|p| p.0).sum::<f64>() / n;
                let lat = visible.iter().map(|p| p.1).sum::<f64>() / n;
                labels.push((lon, lat, country.code.to_string()));
            }
        }
        for (lon, lat, code) in labels {
            let (x, y) = self.projection.xy(lon, lat);
            self.svg.text(x, y, Anchor::Middle, "country", &code);
        }
    }

    /// Appends one ring to a path, dropping vertices closer than half a pixel to the last kept.
    fn ring_path(&self, ring: &[[f64; 2]], d: &mut String) {
        let mut last: Option<(f64, f64)> = None;
        for (i, v) in ring.iter().enumerate() {
            let (x, y) = self.projection.xy(v[0].to_degrees(), v[1].to_degrees());
            if let Some((lx, ly)) = last
                && (x - lx).hypot(y - ly) < 0.5
                && i + 1 < ring.len()
            {
                continue;
            }
            let _ = write!(
                d,
                "{}{},{}",
                if last.is_none() { "M" } else { "L" },
                px(x),
                px(y)
            );
            last = Some((x, y));
        }
        d.push('Z');
    }

    /// An area given as rings of `[lon, lat]` radian pairs (a polygon zone), drawn with a CSS
    /// class (`zone engagement`, ...) and a tooltip; rings wholly outside the box are skipped.
    pub fn area(&mut self, rings: &[Vec<[f64; 2]>], class: &str, title: &str) {
        let mut d = String::new();
        for ring in rings {
            if ring.iter().any(|v| {
                self.projection
                    .contains(v[0].to_degrees(), v[1].to_degrees())
            }) {
                self.ring_path(ring, &mut d);
            }
        }
        if !d.is_empty() {
            self.svg.path(&d, class, None, Some(title));
        }
    }

    /// A geodesic circle (a circle zone) as an area of
    /// [`CIRCLE_POINTS`](crate::theatre::CIRCLE_POINTS) points.
    pub fn geodesic_circle(&mut self, centre: GeoPoint, radius_m: f64, class: &str, title: &str) {
        self.area(&[circle_ring(centre, radius_m)], class, title);
    }

    /// A dashed meridian with a label at its top.
    pub fn meridian(&mut self, lon_deg: f64, label: &str) {
        let (x, _) = self.projection.xy(lon_deg, 0.0);
        self.svg.line(x, 0.0, x, self.projection.height, "meridian");
        self.svg
            .text(x + 4.0, 14.0, Anchor::Start, "zone-label", label);
    }

    /// A marker at a point, with a tooltip; points outside the box are skipped.
    pub fn marker(&mut self, lon_deg: f64, lat_deg: f64, shape: Marker, fill: &str, title: &str) {
        if !self.projection.contains(lon_deg, lat_deg) {
            return;
        }
        let (x, y) = self.projection.xy(lon_deg, lat_deg);
        self.draw_marker(x, y, shape, fill, Some(title));
    }

    fn draw_marker(&mut self, x: f64, y: f64, shape: Marker, fill: &str, title: Option<&str>) {
        match shape {
            Marker::Dot => self.svg.circle(x, y, 2.6, fill, "dot", title),
            Marker::Triangle => self.svg.shape(
                &format!("M{},{}l6,10h-12Z", px(x), px(y - 6.0)),
                (fill, "#222"),
                "site",
                title,
            ),
            Marker::Diamond => self.svg.shape(
                &format!("M{},{}l6,6l-6,6l-6,-6Z", px(x), px(y - 6.0)),
                (fill, "#222"),
                "site",
                title,
            ),
            Marker::Square => self.svg.rect(x - 4.0, y - 4.0, 8.0, 8.0, fill, title),
            Marker::Cross => self.svg.shape(
                &format!(
                    "M{a},{b}l10,10m0,-10l-10,10",
                    a = px(x - 5.0),
                    b = px(y - 5.0)
                ),
                ("none", fill),
                "cross",
                title,
            ),
        }
    }

    /// A legend box in the lower left corner: one row per (marker, colour, text).
    pub fn legend(&mut self, rows: &[(Marker, String, String)]) {
        let h = 10.0 + 18.0 * rows.len() as f64;
        let (x0, y0) = (10.0, self.projection.height - h - 10.0);
        self.svg.raw(&format!(
            r##"<rect x="{}" y="{}" width="230" height="{}" fill="#fff" fill-opacity=".9" stroke="#b8c0c8" rx="4"/>"##,
            px(x0),
            px(y0),
            px(h)
        ));
        for (i, (shape, fill, text)) in rows.iter().enumerate() {
            let y = y0 + 14.0 + 18.0 * i as f64;
            let x = x0 + 14.0;
            if *shape == Marker::Dot {
                self.svg.circle(x, y, 4.5, fill, "dot", None);
            } else {
                self.draw_marker(x, y, *shape, fill, None);
            }
            self.svg
                .text(x + 14.0, y + 4.0, Anchor::Start, "legend", text);
        }
    }

    /// A text label beside a point's marker: above it and to its right (to its left near the
    /// right edge, below it near the top), clear of the largest marker drawn there.
    pub fn label(&mut self, lon_deg: f64, lat_deg: f64, text: &str) {
        if self.projection.contains(lon_deg, lat_deg) {
            let (x, y) = self.projection.xy(lon_deg, lat_deg);
            let clear = MARKER_HALF_SIZE + LABEL_GAP;
            let baseline = if y < clear + LABEL_HEIGHT {
                y + clear + LABEL_HEIGHT
            } else {
                y - clear - LABEL_DESCENT
            };
            if x > self.svg.width() - 160.0 {
                self.svg
                    .text(x - clear, baseline, Anchor::End, "place", text);
            } else {
                self.svg
                    .text(x + clear, baseline, Anchor::Start, "place", text);
            }
        }
    }

    /// The finished `<svg>`.
    pub fn finish(self, label: &str) -> String {
        self.svg.finish(label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `x`, `y` and anchor of the first `<text class="place">` of `svg`.
    fn place_label(svg: &str) -> (f64, f64, String) {
        let at = svg.find(r#"<text class="place""#).expect("a label");
        let tag = &svg[at..at + svg[at..].find('>').unwrap()];
        let attr = |name: &str| {
            let start = tag.find(&format!(r#" {name}=""#)).unwrap() + name.len() + 3;
            tag[start..start + tag[start..].find('"').unwrap()].to_string()
        };
        (
            attr("x").parse().unwrap(),
            attr("y").parse().unwrap(),
            attr("text-anchor"),
        )
    }

    fn drawn(lon_deg: f64, lat_deg: f64) -> (String, (f64, f64)) {
        let bbox = LonLatBox {
            min_lon_deg: 20.0,
            min_lat_deg: 46.0,
            max_lon_deg: 30.0,
            max_lat_deg: 52.0,
        };
        let mut map = MapDrawing::new(bbox, 600.0);
        let at = map.projection.xy(lon_deg, lat_deg);
        map.marker(lon_deg, lat_deg, Marker::Square, "#000", "aim point");
        map.marker(lon_deg, lat_deg, Marker::Cross, "#c00", "impact");
        map.label(lon_deg, lat_deg, "Ternopil (3 impacts)");
        (map.finish("map"), at)
    }

    #[test]
    fn a_label_sits_beside_its_markers_not_under_them() {
        let (svg, (x, y)) = drawn(25.6, 49.55);
        let (lx, ly, anchor) = place_label(&svg);
        assert_eq!(anchor, "start");
        // the square reaches 4 px and the cross 5 px from the point (6 px for the largest
        // marker); the text starts 9 px to the right, its baseline 12 px above the point, so that
        // its 3 px descenders end 9 px above it
        assert!((lx - (x + 9.0)).abs() < 0.06, "{lx} vs {x}");
        assert!((ly - (y - 12.0)).abs() < 0.06, "{ly} vs {y}");
        // drawn after the markers, so on top of them
        assert!(svg.rfind("impact</title>").unwrap() < svg.find(r#"<text class="place""#).unwrap());
    }

    #[test]
    fn near_the_right_edge_and_the_top_the_label_turns_inwards() {
        let (svg, (x, y)) = drawn(29.9, 51.99);
        let (lx, ly, anchor) = place_label(&svg);
        assert_eq!(anchor, "end");
        assert!((lx - (x - 9.0)).abs() < 0.06, "{lx} vs {x}");
        // below the point: capitals start 9 px under it
        assert!((ly - (y + 9.0 + LABEL_HEIGHT)).abs() < 0.06, "{ly} vs {y}");
    }
}
