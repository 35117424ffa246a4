//! The editing tools of the palette: what each is called, its key and what it makes.

use tailplan_core::ElementKind;

/// A tool of the palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Tool {
    /// Select, move and box-select.
    #[default]
    Select,
    /// Drag to pan (the middle button and Space + drag pan with every tool).
    Pan,
    /// Draw walls, one straight wall per click.
    Wall,
    /// Cut a door into a wall: two clicks.
    Door,
    /// Cut a window into a wall: two clicks.
    Window,
    /// Draw a room outline.
    Room,
    /// Draw a cable tray.
    Tray,
    /// Place a riser.
    Riser,
    /// Place a Wi-Fi access point.
    AccessPoint,
    /// Place an IoT gateway.
    Gateway,
    /// Place a device.
    Device,
    /// Place an outlet.
    Outlet,
    /// Place a telecom room.
    TelecomRoom,
    /// Draw a cable route from an endpoint to a telecom room.
    Route,
    /// Measure a distance.
    Measure,
}

/// How a tool is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToolKind {
    /// Selecting or panning.
    Navigate,
    /// One click places an element.
    Place,
    /// Clicks add points to a line or an outline.
    Draw,
    /// Measuring: nothing is added.
    Measure,
}

/// The palette's groups, in order, for separators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToolGroup {
    /// Select, pan.
    Navigate,
    /// Walls, doors, windows, rooms.
    Building,
    /// Equipment.
    Equipment,
    /// Trays, risers, telecom rooms, routes.
    Cabling,
    /// Measuring.
    Measure,
}

impl Tool {
    /// Every tool, in palette order.
    pub const ALL: [Tool; 15] = [
        Tool::Select,
        Tool::Pan,
        Tool::Wall,
        Tool::Door,
        Tool::Window,
        Tool::Room,
        Tool::AccessPoint,
        Tool::Gateway,
        Tool::Device,
        Tool::Outlet,
        Tool::Tray,
        Tool::Riser,
        Tool::TelecomRoom,
        Tool::Route,
        Tool::Measure,
    ];

    /// The tool's name in test ids: `select`, `wall`, `ap`...
    pub fn name(self) -> &'static str {
        match self {
            Tool::Select => "select",
            Tool::Pan => "pan",
            Tool::Wall => "wall",
            Tool::Door => "door",
            Tool::Window => "window",
            Tool::Room => "room",
            Tool::Tray => "tray",
            Tool::Riser => "riser",
            Tool::AccessPoint => "ap",
            Tool::Gateway => "gateway",
            Tool::Device => "device",
            Tool::Outlet => "outlet",
            Tool::TelecomRoom => "telecom-room",
            Tool::Route => "route",
            Tool::Measure => "measure",
        }
    }

    /// The tool's caption.
    pub fn label(self) -> &'static str {
        match self {
            Tool::Select => "Select",
            Tool::Pan => "Pan",
            Tool::Wall => "Wall",
            Tool::Door => "Door",
            Tool::Window => "Window",
            Tool::Room => "Room",
            Tool::Tray => "Cable tray",
            Tool::Riser => "Riser",
            Tool::AccessPoint => "Access point",
            Tool::Gateway => "IoT gateway",
            Tool::Device => "Device",
            Tool::Outlet => "Outlet",
            Tool::TelecomRoom => "Telecom room",
            Tool::Route => "Cable route",
            Tool::Measure => "Measure",
        }
    }

    /// The key that picks the tool (`KeyboardEvent.key`, lower case).
    pub fn key(self) -> char {
        match self {
            Tool::Select => 'v',
            Tool::Pan => 'h',
            Tool::Wall => 'w',
            Tool::Door => 'd',
            Tool::Window => 'n',
            Tool::Room => 'r',
            Tool::Tray => 't',
            Tool::Riser => 'i',
            Tool::AccessPoint => 'a',
            Tool::Gateway => 'g',
            Tool::Device => 'e',
            Tool::Outlet => 'o',
            Tool::TelecomRoom => 'x',
            Tool::Route => 'c',
            Tool::Measure => 'm',
        }
    }

    /// The tool picked by `key`.
    pub fn from_key(key: &str) -> Option<Tool> {
        let mut chars = key.chars();
        let c = chars.next()?.to_ascii_lowercase();
        if chars.next().is_some() {
            return None;
        }
        Tool::ALL.into_iter().find(|t| t.key() == c)
    }

    /// What the tool does, for its tooltip and the help panel.
    pub fn description(self) -> &'static str {
        match self {
            Tool::Select => "Select, move (drag or arrow keys) and box-select; Shift adds",
            Tool::Pan => "Drag to move the plan",
            Tool::Wall => "Draw walls of the chosen material, one per click",
            Tool::Door => "Cut a door into a wall: click its two ends",
            Tool::Window => "Cut a window into a wall: click its two ends",
            Tool::Room => "Draw a room outline; Enter or a click on the first corner closes it",
            Tool::Tray => "Draw a cable tray; Enter or a double-click finishes it",
            Tool::Riser => "Place a riser",
            Tool::AccessPoint => "Place a Wi-Fi access point",
            Tool::Gateway => "Place an IoT gateway",
            Tool::Device => "Place a device (sensor, camera, panel)",
            Tool::Outlet => "Place a wired outlet",
            Tool::TelecomRoom => "Place a telecom room (its rack)",
            Tool::Route => "Draw a cable route by hand: from an endpoint to a telecom room",
            Tool::Measure => "Measure a distance: click two points",
        }
    }

    /// How the tool is used.
    pub fn kind(self) -> ToolKind {
        match self {
            Tool::Select | Tool::Pan => ToolKind::Navigate,
            Tool::Riser
            | Tool::AccessPoint
            | Tool::Gateway
            | Tool::Device
            | Tool::Outlet
            | Tool::TelecomRoom => ToolKind::Place,
            Tool::Wall | Tool::Door | Tool::Window | Tool::Room | Tool::Tray | Tool::Route => {
                ToolKind::Draw
            }
            Tool::Measure => ToolKind::Measure,
        }
    }

    /// The palette group.
    pub fn group(self) -> ToolGroup {
        match self {
            Tool::Select | Tool::Pan => ToolGroup::Navigate,
            Tool::Wall | Tool::Door | Tool::Window | Tool::Room => ToolGroup::Building,
            Tool::AccessPoint | Tool::Gateway | Tool::Device | Tool::Outlet => ToolGroup::Equipment,
            Tool::Tray | Tool::Riser | Tool::TelecomRoom | Tool::Route => ToolGroup::Cabling,
            Tool::Measure => ToolGroup::Measure,
        }
    }

    /// The kind of element the tool makes, if it makes one.
    pub fn makes(self) -> Option<ElementKind> {
        Some(match self {
            Tool::Wall => ElementKind::Wall,
            Tool::Door => ElementKind::Door,
            Tool::Window => ElementKind::Window,
            Tool::Room => ElementKind::Room,
            Tool::Tray => ElementKind::Tray,
            Tool::Riser => ElementKind::Riser,
            Tool::AccessPoint => ElementKind::Ap,
            Tool::Gateway => ElementKind::Gateway,
            Tool::Device => ElementKind::Device,
            Tool::Outlet => ElementKind::Outlet,
            Tool::TelecomRoom => ElementKind::TelecomRoom,
            Tool::Route => ElementKind::Route,
            Tool::Select | Tool::Pan | Tool::Measure => return None,
        })
    }

    /// The fewest points a drawn element needs (0 for tools that do not draw).
    pub fn min_points(self) -> usize {
        match self {
            Tool::Room => 3,
            Tool::Wall | Tool::Door | Tool::Window | Tool::Tray | Tool::Route => 2,
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn keys_and_names_are_unique() {
        let keys: HashSet<char> = Tool::ALL.iter().map(|t| t.key()).collect();
        assert_eq!(keys.len(), Tool::ALL.len());
        let names: HashSet<&str> = Tool::ALL.iter().map(|t| t.name()).collect();
        assert_eq!(names.len(), Tool::ALL.len());
        // F fits, Z zooms to the selection, digits and +/- zoom: no tool takes them.
        for k in ['f', 'z', '0', '+', '-'] {
            assert!(!keys.contains(&k), "{k}");
        }
    }

    #[test]
    fn keys_pick_tools_in_either_case() {
        assert_eq!(Tool::from_key("w"), Some(Tool::Wall));
        assert_eq!(Tool::from_key("A"), Some(Tool::AccessPoint));
        assert_eq!(Tool::from_key("Escape"), None);
        assert_eq!(Tool::from_key(""), None);
        assert_eq!(Tool::from_key("f"), None);
    }

    #[test]
    fn every_placing_or_drawing_tool_makes_an_element() {
        for t in Tool::ALL {
            let makes = t.makes().is_some();
            assert_eq!(
                makes,
                matches!(t.kind(), ToolKind::Place | ToolKind::Draw),
                "{t:?}"
            );
            assert_eq!(t.min_points() > 0, t.kind() == ToolKind::Draw, "{t:?}");
        }
    }
}
