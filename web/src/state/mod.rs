//! The editor's state and the actions that change it: plain data and a pure reducer, so that
//! every behaviour of the UI can be tested natively. Components only dispatch [`Action`]s.
//!
//! The project lives in a [`Document`]; every change to it is a [`tailplan_core::Edit`]
//! applied through its history. More methods of [`AppState`] live beside it:
//!
//! - `interact`: the tools' state machines, what the pointer and the keys do with the tool
//!   in hand;
//! - `work`: the workers' jobs (coverage, routing, placement, exports, imports through the
//!   dialog) and their progress.
//!
//! And the vocabulary they share with the components: the palette's [`tools`], and what
//! keys do, [`input`].

pub mod buildings;
pub mod input;
mod interact;
pub mod tools;
mod work;

use std::rc::Rc;

use tailplan_core::coverage::Service;
use tailplan_core::routing::Routing;
use tailplan_core::{BBox, Edit, Floor, Point, Project, ProjectMeta, Segment};

pub use crate::document::opened::{LoadError, Opened};
use crate::document::{Document, Source, project_file_name};
use crate::panels::cabling::{CablingState, CablingTab};
use crate::panels::coverage::heatmap::Metric;
use crate::panels::coverage::{CoverageState, HeatmapData};
use crate::panels::import_dialog::ImportDialog;
use crate::panels::properties;
use crate::plan::index::FloorIndex;
use crate::plan::layers::{Layer, Layers};
use crate::plan::scene::FIT_MARGIN_PX;
use crate::plan::snap::{Snap, SnapToggle, Snapping};
use crate::plan::view::{View, Viewport};
use crate::state::input::{Command, KEY_PAN_PX, ZOOM_STEP};
use crate::state::tools::Tool;
use crate::worker::protocol::{DocKey, Imported, JobId, Proposal};

/// A sample project shipped next to the editor.
#[derive(Debug, PartialEq, Eq)]
pub struct Sample {
    /// Short name, in test ids: `office`.
    pub key: &'static str,
    /// Menu caption.
    pub label: &'static str,
    /// File name, fetched from the editor's own origin.
    pub file: &'static str,
}

impl Sample {
    /// How messages name it: `the sample “Office building” (office.tailplan.json)`.
    pub fn describe(&self) -> String {
        format!("the sample “{}” ({})", self.label, self.file)
    }
}

/// The samples of the "Open sample" menu; the first opens on a first visit.
pub const SAMPLES: [Sample; 3] = [
    Sample {
        key: "office",
        label: "Office building",
        file: "office.tailplan.json",
    },
    Sample {
        key: "small",
        label: "Small floor",
        file: "small.tailplan.json",
    },
    Sample {
        key: "campus",
        label: "Campus (two buildings)",
        file: "campus.tailplan.json",
    },
];

/// The sample with this key.
pub fn sample(key: &str) -> Option<&'static Sample> {
    SAMPLES.iter().find(|s| s.key == key)
}

/// Reads a sample project file's text.
pub fn open_sample(sample: &'static Sample, text: &str) -> Result<Opened, LoadError> {
    let mut opened = crate::document::import::open_project_text(sample.file, text)?;
    opened.source = Source::Sample(sample.key);
    Ok(opened)
}

/// A new project: the default settings and materials, and one empty floor to draw on.
pub fn new_project() -> Opened {
    let mut project = Project::new();
    project.meta = ProjectMeta {
        name: "Untitled project".into(),
        ..ProjectMeta::default()
    };
    project.floors.push(Floor::new("0", "Ground floor", 0.0));
    Opened::new(project, Source::New, "untitled.tailplan.json")
}

/// A pointer event on the plan, in CSS pixels from the canvas's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PointerInput {
    /// What happened.
    pub phase: PointerPhase,
    /// Screen x.
    pub x: f64,
    /// Screen y.
    pub y: f64,
    /// `PointerEvent.button`: 0 left, 1 middle, 2 right.
    pub button: i16,
    /// Shift held.
    pub shift: bool,
    /// Alt held: no snapping.
    pub alt: bool,
}

/// The phases of a pointer gesture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointerPhase {
    /// A button went down.
    Down,
    /// The pointer moved.
    Move,
    /// The button came up.
    Up,
    /// The browser took the pointer away.
    Cancel,
    /// A double click.
    DoubleClick,
}

/// What the pointer is doing with a button held.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Gesture {
    /// Nothing.
    #[default]
    Idle,
    /// Dragging the plan.
    Panning {
        /// Last screen x.
        x: f64,
        /// Last screen y.
        y: f64,
    },
    /// Pressed with the select tool, not yet moved far enough to be a drag.
    Pressed {
        /// Screen x of the press.
        x: f64,
        /// Screen y of the press.
        y: f64,
        /// World point of the press.
        at: Point,
        /// The element pressed on.
        hit: Option<String>,
        /// Shift held.
        shift: bool,
    },
    /// Dragging the selection.
    Moving {
        /// What moves.
        ids: Vec<String>,
        /// The point of the pressed element that follows the pointer (and snaps).
        anchor: Point,
        /// World point of the press.
        start: Point,
        /// The move so far, metres.
        offset: (f64, f64),
    },
    /// Dragging a selection box.
    Boxing {
        /// World corner where it started.
        from: Point,
        /// World corner under the pointer.
        to: Point,
        /// Shift held: add to the selection.
        shift: bool,
    },
}

/// A line or outline being drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The tool drawing it.
    pub tool: Tool,
    /// The points so far (for walls: where the next wall starts).
    pub points: Vec<Point>,
    /// A route's endpoint (its name) and element id.
    pub route_from: Option<(String, String)>,
    /// The wall segment a door or window is cut into.
    pub wall: Option<Segment>,
    /// Where a chain of walls started (closing on it ends the chain).
    pub chain_start: Option<Point>,
}

/// A distance being measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measure {
    /// The first point.
    pub a: Point,
    /// The second, once clicked.
    pub b: Option<Point>,
}

/// What is under the pointer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Hover {
    /// The world point under the pointer.
    pub world: Option<Point>,
    /// Where a click would land (snapped and constrained).
    pub point: Option<Point>,
    /// What it snapped to.
    pub snap: Option<Snap>,
    /// The element a click would select (select tool).
    pub hit: Option<String>,
}

/// The [`PropertyError::id`] of the floor's fields.
pub const FLOOR_FIELDS: &str = "#floor";
/// The [`PropertyError::id`] of the project's names.
pub const META_FIELDS: &str = "#meta";

/// A message of the property panel: the core's reason for refusing a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PropertyError {
    /// The element, or [`FLOOR_FIELDS`] or [`META_FIELDS`].
    pub id: String,
    /// The field.
    pub key: String,
    /// Why.
    pub message: String,
}

/// Keeping the project in the browser.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Autosave {
    /// Nothing kept yet.
    #[default]
    Idle,
    /// The project of (generation, revision) is kept.
    Saved(u32, u64),
    /// The last write failed.
    Failed(String),
}

/// A short-lived message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Identifies it, so that a timer closes the right one.
    pub id: u32,
    /// What it says.
    pub text: String,
}

/// The tabs of the side panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SidePanel {
    /// The selection's properties (or the floor's and the project's).
    #[default]
    Properties,
    /// Coverage: heatmap, statistics, automatic placement.
    Coverage,
    /// Cabling: routing, findings, schedule, bill of materials, final tail.
    Cabling,
    /// Scenarios of the final tail compared.
    Scenarios,
    /// Site surveys: the model against measurements, calibration.
    Survey,
}

impl SidePanel {
    /// Every tab, in order.
    pub const ALL: [SidePanel; 5] = [
        SidePanel::Properties,
        SidePanel::Coverage,
        SidePanel::Cabling,
        SidePanel::Scenarios,
        SidePanel::Survey,
    ];

    /// Its name in test ids: `properties`, `coverage`, `cabling`, `scenarios`.
    pub fn name(self) -> &'static str {
        match self {
            SidePanel::Properties => "properties",
            SidePanel::Coverage => "coverage",
            SidePanel::Cabling => "cabling",
            SidePanel::Scenarios => "scenarios",
            SidePanel::Survey => "survey",
        }
    }

    /// Its caption.
    pub fn label(self) -> &'static str {
        match self {
            SidePanel::Properties => "Properties",
            SidePanel::Coverage => "Coverage",
            SidePanel::Cabling => "Cabling",
            SidePanel::Scenarios => "Scenarios",
            SidePanel::Survey => "Survey",
        }
    }
}

/// What a job of the worker does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    /// Routing every cable.
    Route,
    /// Proposing access points or gateways.
    Place,
    /// Making a file to download.
    Export,
    /// Importing a file.
    Import,
    /// Drawing sheets to show.
    View,
    /// Comparing scenarios.
    Compare,
    /// Checking the model against the surveys.
    Survey,
    /// Fitting the model to the surveys.
    Calibrate,
}

/// The sheets shown over the plan (the riser diagrams and rack maps), or on their way.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetsView {
    /// The job drawing them, until they come.
    pub job: Option<JobId>,
    /// The whole campus's (else the building on screen's).
    pub campus: bool,
    /// The sheets (empty until they come).
    pub sheets: Rc<Vec<crate::worker::protocol::ShownSheet>>,
    /// The one shown.
    pub shown: usize,
    /// Why there are none.
    pub error: Option<String>,
}

/// A job of the worker in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// Its number.
    pub id: JobId,
    /// What it does.
    pub kind: JobKind,
    /// What the progress indicator says.
    pub label: String,
}

/// A field of the placement form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlacementField {
    /// The RSSI each cell needs, dBm.
    TargetDbm,
    /// The share of the room area, percent.
    TargetPercent,
    /// The gateways' link margin, dB.
    MarginDb,
    /// Keep the floor's transmitters ("true"/"false").
    KeepExisting,
    /// Access points for the client capacity too ("true"/"false").
    ForCapacity,
}

/// Something the user (or the loader) did.
#[derive(Debug, Clone)]
pub enum Action {
    /// Opening starts; `request` identifies the answer to expect, `label` names what is
    /// opened in the progress indicator and in errors.
    StartLoading {
        /// What is opened: `the sample “Office building” (office.tailplan.json)`.
        label: String,
        /// The request's number.
        request: u32,
    },
    /// The answer to request `request`.
    Loaded {
        /// The request's number.
        request: u32,
        /// The project, or why there is none.
        result: Result<Opened, LoadError>,
    },
    /// An antenna pattern file for request `request` went to the files worker as `job`.
    FileSent {
        /// The request's number.
        request: u32,
        /// The worker's job.
        job: crate::worker::protocol::JobId,
        /// The file's name.
        name: String,
    },
    /// The files worker read an antenna pattern file: into the open project's antenna
    /// library, one undoable edit.
    AntennaRead(Rc<crate::worker::protocol::AntennaRead>),
    /// The files worker read a survey file: into the open project's surveys, one undoable
    /// edit.
    SurveyRead(Rc<crate::worker::protocol::SurveyRead>),
    /// The files worker compared the model with the surveys.
    SurveyChecked(Rc<crate::worker::protocol::SurveyChecked>),
    /// The files worker fitted the model to the surveys: applied as one undo step.
    Calibrated(Rc<crate::worker::protocol::Calibrated>),
    /// Take the calibration away (one undo step).
    ResetCalibration,
    /// Remove the survey of this name from the project (one undo step).
    RemoveSurvey(String),
    /// What the survey points on the plan are coloured by.
    SetSurveyColour(crate::panels::survey::PointColour),
    /// A new, empty project.
    NewProject,
    /// The answer to "replace the project with unsaved changes?".
    ConfirmReplace(bool),
    /// Show the floor with this id.
    SelectFloor(String),
    /// Show or hide a layer.
    ToggleLayer(Layer),
    /// Show the whole floor.
    Fit,
    /// Zoom by a factor about a screen point (CSS px).
    ZoomAt {
        /// Screen x.
        x: f64,
        /// Screen y.
        y: f64,
        /// Above 1 zooms in.
        factor: f64,
    },
    /// Zoom by a factor about the middle of the plan.
    ZoomCenter(f64),
    /// Move the plan by screen pixels.
    Pan {
        /// Right.
        dx: f64,
        /// Down.
        dy: f64,
    },
    /// The canvas changed size.
    Resize(Viewport),
    /// Something went wrong: show it in the error banner.
    Error(String),
    /// Close the error banner.
    DismissError,
    /// Show a short message.
    Notice(String),
    /// Close the message with this id.
    DismissNotice(u32),
    /// Pick a tool.
    SetTool(Tool),
    /// The material new walls are drawn with.
    SetWallMaterial(String),
    /// Switch a snap on or off.
    ToggleSnap(SnapToggle),
    /// A pointer event on the plan.
    Pointer(PointerInput),
    /// The pointer left the plan.
    PointerLeave,
    /// A key command (or a button doing the same).
    Command(Command),
    /// Space came up.
    SpaceUp,
    /// Set a field of an element from the text typed.
    SetProperty {
        /// The element.
        id: String,
        /// The field (`tx_dbm`).
        key: String,
        /// The text.
        value: String,
    },
    /// Set a field of the floor on screen.
    SetFloorProperty {
        /// The field.
        key: String,
        /// The text.
        value: String,
    },
    /// Set one of the project's names.
    SetMetaProperty {
        /// The field.
        key: String,
        /// The text.
        value: String,
    },
    /// Select these elements.
    Select(Vec<String>),
    /// Show or hide the legend.
    ToggleLegend,
    /// The project of (generation, revision) is kept in the browser.
    Saved {
        /// The document's generation.
        generation: u32,
        /// Its revision.
        revision: u64,
    },
    /// Keeping the project in the browser failed.
    SaveFailed(String),
    /// The project of (generation, revision) was downloaded as a file.
    Downloaded {
        /// The document's generation.
        generation: u32,
        /// Its revision.
        revision: u64,
    },
    /// Show a tab of the side panel.
    ShowPanel(SidePanel),
    /// The band or technology of the heatmap.
    SetService(Service),
    /// What the heatmap shows.
    SetMetric(Metric),
    /// A heatmap from the worker.
    Heatmap(Rc<HeatmapData>),
    /// A job of the worker started.
    JobStarted {
        /// Its number.
        job: JobId,
        /// What it does.
        kind: JobKind,
        /// What the progress indicator says.
        label: String,
    },
    /// A job (or the coverage job) came this far.
    JobProgress {
        /// Its number.
        job: JobId,
        /// Steps done.
        done: usize,
        /// Steps in all.
        total: usize,
    },
    /// A job failed (job 0: the worker's own trouble).
    JobFailed {
        /// Its number.
        job: JobId,
        /// Why.
        message: String,
    },
    /// A job is done (a file downloaded), with what to say.
    JobDone {
        /// Its number.
        job: JobId,
        /// The message.
        notice: Option<String>,
    },
    /// The worker lost its copy of the project, or was replaced (`why`: it stopped).
    WorkerReset {
        /// Why it stopped, if it did.
        why: Option<String>,
    },
    /// A placement proposal came.
    ProposalReady(Rc<Proposal>),
    /// Carry out the proposal: one undo step.
    AcceptProposal,
    /// Drop the proposal.
    RejectProposal,
    /// Plan the channels of the floor's access points on the band on screen (one undo step).
    PlanChannels,
    /// A field of the placement form.
    SetPlacement {
        /// Which.
        field: PlacementField,
        /// The text typed.
        value: String,
    },
    /// A routing came from the worker.
    Routed {
        /// The job.
        job: JobId,
        /// The state it was routed at.
        doc: DocKey,
        /// The result.
        routing: Rc<Routing>,
        /// Its bill of materials.
        bom: Rc<tailplan_core::BillOfMaterials>,
        /// Milliseconds it took in the worker.
        compute_ms: f64,
    },
    /// Show a tab of the cabling panel.
    ShowCablingTab(CablingTab),
    /// Sort a table by a column (again: the other way; a third time: as it came).
    SortTable {
        /// The table.
        tab: CablingTab,
        /// The column.
        column: usize,
    },
    /// Filter the tables by text.
    FilterTables(String),
    /// Zoom to the finding with this index and select its element.
    FocusFinding(usize),
    /// Show this element: its floor, zoomed to it, selected.
    ShowElement(String),
    /// A plan's bytes were sent to the worker to import (opening request `request` ends).
    ImportSent {
        /// The opening request it ends.
        request: u32,
        /// The import job.
        job: JobId,
        /// The file's name.
        name: String,
        /// Its bytes, for the import dialog to import again.
        bytes: Rc<Vec<u8>>,
    },
    /// An imported file came from the worker.
    Imported(Rc<Imported>),
    /// Something done in the import dialog.
    ImportDialog(crate::panels::import_dialog::DialogAction),
    /// Job `job` draws the riser sheets to show: the campus's, else the building on screen's.
    SheetsWanted {
        /// The job.
        job: JobId,
        /// The whole campus's.
        campus: bool,
    },
    /// Sheets to show came from the worker.
    SheetsShown(Rc<crate::worker::protocol::ShownSheets>),
    /// Shows the viewer's sheet number `.0`.
    ShowSheet(usize),
    /// Closes the sheet viewer.
    CloseSheets,
    /// A comparison of scenarios came from the worker.
    ScenariosShown(Rc<crate::worker::protocol::ShownScenarios>),
    /// Sets what the panel's scenario does with a device class.
    SetScenarioClass {
        /// The class.
        class: String,
        /// The medium.
        choice: crate::panels::scenarios::ClassChoice,
    },
    /// Names the panel's scenario.
    SetScenarioName(String),
    /// Sets the share of the year the tail is powered, as a percentage typed.
    SetDutyCycle(String),
    /// A scenario file was read.
    ScenarioFileOpened {
        /// Its name.
        name: String,
        /// Its text.
        text: String,
    },
    /// A scenario file could not be read: why.
    ScenarioFileFailed(String),
    /// Closes the scenario file: the built-in scenarios again.
    CloseScenarioFile,
    /// Draws the comparison's scenario number `.0` on the plan (`None`: the project as it is).
    ShowScenarioOnPlan(Option<usize>),
    /// Shows the development plan of one building (its name; `None`: the campus).
    ShowPlanOf(Option<String>),
}

/// Everything the editor shows.
#[derive(Debug, Clone, Default)]
pub struct AppState {
    /// The open project.
    pub doc: Option<Document>,
    /// Increases with every project opened, so that views of a project can be cached.
    pub generation: u32,
    /// The floor on screen.
    pub floor_id: Option<String>,
    /// Which layers are shown.
    pub layers: Layers,
    /// The view transform.
    pub view: View,
    /// The canvas size.
    pub viewport: Viewport,
    /// The opening in flight, if any: (request, what is opened).
    pub pending: Option<(u32, String)>,
    /// The message of the error banner.
    pub error: Option<String>,
    /// A short message.
    pub notice: Option<Notice>,
    /// A project waiting for the user to confirm replacing one with unsaved changes.
    pub confirm: Option<Opened>,
    /// The tool in hand.
    pub tool: Tool,
    /// The selected elements' ids, in the order selected.
    pub selection: Vec<String>,
    /// What the pointer is doing.
    pub gesture: Gesture,
    /// What is being drawn.
    pub draft: Option<Draft>,
    /// What is being measured.
    pub measure: Option<Measure>,
    /// What is under the pointer.
    pub hover: Hover,
    /// Which snaps are on.
    pub snapping: Snapping,
    /// The material new walls get.
    pub wall_material: String,
    /// The help panel is open.
    pub help_open: bool,
    /// The legend is hidden.
    pub legend_hidden: bool,
    /// The core's reason for refusing the last property value.
    pub property_error: Option<PropertyError>,
    /// Keeping the project in the browser.
    pub autosave: Autosave,
    /// Space is held: drags pan.
    pub space_held: bool,
    /// The tab of the side panel shown.
    pub panel: SidePanel,
    /// Coverage: the heatmap wanted and shown, statistics, a proposal.
    pub coverage: CoverageState,
    /// Cabling: the routing and its tables.
    pub cabling: CablingState,
    /// The worker's jobs in progress.
    pub jobs: Vec<Job>,
    /// The import dialog, while a drawing is being imported.
    pub import: Option<ImportDialog>,
    /// The sheet viewer, while it is open.
    pub sheets: Option<SheetsView>,
    /// Scenarios: the panel's own, a file, the comparison.
    pub scenarios: crate::panels::scenarios::ScenariosState,
    /// Site surveys: the model against them, the last calibration.
    pub survey: crate::panels::survey::SurveyState,
    /// The bytes of the plan being imported (for the dialog).
    pub(crate) pending_import: Option<(JobId, String, Rc<Vec<u8>>)>,
    /// Increases when the worker must be sent the project and the coverage job again.
    pub worker_epoch: u32,
    pub(crate) index: Option<((u32, u64, String), Rc<FloorIndex>)>,
    pub(crate) nudge: Option<Nudge>,
    pub(crate) next_notice: u32,
    needs_fit: bool,
}

/// A run of arrow-key moves of the same selection, kept as one undo step.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Nudge {
    pub(crate) ids: Vec<String>,
    pub(crate) total: (f64, f64),
    pub(crate) revision: u64,
}

impl AppState {
    /// The project on screen.
    pub fn project(&self) -> Option<&Project> {
        self.doc.as_ref().map(Document::project)
    }

    /// The floor on screen.
    pub fn floor(&self) -> Option<&Floor> {
        let id = self.floor_id.as_deref()?;
        self.project()?.floor(id)
    }

    /// The index of the floor on screen.
    pub fn index(&self) -> Option<&Rc<FloorIndex>> {
        self.index.as_ref().map(|(_, i)| i)
    }

    /// True while a project is being opened.
    pub fn is_loading(&self) -> bool {
        self.pending.is_some()
    }

    /// The (generation, revision) of the project on screen.
    pub fn doc_key(&self) -> Option<(u32, u64)> {
        self.doc.as_ref().map(|d| (self.generation, d.revision))
    }

    /// The state after `action`; `None` when nothing changes.
    pub fn apply(&self, action: Action) -> Option<AppState> {
        let mut next = self.clone();
        next.reduce(action)?;
        next.sync();
        Some(next)
    }

    /// Applies `action` in place; `None` when it changes nothing.
    fn reduce(&mut self, action: Action) -> Option<()> {
        match action {
            Action::StartLoading { label, request } => {
                self.pending = Some((request, label));
            }
            Action::Loaded { request, result } => {
                let (expected, label) = self.pending.clone()?;
                if expected != request {
                    return None; // an answer to a request since superseded
                }
                self.pending = None;
                match result {
                    Ok(opened) => self.offer(opened),
                    Err(e) => {
                        self.error = Some(format!("Could not open {label}: {e}."));
                    }
                }
            }
            Action::NewProject => self.offer(new_project()),
            Action::ConfirmReplace(yes) => {
                let opened = self.confirm.take()?;
                if yes {
                    self.replace(opened);
                }
            }
            Action::SelectFloor(id) => {
                let floor = self.project()?.floor(&id)?;
                if self.floor_id.as_deref() == Some(id.as_str()) {
                    return None;
                }
                // Floors of a building share coordinates: keep the view when the new floor
                // is in it, so that the same spot can be compared floor to floor.
                let keep = !self.viewport.is_empty()
                    && floor
                        .plan_bbox()
                        .is_some_and(|b| intersects(&b, &self.view.visible(self.viewport)));
                self.floor_id = Some(id);
                self.selection.clear();
                self.cancel_work();
                if !keep {
                    self.needs_fit = true;
                    self.fit_if_possible();
                }
            }
            Action::ToggleLayer(layer) => {
                self.layers = self.layers.toggled(layer);
                if !self.layers.shows(layer) {
                    // What cannot be seen cannot stay selected.
                    let index = self.index().cloned();
                    if let Some(ix) = index {
                        self.selection
                            .retain(|id| ix.entry(id).is_none_or(|e| e.layer != layer));
                    }
                }
            }
            Action::Fit => {
                self.needs_fit = true;
                self.fit_if_possible();
            }
            Action::ZoomAt { x, y, factor } => self.view = self.view.zoom_about(x, y, factor),
            Action::ZoomCenter(factor) => {
                let (x, y) = self.viewport.center();
                self.view = self.view.zoom_about(x, y, factor);
            }
            Action::Pan { dx, dy } => self.view = self.view.pan(dx, dy),
            Action::Resize(viewport) => {
                if viewport == self.viewport {
                    return None;
                }
                // Keep what was in the middle in the middle.
                if !self.viewport.is_empty() {
                    self.view = self.view.pan(
                        (viewport.width - self.viewport.width) / 2.0,
                        (viewport.height - self.viewport.height) / 2.0,
                    );
                }
                self.viewport = viewport;
                self.fit_if_possible();
            }
            Action::Error(message) => {
                if self.error.as_deref() == Some(message.as_str()) {
                    return None;
                }
                self.error = Some(message);
            }
            Action::DismissError => {
                self.error.as_ref()?;
                self.error = None;
            }
            Action::Notice(text) => self.notify(text),
            Action::DismissNotice(id) => {
                if self.notice.as_ref()?.id != id {
                    return None;
                }
                self.notice = None;
            }
            Action::SetTool(tool) => self.set_tool(tool),
            Action::SetWallMaterial(m) => {
                if self.wall_material == m {
                    return None;
                }
                self.wall_material = m;
            }
            Action::ToggleSnap(t) => self.snapping = self.snapping.toggled(t),
            Action::Pointer(input) => return self.pointer(input),
            Action::PointerLeave => {
                if self.gesture != Gesture::Idle || self.hover == Hover::default() {
                    return None;
                }
                self.hover = Hover::default();
            }
            Action::Command(c) => return self.command(c),
            Action::SpaceUp => {
                if !self.space_held {
                    return None;
                }
                self.space_held = false;
            }
            Action::SetProperty { id, key, value } => self.set_property(&id, &key, &value)?,
            Action::SetFloorProperty { key, value } => self.set_floor_property(&key, &value)?,
            Action::SetMetaProperty { key, value } => {
                let meta = self.project()?.meta.clone();
                let result = properties::set_meta_field(&meta, &key, &value);
                self.edit_field(
                    META_FIELDS.to_owned(),
                    &key,
                    result.map(|meta| Edit::SetMeta { meta }),
                )?;
            }
            Action::Select(ids) => {
                let ix = self.index()?.clone();
                let ids: Vec<String> = ids
                    .into_iter()
                    .filter(|id| ix.entry(id).is_some())
                    .collect();
                if ids == self.selection {
                    return None;
                }
                self.selection = ids;
                self.property_error = None;
            }
            Action::ToggleLegend => self.legend_hidden = !self.legend_hidden,
            Action::Saved {
                generation,
                revision,
            } => self.autosave = Autosave::Saved(generation, revision),
            Action::SaveFailed(message) => {
                if self.autosave == Autosave::Failed(message.clone()) {
                    return None;
                }
                self.error = Some(format!(
                    "Could not keep the project in this browser ({message}). Save it as a file (Ctrl+S) to keep your work."
                ));
                self.autosave = Autosave::Failed(message);
            }
            Action::Downloaded {
                generation,
                revision,
            } => {
                let doc = self.doc.as_mut()?;
                if generation != self.generation || doc.revision != revision {
                    return None;
                }
                doc.mark_saved();
            }
            other => return self.reduce_work(other),
        }
        Some(())
    }

    /// Shows `opened`, or asks first when it would replace unsaved changes.
    fn offer(&mut self, opened: Opened) {
        let asks = opened.source != Source::Restored
            && self.doc.as_ref().is_some_and(Document::is_unsaved);
        if asks {
            self.confirm = Some(opened);
        } else {
            self.replace(opened);
        }
    }

    /// Puts `opened` on screen in place of the current project.
    fn replace(&mut self, opened: Opened) {
        let project = Rc::try_unwrap(opened.project).unwrap_or_else(|rc| (*rc).clone());
        let mut doc = Document::new(project, opened.source, opened.file_name);
        doc.warnings = opened.warnings;
        if opened.unsaved {
            doc.saved_revision = None;
        }
        self.generation += 1;
        self.sheets = None;
        self.floor_id = opened
            .floor_id
            .filter(|id| doc.project().floor(id).is_some())
            .or_else(|| first_floor(doc.project()));
        if !doc
            .project()
            .materials
            .iter()
            .any(|m| m.name == self.wall_material)
        {
            self.wall_material = default_wall_material(doc.project());
        }
        self.doc = Some(doc);
        self.error = None;
        self.selection.clear();
        self.coverage.shown = None;
        self.coverage.summary = None;
        self.coverage.proposal = None;
        self.cabling.view = None;
        self.cabling.focused = None;
        self.scenarios.shown = None;
        self.scenarios.error = None;
        self.scenarios.job = None;
        self.property_error = None;
        self.cancel_work();
        self.tool = Tool::Select;
        self.autosave = Autosave::Idle;
        self.needs_fit = true;
        self.fit_if_possible();
    }

    /// Drops what is being drawn, dragged or measured.
    pub(crate) fn cancel_work(&mut self) {
        self.draft = None;
        self.measure = None;
        self.gesture = Gesture::Idle;
        self.hover = Hover::default();
        self.nudge = None;
    }

    fn set_tool(&mut self, tool: Tool) {
        self.cancel_work();
        self.tool = tool;
    }

    /// Adds the pattern the files worker read to the open project's library (one undo step)
    /// and says what was read.
    pub(crate) fn add_antenna(&mut self, read: &crate::worker::protocol::AntennaRead) {
        let Some(project) = self.project() else {
            self.error = Some(format!(
                "Could not add “{}”: open or start a project first, then add antenna patterns to it.",
                read.name
            ));
            return;
        };
        let (edit, added) =
            tailplan_app::antenna::antenna_edit(project, read.pattern.clone(), read.notes.clone());
        if self.commit(edit, "Could not add the antenna pattern") {
            let gain = format!("{:.1}", added.gain_dbi).replace('-', "−");
            self.notify(format!(
                "Antenna pattern “{}” ({gain} dBi) {} the project's library{}; radios can name it in their Antenna field · Ctrl+Z takes it back",
                added.name,
                if added.replaced { "replaced in" } else { "added to" },
                match added.radios_using {
                    0 => String::new(),
                    n => format!(", used by {n} radio(s)"),
                }
            ));
        }
    }

    /// Keeps the survey the files worker read in the open project (one undo step) and says
    /// what was read.
    pub(crate) fn add_survey(&mut self, read: &crate::worker::protocol::SurveyRead) {
        let Some(project) = self.project() else {
            self.error = Some(format!(
                "Could not add “{}”: open or start a project first, then add surveys to it.",
                read.survey.name
            ));
            return;
        };
        let (edit, added) =
            tailplan_app::survey::survey_edit(project, read.survey.clone(), read.notes.clone());
        if self.commit(edit, "Could not add the survey") {
            self.panel = SidePanel::Survey;
            self.notify(format!(
                "Survey “{}” ({} rows{}) {} the project · Ctrl+Z takes it back",
                added.name,
                added.rows,
                match added.not_measured {
                    0 => String::new(),
                    n => format!(", {n} not measurements left out"),
                },
                if added.replaced {
                    "replaced in"
                } else {
                    "added to"
                },
            ));
        }
    }

    /// Applies the calibration the worker fitted (one undo step) when the project is still
    /// the one it was fitted to.
    pub(crate) fn calibrated(&mut self, c: Rc<crate::worker::protocol::Calibrated>) {
        if self.doc_key() != Some(c.doc) {
            self.survey.error =
                Some("The project changed while it was calibrated: calibrate again".into());
            return;
        }
        let Some(project) = self.project() else {
            return;
        };
        let edit = tailplan_core::survey::calibration_edit(project, &c.calibration);
        if self.commit(edit, "Could not calibrate") {
            self.notify(crate::panels::survey::calibrated_notice(&c));
            self.survey.calibrated = Some(c);
        }
    }

    /// Shows a short message.
    pub(crate) fn notify(&mut self, text: impl Into<String>) {
        self.next_notice += 1;
        self.notice = Some(Notice {
            id: self.next_notice,
            text: text.into(),
        });
    }

    /// Applies `edit` as one undo step; on refusal shows the core's message after `what`
    /// ("Could not add the wall") and returns false.
    pub(crate) fn commit(&mut self, edit: Edit, what: &str) -> bool {
        let Some(doc) = self.doc.as_mut() else {
            return false;
        };
        match doc.apply(edit) {
            Ok(()) => {
                self.nudge = None;
                true
            }
            Err(e) => {
                self.error = Some(format!("{what}: {e}."));
                false
            }
        }
    }

    fn set_property(&mut self, id: &str, key: &str, value: &str) -> Option<()> {
        let project = self.project()?;
        let (_, element) = project.element(id)?;
        let value = &properties::route_end_by_id(project, &element, key, value);
        let result = properties::set_field(&element, key, value).map(|changed| {
            (changed != element).then_some(Edit::ReplaceElement { element: changed })
        });
        match result {
            Ok(None) => {
                // The same value: nothing to do, but an earlier refusal is answered.
                self.property_error.take()?;
                Some(())
            }
            Ok(Some(edit)) => self.edit_field(id.to_owned(), key, Ok(edit)),
            Err(m) => self.edit_field(id.to_owned(), key, Err(m)),
        }
    }

    fn set_floor_property(&mut self, key: &str, value: &str) -> Option<()> {
        let floor = self.floor()?;
        let id = floor.id.clone();
        if key == properties::SLAB_MATERIAL {
            let slab_material = Some(value.trim().to_owned()).filter(|m| !m.is_empty());
            if slab_material == floor.slab_material {
                self.property_error.take()?;
                return Some(());
            }
            let edit = Edit::SetFloorSlab { id, slab_material };
            return self.edit_field(FLOOR_FIELDS.to_owned(), key, Ok(edit));
        }
        let result =
            properties::set_floor_field(floor, key, value).map(|(name, elevation_m, ceiling_m)| {
                Edit::SetFloorInfo {
                    id,
                    name,
                    elevation_m,
                    ceiling_m,
                }
            });
        self.edit_field(FLOOR_FIELDS.to_owned(), key, result)
    }

    /// Applies a property edit; a text that does not parse, or a value the core refuses,
    /// becomes the panel's message and changes nothing.
    fn edit_field(&mut self, id: String, key: &str, edit: Result<Edit, String>) -> Option<()> {
        let doc = self.doc.as_mut()?;
        let outcome = edit.and_then(|e| doc.apply(e).map_err(|e| e.to_string()));
        match outcome {
            Ok(()) => {
                self.nudge = None;
                self.property_error = None;
            }
            Err(message) => {
                self.property_error = Some(PropertyError {
                    id,
                    key: key.to_owned(),
                    message,
                });
            }
        }
        Some(())
    }

    /// Carries out a command; `None` when it changes nothing.
    fn command(&mut self, c: Command) -> Option<()> {
        // Under a dialog only its own keys count.
        let modal = self.help_open || self.confirm.is_some() || self.sheets.is_some();
        if modal && !matches!(c, Command::Escape | Command::Help) {
            return None;
        }
        match c {
            Command::Undo | Command::Redo => {
                if self.draft.is_some() || self.gesture != Gesture::Idle {
                    self.cancel_work();
                }
                let doc = self.doc.as_mut()?;
                let done = if c == Command::Undo {
                    doc.undo()
                } else {
                    doc.redo()
                };
                if !done {
                    return None;
                }
                self.nudge = None;
                self.property_error = None;
            }
            Command::Delete => self.delete_selection()?,
            Command::SelectAll => {
                let ix = self.index()?.clone();
                let all: Vec<String> = ix
                    .entries()
                    .iter()
                    .filter(|e| self.layers.shows(e.layer))
                    .map(|e| e.id.clone())
                    .collect();
                if all == self.selection {
                    return None;
                }
                self.set_tool(Tool::Select);
                self.selection = all;
            }
            Command::Escape => self.escape()?,
            Command::Enter => self.finish_draft()?,
            Command::Backspace => {
                if let Some(d) = self.draft.as_mut() {
                    let keep = usize::from(d.tool == Tool::Route);
                    if d.points.len() > keep.max(1) {
                        d.points.pop();
                    } else {
                        self.draft = None;
                    }
                } else {
                    self.delete_selection()?;
                }
            }
            Command::Arrow { dx, dy, big } => {
                if !self.selection.is_empty() && self.draft.is_none() {
                    let step = if big { 10.0 } else { 1.0 } * crate::state::input::NUDGE_M;
                    self.nudge_selection(f64::from(dx) * step, f64::from(dy) * step)?;
                } else {
                    let pan = if big { 4.0 * KEY_PAN_PX } else { KEY_PAN_PX };
                    // The arrow moves the view: the plan slides the other way.
                    self.view = self.view.pan(-f64::from(dx) * pan, f64::from(dy) * pan);
                }
            }
            Command::ZoomIn => return self.reduce(Action::ZoomCenter(ZOOM_STEP)),
            Command::ZoomOut => return self.reduce(Action::ZoomCenter(1.0 / ZOOM_STEP)),
            Command::Fit => return self.reduce(Action::Fit),
            Command::ZoomToSelection => self.zoom_to_selection()?,
            Command::Tool(t) => {
                if t == self.tool && self.draft.is_none() {
                    return None;
                }
                self.set_tool(t);
            }
            Command::Help => self.help_open = !self.help_open,
            Command::SpaceDown => {
                if self.space_held {
                    return None;
                }
                self.space_held = true;
            }
        }
        Some(())
    }

    fn escape(&mut self) -> Option<()> {
        if self.help_open {
            self.help_open = false;
        } else if self.confirm.is_some() {
            self.confirm = None;
        } else if self.sheets.is_some() {
            self.sheets = None;
        } else if !matches!(self.gesture, Gesture::Idle) {
            self.gesture = Gesture::Idle;
        } else if self.draft.is_some() {
            self.draft = None;
        } else if self.measure.is_some() {
            self.measure = None;
        } else if !self.selection.is_empty() {
            self.selection.clear();
            self.property_error = None;
        } else if self.tool != Tool::Select {
            self.set_tool(Tool::Select);
        } else {
            return None;
        }
        Some(())
    }

    fn delete_selection(&mut self) -> Option<()> {
        if self.selection.is_empty() {
            return None;
        }
        let edits: Vec<Edit> = self
            .selection
            .iter()
            .map(|id| Edit::RemoveElement { id: id.clone() })
            .collect();
        let n = edits.len();
        if self.commit(Edit::Batch { edits }, "Could not delete") {
            self.selection.clear();
            self.property_error = None;
            self.notify(if n == 1 {
                "Deleted 1 element · Ctrl+Z brings it back".to_owned()
            } else {
                format!("Deleted {n} elements · Ctrl+Z brings them back")
            });
        }
        Some(())
    }

    /// Moves the selection by (dx, dy) metres; a run of moves is one undo step.
    fn nudge_selection(&mut self, dx: f64, dy: f64) -> Option<()> {
        let ids = self.selection.clone();
        let doc = self.doc.as_mut()?;
        let mut total = (dx, dy);
        if let Some(n) = self
            .nudge
            .as_ref()
            .filter(|n| n.ids == ids && n.revision == doc.revision)
        {
            // Take the run's move back and make it again in one edit.
            total = (n.total.0 + dx, n.total.1 + dy);
            doc.undo();
        }
        let edit = move_edit(doc.project(), &ids, total.0, total.1);
        if !self.commit(edit, "Could not move the selection") {
            return Some(());
        }
        let revision = self.doc.as_ref()?.revision;
        self.nudge = Some(Nudge {
            ids,
            total,
            revision,
        });
        Some(())
    }

    fn zoom_to_selection(&mut self) -> Option<()> {
        if self.viewport.is_empty() {
            return None;
        }
        let b = self.index()?.bbox_of(&self.selection)?;
        // A point or a small group is shown with 10 m around it.
        let c = b.center();
        let b = if b.width() < 10.0 && b.height() < 10.0 {
            BBox {
                min: Point::new(c.x - 5.0, c.y - 5.0),
                max: Point::new(c.x + 5.0, c.y + 5.0),
            }
        } else {
            b
        };
        self.view = View::fit(b, self.viewport, FIT_MARGIN_PX * 2.0);
        Some(())
    }

    /// Fits the view to the floor if asked to and the canvas has a size.
    fn fit_if_possible(&mut self) {
        if !self.needs_fit || self.viewport.is_empty() {
            return;
        }
        // An empty floor shows 40 x 25 m from the origin, ready to draw on.
        let empty = BBox {
            min: Point::new(0.0, 0.0),
            max: Point::new(40.0, 25.0),
        };
        if let Some(floor) = self.floor() {
            let b = floor.plan_bbox().unwrap_or(empty);
            self.view = View::fit(b, self.viewport, FIT_MARGIN_PX);
        }
        self.needs_fit = false;
    }

    /// Keeps derived data in step: the floor index, the selection (of elements that still
    /// exist), the wall material, the coverage job wanted.
    fn sync(&mut self) {
        self.sync_index();
        let want = self.coverage_want();
        self.coverage.want(want);
    }

    fn sync_index(&mut self) {
        let key = match (&self.doc, &self.floor_id) {
            (Some(d), Some(f)) => Some((self.generation, d.revision, f.clone())),
            _ => None,
        };
        let stale = self.index.as_ref().map(|(k, _)| k) != key.as_ref();
        if stale {
            self.index = key.and_then(|k| {
                let floor = self.floor()?;
                Some((k, Rc::new(FloorIndex::new(floor))))
            });
            if let Some(ix) = self.index().cloned() {
                self.selection.retain(|id| ix.entry(id).is_some());
            } else {
                self.selection.clear();
            }
        }
    }

    /// The hint shown for the tool in hand.
    pub fn hint(&self) -> String {
        let d = self.draft.as_ref();
        let points = d.map_or(0, |d| d.points.len());
        if let Gesture::Moving { ids, offset, .. } = &self.gesture {
            return format!(
                "Moving {} · Δx {:.2} m  Δy {:.2} m · Alt: no snapping · Esc cancels",
                ids.len(),
                offset.0,
                offset.1
            );
        }
        match self.tool {
            Tool::Select if !self.selection.is_empty() => format!(
                "{} selected · drag or arrow keys to move · Delete removes · Z zooms to it",
                self.selection.len()
            ),
            Tool::Select => "Click to select, Shift+click to add · drag to move · drag on empty space to select a box".into(),
            Tool::Pan => "Drag to move the plan".into(),
            Tool::Wall if points == 0 => "Click where the wall starts".into(),
            Tool::Wall => "Click the wall's end: the next starts there · Enter or Esc ends · Shift keeps 45°".into(),
            Tool::Door | Tool::Window if points == 0 => "Click one end of the opening on a wall".into(),
            Tool::Door | Tool::Window => "Click the other end · Esc cancels".into(),
            Tool::Room if points < 3 => "Click the room's corners · Esc cancels".into(),
            Tool::Room => "Click the next corner · Enter or a click on the first corner closes it".into(),
            Tool::Tray if points < 2 => "Click the tray's start, then each bend".into(),
            Tool::Tray => "Click the next bend · Enter or double-click finishes · Backspace takes a point back".into(),
            Tool::Route if points == 0 => "Click the endpoint the cable starts at: an access point, device or outlet".into(),
            Tool::Route => "Click along the trays · click a telecom room to finish · Esc cancels".into(),
            Tool::Measure => match self.measure {
                Some(Measure { b: None, .. }) => "Click the second point".into(),
                _ => "Click two points to measure the distance between them".into(),
            },
            t => format!("Click to place {} · Esc goes back to Select", article(t.label())),
        }
    }

    /// The measured distance, as shown: `12.35 m`.
    pub fn measure_text(&self) -> Option<String> {
        let m = self.measure?;
        let b = m.b.or(self.hover.point)?;
        let (dx, dy) = (b.x - m.a.x, b.y - m.a.y);
        Some(format!(
            "{:.2} m  (Δx {:.2} m, Δy {:.2} m)",
            dx.hypot(dy),
            dx,
            dy
        ))
    }
}

fn article(label: &str) -> String {
    let lower = label.to_lowercase();
    let an = lower.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {lower}", if an { "an" } else { "a" })
}

/// The edit that moves the elements `ids` by (dx, dy): one batch, one undo step.
pub fn move_edit(project: &Project, ids: &[String], dx: f64, dy: f64) -> Edit {
    let edits = ids
        .iter()
        .filter_map(|id| project.element(id))
        .map(|(_, e)| Edit::ReplaceElement {
            element: crate::plan::elements::translated(&e, dx, dy),
        })
        .collect();
    Edit::Batch { edits }
}

impl yew::Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

/// The floor a project opens on: the first with walls, else the first.
fn first_floor(project: &Project) -> Option<String> {
    project
        .floors
        .iter()
        .find(|f| !f.walls.is_empty())
        .or(project.floors.first())
        .map(|f| f.id.clone())
}

/// The material new walls get in `project`: drywall when the library has it.
fn default_wall_material(project: &Project) -> String {
    let m = &project.materials;
    m.get(tailplan_core::DEFAULT_WALL_MATERIAL)
        .or_else(|| m.iter().next())
        .map(|m| m.name.clone())
        .unwrap_or_else(|| tailplan_core::DEFAULT_WALL_MATERIAL.to_owned())
}

fn intersects(a: &BBox, b: &BBox) -> bool {
    a.min.x <= b.max.x && b.min.x <= a.max.x && a.min.y <= b.max.y && b.min.y <= a.max.y
}

/// A file name for a project (`project_file_name`), re-exported for the components.
pub fn download_name(doc: &Document) -> String {
    project_file_name(&doc.file_name)
}

#[cfg(test)]
pub(crate) mod tests;
