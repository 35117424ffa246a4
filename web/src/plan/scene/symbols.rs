//! Equipment symbols and their labels.

use std::collections::BTreeMap;

use crate::plan::display::{Align, DisplayList, LineCap, Path, Stroke, Text};
use crate::plan::labels::{LabelPlacer, Rect};
use crate::plan::style::{self, SymbolKind, SymbolShape};

use super::SymbolItem;

/// Draws symbols batched by kind: one fill and one stroke per kind.
pub(super) fn draw_symbols(
    list: &mut DisplayList,
    symbols: &[(&SymbolItem, f64, f64)],
    radius: f64,
) {
    let mut by_kind: BTreeMap<SymbolKind, (Path, Path)> = BTreeMap::new();
    for (s, x, y) in symbols {
        let st = s.kind.style();
        let r = radius * st.size;
        let (shape, extra) = by_kind.entry(s.kind).or_default();
        match st.shape {
            SymbolShape::Circle => shape.circle(*x, *y, r),
            SymbolShape::CircleCross => {
                shape.circle(*x, *y, r);
                let d = r * std::f64::consts::FRAC_1_SQRT_2;
                extra.polyline([(x - d, y - d), (x + d, y + d)]);
                extra.polyline([(x - d, y + d), (x + d, y - d)]);
            }
            SymbolShape::Diamond => {
                let r = r * 1.15;
                shape.ring([(*x, y - r), (x + r, *y), (*x, y + r), (x - r, *y)]);
            }
            SymbolShape::Triangle => {
                let r = r * 1.2;
                let h = r * 0.5;
                let w = r * 0.866;
                shape.ring([(*x, y - r), (x + w, y + h), (x - w, y + h)]);
            }
            SymbolShape::Square => shape.rect(x - r, y - r, 2.0 * r, 2.0 * r),
        }
        if st.center_dot {
            extra.circle(*x, *y, (r * 0.3).max(1.5));
        }
    }
    for (kind, (shape, extra)) in by_kind {
        let st = kind.style();
        list.fill_stroke(shape, st.fill, Stroke::solid(st.stroke, st.stroke_px));
        if st.center_dot {
            list.fill(extra, st.stroke);
        } else {
            list.stroke(
                extra,
                Stroke::solid(st.stroke, st.stroke_px).capped(LineCap::Round),
            );
        }
    }
}

/// Labels equipment to the right of (or else left of, above, below) its symbol.
pub(super) fn label_symbols(
    list: &mut DisplayList,
    symbols: &[(&SymbolItem, f64, f64)],
    radius: f64,
    placer: &mut LabelPlacer,
) {
    let size = style::LABEL_PX - 0.5;
    // Access points first: they matter most on a Wi-Fi plan.
    let mut order: Vec<&(&SymbolItem, f64, f64)> = symbols.iter().collect();
    order.sort_by_key(|(s, _, _)| match s.kind {
        SymbolKind::AccessPoint => 0,
        SymbolKind::Gateway => 1,
        SymbolKind::Riser | SymbolKind::Rack => 2,
        SymbolKind::Device(_) => 3,
        SymbolKind::Outlet => 4,
    });
    for (s, x, y) in order {
        if s.label.trim().is_empty() {
            continue;
        }
        let w = style::text_width_px(&s.label, size);
        let h = size * 1.3;
        let r = radius * s.kind.style().size + 3.0;
        let candidates = [
            (x + r + w / 2.0, *y),
            (x - r - w / 2.0, *y),
            (*x, y - r - h / 2.0),
            (*x, y + r + h / 2.0),
        ];
        for (cx, cy) in candidates {
            if placer.place(Rect::centered(cx, cy, w, h)) {
                list.text(Text {
                    text: s.label.clone(),
                    x: cx,
                    y: cy,
                    size_px: size,
                    bold: false,
                    color: style::SYMBOL_LABEL,
                    halo: Some(style::HALO),
                    align: Align::Center,
                });
                break;
            }
        }
    }
}
