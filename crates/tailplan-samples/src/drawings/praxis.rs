//! `praxis-og1.dxf`: a medical practice on the first floor ("1. OG") of a town house, as a
//! German CAD program exports it: DXF R2000 (umlauts escaped as `\U+00FC`), centimetres
//! (`$INSUNITS` 5), header extents left unset, ISO 13567 and German layer names.
//!
//! 20 x 12 m outside; the waiting room has a curved bay in the street front. South of the
//! corridor: two treatment rooms and the waiting room; north: the concrete stair core,
//! reception, two WCs in masonry, a laboratory and an office.
//!
//! | layer | role by default | drawn as |
//! |---|---|---|
//! | `A-210-M_Außenwand` (ISO 13567: external walls) | concrete | two closed old-style POLYLINEs (outer and inner face), a bulge at the bay |
//! | `A-220-M_Innenwand` (ISO 13567: internal walls) | drywall | both faces as LINEs |
//! | `Mauerwerk` | brick | both faces as LINEs |
//! | `Betonwand` | concrete | closed LWPOLYLINE outlines of the core's walls |
//! | `Schraffur` | ignored | a pattern HATCH over the core's walls |
//! | `Türen` | door | ARC swings and LINE leaves |
//! | `Fenster` | window | two LINEs per window |
//! | `Räume` | room | closed POLYLINEs (a bulge at the bay) |
//! | `Beschriftung` | label | TEXT and MTEXT |
//! | `Möbel` | ignored | furniture |
//! | `Bemaßung` | no rule: ignored | dimension lines and figures |

use dxf::enums::{AcadVersion, Units};

use super::dxf_out::{Boundary, DxfDoc, P, arc, circle, line, lwpolyline, mtext, text};
use super::outline::{self, Rect};
use super::{Drawn, Intent, Leaf, intend, intend_rect, mpt};
use crate::plan::Mm;

/// Drawing units (cm) from millimetres.
fn p(x: Mm, y: Mm) -> P {
    (x as f64 / 10.0, y as f64 / 10.0)
}

const EXT: &str = "A-210-M_Außenwand";
const INT: &str = "A-220-M_Innenwand";

/// The bay's bulges: the outer face spans 4.0 m and stands 0.65 m proud; the inner face,
/// concentric, spans 3.8 m.
const BAY_OUTER: f64 = 0.325;
const BAY_INNER: f64 = 0.342_105_263_157_894_7;

/// Draws the practice; see the module documentation.
pub fn praxis_dxf() -> Drawn {
    let mut doc = DxfDoc::new(AcadVersion::R2000, Units::Centimeters);
    for (name, color) in [
        (EXT, 1),
        (INT, 7),
        ("Mauerwerk", 30),
        ("Betonwand", 8),
        ("Schraffur", 9),
        ("Türen", 3),
        ("Fenster", 4),
        ("Räume", 6),
        ("Beschriftung", 2),
        ("Möbel", 40),
        ("Bemaßung", 1),
    ] {
        doc.layer(name, color);
    }
    let mut intent = Intent::default();

    // The external walls: outer and inner face, each one closed POLYLINE.
    let outer = [
        (p(0, 0), 0.0),
        (p(8000, 0), BAY_OUTER),
        (p(12_000, 0), 0.0),
        (p(20_000, 0), 0.0),
        (p(20_000, 12_000), 0.0),
        (p(0, 12_000), 0.0),
    ];
    let inner = [
        (p(300, 300), 0.0),
        (p(8100, 300), BAY_INNER),
        (p(11_900, 300), 0.0),
        (p(19_700, 300), 0.0),
        (p(19_700, 11_700), 0.0),
        (p(300, 11_700), 0.0),
    ];
    doc.polyline(EXT, &outer, true);
    doc.polyline(EXT, &inner, true);
    for (a, b) in [
        ((150, 150), (8000, 150)),
        ((12_000, 150), (19_850, 150)),
        ((19_850, 150), (19_850, 11_850)),
        ((150, 11_850), (19_850, 11_850)),
        ((150, 150), (150, 11_850)),
    ] {
        intend(&mut intent, a, b, 300, "concrete");
    }

    // Internal walls (drywall 100 mm), faces trimmed, gaps at the doors.
    let inside = [
        Rect::h(5000, 300, 19_700, 100),
        Rect::h(6600, 4100, 19_700, 100),
        Rect::v(5000, 300, 4950, 100),
        Rect::v(15_000, 300, 4950, 100),
        Rect::v(9000, 6650, 11_700, 100),
        Rect::v(16_500, 6650, 11_700, 100),
    ];
    for r in &inside {
        intend_rect(&mut intent, r, "drywall");
    }
    let leaves = [
        Leaf {
            hinge: (4700, 4950),
            along: (-1, 0),
            swing: (0, -1),
            width: 900,
        },
        Leaf {
            hinge: (5300, 4950),
            along: (1, 0),
            swing: (0, -1),
            width: 1000,
        },
        Leaf {
            hinge: (15_300, 4950),
            along: (1, 0),
            swing: (0, -1),
            width: 900,
        },
        Leaf {
            hinge: (9300, 6650),
            along: (1, 0),
            swing: (0, 1),
            width: 800,
        },
        Leaf {
            hinge: (11_400, 6650),
            along: (1, 0),
            swing: (0, 1),
            width: 800,
        },
        Leaf {
            hinge: (13_500, 6650),
            along: (1, 0),
            swing: (0, 1),
            width: 900,
        },
        Leaf {
            hinge: (16_900, 6650),
            along: (1, 0),
            swing: (0, 1),
            width: 900,
        },
    ];
    let mut gaps: Vec<Rect> = leaves
        .iter()
        .map(|l| {
            let y = if l.hinge.1 < 5500 { 5000 } else { 6600 };
            Rect::new(l.hinge.0, y - 50, l.jamb().0, y + 50)
        })
        .collect();
    // The reception's counter opening: 2.4 m, no door.
    gaps.push(Rect::new(5000, 6550, 7400, 6650));
    for (a, b) in outline::lines(&inside, &gaps) {
        doc.add(INT, line(p(a.0, a.1), p(b.0, b.1)));
    }

    // The WCs' masonry walls (240 mm).
    let masonry = [
        Rect::v(11_000, 6650, 11_700, 240),
        Rect::v(13_000, 6650, 11_700, 240),
    ];
    for (a, b) in outline::lines(&masonry, &[]) {
        doc.add("Mauerwerk", line(p(a.0, a.1), p(b.0, b.1)));
    }
    for r in &masonry {
        intend_rect(&mut intent, r, "brick");
    }

    // The stair core (concrete 200 mm): closed outlines, and a pattern hatch over them.
    let core = [
        Rect::v(4000, 6550, 11_700, 200),
        Rect::h(6650, 300, 4100, 200),
    ];
    let core_door = Rect::new(1500, 6550, 2500, 6750);
    let loops = outline::loops(&core, &[core_door]);
    for l in &loops {
        let v: Vec<(P, f64)> = l.iter().map(|&(x, y)| (p(x, y), 0.0)).collect();
        doc.add("Betonwand", lwpolyline(&v, true));
    }
    doc.hatch(
        "Schraffur",
        Some(("ANSI31", 45.0)),
        loops
            .iter()
            .map(|l| Boundary::Polyline(l.iter().map(|&(x, y)| (p(x, y), 0.0)).collect()))
            .collect(),
    );
    for r in &core {
        intend_rect(&mut intent, r, "concrete");
    }

    // Doors: the swing as an ARC, the leaf as a LINE.
    let stair = Leaf {
        hinge: (1500, 6750),
        along: (1, 0),
        swing: (0, 1),
        width: 1000,
    };
    for l in leaves.iter().chain([&stair]) {
        let angle = |v: (Mm, Mm)| {
            (v.1 as f64)
                .atan2(v.0 as f64)
                .to_degrees()
                .rem_euclid(360.0)
        };
        let (a0, a1) = (angle(l.along), angle(l.swing));
        let ccw = l.along.0 * l.swing.1 - l.along.1 * l.swing.0 > 0;
        let (start, end) = if ccw { (a0, a1) } else { (a1, a0) };
        let (h, tip) = (p(l.hinge.0, l.hinge.1), l.tip());
        doc.add("Türen", arc(h, l.width as f64 / 10.0, start, end));
        doc.add("Türen", line(h, p(tip.0, tip.1)));
        intent.doors.push(l.intent());
    }

    // Windows: two lines 60 mm apart on the wall's centreline.
    let windows: [((Mm, Mm), bool, Mm); 13] = [
        ((2600, 150), true, 1500),
        ((6500, 150), true, 1200),
        ((13_500, 150), true, 1200),
        ((17_400, 150), true, 1500),
        ((2200, 11_850), true, 1200),
        ((6500, 11_850), true, 1500),
        ((9965, 11_850), true, 600),
        ((12_000, 11_850), true, 600),
        ((14_800, 11_850), true, 1500),
        ((18_100, 11_850), true, 1500),
        ((150, 2600), false, 1200),
        ((19_850, 2600), false, 1200),
        ((19_850, 9200), false, 1200),
    ];
    for ((x, y), horizontal, w) in windows {
        let half = w / 2;
        for off in [-30, 30] {
            let (a, b) = if horizontal {
                ((x - half, y + off), (x + half, y + off))
            } else {
                ((x + off, y - half), (x + off, y + half))
            };
            doc.add("Fenster", line(p(a.0, a.1), p(b.0, b.1)));
        }
        intent.windows.push(if horizontal {
            [mpt((x - half, y)), mpt((x + half, y))]
        } else {
            [mpt((x, y - half)), mpt((x, y + half))]
        });
    }

    // Rooms (closed POLYLINEs) and their labels.
    let rect = |x0: Mm, y0: Mm, x1: Mm, y1: Mm| -> Vec<(P, f64)> {
        Rect::new(x0, y0, x1, y1)
            .ring()
            .into_iter()
            .map(|(x, y)| (p(x, y), 0.0))
            .collect()
    };
    let waiting = vec![
        (p(5050, 300), 0.0),
        (p(8100, 300), BAY_INNER),
        (p(11_900, 300), 0.0),
        (p(14_950, 300), 0.0),
        (p(14_950, 4950), 0.0),
        (p(5050, 4950), 0.0),
    ];
    // (outline, label position, label as drawn, MTEXT or TEXT, the name it reads as)
    type RoomDrawing<'a> = (Vec<(P, f64)>, P, &'a str, bool, &'a str);
    let rooms: Vec<RoomDrawing> = vec![
        (
            rect(300, 300, 4950, 4950),
            p(2600, 2600),
            "{\\fArial|b1;Behandlung 1}\\P1.01",
            true,
            "Behandlung 1 1.01",
        ),
        (
            waiting,
            p(10_000, 2600),
            "{\\fArial|b1;Wartezimmer}\\P{\\H0.8x;1.02}",
            true,
            "Wartezimmer 1.02",
        ),
        (
            rect(15_050, 300, 19_700, 4950),
            p(17_400, 2600),
            "{\\fArial|b1;Behandlung 2}\\P1.03",
            true,
            "Behandlung 2 1.03",
        ),
        (
            rect(300, 5050, 19_700, 6550),
            p(10_000, 5700),
            "Flur 1.04",
            false,
            "Flur 1.04",
        ),
        (
            rect(300, 6750, 3900, 11_700),
            p(1600, 9500),
            "Treppenhaus",
            false,
            "Treppenhaus",
        ),
        (
            rect(4100, 6650, 8950, 11_700),
            p(6500, 9200),
            "{\\fArial|b1;Empfang}\\P1.05",
            true,
            "Empfang 1.05",
        ),
        (
            rect(9050, 6650, 10_880, 11_700),
            p(9965, 9200),
            "WC Damen 1.06",
            false,
            "WC Damen 1.06",
        ),
        (
            rect(11_120, 6650, 12_880, 11_700),
            p(12_000, 9200),
            "WC Herren 1.07",
            false,
            "WC Herren 1.07",
        ),
        (
            rect(13_120, 6650, 16_450, 11_700),
            p(14_800, 9200),
            "{\\C1;Labor}\\P1.08",
            true,
            "Labor 1.08",
        ),
        (
            rect(16_550, 6650, 19_700, 11_700),
            p(18_100, 9200),
            "{\\fArial|b1;Büro}\\P1.09",
            true,
            "Büro 1.09",
        ),
    ];
    for (outline, at, label, formatted, name) in rooms {
        doc.polyline("Räume", &outline, true);
        if formatted {
            doc.add("Beschriftung", mtext(at, 25.0, 300.0, label));
        } else {
            doc.add("Beschriftung", text(at, 25.0, label));
        }
        intent.rooms.push(name.to_owned());
    }

    // Furniture and dimensions: ignored by an import.
    doc.add("Möbel", circle(p(10_000, 2400), 50.0));
    for (x0, y0) in [(1000, 3400), (15_800, 3400)] {
        doc.add(
            "Möbel",
            lwpolyline(
                &[
                    (p(x0, y0), 0.0),
                    (p(x0 + 2000, y0), 0.5),
                    (p(x0 + 2000, y0 + 700), 0.0),
                    (p(x0, y0 + 700), 0.0),
                ],
                true,
            ),
        );
    }
    doc.add("Möbel", line(p(4300, 10_900), p(8700, 10_900)));
    let chain = [0, 5000, 8000, 12_000, 15_000, 20_000];
    doc.add("Bemaßung", line(p(0, -1200), p(20_000, -1200)));
    for w in chain.windows(2) {
        doc.add("Bemaßung", line(p(w[0], -1400), p(w[0], -1000)));
        let label = format!("{}", (w[1] - w[0]) / 10);
        doc.add(
            "Bemaßung",
            text(p((w[0] + w[1]) / 2 - 200, -1100), 20.0, &label),
        );
    }
    doc.add("Bemaßung", line(p(20_000, -1400), p(20_000, -1000)));

    let text = doc.finish(None, 0x0002);
    Drawn {
        bytes: text.into_bytes(),
        intent,
    }
}
