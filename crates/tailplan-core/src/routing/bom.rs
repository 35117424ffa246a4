//! The bill of materials: cable by type in whole boxes, patch-panel ports and panels, outlets,
//! trays by size and length, gateways and access points, priced from the project's price
//! table.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::campus;
use crate::devices::Medium;
use crate::project::Project;
use crate::routing::backbone::{BackboneCable, Distributor, FIBRE_PANEL_PORTS};
use crate::routing::cable::Cable;
use crate::routing::loads::RoomLoad;
use crate::routing::rules::medium_name;
use crate::settings::FibreType;

/// The cable of one type: net length and the boxes to buy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CableQuantity {
    /// The cable type.
    pub medium: Medium,
    /// Cables of this type.
    pub cables: u32,
    /// Their lengths added up, metres: equal to the schedule's total for the type.
    pub length_m: f64,
    /// Length of one box or reel, metres.
    pub reel_m: f64,
    /// Whole boxes to buy: `length_m / reel_m` rounded up.
    pub reels: u32,
}

/// One line of the bill of materials.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BomLine {
    /// A stable code: `cable-cat6a`, `port-spe`, `patch-panel`, `outlet`, `tray-300x60`,
    /// `gateway-ble`, `access-point`.
    pub item: String,
    /// What it is, in words.
    pub description: String,
    /// How many.
    pub quantity: f64,
    /// Of what: `box of 305 m`, `port`, `m`, `pcs`.
    pub unit: String,
    /// Price of one unit.
    pub unit_price: f64,
    /// `quantity × unit_price`.
    pub cost: f64,
}

/// The bill of materials of a routed project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BillOfMaterials {
    /// The currency of every price.
    pub currency: String,
    /// Cable per type.
    pub cables: Vec<CableQuantity>,
    /// Every line, cables first.
    pub lines: Vec<BomLine>,
    /// The lines' costs added up.
    pub total_cost: f64,
}

fn line(item: String, description: String, quantity: f64, unit: &str, price: f64) -> BomLine {
    BomLine {
        item,
        description,
        quantity,
        unit: unit.into(),
        unit_price: price,
        cost: quantity * price,
    }
}

/// The bill of materials for `cables` (the routed cables) and the project's outlets, trays,
/// gateways and access points. Endpoints left unserved have no cable and are not counted.
pub fn bill_of_materials(
    project: &Project,
    cables: &[Cable],
    rooms: &[RoomLoad],
) -> BillOfMaterials {
    let prices = &project.settings.prices;
    let cabling = &project.settings.cabling;
    let mut quantities = Vec::new();
    let mut lines = Vec::new();
    for medium in [Medium::Cat6a, Medium::Spe, Medium::Fiber] {
        let of: Vec<&Cable> = cables.iter().filter(|c| c.medium == medium).collect();
        if of.is_empty() {
            continue;
        }
        let length_m: f64 = of.iter().map(|c| c.lengths.total_m).sum();
        let reel_m = cabling
            .cable_types
            .of(medium)
            .map_or(305.0, |t| t.reel_m)
            .max(1.0);
        let reels = (length_m / reel_m - 1e-9).ceil().max(0.0) as u32;
        let per_m = prices.cable_per_m.of(medium).unwrap_or(0.0);
        lines.push(line(
            format!("cable-{}", medium.as_str()),
            format!(
                "{} cable: {length_m:.2} m net in {} cables",
                medium_name(medium),
                of.len()
            ),
            f64::from(reels),
            &format!("box of {reel_m} m"),
            reel_m * per_m,
        ));
        quantities.push(CableQuantity {
            medium,
            cables: of.len() as u32,
            length_m,
            reel_m,
            reels,
        });
    }
    for q in &quantities {
        lines.push(line(
            format!("port-{}", q.medium.as_str()),
            format!("{} patch-panel port with patch cord", medium_name(q.medium)),
            f64::from(q.cables),
            "port",
            prices.patch_panel_port.of(q.medium).unwrap_or(0.0),
        ));
    }
    let per_panel = u64::from(cabling.patch_panel_ports.max(1));
    let panels: u64 = rooms.iter().map(|r| r.used.div_ceil(per_panel)).sum();
    if panels > 0 {
        lines.push(line(
            "patch-panel".into(),
            format!("{per_panel}-port patch panel (priced in its ports)"),
            panels as f64,
            "pcs",
            0.0,
        ));
    }
    let outlets: Vec<_> = project.floors.iter().flat_map(|f| &f.outlets).collect();
    if !outlets.is_empty() {
        let ports: u32 = outlets.iter().map(|o| o.ports).sum();
        lines.push(line(
            "outlet".into(),
            format!("outlet, faceplate and back box ({ports} ports in all)"),
            outlets.len() as f64,
            "pcs",
            prices.outlet,
        ));
    }
    let mut trays: BTreeMap<String, (String, f64)> = BTreeMap::new();
    for t in project.floors.iter().flat_map(|f| &f.trays) {
        let (key, what) = match (t.width_mm, t.depth_mm) {
            (Some(w), Some(d)) => (format!("tray-{w}x{d}"), format!("cable tray {w} × {d} mm")),
            _ => ("tray".into(), "cable tray, size not given".into()),
        };
        let len = t.length_m();
        if len.is_finite() {
            trays.entry(key).or_insert((what, 0.0)).1 += len;
        }
    }
    for (key, (what, len)) in trays {
        let len = (len * 10.0).round() / 10.0;
        lines.push(line(key, what, len, "m", prices.tray_per_m));
    }
    let mut gateways: BTreeMap<&str, usize> = BTreeMap::new();
    for g in project.floors.iter().flat_map(|f| &f.gateways) {
        *gateways.entry(g.tech.as_str()).or_default() += 1;
    }
    for (tech, n) in gateways {
        lines.push(line(
            format!("gateway-{tech}"),
            format!("{tech} gateway"),
            n as f64,
            "pcs",
            prices.gateway,
        ));
    }
    let aps: usize = project.floors.iter().map(|f| f.access_points.len()).sum();
    if aps > 0 {
        lines.push(line(
            "access-point".into(),
            "Wi-Fi access point".into(),
            aps as f64,
            "pcs",
            prices.access_point,
        ));
    }
    BillOfMaterials {
        currency: prices.currency.clone(),
        total_cost: lines.iter().map(|l| l.cost).sum(),
        cables: quantities,
        lines,
    }
}

/// The lines of the campus: the distributors' switches by model, the backbone fibre by type
/// (metres and cables), its duplex ports at both ends and the fibre panels that hold them.
pub fn campus_lines(
    project: &Project,
    distributors: &[Distributor],
    backbone: &[BackboneCable],
) -> Vec<BomLine> {
    let prices = &project.settings.prices;
    let mut lines = Vec::new();
    let mut switches: BTreeMap<&str, u32> = BTreeMap::new();
    for d in distributors {
        if d.switches > 0 {
            *switches.entry(d.switch_model.as_str()).or_default() += d.switches;
        }
    }
    for (name, n) in switches {
        let model = campus::switch_model(&project.switch_models, name);
        lines.push(line(
            format!("switch-{name}"),
            model.map_or_else(|| format!("switch {name}"), |m| m.description.clone()),
            f64::from(n),
            "pcs",
            model.map_or(0.0, |m| m.price),
        ));
    }
    for fibre in [FibreType::Om4, FibreType::Os2] {
        let of: Vec<&BackboneCable> = backbone.iter().filter(|b| b.fibre == fibre).collect();
        if of.is_empty() {
            continue;
        }
        let length_m: f64 = of.iter().map(|b| b.lengths.total_m).sum();
        let cores = of[0].cores;
        lines.push(line(
            format!("backbone-{}", fibre.as_str()),
            format!(
                "{cores}-core {} backbone cable: {length_m:.2} m in {} cables",
                fibre.as_str().to_uppercase(),
                of.len()
            ),
            length_m.ceil(),
            "m",
            prices.backbone_per_m,
        ));
    }
    let ports: u32 = distributors.iter().map(|d| d.fibre_ports).sum();
    if ports > 0 {
        lines.push(line(
            "port-backbone".into(),
            "duplex fibre port of the backbone, spliced pigtails and patch cord".into(),
            f64::from(ports),
            "port",
            prices.patch_panel_port.fiber,
        ));
        let panels: u32 = distributors.iter().map(|d| d.fibre_panels).sum();
        lines.push(line(
            "fibre-panel".into(),
            format!("{FIBRE_PANEL_PORTS}-port duplex fibre panel (priced in its ports)"),
            f64::from(panels),
            "pcs",
            0.0,
        ));
    }
    lines
}
