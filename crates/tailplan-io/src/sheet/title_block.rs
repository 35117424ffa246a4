//! The title block (after ISO 7200): 180 mm wide in the bottom right corner, with the north
//! arrow and the scale bar on top, then the project and building, the sheet's title, and the
//! fields a drawing register needs: date, revision, drawn by, paper, drawing number, sheet n
//! of m, scale.

use std::fmt::Write as _;

use tailplan_core::ProjectMeta;

use super::layout::{Rect, TITLE_BLOCK_H};
use super::paper::{Paper, Scale};
use super::scale_bar::{north_arrow, scale_bar};
use super::text::{self, SMALL_MM, TITLE_MM, VALUE_MM};
use super::xml::{Esc, N, PathData};

/// What the title block of one sheet says.
#[derive(Debug, Clone)]
pub(crate) struct TitleInfo {
    /// The sheet's title (`Ground floor: cabling`).
    pub title: String,
    /// The drawing number (`TP-CAB-0`).
    pub number: String,
    /// The plan's scale; `None` for sheets without a plan.
    pub scale: Option<Scale>,
    /// True when the sheet has a plan (north arrow).
    pub plan: bool,
    /// The paper.
    pub paper: Paper,
    /// The date, as given.
    pub date: String,
    /// The building the sheet shows (the floor's; the project's `meta.building` for sheets of
    /// several buildings or of one unnamed building).
    pub building: String,
}

/// Row tops and heights inside the block, millimetres.
const ROWS: [(f64, f64); 5] = [
    (0.0, 16.0),
    (16.0, 11.0),
    (27.0, 11.0),
    (38.0, 9.0),
    (47.0, 9.0),
];

fn caption(out: &mut String, x: f64, y: f64, s: &str) {
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" fill=\"#555\">{}</text>",
        N(x),
        N(y),
        Esc(s)
    );
}

fn value(out: &mut String, x: f64, y: f64, s: &str, size: f64, max_w: f64, bold: bool) {
    let (s, size) = text::fit(s, size, max_w);
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{}>{}</text>",
        N(x),
        N(y),
        N(size),
        if bold { " font-weight=\"bold\"" } else { "" },
        Esc(&s)
    );
}

/// The title block drawn in `r` for sheet `n` of `m`.
pub(crate) fn title_block(
    r: Rect,
    meta: &ProjectMeta,
    info: &TitleInfo,
    n: usize,
    m: usize,
) -> String {
    debug_assert!((r.h - TITLE_BLOCK_H).abs() < 1e-9);
    let mut out = String::new();
    let _ = writeln!(out, "<g id=\"title-block\" font-size=\"{}\">", N(SMALL_MM));
    let _ = writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"0.5\"/>",
        N(r.x),
        N(r.y),
        N(r.w),
        N(r.h)
    );
    let mut rules = PathData::new();
    for &(top, _) in &ROWS[1..] {
        rules.polyline([(r.x, r.y + top), (r.right(), r.y + top)], false);
    }
    let arrow_w = 20.0;
    if info.plan {
        rules.polyline(
            [(r.x + arrow_w, r.y), (r.x + arrow_w, r.y + ROWS[1].0)],
            false,
        );
    }
    let split2 = r.w * 0.6;
    rules.polyline(
        [
            (r.x + split2, r.y + ROWS[1].0),
            (r.x + split2, r.y + ROWS[2].0),
        ],
        false,
    );
    let quarter = r.w / 4.0;
    for row in [3, 4] {
        let (top, h) = ROWS[row];
        for k in 1..4 {
            let x = r.x + quarter * k as f64;
            rules.polyline([(x, r.y + top), (x, r.y + top + h)], false);
        }
    }
    let _ = writeln!(
        out,
        "<path d=\"{}\" fill=\"none\" stroke=\"#000\" stroke-width=\"0.25\"/>",
        rules.as_str()
    );

    // Row 1: north arrow and scale bar.
    let (top, _) = ROWS[0];
    let left = if info.plan {
        out.push_str(&north_arrow(r.x + arrow_w / 2.0, r.y + top + 9.0));
        r.x + arrow_w
    } else {
        r.x
    };
    match info.scale {
        Some(s) => {
            caption(
                &mut out,
                left + 3.0,
                r.y + top + 3.6,
                &format!("SCALE {s} AT {} (1 mm = {} mm)", info.paper, s.0),
            );
            let (bar, _) = scale_bar(s, left + 6.0, r.y + top + 6.2);
            out.push_str(&bar);
        }
        None => {
            caption(&mut out, left + 3.0, r.y + top + 3.6, "SCALE");
            value(
                &mut out,
                left + 3.0,
                r.y + top + 10.5,
                "Not to scale",
                VALUE_MM,
                r.right() - left - 6.0,
                false,
            );
        }
    }

    // Row 2: project and building.
    let (top, _) = ROWS[1];
    caption(&mut out, r.x + 2.0, r.y + top + 3.2, "PROJECT");
    value(
        &mut out,
        r.x + 2.0,
        r.y + top + 8.8,
        &meta.name,
        VALUE_MM,
        split2 - 4.0,
        true,
    );
    caption(&mut out, r.x + split2 + 2.0, r.y + top + 3.2, "BUILDING");
    value(
        &mut out,
        r.x + split2 + 2.0,
        r.y + top + 8.8,
        &info.building,
        VALUE_MM,
        r.w - split2 - 4.0,
        false,
    );

    // Row 3: the sheet's title.
    let (top, _) = ROWS[2];
    caption(&mut out, r.x + 2.0, r.y + top + 3.2, "SHEET");
    value(
        &mut out,
        r.x + 2.0,
        r.y + top + 9.4,
        &info.title,
        TITLE_MM,
        r.w - 4.0,
        true,
    );

    // Rows 4 and 5: the fields.
    let fields: [[(&str, String); 4]; 2] = [
        [
            ("DATE", info.date.clone()),
            ("REVISION", meta.revision.clone()),
            ("DRAWN BY", meta.drawn_by.clone()),
            ("PAPER", format!("{} landscape", info.paper)),
        ],
        [
            ("DRAWING NO.", info.number.clone()),
            ("SHEET", format!("{n} of {m}")),
            (
                "SCALE",
                info.scale.map_or_else(|| "—".to_owned(), |s| s.to_string()),
            ),
            ("MADE WITH", "tailplan".to_owned()),
        ],
    ];
    for (row, cells) in fields.iter().enumerate() {
        let (top, _) = ROWS[3 + row];
        for (k, (cap, val)) in cells.iter().enumerate() {
            let x = r.x + quarter * k as f64 + 1.5;
            caption(&mut out, x, r.y + top + 3.0, cap);
            value(
                &mut out,
                x,
                r.y + top + 7.9,
                if val.is_empty() { "—" } else { val },
                VALUE_MM,
                quarter - 3.0,
                false,
            );
        }
    }
    out.push_str("</g>\n");
    out
}
