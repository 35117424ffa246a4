//! The legend: every symbol, line and fill the sheet's plan used, and nothing else.

use std::fmt::Write as _;

use super::symbols::Sym;
use super::text::{self, HEADING_MM, LABEL_MM};
use super::xml::{Esc, N};

/// One line of the legend.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Entry {
    /// A symbol.
    Symbol(Sym),
    /// A line: colour, width in mm, dash pattern, text.
    Line {
        /// Stroke colour.
        colour: String,
        /// Stroke width, paper mm.
        width: f64,
        /// `stroke-dasharray`, if dashed.
        dash: Option<String>,
        /// What it is.
        text: String,
    },
    /// A door as drawn.
    Door,
    /// A window as drawn.
    Window,
    /// A cable tray as drawn.
    Tray,
    /// A design-rule marker (error or warning).
    Marker {
        /// True for an error.
        error: bool,
    },
}

impl Entry {
    fn text(&self) -> String {
        match self {
            Entry::Symbol(s) => s.legend(),
            Entry::Line { text, .. } => text.clone(),
            Entry::Door => "Door (leaf and swing)".into(),
            Entry::Window => "Window".into(),
            Entry::Tray => "Cable tray (centreline)".into(),
            Entry::Marker { error: true } => "Design-rule error (see the list)".into(),
            Entry::Marker { error: false } => "Design-rule warning (see the list)".into(),
        }
    }

    /// The sample drawn in a 10 × 5 mm box whose centre is (5, cy).
    fn sample(&self, cy: f64) -> String {
        match self {
            Entry::Symbol(s) => {
                format!("<use xlink:href=\"#{}\" x=\"5\" y=\"{}\"/>", s.id(), N(cy))
            }
            Entry::Line {
                colour,
                width,
                dash,
                ..
            } => format!(
                "<path d=\"M0.5,{y}H9.5\" stroke=\"{}\" stroke-width=\"{}\"{}/>",
                Esc(colour),
                N(*width),
                dash.as_ref()
                    .map(|d| format!(" stroke-dasharray=\"{}\"", Esc(d)))
                    .unwrap_or_default(),
                y = N(cy)
            ),
            Entry::Door => format!(
                "<path d=\"M1.5,{b}V{t}A4 4 0 0 1 5.5,{b}\" fill=\"none\" stroke=\"#000\" stroke-width=\"0.18\"/>",
                b = N(cy + 2.0),
                t = N(cy - 2.0)
            ),
            Entry::Window => format!(
                "<rect x=\"1\" y=\"{}\" width=\"8\" height=\"1.6\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"0.18\"/><path d=\"M1,{y}H9\" stroke=\"#000\" stroke-width=\"0.13\"/>",
                N(cy - 0.8),
                y = N(cy)
            ),
            Entry::Tray => format!(
                "<path d=\"M0.5,{y}H9.5\" stroke=\"#e9dcb5\" stroke-width=\"1.6\"/><path d=\"M0.5,{y}H9.5\" stroke=\"#8a6d1f\" stroke-width=\"0.2\" stroke-dasharray=\"2 0.8\"/>",
                y = N(cy)
            ),
            Entry::Marker { error } => format!(
                "<circle cx=\"5\" cy=\"{}\" r=\"2.2\" fill=\"{}\" stroke=\"#000\" stroke-width=\"0.2\"/><text x=\"5\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\"{}>1</text>",
                N(cy),
                if *error {
                    super::style::ERROR
                } else {
                    super::style::WARNING
                },
                N(cy + 0.95),
                if *error { " fill=\"#fff\"" } else { "" }
            ),
        }
    }
}

/// Pitch of the legend's lines.
const ROW: f64 = 5.2;

/// The legend panel: its SVG from (0, 0), width and height; `None` when there is nothing.
pub(crate) fn legend(title: &str, entries: &[Entry]) -> Option<(String, f64, f64)> {
    if entries.is_empty() {
        return None;
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<text x=\"0\" y=\"4.3\" font-size=\"{}\" font-weight=\"bold\">{}</text>",
        N(HEADING_MM),
        Esc(title)
    );
    let mut w = text::width_bold_mm(title, HEADING_MM);
    let mut y = 6.5;
    for e in entries {
        let cy = y + ROW / 2.0;
        out.push_str(&e.sample(cy));
        out.push('\n');
        let t = e.text();
        let _ = writeln!(
            out,
            "<text x=\"12\" y=\"{}\">{}</text>",
            N(cy + 0.95),
            Esc(&t)
        );
        w = w.max(12.0 + text::width_mm(&t, LABEL_MM));
        y += ROW;
    }
    Some((out, w, y + 1.0))
}
