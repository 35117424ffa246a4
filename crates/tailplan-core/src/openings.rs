//! Doors and windows.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::geometry::Point;
use crate::props::{ElementId, Props};

/// Whether an opening is a door or a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OpeningKind {
    /// A door (default material wood).
    Door,
    /// A window (default material glass).
    Window,
}

impl OpeningKind {
    /// The material used when a file gives none.
    pub fn default_material(self) -> &'static str {
        match self {
            OpeningKind::Door => "wood",
            OpeningKind::Window => "glass",
        }
    }

    /// `door` or `window`.
    pub fn as_str(self) -> &'static str {
        match self {
            OpeningKind::Door => "door",
            OpeningKind::Window => "window",
        }
    }
}

/// A door or a window: a line across a gap in a wall, with a material of its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Opening {
    /// Unique in the project.
    pub id: ElementId,
    /// Door or window.
    pub kind: OpeningKind,
    /// The opening's line (usually two points).
    pub points: Vec<Point>,
    /// A material of the project's library.
    pub material: String,
    /// An open opening does not attenuate; a closed one (the default) does.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub open: bool,
    /// Properties tailplan does not know, kept as they came.
    #[serde(default, skip_serializing_if = "Props::is_empty")]
    pub props: Props,
}
