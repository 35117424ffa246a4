//! `tailplan info PROJECT.json`

use std::path::PathBuf;

use serde_json::json;
use tailplan_core::{ElementKind, Project};
use tailplan_io::geojson::CrsChoice;

use crate::Failure;
use crate::files;

/// Show floors, element counts and extents.
#[derive(clap::Args)]
pub struct Args {
    /// The project file (or any file `tailplan import` reads).
    project: PathBuf,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    /// How to read GeoJSON coordinates: auto, planar (metres) or wgs84 (lon/lat).
    #[arg(long, default_value = "auto")]
    crs: CrsChoice,
}

/// Runs the command.
pub fn run(args: Args) -> Result<(), Failure> {
    let loaded = files::load(&args.project, args.crs)?;
    files::print_diagnostics(&loaded.diagnostics, true);
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&info_json(&loaded.project)).expect("json")
        );
    } else {
        print!("{}", info_text(&loaded.project));
    }
    Ok(())
}

fn counts_of(floor: &tailplan_core::Floor) -> Vec<(ElementKind, usize)> {
    floor.counts().into_iter().collect()
}

/// The report as text.
pub fn info_text(project: &Project) -> String {
    let mut out = String::new();
    let title = [project.meta.name.as_str(), project.meta.building.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    if !title.is_empty() {
        out += &format!("project: {title}\n");
    }
    if let Some(g) = project.georef {
        out += &format!(
            "georeferenced: origin lon {:.7}, lat {:.7}\n",
            g.origin_lon_deg, g.origin_lat_deg
        );
    }
    out += &format!("{} floor(s)\n", project.floors.len());
    for f in &project.floors {
        out += &format!(
            "floor \"{}\" ({}): elevation {:.2} m, ceiling {:.2} m",
            f.id, f.name, f.elevation_m, f.ceiling_m
        );
        match f.bbox() {
            Some(b) => {
                out += &format!(
                    ", extent {:.2} x {:.2} m (x {:.2} to {:.2}, y {:.2} to {:.2})\n",
                    b.width(),
                    b.height(),
                    b.min.x,
                    b.max.x,
                    b.min.y,
                    b.max.y
                )
            }
            None => out += ", empty\n",
        }
        let counts: Vec<String> = counts_of(f)
            .into_iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect();
        if !counts.is_empty() {
            out += &format!("  {}\n", counts.join(", "));
        }
        if !f.walls.is_empty() {
            out += &format!("  wall segments {}\n", f.walls.segment_count());
        }
        for u in &f.underlays {
            out += &format!("  underlay \"{}\" from {}\n", u.id, u.source);
        }
    }
    for record in &project.imports {
        for line in record.summary_lines() {
            out += &line;
            out.push('\n');
        }
    }
    out
}

/// The report as JSON, for scripts.
pub fn info_json(project: &Project) -> serde_json::Value {
    let floors: Vec<_> = project
        .floors
        .iter()
        .map(|f| {
            let counts: serde_json::Map<String, serde_json::Value> = counts_of(f)
                .into_iter()
                .map(|(k, n)| (k.as_str().to_owned(), json!(n)))
                .collect();
            json!({
                "id": f.id,
                "name": f.name,
                "elevation_m": f.elevation_m,
                "ceiling_m": f.ceiling_m,
                "bbox": f.bbox().map(|b| json!({"min": [b.min.x, b.min.y], "max": [b.max.x, b.max.y], "width_m": b.width(), "height_m": b.height()})),
                "counts": counts,
                "wall_segments": f.walls.segment_count(),
            })
        })
        .collect();
    json!({
        "meta": project.meta,
        "georef": project.georef,
        "floors": floors,
        "imports": project.imports,
    })
}
