//! The reducer's part for the worker's work: coverage (the job wanted, heatmaps, the
//! statistics, placement proposals), routing (written into the project as one undo step,
//! findings, tables), jobs and their progress, and imports through the dialog. More methods
//! of [`AppState`], pure like the rest.

use std::rc::Rc;

use tailplan_core::{BBox, Edit, ElementKind, Point, project_file};

use super::{Action, AppState, Gesture, Job, JobKind, Opened, PlacementField, SidePanel};
use crate::document::{Source, project_file_name};
use crate::panels::cabling::{RoutingView, auto_routes_edit, finding_target};
use crate::panels::coverage::heatmap::Metric;
use crate::panels::coverage::proposal_edit;
use crate::panels::import_dialog::ImportDialog;
use crate::plan::layers::Layer;
use crate::plan::scene::FIT_MARGIN_PX;
use crate::plan::view::View;
use crate::worker::protocol::FIRST_JOB;
use crate::worker::protocol::{CoverageJob, Imported};

/// Shows at least this much around a point or a small element zoomed to, metres.
const ZOOM_AROUND_M: f64 = 10.0;

impl AppState {
    /// The coverage job the state wants from the worker (not yet numbered): the heatmap of
    /// the floor on screen for the band and metric chosen, with the drag in progress or the
    /// proposal on view applied, when the heatmap layer or the coverage panel is shown.
    pub(crate) fn coverage_want(&self) -> Option<CoverageJob> {
        let shown = self.layers.shows(Layer::Heatmap) || self.panel == SidePanel::Coverage;
        if !shown || self.import.is_some() {
            return None;
        }
        let doc = self.doc_key()?;
        let project = self.project()?;
        let floor = self.floor()?;
        let service = self.coverage.service_on(floor);
        let mut preview: Vec<Edit> = Vec::new();
        let mut dragging = false;
        if let Gesture::Moving { ids, offset, .. } = &self.gesture
            && (offset.0 != 0.0 || offset.1 != 0.0)
        {
            // Only what changes coverage: transmitters, walls, doors and windows.
            let moved: Vec<String> = ids
                .iter()
                .filter(|id| {
                    project.element(id).is_some_and(|(_, e)| {
                        matches!(
                            e.kind(),
                            ElementKind::Ap
                                | ElementKind::Gateway
                                | ElementKind::Wall
                                | ElementKind::Door
                                | ElementKind::Window
                        )
                    })
                })
                .cloned()
                .collect();
            if !moved.is_empty() {
                dragging = true;
                preview.push(super::move_edit(project, &moved, offset.0, offset.1));
            }
        }
        if let Some(p) = self
            .coverage
            .proposal
            .as_ref()
            .filter(|p| p.floor == floor.id && p.service == service)
        {
            preview.push(proposal_edit(project, p));
        }
        Some(CoverageJob {
            job: 0,
            doc,
            floor: floor.id.clone(),
            service,
            metric: self.coverage.metric,
            preview: match preview.len() {
                0 => None,
                1 => preview.pop(),
                _ => Some(Edit::Batch { edits: preview }),
            },
            stats: !dragging,
        })
    }

    /// Applies one of the worker's actions; `None` when it changes nothing.
    /// Plans the channels of the floor's access points on the band on screen, each radio at
    /// its own width, and applies the plan as one undo step; says what changed.
    fn plan_channels(&mut self) -> Option<()> {
        use tailplan_core::coverage::{ChannelPlanOptions, Service, plan_channels};
        let service = self
            .coverage
            .service
            .or_else(|| self.floor().and_then(Service::default_for));
        let Some(Service::Wifi(band)) = service else {
            self.notify("Channels are planned for a Wi-Fi band: choose one");
            return Some(());
        };
        let project = self.project()?;
        let floor = self.floor()?.id.clone();
        let options = ChannelPlanOptions {
            band,
            ..ChannelPlanOptions::default()
        };
        let plan = match plan_channels(project, &floor, &options) {
            Ok(plan) => plan,
            Err(e) => {
                self.error = Some(format!("Could not plan the channels: {e}."));
                return Some(());
            }
        };
        let edits = plan.edits(project);
        let summary = format!(
            "{} GHz channels: {} of {} radio(s) changed; pairs on overlapping channels hearing each other: {} → {}",
            band.as_str(),
            plan.changed,
            plan.radios.len(),
            plan.conflicts_before,
            plan.conflicts_after
        );
        if plan.radios.is_empty() {
            self.notify(format!("No {} GHz radio on this floor", band.as_str()));
        } else if edits.is_empty() {
            self.notify(format!("{summary} · already planned"));
        } else if self.commit(Edit::Batch { edits }, "Could not plan the channels") {
            self.notify(format!("{summary} · Ctrl+Z takes it back"));
        }
        Some(())
    }

    pub(super) fn reduce_work(&mut self, action: Action) -> Option<()> {
        match action {
            Action::ShowPanel(p) => {
                if self.panel == p {
                    return None;
                }
                self.panel = p;
            }
            Action::SetService(s) => {
                if self.coverage.service == Some(s) {
                    return None;
                }
                self.coverage.service = Some(s);
                self.coverage.proposal = None;
                // Client load is Wi-Fi's alone.
                if !Metric::of(s).contains(&self.coverage.metric) {
                    self.coverage.metric = Metric::Best;
                }
            }
            Action::SetMetric(m) => {
                if self.coverage.metric == m {
                    return None;
                }
                self.coverage.metric = m;
            }
            Action::Heatmap(data) => {
                if !self.coverage.accept(data) {
                    return None;
                }
            }
            Action::JobStarted { job, kind, label } => {
                match kind {
                    JobKind::Route => self.cabling.routing_job = Some(job),
                    JobKind::Place => {
                        self.coverage.placing = Some(job);
                        self.coverage.proposal = None;
                    }
                    JobKind::Compare => {
                        self.scenarios.job = Some(job);
                        self.scenarios.error = None;
                    }
                    JobKind::Survey | JobKind::Calibrate => {
                        let doc = self.doc_key();
                        self.survey.started(job, doc, kind == JobKind::Calibrate);
                    }
                    JobKind::Import | JobKind::Export | JobKind::View => {}
                }
                self.jobs.push(Job {
                    id: job,
                    kind,
                    label,
                });
            }
            Action::JobProgress { job, done, total } => {
                if job < FIRST_JOB {
                    return self.coverage.progressed(job, done, total).then_some(());
                }
                return None;
            }
            Action::JobFailed { job, message } => {
                if job != 0 && job < FIRST_JOB {
                    return self.coverage.failed(job, message).then_some(());
                }
                if self.scenarios.failed(job, message.clone()) {
                    self.finish_job(job);
                    return Some(());
                }
                if self.survey.failed(job, message.clone()) {
                    self.finish_job(job);
                    return Some(());
                }
                if let Some(v) = self.sheets.as_mut().filter(|v| v.job == Some(job)) {
                    v.job = None;
                    v.error = Some(message);
                    self.finish_job(job);
                    return Some(());
                }
                if let Some(d) = self.import.as_mut().filter(|d| d.job == Some(job)) {
                    d.failed(message);
                    return Some(());
                }
                let known = self.finish_job(job);
                if job != 0 && !known {
                    return None; // a job since given up
                }
                let message = match self.pending_import.take() {
                    // An import refused: say which file.
                    Some((j, name, _)) if j == job => {
                        format!("Could not import “{name}”: {message}")
                    }
                    other => {
                        self.pending_import = other;
                        message
                    }
                };
                self.error = Some(if message.ends_with('.') {
                    message
                } else {
                    format!("{message}.")
                });
            }
            Action::JobDone { job, notice } => {
                if !self.finish_job(job) {
                    return None;
                }
                if let Some(n) = notice {
                    self.notify(n);
                }
            }
            Action::WorkerReset { why } => {
                self.worker_epoch += 1;
                if let Some(why) = why {
                    let lost: Vec<String> = self.jobs.iter().map(|j| j.label.clone()).collect();
                    for id in self.jobs.iter().map(|j| j.id).collect::<Vec<_>>() {
                        self.finish_job(id);
                    }
                    if let Some(d) = self.import.as_mut() {
                        d.job = None;
                    }
                    self.error = Some(format!(
                        "The worker that computes coverage, routing and files stopped: {why}. A new one has started and your project is as it was{}.",
                        if lost.is_empty() {
                            String::new()
                        } else {
                            format!("; try again: {}", lost.join(", ").trim_end_matches('…'))
                        }
                    ));
                }
            }
            Action::ProposalReady(p) => {
                if self.coverage.placing != Some(p.job) {
                    return None;
                }
                self.finish_job(p.job);
                let n = p.add.len();
                if n == 0 && p.replace.is_empty() {
                    self.notify(format!("Nothing to add: {}", p.achieved));
                } else {
                    self.coverage.proposal = Some(p);
                }
            }
            Action::AcceptProposal => {
                let p = self.coverage.proposal.take()?;
                let project = self.project()?;
                let edit = proposal_edit(project, &p);
                let what = match p.service {
                    tailplan_core::coverage::Service::Wifi(_) => "access point",
                    tailplan_core::coverage::Service::Iot(_) => "gateway",
                };
                if self.commit(edit, "Could not add the proposal") {
                    let n = p.add.len();
                    self.notify(format!(
                        "Added {n} {what}{} · Ctrl+Z takes them back",
                        if n == 1 { "" } else { "s" }
                    ));
                }
            }
            Action::RejectProposal => {
                self.coverage.proposal.take()?;
            }
            Action::PlanChannels => self.plan_channels()?,
            Action::SheetsWanted { job, campus } => {
                self.sheets = Some(super::SheetsView {
                    job: Some(job),
                    campus,
                    sheets: Rc::default(),
                    shown: 0,
                    error: None,
                });
            }
            Action::SheetsShown(shown) => {
                let v = self.sheets.as_mut().filter(|v| v.job == Some(shown.job))?;
                v.job = None;
                v.error = None;
                v.shown = 0;
                v.sheets = Rc::new(shown.sheets.clone());
                self.finish_job(shown.job);
            }
            Action::ShowSheet(i) => {
                let v = self
                    .sheets
                    .as_mut()
                    .filter(|v| i < v.sheets.len() && i != v.shown)?;
                v.shown = i;
            }
            Action::ScenariosShown(shown) => {
                let job = shown.job;
                if !self.scenarios.shown(shown) {
                    return None;
                }
                self.finish_job(job);
            }
            Action::SetScenarioClass { class, choice } => {
                self.scenarios.set_class(&class, choice);
            }
            Action::SetScenarioName(name) => {
                self.scenarios.name = name.chars().take(128).collect();
            }
            Action::SetDutyCycle(text) => {
                if !self.scenarios.set_duty_percent(&text) {
                    self.scenarios.error = Some(format!(
                        "The share of the year powered must be a percentage from 0 to 100, not “{}”.",
                        text.trim()
                    ));
                }
            }
            Action::ScenarioFileOpened { name, text } => {
                self.scenarios.file = Some((name, text));
                self.scenarios.error = None;
            }
            Action::ScenarioFileFailed(why) => {
                self.scenarios.error = Some(why);
            }
            Action::CloseScenarioFile => {
                self.scenarios.file.take()?;
            }
            Action::ShowScenarioOnPlan(i) => {
                let count = self
                    .scenarios
                    .shown
                    .as_ref()
                    .map_or(0, |s| s.result.scenarios.len());
                let i = i.filter(|&i| i < count);
                if self.scenarios.on_plan == i {
                    return None;
                }
                self.scenarios.on_plan = i;
            }
            Action::ShowPlanOf(building) => {
                if self.scenarios.plan_of == building {
                    return None;
                }
                self.scenarios.plan_of = building;
            }
            Action::CloseSheets => {
                let v = self.sheets.take()?;
                if let Some(job) = v.job {
                    self.finish_job(job);
                }
            }
            Action::SetPlacement { field, value } => {
                let c = &mut self.coverage;
                match field {
                    PlacementField::KeepExisting => c.keep_existing = value == "true",
                    PlacementField::ForCapacity => c.for_capacity = value == "true",
                    _ => {
                        let v: f64 = value.trim().replace('−', "-").parse().ok()?;
                        if !v.is_finite() {
                            return None;
                        }
                        match field {
                            PlacementField::TargetDbm => c.target_dbm = v.clamp(-120.0, -20.0),
                            PlacementField::TargetPercent => {
                                c.target_percent = v.clamp(1.0, 100.0);
                            }
                            PlacementField::MarginDb => c.margin_db = v.clamp(0.0, 40.0),
                            PlacementField::KeepExisting | PlacementField::ForCapacity => {}
                        }
                    }
                }
            }
            Action::Routed {
                job,
                doc,
                routing,
                bom,
                compute_ms,
            } => {
                if self.cabling.routing_job != Some(job) {
                    return None;
                }
                self.cabling.routing_job = None;
                self.finish_job(job);
                if self.doc_key() != Some(doc) {
                    self.error = Some(
                        "The project changed while it was being routed: route it again.".into(),
                    );
                    return Some(());
                }
                let routing = Rc::try_unwrap(routing).unwrap_or_else(|rc| (*rc).clone());
                let project = self.project()?;
                if let Some(edit) = auto_routes_edit(project, &routing)
                    && !self.commit(edit, "Could not add the routes")
                {
                    return Some(());
                }
                let doc = self.doc_key()?;
                let bom = Rc::try_unwrap(bom).unwrap_or_else(|rc| (*rc).clone());
                let view = RoutingView::new(routing, bom, doc, compute_ms);
                let (errors, warnings) = view.counts();
                let unserved = view.routing.unserved.len();
                self.notify(format!(
                    "Routed {} cables, {:.0} m{}{} · {} errors, {} warnings",
                    view.routing.cables.len(),
                    view.routing.total_m(),
                    if unserved > 0 {
                        format!(" · {unserved} endpoints unserved")
                    } else {
                        String::new()
                    },
                    if view.routing.cables.is_empty() {
                        String::new()
                    } else {
                        " · Ctrl+Z takes the routes back".to_owned()
                    },
                    errors,
                    warnings
                ));
                self.cabling.view = Some(Rc::new(view));
                self.cabling.focused = None;
                if !self.layers.shows(Layer::Routes) {
                    self.layers = self.layers.with(Layer::Routes, true);
                }
            }
            Action::ShowCablingTab(t) => {
                if self.cabling.tab == t {
                    return None;
                }
                self.cabling.tab = t;
            }
            Action::SortTable { tab, column } => self.cabling.sort_by(tab, column),
            Action::FilterTables(text) => {
                if self.cabling.filter == text {
                    return None;
                }
                self.cabling.filter = text;
            }
            Action::FocusFinding(i) => {
                let view = self.cabling.view.clone()?;
                let finding = view.routing.findings.get(i)?;
                self.cabling.focused = Some(i);
                let (floor, id, b) = finding_target(self.project()?, finding)?;
                self.show_element(&floor, &id, b);
            }
            Action::ShowElement(id) => {
                let project = self.project()?;
                let (floor, e) = project.element(&id)?;
                let b = BBox::from_points(e.points().into_iter().filter(|p| p.is_finite()))?;
                let floor = floor.to_owned();
                self.show_element(&floor, &id, b);
            }
            Action::ImportSent {
                request,
                job,
                name,
                bytes,
            } => {
                if self.pending.as_ref().is_some_and(|(r, _)| *r == request) {
                    self.pending = None;
                }
                self.jobs.push(Job {
                    id: job,
                    kind: JobKind::Import,
                    label: format!("Importing “{name}”…"),
                });
                self.pending_import = Some((job, name, bytes));
            }
            Action::FileSent { request, job, name } => {
                if self.pending.as_ref().is_some_and(|(r, _)| *r == request) {
                    self.pending = None;
                }
                self.jobs.push(Job {
                    id: job,
                    kind: JobKind::Import,
                    label: format!("Reading “{name}”…"),
                });
            }
            Action::AntennaRead(read) => {
                if !self.finish_job(read.job) {
                    return None; // a job since given up
                }
                self.add_antenna(&read);
            }
            Action::SurveyRead(read) => {
                if !self.finish_job(read.job) {
                    return None;
                }
                self.add_survey(&read);
            }
            Action::SurveyChecked(c) => {
                let job = c.job;
                if !self.survey.checked(c) {
                    return None;
                }
                self.finish_job(job);
            }
            Action::Calibrated(c) => {
                let job = c.job;
                if self.survey.job != Some(job) {
                    return None;
                }
                self.survey.job = None;
                self.finish_job(job);
                self.calibrated(c);
            }
            Action::ResetCalibration => {
                let project = self.project()?;
                let edit = tailplan_core::survey::reset_edit(project)?;
                if self.commit(edit, "Could not reset the calibration") {
                    self.survey.calibrated = None;
                    self.notify("Calibration taken away: library values and nominal powers · Ctrl+Z brings it back");
                }
            }
            Action::RemoveSurvey(name) => {
                let edit = tailplan_core::Edit::RemoveSurvey { name: name.clone() };
                if self.commit(edit, "Could not remove the survey") {
                    self.notify(format!("Survey “{name}” removed · Ctrl+Z brings it back"));
                }
            }
            Action::SetSurveyColour(c) => {
                if self.survey.colour == c {
                    return None;
                }
                self.survey.colour = c;
            }
            Action::Imported(done) => return self.imported(done),
            Action::ImportDialog(a) => return self.dialog(a),
            _ => return None,
        }
        Some(())
    }

    /// Drops a finished job; false when it was not running.
    fn finish_job(&mut self, job: crate::worker::protocol::JobId) -> bool {
        let before = self.jobs.len();
        self.jobs.retain(|j| j.id != job);
        if self.cabling.routing_job == Some(job) {
            self.cabling.routing_job = None;
        }
        if self.coverage.placing == Some(job) {
            self.coverage.placing = None;
        }
        self.jobs.len() != before
    }

    /// Shows floor `floor`, zoomed to `b` (at least 10 m across), with `id` selected.
    fn show_element(&mut self, floor: &str, id: &str, b: BBox) {
        if self.floor_id.as_deref() != Some(floor) {
            self.floor_id = Some(floor.to_owned());
            self.cancel_work();
            self.sync_index();
        }
        self.selection = vec![id.to_owned()];
        self.property_error = None;
        if self.viewport.is_empty() {
            return;
        }
        let c = b.center();
        let half = ZOOM_AROUND_M / 2.0;
        let b = if b.width() < ZOOM_AROUND_M && b.height() < ZOOM_AROUND_M {
            BBox {
                min: Point::new(c.x - half, c.y - half),
                max: Point::new(c.x + half, c.y + half),
            }
        } else {
            b
        };
        self.view = View::fit(b, self.viewport, FIT_MARGIN_PX * 2.0);
    }

    /// An import came from the worker: a drawing or a building model opens the import
    /// dialog (or updates it); anything else opens like a project file.
    fn imported(&mut self, done: Rc<Imported>) -> Option<()> {
        let job = done.job;
        let known = self.finish_job(job);
        let in_dialog = self.import.as_ref().is_some_and(|d| d.job == Some(job));
        if !known && !in_dialog {
            return None;
        }
        let (project, diagnostics) = match project_file::from_json(&done.project) {
            Ok(p) => p,
            Err(e) => {
                self.error = Some(format!(
                    "Could not open “{}”: the imported project could not be read: {e}.",
                    done.name
                ));
                return Some(());
            }
        };
        let drawing = crate::panels::import_dialog::opens_in_dialog(&done.format);
        if in_dialog {
            if let Some(d) = self.import.as_mut() {
                d.previewed(project, &done);
            }
            return Some(());
        }
        let bytes = self
            .pending_import
            .take()
            .filter(|(j, _, _)| *j == job)
            .map(|(_, _, b)| b);
        if drawing && let Some(bytes) = bytes {
            self.import = Some(ImportDialog::new(project, &done).with_bytes(bytes));
            self.cancel_work();
            return Some(());
        }
        let mut warnings: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
        if let Some(r) = project.imports.last() {
            warnings.extend(r.diagnostics.iter().map(ToString::to_string));
        }
        let mut opened = Opened::new(
            project,
            Source::File(done.name.clone()),
            project_file_name(&done.name),
        );
        opened.warnings = warnings;
        self.offer(opened);
        Some(())
    }

    /// Something done in the import dialog.
    fn dialog(&mut self, a: crate::panels::import_dialog::DialogAction) -> Option<()> {
        use crate::panels::import_dialog::DialogAction;
        let d = self.import.as_mut()?;
        match a {
            DialogAction::Cancel => {
                self.import = None;
            }
            DialogAction::Confirm => {
                let opened = d.confirm().map_err(|m| d.error = Some(m)).ok()?;
                self.import = None;
                self.offer(opened);
            }
            other => d.apply(other)?,
        }
        Some(())
    }
}
