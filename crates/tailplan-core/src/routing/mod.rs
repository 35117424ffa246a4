//! Cable routing: every wired endpoint to a telecom room along the trays and risers, assigned
//! optimally, checked against the design rules, and written up as a cable schedule, a bill of
//! materials and the final-tail choice of every IoT device.
//!
//! - [`graph`]: the pathway graph (trays split at vertices, junctions and crossings; risers;
//!   telecom rooms and endpoints at their nearest tray point);
//! - [`endpoints`]: what needs a cable (outlet ports, access points, wired devices);
//! - [`cable`]: a cable and its length in parts;
//! - [`assignment`]: the optimal assignment of endpoints to rooms (min-cost flow) and the
//!   nearest-first baseline;
//! - [`hand`]: hand-drawn routes, which override the automatic ones;
//! - [`rules`]: the design rules and their [`Finding`]s;
//! - [`loads`]: tray fill per section, ports and PoE per room;
//! - [`schedule`]: the cable schedule and TIA-606 style cable ids;
//! - [`bom`]: the bill of materials;
//! - [`final_tail`]: each IoT device's options (wireless margins from [`crate::coverage`]);
//! - [`routed`]: the project with the automatic cables drawn as routes.
//!
//! [`route`] does it all:
//!
//! ```
//! use tailplan_core::{Floor, Outlet, Point, Project, TelecomRoom, Tray};
//! use tailplan_core::routing::{self, CableStatus};
//!
//! let mut floor = Floor::new("1", "Level 1", 0.0);
//! floor.trays.push(Tray {
//!     id: "t".into(), name: "T1".into(),
//!     points: vec![Point::new(0.0, 0.0), Point::new(40.0, 0.0)],
//!     capacity: None, width_mm: Some(300.0), depth_mm: Some(60.0), height_m: Some(3.0),
//!     props: Default::default(),
//! });
//! floor.telecom_rooms.push(TelecomRoom {
//!     id: "tr".into(), name: "TR-1".into(), position: Point::new(0.0, 0.0), outline: None,
//!     ports: 24, poe_budget_w: None, role: Default::default(), switch_model: None, switches: None, props: Default::default(),
//! });
//! floor.outlets.push(Outlet {
//!     id: "o".into(), name: "O-1".into(), position: Point::new(30.0, 2.0), ports: 2,
//!     height_m: 0.3, props: Default::default(),
//! });
//! let project = Project { floors: vec![floor], ..Project::default() };
//!
//! let routed = routing::route(&project);
//! assert_eq!(routed.cables.len(), 2);
//! let c = &routed.cables[0];
//! assert_eq!(c.id, "1A-A01");
//! // 2 m across to the tray, 2.7 m up to it, 30 m along it, 3.3 m of slack.
//! assert_eq!(c.lengths.total_m, 38.0);
//! assert_eq!(c.status, CableStatus::Ok);
//! assert!(routed.findings.iter().all(|f| !f.is_error()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod assignment;
pub mod backbone;
pub mod bom;
pub mod cable;
pub mod endpoints;
pub mod final_tail;
pub mod finding;
pub mod graph;
pub mod hand;
pub mod loads;
pub mod poe;
pub mod route_ends;
pub mod routed;
pub mod rules;
pub mod schedule;

use std::collections::{BTreeMap, HashMap};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use assignment::{Assignment, Cost, CostMatrix};
pub use backbone::{
    BackboneCable, BackboneLengths, BackboneLevel, Distributor, FIBRE_PANEL_PORTS, PathwayLoad,
};
pub use bom::{BillOfMaterials, BomLine, CableQuantity, bill_of_materials};
pub use cable::{Cable, CableLengths, CableStatus, FloorPath, RouteSource};
pub use endpoints::{Endpoint, EndpointKind, EndpointMedia, wired_endpoints, wired_endpoints_with};
pub use final_tail::{FinalTailChoice, TailKind, TailOption};
pub use finding::{Finding, Rule};
pub use graph::{JOIN_TOLERANCE_M, PathwayGraph, TraySection};
pub use loads::{RoomLoad, TrayFill};
pub use poe::PoeType;
pub use routed::routed_project;
pub use schedule::{CableKind, CableSchedule, ScheduleRow, cable_id};

use crate::devices::Medium;
use crate::diagnostics::Severity;
use crate::project::Project;
use graph::{Attachment, RoomTree};

/// Why an endpoint got no cable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UnservedReason {
    /// The project has no telecom room.
    NoTelecomRoom,
    /// Its floor has no tray to attach to.
    NoTray,
    /// No tray or riser joins its tray to any telecom room.
    NoPath,
    /// Every room it reaches is further than its medium allows.
    OverLength {
        /// The nearest room.
        room: String,
        /// The cable to it, metres.
        length_m: f64,
        /// The medium's limit, metres.
        limit_m: f64,
    },
    /// Every room within its medium's limit is full.
    NoPorts {
        /// Those rooms' names.
        rooms: Vec<String>,
    },
}

impl UnservedReason {
    /// The reason in words.
    pub fn message(&self) -> String {
        match self {
            UnservedReason::NoTelecomRoom => "no cable: the project has no telecom room".into(),
            UnservedReason::NoTray => "no cable: its floor has no tray to reach".into(),
            UnservedReason::NoPath => {
                "no cable: no tray or riser joins its tray to a telecom room".into()
            }
            UnservedReason::OverLength {
                room,
                length_m,
                limit_m,
            } => format!(
                "no cable: even the nearest telecom room, {room}, is {length_m:.1} m away, over the {limit_m} m limit"
            ),
            UnservedReason::NoPorts { rooms } => format!(
                "no cable: no port left in the telecom rooms within reach ({})",
                rooms.join(", ")
            ),
        }
    }
}

/// An endpoint that got no cable, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Unserved {
    /// The endpoint.
    pub endpoint: Endpoint,
    /// Why.
    pub reason: UnservedReason,
}

/// Everything routing a project gives: the cables, what could not be served, the loads, the
/// findings of the design rules and the final-tail choice of every device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Routing {
    /// Wired endpoints in the project (cables wanted).
    pub endpoints: usize,
    /// Every cable, room by room, port by port.
    pub cables: Vec<Cable>,
    /// Endpoints without a cable.
    pub unserved: Vec<Unserved>,
    /// Every tray section's fill.
    pub tray_fill: Vec<TrayFill>,
    /// Every telecom room's ports and PoE.
    pub rooms: Vec<RoomLoad>,
    /// What the design rules found, errors first.
    pub findings: Vec<Finding>,
    /// The options of every IoT device.
    pub final_tail: Vec<FinalTailChoice>,
    /// The fibre cables between distributors (none when every telecom room is a floor
    /// distributor).
    #[serde(default)]
    pub backbone: Vec<BackboneCable>,
    /// Every telecom room as a distributor: its role, parent, load and switches.
    #[serde(default)]
    pub distributors: Vec<Distributor>,
    /// The cables in every riser and duct.
    #[serde(default)]
    pub pathways: Vec<PathwayLoad>,
}

impl Routing {
    /// The cable schedule.
    pub fn schedule(&self) -> CableSchedule {
        let mut schedule = CableSchedule::new(&self.cables);
        schedule
            .rows
            .extend(self.backbone.iter().map(BackboneCable::schedule_row));
        schedule
    }

    /// The cables' lengths added up, metres.
    pub fn total_m(&self) -> f64 {
        self.cables.iter().map(|c| c.lengths.total_m).sum()
    }

    /// The lengths of the cables of one medium added up, metres.
    pub fn total_m_of(&self, medium: Medium) -> f64 {
        self.cables
            .iter()
            .filter(|c| c.medium == medium)
            .map(|c| c.lengths.total_m)
            .sum()
    }

    /// The bill of materials of the whole design: the cables, ports, outlets, trays, gateways
    /// and access points of [`bill_of_materials`], then the distributors' switches and the
    /// backbone fibre of [`bom::campus_lines`].
    pub fn bill_of_materials(&self, project: &Project) -> BillOfMaterials {
        let mut bom = bill_of_materials(project, &self.cables, &self.rooms);
        bom.lines.extend(bom::campus_lines(
            project,
            &self.distributors,
            &self.backbone,
        ));
        bom.total_cost = bom.lines.iter().map(|l| l.cost).sum();
        bom
    }

    /// Findings of severity error: what fails `tailplan check`.
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.is_error())
    }
}

/// The best automatic cable from an attached endpoint to each room: `None` where no path.
fn candidates(
    project: &Project,
    graph: &PathwayGraph,
    trees: &[Option<RoomTree>],
    e: &Endpoint,
    at: Option<&Attachment>,
) -> Vec<Option<CableLengths>> {
    graph
        .rooms()
        .iter()
        .zip(trees)
        .map(|(room, tree)| {
            let (at, tree) = (at?, tree.as_ref()?);
            let reach = graph.reach(tree, at)?;
            Some(CableLengths::routed(
                &project.settings.cabling,
                e,
                at,
                &reach,
                room,
            ))
        })
        .collect()
}

/// The automatic part of routing as a transportation problem: the endpoints left to route
/// (those no hand route serves), their cable length to every room within their medium's limit,
/// and the ports each room has left after the hand routes.
#[derive(Debug, Clone, PartialEq)]
pub struct AssignmentProblem {
    /// The endpoints to assign, by row of the matrix.
    pub endpoints: Vec<Endpoint>,
    /// Millimetres from each endpoint to each room (`None`: no path, or over the limit).
    pub matrix: CostMatrix,
    /// Ports left in each room.
    pub capacity: Vec<u32>,
}

/// The assignment problem [`route`] solves: for benchmarks, and to compare the optimal
/// assignment with [`assignment::nearest_first`] on a real building.
pub fn assignment_problem(project: &Project) -> AssignmentProblem {
    let p = prepare(project, &EndpointMedia::new());
    AssignmentProblem {
        endpoints: p.auto.iter().map(|&e| p.endpoints[e].clone()).collect(),
        matrix: p.matrix,
        capacity: p.capacity,
    }
}

/// What routing knows before assigning.
struct Prepared {
    graph: PathwayGraph,
    findings: Vec<Finding>,
    endpoints: Vec<Endpoint>,
    trees: Vec<Option<RoomTree>>,
    hand: Vec<hand::HandRoute>,
    auto: Vec<usize>,
    attach: Vec<Option<Attachment>>,
    options: Vec<Vec<Option<CableLengths>>>,
    matrix: CostMatrix,
    capacity: Vec<u32>,
}

fn prepare(project: &Project, media: &EndpointMedia) -> Prepared {
    let cabling = &project.settings.cabling;
    let graph = PathwayGraph::build(project);
    let mut findings: Vec<Finding> = graph.findings().to_vec();
    let endpoints = endpoints::wired_endpoints_with(project, media);
    let trees: Vec<Option<RoomTree>> = graph.rooms().iter().map(|r| graph.tree(r)).collect();
    let hand = hand::hand_routes(project, &graph, &endpoints, &mut findings);
    let mut hand_of: HashMap<usize, usize> = HashMap::new();
    let mut hand_ports = vec![0u32; graph.rooms().len()];
    for (hi, h) in hand.iter().enumerate() {
        for &e in &h.endpoints {
            hand_of.insert(e, hi);
            hand_ports[h.room] += 1;
        }
    }

    // The automatic endpoints, their tray points and their cost to every room.
    let auto: Vec<usize> = (0..endpoints.len())
        .filter(|e| !hand_of.contains_key(e))
        .collect();
    let attach: Vec<Option<Attachment>> = auto
        .iter()
        .map(|&e| graph.attach(endpoints[e].floor, endpoints[e].position))
        .collect();
    let mut matrix = CostMatrix::new(graph.rooms().len());
    let mut options: Vec<Vec<Option<CableLengths>>> = Vec::with_capacity(auto.len());
    for (k, &e) in auto.iter().enumerate() {
        let ep = &endpoints[e];
        let limit = cabling.max_length_m(ep.medium).unwrap_or(f64::INFINITY);
        let cands = candidates(project, &graph, &trees, ep, attach[k].as_ref());
        matrix.push_row(cands.iter().map(|c| {
            c.filter(|l| l.total_m <= limit + 1e-9)
                .map(|l| l.total_mm())
        }));
        options.push(cands);
    }
    let capacity: Vec<u32> = graph
        .rooms()
        .iter()
        .zip(&hand_ports)
        .map(|(r, h)| {
            project.floors[r.floor].telecom_rooms[r.index]
                .ports
                .saturating_sub(*h)
        })
        .collect();

    Prepared {
        graph,
        findings,
        endpoints,
        trees,
        hand,
        auto,
        attach,
        options,
        matrix,
        capacity,
    }
}

/// Routes every wired endpoint of the project: hand routes first, the rest assigned optimally
/// to the telecom rooms and routed along the shortest pathways; then the design rules.
pub fn route(project: &Project) -> Routing {
    route_with(project, &EndpointMedia::new())
}

/// [`route`], with the outlets and access points of `media` on the medium it gives them
/// (a scenario's fibre to an access point, SPE to an outlet) instead of Cat6A; devices have
/// their own medium in the project.
pub fn route_with(project: &Project, media: &EndpointMedia) -> Routing {
    let cabling = &project.settings.cabling;
    let Prepared {
        graph,
        mut findings,
        endpoints,
        trees,
        hand,
        auto,
        attach,
        options,
        matrix,
        capacity,
    } = prepare(project, media);
    let rooms = graph.rooms();
    let assigned = assignment::optimal(&matrix, &capacity);

    // The cables: (endpoint index, cable) before ids are given.
    let room_name = |ri: usize| {
        let r = &rooms[ri];
        project.floors[r.floor].telecom_rooms[r.index].name.clone()
    };
    let mut cables: Vec<(usize, Cable)> = Vec::new();
    let mut unserved = Vec::new();
    for (k, &e) in auto.iter().enumerate() {
        let ep = &endpoints[e];
        let Some(ri) = assigned.room_of[k] else {
            let limit = cabling.max_length_m(ep.medium).unwrap_or(f64::INFINITY);
            let reachable: Vec<(usize, f64)> = options[k]
                .iter()
                .enumerate()
                .filter_map(|(ri, l)| Some((ri, l.as_ref()?.total_m)))
                .collect();
            let within: Vec<String> = reachable
                .iter()
                .filter(|(_, l)| *l <= limit + 1e-9)
                .map(|&(ri, _)| room_name(ri))
                .collect();
            let reason = if rooms.is_empty() {
                UnservedReason::NoTelecomRoom
            } else if attach[k].is_none() {
                UnservedReason::NoTray
            } else if reachable.is_empty() {
                UnservedReason::NoPath
            } else if within.is_empty() {
                let (ri, length_m) = reachable
                    .iter()
                    .copied()
                    .min_by(|a, b| a.1.total_cmp(&b.1))
                    .expect("reachable is not empty");
                UnservedReason::OverLength {
                    room: room_name(ri),
                    length_m,
                    limit_m: limit,
                }
            } else {
                UnservedReason::NoPorts { rooms: within }
            };
            unserved.push(Unserved {
                endpoint: ep.clone(),
                reason,
            });
            continue;
        };
        let (Some(at), Some(tree)) = (attach[k].as_ref(), trees[ri].as_ref()) else {
            continue; // cannot happen: an assigned pair has a cost, so both exist
        };
        let Some(reach) = graph.reach(tree, at) else {
            continue;
        };
        let room = &rooms[ri];
        let lengths = CableLengths::routed(cabling, ep, at, &reach, room);
        let mut sections = Vec::new();
        let along = if Some(reach.node) == graph.graph().edge_endpoints(at.edge).map(|x| x.0) {
            at.along_m
        } else {
            graph.graph()[at.edge].length_m() - at.along_m
        };
        if along > 1e-3 {
            sections.push(at.edge);
        }
        sections.extend(graph.path_edges(tree, reach.node));
        let path = graph
            .polyline(tree, ep.floor, ep.position, at, &reach, room)
            .into_iter()
            .map(|(f, points)| FloorPath {
                floor: project.floors[f].id.clone(),
                points,
            })
            .collect();
        cables.push((
            e,
            make_cable(
                project,
                ep,
                ri,
                room_name(ri),
                lengths,
                sections,
                path,
                &graph,
                RouteSource::Auto,
            ),
        ));
    }
    for h in &hand {
        for &e in &h.endpoints {
            let path = vec![FloorPath {
                floor: project.floors[h.path.0].id.clone(),
                points: h.path.1.clone(),
            }];
            cables.push((
                e,
                make_cable(
                    project,
                    &endpoints[e],
                    h.room,
                    room_name(h.room),
                    h.lengths,
                    h.sections.clone(),
                    path,
                    &graph,
                    RouteSource::Hand {
                        route_id: h.route_id.clone(),
                    },
                ),
            ));
        }
    }

    // Ports and ids: room by room, in endpoint order.
    cables.sort_by_key(|(e, c)| (c.room_index, *e));
    let mut next_port: BTreeMap<usize, u32> = BTreeMap::new();
    let mut cables: Vec<Cable> = cables
        .into_iter()
        .map(|(_, mut c)| {
            let port = next_port.entry(c.room_index).or_insert(0);
            *port += 1;
            let r = &rooms[c.room_index];
            c.room_port = *port;
            c.id = cable_id(
                &project.floors[r.floor].id,
                r.index,
                *port,
                cabling.patch_panel_ports,
            );
            c
        })
        .collect();
    for c in &mut cables {
        let found = rules::cable_findings(project, c);
        c.status = if found.iter().any(Finding::is_error) {
            CableStatus::Fail
        } else if found.is_empty() {
            CableStatus::Ok
        } else {
            CableStatus::Warning
        };
        c.notes = found.iter().map(|f| f.message.clone()).collect();
        findings.extend(found);
    }

    let hierarchy = backbone::hierarchy(project, &graph, &mut findings);
    let backbone = backbone::backbone(project, &graph, &hierarchy, &mut findings);
    let backbone_edges: Vec<_> = backbone
        .iter()
        .flat_map(|b| b.edges.iter().copied())
        .collect();
    let tray_fill = loads::tray_fill(project, &graph, &cables, &backbone_edges);
    let mut unsized_trays: Vec<&str> = Vec::new();
    for f in &tray_fill {
        findings.extend(rules::fill_findings(f, cabling));
        if f.cables > 0
            && f.fill.is_none()
            && f.capacity.is_none()
            && !unsized_trays.contains(&f.tray_id.as_str())
        {
            unsized_trays.push(&f.tray_id);
            findings.push(Finding::new(
                Rule::TrayFill,
                Severity::Warning,
                &f.tray_id,
                format!("floor \"{}\", tray \"{}\"", f.floor, f.tray),
                "it carries cables but has neither width_mm and depth_mm nor a capacity: its fill is not checked",
            ));
        }
    }
    let room_loads = loads::room_loads(project, &graph, &cables);
    for l in &room_loads {
        findings.extend(rules::room_findings(l));
    }
    let distributors = backbone::distributors(
        project,
        &graph,
        &hierarchy,
        &room_loads,
        &backbone,
        &mut findings,
    );
    let pathways = backbone::pathway_loads(project, &graph, &cables, &backbone, &mut findings);
    for u in &unserved {
        findings.push(Finding::new(
            Rule::Unserved,
            Severity::Error,
            &u.endpoint.element_id,
            u.endpoint.location(project),
            u.reason.message(),
        ));
        if let UnservedReason::OverLength {
            length_m, limit_m, ..
        } = u.reason
            && let Some(last) = findings.last_mut()
        {
            last.measured = Some(length_m);
            last.limit = Some(limit_m);
        }
    }
    findings.sort_by_key(|f| f.severity);
    let final_tail = final_tail::final_tail(project, &graph, &trees, &cables, &room_loads);
    Routing {
        endpoints: endpoints.len(),
        cables,
        unserved,
        tray_fill,
        rooms: room_loads,
        findings,
        final_tail,
        backbone,
        distributors,
        pathways,
    }
}

#[allow(clippy::too_many_arguments)]
fn make_cable(
    project: &Project,
    ep: &Endpoint,
    room_index: usize,
    room: String,
    lengths: CableLengths,
    sections: Vec<petgraph::graph::EdgeIndex>,
    path: Vec<FloorPath>,
    graph: &PathwayGraph,
    source: RouteSource,
) -> Cable {
    let r = &graph.rooms()[room_index];
    let mut trays: Vec<String> = Vec::new();
    for s in sections.iter().filter_map(|e| graph.section(*e)) {
        let id = &project.floors[s.floor].trays[s.tray].id;
        if trays.last() != Some(id) {
            trays.push(id.clone());
        }
    }
    let poe = match ep.medium {
        Medium::Cat6a => ep.poe_w.filter(|w| *w > 0.0).and_then(PoeType::for_device),
        _ => None,
    };
    Cable {
        id: String::new(),
        endpoint: ep.clone(),
        floor: project.floors[ep.floor].id.clone(),
        room_id: project.floors[r.floor].telecom_rooms[r.index].id.clone(),
        room,
        room_floor: project.floors[r.floor].id.clone(),
        room_index,
        room_port: 0,
        medium: ep.medium,
        lengths,
        poe,
        trays,
        path,
        source,
        status: CableStatus::Ok,
        notes: Vec::new(),
        sections,
    }
}

#[cfg(test)]
mod campus_tests;
#[cfg(test)]
pub(crate) mod tests;
