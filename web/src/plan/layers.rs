//! The plan's layers, which the toolbar switches on and off.

/// A group of elements drawn or hidden together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Layer {
    /// Walls.
    Walls,
    /// Rooms: fills and names.
    Rooms,
    /// Doors and windows.
    Openings,
    /// Cable pathways: trays, risers and telecom rooms.
    Trays,
    /// Cable routes, drawn by hand or by "Route all", coloured by their telecom room.
    Routes,
    /// What is placed: access points, gateways, devices and outlets.
    Devices,
    /// The drawing a plan was imported from: its CAD lines or scan, shown under the model.
    Underlay,
    /// The coverage heatmap, between the room fills and the walls.
    Heatmap,
}

impl Layer {
    /// Every layer, in toolbar order.
    pub const ALL: [Layer; 8] = [
        Layer::Underlay,
        Layer::Walls,
        Layer::Rooms,
        Layer::Openings,
        Layer::Trays,
        Layer::Routes,
        Layer::Devices,
        Layer::Heatmap,
    ];

    /// The layer's name in test ids and URLs: `walls`, `rooms`...
    pub fn name(self) -> &'static str {
        match self {
            Layer::Walls => "walls",
            Layer::Rooms => "rooms",
            Layer::Openings => "openings",
            Layer::Trays => "trays",
            Layer::Routes => "routes",
            Layer::Devices => "devices",
            Layer::Underlay => "underlay",
            Layer::Heatmap => "heatmap",
        }
    }

    /// The toggle's caption.
    pub fn label(self) -> &'static str {
        match self {
            Layer::Walls => "Walls",
            Layer::Rooms => "Rooms",
            Layer::Openings => "Openings",
            Layer::Trays => "Trays",
            Layer::Routes => "Routes",
            Layer::Devices => "Devices",
            Layer::Underlay => "Underlay",
            Layer::Heatmap => "Heatmap",
        }
    }

    /// What the layer holds, for the toggle's tooltip.
    pub fn description(self) -> &'static str {
        match self {
            Layer::Walls => "Walls, coloured by material",
            Layer::Rooms => "Room areas and names",
            Layer::Openings => "Doors and windows",
            Layer::Trays => "Cable trays, risers and telecom rooms",
            Layer::Routes => "Cable routes, coloured by their telecom room",
            Layer::Devices => "Access points, IoT gateways, devices and outlets",
            Layer::Underlay => "The imported drawing's own lines or scan, under the model",
            Layer::Heatmap => {
                "The coverage heatmap of the band or technology chosen in the Coverage panel"
            }
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// Which layers are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Layers(u8);

impl Default for Layers {
    /// Every layer shown but the heatmap, which is asked for.
    fn default() -> Self {
        Layers::all().with(Layer::Heatmap, false)
    }
}

impl Layers {
    /// Every layer shown.
    pub fn all() -> Self {
        Layers(Layer::ALL.iter().fold(0, |m, l| m | l.bit()))
    }

    /// No layer shown.
    pub fn none() -> Self {
        Layers(0)
    }

    /// True when `layer` is shown.
    pub fn shows(self, layer: Layer) -> bool {
        self.0 & layer.bit() != 0
    }

    /// These layers with `layer` shown or hidden.
    pub fn with(self, layer: Layer, shown: bool) -> Self {
        if shown {
            Layers(self.0 | layer.bit())
        } else {
            Layers(self.0 & !layer.bit())
        }
    }

    /// These layers with `layer` switched.
    pub fn toggled(self, layer: Layer) -> Self {
        self.with(layer, !self.shows(layer))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggling() {
        let all = Layers::all();
        assert!(Layer::ALL.iter().all(|l| all.shows(*l)));
        assert_eq!(Layers::default(), all.with(Layer::Heatmap, false));
        let no_walls = all.toggled(Layer::Walls);
        assert!(!no_walls.shows(Layer::Walls) && no_walls.shows(Layer::Rooms));
        assert_eq!(no_walls.toggled(Layer::Walls), all);
        assert!(!Layers::none().shows(Layer::Devices));
        assert!(Layers::none().with(Layer::Trays, true).shows(Layer::Trays));
    }

    #[test]
    fn names_are_unique_and_lowercase() {
        let mut names: Vec<_> = Layer::ALL.iter().map(|l| l.name()).collect();
        assert!(
            names
                .iter()
                .all(|n| n.chars().all(|c| c.is_ascii_lowercase()))
        );
        names.dedup();
        assert_eq!(names.len(), Layer::ALL.len());
    }
}
