//! `tailplan export PROJECT.json [--geojson OUT.geojson] [--dxf OUT.dxf [--floor ID]]
//! [--csv-schedule FILE.csv] [--date YYYY-MM-DD]`

use std::path::{Path, PathBuf};

use tailplan_app::{AppError, CsvTable, SheetDate, pick_floor, slug};
use tailplan_io::dxf::export::export_floor;
use tailplan_io::geojson::{self, CrsChoice};

use crate::Failure;
use crate::cmd::today;
use crate::files;

/// Export a project.
#[derive(clap::Args)]
pub struct Args {
    /// The project file (or any file `tailplan import` reads).
    project: PathBuf,
    /// Write GeoJSON (planar metres, with the `tailplan` member) to this file.
    #[arg(long, value_name = "OUT.geojson")]
    geojson: Option<PathBuf>,
    /// Write the design as DXF (metres; routes, trays, devices, telecom rooms, risers and the
    /// plan on TP-* layers): one floor per file, OUT-ID.dxf for each floor of a project with
    /// several unless --floor is given.
    #[arg(long, value_name = "OUT.dxf")]
    dxf: Option<PathBuf>,
    /// The floor --dxf writes.
    #[arg(long, value_name = "ID", requires = "dxf")]
    floor: Option<String>,
    /// Write the cable schedule (CSV).
    #[arg(long, value_name = "FILE.csv")]
    csv_schedule: Option<PathBuf>,
    /// The date in the DXF header (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// How to read GeoJSON coordinates: auto, planar (metres) or wgs84 (lon/lat).
    #[arg(long, default_value = "auto")]
    crs: CrsChoice,
}

/// `OUT-ID.dxf` beside `OUT.dxf`.
fn per_floor(out: &Path, floor_id: &str) -> PathBuf {
    let stem = out
        .file_stem()
        .map_or_else(|| "plan".into(), |s| s.to_string_lossy().into_owned());
    let ext = out
        .extension()
        .map_or_else(|| "dxf".into(), |s| s.to_string_lossy().into_owned());
    out.with_file_name(format!("{stem}-{}.{ext}", slug(floor_id)))
}

/// Runs the command.
pub fn run(args: Args) -> Result<(), Failure> {
    if args.geojson.is_none() && args.dxf.is_none() && args.csv_schedule.is_none() {
        return Err(Failure::input(
            "nothing to export: give --geojson OUT.geojson, --dxf OUT.dxf or --csv-schedule FILE.csv",
        ));
    }
    let date = match &args.date {
        Some(d) => SheetDate::parse(d)?,
        None => today(),
    };
    let loaded = files::load(&args.project, args.crs)?;
    files::print_diagnostics(&loaded.diagnostics, false);
    let project = &loaded.project;
    let name = args.project.display().to_string();
    if let Some(out) = &args.geojson {
        files::write_atomic(out, geojson::export(project))?;
        println!("wrote {}", out.display());
    }
    if args.dxf.is_none() && args.csv_schedule.is_none() {
        return Ok(());
    }
    let routed = tailplan_app::route::route(project);
    if let Some(out) = &args.csv_schedule {
        files::write_atomic(out, routed.csv(CsvTable::Schedule))?;
        println!("wrote {} ({} cables)", out.display(), routed.summary.cables);
    }
    if let Some(out) = &args.dxf {
        let floors: Vec<(&str, PathBuf)> = match (&args.floor, project.floors.as_slice()) {
            (Some(id), _) => {
                let f = pick_floor(&name, project, Some(id))?;
                vec![(f.id.as_str(), out.clone())]
            }
            (None, [only]) => vec![(only.id.as_str(), out.clone())],
            (None, []) => pick_floor(&name, project, None).map(|_| Vec::new())?,
            (None, all) => all
                .iter()
                .map(|f| (f.id.as_str(), per_floor(out, &f.id)))
                .collect(),
        };
        for (id, path) in floors {
            let bytes = export_floor(project, &routed.routing, id, Some(&date.to_string()))
                .map_err(|error| AppError::Dxf {
                    project: name.clone(),
                    error,
                })?;
            files::write_atomic(&path, bytes)?;
            println!("wrote {} (floor {id})", path.display());
        }
    }
    Ok(())
}
