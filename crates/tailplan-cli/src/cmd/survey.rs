//! `tailplan accuracy PROJECT [--survey FILE]... [--json] [--out FILE]`: the radio model's
//! predictions against a site survey's measurements, as it stands.
//!
//! `tailplan calibrate PROJECT [--survey FILE]... -o OUT [--json REPORT] [--fit TERMS]
//! [--folds K] [--wall-prior-rows N] [--reset]`: the model fitted to the survey (per access
//! point offsets, the exponent, the walls' losses), written into OUT with the survey kept;
//! `--reset` takes a calibration away instead.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use tailplan_app::survey::{
    AccuracyResult, CalibrationResult, accuracy, calibrate, fit_options, read_survey,
    reset_calibration,
};
use tailplan_core::project_file;
use tailplan_core::survey::stats::ErrorStats;
use tailplan_core::survey::{Skipped, Survey};
use tailplan_io::geojson::CrsChoice;
use tailplan_io::survey::SurveyLimits;

use crate::Failure;
use crate::files;

/// The model's predictions against a site survey.
#[derive(clap::Args)]
pub struct AccuracyArgs {
    /// The project file (or any file `tailplan import` reads).
    project: PathBuf,
    /// A survey file (CSV: x, y, ap or bssid, rssi_dbm; optional floor, band, time); several
    /// may be given. Without one, the surveys the project holds.
    #[arg(long, value_name = "FILE")]
    survey: Vec<PathBuf>,
    /// Print the result as JSON instead of text.
    #[arg(long)]
    json: bool,
    /// Save the result as JSON.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// Fit the radio model to a site survey and write the calibrated project.
#[derive(clap::Args)]
pub struct CalibrateArgs {
    /// The project file (or any file `tailplan import` reads).
    project: PathBuf,
    /// A survey file (CSV); several may be given. Without one, the surveys the project holds.
    #[arg(long, value_name = "FILE")]
    survey: Vec<PathBuf>,
    /// Where to write the calibrated project (the surveys given kept in it).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: PathBuf,
    /// Write the calibration report as JSON.
    #[arg(long, value_name = "REPORT")]
    json: Option<PathBuf>,
    /// What to fit, comma-separated: offsets, exponent, walls, or all.
    #[arg(long, value_name = "TERMS", default_value = "all")]
    fit: String,
    /// Folds of the cross-validation (2 to 20).
    #[arg(long, value_name = "K", default_value_t = 5)]
    folds: usize,
    /// How many rows a wall's library loss counts as (0: none; the walls follow the rays).
    #[arg(long, value_name = "N", default_value_t = 20.0)]
    wall_prior_rows: f64,
    /// Take the calibration away instead (exponent, materials and offsets as before the
    /// first calibration).
    #[arg(long, conflicts_with_all = ["survey", "json"])]
    reset: bool,
}

fn surveys(paths: &[PathBuf]) -> Result<Vec<Survey>, Failure> {
    let limit = SurveyLimits::default().max_bytes;
    paths
        .iter()
        .map(|path| {
            // One byte past the limit at most: the reader refuses a bigger file by its size.
            let bytes = files::read_head(path, usize::try_from(limit).unwrap_or(usize::MAX) + 1)?;
            let (survey, notes) = read_survey(&file_name(path), &bytes)?;
            files::print_diagnostics(&notes, true);
            Ok(survey)
        })
        .collect()
}

/// The survey's name: its file name (the folders it came from are the user's business).
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Runs `tailplan accuracy`.
pub fn run_accuracy(args: AccuracyArgs) -> Result<(), Failure> {
    let name = args.project.display().to_string();
    let loaded = files::load(&args.project, CrsChoice::Auto)?;
    files::print_diagnostics(&loaded.diagnostics, false);
    let given = surveys(&args.survey)?;
    let result = accuracy(&name, &loaded.project, &given)?;
    let json = serde_json::to_string_pretty(&result.to_json_rounded()).expect("json");
    if args.json {
        println!("{json}");
    } else {
        print!("{}", accuracy_text(&name, &result));
    }
    if let Some(path) = &args.out {
        files::write_atomic(path, &json)?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

/// Runs `tailplan calibrate`.
pub fn run_calibrate(args: CalibrateArgs) -> Result<(), Failure> {
    let name = args.project.display().to_string();
    let loaded = files::load(&args.project, CrsChoice::Auto)?;
    files::print_diagnostics(&loaded.diagnostics, false);
    let mut project = loaded.project;
    if args.reset {
        let edit = reset_calibration(&name, &project)?;
        project
            .apply(edit)
            .map_err(|e| Failure::input(format!("{name}: {e}")))?;
        files::write_atomic(&args.output, project_file::to_json(&project))?;
        println!(
            "{name}: calibration taken away (path-loss exponent {}); wrote {}",
            project.settings.radio.path_loss_exponent,
            args.output.display()
        );
        return Ok(());
    }
    let options = fit_options(
        Some(&args.fit),
        Some(args.folds),
        Some(args.wall_prior_rows),
    )?;
    let given = surveys(&args.survey)?;
    let (edit, result) = calibrate(&name, &project, &given, &options)?;
    project
        .apply(edit)
        .map_err(|e| Failure::input(format!("{name}: {e}")))?;
    files::write_atomic(&args.output, project_file::to_json(&project))?;
    print!("{}", calibration_text(&name, &result));
    if let Some(path) = &args.json {
        let json = serde_json::to_string_pretty(&result.to_json_rounded()).expect("json");
        files::write_atomic(path, json)?;
        eprintln!("wrote {}", path.display());
    }
    println!("wrote {}", args.output.display());
    Ok(())
}

fn stats_line(label: &str, s: &ErrorStats) -> String {
    format!(
        "  {label:<16} {:>6} rows  mean {:>+6.2}  MAE {:>5.2}  RMSE {:>5.2}  std {:>5.2} dB\n",
        s.points, s.mean_error_db, s.mae_db, s.rmse_db, s.std_db
    )
}

fn skipped_text(s: &Skipped) -> String {
    let parts: Vec<String> = [
        (s.not_measured, "not a measurement"),
        (s.unknown_ap, "access point unknown"),
        (s.unknown_floor, "floor unknown"),
        (s.no_radio, "no radio on the band"),
        (s.out_of_reach, "in another building"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, why)| format!("{n} {why}"))
    .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("  rows left out: {}\n", parts.join(", "))
    }
}

fn accuracy_text(name: &str, r: &AccuracyResult) -> String {
    let a = &r.accuracy;
    let mut out = format!(
        "{name}: the model against {} (error = predicted − measured)\n",
        r.surveys.join(", ")
    );
    out.push_str(&stats_line("all rows", &a.stats));
    out.push_str(&skipped_text(&a.skipped));
    if !a.per_ap.is_empty() {
        out.push_str("per access point:\n");
        for ap in &a.per_ap {
            out.push_str(&stats_line(&ap.name, &ap.stats));
        }
    }
    if !a.per_room.is_empty() {
        out.push_str("per room:\n");
        for room in &a.per_room {
            out.push_str(&stats_line(&room.name, &room.stats));
        }
    }
    if !a.worst.is_empty() {
        out.push_str("worst rows:\n");
        for w in a.worst.iter().take(10) {
            let _ = writeln!(
                out,
                "  {} line {:<6} floor {} ({:.1}, {:.1}) {}: measured {:.1}, predicted {:.1} dBm ({:+.1} dB)",
                w.survey,
                w.line,
                w.floor,
                w.x,
                w.y,
                w.ap,
                w.measured_dbm,
                w.predicted_dbm,
                w.error_db
            );
        }
    }
    out
}

fn calibration_text(name: &str, r: &CalibrationResult) -> String {
    let c = &r.calibration;
    let mut out = format!("{name}: calibrated against {}\n", c.surveys.join(", "));
    out.push_str(&stats_line("before", &c.before));
    out.push_str(&stats_line("after", &c.after));
    out.push_str(&stats_line(
        &format!("{}-fold held out", c.fit.folds),
        &c.cross_validated,
    ));
    out.push_str(&skipped_text(&c.skipped));
    let _ = writeln!(
        out,
        "path-loss exponent {:.2} -> {:.2}",
        c.exponent.before, c.exponent.after
    );
    if c.fit.offsets {
        out.push_str("access point offsets (dB):\n");
        for o in &c.offsets {
            let _ = writeln!(
                out,
                "  {:<16} {:>+6.1} -> {:>+6.1}  ({} rows)",
                o.name, o.before_db, o.after_db, o.points
            );
        }
    }
    if !c.materials.is_empty() {
        out.push_str("wall losses (dB):\n");
        for m in &c.materials {
            let _ = writeln!(
                out,
                "  {:<16} {:>3} GHz {:>5.1} -> {:>5.1}  ({} crossings)",
                m.material,
                m.band.as_str(),
                m.before_db,
                m.after_db,
                m.crossings
            );
        }
    }
    out
}
