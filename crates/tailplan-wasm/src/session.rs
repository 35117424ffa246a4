//! The plugin API in plain Rust: an open project with its undo history and coverage cache.
//!
//! Everything the JavaScript class `Project` does is a method here, taking the package's
//! options and returning `tailplan-app`'s results; the JavaScript layer (`lib.rs`) only
//! converts. Each method turns its options into the app's request and its error into the
//! message to throw, worded as the CLI's for the same input with the options named as
//! JavaScript writes them ([`JsNames`]: `cellM` where the CLI says `--cell`), so a host shows
//! what a CLI user would see.

use std::borrow::Cow;

use serde::de::DeserializeOwned;
use tailplan_app::coverage::CoverageRequest;
use tailplan_app::open::{self, ImportRequest};
use tailplan_app::placement::{ApPlacementRequest, GatewayPlacementRequest, GatewayPlacements};
use tailplan_app::{
    AppError, ChannelPlanRequest, CheckResult, CoverageResult, CsvTable, Names, Param, ProjectInfo,
    RouteResult, SheetDate, SheetRequest, SheetResult, SheetSetRequest, parse, sheets,
};
use tailplan_core::coverage::CoverageEngine;
use tailplan_core::coverage::grid::DEFAULT_MAX_CELLS;
use tailplan_core::coverage::placement::{ApPlacement, ApPlacementOptions};
use tailplan_core::validate::validate_project;
use tailplan_core::{Diagnostic, Edit, Floor, History, Project, project_file};
use tailplan_io::import::ImportLimits;
use tailplan_io::sheet::SheetKind;

use crate::options::{
    CalibrateOptions, CapacityOptions, CoverageOptions, GeoJsonOptions, ImportOptions,
    PlaceApsOptions, PlaceGatewaysOptions, PlanChannelsOptions, ScenariosOptions, SheetOptions,
    SheetSetOptions,
};

/// The name a project is known by in messages when none is given.
pub const DEFAULT_NAME: &str = "input";

/// The most memory a coverage map may take, bytes: one field per transmitter taken in, plus
/// the combined maps. A WebAssembly module that runs out of memory traps (a browser gives it
/// 2 to 4 GB at most), so a request beyond this is refused with a message instead.
pub const MAX_COVERAGE_BYTES: f64 = 1024.0 * 1024.0 * 1024.0;

/// The memory the coverage engine keeps cached fields in, bytes (the CLI's engine lives for
/// one map; a host's project lives on).
pub const CACHE_BYTES: usize = 64 * 1024 * 1024;

/// The package's names of the parameters: its options, camelCase.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsNames;

impl Names for JsNames {
    fn param(&self, p: Param) -> Cow<'static, str> {
        Cow::Borrowed(match p {
            Param::Floor => "floor",
            Param::Band => "band",
            Param::Tech => "tech",
            Param::Cell => "cellM",
            Param::MaxGridCells => "maxGridCells",
            Param::Date => "date",
            Param::Kind => "kind",
            Param::Kinds => "kinds",
            Param::Paper => "paper",
            Param::Scale | Param::ImportScale => "scale",
            Param::Target => "targetDbm",
            Param::Coverage => "coveragePercent",
            Param::SecondaryCoverage => "secondaryPercent",
            Param::Tx => "txDbm",
            Param::Height => "heightM",
            Param::Spacing => "spacingM",
            Param::Margin => "marginDb",
            Param::Crs => "crs",
            Param::Units => "units",
            Param::ScalePoints => "scalePoints",
            Param::Layers => "layers",
            Param::MaxFileMb => "maxFileMb",
            Param::MaxEntities => "maxEntities",
            Param::MaxPoints => "maxPoints",
            Param::MaxNesting => "maxNesting",
            Param::Table => "table",
            Param::Width => "widthMhz",
            Param::Channels => "channels",
            Param::Fit => "fit",
            Param::Folds => "folds",
            Param::WallPriorRows => "wallPriorRows",
        })
    }

    fn raise(&self, p: Param) -> Cow<'static, str> {
        Cow::Owned(format!("the option {}", self.param(p)))
    }
}

/// The message a JavaScript `Error` carries for `e`.
pub fn message(e: AppError) -> String {
    e.message(&JsNames)
}

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

impl Default for Session {
    fn default() -> Self {
        Self::new(Project::new(), DEFAULT_NAME, Vec::new())
    }
}

fn crs(crs: Option<&str>) -> Result<tailplan_io::geojson::CrsChoice, AppError> {
    crs.map(parse::crs)
        .transpose()
        .map(Option::unwrap_or_default)
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

    fn opened(opened: tailplan_app::Opened, name: &str) -> Self {
        Self::new(opened.project, name, opened.diagnostics)
    }

    /// Opens a project file's text. The message on failure is the CLI's: `NAME: what`.
    pub fn from_json(text: &str, name: &str) -> Result<Self, String> {
        let opened = open::open_project_file(name, text).map_err(message)?;
        Ok(Self::opened(opened, name))
    }

    /// Imports a GeoJSON FeatureCollection.
    pub fn from_geojson(text: &str, options: &GeoJsonOptions) -> Result<Self, String> {
        let name = options.name.as_deref().unwrap_or(DEFAULT_NAME);
        let crs = crs(options.crs.as_deref()).map_err(message)?;
        let opened = open::open_geojson(name, text, crs).map_err(message)?;
        Ok(Self::opened(opened, name))
    }

    /// Opens a file's bytes: a tailplan project file, or any plan `tailplan import` reads
    /// (GeoJSON, IMDF zip, DXF, SVG, PNG, JPEG; told from the content).
    pub fn import_file(name: &str, bytes: &[u8], options: &ImportOptions) -> Result<Self, String> {
        let request = import_request(options).map_err(message)?;
        let opened = open::open_bytes(name, bytes, &request).map_err(message)?;
        Ok(Self::opened(opened, name))
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
        tailplan_io::geojson::export(&self.project)
    }

    /// Floors, element counts and extents (`tailplan info --json`).
    pub fn info(&self) -> ProjectInfo {
        tailplan_app::info(&self.project)
    }

    /// The floor with this id.
    pub fn floor(&self, id: &str) -> Result<&Floor, String> {
        tailplan_app::pick_floor(&self.name, &self.project, Some(id)).map_err(message)
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
    pub fn coverage(&mut self, options: &CoverageOptions) -> Result<CoverageResult, String> {
        let request = coverage_request(options).map_err(message)?;
        tailplan_app::coverage::coverage(&mut self.engine, &self.name, &self.project, &request)
            .map(tailplan_app::Coverage::into_result)
            .map_err(message)
    }

    /// Proposes access point positions and channels (`tailplan place-aps --out`): a proposal,
    /// not an edit of the project.
    pub fn place_aps(&self, options: &PlaceApsOptions) -> Result<ApPlacement, String> {
        let request = place_aps_request(options).map_err(message)?;
        tailplan_app::placement::place_aps(&self.name, &self.project, &request).map_err(message)
    }

    /// Proposes gateway positions for each technology (`tailplan place-gateways --out`).
    pub fn place_gateways(
        &self,
        options: &PlaceGatewaysOptions,
    ) -> Result<GatewayPlacements, String> {
        let request = place_gateways_request(options).map_err(message)?;
        tailplan_app::placement::place_gateways(&self.name, &self.project, &request)
            .map_err(message)
    }

    /// Adds an antenna pattern file (MSI / Planet) to the project's antenna library, as one
    /// undoable edit (`tailplan antenna add`).
    pub fn add_antenna(
        &mut self,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<tailplan_app::antenna::AntennaAdded, String> {
        let (edit, added) =
            tailplan_app::antenna::add_antenna(&self.project, file_name, bytes).map_err(message)?;
        self.apply(edit)?;
        Ok(added)
    }

    /// Keeps a site survey file (CSV) in the project, as one undoable edit, replacing one of
    /// the same name; what `tailplan accuracy --survey` and `tailplan calibrate --survey` read.
    pub fn add_survey(
        &mut self,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<tailplan_app::survey::SurveyAdded, String> {
        let (edit, added) =
            tailplan_app::survey::add_survey(&self.project, file_name, bytes).map_err(message)?;
        self.apply(edit)?;
        Ok(added)
    }

    /// The model's predictions against the project's surveys (`tailplan accuracy --json`,
    /// unrounded).
    pub fn accuracy(&self) -> Result<tailplan_app::AccuracyResult, String> {
        tailplan_app::survey::accuracy(&self.name, &self.project, &[]).map_err(message)
    }

    /// Fits the model to the project's surveys and makes the calibration the project's, as
    /// one undoable edit (`tailplan calibrate --json`, unrounded).
    pub fn calibrate(
        &mut self,
        options: &CalibrateOptions,
    ) -> Result<tailplan_app::CalibrationResult, String> {
        let fit = tailplan_app::survey::fit_options(
            options.fit.as_deref(),
            options.folds,
            options.wall_prior_rows,
        )
        .map_err(message)?;
        let (edit, result) = tailplan_app::survey::calibrate(&self.name, &self.project, &[], &fit)
            .map_err(message)?;
        self.apply(edit)?;
        Ok(result)
    }

    /// Takes the calibration away, as one undoable edit (`tailplan calibrate --reset`).
    pub fn reset_calibration(&mut self) -> Result<(), String> {
        let edit =
            tailplan_app::survey::reset_calibration(&self.name, &self.project).map_err(message)?;
        self.apply(edit)
    }

    /// Plans a floor's channels (`tailplan plan-channels --json`); with `apply`, makes the
    /// plan the project's as one undoable edit.
    pub fn plan_channels(
        &mut self,
        options: &PlanChannelsOptions,
    ) -> Result<tailplan_core::coverage::ChannelPlan, String> {
        let request = ChannelPlanRequest {
            floor: options.floor.clone(),
            options: tailplan_core::coverage::ChannelPlanOptions {
                band: options
                    .band
                    .as_deref()
                    .map(parse::band)
                    .transpose()
                    .map_err(message)?
                    .unwrap_or(tailplan_core::WifiBand::Ghz5),
                width_mhz: options.width_mhz,
                channels: options.channels.clone().filter(|c| !c.is_empty()),
                avoid_dfs: options.avoid_dfs.unwrap_or(false),
            },
        };
        let plan = tailplan_app::channels::plan_channels(&self.name, &self.project, &request)
            .map_err(message)?;
        if options.apply.unwrap_or(false)
            && let Some(edit) = tailplan_app::channels::plan_edit(&self.project, &plan)
        {
            self.apply(edit)?;
        }
        Ok(plan)
    }

    /// Clients and airtime per radio on one floor or every floor (`tailplan capacity
    /// --json`, unrounded).
    pub fn capacity(
        &mut self,
        options: &CapacityOptions,
    ) -> Result<tailplan_app::CapacityResult, String> {
        let request = tailplan_app::CapacityRequest {
            floor: options.floor.clone(),
            cell_m: options.cell_m,
            max_grid_cells: options.max_grid_cells.unwrap_or(DEFAULT_MAX_CELLS),
            max_memory_bytes: Some(MAX_COVERAGE_BYTES),
        };
        tailplan_app::capacity::capacity(&mut self.engine, &self.name, &self.project, &request)
            .map_err(message)
    }

    /// Routes every cable (`tailplan route`).
    pub fn route(&self) -> RouteResult {
        tailplan_app::route::route(&self.project)
    }

    /// Scenarios of the final tail compared (`tailplan scenarios --json`): the options'
    /// scenario file (named `scenarios` in messages), else the built-in scenarios.
    pub fn scenarios(
        &self,
        options: &ScenariosOptions,
    ) -> Result<tailplan_app::scenarios::ScenariosResult, String> {
        let request = scenarios_request(options).map_err(message)?;
        tailplan_app::scenarios::compare(self.scenarios_name(&request), &self.project, &request)
            .map_err(message)
    }

    /// The name of a comparison's scenario file in messages: `scenarios` (the option's), or
    /// the project's for the built-in scenarios.
    fn scenarios_name(&self, request: &tailplan_app::scenarios::ScenariosRequest) -> &str {
        if request.file.is_some() {
            SCENARIOS_FILE
        } else {
            self.name.as_str()
        }
    }

    /// The design-rule report (`tailplan check --json`).
    pub fn check(&self) -> CheckResult {
        tailplan_app::route::check(&self.project)
    }

    /// A table of the routing as CSV (RFC 4180, guarded against spreadsheet formulas), the
    /// bytes `tailplan route` writes: `schedule` (`--schedule`), `bill_of_materials` (`--bom`),
    /// `tray_fill` (`--fill`), `rooms` (`--rooms`), `findings`, `final_tail` (`--final-tail`).
    pub fn csv(&self, table: &str) -> Result<String, String> {
        let table = table.parse::<CsvTable>().map_err(|e| match e {
            AppError::Invalid { why, .. } => why,
            other => message(other),
        })?;
        Ok(self.route().csv(table))
    }

    /// A new session on the project with every automatic cable added as a route (`tailplan
    /// route -o`), with an empty history.
    pub fn routed(&self) -> Session {
        let routed = self.route().routed_project(&self.project);
        Session::new(routed, &self.name, Vec::new())
    }

    /// One floor's sheet of a kind and its continuation sheets (`tailplan sheet`). `today`
    /// gives the date when the options do not.
    pub fn sheets(
        &self,
        options: &SheetOptions,
        today: impl FnOnce() -> SheetDate,
    ) -> Result<Vec<SheetResult>, String> {
        let request = sheet_request(options, today).map_err(message)?;
        let scenarios = ScenariosOptions {
            scenarios: options.scenarios.clone(),
            duty_cycle: options.duty_cycle,
            gateway_w: options.gateway_w,
            poe_efficiency: options.poe_efficiency,
        };
        if request.kind == SheetKind::Scenarios {
            let scenarios = scenarios_request(&scenarios).map_err(message)?;
            let request = sheets::ScenarioSheetRequest {
                paper: request.paper,
                file: scenarios.file.is_some().then(|| SCENARIOS_FILE.to_owned()),
                scenarios,
                ..sheets::ScenarioSheetRequest::new(request.date)
            };
            return sheets::scenario_sheet(&self.name, &self.project, &request)
                .map(|s| vec![s.sheet])
                .map_err(message);
        }
        if scenarios != ScenariosOptions::default() {
            return Err(
                "sheet options: scenarios, dutyCycle, gatewayW and poeEfficiency are for kind \"scenarios\" (the scenario comparison sheet)"
                    .into(),
            );
        }
        sheets::floor_sheets(&self.name, &self.project, &request)
            .map(|s| s.sheets)
            .map_err(message)
    }

    /// [`Session::sheets`] as one PDF (`tailplan sheet -o OUT.pdf`): a page per sheet at its
    /// paper's size, text as text in the bundled font, the same bytes for the same input.
    pub fn sheets_pdf(
        &self,
        options: &SheetOptions,
        today: impl FnOnce() -> SheetDate,
    ) -> Result<Vec<u8>, String> {
        let date = date(options.date.as_deref(), today).map_err(message)?;
        let drawn = self.sheets(options, || date)?;
        sheets::sheets_pdf(&self.name, &self.project, &drawn, date).map_err(message)
    }

    /// [`Session::sheet_set`] as one PDF, the index sheet first (`tailplan sheet --all -o
    /// OUT.pdf`).
    pub fn sheet_set_pdf(
        &self,
        options: &SheetSetOptions,
        today: impl FnOnce() -> SheetDate,
    ) -> Result<Vec<u8>, String> {
        let date = date(options.date.as_deref(), today).map_err(message)?;
        let drawn = self.sheet_set(options, || date)?;
        sheets::sheets_pdf(&self.name, &self.project, &drawn, date).map_err(message)
    }

    /// The sheet set: an index sheet, then every floor's sheets (`tailplan sheet --all`).
    pub fn sheet_set(
        &self,
        options: &SheetSetOptions,
        today: impl FnOnce() -> SheetDate,
    ) -> Result<Vec<SheetResult>, String> {
        let request = sheet_set_request(options, today).map_err(message)?;
        sheets::sheet_set(&self.name, &self.project, &request)
            .map(|s| s.sheets)
            .map_err(message)
    }
}

/// The app's import request of the package's options.
fn import_request(options: &ImportOptions) -> Result<ImportRequest, AppError> {
    let defaults = ImportLimits::default();
    Ok(ImportRequest {
        floor: options.floor.clone(),
        units: options.units.as_deref().map(parse::units).transpose()?,
        scale: open::scale_of(options.scale, options.scale_points)?,
        layers: options
            .layers
            .as_deref()
            .map(parse::layers)
            .transpose()?
            .unwrap_or_default(),
        crs: crs(options.crs.as_deref())?,
        include_hidden: options.include_hidden.unwrap_or(false),
        keep_underlay: options.keep_underlay.unwrap_or(true),
        rotation_deg: options.rotation_deg.unwrap_or(0.0),
        storeys: options.storeys.clone().unwrap_or_default(),
        limits: ImportLimits {
            max_file_bytes: options.max_file_mb.map(|mb| mb.saturating_mul(1_000_000)),
            max_entities: options.max_entities.unwrap_or(defaults.max_entities),
            max_points: options.max_points.unwrap_or(defaults.max_points),
            max_nesting: options.max_nesting.unwrap_or(defaults.max_nesting),
        },
        ..ImportRequest::default()
    })
}

/// The app's coverage request of the package's options.
fn coverage_request(options: &CoverageOptions) -> Result<CoverageRequest, AppError> {
    let request = CoverageRequest {
        floor: options.floor.clone(),
        band: options.band.as_deref().map(parse::band).transpose()?,
        tech: options.tech.as_deref().map(parse::tech).transpose()?,
        cell_m: options.cell_m,
        max_grid_cells: options.max_grid_cells.unwrap_or(DEFAULT_MAX_CELLS),
        sinr: false,
        max_memory_bytes: Some(MAX_COVERAGE_BYTES),
    };
    request.check()?;
    Ok(request)
}

/// The app's request for access point proposals.
fn place_aps_request(options: &PlaceApsOptions) -> Result<ApPlacementRequest, AppError> {
    let d = ApPlacementOptions::default();
    let request = ApPlacementRequest {
        floor: options.floor.clone(),
        options: ApPlacementOptions {
            band: options
                .band
                .as_deref()
                .map(parse::band)
                .transpose()?
                .unwrap_or(d.band),
            target_dbm: options.target_dbm.unwrap_or(d.target_dbm),
            coverage_percent: options.coverage_percent.unwrap_or(d.coverage_percent),
            secondary: options.secondary.unwrap_or(d.secondary),
            secondary_percent: options.secondary_percent.unwrap_or(d.secondary_percent),
            tx_dbm: options.tx_dbm.unwrap_or(d.tx_dbm),
            height_m: options.height_m,
            spacing_m: options.spacing_m.unwrap_or(d.spacing_m),
            cell_m: options.cell_m.unwrap_or(d.cell_m),
            max_cells: options.max_grid_cells.unwrap_or(DEFAULT_MAX_CELLS),
            keep_existing: options.keep_existing.unwrap_or(d.keep_existing),
            capacity: options.capacity.unwrap_or(d.capacity),
            ..d
        },
    };
    request.check()?;
    Ok(request)
}

/// The app's request for gateway proposals.
fn place_gateways_request(
    options: &PlaceGatewaysOptions,
) -> Result<GatewayPlacementRequest, AppError> {
    let d = GatewayPlacementRequest::default();
    let request = GatewayPlacementRequest {
        floor: options.floor.clone(),
        tech: options.tech.as_deref().map(parse::tech).transpose()?,
        margin_db: options.margin_db.unwrap_or(d.margin_db),
        tx_dbm: options.tx_dbm,
        height_m: options.height_m,
        spacing_m: options.spacing_m.unwrap_or(d.spacing_m),
        keep_existing: options.keep_existing.unwrap_or(d.keep_existing),
    };
    request.check()?;
    Ok(request)
}

/// The date asked for, or `today`.
fn date(date: Option<&str>, today: impl FnOnce() -> SheetDate) -> Result<SheetDate, AppError> {
    date.map(SheetDate::parse)
        .transpose()
        .map(|d| d.unwrap_or_else(today))
}

/// The app's request for one floor's sheets.
fn sheet_request(
    options: &SheetOptions,
    today: impl FnOnce() -> SheetDate,
) -> Result<SheetRequest, AppError> {
    Ok(SheetRequest {
        floor: options.floor.clone(),
        kind: options
            .kind
            .as_deref()
            .map(parse::sheet_kind)
            .transpose()?
            .unwrap_or(SheetKind::Cabling),
        paper: options.paper.as_deref().map(parse::paper).transpose()?,
        scale: options.scale.as_deref().map(parse::scale).transpose()?,
        date: date(options.date.as_deref(), today)?,
        max_grid_cells: DEFAULT_MAX_CELLS,
    })
}

/// The name of the options' scenario file in messages.
const SCENARIOS_FILE: &str = "scenarios";

/// The app's comparison request of the package's scenario options: the file (its text or
/// the object, read as `--scenarios` reads a file) and how energy is counted.
fn scenarios_request(
    options: &ScenariosOptions,
) -> Result<tailplan_app::scenarios::ScenariosRequest, AppError> {
    use tailplan_app::scenarios::read_file;
    let file = match &options.scenarios {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(text)) => Some(read_file(SCENARIOS_FILE, text)?),
        Some(value) => Some(read_file(SCENARIOS_FILE, &value.to_string())?),
    };
    let d = tailplan_core::scenario::EnergyOptions::default();
    Ok(tailplan_app::scenarios::ScenariosRequest {
        file,
        then: Vec::new(),
        energy: tailplan_core::scenario::EnergyOptions {
            duty_cycle: options.duty_cycle.unwrap_or(d.duty_cycle),
            gateway_w: options.gateway_w.unwrap_or(d.gateway_w),
            poe_efficiency: options.poe_efficiency.unwrap_or(d.poe_efficiency),
        },
    })
}

/// The app's request for the sheet set.
fn sheet_set_request(
    options: &SheetSetOptions,
    today: impl FnOnce() -> SheetDate,
) -> Result<SheetSetRequest, AppError> {
    Ok(SheetSetRequest {
        kinds: match &options.kinds {
            Some(list) => parse::sheet_kinds(list)?,
            None => SheetKind::ALL.to_vec(),
        },
        paper: options.paper.as_deref().map(parse::paper).transpose()?,
        scale: options.scale.as_deref().map(parse::scale).transpose()?,
        date: date(options.date.as_deref(), today)?,
        max_grid_cells: DEFAULT_MAX_CELLS,
    })
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

#[cfg(test)]
mod tests;
