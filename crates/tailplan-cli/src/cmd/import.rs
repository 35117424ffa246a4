//! `tailplan import FILE -o PROJECT.json`

use std::path::PathBuf;

use tailplan_core::project_file;
use tailplan_io::geojson::CrsChoice;

use crate::Failure;
use crate::files::{self, InputKind};

/// Import a floor plan into a project file.
#[derive(clap::Args)]
pub struct Args {
    /// The file to import (GeoJSON FeatureCollection).
    file: PathBuf,
    /// The project file to write.
    #[arg(short, long)]
    output: PathBuf,
    /// How to read GeoJSON coordinates: auto, planar (metres) or wgs84 (lon/lat).
    #[arg(long, default_value = "auto")]
    crs: CrsChoice,
}

/// Runs the command.
pub fn run(args: Args) -> Result<(), Failure> {
    let text = files::read_text(&args.file)?;
    if files::sniff(&text) == InputKind::Project {
        return Err(Failure::input(format!(
            "{}: is already a tailplan project: nothing to import",
            args.file.display()
        )));
    }
    let loaded = files::load(&args.file, args.crs)?;
    files::print_diagnostics(&loaded.diagnostics, true);
    files::write_atomic(&args.output, &project_file::to_json(&loaded.project))?;
    let counts = loaded
        .report
        .as_ref()
        .map(|r| {
            r.counts
                .iter()
                .map(|(k, n)| format!("{n} {k}"))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    println!(
        "imported {} ({} floor{}: {counts}) into {}",
        args.file.display(),
        loaded.project.floors.len(),
        if loaded.project.floors.len() == 1 {
            ""
        } else {
            "s"
        },
        args.output.display()
    );
    Ok(())
}
