//! `office-wing.dxf`: level 1 of an office wing, drawn as an architect draws it in AutoCAD
//! (R2013, millimetres, AIA layers).
//!
//! 36.0 x 15.0 m outside, a concrete facade 300 mm thick with a rounded north-east corner and
//! the entrance in the west front; a reception hall at the west end, a corridor east to an
//! open-plan office at the curved end, six offices on the south side; on the north side a
//! concrete stair core, two WCs, a kitchen, a copy room with a riser shaft, two meeting rooms.
//!
//! | layer | what is on it | how it is drawn |
//! |---|---|---|
//! | `A-WALL-EXTR` | the facade | one closed LWPOLYLINE around the wall (outer face, entrance jambs, inner face), bulges at the curved corner |
//! | `A-WALL` | partitions, corridor walls | both faces as LINEs, trimmed at junctions, jambs at door gaps; the office partitions as closed thin rectangles; a curved screen in the hall as a SPLINE |
//! | `A-WALL-CORE` | stair core and riser shaft (concrete) | SOLID HATCHes only: polyline and line-edge boundaries |
//! | `S-COLS` | two round columns | CIRCLEs |
//! | `A-DOOR` | door leaves and swings | INSERTs of `DOOR-SGL` (scaled, rotated, mirrored) and `DOOR-DBL` (two nested `DOOR-SGL`) |
//! | `A-GLAZ` | windows | INSERTs of `WIN` (two glass lines), arrays along the fronts |
//! | `A-AREA` | room outlines | closed LWPOLYLINEs (a bulge at the curved corner) |
//! | `A-AREA-IDEN` | room names and numbers | MTEXT with formatting codes, TEXT with `%%` codes |
//! | `A-FURN` | desks, chairs, tables, workstations | nested blocks, MINSERT arrays, CIRCLEs, bulged polylines |
//! | `A-FLOR-STRS`, `A-FLOR-PATT` | stair treads, WC floor tiles | a MINSERT array of a tread; a pattern HATCH |
//! | `S-GRID` | the structural grid | LINEs, bubbles as CIRCLEs with TEXT |

use dxf::enums::{AcadVersion, Units};

use super::dxf_out::{
    Boundary, DxfDoc, P, Ref, arc, circle, line, lwpolyline, mtext, on, ring, spline, text,
};
use super::outline::{self, Rect};
use super::{Drawn, Intent, Leaf, intend, intend_rect, mpt};
use crate::plan::Mm;

/// The bulge of a quarter circle: tan(90° / 4).
const QUARTER: f64 = 0.414_213_562_373_095_1;

fn p(x: Mm, y: Mm) -> P {
    (x as f64, y as f64)
}

/// Offices on the south side: (x0, x1) between partitions, and their numbers.
const OFFICES: [(Mm, Mm, &str); 6] = [
    (7250, 10750, "1.03"),
    (10850, 14350, "1.04"),
    (14450, 17950, "1.05"),
    (18050, 21550, "1.06"),
    (21650, 25150, "1.07"),
    (25250, 28750, "1.08"),
];

/// Draws the wing; see the module documentation.
pub fn office_wing_dxf() -> Drawn {
    let mut doc = DxfDoc::new(AcadVersion::R2013, Units::Millimeters);
    for (name, color) in [
        ("A-WALL-EXTR", 1),
        ("A-WALL", 7),
        ("A-WALL-CORE", 8),
        ("S-COLS", 8),
        ("S-GRID", 9),
        ("A-DOOR", 3),
        ("A-GLAZ", 4),
        ("A-AREA", 6),
        ("A-AREA-IDEN", 2),
        ("A-FURN", 30),
        ("A-FLOR-STRS", 5),
        ("A-FLOR-PATT", 253),
    ] {
        doc.layer(name, color);
    }
    let mut intent = Intent::default();
    blocks(&mut doc);

    // The facade: one closed outline around the wall, entrance gap in the west front.
    let (w, h, t) = (36_000, 15_000, 300);
    let facade = [
        (p(0, 6075), 0.0),
        (p(0, 0), 0.0),
        (p(w, 0), 0.0),
        (p(w, 12_000), QUARTER),
        (p(33_000, h), 0.0),
        (p(0, h), 0.0),
        (p(0, 7875), 0.0),
        (p(t, 7875), 0.0),
        (p(t, h - t), 0.0),
        (p(33_000, h - t), -QUARTER),
        (p(w - t, 12_000), 0.0),
        (p(w - t, t), 0.0),
        (p(t, t), 0.0),
        (p(t, 6075), 0.0),
    ];
    doc.add("A-WALL-EXTR", lwpolyline(&facade, true));
    for (a, b) in [
        ((150, 150), (35_850, 150)),
        ((35_850, 150), (35_850, 12_000)),
        ((150, 14_850), (33_000, 14_850)),
        ((150, 150), (150, 6075)),
        ((150, 7875), (150, 14_850)),
    ] {
        intend(&mut intent, a, b, 300, "concrete");
    }

    // Partitions and corridor walls: both faces, trimmed where they meet, gaps at the doors.
    let drawn = [
        Rect::h(6000, 7150, 28_850, 150),   // corridor, south side
        Rect::h(7950, 11_500, 28_850, 150), // corridor, north side
        Rect::v(7200, 300, 5925, 100),      // hall | office 1.03
        Rect::v(28_800, 300, 5925, 100),    // office 1.08 | open plan
        Rect::v(13_200, 8025, 14_700, 100), // WC | WC
        Rect::v(15_000, 8025, 14_700, 100),
        Rect::v(18_600, 8025, 14_700, 100),
        Rect::v(21_600, 8025, 14_700, 100),
        Rect::v(25_200, 8025, 14_700, 100),
        Rect::v(28_800, 8025, 14_700, 100),
    ];
    for r in &drawn {
        intend_rect(&mut intent, r, "drywall");
    }
    let mut leaves = Vec::new();
    for &(_, x1, _) in &OFFICES {
        leaves.push(Leaf {
            hinge: (x1 - 250, 5925),
            along: (-1, 0),
            swing: (0, -1),
            width: 900,
        });
    }
    for x in [11_700, 13_450, 18_850, 21_850, 25_450] {
        leaves.push(Leaf {
            hinge: (x, 8025),
            along: (1, 0),
            swing: (0, 1),
            width: 900,
        });
    }
    let mut gaps: Vec<Rect> = leaves
        .iter()
        .map(|l| {
            let (a, b) = (l.hinge, l.jamb());
            let y = if a.1 < 7000 { 6000 } else { 7950 };
            Rect::new(a.0, y - 75, b.0, y + 75)
        })
        .collect();
    gaps.push(Rect::new(15_900, 7875, 17_700, 8025)); // the kitchen's double door
    for (a, b) in outline::lines(&drawn, &gaps) {
        doc.add("A-WALL", line(p(a.0, a.1), p(b.0, b.1)));
    }
    // The partitions between the south offices: closed thin rectangles.
    for &(x0, _, _) in &OFFICES[1..] {
        let r = Rect::v(x0 - 50, 300, 5925, 100);
        let pts: Vec<P> = r.ring().into_iter().map(|(x, y)| p(x, y)).collect();
        doc.add("A-WALL", ring(&pts));
        intend_rect(&mut intent, &r, "drywall");
    }
    // A curved acoustic screen behind the reception desk: one line, a cubic spline.
    doc.add(
        "A-WALL",
        spline(
            3,
            &[
                p(1800, 9600),
                p(2400, 11_400),
                p(4200, 12_300),
                p(5600, 11_900),
                p(6200, 10_800),
            ],
        ),
    );

    // The concrete stair core and the riser shaft: solid hatches, no lines.
    let core = [
        Rect::v(7200, 7875, 14_700, 200),
        Rect::v(11_400, 7875, 14_700, 200),
        Rect::h(7975, 7100, 11_500, 200),
    ];
    let core_door = Rect::new(8800, 7875, 9800, 8075);
    let loops = outline::loops(&core, &[core_door])
        .into_iter()
        .map(|r| Boundary::Polyline(r.into_iter().map(|(x, y)| (p(x, y), 0.0)).collect()))
        .collect();
    doc.hatch("A-WALL-CORE", None, loops);
    for r in &core {
        intend_rect(&mut intent, r, "concrete");
    }
    // The riser shaft: three walls against the facade, a U of line edges.
    let shaft = [
        (20_200, 14_700),
        (20_200, 13_500),
        (21_400, 13_500),
        (21_400, 14_700),
        (21_250, 14_700),
        (21_250, 13_650),
        (20_350, 13_650),
        (20_350, 14_700),
    ];
    doc.hatch(
        "A-WALL-CORE",
        None,
        vec![Boundary::Lines(
            shaft.iter().map(|&(x, y)| p(x, y)).collect(),
        )],
    );
    for (a, b) in [
        ((20_200, 13_575), (21_400, 13_575)),
        ((20_275, 13_500), (20_275, 14_700)),
        ((21_325, 13_500), (21_325, 14_700)),
    ] {
        intend(&mut intent, a, b, 150, "concrete");
    }
    for c in [(34_200, 4500), (34_200, 9000)] {
        doc.add("S-COLS", circle(p(c.0, c.1), 300.0));
    }

    // Doors.
    leaves.push(Leaf {
        hinge: (8800, 8075),
        along: (1, 0),
        swing: (0, 1),
        width: 1000,
    });
    for l in &leaves {
        let (rotation, mirror) = l.placement();
        let s = l.width as f64 / 1000.0;
        let r = Ref::new("DOOR-SGL", p(l.hinge.0, l.hinge.1))
            .rotated(rotation)
            .scaled(s, s * mirror);
        doc.add("A-DOOR", r.entity());
        intent.doors.push(l.intent());
    }
    // Double doors: the kitchen, and the entrance (opening outwards).
    for (at, along, swing) in [
        ((15_900, 8025), (1, 0), (0, 1)),
        ((0, 6075), (0, 1), (-1, 0)),
    ] {
        let pair = Leaf {
            hinge: at,
            along,
            swing,
            width: 1800,
        };
        let (rotation, mirror) = pair.placement();
        let r = Ref::new("DOOR-DBL", p(at.0, at.1))
            .rotated(rotation)
            .scaled(0.9, 0.9 * mirror);
        doc.add("A-DOOR", r.entity());
        let (j, mid) = (
            mpt(pair.jamb()),
            mpt((at.0 + along.0 * 900, at.1 + along.1 * 900)),
        );
        intent.doors.push([mpt(at), mid]);
        intent.doors.push([j, mid]);
    }

    // Windows: the WIN block is 1 m long, scaled to the window; arrays along the fronts.
    let windows: [(P, f64, f64, i16, f64); 13] = [
        // (centre of the first, rotation, width, count, spacing)
        (p(9000, 150), 0.0, 1800.0, 6, 3600.0),
        (p(2000, 150), 0.0, 2400.0, 2, 3400.0),
        (p(30_800, 150), 0.0, 2400.0, 2, 3400.0),
        (p(2000, 14_850), 0.0, 2400.0, 2, 3400.0),
        (p(9300, 14_850), 0.0, 1200.0, 1, 0.0),
        (p(12_325, 14_850), 0.0, 600.0, 2, 1775.0),
        (p(16_800, 14_850), 0.0, 1800.0, 1, 0.0),
        (p(19_400, 14_850), 0.0, 1200.0, 1, 0.0),
        (p(23_400, 14_850), 0.0, 1800.0, 2, 3600.0),
        (p(30_600, 14_850), 0.0, 2400.0, 1, 0.0),
        (p(35_850, 2400), 90.0, 2400.0, 3, 3400.0),
        (p(150, 2800), 90.0, 2400.0, 1, 0.0),
        (p(150, 11_200), 90.0, 2400.0, 1, 0.0),
    ];
    for (at, rotation, width, count, spacing) in windows {
        let r = Ref::new("WIN", at)
            .rotated(rotation)
            .scaled(width / 1000.0, 1.0)
            .array(count, 1, spacing, 0.0);
        doc.add("A-GLAZ", r.entity());
        let (dx, dy) = if rotation == 0.0 {
            (1.0, 0.0)
        } else {
            (0.0, 1.0)
        };
        for k in 0..count {
            let c = (
                at.0 + dx * spacing * f64::from(k),
                at.1 + dy * spacing * f64::from(k),
            );
            let half = width / 2.0;
            intent.windows.push([
                tailplan_core::Point::new((c.0 - dx * half) / 1000.0, (c.1 - dy * half) / 1000.0),
                tailplan_core::Point::new((c.0 + dx * half) / 1000.0, (c.1 + dy * half) / 1000.0),
            ]);
        }
    }

    rooms(&mut doc, &mut intent);
    furniture(&mut doc);
    grid(&mut doc);

    let text = doc.finish(Some((p(-3200, -3200), p(39_200, 18_200))), 0x0001);
    Drawn {
        bytes: text.into_bytes(),
        intent,
    }
}

/// The blocks: doors, windows, furniture, a stair tread.
fn blocks(doc: &mut DxfDoc) {
    // A single door for a 1 m opening: hinge at the origin, closing along +x, open along +y.
    doc.block(
        "DOOR-SGL",
        (0.0, 0.0),
        vec![
            on(
                "0",
                ring(&[(0.0, 0.0), (40.0, 0.0), (40.0, 1000.0), (0.0, 1000.0)]),
            ),
            on("0", arc((0.0, 0.0), 1000.0, 0.0, 90.0)),
        ],
    );
    // A double door for a 2 m opening: two single leaves, the right one mirrored.
    doc.block(
        "DOOR-DBL",
        (0.0, 0.0),
        vec![
            on("0", Ref::new("DOOR-SGL", (0.0, 0.0)).entity()),
            on(
                "0",
                Ref::new("DOOR-SGL", (2000.0, 0.0))
                    .scaled(-1.0, 1.0)
                    .entity(),
            ),
        ],
    );
    // A window 1 m long across a wall's centreline: two panes of glass 60 mm apart.
    doc.block(
        "WIN",
        (0.0, 0.0),
        vec![
            on("0", line((-500.0, -30.0), (500.0, -30.0))),
            on("0", line((-500.0, 30.0), (500.0, 30.0))),
        ],
    );
    doc.block(
        "CHAIR",
        (225.0, 225.0),
        vec![
            on(
                "0",
                lwpolyline(
                    &[
                        ((0.0, 0.0), 0.0),
                        ((450.0, 0.0), 0.0),
                        ((450.0, 400.0), 0.4),
                        ((0.0, 400.0), 0.0),
                    ],
                    true,
                ),
            ),
            on("0", arc((225.0, 200.0), 260.0, 30.0, 150.0)),
        ],
    );
    doc.block(
        "DESK-1600",
        (0.0, 0.0),
        vec![
            on(
                "0",
                ring(&[(0.0, 0.0), (1600.0, 0.0), (1600.0, 800.0), (0.0, 800.0)]),
            ),
            on(
                "0",
                Ref::new("CHAIR", (800.0, -350.0)).rotated(180.0).entity(),
            ),
        ],
    );
    // Four desks face to face: nested, two of them mirrored.
    doc.block(
        "WS-4",
        (0.0, 0.0),
        vec![
            on("0", Ref::new("DESK-1600", (0.0, 0.0)).entity()),
            on("0", Ref::new("DESK-1600", (1600.0, 0.0)).entity()),
            on(
                "0",
                Ref::new("DESK-1600", (0.0, 1600.0))
                    .scaled(1.0, -1.0)
                    .entity(),
            ),
            on(
                "0",
                Ref::new("DESK-1600", (1600.0, 1600.0))
                    .scaled(1.0, -1.0)
                    .entity(),
            ),
        ],
    );
    doc.block(
        "TABLE-8",
        (0.0, 0.0),
        vec![
            on(
                "0",
                lwpolyline(
                    &[
                        ((-900.0, -500.0), 0.0),
                        ((900.0, -500.0), 1.0),
                        ((900.0, 500.0), 0.0),
                        ((-900.0, 500.0), 1.0),
                    ],
                    true,
                ),
            ),
            on(
                "0",
                Ref::new("CHAIR", (-900.0, 850.0))
                    .array(4, 1, 600.0, 0.0)
                    .entity(),
            ),
            on(
                "0",
                Ref::new("CHAIR", (900.0, -850.0))
                    .rotated(180.0)
                    .array(4, 1, 600.0, 0.0)
                    .entity(),
            ),
        ],
    );
    doc.block(
        "TREAD",
        (0.0, 0.0),
        vec![on("0", line((0.0, 0.0), (1800.0, 0.0)))],
    );
}

/// Room outlines and their labels.
fn rooms(doc: &mut DxfDoc, intent: &mut Intent) {
    let mut add = |doc: &mut DxfDoc,
                   outline: Vec<(P, f64)>,
                   label: P,
                   raw: Option<&str>,
                   plain: &str,
                   name: &str| {
        doc.add("A-AREA", lwpolyline(&outline, true));
        match raw {
            Some(raw) => doc.add("A-AREA-IDEN", mtext(label, 250.0, 2400.0, raw)),
            None => doc.add("A-AREA-IDEN", text(label, 250.0, plain)),
        }
        intent.rooms.push(name.to_owned());
    };
    let rect = |x0: Mm, y0: Mm, x1: Mm, y1: Mm| -> Vec<(P, f64)> {
        Rect::new(x0, y0, x1, y1)
            .ring()
            .into_iter()
            .map(|(x, y)| (p(x, y), 0.0))
            .collect()
    };
    let hall = vec![
        (p(300, 300), 0.0),
        (p(7150, 300), 0.0),
        (p(7150, 7875), 0.0),
        (p(7100, 7875), 0.0),
        (p(7100, 14_700), 0.0),
        (p(300, 14_700), 0.0),
    ];
    add(
        doc,
        hall,
        p(3700, 4800),
        Some("{\\fArial|b1|i0|c0|p34;\\LReception\\l}\\P{\\H0.7x;1.01}"),
        "",
        "Reception 1.01",
    );
    add(
        doc,
        rect(7150, 6075, 28_850, 7875),
        p(18_000, 6900),
        None,
        "%%uCorridor%%u 1.02",
        "Corridor 1.02",
    );
    for &(x0, x1, number) in &OFFICES {
        add(
            doc,
            rect(x0, 300, x1, 5925),
            p((x0 + x1) / 2, 3600),
            Some(&format!("\\A1;{{\\fArial|b1|i0|c0|p34;Office}}\\P{number}")),
            "",
            &format!("Office {number}"),
        );
    }
    add(
        doc,
        rect(7300, 8075, 11_300, 14_700),
        p(9300, 13_900),
        None,
        "Stair 1.09",
        "Stair 1.09",
    );
    for (x0, x1, raw, name) in [
        (11_500, 13_150, "{\\C1;WC Women}\\P1.10", "WC Women 1.10"),
        (13_250, 14_950, "{\\C5;WC Men}\\P1.11", "WC Men 1.11"),
        (
            15_050,
            18_550,
            "{\\fArial|b1;Kitchen}\\P\\H0.7x;1.12",
            "Kitchen 1.12",
        ),
        (18_650, 21_550, "Copy\\~room\\P1.13", "Copy room 1.13"),
        (
            21_650,
            25_150,
            "\\pxqc;{\\fArial|b1;Meeting}\\P{\\H0.7x;1.14}",
            "Meeting 1.14",
        ),
        (
            25_250,
            28_750,
            "\\pxqc;{\\fArial|b1;Meeting}\\P{\\H0.7x;1.15}",
            "Meeting 1.15",
        ),
    ] {
        add(
            doc,
            rect(x0, 8025, x1, 14_700),
            p((x0 + x1) / 2, 11_000),
            Some(raw),
            "",
            name,
        );
    }
    let open = vec![
        (p(28_850, 300), 0.0),
        (p(35_700, 300), 0.0),
        (p(35_700, 12_000), QUARTER),
        (p(33_000, 14_700), 0.0),
        (p(28_850, 14_700), 0.0),
    ];
    add(
        doc,
        open,
        p(31_000, 7200),
        Some("{\\fArial|b1;Open office}\\P1.16"),
        "",
        "Open office 1.16",
    );
}

/// Furniture (ignored by an import, kept in its underlay).
fn furniture(doc: &mut DxfDoc) {
    // Desks in the offices, one array; workstations in the open plan, a 1 x 3 array.
    doc.add(
        "A-FURN",
        Ref::new("DESK-1600", p(8200, 1200))
            .array(6, 1, 3600.0, 0.0)
            .entity(),
    );
    doc.add(
        "A-FURN",
        Ref::new("WS-4", p(29_600, 1500))
            .array(1, 3, 0.0, 4200.0)
            .entity(),
    );
    for x in [23_400, 27_000] {
        doc.add(
            "A-FURN",
            Ref::new("TABLE-8", p(x, 11_400)).rotated(90.0).entity(),
        );
    }
    doc.add("A-FURN", circle(p(16_800, 11_600), 600.0));
    for a in [0.0f64, 90.0, 180.0, 270.0] {
        let (s, c) = a.to_radians().sin_cos();
        let at = (16_800.0 + 900.0 * c, 11_600.0 + 900.0 * s);
        doc.add("A-FURN", Ref::new("CHAIR", at).rotated(a - 90.0).entity());
    }
    doc.add("A-FURN", line(p(15_150, 14_100), p(18_450, 14_100)));
    // The reception desk: a curved counter.
    doc.add(
        "A-FURN",
        lwpolyline(
            &[
                (p(2400, 8400), -0.35),
                (p(5200, 8400), 0.0),
                (p(5200, 8000), 0.35),
                (p(2400, 8000), 0.0),
            ],
            true,
        ),
    );
    // Stair treads: two flights as arrays of one tread.
    for x in [7400, 9400] {
        doc.add(
            "A-FLOR-STRS",
            Ref::new("TREAD", p(x, 9400))
                .array(1, 13, 0.0, 280.0)
                .entity(),
        );
    }
    doc.add("A-FLOR-STRS", line(p(9300, 9400), p(9300, 12_760)));
    // Tiles in the WCs: a pattern hatch on an ignored layer.
    let wc = Rect::new(11_500, 8025, 14_950, 14_700);
    doc.hatch(
        "A-FLOR-PATT",
        Some(("ANSI37", 45.0)),
        vec![Boundary::Polyline(
            wc.ring().into_iter().map(|(x, y)| (p(x, y), 0.0)).collect(),
        )],
    );
}

/// The structural grid with its bubbles.
fn grid(doc: &mut DxfDoc) {
    for (k, x) in [150, 7200, 14_400, 21_600, 28_800, 35_850]
        .into_iter()
        .enumerate()
    {
        doc.add("S-GRID", line(p(x, -2000), p(x, 16_600)));
        doc.add("S-GRID", circle(p(x, 17_000), 400.0));
        doc.add(
            "S-GRID",
            text(p(x - 120, 16_880), 300.0, &(k + 1).to_string()),
        );
    }
    for (k, y) in [150, 7000, 14_850].into_iter().enumerate() {
        doc.add("S-GRID", line(p(-2000, y), p(37_600, y)));
        doc.add("S-GRID", circle(p(-2400, y), 400.0));
        let name = ["A", "B", "C"][k];
        doc.add("S-GRID", text(p(-2520, y - 120), 300.0, name));
    }
}
