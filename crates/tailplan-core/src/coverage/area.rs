//! What a floor's coverage is aimed at and counted over: its rooms; on a floor without rooms
//! (most plans arrive as walls alone), the building's interior found from its walls
//! ([`crate::interior`]); only when the walls enclose nothing, the whole plan.
//!
//! Statistics, AP and gateway placement (its candidates and its targets) and every front end
//! take the area from here, so that no access point is proposed in the car park and "% of the
//! floor covered" counts the building.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::floor::Floor;
use crate::geometry::Point;
use crate::interior::{Interior, InteriorSettings, building_interior};
use crate::settings::RadioSettings;

use super::grid::Grid;
use super::stats::room_cells;

/// Which area a floor's figures cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AreaKind {
    /// The floor's rooms.
    Rooms,
    /// The building's interior, found from its walls (the floor has no rooms).
    Interior,
    /// The whole plan: no rooms, and the walls enclose nothing (or the settings turn the
    /// interior off).
    Plan,
}

/// A floor's target area.
#[derive(Debug, Clone)]
pub enum FloorArea {
    /// The floor's rooms (the floor holds them).
    Rooms,
    /// The building's interior.
    Interior(Interior),
    /// Everything.
    Plan,
}

impl FloorArea {
    /// The area of `floor`: its rooms when it has any; else, unless
    /// [`RadioSettings::interior_from_walls`] is off, the interior its walls enclose with gaps
    /// up to [`RadioSettings::interior_max_gap_m`] closed; else the plan.
    pub fn of(floor: &Floor, radio: &RadioSettings) -> Self {
        if !floor.rooms.is_empty() {
            return FloorArea::Rooms;
        }
        if !radio.interior_from_walls {
            return FloorArea::Plan;
        }
        let settings = InteriorSettings {
            max_gap_m: radio.interior_max_gap_m,
            ..InteriorSettings::default()
        };
        match building_interior(floor, &settings) {
            Ok(Some(interior)) => FloorArea::Interior(interior),
            // Nothing enclosed, or settings it cannot use: the plan, as before.
            Ok(None) | Err(_) => FloorArea::Plan,
        }
    }

    /// Which kind of area it is.
    pub fn kind(&self) -> AreaKind {
        match self {
            FloorArea::Rooms => AreaKind::Rooms,
            FloorArea::Interior(_) => AreaKind::Interior,
            FloorArea::Plan => AreaKind::Plan,
        }
    }

    /// The interior, when that is the area.
    pub fn interior(&self) -> Option<&Interior> {
        match self {
            FloorArea::Interior(i) => Some(i),
            _ => None,
        }
    }

    /// True when `p` lies in the area (in one of `floor`'s rooms, in the interior, or
    /// anywhere).
    pub fn contains(&self, floor: &Floor, p: Point) -> bool {
        match self {
            FloorArea::Rooms => floor.rooms.iter().any(|r| r.polygon.contains(p)),
            FloorArea::Interior(i) => i.contains(p),
            FloorArea::Plan => true,
        }
    }

    /// The cells of `grid` whose centres lie in the area, in index order.
    pub fn cells(&self, grid: &Grid, floor: &Floor) -> Vec<usize> {
        match self {
            FloorArea::Rooms => {
                let mut inside = vec![false; grid.len()];
                for room in &floor.rooms {
                    for i in room_cells(grid, room) {
                        inside[i] = true;
                    }
                }
                (0..grid.len()).filter(|&i| inside[i]).collect()
            }
            FloorArea::Interior(interior) => (0..grid.len())
                .filter(|&i| interior.contains(grid.center_of(i)))
                .collect(),
            FloorArea::Plan => (0..grid.len()).collect(),
        }
    }
}
