//! `tailplan sheet PROJECT.json [--floor ID | --all] [--kind cabling|coverage] [--paper A3]
//! [--scale 1:100] [--date YYYY-MM-DD] [--max-grid-cells N] -o OUT.svg` (a folder with `--all`; with several
//! projects, `--all` draws each one's set in parallel into `OUT/PROJECT/`)

use std::path::{Path, PathBuf};

use tailplan_io::geojson::CrsChoice;
use tailplan_io::sheet::{self, Analysis, Paper, Scale, Sheet, SheetKind, SheetOptions};

use crate::Failure;
use crate::batch::{self, Report};
use crate::cmd::GridLimit;
use crate::cmd::coverage::pick_floor;
use crate::files;

/// Draw design sheets (SVG): a floor's cabling or coverage sheet, or the whole set.
#[derive(clap::Args)]
pub struct Args {
    /// The project file (or any file `tailplan import` reads); several with --all, drawn in
    /// parallel.
    #[arg(required = true, value_name = "PROJECT")]
    projects: Vec<PathBuf>,
    /// The floor's id (needed when the project has several floors, unless --all).
    #[arg(long, value_name = "ID", conflicts_with = "all")]
    floor: Option<String>,
    /// Every floor, with an index sheet: OUT is a folder (index.svg, cabling-ID.svg,
    /// coverage-ID.svg, and -2, -3... for continuation sheets).
    #[arg(long)]
    all: bool,
    /// What the sheet shows: cabling (default for one floor) or coverage; --all draws both
    /// unless given.
    #[arg(long, value_name = "cabling|coverage")]
    kind: Option<SheetKind>,
    /// Paper size, landscape: A4, A3, A2, A1 or A0 (default: A3 if the floor fits it at
    /// 1:100, else A1).
    #[arg(long, value_name = "A3")]
    paper: Option<Paper>,
    /// Scale: 1:50, 1:100, 1:200 or 1:500 (default: the largest at which the floor fits).
    #[arg(long, value_name = "1:100")]
    scale: Option<Scale>,
    /// The date in the title block (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    #[command(flatten)]
    limit: GridLimit,
    /// The SVG to write (continuation sheets go beside it as OUT-2.svg...), or the folder
    /// with --all (with several projects, a folder per project in it).
    #[arg(short = 'o', long, value_name = "OUT.svg")]
    output: PathBuf,
    /// How to read GeoJSON coordinates: auto, planar (metres) or wgs84 (lon/lat).
    #[arg(long, default_value = "auto")]
    crs: CrsChoice,
}

/// Today's date in UTC, `YYYY-MM-DD`.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date((secs / 86_400) as i64)
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's algorithm).
pub fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Checks a `YYYY-MM-DD` date.
pub fn check_date(s: &str) -> Result<String, Failure> {
    let b = s.trim().as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && digits(0..4)
        && digits(5..7)
        && digits(8..10)
        && (1..=12).contains(&s.trim()[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&s.trim()[8..10].parse::<u32>().unwrap_or(0));
    if ok {
        Ok(s.trim().to_owned())
    } else {
        Err(Failure::input(format!(
            "--date {s}: not a date: write YYYY-MM-DD"
        )))
    }
}

/// `OUT.svg` for the first sheet, `OUT-2.svg`... for the next.
fn numbered(out: &Path, k: usize) -> PathBuf {
    if k == 0 {
        return out.to_path_buf();
    }
    let stem = out
        .file_stem()
        .map_or_else(|| "sheet".into(), |s| s.to_string_lossy().into_owned());
    let ext = out
        .extension()
        .map_or_else(|| "svg".into(), |s| s.to_string_lossy().into_owned());
    out.with_file_name(format!("{stem}-{}.{ext}", k + 1))
}

fn write_all(sheets: &[Sheet], paths: &[PathBuf], r: &mut Report) -> Result<(), Failure> {
    for (s, p) in sheets.iter().zip(paths) {
        files::write_atomic(p, &s.svg)?;
        r.say(format!(
            "wrote {} ({}, {} KB)",
            p.display(),
            s.title,
            s.svg.len().div_ceil(1024)
        ));
    }
    Ok(())
}

/// Runs the command.
pub fn run(args: Args) -> Result<(), Failure> {
    if let [one] = args.projects.as_slice() {
        let mut r = Report::default();
        let result = draw(one, &args, &args.output, &mut r);
        return r.end(result).finish();
    }
    if !args.all {
        return Err(Failure::input(
            "with several projects, give --all: each project's sheet set goes into OUT/PROJECT/",
        ));
    }
    let stems = batch::stems(&args.projects)?;
    let jobs: Vec<(&PathBuf, PathBuf)> = args
        .projects
        .iter()
        .zip(stems)
        .map(|(p, s)| (p, args.output.join(s)))
        .collect();
    let reports = batch::parallel("sheets", &jobs, |(p, out)| {
        let mut r = Report::default();
        let result = draw(p, &args, out, &mut r);
        r.end(result)
    });
    let named = args
        .projects
        .iter()
        .map(|p| p.display().to_string())
        .zip(reports)
        .collect();
    batch::finish(named, true)
}

/// One project's sheets into `output`.
fn draw(path: &Path, args: &Args, output: &Path, r: &mut Report) -> Result<(), Failure> {
    let loaded = files::load(path, args.crs)?;
    r.err += &files::diagnostics_text(&loaded.diagnostics, false);
    let project = &loaded.project;
    let name = path.display().to_string();
    let date = match &args.date {
        Some(d) => check_date(d)?,
        None => today(),
    };
    let options = SheetOptions {
        paper: args.paper,
        scale: args.scale,
        date,
    };
    let fail = |e: sheet::SheetError| Failure::input(format!("{name}: {e}"));
    if args.all {
        let kinds: Vec<SheetKind> = match args.kind {
            Some(k) => vec![k],
            None => SheetKind::ALL.to_vec(),
        };
        let analysis = if kinds.contains(&SheetKind::Coverage) {
            Analysis::with_max_cells(project, None, args.limit.max_grid_cells)
        } else {
            Analysis::routing(project)
        };
        warn_coverage(&analysis, r);
        let sheets = sheet::sheet_set(project, &analysis, &kinds, &options).map_err(fail)?;
        std::fs::create_dir_all(output).map_err(|e| Failure {
            code: 1,
            message: format!("{}: cannot make the folder: {e}", output.display()),
        })?;
        let paths: Vec<PathBuf> = sheets
            .iter()
            .map(|s| output.join(format!("{}.svg", s.name)))
            .collect();
        write_all(&sheets, &paths, r)?;
        r.say(format!("{} sheet(s) in {}", sheets.len(), output.display()));
        return Ok(());
    }
    let floor = pick_floor(project, &name, args.floor.as_deref())?;
    let kind = args.kind.unwrap_or(SheetKind::Cabling);
    let analysis = match kind {
        SheetKind::Coverage => Analysis::with_max_cells(
            project,
            Some(&[floor.id.as_str()]),
            args.limit.max_grid_cells,
        ),
        SheetKind::Cabling => Analysis::routing(project),
    };
    warn_coverage(&analysis, r);
    let sheets =
        sheet::floor_sheets(project, &analysis, &floor.id, kind, &options).map_err(fail)?;
    let paths: Vec<PathBuf> = (0..sheets.len()).map(|k| numbered(output, k)).collect();
    write_all(&sheets, &paths, r)
}

/// Says which floors' coverage sheets show no map, and why (the sheet says it too).
fn warn_coverage(analysis: &Analysis, r: &mut Report) {
    for (floor, coverage) in &analysis.coverage {
        if let Err(e) = coverage {
            let hint = if e.contains("grid-cell limit") {
                " (--max-grid-cells)"
            } else {
                ""
            };
            r.say(format!(
                "warning: floor \"{floor}\": no coverage map on its sheet: {e}{hint}"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(19_723), "2024-01-01");
        assert_eq!(civil_date(20_119), "2025-01-31");
        assert_eq!(civil_date(11_016), "2000-02-29");
        assert!(check_date("2025-01-31").is_ok());
        assert!(check_date("2025-13-01").is_err());
        assert!(check_date("31/01/2025").is_err());
        assert_eq!(
            numbered(Path::new("out/plan.svg"), 1),
            PathBuf::from("out/plan-2.svg")
        );
    }
}
