//! A cable: which endpoint it serves, the telecom room it ends in, its path and its length in
//! parts (drops, trays, risers, slack).

use petgraph::graph::EdgeIndex;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::devices::Medium;
use crate::geometry::Point;
use crate::routing::endpoints::Endpoint;
use crate::routing::graph::{Attachment, Reach, RoomPort};
use crate::routing::poe::PoeType;
use crate::settings::CablingSettings;

/// A cable's length in the parts a schedule lists, metres, each to the centimetre (the total is
/// the sum of the rounded parts, so a schedule adds up).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct CableLengths {
    /// Off the trays: the endpoint's horizontal and vertical drops to its tray point and the
    /// run from the room's tray point to its rack (for a hand route, every drawn metre that
    /// does not run along a tray).
    pub drop_m: f64,
    /// Along trays (and the short runs from risers to their trays).
    pub tray_m: f64,
    /// Up or down risers.
    pub riser_m: f64,
    /// Slack left at both ends.
    pub slack_m: f64,
    /// The whole cable: the sum of the above.
    pub total_m: f64,
}

impl CableLengths {
    /// The parts, each rounded to the centimetre, and their sum.
    pub fn new(drop_m: f64, tray_m: f64, riser_m: f64, slack_m: f64) -> Self {
        let cm = |m: f64| (m * 100.0).round() / 100.0;
        let (drop_m, tray_m, riser_m, slack_m) = (cm(drop_m), cm(tray_m), cm(riser_m), cm(slack_m));
        Self {
            drop_m,
            tray_m,
            riser_m,
            slack_m,
            total_m: cm(drop_m + tray_m + riser_m + slack_m),
        }
    }

    /// The automatic cable from `endpoint` through its tray point `at` and the pathways
    /// (`reach`) to `room`: horizontal drop, vertical drop to the tray's height, trays and
    /// risers, the room's run from its tray point to the rack, and slack at both ends.
    pub fn routed(
        cabling: &CablingSettings,
        endpoint: &Endpoint,
        at: &Attachment,
        reach: &Reach,
        room: &RoomPort,
    ) -> Self {
        let room_run = room.attach.map_or(0.0, |(_, d)| d);
        let drop = at.horizontal_m + (at.height_m - endpoint.height_m).abs() + room_run;
        Self::new(
            drop,
            reach.tray_m,
            reach.riser_m,
            cabling.slack_outlet_m + cabling.slack_telecom_room_m,
        )
    }

    /// Whole millimetres of the total, for the assignment.
    pub fn total_mm(&self) -> i64 {
        (self.total_m * 1000.0).round() as i64
    }
}

/// Where a cable's route came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RouteSource {
    /// Routed by tailplan along the shortest pathway to the room the assignment chose.
    Auto,
    /// Drawn by hand.
    Hand {
        /// The route's id.
        route_id: String,
    },
}

/// How a cable stands against the rules that concern it alone.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CableStatus {
    /// Every rule holds.
    Ok,
    /// A warning (a powered device on fibre).
    Warning,
    /// A rule fails (too long, more power than PoE gives).
    Fail,
}

impl CableStatus {
    /// `ok`, `warning` or `fail`.
    pub fn as_str(self) -> &'static str {
        match self {
            CableStatus::Ok => "ok",
            CableStatus::Warning => "warning",
            CableStatus::Fail => "fail",
        }
    }
}

/// Part of a cable's path on one floor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FloorPath {
    /// The floor's id.
    pub floor: String,
    /// The path on that floor, in order from the endpoint towards the room.
    pub points: Vec<Point>,
}

/// One cable from a wired endpoint to a telecom room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Cable {
    /// The cable id, ANSI/TIA-606 style: see [`crate::routing::schedule::cable_id`].
    pub id: String,
    /// What it serves.
    pub endpoint: Endpoint,
    /// The endpoint's floor id.
    pub floor: String,
    /// The telecom room's id.
    pub room_id: String,
    /// The telecom room's name.
    pub room: String,
    /// The telecom room's floor id.
    pub room_floor: String,
    /// Index of the room among [`crate::routing::graph::PathwayGraph::rooms`].
    pub room_index: usize,
    /// Its patch-panel port in the room, counting from 1 across the room's panels.
    pub room_port: u32,
    /// The cable type.
    pub medium: Medium,
    /// Its length, in parts.
    pub lengths: CableLengths,
    /// The PoE type its device needs, for a powered device on copper.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poe: Option<PoeType>,
    /// Ids of the trays it runs along, in order, each once per run.
    pub trays: Vec<String>,
    /// Its path, floor by floor.
    pub path: Vec<FloorPath>,
    /// Automatic or drawn by hand.
    pub source: RouteSource,
    /// How it stands against its rules.
    pub status: CableStatus,
    /// What its rules found, in words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The pathway edges it occupies (tray sections, risers...), for fill.
    #[serde(skip)]
    pub(crate) sections: Vec<EdgeIndex>,
}

impl Cable {
    /// The pathway edges (tray sections, jogs, risers) the cable occupies.
    pub fn sections(&self) -> &[EdgeIndex] {
        &self.sections
    }
}
