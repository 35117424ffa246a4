//! Key plans for the index sheet: each floor small, at a standard scale, with its walls,
//! trays, telecom rooms and risers, captioned with the drawings that show it.

use std::fmt::Write as _;

use tailplan_core::{Point, Project};

use super::layout::Rect;
use super::paper::Scale;
use super::plan::View;
use super::style;
use super::text::{self, HEADING_MM, LABEL_MM};
use super::xml::{Esc, N, PathData};

/// A key plan of the floor at `index`, at the largest standard or site scale at which it fits
/// `max_w` × `max_h` millimetres, captioned `caption`: its SVG from (0, 0), width, height.
pub(crate) fn key_plan(
    project: &Project,
    index: usize,
    caption: &str,
    max_w: f64,
    max_h: f64,
) -> Option<(String, f64, f64)> {
    let floor = &project.floors[index];
    let bbox = floor.plan_bbox()?;
    let head = 7.0;
    let scale = Scale::STANDARD
        .into_iter()
        .chain(Scale::SITE)
        .chain([Scale(5000)])
        .find(|s| {
            bbox.width() * s.mm_per_m() <= max_w && bbox.height() * s.mm_per_m() <= max_h - head
        })?;
    let k = scale.mm_per_m();
    let (w, h) = (bbox.width() * k, bbox.height() * k);
    let view = View::new(&Rect::new(0.0, head, w, h), &bbox, scale);
    let p = |q: Point| view.p(q);
    let mut out = String::new();
    let title = format!("{} · {scale}", floor.name);
    let _ = writeln!(
        out,
        "<text x=\"0\" y=\"4.3\" font-size=\"{}\" font-weight=\"bold\">{}</text>",
        N(HEADING_MM),
        Esc(&title)
    );
    let mut walls = PathData::new();
    for wall in &floor.walls {
        for s in wall.shape.segments() {
            walls.polyline([p(s.a), p(s.b)], false);
        }
    }
    let _ = writeln!(
        out,
        "<path d=\"{}\" fill=\"none\" stroke=\"#6e6e6e\" stroke-width=\"0.2\"/>",
        walls.as_str()
    );
    let mut trays = PathData::new();
    for t in &floor.trays {
        trays.polyline(t.points.iter().map(|&q| p(q)), false);
    }
    if !trays.is_empty() {
        let _ = writeln!(
            out,
            "<path d=\"{}\" fill=\"none\" stroke=\"#c9a227\" stroke-width=\"0.7\"/>",
            trays.as_str()
        );
    }
    let offset: usize = project.floors[..index]
        .iter()
        .map(|f| f.telecom_rooms.len())
        .sum();
    for (i, t) in floor.telecom_rooms.iter().enumerate() {
        let c = style::route_colour(offset + i);
        let (x, y) = p(t.position);
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"2.4\" height=\"2.4\" fill=\"{c}\" stroke=\"#000\" stroke-width=\"0.15\"/><text x=\"{}\" y=\"{}\" font-weight=\"bold\">{}</text>",
            N(x - 1.2),
            N(y - 1.2),
            N(x + 2.0),
            N(y - 1.5),
            Esc(&t.name)
        );
    }
    for r in &floor.risers {
        let (x, y) = p(r.position);
        let _ = writeln!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"1\" fill=\"#fff\" stroke=\"#444\" stroke-width=\"0.25\"/>",
            N(x),
            N(y)
        );
    }
    let cy = head + h + 4.2;
    let _ = writeln!(
        out,
        "<text x=\"0\" y=\"{}\" fill=\"#4d4d4d\">{}</text>",
        N(cy),
        Esc(caption)
    );
    let w = w
        .max(text::width_bold_mm(&title, HEADING_MM))
        .max(text::width_mm(caption, LABEL_MM));
    Some((out, w, cy + 1.5))
}
