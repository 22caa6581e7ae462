//! A report as a document: a title, facts, and sections of text, figures and tables, written as
//! one self-contained HTML file (inline styles and `<svg>` plots; no scripts, no external files).

use std::fmt::Write;
use std::path::Path;

use canopy_io::{OutputError, write_atomic};

use crate::svg::escape;

/// One piece of a section.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A paragraph of plain text.
    Text(String),
    /// An inline `<svg>` plot with a caption.
    Figure {
        /// The `<svg>` element.
        svg: String,
        /// What it shows.
        caption: String,
    },
    /// A list of links: (text, relative address), each with a note after it.
    Links(Vec<Link>),
    /// A table: a header row and rows of cells (plain text; a line break in a cell breaks the
    /// line there).
    Table {
        /// Column titles.
        header: Vec<String>,
        /// Rows of cells.
        rows: Vec<Vec<String>>,
    },
}

/// A link to another file of the output, with a note.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// The link's text.
    pub text: String,
    /// Relative address (`options/01/report.html`).
    pub href: String,
    /// Plain text after the link.
    pub note: String,
}

/// A titled section of a report.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// Its heading.
    pub title: String,
    /// Its content, in order.
    pub blocks: Vec<Block>,
}

impl Section {
    /// An empty section.
    pub fn new(title: impl Into<String>) -> Section {
        Section {
            title: title.into(),
            blocks: Vec::new(),
        }
    }

    /// Adds a paragraph.
    pub fn text(mut self, text: impl Into<String>) -> Section {
        self.blocks.push(Block::Text(text.into()));
        self
    }

    /// Adds a plot.
    pub fn figure(mut self, svg: String, caption: impl Into<String>) -> Section {
        self.blocks.push(Block::Figure {
            svg,
            caption: caption.into(),
        });
        self
    }

    /// Adds a table.
    pub fn table(mut self, header: Vec<String>, rows: Vec<Vec<String>>) -> Section {
        self.blocks.push(Block::Table { header, rows });
        self
    }
}

/// A whole report: title, key facts (label, value) shown under it, then sections.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The page title.
    pub title: String,
    /// Key facts under the title.
    pub facts: Vec<(String, String)>,
    /// Blocks between the facts and the first section (a summary table, links).
    pub intro: Vec<Block>,
    /// The sections, in order.
    pub sections: Vec<Section>,
}

/// The page's stylesheet.
const STYLE: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;margin:0;background:#f4f6f8;color:#1d2733}
main{max-width:880px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:26px;margin:8px 0 4px}h2{font-size:19px;margin:0 0 8px;color:#12355b}
dl.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:6px 18px;margin:14px 0 22px}
dl.facts div{background:#fff;border-radius:6px;padding:8px 12px;box-shadow:0 1px 2px #0002}
dt{font-size:12px;color:#5b6b7c}dd{margin:2px 0 0;font-size:16px;font-weight:600}
section{background:#fff;border-radius:8px;padding:18px 20px;margin:0 0 20px;box-shadow:0 1px 3px #0002}
p{line-height:1.45;margin:6px 0 10px}
figure{margin:8px 0 4px}figcaption{font-size:13px;color:#5b6b7c;margin-top:4px}
svg{max-width:100%;height:auto;display:block}
table{border-collapse:collapse;font-size:13px;margin:8px 0}th,td{padding:4px 10px;border-bottom:1px solid #e2e6ea;text-align:right}
th:first-child,td:first-child{text-align:left}
div.intro{background:#fff;border-radius:8px;padding:14px 20px;margin:0 0 20px;box-shadow:0 1px 3px #0002;overflow-x:auto}
ul.links{margin:6px 0;padding-left:20px;font-size:14px;line-height:1.6}a{color:#1a5fb4}
div.intro table{font-size:12px}div.intro td{vertical-align:top}td+td{white-space:nowrap}
.grid{stroke:#e3e7eb;stroke-width:1}.axis{stroke:#5b6b7c;stroke-width:1}.whisker{stroke:#1d2733;stroke-width:1.6}
.reference{stroke:#8a96a3;stroke-width:1;stroke-dasharray:4 3}.estimate{stroke:#1d2733;stroke-width:1}
.tick{font-size:11px;fill:#5b6b7c}.axis-title{font-size:12px;fill:#1d2733}.label{font-size:12px;fill:#1d2733}
.note{font-size:11px;fill:#38485a}.legend{font-size:12px;fill:#1d2733}
.land{fill:#f3f1ea;stroke:#8c8c8c;stroke-width:.7}.land.nato{fill:#e4ecd9}
.country{font-size:13px;font-weight:700;fill:#9aa3ab}.place{font-size:10px;fill:#1d2733;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
.meridian{stroke:#b03030;stroke-width:1.2;stroke-dasharray:6 4}.zone-label{font-size:11px;fill:#b03030}
.zone{stroke-width:1;fill-opacity:.35}.zone.engagement{fill:#8fc79a;stroke:#2f7d32}
.zone.no-fire{fill:#f2a3a3;stroke:#c62828}.zone.approval{fill:#f2d27a;stroke:#b08400}.zone.ew{fill:#b39ddb;stroke:#5e35b1}
.dot{stroke:#fff;stroke-width:.4;fill-opacity:.85}.site{stroke-width:.8}.cross{stroke-width:2}
";

impl Report {
    /// An empty report.
    pub fn new(title: impl Into<String>) -> Report {
        Report {
            title: title.into(),
            facts: Vec::new(),
            intro: Vec::new(),
            sections: Vec::new(),
        }
    }

    /// Adds a key fact.
    pub fn fact(mut self, label: impl Into<String>, value: impl Into<String>) -> Report {
        self.facts.push((label.into(), value.into()));
        self
    }

    /// Adds a block above the sections.
    pub fn intro(mut self, block: Block) -> Report {
        self.intro.push(block);
        self
    }

    /// Adds a section at the end.
    pub fn section(mut self, section: Section) -> Report {
        self.sections.push(section);
        self
    }

    /// The whole page.
    pub fn to_html(&self) -> String {
        let title = escape(&self.title);
        let mut html = format!(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>\
             <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><style>{STYLE}</style></head>\
             <body><main><h1>{title}</h1>"
        );
        if !self.facts.is_empty() {
            html.push_str("<dl class=\"facts\">");
            for (label, value) in &self.facts {
                let _ = write!(
                    html,
                    "<div><dt>{}</dt><dd>{}</dd></div>",
                    escape(label),
                    escape(value)
                );
            }
            html.push_str("</dl>");
        }
        if !self.intro.is_empty() {
            html.push_str("\n<div class=\"intro\">");
            for block in &self.intro {
                block_html(block, &mut html);
            }
            html.push_str("</div>");
        }
        for section in &self.sections {
            let _ = write!(html, "\n<section><h2>{}</h2>", escape(&section.title));
            for block in &section.blocks {
                block_html(block, &mut html);
            }
            html.push_str("</section>");
        }
        html.push_str("\n</main></body></html>\n");
        html
    }

    /// Writes the page whole to `path`.
    pub fn write(&self, path: &Path) -> Result<(), OutputError> {
        write_atomic(path, self.to_html().as_bytes())
    }
}

fn block_html(block: &Block, html: &mut String) {
    match block {
        Block::Text(text) => {
            let _ = write!(html, "<p>{}</p>", escape(text));
        }
        Block::Figure { svg, caption } => {
            let _ = write!(
                html,
                "<figure>{svg}<figcaption>{}</figcaption></figure>",
                escape(caption)
            );
        }
        Block::Links(links) => {
            html.push_str("<ul class=\"links\">");
            for link in links {
                let _ = write!(
                    html,
                    "<li><a href=\"{}\">{}</a> {}</li>",
                    escape(&link.href),
                    escape(&link.text),
                    escape(&link.note)
                );
            }
            html.push_str("</ul>");
        }
        Block::Table { header, rows } => {
            html.push_str("<table><thead><tr>");
            for cell in header {
                let _ = write!(html, "<th>{}</th>", escape(cell));
            }
            html.push_str("</tr></thead><tbody>");
            for row in rows {
                html.push_str("<tr>");
                for cell in row {
                    let _ = write!(html, "<td>{}</td>", escape(cell).replace('\n', "<br>"));
                }
                html.push_str("</tr>");
            }
            html.push_str("</tbody></table>");
        }
    }
}
