//! The backbone and the distributors: which distributor each telecom room hangs from (its
//! building's BD, the campus's CD), the fibre cables between them along the trays, risers and
//! ducts, the switches every distributor needs for its ports and PoE, and how full the risers
//! and ducts are.
//!
//! A project whose telecom rooms are all floor distributors (every project before the campus)
//! has no backbone: nothing here adds a cable or a finding to it.

use std::collections::BTreeMap;

use petgraph::graph::{EdgeIndex, NodeIndex};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::campus::{self, DistributorRole, SwitchModel};
use crate::devices::Medium;
use crate::diagnostics::Severity;
use crate::geometry::Point;
use crate::pathways::TelecomRoom;
use crate::project::Project;
use crate::routing::cable::{Cable, CableStatus, FloorPath};
use crate::routing::finding::{Finding, Rule};
use crate::routing::graph::{PathEdge, PathwayGraph, RoomPort};
use crate::routing::loads::RoomLoad;
use crate::routing::schedule::{CableKind, ScheduleRow, letters};
use crate::settings::FibreType;

/// Which link of the backbone a cable is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BackboneLevel {
    /// A floor distributor to its building's distributor (ISO/IEC 11801-1: building
    /// backbone).
    Building,
    /// A building distributor to the campus distributor (campus backbone).
    Campus,
}

/// A backbone cable's length in parts, metres, each to the centimetre.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct BackboneLengths {
    /// From each rack to its tray point.
    pub drop_m: f64,
    /// Along trays (and the runs from risers to their trays).
    pub tray_m: f64,
    /// Up or down risers.
    pub riser_m: f64,
    /// Through ducts between buildings, with their entries into the ground floors.
    pub duct_m: f64,
    /// Slack left at both distributors.
    pub slack_m: f64,
    /// The whole cable.
    pub total_m: f64,
}

impl BackboneLengths {
    fn new(drop_m: f64, tray_m: f64, riser_m: f64, duct_m: f64, slack_m: f64) -> Self {
        let cm = |m: f64| (m * 100.0).round() / 100.0;
        let (drop_m, tray_m, riser_m, duct_m, slack_m) =
            (cm(drop_m), cm(tray_m), cm(riser_m), cm(duct_m), cm(slack_m));
        Self {
            drop_m,
            tray_m,
            riser_m,
            duct_m,
            slack_m,
            total_m: cm(drop_m + tray_m + riser_m + duct_m + slack_m),
        }
    }
}

/// A fibre cable from a distributor to the one above it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BackboneCable {
    /// TIA-606 backbone id: the two ends' spaces (floor id and room letter) and the cable's
    /// number between them: `1A/0A-01`.
    pub id: String,
    /// Building or campus backbone.
    pub level: BackboneLevel,
    /// The lower distributor's name.
    pub from: String,
    /// Its id.
    pub from_id: String,
    /// Its floor's id.
    pub from_floor: String,
    /// The distributor above: its name.
    pub to: String,
    /// Its id.
    pub to_id: String,
    /// Its floor's id.
    pub to_floor: String,
    /// The building of the lower distributor (its name; empty for the one unnamed building).
    pub building: String,
    /// The fibre.
    pub fibre: FibreType,
    /// Its cores.
    pub cores: u32,
    /// Its length in parts.
    pub lengths: BackboneLengths,
    /// The straight line between the two racks, metres (no cable is shorter).
    pub straight_m: f64,
    /// The fibre's limit, metres.
    pub limit_m: f64,
    /// The risers it climbs, by name, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risers: Vec<String>,
    /// The ducts it runs through, by id, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ducts: Vec<String>,
    /// Its path, floor by floor, from the lower distributor; the part through the ducts has
    /// the floor `""` (the site).
    pub path: Vec<FloorPath>,
    /// How it stands against its rule (its length).
    pub status: CableStatus,
    /// What its rule found, in words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The pathway edges it occupies.
    #[serde(skip)]
    pub(crate) edges: Vec<EdgeIndex>,
}

impl BackboneCable {
    /// Its row of the cable schedule: `kind` `backbone`, `from` and `to` the distributors'
    /// names, `floor` the lower one's.
    pub fn schedule_row(&self) -> ScheduleRow {
        ScheduleRow {
            cable_id: self.id.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            floor: self.from_floor.clone(),
            medium: Medium::Fiber,
            drop_m: self.lengths.drop_m,
            tray_m: self.lengths.tray_m,
            riser_m: self.lengths.riser_m,
            slack_m: self.lengths.slack_m,
            total_m: self.lengths.total_m,
            status: self.status.as_str().into(),
            route: "auto".into(),
            note: self.notes.join("; "),
            kind: CableKind::Backbone,
            duct_m: self.lengths.duct_m,
        }
    }
}

/// A distributor: its place in the campus, its load, and the switches it needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Distributor {
    /// The telecom room's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// What it distributes to.
    pub role: DistributorRole,
    /// Its building's name (empty for the one unnamed building).
    pub building: String,
    /// Its floor's id.
    pub floor: String,
    /// Its space in TIA-606 ids: the floor's id and its letter on the floor (`A1A`), as its
    /// backbone cables' ids and its rack labels give it.
    pub space: String,
    /// Horizontal cables ending here.
    pub ports_used: u64,
    /// The switch model it is equipped with.
    pub switch_model: String,
    /// Switches: as installed (`switches` of the room) or as many as its ports and PoE need.
    pub switches: u32,
    /// Their access ports in all.
    pub switch_ports: u64,
    /// Their PoE budget in all, watts.
    pub switch_poe_w: f64,
    /// PoE its devices draw, watts.
    pub poe_w: f64,
    /// Copper (and SPE) patch panels for its horizontal cables.
    pub patch_panels: u64,
    /// Backbone cables ending here: from the distributors below and to the one above.
    pub backbone_cables: u32,
    /// Duplex fibre ports for them (half the cores of each).
    pub fibre_ports: u32,
    /// Fibre panels for them (24 duplex ports each).
    pub fibre_panels: u32,
    /// The distributor its backbone goes to: its name; none for the CD, or for a distributor
    /// without backbone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// Duplex fibre ports of one fibre panel.
pub const FIBRE_PANEL_PORTS: u32 = 24;

/// How many cables a riser or a duct carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PathwayLoad {
    /// `riser` or `duct`.
    pub kind: String,
    /// The duct's id, or the riser's id on the lower floor.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The building (risers; empty for the unnamed building or a duct).
    pub building: String,
    /// For a riser: the lower floor's id; for a duct, empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from_floor: String,
    /// For a riser: the upper floor's id; for a duct, empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub to_floor: String,
    /// Horizontal cables through it.
    pub horizontal: u32,
    /// Backbone cables through it.
    pub backbone: u32,
    /// Its capacity in cables, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
}

/// The campus's tree of distributors: each telecom room's parent (an index into
/// [`PathwayGraph::rooms`]), and whether it is its building's distributor.
pub(crate) struct Hierarchy {
    pub parent: Vec<Option<usize>>,
    pub is_bd: Vec<bool>,
}

fn room<'p>(project: &'p Project, r: &RoomPort) -> &'p TelecomRoom {
    &project.floors[r.floor].telecom_rooms[r.index]
}

fn building_key<'p>(project: &'p Project, r: &RoomPort) -> &'p str {
    project.floors[r.floor].building.as_deref().unwrap_or("")
}

fn location(project: &Project, r: &RoomPort) -> String {
    format!(
        "floor \"{}\", telecom room \"{}\"",
        project.floors[r.floor].id,
        room(project, r).name
    )
}

/// Who hangs from whom: every FD from its building's BD (the CD where the CD stands in that
/// building), every BD from the CD. Nothing when no telecom room is a BD or a CD.
pub(crate) fn hierarchy(
    project: &Project,
    graph: &PathwayGraph,
    findings: &mut Vec<Finding>,
) -> Hierarchy {
    let rooms = graph.rooms();
    let mut h = Hierarchy {
        parent: vec![None; rooms.len()],
        is_bd: vec![false; rooms.len()],
    };
    let role = |i: usize| room(project, &rooms[i]).role;
    if (0..rooms.len()).all(|i| role(i) == DistributorRole::Fd) {
        return h;
    }
    // A `backbone` warning about the room at index `i`.
    let warn = |findings: &mut Vec<Finding>, i: usize, message: String| {
        findings.push(Finding::new(
            Rule::Backbone,
            Severity::Warning,
            &room(project, &rooms[i]).id,
            location(project, &rooms[i]),
            message,
        ));
    };
    let cds: Vec<usize> = (0..rooms.len())
        .filter(|&i| role(i) == DistributorRole::Cd)
        .collect();
    let cd = cds.first().copied();
    for &extra in cds.iter().skip(1) {
        warn(
            findings,
            extra,
            format!(
                "a second campus distributor: {} is the campus's, this one is taken as its building's distributor",
                room(project, &rooms[cds[0]]).name
            ),
        );
    }
    let mut buildings: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, r) in rooms.iter().enumerate() {
        buildings
            .entry(building_key(project, r))
            .or_default()
            .push(i);
    }
    let mut bds = Vec::new();
    for (key, members) in &buildings {
        let bd = match cd.filter(|c| members.contains(c)) {
            Some(c) => Some(c),
            None => members
                .iter()
                .copied()
                .find(|&i| role(i) != DistributorRole::Fd),
        };
        let Some(bd) = bd else {
            let name = if key.is_empty() {
                "the building".to_owned()
            } else {
                format!("building \"{key}\"")
            };
            warn(
                findings,
                members[0],
                format!(
                    "{name} has no building distributor (role \"bd\"): its {} floor distributor(s) get no backbone",
                    members.len()
                ),
            );
            continue;
        };
        h.is_bd[bd] = true;
        bds.push(bd);
        for &i in members {
            if i == bd {
                continue;
            }
            if role(i) == DistributorRole::Bd {
                warn(
                    findings,
                    i,
                    format!(
                        "another building distributor in its building: {} is the building's, this one is cabled to it as a floor distributor",
                        room(project, &rooms[bd]).name
                    ),
                );
            }
            h.parent[i] = Some(bd);
        }
    }
    match cd {
        Some(cd) => {
            for &bd in &bds {
                if bd != cd {
                    h.parent[bd] = Some(cd);
                }
            }
        }
        None if bds.len() > 1 => warn(
            findings,
            bds[0],
            format!(
                "{} buildings have a building distributor but no telecom room is the campus distributor (role \"cd\"): the buildings are not joined",
                bds.len()
            ),
        ),
        None => {}
    }
    h
}

/// The space of a distributor in TIA-606 ids: its floor's id and its letter on the floor.
fn space(project: &Project, r: &RoomPort) -> String {
    let floor: String = project.floors[r.floor]
        .id
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    format!("{floor}{}", letters(r.index))
}

/// The backbone cables of the hierarchy, each along the shortest pathway (ducts included) to
/// its parent, with its findings.
pub(crate) fn backbone(
    project: &Project,
    graph: &PathwayGraph,
    h: &Hierarchy,
    findings: &mut Vec<Finding>,
) -> Vec<BackboneCable> {
    let rooms = graph.rooms();
    let settings = &project.settings;
    let mut trees = BTreeMap::new();
    let mut out: Vec<BackboneCable> = Vec::new();
    let mut numbers: BTreeMap<(String, String), u32> = BTreeMap::new();
    for (ci, parent) in h.parent.iter().enumerate() {
        let Some(pi) = *parent else { continue };
        let (child, up) = (&rooms[ci], &rooms[pi]);
        let subject = room(project, child).id.clone();
        let loc = location(project, child);
        let tree = trees.entry(pi).or_insert_with(|| graph.backbone_tree(up));
        let (Some(tree), Some((node, child_run))) = (tree.as_ref(), child.attach) else {
            findings.push(Finding::new(
                Rule::Backbone,
                Severity::Error,
                &subject,
                &loc,
                format!(
                    "no backbone to {}: {} has no tray to leave by",
                    room(project, up).name,
                    if child.attach.is_none() {
                        "it"
                    } else {
                        "the distributor above"
                    }
                ),
            ));
            continue;
        };
        let dist = tree.dist_m[node.index()];
        if !dist.is_finite() {
            findings.push(Finding::new(
                Rule::Backbone,
                Severity::Error,
                &subject,
                &loc,
                format!(
                    "no backbone to {}: no tray, riser or duct joins them",
                    room(project, up).name
                ),
            ));
            continue;
        }
        let up_run = up.attach.map_or(0.0, |(_, d)| d);
        let riser_m = tree.riser_m[node.index()];
        let duct_m = tree.duct_m[node.index()];
        let lengths = BackboneLengths::new(
            child_run + up_run,
            dist - riser_m - duct_m,
            riser_m,
            duct_m,
            2.0 * settings.cabling.slack_telecom_room_m,
        );
        let level = if h.is_bd[ci] {
            BackboneLevel::Campus
        } else {
            BackboneLevel::Building
        };
        let fibre = match level {
            BackboneLevel::Building => settings.backbone.building_fibre,
            BackboneLevel::Campus => settings.backbone.campus_fibre,
        };
        let limit_m = settings.backbone.limit_m(fibre);
        let edges = graph.path_edges(tree, node);
        let mut risers: Vec<String> = Vec::new();
        let mut ducts: Vec<String> = Vec::new();
        for e in &edges {
            match graph.graph().edge_weight(*e) {
                Some(PathEdge::Riser { name, .. }) if risers.last() != Some(name) => {
                    risers.push(name.clone());
                }
                Some(PathEdge::Duct { duct, .. }) => {
                    let id = &project.ducts[*duct].id;
                    if ducts.last() != Some(id) {
                        ducts.push(id.clone());
                    }
                }
                _ => {}
            }
        }
        let path = path_of(project, graph, child, up, node, &edges);
        let (fe, ue) = (
            project.floors[child.floor].elevation_m,
            project.floors[up.floor].elevation_m,
        );
        let straight_m =
            ((child.position.distance(up.position)).powi(2) + (fe - ue).powi(2)).sqrt();
        let (from_space, to_space) = (space(project, child), space(project, up));
        let n = numbers
            .entry((from_space.clone(), to_space.clone()))
            .or_insert(0);
        *n += 1;
        let id = format!("{from_space}/{to_space}-{n:02}");
        let (from_room, to_room) = (room(project, child), room(project, up));
        let mut cable = BackboneCable {
            id,
            level,
            from: from_room.name.clone(),
            from_id: from_room.id.clone(),
            from_floor: project.floors[child.floor].id.clone(),
            to: to_room.name.clone(),
            to_id: to_room.id.clone(),
            to_floor: project.floors[up.floor].id.clone(),
            building: project.building_name(&project.floors[child.floor]),
            fibre,
            cores: settings.backbone.cores,
            lengths,
            straight_m: (straight_m * 100.0).round() / 100.0,
            limit_m,
            risers,
            ducts,
            path,
            status: CableStatus::Ok,
            notes: Vec::new(),
            edges,
        };
        if cable.lengths.total_m > limit_m + 1e-9 {
            let f = Finding::new(
                Rule::BackboneLength,
                Severity::Error,
                &subject,
                format!("{loc} (backbone {})", cable.id),
                format!(
                    "{} backbone of {:.1} m to {} is over the {} limit of {limit_m} m",
                    fibre.as_str().to_uppercase(),
                    cable.lengths.total_m,
                    cable.to,
                    match settings.backbone.max_length_m {
                        Some(_) => "settings'",
                        None if fibre == FibreType::Om4 => "10GBASE-SR",
                        None => "10GBASE-LR",
                    }
                ),
            )
            .with_values(cable.lengths.total_m, limit_m);
            cable.status = CableStatus::Fail;
            cable.notes.push(f.message.clone());
            findings.push(f);
        }
        out.push(cable);
    }
    out
}

/// The polyline of a backbone cable: from the lower rack to its tray point, along the path's
/// nodes, to the upper rack; duct nodes on the site (floor `""`).
fn path_of(
    project: &Project,
    graph: &PathwayGraph,
    child: &RoomPort,
    up: &RoomPort,
    start: NodeIndex,
    edges: &[EdgeIndex],
) -> Vec<FloorPath> {
    let floor_id = |f: usize| {
        project
            .floors
            .get(f)
            .map_or(String::new(), |fl| fl.id.clone())
    };
    let mut parts: Vec<FloorPath> = Vec::new();
    let mut push = |floor: String, p: Point| match parts.last_mut() {
        Some(last) if last.floor == floor => {
            if last.points.last() != Some(&p) {
                last.points.push(p);
            }
        }
        _ => parts.push(FloorPath {
            floor,
            points: vec![p],
        }),
    };
    push(floor_id(child.floor), child.position);
    let g = graph.graph();
    push(floor_id(g[start].floor), g[start].position);
    let mut v = start;
    for e in edges {
        let Some((a, b)) = g.edge_endpoints(*e) else {
            break;
        };
        v = if a == v { b } else { a };
        push(floor_id(g[v].floor), g[v].position);
    }
    push(floor_id(up.floor), up.position);
    parts
}

/// Every distributor with its switches, and the findings of `switch-ports` and `switch-poe`.
pub(crate) fn distributors(
    project: &Project,
    graph: &PathwayGraph,
    h: &Hierarchy,
    loads: &[RoomLoad],
    backbone: &[BackboneCable],
    findings: &mut Vec<Finding>,
) -> Vec<Distributor> {
    let rooms = graph.rooms();
    let settings = &project.settings;
    let fallback = campus::switch_model(&project.switch_models, &settings.switching.model)
        .or_else(|| campus::switch_model(&[], campus::DEFAULT_SWITCH_MODEL))
        .cloned()
        .unwrap_or_else(|| campus::switch_catalogue()[0].clone());
    let per_panel = u64::from(settings.cabling.patch_panel_ports.max(1));
    rooms
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let tr = room(project, r);
            // Room loads come one per room of the graph, in its order.
            let (ports_used, poe_w) = loads.get(i).map_or((0, 0.0), |l| (l.used, l.poe_w));
            let model: SwitchModel = tr
                .switch_model
                .as_deref()
                .and_then(|m| campus::switch_model(&project.switch_models, m))
                .cloned()
                .unwrap_or_else(|| fallback.clone());
            let needed = model.needed(ports_used, poe_w);
            let switches = tr.switches.unwrap_or_else(|| {
                needed.unwrap_or_else(|| {
                    u32::try_from(ports_used.div_ceil(u64::from(model.ports.max(1))))
                        .unwrap_or(u32::MAX)
                })
            });
            let switch_ports = u64::from(switches) * u64::from(model.ports);
            let switch_poe_w = f64::from(switches) * model.poe_budget_w;
            let loc = location(project, r);
            if ports_used > switch_ports {
                findings.push(
                    Finding::new(
                        Rule::SwitchPorts,
                        Severity::Error,
                        &tr.id,
                        &loc,
                        format!(
                            "{ports_used} horizontal cables for {switch_ports} access ports of {switches} × {}",
                            model.name
                        ),
                    )
                    .with_values(ports_used as f64, switch_ports as f64),
                );
            }
            if poe_w > switch_poe_w + 1e-9 {
                findings.push(
                    Finding::new(
                        Rule::SwitchPoe,
                        Severity::Error,
                        &tr.id,
                        &loc,
                        format!(
                            "its devices draw {poe_w:.1} W of PoE; {switches} × {} deliver {switch_poe_w} W",
                            model.name
                        ),
                    )
                    .with_values(poe_w, switch_poe_w),
                );
            }
            let ending_here: Vec<&BackboneCable> = backbone
                .iter()
                .filter(|b| b.from_id == tr.id || b.to_id == tr.id)
                .collect();
            let backbone_cables = ending_here.len() as u32;
            let fibre_ports = ending_here.iter().map(|b| b.cores.div_ceil(2)).sum::<u32>();
            Distributor {
                id: tr.id.clone(),
                name: tr.name.clone(),
                role: tr.role,
                building: project.building_name(&project.floors[r.floor]),
                floor: project.floors[r.floor].id.clone(),
                space: space(project, r),
                ports_used,
                switch_model: model.name.clone(),
                switches,
                switch_ports,
                switch_poe_w,
                poe_w: (poe_w * 10.0).round() / 10.0,
                patch_panels: ports_used.div_ceil(per_panel),
                backbone_cables,
                fibre_ports,
                fibre_panels: fibre_ports.div_ceil(FIBRE_PANEL_PORTS),
                parent: h.parent[i].map(|p| room(project, &rooms[p]).name.clone()),
            }
        })
        .collect()
}

/// The cables in every riser (between each pair of floors it joins) and every duct, with the
/// findings of ducts over their capacity.
pub(crate) fn pathway_loads(
    project: &Project,
    graph: &PathwayGraph,
    cables: &[Cable],
    backbone: &[BackboneCable],
    findings: &mut Vec<Finding>,
) -> Vec<PathwayLoad> {
    let g = graph.graph();
    let mut per_edge: BTreeMap<usize, (u32, u32)> = BTreeMap::new();
    for c in cables {
        for e in c.sections() {
            per_edge.entry(e.index()).or_default().0 += 1;
        }
    }
    for b in backbone {
        for e in &b.edges {
            per_edge.entry(e.index()).or_default().1 += 1;
        }
    }
    let mut out = Vec::new();
    let mut ducts: BTreeMap<usize, (u32, u32)> = BTreeMap::new();
    for e in g.edge_indices() {
        let (horizontal, bb) = per_edge.get(&e.index()).copied().unwrap_or_default();
        match &g[e] {
            PathEdge::Riser {
                name,
                from_floor,
                to_floor,
                ..
            } => {
                let lower = &project.floors[*from_floor];
                let id = lower
                    .risers
                    .iter()
                    .find(|r| &r.name == name)
                    .map_or(String::new(), |r| r.id.clone());
                out.push(PathwayLoad {
                    kind: "riser".into(),
                    id,
                    name: name.clone(),
                    building: project.building_name(lower),
                    from_floor: lower.id.clone(),
                    to_floor: project.floors[*to_floor].id.clone(),
                    horizontal,
                    backbone: bb,
                    capacity: None,
                });
            }
            PathEdge::Duct { duct, .. } => {
                let d = ducts.entry(*duct).or_default();
                d.0 = d.0.max(horizontal);
                d.1 = d.1.max(bb);
            }
            _ => {}
        }
    }
    for (di, (horizontal, bb)) in ducts {
        let duct = &project.ducts[di];
        if let Some(cap) = duct.capacity
            && horizontal + bb > cap
        {
            findings.push(
                Finding::new(
                    Rule::PathwayCapacity,
                    Severity::Error,
                    &duct.id,
                    format!("duct \"{}\"", duct.name),
                    format!("{} cables, over its capacity of {cap}", horizontal + bb),
                )
                .with_values(f64::from(horizontal + bb), f64::from(cap)),
            );
        }
        out.push(PathwayLoad {
            kind: "duct".into(),
            id: duct.id.clone(),
            name: duct.name.clone(),
            building: String::new(),
            from_floor: String::new(),
            to_floor: String::new(),
            horizontal,
            backbone: bb,
            capacity: duct.capacity,
        });
    }
    out
}
