//! The final-tail choice: for each IoT device, its options side by side — Cat6A copper to the
//! best telecom room, single-pair Ethernet, fibre, and wireless through the gateways that hear
//! it — each with its length or margin, feasibility and cost, and the cheapest feasible one
//! recommended.
//!
//! - A wired option uses the device's own cable when it is routed on that medium; otherwise the
//!   shortest cable to a room that still has a free port (and, for a powered device, PoE budget
//!   left) after routing. It is feasible when within the medium's length limit and, on copper,
//!   when an 802.3af/at/bt type powers the device; fibre carries no power. Its cost is the
//!   cable's metres at the type's price plus one patch-panel port.
//! - The wireless option takes the gateway of the device's technology with the best margin, on
//!   any floor, from the coverage engine's device links ([`crate::coverage::iot_links`], issue
//!   4's model); it is feasible when that margin is at least the project's fade margin. Its
//!   cost is the gateway's price shared among the devices for which it is the best feasible
//!   gateway.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::coverage::{DeviceLinks, FloorScope, iot_links};
use crate::devices::{IotTech, Medium};
use crate::project::Project;
use crate::routing::cable::{Cable, CableLengths};
use crate::routing::endpoints::{Endpoint, EndpointKind};
use crate::routing::graph::{PathwayGraph, RoomTree};
use crate::routing::loads::RoomLoad;
use crate::routing::poe::PoeType;

/// One way of connecting a device.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum TailKind {
    /// Four-pair copper.
    Cat6a,
    /// Single-pair Ethernet.
    Spe,
    /// Fibre.
    Fiber,
    /// A radio link to a gateway.
    Wireless,
}

impl TailKind {
    /// The options in the order they are listed (and preferred at equal cost).
    pub const ALL: [TailKind; 4] = [
        TailKind::Wireless,
        TailKind::Spe,
        TailKind::Cat6a,
        TailKind::Fiber,
    ];

    /// The medium of this option.
    pub fn medium(self) -> Medium {
        match self {
            TailKind::Cat6a => Medium::Cat6a,
            TailKind::Spe => Medium::Spe,
            TailKind::Fiber => Medium::Fiber,
            TailKind::Wireless => Medium::Wireless,
        }
    }

    /// `cat6a`, `spe`, `fiber`, `wireless`.
    pub fn as_str(self) -> &'static str {
        self.medium().as_str()
    }
}

/// One option of a device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TailOption {
    /// Which option.
    pub kind: TailKind,
    /// True when it can be built as designed.
    pub feasible: bool,
    /// Its cost in the price table's currency, when it can be priced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<f64>,
    /// Wired: the telecom room.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<String>,
    /// Wired: the cable's length, metres.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length_m: Option<f64>,
    /// Wired: the medium's length limit, metres.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_m: Option<f64>,
    /// Copper: the PoE type that powers the device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poe: Option<PoeType>,
    /// Wireless: the best gateway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateway: Option<String>,
    /// Wireless: the best gateway's link margin, dB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin_db: Option<f64>,
    /// Wireless: gateways heard at all (margin at least 0 dB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateways_heard: Option<u32>,
    /// Why it is not feasible, or what to know about it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl TailOption {
    fn new(kind: TailKind) -> Self {
        Self {
            kind,
            feasible: false,
            cost: None,
            room: None,
            length_m: None,
            limit_m: None,
            poe: None,
            gateway: None,
            margin_db: None,
            gateways_heard: None,
            note: String::new(),
        }
    }
}

/// A device's options and the recommendation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FinalTailChoice {
    /// The device's id.
    pub device_id: String,
    /// The device's name.
    pub name: String,
    /// Its floor's id.
    pub floor: String,
    /// How it is connected in the design now.
    pub current: Medium,
    /// Its radio technology, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tech: Option<IotTech>,
    /// Power it draws, watts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poe_w: Option<f64>,
    /// Every option, in [`TailKind::ALL`] order.
    pub options: Vec<TailOption>,
    /// The cheapest feasible option, if any is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommended: Option<TailKind>,
}

/// To the cent.
fn cents(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The wired option of medium `kind` for the device endpoint `e`.
#[allow(clippy::too_many_arguments)]
fn wired(
    project: &Project,
    graph: &PathwayGraph,
    trees: &[Option<RoomTree>],
    own: Option<&Cable>,
    loads: &[RoomLoad],
    e: &Endpoint,
    kind: TailKind,
) -> TailOption {
    let cabling = &project.settings.cabling;
    let prices = &project.settings.prices;
    let medium = kind.medium();
    let mut o = TailOption::new(kind);
    o.limit_m = cabling.max_length_m(medium);
    let limit = o.limit_m.unwrap_or(f64::INFINITY);
    let e = Endpoint {
        medium,
        ..e.clone()
    };
    let w = e.poe_w.filter(|w| *w > 0.0).unwrap_or(0.0);
    // The device's own cable when it is routed on this medium; else the best room with room.
    let chosen: Option<(String, f64)> = match own.filter(|c| c.medium == medium) {
        Some(c) => Some((c.room.clone(), c.lengths.total_m)),
        None => {
            let at = graph.attach(e.floor, e.position);
            let mut best: Option<(f64, usize)> = None;
            let mut in_reach = false;
            for (ri, (room, tree)) in graph.rooms().iter().zip(trees).enumerate() {
                let (Some(at), Some(tree)) = (at.as_ref(), tree.as_ref()) else {
                    continue;
                };
                let Some(reach) = graph.reach(tree, at) else {
                    continue;
                };
                let len = CableLengths::routed(cabling, &e, at, &reach, room).total_m;
                if len > limit + 1e-9 {
                    continue;
                }
                in_reach = true;
                let load = &loads[ri];
                let budget_ok = medium == Medium::Fiber
                    || load.poe_budget_w.is_none_or(|b| load.poe_w + w <= b + 1e-9);
                if load.free > 0 && budget_ok && best.is_none_or(|b| len < b.0) {
                    best = Some((len, ri));
                }
            }
            match best {
                Some((len, ri)) => Some((loads[ri].name.clone(), len)),
                None => {
                    o.note = if in_reach {
                        "no telecom room in reach has a free port (or PoE budget) left".into()
                    } else if at.is_none() {
                        "no tray on its floor".into()
                    } else {
                        format!(
                            "no telecom room within the {} m limit",
                            o.limit_m.unwrap_or(0.0)
                        )
                    };
                    None
                }
            }
        }
    };
    let Some((room, len)) = chosen else {
        return o;
    };
    o.room = Some(room);
    o.length_m = Some(len);
    o.cost = Some(
        len * prices.cable_per_m.of(medium).unwrap_or(0.0)
            + prices.patch_panel_port.of(medium).unwrap_or(0.0),
    );
    o.feasible = len <= limit + 1e-9;
    if !o.feasible {
        o.note = format!("{len:.1} m is over the {limit} m limit");
    }
    match medium {
        Medium::Cat6a if w > 0.0 => {
            o.poe = PoeType::for_device(w);
            if o.poe.is_none() {
                o.feasible = false;
                o.note = format!("draws {w} W: more than 802.3bt Type 4 delivers");
            }
        }
        Medium::Fiber if w > 0.0 => {
            o.feasible = false;
            o.note = format!("draws {w} W: fibre carries no power");
        }
        Medium::Spe if w > 0.0 && o.note.is_empty() => {
            o.note = format!("{w} W by power over data lines (PoDL)");
        }
        _ => {}
    }
    o
}

/// The final-tail choice of every device of the project, floor by floor.
pub fn final_tail(
    project: &Project,
    graph: &PathwayGraph,
    trees: &[Option<RoomTree>],
    cables: &[Cable],
    loads: &[RoomLoad],
) -> Vec<FinalTailChoice> {
    let fade = project.settings.final_tail.fade_margin_db;
    let own: HashMap<&str, &Cable> = cables
        .iter()
        .filter(|c| c.endpoint.kind == EndpointKind::Device)
        .map(|c| (c.endpoint.element_id.as_str(), c))
        .collect();
    // Every device's links (gateways on any floor), and how many devices each gateway serves
    // best.
    let links: HashMap<String, DeviceLinks> = iot_links(project, None, None, FloorScope::All)
        .map(|l| l.devices)
        .unwrap_or_default()
        .into_iter()
        .map(|d| (d.device.clone(), d))
        .collect();
    let mut served: HashMap<&str, u32> = HashMap::new();
    for l in links.values() {
        if let Some(best) = l.strongest.as_ref().filter(|b| b.margin_db >= fade) {
            *served.entry(best.gateway.as_str()).or_default() += 1;
        }
    }
    let mut out = Vec::new();
    let devices = project
        .floors
        .iter()
        .enumerate()
        .flat_map(|(fi, f)| f.devices.iter().map(move |d| (fi, f, d)));
    for (fi, floor, d) in devices {
        let l = links.get(&d.id);
        let e = Endpoint {
            element_id: d.id.clone(),
            name: d.name.clone(),
            kind: EndpointKind::Device,
            port: None,
            floor: fi,
            position: d.position,
            height_m: d.height_m,
            medium: d.medium,
            poe_w: d.poe_w,
        };
        let mine = own.get(d.id.as_str()).copied();
        let mut options = Vec::new();
        for kind in TailKind::ALL {
            if kind == TailKind::Wireless {
                let mut o = TailOption::new(kind);
                match (d.tech, l.and_then(|l| Some((l, l.strongest.as_ref()?)))) {
                    (None, _) => o.note = "no radio technology given".into(),
                    (Some(t), None) => o.note = format!("no {} gateway in the project", t.as_str()),
                    (Some(_), Some((l, best))) => {
                        o.gateway = Some(best.name.clone());
                        o.margin_db = Some(best.margin_db);
                        o.gateways_heard = Some(l.heard_by.len() as u32);
                        o.feasible = best.margin_db >= fade;
                        if o.feasible {
                            let n = served
                                .get(best.gateway.as_str())
                                .copied()
                                .unwrap_or(1)
                                .max(1);
                            o.cost = Some(project.settings.prices.gateway / f64::from(n));
                            o.note = format!("gateway shared by {n} device(s)");
                        } else {
                            o.note = format!(
                                "best margin {:.1} dB is under the {fade} dB fade margin",
                                best.margin_db
                            );
                        }
                    }
                }
                options.push(o);
            } else if e.position.is_finite() {
                options.push(wired(project, graph, trees, mine, loads, &e, kind));
            }
        }
        let recommended = options
            .iter()
            .filter(|o| o.feasible)
            .filter_map(|o| Some((o.cost?, o.kind)))
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|x| x.1);
        for o in &mut options {
            o.cost = o.cost.map(cents);
        }
        out.push(FinalTailChoice {
            device_id: d.id.clone(),
            name: d.name.clone(),
            floor: floor.id.clone(),
            current: d.medium,
            tech: d.tech,
            poe_w: d.poe_w,
            options,
            recommended,
        });
    }
    out
}
