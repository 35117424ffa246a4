//! The worker's side, as plain Rust: its copy of the project, one [`CoverageEngine`] kept for
//! the page's life (so that moving one access point recomputes one field), and the jobs.
//!
//! [`Host::receive`] takes a message and answers at once what needs no work (the project
//! kept in step); [`Host::step`] then does one piece of work: one job (routing, an import,
//! an export, a placement), or one step of the coverage job (the coarse maps, one more
//! transmitter's field at full resolution, the fine maps). The browser glue calls `step`
//! again only after the event loop has delivered what came meanwhile, so a newer coverage
//! job (the next position of a drag) replaces an older one between two steps.

use std::collections::VecDeque;

use tailplan_app::open::{ImportRequest, import_plan};
use tailplan_app::placement::{self, ApPlacementRequest, GatewayPlacementRequest};
use tailplan_app::{AppError, Names, Param};
use tailplan_app::{Export, SheetDate};
use tailplan_core::coverage::placement::ApPlacementOptions;
use tailplan_core::coverage::progressive::{Progressive, Step};
use tailplan_core::coverage::{
    Capacity, CoverageEngine, CoverageRequest, FloorArea, Heatmaps, Service, coverage_stats,
    default_thresholds, floor_capacity, stats::room_cells,
};
use tailplan_core::{BBox, Edit, Floor, Project, UnderlayKind, project_file, routing};
use tailplan_io::import::{ImportError, Scale};
use tailplan_io::layers::LayerMap;
use tailplan_io::sheet::SheetKind;

use super::protocol::{
    AntennaRead, AreaCoverage, Calibrated, CoverageJob, CoverageResult, CoverageSummary, DocKey,
    ExportedFile, FromWorker, GridSpec, ImportChoice, Imported, JobId, Proposal,
    ProposedTransmitter, ScenariosJob, ShownScenarios, ShownSheet, ShownSheets, SurveyChecked,
    SurveyJob, SurveyRead, ToWorker,
};
use crate::panels::coverage::heatmap::Metric;

/// The coarse maps' cells are this many times larger than the project's.
pub const COARSE_FACTOR: usize = 4;
/// The memory the engine's cached fields may take in the worker, bytes.
pub const ENGINE_BUDGET_BYTES: usize = 128 * 1024 * 1024;
/// How wide a drawing without a scale is imported provisionally, metres.
pub const PROVISIONAL_EXTENT_M: f64 = 50.0;

/// What comes with a message out: nothing, a heatmap's values, or a file's bytes.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    /// Nothing.
    None,
    /// One value per cell.
    F32(Vec<f32>),
    /// Bytes.
    Bytes(Vec<u8>),
}

/// A message out, with its payload.
#[derive(Debug, Clone, PartialEq)]
pub struct Out {
    /// The message.
    pub message: FromWorker,
    /// What comes with it.
    pub payload: Payload,
}

impl Out {
    fn plain(message: FromWorker) -> Self {
        Self {
            message,
            payload: Payload::None,
        }
    }

    fn failed(job: JobId, message: impl Into<String>) -> Self {
        Self::plain(FromWorker::Failed {
            job,
            message: message.into(),
        })
    }
}

/// A preview edit applied to the project, and the edit that takes it back.
#[derive(Debug)]
struct Applied {
    edit: Edit,
    inverse: Edit,
}

/// The coverage job in progress.
#[derive(Debug)]
struct CoverageTask {
    job: CoverageJob,
    progressive: Progressive,
    /// Milliseconds spent on the fine maps so far.
    fine_ms: f64,
}

/// Imports a file: (job, name, bytes, choice) to the message out.
pub type ImportFn = fn(JobId, &str, &[u8], &ImportChoice) -> Out;

/// How a worker reads an antenna pattern file (the files worker's, where the readers are).
pub type AntennaFn = fn(JobId, &str, &[u8]) -> Out;

/// How a worker reads a site survey file (the files worker's).
pub type SurveyFn = fn(JobId, &str, &[u8]) -> Out;

/// How a worker checks the model against the project's surveys or fits it (the files
/// worker's: the fit stays out of the worker the page waits for).
pub type SurveyJobFn = fn(&SurveyJob, &Project, &dyn Fn() -> f64) -> Out;

/// How a worker makes a file of the project (the files worker's): job, project, base name,
/// what.
pub type ExportFn = fn(JobId, &Project, &str, &Export) -> Out;

/// How a worker draws sheets to show (the files worker's): job, project, floor, kind, date.
pub type SheetsFn = fn(JobId, &Project, Option<&str>, SheetKind, SheetDate) -> Out;

/// How a worker compares scenarios (the files worker's): the job, the project, the clock.
pub type ScenariosFn = fn(&ScenariosJob, &Project, &dyn Fn() -> f64) -> Out;

/// The editor's names of the parameters in messages: the coverage panel's fields.
#[derive(Debug, Clone, Copy, Default)]
pub struct FieldLabels;

impl Names for FieldLabels {
    fn param(&self, p: Param) -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed(match p {
            Param::Target => "the target",
            Param::Coverage => "the coverage",
            Param::Margin => "the margin",
            Param::Units => "the units",
            Param::Layers => "a layer's role",
            Param::Floor => "the floor",
            other => other.field(),
        })
    }
}

/// An error of the app as the editor says it.
fn say(e: AppError) -> String {
    e.message(&FieldLabels)
}

/// What a worker can do beyond coverage, placement and routing. The importers and the
/// writers of files are big (the `dxf` crate, usvg, zip, the sheets, GeoJSON): the editor's
/// main worker, which the page waits for, goes without them, and a second worker with them
/// starts when a file is imported or exported. Functions only a worker's binary sets are
/// all its wasm holds.
#[derive(Debug, Clone, Copy, Default)]
pub struct Capabilities {
    /// Imports files.
    pub import: Option<ImportFn>,
    /// Makes files: sheets, tables, GeoJSON, DXF.
    pub export: Option<ExportFn>,
    /// Draws sheets to show.
    pub sheets: Option<SheetsFn>,
    /// Reads antenna pattern files.
    pub antenna: Option<AntennaFn>,
    /// Compares scenarios of the final tail.
    pub scenarios: Option<ScenariosFn>,
    /// Reads site survey files.
    pub survey: Option<SurveyFn>,
    /// Checks the model against the surveys, and fits it.
    pub survey_job: Option<SurveyJobFn>,
}

/// The worker's state.
#[derive(Debug)]
pub struct Host {
    capabilities: Capabilities,
    project: Option<Project>,
    doc: Option<DocKey>,
    engine: CoverageEngine,
    preview: Option<Applied>,
    coverage: Option<CoverageTask>,
    jobs: VecDeque<(ToWorker, Vec<u8>)>,
}

impl Default for Host {
    fn default() -> Self {
        Self::new()
    }
}

impl Host {
    /// A worker that does everything (for tests and tools).
    pub fn new() -> Self {
        Self::files()
    }

    /// The editor's main worker: coverage, placement, routing.
    pub fn engine() -> Self {
        Self::with(Capabilities::default())
    }

    /// The editor's files worker: imports and every export.
    pub fn files() -> Self {
        Self::with(Capabilities {
            import: Some(import),
            export: Some(make_file),
            sheets: Some(draw_sheets),
            antenna: Some(read_antenna),
            scenarios: Some(compare_scenarios),
            survey: Some(read_survey),
            survey_job: Some(survey_job),
        })
    }

    /// A worker with `capabilities` and no project yet.
    pub fn with(capabilities: Capabilities) -> Self {
        let mut engine = CoverageEngine::new();
        engine.set_budget_bytes(ENGINE_BUDGET_BYTES);
        Self {
            capabilities,
            project: None,
            doc: None,
            engine,
            preview: None,
            coverage: None,
            jobs: VecDeque::new(),
        }
    }

    /// The project state the worker's copy is at.
    pub fn doc(&self) -> Option<DocKey> {
        self.doc
    }

    /// The worker's copy of the project (with any preview applied).
    pub fn project(&self) -> Option<&Project> {
        self.project.as_ref()
    }

    /// True while there is work to do.
    pub fn busy(&self) -> bool {
        self.coverage.is_some() || !self.jobs.is_empty()
    }

    /// Takes a message (`bytes`: the buffer that came with it); answers what needs no work.
    pub fn receive(&mut self, message: ToWorker, bytes: Vec<u8>) -> Vec<Out> {
        match message {
            ToWorker::Load { doc, project } => {
                self.preview = None;
                // The page's own copy, written by `project_file::to_value` and checked.
                match project_file::from_own_json(&project) {
                    Ok(p) => {
                        self.project = Some(p);
                        self.doc = Some(doc);
                        vec![Out::plain(FromWorker::Synced { doc })]
                    }
                    Err(e) => {
                        self.project = None;
                        self.doc = None;
                        vec![Out::failed(
                            0,
                            format!("The worker could not read the project: {e}"),
                        )]
                    }
                }
            }
            ToWorker::Edits { from, to, edits } => {
                self.revert_preview();
                if self.doc != Some(from) {
                    return vec![Out::plain(FromWorker::NeedProject)];
                }
                let Some(project) = self.project.as_mut() else {
                    return vec![Out::plain(FromWorker::NeedProject)];
                };
                for edit in edits {
                    if project.apply(edit).is_err() {
                        // The copy has drifted: start again from the whole project.
                        self.project = None;
                        self.doc = None;
                        return vec![Out::plain(FromWorker::NeedProject)];
                    }
                }
                self.doc = Some(to);
                vec![Out::plain(FromWorker::Synced { doc: to })]
            }
            ToWorker::Coverage(job) => {
                let request = request_of(&job);
                self.coverage = Some(CoverageTask {
                    progressive: Progressive::new(request, COARSE_FACTOR),
                    job,
                    fine_ms: 0.0,
                });
                Vec::new()
            }
            ToWorker::StopCoverage => {
                self.coverage = None;
                Vec::new()
            }
            other => {
                self.jobs.push_back((other, bytes));
                Vec::new()
            }
        }
    }

    /// Does one piece of work; `clock` gives milliseconds (for the times reported).
    pub fn step(&mut self, clock: &dyn Fn() -> f64) -> Vec<Out> {
        if let Some((job, bytes)) = self.jobs.pop_front() {
            self.revert_preview();
            return self.run_job(job, bytes, clock);
        }
        self.coverage_step(clock)
    }

    /// Takes back the preview edit, if one is applied.
    fn revert_preview(&mut self) {
        let Some(applied) = self.preview.take() else {
            return;
        };
        let ok = self
            .project
            .as_mut()
            .is_some_and(|p| p.apply(applied.inverse).is_ok());
        if !ok {
            self.project = None;
            self.doc = None;
        }
    }

    /// Makes `wanted` the preview applied to the project.
    fn set_preview(&mut self, wanted: Option<&Edit>) -> Result<(), String> {
        if self.preview.as_ref().map(|a| &a.edit) == wanted {
            return Ok(());
        }
        self.revert_preview();
        let (Some(edit), Some(project)) = (wanted, self.project.as_mut()) else {
            return Ok(());
        };
        let inverse = project.apply(edit.clone()).map_err(|e| e.to_string())?;
        self.preview = Some(Applied {
            edit: edit.clone(),
            inverse,
        });
        Ok(())
    }

    fn coverage_step(&mut self, clock: &dyn Fn() -> f64) -> Vec<Out> {
        let Some(mut task) = self.coverage.take() else {
            return Vec::new();
        };
        let id = task.job.job;
        if self.doc != Some(task.job.doc) || self.project.is_none() {
            return vec![Out::plain(FromWorker::NeedProject)];
        }
        if let Err(e) = self.set_preview(task.job.preview.as_ref()) {
            return vec![Out::failed(
                id,
                format!("The coverage of the change could not be computed: {e}"),
            )];
        }
        let Some(project) = self.project.as_ref() else {
            return vec![Out::plain(FromWorker::NeedProject)];
        };
        let t0 = clock();
        let step = task.progressive.step(&mut self.engine, project);
        let ms = clock() - t0;
        // The client-capacity metrics take every band's map of the floor's own radios.
        let wifi = matches!(task.job.service, Service::Wifi(_));
        let capacity = |engine: &mut CoverageEngine, maps: &Heatmaps| {
            (wifi && task.job.metric.is_capacity())
                .then(|| floor_capacity(engine, project, &task.job.floor, Some(maps.grid.cell_m)))
                .transpose()
        };
        match step {
            Ok(Step::Coarse(maps)) => {
                let out = match capacity(&mut self.engine, &maps) {
                    Ok(c) => result(&task.job, project, &maps, false, ms, c.as_ref()),
                    Err(e) => Out::failed(id, format!("No heatmap: {e}.")),
                };
                self.coverage = Some(task);
                vec![out]
            }
            Ok(Step::Refining { done, total }) => {
                task.fine_ms += ms;
                self.coverage = Some(task);
                vec![Out::plain(FromWorker::Progress {
                    job: id,
                    done,
                    total,
                })]
            }
            Ok(Step::Done(maps)) => {
                let ms = task.fine_ms + ms;
                match capacity(&mut self.engine, &maps) {
                    Ok(c) => vec![result(&task.job, project, &maps, true, ms, c.as_ref())],
                    Err(e) => vec![Out::failed(id, format!("No heatmap: {e}."))],
                }
            }
            Err(e) => vec![Out::failed(id, format!("No heatmap: {e}."))],
        }
    }

    fn run_job(&mut self, job: ToWorker, bytes: Vec<u8>, clock: &dyn Fn() -> f64) -> Vec<Out> {
        match job {
            ToWorker::Import { job, name, options } => match self.capabilities.import {
                Some(import) => vec![import(job, &name, &bytes, &options)],
                None => vec![Out::failed(job, "This worker does not import files")],
            },
            ToWorker::ReadAntenna { job, name } => match self.capabilities.antenna {
                Some(read) => vec![read(job, &name, &bytes)],
                None => vec![Out::failed(job, "This worker does not read antenna files")],
            },
            ToWorker::ReadSurvey { job, name } => match self.capabilities.survey {
                Some(read) => vec![read(job, &name, &bytes)],
                None => vec![Out::failed(job, "This worker does not read survey files")],
            },
            ToWorker::Survey(j) => {
                let Some(project) = self.current(j.doc) else {
                    return stale(j.job);
                };
                match self.capabilities.survey_job {
                    Some(run) => vec![run(&j, project, clock)],
                    None => vec![Out::failed(j.job, "This worker does not check surveys")],
                }
            }
            ToWorker::PlaceAps { job, doc, options } => {
                let Some(project) = self.current(doc) else {
                    return stale(job);
                };
                let request = ApPlacementRequest {
                    floor: Some(options.floor.clone()),
                    options: ApPlacementOptions {
                        band: options.band,
                        target_dbm: options.target_dbm,
                        coverage_percent: options.coverage_percent,
                        keep_existing: options.keep_existing,
                        capacity: options.capacity,
                        ..ApPlacementOptions::default()
                    },
                };
                let service = Service::Wifi(options.band);
                match placement::place_aps(PROJECT, project, &request) {
                    Ok(p) => {
                        let mut achieved = format!(
                            "{:.1} % of the room area at {} dBm or better (target {:.0} %)",
                            p.achieved.percent,
                            fmt_dbm(options.target_dbm),
                            options.coverage_percent
                        );
                        if let Some(c) = &p.capacity {
                            achieved.push_str(&format!(
                                "; {} more for {:.0} clients, the busiest radio {:.0} (limit {:.0})",
                                c.added, c.clients, c.busiest, c.limit
                            ));
                        }
                        let add = p
                            .proposals
                            .iter()
                            .map(|a| ProposedTransmitter {
                                id: a.id.clone(),
                                name: a.name.clone(),
                                position: a.position,
                                height_m: a.height_m,
                                tx_dbm: a.tx_dbm,
                                channel: Some(a.channel),
                            })
                            .collect();
                        let proposal = self.proposal(job, doc, &options.floor, service, add);
                        vec![Out::plain(FromWorker::Proposal(Proposal {
                            replace: replaced(
                                project,
                                &options.floor,
                                service,
                                options.keep_existing,
                            ),
                            candidates: p.candidates,
                            achieved,
                            target_met: p.achieved.target_met,
                            ..proposal
                        }))]
                    }
                    Err(e) => vec![Out::failed(job, format!("No proposal: {}.", say(e)))],
                }
            }
            ToWorker::PlaceGateways { job, doc, options } => {
                let Some(project) = self.current(doc) else {
                    return stale(job);
                };
                let request = GatewayPlacementRequest {
                    floor: Some(options.floor.clone()),
                    tech: Some(options.tech),
                    margin_db: options.margin_db,
                    keep_existing: options.keep_existing,
                    ..GatewayPlacementRequest::default()
                };
                let service = Service::Iot(options.tech);
                let placed = placement::place_gateways(PROJECT, project, &request)
                    .map(|mut g| g.placements.pop());
                match placed {
                    Ok(Some(p)) => {
                        let mut achieved = format!(
                            "{} of {} devices reached with {:.0} dB of margin",
                            p.reached, p.devices, options.margin_db
                        );
                        if !p.unreachable.is_empty() {
                            achieved += &format!("; {} no position can reach", p.unreachable.len());
                        }
                        let add = p
                            .proposals
                            .iter()
                            .map(|g| ProposedTransmitter {
                                id: g.id.clone(),
                                name: g.name.clone(),
                                position: g.position,
                                height_m: g.height_m,
                                tx_dbm: g.tx_dbm,
                                channel: None,
                            })
                            .collect();
                        let proposal = self.proposal(job, doc, &options.floor, service, add);
                        vec![Out::plain(FromWorker::Proposal(Proposal {
                            replace: replaced(
                                project,
                                &options.floor,
                                service,
                                options.keep_existing,
                            ),
                            candidates: p.candidates,
                            achieved,
                            target_met: p.target_met,
                            ..proposal
                        }))]
                    }
                    Ok(None) => vec![Out::failed(job, "No proposal: no technology to place.")],
                    Err(e) => vec![Out::failed(job, format!("No proposal: {}.", say(e)))],
                }
            }
            ToWorker::Route { job, doc } => {
                let Some(project) = self.current(doc) else {
                    return stale(job);
                };
                let t0 = clock();
                let routing = routing::route(project);
                let bom = routing.bill_of_materials(project);
                let compute_ms = clock() - t0;
                vec![Out::plain(FromWorker::Routed {
                    job,
                    doc,
                    compute_ms,
                    routing: Box::new(routing),
                    bom: Box::new(bom),
                })]
            }
            ToWorker::Export {
                job,
                doc,
                base,
                what,
            } => {
                let Some(project) = self.current(doc) else {
                    return stale(job);
                };
                match self.capabilities.export {
                    Some(make) => vec![make(job, project, &base, &what)],
                    None => vec![Out::failed(job, "No file: this worker makes none.")],
                }
            }
            ToWorker::Sheets {
                job,
                doc,
                floor,
                kind,
                date,
            } => {
                let Some(project) = self.current(doc) else {
                    return stale(job);
                };
                match self.capabilities.sheets {
                    Some(draw) => vec![draw(job, project, floor.as_deref(), kind, date)],
                    None => vec![Out::failed(job, "No sheets: this worker draws none.")],
                }
            }
            ToWorker::Scenarios(j) => {
                let Some(project) = self.current(j.doc) else {
                    return stale(j.job);
                };
                match self.capabilities.scenarios {
                    Some(compare) => vec![compare(&j, project, clock)],
                    None => vec![Out::failed(
                        j.job,
                        "No comparison: this worker compares none.",
                    )],
                }
            }
            // Handled by `receive`.
            ToWorker::Load { .. }
            | ToWorker::Edits { .. }
            | ToWorker::Coverage(_)
            | ToWorker::StopCoverage => Vec::new(),
        }
    }

    /// A proposal of `add` for `service` on `floor`, to fill in.
    fn proposal(
        &self,
        job: JobId,
        doc: DocKey,
        floor: &str,
        service: Service,
        add: Vec<ProposedTransmitter>,
    ) -> Proposal {
        Proposal {
            job,
            doc,
            floor: floor.to_owned(),
            service,
            add,
            replace: Vec::new(),
            candidates: 0,
            achieved: String::new(),
            target_met: false,
        }
    }

    /// The project, when it is at `doc`.
    fn current(&self, doc: DocKey) -> Option<&Project> {
        (self.doc == Some(doc))
            .then_some(self.project.as_ref())
            .flatten()
    }
}

/// The answer to a job for a state the worker is not at.
fn stale(job: JobId) -> Vec<Out> {
    vec![
        Out::plain(FromWorker::NeedProject),
        Out::failed(
            job,
            "The project changed while this was asked for: try again",
        ),
    ]
}

/// The name the project goes by in the app's messages (the editor shows no file name in
/// them: the project on screen is the one meant).
const PROJECT: &str = "the project";

/// What accepting a proposal takes away on `floor`.
fn replaced(project: &Project, floor: &str, service: Service, keep: bool) -> Vec<String> {
    project
        .floor(floor)
        .map_or_else(Vec::new, |f| placement::replaced(f, service, keep))
}

fn fmt_dbm(v: f64) -> String {
    format!("{v:.0}").replace('-', "−")
}

/// The core's request for a coverage job.
fn request_of(job: &CoverageJob) -> CoverageRequest {
    let mut r = CoverageRequest::new(job.floor.clone(), job.service);
    r.sinr = job.metric == Metric::Sinr;
    r
}

/// A floor's client capacity and the maps it was computed from (one per band).
pub type CapacityMaps = (Capacity, Vec<Heatmaps>);

/// The values of `metric` per cell: `NaN` outside the floor's rooms (when it has rooms) and
/// where nothing is heard (for the ratios). The client-capacity metrics take `capacity`
/// (without it, or on another service, they are `NaN` everywhere).
pub fn metric_values(
    maps: &Heatmaps,
    floor: Option<&Floor>,
    metric: Metric,
    capacity: Option<&CapacityMaps>,
    association_dbm: f64,
) -> Vec<f32> {
    let n = maps.grid.len();
    let load = |airtime: bool| {
        capacity
            .and_then(|(c, all)| {
                all.iter()
                    .find(|m| m.service == maps.service && m.grid == maps.grid)
                    .map(|m| c.per_cell(m, association_dbm, airtime))
            })
            .unwrap_or_else(|| vec![f32::NAN; n])
    };
    let mut values: Vec<f32> = match metric {
        Metric::Best => maps.best_rssi_dbm.clone(),
        Metric::Second => maps.second_rssi_dbm.clone(),
        Metric::Snr => maps.snr_db(),
        Metric::Sinr => maps.sinr_db.clone().unwrap_or_else(|| maps.snr_db()),
        Metric::Servers => maps.servers_above.iter().map(|&c| f32::from(c)).collect(),
        Metric::Clients => load(false),
        Metric::Airtime => load(true),
    };
    if matches!(metric, Metric::Snr | Metric::Sinr) {
        for (v, &b) in values.iter_mut().zip(&maps.best_rssi_dbm) {
            if b <= tailplan_core::coverage::NO_SIGNAL_DBM {
                *v = f32::NAN;
            }
        }
    }
    if let Some(f) = floor.filter(|f| !f.rooms.is_empty()) {
        let mut inside = vec![false; n];
        for room in &f.rooms {
            for i in room_cells(&maps.grid, room) {
                if let Some(x) = inside.get_mut(i) {
                    *x = true;
                }
            }
        }
        for (v, keep) in values.iter_mut().zip(inside) {
            if !keep {
                *v = f32::NAN;
            }
        }
    }
    values
}

/// The message of a map.
fn result(
    job: &CoverageJob,
    project: &Project,
    maps: &Heatmaps,
    fine: bool,
    ms: f64,
    capacity: Option<&CapacityMaps>,
) -> Out {
    let floor = project.floor(&job.floor);
    let values = metric_values(
        maps,
        floor,
        job.metric,
        capacity,
        project.settings.capacity.association_dbm,
    );
    let stats = (fine && job.stats)
        .then(|| {
            floor.map(|f| CoverageSummary {
                capacity: capacity.map(|(c, _)| Box::new(c.clone())),
                ..summary(project, f, maps)
            })
        })
        .flatten();
    Out {
        message: FromWorker::Coverage(CoverageResult {
            job: job.job,
            doc: job.doc,
            floor: job.floor.clone(),
            service: job.service,
            metric: job.metric,
            fine,
            grid: GridSpec::of(&maps.grid),
            transmitters: maps.transmitters.len(),
            threshold_dbm: maps.threshold_dbm,
            stats,
            compute_ms: ms,
        }),
        payload: Payload::F32(values),
    }
}

/// The floor's and rooms' statistics at the project's thresholds.
fn summary(project: &Project, floor: &Floor, maps: &Heatmaps) -> CoverageSummary {
    let thresholds = default_thresholds(&project.settings.radio, maps.service);
    let area = FloorArea::of(floor, &project.settings.radio);
    let stats = coverage_stats(maps, floor, &area, &thresholds);
    let area = |id: &str, name: &str, a: &tailplan_core::coverage::stats::AreaStats| AreaCoverage {
        id: id.to_owned(),
        name: name.to_owned(),
        area_m2: a.area_m2,
        percent: a.thresholds.iter().map(|t| t.percent).collect(),
        secondary_percent: a.thresholds.iter().map(|t| t.secondary_percent).collect(),
        median_dbm: a.median_dbm,
        min_dbm: a.min_dbm,
    };
    CoverageSummary {
        floor: area("", &floor.name, &stats.floor),
        rooms: stats
            .rooms
            .iter()
            .map(|r| area(&r.id, &r.name, &r.stats))
            .collect(),
        rooms_only: stats.rooms_only,
        area: stats.area,
        thresholds_dbm: thresholds,
        capacity: None,
    }
}

/// The import request of a choice.
fn import_request(choice: &ImportChoice) -> Result<ImportRequest, AppError> {
    let mut rules = Vec::new();
    for (layer, role) in &choice.layers {
        let role = role
            .parse()
            .map_err(|e: String| AppError::invalid(Param::Layers, layer, e))?;
        rules.push((layer.clone(), role));
    }
    Ok(ImportRequest {
        floor: choice.floor.clone(),
        units: choice
            .units
            .as_deref()
            .map(tailplan_app::parse::units)
            .transpose()?,
        scale: choice.m_per_unit.map(Scale::MetresPerUnit),
        layers: LayerMap { rules },
        storeys: choice.storeys.clone(),
        ..ImportRequest::default()
    })
}

/// Everything a project's floors draw, walls, rooms and underlays included.
pub fn extent(project: &Project) -> Option<BBox> {
    project
        .floors
        .iter()
        .filter_map(floor_extent)
        .reduce(BBox::union)
}

/// Everything a floor draws, walls, rooms and underlays included.
pub fn floor_extent(f: &Floor) -> Option<BBox> {
    let mut out: Option<BBox> = None;
    let mut add = |b: BBox| out = Some(out.map_or(b, |o| o.union(b)));
    if let Some(b) = f.plan_bbox() {
        add(b);
    }
    for u in &f.underlays {
        match &u.kind {
            UnderlayKind::Raster(r) => add(r.bbox()),
            UnderlayKind::Vector { layers } => {
                let points = layers
                    .iter()
                    .flat_map(|l| l.lines.iter().chain(l.rings.iter()))
                    .flatten()
                    .copied()
                    .filter(|p| p.is_finite());
                if let Some(b) = BBox::from_points(points) {
                    add(b);
                }
            }
        }
    }
    out
}

/// Imports `bytes`; a drawing that needs a scale gets a provisional one when asked.
/// Reads an antenna pattern file: the pattern and the reader's notes, or why not.
/// The file `what` of `project`, named from `base`, as the message with its bytes.
fn make_file(job: JobId, project: &Project, base: &str, what: &Export) -> Out {
    let dxf = Some(tailplan_io::dxf::export::export_floor as tailplan_app::export::DxfWriter);
    match tailplan_app::export::export(PROJECT, project, base, what, dxf) {
        Ok(file) => Out {
            message: FromWorker::Exported(ExportedFile {
                job,
                name: file.name,
                mime: file.media_type,
                summary: file.summary,
            }),
            payload: Payload::Bytes(file.bytes),
        },
        Err(e) => Out::failed(job, format!("No file: {}.", say(e))),
    }
}

/// `floor`'s sheets of `kind` (every one of the kind without a floor), to show.
fn draw_sheets(
    job: JobId,
    project: &Project,
    floor: Option<&str>,
    kind: SheetKind,
    date: SheetDate,
) -> Out {
    let request = tailplan_app::sheets::SheetRequest {
        floor: floor.map(str::to_owned),
        kind,
        ..tailplan_app::sheets::SheetRequest::new(date)
    };
    match tailplan_app::sheets::floor_sheets(PROJECT, project, &request) {
        Ok(drawn) => Out::plain(FromWorker::Sheets(ShownSheets {
            job,
            sheets: drawn
                .sheets
                .into_iter()
                .map(|s| ShownSheet {
                    name: s.name,
                    number: s.number,
                    title: s.title,
                    svg: s.svg,
                })
                .collect(),
        })),
        Err(e) => Out::failed(job, format!("No sheets: {}.", say(e))),
    }
}

/// The scenarios of `j` compared on `project`: the scenario file's (else the built-in ones),
/// then the panel's own.
fn compare_scenarios(j: &ScenariosJob, project: &Project, clock: &dyn Fn() -> f64) -> Out {
    use tailplan_app::scenarios::{ScenariosRequest, compare_with_media as compare, read_file};
    let t0 = clock();
    let failed = |e: AppError| Out::failed(j.job, format!("No comparison: {}.", say(e)));
    let (name, file) = match &j.file {
        Some((name, text)) => match read_file(name, text) {
            Ok(f) => (name.as_str(), Some(f)),
            Err(e) => return failed(e),
        },
        None => (PROJECT, None),
    };
    let request = ScenariosRequest {
        file,
        then: j.custom.iter().cloned().collect(),
        energy: j.energy,
    };
    let (result, media) = match compare(name, project, &request) {
        Ok(r) => r,
        Err(e) => return failed(e),
    };
    Out::plain(FromWorker::Scenarios(Box::new(ShownScenarios {
        job: j.job,
        doc: j.doc,
        result,
        media,
        energy: j.energy,
        compute_ms: clock() - t0,
    })))
}

fn read_survey(job: JobId, name: &str, bytes: &[u8]) -> Out {
    match tailplan_app::survey::read_survey(name, bytes) {
        Ok((survey, notes)) => Out::plain(FromWorker::SurveyRead(Box::new(SurveyRead {
            job,
            survey,
            notes,
        }))),
        Err(e) => Out::failed(job, format!("Could not read the survey: {}", say(e))),
    }
}

/// The model against the project's surveys, or fitted to them (the files worker's).
fn survey_job(j: &SurveyJob, project: &Project, clock: &dyn Fn() -> f64) -> Out {
    let t0 = clock();
    match &j.calibrate {
        Some(options) => match tailplan_app::survey::calibrate(PROJECT, project, &[], options) {
            Ok((_, result)) => Out::plain(FromWorker::Calibrated(Box::new(Calibrated {
                job: j.job,
                doc: j.doc,
                calibration: result.calibration,
            }))),
            Err(e) => Out::failed(j.job, format!("Could not calibrate: {}", say(e))),
        },
        None => match tailplan_app::survey::check(PROJECT, project) {
            Ok((accuracy, points)) => Out::plain(FromWorker::SurveyChecked(Box::new(
                SurveyChecked::new(j.job, j.doc, accuracy.accuracy, points, clock() - t0),
            ))),
            Err(e) => Out::failed(j.job, say(e)),
        },
    }
}

fn read_antenna(job: JobId, name: &str, bytes: &[u8]) -> Out {
    match tailplan_app::antenna::read_antenna(name, bytes) {
        Ok((pattern, notes)) => Out::plain(FromWorker::AntennaRead(Box::new(AntennaRead {
            job,
            name: name.to_owned(),
            pattern,
            notes,
        }))),
        Err(e) => Out::failed(
            job,
            format!("Could not add the antenna pattern: {}", say(e)),
        ),
    }
}

fn import(job: JobId, name: &str, bytes: &[u8], choice: &ImportChoice) -> Out {
    let fail = |e: AppError| {
        let e = say(e);
        let e = e
            .strip_prefix(&format!("{name}: "))
            .map(str::to_owned)
            .unwrap_or(e);
        Out::failed(job, e)
    };
    let request = match import_request(choice) {
        Ok(o) => o,
        Err(e) => return fail(e),
    };
    let done = match import_plan(name, bytes, &request) {
        Ok(done) => (done, None),
        Err(AppError::Import(ImportError::Scale { .. }))
            if choice.provisional && choice.m_per_unit.is_none() =>
        {
            // At one metre per unit first, to measure the drawing; then at a scale that makes
            // it about 50 m across, so that the clean-up's tolerances are sensible.
            let first = ImportRequest {
                scale: Some(Scale::MetresPerUnit(1.0)),
                ..request.clone()
            };
            let measured = match import_plan(name, bytes, &first) {
                Ok(d) => d,
                Err(e) => return fail(e),
            };
            let size = extent(&measured.project).map_or(0.0, |b| b.width().max(b.height()));
            if !(size.is_finite() && size > 0.0) {
                (measured, Some(1.0))
            } else {
                let s = PROVISIONAL_EXTENT_M / size;
                let second = ImportRequest {
                    scale: Some(Scale::MetresPerUnit(s)),
                    ..request.clone()
                };
                match import_plan(name, bytes, &second) {
                    Ok(d) => (d, Some(s)),
                    Err(e) => return fail(e),
                }
            }
        }
        Err(e) => return fail(e),
    };
    let (done, provisional) = done;
    Out::plain(FromWorker::Imported(Imported {
        job,
        name: name.to_owned(),
        format: done.report.format.clone(),
        project: crate::document::autosave::project_text(&done.project),
        provisional_m_per_unit: provisional,
    }))
}

#[cfg(test)]
mod tests;
