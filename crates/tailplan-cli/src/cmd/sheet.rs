//! `tailplan sheet PROJECT.json [--floor ID | --all] [--kind cabling|coverage|riser|scenarios]
//! [--scenarios FILE] [--duty-cycle SHARE] [--gateway-w W] [--paper A3] [--scale 1:100]
//! [--date YYYY-MM-DD] [--max-grid-cells N] -o OUT.svg` (a folder with `--all`; with several
//! projects, `--all` draws each one's set in parallel into `OUT/PROJECT/`), `-o OUT.pdf`:
//! one PDF of the sheets (with `--all`, the whole set, the index sheet first), or `-o OUT.zip`:
//! the SVG sheets in one zip archive, as the editor downloads them

use std::path::{Path, PathBuf};

use tailplan_app::scenarios::ScenariosRequest;
use tailplan_app::{
    ScenarioSheetRequest, SheetDate, SheetRequest, SheetResult, SheetSetRequest, Sheets, sheets,
};
use tailplan_io::geojson::CrsChoice;
use tailplan_io::sheet::{Paper, Scale, SheetKind};

use crate::Failure;
use crate::batch::{self, Report};
use crate::cmd::{GridLimit, today};
use crate::files;
use crate::flags::Flags;

/// Draw design sheets (SVG, one PDF when OUT ends in .pdf, one zip of SVGs when it ends in
/// .zip): a floor's cabling or coverage
/// sheet, the riser sheets, the scenario comparison, or the whole set.
#[derive(clap::Args)]
pub struct Args {
    /// The project file (or any file `tailplan import` reads); several with --all, drawn in
    /// parallel.
    #[arg(required = true, value_name = "PROJECT")]
    projects: Vec<PathBuf>,
    /// The floor's id (needed when the project has several floors, unless --all; with
    /// --kind riser, the riser sheets of its building only).
    #[arg(long, value_name = "ID", conflicts_with = "all")]
    floor: Option<String>,
    /// Every floor, with an index sheet: OUT is a folder (index.svg, cabling-ID.svg,
    /// coverage-ID.svg, and -2, -3... for continuation sheets; riser-*.svg and rack-*.svg
    /// when the project has a backbone or several buildings).
    #[arg(long)]
    all: bool,
    /// What the sheet shows: cabling (default for one floor), coverage, riser (the riser
    /// diagrams of the campus and each building, then every distributor's rack and port
    /// map: OUT.svg, OUT-2.svg...) or scenarios (the scenarios of the final tail compared on
    /// one sheet, not in a set); --all draws cabling, coverage and riser unless given.
    #[arg(long, value_name = "cabling|coverage|riser|scenarios")]
    kind: Option<SheetKind>,
    /// With --kind scenarios: the scenario file (JSON; see docs/scenarios.md); without it the
    /// built-in scenarios.
    #[arg(long, value_name = "FILE")]
    scenarios: Option<PathBuf>,
    /// With --kind scenarios: how energy is counted.
    #[command(flatten)]
    energy: super::scenarios::EnergyArgs,
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
    /// with --all (with several projects, a folder per project in it); a name ending in
    /// .pdf writes one PDF of every sheet drawn (with --all, the whole set, index first),
    /// one ending in .zip a zip archive of every sheet drawn as SVG.
    #[arg(short = 'o', long, value_name = "OUT.svg")]
    output: PathBuf,
    /// How to read GeoJSON coordinates: auto, planar (metres) or wgs84 (lon/lat).
    #[arg(long, default_value = "auto")]
    crs: CrsChoice,
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

/// What `-o OUT` writes, by its extension (any case).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Out {
    /// `.pdf`: one PDF of every sheet drawn.
    Pdf,
    /// `.zip`: one zip archive of every sheet drawn, `NAME.svg` each.
    Zip,
    /// An SVG per sheet (`OUT.svg`, `OUT-2.svg`...), or with `--all` a folder of them.
    Svg,
}

impl Out {
    /// What `out` asks for; an extension that is none of these is refused for one floor's
    /// sheets (it would have been SVG under another name), as is `.svg` for a whole set.
    fn of(out: &Path, all: bool) -> Result<Self, Failure> {
        let ext = out
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            Some("pdf") => Ok(Self::Pdf),
            Some("zip") => Ok(Self::Zip),
            Some("svg") if all => Err(Failure::input(format!(
                "{}: with --all, OUT is a folder (an SVG per sheet), OUT.pdf or OUT.zip",
                out.display()
            ))),
            Some(other) if !all && other != "svg" => Err(Failure::input(format!(
                "{}: sheets are written as .svg (a file per sheet), .pdf (one document) or \
                 .zip (the SVG sheets in one archive), not .{other}",
                out.display()
            ))),
            _ => Ok(Self::Svg),
        }
    }
}

/// The sheets drawn: one PDF or zip when `output` names one, else an SVG per sheet at
/// `paths`.
fn write(
    ctx: (&str, &tailplan_core::Project, SheetDate),
    sheets: &[SheetResult],
    (output, out): (&Path, Out),
    paths: impl FnOnce() -> Vec<PathBuf>,
    r: &mut Report,
) -> Result<(), Failure> {
    let (name, project, date) = ctx;
    let (bytes, unit) = match out {
        Out::Svg => return write_all(sheets, &paths(), r),
        Out::Pdf => (sheets::sheets_pdf(name, project, sheets, date)?, "page(s)"),
        Out::Zip => (sheets::sheets_zip(sheets)?, "sheet(s)"),
    };
    files::write_atomic(output, &bytes)?;
    r.say(format!(
        "wrote {} ({} {unit}, {} KB)",
        output.display(),
        sheets.len(),
        bytes.len().div_ceil(1024)
    ));
    Ok(())
}

fn write_all(sheets: &[SheetResult], paths: &[PathBuf], r: &mut Report) -> Result<(), Failure> {
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
    if Out::of(&args.output, true)? != Out::Svg {
        return Err(Failure::input(
            "with several projects, OUT is a folder: write one project's PDF or zip at a time",
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

/// The date asked for, or today's.
fn date(args: &Args) -> Result<SheetDate, Failure> {
    match &args.date {
        Some(d) => Ok(SheetDate::parse(d)?),
        None => Ok(today()),
    }
}

/// One project's sheets into `output`.
fn draw(path: &Path, args: &Args, output: &Path, r: &mut Report) -> Result<(), Failure> {
    if (args.scenarios.is_some() || args.energy.given()) && args.kind != Some(SheetKind::Scenarios)
    {
        return Err(Failure::input(
            "--scenarios, --duty-cycle and --gateway-w are for --kind scenarios (the scenario comparison sheet)",
        ));
    }
    let out = Out::of(output, args.all)?;
    let date = date(args)?;
    let loaded = files::load(path, args.crs)?;
    r.err += &files::diagnostics_text(&loaded.diagnostics, false);
    let project = &loaded.project;
    let name = path.display().to_string();
    if args.all {
        let request = SheetSetRequest {
            kinds: match args.kind {
                Some(k) => vec![k],
                None => SheetKind::ALL.to_vec(),
            },
            paper: args.paper,
            scale: args.scale,
            date,
            max_grid_cells: args.limit.max_grid_cells,
        };
        let drawn = sheets::sheet_set(&name, project, &request)?;
        warn_coverage(&drawn, r);
        if out != Out::Svg {
            return write(
                (&name, project, date),
                &drawn.sheets,
                (output, out),
                Vec::new,
                r,
            );
        }
        std::fs::create_dir_all(output).map_err(|e| Failure {
            code: 1,
            message: format!("{}: cannot make the folder: {e}", output.display()),
        })?;
        let paths: Vec<PathBuf> = drawn
            .sheets
            .iter()
            .map(|s| output.join(format!("{}.svg", s.name)))
            .collect();
        write_all(&drawn.sheets, &paths, r)?;
        r.say(format!(
            "{} sheet(s) in {}",
            drawn.sheets.len(),
            output.display()
        ));
        return Ok(());
    }
    if args.kind == Some(SheetKind::Scenarios) {
        // Read before the comparison, so that a bad file is refused before any routing.
        let file = args
            .scenarios
            .as_deref()
            .map(super::scenarios::read_file)
            .transpose()?;
        let request = ScenarioSheetRequest {
            paper: args.paper,
            scenarios: ScenariosRequest {
                file,
                then: Vec::new(),
                energy: args.energy.options(),
            },
            file: args.scenarios.as_ref().map(|p| p.display().to_string()),
            ..ScenarioSheetRequest::new(date)
        };
        let drawn = sheets::scenario_sheet(&name, project, &request)?;
        r.err += &files::diagnostics_text(&drawn.comparison.warnings, false);
        let paths = || vec![output.to_path_buf()];
        return write(
            (&name, project, date),
            &[drawn.sheet],
            (output, out),
            paths,
            r,
        );
    }
    let request = SheetRequest {
        floor: args.floor.clone(),
        kind: args.kind.unwrap_or(SheetKind::Cabling),
        paper: args.paper,
        scale: args.scale,
        date,
        max_grid_cells: args.limit.max_grid_cells,
    };
    let drawn = sheets::floor_sheets(&name, project, &request)?;
    warn_coverage(&drawn, r);
    let paths = || {
        (0..drawn.sheets.len())
            .map(|k| numbered(output, k))
            .collect()
    };
    write(
        (&name, project, date),
        &drawn.sheets,
        (output, out),
        paths,
        r,
    )
}

/// Says which floors' coverage sheets show no map, and why (the sheet says it too).
fn warn_coverage(drawn: &Sheets, r: &mut Report) {
    for missing in &drawn.no_map {
        r.say(format!("warning: {}", missing.message(&Flags)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continuation_sheets_are_numbered() {
        assert_eq!(
            numbered(Path::new("out/plan.svg"), 1),
            PathBuf::from("out/plan-2.svg")
        );
        assert_eq!(
            numbered(Path::new("plan.svg"), 0),
            PathBuf::from("plan.svg")
        );
    }
}
