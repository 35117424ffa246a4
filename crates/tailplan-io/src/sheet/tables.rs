//! Tables on a sheet: a title, lines of notes under it (on the first part only), a header,
//! rows of cells (wrapped where a column says so), ruled like a drawing's schedule; split
//! between rows over columns and sheets by the flow, each part repeating the header.

use std::fmt::Write as _;
use std::ops::Range;

use super::text::{self, HEADING_MM, LABEL_MM, SMALL_MM};
use super::xml::{Esc, N, PathData};

/// Height of the title line, millimetres.
const TITLE_H: f64 = 6.0;
/// Pitch of the lines of text in a cell.
const LINE_H: f64 = 3.3;
/// Space above and below the text of a row.
const PAD_Y: f64 = 0.6;
/// Space left and right of the text of a cell.
const PAD_X: f64 = 1.2;
/// From the top of a line of text to its baseline.
const BASELINE: f64 = 2.55;
/// Space below a table's notes, above its header.
const NOTES_GAP: f64 = 1.2;
/// Space between two notes.
const NOTE_GAP: f64 = 0.6;

/// How a column's text is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    /// Names and words.
    Left,
    /// Numbers.
    Right,
}

/// A column: its header, alignment and, for long text, the width it wraps at.
#[derive(Debug, Clone)]
pub(crate) struct Column {
    header: String,
    align: Align,
    wrap_mm: Option<f64>,
    width: f64,
}

impl Column {
    /// A column as wide as its widest cell.
    pub fn new(header: &str, align: Align) -> Self {
        Self {
            header: header.to_owned(),
            align,
            wrap_mm: None,
            width: text::width_bold_mm(header, SMALL_MM) + 2.0 * PAD_X,
        }
    }

    /// The same column with its text wrapped at `mm`.
    pub fn wrap(mut self, mm: f64) -> Self {
        self.wrap_mm = Some(mm);
        self.width = self.width.min(mm + 2.0 * PAD_X);
        self
    }
}

/// How a row stands out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RowStyle {
    /// Plain.
    Normal,
    /// Something fails: red.
    Error,
    /// A warning: dark orange.
    Warning,
    /// A total: bold, ruled above.
    Total,
}

/// One row: each cell's lines.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    cells: Vec<Vec<String>>,
    style: RowStyle,
}

impl Row {
    fn lines(&self) -> usize {
        self.cells.iter().map(Vec::len).max().unwrap_or(1).max(1)
    }

    fn height(&self) -> f64 {
        self.lines() as f64 * LINE_H + 2.0 * PAD_Y
    }
}

/// A table.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    title: String,
    /// Notes between the title and the header of the first part, each as its wrapped lines.
    notes: Vec<Vec<String>>,
    columns: Vec<Column>,
    /// The rows, in order.
    pub rows: Vec<Row>,
}

impl Table {
    /// An empty table.
    pub fn new(title: &str, columns: Vec<Column>) -> Self {
        Self {
            title: title.to_owned(),
            notes: Vec::new(),
            columns,
            rows: Vec::new(),
        }
    }

    /// The same table with `notes` under its title (the first part only), each wrapped at
    /// `wrap_mm`.
    pub fn with_notes(mut self, notes: &[String], wrap_mm: f64) -> Self {
        self.notes = notes
            .iter()
            .map(|n| text::wrap(n, LABEL_MM, wrap_mm))
            .collect();
        self
    }

    /// Adds a plain row.
    pub fn push(&mut self, cells: Vec<String>) {
        self.push_styled(cells, RowStyle::Normal);
    }

    /// Adds a row with a style. Missing cells are empty; extra cells are dropped.
    pub fn push_styled(&mut self, cells: Vec<String>, style: RowStyle) {
        let mut out = Vec::with_capacity(self.columns.len());
        for (i, col) in self.columns.iter_mut().enumerate() {
            let cell = cells.get(i).map(String::as_str).unwrap_or("");
            let lines = match col.wrap_mm {
                Some(w) => text::wrap(cell, LABEL_MM, w),
                None => vec![cell.to_owned()],
            };
            for l in &lines {
                let w = if style == RowStyle::Total {
                    text::width_bold_mm(l, LABEL_MM)
                } else {
                    text::width_mm(l, LABEL_MM)
                };
                col.width = col.width.max(w + 2.0 * PAD_X);
            }
            out.push(lines);
        }
        self.rows.push(Row { cells: out, style });
    }

    /// True when the table has no row.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table's width, millimetres.
    pub fn width(&self) -> f64 {
        let cols: f64 = self.columns.iter().map(|c| c.width).sum();
        let title = text::width_bold_mm(&format!("{} (continued)", self.title), HEADING_MM);
        let notes = self
            .notes
            .iter()
            .flatten()
            .map(|n| text::width_mm(n, LABEL_MM))
            .fold(0.0, f64::max);
        cols.max(title).max(notes)
    }

    fn header_h(&self) -> f64 {
        LINE_H + 2.0 * PAD_Y
    }

    /// The height of the notes of a part starting at row `start` (none after the first).
    fn notes_h(&self, start: usize) -> f64 {
        if start > 0 || self.notes.is_empty() {
            0.0
        } else {
            let lines: usize = self.notes.iter().map(Vec::len).sum();
            lines as f64 * LINE_H + (self.notes.len() - 1) as f64 * NOTE_GAP + NOTES_GAP
        }
    }

    /// How many rows from `start` fit in `avail_mm` of height, title, notes and header
    /// included.
    pub fn fit_rows(&self, start: usize, avail_mm: f64) -> usize {
        let mut h = TITLE_H + self.notes_h(start) + self.header_h();
        let mut n = 0;
        for r in &self.rows[start..] {
            h += r.height();
            if h > avail_mm + 1e-9 {
                break;
            }
            n += 1;
        }
        n
    }

    /// The height of the part holding rows `range`, title, notes and header included.
    pub fn height(&self, range: Range<usize>) -> f64 {
        TITLE_H
            + self.notes_h(range.start)
            + self.header_h()
            + self.rows[range].iter().map(Row::height).sum::<f64>()
    }

    /// The SVG of rows `range`, drawn from (0, 0), and its height. A part that does not
    /// start at the first row is titled "(continued)".
    pub fn render(&self, range: Range<usize>) -> (String, f64) {
        let mut out = String::new();
        let w = self.width();
        let title = if range.start > 0 {
            format!("{} (continued)", self.title)
        } else {
            self.title.clone()
        };
        let _ = writeln!(
            out,
            "<text x=\"0\" y=\"4.3\" font-size=\"{}\" font-weight=\"bold\">{}</text>",
            N(HEADING_MM),
            Esc(&title)
        );
        if range.start == 0 {
            let mut y = TITLE_H + BASELINE;
            for note in &self.notes {
                for line in note {
                    let _ = writeln!(out, "<text x=\"0\" y=\"{}\">{}</text>", N(y), Esc(line));
                    y += LINE_H;
                }
                y += NOTE_GAP;
            }
        }
        let top = TITLE_H + self.notes_h(range.start);
        let hh = self.header_h();
        let rows = &self.rows[range];
        let body_h: f64 = rows.iter().map(Row::height).sum();
        let total_h = hh + body_h;
        let _ = writeln!(
            out,
            "<rect x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#e6e6e6\"/>",
            N(top),
            N(w),
            N(hh)
        );
        // Column x positions (the last column takes any extra width of the title).
        let mut xs = Vec::with_capacity(self.columns.len() + 1);
        let mut x = 0.0;
        for c in &self.columns {
            xs.push(x);
            x += c.width;
        }
        let extra = w - x;
        xs.push(w);
        let width_of = |i: usize| {
            self.columns[i].width
                + if i + 1 == self.columns.len() {
                    extra
                } else {
                    0.0
                }
        };

        // Rules: row lines thin and grey, the frame and column lines black.
        let mut thin = PathData::new();
        let mut y = top + hh;
        let mut totals = Vec::new();
        for (k, r) in rows.iter().enumerate() {
            if k > 0 {
                if r.style == RowStyle::Total {
                    totals.push(y);
                } else {
                    thin.polyline([(0.0, y), (w, y)], false);
                }
            }
            y += r.height();
        }
        let mut frame = PathData::new();
        frame.polyline(
            [
                (0.0, top),
                (w, top),
                (w, top + total_h),
                (0.0, top + total_h),
            ],
            true,
        );
        frame.polyline([(0.0, top + hh), (w, top + hh)], false);
        for &ty in &totals {
            frame.polyline([(0.0, ty), (w, ty)], false);
        }
        for &cx in &xs[1..xs.len() - 1] {
            frame.polyline([(cx, top), (cx, top + total_h)], false);
        }
        rules(&mut out, &thin, &frame);

        // Text, grouped by alignment and style.
        let mut groups: Vec<((Align, RowStyle, bool), String)> = Vec::new();
        let mut put = |key: (Align, RowStyle, bool), x: f64, y: f64, s: &str| {
            if s.is_empty() {
                return;
            }
            let i = match groups.iter().position(|(k, _)| *k == key) {
                Some(i) => i,
                None => {
                    groups.push((key, String::new()));
                    groups.len() - 1
                }
            };
            let _ = writeln!(
                groups[i].1,
                "<text x=\"{}\" y=\"{}\">{}</text>",
                N(x),
                N(y),
                Esc(s)
            );
        };
        let cell_x = |i: usize, align: Align| match align {
            Align::Left => xs[i] + PAD_X,
            Align::Right => xs[i] + width_of(i) - PAD_X,
        };
        for (i, c) in self.columns.iter().enumerate() {
            put(
                (c.align, RowStyle::Normal, true),
                cell_x(i, c.align),
                top + PAD_Y + BASELINE,
                &c.header,
            );
        }
        let mut y = top + hh;
        for r in rows {
            for (i, (c, lines)) in self.columns.iter().zip(&r.cells).enumerate() {
                for (k, l) in lines.iter().enumerate() {
                    put(
                        (c.align, r.style, r.style == RowStyle::Total),
                        cell_x(i, c.align),
                        y + PAD_Y + k as f64 * LINE_H + BASELINE,
                        l,
                    );
                }
            }
            y += r.height();
        }
        for ((align, style, bold), body) in groups {
            let mut attrs = String::new();
            if align == Align::Right {
                attrs.push_str(" text-anchor=\"end\"");
            }
            if bold {
                attrs.push_str(" font-weight=\"bold\"");
            }
            match style {
                RowStyle::Error => attrs.push_str(" fill=\"#c00000\""),
                RowStyle::Warning => attrs.push_str(" fill=\"#9a5200\""),
                RowStyle::Normal | RowStyle::Total => {}
            }
            let _ = writeln!(out, "<g{attrs}>");
            out.push_str(&body);
            out.push_str("</g>\n");
        }
        (out, top + total_h)
    }
}

/// A table's rules: the thin ones between rows (grey, 0.1 mm; none when empty) and the frame
/// and heavy ones (black, 0.25 mm).
pub(crate) fn rules(out: &mut String, thin: &PathData, frame: &PathData) {
    if !thin.is_empty() {
        let _ = writeln!(
            out,
            "<path d=\"{}\" fill=\"none\" stroke=\"#9a9a9a\" stroke-width=\"0.1\"/>",
            thin.as_str()
        );
    }
    let _ = writeln!(
        out,
        "<path d=\"{}\" fill=\"none\" stroke=\"#000\" stroke-width=\"0.25\"/>",
        frame.as_str()
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_heights_and_wrapping() {
        let mut t = Table::new(
            "Findings",
            vec![
                Column::new("#", Align::Right),
                Column::new("Finding", Align::Left).wrap(40.0),
            ],
        );
        t.push(vec!["1".into(), "short".into()]);
        t.push_styled(
            vec![
                "2".into(),
                "a much longer finding that has to wrap onto several lines".into(),
            ],
            RowStyle::Error,
        );
        assert!(t.rows[1].lines() > 1);
        assert!(t.width() <= 60.0, "{}", t.width());
        let (svg, h) = t.render(0..2);
        assert!(svg.contains("fill=\"#c00000\""));
        assert!((h - (TITLE_H + 4.5 + 4.5 + t.rows[1].height())).abs() < 1e-9);
        assert_eq!(t.fit_rows(0, TITLE_H + 4.5 + 4.5), 1);
        let (svg, _) = t.render(1..2);
        assert!(svg.contains("Findings (continued)"));
    }

    #[test]
    fn notes_go_on_the_first_part_only() {
        let mut t = Table::new("Calibration", vec![Column::new("AP", Align::Left)]);
        for i in 0..4 {
            t.push(vec![format!("ap {i}")]);
        }
        let plain = t.clone();
        let t = t.with_notes(&["First line.".into(), "Second line.".into()], 80.0);
        let notes_h = 2.0 * LINE_H + NOTE_GAP + NOTES_GAP;
        assert!((t.height(0..4) - plain.height(0..4) - notes_h).abs() < 1e-9);
        assert!((t.height(2..4) - plain.height(2..4)).abs() < 1e-9);
        assert_eq!(t.fit_rows(0, plain.height(0..4)), 2);
        assert_eq!(t.fit_rows(2, plain.height(2..4)), 2);
        let (first, h) = t.render(0..2);
        assert!((h - t.height(0..2)).abs() < 1e-9);
        assert!(first.contains(">First line.<") && first.contains(">Second line.<"));
        let (rest, _) = t.render(2..4);
        assert!(!rest.contains("First line.") && rest.contains("Calibration (continued)"));
        // A long note widens the table no further than it wraps.
        let wide = plain.with_notes(&["word ".repeat(60)], 50.0);
        assert!(wide.width() <= 52.0, "{}", wide.width());
    }
}
