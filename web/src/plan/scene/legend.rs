//! The legend: what the colours and symbols on the current floor mean.

use std::collections::BTreeSet;

use crate::plan::color::Rgba;
use crate::plan::layers::{Layer, Layers};
use crate::plan::style::{self, SymbolKind};

use super::FloorScene;

/// How a legend entry is drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Swatch {
    /// A line: walls, trays, routes.
    Line {
        /// Colour.
        color: Rgba,
        /// Dashed (trays).
        dashed: bool,
    },
    /// A translucent band under a dashed centreline: trays.
    Band {
        /// The band's colour.
        band: Rgba,
        /// The centreline's colour.
        line: Rgba,
    },
    /// An area: telecom rooms.
    Area {
        /// Fill.
        fill: Rgba,
        /// Outline.
        stroke: Rgba,
    },
    /// An equipment symbol.
    Symbol(SymbolKind),
}

/// One entry of the legend.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    /// What it is.
    pub label: String,
    /// How it looks.
    pub swatch: Swatch,
}

/// The legend of a floor: only what the floor has, only on shown layers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Legend {
    /// Wall materials, in the order they first appear.
    pub walls: Vec<LegendItem>,
    /// Pathways and telecom rooms.
    pub pathways: Vec<LegendItem>,
    /// Cable routes, by telecom room.
    pub routes: Vec<LegendItem>,
    /// Equipment symbols.
    pub equipment: Vec<LegendItem>,
}

impl Legend {
    /// True when there is nothing to explain.
    pub fn is_empty(&self) -> bool {
        self.walls.is_empty()
            && self.pathways.is_empty()
            && self.routes.is_empty()
            && self.equipment.is_empty()
    }
}

impl FloorScene {
    /// The legend of what this floor draws with `layers` shown.
    pub fn legend(&self, layers: Layers) -> Legend {
        let mut legend = Legend::default();
        if layers.shows(Layer::Walls) {
            let mut seen = BTreeSet::new();
            for w in &self.walls {
                if seen.insert(w.material.as_str()) {
                    legend.walls.push(LegendItem {
                        label: w.material.clone(),
                        swatch: Swatch::Line {
                            color: w.color,
                            dashed: false,
                        },
                    });
                }
            }
        }
        if layers.shows(Layer::Trays) {
            if !self.trays.is_empty() {
                legend.pathways.push(LegendItem {
                    label: "cable tray".to_owned(),
                    swatch: Swatch::Band {
                        band: style::TRAY_BAND,
                        line: style::TRAY,
                    },
                });
            }
            if !self.telecom_rooms.is_empty() {
                legend.pathways.push(LegendItem {
                    label: "telecom room".to_owned(),
                    swatch: Swatch::Area {
                        fill: style::TELECOM_FILL,
                        stroke: style::TELECOM,
                    },
                });
            }
            if self
                .pathway_symbols
                .iter()
                .any(|s| s.kind == SymbolKind::Riser)
            {
                legend.pathways.push(LegendItem {
                    label: "riser".to_owned(),
                    swatch: Swatch::Symbol(SymbolKind::Riser),
                });
            }
        }
        if layers.shows(Layer::Routes) {
            for (room, color) in &self.route_rooms {
                legend.routes.push(LegendItem {
                    label: format!("cables to {room}"),
                    swatch: Swatch::Line {
                        color: *color,
                        dashed: false,
                    },
                });
            }
            if self.has_hand_routes {
                legend.routes.push(LegendItem {
                    label: "drawn by hand".to_owned(),
                    swatch: Swatch::Line {
                        color: style::ROUTE,
                        dashed: true,
                    },
                });
            }
        }
        if layers.shows(Layer::Devices) {
            let kinds: BTreeSet<SymbolKind> = self.symbols.iter().map(|s| s.kind).collect();
            legend.equipment = kinds
                .into_iter()
                .map(|k| LegendItem {
                    label: k.describe().to_owned(),
                    swatch: Swatch::Symbol(k),
                })
                .collect();
        }
        legend
    }
}
