//! What the cables load: the fill of every tray section, and the ports and PoE of every
//! telecom room.

use std::collections::BTreeMap;

use petgraph::graph::EdgeIndex;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::devices::Medium;
use crate::geometry::Point;
use crate::project::Project;
use crate::routing::cable::{Cable, RouteSource};
use crate::routing::graph::PathwayGraph;
use crate::routing::poe::PoeType;

/// The cables in one tray section and how full they make it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TrayFill {
    /// The tray's id.
    pub tray_id: String,
    /// The tray's name.
    pub tray: String,
    /// Its floor's id.
    pub floor: String,
    /// The tray's straight segment the section is part of, counting from 1.
    pub segment: usize,
    /// Start of the section.
    pub from: Point,
    /// End of the section.
    pub to: Point,
    /// Length of the section, metres.
    pub length_m: f64,
    /// Cables in it.
    pub cables: u32,
    /// Of which Cat6A.
    pub cat6a: u32,
    /// Of which single-pair Ethernet.
    pub spe: u32,
    /// Of which horizontal fibre.
    pub fiber: u32,
    /// Of which backbone fibre (counted at the fibre cable type's size).
    #[serde(default)]
    pub backbone: u32,
    /// Horizontal cables carrying 802.3at PoE or more (the bundle `poe-bundle` counts).
    #[serde(default)]
    pub poe_bundle: u32,
    /// The cables' cross-sections added up, square millimetres.
    pub cable_area_mm2: f64,
    /// The tray's cross-section (width × depth), when both are given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tray_area_mm2: Option<f64>,
    /// `cable_area_mm2 / tray_area_mm2`, when the tray's size is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fill: Option<f64>,
    /// The tray's stated cable capacity, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
}

/// Every tray section's fill, floor by floor, tray by tray, in order along each tray: the
/// horizontal `cables`, and the backbone cables through `backbone_edges` (each cable's edges,
/// all cables' in one list), counted at the fibre cable type's size.
pub fn tray_fill(
    project: &Project,
    graph: &PathwayGraph,
    cables: &[Cable],
    backbone_edges: &[EdgeIndex],
) -> Vec<TrayFill> {
    let types = &project.settings.cabling.cable_types;
    // Per edge: Cat6A, SPE, fibre, backbone fibre, cables of 802.3at or more.
    let mut per_edge: BTreeMap<usize, [u32; 5]> = BTreeMap::new();
    for c in cables {
        let k = match c.medium {
            Medium::Cat6a => 0,
            Medium::Spe => 1,
            _ => 2,
        };
        let hot = c.poe.is_some_and(|p| p >= PoeType::At);
        for e in &c.sections {
            let n = per_edge.entry(e.index()).or_default();
            n[k] += 1;
            n[4] += u32::from(hot);
        }
    }
    for e in backbone_edges {
        per_edge.entry(e.index()).or_default()[3] += 1;
    }
    let mut out: Vec<(usize, usize, usize, f64, TrayFill)> = Vec::new();
    for (e, s) in graph.sections() {
        let (Some(floor), Some(tray)) = (
            project.floors.get(s.floor),
            project
                .floors
                .get(s.floor)
                .and_then(|f| f.trays.get(s.tray)),
        ) else {
            continue;
        };
        let [cat6a, spe, fiber, backbone, poe_bundle] =
            per_edge.get(&e.index()).copied().unwrap_or_default();
        let cable_area_mm2 = f64::from(cat6a) * types.cat6a.area_mm2()
            + f64::from(spe) * types.spe.area_mm2()
            + f64::from(fiber + backbone) * types.fiber.area_mm2();
        let tray_area_mm2 = match (tray.width_mm, tray.depth_mm) {
            (Some(w), Some(d)) if w > 0.0 && d > 0.0 => Some(w * d),
            _ => None,
        };
        let seg_start = tray.points.get(s.segment).copied().unwrap_or(s.from);
        out.push((
            s.floor,
            s.tray,
            s.segment,
            seg_start.distance(s.from),
            TrayFill {
                tray_id: tray.id.clone(),
                tray: tray.name.clone(),
                floor: floor.id.clone(),
                segment: s.segment + 1,
                from: s.from,
                to: s.to,
                length_m: s.length_m,
                cables: cat6a + spe + fiber + backbone,
                cat6a,
                spe,
                fiber,
                backbone,
                poe_bundle,
                cable_area_mm2,
                tray_area_mm2,
                fill: tray_area_mm2.map(|a| cable_area_mm2 / a),
                capacity: tray.capacity,
            },
        ));
    }
    out.sort_by(|a, b| {
        (a.0, a.1, a.2)
            .cmp(&(b.0, b.1, b.2))
            .then(a.3.total_cmp(&b.3))
    });
    out.into_iter().map(|x| x.4).collect()
}

/// A telecom room's ports and PoE.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RoomLoad {
    /// The room's id.
    pub room_id: String,
    /// The room's name.
    pub name: String,
    /// Its floor's id.
    pub floor: String,
    /// Ports it has.
    pub ports: u32,
    /// Cables ending in it.
    pub used: u64,
    /// Of which drawn by hand.
    pub hand: u64,
    /// Ports left (negative when over).
    pub free: i64,
    /// PoE its devices draw, watts.
    pub poe_w: f64,
    /// PoE its switch ports supply when each reserves its type's full power (15.4 / 30 / 60 /
    /// 90 W), watts.
    pub poe_port_w: f64,
    /// Its PoE budget, watts, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poe_budget_w: Option<f64>,
}

/// Every telecom room's load, in the order of [`PathwayGraph::rooms`].
pub fn room_loads(project: &Project, graph: &PathwayGraph, cables: &[Cable]) -> Vec<RoomLoad> {
    let mut loads: Vec<RoomLoad> = graph
        .rooms()
        .iter()
        .map(|r| {
            let floor = &project.floors[r.floor];
            let room = &floor.telecom_rooms[r.index];
            RoomLoad {
                room_id: room.id.clone(),
                name: room.name.clone(),
                floor: floor.id.clone(),
                ports: room.ports,
                used: 0,
                hand: 0,
                free: i64::from(room.ports),
                poe_w: 0.0,
                poe_port_w: 0.0,
                poe_budget_w: room.poe_budget_w,
            }
        })
        .collect();
    for c in cables {
        let Some(l) = loads.get_mut(c.room_index) else {
            continue;
        };
        l.used += 1;
        l.free -= 1;
        if matches!(c.source, RouteSource::Hand { .. }) {
            l.hand += 1;
        }
        // Copper carries PoE, single-pair Ethernet power over data lines; fibre nothing.
        if let Some(w) = c.endpoint.poe_w.filter(|w| *w > 0.0 && w.is_finite())
            && c.medium != Medium::Fiber
        {
            l.poe_w += w;
            l.poe_port_w += match c.medium {
                Medium::Cat6a => PoeType::for_device(w).map_or(w, PoeType::port_w),
                _ => w,
            };
        }
    }
    loads
}
