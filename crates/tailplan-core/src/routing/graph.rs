//! The pathway graph: trays split into sections at their vertices and wherever they meet or
//! cross another tray, risers joining floors, and telecom rooms attached to their nearest tray
//! point. Built once per routing with `petgraph`; endpoints find their nearest tray point
//! through an R-tree of the sections of their floor.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use petgraph::graph::{EdgeIndex, NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;
use rstar::primitives::{GeomWithData, Line};
use rstar::{AABB, RTree};
use serde::{Deserialize, Serialize};

use crate::diagnostics::Severity;
use crate::geometry::{Point, Segment};
use crate::project::Project;
use crate::routing::finding::{Finding, Rule};

/// Trays whose ends or lines come within this distance of each other are joined, metres.
pub const JOIN_TOLERANCE_M: f64 = 0.05;

/// Duct vertices this close are one point of the duct network (a manhole), metres; a duct end
/// this close to a building's footprint enters it.
pub const DUCT_JOIN_M: f64 = 1.0;

/// A duct end outside every footprint enters the building whose ground-floor tray is nearest
/// within this distance, metres.
pub const DUCT_ENTRY_MAX_M: f64 = 30.0;

/// A point of the pathways: a junction or vertex of trays, or a riser's position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PathNode {
    /// Index of its floor in [`Project::floors`].
    pub floor: usize,
    /// Where it is on the floor.
    pub position: Point,
    /// The height of the trays that meet there, metres; `None` for a riser's own node.
    pub height_m: Option<f64>,
}

/// A straight piece of a tray between two junctions or vertices: the unit of tray fill.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TraySection {
    /// Index of its floor in [`Project::floors`].
    pub floor: usize,
    /// Index of the tray in its floor's `trays`.
    pub tray: usize,
    /// Index of the straight segment of the tray it is part of (0 for the first).
    pub segment: usize,
    /// Start, on the tray's centreline.
    pub from: Point,
    /// End, on the tray's centreline.
    pub to: Point,
    /// Its length, metres.
    pub length_m: f64,
    /// Its height above the floor, metres: the tray's `height_m`, else the floor's ceiling.
    pub height_m: f64,
}

/// What an edge of the pathway graph is.
#[derive(Debug, Clone, PartialEq)]
pub enum PathEdge {
    /// A section of a tray.
    Tray(TraySection),
    /// Where trays at different heights meet: the cable climbs or drops between them.
    Jog {
        /// Index of the floor.
        floor: usize,
        /// The difference of the heights, metres.
        length_m: f64,
    },
    /// The short horizontal run from a riser's position to its nearest tray point.
    RiserStub {
        /// Index of the floor.
        floor: usize,
        /// Length, metres.
        length_m: f64,
    },
    /// Through a riser, from one floor to the next floor up of the same building that has a
    /// riser of that name.
    Riser {
        /// The riser's name.
        name: String,
        /// Index of the lower floor.
        from_floor: usize,
        /// Index of the upper floor.
        to_floor: usize,
        /// Length: the difference of the floors' elevations, metres.
        length_m: f64,
    },
    /// A straight piece of a duct between buildings (backbone only).
    Duct {
        /// Index of the duct in [`Project::ducts`].
        duct: usize,
        /// Length, metres.
        length_m: f64,
    },
    /// From a duct's end to the nearest tray of the building's ground floor it enters: along
    /// the floor to the tray point, up to the tray, and along the tray to this end of its
    /// section (backbone only).
    Entry {
        /// Index of the ground floor.
        floor: usize,
        /// Length, metres.
        length_m: f64,
    },
}

impl PathEdge {
    /// Length of cable along the edge, metres.
    pub fn length_m(&self) -> f64 {
        match self {
            PathEdge::Tray(s) => s.length_m,
            PathEdge::Jog { length_m, .. }
            | PathEdge::RiserStub { length_m, .. }
            | PathEdge::Riser { length_m, .. }
            | PathEdge::Duct { length_m, .. }
            | PathEdge::Entry { length_m, .. } => *length_m,
        }
    }

    /// The part of the length outside the buildings (ducts and their entries), metres.
    pub fn duct_m(&self) -> f64 {
        match self {
            PathEdge::Duct { length_m, .. } | PathEdge::Entry { length_m, .. } => *length_m,
            _ => 0.0,
        }
    }

    /// Whether only backbone cables may use it (ducts between buildings).
    pub fn is_backbone_only(&self) -> bool {
        matches!(self, PathEdge::Duct { .. } | PathEdge::Entry { .. })
    }

    /// The vertical part of the length (risers), metres.
    pub fn riser_m(&self) -> f64 {
        match self {
            PathEdge::Riser { length_m, .. } => *length_m,
            _ => 0.0,
        }
    }
}

/// A telecom room and where it joins the pathways.
#[derive(Debug, Clone, PartialEq)]
pub struct RoomPort {
    /// Index of its floor in [`Project::floors`].
    pub floor: usize,
    /// Index in its floor's `telecom_rooms`.
    pub index: usize,
    /// The room's rack.
    pub position: Point,
    /// Its attach node and the horizontal distance from the rack to it, metres; `None` when
    /// its floor has no tray.
    pub attach: Option<(NodeIndex, f64)>,
}

/// Where a point on a floor joins the trays: its nearest tray point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Attachment {
    /// The tray section it is on.
    pub edge: EdgeIndex,
    /// The nearest tray point.
    pub point: Point,
    /// Horizontal distance from the point to the tray, metres.
    pub horizontal_m: f64,
    /// Distance along the section from its start (`from`) to the tray point, metres.
    pub along_m: f64,
    /// The section's height above the floor, metres.
    pub height_m: f64,
}

/// Shortest paths from one telecom room to every node of the pathway graph.
#[derive(Debug, Clone)]
pub struct RoomTree {
    /// Cable length from the room's attach node to each node (infinite when unreachable).
    pub dist_m: Vec<f64>,
    /// The part of `dist_m` in risers.
    pub riser_m: Vec<f64>,
    /// The part of `dist_m` in ducts and their entries.
    pub duct_m: Vec<f64>,
    /// The edge towards the room on the shortest path, per node.
    pub pred: Vec<Option<EdgeIndex>>,
}

/// How an attached point reaches a room: which end of its section it leaves by, and how far.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reach {
    /// The end of the attach section the cable leaves by.
    pub node: NodeIndex,
    /// Length along trays (and riser stubs), metres, from the tray point to the room's
    /// attach node.
    pub tray_m: f64,
    /// Length in risers, metres.
    pub riser_m: f64,
}

type SectionEntry = GeomWithData<Line<[f64; 2]>, EdgeIndex>;
type SegmentEntry = GeomWithData<Line<[f64; 2]>, usize>;
type NodeEntry = GeomWithData<[f64; 2], NodeIndex>;

/// The trays, risers and telecom rooms of a project as one graph.
#[derive(Debug, Clone)]
pub struct PathwayGraph {
    graph: UnGraph<PathNode, PathEdge>,
    sections: Vec<RTree<SectionEntry>>,
    rooms: Vec<RoomPort>,
    findings: Vec<Finding>,
}

fn line(a: Point, b: Point) -> Line<[f64; 2]> {
    Line::new([a.x, a.y], [b.x, b.y])
}

fn cross(ax: f64, ay: f64, bx: f64, by: f64) -> f64 {
    ax * by - ay * bx
}

/// The parameters (t on `s`, u on `o`) where two segments cross, if they do.
fn crossing(s: &Segment, o: &Segment) -> Option<(f64, f64)> {
    let (rx, ry) = (s.b.x - s.a.x, s.b.y - s.a.y);
    let (sx, sy) = (o.b.x - o.a.x, o.b.y - o.a.y);
    let denom = cross(rx, ry, sx, sy);
    if denom.abs() < 1e-12 * (rx.hypot(ry) * sx.hypot(sy)).max(1e-300) {
        return None; // parallel: overlaps are found through the ends
    }
    let (qx, qy) = (o.a.x - s.a.x, o.a.y - s.a.y);
    let t = cross(qx, qy, sx, sy) / denom;
    let u = cross(qx, qy, rx, ry) / denom;
    ((0.0..=1.0).contains(&t) && (0.0..=1.0).contains(&u)).then_some((t, u))
}

/// One straight segment of a tray, before splitting.
struct TraySegment {
    tray: usize,
    segment: usize,
    seg: Segment,
    height_m: f64,
    /// Split points: parameter on the segment and the point.
    splits: Vec<(f64, Point)>,
}

impl TraySegment {
    fn split_at(&mut self, p: Point) -> f64 {
        let (q, t) = self.seg.closest_point(p);
        self.splits.push((t, q));
        t
    }
}

/// Total order on lengths for the Dijkstra heap.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Len(f64);
impl Eq for Len {}
impl PartialOrd for Len {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Len {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

impl PathwayGraph {
    /// Builds the graph of a project's pathways. Problems (a riser joining nothing, a telecom
    /// room no tray reaches) are collected in [`PathwayGraph::findings`].
    pub fn build(project: &Project) -> Self {
        let mut g = PathwayGraph {
            graph: UnGraph::default(),
            sections: Vec::with_capacity(project.floors.len()),
            rooms: Vec::new(),
            findings: Vec::new(),
        };
        // Riser nodes by building and name: (elevation, floor, node).
        type RiserKey<'p> = (&'p str, &'p str);
        let mut risers: BTreeMap<RiserKey, Vec<(f64, usize, NodeIndex)>> = BTreeMap::new();
        for (fi, floor) in project.floors.iter().enumerate() {
            let mut segs = Vec::new();
            for (ti, tray) in floor.trays.iter().enumerate() {
                let height_m = tray
                    .height_m
                    .filter(|h| h.is_finite())
                    .unwrap_or(floor.ceiling_m);
                let usable = tray.points.iter().all(|p| p.is_finite());
                if !usable || tray.points.len() < 2 {
                    g.findings.push(Finding::new(
                        Rule::Pathway,
                        Severity::Warning,
                        &tray.id,
                        format!("floor \"{}\", tray \"{}\"", floor.id, tray.name),
                        "the tray needs at least 2 finite points: it carries no cable",
                    ));
                    continue;
                }
                for (si, w) in tray.points.windows(2).enumerate() {
                    if w[0] != w[1] {
                        segs.push(TraySegment {
                            tray: ti,
                            segment: si,
                            seg: Segment::new(w[0], w[1]),
                            height_m,
                            splits: vec![(0.0, w[0]), (1.0, w[1])],
                        });
                    }
                }
            }
            let seg_tree: RTree<SegmentEntry> = RTree::bulk_load(
                segs.iter()
                    .enumerate()
                    .map(|(i, s)| GeomWithData::new(line(s.seg.a, s.seg.b), i))
                    .collect(),
            );
            // Junctions: an end of one tray near another, and crossings.
            let tol = JOIN_TOLERANCE_M;
            for i in 0..segs.len() {
                let s = segs[i].seg;
                let b = s.bbox();
                let env = AABB::from_corners(
                    [b.min.x - tol, b.min.y - tol],
                    [b.max.x + tol, b.max.y + tol],
                );
                let others: Vec<usize> = seg_tree
                    .locate_in_envelope_intersecting(&env)
                    .map(|e| e.data)
                    .filter(|&j| j != i)
                    .collect();
                for j in others {
                    let o = segs[j].seg;
                    for end in [o.a, o.b] {
                        if s.distance_to(end) <= tol {
                            segs[i].split_at(end);
                        }
                    }
                    if let Some((t, _)) = crossing(&s, &o) {
                        segs[i].splits.push((t, s.a.lerp(s.b, t)));
                    }
                }
            }
            // Telecom rooms and risers join at their nearest tray point.
            let mut room_splits = Vec::new();
            for (ri, room) in floor.telecom_rooms.iter().enumerate() {
                let near = room
                    .position
                    .is_finite()
                    .then(|| seg_tree.nearest_neighbor(&[room.position.x, room.position.y]))
                    .flatten();
                match near {
                    Some(e) => {
                        let t = segs[e.data].split_at(room.position);
                        room_splits.push((ri, Some((e.data, t))));
                    }
                    None => {
                        g.findings.push(Finding::new(
                            Rule::Pathway,
                            Severity::Warning,
                            &room.id,
                            format!("floor \"{}\", telecom room \"{}\"", floor.id, room.name),
                            "no tray on its floor: no cable can reach it",
                        ));
                        room_splits.push((ri, None));
                    }
                }
            }
            let mut riser_splits = Vec::new();
            for (ri, riser) in floor.risers.iter().enumerate() {
                if !riser.position.is_finite() {
                    continue;
                }
                let near = seg_tree.nearest_neighbor(&[riser.position.x, riser.position.y]);
                let at = near.map(|e| (e.data, segs[e.data].split_at(riser.position)));
                riser_splits.push((ri, at));
            }
            // Nodes: split points within the tolerance and at the same height are one node.
            let mut node_tree: RTree<NodeEntry> = RTree::new();
            let mut node_of =
                |g: &mut UnGraph<PathNode, PathEdge>, p: Point, h: f64| -> NodeIndex {
                    let same = node_tree
                        .locate_within_distance([p.x, p.y], tol * tol)
                        .map(|e| e.data)
                        .filter(|&n| g[n].height_m.is_some_and(|nh| (nh - h).abs() < 1e-9))
                        .min_by(|&a, &b| {
                            g[a].position
                                .distance(p)
                                .total_cmp(&g[b].position.distance(p))
                                .then(a.cmp(&b))
                        });
                    if let Some(n) = same {
                        return n;
                    }
                    let n = g.add_node(PathNode {
                        floor: fi,
                        position: p,
                        height_m: Some(h),
                    });
                    node_tree.insert(GeomWithData::new([p.x, p.y], n));
                    n
                };
            let mut seg_nodes: Vec<Vec<(f64, NodeIndex)>> = Vec::with_capacity(segs.len());
            for s in &mut segs {
                s.splits.sort_by(|a, b| a.0.total_cmp(&b.0));
                let h = s.height_m;
                let nodes = s
                    .splits
                    .iter()
                    .map(|&(t, p)| (t, node_of(&mut g.graph, p, h)))
                    .collect();
                seg_nodes.push(nodes);
            }
            // Trays at different heights that meet are joined by a vertical jog.
            let mut jogs = Vec::new();
            for a in node_tree.iter() {
                let pa = g.graph[a.data];
                for b in node_tree.locate_within_distance(a.geom().to_owned(), tol * tol) {
                    let pb = g.graph[b.data];
                    if a.data < b.data
                        && let (Some(ha), Some(hb)) = (pa.height_m, pb.height_m)
                        && (ha - hb).abs() >= 1e-9
                    {
                        jogs.push((a.data, b.data, (ha - hb).abs()));
                    }
                }
            }
            for (a, b, length_m) in jogs {
                g.graph.add_edge(
                    a,
                    b,
                    PathEdge::Jog {
                        floor: fi,
                        length_m,
                    },
                );
            }
            let mut entries = Vec::new();
            for (s, nodes) in segs.iter().zip(&seg_nodes) {
                let len = s.seg.length();
                let mut k = 0;
                while k < nodes.len() {
                    // The next split at another node.
                    let Some(m) = (k + 1..nodes.len()).find(|&m| nodes[m].1 != nodes[k].1) else {
                        break;
                    };
                    let (t0, n0) = nodes[k];
                    let (t1, n1) = nodes[m];
                    let section = TraySection {
                        floor: fi,
                        tray: s.tray,
                        segment: s.segment,
                        from: s.seg.a.lerp(s.seg.b, t0),
                        to: s.seg.a.lerp(s.seg.b, t1),
                        length_m: (t1 - t0) * len,
                        height_m: s.height_m,
                    };
                    let e = g.graph.add_edge(n0, n1, PathEdge::Tray(section));
                    entries.push(GeomWithData::new(line(section.from, section.to), e));
                    k = m;
                }
            }
            let node_at = |si: usize, t: f64| -> NodeIndex {
                let nodes = &seg_nodes[si];
                nodes
                    .iter()
                    .min_by(|a, b| (a.0 - t).abs().total_cmp(&(b.0 - t).abs()))
                    .expect("every segment has its two ends")
                    .1
            };
            for (ri, at) in room_splits {
                let room = &floor.telecom_rooms[ri];
                let attach = at.map(|(si, t)| {
                    let n = node_at(si, t);
                    (n, room.position.distance(g.graph[n].position))
                });
                g.rooms.push(RoomPort {
                    floor: fi,
                    index: ri,
                    position: room.position,
                    attach,
                });
            }
            for (ri, at) in riser_splits {
                let riser = &floor.risers[ri];
                let n = g.graph.add_node(PathNode {
                    floor: fi,
                    position: riser.position,
                    height_m: None,
                });
                match at {
                    Some((si, t)) => {
                        let a = node_at(si, t);
                        let length_m = riser.position.distance(g.graph[a].position);
                        g.graph.add_edge(
                            n,
                            a,
                            PathEdge::RiserStub {
                                floor: fi,
                                length_m,
                            },
                        );
                    }
                    None => g.findings.push(Finding::new(
                        Rule::Pathway,
                        Severity::Info,
                        &riser.id,
                        format!("floor \"{}\", riser \"{}\"", floor.id, riser.name),
                        "no tray on its floor: cables pass through without leaving it",
                    )),
                }
                let building = floor.building.as_deref().unwrap_or("");
                let list = risers.entry((building, riser.name.as_str())).or_default();
                if list.iter().any(|&(_, f, _)| f == fi) {
                    g.findings.push(Finding::new(
                        Rule::Pathway,
                        Severity::Warning,
                        &riser.id,
                        format!("floor \"{}\", riser \"{}\"", floor.id, riser.name),
                        "another riser on this floor has the same name: only the first joins the floors",
                    ));
                    continue;
                }
                list.push((floor.elevation_m, fi, n));
            }
            g.sections.push(RTree::bulk_load(entries));
        }
        for ((_, name), mut list) in risers {
            list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            if list.len() < 2 {
                let (_, fi, _) = list[0];
                let floor = &project.floors[fi];
                let riser = floor.risers.iter().find(|r| r.name == name);
                g.findings.push(Finding::new(
                    Rule::Pathway,
                    Severity::Warning,
                    riser.map_or("", |r| r.id.as_str()),
                    format!("floor \"{}\", riser \"{name}\"", floor.id),
                    "no riser of the same name on another floor: it joins nothing",
                ));
            }
            for w in list.windows(2) {
                let length_m = (w[1].0 - w[0].0).abs();
                if !length_m.is_finite() {
                    continue;
                }
                g.graph.add_edge(
                    w[0].2,
                    w[1].2,
                    PathEdge::Riser {
                        name: name.to_owned(),
                        from_floor: w[0].1,
                        to_floor: w[1].1,
                        length_m,
                    },
                );
            }
        }
        g.add_ducts(project);
        g
    }

    /// The ducts between buildings: their vertices as nodes (vertices of different ducts
    /// within [`DUCT_JOIN_M`] are one node), their pieces as edges, and each duct end joined to
    /// the building it enters: the building whose footprint holds it (within
    /// [`DUCT_JOIN_M`]), else the one whose ground floor has a tray within
    /// [`DUCT_ENTRY_MAX_M`]; it joins the nearest tray point of that ground floor.
    fn add_ducts(&mut self, project: &Project) {
        if project.ducts.is_empty() {
            return;
        }
        // Ground floor of every building (by its key: the floor's `building`, "" for none):
        // the lowest floor that has trays.
        let mut ground: BTreeMap<&str, usize> = BTreeMap::new();
        for (fi, f) in project.floors.iter().enumerate() {
            if self.sections.get(fi).is_none_or(|t| t.size() == 0) {
                continue;
            }
            let key = f.building.as_deref().unwrap_or("");
            let lower = ground
                .get(key)
                .is_none_or(|&g| f.elevation_m < project.floors[g].elevation_m);
            if lower {
                ground.insert(key, fi);
            }
        }
        let mut nodes: Vec<(Point, NodeIndex)> = Vec::new();
        let mut node_at = |g: &mut UnGraph<PathNode, PathEdge>, p: Point| -> NodeIndex {
            if let Some(&(_, n)) = nodes.iter().find(|(q, _)| q.distance(p) <= DUCT_JOIN_M) {
                return n;
            }
            let n = g.add_node(PathNode {
                floor: usize::MAX,
                position: p,
                height_m: None,
            });
            nodes.push((p, n));
            n
        };
        let mut ends = Vec::new();
        for (di, d) in project.ducts.iter().enumerate() {
            if d.points.len() < 2 || d.points.iter().any(|p| !p.is_finite()) {
                continue;
            }
            let ids: Vec<NodeIndex> = d
                .points
                .iter()
                .map(|&p| node_at(&mut self.graph, p))
                .collect();
            for (w, pts) in ids.windows(2).zip(d.points.windows(2)) {
                if w[0] != w[1] {
                    let length_m = pts[0].distance(pts[1]);
                    self.graph
                        .add_edge(w[0], w[1], PathEdge::Duct { duct: di, length_m });
                }
            }
            ends.push((di, d.points[0], ids[0]));
            ends.push((di, d.points[d.points.len() - 1], ids[ids.len() - 1]));
        }
        for (di, p, n) in ends {
            let duct = &project.ducts[di];
            let by_footprint = project.buildings.iter().find(|b| {
                b.footprint.as_ref().is_some_and(|f| {
                    f.contains(p) || f.edges().any(|e| e.distance_to(p) <= DUCT_JOIN_M)
                })
            });
            let entry = match by_footprint {
                Some(b) => ground
                    .get(b.id.as_str())
                    .and_then(|&fi| Some((fi, self.attach(fi, p)?))),
                None => ground
                    .values()
                    .filter_map(|&fi| Some((fi, self.attach(fi, p)?)))
                    .filter(|(_, at)| at.horizontal_m <= DUCT_ENTRY_MAX_M)
                    .min_by(|a, b| a.1.horizontal_m.total_cmp(&b.1.horizontal_m)),
            };
            let Some((fi, at)) = entry else {
                // A duct's end at a manhole or another duct's vertex joins nothing more.
                let joined = self
                    .graph
                    .edges(n)
                    .filter(|e| matches!(e.weight(), PathEdge::Duct { .. }))
                    .count()
                    > 1;
                if !joined {
                    self.findings.push(Finding::new(
                        Rule::Pathway,
                        Severity::Warning,
                        &duct.id,
                        format!("duct \"{}\" at ({:.1}, {:.1})", duct.name, p.x, p.y),
                        "this end enters no building (no footprint holds it and no ground-floor tray is near): no cable passes there",
                    ));
                }
                continue;
            };
            let (Some((a, b)), Some(len)) = (
                self.graph.edge_endpoints(at.edge),
                self.graph.edge_weight(at.edge).map(PathEdge::length_m),
            ) else {
                continue;
            };
            let up = at.horizontal_m + at.height_m;
            let to_a = if self.graph[a]
                .position
                .distance(self.section(at.edge).map_or(at.point, |s| s.from))
                < 1e-9
            {
                at.along_m
            } else {
                len - at.along_m
            };
            self.graph.add_edge(
                n,
                a,
                PathEdge::Entry {
                    floor: fi,
                    length_m: up + to_a,
                },
            );
            self.graph.add_edge(
                n,
                b,
                PathEdge::Entry {
                    floor: fi,
                    length_m: up + (len - to_a).max(0.0),
                },
            );
        }
    }

    /// The underlying graph.
    pub fn graph(&self) -> &UnGraph<PathNode, PathEdge> {
        &self.graph
    }

    /// Every telecom room of the project, floor by floor, in drawing order.
    pub fn rooms(&self) -> &[RoomPort] {
        &self.rooms
    }

    /// Problems met while building (risers joining nothing, rooms no tray reaches).
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The tray section an edge is, if it is one.
    pub fn section(&self, e: EdgeIndex) -> Option<&TraySection> {
        match self.graph.edge_weight(e) {
            Some(PathEdge::Tray(s)) => Some(s),
            _ => None,
        }
    }

    /// Every tray section, with its edge.
    pub fn sections(&self) -> impl Iterator<Item = (EdgeIndex, &TraySection)> + '_ {
        self.graph
            .edge_indices()
            .filter_map(|e| Some((e, self.section(e)?)))
    }

    /// Tray sections of a floor whose bounding box meets the box around `s` grown by
    /// `margin_m`.
    pub fn sections_near(
        &self,
        floor: usize,
        s: Segment,
        margin_m: f64,
    ) -> impl Iterator<Item = (EdgeIndex, &TraySection)> + '_ {
        let b = s.bbox();
        let env = AABB::from_corners(
            [b.min.x - margin_m, b.min.y - margin_m],
            [b.max.x + margin_m, b.max.y + margin_m],
        );
        self.sections
            .get(floor)
            .into_iter()
            .flat_map(move |t| t.locate_in_envelope_intersecting(&env))
            .filter_map(|e| Some((e.data, self.section(e.data)?)))
    }

    /// The nearest tray point to `p` on floor `floor`, or `None` when the floor has no tray.
    pub fn attach(&self, floor: usize, p: Point) -> Option<Attachment> {
        if !p.is_finite() {
            return None;
        }
        let e = self.sections.get(floor)?.nearest_neighbor(&[p.x, p.y])?;
        let s = self.section(e.data)?;
        let (q, _) = Segment::new(s.from, s.to).closest_point(p);
        Some(Attachment {
            edge: e.data,
            point: q,
            horizontal_m: q.distance(p),
            along_m: q.distance(s.from),
            height_m: s.height_m,
        })
    }

    /// Shortest paths from a room's attach node to every node; `None` for a room no tray
    /// reaches.
    pub fn tree(&self, room: &RoomPort) -> Option<RoomTree> {
        self.tree_over(room, false)
    }

    /// Shortest paths from a distributor over every pathway, the ducts between buildings
    /// included: the tree backbone cables follow.
    pub fn backbone_tree(&self, room: &RoomPort) -> Option<RoomTree> {
        self.tree_over(room, true)
    }

    fn tree_over(&self, room: &RoomPort, backbone: bool) -> Option<RoomTree> {
        let (root, _) = room.attach?;
        let n = self.graph.node_count();
        let mut tree = RoomTree {
            dist_m: vec![f64::INFINITY; n],
            riser_m: vec![0.0; n],
            duct_m: vec![0.0; n],
            pred: vec![None; n],
        };
        let mut heap = BinaryHeap::new();
        tree.dist_m[root.index()] = 0.0;
        heap.push(Reverse((Len(0.0), root.index())));
        while let Some(Reverse((Len(d), v))) = heap.pop() {
            if d > tree.dist_m[v] {
                continue;
            }
            for e in self.graph.edges(NodeIndex::new(v)) {
                if !backbone && e.weight().is_backbone_only() {
                    continue;
                }
                let w = e.target().index();
                let nd = d + e.weight().length_m();
                if nd < tree.dist_m[w] {
                    tree.dist_m[w] = nd;
                    tree.riser_m[w] = tree.riser_m[v] + e.weight().riser_m();
                    tree.duct_m[w] = tree.duct_m[v] + e.weight().duct_m();
                    tree.pred[w] = Some(e.id());
                    heap.push(Reverse((Len(nd), w)));
                }
            }
        }
        Some(tree)
    }

    /// The shortest way from an attached point to the room of `tree`.
    pub fn reach(&self, tree: &RoomTree, at: &Attachment) -> Option<Reach> {
        let (a, b) = self.graph.edge_endpoints(at.edge)?;
        let len = self.graph[at.edge].length_m();
        let via = |n: NodeIndex, along: f64| {
            let d = tree.dist_m[n.index()];
            d.is_finite().then(|| Reach {
                node: n,
                tray_m: along + d - tree.riser_m[n.index()],
                riser_m: tree.riser_m[n.index()],
            })
        };
        let from_a = via(a, at.along_m);
        let from_b = via(b, (len - at.along_m).max(0.0));
        match (from_a, from_b) {
            (Some(x), Some(y)) => Some(if y.tray_m + y.riser_m < x.tray_m + x.riser_m {
                y
            } else {
                x
            }),
            (x, y) => x.or(y),
        }
    }

    /// The edges from `node` to the room of `tree`, in order.
    pub fn path_edges(&self, tree: &RoomTree, node: NodeIndex) -> Vec<EdgeIndex> {
        let mut out = Vec::new();
        let mut v = node;
        while let Some(e) = tree.pred[v.index()] {
            out.push(e);
            let (a, b) = self.graph.edge_endpoints(e).expect("an edge of the graph");
            v = if a == v { b } else { a };
            if out.len() > self.graph.edge_count() {
                break; // cannot happen in a shortest-path tree; never loop
            }
        }
        out
    }

    /// The cable's drawn path, floor by floor: from `start` (the endpoint) through its tray
    /// point, along the pathways from `reach.node` to the room's rack.
    pub fn polyline(
        &self,
        tree: &RoomTree,
        start_floor: usize,
        start: Point,
        at: &Attachment,
        reach: &Reach,
        room: &RoomPort,
    ) -> Vec<(usize, Vec<Point>)> {
        let mut parts: Vec<(usize, Vec<Point>)> = vec![(start_floor, vec![start, at.point])];
        let mut push = |floor: usize, p: Point| match parts.last_mut() {
            Some((f, pts)) if *f == floor => {
                if pts.last() != Some(&p) {
                    pts.push(p);
                }
            }
            _ => parts.push((floor, vec![p])),
        };
        push(start_floor, self.graph[reach.node].position);
        let mut v = reach.node;
        for e in self.path_edges(tree, reach.node) {
            let (a, b) = self.graph.edge_endpoints(e).expect("an edge of the graph");
            v = if a == v { b } else { a };
            let node = self.graph[v];
            push(node.floor, node.position);
        }
        push(room.floor, room.position);
        parts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::floor::Floor;
    use crate::pathways::{Riser, TelecomRoom, Tray};
    use crate::props::Props;

    pub(crate) fn tray(id: &str, pts: &[(f64, f64)]) -> Tray {
        Tray {
            id: id.into(),
            name: id.to_uppercase(),
            points: pts.iter().map(|&(x, y)| Point::new(x, y)).collect(),
            capacity: None,
            width_mm: Some(100.0),
            depth_mm: Some(50.0),
            height_m: None,
            props: Props::new(),
        }
    }

    fn room(id: &str, x: f64, y: f64) -> TelecomRoom {
        TelecomRoom {
            id: id.into(),
            name: id.to_uppercase(),
            position: Point::new(x, y),
            outline: None,
            ports: 48,
            poe_budget_w: None,
            role: Default::default(),
            switch_model: None,
            switches: None,
            props: Props::new(),
        }
    }

    fn project(floors: Vec<Floor>) -> Project {
        Project {
            floors,
            ..Project::default()
        }
    }

    fn dist_to(g: &PathwayGraph, room: usize, floor: usize, p: Point) -> f64 {
        let tree = g.tree(&g.rooms()[room]).unwrap();
        let at = g.attach(floor, p).unwrap();
        let r = g.reach(&tree, &at).unwrap();
        r.tray_m + r.riser_m
    }

    #[test]
    fn t_junction_and_crossing_split_trays() {
        // A corridor tray, a branch whose end stops 3 cm short of it (a T), and a tray
        // crossing the corridor.
        let mut f = Floor::new("0", "L0", 0.0);
        f.trays.push(tray("a", &[(0.0, 0.0), (20.0, 0.0)]));
        f.trays.push(tray("b", &[(5.0, 0.03), (5.0, 10.0)]));
        f.trays.push(tray("c", &[(15.0, -5.0), (15.0, 5.0)]));
        f.telecom_rooms.push(room("tr", 0.0, -1.0));
        let g = PathwayGraph::build(&project(vec![f]));
        // a: 0-5-15-20 (3 sections), b: 1, c: 2 around the crossing.
        assert_eq!(g.sections().count(), 6);
        // The room attaches at (0, 0), 1 m from its rack.
        assert_eq!(g.rooms()[0].attach.unwrap().1, 1.0);
        // Up the branch: 5 along a, then 5 up b (from its own end at y = 0.03).
        let d = dist_to(&g, 0, 0, Point::new(6.0, 5.03));
        assert!((d - 10.0).abs() < 1e-9, "{d}");
        // Across the crossing to the far end of c.
        let d = dist_to(&g, 0, 0, Point::new(16.0, 5.0));
        assert!((d - 20.0).abs() < 1e-9, "{d}");
        // The sections of c meet at the crossing point.
        let c_sections: Vec<TraySection> = g
            .sections()
            .filter(|(_, s)| s.tray == 2)
            .map(|(_, s)| *s)
            .collect();
        assert_eq!(c_sections.len(), 2);
        assert!(c_sections.iter().all(|s| (s.length_m - 5.0).abs() < 1e-9));
    }

    #[test]
    fn trays_at_different_heights_join_with_a_jog() {
        let mut f = Floor::new("0", "L0", 0.0);
        let mut low = tray("low", &[(10.0, 0.0), (20.0, 0.0)]);
        low.height_m = Some(2.5);
        f.trays.push(tray("high", &[(0.0, 0.0), (10.0, 0.0)]));
        f.trays.push(low);
        f.ceiling_m = 3.0;
        f.telecom_rooms.push(room("tr", 0.0, 0.0));
        let g = PathwayGraph::build(&project(vec![f]));
        // 10 m at 3.0 m, down 0.5 m, 10 m at 2.5 m.
        let d = dist_to(&g, 0, 0, Point::new(20.0, 1.0));
        assert!((d - 20.5).abs() < 1e-9, "{d}");
        assert_eq!(g.attach(0, Point::new(20.0, 1.0)).unwrap().height_m, 2.5);
    }

    #[test]
    fn riser_joins_floors_with_the_elevation_difference() {
        let mut f0 = Floor::new("0", "L0", 0.0);
        f0.trays.push(tray("t0", &[(0.0, 0.0), (10.0, 0.0)]));
        f0.risers.push(Riser {
            id: "r0".into(),
            name: "R1".into(),
            position: Point::new(10.0, 1.0),
            props: Props::new(),
        });
        f0.telecom_rooms.push(room("tr", 0.0, 0.0));
        let mut f1 = Floor::new("1", "L1", 3.6);
        f1.trays.push(tray("t1", &[(10.0, 0.0), (30.0, 0.0)]));
        f1.risers.push(Riser {
            id: "r1".into(),
            name: "R1".into(),
            position: Point::new(10.0, 0.0),
            props: Props::new(),
        });
        let g = PathwayGraph::build(&project(vec![f0, f1]));
        assert!(g.findings().is_empty(), "{:?}", g.findings());
        let tree = g.tree(&g.rooms()[0]).unwrap();
        let at = g.attach(1, Point::new(25.0, 2.0)).unwrap();
        assert_eq!(at.horizontal_m, 2.0);
        let r = g.reach(&tree, &at).unwrap();
        // 10 along t0, 1 m stub, 3.6 m riser, 0 m stub, 15 m along t1.
        assert!((r.riser_m - 3.6).abs() < 1e-12);
        assert!((r.tray_m - 26.0).abs() < 1e-9, "{}", r.tray_m);
        let line = g.polyline(&tree, 1, Point::new(25.0, 2.0), &at, &r, &g.rooms()[0]);
        assert_eq!(line.len(), 2);
        assert_eq!(line[0].0, 1);
        assert_eq!(line[1].1.last(), Some(&Point::new(0.0, 0.0)));
    }

    #[test]
    fn lonely_riser_and_unreachable_room_are_reported() {
        let mut f = Floor::new("0", "L0", 0.0);
        f.risers.push(Riser {
            id: "r".into(),
            name: "R9".into(),
            position: Point::new(1.0, 1.0),
            props: Props::new(),
        });
        f.telecom_rooms.push(room("tr", 0.0, 0.0));
        let g = PathwayGraph::build(&project(vec![f]));
        let text: Vec<String> = g.findings().iter().map(|f| f.to_string()).collect();
        assert!(text.iter().any(|t| t.contains("joins nothing")), "{text:?}");
        assert!(
            text.iter().any(|t| t.contains("no cable can reach it")),
            "{text:?}"
        );
        assert!(g.tree(&g.rooms()[0]).is_none());
        assert!(g.attach(0, Point::new(1.0, 1.0)).is_none());
    }
}
