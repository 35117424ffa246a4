//! The plan of a floor at its true scale, as layers: walls by material, rooms with names and
//! areas, doors, windows, cable trays, cable routes coloured by telecom room, telecom rooms,
//! risers, access points, gateways, devices and outlets with their labels, and the
//! design-rule markers. The coverage heatmap, when drawn, goes under the walls.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use tailplan_core::coverage::Service;
use tailplan_core::routing::hand::is_auto_route;
use tailplan_core::routing::{RouteSource, Routing};
use tailplan_core::{BBox, Floor, Medium, Point, Polygon, Project};

use super::findings::{self, FloorFindings};
use super::labels::{self, Lines, Occupied, Request};
use super::layout::Rect;
use super::legend::Entry;
use super::page::Page;
use super::paper::Scale;
use super::style;
use super::symbols::{Sym, tech_name};
use super::text::{self, LABEL_MM};
use super::xml::{Esc, N, P, PathData};

/// Where the floor's metres land on the paper.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// Paper millimetres per metre.
    pub k: f64,
    /// Paper x of the floor's west edge.
    pub ox: f64,
    /// Paper y of the floor's north edge.
    pub oy: f64,
    /// The floor's west edge, metres.
    pub x0: f64,
    /// The floor's north edge, metres.
    pub y1: f64,
}

impl View {
    /// The floor's box `bbox` centred in `plan` at `scale`.
    pub fn new(plan: &Rect, bbox: &BBox, scale: Scale) -> Self {
        let k = scale.mm_per_m();
        Self {
            k,
            ox: plan.x + (plan.w - bbox.width() * k) / 2.0,
            oy: plan.y + (plan.h - bbox.height() * k) / 2.0,
            x0: bbox.min.x,
            y1: bbox.max.y,
        }
    }

    /// The paper position (millimetres from the sheet's top left corner) of a floor point.
    pub fn p(&self, p: Point) -> (f64, f64) {
        (
            self.ox + (p.x - self.x0) * self.k,
            self.oy + (self.y1 - p.y) * self.k,
        )
    }
}

/// What the plan is drawn for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Purpose {
    /// Cabling: trays, routes, every endpoint with its cable ids, the rule markers.
    Cabling,
    /// Coverage: the heatmap, the transmitters of `Service`.
    Coverage(Service),
}

/// A label waiting for its place.
struct Job {
    layer: usize,
    at: (f64, f64),
    radius: f64,
    lines: Vec<(String, Option<&'static str>)>,
}

/// The plan being drawn.
pub(crate) struct Plan<'a> {
    project: &'a Project,
    floor: &'a Floor,
    floor_index: usize,
    /// Where the floor lands.
    pub view: View,
    area: Rect,
    taken: Occupied,
    lines: Lines,
    jobs: Vec<Job>,
}

/// A colour from a project file, if it is a plain `#rgb` or `#rrggbb`.
fn safe_colour(c: &str) -> Option<&str> {
    let hex = c.strip_prefix('#')?;
    ((hex.len() == 3 || hex.len() == 6) && hex.chars().all(|c| c.is_ascii_hexdigit())).then_some(c)
}

/// A point inside a polygon, for its label: the centroid when inside, else the middle of the
/// widest run across the polygon at the centroid's height.
pub(crate) fn interior_point(poly: &Polygon) -> Point {
    let c = poly.centroid();
    if poly.contains(c) {
        return c;
    }
    let mut xs: Vec<f64> = poly
        .edges()
        .filter_map(|s| {
            let (a, b) = (s.a, s.b);
            if (a.y > c.y) == (b.y > c.y) {
                return None;
            }
            Some(a.x + (c.y - a.y) / (b.y - a.y) * (b.x - a.x))
        })
        .collect();
    xs.sort_by(f64::total_cmp);
    xs.chunks(2)
        .filter(|p| p.len() == 2)
        .max_by(|a, b| (a[1] - a[0]).total_cmp(&(b[1] - b[0])))
        .map_or(c, |p| Point::new((p[0] + p[1]) / 2.0, c.y))
}

/// The box of a label of these lines.
fn label_size(lines: &[(String, Option<&'static str>)]) -> (f64, f64) {
    let w = lines
        .iter()
        .enumerate()
        .map(|(i, (s, _))| {
            if i == 0 {
                text::width_bold_mm(s, LABEL_MM)
            } else {
                text::width_mm(s, LABEL_MM)
            }
        })
        .fold(0.0, f64::max);
    (w + 0.8, lines.len() as f64 * 3.2 + 0.7)
}

/// Compact cable ids: `0A-A01/A02`, `0A-A01…A06 (6)`.
pub(crate) fn compact_ids(ids: &[&str]) -> String {
    match ids {
        [] => String::new(),
        [one] => (*one).to_owned(),
        _ => {
            let first = ids[0];
            let tail = |s: &str| s.split_once('-').map_or(s, |(_, t)| t).to_owned();
            let same_prefix = ids
                .iter()
                .all(|s| s.split_once('-').map(|p| p.0) == first.split_once('-').map(|p| p.0));
            let rest = |s: &str| if same_prefix { tail(s) } else { s.to_owned() };
            if ids.len() == 2 {
                format!("{first}/{}", rest(ids[1]))
            } else {
                format!("{first}…{} ({})", rest(ids[ids.len() - 1]), ids.len())
            }
        }
    }
}

impl<'a> Plan<'a> {
    /// A plan of the floor at `floor_index` in `area` through `view`.
    pub fn new(project: &'a Project, floor_index: usize, area: Rect, view: View) -> Self {
        Self {
            project,
            floor: &project.floors[floor_index],
            floor_index,
            view,
            area,
            taken: Occupied::new(),
            lines: Lines::new(),
            jobs: Vec::new(),
        }
    }

    fn p(&self, p: Point) -> (f64, f64) {
        self.view.p(p)
    }

    /// Places a symbol, keeps its square clear of labels.
    fn symbol(&mut self, page: &mut Page, layer: usize, sym: Sym, at: Point) -> (f64, f64) {
        let (x, y) = self.p(at);
        page.used.place(&mut page.layers[layer].body, sym, x, y);
        let r = sym.radius();
        self.taken.add(Rect::new(x - r, y - r, 2.0 * r, 2.0 * r));
        (x, y)
    }

    fn label(
        &mut self,
        layer: usize,
        at: (f64, f64),
        radius: f64,
        lines: Vec<(String, Option<&'static str>)>,
    ) {
        self.jobs.push(Job {
            layer,
            at,
            radius,
            lines,
        });
    }

    /// The rooms layer: outlines, and names with areas (placed last, around the labels).
    fn rooms(&mut self, page: &mut Page) -> usize {
        let layer = page.layer("rooms", "Rooms: names and areas");
        let mut d = PathData::new();
        for r in &self.floor.rooms {
            d.polyline(r.polygon.exterior.iter().map(|&p| self.view.p(p)), true);
            for h in &r.polygon.holes {
                d.polyline(h.iter().map(|&p| self.view.p(p)), true);
            }
        }
        if !d.is_empty() {
            let _ = writeln!(
                page.layers[layer].body,
                "<path d=\"{}\" fill=\"none\" stroke=\"#b4b4b4\" stroke-width=\"{}\"/>",
                d.as_str(),
                N(style::THIN)
            );
        }
        layer
    }

    /// The best box for a room's label of `lines`: free of labels and symbols if it can be,
    /// crossing few lines, near the room's middle, inside the room (`strict`: wholly; else
    /// its centre). Returns the box and whether it overlaps a label or symbol.
    fn room_spot(
        &self,
        poly: &Polygon,
        room_box: &Rect,
        at: (f64, f64),
        lines: &[String],
        strict: bool,
    ) -> Option<(Rect, bool)> {
        let w = lines
            .iter()
            .enumerate()
            .map(|(i, s)| {
                if i == 0 && lines.len() > 1 {
                    text::width_bold_mm(s, LABEL_MM)
                } else {
                    text::width_mm(s, LABEL_MM)
                }
            })
            .fold(0.0, f64::max)
            + 0.6;
        let h = lines.len() as f64 * 3.2 + 0.4;
        let inside = |rect: &Rect| {
            let centre = Point::new(rect.x + rect.w / 2.0, rect.y + rect.h / 2.0);
            if !strict {
                return poly.contains(centre) && self.area.contains(rect);
            }
            room_box.contains(rect)
                && [
                    (rect.x, rect.y),
                    (rect.right(), rect.y),
                    (rect.x, rect.bottom()),
                    (rect.right(), rect.bottom()),
                ]
                .iter()
                .all(|&(x, y)| poly.contains(Point::new(x, y)))
        };
        let (sx, sy) = ((w / 2.0).max(2.0), (h / 2.0).max(1.5));
        let mut offsets: Vec<(f64, f64)> = Vec::with_capacity(81);
        for i in -4i32..=4 {
            for j in -4i32..=4 {
                offsets.push((f64::from(i) * sx, f64::from(j) * sy));
            }
        }
        offsets.sort_by(|a, b| a.0.hypot(a.1).total_cmp(&b.0.hypot(b.1)));
        let mut chosen: Option<((bool, f64), Rect)> = None;
        for (dx, dy) in offsets {
            let rect = Rect::new(at.0 + dx - w / 2.0, at.1 + dy - h / 2.0, w, h);
            if !inside(&rect) {
                continue;
            }
            let overlap = self.taken.overlap(&rect);
            // Free of labels and symbols first; then crossing the fewest lines, near the
            // middle (each millimetre away costs as much as a line cell).
            let key = if overlap > 1e-9 {
                (true, overlap)
            } else {
                (false, self.lines.cost(&rect) as f64 + dx.hypot(dy))
            };
            if chosen.is_none_or(|(k, _)| key < k) {
                chosen = Some((key, rect));
            }
        }
        chosen.map(|((crowded, _), r)| (r, crowded))
    }

    /// Rooms' names and areas, each in the clearest place inside its room: the name alone
    /// when both do not fit clear of the other labels.
    fn room_labels(&mut self, page: &mut Page, layer: usize) {
        let mut texts = String::new();
        for r in &self.floor.rooms {
            let Some(b) = BBox::from_points(r.polygon.exterior.iter().copied()) else {
                continue;
            };
            let (bx0, by0) = self.view.p(Point::new(b.min.x, b.max.y));
            let (bx1, by1) = self.view.p(Point::new(b.max.x, b.min.y));
            let room_box = Rect::new(bx0, by0, bx1 - bx0, by1 - by0);
            let at = self.view.p(interior_point(&r.polygon));
            let paper_poly = Polygon::new(
                r.polygon
                    .exterior
                    .iter()
                    .map(|&p| {
                        let (x, y) = self.view.p(p);
                        Point::new(x, y)
                    })
                    .collect(),
            );
            let full: Vec<String> = [r.name.clone(), format!("{:.1} m²", r.area_m2())]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            let name: Vec<String> = full[..1].to_vec();
            let tries: [(&Vec<String>, bool); 3] = [(&full, true), (&name, true), (&name, false)];
            let mut placed = None;
            for (lines, strict) in tries {
                if let Some((rect, false)) =
                    self.room_spot(&paper_poly, &room_box, at, lines, strict)
                {
                    placed = Some((rect, lines.clone()));
                    break;
                }
            }
            let (rect, lines) = match placed {
                Some(p) => p,
                None => match self.room_spot(&paper_poly, &room_box, at, &full, false) {
                    Some((rect, _)) => (rect, full.clone()),
                    None => {
                        let w = text::width_mm(&full[0], LABEL_MM);
                        (Rect::new(at.0 - w / 2.0, at.1 - 2.0, w, 4.0), name.clone())
                    }
                },
            };
            self.taken.add(rect);
            let x = rect.x + rect.w / 2.0;
            for (i, l) in lines.iter().enumerate() {
                let y = rect.y + 0.2 + 2.45 + i as f64 * 3.2;
                let bold = i == 0 && lines.len() > 1;
                let _ = writeln!(
                    texts,
                    "<text x=\"{}\" y=\"{}\"{}>{}</text>",
                    N(x),
                    N(y),
                    if bold { " font-weight=\"bold\"" } else { "" },
                    Esc(l)
                );
            }
        }
        if !texts.is_empty() {
            let body = &mut page.layers[layer].body;
            body.push_str("<g text-anchor=\"middle\" fill=\"#4d4d4d\">\n");
            body.push_str(&texts);
            body.push_str("</g>\n");
        }
    }

    /// Walls, one layer per material, each wall stroked along its centreline at its
    /// thickness.
    fn walls(&mut self, page: &mut Page) {
        let library = &self.project.materials;
        let mut by_material: BTreeMap<String, BTreeMap<i64, PathData>> = BTreeMap::new();
        for w in &self.floor.walls {
            let key = match (&w.loss_db, &w.material) {
                (Some(_), _) => "(loss given)".to_owned(),
                (None, Some(m)) => m.clone(),
                (None, None) => tailplan_core::DEFAULT_WALL_MATERIAL.to_owned(),
            };
            let width_mm = (w.thickness_m * self.view.k).max(0.25);
            let width_hmm = (width_mm * 100.0).round() as i64;
            for s in w.shape.segments() {
                self.lines
                    .add(self.view.p(s.a), self.view.p(s.b), width_mm / 2.0);
            }
            let d = by_material
                .entry(key)
                .or_default()
                .entry(width_hmm)
                .or_default();
            match &w.shape {
                tailplan_core::Shape::Line(pts) => {
                    d.polyline(pts.iter().map(|&p| self.view.p(p)), false)
                }
                tailplan_core::Shape::MultiLine(lines) => {
                    for l in lines {
                        d.polyline(l.iter().map(|&p| self.view.p(p)), false);
                    }
                }
                tailplan_core::Shape::Polygon(poly) => {
                    d.polyline(poly.exterior.iter().map(|&p| self.view.p(p)), true);
                    for h in &poly.holes {
                        d.polyline(h.iter().map(|&p| self.view.p(p)), true);
                    }
                }
            }
        }
        for (material, paths) in by_material {
            let m = library.get(&material);
            let colour = m
                .and_then(|m| safe_colour(&m.color))
                .unwrap_or("#5a5a5a")
                .to_owned();
            let label = match m {
                Some(m) => format!(
                    "Walls: {} ({} / {} / {} dB at 2.4 / 5 / 6 GHz)",
                    m.name,
                    N(m.loss_db.ghz2_4),
                    N(m.loss_db.ghz5),
                    N(m.loss_db.ghz6)
                ),
                None => format!("Walls: {material}"),
            };
            let layer = page.layer(&format!("walls-{material}"), &label);
            let body = &mut page.layers[layer].body;
            let _ = writeln!(
                body,
                "<g fill=\"none\" stroke=\"{colour}\" stroke-linecap=\"square\" stroke-linejoin=\"miter\">"
            );
            for (w, d) in paths {
                let _ = writeln!(
                    body,
                    "<path d=\"{}\" stroke-width=\"{}\"/>",
                    d.as_str(),
                    N(w as f64 / 100.0)
                );
            }
            body.push_str("</g>\n");
            page.note(Entry::Line {
                colour: colour.clone(),
                width: 1.2,
                dash: None,
                text: match m {
                    Some(m) => format!("Wall, {}", m.name.replace('_', " ")),
                    None => format!("Wall, {material}"),
                },
            });
        }
    }

    /// The thickness of the wall an opening sits in, metres (0.1 when there is none near).
    fn opening_thickness(&self, a: Point, b: Point) -> f64 {
        let mid = a.lerp(b, 0.5);
        self.floor
            .walls
            .nearest_segment(mid, 0.6)
            .and_then(|(i, _, _)| self.floor.walls.get(i))
            .map_or(0.1, |w| w.thickness_m)
    }

    /// Doors (a leaf and its swing) and windows (glazing lines), each over a white gap.
    fn openings(&mut self, page: &mut Page) {
        use tailplan_core::OpeningKind;
        let mut gaps: BTreeMap<i64, PathData> = BTreeMap::new();
        let mut doors = PathData::new();
        let mut windows = PathData::new();
        let mut panes = PathData::new();
        let (mut any_door, mut any_window) = (false, false);
        for o in &self.floor.openings {
            let (Some(&a), Some(&b)) = (o.points.first(), o.points.last()) else {
                continue;
            };
            if a.distance(b) < 1e-6 {
                continue;
            }
            let t = self.opening_thickness(a, b) * self.view.k;
            let (pa, pb) = (self.p(a), self.p(b));
            let len = (pb.0 - pa.0).hypot(pb.1 - pa.1);
            let u = ((pb.0 - pa.0) / len, (pb.1 - pa.1) / len);
            let n = (-u.1, u.0);
            let key = ((t + 0.3) * 100.0).round() as i64;
            gaps.entry(key).or_default().polyline([pa, pb], false);
            match o.kind {
                OpeningKind::Door => {
                    any_door = true;
                    let leaf = (pa.0 + n.0 * len, pa.1 + n.1 * len);
                    doors.move_to(pb.0, pb.1);
                    doors.line_to(pa.0, pa.1);
                    doors.line_to(leaf.0, leaf.1);
                    // From the leaf (direction n) back to b (direction u) around a.
                    let cross = n.0 * u.1 - n.1 * u.0;
                    doors.arc_to(len, cross > 0.0, pb.0, pb.1);
                    // Labels keep off the leaf and the swing.
                    self.lines.add(pa, leaf, 0.3);
                    let mut prev = leaf;
                    for k in 1..=6 {
                        let a = std::f64::consts::FRAC_PI_2 * f64::from(k) / 6.0;
                        let (c, s) = (a.cos(), a.sin());
                        let q = (
                            pa.0 + len * (n.0 * c + u.0 * s),
                            pa.1 + len * (n.1 * c + u.1 * s),
                        );
                        self.lines.add(prev, q, 0.3);
                        prev = q;
                    }
                }
                OpeningKind::Window => {
                    any_window = true;
                    let h = (t / 2.0).max(0.4);
                    let c = |s: f64, p: (f64, f64)| (p.0 + n.0 * s, p.1 + n.1 * s);
                    windows.polyline([c(h, pa), c(h, pb), c(-h, pb), c(-h, pa)], true);
                    panes.polyline([pa, pb], false);
                    self.lines.add(pa, pb, h);
                }
            }
        }
        if gaps.is_empty() {
            return;
        }
        let layer_w = page.layer("windows", "Windows");
        let layer_d = page.layer("doors", "Doors");
        // The white gaps go in the doors' layer when there are doors, else the windows'.
        let gap_layer = if any_door { layer_d } else { layer_w };
        let mut g = String::from("<g fill=\"none\" stroke=\"#fff\" stroke-linecap=\"butt\">\n");
        for (w, d) in &gaps {
            let _ = writeln!(
                g,
                "<path d=\"{}\" stroke-width=\"{}\"/>",
                d.as_str(),
                N(*w as f64 / 100.0)
            );
        }
        g.push_str("</g>\n");
        if any_door && any_window {
            // Gaps under both: put them first in the windows' layer, which is drawn first.
            page.layers[layer_w].body.push_str(&g);
        } else {
            page.layers[gap_layer].body.push_str(&g);
        }
        if any_window {
            let _ = writeln!(
                page.layers[layer_w].body,
                "<path d=\"{}\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"0.18\"/>\n<path d=\"{}\" fill=\"none\" stroke=\"#000\" stroke-width=\"{}\"/>",
                windows.as_str(),
                panes.as_str(),
                N(style::THIN)
            );
            page.note(Entry::Window);
        }
        if any_door {
            let _ = writeln!(
                page.layers[layer_d].body,
                "<path d=\"{}\" fill=\"none\" stroke=\"#000\" stroke-width=\"0.18\"/>",
                doors.as_str()
            );
            page.note(Entry::Door);
        }
    }

    /// Trays: their width to scale (at least 1.2 mm) in a light fill, a dashed centreline,
    /// and their name and size.
    fn trays(&mut self, page: &mut Page, labelled: bool) {
        if self.floor.trays.is_empty() {
            return;
        }
        let layer = page.layer("trays", "Cable trays");
        let mut body = String::new();
        for t in &self.floor.trays {
            if t.points.len() < 2 {
                continue;
            }
            let id = page.ids.unique(&format!("tray-{}", t.id));
            let mut d = PathData::new();
            d.polyline(t.points.iter().map(|&p| self.view.p(p)), false);
            let w = (t.width_mm.unwrap_or(100.0) / 1000.0 * self.view.k).max(1.2);
            let pts: Vec<(f64, f64)> = t.points.iter().map(|&p| self.view.p(p)).collect();
            self.lines.add_polyline(&pts, w / 2.0);
            let _ = writeln!(
                body,
                "<g id=\"{id}\"><path d=\"{d}\" stroke=\"#e9dcb5\" stroke-width=\"{}\"/><path d=\"{d}\" stroke=\"#8a6d1f\" stroke-width=\"0.2\" stroke-dasharray=\"2 0.8\"/></g>",
                N(w),
                d = d.as_str()
            );
            if labelled {
                let mid = findings::middle(&t.points);
                let at = self.p(mid);
                let size = match (t.width_mm, t.depth_mm) {
                    (Some(w), Some(d)) => format!("{} × {} mm", N(w), N(d)),
                    _ => String::new(),
                };
                let mut lines = vec![(t.name.clone(), Some("#6b5417"))];
                if !size.is_empty() {
                    lines.push((size, Some("#6b5417")));
                }
                self.label(layer, at, w / 2.0, lines);
            }
        }
        let _ = writeln!(
            page.layers[layer].body,
            "<g fill=\"none\" stroke-linejoin=\"round\">\n{body}</g>"
        );
        page.note(Entry::Tray);
    }

    /// Every cable's path on this floor, one layer per telecom room in its colour; hand-drawn
    /// routes dashed; hand routes that serve nothing in grey.
    fn routes(&mut self, page: &mut Page, routing: &Routing) -> HashMap<String, usize> {
        let rooms: Vec<(&str, &str)> = self
            .project
            .floors
            .iter()
            .flat_map(|f| {
                f.telecom_rooms
                    .iter()
                    .map(|t| (t.id.as_str(), t.name.as_str()))
            })
            .collect();
        let colour_of: HashMap<&str, usize> =
            rooms.iter().enumerate().map(|(i, r)| (r.0, i)).collect();
        let mut by_room: BTreeMap<usize, (Vec<String>, Vec<String>, usize)> = BTreeMap::new();
        let mut used_hand: Vec<&str> = Vec::new();
        // Cables share most of their path: each segment is marked for the labels once.
        let mut marked: HashSet<[i64; 4]> = HashSet::new();
        for c in &routing.cables {
            if let RouteSource::Hand { route_id } = &c.source {
                used_hand.push(route_id);
            }
            let Some(&ri) = colour_of.get(c.room_id.as_str()) else {
                continue;
            };
            for part in c.path.iter().filter(|p| p.floor == self.floor.id) {
                if part.points.len() < 2 {
                    continue;
                }
                let pts: Vec<(f64, f64)> = part.points.iter().map(|&p| self.view.p(p)).collect();
                for w in pts.windows(2) {
                    let key = [w[0].0, w[0].1, w[1].0, w[1].1].map(|v| (v * 10.0).round() as i64);
                    if marked.insert(key) {
                        self.lines.add(w[0], w[1], style::ROUTE / 2.0);
                    }
                }
                let mut d = PathData::new();
                d.polyline(pts.iter().copied(), false);
                let id = page.ids.unique(&format!("cable-{}", c.id));
                let el = format!("<path id=\"{id}\" d=\"{}\"/>", d.as_str());
                let e = by_room.entry(ri).or_default();
                match c.source {
                    RouteSource::Auto => e.0.push(el),
                    RouteSource::Hand { .. } => e.1.push(el),
                }
                e.2 += 1;
            }
        }
        for (ri, (auto, hand, n)) in &by_room {
            let (id, name) = rooms[*ri];
            let colour = style::route_colour(*ri);
            let layer = page.layer(
                &format!("routes-{id}"),
                &format!("Cable routes: {name} ({n} on this floor)"),
            );
            let body = &mut page.layers[layer].body;
            let _ = writeln!(
                body,
                "<g fill=\"none\" stroke=\"{colour}\" stroke-width=\"{}\" stroke-linejoin=\"round\" stroke-linecap=\"round\">",
                N(style::ROUTE)
            );
            for el in auto {
                body.push_str(el);
                body.push('\n');
            }
            if !hand.is_empty() {
                body.push_str("<g stroke-dasharray=\"1.6 0.8\">\n");
                for el in hand {
                    body.push_str(el);
                    body.push('\n');
                }
                body.push_str("</g>\n");
            }
            body.push_str("</g>\n");
            page.note(Entry::Line {
                colour: colour.to_owned(),
                width: style::ROUTE,
                dash: None,
                text: format!("Cable route to {name}"),
            });
            if !hand.is_empty() {
                page.note(Entry::Line {
                    colour: colour.to_owned(),
                    width: style::ROUTE,
                    dash: Some("1.6 0.8".into()),
                    text: format!("Cable route to {name}, drawn by hand"),
                });
            }
        }
        // Hand routes that no cable uses.
        let unused: Vec<_> = self
            .floor
            .routes
            .iter()
            .filter(|r| !is_auto_route(r) && !used_hand.contains(&r.id.as_str()))
            .filter(|r| r.points.len() >= 2)
            .collect();
        if !unused.is_empty() {
            let layer = page.layer("routes-unused", "Hand routes serving no cable");
            let mut body = String::from(
                "<g fill=\"none\" stroke=\"#8c8c8c\" stroke-width=\"0.3\" stroke-dasharray=\"1 1\">\n",
            );
            for r in unused {
                let id = page.ids.unique(&format!("route-{}", r.id));
                let mut d = PathData::new();
                d.polyline(r.points.iter().map(|&p| self.view.p(p)), false);
                let _ = writeln!(body, "<path id=\"{id}\" d=\"{}\"/>", d.as_str());
            }
            body.push_str("</g>\n");
            page.layers[layer].body.push_str(&body);
            page.note(Entry::Line {
                colour: "#8c8c8c".into(),
                width: 0.3,
                dash: Some("1 1".into()),
                text: "Hand route serving no cable".into(),
            });
        }
        colour_of
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect()
    }

    /// Telecom rooms: outline tinted in their routes' colour, the rack, name and ports.
    fn telecom_rooms(&mut self, page: &mut Page, routing: Option<&Routing>) {
        if self.floor.telecom_rooms.is_empty() {
            return;
        }
        let layer = page.layer("telecom-rooms", "Telecom rooms");
        let offset: usize = self.project.floors[..self.floor_index]
            .iter()
            .map(|f| f.telecom_rooms.len())
            .sum();
        for (i, t) in self.floor.telecom_rooms.iter().enumerate() {
            let colour = style::route_colour(offset + i);
            if let Some(o) = &t.outline {
                let mut d = PathData::new();
                d.polyline(o.exterior.iter().map(|&p| self.view.p(p)), true);
                let _ = writeln!(
                    page.layers[layer].body,
                    "<path d=\"{}\" fill=\"{colour}\" fill-opacity=\"0.15\" stroke=\"{colour}\" stroke-width=\"0.35\"/>",
                    d.as_str()
                );
            }
            let at = self.symbol(page, layer, Sym::Rack, t.position);
            let mut lines = vec![(t.name.clone(), None)];
            if let Some(load) = routing.and_then(|r| r.rooms.iter().find(|l| l.room_id == t.id)) {
                lines.push((format!("{} of {} ports", load.used, load.ports), None));
            } else {
                lines.push((format!("{} ports", t.ports), None));
            }
            self.label(layer, at, Sym::Rack.radius(), lines);
        }
        page.note(Entry::Symbol(Sym::Rack));
    }

    fn risers(&mut self, page: &mut Page) {
        if self.floor.risers.is_empty() {
            return;
        }
        let layer = page.layer("risers", "Risers");
        for r in &self.floor.risers {
            let at = self.symbol(page, layer, Sym::Riser, r.position);
            self.label(layer, at, Sym::Riser.radius(), vec![(r.name.clone(), None)]);
        }
        page.note(Entry::Symbol(Sym::Riser));
    }

    /// Access points, gateways, devices and outlets, with their labels: names and, on a
    /// cabling sheet, the cable ids (in the colour of their telecom room) or "NO CABLE".
    fn endpoints(
        &mut self,
        page: &mut Page,
        purpose: Purpose,
        routing: Option<&Routing>,
        colours: &HashMap<String, usize>,
    ) {
        // Cable ids and colour by element id.
        let mut cables: HashMap<&str, (Vec<&str>, usize)> = HashMap::new();
        let mut unserved: HashMap<&str, usize> = HashMap::new();
        if let Some(r) = routing {
            for c in &r.cables {
                let e = cables.entry(c.endpoint.element_id.as_str()).or_default();
                e.0.push(&c.id);
                e.1 = colours.get(&c.room_id).copied().unwrap_or(0);
            }
            for u in &r.unserved {
                *unserved.entry(u.endpoint.element_id.as_str()).or_default() += 1;
            }
        }
        let cabling = purpose == Purpose::Cabling;
        let cable_line = |id: &str| -> Option<(String, Option<&'static str>)> {
            if let Some((ids, ri)) = cables.get(id) {
                return Some((compact_ids(ids), Some(style::route_colour(*ri))));
            }
            unserved
                .get(id)
                .map(|_| ("NO CABLE".to_owned(), Some(style::ERROR)))
        };

        let show_aps = match purpose {
            Purpose::Cabling => true,
            Purpose::Coverage(Service::Wifi(_)) => true,
            Purpose::Coverage(Service::Iot(_)) => false,
        };
        if show_aps && !self.floor.access_points.is_empty() {
            let layer = page.layer("access-points", "Wi-Fi access points");
            for ap in &self.floor.access_points {
                let radios = ap.effective_radios();
                let shown: Vec<_> = match purpose {
                    Purpose::Coverage(Service::Wifi(b)) => {
                        radios.iter().filter(|r| r.band == b).collect()
                    }
                    _ => radios.iter().collect(),
                };
                let at = self.symbol(page, layer, Sym::Ap, ap.position);
                let mut lines = vec![(ap.name.clone(), None)];
                if cabling {
                    lines.extend(cable_line(&ap.id));
                } else if shown.is_empty() {
                    // No radio on the sheet's band: its bands, dimmed.
                    let bands: Vec<String> = radios
                        .iter()
                        .map(|r| format!("{} GHz", r.band.as_str()))
                        .collect();
                    lines.push((bands.join(" · "), Some("#8c8c8c")));
                } else {
                    lines.extend(shown.iter().map(|r| (r.label(), None)));
                }
                self.label(layer, at, Sym::Ap.radius(), lines);
            }
            page.note(Entry::Symbol(Sym::Ap));
        }
        let gateways: Vec<_> = self
            .floor
            .gateways
            .iter()
            .filter(|g| match purpose {
                Purpose::Coverage(Service::Iot(t)) => g.tech == t,
                Purpose::Coverage(Service::Wifi(_)) => false,
                Purpose::Cabling => true,
            })
            .collect();
        if !gateways.is_empty() {
            let layer = page.layer("gateways", "IoT gateways");
            for g in gateways {
                let sym = Sym::Gateway(g.tech);
                let at = self.symbol(page, layer, sym, g.position);
                let mut lines = vec![(g.name.clone(), None)];
                if !cabling {
                    lines.push((format!("{} · {} dBm", tech_name(g.tech), N(g.tx_dbm)), None));
                }
                self.label(layer, at, sym.radius(), lines);
                page.note(Entry::Symbol(sym));
            }
        }
        let devices: Vec<_> = self
            .floor
            .devices
            .iter()
            .filter(|d| match purpose {
                Purpose::Cabling => true,
                Purpose::Coverage(Service::Iot(t)) => d.tech == Some(t),
                Purpose::Coverage(Service::Wifi(_)) => false,
            })
            .collect();
        if !devices.is_empty() {
            let layer = page.layer("devices", "Devices");
            for d in devices {
                let sym = Sym::Device(d.medium);
                let at = self.symbol(page, layer, sym, d.position);
                if cabling {
                    let mut lines = vec![(d.name.clone(), None)];
                    match d.medium {
                        Medium::Wireless => lines.push((
                            d.tech.map_or("wireless", |t| tech_name(t)).to_owned(),
                            Some("#555555"),
                        )),
                        _ => lines.extend(cable_line(&d.id)),
                    }
                    self.label(layer, at, sym.radius(), lines);
                }
                page.note(Entry::Symbol(sym));
            }
        }
        if cabling && !self.floor.outlets.is_empty() {
            let layer = page.layer("outlets", "Data outlets");
            for o in &self.floor.outlets {
                let at = self.symbol(page, layer, Sym::Outlet, o.position);
                let mut lines = vec![(o.name.clone(), None)];
                lines.extend(cable_line(&o.id));
                self.label(layer, at, Sym::Outlet.radius(), lines);
            }
            page.note(Entry::Symbol(Sym::Outlet));
        }
    }

    /// The design-rule markers: numbered pills at their elements, placed like labels.
    fn markers(&mut self, page: &mut Page, ff: &FloorFindings<'_>) {
        let markers = findings::markers(ff);
        if markers.is_empty() {
            return;
        }
        let layer = page.layer("findings", "Design-rule findings");
        let mut body = String::new();
        for m in markers {
            let at = self.p(m.at);
            let w = (text::width_mm(&m.text, LABEL_MM) + 1.8).max(4.4);
            let h = 4.4;
            let req = Request {
                at,
                radius: 2.5,
                w,
                h,
            };
            let placed = labels::place(&req, &mut self.taken, &self.lines, &self.area);
            let r = placed.rect;
            let (fill, text_fill) = if m.error {
                (style::ERROR, "#fff")
            } else {
                (style::WARNING, "#000")
            };
            let end = (
                (r.x + r.w / 2.0).clamp(r.x, r.right()),
                (r.y + r.h / 2.0).clamp(r.y, r.bottom()),
            );
            let _ = writeln!(
                body,
                "<path d=\"M{}L{}\" stroke=\"{fill}\" stroke-width=\"0.3\"/><circle cx=\"{}\" cy=\"{}\" r=\"0.6\" fill=\"{fill}\"/>",
                P(at.0, at.1),
                P(end.0, end.1),
                N(at.0),
                N(at.1)
            );
            let _ = writeln!(
                body,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2.2\" fill=\"{fill}\" stroke=\"#000\" stroke-width=\"0.2\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"{text_fill}\">{}</text>",
                N(r.x),
                N(r.y),
                N(r.w),
                N(r.h),
                N(r.x + r.w / 2.0),
                N(r.y + 3.2),
                Esc(&m.text)
            );
            page.note(Entry::Marker { error: m.error });
        }
        page.layers[layer].body.push_str(&body);
    }

    /// Places every label asked for, in order, and writes them into their layers.
    fn place_labels(&mut self, page: &mut Page) {
        let jobs = std::mem::take(&mut self.jobs);
        let mut per_layer: BTreeMap<usize, (String, String, String)> = BTreeMap::new();
        for job in jobs {
            let (w, h) = label_size(&job.lines);
            let req = Request {
                at: job.at,
                radius: job.radius,
                w,
                h,
            };
            let placed = labels::place(&req, &mut self.taken, &self.lines, &self.area);
            let (masks, leaders, texts) = per_layer.entry(job.layer).or_default();
            let r = placed.rect;
            let _ = writeln!(
                masks,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                N(r.x),
                N(r.y),
                N(r.w),
                N(r.h)
            );
            if let Some((a, b)) = placed.leader {
                let _ = write!(leaders, "M{}L{}", P(a.0, a.1), P(b.0, b.1));
            }
            for (i, (line, colour)) in job.lines.iter().enumerate() {
                let y = r.y + 0.35 + 2.45 + i as f64 * 3.2;
                let fill = colour.map(|c| format!(" fill=\"{c}\"")).unwrap_or_default();
                let bold = if i == 0 { " font-weight=\"bold\"" } else { "" };
                let _ = writeln!(
                    texts,
                    "<text x=\"{}\" y=\"{}\"{fill}{bold}>{}</text>",
                    N(r.x + 0.4),
                    N(y),
                    Esc(line)
                );
            }
        }
        for (layer, (masks, leaders, texts)) in per_layer {
            let body = &mut page.layers[layer].body;
            body.push_str("<g class=\"labels\">\n");
            if !leaders.is_empty() {
                let _ = writeln!(
                    body,
                    "<path d=\"{leaders}\" fill=\"none\" stroke=\"#555\" stroke-width=\"{}\"/>",
                    N(style::THIN)
                );
            }
            let _ = writeln!(body, "<g fill=\"#fff\" fill-opacity=\"0.85\">\n{masks}</g>");
            let _ = writeln!(body, "<g>\n{texts}</g>");
            body.push_str("</g>\n");
        }
    }
}

/// What a plan draws besides the floor itself.
pub(crate) struct Overlays<'a> {
    /// What the sheet is for.
    pub purpose: Purpose,
    /// The routing, for routes, cable ids and loads (cabling sheets).
    pub routing: Option<&'a Routing>,
    /// The heatmap: its defs, its body and its clip path's id (coverage sheets).
    pub heat: Option<(String, String, Option<String>)>,
    /// The findings to mark (cabling sheets).
    pub findings: Option<&'a FloorFindings<'a>>,
}

/// Draws the plan of the floor at `floor_index` on `page` in `area` through `view`: every
/// layer, the heatmap under the walls, the findings' markers, then the labels.
pub(crate) fn draw(
    page: &mut Page,
    project: &Project,
    floor_index: usize,
    area: Rect,
    view: View,
    overlays: Overlays<'_>,
) {
    let Overlays {
        purpose,
        routing,
        heat,
        findings: ff,
    } = overlays;
    let mut plan = Plan::new(project, floor_index, area, view);
    if let Some((defs, body, clip)) = heat {
        page.defs.push_str(&defs);
        // Light enough for the plan to read through.
        let attrs = clip
            .map(|c| format!(" clip-path=\"url(#{c})\" opacity=\"0.6\""))
            .unwrap_or_else(|| " opacity=\"0.6\"".to_owned());
        let layer = page.layer_with("heatmap", "Coverage heatmap", &attrs);
        page.layers[layer].body = body;
    }
    let cabling = purpose == Purpose::Cabling;
    plan.walls(page);
    plan.openings(page);
    let rooms_layer = plan.rooms(page);
    plan.trays(page, cabling);
    let colours = match (cabling, routing) {
        (true, Some(r)) => plan.routes(page, r),
        _ => HashMap::new(),
    };
    plan.telecom_rooms(page, if cabling { routing } else { None });
    plan.risers(page);
    plan.endpoints(page, purpose, routing, &colours);
    if let Some(ff) = ff {
        plan.markers(page, ff);
    }
    // Labels: the rooms' names first, in their rooms; then every other label in the order
    // asked, around them.
    plan.room_labels(page, rooms_layer);
    plan.place_labels(page);
    // The rooms' names go above the walls and routes, under the symbols: move the layer.
    let rooms = page.layers.remove(rooms_layer);
    const ABOVE: [&str; 7] = [
        "layer-telecom-rooms",
        "layer-risers",
        "layer-access-points",
        "layer-gateways",
        "layer-devices",
        "layer-outlets",
        "layer-findings",
    ];
    let at = page
        .layers
        .iter()
        .position(|l| ABOVE.iter().any(|p| l.id().starts_with(p)))
        .unwrap_or(page.layers.len());
    page.layers.insert(at, rooms);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_cable_ids() {
        assert_eq!(compact_ids(&["0A-A01"]), "0A-A01");
        assert_eq!(compact_ids(&["0A-A01", "0A-A02"]), "0A-A01/A02");
        assert_eq!(
            compact_ids(&["0A-A01", "0A-A02", "0A-A03"]),
            "0A-A01…A03 (3)"
        );
        assert_eq!(compact_ids(&["0A-A24", "0B-A01"]), "0A-A24/0B-A01");
    }

    #[test]
    fn interior_point_of_an_l_shape() {
        let l = Polygon::new(vec![
            Point::new(0.0, 0.0),
            Point::new(10.0, 0.0),
            Point::new(10.0, 1.0),
            Point::new(1.0, 1.0),
            Point::new(1.0, 10.0),
            Point::new(0.0, 10.0),
        ]);
        assert!(l.contains(interior_point(&l)));
    }

    #[test]
    fn only_plain_colours_pass() {
        assert_eq!(safe_colour("#4a4f55"), Some("#4a4f55"));
        assert_eq!(safe_colour("#abc"), Some("#abc"));
        assert_eq!(safe_colour("red\" onload=\"x"), None);
        assert_eq!(safe_colour("#12345g"), None);
    }
}
