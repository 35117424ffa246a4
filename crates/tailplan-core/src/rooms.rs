//! Rooms: named polygons.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::geometry::Polygon;
use crate::props::{ElementId, Props};

/// A room: a named area of a floor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Room {
    /// Unique in the project.
    pub id: ElementId,
    /// The room's name or number, as on the plan.
    pub name: String,
    /// Its outline.
    pub polygon: Polygon,
    /// Properties tailplan does not know, kept as they came.
    #[serde(default, skip_serializing_if = "Props::is_empty")]
    pub props: Props,
}

impl Room {
    /// Floor area in square metres.
    pub fn area_m2(&self) -> f64 {
        self.polygon.area()
    }
}
