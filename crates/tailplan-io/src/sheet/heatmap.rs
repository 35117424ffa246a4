//! The coverage heatmap as vector bands, and its colour legend.
//!
//! For each threshold, strongest last, the region of the best-server map at or above it
//! ([`super::contour`]) is filled over the previous ones, on a base of the "below every
//! threshold" colour: the bands read from the weakest to the strongest. The whole heatmap is
//! clipped to the floor's rooms (`<clipPath>`), so corridors and offices show coverage and the
//! outside of the building does not. Rings are simplified to 0.1 mm of paper.

use std::fmt::Write as _;

use tailplan_core::Floor;
use tailplan_core::coverage::{AreaKind, Service};

use super::analysis::FloorCoverage;
use super::contour::{Samples, region_rings, simplify};
use super::plan::View;
use super::style;
use super::symbols::tech_name;
use super::text::{self, HEADING_MM, LABEL_MM};
use super::xml::{Esc, Ids, N, PathData};

/// Simplification tolerance on paper, millimetres.
const TOLERANCE_MM: f64 = 0.1;

/// The service's name for people: `Wi-Fi 5 GHz`, `BLE`.
pub(crate) fn service_name(s: Service) -> String {
    match s {
        Service::Wifi(b) => format!("Wi-Fi {} GHz", b.as_str()),
        Service::Iot(t) => tech_name(t).to_owned(),
    }
}

/// The heatmap's defs (the clip path) and its body, for `floor` drawn through `view`.
pub(crate) fn heatmap(
    cov: &FloorCoverage,
    floor: &Floor,
    view: &View,
    ids: &mut Ids,
) -> (String, String, Option<String>) {
    let g = &cov.maps.grid;
    let samples = Samples {
        origin: g.bbox.min,
        cell_m: g.cell_m,
        cols: g.cols,
        rows: g.rows,
        values: &cov.maps.best_rssi_dbm,
    };
    let tol = TOLERANCE_MM / view.k;
    let (fills, below) = style::band_colours(cov.thresholds_dbm.len());
    let mut body = String::new();
    // The base: the whole grid in the "below" colour.
    let mut base = PathData::new();
    let (x0, y0) = view.p(g.bbox.min);
    let far = tailplan_core::Point::new(
        g.bbox.min.x + g.cols as f64 * g.cell_m,
        g.bbox.min.y + g.rows as f64 * g.cell_m,
    );
    let (x1, y1) = view.p(far);
    base.polyline([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], true);
    let _ = writeln!(body, "<path d=\"{}\" fill=\"{below}\"/>", base.as_str());
    // Weakest threshold first, so that stronger bands paint over it.
    for (t, fill) in cov.thresholds_dbm.iter().zip(&fills).rev() {
        let mut d = PathData::new();
        for ring in region_rings(&samples, *t) {
            let ring = simplify(&ring, tol);
            if ring.len() < 3 {
                continue;
            }
            d.polyline(ring.iter().map(|&p| view.p(p)), true);
        }
        if !d.is_empty() {
            let _ = writeln!(
                body,
                "<path d=\"{}\" fill=\"{fill}\" fill-rule=\"evenodd\"><title>{}</title></path>",
                d.as_str(),
                Esc(&format!("≥ {} dBm", N(*t)))
            );
        }
    }
    // Clip to the rooms (the grid's box when the floor has none).
    if floor.rooms.is_empty() {
        return (String::new(), body, None);
    }
    let clip = ids.unique("clip-rooms");
    let mut d = PathData::new();
    for r in &floor.rooms {
        d.polyline(r.polygon.exterior.iter().map(|&p| view.p(p)), true);
        for h in &r.polygon.holes {
            d.polyline(h.iter().map(|&p| view.p(p)), true);
        }
    }
    let defs = format!(
        "<clipPath id=\"{clip}\"><path d=\"{}\" clip-rule=\"evenodd\"/></clipPath>\n",
        d.as_str()
    );
    (defs, body, Some(clip))
}

/// The colour legend of the bands, with the share of the floor's area in each: its SVG from
/// (0, 0), width and height.
pub(crate) fn colour_legend(cov: &FloorCoverage) -> (String, f64, f64) {
    let (fills, below) = style::band_colours(cov.thresholds_dbm.len());
    let title = format!("Coverage: {}, best server", service_name(cov.service));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<text x=\"0\" y=\"4.3\" font-size=\"{}\" font-weight=\"bold\">{}</text>",
        N(HEADING_MM),
        Esc(&title)
    );
    let mut w = text::width_bold_mm(&title, HEADING_MM);
    let shares = &cov.stats.floor.thresholds;
    let mut rows: Vec<(String, String)> = Vec::new();
    let mut prev_pct = 0.0;
    for (i, t) in cov.thresholds_dbm.iter().enumerate() {
        let pct = shares
            .iter()
            .find(|s| s.threshold_dbm == *t)
            .map_or(0.0, |s| s.percent);
        let band = pct - prev_pct;
        prev_pct = pct;
        let range = if i == 0 {
            format!("≥ {} dBm", N(*t))
        } else {
            format!("{} to {} dBm", N(*t), N(cov.thresholds_dbm[i - 1]))
        };
        rows.push((
            fills[i].to_owned(),
            format!("{range}: {band:.1} % of the area ({pct:.1} % at or above)"),
        ));
    }
    let last = cov.thresholds_dbm.last().copied();
    rows.push((
        below.to_owned(),
        match last {
            Some(t) => format!("below {} dBm: {:.1} % of the area", N(t), 100.0 - prev_pct),
            None => "no threshold set".to_owned(),
        },
    ));
    let mut y = 6.5;
    for (fill, label) in &rows {
        let _ = writeln!(
            out,
            "<rect x=\"0.5\" y=\"{}\" width=\"9\" height=\"3.8\" fill=\"{fill}\" stroke=\"#555\" stroke-width=\"0.15\"/>",
            N(y + 0.6)
        );
        let _ = writeln!(
            out,
            "<text x=\"12\" y=\"{}\">{}</text>",
            N(y + 3.5),
            Esc(label)
        );
        w = w.max(12.0 + text::width_mm(label, LABEL_MM));
        y += 5.2;
    }
    let f = &cov.stats.floor;
    let mut notes = vec![format!(
        "Area counted: {} ({:.0} m²); median {} dBm.",
        match cov.stats.area {
            AreaKind::Rooms => "the rooms",
            AreaKind::Interior => "the building's interior (from its walls)",
            AreaKind::Plan => "the whole floor",
        },
        f.area_m2,
        f.median_dbm
            .map_or_else(|| "—".to_owned(), |m| format!("{m:.0}"))
    )];
    notes.push(format!(
        "Predicted at {} m above the floor; {} transmitter(s) taken in.",
        N(cov.receiver_height_m),
        cov.maps.transmitters.len()
    ));
    for n in &notes {
        y += 3.6;
        let _ = writeln!(out, "<text x=\"0\" y=\"{}\">{}</text>", N(y), Esc(n));
        w = w.max(text::width_mm(n, LABEL_MM));
    }
    (out, w, y + 1.5)
}
