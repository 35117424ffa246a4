//! `tailplan check PROJECT.json [--json]`: the design-rule report; exit 1 when a rule fails.

use std::path::PathBuf;

use tailplan_core::Severity;
use tailplan_core::routing;
use tailplan_io::geojson::CrsChoice;

use crate::Failure;
use crate::files;

/// Check the design rules (link lengths, tray fill, PoE, ports, unserved endpoints, hand
/// routes): exit 1 when one fails.
#[derive(clap::Args)]
pub struct Args {
    /// The project file (or any file `tailplan import` reads).
    project: PathBuf,
    /// Print the findings as JSON instead of text.
    #[arg(long)]
    json: bool,
    /// How to read GeoJSON coordinates: auto, planar (metres) or wgs84 (lon/lat).
    #[arg(long, default_value = "auto")]
    crs: CrsChoice,
}

/// Runs the command.
pub fn run(args: Args) -> Result<(), Failure> {
    let loaded = files::load(&args.project, args.crs)?;
    files::print_diagnostics(&loaded.diagnostics, false);
    let routed = routing::route(&loaded.project);
    let count = |s: Severity| routed.findings.iter().filter(|f| f.severity == s).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    if args.json {
        let value = serde_json::json!({
            "errors": errors,
            "warnings": warnings,
            "findings": routed.findings,
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&value).expect("findings serialise")
        );
    } else {
        for f in &routed.findings {
            let label = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "note",
            };
            println!("{label}[{}] {f}", f.rule);
        }
        println!(
            "{}: {} cable(s), {errors} error(s), {warnings} warning(s)",
            args.project.display(),
            routed.cables.len()
        );
    }
    if errors > 0 {
        return Err(Failure {
            code: 1,
            message: format!(
                "{}: {errors} design rule finding(s) fail",
                args.project.display()
            ),
        });
    }
    Ok(())
}
