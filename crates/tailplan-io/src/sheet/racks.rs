//! The rack and port map of a distributor: what its rack holds, every patch-panel port with
//! the cable on it, what that cable serves and the switch port it is patched to, and the
//! fibre panel with the backbone cables' ports.
//!
//! Patching follows the ports in order: port `p` of the room (counting from 1 across its
//! panels, as the cable ids do) goes to switch `⌈p / n⌉`, port `((p − 1) mod n) + 1`, where
//! `n` is the switch model's access ports. Fibre ports are duplex (two cores each): the
//! cable to the distributor above takes the first ones, then the cables from the
//! distributors below in the backbone schedule's order, each `⌈cores / 2⌉` ports; a fibre
//! panel has [`FIBRE_PANEL_PORTS`].

use tailplan_core::Project;
use tailplan_core::campus;
use tailplan_core::routing::rules::medium_name;
use tailplan_core::routing::schedule::letters;
use tailplan_core::routing::{
    BackboneCable, Cable, CableStatus, Distributor, FIBRE_PANEL_PORTS, Routing,
};

use super::riser::role_name;
use super::tables::{Align, Column, RowStyle, Table};
use super::xml::N;

/// A distributor's switch model's access ports per switch (at least 1).
fn model_ports(project: &Project, d: &Distributor) -> u32 {
    campus::switch_model(&project.switch_models, &d.switch_model)
        .map_or(48, |m| m.ports)
        .max(1)
}

/// Switch and switch port of room port `p` (from 1): `(switch, port)`, both from 1.
pub(crate) fn switch_port(p: u32, ports: u32) -> (u32, u32) {
    let ports = ports.max(1);
    let p = p.max(1);
    (p.div_ceil(ports), (p - 1) % ports + 1)
}

/// The lines of the rack's summary.
pub(crate) fn summary(project: &Project, routing: &Routing, d: &Distributor) -> Vec<String> {
    let per_panel = project.settings.cabling.patch_panel_ports.max(1);
    let role = match d.role {
        campus::DistributorRole::Fd => "floor distributor",
        campus::DistributorRole::Bd => "building distributor",
        campus::DistributorRole::Cd => "campus distributor",
    };
    let mut lines = vec![format!(
        "{} ({}, {role}) on floor {}{}.",
        d.name,
        role_name(d.role),
        d.floor,
        if d.building.is_empty() {
            String::new()
        } else {
            format!(" ({})", d.building)
        }
    )];
    lines.push(format!(
        "Switches: {} × {} ({} access ports, {} W PoE in all); {} ports used, {} W of PoE drawn.",
        d.switches,
        d.switch_model,
        d.switch_ports,
        N(d.switch_poe_w),
        d.ports_used,
        N(d.poe_w)
    ));
    let n = model_ports(project, d);
    let patching: Vec<String> = (1..=d.switches.min(8))
        .map(|k| {
            format!(
                "{}–{} to SW{k}",
                u64::from(k - 1) * u64::from(n) + 1,
                u64::from(k) * u64::from(n)
            )
        })
        .collect();
    lines.push(format!(
        "Patch panels: {} of {per_panel} ports (A, B...); patched in order, room ports {}{}.",
        d.patch_panels,
        if patching.is_empty() {
            "to no switch".to_owned()
        } else {
            patching.join(", ")
        },
        if d.switches > 8 { " and so on" } else { "" }
    ));
    if d.backbone_cables > 0 {
        lines.push(format!(
            "Fibre: {} backbone cable{} on {} duplex port{} of {} panel{} ({FIBRE_PANEL_PORTS} ports each).",
            d.backbone_cables,
            if d.backbone_cables == 1 { "" } else { "s" },
            d.fibre_ports,
            if d.fibre_ports == 1 { "" } else { "s" },
            d.fibre_panels,
            if d.fibre_panels == 1 { "" } else { "s" }
        ));
    } else {
        lines.push("Fibre: no backbone cable ends here.".to_owned());
    }
    match &d.parent {
        Some(p) => {
            let up = routing.backbone.iter().find(|b| b.from_id == d.id);
            lines.push(match up {
                Some(b) => format!("Uplink: to {p} by {}.", b.id),
                None => {
                    format!("Uplink: to {p}, but no backbone cable reaches it (see the findings).")
                }
            });
        }
        None if d.role == campus::DistributorRole::Cd => {
            lines.push("The campus distributor: every building's backbone ends here.".into());
        }
        None => {}
    }
    lines
}

/// The patch-panel tables of a distributor, one per panel, every port listed (spare ones
/// too, so the table reads like the panel).
pub(crate) fn patch_panels(project: &Project, routing: &Routing, d: &Distributor) -> Vec<Table> {
    let per_panel = project.settings.cabling.patch_panel_ports.max(1);
    let ports = model_ports(project, d);
    let mut cables: Vec<&Cable> = routing
        .cables
        .iter()
        .filter(|c| c.room_id == d.id)
        .collect();
    cables.sort_by_key(|c| c.room_port);
    let last = cables.iter().map(|c| c.room_port).max().unwrap_or(0);
    let panels = last.div_ceil(per_panel);
    let mut out = Vec::new();
    for k in 0..panels {
        let mut t = Table::new(
            &format!("{}: patch panel {}", d.name, letters(k as usize)),
            vec![
                Column::new("Port", Align::Right),
                Column::new("Cable", Align::Left),
                Column::new("Serves", Align::Left).wrap(36.0),
                Column::new("Floor", Align::Left),
                Column::new("Type", Align::Left),
                Column::new("Length m", Align::Right),
                Column::new("PoE", Align::Left),
                Column::new("Switch", Align::Left),
                Column::new("Sw. port", Align::Right),
                Column::new("Status", Align::Left),
            ],
        );
        for port in 1..=per_panel {
            let p = k * per_panel + port;
            let on: Vec<&&Cable> = cables.iter().filter(|c| c.room_port == p).collect();
            if on.is_empty() {
                t.push(vec![port.to_string(), "spare".into()]);
                continue;
            }
            for c in on {
                let (sw, sp) = switch_port(p, ports);
                let has_switch = sw <= d.switches;
                let (style, status) = match (c.status, has_switch) {
                    (CableStatus::Fail, _) => (RowStyle::Error, "FAIL".to_owned()),
                    (_, false) => (RowStyle::Error, "no switch port".to_owned()),
                    (CableStatus::Warning, _) => (RowStyle::Warning, "warning".to_owned()),
                    (CableStatus::Ok, _) => (RowStyle::Normal, "ok".to_owned()),
                };
                t.push_styled(
                    vec![
                        port.to_string(),
                        c.id.clone(),
                        c.endpoint.label(),
                        c.floor.clone(),
                        medium_name(c.medium).to_owned(),
                        format!("{:.2}", c.lengths.total_m),
                        c.poe.map_or_else(String::new, |p| p.name().to_owned()),
                        if has_switch {
                            format!("SW{sw}")
                        } else {
                            "—".into()
                        },
                        if has_switch {
                            sp.to_string()
                        } else {
                            "—".into()
                        },
                        status,
                    ],
                    style,
                );
            }
        }
        out.push(t);
    }
    out
}

/// The backbone cables ending at `d`, in the order their fibre ports are given: the one to
/// the distributor above, then those from below.
pub(crate) fn fibre_cables<'a>(routing: &'a Routing, d: &Distributor) -> Vec<&'a BackboneCable> {
    let mut v: Vec<&BackboneCable> = routing
        .backbone
        .iter()
        .filter(|b| b.from_id == d.id)
        .collect();
    v.extend(routing.backbone.iter().filter(|b| b.to_id == d.id));
    v
}

/// Duplex ports `first..=last` (from 1, across panels) as panels and ports: `A 1–6`,
/// `A 19–24, B 1–2`.
fn fibre_ports(first: u32, last: u32) -> String {
    let per = FIBRE_PANEL_PORTS;
    let mut parts = Vec::new();
    let mut p = first;
    while p <= last {
        let panel = (p - 1) / per;
        let end = last.min((panel + 1) * per);
        let (a, b) = ((p - 1) % per + 1, (end - 1) % per + 1);
        parts.push(if a == b {
            format!("{} {a}", letters(panel as usize))
        } else {
            format!("{} {a}–{b}", letters(panel as usize))
        });
        p = end + 1;
    }
    parts.join(", ")
}

/// The fibre panel table of a distributor; `None` when no backbone cable ends there.
pub(crate) fn fibre_panel(routing: &Routing, d: &Distributor) -> Option<Table> {
    let cables = fibre_cables(routing, d);
    if cables.is_empty() {
        return None;
    }
    let mut t = Table::new(
        &format!("{}: fibre panel", d.name),
        vec![
            Column::new("Ports", Align::Left),
            Column::new("Cable", Align::Left),
            Column::new("Direction", Align::Left),
            Column::new("Other end", Align::Left).wrap(40.0),
            Column::new("Fibre", Align::Left),
            Column::new("Cores", Align::Right),
            Column::new("Length m", Align::Right),
            Column::new("Status", Align::Left),
        ],
    );
    let mut next = 1;
    for b in cables {
        let n = b.cores.div_ceil(2).max(1);
        let (dir, other, floor) = if b.from_id == d.id {
            ("uplink to", &b.to, &b.to_floor)
        } else {
            ("from below", &b.from, &b.from_floor)
        };
        let (style, status) = match b.status {
            CableStatus::Ok => (RowStyle::Normal, "ok"),
            CableStatus::Warning => (RowStyle::Warning, "warning"),
            CableStatus::Fail => (RowStyle::Error, "FAIL"),
        };
        t.push_styled(
            vec![
                fibre_ports(next, next + n - 1),
                b.id.clone(),
                dir.to_owned(),
                format!("{other} (floor {floor})"),
                b.fibre.as_str().to_uppercase(),
                b.cores.to_string(),
                format!("{:.2}", b.lengths.total_m),
                status.to_owned(),
            ],
            style,
        );
        next += n;
    }
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_map_to_switches_and_panels() {
        assert_eq!(switch_port(1, 48), (1, 1));
        assert_eq!(switch_port(48, 48), (1, 48));
        assert_eq!(switch_port(49, 48), (2, 1));
        assert_eq!(switch_port(30, 24), (2, 6));
        assert_eq!(fibre_ports(1, 6), "A 1–6");
        assert_eq!(fibre_ports(19, 26), "A 19–24, B 1–2");
        assert_eq!(fibre_ports(25, 25), "B 1");
    }
}
