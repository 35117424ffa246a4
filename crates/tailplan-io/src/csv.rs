//! CSV out: the cable schedule, the bill of materials, tray fill, telecom-room loads, the
//! design-rule findings and the final-tail choice, as RFC 4180 tables (comma separated, CRLF
//! line ends, a header row, fields quoted when they hold a comma, a quote or a line break).
//!
//! Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
//! carriage return) is written with a leading `'`, so that opening a schedule never runs what
//! an element's name smuggled in. Lengths are in metres to the centimetre.
//!
//! # Examples
//!
//! ```
//! use tailplan_core::{Floor, Outlet, Point, Project, TelecomRoom, Tray, routing};
//!
//! let mut floor = Floor::new("0", "Ground floor", 0.0);
//! floor.trays.push(Tray {
//!     id: "t".into(), name: "T1".into(),
//!     points: vec![Point::new(0.0, 0.0), Point::new(30.0, 0.0)],
//!     capacity: None, width_mm: None, depth_mm: None, height_m: None,
//!     props: Default::default(),
//! });
//! floor.telecom_rooms.push(TelecomRoom {
//!     id: "tr".into(), name: "TR-0".into(), position: Point::new(0.0, 0.0), outline: None,
//!     ports: 24, poe_budget_w: None, role: Default::default(), switch_model: None, switches: None, props: Default::default(),
//! });
//! floor.outlets.push(Outlet {
//!     // A name a spreadsheet would run as a formula.
//!     id: "o".into(), name: "=HYPERLINK(\"x\")".into(), position: Point::new(20.0, 1.0),
//!     ports: 1, height_m: 0.3, props: Default::default(),
//! });
//! let project = Project { floors: vec![floor], ..Project::default() };
//! let routed = routing::route(&project);
//!
//! let csv = tailplan_io::csv::schedule(&routed.schedule());
//! let mut lines = csv.split("\r\n");
//! assert_eq!(lines.next(), Some("cable_id,from,to,floor,medium,drop_m,tray_m,riser_m,slack_m,total_m,status,route,note,kind,duct_m"));
//! assert!(lines.next().unwrap().starts_with("0A-A01,\"'=HYPERLINK(\"\"x\"\")/1\",TR-0,0,cat6a,"));
//!
//! let bom = routing::bill_of_materials(&project, &routed.cables, &routed.rooms);
//! assert!(tailplan_io::csv::bill_of_materials(&bom).starts_with("item,description,quantity,unit,unit_price,cost,currency\r\n"));
//! ```

use std::fmt::Write as _;

use tailplan_core::coverage::{Heatmaps, NO_SERVER};
use tailplan_core::routing::{
    BillOfMaterials, CableSchedule, Distributor, FinalTailChoice, Finding, RoomLoad, TailKind,
    TrayFill,
};

/// One field of a row.
enum Cell<'a> {
    Text(&'a str),
    Owned(String),
    Num(f64, usize),
    Int(u64),
    Empty,
}

fn text(s: &str) -> String {
    let guarded = match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_owned(),
    };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn write_row(out: &mut String, cells: &[Cell]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match c {
            Cell::Text(s) => out.push_str(&text(s)),
            Cell::Owned(s) => out.push_str(&text(s)),
            Cell::Num(x, d) if x.is_finite() => out.push_str(&format!("{x:.d$}")),
            Cell::Int(n) => out.push_str(&n.to_string()),
            Cell::Num(..) | Cell::Empty => {}
        }
    }
    out.push_str("\r\n");
}

fn header(out: &mut String, names: &[&str]) {
    write_row(
        out,
        &names.iter().map(|n| Cell::Text(n)).collect::<Vec<_>>(),
    );
}

fn opt(x: Option<f64>, d: usize) -> Cell<'static> {
    x.map_or(Cell::Empty, |x| Cell::Num(x, d))
}

/// The cable schedule: `cable_id, from, to, floor, medium, drop_m, tray_m, riser_m, slack_m,
/// total_m, status, route, note, kind, duct_m` (`kind`: `horizontal` or `backbone`).
pub fn schedule(s: &CableSchedule) -> String {
    let mut out = String::new();
    header(
        &mut out,
        &[
            "cable_id", "from", "to", "floor", "medium", "drop_m", "tray_m", "riser_m", "slack_m",
            "total_m", "status", "route", "note", "kind", "duct_m",
        ],
    );
    for r in &s.rows {
        write_row(
            &mut out,
            &[
                Cell::Text(&r.cable_id),
                Cell::Text(&r.from),
                Cell::Text(&r.to),
                Cell::Text(&r.floor),
                Cell::Text(r.medium.as_str()),
                Cell::Num(r.drop_m, 2),
                Cell::Num(r.tray_m, 2),
                Cell::Num(r.riser_m, 2),
                Cell::Num(r.slack_m, 2),
                Cell::Num(r.total_m, 2),
                Cell::Text(&r.status),
                Cell::Text(&r.route),
                Cell::Text(&r.note),
                Cell::Text(r.kind.as_str()),
                Cell::Num(r.duct_m, 2),
            ],
        );
    }
    out
}

/// The bill of materials: `item, description, quantity, unit, unit_price, cost, currency`,
/// then a `total` row.
pub fn bill_of_materials(b: &BillOfMaterials) -> String {
    let mut out = String::new();
    header(
        &mut out,
        &[
            "item",
            "description",
            "quantity",
            "unit",
            "unit_price",
            "cost",
            "currency",
        ],
    );
    for l in &b.lines {
        let decimals = if l.quantity.fract() == 0.0 { 0 } else { 1 };
        write_row(
            &mut out,
            &[
                Cell::Text(&l.item),
                Cell::Text(&l.description),
                Cell::Num(l.quantity, decimals),
                Cell::Text(&l.unit),
                Cell::Num(l.unit_price, 2),
                Cell::Num(l.cost, 2),
                Cell::Text(&b.currency),
            ],
        );
    }
    write_row(
        &mut out,
        &[
            Cell::Text("total"),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Num(b.total_cost, 2),
            Cell::Text(&b.currency),
        ],
    );
    out
}

/// Every tray section's fill: `floor, tray_id, tray, segment, from_x, from_y, to_x, to_y,
/// length_m, cables, cat6a, spe, fiber, cable_area_mm2, tray_area_mm2, fill_pct, capacity`.
pub fn tray_fill(fill: &[TrayFill]) -> String {
    let mut out = String::new();
    header(
        &mut out,
        &[
            "floor",
            "tray_id",
            "tray",
            "segment",
            "from_x",
            "from_y",
            "to_x",
            "to_y",
            "length_m",
            "cables",
            "cat6a",
            "spe",
            "fiber",
            "cable_area_mm2",
            "tray_area_mm2",
            "fill_pct",
            "capacity",
            "backbone",
            "poe_bundle",
        ],
    );
    for f in fill {
        write_row(
            &mut out,
            &[
                Cell::Text(&f.floor),
                Cell::Text(&f.tray_id),
                Cell::Text(&f.tray),
                Cell::Int(f.segment as u64),
                Cell::Num(f.from.x, 2),
                Cell::Num(f.from.y, 2),
                Cell::Num(f.to.x, 2),
                Cell::Num(f.to.y, 2),
                Cell::Num(f.length_m, 2),
                Cell::Int(f.cables.into()),
                Cell::Int(f.cat6a.into()),
                Cell::Int(f.spe.into()),
                Cell::Int(f.fiber.into()),
                Cell::Num(f.cable_area_mm2, 0),
                opt(f.tray_area_mm2, 0),
                opt(f.fill.map(|x| x * 100.0), 1),
                f.capacity.map_or(Cell::Empty, |c| Cell::Int(c.into())),
                Cell::Int(f.backbone.into()),
                Cell::Int(f.poe_bundle.into()),
            ],
        );
    }
    out
}

/// Every distributor: `building, floor, id, name, role, parent, ports_used, switch_model,
/// switches, switch_ports, switch_poe_w, poe_w, patch_panels, backbone_cables, fibre_ports,
/// fibre_panels, space`.
pub fn distributors(list: &[Distributor]) -> String {
    let mut out = String::new();
    header(
        &mut out,
        &[
            "building",
            "floor",
            "id",
            "name",
            "role",
            "parent",
            "ports_used",
            "switch_model",
            "switches",
            "switch_ports",
            "switch_poe_w",
            "poe_w",
            "patch_panels",
            "backbone_cables",
            "fibre_ports",
            "fibre_panels",
            "space",
        ],
    );
    for d in list {
        write_row(
            &mut out,
            &[
                Cell::Text(&d.building),
                Cell::Text(&d.floor),
                Cell::Text(&d.id),
                Cell::Text(&d.name),
                Cell::Text(d.role.as_str()),
                Cell::Text(d.parent.as_deref().unwrap_or("")),
                Cell::Int(d.ports_used),
                Cell::Text(&d.switch_model),
                Cell::Int(d.switches.into()),
                Cell::Int(d.switch_ports),
                Cell::Num(d.switch_poe_w, 1),
                Cell::Num(d.poe_w, 1),
                Cell::Int(d.patch_panels),
                Cell::Int(d.backbone_cables.into()),
                Cell::Int(d.fibre_ports.into()),
                Cell::Int(d.fibre_panels.into()),
                Cell::Text(&d.space),
            ],
        );
    }
    out
}

/// Scenarios compared, one row each: `scenario, ports_cat6a, ports_spe, ports_fiber,
/// cable_m_cat6a, cable_m_spe, cable_m_fiber, unserved, switches, poe_w, gateways, aps, capex,
/// energy_kwh_per_year, errors, warnings, changed`.
pub fn scenarios(list: &[tailplan_core::scenario::ScenarioResult]) -> String {
    let mut out = String::new();
    header(
        &mut out,
        &[
            "scenario",
            "ports_cat6a",
            "ports_spe",
            "ports_fiber",
            "cable_m_cat6a",
            "cable_m_spe",
            "cable_m_fiber",
            "unserved",
            "switches",
            "poe_w",
            "gateways",
            "aps",
            "capex",
            "energy_kwh_per_year",
            "errors",
            "warnings",
            "changed",
            "gateways_proposed",
        ],
    );
    for s in list {
        let t = &s.totals;
        write_row(
            &mut out,
            &[
                Cell::Text(&s.name),
                Cell::Int(t.ports.cat6a),
                Cell::Int(t.ports.spe),
                Cell::Int(t.ports.fiber),
                Cell::Num(t.cable_m.cat6a, 2),
                Cell::Num(t.cable_m.spe, 2),
                Cell::Num(t.cable_m.fiber, 2),
                Cell::Int(t.unserved),
                Cell::Int(t.switches),
                Cell::Num(t.poe_w, 1),
                Cell::Int(t.gateways),
                Cell::Int(t.aps),
                opt(t.capex, 2),
                Cell::Num(t.energy_kwh_per_year, 1),
                Cell::Int(s.findings.errors),
                Cell::Int(s.findings.warnings),
                Cell::Int(s.changed),
                Cell::Int(t.gateways_proposed),
            ],
        );
    }
    out
}

/// Every telecom room's load: `floor, room_id, room, ports, used, hand, free, poe_w,
/// poe_port_w, poe_budget_w`.
pub fn rooms(rooms: &[RoomLoad]) -> String {
    let mut out = String::new();
    header(
        &mut out,
        &[
            "floor",
            "room_id",
            "room",
            "ports",
            "used",
            "hand",
            "free",
            "poe_w",
            "poe_port_w",
            "poe_budget_w",
        ],
    );
    for r in rooms {
        write_row(
            &mut out,
            &[
                Cell::Text(&r.floor),
                Cell::Text(&r.room_id),
                Cell::Text(&r.name),
                Cell::Int(r.ports.into()),
                Cell::Int(r.used),
                Cell::Int(r.hand),
                Cell::Owned(r.free.to_string()),
                Cell::Num(r.poe_w, 1),
                Cell::Num(r.poe_port_w, 1),
                opt(r.poe_budget_w, 1),
            ],
        );
    }
    out
}

/// The design-rule findings: `severity, rule, subject, location, message, measured, limit`.
pub fn findings(findings: &[Finding]) -> String {
    let mut out = String::new();
    header(
        &mut out,
        &[
            "severity", "rule", "subject", "location", "message", "measured", "limit",
        ],
    );
    for f in findings {
        let severity = match f.severity {
            tailplan_core::Severity::Error => "error",
            tailplan_core::Severity::Warning => "warning",
            tailplan_core::Severity::Info => "note",
        };
        write_row(
            &mut out,
            &[
                Cell::Text(severity),
                Cell::Text(f.rule.as_str()),
                Cell::Text(&f.subject),
                Cell::Text(&f.location),
                Cell::Text(&f.message),
                opt(f.measured, 3),
                opt(f.limit, 3),
            ],
        );
    }
    out
}

/// The final-tail choice, one device per row with its options side by side: for each of
/// Cat6A, SPE and fibre `feasible, room, length_m, cost`; for wireless `feasible, gateway,
/// margin_db, cost`; then `recommended`.
pub fn final_tail(choices: &[FinalTailChoice]) -> String {
    let mut out = String::new();
    let mut names: Vec<String> = ["device_id", "name", "floor", "current", "tech", "poe_w"]
        .map(String::from)
        .to_vec();
    for k in [TailKind::Cat6a, TailKind::Spe, TailKind::Fiber] {
        for f in ["feasible", "room", "length_m", "cost"] {
            names.push(format!("{}_{f}", k.as_str()));
        }
    }
    for f in ["feasible", "gateway", "margin_db", "cost"] {
        names.push(format!("wireless_{f}"));
    }
    names.push("recommended".into());
    header(
        &mut out,
        &names.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    for c in choices {
        let mut cells = vec![
            Cell::Text(&c.device_id),
            Cell::Text(&c.name),
            Cell::Text(&c.floor),
            Cell::Text(c.current.as_str()),
            c.tech.map_or(Cell::Empty, |t| Cell::Text(t.as_str())),
            opt(c.poe_w, 2),
        ];
        for k in [
            TailKind::Cat6a,
            TailKind::Spe,
            TailKind::Fiber,
            TailKind::Wireless,
        ] {
            match c.options.iter().find(|o| o.kind == k) {
                Some(o) => {
                    cells.push(Cell::Text(if o.feasible { "yes" } else { "no" }));
                    if k == TailKind::Wireless {
                        cells.push(o.gateway.as_deref().map_or(Cell::Empty, Cell::Text));
                        cells.push(opt(o.margin_db, 1));
                    } else {
                        cells.push(o.room.as_deref().map_or(Cell::Empty, Cell::Text));
                        cells.push(opt(o.length_m, 2));
                    }
                    cells.push(opt(o.cost, 2));
                }
                None => cells.extend([Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty]),
            }
        }
        cells.push(
            c.recommended
                .map_or(Cell::Empty, |k| Cell::Text(k.as_str())),
        );
        write_row(&mut out, &cells);
    }
    out
}

/// A coverage map, one line per cell (`tailplan coverage --out-csv`): row and column, the
/// cell's centre, best and second RSSI, the serving transmitter, how many are heard above the
/// threshold, SNR and (when computed) SINR. Lines end in LF, one row per cell of a grid that
/// may hold millions.
pub fn coverage_cells(maps: &Heatmaps) -> String {
    let mut out = String::from(
        "row,col,x_m,y_m,best_rssi_dbm,second_rssi_dbm,serving,servers_above,snr_db,sinr_db\n",
    );
    let snr = maps.snr_db();
    for i in 0..maps.grid.len() {
        let (r, c) = (i / maps.grid.cols, i % maps.grid.cols);
        let p = maps.grid.center(r, c);
        let serving = match maps.serving[i] {
            NO_SERVER => String::new(),
            k => maps
                .transmitters
                .get(k as usize)
                .map_or_else(String::new, |t| text(&t.transmitter.id)),
        };
        let sinr = maps
            .sinr_db
            .as_ref()
            .map(|s| format!("{:.2}", s[i]))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{r},{c},{:.3},{:.3},{:.2},{:.2},{serving},{},{:.2},{sinr}",
            p.x, p.y, maps.best_rssi_dbm[i], maps.second_rssi_dbm[i], maps.servers_above[i], snr[i]
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use tailplan_core::Medium;
    use tailplan_core::routing::ScheduleRow;

    fn row(from: &str, note: &str) -> ScheduleRow {
        ScheduleRow {
            cable_id: "0A-A01".into(),
            from: from.into(),
            to: "TR-0".into(),
            floor: "0".into(),
            medium: Medium::Cat6a,
            drop_m: 3.456,
            tray_m: 10.0,
            riser_m: 0.0,
            slack_m: 3.3,
            total_m: 16.756,
            status: "ok".into(),
            route: "auto".into(),
            note: note.into(),
            kind: Default::default(),
            duct_m: 0.0,
        }
    }

    #[test]
    fn quoting_and_formula_guard() {
        let s = CableSchedule {
            rows: vec![row("O-1/1, desk \"A\"", "=HYPERLINK(\"x\")")],
        };
        let text = schedule(&s);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "cable_id,from,to,floor,medium,drop_m,tray_m,riser_m,slack_m,total_m,status,route,note,kind,duct_m"
        );
        assert_eq!(
            lines[1],
            "0A-A01,\"O-1/1, desk \"\"A\"\"\",TR-0,0,cat6a,3.46,10.00,0.00,3.30,16.76,ok,auto,\"'=HYPERLINK(\"\"x\"\")\",horizontal,0.00"
        );
        assert_eq!(lines[2], "");
    }

    proptest! {
        /// Whatever a name holds, a CSV reader gets the same fields back (formula guard aside).
        #[test]
        fn any_text_reads_back(from in "[a-zA-Z0-9 ,;\"'\\r\\n/é]{0,20}", note in ".{0,20}") {
            let text = schedule(&CableSchedule { rows: vec![row(&from, &note)] });
            let mut reader = ::csv::ReaderBuilder::new().from_reader(text.as_bytes());
            let records: Vec<::csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
            prop_assert_eq!(records.len(), 1);
            let unguard = |s: &str, original: &str| {
                if original.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                    s.strip_prefix('\'').unwrap_or(s).to_owned()
                } else {
                    s.to_owned()
                }
            };
            prop_assert_eq!(unguard(&records[0][1], &from), from.clone());
            prop_assert_eq!(unguard(&records[0][12], &note), note.clone());
            prop_assert_eq!(&records[0][9], "16.76");
        }
    }
}
