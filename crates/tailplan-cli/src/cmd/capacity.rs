//! `tailplan capacity PROJECT.json [--floor ID] [--cell M] [--json] [--out FILE]`: how many
//! Wi-Fi clients each radio serves and the airtime they take, from the rooms' occupancy and
//! the project's client mix; radios over a limit are findings (exit 0: warnings).

use std::fmt::Write as _;
use std::path::PathBuf;

use tailplan_app::capacity::{CapacityRequest, CapacityResult, capacity};
use tailplan_core::coverage::CoverageEngine;
use tailplan_io::geojson::CrsChoice;

use super::GridLimit;
use crate::Failure;
use crate::files;

/// Clients and airtime per radio, from the rooms' occupancy and the client mix.
#[derive(clap::Args)]
pub struct Args {
    /// The project file (or any file `tailplan import` reads).
    project: PathBuf,
    /// One floor's id (default: every floor).
    #[arg(long, value_name = "ID")]
    floor: Option<String>,
    /// Cell side in metres (default: the project's setting, 0.5).
    #[arg(long, value_name = "METRES", allow_hyphen_values = true)]
    cell: Option<f64>,
    #[command(flatten)]
    limit: GridLimit,
    /// Print the result as JSON instead of text.
    #[arg(long)]
    json: bool,
    /// Save the result as JSON.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// Runs the command.
pub fn run(args: Args) -> Result<(), Failure> {
    let name = args.project.display().to_string();
    let loaded = files::load(&args.project, CrsChoice::Auto)?;
    files::print_diagnostics(&loaded.diagnostics, false);
    let request = CapacityRequest {
        floor: args.floor.clone(),
        cell_m: args.cell,
        max_grid_cells: args.limit.max_grid_cells,
        max_memory_bytes: None,
    };
    let result = capacity(&mut CoverageEngine::new(), &name, &loaded.project, &request)?;
    let json = serde_json::to_string_pretty(&result.to_json_rounded()).expect("json");
    if args.json {
        println!("{json}");
    } else {
        print!("{}", text(&result));
    }
    if let Some(path) = &args.out {
        files::write_atomic(path, &json)?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

/// The result as text: per floor, its people and clients, then one line per radio.
pub fn text(r: &CapacityResult) -> String {
    let mut out = String::new();
    for c in &r.floors {
        let _ = writeln!(
            out,
            "floor \"{}\": {:.0} people, {:.0} clients ({} counted), {:.0} unserved",
            c.floor,
            c.people,
            c.clients,
            match c.area {
                tailplan_core::coverage::AreaKind::Rooms => "rooms",
                tailplan_core::coverage::AreaKind::Interior => "interior",
                tailplan_core::coverage::AreaKind::Plan => "whole plan",
            },
            c.unserved_clients
        );
        for l in &c.radios {
            let channel = l.channel.map_or("-".to_owned(), |ch| ch.to_string());
            let _ = writeln!(
                out,
                "  {:<10} radio {}  {:>3} GHz  channel {:>3}  {:>3} MHz  {:>6.1} clients  {:>6.1} % airtime{}",
                l.name,
                l.radio + 1,
                l.band.as_str(),
                channel,
                l.width_mhz,
                l.clients,
                l.airtime_percent,
                if l.over { "  OVER" } else { "" }
            );
        }
        for f in &c.findings {
            let _ = writeln!(out, "  warning: {f}");
        }
    }
    let _ = writeln!(out, "radios over a limit: {}", r.over);
    out
}
