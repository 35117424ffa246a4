//! `tailplan export PROJECT.json --geojson OUT.geojson`

use std::path::PathBuf;

use tailplan_io::geojson::{self, CrsChoice};

use crate::Failure;
use crate::files;

/// Export a project.
#[derive(clap::Args)]
pub struct Args {
    /// The project file (or any file `tailplan import` reads).
    project: PathBuf,
    /// Write GeoJSON (planar metres, with the `tailplan` member) to this file.
    #[arg(long, value_name = "OUT.geojson")]
    geojson: Option<PathBuf>,
}

/// Runs the command.
pub fn run(args: Args) -> Result<(), Failure> {
    let Some(out) = &args.geojson else {
        return Err(Failure::input(
            "nothing to export: give --geojson OUT.geojson",
        ));
    };
    let loaded = files::load(&args.project, CrsChoice::Auto)?;
    files::print_diagnostics(&loaded.diagnostics, false);
    files::write_atomic(out, geojson::export(&loaded.project))?;
    println!("wrote {}", out.display());
    Ok(())
}
