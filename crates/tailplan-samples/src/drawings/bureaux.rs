//! `bureaux-r1.svg`: an office floor ("plateau de bureaux", level R+1) drawn in Inkscape by a
//! French practice, 30 x 14 m, one user unit = 1 cm (import it with `--scale 0.01`), north
//! up.
//!
//! Inkscape layers: `Fond de plan` (the scanned plan, an embedded `data:` PNG), `Murs
//! porteurs` (load-bearing walls: the facade and the stair core as filled `<path>` outlines,
//! even-odd), `Cloisons` (partitions: face `<line>`s, `<polyline>`s, thin `<rect>`s placed by
//! `<use>`, one in nested transformed groups), `Cloisons (variante B)` (hidden: a variant not
//! built), `Portes` (doors: a leaf `<line>` and a swing `<path>` arc in a `<g>` placed by
//! `<use>` with translate, rotate and mirroring scale; double doors nest two), `Fenêtres`
//! (windows: `<line>` pairs, the side fronts' in a `rotate(90)` group), `Pièces` (rooms:
//! `<polygon>`s), `Textes` (room names in `<text>`/`<tspan>`), `Mobilier` (hidden:
//! furniture) and `Cotation` (dimensions). Styles come from CSS classes in a `<style>`.

use std::fmt::Write;

use base64::Engine;

use super::outline::{self, Rect};
use super::png::grey_png;
use super::{Drawn, IntendedWall, Intent, Leaf};
use crate::plan::Mm;

const W: Mm = 30_000;
const H: Mm = 14_000;

/// The floor's metres for a design point: the viewBox starts 1 m outside the building.
fn metres(p: (Mm, Mm)) -> tailplan_core::Point {
    tailplan_core::Point::new(p.0 as f64 / 1000.0 + 1.0, p.1 as f64 / 1000.0 + 1.0)
}

/// SVG user units (cm, y down) for a design point (mm, y up).
fn sx(x: Mm) -> f64 {
    x as f64 / 10.0
}
fn sy(y: Mm) -> f64 {
    (H - y) as f64 / 10.0
}

fn intend(intent: &mut Intent, a: (Mm, Mm), b: (Mm, Mm), t: Mm, material: &'static str) {
    intent.walls.push(IntendedWall {
        a: metres(a),
        b: metres(b),
        thickness_m: t as f64 / 1000.0,
        material,
    });
}

fn intend_rect(intent: &mut Intent, r: &Rect, material: &'static str) {
    let (dx, dy) = (r.x1 - r.x0, r.y1 - r.y0);
    if dx >= dy {
        let y = (r.y0 + r.y1) / 2;
        intend(intent, (r.x0, y), (r.x1, y), dy, material);
    } else {
        let x = (r.x0 + r.x1) / 2;
        intend(intent, (x, r.y0), (x, r.y1), dx, material);
    }
}

/// A closed path through rings (SVG units).
fn path_d(rings: &[Vec<(Mm, Mm)>]) -> String {
    let mut d = String::new();
    for r in rings {
        for (k, &(x, y)) in r.iter().enumerate() {
            let _ = write!(d, "{}{},{} ", if k == 0 { "M" } else { "L" }, sx(x), sy(y));
        }
        d.push_str("Z ");
    }
    d.trim_end().to_owned()
}

fn points(r: &[(Mm, Mm)]) -> String {
    r.iter()
        .map(|&(x, y)| format!("{},{}", sx(x), sy(y)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `transform` placing the `porte` group (drawn for 90 cm, jamb along +x, swing up)
/// as this leaf.
fn door_transform(l: &Leaf) -> String {
    // Design vectors (y up) to SVG vectors (y down).
    let along = (l.along.0, -l.along.1);
    let swing = (l.swing.0, -l.swing.1);
    let theta = (along.1 as f64).atan2(along.0 as f64).to_degrees();
    // rotate(θ) takes the local (0, -1) to (sin θ, -cos θ): (-along.y, along.x) turned.
    let up = (along.1, -along.0);
    let mirror = if up == swing { 1.0 } else { -1.0 };
    let k = l.width as f64 / 900.0;
    format!(
        "translate({},{}) rotate({theta}) scale({k},{})",
        sx(l.hinge.0),
        sy(l.hinge.1),
        k * mirror
    )
}

/// Draws the floor; see the module documentation.
pub fn bureaux_svg() -> Drawn {
    let mut intent = Intent::default();
    let t = 300;

    // Load-bearing walls: the facade (a ring with the entrance gap) and the stair core.
    let facade = [
        Rect::h(t / 2, 0, W, t),
        Rect::h(H - t / 2, 0, W, t),
        Rect::v(t / 2, 0, H, t),
        Rect::v(W - t / 2, 0, H, t),
    ];
    let entrance = Rect::new(13_500, 0, 15_300, t);
    for (a, b) in [
        ((150, 150), (13_500, 150)),
        ((15_300, 150), (29_850, 150)),
        ((150, 13_850), (29_850, 13_850)),
        ((150, 150), (150, 13_850)),
        ((29_850, 150), (29_850, 13_850)),
    ] {
        intend(&mut intent, a, b, t, "concrete");
    }
    let core = [
        Rect::v(13_500, 7700, 13_700, 200),
        Rect::v(17_000, 7700, 13_700, 200),
        Rect::h(7800, 13_400, 17_100, 200),
    ];
    let core_door = Rect::new(14_700, 7700, 15_700, 7900);
    for r in &core {
        intend_rect(&mut intent, r, "concrete");
    }

    // Partitions: the corridor walls with the partitions meeting them, drawn as face lines.
    let lined = [
        Rect::h(5850, 300, 11_150, 100),
        Rect::h(7750, 300, 13_400, 100),
        Rect::h(7750, 17_100, 18_950, 100),
        Rect::v(11_100, 300, 5800, 100),
        Rect::v(5500, 7800, 13_700, 100),
        Rect::v(10_500, 7800, 13_700, 100),
    ];
    for r in &lined {
        intend_rect(&mut intent, r, "drywall");
    }
    let office_partitions = [3900, 7500];
    for x in office_partitions {
        intend_rect(&mut intent, &Rect::v(x, 300, 5800, 100), "drywall");
    }
    let plateau_wall = Rect::v(19_000, 300, 13_700, 100);
    intend_rect(&mut intent, &plateau_wall, "drywall");
    let wc_partition = Rect::v(12_000, 7800, 13_700, 100);
    intend_rect(&mut intent, &wc_partition, "drywall");

    let leaves = [
        Leaf {
            hinge: (3700, 5800),
            along: (-1, 0),
            swing: (0, -1),
            width: 900,
        },
        Leaf {
            hinge: (7350, 5800),
            along: (-1, 0),
            swing: (0, -1),
            width: 900,
        },
        Leaf {
            hinge: (10_950, 5800),
            along: (-1, 0),
            swing: (0, -1),
            width: 900,
        },
        Leaf {
            hinge: (4400, 7800),
            along: (1, 0),
            swing: (0, 1),
            width: 900,
        },
        Leaf {
            hinge: (5700, 7800),
            along: (1, 0),
            swing: (0, 1),
            width: 900,
        },
        Leaf {
            hinge: (10_700, 7800),
            along: (1, 0),
            swing: (0, 1),
            width: 800,
        },
        Leaf {
            hinge: (12_300, 7800),
            along: (1, 0),
            swing: (0, 1),
            width: 800,
        },
        Leaf {
            hinge: (17_400, 7800),
            along: (1, 0),
            swing: (0, 1),
            width: 800,
        },
        Leaf {
            hinge: (14_700, 7900),
            along: (1, 0),
            swing: (0, 1),
            width: 1000,
        },
    ];
    let double_doors = [
        // The plateau's double door in the x = 19 m wall, and the entrance (opens outwards).
        Leaf {
            hinge: (19_050, 6000),
            along: (0, 1),
            swing: (1, 0),
            width: 1600,
        },
        Leaf {
            hinge: (15_300, 0),
            along: (-1, 0),
            swing: (0, -1),
            width: 1800,
        },
    ];
    let gaps: Vec<Rect> = leaves[..8]
        .iter()
        .map(|l| {
            let y = if l.hinge.1 < 7000 { 5850 } else { 7750 };
            Rect::new(l.hinge.0, y - 50, l.jamb().0, y + 50)
        })
        .collect();
    let plateau_gap = Rect::new(18_950, 6000, 19_050, 7600);

    let mut svg = String::new();
    let _ = write!(
        svg,
        r##"<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<svg
   width="320mm"
   height="160mm"
   viewBox="-100 -100 3200 1600"
   version="1.1"
   id="svg1"
   inkscape:version="1.3.2 (091e20e, 2023-11-25)"
   sodipodi:docname="bureaux-r1.svg"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns:xlink="http://www.w3.org/1999/xlink"
   xmlns="http://www.w3.org/2000/svg"
   xmlns:svg="http://www.w3.org/2000/svg">
  <title id="title1">Plateau de bureaux, niveau R+1 (1 unité = 1 cm)</title>
  <sodipodi:namedview id="namedview1" pagecolor="#ffffff" inkscape:document-units="mm" inkscape:current-layer="calque-cloisons" />
  <style id="style1">
    .porteur {{ fill: #3c3c3c; fill-rule: evenodd; stroke: none; }}
    .cloison {{ fill: none; stroke: #000000; stroke-width: 1.2; }}
    .cloison-pleine {{ fill: #9a9a9a; stroke: #000000; stroke-width: 0.8; }}
    .porte {{ fill: none; stroke: #b00000; stroke-width: 0.8; }}
    .vitrage {{ fill: none; stroke: #2a7fff; stroke-width: 0.8; }}
    .piece {{ fill: #fff6d5; fill-opacity: 0.6; stroke: none; }}
    .nom {{ font-family: 'DejaVu Sans'; font-size: 28px; fill: #333333; text-anchor: middle; }}
    .mobilier {{ fill: none; stroke: #999999; stroke-width: 0.6; }}
    .cote {{ fill: none; stroke: #666666; stroke-width: 0.5; }}
  </style>
  <defs id="defs1">
    <rect id="cloison-bureau" class="cloison-pleine" x="-5" y="0" width="10" height="550" />
    <g id="porte">
      <line class="porte" x1="0" y1="0" x2="0" y2="-90" />
      <path class="porte" d="M 0,-90 A 90,90 0 0 1 90,0" />
    </g>
    <g id="porte-double">
      <use xlink:href="#porte" />
      <use xlink:href="#porte" transform="translate(180,0) scale(-1,1)" />
    </g>
  </defs>
"##
    );

    // The scan: the same plan, rasterised at 20 cm per pixel, embedded as a data: URL.
    let all_walls: Vec<Rect> = facade
        .iter()
        .chain(&core)
        .chain(&lined)
        .copied()
        .chain(office_partitions.map(|x| Rect::v(x, 300, 5800, 100)))
        .chain([plateau_wall, wc_partition])
        .collect();
    let (pw, ph) = (150u32, 70u32);
    let mut pixels = vec![245u8; (pw * ph) as usize];
    for r in &all_walls {
        let (c0, c1) = ((r.x0 / 200) as u32, ((r.x1 + 199) / 200) as u32);
        let (r0, r1) = (((H - r.y1) / 200) as u32, ((H - r.y0 + 199) / 200) as u32);
        for row in r0..r1.min(ph) {
            for col in c0..c1.min(pw) {
                pixels[(row * pw + col) as usize] = 70;
            }
        }
    }
    let png = grey_png(pw, ph, &pixels);
    let _ = write!(
        svg,
        r#"  <g inkscape:groupmode="layer" id="calque-fond" inkscape:label="Fond de plan" sodipodi:insensitive="true" style="opacity:0.3">
    <image id="scan" x="0" y="0" width="3000" height="1400" preserveAspectRatio="none" xlink:href="data:image/png;base64,{}" />
  </g>
"#,
        base64::engine::general_purpose::STANDARD.encode(&png)
    );

    // Load-bearing walls.
    let _ = write!(
        svg,
        r#"  <g inkscape:groupmode="layer" id="calque-porteurs" inkscape:label="Murs porteurs">
    <path id="facade" class="porteur" d="{}" />
    <path id="noyau" class="porteur" d="{}" />
  </g>
"#,
        path_d(&outline::loops(&facade, &[entrance])),
        path_d(&outline::loops(&core, &[core_door])),
    );

    // Partitions.
    svg.push_str(
        "  <g inkscape:groupmode=\"layer\" id=\"calque-cloisons\" inkscape:label=\"Cloisons\">\n",
    );
    for (a, b) in outline::lines(&lined, &gaps) {
        let _ = writeln!(
            svg,
            r#"    <line class="cloison" x1="{}" y1="{}" x2="{}" y2="{}" />"#,
            sx(a.0),
            sy(a.1),
            sx(b.0),
            sy(b.1)
        );
    }
    for ring in outline::loops(&[plateau_wall], &[plateau_gap]) {
        let mut closed = ring.clone();
        closed.push(ring[0]);
        let _ = writeln!(
            svg,
            r#"    <polyline class="cloison" points="{}" />"#,
            points(&closed)
        );
    }
    for x in office_partitions {
        let _ = writeln!(
            svg,
            r##"    <use xlink:href="#cloison-bureau" x="{}" y="{}" />"##,
            sx(x),
            sy(5800)
        );
    }
    // The WC partition, placed through two nested groups as Inkscape leaves them.
    let _ = write!(
        svg,
        r#"    <g id="sanitaires" transform="translate(1000,600)">
      <g transform="translate(195,-600)">
        <rect class="cloison-pleine" x="0" y="{}" width="10" height="{}" />
      </g>
    </g>
  </g>
"#,
        sy(13_700),
        (13_700 - 7800) as f64 / 10.0
    );
    // A variant not built: hidden, left out by an import.
    let _ = write!(
        svg,
        r#"  <g inkscape:groupmode="layer" id="calque-variante" inkscape:label="Cloisons (variante B)" style="display:none">
    <line class="cloison" x1="{a}" y1="{y0}" x2="{a}" y2="{y1}" />
    <line class="cloison" x1="{b}" y1="{y0}" x2="{b}" y2="{y1}" />
  </g>
"#,
        a = sx(24_350),
        b = sx(24_450),
        y0 = sy(13_700),
        y1 = sy(8000)
    );

    // Doors.
    svg.push_str(
        "  <g inkscape:groupmode=\"layer\" id=\"calque-portes\" inkscape:label=\"Portes\">\n",
    );
    for l in &leaves {
        let _ = writeln!(
            svg,
            r##"    <use xlink:href="#porte" transform="{}" />"##,
            door_transform(l)
        );
        intent.doors.push(l.intent_in(metres));
    }
    for pair in &double_doors {
        let _ = writeln!(
            svg,
            r##"    <use xlink:href="#porte-double" transform="{}" />"##,
            door_transform(&Leaf {
                width: pair.width / 2,
                ..*pair
            })
        );
        let half = pair.width / 2;
        let mid = (
            pair.hinge.0 + pair.along.0 * half,
            pair.hinge.1 + pair.along.1 * half,
        );
        intent.doors.push([metres(pair.hinge), metres(mid)]);
        intent.doors.push([metres(pair.jamb()), metres(mid)]);
    }
    svg.push_str("  </g>\n");

    // Windows: two lines 60 mm apart on the wall's centreline.
    svg.push_str(
        "  <g inkscape:groupmode=\"layer\" id=\"calque-fenetres\" inkscape:label=\"Fenêtres\">\n",
    );
    let south_north: [(Mm, Mm, Mm); 14] = [
        (2075, 150, 1500),
        (5700, 150, 1500),
        (9300, 150, 1500),
        (12_000, 150, 1800),
        (17_000, 150, 1800),
        (21_000, 150, 2400),
        (24_500, 150, 2400),
        (28_000, 150, 2400),
        (2875, 13_850, 2400),
        (8000, 13_850, 2400),
        (11_250, 13_850, 600),
        (12_725, 13_850, 600),
        (15_850, 13_850, 1200),
        (24_500, 13_850, 2400),
    ];
    for (x, y, w) in south_north {
        for off in [-30, 30] {
            let _ = writeln!(
                svg,
                r#"    <line class="vitrage" x1="{}" y1="{}" x2="{}" y2="{}" />"#,
                sx(x - w / 2),
                sy(y + off),
                sx(x + w / 2),
                sy(y + off)
            );
        }
        intent
            .windows
            .push([metres((x - w / 2, y)), metres((x + w / 2, y))]);
    }
    // The side fronts, drawn along x in a group turned by 90°: (u, v) -> (-v, u).
    svg.push_str("    <g id=\"fenetres-pignons\" transform=\"rotate(90)\">\n");
    let sides: [(Mm, Mm, Mm); 5] = [
        (150, 3000, 1500),
        (150, 10_800, 1500),
        (29_850, 2500, 2400),
        (29_850, 7000, 2400),
        (29_850, 11_500, 2400),
    ];
    for (x, y, w) in sides {
        for off in [-30, 30] {
            let u = |yy: Mm| sy(yy);
            let v = -sx(x + off);
            let _ = writeln!(
                svg,
                r#"      <line class="vitrage" x1="{}" y1="{v}" x2="{}" y2="{v}" />"#,
                u(y + w / 2),
                u(y - w / 2)
            );
        }
        intent
            .windows
            .push([metres((x, y - w / 2)), metres((x, y + w / 2))]);
    }
    svg.push_str("    </g>\n  </g>\n");

    // Rooms and their names.
    let rooms: [(Rect, &str, &str); 11] = [
        (Rect::new(300, 300, 3850, 5800), "Bureau", "1.01"),
        (Rect::new(3950, 300, 7450, 5800), "Bureau", "1.02"),
        (Rect::new(7550, 300, 11_050, 5800), "Bureau", "1.03"),
        (Rect::new(11_150, 300, 18_950, 7700), "Accueil", "1.04"),
        (Rect::new(300, 5900, 11_150, 7700), "Circulation", "1.05"),
        (
            Rect::new(300, 7800, 5450, 13_700),
            "Salle de réunion",
            "1.06",
        ),
        (
            Rect::new(5550, 7800, 10_450, 13_700),
            "Salle de réunion",
            "1.07",
        ),
        (Rect::new(10_550, 7800, 11_950, 13_700), "WC femmes", "1.08"),
        (Rect::new(12_050, 7800, 13_400, 13_700), "WC hommes", "1.09"),
        (Rect::new(13_600, 7900, 16_900, 13_700), "Escalier", "E1"),
        (
            Rect::new(17_100, 7800, 18_950, 13_700),
            "Local technique",
            "1.10",
        ),
    ];
    svg.push_str(
        "  <g inkscape:groupmode=\"layer\" id=\"calque-pieces\" inkscape:label=\"Pièces\">\n",
    );
    for (r, _, number) in &rooms {
        let _ = writeln!(
            svg,
            r#"    <polygon id="piece-{number}" class="piece" points="{}" />"#,
            points(&r.ring())
        );
    }
    let _ = writeln!(
        svg,
        r#"    <polygon id="piece-1.11" class="piece" points="{}" />"#,
        points(&Rect::new(19_050, 300, 29_700, 13_700).ring())
    );
    svg.push_str("  </g>\n");
    svg.push_str(
        "  <g inkscape:groupmode=\"layer\" id=\"calque-textes\" inkscape:label=\"Textes\">\n",
    );
    for (r, name, number) in &rooms {
        let (x, y) = ((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2);
        let _ = writeln!(
            svg,
            r#"    <text class="nom" x="{0}" y="{1}"><tspan x="{0}" y="{1}">{name}</tspan><tspan x="{0}" dy="34">{number}</tspan></text>"#,
            sx(x),
            sy(y)
        );
        intent.rooms.push(format!("{name} {number}"));
    }
    // The plateau's name, placed in a moved group.
    let _ = writeln!(
        svg,
        r#"    <g transform="translate(2000,0)"><text class="nom" x="{}" y="{}">Plateau <tspan>1.11</tspan></text></g>"#,
        sx(24_400) - 2000.0,
        sy(7000)
    );
    intent.rooms.push("Plateau 1.11".into());
    svg.push_str("  </g>\n");

    // Furniture (hidden) and dimensions.
    svg.push_str("  <g inkscape:groupmode=\"layer\" id=\"calque-mobilier\" inkscape:label=\"Mobilier\" style=\"display:none\">\n");
    for k in 0..3 {
        let x = 600 + 3600 * k;
        let _ = writeln!(
            svg,
            r#"    <rect class="mobilier" x="{}" y="{}" width="160" height="80" /><circle class="mobilier" cx="{}" cy="{}" r="25" />"#,
            sx(x),
            sy(2000),
            sx(x + 800),
            sy(2000) - 40.0
        );
    }
    svg.push_str("  </g>\n");
    let _ = write!(
        svg,
        r#"  <g inkscape:groupmode="layer" id="calque-cotation" inkscape:label="Cotation">
    <line class="cote" x1="0" y1="1460" x2="3000" y2="1460" />
    <text class="nom" x="1500" y="1490">30,00</text>
  </g>
</svg>
"#
    );
    Drawn {
        bytes: svg.into_bytes(),
        intent,
    }
}
