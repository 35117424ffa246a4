//! `tailplan check PROJECT.json... [--json]`: the design-rule report; exit 1 when a rule fails.

use std::path::{Path, PathBuf};

use tailplan_app::CheckResult;
use tailplan_core::Severity;
use tailplan_io::geojson::CrsChoice;

use crate::Failure;
use crate::batch::{self, Report};
use crate::files;

/// Check the design rules (link lengths, tray fill, PoE, ports, unserved endpoints, hand
/// routes): exit 1 when one fails.
#[derive(clap::Args)]
pub struct Args {
    /// The project files (or any file `tailplan import` reads); several are checked in
    /// parallel.
    #[arg(required = true, value_name = "PROJECT")]
    projects: Vec<PathBuf>,
    /// Print the findings as JSON instead of text (with several projects: an array, each
    /// with its `file`).
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
    let reports = batch::parallel("checking", &args.projects, |p| report(p, &args, true));
    if !args.json {
        let named = args
            .projects
            .iter()
            .map(|p| p.display().to_string())
            .zip(reports)
            .collect();
        return batch::finish(named, true);
    }
    // One JSON array of the projects checked (failing or not); bad input on stderr.
    let objects: Vec<String> = reports
        .iter()
        .filter(|r| !r.out.is_empty())
        .map(|r| r.out.trim_end().to_owned())
        .collect();
    let unnamed = reports
        .into_iter()
        .map(|mut r| {
            r.out.clear();
            (String::new(), r)
        })
        .collect();
    let done = batch::finish(unnamed, false);
    println!("[{}]", objects.join(",\n"));
    done
}

fn report(path: &Path, args: &Args, with_file: bool) -> Report {
    let mut r = Report::default();
    let result = check(path, args, with_file, &mut r);
    r.end(result)
}

fn check(path: &Path, args: &Args, with_file: bool, r: &mut Report) -> Result<(), Failure> {
    let loaded = files::load(path, args.crs)?;
    r.err += &files::diagnostics_text(&loaded.diagnostics, false);
    let routed = tailplan_app::route::route(&loaded.project);
    let report = CheckResult::of(routed.routing.findings);
    if args.json {
        let mut value = serde_json::to_value(&report).expect("findings serialise");
        if with_file && let Some(o) = value.as_object_mut() {
            o.insert("file".into(), serde_json::json!(path.display().to_string()));
        }
        r.say(serde_json::to_string_pretty(&value).expect("findings serialise"));
    } else {
        for f in &report.findings {
            let label = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "note",
            };
            r.say(format!("{label}[{}] {f}", f.rule));
        }
        r.say(format!(
            "{}: {} cable(s), {} error(s), {} warning(s)",
            path.display(),
            routed.summary.cables,
            report.errors,
            report.warnings
        ));
    }
    if !report.passes() {
        return Err(Failure {
            code: 1,
            message: format!(
                "{}: {} design rule finding(s) fail",
                path.display(),
                report.errors
            ),
        });
    }
    Ok(())
}
