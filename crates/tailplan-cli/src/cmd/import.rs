//! `tailplan import FILE [--floor ID] [--units U] [--scale S | --scale-points "x1,y1,x2,y2,DIST"]
//! [--layers MAP] [--storeys NAME,...] [--crs ...] [--append | --force] [--max-file-mb N] [--max-entities N]
//! [--max-points N] [--max-nesting N] -o PROJECT.json`

use std::path::{Path, PathBuf};

use tailplan_app::{AppError, ImportRequest, open};
use tailplan_core::project_file;
use tailplan_io::geojson::CrsChoice;
use tailplan_io::import::{self, Format, ImportLimits, Scale, Units};
use tailplan_io::layers::LayerMap;

use crate::Failure;
use crate::files;

/// Import a floor plan into a project file.
#[derive(clap::Args)]
pub struct Args {
    /// The plan: DXF, SVG, GeoJSON, an IMDF archive (.zip or its folder), an IFC model
    /// (IFC2X3, IFC4), PNG or JPEG. The format is told from the content.
    file: PathBuf,
    /// The project file to write.
    #[arg(short, long)]
    output: PathBuf,
    /// The floor a DXF, SVG or image goes on (default 0; a number n sits at n x 3.5 m).
    #[arg(long, value_name = "ID")]
    floor: Option<String>,
    /// DXF units, overriding $INSUNITS: mm, cm, m, in or ft.
    #[arg(long, value_name = "U")]
    units: Option<Units>,
    /// The scale of an SVG or an image (required for SVG): metres per drawing unit or pixel.
    #[arg(long, value_name = "S", conflicts_with = "scale_points")]
    scale: Option<f64>,
    /// The scale from two points of the drawing (pixels for an image) and their distance in
    /// metres: "x1,y1,x2,y2,DIST".
    #[arg(long, value_name = "x1,y1,x2,y2,DIST")]
    scale_points: Option<Scale>,
    /// Layer roles before the defaults: "PATTERN=ROLE,..." with * and ? globs; a role is a
    /// material (drywall, concrete...), door, window, room, label or ignore.
    #[arg(long, value_name = "MAP")]
    layers: Option<LayerMap>,
    /// Import hidden layers too (Inkscape hidden layers, DXF layers turned off).
    #[arg(long)]
    include_hidden: bool,
    /// The storeys of an IFC model to import, by name, comma-separated (default: every storey
    /// that holds a wall).
    #[arg(long, value_name = "NAME,...", value_delimiter = ',')]
    storeys: Vec<String>,
    /// Rotation of an image underlay, degrees anticlockwise.
    #[arg(long, value_name = "DEG", default_value_t = 0.0)]
    rotation: f64,
    /// How to read GeoJSON coordinates: auto, planar (metres) or wgs84 (lon/lat).
    #[arg(long, default_value = "auto")]
    crs: CrsChoice,
    /// Add to the project in -o when it exists (its floor of the same id, or a new floor).
    #[arg(long)]
    append: bool,
    /// Replace -o when it exists. Without --append or --force an existing -o is refused, so
    /// that a project (and the work done on it) is never overwritten by mistake.
    #[arg(long, conflicts_with = "append")]
    force: bool,
    /// The largest file read, in MB (default: 64 for DXF, SVG, IMDF and images, 256 for
    /// GeoJSON). Bigger files are refused before they are read.
    #[arg(long, value_name = "N")]
    max_file_mb: Option<u64>,
    /// The most entities a drawing may have once its block references are expanded.
    #[arg(long, value_name = "N", default_value_t = ImportLimits::DEFAULT_MAX_ENTITIES)]
    max_entities: usize,
    /// The most points a drawing may have (curves flattened, blocks expanded).
    #[arg(long, value_name = "N", default_value_t = ImportLimits::DEFAULT_MAX_POINTS)]
    max_points: usize,
    /// How deep DXF block references and SVG elements may nest.
    #[arg(long, value_name = "N", default_value_t = ImportLimits::DEFAULT_MAX_NESTING)]
    max_nesting: usize,
}

impl Args {
    /// The import asked for.
    fn request(&self) -> ImportRequest {
        ImportRequest {
            floor: self.floor.clone(),
            units: self.units,
            scale: self.scale.map(Scale::MetresPerUnit).or(self.scale_points),
            layers: self.layers.clone().unwrap_or_default(),
            crs: self.crs,
            include_hidden: self.include_hidden,
            keep_underlay: true,
            rotation_deg: self.rotation,
            limits: ImportLimits {
                max_file_bytes: self.max_file_mb.map(|mb| mb.saturating_mul(1_000_000)),
                max_entities: self.max_entities,
                max_points: self.max_points,
                max_nesting: self.max_nesting,
            },
            storeys: self.storeys.clone(),
            ..ImportRequest::default()
        }
    }
}

fn imdf_folder(dir: &Path, max_bytes: u64) -> Result<Vec<(String, Vec<u8>)>, Failure> {
    let name = dir.display();
    let mut files = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| Failure::input(format!("{name}: {e}")))?;
    let mut total = 0u64;
    for e in entries.flatten() {
        let p = e.path();
        let file_name = e.file_name().to_string_lossy().into_owned();
        if !file_name.ends_with(".geojson") {
            continue;
        }
        let limit = max_bytes.saturating_sub(total);
        let bytes = files::read_bytes(&p, limit, "IMDF")?;
        total += bytes.len() as u64;
        files.push((file_name, bytes));
    }
    if !files.iter().any(|(n, _)| n == "unit.geojson") {
        return Err(Failure::input(format!(
            "{name}: is a folder without unit.geojson: not an IMDF archive"
        )));
    }
    files.sort();
    Ok(files)
}

/// Runs the command.
pub fn run(args: Args) -> Result<(), Failure> {
    let name = args.file.display().to_string();
    let existing = args.output.exists();
    if existing && !args.append && !args.force {
        return Err(Failure::input(format!(
            "{}: already exists: give --append to add {name} to it (--floor ID for its floor), or --force to replace it",
            args.output.display()
        )));
    }
    let request = args.request();
    let done = if args.file.is_dir() {
        let files = imdf_folder(&args.file, request.limits.file_bytes(Format::Imdf))?;
        open::import_imdf_files(&name, &files, &request)?
    } else {
        let head = files::read_head(&args.file, 8192)?;
        if open::is_project_file(&head) {
            return Err(AppError::AlreadyAProject { file: name }.into());
        }
        let format = import::sniff(&name, &head).map_err(AppError::from)?;
        let bytes = files::read_bytes(
            &args.file,
            request.limits.file_bytes(format),
            format.as_str(),
        )?;
        open::import_plan(&name, &bytes, &request)?
    };
    files::print_diagnostics(&done.report.diagnostics, true);

    let summary: Vec<String> = done
        .report
        .counts
        .iter()
        .map(|(k, n)| format!("{n} {k}"))
        .collect();
    let merged = done
        .report
        .walls
        .map(|w| format!("; {} wall pieces merged", w.merged()))
        .unwrap_or_default();
    let n_floors = done.project.floors.len();
    let appended = args.append && existing;
    let project = if appended {
        let text = files::read_text(&args.output)?;
        let mut target =
            open::open_project_file(&args.output.display().to_string(), &text)?.project;
        let notes = import::append(&mut target, done);
        files::print_diagnostics(&notes, true);
        target
    } else {
        done.project
    };
    files::write_atomic(&args.output, project_file::to_json(&project))?;
    println!(
        "imported {name} ({n_floors} floor{}: {}{merged}) {} {}",
        if n_floors == 1 { "" } else { "s" },
        summary.join(", "),
        if appended { "appended to" } else { "into" },
        args.output.display()
    );
    Ok(())
}
