//! The plugin API in plain Rust: an open project with its undo history and coverage cache.
//!
//! Everything the JavaScript class `Project` does is a method here, taking and returning
//! Rust values; the JavaScript layer (`lib.rs`) only converts. Every method that can fail
//! returns the message to throw, worded as the CLI words it for the same input (the CLI
//! prints `tailplan: error: ` before it), so a host shows what a CLI user would see.

use serde::de::DeserializeOwned;
use tailplan_core::coverage::grid::DEFAULT_MAX_CELLS;
use tailplan_core::coverage::model::transmitters_reaching;
use tailplan_core::coverage::{
    CoverageEngine, CoverageError, CoverageRequest, FloorScope, Grid, Service, coverage_stats,
    default_thresholds, iot_links,
};
use tailplan_core::routing::routed_project;
use tailplan_core::validate::validate_project;
use tailplan_core::{Diagnostic, Edit, Floor, History, IotTech, Project, WifiBand, project_file};
use tailplan_io::csv;
use tailplan_io::geojson::{self, CrsChoice};
use tailplan_io::import::{self, ImportLimits, Scale, Units};
use tailplan_io::layers::LayerMap;
use tailplan_io::sheet::{self, Analysis, Paper, SheetKind};

use crate::options::{
    CoverageOptions, GeoJsonOptions, ImportOptions, SheetOptions, SheetSetOptions,
};
use crate::results::{CoverageResult, ProjectInfo, RouteResult, SheetResult};

/// The name a project is known by in messages when none is given.
pub const DEFAULT_NAME: &str = "input";

/// The most memory a coverage map may take, bytes: one field per transmitter taken in, plus
/// the combined maps. A WebAssembly module that runs out of memory traps (a browser gives it
/// 2 to 4 GB at most), so a request beyond this is refused with a message instead.
pub const MAX_COVERAGE_BYTES: f64 = 1024.0 * 1024.0 * 1024.0;

/// The memory the coverage engine keeps cached fields in, bytes (the CLI's engine lives for
/// one map; a host's project lives on).
pub const CACHE_BYTES: usize = 64 * 1024 * 1024;

/// An open project: the model, its undo history, the coverage engine's cache, and what
/// opening it noticed.
#[derive(Debug)]
pub struct Session {
    name: String,
    project: Project,
    history: History,
    engine: CoverageEngine,
    warnings: Vec<Diagnostic>,
}

/// A coverage map: the result and its grid of best-server RSSI values, dBm.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// Everything but the values.
    pub result: CoverageResult,
    /// `cols × rows` values, row-major, row 0 at the south.
    pub best_rssi_dbm: Vec<f32>,
}

impl Default for Session {
    fn default() -> Self {
        Self::new(Project::new(), DEFAULT_NAME, Vec::new())
    }
}

impl Session {
    /// A session on `project`, known as `name` in messages.
    pub fn new(project: Project, name: &str, warnings: Vec<Diagnostic>) -> Self {
        let mut engine = CoverageEngine::new();
        engine.set_budget_bytes(CACHE_BYTES);
        Self {
            name: name.to_owned(),
            project,
            history: History::new(),
            engine,
            warnings,
        }
    }

    /// Opens a project file's text. The message on failure is the CLI's: `NAME: what`.
    pub fn from_json(text: &str, name: &str) -> Result<Self, String> {
        import::check_json_to_open(name, text)?;
        let (project, warnings) =
            project_file::from_json(text).map_err(|e| format!("{name}: {e}"))?;
        Ok(Self::new(project, name, warnings))
    }

    /// Imports a GeoJSON FeatureCollection.
    pub fn from_geojson(text: &str, options: &GeoJsonOptions) -> Result<Self, String> {
        let name = options.name.as_deref().unwrap_or(DEFAULT_NAME);
        import::check_json_to_open(name, text)?;
        let crs = parse_crs(options.crs.as_deref())?;
        let done = geojson::import(
            text,
            &geojson::ImportOptions {
                source_name: name.to_owned(),
                crs,
            },
        )
        .map_err(|e| e.to_string())?;
        Ok(Self::new(done.project, name, done.report.diagnostics))
    }

    /// Opens a file's bytes: a tailplan project file, or any plan `tailplan import` reads
    /// (GeoJSON, IMDF zip, DXF, SVG, PNG, JPEG; told from the content).
    pub fn import_file(name: &str, bytes: &[u8], options: &ImportOptions) -> Result<Self, String> {
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        let head = bytes.get(..4096).unwrap_or(bytes);
        if head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
            && String::from_utf8_lossy(head).contains(&format!("\"{}\"", project_file::FORMAT))
        {
            let text = std::str::from_utf8(bytes).map_err(|e| {
                format!(
                    "{name}: not UTF-8 text (byte {}): is it a binary file?",
                    e.valid_up_to()
                )
            })?;
            return Self::from_json(text, name);
        }
        let scale = match (options.scale, options.scale_points) {
            (Some(_), Some(_)) => {
                return Err("give scale or scalePoints, not both".into());
            }
            (Some(s), None) => Some(Scale::MetresPerUnit(s)),
            (None, Some([x1, y1, x2, y2, d])) => Some(Scale::TwoPoints {
                a: tailplan_core::Point::new(x1, y1),
                b: tailplan_core::Point::new(x2, y2),
                distance_m: d,
            }),
            (None, None) => None,
        };
        let units = match &options.units {
            Some(u) => Some(u.parse::<Units>().map_err(|e| format!("units: {e}"))?),
            None => None,
        };
        let layers = match &options.layers {
            Some(l) => l.parse::<LayerMap>().map_err(|e| format!("layers: {e}"))?,
            None => LayerMap::default(),
        };
        let io_options = import::ImportOptions {
            source_name: name.to_owned(),
            format: None,
            floor: options.floor.clone(),
            units,
            scale,
            layers,
            crs: parse_crs(options.crs.as_deref())?,
            include_hidden: options.include_hidden.unwrap_or(false),
            keep_underlay: options.keep_underlay.unwrap_or(true),
            rotation_deg: options.rotation_deg.unwrap_or(0.0),
            cleanup: Default::default(),
            limits: ImportLimits {
                max_file_bytes: options.max_file_mb.map(|mb| mb.saturating_mul(1_000_000)),
                max_entities: options
                    .max_entities
                    .unwrap_or(ImportLimits::DEFAULT_MAX_ENTITIES),
                max_points: options
                    .max_points
                    .unwrap_or(ImportLimits::DEFAULT_MAX_POINTS),
                max_nesting: options
                    .max_nesting
                    .unwrap_or(ImportLimits::DEFAULT_MAX_NESTING),
            },
        };
        let done = import::import_file(name, bytes, &io_options)
            .map_err(|e| option_names(&e.to_string()))?;
        Ok(Self::new(done.project, name, done.report.diagnostics))
    }

    /// The name the project is known by in messages.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The project.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// What opening or importing the project noticed: warnings and notes.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// The current project's problems: impossible values, dangling references.
    pub fn validate(&self) -> Vec<Diagnostic> {
        validate_project(&self.project)
    }

    /// The project file's JSON value.
    pub fn to_value(&self) -> serde_json::Value {
        project_file::to_value(&self.project)
    }

    /// The project file's text, readable (as the CLI and the editor write it).
    pub fn to_json_text(&self) -> String {
        project_file::to_json(&self.project)
    }

    /// The project as GeoJSON text (`tailplan export --geojson`).
    pub fn to_geojson(&self) -> String {
        geojson::export(&self.project)
    }

    /// Floors, element counts and extents (`tailplan info --json`).
    pub fn info(&self) -> ProjectInfo {
        ProjectInfo::of(&self.project)
    }

    /// The floor with this id.
    pub fn floor(&self, id: &str) -> Result<&Floor, String> {
        self.project.floor(id).ok_or_else(|| {
            format!(
                "{}: no floor \"{id}\" (floors: {})",
                self.name,
                floor_ids(&self.project)
            )
        })
    }

    /// An element id `{prefix}-{n}` that no element has yet.
    pub fn new_id(&self, prefix: &str) -> String {
        self.project.id_allocator().next(prefix)
    }

    /// Applies an edit given as JSON (`{"edit": "add_element", ...}`), recording it for undo.
    pub fn apply_json(&mut self, json: &str) -> Result<(), String> {
        let edit: Edit = parse_json("edit", json)?;
        self.apply(edit)
    }

    /// Applies an edit, recording it for undo. On error nothing has changed.
    pub fn apply(&mut self, edit: Edit) -> Result<(), String> {
        self.history
            .apply(&mut self.project, edit)
            .map_err(|e| e.to_string())
    }

    /// Undoes the last edit; false when there was nothing to undo.
    pub fn undo(&mut self) -> bool {
        self.history.undo(&mut self.project)
    }

    /// Redoes the last undone edit; false when there was nothing to redo.
    pub fn redo(&mut self) -> bool {
        self.history.redo(&mut self.project)
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// A floor's coverage (`tailplan coverage`): fields are cached, so that after an edit
    /// only the transmitters it touched are computed again.
    pub fn coverage(&mut self, options: &CoverageOptions) -> Result<Coverage, String> {
        let name = self.name.clone();
        if let Some(c) = options.cell_m
            && !(c.is_finite() && c > 0.0)
        {
            return Err(format!("--cell {c}: must be a positive number of metres"));
        }
        if options.band.is_some() && options.tech.is_some() {
            return Err("give band or tech, not both".into());
        }
        let project = &self.project;
        let floor = pick_floor(project, &name, options.floor.as_deref())?;
        let service = pick_service(
            &name,
            floor,
            options.band.as_deref(),
            options.tech.as_deref(),
        )?;
        let mut request = CoverageRequest::new(floor.id.clone(), service);
        request.cell_m = options.cell_m;
        let max_cells = options.max_grid_cells.unwrap_or(DEFAULT_MAX_CELLS);
        self.engine.set_max_cells(max_cells);
        // What the map would take in memory (the core refuses grids beyond the cell limit;
        // here the fields of all the transmitters must fit too).
        if let Ok(grid) = Grid::for_floor(
            floor,
            options.cell_m.unwrap_or(project.settings.radio.cell_m),
            max_cells,
        ) {
            let fields = transmitters_reaching(project, floor, service, request.scope).len();
            let bytes = grid.len() as f64 * 4.0 * (fields as f64 + 4.0);
            if bytes > MAX_COVERAGE_BYTES {
                return Err(format!(
                    "{name}: a map of {} cells of {} m with {fields} transmitter(s) needs about {:.0} MB, more than the {:.0} MB the library computes in: use larger cells",
                    grid.len(),
                    grid.cell_m,
                    bytes / 1e6,
                    MAX_COVERAGE_BYTES / 1e6
                ));
            }
        }
        let maps = self
            .engine
            .heatmaps(project, &request)
            .map_err(|e| match e {
                CoverageError::GridTooLarge { .. } => {
                    format!("{name}: {e} (cellM, maxGridCells)")
                }
                _ => format!("{name}: {e}"),
            })?;
        let thresholds = default_thresholds(&project.settings.radio, service);
        let stats = coverage_stats(&maps, floor, &thresholds);
        let links = match service {
            Service::Iot(t) => Some(
                iot_links(project, Some(&floor.id), Some(t), FloorScope::Adjacent)
                    .map_err(|e| format!("{name}: {e}"))?,
            ),
            Service::Wifi(_) => None,
        };
        Ok(Coverage {
            result: CoverageResult::of(&maps, stats, links),
            best_rssi_dbm: maps.best_rssi_dbm,
        })
    }

    /// Routes every cable (`tailplan route`).
    pub fn route(&self) -> RouteResult {
        RouteResult::of(&self.project)
    }

    /// A table of the routing as CSV (RFC 4180, guarded against spreadsheet formulas), the
    /// bytes `tailplan route` writes: `schedule` (`--schedule`), `bill_of_materials` (`--bom`),
    /// `tray_fill` (`--fill`), `rooms` (`--rooms`), `findings`, `final_tail` (`--final-tail`).
    pub fn csv(&self, table: &str) -> Result<String, String> {
        let r = RouteResult::of(&self.project);
        let routing = &r.routing;
        Ok(match table {
            "schedule" => csv::schedule(&routing.schedule()),
            "bill_of_materials" => csv::bill_of_materials(&r.bill_of_materials),
            "tray_fill" => csv::tray_fill(&routing.tray_fill),
            "rooms" => csv::rooms(&routing.rooms),
            "findings" => csv::findings(&routing.findings),
            "final_tail" => csv::final_tail(&routing.final_tail),
            other => {
                return Err(format!(
                    "unknown table \"{other}\": expected schedule, bill_of_materials, tray_fill, rooms, findings or final_tail"
                ));
            }
        })
    }

    /// A new session on the project with every automatic cable added as a route (`tailplan
    /// route -o`), with an empty history.
    pub fn routed(&self) -> Session {
        let routed = routed_project(&self.project, &tailplan_core::routing::route(&self.project));
        Session::new(routed, &self.name, Vec::new())
    }

    /// One floor's sheet of a kind and its continuation sheets (`tailplan sheet`). `today`
    /// gives the date when the options do not.
    pub fn sheets(
        &self,
        options: &SheetOptions,
        today: impl FnOnce() -> String,
    ) -> Result<Vec<SheetResult>, String> {
        let name = &self.name;
        let project = &self.project;
        let sheet_options = sheet_options(
            options.paper.as_deref(),
            options.scale.as_deref(),
            options.date.as_deref(),
            today,
        )?;
        let kind = match &options.kind {
            Some(k) => k.parse::<SheetKind>().map_err(|e| format!("kind: {e}"))?,
            None => SheetKind::Cabling,
        };
        let floor = pick_floor(project, name, options.floor.as_deref())?;
        let analysis = match kind {
            SheetKind::Coverage => Analysis::new(project, Some(&[floor.id.as_str()])),
            SheetKind::Cabling => Analysis::routing(project),
        };
        let sheets = sheet::floor_sheets(project, &analysis, &floor.id, kind, &sheet_options)
            .map_err(|e| format!("{name}: {e}"))?;
        Ok(sheets.into_iter().map(SheetResult::from).collect())
    }

    /// The sheet set: an index sheet, then every floor's sheets (`tailplan sheet --all`).
    pub fn sheet_set(
        &self,
        options: &SheetSetOptions,
        today: impl FnOnce() -> String,
    ) -> Result<Vec<SheetResult>, String> {
        let project = &self.project;
        let sheet_options = sheet_options(
            options.paper.as_deref(),
            options.scale.as_deref(),
            options.date.as_deref(),
            today,
        )?;
        let kinds: Vec<SheetKind> = match &options.kinds {
            Some(list) => list
                .iter()
                .map(|k| k.parse::<SheetKind>().map_err(|e| format!("kinds: {e}")))
                .collect::<Result<_, _>>()?,
            None => SheetKind::ALL.to_vec(),
        };
        let analysis = if kinds.contains(&SheetKind::Coverage) {
            Analysis::new(project, None)
        } else {
            Analysis::routing(project)
        };
        let sheets = sheet::sheet_set(project, &analysis, &kinds, &sheet_options)
            .map_err(|e| format!("{}: {e}", self.name))?;
        Ok(sheets.into_iter().map(SheetResult::from).collect())
    }
}

/// Reads JSON text as `T`, naming the member that is wrong: `WHAT: PATH: message`.
pub fn parse_json<T: DeserializeOwned>(what: &str, text: &str) -> Result<T, String> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let mut path = e.path().to_string();
        let inner = strip_position(&e.into_inner().to_string());
        if inner.starts_with("unknown field") {
            // The path ends in the unknown field, which the message names.
            path = path.rsplit_once('.').map_or(".", |(p, _)| p).to_owned();
        }
        if path == "." || path.is_empty() {
            format!("{what}: {inner}")
        } else {
            format!("{what}: {path}: {inner}")
        }
    })?;
    de.end()
        .map_err(|e| format!("{what}: {}", strip_position(&e.to_string())))?;
    Ok(value)
}

/// A serde_json message without its ` at line L column C` (the text is the caller's
/// stringified object: its positions mean nothing to the user).
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(" column ") => message[..i].to_owned(),
        _ => message.to_owned(),
    }
}

fn parse_crs(crs: Option<&str>) -> Result<CrsChoice, String> {
    match crs {
        Some(c) => c.parse::<CrsChoice>().map_err(|e| format!("crs: {e}")),
        None => Ok(CrsChoice::Auto),
    }
}

fn floor_ids(project: &Project) -> String {
    project
        .floors
        .iter()
        .map(|f| f.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The floor asked for, or the only floor: the CLI's `pick_floor`, word for word.
pub fn pick_floor<'p>(
    project: &'p Project,
    name: &str,
    floor: Option<&str>,
) -> Result<&'p Floor, String> {
    match floor {
        Some(id) => project.floor(id).ok_or_else(|| {
            format!(
                "{name}: --floor {id}: no such floor (floors: {})",
                floor_ids(project)
            )
        }),
        None => match project.floors.as_slice() {
            [only] => Ok(only),
            [] => Err(format!("{name}: the project has no floor")),
            _ => Err(format!(
                "{name}: the project has {} floors: give --floor (one of {})",
                project.floors.len(),
                floor_ids(project)
            )),
        },
    }
}

/// The band or technology asked for, or the floor's most common one: the CLI's
/// `pick_service`, word for word.
pub fn pick_service(
    name: &str,
    floor: &Floor,
    band: Option<&str>,
    tech: Option<&str>,
) -> Result<Service, String> {
    if let Some(b) = band {
        return WifiBand::parse(b)
            .map(Service::Wifi)
            .ok_or_else(|| format!("--band {b}: not a Wi-Fi band (2.4, 5 or 6)"));
    }
    if let Some(t) = tech {
        return IotTech::parse(t).map(Service::Iot).ok_or_else(|| {
            format!("--tech {t}: not an IoT technology (lorawan, ble, zigbee or thread)")
        });
    }
    let most = [WifiBand::Ghz5, WifiBand::Ghz6, WifiBand::Ghz2_4]
        .into_iter()
        .map(|b| {
            (
                floor.access_points.iter().filter(|a| a.band == b).count(),
                Service::Wifi(b),
            )
        })
        .chain(IotTech::ALL.into_iter().map(|t| {
            (
                floor.gateways.iter().filter(|g| g.tech == t).count(),
                Service::Iot(t),
            )
        }))
        .fold(
            (0, None),
            |best, (n, s)| if n > best.0 { (n, Some(s)) } else { best },
        );
    most.1.ok_or_else(|| {
        format!(
            "{name}: floor \"{}\" has no access point or gateway: give --band or --tech",
            floor.id
        )
    })
}

/// Paper, scale and date as the CLI reads `--paper`, `--scale` and `--date`.
fn sheet_options(
    paper: Option<&str>,
    scale: Option<&str>,
    date: Option<&str>,
    today: impl FnOnce() -> String,
) -> Result<sheet::SheetOptions, String> {
    let paper = match paper {
        Some(p) => Some(p.parse::<Paper>().map_err(|e| format!("paper: {e}"))?),
        None => None,
    };
    let scale = match scale {
        Some(s) => Some(
            s.parse::<sheet::Scale>()
                .map_err(|e| format!("scale: {e}"))?,
        ),
        None => None,
    };
    let date = match date {
        Some(d) => check_date(d)?,
        None => today(),
    };
    Ok(sheet::SheetOptions { paper, scale, date })
}

/// Checks a `YYYY-MM-DD` date: the CLI's `check_date`, word for word.
pub fn check_date(s: &str) -> Result<String, String> {
    let t = s.trim();
    let b = t.as_bytes();
    let number = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .filter(|d| d.iter().all(u8::is_ascii_digit))
            .and_then(|_| t.get(r))
            .and_then(|d| d.parse::<u32>().ok())
    };
    let ok = b.len() == 10
        && b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && number(0..4).is_some()
        && number(5..7).is_some_and(|m| (1..=12).contains(&m))
        && number(8..10).is_some_and(|d| (1..=31).contains(&d));
    if ok {
        Ok(t.to_owned())
    } else {
        Err(format!("--date {s}: not a date: write YYYY-MM-DD"))
    }
}

/// A limit's message with the options that raise it named as the package names them
/// (`maxEntities`), where the CLI names its flags (`--max-entities`).
fn option_names(message: &str) -> String {
    [
        ("--max-file-mb raises", "the option maxFileMb raises"),
        ("tailplan import --max-entities N", "the option maxEntities"),
        ("tailplan import --max-points N", "the option maxPoints"),
        ("tailplan import --max-nesting N", "the option maxNesting"),
    ]
    .iter()
    .fold(message.to_owned(), |m, (flag, option)| {
        m.replace(flag, option)
    })
}

#[cfg(test)]
mod tests;
