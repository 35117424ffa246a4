//! Where cables go: telecom rooms, cable trays, risers and hand-drawn cable routes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::campus::DistributorRole;
use crate::geometry::{Point, Polygon, polyline_length};
use crate::props::{ElementId, Props};

/// A telecom room, a distributor of its [`role`](TelecomRoom::role): where the horizontal
/// cables of its floor end on patch panels, and the backbone to the distributor above.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TelecomRoom {
    /// Unique in the project.
    pub id: ElementId,
    /// Its name on the plan.
    pub name: String,
    /// Where cables end (the rack). For a drawn room, its centroid unless given.
    pub position: Point,
    /// The room's outline, when drawn as a polygon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outline: Option<Polygon>,
    /// Patch-panel ports available.
    pub ports: u32,
    /// PoE power the switches can deliver, watts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poe_budget_w: Option<f64>,
    /// What it distributes to: `fd` (the default), `bd` or `cd`.
    #[serde(default, skip_serializing_if = "DistributorRole::is_fd")]
    pub role: DistributorRole,
    /// The switch model it is equipped with (a name in the project's or the built-in
    /// library); the settings' `switching.model` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub switch_model: Option<String>,
    /// How many switches are installed, when fixed; as many as its ports and PoE need when
    /// not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub switches: Option<u32>,
    /// Properties tailplan does not know, kept as they came.
    #[serde(default, skip_serializing_if = "Props::is_empty")]
    pub props: Props,
}

/// A cable tray (or basket, or conduit run) that cables follow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Tray {
    /// Unique in the project.
    pub id: ElementId,
    /// Its name on the plan.
    pub name: String,
    /// Its centreline.
    pub points: Vec<Point>,
    /// How many cables it may carry, when given as a count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
    /// Inner width, millimetres.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width_mm: Option<f64>,
    /// Inner depth, millimetres.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depth_mm: Option<f64>,
    /// Height above the floor, metres; the floor's ceiling height when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height_m: Option<f64>,
    /// Properties tailplan does not know, kept as they came.
    #[serde(default, skip_serializing_if = "Props::is_empty")]
    pub props: Props,
}

impl Tray {
    /// Length along the centreline, metres.
    pub fn length_m(&self) -> f64 {
        polyline_length(&self.points)
    }
}

/// A vertical pathway between floors. Risers with the same name on different floors join.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Riser {
    /// Unique in the project.
    pub id: ElementId,
    /// The shared name that joins it to the risers above and below.
    pub name: String,
    /// Where it passes through this floor.
    pub position: Point,
    /// Properties tailplan does not know, kept as they came.
    #[serde(default, skip_serializing_if = "Props::is_empty")]
    pub props: Props,
}

/// A cable route drawn by hand from an endpoint to a telecom room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CableRoute {
    /// Unique in the project.
    pub id: ElementId,
    /// The endpoint it serves: its element id (every port of an outlet) or `ID/PORT` (one
    /// port). A name or `NAME/PORT` is understood where no id matches (see
    /// [`crate::routing::route_ends`]).
    pub from: String,
    /// The telecom room it ends in: its id (or its name, where no id matches).
    pub to: String,
    /// The route as drawn.
    pub points: Vec<Point>,
    /// Properties tailplan does not know, kept as they came.
    #[serde(default, skip_serializing_if = "Props::is_empty")]
    pub props: Props,
}

impl CableRoute {
    /// Drawn length, metres.
    pub fn length_m(&self) -> f64 {
        polyline_length(&self.points)
    }
}
