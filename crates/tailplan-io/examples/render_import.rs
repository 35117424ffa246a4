//! Imports a plan and draws the first floor to a PNG, to look at what an import made:
//! underlay in light grey, rooms tinted, walls by material (drawn at their thickness), doors
//! red, windows blue.
//!
//! ```text
//! cargo run -p tailplan-io --example render_import -- PLAN.dxf OUT.png [--scale 0.1] [--units cm]
//! cargo run -p tailplan-io --example render_import -- IMDF_FOLDER/ OUT.png
//! ```

use std::fmt::Write;

use tailplan_core::{Project, UnderlayKind};
use tailplan_io::import::{ImportOptions, import_file, import_imdf_files};

fn svg_of(project: &Project, width_px: f64) -> String {
    let f = &project.floors[0];
    let b = f
        .plan_bbox()
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
    for wall in f.walls.iter() {
        let color = wall
            .material
            .as_deref()
            .and_then(|m| project.materials.get(m))
            .map_or("#000000".to_owned(), |m| m.color.clone());
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
    let mut i = 2;
    while i + 1 < args.len() {
        match args[i].as_str() {
            "--scale" => options.scale = Some(args[i + 1].parse().expect("a scale")),
            "--units" => options.units = Some(args[i + 1].parse().expect("units")),
            "--layers" => options.layers = args[i + 1].parse().expect("a layer map"),
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
    let svg = svg_of(&done.project, 1600.0);
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
