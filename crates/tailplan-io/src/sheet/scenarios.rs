//! The scenario comparison sheet: the page a network manager brings to the budget meeting.
//! One landscape sheet (A3 unless another paper is asked for) that compares the scenarios of
//! the final tail (`tailplan scenarios`) side by side:
//! - left, the tables: every scenario's totals (ports and metres per medium, unserved
//!   endpoints, switches, PoE, gateways, access points, capital cost, energy, findings), the
//!   lowest of each row that has a better end marked; the same per building; the development
//!   plan year by year when there is one; notes (what the figures count, the scenario file's
//!   warnings);
//! - right, above the title block, the charts: capital cost, ports stacked by medium and
//!   energy per scenario as horizontal bars from 0, each labelled with its value; the plan's
//!   capital cost per year as bars with the cumulative cost as a line.
//!
//! What does not fit the paper is cut, and says so (`+3 more buildings`); nothing overlaps
//! the title block. Every name is user input: escaped, and shortened with an ellipsis to its
//! column.

use std::fmt::Write as _;

use tailplan_core::Medium;
use tailplan_core::ProjectMeta;
use tailplan_core::scenario::{EnergyOptions, Plan, ScenarioResult};

use super::layout::{self, GAP, Rect};
use super::page::Page;
use super::paper::Paper;
use super::style;
use super::tables::{Align, Column, Table};
use super::text::{self, HEADING_MM, LABEL_MM};
use super::title_block::TitleInfo;
use super::xml::{Esc, N, PathData};
use super::{Sheet, SheetOptions};

/// The comparison a scenario sheet shows: what `tailplan scenarios` computes.
#[derive(Debug, Clone, Copy)]
pub struct ScenarioComparison<'a> {
    /// Each scenario, in the file's order.
    pub scenarios: &'a [ScenarioResult],
    /// The currency of every cost.
    pub currency: &'a str,
    /// The development plan, when the scenario file has phases.
    pub plan: Option<&'a Plan>,
    /// How energy was counted (said in the notes).
    pub energy: EnergyOptions,
    /// Warnings about the scenario file (rules that match nothing), as worded for the reader.
    pub warnings: &'a [String],
}

/// Height of a row of the tables.
const ROW_H: f64 = 4.5;
/// Space left and right of a cell's text.
const PAD_X: f64 = 1.2;
/// Height of a panel's title line.
const TITLE_H: f64 = 6.0;
/// From a row's top to its text's baseline.
const BASE: f64 = 3.15;
/// From a bar's centre line to its label's baseline (about half a cap height).
const MID: f64 = 0.95;
/// The tint of the lowest value of a row, and of its bar's label.
const BEST_TINT: &str = "#d5ebd0";
/// The colour of what fails: unserved endpoints, errors.
const FLAG: &str = "#c00000";
/// The fill of the tables' headers.
const HEAD_FILL: &str = "#e6e6e6";
/// The capital cost's bars.
const CAPEX_FILL: &str = "#3b6ea5";
/// The energy's bars.
const ENERGY_FILL: &str = "#8c6d1f";
/// The plan's cumulative line.
const CUMULATIVE: &str = "#d95f02";
/// The closest bars may be, and the widest pitch they take.
const PITCH_MIN: f64 = 3.6;
const PITCH_MAX: f64 = 8.0;

/// `v` with `decimals` decimals, thousands grouped by commas (`12,345`, `1,234.5`, `-80`);
/// `—` when it is not a number.
pub(crate) fn num(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "—".to_owned();
    }
    // Halves away from zero, as a person rounds (the formatter rounds them to even).
    let scale = 10f64.powi(decimals.min(6) as i32);
    let s = format!("{:.*}", decimals, (v.abs() * scale).round() / scale);
    let (int, frac) = match s.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (s.as_str(), None),
    };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    if v < 0.0 && out.chars().any(|c| matches!(c, '1'..='9')) {
        out.insert(0, '-');
    }
    out
}

/// A count as a number.
fn count(n: u64) -> String {
    num(n as f64, 0)
}

/// A wired medium as a row's label starts: `Cat6A`, `SPE`, `Fibre`.
fn medium_label(m: Medium) -> &'static str {
    match m {
        Medium::Cat6a => "Cat6A",
        Medium::Spe => "SPE",
        Medium::Fiber => "Fibre",
        Medium::Wireless => "Wireless",
    }
}

/// A building's name as shown: the project's building (`unnamed`) for floors of no
/// building, else `(no building)`.
fn building_label<'a>(name: &'a str, unnamed: &'a str) -> &'a str {
    match (name.is_empty(), unnamed.is_empty()) {
        (false, _) => name,
        (true, false) => unnamed,
        (true, true) => "(no building)",
    }
}

/// One cell of a [`Grid`].
#[derive(Debug, Clone, Default)]
struct Cell {
    text: String,
    bold: bool,
    tint: Option<&'static str>,
    red: bool,
}

impl Cell {
    fn plain(s: impl Into<String>) -> Self {
        Self {
            text: s.into(),
            ..Self::default()
        }
    }
}

/// A table with header cells that may span columns and cells styled one by one (the
/// comparison and the per-building table); drawn like [`Table`].
struct Grid {
    title: String,
    /// Each column's width and whether it is right-aligned.
    cols: Vec<(f64, bool)>,
    /// Header rows: (first column, columns spanned, text).
    heads: Vec<Vec<(usize, usize, String)>>,
    /// The height of the last header row when its text is set upright (names too long for
    /// their columns read bottom to top), else `None`.
    upright: Option<f64>,
    rows: Vec<Vec<Cell>>,
    /// Columns with a black rule on their left (the others a thin grey one).
    vrules: Vec<usize>,
    /// Rows with a black rule above them (the others a thin grey one).
    hrules: Vec<usize>,
    /// A line under the table (what was cut).
    foot: Option<String>,
    /// The widest the title and the foot may be.
    max_w: f64,
}

impl Grid {
    fn body_w(&self) -> f64 {
        self.cols.iter().map(|c| c.0).sum()
    }

    fn title(&self) -> String {
        text::truncate(&self.title, HEADING_MM * 1.08, self.max_w)
    }

    fn foot(&self) -> Option<String> {
        self.foot
            .as_deref()
            .map(|f| text::truncate(f, LABEL_MM, self.max_w))
    }

    fn width(&self) -> f64 {
        self.body_w()
            .max(text::width_bold_mm(&self.title(), HEADING_MM))
            .max(
                self.foot()
                    .as_deref()
                    .map_or(0.0, |f| text::width_mm(f, LABEL_MM)),
            )
    }

    /// The top of each header row, and the header's height.
    fn head_tops(&self) -> (Vec<f64>, f64) {
        let mut tops = Vec::with_capacity(self.heads.len());
        let mut y = TITLE_H;
        for k in 0..self.heads.len() {
            tops.push(y);
            y += match self.upright {
                Some(h) if k + 1 == self.heads.len() => h,
                _ => ROW_H,
            };
        }
        (tops, y - TITLE_H)
    }

    fn height(&self) -> f64 {
        TITLE_H
            + self.head_tops().1
            + self.rows.len() as f64 * ROW_H
            + if self.foot.is_some() { ROW_H } else { 0.0 }
    }

    /// The SVG from (0, 0).
    fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "<text x=\"0\" y=\"4.3\" font-size=\"{}\" font-weight=\"bold\">{}</text>",
            N(HEADING_MM),
            Esc(&self.title())
        );
        let w = self.body_w();
        let mut xs = vec![0.0];
        for c in &self.cols {
            xs.push(xs.last().copied().unwrap_or(0.0) + c.0);
        }
        let (tops, hh) = self.head_tops();
        let body_top = TITLE_H + hh;
        let bottom = body_top + self.rows.len() as f64 * ROW_H;
        let _ = writeln!(
            out,
            "<rect x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{HEAD_FILL}\"/>",
            N(TITLE_H),
            N(w),
            N(hh)
        );
        for (r, row) in self.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if let (Some(tint), Some(&x), Some(&(cw, _))) =
                    (cell.tint, xs.get(c), self.cols.get(c))
                {
                    let _ = writeln!(
                        out,
                        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{tint}\"/>",
                        N(x),
                        N(body_top + r as f64 * ROW_H),
                        N(cw),
                        N(ROW_H)
                    );
                }
            }
        }
        // Rules: thin grey between rows and columns, black for the frame and what groups.
        let mut thin = PathData::new();
        let mut black = PathData::new();
        for (k, &y) in tops.iter().enumerate().skip(1) {
            // A header row under spanning cells: ruled only where it has cells.
            for &(first, span, _) in &self.heads[k - 1] {
                if span > 1 {
                    thin.polyline([(xs[first], y), (xs[first + span], y)], false);
                }
            }
        }
        for r in 1..self.rows.len() {
            let y = body_top + r as f64 * ROW_H;
            if self.hrules.contains(&r) {
                black.polyline([(0.0, y), (w, y)], false);
            } else {
                thin.polyline([(0.0, y), (w, y)], false);
            }
        }
        // Between columns: the first column's left edge and the last's right are the frame.
        for (c, &x) in xs.iter().enumerate().take(self.cols.len()).skip(1) {
            // Inside a spanning header cell, a column rule starts under it.
            let top = self
                .heads
                .iter()
                .enumerate()
                .filter(|(_, row)| {
                    row.iter()
                        .any(|&(first, span, _)| first < c && c < first + span)
                })
                .map(|(k, _)| tops.get(k + 1).copied().unwrap_or(body_top))
                .fold(TITLE_H, f64::max);
            if self.vrules.contains(&c) {
                black.polyline([(x, TITLE_H), (x, bottom)], false);
            } else {
                thin.polyline([(x, top), (x, bottom)], false);
            }
        }
        black.polyline(
            [(0.0, TITLE_H), (w, TITLE_H), (w, bottom), (0.0, bottom)],
            true,
        );
        black.polyline([(0.0, body_top), (w, body_top)], false);
        super::tables::rules(&mut out, &thin, &black);
        // Header text: a spanning cell centred, others as their column.
        let _ = writeln!(out, "<g font-weight=\"bold\">");
        for (k, row) in self.heads.iter().enumerate() {
            let y = tops[k] + BASE;
            let upright = self.upright.filter(|_| k + 1 == self.heads.len());
            for &(first, span, ref s) in row {
                let (x0, x1) = (xs[first], xs[first + span]);
                if let Some(h) = upright {
                    // Bottom to top, at the column's right like the numbers under it.
                    let s = text::truncate(s, LABEL_MM * 1.08, h - 2.0 * PAD_X + 1e-6);
                    let (x, y) = (x1 - PAD_X - 0.6, tops[k] + h - PAD_X);
                    let _ = writeln!(
                        out,
                        "<text x=\"{}\" y=\"{}\" transform=\"rotate(-90 {} {})\">{}</text>",
                        N(x),
                        N(y),
                        N(x),
                        N(y),
                        Esc(&s)
                    );
                    continue;
                }
                let s = text::truncate(s, LABEL_MM * 1.08, x1 - x0 - 2.0 * PAD_X + 1e-6);
                let (x, anchor) = if span > 1 {
                    ((x0 + x1) / 2.0, " text-anchor=\"middle\"")
                } else if self.cols[first].1 {
                    (x1 - PAD_X, " text-anchor=\"end\"")
                } else {
                    (x0 + PAD_X, "")
                };
                let _ = writeln!(
                    out,
                    "<text x=\"{}\" y=\"{}\"{anchor}>{}</text>",
                    N(x),
                    N(y),
                    Esc(&s)
                );
            }
        }
        out.push_str("</g>\n");
        for (r, row) in self.rows.iter().enumerate() {
            let y = body_top + r as f64 * ROW_H + BASE;
            for (c, cell) in row.iter().enumerate() {
                if cell.text.is_empty() {
                    continue;
                }
                let (Some(&x0), Some(&(cw, right))) = (xs.get(c), self.cols.get(c)) else {
                    continue;
                };
                let mut attrs = String::new();
                if right {
                    attrs.push_str(" text-anchor=\"end\"");
                }
                if cell.bold {
                    attrs.push_str(" font-weight=\"bold\"");
                }
                if cell.red {
                    let _ = write!(attrs, " fill=\"{FLAG}\"");
                }
                let size = if cell.bold { LABEL_MM * 1.08 } else { LABEL_MM };
                let s = text::truncate(&cell.text, size, cw - 2.0 * PAD_X + 1e-6);
                let x = if right { x0 + cw - PAD_X } else { x0 + PAD_X };
                let _ = writeln!(
                    out,
                    "<text x=\"{}\" y=\"{}\"{attrs}>{}</text>",
                    N(x),
                    N(y),
                    Esc(&s)
                );
            }
        }
        if let Some(f) = &self.foot() {
            let _ = writeln!(
                out,
                "<text x=\"0\" y=\"{}\" font-style=\"italic\">{}</text>",
                N(bottom + BASE + 0.4),
                Esc(f)
            );
        }
        out
    }
}

/// A row of the comparison: its label, each scenario's value as text, the key it is ranked
/// by (lower is better; `None`: the row is a breakdown, not ranked) and whether a value is
/// a failure.
struct Line {
    label: String,
    text: Vec<String>,
    key: Option<Vec<f64>>,
    flag: Vec<bool>,
}

/// Which values of `keys` are the lowest, when they are not all equal.
fn lowest(keys: &[f64]) -> Vec<bool> {
    let finite: Vec<f64> = keys.iter().copied().filter(|k| k.is_finite()).collect();
    let Some(min) = finite.iter().copied().reduce(f64::min) else {
        return vec![false; keys.len()];
    };
    let near = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
    if finite.len() == keys.len() && keys.iter().all(|&k| near(k, min)) {
        return vec![false; keys.len()];
    }
    keys.iter()
        .map(|&k| k.is_finite() && near(k, min))
        .collect()
}

/// The comparison's rows.
fn lines(scenarios: &[ScenarioResult], currency: &str) -> Vec<Line> {
    let t = |f: &dyn Fn(&ScenarioResult) -> f64, decimals: usize| -> (Vec<String>, Vec<f64>) {
        let v: Vec<f64> = scenarios.iter().map(f).collect();
        (v.iter().map(|&x| num(x, decimals)).collect(), v)
    };
    let mut out = Vec::new();
    let push = |out: &mut Vec<Line>,
                label: String,
                (text, v): (Vec<String>, Vec<f64>),
                ranked: bool,
                fail: bool| {
        out.push(Line {
            label,
            flag: v.iter().map(|&x| fail && x > 0.0).collect(),
            text,
            key: ranked.then_some(v),
        });
    };
    for m in [Medium::Cat6a, Medium::Spe, Medium::Fiber] {
        let pick = move |s: &ScenarioResult| {
            let p = &s.totals.ports;
            (match m {
                Medium::Cat6a => p.cat6a,
                Medium::Spe => p.spe,
                _ => p.fiber,
            }) as f64
        };
        push(
            &mut out,
            format!("{} ports", medium_label(m)),
            t(&pick, 0),
            false,
            false,
        );
    }
    push(
        &mut out,
        "Ports, all media".into(),
        t(
            &|s| {
                let p = &s.totals.ports;
                (p.cat6a + p.spe + p.fiber) as f64
            },
            0,
        ),
        true,
        false,
    );
    for m in [Medium::Cat6a, Medium::Spe, Medium::Fiber] {
        let pick = move |s: &ScenarioResult| {
            let c = &s.totals.cable_m;
            match m {
                Medium::Cat6a => c.cat6a,
                Medium::Spe => c.spe,
                _ => c.fiber,
            }
        };
        push(
            &mut out,
            format!("{} cable m", medium_label(m)),
            t(&pick, 0),
            false,
            false,
        );
    }
    push(
        &mut out,
        "Cable m, all media".into(),
        t(
            &|s| {
                let c = &s.totals.cable_m;
                c.cat6a + c.spe + c.fiber
            },
            0,
        ),
        true,
        false,
    );
    push(
        &mut out,
        "Unserved endpoints".into(),
        t(&|s| s.totals.unserved as f64, 0),
        true,
        true,
    );
    push(
        &mut out,
        "Switches".into(),
        t(&|s| s.totals.switches as f64, 0),
        true,
        false,
    );
    push(
        &mut out,
        "PoE W".into(),
        t(&|s| s.totals.poe_w, 1),
        true,
        false,
    );
    push(
        &mut out,
        "Gateways".into(),
        t(&|s| s.totals.gateways as f64, 0),
        true,
        false,
    );
    push(
        &mut out,
        "of them proposed".into(),
        t(&|s| s.totals.gateways_proposed as f64, 0),
        true,
        false,
    );
    push(
        &mut out,
        "Access points".into(),
        t(&|s| s.totals.aps as f64, 0),
        true,
        false,
    );
    push(
        &mut out,
        format!("Capex {}", text::truncate(currency, LABEL_MM, 14.0)),
        t(&|s| s.totals.capex.unwrap_or(f64::NAN), 0),
        true,
        false,
    );
    if let Some(first) = scenarios.first().filter(|_| scenarios.len() > 1) {
        let base = first.totals.capex.unwrap_or(f64::NAN);
        out.push(Line {
            label: format!("Capex vs {}", text::truncate(&first.name, LABEL_MM, 24.0)),
            text: scenarios
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    if i == 0 {
                        "—".to_owned()
                    } else {
                        signed(s.totals.capex.unwrap_or(f64::NAN) - base)
                    }
                })
                .collect(),
            key: None,
            flag: vec![false; scenarios.len()],
        });
    }
    push(
        &mut out,
        "Energy kWh/year".into(),
        t(&|s| s.totals.energy_kwh_per_year, 0),
        true,
        false,
    );
    // Errors first, then warnings.
    out.push(Line {
        label: "Errors / warnings".into(),
        text: scenarios
            .iter()
            .map(|s| {
                format!(
                    "{} / {}",
                    count(s.findings.errors),
                    count(s.findings.warnings)
                )
            })
            .collect(),
        key: Some(
            scenarios
                .iter()
                .map(|s| s.findings.errors as f64 * 1e9 + s.findings.warnings as f64)
                .collect(),
        ),
        flag: scenarios.iter().map(|s| s.findings.errors > 0).collect(),
    });
    out
}

/// Whether a row of the comparison starts a group (a black rule above it): metres,
/// endpoints and switches, capex, energy, findings.
fn starts_group(label: &str) -> bool {
    ["Cat6A cable", "Unserved", "Capex ", "Energy", "Errors"]
        .iter()
        .any(|p| label.starts_with(p))
        && !label.starts_with("Capex vs")
}

/// How many of `n` columns `w` wide fit in `avail` after `fixed`, at least 1.
fn fitting(n: usize, fixed: f64, w: f64, avail: f64) -> usize {
    if w <= 0.0 {
        return n;
    }
    (((avail - fixed) / w).floor().max(1.0) as usize).min(n)
}

/// "The first k of n: +m more scenarios." when some are cut.
fn cut_note(shown: usize, n: usize, what: &str) -> Option<String> {
    (shown < n).then(|| format!("The first {shown} of {n}: +{} more {what}.", n - shown))
}

/// The comparison table, as wide as `max_w` allows (scenarios cut beyond it).
fn comparison_grid(scenarios: &[ScenarioResult], currency: &str, max_w: f64) -> Grid {
    let lines = lines(scenarios, currency);
    let n = scenarios.len();
    let label_w = lines
        .iter()
        .map(|l| text::width_mm(&l.label, LABEL_MM))
        .fold(text::width_bold_mm("Errors / warnings", LABEL_MM), f64::max)
        + 2.0 * PAD_X;
    let value_w = lines
        .iter()
        .flat_map(|l| l.text.iter())
        .map(|s| text::width_bold_mm(s, LABEL_MM))
        .fold(8.0, f64::max)
        + 2.0 * PAD_X;
    let name_w = scenarios
        .iter()
        .map(|s| text::width_bold_mm(&s.name, LABEL_MM))
        .fold(0.0, f64::max)
        .min(34.0)
        + 2.0 * PAD_X;
    let mut col_w = value_w.max(name_w);
    if label_w + n as f64 * col_w > max_w && n > 0 {
        col_w = value_w.max((max_w - label_w) / n as f64);
    }
    // Names that would be shortened across are set upright, in a header as tall as the
    // longest needs (up to a limit).
    let upright = (name_w > col_w + 1e-9).then(|| name_w.max(ROW_H));
    if upright.is_some() {
        col_w = value_w.max(ROW_H + 2.0);
    }
    let shown = fitting(n, label_w, col_w, max_w);
    let mut cols = vec![(label_w, false)];
    cols.extend(std::iter::repeat_n((col_w, true), shown));
    let mut heads = vec![(0, 1, String::new())];
    heads.extend(
        scenarios
            .iter()
            .take(shown)
            .enumerate()
            .map(|(i, s)| (i + 1, 1, s.name.clone())),
    );
    let rows = lines
        .iter()
        .map(|l| {
            let best = l.key.as_deref().map(lowest).unwrap_or_default();
            let mut row = vec![Cell::plain(l.label.clone())];
            for i in 0..shown {
                let is_best = best.get(i).copied().unwrap_or(false);
                let red = l.flag.get(i).copied().unwrap_or(false);
                row.push(Cell {
                    text: l.text.get(i).cloned().unwrap_or_default(),
                    bold: is_best || red,
                    tint: is_best.then_some(BEST_TINT),
                    red,
                });
            }
            row
        })
        .collect();
    Grid {
        title: "Scenarios compared".to_owned(),
        cols,
        heads: vec![heads],
        upright,
        rows,
        vrules: (1..=shown).collect(),
        hrules: (0..lines.len())
            .filter(|&i| starts_group(&lines[i].label))
            .collect(),
        foot: cut_note(shown, n, "scenarios"),
        max_w,
    }
}

/// The key under the comparison: what the marks mean. Its SVG and height.
fn comparison_key(w: f64) -> (String, f64) {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<rect x=\"0\" y=\"0.6\" width=\"6\" height=\"3.2\" fill=\"{BEST_TINT}\" stroke=\"#9a9a9a\" stroke-width=\"0.1\"/>"
    );
    let _ = writeln!(
        out,
        "<text x=\"1\" y=\"3.15\" font-weight=\"bold\">12</text>"
    );
    let first = "the lowest of a row (per-medium rows are a breakdown and not ranked)";
    let _ = writeln!(
        out,
        "<text x=\"8\" y=\"3.15\">{}</text>",
        Esc(&text::truncate(first, LABEL_MM, w - 8.0))
    );
    let _ = writeln!(
        out,
        "<text x=\"1\" y=\"7.65\" font-weight=\"bold\" fill=\"{FLAG}\">3</text>"
    );
    let second = "endpoints left unserved, or design-rule errors";
    let _ = writeln!(
        out,
        "<text x=\"8\" y=\"7.65\">{}</text>",
        Esc(&text::truncate(second, LABEL_MM, w - 8.0))
    );
    (out, 9.0)
}

/// The building names of the comparison, in order: the first scenario's, then any other's.
fn building_names(scenarios: &[ScenarioResult]) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for s in scenarios {
        for b in &s.by_building {
            if !names.contains(&b.building.as_str()) {
                names.push(&b.building);
            }
        }
    }
    names
}

/// The per-building table within `max_w` × `max_h` (scenarios and buildings cut beyond
/// them), floors of no building under `unnamed`; `None` when not even one building fits.
fn building_grid(
    scenarios: &[ScenarioResult],
    unnamed: &str,
    max_w: f64,
    max_h: f64,
) -> Option<Grid> {
    let names = building_names(scenarios);
    let n = scenarios.len();
    if names.is_empty() || n == 0 {
        return None;
    }
    // Each scenario's values per building: ports, metres, unserved, switches.
    let value = |s: &ScenarioResult, b: &str| {
        s.by_building.iter().find(|x| x.building == b).map(|x| {
            let t = &x.totals;
            (
                t.ports.cat6a + t.ports.spe + t.ports.fiber,
                t.cable_m.cat6a + t.cable_m.spe + t.cable_m.fiber,
                t.unserved,
                t.switches,
            )
        })
    };
    let name_w = names
        .iter()
        .map(|b| text::width_mm(building_label(b, unnamed), LABEL_MM))
        .fold(text::width_bold_mm("Building", LABEL_MM), f64::max)
        .min(38.0)
        .min(max_w * 0.3)
        + 2.0 * PAD_X;
    let widest = |f: &dyn Fn((u64, f64, u64, u64)) -> String| {
        scenarios
            .iter()
            .flat_map(|s| names.iter().filter_map(move |b| value(s, b)))
            .map(|v| text::width_mm(&f(v), LABEL_MM))
            .fold(0.0, f64::max)
    };
    let values_w = [
        widest(&|v| count(v.0)),
        widest(&|v| num(v.1, 0)),
        widest(&|v| count(v.2)) * 1.08,
        widest(&|v| count(v.3)),
    ];
    let sub = |heads: [&str; 4]| -> Vec<f64> {
        heads
            .iter()
            .zip(values_w)
            .map(|(h, v)| text::width_bold_mm(h, LABEL_MM).max(v) + 2.0 * PAD_X)
            .collect()
    };
    let long = ["Ports", "Metres", "Unserved", "Switches"];
    let short = ["Ports", "m", "Unsrv.", "Sw."];
    let group = |w: &[f64]| w.iter().sum::<f64>();
    let (heads, widths) = {
        let l = sub(long);
        if name_w + n as f64 * group(&l) <= max_w {
            (long, l)
        } else {
            (short, sub(short))
        }
    };
    let shown = fitting(n, name_w, group(&widths), max_w);
    if name_w + group(&widths) > max_w {
        return None;
    }
    let rows_fit = ((max_h - TITLE_H - 3.0 * ROW_H) / ROW_H).floor();
    if rows_fit < 1.0 {
        return None;
    }
    let rows_fit = rows_fit as usize;
    let (rows_shown, mut foot) = if names.len() <= rows_fit {
        (names.len(), None)
    } else {
        (
            rows_fit,
            Some(format!("+{} more buildings.", names.len() - rows_fit)),
        )
    };
    if let Some(cut) = cut_note(shown, n, "scenarios") {
        foot = Some(match foot {
            Some(f) => format!("{f} {cut}"),
            None => cut,
        });
    }
    let mut cols = vec![(name_w, false)];
    let mut top = vec![(0, 1, String::new())];
    let mut second = vec![(0, 1, "Building".to_owned())];
    for (i, s) in scenarios.iter().take(shown).enumerate() {
        let first = 1 + 4 * i;
        top.push((first, 4, s.name.clone()));
        for (k, (&w, h)) in widths.iter().zip(heads).enumerate() {
            cols.push((w, true));
            second.push((first + k, 1, h.to_owned()));
        }
    }
    let rows = names
        .iter()
        .take(rows_shown)
        .map(|b| {
            let mut row = vec![Cell::plain(building_label(b, unnamed))];
            for s in scenarios.iter().take(shown) {
                match value(s, b) {
                    Some((ports, metres, unserved, switches)) => {
                        row.push(Cell::plain(count(ports)));
                        row.push(Cell::plain(num(metres, 0)));
                        row.push(Cell {
                            text: count(unserved),
                            bold: unserved > 0,
                            red: unserved > 0,
                            ..Cell::default()
                        });
                        row.push(Cell::plain(count(switches)));
                    }
                    None => row.extend((0..4).map(|_| Cell::plain("—"))),
                }
            }
            row
        })
        .collect();
    if heads == short {
        let key = "Ports and m: horizontal cables of every medium; Unsrv.: endpoints unserved; Sw.: switches.";
        foot = Some(match foot {
            Some(f) => format!("{f} {key}"),
            None => key.to_owned(),
        });
    }
    Some(Grid {
        title: "Per building".to_owned(),
        cols,
        heads: vec![top, second],
        upright: None,
        rows,
        vrules: (0..shown).map(|i| 1 + 4 * i).collect(),
        hrules: Vec::new(),
        foot,
        max_w,
    })
}

/// The development plan's table within `max_w` × `max_h` (years cut beyond it): the campus
/// as drawn, then each year: its phases, its capital cost and the sum so far, and the
/// campus after it. Its SVG, width and height.
fn plan_table(plan: &Plan, currency: &str, max_w: f64, max_h: f64) -> (String, f64, f64) {
    let cur = text::truncate(currency, LABEL_MM, 14.0);
    let wrap = (max_w - 140.0).clamp(25.0, 70.0);
    let mut t = Table::new(
        "Development plan",
        vec![
            Column::new("Year", Align::Left),
            Column::new("Phases", Align::Left).wrap(wrap),
            Column::new(&format!("Capex {cur}"), Align::Right),
            Column::new(&format!("Cumulative {cur}"), Align::Right),
            Column::new("Ports Cu / SPE / fibre", Align::Right),
            Column::new("Unserved", Align::Right),
            Column::new("Switches", Align::Right),
            Column::new("PoE W", Align::Right),
        ],
    );
    let after = |t: &tailplan_core::scenario::Totals| {
        [
            format!(
                "{} / {} / {}",
                count(t.ports.cat6a),
                count(t.ports.spe),
                count(t.ports.fiber)
            ),
            count(t.unserved),
            count(t.switches),
            num(t.poe_w, 1),
        ]
    };
    let mut row = vec![
        "Start".to_owned(),
        "as drawn".into(),
        "—".into(),
        "—".into(),
    ];
    row.extend(after(&plan.start));
    t.push(row);
    let mut sum = 0.0;
    for y in &plan.years {
        sum += y.capex;
        let mut row = vec![
            y.year.to_string(),
            y.phases.join(", "),
            signed(y.capex),
            num(sum, 0),
        ];
        row.extend(after(&y.totals));
        t.push(row);
    }
    let rows = t.rows.len();
    let fit = t.fit_rows(0, max_h - ROW_H).max(1).min(rows);
    let (mut svg, h) = t.render(0..fit);
    let mut h = h;
    if fit < rows {
        let _ = writeln!(
            svg,
            "<text x=\"0\" y=\"{}\" font-style=\"italic\">+{} more years</text>",
            N(h + BASE + 0.4),
            rows - fit
        );
        h += ROW_H;
    }
    (svg, t.width(), h)
}

/// A cost with its sign: `+12,345`, `-80`, `0`.
fn signed(v: f64) -> String {
    let s = num(v, 0);
    if v.is_finite() && v > 0.0 && s != "0" {
        format!("+{s}")
    } else {
        s
    }
}

/// One bar of a chart: its name, its parts (value and colour; stacked when several), its
/// label and whether the label is marked (the lowest).
struct Bar {
    name: String,
    parts: Vec<(f64, &'static str)>,
    label: String,
    best: bool,
}

/// A horizontal bar chart `w` wide, `pitch` between bars, from 0: its title, a key of the
/// parts' colours (`keys`), each bar with its name on the left and its label at its end, and
/// `+N more` when `more` bars were cut. Its SVG and height.
fn bar_chart(
    title: &str,
    keys: &[(&str, &'static str)],
    bars: &[Bar],
    more: usize,
    w: f64,
    pitch: f64,
) -> (String, f64) {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<text x=\"0\" y=\"4.3\" font-size=\"{}\" font-weight=\"bold\">{}</text>",
        N(HEADING_MM),
        Esc(title)
    );
    let mut top = TITLE_H;
    if !keys.is_empty() {
        let mut x = 0.0;
        for (name, colour) in keys {
            let _ = writeln!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"4\" height=\"2.6\" fill=\"{colour}\"/>",
                N(x),
                N(top + 0.5)
            );
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"{}\">{}</text>",
                N(x + 5.0),
                N(top + 2.9),
                Esc(name)
            );
            x += 5.0 + text::width_mm(name, LABEL_MM) + 4.0;
        }
        top += ROW_H;
    }
    let total = |b: &Bar, positive: bool| -> f64 {
        b.parts
            .iter()
            .map(|p| if p.0.is_finite() { p.0 } else { 0.0 })
            .filter(|&v| if positive { v > 0.0 } else { v < 0.0 })
            .sum()
    };
    let hi = bars.iter().map(|b| total(b, true)).fold(0.0, f64::max);
    let lo = bars.iter().map(|b| total(b, false)).fold(0.0, f64::min);
    let name_w = bars
        .iter()
        .map(|b| text::width_mm(&b.name, LABEL_MM) + 1.5)
        .fold(0.0, f64::max)
        .min(42.0)
        .min(w * 0.3);
    let label_w = bars
        .iter()
        .map(|b| text::width_bold_mm(&b.label, LABEL_MM) + 1.5)
        .fold(0.0, f64::max);
    let bars_w = (w - name_w - 1.0 - label_w).max(10.0);
    let span = hi - lo;
    let k = if span > 0.0 && span.is_finite() {
        bars_w / span
    } else {
        0.0
    };
    let x0 = name_w + 1.0 - lo * k;
    let bar_h = (pitch * 0.62).min(4.6);
    for (i, b) in bars.iter().enumerate() {
        let cy = top + pitch * (i as f64 + 0.5);
        let _ = writeln!(
            out,
            "<text x=\"0\" y=\"{}\">{}</text>",
            N(cy + MID),
            Esc(&text::truncate(&b.name, LABEL_MM, name_w - 1.5))
        );
        let (mut right, mut left) = (x0, x0);
        let stacked = b.parts.len() > 1;
        for &(v, colour) in &b.parts {
            if !v.is_finite() || v == 0.0 {
                continue;
            }
            let len = v.abs() * k;
            let x = if v > 0.0 { right } else { left - len };
            if v > 0.0 {
                right += len;
            } else {
                left -= len;
            }
            if len < 0.005 {
                continue;
            }
            let _ = writeln!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{colour}\"/>",
                N(x),
                N(cy - bar_h / 2.0),
                N(len),
                N(bar_h)
            );
            let inside = num(v, 0);
            if stacked && text::width_mm(&inside, LABEL_MM) + 1.2 <= len {
                let _ = writeln!(
                    out,
                    "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#fff\">{}</text>",
                    N(x + len / 2.0),
                    N(cy + MID),
                    Esc(&inside)
                );
            }
        }
        if b.best {
            let lw = text::width_bold_mm(&b.label, LABEL_MM) + 1.0;
            let _ = writeln!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{BEST_TINT}\"/>",
                N(right + 0.7),
                N(cy - 1.9),
                N(lw),
                N(3.8)
            );
        }
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\"{}>{}</text>",
            N(right + 1.2),
            N(cy + MID),
            if b.best { " font-weight=\"bold\"" } else { "" },
            Esc(&b.label)
        );
    }
    let bottom = top + pitch * bars.len() as f64;
    let _ = writeln!(
        out,
        "<path d=\"M{},{}V{}\" stroke=\"#000\" stroke-width=\"0.25\"/>",
        N(x0),
        N(top),
        N(bottom)
    );
    let mut h = bottom + 1.0;
    if more > 0 {
        let _ = writeln!(
            out,
            "<text x=\"0\" y=\"{}\" font-style=\"italic\">+{more} more scenarios</text>",
            N(bottom + BASE + 0.4)
        );
        h = bottom + ROW_H;
    }
    (out, h)
}

/// The height of a bar chart of `n` bars at `pitch`, with a key or not, `+N more` or not.
fn chart_h(n: usize, pitch: f64, keys: bool, more: bool) -> f64 {
    TITLE_H + if keys { ROW_H } else { 0.0 } + n as f64 * pitch + if more { ROW_H } else { 1.0 }
}

/// A step of 1, 2 or 5 × 10ⁿ near `raw`.
fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let m = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    m * mag
}

/// The plan's chart, `w` × `h`: each year's capital cost as a bar, the cumulative cost as a
/// line with a dot per year, an axis from 0 with its ticks. Its SVG.
fn plan_chart(plan: &Plan, currency: &str, w: f64, h: f64) -> String {
    let mut out = String::new();
    let cur = text::truncate(currency, HEADING_MM, 16.0);
    let _ = writeln!(
        out,
        "<text x=\"0\" y=\"4.3\" font-size=\"{}\" font-weight=\"bold\">{}</text>",
        N(HEADING_MM),
        Esc(&format!("Development plan: capex per year, {cur}"))
    );
    let years: Vec<(u32, f64)> = plan
        .years
        .iter()
        .map(|y| (y.year, if y.capex.is_finite() { y.capex } else { 0.0 }))
        .collect();
    let mut cumulative = Vec::with_capacity(years.len());
    let mut sum = 0.0;
    for &(_, c) in &years {
        sum += c;
        cumulative.push(sum);
    }
    // The key.
    let key_y = TITLE_H;
    let _ = writeln!(
        out,
        "<rect x=\"0\" y=\"{}\" width=\"4\" height=\"2.6\" fill=\"{CAPEX_FILL}\"/>",
        N(key_y + 0.5)
    );
    let _ = writeln!(
        out,
        "<text x=\"5\" y=\"{}\">the year's capex</text>",
        N(key_y + 2.9)
    );
    let kx = 5.0 + text::width_mm("the year's capex", LABEL_MM) + 4.0;
    let _ = writeln!(
        out,
        "<path d=\"M{},{}H{}\" stroke=\"{CUMULATIVE}\" stroke-width=\"0.5\"/>",
        N(kx),
        N(key_y + 1.8),
        N(kx + 5.0)
    );
    let _ = writeln!(
        out,
        "<circle cx=\"{}\" cy=\"{}\" r=\"0.8\" fill=\"{CUMULATIVE}\"/>",
        N(kx + 2.5),
        N(key_y + 1.8)
    );
    let last = cumulative.last().copied().unwrap_or(0.0);
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\">{}</text>",
        N(kx + 6.5),
        N(key_y + 2.9),
        Esc(&format!(
            "cumulative ({} {cur} by {})",
            num(last, 0),
            years.last().map_or_else(String::new, |y| y.0.to_string())
        ))
    );
    // The axis: ticks of a nice step covering 0 and every value.
    let hi = years
        .iter()
        .map(|y| y.1)
        .chain(cumulative.iter().copied())
        .fold(0.0, f64::max);
    let lo = years
        .iter()
        .map(|y| y.1)
        .chain(cumulative.iter().copied())
        .fold(0.0, f64::min);
    let step = nice_step((hi - lo) / 4.0);
    let (t0, t1) = ((lo / step).floor(), (hi / step).ceil().max(1.0));
    let (lo, hi) = (t0 * step, t1 * step);
    let ticks: Vec<f64> = (0..=((t1 - t0) as i64).clamp(0, 40))
        .map(|i| lo + i as f64 * step)
        .collect();
    let tick_w = ticks
        .iter()
        .map(|&t| text::width_mm(&num(t, 0), LABEL_MM))
        .fold(0.0, f64::max);
    let plot = Rect::new(
        tick_w + 2.0,
        key_y + ROW_H + 3.0,
        (w - tick_w - 2.0).max(10.0),
        (h - (key_y + ROW_H + 3.0) - 5.0).max(10.0),
    );
    let y_of = |v: f64| plot.bottom() - (v - lo) / (hi - lo) * plot.h;
    let mut grid = PathData::new();
    for &t in &ticks {
        let y = y_of(t);
        if t != 0.0 {
            grid.polyline([(plot.x, y), (plot.right(), y)], false);
        }
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            N(plot.x - 1.0),
            N(y + MID),
            num(t, 0)
        );
    }
    if !grid.is_empty() {
        let _ = writeln!(
            out,
            "<path d=\"{}\" fill=\"none\" stroke=\"#c8c8c8\" stroke-width=\"0.1\"/>",
            grid.as_str()
        );
    }
    let n = years.len().max(1);
    let slot = plot.w / n as f64;
    let bar_w = (slot * 0.55).min(14.0);
    let label_every = {
        let need = text::width_mm("0000", LABEL_MM) + 1.5;
        (need / slot).ceil().max(1.0) as usize
    };
    let zero = y_of(0.0);
    for (i, &(year, c)) in years.iter().enumerate() {
        let cx = plot.x + slot * (i as f64 + 0.5);
        let (top, len) = if c >= 0.0 {
            (y_of(c), zero - y_of(c))
        } else {
            (zero, y_of(c) - zero)
        };
        if len >= 0.005 {
            let _ = writeln!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{CAPEX_FILL}\"/>",
                N(cx - bar_w / 2.0),
                N(top),
                N(bar_w),
                N(len)
            );
        }
        let label = signed(c);
        let lw = text::width_mm(&label, LABEL_MM);
        if lw + 1.0 <= slot {
            // Inside a bar tall and wide enough (white, clear of the cumulative line's dot at
            // its end), else beyond its end: above a bar that rises, below one that falls.
            let inside = len >= 5.0 && lw + 1.0 <= bar_w;
            let (y, fill) = match (c >= 0.0, inside) {
                (true, true) => (y_of(c) + 3.4, " fill=\"#fff\""),
                (false, true) => (y_of(c) - 1.2, " fill=\"#fff\""),
                (true, false) => ((y_of(c) - 1.0).max(plot.y + 2.2), ""),
                (false, false) => ((y_of(c) + 3.0).min(plot.bottom() - 0.3), ""),
            };
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\"{fill}>{}</text>",
                N(cx),
                N(y),
                Esc(&label)
            );
        }
        if i % label_every == 0 {
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{year}</text>",
                N(cx),
                N(plot.bottom() + 3.6)
            );
        }
    }
    let _ = writeln!(
        out,
        "<path d=\"M{},{}H{}\" stroke=\"#000\" stroke-width=\"0.25\"/>",
        N(plot.x),
        N(zero),
        N(plot.right())
    );
    let _ = writeln!(
        out,
        "<path d=\"M{},{}V{}\" stroke=\"#000\" stroke-width=\"0.25\"/>",
        N(plot.x),
        N(plot.y),
        N(plot.bottom())
    );
    let mut line = PathData::new();
    line.polyline(
        cumulative
            .iter()
            .enumerate()
            .map(|(i, &s)| (plot.x + slot * (i as f64 + 0.5), y_of(s))),
        false,
    );
    if cumulative.len() > 1 {
        let _ = writeln!(
            out,
            "<path d=\"{}\" fill=\"none\" stroke=\"{CUMULATIVE}\" stroke-width=\"0.5\"/>",
            line.as_str()
        );
    }
    for (i, &s) in cumulative.iter().enumerate() {
        let _ = writeln!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"0.8\" fill=\"{CUMULATIVE}\"/>",
            N(plot.x + slot * (i as f64 + 0.5)),
            N(y_of(s))
        );
    }
    out
}

/// The notes: what the figures count, then the scenario file's warnings; as lines wrapped to
/// `w`.
fn notes(c: &ScenarioComparison<'_>, w: f64) -> Vec<String> {
    let e = &c.energy;
    let mut paras = vec![
        format!(
            "Each scenario is the project with its endpoints on the media its rules give, routed and checked as tailplan route does. Capex is everything the bill of materials prices, in {}, for the whole campus (not split per building).",
            c.currency
        ),
        format!(
            "Energy: the devices' PoE at the switch side (efficiency {} %), the switches' idle power and {} W per gateway, at a duty cycle of {}.",
            N(e.poe_efficiency * 100.0),
            N(e.gateway_w),
            N(e.duty_cycle)
        ),
    ];
    if c.plan.is_some() {
        paras.push(
            "Plan: a year's capex is the campus's capital cost after it less before it, at the project's prices (negative when it costs less than what it replaces); cumulative is the sum of the years so far.".to_owned(),
        );
    }
    paras.extend(c.warnings.iter().map(|w| format!("Scenario file: {w}")));
    let mut lines = Vec::new();
    for p in paras {
        lines.extend(text::wrap(&p, LABEL_MM, w));
    }
    lines
}

/// The notes panel: as many of `lines` as fit `max_h`. Its SVG and height.
fn notes_panel(lines: &[String], max_h: f64) -> Option<(String, f64)> {
    let fit = ((max_h - TITLE_H - 1.0) / 3.6).floor();
    if fit < 1.0 || lines.is_empty() {
        return None;
    }
    let fit = (fit as usize).min(lines.len());
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<text x=\"0\" y=\"4.3\" font-size=\"{}\" font-weight=\"bold\">Notes</text>",
        N(HEADING_MM)
    );
    let mut y = TITLE_H;
    for (i, l) in lines.iter().take(fit).enumerate() {
        y += 3.6;
        let cut = i + 1 == fit && fit < lines.len();
        let s = if cut { format!("{l} …") } else { l.clone() };
        let _ = writeln!(out, "<text x=\"0\" y=\"{}\">{}</text>", N(y), Esc(&s));
    }
    Some((out, y + 1.0))
}

/// A panel saying that a table does not fit `paper`, `max_w` wide: its SVG, width and height.
fn no_room(title: &str, paper: Paper, max_w: f64) -> (String, f64, f64) {
    let line = text::truncate(
        &format!("Does not fit {paper}: choose a larger paper, or see tailplan scenarios."),
        LABEL_MM,
        max_w,
    );
    let svg = format!(
        "<text x=\"0\" y=\"4.3\" font-size=\"{}\" font-weight=\"bold\">{}</text>\n<text x=\"0\" y=\"9.9\">{}</text>\n",
        N(HEADING_MM),
        Esc(&text::truncate(title, HEADING_MM * 1.08, max_w)),
        Esc(&line)
    );
    (svg, max_w, 12.0)
}

/// The panels of a sheet being laid out: their SVG, each one's id and place.
struct Panels<'p> {
    page: &'p mut Page,
    svg: String,
    placed: Vec<(String, Rect)>,
}

impl Panels<'_> {
    /// Places `svg`, `w` × `h`, at (x, y) in a group with an id made from `id`.
    fn put(&mut self, id: &str, x: f64, y: f64, (w, h): (f64, f64), svg: &str) {
        let id = self.page.ids.unique(id);
        let _ = writeln!(
            self.svg,
            "<g id=\"{id}\" transform=\"translate({} {})\">",
            N(x),
            N(y)
        );
        self.svg.push_str(svg);
        self.svg.push_str("</g>\n");
        self.placed.push((id, Rect::new(x, y, w, h)));
    }
}

/// The scenario comparison sheet of `comparison`, on `options.paper` (A3 when `None`), dated
/// `options.date`; `meta` fills the title block. Not to scale: `options.scale` is not used.
pub(crate) fn scenario_sheet(
    meta: &ProjectMeta,
    comparison: &ScenarioComparison<'_>,
    options: &SheetOptions,
) -> Sheet {
    draw(meta, comparison, options).0
}

/// The sheet, and where each panel went (its id and rectangle on the paper).
fn draw(
    meta: &ProjectMeta,
    comparison: &ScenarioComparison<'_>,
    options: &SheetOptions,
) -> (Sheet, Vec<(String, Rect)>) {
    let paper = options.paper.unwrap_or(Paper::A3);
    let mut page = Page::new(paper);
    let area = layout::inner(paper);
    let tb = layout::title_block(paper);
    // Left, the tables over the whole height; right, the charts above the title block.
    let left = Rect::new(area.x, area.y, tb.x - GAP - area.x, area.h);
    let right = Rect::new(tb.x, area.y, area.right() - tb.x, tb.y - GAP - area.y);
    let scenarios = comparison.scenarios;
    let currency = comparison.currency;
    let mut p = Panels {
        page: &mut page,
        svg: String::new(),
        placed: Vec::new(),
    };
    let mut ly = left.y;
    let mut ry = right.y;

    if scenarios.is_empty() {
        let svg = format!(
            "<text x=\"0\" y=\"4.3\" font-size=\"{}\" font-weight=\"bold\">Scenarios compared</text>\n<text x=\"0\" y=\"9.9\">No scenario to compare.</text>\n",
            N(HEADING_MM)
        );
        p.put("table-scenarios", left.x, ly, (60.0, 12.0), &svg);
        ly += 12.0 + GAP;
    } else {
        // The comparison, its key under it.
        let grid = comparison_grid(scenarios, currency, left.w);
        let h = grid.height();
        p.put(
            "table-scenarios",
            left.x,
            ly,
            (grid.width(), h),
            &grid.render(),
        );
        let (key, kh) = comparison_key(left.w);
        p.put("key-scenarios", left.x, ly + h + 1.5, (left.w, kh), &key);
        ly += h + 1.5 + kh + GAP;

        // The plan's table is measured first: the buildings take what it leaves.
        let plan_part = comparison.plan.map(|plan| {
            let room = (left.bottom() - ly) * 0.5;
            plan_table(plan, currency, left.w, room.max(TITLE_H + 4.0 * ROW_H))
        });
        // Too wide for the paper: a line that says so instead.
        let plan_part = plan_part.map(|t| {
            if t.1 <= left.w {
                t
            } else {
                no_room("Development plan", paper, left.w)
            }
        });
        let plan_h = plan_part.as_ref().map_or(0.0, |t| t.2 + GAP);
        let room = left.bottom() - ly - plan_h;
        if !building_names(scenarios).is_empty() {
            let (svg, w, h) = match building_grid(scenarios, &meta.building, left.w, room) {
                Some(g) => (g.render(), g.width(), g.height()),
                None => no_room("Per building", paper, left.w),
            };
            if h <= room {
                p.put("table-buildings", left.x, ly, (w, h), &svg);
                ly += h + GAP;
            }
        }
        if let Some((svg, w, h)) = plan_part {
            p.put("table-plan", left.x, ly, (w, h), &svg);
            ly += h + GAP;
        }

        // The charts: as close as they must be to fit above the plan's chart.
        let plan_chart_h = comparison
            .plan
            .map_or(0.0, |_| (right.h * 0.36).clamp(45.0, 90.0));
        let n = scenarios.len();
        let fixed = chart_h(0, 0.0, false, false) * 3.0
            + ROW_H
            + 2.0 * GAP
            + if plan_chart_h > 0.0 {
                plan_chart_h + GAP
            } else {
                0.0
            };
        let avail = right.h - fixed;
        let mut pitch = (avail / (3 * n) as f64).clamp(PITCH_MIN, PITCH_MAX);
        let mut shown = n;
        if avail / ((3 * n) as f64) < PITCH_MIN {
            pitch = PITCH_MIN;
            let more_h = 3.0 * (ROW_H - 1.0);
            shown = (((avail - more_h) / (3.0 * PITCH_MIN)).floor().max(1.0) as usize).min(n);
        }
        let more = n - shown;
        let list = &scenarios[..shown];
        let capex: Vec<f64> = scenarios
            .iter()
            .map(|s| s.totals.capex.unwrap_or(f64::NAN))
            .collect();
        let energy: Vec<f64> = scenarios
            .iter()
            .map(|s| s.totals.energy_kwh_per_year)
            .collect();
        let ports: Vec<f64> = scenarios
            .iter()
            .map(|s| {
                let t = &s.totals.ports;
                (t.cat6a + t.spe + t.fiber) as f64
            })
            .collect();
        let (best_capex, best_energy, best_ports) =
            (lowest(&capex), lowest(&energy), lowest(&ports));
        let bars = |values: &[f64], best: &[bool], fill: &'static str| -> Vec<Bar> {
            list.iter()
                .enumerate()
                .map(|(i, s)| Bar {
                    name: s.name.clone(),
                    parts: vec![(values[i], fill)],
                    label: num(values[i], 0),
                    best: best[i],
                })
                .collect()
        };
        let cur = text::truncate(currency, HEADING_MM, 16.0);
        let (svg, h) = bar_chart(
            &format!("Capex, {cur}"),
            &[],
            &bars(&capex, &best_capex, CAPEX_FILL),
            more,
            right.w,
            pitch,
        );
        p.put("chart-capex", right.x, ry, (right.w, h), &svg);
        ry += h + GAP;
        let port_bars: Vec<Bar> = list
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let t = &s.totals.ports;
                Bar {
                    name: s.name.clone(),
                    parts: vec![
                        (t.cat6a as f64, style::medium_colour(Medium::Cat6a)),
                        (t.spe as f64, style::medium_colour(Medium::Spe)),
                        (t.fiber as f64, style::medium_colour(Medium::Fiber)),
                    ],
                    label: count(t.cat6a + t.spe + t.fiber),
                    best: best_ports[i],
                }
            })
            .collect();
        let (svg, h) = bar_chart(
            "Ports, by medium",
            &[
                ("Cat6A", style::medium_colour(Medium::Cat6a)),
                ("SPE", style::medium_colour(Medium::Spe)),
                ("Fibre", style::medium_colour(Medium::Fiber)),
            ],
            &port_bars,
            more,
            right.w,
            pitch,
        );
        p.put("chart-ports", right.x, ry, (right.w, h), &svg);
        ry += h + GAP;
        let (svg, h) = bar_chart(
            "Energy, kWh per year",
            &[],
            &bars(&energy, &best_energy, ENERGY_FILL),
            more,
            right.w,
            pitch,
        );
        p.put("chart-energy", right.x, ry, (right.w, h), &svg);
        ry += h + GAP;
        if let Some(plan) = comparison.plan {
            let h = plan_chart_h.min(right.bottom() - ry);
            if h >= 30.0 {
                let svg = plan_chart(plan, currency, right.w, h);
                p.put("chart-plan", right.x, ry, (right.w, h), &svg);
                ry += h + GAP;
            }
        }
    }

    // The notes where there is the most room left.
    let (nx, ny, nw, nh) = if left.bottom() - ly >= right.bottom() - ry {
        (left.x, ly, left.w.min(200.0), left.bottom() - ly)
    } else {
        (right.x, ry, right.w, right.bottom() - ry)
    };
    let lines = notes(comparison, nw);
    if let Some((svg, h)) = notes_panel(&lines, nh) {
        p.put("notes", nx, ny, (nw, h), &svg);
    }
    let (panels, placed) = (p.svg, p.placed);

    let info = TitleInfo {
        title: "Scenario comparison".to_owned(),
        number: "TP-SCN".to_owned(),
        scale: None,
        plan: false,
        paper,
        date: options.date.clone(),
        building: meta.building.clone(),
    };
    let svg = page.finish(&panels, meta, &info, 1, 1);
    (
        Sheet {
            name: "scenarios".to_owned(),
            number: info.number,
            title: info.title,
            svg,
            view: None,
        },
        placed,
    )
}

#[cfg(test)]
mod tests {
    use tailplan_core::scenario::{BuildingTotals, FindingCounts, PerWired, PlanYear, Totals};

    use super::*;

    /// A scenario of `capex` and `energy`, with ports and metres per medium, in `buildings`.
    fn scenario(
        name: &str,
        capex: f64,
        energy: f64,
        unserved: u64,
        buildings: usize,
    ) -> ScenarioResult {
        #[allow(
            clippy::needless_update,
            reason = "members that `Totals` gains are left at their defaults"
        )]
        let totals = Totals {
            ports: PerWired {
                cat6a: 40,
                spe: 12,
                fiber: 2,
            },
            cable_m: PerWired {
                cat6a: 1234.5,
                spe: 80.0,
                fiber: 0.0,
            },
            unserved,
            switches: 3,
            poe_w: 412.5,
            gateways: 2,
            aps: 9,
            capex: Some(capex),
            energy_kwh_per_year: energy,
            ..Totals::default()
        };
        ScenarioResult {
            name: name.to_owned(),
            by_building: (0..buildings)
                .map(|i| BuildingTotals {
                    building: format!("Building {i}"),
                    totals: Totals {
                        capex: None,
                        ..totals.clone()
                    },
                })
                .collect(),
            totals,
            by_distributor: Vec::new(),
            findings: FindingCounts {
                errors: unserved,
                warnings: 4,
                ..FindingCounts::default()
            },
            changed: 0,
        }
    }

    fn draw_with(
        scenarios: &[ScenarioResult],
        plan: Option<&Plan>,
        paper: Option<Paper>,
    ) -> (Sheet, Vec<(String, Rect)>) {
        let comparison = ScenarioComparison {
            scenarios,
            currency: "EUR",
            plan,
            energy: EnergyOptions::default(),
            warnings: &["rule 1 matches nothing: no device of class \"camera\"".to_owned()],
        };
        let options = SheetOptions {
            paper,
            ..SheetOptions::dated("2025-01-31")
        };
        draw(&ProjectMeta::default(), &comparison, &options)
    }

    /// The SVG of the group `id` (up to its closing tag; groups are not nested in panels).
    fn group<'a>(svg: &'a str, id: &str) -> &'a str {
        let start = svg
            .find(&format!("<g id=\"{id}\""))
            .unwrap_or_else(|| panic!("no group {id}"));
        let end = svg[start..]
            .find("</g>\n<g id=")
            .map_or(svg.len(), |e| start + e);
        &svg[start..end]
    }

    /// The widths of the `<rect>`s of `fill` in `svg`.
    fn widths(svg: &str, fill: &str) -> Vec<f64> {
        svg.lines()
            .filter(|l| l.starts_with("<rect") && l.contains(&format!("fill=\"{fill}\"")))
            .map(|l| {
                let w = l.split("width=\"").nth(1).unwrap();
                w[..w.find('"').unwrap()].parse().unwrap()
            })
            .collect()
    }

    /// Well-formed, no number that is not one, every panel inside the frame and off the
    /// title block, and no two panels overlapping.
    fn check(sheet: &Sheet, placed: &[(String, Rect)], paper: Paper) {
        usvg::Tree::from_str(&sheet.svg, &usvg::Options::default())
            .unwrap_or_else(|e| panic!("not SVG: {e}"));
        for bad in ["NaN", "inf", "=\"-0\""] {
            assert!(!sheet.svg.contains(bad), "{bad} in the sheet");
        }
        let frame = layout::frame(paper);
        let tb = layout::title_block(paper);
        for (i, (id, r)) in placed.iter().enumerate() {
            assert!(frame.contains(r), "{id} {r:?} leaves the frame");
            assert!(!r.overlaps(&tb), "{id} {r:?} is on the title block");
            for (other, o) in &placed[i + 1..] {
                assert!(!r.overlaps(o), "{id} {r:?} on {other} {o:?}");
            }
        }
    }

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(num(12345.4, 0), "12,345");
        assert_eq!(num(1234.56, 1), "1,234.6");
        assert_eq!(num(-80.0, 0), "-80");
        assert_eq!(num(-0.2, 0), "0");
        assert_eq!(num(999.0, 0), "999");
        assert_eq!(num(1_000_000.0, 0), "1,000,000");
        assert_eq!(num(f64::NAN, 0), "—");
        assert_eq!(signed(1500.0), "+1,500");
        assert_eq!(signed(-3.0), "-3");
        assert_eq!(signed(0.0), "0");
    }

    #[test]
    fn values_are_text_the_lowest_is_marked_and_unserved_is_red() {
        let list = [
            scenario("as-drawn", 52_000.0, 3000.0, 0, 2),
            scenario("all-copper", 61_250.0, 3600.0, 0, 2),
            scenario("wireless-first", 48_000.0, 2500.0, 3, 2),
        ];
        let (sheet, placed) = draw_with(&list, None, None);
        check(&sheet, &placed, Paper::A3);
        let table = group(&sheet.svg, "table-scenarios");
        for text in [
            "52,000", "61,250", ">48,000<", "1,235", "412.5", "0 / 4", "3 / 4",
        ] {
            assert!(table.contains(text), "{text} missing");
        }
        // The cheapest capex and the least energy: bold on the tint; the unserved in red.
        assert!(table.contains(&format!("fill=\"{BEST_TINT}\"")));
        assert!(
            table.contains("font-weight=\"bold\">48,000<"),
            "the lowest capex in bold"
        );
        assert!(table.contains("font-weight=\"bold\">2,500<"));
        assert!(table.contains(&format!("font-weight=\"bold\" fill=\"{FLAG}\">3<")));
        assert!(!table.contains("font-weight=\"bold\">61,250<"));
        // Equal in every scenario: nothing marked (switches are 3 everywhere).
        assert!(!table.contains("font-weight=\"bold\">3<"));
        // The lowest capex is the bold label in the chart too.
        assert!(group(&sheet.svg, "chart-capex").contains("font-weight=\"bold\">48,000<"));
        // The title block.
        assert!(sheet.svg.contains(">Scenario comparison<") && sheet.svg.contains(">TP-SCN<"));
        assert!(sheet.svg.contains("width=\"420mm\" height=\"297mm\""));
        assert!(sheet.svg.contains("Scenario file: rule 1 matches nothing"));
    }

    #[test]
    fn hostile_and_long_names_are_escaped_text_shortened_to_their_column() {
        let long = "a scenario whose name goes on and on far beyond any column of the sheet";
        let list = [
            scenario("<script>&\"", 1000.0, 10.0, 0, 1),
            scenario(long, 2000.0, 20.0, 0, 1),
        ];
        let (sheet, placed) = draw_with(&list, None, None);
        check(&sheet, &placed, Paper::A3);
        assert!(sheet.svg.contains("&lt;script&gt;&amp;&quot;"));
        assert!(!sheet.svg.contains("<script"));
        assert!(!sheet.svg.contains(long), "the long name is shortened");
        assert!(sheet.svg.contains("a scenario whose"));
        assert!(sheet.svg.contains('…'));
    }

    #[test]
    fn bars_are_proportional_from_zero() {
        let list = [
            scenario("a", 30_000.0, 100.0, 0, 1),
            scenario("b", 60_000.0, 400.0, 0, 1),
            scenario("c", 45_000.0, 0.0, 0, 1),
        ];
        let (sheet, _) = draw_with(&list, None, None);
        let capex = widths(group(&sheet.svg, "chart-capex"), CAPEX_FILL);
        assert_eq!(capex.len(), 3);
        assert!((capex[1] / capex[0] - 2.0).abs() < 1e-3, "{capex:?}");
        assert!((capex[2] / capex[0] - 1.5).abs() < 1e-3, "{capex:?}");
        // A zero has no bar; the others are in proportion.
        let energy = widths(group(&sheet.svg, "chart-energy"), ENERGY_FILL);
        assert_eq!(energy.len(), 2);
        assert!((energy[1] / energy[0] - 4.0).abs() < 1e-3, "{energy:?}");
        // Ports stacked: 40 + 12 + 2 in every bar, the parts in proportion.
        let ports = group(&sheet.svg, "chart-ports");
        let cu = widths(ports, style::medium_colour(Medium::Cat6a));
        let spe = widths(ports, style::medium_colour(Medium::Spe));
        let fibre = widths(ports, style::medium_colour(Medium::Fiber));
        // The key's swatch is the first of each colour.
        assert_eq!((cu.len(), spe.len(), fibre.len()), (4, 4, 4));
        assert!((cu[1] / spe[1] - 40.0 / 12.0).abs() < 1e-2);
        assert!((cu[1] / fibre[1] - 20.0).abs() < 0.1);
    }

    #[test]
    fn zero_single_and_no_scenario_draw_without_nan() {
        let zero = scenario("nothing", 0.0, 0.0, 0, 0);
        let zero = ScenarioResult {
            totals: Totals::default(),
            ..zero
        };
        for list in [vec![zero.clone()], vec![zero.clone(), zero], Vec::new()] {
            let (sheet, placed) = draw_with(&list, None, None);
            check(&sheet, &placed, Paper::A3);
        }
        let (sheet, _) = draw_with(&[], None, None);
        assert!(sheet.svg.contains("No scenario to compare."));
        // One scenario: its bar fills the width, nothing is marked best.
        let (sheet, placed) = draw_with(&[scenario("only", 5.0, 5.0, 0, 1)], None, None);
        check(&sheet, &placed, Paper::A3);
        for g in [
            "table-scenarios",
            "chart-capex",
            "chart-energy",
            "chart-ports",
        ] {
            assert!(!group(&sheet.svg, g).contains(BEST_TINT), "{g}");
        }
        assert_eq!(
            widths(group(&sheet.svg, "chart-capex"), CAPEX_FILL).len(),
            1
        );
    }

    fn plan(years: u32) -> Plan {
        let t = scenario("x", 1000.0, 1.0, 0, 0).totals;
        Plan {
            start: t.clone(),
            start_by_building: Vec::new(),
            years: (0..years)
                .map(|i| PlanYear {
                    year: 2027 + i,
                    phases: vec![format!("phase <{i}>")],
                    capex: if i == 1 { -250.0 } else { 1500.0 },
                    totals: t.clone(),
                    by_building: Vec::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn the_plan_is_a_table_and_a_chart() {
        let list = [
            scenario("as-drawn", 52_000.0, 3000.0, 0, 2),
            scenario("spe-sensors", 50_000.0, 2900.0, 0, 2),
        ];
        let p = plan(3);
        let (sheet, placed) = draw_with(&list, Some(&p), None);
        check(&sheet, &placed, Paper::A3);
        let table = group(&sheet.svg, "table-plan");
        for text in [
            "Development plan",
            "2027",
            "phase &lt;0&gt;",
            "+1,500",
            "-250",
            "1,250",
            "2,750",
        ] {
            assert!(table.contains(text), "{text} missing");
        }
        let chart = group(&sheet.svg, "chart-plan");
        assert_eq!(
            widths(chart, CAPEX_FILL).len(),
            4,
            "the key and three years"
        );
        assert!(chart.contains(&format!("stroke=\"{CUMULATIVE}\"")));
        assert!(chart.contains("cumulative (2,750 EUR by 2029)"));
        // Without a plan, neither.
        let (sheet, _) = draw_with(&list, None, None);
        assert!(!sheet.svg.contains("table-plan") && !sheet.svg.contains("chart-plan"));
    }

    #[test]
    fn what_does_not_fit_is_cut_and_says_so() {
        // 32 scenarios of 25 buildings, a plan of 40 years: on A3 and on A4.
        let list: Vec<ScenarioResult> = (0..32)
            .map(|i| scenario(&format!("scenario {i}"), 1000.0 + f64::from(i), 5.0, 0, 25))
            .collect();
        let p = plan(40);
        for paper in [Paper::A3, Paper::A4, Paper::A1] {
            let (sheet, placed) = draw_with(&list, Some(&p), Some(paper));
            check(&sheet, &placed, paper);
            assert!(sheet.svg.contains("more scenarios"), "{paper}");
        }
        let (sheet, _) = draw_with(&list, Some(&p), None);
        assert!(sheet.svg.contains("more buildings") && sheet.svg.contains("more years"));
        // Ten buildings and four scenarios fit A3 whole.
        let list: Vec<ScenarioResult> = (0..4)
            .map(|i| scenario(&format!("scenario {i}"), 1000.0, 5.0, 0, 10))
            .collect();
        let (sheet, placed) = draw_with(&list, Some(&plan(4)), None);
        check(&sheet, &placed, Paper::A3);
        assert!(!sheet.svg.contains("more"), "nothing cut");
        assert!(group(&sheet.svg, "table-buildings").contains("Building 9"));
    }
}
