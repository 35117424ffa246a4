//! `tailplan info PROJECT.json... [--json]`: one project, or several in parallel.

use std::path::{Path, PathBuf};

use serde_json::json;
use tailplan_core::Project;
use tailplan_io::geojson::CrsChoice;

use crate::Failure;
use crate::batch::{self, Report};
use crate::files;

/// Show floors, element counts and extents.
#[derive(clap::Args)]
pub struct Args {
    /// The project files (or any file `tailplan import` reads); several are read in parallel
    /// and reported one after the other.
    #[arg(required = true, value_name = "PROJECT")]
    projects: Vec<PathBuf>,
    /// Print JSON instead of text (with several projects: an array, each with its `file`).
    #[arg(long)]
    json: bool,
    /// How to read GeoJSON coordinates: auto, planar (metres) or wgs84 (lon/lat).
    #[arg(long, default_value = "auto")]
    crs: CrsChoice,
}

/// Runs the command.
pub fn run(args: Args) -> Result<(), Failure> {
    if let [one] = args.projects.as_slice() {
        return report(one, &args, false).finish();
    }
    let reports = batch::parallel("info", &args.projects, |p| report(p, &args, true));
    if !args.json {
        let named = args
            .projects
            .iter()
            .map(|p| p.display().to_string())
            .zip(reports)
            .collect();
        return batch::finish(named, true);
    }
    // One JSON array of the projects read; the others' errors on stderr.
    let objects: Vec<&str> = reports
        .iter()
        .filter(|r| r.failure.is_none())
        .map(|r| r.out.trim_end())
        .collect();
    let array = format!("[{}]", objects.join(",\n"));
    let unnamed = reports
        .into_iter()
        .map(|mut r| {
            r.out.clear();
            (String::new(), r)
        })
        .collect();
    let done = batch::finish(unnamed, false);
    println!("{array}");
    done
}

/// One project's report; `with_file` puts its name in the JSON.
fn report(path: &Path, args: &Args, with_file: bool) -> Report {
    let mut r = Report::default();
    let result = info(path, args, with_file, &mut r);
    r.end(result)
}

fn info(path: &Path, args: &Args, with_file: bool, r: &mut Report) -> Result<(), Failure> {
    let loaded = files::load(path, args.crs)?;
    r.err += &files::diagnostics_text(&loaded.diagnostics, true);
    if args.json {
        let mut value = serde_json::to_value(tailplan_app::info(&loaded.project)).expect("json");
        if with_file && let Some(o) = value.as_object_mut() {
            o.insert("file".into(), json!(path.display().to_string()));
        }
        r.say(serde_json::to_string_pretty(&value).expect("json"));
    } else {
        r.out += &info_text(&loaded.project);
    }
    Ok(())
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
            "georeferenced: origin lon {:.7}, lat {:.7}",
            g.origin_lon_deg, g.origin_lat_deg
        );
        if g.north_deg != 0.0 {
            out += &format!(", the plan's y axis {:.2}° from true north", g.north_deg);
        }
        out.push('\n');
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
        let counts: Vec<String> = f
            .counts()
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
