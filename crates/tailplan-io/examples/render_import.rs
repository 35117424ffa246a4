//! Imports a plan and draws the first floor to a PNG, to look at what an import made:
//! underlay in light grey, rooms tinted, walls by material (drawn at their thickness), doors
//! red, windows blue.
//!
//! ```text
//! cargo run -p tailplan-io --example render_import -- PLAN.dxf OUT.png [--scale 0.1] [--units cm]
//! cargo run -p tailplan-io --example render_import -- IMDF_FOLDER/ OUT.png
//! ```
//!
//! More flags: `--layers MAP` (as the CLI's), `--storey NAME` (the storey of an IFC model
//! to draw), `--width PX` (the picture's width, 1600 by
//! default), `--window X0,Y0,X1,Y1` (draw only that part of the floor, metres) and `--check`
//! (the walls a short line across their middle crosses more than once, the measure
//! `tests/import.rs` applies to two-face walls, drawn magenta and counted).

use std::fmt::Write;

use tailplan_core::{BBox, Floor, Point, Project, Segment, UnderlayKind};
use tailplan_io::import::{ImportOptions, import_file, import_imdf_files};

/// The walls (by index) at least 1 m long that a line across their middle, reaching 0.15 m
/// past each face, does not cross alone; and how many walls of 5 cm or more there are.
fn not_crossed_once(f: &Floor) -> (Vec<usize>, usize) {
    let crossings = |a: Point, b: Point| {
        let mut w: Vec<usize> = f
            .walls
            .segments_crossing(Segment::new(a, b))
            .map(|(i, _)| i)
            .collect();
        w.sort_unstable();
        w.dedup();
        w.len()
    };
    let mut bad = Vec::new();
    let mut two_face = 0;
    for (i, w) in f.walls.iter().enumerate() {
        let pts: Vec<Point> = w.shape.points().collect();
        if w.shape.length() < 1.0 || pts.len() < 2 {
            continue;
        }
        let mid = pts[0].lerp(pts[1], 0.5);
        let (dx, dy) = (pts[1].x - pts[0].x, pts[1].y - pts[0].y);
        let l = dx.hypot(dy);
        let d = w.thickness_m / 2.0 + 0.15;
        let (nx, ny) = (-dy / l * d, dx / l * d);
        let n = crossings(
            Point::new(mid.x - nx, mid.y - ny),
            Point::new(mid.x + nx, mid.y + ny),
        );
        if w.thickness_m >= 0.05 {
            two_face += 1;
        }
        if n != 1 {
            bad.push(i);
        }
    }
    (bad, two_face)
}

fn svg_of(project: &Project, width_px: f64, window: Option<BBox>, check: &[usize]) -> String {
    let f = &project.floors[0];
    let b = window
        .or_else(|| f.plan_bbox())
        .or_else(|| f.bbox())
        .expect("something to draw");
    let pad = 1.0;
    let (w, h) = (b.width() + 2.0 * pad, b.height() + 2.0 * pad);
    let k = width_px / w;
    let tx = |x: f64| (x - b.min.x + pad) * k;
    let ty = |y: f64| (b.max.y + pad - y) * k;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{:.0}" height="{:.0}"><rect width="100%" height="100%" fill="white"/>"#,
        w * k,
        h * k
    );
    let path = |pts: &[tailplan_core::Point], close: bool| {
        let mut d = String::new();
        for (i, p) in pts.iter().enumerate() {
            let _ = write!(
                d,
                "{}{:.1},{:.1} ",
                if i == 0 { "M" } else { "L" },
                tx(p.x),
                ty(p.y)
            );
        }
        if close {
            d.push('Z');
        }
        d
    };
    for u in &f.underlays {
        if let UnderlayKind::Vector { layers } = &u.kind {
            for l in layers {
                for line in &l.lines {
                    let _ = write!(
                        s,
                        r##"<path d="{}" stroke="#c8c8c8" stroke-width="0.6" fill="none"/>"##,
                        path(line, false)
                    );
                }
                for ring in &l.rings {
                    let _ = write!(
                        s,
                        r##"<path d="{}" stroke="#c8c8c8" stroke-width="0.6" fill="none"/>"##,
                        path(ring, true)
                    );
                }
            }
        }
    }
    for r in &f.rooms {
        let _ = write!(
            s,
            r##"<path d="{}" fill="#fff3c4" fill-opacity="0.6" stroke="#e0c060" stroke-width="0.5"/>"##,
            path(&r.polygon.exterior, true)
        );
    }
    for (i, wall) in f.walls.iter().enumerate() {
        let color = if check.contains(&i) {
            "#e000e0".to_owned()
        } else {
            wall.material
                .as_deref()
                .and_then(|m| project.materials.get(m))
                .map_or("#000000".to_owned(), |m| m.color.clone())
        };
        let pts: Vec<_> = wall.shape.points().collect();
        let _ = write!(
            s,
            r#"<path d="{}" stroke="{color}" stroke-width="{:.2}" stroke-linecap="butt" fill="none"/>"#,
            path(&pts, false),
            (wall.thickness_m * k).max(1.0)
        );
    }
    for o in &f.openings {
        let c = if o.kind == tailplan_core::OpeningKind::Door {
            "#e03030"
        } else {
            "#3060e0"
        };
        let _ = write!(
            s,
            r#"<path d="{}" stroke="{c}" stroke-width="2" fill="none"/>"#,
            path(&o.points, false)
        );
    }
    s.push_str("</svg>");
    s
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (input, output) = (&args[0], &args[1]);
    let mut options = ImportOptions::named(input.as_str());
    let (mut width, mut window, mut check) = (1600.0, None, false);
    let mut i = 2;
    while i < args.len() {
        if args[i] == "--check" {
            check = true;
            i += 1;
            continue;
        }
        assert!(i + 1 < args.len(), "{} needs a value", args[i]);
        match args[i].as_str() {
            "--width" => width = args[i + 1].parse().expect("a width in pixels"),
            "--window" => {
                let v: Vec<f64> = args[i + 1]
                    .split(',')
                    .map(|x| x.trim().parse().expect("X0,Y0,X1,Y1 in metres"))
                    .collect();
                assert_eq!(v.len(), 4, "--window X0,Y0,X1,Y1");
                window = BBox::from_points([Point::new(v[0], v[1]), Point::new(v[2], v[3])]);
            }
            "--scale" => options.scale = Some(args[i + 1].parse().expect("a scale")),
            "--units" => options.units = Some(args[i + 1].parse().expect("units")),
            "--layers" => options.layers = args[i + 1].parse().expect("a layer map"),
            "--storey" => options.storeys = vec![args[i + 1].clone()],
            other => panic!("unknown option {other}"),
        }
        i += 2;
    }
    let done = if std::path::Path::new(input).is_dir() {
        // An IMDF folder: its GeoJSON files.
        let files: Vec<(String, Vec<u8>)> = std::fs::read_dir(input)
            .expect("the folder reads")
            .filter_map(Result::ok)
            .map(|e| {
                let bytes = std::fs::read(e.path()).expect("the file reads");
                (e.file_name().to_string_lossy().into_owned(), bytes)
            })
            .collect();
        import_imdf_files(&files, &options)
    } else {
        let bytes = std::fs::read(input).expect("the file reads");
        import_file(input, &bytes, &options)
    }
    .unwrap_or_else(|e| panic!("{e}"));
    for line in done.report.summary_lines() {
        println!("{line}");
    }
    let bad = if check {
        let (bad, two_face) = not_crossed_once(&done.project.floors[0]);
        let thick = bad
            .iter()
            .filter(|&&i| done.project.floors[0].walls.as_slice()[i].thickness_m >= 0.05)
            .count();
        let f = &done.project.floors[0];
        let show = |i: usize| {
            let w = &f.walls.as_slice()[i];
            let p: Vec<String> = w
                .shape
                .points()
                .map(|p| format!("({:.2},{:.2})", p.x, p.y))
                .collect();
            format!("{} {} {} m", w.id, p.join("-"), w.thickness_m)
        };
        for &i in &bad {
            let w = &f.walls.as_slice()[i];
            let pts: Vec<Point> = w.shape.points().collect();
            let mid = pts[0].lerp(pts[1], 0.5);
            let (dx, dy) = (pts[1].x - pts[0].x, pts[1].y - pts[0].y);
            let l = dx.hypot(dy);
            let d = w.thickness_m / 2.0 + 0.15;
            let across = Segment::new(
                Point::new(mid.x + dy / l * d, mid.y - dx / l * d),
                Point::new(mid.x - dy / l * d, mid.y + dx / l * d),
            );
            let mut others: Vec<usize> = f
                .walls
                .segments_crossing(across)
                .map(|(j, _)| j)
                .filter(|&j| j != i)
                .collect();
            others.dedup();
            let others: Vec<String> = others.into_iter().map(show).collect();
            println!("  {} crosses also [{}]", show(i), others.join("; "));
        }
        println!(
            "check: {} walls over 1 m not crossed once (magenta); of the {two_face} two-face walls (5 cm or more) {} crossed once ({:.1} %)",
            bad.len(),
            two_face - thick,
            100.0 * (two_face - thick) as f64 / two_face.max(1) as f64
        );
        bad
    } else {
        Vec::new()
    };
    let svg = svg_of(&done.project, width, window, &bad);
    let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default())
        .expect("our svg parses");
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).expect("a pixmap");
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    pixmap.save_png(output).expect("the png writes");
    println!("wrote {output}");
}
