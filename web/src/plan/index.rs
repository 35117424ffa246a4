//! A floor indexed for the pointer: what is under the cursor, what a box holds, and the
//! points and lines a pointer can snap to.
//!
//! Walls are already in the floor's own R-tree ([`tailplan_core::WallSet`]); this index adds
//! R-trees of the other elements' vertices and symbols and of the line elements (trays,
//! routes, doors and windows), built once per floor and revision.

use std::collections::HashSet;

use rstar::primitives::{GeomWithData, Line};
use rstar::{AABB, RTree};
use tailplan_core::geometry::ring_segments;
use tailplan_core::{BBox, ElementKind, Floor, Point, Polygon, Segment};

use crate::plan::layers::{Layer, Layers};

/// An indexed point: its position and the entry it belongs to.
type PointEntry = GeomWithData<[f64; 2], u32>;
/// An indexed segment and the entry it belongs to.
type LineEntry = GeomWithData<Line<[f64; 2]>, u32>;

/// One element of the floor as the index knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The element's id.
    pub id: String,
    /// Its kind.
    pub kind: ElementKind,
    /// The layer that shows it.
    pub layer: Layer,
    /// Its extent.
    pub bbox: BBox,
}

/// The floor's elements indexed for hit testing and snapping.
#[derive(Debug, Default)]
pub struct FloorIndex {
    entries: Vec<Entry>,
    /// Entry of each wall, by the wall's index in the floor's `WallSet`.
    wall_entries: Vec<u32>,
    /// Vertices of every line and outline except walls (the wall R-tree has those).
    vertices: RTree<PointEntry>,
    /// Positions of equipment, risers and telecom rooms.
    symbols: RTree<PointEntry>,
    /// Tray segments: what the tray snap and the route tool follow.
    trays: RTree<LineEntry>,
    /// Segments of routes, doors and windows.
    lines: RTree<LineEntry>,
    /// Rooms and telecom-room outlines: entry, outline, area.
    areas: Vec<(u32, Polygon, f64)>,
}

/// Which layer shows elements of `kind`.
pub fn layer_of(kind: ElementKind) -> Layer {
    match kind {
        ElementKind::Wall => Layer::Walls,
        ElementKind::Door | ElementKind::Window => Layer::Openings,
        ElementKind::Room => Layer::Rooms,
        ElementKind::Ap | ElementKind::Gateway | ElementKind::Device | ElementKind::Outlet => {
            Layer::Devices
        }
        ElementKind::Route => Layer::Routes,
        ElementKind::TelecomRoom | ElementKind::Tray | ElementKind::Riser | ElementKind::Other => {
            Layer::Trays
        }
    }
}

fn line(s: Segment, entry: u32) -> LineEntry {
    GeomWithData::new(Line::new(s.a.into(), s.b.into()), entry)
}

fn to_segment(l: &Line<[f64; 2]>) -> Segment {
    Segment::new(l.from.into(), l.to.into())
}

fn envelope(p: Point, r: f64) -> AABB<[f64; 2]> {
    AABB::from_corners([p.x - r, p.y - r], [p.x + r, p.y + r])
}

impl FloorIndex {
    /// Indexes `floor`.
    pub fn new(floor: &Floor) -> Self {
        let mut entries: Vec<Entry> = Vec::new();
        let mut vertices = Vec::new();
        let mut symbols = Vec::new();
        let mut trays = Vec::new();
        let mut lines = Vec::new();
        let mut areas = Vec::new();
        let mut add = |id: &str, kind: ElementKind, pts: &mut dyn Iterator<Item = Point>| {
            let bbox = BBox::from_points(pts.filter(|p| p.is_finite()))?;
            entries.push(Entry {
                id: id.to_owned(),
                kind,
                layer: layer_of(kind),
                bbox,
            });
            Some((entries.len() - 1) as u32)
        };

        let mut wall_entries = Vec::with_capacity(floor.walls.len());
        for w in &floor.walls {
            let e = add(&w.id, ElementKind::Wall, &mut w.shape.points()).unwrap_or(u32::MAX);
            wall_entries.push(e);
        }
        for o in &floor.openings {
            let kind = match o.kind {
                tailplan_core::OpeningKind::Door => ElementKind::Door,
                tailplan_core::OpeningKind::Window => ElementKind::Window,
            };
            if let Some(e) = add(&o.id, kind, &mut o.points.iter().copied()) {
                vertices.extend(o.points.iter().map(|p| PointEntry::new((*p).into(), e)));
                lines.extend(
                    o.points
                        .windows(2)
                        .map(|w| line(Segment::new(w[0], w[1]), e)),
                );
            }
        }
        for r in &floor.rooms {
            if let Some(e) = add(&r.id, ElementKind::Room, &mut r.polygon.points()) {
                vertices.extend(r.polygon.points().map(|p| PointEntry::new(p.into(), e)));
                areas.push((e, r.polygon.clone(), r.polygon.area()));
            }
        }
        let mut symbol = |id: &str, kind: ElementKind, p: Point| {
            if let Some(e) = add(id, kind, &mut std::iter::once(p)) {
                symbols.push(PointEntry::new(p.into(), e));
            }
        };
        for a in &floor.access_points {
            symbol(&a.id, ElementKind::Ap, a.position);
        }
        for g in &floor.gateways {
            symbol(&g.id, ElementKind::Gateway, g.position);
        }
        for d in &floor.devices {
            symbol(&d.id, ElementKind::Device, d.position);
        }
        for o in &floor.outlets {
            symbol(&o.id, ElementKind::Outlet, o.position);
        }
        for r in &floor.risers {
            symbol(&r.id, ElementKind::Riser, r.position);
        }
        for t in &floor.telecom_rooms {
            let mut pts =
                std::iter::once(t.position).chain(t.outline.iter().flat_map(|o| o.points()));
            if let Some(e) = add(&t.id, ElementKind::TelecomRoom, &mut pts) {
                symbols.push(PointEntry::new(t.position.into(), e));
                if let Some(outline) = &t.outline {
                    vertices.extend(outline.points().map(|p| PointEntry::new(p.into(), e)));
                    areas.push((e, outline.clone(), outline.area()));
                }
            }
        }
        for t in &floor.trays {
            if let Some(e) = add(&t.id, ElementKind::Tray, &mut t.points.iter().copied()) {
                vertices.extend(t.points.iter().map(|p| PointEntry::new((*p).into(), e)));
                trays.extend(
                    t.points
                        .windows(2)
                        .map(|w| line(Segment::new(w[0], w[1]), e)),
                );
            }
        }
        for r in &floor.routes {
            if let Some(e) = add(&r.id, ElementKind::Route, &mut r.points.iter().copied()) {
                vertices.extend(r.points.iter().map(|p| PointEntry::new((*p).into(), e)));
                lines.extend(
                    r.points
                        .windows(2)
                        .map(|w| line(Segment::new(w[0], w[1]), e)),
                );
            }
        }
        for o in &floor.others {
            let pts = o.points();
            if let Some(e) = add(&o.id, ElementKind::Other, &mut pts.iter().copied()) {
                vertices.extend(pts.iter().map(|p| PointEntry::new((*p).into(), e)));
            }
        }
        let finite_point = |e: &PointEntry| e.geom().iter().all(|v| v.is_finite());
        let finite_line = |e: &LineEntry| {
            [e.geom().from, e.geom().to]
                .iter()
                .flatten()
                .all(|v| v.is_finite())
        };
        vertices.retain(finite_point);
        symbols.retain(finite_point);
        trays.retain(finite_line);
        lines.retain(finite_line);
        FloorIndex {
            entries,
            wall_entries,
            vertices: RTree::bulk_load(vertices),
            symbols: RTree::bulk_load(symbols),
            trays: RTree::bulk_load(trays),
            lines: RTree::bulk_load(lines),
            areas,
        }
    }

    /// Every indexed element.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry of the element with this id.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    fn entry_at(&self, i: u32) -> Option<&Entry> {
        self.entries.get(i as usize)
    }

    /// The element under `p`: the nearest symbol within `symbol_m`, else the nearest line
    /// (opening, route, tray, wall) within `line_m`, else the smallest telecom room or room
    /// containing `p`. Only elements on `layers` count.
    pub fn hit(
        &self,
        floor: &Floor,
        p: Point,
        symbol_m: f64,
        line_m: f64,
        layers: Layers,
    ) -> Option<&Entry> {
        let shown = |e: &&Entry| layers.shows(e.layer);
        let pt = [p.x, p.y];
        if let Some(e) = self
            .symbols
            .nearest_neighbor_iter_with_distance_2(&pt)
            .take_while(|(_, d2)| *d2 <= symbol_m * symbol_m)
            .filter_map(|(e, _)| self.entry_at(e.data))
            .find(|e| shown(e))
        {
            return Some(e);
        }
        let mut best: Option<(f64, u32)> = None;
        let mut consider = |d: f64, i: u32| {
            let shown = self.entry_at(i).is_some_and(|e| layers.shows(e.layer));
            if shown && d <= line_m && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, i));
            }
        };
        for tree in [&self.lines, &self.trays] {
            for l in tree.locate_in_envelope_intersecting(&envelope(p, line_m)) {
                consider(to_segment(l.geom()).distance_to(p), l.data);
            }
        }
        // Walls: the floor's own R-tree, padded by half the wall's thickness.
        if layers.shows(Layer::Walls) {
            for (i, s) in floor.walls.segments_in(BBox {
                min: Point::new(p.x - line_m - 2.5, p.y - line_m - 2.5),
                max: Point::new(p.x + line_m + 2.5, p.y + line_m + 2.5),
            }) {
                let half = floor.walls.get(i).map_or(0.0, |w| w.thickness_m / 2.0);
                let d = (s.distance_to(p) - half).max(0.0);
                if let Some(&e) = self.wall_entries.get(i) {
                    consider(d, e);
                }
            }
        }
        if let Some((_, i)) = best {
            return self.entry_at(i);
        }
        self.areas
            .iter()
            .filter(|(_, poly, _)| poly.contains(p))
            .filter_map(|(e, _, area)| Some((self.entry_at(*e)?, *area)))
            .filter(|(e, _)| shown(e))
            // Telecom rooms before the rooms they sit in, then the smallest.
            .min_by(|a, b| {
                let rank = |e: &Entry| u8::from(e.kind != ElementKind::TelecomRoom);
                (rank(a.0), a.1)
                    .partial_cmp(&(rank(b.0), b.1))
                    .unwrap_or(std::cmp::Ordering::Equal)
            })
            .map(|(e, _)| e)
    }

    /// The ids of the elements on `layers` lying wholly inside `bbox`, in index order.
    pub fn inside(&self, bbox: BBox, layers: Layers) -> Vec<String> {
        self.entries
            .iter()
            .filter(|e| layers.shows(e.layer))
            .filter(|e| {
                e.bbox.min.x >= bbox.min.x
                    && e.bbox.max.x <= bbox.max.x
                    && e.bbox.min.y >= bbox.min.y
                    && e.bbox.max.y <= bbox.max.y
            })
            .map(|e| e.id.clone())
            .collect()
    }

    /// The extent of the elements with these ids.
    pub fn bbox_of<'a>(&self, ids: impl IntoIterator<Item = &'a String>) -> Option<BBox> {
        let ids: HashSet<&String> = ids.into_iter().collect();
        self.entries
            .iter()
            .filter(|e| ids.contains(&e.id))
            .map(|e| e.bbox)
            .reduce(BBox::union)
    }

    /// Vertices and symbol positions within `r` of `p` (not walls'), with their element's
    /// id: (point, id, is a symbol).
    pub fn points_near(&self, p: Point, r: f64) -> impl Iterator<Item = (Point, &str, bool)> + '_ {
        let env = envelope(p, r);
        let v = self.vertices.locate_in_envelope(&env).map(|e| (e, false));
        let s = self.symbols.locate_in_envelope(&env).map(|e| (e, true));
        v.chain(s).filter_map(move |(e, symbol)| {
            let id = self.entry_at(e.data)?.id.as_str();
            Some((Point::from(*e.geom()), id, symbol))
        })
    }

    /// Tray segments near `p` (within `r` of their boxes), with the tray's id.
    pub fn trays_near(&self, p: Point, r: f64) -> impl Iterator<Item = (Segment, &str)> + '_ {
        self.trays
            .locate_in_envelope_intersecting(&envelope(p, r))
            .filter_map(|l| Some((to_segment(l.geom()), self.entry_at(l.data)?.id.as_str())))
    }

    /// The symbol (equipment, riser, telecom room) nearest to `p` within `r` whose kind is
    /// one of `kinds`.
    pub fn symbol_near(&self, p: Point, r: f64, kinds: &[ElementKind]) -> Option<(&Entry, Point)> {
        self.symbols
            .nearest_neighbor_iter_with_distance_2(&[p.x, p.y])
            .take_while(|(_, d2)| *d2 <= r * r)
            .filter_map(|(e, _)| Some((self.entry_at(e.data)?, Point::from(*e.geom()))))
            .find(|(e, _)| kinds.contains(&e.kind))
    }

    /// The telecom room whose outline holds `p`, if any.
    pub fn telecom_room_at(&self, p: Point) -> Option<&Entry> {
        self.areas
            .iter()
            .filter(|(_, poly, _)| poly.contains(p))
            .filter_map(|(e, _, _)| self.entry_at(*e))
            .find(|e| e.kind == ElementKind::TelecomRoom)
    }
}

/// The outline segments of a polygon (every ring, closed).
pub fn polygon_segments(p: &Polygon) -> Vec<Segment> {
    std::iter::once(&p.exterior)
        .chain(p.holes.iter())
        .flat_map(|r| ring_segments(r))
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use tailplan_core::{AccessPoint, Props, Room, Shape, TelecomRoom, Tray, Wall, WifiBand};

    use super::*;

    pub(crate) fn p(x: f64, y: f64) -> Point {
        Point::new(x, y)
    }

    /// A 20 x 10 m floor: four walls, a room, a tray along y = 8, an AP and a telecom room.
    pub(crate) fn floor() -> Floor {
        let mut f = Floor::new("1", "L1", 0.0);
        let wall = |id: &str, a: Point, b: Point| Wall {
            id: id.into(),
            shape: Shape::Line(vec![a, b]),
            material: Some("concrete".into()),
            loss_db: None,
            thickness_m: 0.2,
            props: Props::new(),
        };
        f.walls.push(wall("w1", p(0.0, 0.0), p(20.0, 0.0)));
        f.walls.push(wall("w2", p(20.0, 0.0), p(20.0, 10.0)));
        f.walls.push(wall("w3", p(20.0, 10.0), p(0.0, 10.0)));
        f.walls.push(wall("w4", p(0.0, 10.0), p(0.0, 0.0)));
        f.rooms.push(Room {
            id: "r1".into(),
            name: "Hall".into(),
            polygon: Polygon::rect(p(0.0, 0.0), p(20.0, 10.0)),
            category: None,
            people: None,
            props: Props::new(),
        });
        f.trays.push(Tray {
            id: "t1".into(),
            name: "T1".into(),
            points: vec![p(2.0, 8.0), p(18.0, 8.0)],
            capacity: None,
            width_mm: Some(300.0),
            depth_mm: None,
            height_m: None,
            props: Props::new(),
        });
        f.access_points.push(AccessPoint {
            id: "ap1".into(),
            name: "AP-1".into(),
            position: p(5.0, 5.0),
            model: None,
            radios: vec![tailplan_core::Radio::new(WifiBand::Ghz5, 20.0)],
            height_m: 2.8,
            poe_w: None,
            eirp_offset_db: None,
            props: Props::new(),
        });
        f.telecom_rooms.push(TelecomRoom {
            id: "tr1".into(),
            name: "TR-1".into(),
            position: p(17.5, 2.0),
            outline: Some(Polygon::rect(p(16.0, 0.5), p(19.0, 3.5))),
            ports: 48,
            poe_budget_w: None,
            role: Default::default(),
            switch_model: None,
            switches: None,
            props: Props::new(),
        });
        f
    }

    #[test]
    fn hits_prefer_symbols_then_lines_then_areas() {
        let f = floor();
        let ix = FloorIndex::new(&f);
        let all = Layers::all();
        let hit = |x, y| ix.hit(&f, p(x, y), 0.5, 0.3, all).map(|e| e.id.clone());
        assert_eq!(hit(5.2, 5.1).as_deref(), Some("ap1"));
        assert_eq!(hit(10.0, 8.1).as_deref(), Some("t1"));
        // Within half the wall's thickness plus the tolerance.
        assert_eq!(hit(10.0, 0.35).as_deref(), Some("w1"));
        assert_eq!(hit(17.0, 1.0).as_deref(), Some("tr1"));
        assert_eq!(hit(10.0, 4.0).as_deref(), Some("r1"));
        assert_eq!(hit(30.0, 4.0), None);
        // Hidden layers cannot be hit.
        let no_devices = all.with(Layer::Devices, false);
        assert_eq!(
            ix.hit(&f, p(5.0, 5.0), 0.5, 0.3, no_devices)
                .map(|e| e.id.as_str()),
            Some("r1")
        );
    }

    #[test]
    fn a_box_selects_what_it_wholly_holds() {
        let f = floor();
        let ix = FloorIndex::new(&f);
        let b = BBox {
            min: p(1.0, 0.4),
            max: p(19.5, 9.0),
        };
        assert_eq!(ix.inside(b, Layers::all()), ["ap1", "tr1", "t1"]);
        assert_eq!(
            ix.inside(b, Layers::all().with(Layer::Trays, false)),
            ["ap1"]
        );
        let bb = ix.bbox_of(&["ap1".to_owned(), "t1".to_owned()]).unwrap();
        assert_eq!((bb.min, bb.max), (p(2.0, 5.0), p(18.0, 8.0)));
        assert_eq!(ix.entry("w3").unwrap().kind, ElementKind::Wall);
    }

    #[test]
    fn nearby_points_trays_and_telecom_rooms() {
        let f = floor();
        let ix = FloorIndex::new(&f);
        let near: Vec<_> = ix.points_near(p(2.1, 8.1), 0.5).collect();
        assert_eq!(near, [(p(2.0, 8.0), "t1", false)]);
        assert_eq!(ix.trays_near(p(9.0, 8.2), 0.5).count(), 1);
        let (e, at) = ix
            .symbol_near(p(17.4, 2.2), 1.0, &[ElementKind::TelecomRoom])
            .unwrap();
        assert_eq!((e.id.as_str(), at), ("tr1", p(17.5, 2.0)));
        assert!(
            ix.symbol_near(p(5.0, 5.0), 1.0, &[ElementKind::TelecomRoom])
                .is_none()
        );
        assert_eq!(ix.telecom_room_at(p(18.5, 3.0)).unwrap().id, "tr1");
        assert!(ix.telecom_room_at(p(5.0, 5.0)).is_none());
    }
}
