//! A minimal SVG writer: escaped text, numbers with few digits, and the handful of elements the
//! charts and the map draw.

use std::fmt::Write;

/// Escapes `&`, `<`, `>` and `"` for text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// A coordinate rounded to a tenth of a pixel (keeps the files small).
pub fn px(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// Horizontal anchor of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The text starts at the point.
    Start,
    /// The text is centred on the point.
    Middle,
    /// The text ends at the point.
    End,
}

impl Anchor {
    fn name(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// One SVG drawing of a fixed size, built element by element.
#[derive(Clone, Debug)]
pub struct Svg {
    width: f64,
    height: f64,
    body: String,
}

impl Svg {
    /// An empty drawing `width` × `height` pixels.
    pub fn new(width: f64, height: f64) -> Svg {
        Svg {
            width,
            height,
            body: String::new(),
        }
    }

    /// Width, pixels.
    pub fn width(&self) -> f64 {
        self.width
    }

    /// A filled rectangle with an optional tooltip.
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, title: Option<&str>) {
        let _ = write!(
            self.body,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}">"#,
            px(x),
            px(y),
            px(w.max(0.0)),
            px(h.max(0.0))
        );
        self.title_and_close(title, "rect");
    }

    /// A straight line; `class` picks its style from the report's stylesheet.
    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, class: &str) {
        let _ = write!(
            self.body,
            r#"<line class="{class}" x1="{}" y1="{}" x2="{}" y2="{}"/>"#,
            px(x1),
            px(y1),
            px(x2),
            px(y2)
        );
    }

    /// A circle with an optional tooltip.
    pub fn circle(&mut self, x: f64, y: f64, r: f64, fill: &str, class: &str, title: Option<&str>) {
        let _ = write!(
            self.body,
            r#"<circle class="{class}" cx="{}" cy="{}" r="{}" fill="{fill}">"#,
            px(x),
            px(y),
            px(r)
        );
        self.title_and_close(title, "circle");
    }

    /// A path from its `d` attribute, with a class and an optional id (`data-id`).
    pub fn path(&mut self, d: &str, class: &str, id: Option<&str>, title: Option<&str>) {
        let id = id
            .map(|id| format!(r#" data-id="{}""#, escape(id)))
            .unwrap_or_default();
        let _ = write!(self.body, r#"<path class="{class}"{id} d="{d}">"#);
        self.title_and_close(title, "path");
    }

    /// A shape from a path's `d` attribute with its fill and stroke colours.
    pub fn shape(&mut self, d: &str, colours: (&str, &str), class: &str, title: Option<&str>) {
        let (fill, stroke) = colours;
        let _ = write!(
            self.body,
            r#"<path class="{class}" d="{d}" fill="{fill}" stroke="{stroke}">"#
        );
        self.title_and_close(title, "path");
    }

    /// A text label.
    pub fn text(&mut self, x: f64, y: f64, anchor: Anchor, class: &str, text: &str) {
        let _ = write!(
            self.body,
            r#"<text class="{class}" x="{}" y="{}" text-anchor="{}">{}</text>"#,
            px(x),
            px(y),
            anchor.name(),
            escape(text)
        );
    }

    /// A text label turned 90° anticlockwise about its point (vertical axis titles).
    pub fn vertical_text(&mut self, x: f64, y: f64, class: &str, text: &str) {
        let _ = write!(
            self.body,
            r#"<text class="{class}" x="{x}" y="{y}" text-anchor="middle" transform="rotate(-90 {x} {y})">{}</text>"#,
            escape(text),
            x = px(x),
            y = px(y)
        );
    }

    /// Raw markup (for elements this writer does not model).
    pub fn raw(&mut self, markup: &str) {
        self.body.push_str(markup);
    }

    fn title_and_close(&mut self, title: Option<&str>, element: &str) {
        if let Some(title) = title {
            let _ = write!(self.body, "<title>{}</title>", escape(title));
        }
        let _ = write!(self.body, "</{element}>");
    }

    /// The finished `<svg>` element (scales to its container's width).
    pub fn finish(self, label: &str) -> String {
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="{}" role="img" aria-label="{}">{}</svg>"#,
            px(self.width),
            px(self.height),
            px(self.width),
            escape(label),
            self.body
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_numbers_rounded() {
        assert_eq!(escape(r#"a<b & "c">"#), "a&lt;b &amp; &quot;c&quot;&gt;");
        assert_eq!(px(3.04), "3");
        assert_eq!(px(2.25), "2.3");
        let mut svg = Svg::new(10.0, 5.0);
        svg.text(1.0, 2.0, Anchor::End, "t", "x<y");
        let out = svg.finish("demo");
        assert!(out.starts_with("<svg") && out.contains(">x&lt;y</text>"));
    }
}
