//! The messages between the editor's page and its worker, as plain serde data.
//!
//! Each message is a JSON text (`m`) with, for the few that carry a lot of numbers or bytes,
//! one `ArrayBuffer` (`b`) transferred beside it (a heatmap's values, a file's bytes), so that
//! neither side copies them twice. The page keeps the worker's copy of the project in step by
//! sending the whole project once ([`ToWorker::Load`]) and then the [`Edit`]s it applies
//! ([`ToWorker::Edits`]: a drag's one `Batch`, an undo's inverse), each step naming the
//! document state ([`DocKey`]) it leads from and to; a worker that is not where the edits
//! start asks for the whole project again ([`FromWorker::NeedProject`]).

use serde::{Deserialize, Serialize};
use tailplan_app::{Export, SheetDate};
use tailplan_core::coverage::Service;
use tailplan_core::routing::{BillOfMaterials, Routing};
use tailplan_core::{Edit, IotTech, Point, WifiBand};
use tailplan_io::sheet::SheetKind;

pub use crate::panels::coverage::heatmap::{GridSpec, Metric};

/// A state of the open project: (generation, revision) of the editor's document.
pub type DocKey = (u32, u64);

/// A job's number, unique for the page's life.
pub type JobId = u64;

/// Numbers of jobs sent from the page start here; coverage jobs are numbered by the editor's
/// state from 1, so the two never meet.
pub const FIRST_JOB: JobId = 1 << 40;

/// A message to the worker.
// A message lives only while it is posted or handled; boxing its biggest variant would
// cost an allocation per message for no gain.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToWorker {
    /// The whole project: the worker's copy starts again from it.
    Load {
        /// The state it is.
        doc: DocKey,
        /// The project file's compact JSON.
        project: String,
    },
    /// The edits that lead from `from` to `to`, in order.
    Edits {
        /// Where they start.
        from: DocKey,
        /// Where they end.
        to: DocKey,
        /// The edits.
        edits: Vec<Edit>,
    },
    /// Heatmaps, coarse then fine; replaces any coverage job not yet done.
    Coverage(CoverageJob),
    /// Drops the coverage job in progress.
    StopCoverage,
    /// Proposes access points for a floor.
    PlaceAps {
        /// The job.
        job: JobId,
        /// The state it is for.
        doc: DocKey,
        /// What to aim for.
        options: ApPlacementChoice,
    },
    /// Proposes IoT gateways for a floor.
    PlaceGateways {
        /// The job.
        job: JobId,
        /// The state it is for.
        doc: DocKey,
        /// What to aim for.
        options: GatewayPlacementChoice,
    },
    /// Routes every cable.
    Route {
        /// The job.
        job: JobId,
        /// The state it is for.
        doc: DocKey,
    },
    /// Imports a file (its bytes come in the message's buffer).
    Import {
        /// The job.
        job: JobId,
        /// The file's name.
        name: String,
        /// How.
        options: ImportChoice,
    },
    /// Reads an antenna pattern file (its bytes come in the message's buffer).
    ReadAntenna {
        /// The job.
        job: JobId,
        /// The file's name.
        name: String,
    },
    /// Makes a file to download.
    Export {
        /// The job.
        job: JobId,
        /// The state it is for.
        doc: DocKey,
        /// The start of the file's name (`office`).
        base: String,
        /// What.
        what: Export,
    },
    /// Draws sheets to show in the editor (the riser diagrams and rack maps).
    Sheets {
        /// The job.
        job: JobId,
        /// The state it is for.
        doc: DocKey,
        /// The floor whose building's sheets; `None` for every one of the kind (the campus's).
        floor: Option<String>,
        /// What the sheets show.
        kind: SheetKind,
        /// The date in the title blocks.
        date: SheetDate,
    },
    /// Compares scenarios of the final tail.
    Scenarios(ScenariosJob),
    /// Reads a site survey file (its bytes come in the message's buffer).
    ReadSurvey {
        /// The job.
        job: JobId,
        /// The file's name.
        name: String,
    },
    /// Compares the project's surveys with the model; with `calibrate`, fits the model instead.
    Survey(SurveyJob),
}

/// The radio model against the project's site surveys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveyJob {
    /// The job.
    pub job: JobId,
    /// The state it is for.
    pub doc: DocKey,
    /// Fit the model with these options (the answer is [`Calibrated`]); else check it (the
    /// answer is [`SurveyChecked`]).
    pub calibrate: Option<tailplan_core::survey::FitOptions>,
}

/// A site survey file read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveyRead {
    /// The job.
    pub job: JobId,
    /// The survey.
    pub survey: tailplan_core::survey::Survey,
    /// What the reader decided and warned about.
    pub notes: Vec<tailplan_core::Diagnostic>,
}

/// The model against the project's surveys: what the panel shows of `tailplan accuracy`, in
/// plain structs (the page carries no deserializer of the report's flattened members: they
/// cost it 100 KB).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveyChecked {
    /// The job.
    pub job: JobId,
    /// The state it is of.
    pub doc: DocKey,
    /// Every row's statistics.
    pub stats: tailplan_core::survey::ErrorStats,
    /// Each access point heard: its name and statistics, in project order.
    pub per_ap: Vec<(String, tailplan_core::survey::ErrorStats)>,
    /// The worst rows, largest error first.
    pub worst: Vec<tailplan_core::survey::stats::PointError>,
    /// Rows left out, and why.
    pub skipped: tailplan_core::survey::Skipped,
    /// Every survey point, for the plan.
    pub points: Vec<tailplan_core::survey::stats::SurveyPoint>,
    /// Milliseconds it took in the worker.
    pub compute_ms: f64,
}

impl SurveyChecked {
    /// The message of a job's accuracy report and points.
    pub fn new(
        job: JobId,
        doc: DocKey,
        accuracy: tailplan_core::survey::Accuracy,
        points: Vec<tailplan_core::survey::stats::SurveyPoint>,
        compute_ms: f64,
    ) -> Self {
        Self {
            job,
            doc,
            stats: accuracy.stats,
            per_ap: accuracy
                .per_ap
                .into_iter()
                .map(|a| (a.name, a.stats))
                .collect(),
            worst: accuracy.worst,
            skipped: accuracy.skipped,
            points,
            compute_ms,
        }
    }
}

/// The model fitted to the project's surveys, for the page to make the project's as one undo
/// step (`tailplan_core::survey::calibration_edit` of the state it was fitted at: the page
/// makes the edit itself, so that no edit crosses in a message: an `Edit` read from a tagged
/// message cost the page ~100 KB gzipped).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Calibrated {
    /// The job.
    pub job: JobId,
    /// The state it was fitted at.
    pub doc: DocKey,
    /// What the fit found (`tailplan calibrate --json`).
    pub calibration: tailplan_core::survey::Calibration,
}

/// A comparison of scenarios: the built-in ones (or a scenario file's), and the one the
/// scenarios panel defines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenariosJob {
    /// The job.
    pub job: JobId,
    /// The state it is for.
    pub doc: DocKey,
    /// A scenario file opened in the panel: its name and text. Its scenarios (and its
    /// phases' plan) replace the built-in ones.
    pub file: Option<(String, String)>,
    /// The scenario defined in the panel, compared after the others.
    pub custom: Option<tailplan_core::scenario::Scenario>,
    /// How energy is counted.
    pub energy: tailplan_core::scenario::EnergyOptions,
}

/// A comparison of scenarios, to show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShownScenarios {
    /// The job.
    pub job: JobId,
    /// The state it describes.
    pub doc: DocKey,
    /// The comparison (`tailplan scenarios --json`).
    pub result: tailplan_app::scenarios::ScenariosResult,
    /// What each scenario changes of the plan (device media, gateways proposed), in the
    /// comparison's order.
    pub media: Vec<tailplan_core::scenario::ScenarioMedia>,
    /// How its energy was counted (for its sheet).
    pub energy: tailplan_core::scenario::EnergyOptions,
    /// Milliseconds the worker took.
    pub compute_ms: f64,
}

/// A coverage job: the maps of one floor, one band or technology, one metric.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoverageJob {
    /// The job.
    pub job: JobId,
    /// The project state it is for.
    pub doc: DocKey,
    /// The floor.
    pub floor: String,
    /// The band or technology.
    pub service: Service,
    /// What each cell shows.
    pub metric: Metric,
    /// Edits applied on top of the project for this job only: a drag in progress, a
    /// placement proposal. The worker's project is left as it was.
    pub preview: Option<Edit>,
    /// Whether the fine maps come with the floor's and rooms' statistics.
    pub stats: bool,
}

/// One area's coverage: its share at or above each threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaCoverage {
    /// The room's id (empty for the floor).
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its area counted, m².
    pub area_m2: f64,
    /// Percent of the area at or above each threshold, in threshold order.
    pub percent: Vec<f64>,
    /// Percent heard by a second transmitter at or above each threshold.
    pub secondary_percent: Vec<f64>,
    /// Median best RSSI, dBm.
    pub median_dbm: Option<f64>,
    /// Weakest best RSSI, dBm.
    pub min_dbm: Option<f64>,
}

/// A floor's coverage statistics, as the coverage panel shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoverageSummary {
    /// The thresholds, dBm, strongest first.
    pub thresholds_dbm: Vec<f64>,
    /// True when the floor's area is its rooms (false: the whole grid).
    pub rooms_only: bool,
    /// The floor's area: its rooms, the building's interior from its walls, or the plan.
    pub area: tailplan_core::coverage::AreaKind,
    /// The floor.
    pub floor: AreaCoverage,
    /// Each room, in floor order.
    pub rooms: Vec<AreaCoverage>,
    /// The clients per radio, with the client-capacity metrics.
    pub capacity: Option<Box<tailplan_core::coverage::Capacity>>,
}

/// A coverage result; the values (one `f32` per cell, `NaN` outside the area shown) come in
/// the message's buffer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoverageResult {
    /// The job.
    pub job: JobId,
    /// The project state.
    pub doc: DocKey,
    /// The floor.
    pub floor: String,
    /// The band or technology.
    pub service: Service,
    /// The metric.
    pub metric: Metric,
    /// False for the coarse first map, true for the full resolution.
    pub fine: bool,
    /// The grid.
    pub grid: GridSpec,
    /// Transmitters taken in.
    pub transmitters: usize,
    /// The threshold servers are counted against, dBm.
    pub threshold_dbm: f64,
    /// Statistics, when asked for (fine maps only).
    pub stats: Option<CoverageSummary>,
    /// Time spent on this map in the worker, milliseconds.
    pub compute_ms: f64,
}

/// What to aim for when proposing access points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApPlacementChoice {
    /// The floor.
    pub floor: String,
    /// The band.
    pub band: WifiBand,
    /// The RSSI each cell needs, dBm.
    pub target_dbm: f64,
    /// Percent of the room area that must reach it.
    pub coverage_percent: f64,
    /// Keep the floor's access points of the band (else the proposal replaces them).
    pub keep_existing: bool,
    /// Add access points where a radio would carry more clients than the capacity settings
    /// allow.
    pub capacity: bool,
}

/// What to aim for when proposing gateways.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GatewayPlacementChoice {
    /// The floor.
    pub floor: String,
    /// The technology.
    pub tech: IotTech,
    /// The link margin each device needs, dB.
    pub margin_db: f64,
    /// Keep the floor's gateways of the technology.
    pub keep_existing: bool,
}

/// One proposed transmitter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposedTransmitter {
    /// A free id at the time of the proposal.
    pub id: String,
    /// A name.
    pub name: String,
    /// Where.
    pub position: Point,
    /// Mounting height, metres.
    pub height_m: f64,
    /// EIRP, dBm.
    pub tx_dbm: f64,
    /// The channel (access points).
    pub channel: Option<u32>,
}

/// A placement proposal, to accept or reject.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    /// The job.
    pub job: JobId,
    /// The project state it was made for.
    pub doc: DocKey,
    /// The floor.
    pub floor: String,
    /// The band or technology.
    pub service: Service,
    /// What to add.
    pub add: Vec<ProposedTransmitter>,
    /// The floor's transmitters of the service it replaces (ids; empty when kept).
    pub replace: Vec<String>,
    /// Candidate positions tried.
    pub candidates: usize,
    /// What it achieves, in words: `95.8 % of the room area at −67 dBm`.
    pub achieved: String,
    /// Whether the target is met.
    pub target_met: bool,
}

/// How to import a file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ImportChoice {
    /// The floor id a single-floor drawing goes on.
    pub floor: Option<String>,
    /// DXF units (`mm`, `cm`, `m`, `in`, `ft`), overriding the file's.
    pub units: Option<String>,
    /// Metres per drawing unit (SVG user unit, image pixel), from calibration.
    pub m_per_unit: Option<f64>,
    /// The user's layer roles: (layer name, role as `wall:MATERIAL`, `door`, `window`,
    /// `room`, `label` or `ignore`).
    pub layers: Vec<(String, String)>,
    /// When the drawing needs a scale and none is given, import it at a provisional one
    /// (the drawing about 50 m across) so that it can be calibrated on screen.
    pub provisional: bool,
    /// The storeys of a building model (IFC) to import, by name; empty for the model's
    /// default (every storey that holds a wall).
    #[serde(default)]
    pub storeys: Vec<String>,
}

/// An import's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Imported {
    /// The job.
    pub job: JobId,
    /// The file's name.
    pub name: String,
    /// The format read: `dxf`, `svg`, `png`...
    pub format: String,
    /// The project's compact JSON (its `imports` holds the report).
    pub project: String,
    /// The provisional scale used, metres per unit, when the drawing had none.
    pub provisional_m_per_unit: Option<f64>,
}

/// An antenna pattern file read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AntennaRead {
    /// The job.
    pub job: JobId,
    /// The file's name.
    pub name: String,
    /// The pattern.
    pub pattern: tailplan_core::AntennaPattern,
    /// What the reader decided and warned about.
    pub notes: Vec<tailplan_core::Diagnostic>,
}

/// A file made for download (its bytes come in the message's buffer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportedFile {
    /// The job.
    pub job: JobId,
    /// The file name.
    pub name: String,
    /// Its media type.
    pub mime: String,
    /// What it holds, for the message: `3 sheets`.
    pub summary: String,
}

/// Sheets drawn to be shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShownSheets {
    /// The job.
    pub job: JobId,
    /// The sheets, in the set's order.
    pub sheets: Vec<ShownSheet>,
}

/// One sheet to show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShownSheet {
    /// Its file name without `.svg` (`riser-A`, `rack-A0A`).
    pub name: String,
    /// Its drawing number (`TP-RSR-A`).
    pub number: String,
    /// Its title (`Building A: riser diagram`).
    pub title: String,
    /// The SVG document.
    pub svg: String,
}

/// A message from the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FromWorker {
    /// The worker has started and listens.
    Ready,
    /// Its copy of the project is at this state.
    Synced {
        /// The state.
        doc: DocKey,
    },
    /// Its copy is not where the edits started: send the whole project.
    NeedProject,
    /// A map.
    Coverage(CoverageResult),
    /// How far a job has come.
    Progress {
        /// The job.
        job: JobId,
        /// Steps done.
        done: usize,
        /// Steps in all.
        total: usize,
    },
    /// A placement proposal.
    Proposal(Proposal),
    /// The routing of the project.
    Routed {
        /// The job.
        job: JobId,
        /// The state it was routed at.
        doc: DocKey,
        /// Milliseconds it took in the worker.
        compute_ms: f64,
        /// The result.
        routing: Box<Routing>,
        /// Its bill of materials (computed here, so that the page carries no pricing code).
        bom: Box<BillOfMaterials>,
    },
    /// An imported file.
    Imported(Imported),
    /// A file to download.
    Exported(ExportedFile),
    /// Sheets to show.
    Sheets(ShownSheets),
    /// Scenarios compared.
    Scenarios(Box<ShownScenarios>),
    /// An antenna pattern file read, for the page to add to the project.
    AntennaRead(Box<AntennaRead>),
    /// A survey file read, for the page to keep in the project.
    SurveyRead(Box<SurveyRead>),
    /// The model against the surveys.
    SurveyChecked(Box<SurveyChecked>),
    /// The model fitted to the surveys.
    Calibrated(Box<Calibrated>),
    /// The worker stopped on a bug (a panic); the page starts a new one.
    Crashed {
        /// The panic's message and place.
        message: String,
    },
    /// A job could not be done; `message` says why, for people.
    Failed {
        /// The job (0 for a coverage job's failure is never used: coverage jobs have ids).
        job: JobId,
        /// Why.
        message: String,
    },
}
