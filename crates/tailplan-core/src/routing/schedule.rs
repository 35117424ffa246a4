//! The cable schedule: one row per cable, with its ANSI/TIA-606 style identifier.
//!
//! # Examples
//!
//! The schedule and the bill of materials of a routed floor (`tailplan_io::csv` writes both
//! as CSV):
//!
//! ```
//! use tailplan_core::routing::{self, bill_of_materials, cable_id};
//! use tailplan_core::{Floor, Outlet, Point, Project, TelecomRoom, Tray};
//!
//! let mut floor = Floor::new("2", "Level 2", 7.0);
//! floor.trays.push(Tray {
//!     id: "t".into(), name: "T1".into(),
//!     points: vec![Point::new(0.0, 0.0), Point::new(30.0, 0.0)],
//!     capacity: None, width_mm: Some(300.0), depth_mm: Some(60.0), height_m: Some(3.0),
//!     props: Default::default(),
//! });
//! floor.telecom_rooms.push(TelecomRoom {
//!     id: "tr".into(), name: "TR-2".into(), position: Point::new(0.0, 0.0), outline: None,
//!     ports: 24, poe_budget_w: None, role: Default::default(), switch_model: None, switches: None, props: Default::default(),
//! });
//! floor.outlets.push(Outlet {
//!     id: "o".into(), name: "O-2-001".into(), position: Point::new(20.0, 1.0), ports: 2,
//!     height_m: 0.3, props: Default::default(),
//! });
//! let project = Project { floors: vec![floor], ..Project::default() };
//!
//! let routed = routing::route(&project);
//! let schedule = routed.schedule();
//! let ids: Vec<&str> = schedule.rows.iter().map(|r| r.cable_id.as_str()).collect();
//! assert_eq!(ids, ["2A-A01", "2A-A02"]);
//! // Port 30 of the first room on floor 2, with 24-port panels: panel B, port 6.
//! assert_eq!(cable_id("2", 0, 30, 24), "2A-B06");
//! assert_eq!((schedule.rows[0].from.as_str(), schedule.rows[0].to.as_str()), ("O-2-001/1", "TR-2"));
//!
//! let bom = bill_of_materials(&project, &routed.cables, &routed.rooms);
//! let cable = &bom.cables[0];
//! assert_eq!((cable.cables, cable.reels), (2, 1));
//! assert!(bom.total_cost > 0.0);
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::devices::Medium;
use crate::routing::cable::{Cable, RouteSource};

/// Letters for an index, as spreadsheet columns: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn letters(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        n -= 1;
        out.push(b'A' + (n % 26) as u8);
        n /= 26;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII letters")
}

/// A cable's identifier in the ANSI/TIA-606 horizontal-link style `fs-an`: the floor, the
/// telecom room's letter on that floor, a dash, the patch panel's letter and the port on that
/// panel. Port 30 of the first room on floor `2`, with 24-port panels, is `2A-B06`. Spaces in
/// the floor id are dropped; ports take two digits (three for panels of 100 ports or more).
///
/// `room_index` is the room's position among its floor's telecom rooms; `port` counts from 1
/// across the room's panels.
pub fn cable_id(floor_id: &str, room_index: usize, port: u32, panel_ports: u32) -> String {
    let floor: String = floor_id.chars().filter(|c| !c.is_whitespace()).collect();
    let per_panel = panel_ports.max(1);
    let k = port.max(1) - 1;
    let width = if per_panel >= 100 { 3 } else { 2 };
    format!(
        "{floor}{}-{}{:0width$}",
        letters(room_index),
        letters((k / per_panel) as usize),
        k % per_panel + 1
    )
}

/// One row of the cable schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ScheduleRow {
    /// The cable id (see [`cable_id`]).
    pub cable_id: String,
    /// The endpoint: its name, `NAME/PORT` for an outlet port.
    pub from: String,
    /// The telecom room's name.
    pub to: String,
    /// The endpoint's floor id.
    pub floor: String,
    /// The cable type.
    pub medium: Medium,
    /// Drops (off the trays), metres.
    pub drop_m: f64,
    /// Along trays, metres.
    pub tray_m: f64,
    /// In risers, metres.
    pub riser_m: f64,
    /// Slack at both ends, metres.
    pub slack_m: f64,
    /// The whole cable, metres.
    pub total_m: f64,
    /// `ok`, `warning` or `fail` against the cable's rules.
    pub status: String,
    /// `auto` or `hand`.
    pub route: String,
    /// What the cable's rules found, if anything.
    pub note: String,
    /// `horizontal` (an endpoint to its distributor) or `backbone` (a distributor to the one
    /// above; `from` and `to` are then the distributors' names).
    #[serde(default)]
    pub kind: CableKind,
    /// Through ducts between buildings, metres (backbone only).
    #[serde(default)]
    pub duct_m: f64,
}

/// What a cable of the schedule is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CableKind {
    /// From an endpoint to its distributor.
    #[default]
    Horizontal,
    /// From a distributor to the one above.
    Backbone,
}

impl CableKind {
    /// `horizontal` or `backbone`.
    pub fn as_str(self) -> &'static str {
        match self {
            CableKind::Horizontal => "horizontal",
            CableKind::Backbone => "backbone",
        }
    }
}

/// The cable schedule: every cable, room by room, port by port.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CableSchedule {
    /// The rows.
    pub rows: Vec<ScheduleRow>,
}

impl CableSchedule {
    /// The schedule of these cables, in their order.
    pub fn new(cables: &[Cable]) -> Self {
        let rows = cables
            .iter()
            .map(|c| ScheduleRow {
                cable_id: c.id.clone(),
                from: c.endpoint.label(),
                to: c.room.clone(),
                floor: c.floor.clone(),
                medium: c.medium,
                drop_m: c.lengths.drop_m,
                tray_m: c.lengths.tray_m,
                riser_m: c.lengths.riser_m,
                slack_m: c.lengths.slack_m,
                total_m: c.lengths.total_m,
                kind: CableKind::Horizontal,
                duct_m: 0.0,
                status: c.status.as_str().into(),
                route: match c.source {
                    RouteSource::Auto => "auto".into(),
                    RouteSource::Hand { .. } => "hand".into(),
                },
                note: c.notes.join("; "),
            })
            .collect();
        Self { rows }
    }

    /// The total length of the cables of `medium`, metres.
    pub fn total_m(&self, medium: Medium) -> f64 {
        self.rows
            .iter()
            .filter(|r| r.medium == medium)
            .map(|r| r.total_m)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tia_606_style_ids() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(27), "AB");
        assert_eq!(cable_id("2", 0, 30, 24), "2A-B06");
        assert_eq!(cable_id("0", 1, 1, 24), "0B-A01");
        assert_eq!(cable_id("0", 0, 24, 24), "0A-A24");
        assert_eq!(cable_id("Level 3", 0, 25, 24), "Level3A-B01");
        assert_eq!(cable_id("B1", 2, 150, 144), "B1C-B006");
    }
}
