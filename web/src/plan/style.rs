//! How each kind of element looks: the colour scheme, wall and opening strokes, the symbols
//! of placed equipment and when labels are worth drawing.
//!
//! Everything here is a decision, not a drawing: [`crate::plan::scene`] applies it.

use tailplan_core::{
    BBox, DEFAULT_WALL_MATERIAL, MaterialLibrary, Medium, OpeningKind, Shape, Wall,
};

use crate::plan::color::Rgba;

/// The plan's background.
pub const BACKGROUND: Rgba = Rgba::hex(0xf5f6f8);
/// Fine grid lines.
pub const GRID_MINOR: Rgba = Rgba::rgb(30, 41, 59).with_alpha(12);
/// Every fifth grid line.
pub const GRID_MAJOR: Rgba = Rgba::rgb(30, 41, 59).with_alpha(26);
/// Light fills given to rooms in turn, so that neighbours read apart.
pub const ROOM_TINTS: [Rgba; 6] = [
    Rgba::hex(0xe8eef8),
    Rgba::hex(0xeaf4ec),
    Rgba::hex(0xf8f1e4),
    Rgba::hex(0xf0ebf8),
    Rgba::hex(0xe5f3f3),
    Rgba::hex(0xf7ebee),
];
/// A room's outline (under the walls).
pub const ROOM_EDGE: Rgba = Rgba::rgb(100, 116, 139).with_alpha(90);
/// A room's name.
pub const ROOM_LABEL: Rgba = Rgba::hex(0x334155);
/// A room's area, under its name.
pub const ROOM_AREA: Rgba = Rgba::hex(0x64748b);
/// The halo behind labels.
pub const HALO: Rgba = Rgba::rgb(255, 255, 255).with_alpha(220);
/// Labels of equipment.
pub const SYMBOL_LABEL: Rgba = Rgba::hex(0x1e293b);
/// A wall with an attenuation of its own and no material.
pub const WALL_NO_MATERIAL: Rgba = Rgba::hex(0x5c636a);
/// A wall whose material the library does not have.
pub const WALL_UNKNOWN_MATERIAL: Rgba = Rgba::hex(0xd6336c);
/// What a door or window is cut into a wall with.
pub const OPENING_GAP: Rgba = Rgba::hex(0xffffff);
/// A door leaf and its swing.
pub const DOOR: Rgba = Rgba::hex(0x8a5a2b);
/// A window's glazing line.
pub const WINDOW: Rgba = Rgba::hex(0x1c7ed6);
/// The frame band of a window.
pub const WINDOW_FRAME: Rgba = Rgba::hex(0xd0ebff);
/// A cable tray.
pub const TRAY: Rgba = Rgba::hex(0xe8590c);
/// A hand-drawn cable route.
pub const ROUTE: Rgba = Rgba::hex(0x0b7285);
/// Cable route colours, one per telecom room in project order: the design sheets' (red is
/// left out: it means "fails").
pub const ROUTE_COLOURS: [Rgba; 8] = [
    Rgba::hex(0x1f77b4),
    Rgba::hex(0xff7f0e),
    Rgba::hex(0x2ca02c),
    Rgba::hex(0x9467bd),
    Rgba::hex(0x8c564b),
    Rgba::hex(0xe377c2),
    Rgba::hex(0x17becf),
    Rgba::hex(0x7f7f00),
];

/// The colour of the routes of the `i`-th telecom room of the project.
pub fn route_colour(i: usize) -> Rgba {
    ROUTE_COLOURS[i % ROUTE_COLOURS.len()]
}

/// A design-rule error on the plan.
pub const FINDING_ERROR: Rgba = Rgba::hex(0xd62728);
/// A design-rule warning on the plan.
pub const FINDING_WARNING: Rgba = Rgba::hex(0xe8a202);
/// A note of the design rules on the plan.
pub const FINDING_NOTE: Rgba = Rgba::hex(0x3b82f6);
/// A proposed access point or gateway (not yet in the project).
pub const PROPOSED: Rgba = Rgba::hex(0x16a34a);

/// The building's interior found from its walls (a floor without rooms): fill and edge.
pub const INTERIOR_FILL: Rgba = Rgba::rgb(22, 163, 74).with_alpha(14);
/// See [`INTERIOR_FILL`].
pub const INTERIOR_EDGE: Rgba = Rgba::rgb(22, 163, 74).with_alpha(150);
/// A directional antenna's pattern on the plan: line and fill.
pub const ANTENNA: Rgba = Rgba::hex(0x7c3aed);
/// See [`ANTENNA`].
pub const ANTENNA_FILL: Rgba = Rgba::rgb(124, 58, 237).with_alpha(40);

/// A telecom room's outline and label.
pub const TELECOM: Rgba = Rgba::hex(0xc2410c);
/// A telecom room's fill.
pub const TELECOM_FILL: Rgba = Rgba::rgb(251, 146, 60).with_alpha(38);

/// The lines of an imported drawing under the model.
pub const UNDERLAY: Rgba = Rgba::rgb(100, 116, 139).with_alpha(120);

/// What is selected: its outline and handles.
pub const SELECTION: Rgba = Rgba::hex(0x2563eb);
/// The glow under a selected element.
pub const SELECTION_HALO: Rgba = Rgba::rgb(37, 99, 235).with_alpha(64);
/// What a click would select.
pub const HOVER: Rgba = Rgba::rgb(37, 99, 235).with_alpha(150);
/// The snap indicator.
pub const SNAP: Rgba = Rgba::hex(0xe8590c);
/// Lines being drawn and their measures.
pub const DRAFT: Rgba = Rgba::hex(0x0f172a);
/// A measured distance.
pub const MEASURE: Rgba = Rgba::hex(0x9333ea);

/// The scale from which equipment is labelled, pixels per metre.
pub const SYMBOL_LABEL_MIN_PX_PER_M: f64 = 16.0;
/// Label size of rooms and equipment, CSS px.
pub const LABEL_PX: f64 = 11.0;
/// A label's width per character, as a share of its size (system UI fonts average ~0.56).
pub const CHAR_WIDTH_EM: f64 = 0.58;

/// The colour of a wall: its material's colour from the project's library.
pub fn wall_color(wall: &Wall, library: &MaterialLibrary) -> Rgba {
    match (&wall.material, &wall.loss_db) {
        (None, Some(_)) => WALL_NO_MATERIAL,
        (material, _) => {
            let name = material.as_deref().unwrap_or(DEFAULT_WALL_MATERIAL);
            match library.get(name) {
                Some(m) => Rgba::parse(&m.color).unwrap_or(WALL_NO_MATERIAL),
                None => WALL_UNKNOWN_MATERIAL,
            }
        }
    }
}

/// What the legend calls a wall's material: the library's name for it, `drywall` for a
/// wall without one, `fixed loss` for a wall with its own attenuation and no material.
pub fn wall_material_label(wall: &Wall, library: &MaterialLibrary) -> String {
    match (&wall.material, &wall.loss_db) {
        (None, Some(_)) => "fixed loss".to_owned(),
        (material, _) => {
            let name = material.as_deref().unwrap_or(DEFAULT_WALL_MATERIAL);
            match library.get(name) {
                Some(m) => m.name.replace('_', " "),
                None => format!("{name} (unknown)"),
            }
        }
    }
}

/// Whether a wall is drawn as a filled footprint rather than stroked along its centreline:
/// a closed (polygon) wall too small to have an inside once stroked at its thickness, such as
/// a column. Stroking it would swallow the inside and draw it a thickness too wide.
pub fn wall_is_solid(shape: &Shape, thickness_m: f64) -> bool {
    let Shape::Polygon(p) = shape else {
        return false;
    };
    BBox::from_points(p.exterior.iter().copied())
        .is_some_and(|b| b.width().min(b.height()) <= 2.0 * thickness_m)
}

/// A wall's stroke width on screen: its true thickness, at least 1 px, in quarter pixels
/// (so that walls batch by width).
pub fn wall_width_px(thickness_m: f64, scale_px_per_m: f64) -> f64 {
    let w = thickness_m * scale_px_per_m;
    let w = if w.is_finite() { w.max(1.0) } else { 1.0 };
    (w * 4.0).round() / 4.0
}

/// The width of the band cut into a wall for an opening, CSS px: a little wider than a
/// typical wall so that no wall colour shows at its edges.
pub fn opening_gap_px(scale_px_per_m: f64) -> f64 {
    (0.3 * scale_px_per_m).clamp(2.0, 60.0)
}

/// The colour of an opening's line.
pub fn opening_color(kind: OpeningKind) -> Rgba {
    match kind {
        OpeningKind::Door => DOOR,
        OpeningKind::Window => WINDOW,
    }
}

/// The width of a tray's band: its true width (150 mm when not given), at least 3 px, in
/// quarter pixels so that trays batch by width.
pub fn tray_width_px(width_mm: Option<f64>, scale_px_per_m: f64) -> f64 {
    let w = width_mm.unwrap_or(150.0) / 1000.0 * scale_px_per_m;
    let w = if w.is_finite() {
        w.clamp(3.0, 400.0)
    } else {
        3.0
    };
    (w * 4.0).round() / 4.0
}

/// The band a tray occupies, under its dashed centreline.
pub const TRAY_BAND: Rgba = Rgba::rgb(232, 89, 12).with_alpha(56);
/// The stroke width of a tray's dashed centreline, CSS px.
pub const TRAY_LINE_PX: f64 = 1.75;
/// The dash pattern of a tray's centreline, CSS px.
pub const TRAY_DASH: [f64; 2] = [9.0, 5.0];

/// What a symbol stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SymbolKind {
    /// A Wi-Fi access point.
    AccessPoint,
    /// An IoT gateway.
    Gateway,
    /// A device, by how it is connected.
    Device(Medium),
    /// A wired outlet.
    Outlet,
    /// A riser.
    Riser,
    /// The rack position of a telecom room.
    Rack,
}

/// The outline of a symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolShape {
    /// A disc.
    Circle,
    /// A square standing on a corner.
    Diamond,
    /// A triangle pointing up.
    Triangle,
    /// An upright square.
    Square,
    /// A circle with a cross (the riser symbol).
    CircleCross,
}

/// How a symbol is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SymbolStyle {
    /// Its outline.
    pub shape: SymbolShape,
    /// Fill.
    pub fill: Rgba,
    /// Outline colour.
    pub stroke: Rgba,
    /// Outline width, CSS px.
    pub stroke_px: f64,
    /// Size relative to the base symbol size.
    pub size: f64,
    /// A white dot in the middle (access points).
    pub center_dot: bool,
}

impl SymbolKind {
    /// How the symbol is drawn.
    pub fn style(self) -> SymbolStyle {
        let white = Rgba::hex(0xffffff);
        let s = |shape, fill: Rgba, stroke: Rgba, size: f64| SymbolStyle {
            shape,
            fill,
            stroke,
            stroke_px: 1.5,
            size,
            center_dot: false,
        };
        match self {
            SymbolKind::AccessPoint => SymbolStyle {
                center_dot: true,
                ..s(SymbolShape::Circle, Rgba::hex(0x1d4ed8), white, 1.1)
            },
            SymbolKind::Gateway => s(SymbolShape::Diamond, Rgba::hex(0xc026d3), white, 1.15),
            SymbolKind::Device(m) => {
                let (fill, stroke) = match m {
                    Medium::Cat6a => (Rgba::hex(0x2f9e44), white),
                    Medium::Spe => (Rgba::hex(0x0c8599), white),
                    Medium::Fiber => (Rgba::hex(0xf59f00), white),
                    // Wireless devices are hollow: nothing is cabled to them.
                    Medium::Wireless => (white, Rgba::hex(0x7048e8)),
                };
                SymbolStyle {
                    stroke_px: if m == Medium::Wireless { 2.0 } else { 1.5 },
                    ..s(SymbolShape::Triangle, fill, stroke, 0.95)
                }
            }
            SymbolKind::Outlet => s(SymbolShape::Square, Rgba::hex(0x343a40), white, 0.75),
            SymbolKind::Riser => SymbolStyle {
                stroke_px: 2.0,
                ..s(SymbolShape::CircleCross, white, Rgba::hex(0x5f3dc4), 1.05)
            },
            SymbolKind::Rack => s(SymbolShape::Square, TELECOM, white, 0.8),
        }
    }

    /// What the symbol stands for, for a legend.
    pub fn describe(self) -> &'static str {
        match self {
            SymbolKind::AccessPoint => "Wi-Fi access point",
            SymbolKind::Gateway => "IoT gateway",
            SymbolKind::Device(Medium::Cat6a) => "Device on Cat6A",
            SymbolKind::Device(Medium::Spe) => "Device on single-pair Ethernet",
            SymbolKind::Device(Medium::Fiber) => "Device on fibre",
            SymbolKind::Device(Medium::Wireless) => "Wireless device",
            SymbolKind::Outlet => "Outlet",
            SymbolKind::Riser => "Riser",
            SymbolKind::Rack => "Telecom room rack",
        }
    }
}

/// The base symbol radius at a scale: symbols keep a readable size on screen, a little
/// larger when zoomed in.
pub fn symbol_radius_px(scale_px_per_m: f64) -> f64 {
    (2.5 + scale_px_per_m * 0.3).clamp(4.0, 8.0)
}

/// The estimated width of a label of `chars` characters at `size_px`.
pub fn text_width_px(text: &str, size_px: f64) -> f64 {
    text.chars().count() as f64 * size_px * CHAR_WIDTH_EM
}

/// The tint of a room, stable for its id.
pub fn room_tint(id: &str) -> Rgba {
    // FNV-1a: stable across runs and platforms, unlike the std hasher.
    let h = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    ROOM_TINTS[(h % ROOM_TINTS.len() as u64) as usize]
}

/// Whether equipment labels are drawn at this scale.
pub fn shows_symbol_labels(scale_px_per_m: f64) -> bool {
    scale_px_per_m >= SYMBOL_LABEL_MIN_PX_PER_M
}

#[cfg(test)]
mod tests {
    use tailplan_core::{LossOverride, Point, Props, Shape};

    use super::*;

    fn wall(material: Option<&str>, loss: Option<f64>) -> Wall {
        Wall {
            id: "w".into(),
            shape: Shape::Line(vec![Point::new(0.0, 0.0), Point::new(1.0, 0.0)]),
            material: material.map(str::to_owned),
            loss_db: loss.map(LossOverride::Uniform),
            thickness_m: 0.2,
            props: Props::new(),
        }
    }

    #[test]
    fn walls_take_their_material_colour() {
        let lib = MaterialLibrary::default();
        assert_eq!(
            wall_color(&wall(Some("concrete"), None), &lib),
            Rgba::hex(0x4a4f55)
        );
        // Names match the way the library matches them.
        assert_eq!(
            wall_color(&wall(Some("Low-E glass"), None), &lib),
            Rgba::hex(0x1f6f9f)
        );
        // No material: the default material's colour.
        assert_eq!(wall_color(&wall(None, None), &lib), Rgba::hex(0x8c96a0));
        assert_eq!(wall_color(&wall(None, Some(9.0)), &lib), WALL_NO_MATERIAL);
        assert_eq!(
            wall_color(&wall(Some("adamantium"), None), &lib),
            WALL_UNKNOWN_MATERIAL
        );
    }

    #[test]
    fn small_closed_walls_are_solid() {
        let square = |side: f64| {
            Shape::Polygon(tailplan_core::Polygon::rect(
                Point::new(0.0, 0.0),
                Point::new(side, side),
            ))
        };
        assert!(wall_is_solid(&square(0.3), 0.3));
        assert!(wall_is_solid(&square(0.6), 0.3));
        assert!(!wall_is_solid(&square(20.0), 0.3), "a building outline");
        let line = Shape::Line(vec![Point::new(0.0, 0.0), Point::new(0.1, 0.0)]);
        assert!(!wall_is_solid(&line, 0.3));
    }

    #[test]
    fn walls_are_named_for_the_legend() {
        let lib = MaterialLibrary::default();
        let label = |m: Option<&str>, l: Option<f64>| wall_material_label(&wall(m, l), &lib);
        assert_eq!(label(Some("Low-E glass"), None), "low e glass");
        assert_eq!(label(None, None), "drywall");
        assert_eq!(label(None, Some(3.0)), "fixed loss");
        assert_eq!(label(Some("adamantium"), None), "adamantium (unknown)");
    }

    #[test]
    fn a_bad_library_colour_falls_back() {
        let lib = MaterialLibrary::new(vec![tailplan_core::WallMaterial {
            name: "odd".into(),
            loss_db: tailplan_core::BandLoss::uniform(1.0),
            color: "teal".into(),
        }]);
        assert_eq!(wall_color(&wall(Some("odd"), None), &lib), WALL_NO_MATERIAL);
    }

    #[test]
    fn wall_widths_are_true_but_visible() {
        assert_eq!(wall_width_px(0.2, 50.0), 10.0);
        assert_eq!(wall_width_px(0.1, 2.0), 1.0);
        assert_eq!(wall_width_px(0.123, 10.0), 1.25);
        assert_eq!(wall_width_px(f64::NAN, 10.0), 1.0);
    }

    #[test]
    fn symbols_are_distinct() {
        let kinds = [
            SymbolKind::AccessPoint,
            SymbolKind::Gateway,
            SymbolKind::Device(Medium::Cat6a),
            SymbolKind::Device(Medium::Spe),
            SymbolKind::Device(Medium::Fiber),
            SymbolKind::Device(Medium::Wireless),
            SymbolKind::Outlet,
            SymbolKind::Riser,
            SymbolKind::Rack,
        ];
        for (i, a) in kinds.iter().enumerate() {
            for b in &kinds[i + 1..] {
                let (sa, sb) = (a.style(), b.style());
                assert!(
                    (sa.shape, sa.fill, sa.stroke) != (sb.shape, sb.fill, sb.stroke),
                    "{a:?} and {b:?} look the same"
                );
                assert_ne!(a.describe(), b.describe());
            }
        }
    }

    #[test]
    fn tray_and_symbol_sizes_are_bounded() {
        assert_eq!(tray_width_px(Some(300.0), 20.0), 6.0);
        assert_eq!(tray_width_px(None, 1.0), 3.0);
        assert_eq!(tray_width_px(Some(600.0), 100.0), 60.0);
        assert_eq!(tray_width_px(Some(f64::NAN), 100.0), 3.0);
        assert_eq!(symbol_radius_px(0.5), 4.0);
        assert_eq!(symbol_radius_px(500.0), 8.0);
        assert!(shows_symbol_labels(20.0) && !shows_symbol_labels(5.0));
    }

    #[test]
    fn room_tints_are_stable() {
        assert_eq!(room_tint("r-101"), room_tint("r-101"));
        let distinct: std::collections::HashSet<_> =
            (0..40).map(|i| room_tint(&format!("room-{i}"))).collect();
        assert!(distinct.len() > 3);
    }
}
