//! What editing draws over the plan, on a canvas of its own so that it redraws without the
//! floor: the selection and what a click would select, the ghost of a drag, the line or
//! outline being drawn with its length, the box being dragged, the measured distance and
//! the snap indicator.

use std::collections::HashSet;

use tailplan_core::{Element, Floor, Point, Shape};

use crate::plan::color::Rgba;
use crate::plan::display::{Align, DisplayList, LineCap, Path, Stroke, Text};
use crate::plan::elements::translated;
use crate::plan::scene::{FloorScene, FrameOptions};
use crate::plan::snap::{Snap, SnapKind};
use crate::plan::style;
use crate::plan::view::{View, Viewport, format_length};
use crate::state::tools::Tool;
use crate::state::{AppState, Gesture};

/// Handles are drawn on at most this many selected elements.
const MAX_HANDLES: usize = 24;

/// The overlay of `state` in `viewport`: empty when there is nothing to show.
pub fn overlay(state: &AppState, viewport: Viewport) -> DisplayList {
    let mut list = DisplayList::default();
    let (Some(project), Some(floor)) = (state.project(), state.floor()) else {
        return list;
    };
    if viewport.is_empty() {
        return list;
    }
    let view = &state.view;

    // The ghost of what is being dragged, drawn as itself at its new place.
    let (moving, offset) = match &state.gesture {
        Gesture::Moving { ids, offset, .. } => (ids.as_slice(), *offset),
        _ => (&[][..], (0.0, 0.0)),
    };
    if !moving.is_empty() {
        let mut ghost = Floor::new(floor.id.clone(), floor.name.clone(), floor.elevation_m);
        for id in moving {
            if let Some(e) = floor.element(id) {
                ghost.insert(None, translated(&e, offset.0, offset.1));
            }
        }
        let scene = FloorScene::new(project, &ghost);
        let options = FrameOptions {
            chrome: false,
            ..FrameOptions::default()
        };
        list.ops
            .extend(scene.frame_with(view, viewport, state.layers, &options).ops);
    }

    // What a click would select.
    if let Some(id) = state
        .hover
        .hit
        .as_ref()
        .filter(|id| !state.selection.contains(id))
        && let Some(e) = floor.element(id)
    {
        outline(&mut list, view, &e, style::HOVER, 1.5, false);
    }

    // The selection, where it is being dragged to.
    let handles = state.selection.len() <= MAX_HANDLES;
    let moving_set: HashSet<&String> = moving.iter().collect();
    for id in &state.selection {
        let Some(e) = floor.element(id) else { continue };
        let e = if moving_set.contains(id) {
            translated(&e, offset.0, offset.1)
        } else {
            e
        };
        if handles {
            halo(&mut list, view, &e);
        }
        outline(&mut list, view, &e, style::SELECTION, 2.0, handles);
    }

    if let Gesture::Boxing { from, to, .. } = state.gesture {
        let (a, b) = (view.to_screen(from), view.to_screen(to));
        let mut path = Path::new();
        path.rect(
            a.0.min(b.0),
            a.1.min(b.1),
            (a.0 - b.0).abs(),
            (a.1 - b.1).abs(),
        );
        list.fill_stroke(
            path,
            style::SELECTION.with_alpha(22),
            Stroke::solid(style::SELECTION, 1.0).dashed(&[4.0, 3.0]),
        );
    }

    draft(&mut list, state, project);
    measure(&mut list, state);
    proposal(&mut list, state, floor);
    findings(&mut list, state, project, floor);
    survey_points(&mut list, state, floor);

    let snap = state.hover.snap.as_ref();
    if let Some(s) = snap {
        indicator(&mut list, view, s);
    }
    list
}

/// The soft glow under a selected element.
fn halo(list: &mut DisplayList, view: &View, e: &Element) {
    let glow = Stroke::solid(style::SELECTION_HALO, 9.0).capped(LineCap::Round);
    match e {
        Element::AccessPoint(_)
        | Element::Gateway(_)
        | Element::Device(_)
        | Element::Outlet(_)
        | Element::Riser(_) => {
            let (x, y) = view.to_screen(e.points()[0]);
            let mut p = Path::new();
            p.circle(x, y, style::symbol_radius_px(view.scale) + 6.0);
            list.fill(p, style::SELECTION_HALO);
        }
        _ => {
            let mut p = Path::new();
            for line in lines(e) {
                p.polyline(line.iter().map(|q| view.to_screen(*q)));
            }
            list.stroke(p, glow);
        }
    }
}

/// An element's outline in `color`, with square handles on its vertices.
fn outline(
    list: &mut DisplayList,
    view: &View,
    e: &Element,
    color: Rgba,
    width: f64,
    handles: bool,
) {
    let r = style::symbol_radius_px(view.scale);
    let mut path = Path::new();
    match e {
        Element::AccessPoint(_)
        | Element::Gateway(_)
        | Element::Device(_)
        | Element::Outlet(_)
        | Element::Riser(_) => {
            let (x, y) = view.to_screen(e.points()[0]);
            path.circle(x, y, r + 4.0);
            list.stroke(path, Stroke::solid(color, width));
            return;
        }
        Element::TelecomRoom(t) => {
            let (x, y) = view.to_screen(t.position);
            path.rect(x - r - 4.0, y - r - 4.0, 2.0 * (r + 4.0), 2.0 * (r + 4.0));
        }
        _ => {}
    }
    for line in lines(e) {
        path.polyline(line.iter().map(|q| view.to_screen(*q)));
    }
    list.stroke(path, Stroke::solid(color, width).capped(LineCap::Round));
    if handles {
        let mut h = Path::new();
        for q in lines(e).iter().flatten() {
            let (x, y) = view.to_screen(*q);
            h.rect(x - 3.0, y - 3.0, 6.0, 6.0);
        }
        list.fill_stroke(h, Rgba::hex(0xffffff), Stroke::solid(color, 1.5));
    }
}

/// An element's geometry as polylines (rings closed).
fn lines(e: &Element) -> Vec<Vec<Point>> {
    let ring = |r: &[Point]| {
        let mut v = r.to_vec();
        if v.len() > 2 && v.first() != v.last() {
            v.push(v[0]);
        }
        v
    };
    match e {
        Element::Wall(w) => match &w.shape {
            Shape::Line(p) => vec![p.clone()],
            Shape::MultiLine(l) => l.clone(),
            Shape::Polygon(p) => std::iter::once(&p.exterior)
                .chain(&p.holes)
                .map(|r| ring(r))
                .collect(),
        },
        Element::Opening(o) => vec![o.points.clone()],
        Element::Room(r) => std::iter::once(&r.polygon.exterior)
            .chain(&r.polygon.holes)
            .map(|r| ring(r))
            .collect(),
        Element::TelecomRoom(t) => t.outline.iter().map(|o| ring(&o.exterior)).collect(),
        Element::Tray(t) => vec![t.points.clone()],
        Element::Route(r) => vec![r.points.clone()],
        Element::Other(o) => vec![o.points()],
        _ => vec![e.points()],
    }
}

/// A label on a white pill: lengths and the snap's tag.
fn tag(list: &mut DisplayList, x: f64, y: f64, text: String, color: Rgba) {
    let size = 11.0;
    let w = style::text_width_px(&text, size) + 10.0;
    let mut pill = Path::new();
    pill.rect(x - w / 2.0, y - 9.0, w, 18.0);
    list.fill_stroke(
        pill,
        Rgba::hex(0xffffff).with_alpha(235),
        Stroke::solid(color.with_alpha(140), 1.0),
    );
    list.text(Text {
        text,
        x,
        y,
        size_px: size,
        bold: true,
        color,
        halo: None,
        align: Align::Center,
    });
}

/// The line or outline being drawn, to where the pointer is.
fn draft(list: &mut DisplayList, state: &AppState, project: &tailplan_core::Project) {
    let Some(d) = &state.draft else { return };
    let view = &state.view;
    let mut pts = d.points.clone();
    let cursor = state.hover.point.map(|p| match (d.tool, d.wall) {
        (Tool::Door | Tool::Window, Some(s)) => s.closest_point(p).0,
        _ => p,
    });
    if let Some(c) = cursor {
        pts.push(c);
    }
    let screen: Vec<(f64, f64)> = pts.iter().map(|p| view.to_screen(*p)).collect();
    let (color, width) = match d.tool {
        Tool::Wall => {
            let c = project
                .materials
                .get(&state.wall_material)
                .and_then(|m| Rgba::parse(&m.color))
                .unwrap_or(style::DRAFT);
            let t = crate::plan::elements::wall_thickness_m(&state.wall_material);
            (
                c.with_alpha(200),
                style::wall_width_px(t, view.scale).max(2.0),
            )
        }
        Tool::Door => (style::DOOR, 3.0),
        Tool::Window => (style::WINDOW, 3.0),
        Tool::Tray => (
            style::TRAY.with_alpha(200),
            style::tray_width_px(Some(300.0), view.scale),
        ),
        Tool::Route => (style::ROUTE, 2.5),
        _ => (style::SELECTION, 2.0),
    };
    if d.tool == Tool::Room && pts.len() >= 3 {
        let mut fill = Path::new();
        fill.ring(screen.iter().copied());
        list.fill(fill, style::SELECTION.with_alpha(26));
    }
    let mut line = Path::new();
    line.polyline(screen.iter().copied());
    if d.tool == Tool::Room && pts.len() >= 3 {
        line.polyline([screen[screen.len() - 1], screen[0]]);
    }
    list.stroke(
        line.clone(),
        Stroke::solid(color, width).capped(LineCap::Butt),
    );
    list.stroke(line, Stroke::solid(style::DRAFT, 1.0).dashed(&[5.0, 4.0]));
    let mut dots = Path::new();
    for (x, y) in &screen[..d.points.len().min(screen.len())] {
        dots.rect(x - 3.0, y - 3.0, 6.0, 6.0);
    }
    list.fill_stroke(dots, Rgba::hex(0xffffff), Stroke::solid(style::DRAFT, 1.5));
    // The length of the segment being drawn, and of the whole line.
    if let (Some(a), Some(b)) = (d.points.last(), cursor) {
        let len = a.distance(b);
        if len > 0.0 {
            let total: f64 = pts.windows(2).map(|w| w[0].distance(w[1])).sum();
            let text = if pts.len() > 2 && d.tool != Tool::Wall {
                format!("{} · total {}", length_text(len), length_text(total))
            } else {
                length_text(len)
            };
            let (ax, ay) = view.to_screen(*a);
            let (bx, by) = view.to_screen(b);
            tag(
                list,
                (ax + bx) / 2.0,
                (ay + by) / 2.0 - 16.0,
                text,
                style::DRAFT,
            );
        }
    }
}

/// A length as drawn: `3.45 m`.
pub fn length_text(m: f64) -> String {
    if m < 10.0 {
        format!("{m:.2} m")
    } else if m < 1000.0 {
        format!("{m:.1} m")
    } else {
        format_length(m)
    }
}

/// The measured distance: a dimension line with end ticks and its length.
fn measure(list: &mut DisplayList, state: &AppState) {
    let Some(m) = state.measure else { return };
    let view = &state.view;
    let Some(b) = m.b.or(state.hover.point) else {
        let (x, y) = view.to_screen(m.a);
        let mut p = Path::new();
        p.circle(x, y, 3.5);
        list.fill(p, style::MEASURE);
        return;
    };
    let (a, b2) = (view.to_screen(m.a), view.to_screen(b));
    let mut line = Path::new();
    line.polyline([a, b2]);
    let (dx, dy) = (b2.0 - a.0, b2.1 - a.1);
    let len = dx.hypot(dy).max(1e-9);
    let (nx, ny) = (-dy / len * 7.0, dx / len * 7.0);
    for (x, y) in [a, b2] {
        line.polyline([(x - nx, y - ny), (x + nx, y + ny)]);
    }
    list.stroke(
        line,
        Stroke::solid(style::MEASURE, 2.0).capped(LineCap::Round),
    );
    tag(
        list,
        (a.0 + b2.0) / 2.0 + nx * 2.4,
        (a.1 + b2.1) / 2.0 + ny * 2.4,
        length_text(m.a.distance(b)),
        style::MEASURE,
    );
}

/// The snap indicator: its shape says what was snapped to, its tag says it in words.
fn indicator(list: &mut DisplayList, view: &View, s: &Snap) {
    let (x, y) = view.to_screen(s.point);
    let mut p = Path::new();
    match s.kind {
        SnapKind::Endpoint => p.rect(x - 5.5, y - 5.5, 11.0, 11.0),
        SnapKind::Element => p.circle(x, y, 7.0),
        SnapKind::Wall | SnapKind::Tray => {
            p.ring([(x, y - 7.0), (x + 7.0, y), (x, y + 7.0), (x - 7.0, y)])
        }
        SnapKind::Grid => {
            p.polyline([(x - 6.0, y), (x + 6.0, y)]);
            p.polyline([(x, y - 6.0), (x, y + 6.0)]);
        }
    }
    let width = if s.kind == SnapKind::Grid { 1.5 } else { 2.0 };
    list.stroke(
        p.clone(),
        Stroke::solid(Rgba::hex(0xffffff).with_alpha(220), width + 2.5),
    );
    list.stroke(p, Stroke::solid(style::SNAP, width));
    if s.kind != SnapKind::Grid {
        let label = s.kind.label();
        let w = style::text_width_px(label, 11.0);
        tag(
            list,
            x + 14.0 + w / 2.0,
            y + 16.0,
            label.to_owned(),
            style::SNAP,
        );
    }
}

/// The placement proposal on view: each proposed transmitter as a green ring with its name,
/// each one it replaces crossed out.
fn proposal(list: &mut DisplayList, state: &AppState, floor: &Floor) {
    let Some(p) = state
        .coverage
        .proposal
        .as_ref()
        .filter(|p| p.floor == floor.id)
    else {
        return;
    };
    let view = &state.view;
    let r = style::symbol_radius_px(view.scale).max(5.0);
    let mut rings = Path::new();
    let mut dots = Path::new();
    for t in &p.add {
        let (x, y) = view.to_screen(t.position);
        rings.circle(x, y, r + 7.0);
        dots.circle(x, y, r * 0.8);
        list.text(Text {
            text: format!("+ {}", t.name),
            x: x + r + 10.0,
            y,
            size_px: 11.0,
            bold: true,
            color: style::PROPOSED,
            halo: Some(style::HALO),
            align: Align::Left,
        });
    }
    list.fill_stroke(
        rings,
        style::PROPOSED.with_alpha(40),
        Stroke::solid(style::PROPOSED, 2.0).dashed(&[4.0, 3.0]),
    );
    list.fill(dots, style::PROPOSED);
    let mut crosses = Path::new();
    for id in &p.replace {
        if let Some(e) = floor.element(id) {
            let (x, y) = view.to_screen(e.points()[0]);
            let k = r + 4.0;
            crosses.polyline([(x - k, y - k), (x + k, y + k)]);
            crosses.polyline([(x - k, y + k), (x + k, y - k)]);
        }
    }
    list.stroke(
        crosses,
        Stroke::solid(style::FINDING_ERROR, 2.5).capped(LineCap::Round),
    );
}

/// The survey points of this floor while the survey panel is shown: dots coloured by the
/// model's error there, or by the strongest signal measured (the heatmap's scale, so that the
/// prediction under them compares at a glance).
fn survey_points(list: &mut DisplayList, state: &AppState, floor: &Floor) {
    use crate::panels::survey::{PointColour, error_colour, points_on};
    if state.panel != crate::state::SidePanel::Survey {
        return;
    }
    let Some(c) = state.survey.checked.as_ref() else {
        return;
    };
    let view = &state.view;
    let r = (view.scale * 0.35).clamp(3.0, 7.0);
    // One path per colour: a few thousand points draw in a handful of fills.
    let mut by_colour: Vec<(Rgba, Path)> = Vec::new();
    for p in points_on(c, &floor.id) {
        let (x, y) = view.to_screen(Point::new(p.x, p.y));
        let colour = match state.survey.colour {
            PointColour::Error => error_colour(p.mean_error_db),
            PointColour::Measured => {
                let scale = crate::panels::coverage::heatmap::ColourScale::Continuous {
                    lo: -90.0,
                    hi: -30.0,
                };
                crate::panels::coverage::heatmap::colour(
                    scale,
                    ((p.strongest_measured_dbm / 2.0).round() * 2.0) as f32,
                )
                .with_alpha(255)
            }
        };
        let k = match by_colour.iter().position(|(c, _)| *c == colour) {
            Some(k) => k,
            None => {
                by_colour.push((colour, Path::new()));
                by_colour.len() - 1
            }
        };
        by_colour[k].1.circle(x, y, r);
    }
    for (colour, path) in by_colour {
        list.fill_stroke(path, colour, Stroke::solid(Rgba::rgb(255, 255, 255), 1.0));
    }
}

/// The design-rule findings about this floor's elements: numbered marks, coloured by
/// severity, the one last zoomed to ringed.
fn findings(
    list: &mut DisplayList,
    state: &AppState,
    project: &tailplan_core::Project,
    floor: &Floor,
) {
    let Some(v) = state.cabling.view.as_ref() else {
        return;
    };
    let view = &state.view;
    for m in crate::panels::cabling::markers(project, &v.routing.findings, &floor.id) {
        let (x, y) = view.to_screen(m.at);
        let color = match m.severity {
            tailplan_core::diagnostics::Severity::Error => style::FINDING_ERROR,
            tailplan_core::diagnostics::Severity::Warning => style::FINDING_WARNING,
            tailplan_core::diagnostics::Severity::Info => style::FINDING_NOTE,
        };
        let focused = state.cabling.focused == Some(m.number - 1);
        let r = if focused { 11.0 } else { 9.0 };
        if focused {
            let mut ring = Path::new();
            ring.circle(x, y - 16.0, r + 5.0);
            list.stroke(ring, Stroke::solid(color, 2.0));
        }
        // A pin over the element: a badge above a short stem.
        let mut stem = Path::new();
        stem.polyline([(x, y), (x, y - 16.0 + r)]);
        list.stroke(stem, Stroke::solid(color, 2.0));
        let mut badge = Path::new();
        badge.circle(x, y - 16.0, r);
        list.fill_stroke(badge, color, Stroke::solid(Rgba::rgb(255, 255, 255), 1.5));
        list.text(Text {
            text: m.number.to_string(),
            x,
            y: y - 16.0,
            size_px: if m.number > 99 { 8.0 } else { 10.0 },
            bold: true,
            color: Rgba::rgb(255, 255, 255),
            halo: None,
            align: Align::Center,
        });
    }
}

#[cfg(test)]
mod tests {
    use tailplan_core::Project;

    use super::*;
    use crate::document::Source;
    use crate::plan::index::tests::floor;
    use crate::state::input::Command;
    use crate::state::tests::{VP, showing, step};
    use crate::state::{Action, Opened, PointerInput, PointerPhase};

    fn state() -> AppState {
        let mut project = Project::new();
        project.floors.push(floor());
        showing(Opened::new(project, Source::New, "t.tailplan.json"))
    }

    fn at(s: &AppState, phase: PointerPhase, p: Point) -> AppState {
        let (x, y) = s.view.to_screen(p);
        step(
            s,
            Action::Pointer(PointerInput {
                phase,
                x,
                y,
                button: 0,
                shift: false,
                alt: false,
            }),
        )
    }

    fn texts(l: &DisplayList) -> Vec<String> {
        l.texts().map(|t| t.text.clone()).collect()
    }

    #[test]
    fn nothing_to_show_draws_nothing() {
        assert!(overlay(&state(), VP).ops.is_empty());
        assert!(overlay(&AppState::default(), VP).ops.is_empty());
    }

    #[test]
    fn a_selection_is_outlined_with_handles() {
        let s = step(&state(), Action::Select(vec!["t1".into()]));
        let l = overlay(&s, VP);
        assert!(
            l.paths()
                .any(|(_, _, st)| st.is_some_and(|st| st.color == style::SELECTION))
        );
        let handles = l
            .paths()
            .find(|(_, f, _)| *f == Some(Rgba::hex(0xffffff)))
            .unwrap()
            .0
            .subpaths();
        assert_eq!(handles, 2, "one per tray point");
    }

    #[test]
    fn a_drawn_wall_shows_its_length_and_the_snap() {
        let s = step(&state(), Action::SetTool(Tool::Wall));
        let s = at(&s, PointerPhase::Down, Point::new(3.0, 4.0));
        let s = at(&s, PointerPhase::Move, Point::new(7.0, 0.1));
        let l = overlay(&s, VP);
        let t = texts(&l);
        assert!(
            t.contains(&"4.00 m".to_owned()) || t.iter().any(|x| x.starts_with("5.")),
            "{t:?}"
        );
        assert!(t.contains(&"Wall".to_owned()), "the snap's tag: {t:?}");
    }

    #[test]
    fn a_drag_draws_a_ghost_and_a_measure_its_length() {
        let s = at(&state(), PointerPhase::Down, Point::new(5.0, 5.0));
        let s = at(&s, PointerPhase::Move, Point::new(8.0, 5.0));
        let l = overlay(&s, VP);
        let ap = style::SymbolKind::AccessPoint.style().fill;
        assert!(l.paths().any(|(_, f, _)| f == Some(ap)), "the AP's ghost");
        let m = step(&state(), Action::SetTool(Tool::Measure));
        let m = at(&m, PointerPhase::Down, Point::new(0.0, 0.0));
        let m = at(&m, PointerPhase::Move, Point::new(6.0, 8.0));
        assert!(texts(&overlay(&m, VP)).contains(&"10.0 m".to_owned()));
        let m = step(&m, Action::Command(Command::Escape));
        assert!(
            !texts(&overlay(&m, VP)).contains(&"10.0 m".to_owned()),
            "Esc clears it"
        );
        assert_eq!(length_text(3.456), "3.46 m");
    }
}
