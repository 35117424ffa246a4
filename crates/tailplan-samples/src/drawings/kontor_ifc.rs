//! `kontor.ifc`: "Kontor", a two-storey office in Berlin, as Revit, ArchiCAD and Allplan
//! write it in IFC4 (Reference View), for the IFC importer.
//!
//! # The building
//!
//! 24 x 12 m outside, two storeys of 3.5 m: `EG` ("Erdgeschoss", elevation 0.) and `OG 1`
//! ("1. Obergeschoss", elevation 3500.). A corridor runs east-west through the middle (walls
//! at y = 5000 and 6800 in the building's coordinates); on the south side offices and a
//! meeting room, the entrance hall with a glass curtain wall at the west end of the ground
//! floor; on the north side the stair, a tea kitchen and an open-plan office.
//!
//! Millimetres (`IfcSIUnit` `.LENGTHUNIT.` `.MILLI.` `.METRE.`; square and cubic metres,
//! radians); one `Model` context with `Axis` and `Body` subcontexts; `IfcSite` in Berlin
//! (52°31'12", 13°24'18"); the owner history, GlobalIds and time stamp fixed.
//!
//! Georeferenced as IFC4 does it: an `IfcMapConversion` from the model context to
//! `IfcProjectedCRS` 'EPSG:25833' (ETRS89 / UTM zone 33N, map unit metres): the model's origin,
//! which is the site's reference point, at PROJ's grid position of that point, the model's x
//! axis 12° anticlockwise of grid east; the context's TrueNorth agrees (the y axis 13.27° west
//! of true north, grid north being 1.27° west of it there).
//!
//! # Placements
//!
//! The site is at the origin. The building is placed at (10000., 5000., 0.) and turned 90°
//! about z (RefDirection (0.,1.,0.)): a point (x, y) of the building is (10000 − y,
//! 5000 + x) in the world. Storeys are placed at their elevation in the building, walls at
//! the start of their axis (x along it) in their storey, openings in their wall at their
//! left jamb on the axis and at their sill, doors and windows at their opening's origin,
//! curtain-wall parts in their curtain wall, spaces at a corner in their storey: an importer
//! must follow the whole `IfcLocalPlacement` chain.
//!
//! # Elements
//!
//! | what | how it is written |
//! |---|---|
//! | exterior walls | `IfcWall` `.STANDARD.`, 'Axis' 'Curve2D' `IfcPolyline` + 'Body' 'SweptSolid' `IfcExtrudedAreaSolid` of an `IfcRectangleProfileDef`; `IfcMaterialLayerSetUsage` (`.AXIS2.`, `.POSITIVE.`, −160.) of 'Stahlbeton' 200 + 'Dämmung' 120: the axis is the centreline, the insulation outside (the walls run clockwise, their +y is outside); the long fronts' bodies run 160 beyond their axis to the building's corners |
//! | interior walls | 'Gipskarton' 12.5 + 'Metallständerwerk' 75 + 'Gipskarton' 12.5; `IfcWall` in the EG, `IfcWallStandardCase` in the OG 1 (as IFC4 exports from older Revit versions) |
//! | the stair wall (EG) | 'Mauerwerk Ziegel' 175, no 'Axis': only a 'Body' whose profile is an `IfcArbitraryClosedProfileDef` of its footprint (an `IfcPolyline`), the wall placed at a corner without turning (as ArchiCAD writes walls) |
//! | the east wall of the OG 1 | its body an `IfcBooleanClippingResult`: the extrusion minus an `IfcHalfSpaceSolid` above a sloping `IfcPlane` (the roof), 3250 high at the north end, 2750 at the south |
//! | the entrance front (EG) | `IfcCurtainWall` with no representation of its own, aggregating four `IfcMember` mullions (50 x 150, 'Aluminium') and three `IfcPlate` panes (24 mm, 'Glas') with bodies |
//! | a column | `IfcColumn` 400 x 400, 'Beton' (`IfcMaterial`), in the EG's open-plan office |
//! | floors | `IfcSlab` `.FLOOR.` under each storey, 250 thick ('Stahlbeton', `.AXIS3.` `.NEGATIVE.`), extruded down from the storey's level |
//! | doors | `IfcDoor` 1010 x 2135 (the entrance 1260 x 2260), filling an `IfcOpeningElement` (`IfcRelFillsElement`) that voids its wall (`IfcRelVoidsElement`); the opening's body a rectangle in the wall's vertical plane extruded across the wall (as Revit cuts) |
//! | windows | `IfcWindow` 1510 x 1385 (the stair's 1010) on a 900 sill, likewise, the opening's body a plan rectangle extruded up from the sill (as ArchiCAD cuts) |
//! | rooms | `IfcSpace` Name `0.01`..., LongName 'Empfang', 'Büro'..., aggregated to their storey by `IfcRelAggregates`; bodies extruded from an `IfcArbitraryClosedProfileDef`: `IfcIndexedPolyCurve` over an `IfcCartesianPointList2D` for the corridors, `IfcPolyline` for the others |
//! | not for tailplan | an `IfcFurnishingElement` (a desk), an `IfcFlowTerminal` (a ceiling light), an `IfcBuildingElementProxy` (a server cabinet) |
//! | containment | every element in its storey by `IfcRelContainedInSpatialStructure`, except a partition of the open-plan office, contained in its space (`0.08`): its storey is the space's |
//! | properties | `Pset_WallCommon` (IsExternal, LoadBearing) per wall kind |
//!
//! # The intent ([`IfcDrawn::storeys`])
//!
//! In metres, in the world (after every placement), per storey:
//! - walls: each wall's axis as written (the stair wall's: the centreline of its footprint
//!   along its longer side), from end to end, its thickness the layer set's total; exterior
//!   walls run from centreline corner to centreline corner, interior walls to the face of the
//!   wall they butt against. Materials as tailplan names them: the exterior walls `concrete`
//!   (Stahlbeton), the drywall `drywall` (Gipskarton), the stair wall `brick` (Mauerwerk
//!   Ziegel), the curtain wall `glass`, 150 mm thick (its mullions' depth) on its axis, and
//!   the column `concrete`, as a short wall 0.4 m thick along its longer side (square: along
//!   the world's x);
//! - doors and windows: [one jamb, the other] on the wall's centreline, in the order of the
//!   wall's axis;
//! - rooms: the spaces' LongNames (what an importer names them; 'Büro' several times).

use tailplan_core::{GeoReference, Point};

use super::ifc_out::{Filler, Ifc, OpeningCut, Product, Setup, StraightWall, boolean};
use super::step_out::{Id, V, e, typed};
use super::{IfcDrawn, IntendedWall, Intent, StoreyIntent};

/// The model's origin (the site's reference point, 52.52° N, 13.405° E) on the ETRS89 / UTM
/// zone 33N grid, metres, as PROJ gives it (pyproj 3: `Transformer.from_crs("EPSG:4326",
/// "EPSG:25833", always_xy=True).transform(13.405, 52.52)`).
const GRID: [f64; 2] = [391_779.259_3, 5_820_072.159_1];
/// The model's x axis, degrees anticlockwise of grid east.
const X_AXIS_DEG: f64 = 12.0;
/// The grid's convergence at the site, degrees from true north clockwise to grid north
/// (PROJ's `get_factors(13.405, 52.52).meridian_convergence`).
const CONVERGENCE_DEG: f64 = -1.265_859;

/// The bearing of the model's y axis, degrees clockwise from true north.
fn y_bearing_deg() -> f64 {
    -X_AXIS_DEG + CONVERGENCE_DEG
}

/// Where the building is placed on the site, millimetres.
const ORIGIN: [f64; 2] = [10_000.0, 5_000.0];
/// Storey height and wall height (up to the next slab), millimetres.
const STOREY: f64 = 3_500.0;
const WALL_H: f64 = 3_250.0;
const SLAB: f64 = 250.0;
/// Exterior wall thickness, and its half.
const EXT: f64 = 320.0;
const HALF: f64 = 160.0;
/// Drywall and brick thickness.
const DRY: f64 = 100.0;
const BRICK: f64 = 175.0;

/// The world point (metres) of a building point (millimetres).
fn world(p: [f64; 2]) -> Point {
    Point::new((ORIGIN[0] - p[1]) / 1000.0, (ORIGIN[1] + p[0]) / 1000.0)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Exterior,
    Drywall,
    Brick,
}

impl Kind {
    fn thickness(self) -> f64 {
        match self {
            Kind::Exterior => EXT,
            Kind::Drywall => DRY,
            Kind::Brick => BRICK,
        }
    }

    fn material(self) -> &'static str {
        match self {
            Kind::Exterior => "concrete",
            Kind::Drywall => "drywall",
            Kind::Brick => "brick",
        }
    }

    fn type_name(self) -> &'static str {
        match self {
            Kind::Exterior => "Außenwand STB 200 + WD 120",
            Kind::Drywall => "Trockenbauwand GK 100",
            Kind::Brick => "Mauerwerk Ziegel 175",
        }
    }
}

/// How a wall is written.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Style {
    /// `IfcWall` with an axis and an extruded rectangle.
    Wall,
    /// `IfcWallStandardCase`, likewise.
    StandardCase,
    /// `IfcWall` with only a body: its footprint as an arbitrary profile.
    NoAxis,
    /// `IfcWall`, its body clipped by a sloping plane.
    Clipped,
}

/// A wall of a storey: its axis from `a` to `b` (building millimetres, axis-parallel), the
/// body running `ext` beyond each end.
#[derive(Debug, Clone, Copy)]
struct W {
    tag: &'static str,
    a: [f64; 2],
    b: [f64; 2],
    kind: Kind,
    style: Style,
    ext: (f64, f64),
}

const fn w(tag: &'static str, a: [f64; 2], b: [f64; 2], kind: Kind, style: Style) -> W {
    W {
        tag,
        a,
        b,
        kind,
        style,
        ext: (0.0, 0.0),
    }
}

impl W {
    fn length(&self) -> f64 {
        (self.b[0] - self.a[0]).abs() + (self.b[1] - self.a[1]).abs()
    }

    fn dir(&self) -> [f64; 2] {
        let l = self.length();
        [(self.b[0] - self.a[0]) / l, (self.b[1] - self.a[1]) / l]
    }

    /// The point `s` along the axis.
    fn at(&self, s: f64) -> [f64; 2] {
        let d = self.dir();
        [self.a[0] + d[0] * s, self.a[1] + d[1] * s]
    }

    /// Where along the axis the span `c0..c0 + width` of the building coordinate the wall
    /// runs along (x or y) starts.
    fn s0(&self, c0: f64, width: f64) -> f64 {
        let (start, d) = if self.a[1] == self.b[1] {
            (self.a[0], self.dir()[0])
        } else {
            (self.a[1], self.dir()[1])
        };
        let (s1, s2) = ((c0 - start) * d, (c0 + width - start) * d);
        let s0 = s1.min(s2);
        assert!(
            s0 >= 0.0 && s0 + width <= self.length(),
            "an opening beyond wall {}",
            self.tag
        );
        s0
    }
}

/// A door or window: in wall `wall` (its tag), from `c0` along the building coordinate the
/// wall runs along, `width` wide.
#[derive(Debug, Clone, Copy)]
struct O {
    wall: &'static str,
    c0: f64,
    width: f64,
    door: bool,
    tag: &'static str,
}

const fn door(tag: &'static str, wall: &'static str, c0: f64) -> O {
    O {
        wall,
        c0,
        width: 1010.0,
        door: true,
        tag,
    }
}

const fn window(tag: &'static str, wall: &'static str, c0: f64) -> O {
    O {
        wall,
        c0,
        width: 1510.0,
        door: false,
        tag,
    }
}

/// A space: its number, its LongName, its outline (building millimetres, x0 y0 x1 y1).
type S = (&'static str, &'static str, [f64; 4]);

/// The storeys: name, long name, elevation.
const STOREYS: [(&str, &str, f64); 2] = [
    ("EG", "Erdgeschoss", 0.0),
    ("OG 1", "1. Obergeschoss", STOREY),
];

use Kind::{Brick, Drywall, Exterior};
use Style::{Clipped, NoAxis, StandardCase, Wall};

/// Corners of the exterior walls' centreline.
const X0: f64 = HALF;
const X1: f64 = 24_000.0 - HALF;
const Y0: f64 = HALF;
const Y1: f64 = 12_000.0 - HALF;
/// Inner faces of the exterior walls.
const IX0: f64 = EXT;
const IX1: f64 = 24_000.0 - EXT;
const IY0: f64 = EXT;
const IY1: f64 = 12_000.0 - EXT;

/// The EG's walls. The south front is cut by the curtain wall (x 1200 to 4800).
fn eg_walls() -> Vec<W> {
    vec![
        W {
            ext: (HALF, 0.0),
            ..w("AW-01", [X1, Y0], [4_800.0, Y0], Exterior, Wall)
        },
        W {
            ext: (0.0, HALF),
            ..w("AW-02", [1_200.0, Y0], [X0, Y0], Exterior, Wall)
        },
        w("AW-03", [X0, Y0], [X0, Y1], Exterior, Wall),
        W {
            ext: (HALF, HALF),
            ..w("AW-04", [X0, Y1], [X1, Y1], Exterior, Wall)
        },
        w("AW-05", [X1, Y1], [X1, Y0], Exterior, Wall),
        w("IW-01", [IX0, 5_000.0], [IX1, 5_000.0], Drywall, Wall),
        w("IW-02", [IX0, 6_800.0], [IX1, 6_800.0], Drywall, Wall),
        w("IW-03", [6_000.0, IY0], [6_000.0, 4_950.0], Drywall, Wall),
        w("IW-04", [12_000.0, IY0], [12_000.0, 4_950.0], Drywall, Wall),
        w("IW-05", [18_000.0, IY0], [18_000.0, 4_950.0], Drywall, Wall),
        w("MW-01", [4_000.0, 6_850.0], [4_000.0, IY1], Brick, NoAxis),
        w("IW-06", [9_000.0, 6_850.0], [9_000.0, IY1], Drywall, Wall),
        // In the open-plan office, contained in its space.
        w("IW-07", [19_000.0, 9_500.0], [19_000.0, IY1], Drywall, Wall),
    ]
}

fn og_walls() -> Vec<W> {
    vec![
        W {
            ext: (HALF, HALF),
            ..w("AW-11", [X1, Y0], [X0, Y0], Exterior, Wall)
        },
        w("AW-12", [X0, Y0], [X0, Y1], Exterior, Wall),
        W {
            ext: (HALF, HALF),
            ..w("AW-13", [X0, Y1], [X1, Y1], Exterior, Wall)
        },
        w("AW-14", [X1, Y1], [X1, Y0], Exterior, Clipped),
        w(
            "IW-11",
            [IX0, 5_000.0],
            [IX1, 5_000.0],
            Drywall,
            StandardCase,
        ),
        w(
            "IW-12",
            [IX0, 6_800.0],
            [IX1, 6_800.0],
            Drywall,
            StandardCase,
        ),
        w(
            "IW-13",
            [6_000.0, IY0],
            [6_000.0, 4_950.0],
            Drywall,
            StandardCase,
        ),
        w(
            "IW-14",
            [12_000.0, IY0],
            [12_000.0, 4_950.0],
            Drywall,
            StandardCase,
        ),
        w(
            "IW-15",
            [18_000.0, IY0],
            [18_000.0, 4_950.0],
            Drywall,
            StandardCase,
        ),
        w(
            "IW-16",
            [4_000.0, 6_850.0],
            [4_000.0, IY1],
            Drywall,
            StandardCase,
        ),
    ]
}

fn eg_openings() -> Vec<O> {
    let mut o = vec![
        O {
            width: 1260.0,
            ..door("T0.00", "AW-03", 2_000.0)
        },
        door("T0.01", "IW-01", 3_000.0),
        door("T0.02", "IW-01", 10_500.0),
        door("T0.03", "IW-01", 16_500.0),
        door("T0.04", "IW-01", 18_500.0),
        door("T0.06", "IW-02", 1_500.0),
        door("T0.07", "IW-02", 5_000.0),
        door("T0.08a", "IW-02", 12_000.0),
        door("T0.08b", "IW-02", 21_000.0),
    ];
    for (k, x) in [7_000.0, 9_500.0, 13_000.0, 15_500.0, 19_000.0, 21_500.0]
        .into_iter()
        .enumerate()
    {
        o.push(window(
            ["F0.01", "F0.02", "F0.03", "F0.04", "F0.05", "F0.06"][k],
            "AW-01",
            x,
        ));
    }
    o.push(O {
        width: 1010.0,
        ..window("F0.07", "AW-04", 1_500.0)
    });
    for (k, x) in [5_750.0, 10_000.0, 13_000.0, 16_000.0, 20_000.0, 22_000.0]
        .into_iter()
        .enumerate()
    {
        o.push(window(
            ["F0.08", "F0.09", "F0.10", "F0.11", "F0.12", "F0.13"][k],
            "AW-04",
            x,
        ));
    }
    o.push(window("F0.14", "AW-05", 2_000.0));
    o.push(window("F0.15", "AW-05", 8_500.0));
    o
}

fn og_openings() -> Vec<O> {
    let mut o = vec![
        door("T1.01", "IW-11", 4_500.0),
        door("T1.02", "IW-11", 10_500.0),
        door("T1.03", "IW-11", 16_500.0),
        door("T1.04", "IW-11", 18_500.0),
        door("T1.06", "IW-12", 1_500.0),
        door("T1.07a", "IW-12", 8_000.0),
        door("T1.07b", "IW-12", 18_000.0),
    ];
    let south = [
        1_000.0, 3_500.0, 7_000.0, 9_500.0, 13_000.0, 15_500.0, 19_000.0, 21_500.0,
    ];
    let tags = [
        "F1.01", "F1.02", "F1.03", "F1.04", "F1.05", "F1.06", "F1.07", "F1.08",
    ];
    for (tag, x) in tags.into_iter().zip(south) {
        o.push(window(tag, "AW-11", x));
    }
    o.push(O {
        width: 1010.0,
        ..window("F1.09", "AW-13", 1_500.0)
    });
    let north = [5_500.0, 8_500.0, 11_500.0, 14_500.0, 17_500.0, 20_500.0];
    let tags = ["F1.10", "F1.11", "F1.12", "F1.13", "F1.14", "F1.15"];
    for (tag, x) in tags.into_iter().zip(north) {
        o.push(window(tag, "AW-13", x));
    }
    o.push(window("F1.16", "AW-14", 2_000.0));
    o.push(window("F1.17", "AW-14", 8_500.0));
    o.push(window("F1.18", "AW-12", 1_500.0));
    o
}

const EG_SPACES: [S; 8] = [
    ("0.01", "Empfang", [IX0, IY0, 5_950.0, 4_950.0]),
    ("0.02", "Büro", [6_050.0, IY0, 11_950.0, 4_950.0]),
    ("0.03", "Büro", [12_050.0, IY0, 17_950.0, 4_950.0]),
    ("0.04", "Besprechung", [18_050.0, IY0, IX1, 4_950.0]),
    ("0.05", "Flur", [IX0, 5_050.0, IX1, 6_750.0]),
    ("0.06", "Treppenhaus", [IX0, 6_850.0, 3_912.5, IY1]),
    ("0.07", "Teeküche", [4_087.5, 6_850.0, 8_950.0, IY1]),
    ("0.08", "Großraumbüro", [9_050.0, 6_850.0, IX1, IY1]),
];

const OG_SPACES: [S; 7] = [
    ("1.01", "Büro", [IX0, IY0, 5_950.0, 4_950.0]),
    ("1.02", "Büro", [6_050.0, IY0, 11_950.0, 4_950.0]),
    ("1.03", "Büro", [12_050.0, IY0, 17_950.0, 4_950.0]),
    ("1.04", "Besprechung", [18_050.0, IY0, IX1, 4_950.0]),
    ("1.05", "Flur", [IX0, 5_050.0, IX1, 6_750.0]),
    ("1.06", "Treppenhaus", [IX0, 6_850.0, 3_950.0, IY1]),
    ("1.07", "Großraumbüro", [4_050.0, 6_850.0, IX1, IY1]),
];

/// The curtain wall of the EG's entrance hall: its axis (building mm), mullion depth.
const CURTAIN: ([f64; 2], [f64; 2]) = ([4_800.0, Y0], [1_200.0, Y0]);
const MULLION: (f64, f64) = (50.0, 150.0);
const PANE: f64 = 24.0;
/// The EG's column: its centre (building mm) and side.
const COLUMN: ([f64; 2], f64) = ([16_000.0, 9_300.0], 400.0);

/// Draws the building; see the module documentation.
pub fn kontor_ifc() -> IfcDrawn {
    let mut ifc = Ifc::new(&Setup {
        file_name: "kontor.ifc",
        guid_prefix: 0x4B4F_4E54_4F52_0000_0000_0001,
        family_name: "Muster",
        given_name: "Erika",
        organization: "Planungsbüro Muster & Partner",
        project: [
            "Kontor",
            "Zweigeschossiges Bürogebäude",
            "Bürogebäude Kontor, Berlin-Mitte",
            "Entwurfsplanung",
        ],
        millimetres: true,
        precision: 1e-5,
        // True north is the y axis turned anticlockwise by the y axis's bearing.
        true_north: {
            let (sin, cos) = y_bearing_deg().to_radians().sin_cos();
            [-sin, cos]
        },
    });
    map_conversion(&mut ifc);
    let mut b = Builder::new(&mut ifc);
    let drawn_storeys = b.storeys();
    let bytes = ifc.finish();
    IfcDrawn {
        bytes,
        storeys: drawn_storeys,
        georef: Some(GeoReference {
            north_deg: y_bearing_deg(),
            ..GeoReference::north_up(13.405, 52.52)
        }),
    }
}

/// The model context's `IfcMapConversion` to ETRS89 / UTM zone 33N.
fn map_conversion(ifc: &mut Ifc) {
    let metre = ifc.add(
        "IFCSIUNIT",
        vec![V::Derived, e("LENGTHUNIT"), V::Unset, e("METRE")],
    );
    let crs = ifc.add(
        "IFCPROJECTEDCRS",
        vec![
            "EPSG:25833".into(),
            "ETRS89 / UTM zone 33N".into(),
            "ETRS89".into(),
            "DHHN2016".into(),
            "UTM".into(),
            "33N".into(),
            metre.into(),
        ],
    );
    let (sin, cos) = X_AXIS_DEG.to_radians().sin_cos();
    let model = ifc.model_ctx;
    ifc.add(
        "IFCMAPCONVERSION",
        vec![
            model.into(),
            crs.into(),
            GRID[0].into(),
            GRID[1].into(),
            34.0.into(),
            cos.into(),
            sin.into(),
            0.001.into(),
        ],
    );
}

/// The elements of one wall kind (for their material usage and property set).
#[derive(Debug, Default)]
struct ByKind {
    exterior: Vec<Id>,
    drywall: Vec<Id>,
    brick: Vec<Id>,
}

impl ByKind {
    fn of(&mut self, k: Kind) -> &mut Vec<Id> {
        match k {
            Exterior => &mut self.exterior,
            Drywall => &mut self.drywall,
            Brick => &mut self.brick,
        }
    }
}

struct Builder<'a> {
    ifc: &'a mut Ifc,
    walls: ByKind,
    slabs: Vec<Id>,
    /// (material name, elements) for `IfcMaterial` associations.
    materials: Vec<(&'static str, Vec<Id>)>,
}

impl<'a> Builder<'a> {
    fn new(ifc: &'a mut Ifc) -> Self {
        Builder {
            ifc,
            walls: ByKind::default(),
            slabs: Vec::new(),
            materials: Vec::new(),
        }
    }

    fn made_of(&mut self, material: &'static str, element: Id) {
        match self.materials.iter_mut().find(|(m, _)| *m == material) {
            Some((_, ids)) => ids.push(element),
            None => self.materials.push((material, vec![element])),
        }
    }

    /// Writes the site, the building, the storeys and everything in them; returns the
    /// intent.
    fn storeys(&mut self) -> Vec<StoreyIntent> {
        let ifc = &mut *self.ifc;
        let site_pl = ifc.local(None, [0.0; 3], None);
        let site = ifc.rooted(
            "IFCSITE",
            vec![
                "Gelände".into(),
                V::Unset,
                V::Unset,
                site_pl.into(),
                V::Unset,
                "Grundstück Kontor".into(),
                e("ELEMENT"),
                V::List(vec![52i64.into(), 31i64.into(), 12i64.into(), 0i64.into()]),
                V::List(vec![13i64.into(), 24i64.into(), 18i64.into(), 0i64.into()]),
                34_000.0.into(),
                V::Unset,
                V::Unset,
            ],
        );
        let building_pl = ifc.local(Some(site_pl), [ORIGIN[0], ORIGIN[1], 0.0], Some([0.0, 1.0]));
        let building = ifc.rooted(
            "IFCBUILDING",
            vec![
                "Kontor".into(),
                V::Unset,
                V::Unset,
                building_pl.into(),
                V::Unset,
                "Bürogebäude Kontor".into(),
                e("ELEMENT"),
                V::Unset,
                V::Unset,
                V::Unset,
            ],
        );
        let mut storey_ids = Vec::new();
        let mut storey_pls = Vec::new();
        for (name, long_name, elevation) in STOREYS {
            let pl = ifc.local(Some(building_pl), [0.0, 0.0, elevation], None);
            let id = ifc.rooted(
                "IFCBUILDINGSTOREY",
                vec![
                    name.into(),
                    V::Unset,
                    V::Unset,
                    pl.into(),
                    V::Unset,
                    long_name.into(),
                    e("ELEMENT"),
                    elevation.into(),
                ],
            );
            storey_ids.push(id);
            storey_pls.push(pl);
        }
        let project = ifc.project;
        ifc.aggregates("Project Container", project, &[site]);
        ifc.aggregates("Site Container", site, &[building]);
        ifc.aggregates("Building Container", building, &storey_ids);

        let mut out = Vec::new();
        for (level, (name, _, elevation)) in STOREYS.into_iter().enumerate() {
            let intent = self.storey(level, storey_ids[level], storey_pls[level]);
            out.push(StoreyIntent {
                name: name.to_owned(),
                elevation_m: elevation / 1000.0,
                intent,
            });
        }
        self.relate_materials();
        out
    }

    /// One storey's spaces and elements.
    fn storey(&mut self, level: usize, storey: Id, pl: Id) -> Intent {
        let mut intent = Intent::default();
        let (walls, openings, spaces): (Vec<W>, Vec<O>, &[S]) = if level == 0 {
            (eg_walls(), eg_openings(), &EG_SPACES)
        } else {
            (og_walls(), og_openings(), &OG_SPACES)
        };
        let ifc = &mut *self.ifc;

        // Spaces first, aggregated to the storey.
        let mut space_ids = Vec::new();
        for &(number, long_name, [x0, y0, x1, y1]) in spaces {
            let space_pl = ifc.local(Some(pl), [x0, y0, 0.0], None);
            let ring = [
                [0.0, 0.0],
                [x1 - x0, 0.0],
                [x1 - x0, y1 - y0],
                [0.0, y1 - y0],
            ];
            let curve = if long_name == "Flur" {
                let list = V::List(
                    ring.iter()
                        .map(|p| V::List(vec![p[0].into(), p[1].into()]))
                        .collect(),
                );
                let points = ifc.add("IFCCARTESIANPOINTLIST2D", vec![list]);
                let segments = V::List(vec![typed(
                    "IFCLINEINDEX",
                    V::List((1..=4).chain([1]).map(V::Int).collect()),
                )]);
                ifc.add("IFCINDEXEDPOLYCURVE", vec![points.into(), segments, e("F")])
            } else {
                let mut closed = ring.to_vec();
                closed.push(ring[0]);
                ifc.polyline(&closed)
            };
            let profile = ifc.closed_profile(curve);
            let solid = ifc.extrude_up(profile, 0.0, WALL_H);
            let shape = ifc.body_shape(None, solid, "SweptSolid");
            let id = ifc.rooted(
                "IFCSPACE",
                vec![
                    number.into(),
                    V::Unset,
                    V::Unset,
                    space_pl.into(),
                    shape.into(),
                    long_name.into(),
                    e("ELEMENT"),
                    e("SPACE"),
                    V::Unset,
                ],
            );
            space_ids.push(id);
            intent.rooms.push(long_name.to_owned());
        }
        ifc.aggregates("Storey Container", storey, &space_ids);

        let mut contained = Vec::new();
        let mut in_space = Vec::new();

        // The slab under the storey.
        let slab_pl = ifc.local(Some(pl), [0.0; 3], None);
        let outline = ifc.polyline(&[
            [0.0, 0.0],
            [24_000.0, 0.0],
            [24_000.0, 12_000.0],
            [0.0, 12_000.0],
            [0.0, 0.0],
        ]);
        let profile = ifc.closed_profile(outline);
        let pos = ifc.a2p3([0.0; 3], None, None);
        let solid = ifc.extrude(profile, pos, [0.0, 0.0, -1.0], SLAB);
        let shape = ifc.body_shape(None, solid, "SweptSolid");
        let name = if level == 0 {
            "Bodenplatte STB 250"
        } else {
            "Geschossdecke STB 250"
        };
        let slab = ifc.element(
            "IFCSLAB",
            Product {
                name,
                object_type: Some("Decke STB 250"),
                placement: slab_pl,
                shape: Some(shape),
                tag: Some(if level == 0 { "DE-00" } else { "DE-01" }),
            },
            vec![e("FLOOR")],
        );
        contained.push(slab);
        self.slabs.push(slab);

        // Walls, and the doors and windows in them.
        let mut placed: Vec<(W, Id, Id)> = Vec::new();
        for wall in &walls {
            let ifc = &mut *self.ifc;
            let t = wall.kind.thickness();
            let (id, wall_pl) = if wall.style == NoAxis {
                // Placed at its footprint's first corner without turning; the footprint as
                // an arbitrary profile.
                let (xa, xb) = (wall.a[0].min(wall.b[0]), wall.a[0].max(wall.b[0]));
                let (ya, yb) = (wall.a[1].min(wall.b[1]), wall.a[1].max(wall.b[1]));
                let (x0, y0, x1, y1) = if xa == xb {
                    (xa - t / 2.0, ya, xa + t / 2.0, yb)
                } else {
                    (xa, ya - t / 2.0, xb, ya + t / 2.0)
                };
                let wall_pl = ifc.local(Some(pl), [x0, y0, 0.0], None);
                let (w, h) = (x1 - x0, y1 - y0);
                let curve = ifc.polyline(&[[0.0, 0.0], [w, 0.0], [w, h], [0.0, h], [0.0, 0.0]]);
                let profile = ifc.closed_profile(curve);
                let solid = ifc.extrude_up(profile, 0.0, WALL_H);
                let shape = ifc.body_shape(None, solid, "SweptSolid");
                let id = ifc.element(
                    "IFCWALL",
                    Product {
                        name: wall.kind.type_name(),
                        object_type: Some(wall.kind.type_name()),
                        placement: wall_pl,
                        shape: Some(shape),
                        tag: Some(wall.tag),
                    },
                    vec![e("STANDARD")],
                );
                (id, wall_pl)
            } else {
                let len = wall.length();
                ifc.straight_wall(&StraightWall {
                    entity: if wall.style == StandardCase {
                        "IFCWALLSTANDARDCASE"
                    } else {
                        "IFCWALL"
                    },
                    name: wall.kind.type_name(),
                    object_type: Some(wall.kind.type_name()),
                    tag: Some(wall.tag),
                    rel: pl,
                    start: wall.a,
                    dir: wall.dir(),
                    length: len,
                    body: (-wall.ext.0, len + wall.ext.1),
                    thickness: t,
                    height: WALL_H,
                    axis: true,
                    clip_top: (wall.style == Clipped).then_some((WALL_H, WALL_H - 500.0)),
                })
            };
            if wall.tag == "IW-07" {
                in_space.push(id);
            } else {
                contained.push(id);
            }
            self.walls.of(wall.kind).push(id);
            intent.walls.push(IntendedWall {
                a: world(wall.a),
                b: world(wall.b),
                thickness_m: t / 1000.0,
                material: wall.kind.material(),
            });
            placed.push((*wall, id, wall_pl));
        }
        for o in &openings {
            let (wall, wall_id, wall_pl) = placed
                .iter()
                .find(|(w, _, _)| w.tag == o.wall)
                .copied()
                .expect("the opening's wall");
            let s0 = wall.s0(o.c0, o.width);
            let t = wall.kind.thickness();
            let (height, sill) = match (o.door, o.width) {
                (true, w) if w > 1010.0 => (2_260.0, 0.0),
                (true, _) => (2_135.0, 0.0),
                (false, _) => (1_385.0, 900.0),
            };
            let ifc = &mut *self.ifc;
            let (opening, opening_pl) = ifc.opening(
                wall_id,
                wall_pl,
                &OpeningCut {
                    name: if o.door {
                        "Öffnung Tür"
                    } else {
                        "Öffnung Fenster"
                    },
                    s0,
                    sill,
                    width: o.width,
                    height,
                    thickness: t,
                    across: o.door,
                },
            );
            let (name, object_type) = match (o.door, o.width) {
                (true, w) if w > 1010.0 => ("Eingangstür 1260 x 2260", "Eingangstür"),
                (true, _) => ("Innentür 1010 x 2135", "Innentür einflügelig"),
                (false, w) if w < 1510.0 => ("Fenster 1010 x 1385", "Fenster einflügelig"),
                (false, _) => ("Fenster 1510 x 1385", "Fenster einflügelig"),
            };
            let filler = ifc.filler(
                opening,
                opening_pl,
                &Filler {
                    door: o.door,
                    name,
                    object_type: Some(object_type),
                    tag: Some(o.tag),
                    width: o.width,
                    height,
                    depth: if o.door { 50.0 } else { 70.0 },
                },
            );
            contained.push(filler);
            let jambs = [world(wall.at(s0)), world(wall.at(s0 + o.width))];
            if o.door {
                intent.doors.push(jambs);
            } else {
                intent.windows.push(jambs);
            }
        }

        if level == 0 {
            contained.push(self.curtain_wall(pl, &mut intent));
            contained.push(self.column(pl, &mut intent));
            let ifc = &mut *self.ifc;
            // A desk in office 0.02.
            let desk_pl = ifc.local(Some(pl), [8_000.0, 2_000.0, 0.0], None);
            let solid = ifc.block([800.0, 400.0], 1_600.0, 800.0, 0.0, 750.0);
            let shape = ifc.body_shape(None, solid, "SweptSolid");
            let desk = ifc.element(
                "IFCFURNISHINGELEMENT",
                Product {
                    name: "Schreibtisch 160 x 80",
                    object_type: Some("Schreibtisch"),
                    placement: desk_pl,
                    shape: Some(shape),
                    tag: Some("M-001"),
                },
                vec![],
            );
            contained.push(desk);
        } else {
            let ifc = &mut *self.ifc;
            // A ceiling light in the corridor, a server cabinet by the stair.
            let light_pl = ifc.local(Some(pl), [12_000.0, 5_900.0, 3_000.0], None);
            let solid = ifc.block([0.0, 0.0], 600.0, 600.0, 0.0, 100.0);
            let shape = ifc.body_shape(None, solid, "SweptSolid");
            let light = ifc.element(
                "IFCFLOWTERMINAL",
                Product {
                    name: "Deckenleuchte LED 600",
                    object_type: Some("Leuchte"),
                    placement: light_pl,
                    shape: Some(shape),
                    tag: Some("L-101"),
                },
                vec![],
            );
            let cab_pl = ifc.local(Some(pl), [4_500.0, 11_000.0, 0.0], None);
            let solid = ifc.block([300.0, 0.0], 600.0, 1_000.0, 0.0, 2_000.0);
            let shape = ifc.body_shape(None, solid, "SweptSolid");
            let cabinet = ifc.element(
                "IFCBUILDINGELEMENTPROXY",
                Product {
                    name: "Serverschrank 42 HE",
                    object_type: Some("Serverschrank"),
                    placement: cab_pl,
                    shape: Some(shape),
                    tag: Some("IT-101"),
                },
                vec![e("ELEMENT")],
            );
            contained.extend([light, cabinet]);
        }

        let ifc = &mut *self.ifc;
        ifc.contains(storey, &contained);
        if !in_space.is_empty() {
            // The open-plan office 0.08.
            ifc.contains(space_ids[7], &in_space);
        }
        intent
    }

    /// The EG's curtain wall: no body of its own, mullions and panes as parts.
    fn curtain_wall(&mut self, pl: Id, intent: &mut Intent) -> Id {
        let ifc = &mut *self.ifc;
        let (a, b) = CURTAIN;
        let len = (b[0] - a[0]).abs();
        let cw_pl = ifc.local(Some(pl), [a[0], a[1], 0.0], Some([-1.0, 0.0]));
        let cw = ifc.element(
            "IFCCURTAINWALL",
            Product {
                name: "Pfosten-Riegel-Fassade Eingang",
                object_type: Some("Pfosten-Riegel-Fassade"),
                placement: cw_pl,
                shape: None,
                tag: Some("FA-01"),
            },
            vec![e("NOTDEFINED")],
        );
        let (mw, md) = MULLION;
        let mut parts = Vec::new();
        let mullions = [0.0, 1_175.0, 2_375.0, len - mw];
        for (k, &s) in mullions.iter().enumerate() {
            let part_pl = ifc.local(Some(cw_pl), [s, 0.0, 0.0], None);
            let solid = ifc.block([mw / 2.0, 0.0], mw, md, 0.0, WALL_H);
            let shape = ifc.body_shape(None, solid, "SweptSolid");
            let tag = format!("FA-01-P{}", k + 1);
            let m = ifc.element(
                "IFCMEMBER",
                Product {
                    name: "Pfosten 50 x 150",
                    object_type: Some("Pfosten"),
                    placement: part_pl,
                    shape: Some(shape),
                    tag: Some(&tag),
                },
                vec![e("MULLION")],
            );
            parts.push(m);
        }
        for k in 0..3 {
            let (s0, s1) = (mullions[k] + mw, mullions[k + 1]);
            let part_pl = ifc.local(Some(cw_pl), [s0, 0.0, 0.0], None);
            let solid = ifc.block([(s1 - s0) / 2.0, 0.0], s1 - s0, PANE, 0.0, WALL_H);
            let shape = ifc.body_shape(None, solid, "SweptSolid");
            let tag = format!("FA-01-G{}", k + 1);
            let p = ifc.element(
                "IFCPLATE",
                Product {
                    name: "Isolierverglasung 24 mm",
                    object_type: Some("Verglasung"),
                    placement: part_pl,
                    shape: Some(shape),
                    tag: Some(&tag),
                },
                vec![e("CURTAIN_PANEL")],
            );
            parts.push(p);
        }
        self.ifc.aggregates("Curtain Wall Parts", cw, &parts);
        for (k, &part) in parts.iter().enumerate() {
            self.made_of(
                if k < mullions.len() {
                    "Aluminium"
                } else {
                    "Glas"
                },
                part,
            );
        }
        intent.walls.push(IntendedWall {
            a: world(a),
            b: world(b),
            thickness_m: md / 1000.0,
            material: "glass",
        });
        cw
    }

    /// The EG's column.
    fn column(&mut self, pl: Id, intent: &mut Intent) -> Id {
        let ifc = &mut *self.ifc;
        let ([cx, cy], side) = COLUMN;
        let col_pl = ifc.local(Some(pl), [cx, cy, 0.0], None);
        let solid = ifc.block([0.0, 0.0], side, side, 0.0, WALL_H);
        let shape = ifc.body_shape(None, solid, "SweptSolid");
        let col = ifc.element(
            "IFCCOLUMN",
            Product {
                name: "Stütze STB 40 x 40",
                object_type: Some("Stütze STB 40 x 40"),
                placement: col_pl,
                shape: Some(shape),
                tag: Some("ST-01"),
            },
            vec![e("COLUMN")],
        );
        self.made_of("Beton", col);
        // Square: a short wall along the world's x through its centre.
        let c = world([cx, cy]);
        let h = side / 2000.0;
        intent.walls.push(IntendedWall {
            a: Point::new(c.x - h, c.y),
            b: Point::new(c.x + h, c.y),
            thickness_m: side / 1000.0,
            material: "concrete",
        });
        col
    }

    /// The material layer set usages of the walls and slabs, the plain materials, the walls'
    /// property sets.
    fn relate_materials(&mut self) {
        let ifc = &mut *self.ifc;
        let sets = [
            (
                Exterior,
                ifc.layer_set(
                    Exterior.type_name(),
                    &[("Stahlbeton", 200.0), ("Dämmung", 120.0)],
                ),
            ),
            (
                Drywall,
                ifc.layer_set(
                    Drywall.type_name(),
                    &[
                        ("Gipskarton", 12.5),
                        ("Metallständerwerk", 75.0),
                        ("Gipskarton", 12.5),
                    ],
                ),
            ),
            (
                Brick,
                ifc.layer_set(Brick.type_name(), &[("Mauerwerk Ziegel", BRICK)]),
            ),
        ];
        for (kind, set) in sets {
            let usage = ifc.layer_usage(set, "AXIS2", "POSITIVE", -kind.thickness() / 2.0);
            let walls = self.walls.of(kind).clone();
            ifc.associates(&walls, usage);
        }
        let slab_set = ifc.layer_set("Decke STB 250", &[("Stahlbeton", SLAB)]);
        let usage = ifc.layer_usage(slab_set, "AXIS3", "NEGATIVE", 0.0);
        ifc.associates(&self.slabs, usage);
        for (name, ids) in &self.materials {
            let m = ifc.material(name, None);
            ifc.associates(ids, m);
        }
        for (kind, external, load_bearing) in [
            (Exterior, true, true),
            (Drywall, false, false),
            (Brick, false, true),
        ] {
            let walls = self.walls.of(kind).clone();
            ifc.pset(
                "Pset_WallCommon",
                vec![
                    ("Reference", typed("IFCIDENTIFIER", kind.type_name())),
                    ("IsExternal", boolean(external)),
                    ("LoadBearing", boolean(load_bearing)),
                ],
                &walls,
            );
        }
    }
}
