//! A floor of the sample office building ([`crate::office_building`]) as a DXF of about
//! 1.5 MB, for the importers' benchmark: every wall segment as its two faces (LINEs, offset
//! by half its thickness, with end caps), on a layer by material; doors and windows as
//! INSERTs of unit blocks (scaled, rotated, mirrored); rooms as closed LWPOLYLINEs named by
//! MTEXT; the telecom outlets and access points as block references on an electrical layer
//! the import ignores. Generated on demand, not committed.

use dxf::enums::{AcadVersion, Units};
use tailplan_core::{OpeningKind, Point};

use super::dxf_out::{DxfDoc, P, Ref, arc, circle, line, lwpolyline, mtext, on, ring};

fn mm(p: Point) -> P {
    ((p.x * 1000.0).round(), (p.y * 1000.0).round())
}

/// The office building's floor `level` (0 to 3) as DXF text (millimetres, AIA layers).
///
/// ```
/// let dxf = tailplan_samples::drawings::office_building_dxf(1);
/// assert!(dxf.len() > 1_000_000);
/// ```
pub fn office_building_dxf(level: usize) -> Vec<u8> {
    let project = crate::office_building();
    let floor = &project.floors[level];
    let mut doc = DxfDoc::new(AcadVersion::R2013, Units::Millimeters);
    for (name, color) in [
        ("A-WALL-STRC", 1),
        ("A-WALL", 7),
        ("A-WALL-GLAS", 4),
        ("A-DOOR", 3),
        ("A-GLAZ", 5),
        ("A-AREA", 6),
        ("A-AREA-IDEN", 2),
        ("E-COMM", 140),
    ] {
        doc.layer(name, color);
    }
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
    doc.block(
        "WIN",
        (0.0, 0.0),
        vec![
            on("0", line((-500.0, -30.0), (500.0, -30.0))),
            on("0", line((-500.0, 30.0), (500.0, 30.0))),
        ],
    );
    doc.block(
        "DATA-OUTLET",
        (0.0, 0.0),
        vec![
            on("0", circle((0.0, 0.0), 120.0)),
            on("0", line((-120.0, 0.0), (120.0, 0.0))),
        ],
    );
    doc.block(
        "WAP",
        (0.0, 0.0),
        vec![
            on(
                "0",
                ring(&[
                    (-150.0, -150.0),
                    (150.0, -150.0),
                    (150.0, 150.0),
                    (-150.0, 150.0),
                ]),
            ),
            on("0", circle((0.0, 0.0), 90.0)),
        ],
    );

    for w in floor.walls.iter() {
        let layer = match w.material.as_deref() {
            Some("concrete" | "brick" | "metal") => "A-WALL-STRC",
            Some("glass" | "low-e glass") => "A-WALL-GLAS",
            _ => "A-WALL",
        };
        let h = w.thickness_m * 500.0;
        for s in w.shape.segments() {
            let (a, b) = (mm(s.a), mm(s.b));
            let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
            if len < 1.0 {
                continue;
            }
            let (nx, ny) = (-(b.1 - a.1) / len * h, (b.0 - a.0) / len * h);
            let r = |v: f64| v.round();
            let corners = [
                (r(a.0 + nx), r(a.1 + ny)),
                (r(b.0 + nx), r(b.1 + ny)),
                (r(b.0 - nx), r(b.1 - ny)),
                (r(a.0 - nx), r(a.1 - ny)),
            ];
            doc.add(layer, line(corners[0], corners[1]));
            doc.add(layer, line(corners[3], corners[2]));
            doc.add(layer, line(corners[0], corners[3]));
            doc.add(layer, line(corners[1], corners[2]));
        }
    }
    for o in &floor.openings {
        let (Some(&a), Some(&b)) = (o.points.first(), o.points.last()) else {
            continue;
        };
        let (pa, pb) = (mm(a), mm(b));
        let width = a.distance(b) * 1000.0;
        if width < 1.0 {
            continue;
        }
        let angle = (pb.1 - pa.1).atan2(pb.0 - pa.0).to_degrees();
        let r = match o.kind {
            OpeningKind::Door => Ref::new("DOOR-SGL", pa)
                .rotated(angle)
                .scaled(width / 1000.0, width / 1000.0),
            OpeningKind::Window => Ref::new("WIN", ((pa.0 + pb.0) / 2.0, (pa.1 + pb.1) / 2.0))
                .rotated(angle)
                .scaled(width / 1000.0, 1.0),
        };
        let layer = if o.kind == OpeningKind::Door {
            "A-DOOR"
        } else {
            "A-GLAZ"
        };
        doc.add(layer, r.entity());
    }
    for room in &floor.rooms {
        let v: Vec<(P, f64)> = room
            .polygon
            .exterior
            .iter()
            .map(|&p| (mm(p), 0.0))
            .collect();
        doc.add("A-AREA", lwpolyline(&v, true));
        let c = label_point(&room.polygon);
        doc.add(
            "A-AREA-IDEN",
            mtext(
                mm(c),
                250.0,
                2500.0,
                &format!("{{\\fArial|b1;{}}}", room.name),
            ),
        );
    }
    for o in &floor.outlets {
        doc.add("E-COMM", Ref::new("DATA-OUTLET", mm(o.position)).entity());
    }
    for ap in &floor.access_points {
        doc.add("E-COMM", Ref::new("WAP", mm(ap.position)).entity());
    }
    let b = floor.plan_bbox().expect("the office floor has walls");
    let extents = (mm(b.min), mm(b.max));
    doc.finish(Some(extents), 0x0100 + level as u32)
        .into_bytes()
}

/// A point well inside a room for its label: the centroid when it is, else the point of a
/// 12 x 12 grid over the room farthest from its outline.
fn label_point(room: &tailplan_core::Polygon) -> Point {
    let clearance = |p: Point| {
        room.edges()
            .map(|e| e.distance_to(p))
            .fold(f64::INFINITY, f64::min)
    };
    let c = room.centroid();
    if room.contains(c) && clearance(c) > 0.5 {
        return c;
    }
    let b = tailplan_core::BBox::from_points(room.exterior.iter().copied()).expect("a ring");
    let mut best = (f64::NEG_INFINITY, c);
    for i in 0..12 {
        for j in 0..12 {
            let p = Point::new(
                b.min.x + b.width() * (f64::from(i) + 0.5) / 12.0,
                b.min.y + b.height() * (f64::from(j) + 0.5) / 12.0,
            );
            if room.contains(p) && clearance(p) > best.0 {
                best = (clearance(p), p);
            }
        }
    }
    best.1
}
