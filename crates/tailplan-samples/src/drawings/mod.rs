//! Plans drawn as architects deliver them, for the importers: DXF files drawn as in AutoCAD
//! (two-face walls, closed wall outlines, hatched concrete, door and window blocks, room
//! polylines and formatted labels on AIA, ISO 13567 or German layers) and an SVG exported
//! from Inkscape (French layers, CSS, `use`, nested transforms, a hidden layer, an embedded
//! scan). Each comes with its [`Intent`]: the walls, openings and rooms it stands for, which
//! a good import recovers.
//!
//! - [`office_wing_dxf`]: `office-wing.dxf`, level 1 of an office wing, 36 x 15 m, AIA
//!   layers, millimetres;
//! - [`praxis_dxf`]: `praxis-og1.dxf`, a medical practice on a first floor, 20 x 12 m, ISO
//!   13567 and German layers, centimetres, no header extents, old-style POLYLINEs;
//! - [`bureaux_svg`]: `bureaux-r1.svg`, an office floor of 30 x 14 m from Inkscape, 1 unit =
//!   1 cm, French layers;
//! - [`office_building_dxf`]: a floor of the sample office building as a DXF of about
//!   1.5 MB (two-face walls, door and window blocks, rooms, labels): the importers' large
//!   benchmark, generated, not committed.
//!
//! And BIM models, for the IFC importer, each with an [`Intent`] per storey ([`IfcDrawn`]):
//!
//! - [`kontor_ifc()`]: `kontor.ifc`, a two-storey office of 24 x 12 m in IFC4 as Revit,
//!   ArchiCAD and Allplan write it (millimetres, the building placed off the origin and
//!   turned, walls with material layer sets, a curtain wall, openings, spaces);
//! - [`office_building_ifc`]: the sample office building's four storeys as IFC4 in metres,
//!   4.3 MB: the IFC importer's large benchmark, generated, not committed.
//!
//! The STEP files are written by `step_out.rs` (ISO 10303-21: escaping, reals, fixed header,
//! GlobalIds from a counter) and `ifc_out.rs` (IFC4 building blocks).

use tailplan_core::{GeoReference, Point};

mod bureaux;
mod dxf_out;
mod ifc_out;
mod kontor_ifc;
mod office_floor;
mod office_ifc;
mod office_wing;
mod outline;
mod png;
mod praxis;
mod step_out;

pub use bureaux::bureaux_svg;
pub use kontor_ifc::kontor_ifc;
pub use office_floor::office_building_dxf;
pub use office_ifc::{office_building_ifc, office_building_ifc_drawn};
pub use office_wing::office_wing_dxf;
pub use png::grey_png;
pub use praxis::praxis_dxf;

/// A wall as designed: its centreline, thickness and material.
#[derive(Debug, Clone, PartialEq)]
pub struct IntendedWall {
    /// One end of the centreline, metres.
    pub a: Point,
    /// The other end.
    pub b: Point,
    /// The distance between its faces, metres.
    pub thickness_m: f64,
    /// The material its layer stands for.
    pub material: &'static str,
}

/// What a drawing stands for: the straight walls (curved ones are left out), the door
/// leaves and windows, and the rooms with their names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Intent {
    /// The straight walls, each once.
    pub walls: Vec<IntendedWall>,
    /// Each door leaf: its hinge and the jamb it closes on, metres.
    pub doors: Vec<[Point; 2]>,
    /// Each window: its two ends on the wall's centreline, metres.
    pub windows: Vec<[Point; 2]>,
    /// Each room's name as its label reads once its formatting is stripped.
    pub rooms: Vec<String>,
}

/// A drawing and what it stands for.
#[derive(Debug, Clone)]
pub struct Drawn {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// What it stands for.
    pub intent: Intent,
}

/// A sample drawing and the file name it is committed under in `floorplans/`.
#[derive(Debug, Clone, Copy)]
pub struct DrawingSample {
    /// The file name, `office-wing.dxf`.
    pub file_name: &'static str,
    /// The scale an import needs (SVG): metres per drawing unit.
    pub m_per_unit: Option<f64>,
    /// Draws it.
    pub build: fn() -> Drawn,
}

/// Every sample drawing, in the order `gen-samples` writes them.
pub const DRAWINGS: [DrawingSample; 3] = [
    DrawingSample {
        file_name: "office-wing.dxf",
        m_per_unit: None,
        build: office_wing_dxf,
    },
    DrawingSample {
        file_name: "praxis-og1.dxf",
        m_per_unit: None,
        build: praxis_dxf,
    },
    DrawingSample {
        file_name: "bureaux-r1.svg",
        m_per_unit: Some(0.01),
        build: bureaux_svg,
    },
];

/// One storey of a BIM model and what it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct StoreyIntent {
    /// The storey's Name (`EG`, `OG 1`).
    pub name: String,
    /// Its elevation, metres.
    pub elevation_m: f64,
    /// Its walls, doors, windows and rooms, in metres in the model's world coordinates
    /// (after every placement).
    pub intent: Intent,
}

/// A BIM model (IFC) and what each of its storeys stands for.
#[derive(Debug, Clone)]
pub struct IfcDrawn {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Its storeys, lowest first.
    pub storeys: Vec<StoreyIntent>,
    /// Where it says it lies on the earth, when it does.
    pub georef: Option<GeoReference>,
}

/// A sample BIM model and the file name it is committed under in `floorplans/`.
#[derive(Debug, Clone, Copy)]
pub struct IfcSample {
    /// The file name, `kontor.ifc`.
    pub file_name: &'static str,
    /// Writes it.
    pub build: fn() -> IfcDrawn,
}

/// Every sample BIM model, in the order `gen-samples` writes them (kept apart from
/// [`DRAWINGS`], which the DXF and SVG importers are tested on).
pub const IFC_MODELS: [IfcSample; 1] = [IfcSample {
    file_name: "kontor.ifc",
    build: kontor_ifc,
}];

/// Metres from millimetres.
fn m(mm: i64) -> f64 {
    mm as f64 / 1000.0
}

/// A point in metres from millimetres.
fn mpt(p: (i64, i64)) -> Point {
    Point::new(m(p.0), m(p.1))
}

/// Records a straight wall's centreline (millimetres).
fn intend(intent: &mut Intent, a: (i64, i64), b: (i64, i64), t: i64, material: &'static str) {
    intent.walls.push(IntendedWall {
        a: mpt(a),
        b: mpt(b),
        thickness_m: m(t),
        material,
    });
}

/// Records the centreline of a wall drawn as a rectangle, along its longer side.
fn intend_rect(intent: &mut Intent, r: &outline::Rect, material: &'static str) {
    let (dx, dy) = (r.x1 - r.x0, r.y1 - r.y0);
    if dx >= dy {
        let y = (r.y0 + r.y1) / 2;
        intend(intent, (r.x0, y), (r.x1, y), dy, material);
    } else {
        let x = (r.x0 + r.x1) / 2;
        intend(intent, (x, r.y0), (x, r.y1), dx, material);
    }
}

/// Door leaf geometry shared by the drawings: the hinge, the unit vector to the other jamb,
/// the unit vector of the side it swings to, its width; all in millimetres.
#[derive(Debug, Clone, Copy)]
struct Leaf {
    hinge: (i64, i64),
    along: (i64, i64),
    swing: (i64, i64),
    width: i64,
}

impl Leaf {
    /// The other jamb.
    fn jamb(&self) -> (i64, i64) {
        (
            self.hinge.0 + self.along.0 * self.width,
            self.hinge.1 + self.along.1 * self.width,
        )
    }

    /// The leaf's tip when open (90°).
    fn tip(&self) -> (i64, i64) {
        (
            self.hinge.0 + self.swing.0 * self.width,
            self.hinge.1 + self.swing.1 * self.width,
        )
    }

    /// Rotation (degrees) and y mirror (+1 / -1) that place a block drawn with the jamb
    /// along +x and the swing towards +y.
    fn placement(&self) -> (f64, f64) {
        let rotation = match self.along {
            (1, 0) => 0.0,
            (0, 1) => 90.0,
            (-1, 0) => 180.0,
            _ => 270.0,
        };
        // +y after the rotation is the along vector turned left.
        let left = (-self.along.1, self.along.0);
        (rotation, if left == self.swing { 1.0 } else { -1.0 })
    }

    fn intent(&self) -> [Point; 2] {
        self.intent_in(mpt)
    }

    /// Hinge and jamb placed by `at` (millimetres to the floor's metres).
    fn intent_in(&self, at: impl Fn((i64, i64)) -> Point) -> [Point; 2] {
        [at(self.hinge), at(self.jamb())]
    }
}
