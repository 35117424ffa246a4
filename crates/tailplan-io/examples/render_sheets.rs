//! Draws a project's sheet set and renders every sheet to PNG, to look at them as a contractor
//! would (resvg with the system's fonts).
//!
//! ```text
//! cargo run -p tailplan-io --example render_sheets -- PROJECT.json OUT_DIR [PX_PER_MM] [FLOOR...]
//! ```
//!
//! Writes `OUT_DIR/NAME.svg` and `OUT_DIR/NAME.png` for each sheet (the set; or, for the
//! floors given, their cabling and coverage sheets and the riser sheets); 4 px/mm by default
//! (about 100 dpi).

use std::time::Instant;

use tailplan_core::project_file;
use tailplan_io::sheet::{self, Analysis, SheetKind, SheetOptions};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [project, out, rest @ ..] = args.as_slice() else {
        eprintln!("usage: render_sheets PROJECT.json OUT_DIR [PX_PER_MM] [FLOOR...]");
        std::process::exit(2);
    };
    let px_per_mm: f32 = rest.first().and_then(|s| s.parse().ok()).unwrap_or(4.0);
    let floors: Vec<&str> = rest.iter().skip(1).map(String::as_str).collect();
    let text = std::fs::read_to_string(project).expect("read the project");
    let (project, _) = project_file::from_json(&text).expect("a project file");
    std::fs::create_dir_all(out).expect("make the output folder");

    let t = Instant::now();
    let analysis = Analysis::new(
        &project,
        if floors.is_empty() {
            None
        } else {
            Some(&floors)
        },
    );
    eprintln!("analysis: {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let options = SheetOptions::dated("2025-01-31");
    let sheets = if floors.is_empty() {
        sheet::sheet_set(&project, &analysis, &SheetKind::ALL, &options).expect("sheets")
    } else {
        let mut v = Vec::new();
        for f in &floors {
            for kind in SheetKind::ALL.into_iter().filter(|k| k.is_per_floor()) {
                v.extend(
                    sheet::floor_sheets(&project, &analysis, f, kind, &options).expect("sheets"),
                );
            }
        }
        // The riser sheets are per building and campus: once.
        v.extend(sheet::riser_sheets(&project, &analysis, &options).expect("riser sheets"));
        v
    };
    eprintln!("sheets: {:.0} ms", t.elapsed().as_secs_f64() * 1e3);

    let mut fonts = usvg::fontdb::Database::new();
    fonts.load_system_fonts();
    let opt = usvg::Options {
        fontdb: std::sync::Arc::new(fonts),
        ..Default::default()
    };
    for s in &sheets {
        let svg_path = format!("{out}/{}.svg", s.name);
        std::fs::write(&svg_path, &s.svg).expect("write the SVG");
        let tree = usvg::Tree::from_str(&s.svg, &opt).expect("the sheet parses");
        // usvg sizes the tree in CSS pixels (96 per inch); the sheet is in millimetres.
        let size = tree.size();
        let k = px_per_mm * 25.4 / 96.0;
        let (w, h) = (
            (size.width() * k).ceil() as u32,
            (size.height() * k).ceil() as u32,
        );
        let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h).expect("a pixmap");
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::from_scale(k, k),
            &mut pixmap.as_mut(),
        );
        let png = format!("{out}/{}.png", s.name);
        pixmap.save_png(&png).expect("write the PNG");
        eprintln!(
            "{png}: {} ({} KB SVG, {w}x{h})",
            s.title,
            s.svg.len() / 1024
        );
    }
}
