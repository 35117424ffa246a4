//! A flattened 2D drawing, as the DXF and SVG readers produce it, and how it becomes a floor:
//! layers mapped to roles, wall lines cleaned up into centrelines, closed outlines into rooms,
//! texts into room names, door arcs and window lines into openings, and every line kept as the
//! floor's vector underlay.

use tailplan_core::wall_cleanup::{
    CleanupParams, CleanupStats, WallFill, WallPiece, clean_walls, clean_walls_with_fills,
};
use tailplan_core::{
    Diagnostic, Floor, IdAllocator, LayerRecord, LayerRole, MappingSource, Opening, OpeningKind,
    Point, Polygon, Room, Shape, Underlay, UnderlayKind, UnderlayLayer, Wall,
};

use crate::geojson::typical_thickness_m;
use crate::layers::{LayerMap, resolve};

/// A layer of a drawing.
#[derive(Debug, Clone, Default)]
pub(crate) struct Layer {
    pub name: String,
    /// Entities counted on it (a block reference counts once, on the layer it is placed on).
    pub entities: usize,
    pub hidden: bool,
}

/// What a drawn thing is, once flattened to points in drawing units.
#[derive(Debug, Clone)]
pub(crate) enum Shape2 {
    /// A polyline or outline; `fill` when it is painted inside (an SVG fill, a DXF SOLID or
    /// HATCH): the painted shape it is a ring of ([`Drawing::new_fill`]; the rings of one
    /// shape paint even-odd, so a hatch's inner boundaries are holes).
    Line {
        points: Vec<Point>,
        closed: bool,
        fill: Option<usize>,
    },
    /// A circular arc (kept apart for door swings): centre, radius, both ends; its flattened
    /// points are in `points` for the underlay.
    Arc {
        centre: Point,
        radius: f64,
        ends: [Point; 2],
        points: Vec<Point>,
    },
    /// A text's insertion point and its plain text.
    Text { at: Point, text: String },
}

/// One flattened thing on a layer.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub layer: usize,
    pub shape: Shape2,
}

/// A drawing in its own units, ready to become a floor.
#[derive(Debug, Clone, Default)]
pub(crate) struct Drawing {
    pub layers: Vec<Layer>,
    pub items: Vec<Item>,
    /// Painted shapes numbered so far.
    pub fills: usize,
}

impl Drawing {
    /// A new painted shape's number, for the rings of one fill.
    pub fn new_fill(&mut self) -> usize {
        self.fills += 1;
        self.fills - 1
    }

    /// The index of the layer called `name`, added when new.
    pub fn layer(&mut self, name: &str) -> usize {
        match self.layers.iter().position(|l| l.name == name) {
            Some(i) => i,
            None => {
                self.layers.push(Layer {
                    name: name.to_owned(),
                    ..Layer::default()
                });
                self.layers.len() - 1
            }
        }
    }
}

/// How to build the floor.
pub(crate) struct BuildOptions<'a> {
    pub source: &'a str,
    pub floor: Floor,
    /// Metres per drawing unit.
    pub scale: f64,
    /// True when y grows downwards in the drawing (SVG): it is flipped so north is up.
    pub flip_y: bool,
    /// The drawing point that becomes the floor's origin.
    pub origin: Point,
    pub layer_map: &'a LayerMap,
    pub cleanup: &'a CleanupParams,
    pub include_hidden: bool,
    pub keep_underlay: bool,
}

/// What building made, besides the floor.
pub(crate) struct Built {
    pub floor: Floor,
    pub layers: Vec<LayerRecord>,
    pub walls: CleanupStats,
    pub diagnostics: Vec<Diagnostic>,
}

fn mm(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Turns a drawing into a floor; see the module documentation.
pub(crate) fn build(drawing: &Drawing, o: BuildOptions, ids: &mut IdAllocator) -> Built {
    let mut diagnostics = Vec::new();
    let (ox, oy) = (o.origin.x, o.origin.y);
    let s = o.scale;
    let flip = if o.flip_y { -1.0 } else { 1.0 };
    let tf = |p: Point| Point::new(mm((p.x - ox) * s), mm(flip * (p.y - oy) * s));

    // Roles.
    let mut roles: Vec<(LayerRole, MappingSource)> = drawing
        .layers
        .iter()
        .map(|l| resolve(o.layer_map, &l.name))
        .collect();
    let drawn = |i: usize| {
        drawing
            .items
            .iter()
            .any(|it| it.layer == i && !matches!(it.shape, Shape2::Text { .. }))
    };
    let any_wall = roles.iter().enumerate().any(|(i, (r, _))| {
        r.is_wall() && drawn(i) && (o.include_hidden || !drawing.layers[i].hidden)
    });
    let mut fallback_layers = vec![false; drawing.layers.len()];
    if !any_wall {
        let fallback: Vec<String> = roles
            .iter_mut()
            .enumerate()
            .filter(|(i, (r, src))| {
                *src == MappingSource::Fallback && *r == LayerRole::Ignored && drawn(*i)
            })
            .map(|(i, (r, _))| {
                *r = LayerRole::Wall(tailplan_core::DEFAULT_WALL_MATERIAL.to_owned());
                fallback_layers[i] = true;
                drawing.layers[i].name.clone()
            })
            .collect();
        if !fallback.is_empty() {
            diagnostics.push(Diagnostic::warning(
                o.source,
                format!(
                    "no layer is named like walls: the lines of layer(s) {} were read as drywall walls; map layers with --layers \"NAME=concrete,...\"",
                    fallback.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ")
                ),
            ));
        }
    }
    let active = |i: usize| o.include_hidden || !drawing.layers[i].hidden;

    let mut floor = o.floor;
    let mut pieces = Vec::new();
    let mut room_rings: Vec<Vec<Point>> = Vec::new();
    let mut labels: Vec<(Point, String)> = Vec::new();
    let mut door_arcs: Vec<(Point, f64, [Point; 2])> = Vec::new();
    let mut window_pieces = Vec::new();
    // Filled outlines on wall layers: wall poché (SVG fills, DXF SOLIDs and HATCHes), by the
    // painted shape they are rings of.
    let mut fills: Vec<WallFill> = Vec::new();
    let mut fill_of: std::collections::HashMap<usize, usize> = Default::default();
    let mut underlay: Vec<UnderlayLayer> = drawing
        .layers
        .iter()
        .map(|l| UnderlayLayer {
            name: l.name.clone(),
            ..Default::default()
        })
        .collect();

    for item in &drawing.items {
        let (role, _) = &roles[item.layer];
        let on = active(item.layer);
        match &item.shape {
            Shape2::Line {
                points,
                closed,
                fill,
            } => {
                let pts: Vec<Point> = points.iter().map(|&p| tf(p)).collect();
                if on {
                    let ul = &mut underlay[item.layer];
                    if *closed {
                        ul.rings.push(pts.clone());
                    } else {
                        ul.lines.push(pts.clone());
                    }
                }
                if !on {
                    continue;
                }
                if fallback_layers[item.layer] && !*closed {
                    // A door swing on a layer nobody named: a door, not a wall.
                    if let Some(swing) = swing_of_polyline(&pts).filter(is_door_sized) {
                        door_arcs.push(swing);
                        continue;
                    }
                }
                match role {
                    LayerRole::Wall(m) if *closed && fill.is_some() && pts.len() >= 3 => {
                        let k = *fill_of.entry(fill.unwrap_or_default()).or_insert_with(|| {
                            fills.push(WallFill {
                                rings: Vec::new(),
                                material: m.clone(),
                                priority: 2,
                            });
                            fills.len() - 1
                        });
                        fills[k].rings.push(pts);
                    }
                    LayerRole::Wall(m) => {
                        pieces.push(WallPiece {
                            points: pts,
                            closed: *closed,
                            material: m.clone(),
                            priority: 2,
                        });
                    }
                    LayerRole::Room if *closed && pts.len() >= 3 => room_rings.push(pts),
                    LayerRole::Window => window_pieces.push(WallPiece {
                        points: pts,
                        closed: *closed,
                        material: "glass".into(),
                        priority: 1,
                    }),
                    LayerRole::Door if !*closed => {
                        if let Some(swing) = swing_of_polyline(&pts) {
                            door_arcs.push(swing);
                        }
                    }
                    _ => {}
                }
            }
            Shape2::Arc {
                centre,
                radius,
                ends,
                points,
            } => {
                let pts: Vec<Point> = points.iter().map(|&p| tf(p)).collect();
                if on {
                    underlay[item.layer].lines.push(pts.clone());
                } else {
                    continue;
                }
                match role {
                    LayerRole::Wall(m) => pieces.push(WallPiece {
                        points: pts,
                        closed: false,
                        material: m.clone(),
                        priority: 2,
                    }),
                    LayerRole::Door => {
                        door_arcs.push((tf(*centre), radius * s, [tf(ends[0]), tf(ends[1])]))
                    }
                    _ => {}
                }
            }
            Shape2::Text { at, text } => {
                if on
                    && !matches!(
                        role,
                        LayerRole::Ignored | LayerRole::Door | LayerRole::Window
                    )
                    && !text.trim().is_empty()
                {
                    labels.push((tf(*at), text.trim().to_owned()));
                }
            }
        }
    }

    // A door leaf drawn as a line from a swing's hinge, as long as its radius, is the door's,
    // not a wall (on a layer no rule named, leaves and walls are one layer).
    let swings = SwingIndex::new(&door_arcs);
    if !door_arcs.is_empty() {
        pieces.retain(|p| p.points.len() != 2 || !swings.is_leaf(p.points[0], p.points[1]));
    }
    // Stair flights drawn with the walls: their treads are no walls.
    let (mut pieces, flights, stair_lines) = crate::stairs::drop_stairs(pieces);
    if !flights.is_empty() {
        diagnostics.push(Diagnostic::info(
            o.source,
            format!(
                "{} stair flight(s) ({} treads) drawn among the wall lines: their {stair_lines} line(s) are no walls, left out",
                flights.len(),
                flights.iter().map(|f| f.treads).sum::<usize>()
            ),
        ));
    }

    // Rooms, named by the labels inside them (the smallest room holding a label gets it).
    let mut rooms: Vec<(Polygon, Vec<String>)> = Vec::new();
    for ring in &room_rings {
        let poly = Polygon::new(ring.clone());
        if poly.area() < 0.5 {
            continue;
        }
        // The same outline drawn twice is one room.
        if rooms.iter().any(|(p, _)| same_ring(&p.exterior, ring)) {
            continue;
        }
        rooms.push((poly, Vec::new()));
    }
    let mut unplaced = 0;
    for (at, text) in &labels {
        let best = rooms
            .iter_mut()
            .filter(|(p, _)| p.contains(*at))
            .min_by(|a, b| a.0.area().total_cmp(&b.0.area()));
        match best {
            Some((_, names)) => names.push(text.clone()),
            None => unplaced += 1,
        }
    }
    if unplaced > 0 && !rooms.is_empty() {
        diagnostics.push(Diagnostic::info(
            o.source,
            format!("{unplaced} label(s) lie in no room outline and name nothing"),
        ));
    }

    // Walls derived from room outlines when most of the outlines have no wall line along
    // them: the outlines are then the only partitions the drawing has.
    let covered = room_edges_near_walls(&rooms, &pieces, &fills);
    if !rooms.is_empty() && covered < 0.5 {
        for (p, _) in &rooms {
            pieces.push(WallPiece {
                points: p.exterior.clone(),
                closed: true,
                material: tailplan_core::DEFAULT_WALL_MATERIAL.into(),
                priority: 1,
            });
        }
        diagnostics.push(Diagnostic::info(
            o.source,
            format!(
                "only {:.0} % of the room outlines run along a wall line: the room outlines were also made drywall walls",
                covered * 100.0
            ),
        ));
    }

    let (mut walls, mut stats, fill_stats) = clean_walls_with_fills(&pieces, &fills, o.cleanup);
    if fill_stats.rings > 0 {
        diagnostics.push(Diagnostic::info(
            o.source,
            format!(
                "{} filled wall shape(s) (poché) read as wall outlines: {} centreline(s) down the middle of the paint; {} stretch(es) of their edges with paint on both sides (seams of fills split into triangles, fills side by side) are no faces; {} stretch(es) of lines lying in the paint or along its edge are left out",
                fill_stats.rings, fill_stats.centrelines, fill_stats.seams, fill_stats.lines_covered
            ),
        ));
    }
    // A door leaf drawn as a thin outline became a centreline along a swing's radius: it is
    // the door's leaf, not a wall.
    if !door_arcs.is_empty() {
        walls.retain(|w| !swings.is_leaf(w.a, w.b));
        stats.walls_out = walls.len();
    }

    // Openings: door swings (from the hinge to the jamb the leaf closes on), window
    // centrelines.
    let mut openings: Vec<Opening> = Vec::new();
    for (centre, radius, ends) in &door_arcs {
        if *radius < 0.4 || *radius > 2.5 {
            continue;
        }
        let jamb = door_jamb(*centre, ends, &walls);
        openings.push(Opening {
            id: ids.next("door"),
            kind: OpeningKind::Door,
            points: vec![*centre, jamb],
            material: OpeningKind::Door.default_material().into(),
            open: false,
            props: Default::default(),
        });
    }
    let (window_lines, _) = clean_walls(&window_pieces, o.cleanup);
    for w in window_lines {
        openings.push(Opening {
            id: ids.next("window"),
            kind: OpeningKind::Window,
            points: vec![w.a, w.b],
            material: OpeningKind::Window.default_material().into(),
            open: false,
            props: Default::default(),
        });
    }

    let walls = cut_at_openings(walls, &openings);
    for w in walls {
        let material = w.material.clone();
        let thickness_m = w
            .thickness_m
            .unwrap_or_else(|| typical_thickness_m(Some(&material)));
        floor.walls.push(Wall {
            id: ids.next("wall"),
            shape: Shape::Line(vec![round(w.a), round(w.b)]),
            material: Some(material),
            loss_db: None,
            thickness_m,
            props: Default::default(),
        });
    }
    floor.openings.extend(openings);
    let mut n_room = 0;
    for (poly, names) in rooms {
        n_room += 1;
        let name = if names.is_empty() {
            format!("Room {n_room}")
        } else {
            names.join(" ")
        };
        floor.rooms.push(Room {
            id: ids.next("room"),
            name,
            polygon: poly,
            category: None,
            people: None,
            props: Default::default(),
        });
    }
    if o.keep_underlay {
        let layers: Vec<UnderlayLayer> = underlay
            .into_iter()
            .filter(|l| !l.lines.is_empty() || !l.rings.is_empty())
            .collect();
        if !layers.is_empty() {
            let n = floor.underlays.len() + 1;
            floor.underlays.push(Underlay {
                id: format!("drawing-{n}"),
                source: o.source.to_owned(),
                visible: true,
                kind: UnderlayKind::Vector { layers },
            });
        }
    }
    let layers = drawing
        .layers
        .iter()
        .zip(roles)
        .map(|(l, (role, source))| LayerRecord {
            name: l.name.clone(),
            entities: l.entities,
            role,
            source,
            hidden: l.hidden && !o.include_hidden,
        })
        .collect();
    Built {
        floor,
        layers,
        walls: stats,
        diagnostics,
    }
}

/// A door swing drawn as a polyline (an SVG arc, which usvg turns into curves; a DXF
/// polyline with a bulge): its circle's centre, radius and ends, when every point lies on the
/// circle through the first, middle and last points (within 2 % of the radius) and it turns
/// by 30° to 180°.
fn swing_of_polyline(points: &[Point]) -> Option<(Point, f64, [Point; 2])> {
    if points.len() < 4 {
        return None;
    }
    let (a, b, c) = (
        points[0],
        points[points.len() / 2],
        points[points.len() - 1],
    );
    let d = 2.0 * (a.x * (b.y - c.y) + b.x * (c.y - a.y) + c.x * (a.y - b.y));
    if d.abs() < 1e-12 {
        return None;
    }
    let sq = |p: Point| p.x * p.x + p.y * p.y;
    let centre = Point::new(
        (sq(a) * (b.y - c.y) + sq(b) * (c.y - a.y) + sq(c) * (a.y - b.y)) / d,
        (sq(a) * (c.x - b.x) + sq(b) * (a.x - c.x) + sq(c) * (b.x - a.x)) / d,
    );
    let r = centre.distance(a);
    if !r.is_finite()
        || points
            .iter()
            .any(|p| (p.distance(centre) - r).abs() > 0.02 * r)
    {
        return None;
    }
    let (u, v) = (
        (a.x - centre.x, a.y - centre.y),
        (c.x - centre.x, c.y - centre.y),
    );
    let turn = (u.0 * v.1 - u.1 * v.0)
        .atan2(u.0 * v.0 + u.1 * v.1)
        .abs()
        .to_degrees();
    (30.0..=180.0)
        .contains(&turn)
        .then_some((centre, r, [a, c]))
}

/// The door swings by where their hinges are (a grid of 1 m cells), to tell door leaves
/// from walls without comparing every line with every door.
struct SwingIndex<'a> {
    swings: &'a [(Point, f64, [Point; 2])],
    cells: std::collections::HashMap<(i64, i64), Vec<usize>>,
}

impl<'a> SwingIndex<'a> {
    fn cell(p: Point) -> (i64, i64) {
        (p.x.floor() as i64, p.y.floor() as i64)
    }

    fn new(swings: &'a [(Point, f64, [Point; 2])]) -> Self {
        let mut cells: std::collections::HashMap<(i64, i64), Vec<usize>> = Default::default();
        for (i, (c, _, _)) in swings.iter().enumerate() {
            cells.entry(Self::cell(*c)).or_default().push(i);
        }
        SwingIndex { swings, cells }
    }

    /// True when the line a-b lies along the radius of a door swing (from its hinge to one of
    /// its ends, about as long): a door leaf drawn open, not a wall. One end of such a line
    /// is within half a metre of the hinge (swings are at most 2.5 m).
    fn is_leaf(&self, a: Point, b: Point) -> bool {
        let near = |p: Point| {
            let (x, y) = Self::cell(p);
            (-1..=1).flat_map(move |dx| (-1..=1).map(move |dy| (x + dx, y + dy)))
        };
        near(a).chain(near(b)).any(|k| {
            self.cells.get(&k).is_some_and(|ids| {
                ids.iter().any(|&i| {
                    let (c, r, ends) = &self.swings[i];
                    let tol = 0.05 + 0.03 * r;
                    ends.iter().any(|&e| {
                        let radius = tailplan_core::Segment::new(*c, e);
                        radius.distance_to(a) < tol
                            && radius.distance_to(b) < tol
                            && (a.distance(b) - r).abs() < 0.15 * r
                    })
                })
            })
        })
    }
}

/// A swing that is a door's: a quarter circle (75° to 105°) of 0.6 to 1.5 m.
fn is_door_sized((centre, r, ends): &(Point, f64, [Point; 2])) -> bool {
    let (u, v) = (
        (ends[0].x - centre.x, ends[0].y - centre.y),
        (ends[1].x - centre.x, ends[1].y - centre.y),
    );
    let turn = (u.0 * v.1 - u.1 * v.0)
        .atan2(u.0 * v.0 + u.1 * v.1)
        .abs()
        .to_degrees();
    (0.6..=1.5).contains(r) && (75.0..=105.0).contains(&turn)
}

/// Which end of a door swing's arc is the jamb the leaf closes on (the other is the open
/// leaf's tip): the end lying along the wall the hinge sits in, when a wall runs within
/// 0.5 m of the hinge; else the end nearer a wall. The first rule also holds for the
/// leaves of a double door, whose closing point (the middle of the opening) is far from
/// any wall.
fn door_jamb(
    hinge: Point,
    ends: &[Point; 2],
    walls: &[tailplan_core::wall_cleanup::CleanWall],
) -> Point {
    let segment =
        |w: &tailplan_core::wall_cleanup::CleanWall| tailplan_core::Segment::new(w.a, w.b);
    let host = walls
        .iter()
        .map(|w| (segment(w).distance_to(hinge), w))
        .filter(|(d, w)| *d <= 0.5 && w.a != w.b)
        .min_by(|a, b| a.0.total_cmp(&b.0));
    if let Some((_, w)) = host {
        let along = |p: Point| {
            let (dx, dy) = (w.b.x - w.a.x, w.b.y - w.a.y);
            let (ex, ey) = (p.x - hinge.x, p.y - hinge.y);
            let n = (dx.hypot(dy) * ex.hypot(ey)).max(1e-12);
            ((dx * ex + dy * ey) / n).abs()
        };
        let (a0, a1) = (along(ends[0]), along(ends[1]));
        if (a0 - a1).abs() > 0.3 {
            return if a0 > a1 { ends[0] } else { ends[1] };
        }
    }
    let near_wall = |p: Point| {
        walls
            .iter()
            .map(|w| segment(w).distance_to(p))
            .fold(f64::INFINITY, f64::min)
    };
    if near_wall(ends[0]) <= near_wall(ends[1]) {
        ends[0]
    } else {
        ends[1]
    }
}

fn round(p: Point) -> Point {
    Point::new(mm(p.x), mm(p.y))
}

/// The fraction of the rooms' outline length that lies within 0.6 m of a wall line or fill.
fn room_edges_near_walls(
    rooms: &[(Polygon, Vec<String>)],
    pieces: &[WallPiece],
    fills: &[WallFill],
) -> f64 {
    let lines = pieces
        .iter()
        .map(|p| (&p.points, p.closed))
        .chain(fills.iter().flat_map(|f| &f.rings).map(|r| (r, true)));
    let walls: tailplan_core::WallSet = lines
        .map(|(points, closed)| {
            let mut pts = points.clone();
            if closed && pts.len() > 2 {
                pts.push(pts[0]);
            }
            Wall {
                id: String::new(),
                shape: Shape::Line(pts),
                material: None,
                loss_db: None,
                thickness_m: 0.1,
                props: Default::default(),
            }
        })
        .collect();
    // Every 0.5 m, or wider when the outlines are so long (a hostile file: a room edge of
    // thousands of kilometres) that there would be more than MAX_SAMPLES samples.
    const MAX_SAMPLES: f64 = 200_000.0;
    let perimeter: f64 = rooms
        .iter()
        .flat_map(|(poly, _)| poly.edges())
        .map(|e| e.length())
        .filter(|l| l.is_finite())
        .sum();
    let step = (perimeter / MAX_SAMPLES).max(0.5);
    let (mut near, mut total) = (0usize, 0usize);
    for (poly, _) in rooms {
        for e in poly.edges() {
            let n = ((e.length() / step).ceil() as usize).clamp(1, MAX_SAMPLES as usize);
            for k in 0..n {
                let p = e.a.lerp(e.b, (k as f64 + 0.5) / n as f64);
                total += 1;
                if walls.nearest_segment(p, 0.6).is_some() {
                    near += 1;
                }
            }
        }
    }
    if total == 0 {
        1.0
    } else {
        near as f64 / total as f64
    }
}

fn same_ring(a: &[Point], b: &[Point]) -> bool {
    let strip = |r: &[Point]| -> Vec<Point> {
        let mut v = r.to_vec();
        if v.len() > 1 && v.first() == v.last() {
            v.pop();
        }
        v
    };
    let (a, b) = (strip(a), strip(b));
    a.len() == b.len() && b.iter().all(|p| a.iter().any(|q| q.distance(*p) < 0.01))
}

/// Removes from each wall the stretch an opening lying along it covers, so that a door or a
/// window is a gap in its wall with a material of its own, not an extra layer on top of it.
pub(crate) fn cut_at_openings(
    walls: Vec<tailplan_core::wall_cleanup::CleanWall>,
    openings: &[Opening],
) -> Vec<tailplan_core::wall_cleanup::CleanWall> {
    let mut out = Vec::with_capacity(walls.len());
    for w in walls {
        let len = w.a.distance(w.b);
        if len == 0.0 {
            continue;
        }
        let (ux, uy) = ((w.b.x - w.a.x) / len, (w.b.y - w.a.y) / len);
        let param = |p: Point| (p.x - w.a.x) * ux + (p.y - w.a.y) * uy;
        let off = |p: Point| (-(p.x - w.a.x) * uy + (p.y - w.a.y) * ux).abs();
        let band = w.thickness_m.unwrap_or(0.1).max(0.1) / 2.0 + 0.05;
        let mut cuts: Vec<(f64, f64)> = openings
            .iter()
            .filter(|o| o.points.len() == 2)
            .filter(|o| off(o.points[0]) <= band && off(o.points[1]) <= band)
            .map(|o| {
                let (t0, t1) = (param(o.points[0]), param(o.points[1]));
                (t0.min(t1), t0.max(t1))
            })
            .filter(|&(t0, t1)| t1 > 0.0 && t0 < len && t1 - t0 > 0.05)
            .collect();
        if cuts.is_empty() {
            out.push(w);
            continue;
        }
        cuts.sort_by(|a, b| a.0.total_cmp(&b.0));
        let at = |t: f64| Point::new(mm(w.a.x + ux * t), mm(w.a.y + uy * t));
        let mut start = 0.0;
        for (c0, c1) in cuts {
            if c0 > start + 0.05 {
                out.push(tailplan_core::wall_cleanup::CleanWall {
                    a: at(start),
                    b: at(c0),
                    ..w.clone()
                });
            }
            start = start.max(c1);
        }
        if len > start + 0.05 {
            out.push(tailplan_core::wall_cleanup::CleanWall {
                a: at(start),
                b: at(len),
                ..w.clone()
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64) -> Point {
        Point::new(x, y)
    }

    fn line(points: &[(f64, f64)], closed: bool, fill: Option<usize>) -> Shape2 {
        Shape2::Line {
            points: points.iter().map(|&(x, y)| p(x, y)).collect(),
            closed,
            fill,
        }
    }

    /// Builds a floor from shapes on one layer nobody named (so its lines are walls by the
    /// fallback), in metres.
    fn build_one_layer(shapes: Vec<Shape2>) -> Built {
        let mut d = Drawing::default();
        let l = d.layer("Group");
        for shape in shapes {
            d.items.push(Item { layer: l, shape });
        }
        build(
            &d,
            BuildOptions {
                source: "t.svg",
                floor: Floor::new("0", "0", 0.0),
                scale: 1.0,
                flip_y: false,
                origin: p(0.0, 0.0),
                layer_map: &LayerMap::default(),
                cleanup: &CleanupParams::default(),
                include_hidden: false,
                keep_underlay: true,
            },
            &mut IdAllocator::default(),
        )
    }

    fn crossings(f: &Floor, a: Point, b: Point) -> usize {
        let mut w: Vec<usize> = f
            .walls
            .segments_crossing(tailplan_core::Segment::new(a, b))
            .map(|(i, _)| i)
            .collect();
        w.sort_unstable();
        w.dedup();
        w.len()
    }

    #[test]
    fn a_wall_fill_split_into_triangles_is_one_wall() {
        // A 4 m x 0.2 m wall filled as two triangles, each with its stroked copy, as design
        // tools export it: the diagonal has fill on both sides and is no face.
        let (a, b, c, d) = ((0.0, 0.0), (4.0, 0.0), (4.0, 0.2), (0.0, 0.2));
        let built = build_one_layer(vec![
            line(&[a, b, c], true, Some(0)),
            line(&[a, c, d], true, Some(1)),
            line(&[a, b, c], true, None),
            line(&[a, c, d], true, None),
        ]);
        let f = &built.floor;
        assert_eq!(f.walls.len(), 1, "{:?}", f.walls);
        assert_eq!(f.walls.as_slice()[0].thickness_m, 0.2);
        for x in [0.5, 2.0, 3.5] {
            assert_eq!(crossings(f, p(x, -0.5), p(x, 0.7)), 1);
        }
    }

    #[test]
    fn a_door_swing_on_a_layer_nobody_named_is_a_door_and_its_leaf_no_wall() {
        // A wall with a 0.9 m gap, the door's leaf drawn open from the hinge and its swing
        // as a polyline (an SVG arc), all on one layer.
        let swing: Vec<(f64, f64)> = (0..=12)
            .map(|k| {
                let t = std::f64::consts::FRAC_PI_2 * f64::from(k) / 12.0;
                (3.0 + 0.9 * t.cos(), 0.9 * t.sin())
            })
            .collect();
        let built = build_one_layer(vec![
            line(&[(0.0, 0.0), (3.0, 0.0)], false, None),
            line(&[(3.9, 0.0), (8.0, 0.0)], false, None),
            line(&[(3.0, 0.0), (3.0, 0.9)], false, None),
            line(&swing, false, None),
        ]);
        let f = &built.floor;
        assert_eq!(f.openings.len(), 1);
        let door = &f.openings[0];
        assert_eq!(door.kind, OpeningKind::Door);
        // From the hinge along the wall to the jamb it closes on (points are kept to the
        // millimetre, so the fitted hinge is within a few).
        assert!(
            door.points[0].distance(p(3.0, 0.0)) < 0.005,
            "{:?}",
            door.points
        );
        assert!(
            door.points[1].distance(p(3.9, 0.0)) < 0.005,
            "{:?}",
            door.points
        );
        assert_eq!(f.walls.len(), 2, "the leaf is no wall: {:?}", f.walls);
    }
}
