//! The import dialog of drawings (DXF, SVG, scans) and building models (IFC): what each
//! layer becomes (the layer-to-material table, from `tailplan-io`'s import report), the DXF's
//! units, and the two-point scale calibration of SVG drawings and scans; for a model, which
//! storeys become floors (the storey table), what its materials became and what it left out.
//! A preview shows the import as it stands (its first floor). Every change imports the file
//! again (in the worker); "Import" opens the preview.
//!
//! A drawing without a scale is first imported at a provisional one (about 50 m across).
//! Calibration: two points clicked on the preview and the real distance between them give
//! the scale, `metres per unit = current metres per unit × real distance / distance on the
//! preview`, and the file is imported again at it.
//!
//! A model is in its own units: no units or calibration. Its storeys are chosen by name (the
//! importer's `storeys`); none chosen is the model's default, every storey holding a wall, so
//! the dialog sends nothing while no storey is ticked.
//!
//! The dialog's component (the preview, the tables, the calibration's fields) is `dialog`.

pub(crate) mod dialog;

use std::rc::Rc;

use tailplan_core::{ImportRecord, LayerRole, MappingSource, Point, Project, StoreyRecord};

use crate::document::opened::Opened;
use crate::document::{Source, project_file_name};
use crate::plan::color::Rgba;
use crate::plan::display::{Align, DisplayList, LineCap, Path, Stroke, Text};
use crate::plan::view::View;
use crate::worker::protocol::{ImportChoice, Imported, JobId};

/// The DXF units offered, besides the file's own.
pub const UNITS: [&str; 5] = ["mm", "cm", "m", "in", "ft"];

/// True when an import of this format (the report's `format`) opens in the dialog: drawings
/// (their layers, units or scale to settle) and building models (their storeys). GeoJSON and
/// IMDF open as they are.
pub fn opens_in_dialog(format: &str) -> bool {
    matches!(format, "dxf" | "svg" | "png" | "jpeg" | "ifc")
}

/// Something done in the dialog.
#[derive(Debug, Clone, PartialEq)]
pub enum DialogAction {
    /// A layer's role: `wall:MATERIAL`, `door`, `window`, `room`, `label` or `ignored`.
    SetRole {
        /// The layer.
        layer: String,
        /// The role.
        role: String,
    },
    /// The DXF's units (`None`: the file's own).
    SetUnits(Option<String>),
    /// Whether a model's storey (a row of the storey table) is imported.
    SetStorey {
        /// The row.
        index: usize,
        /// Import it.
        import: bool,
    },
    /// Start picking the two calibration points.
    StartCalibration,
    /// A click on the preview, in its metres.
    Pick(Point),
    /// The real distance between the two points, as typed (metres).
    SetDistance(String),
    /// Import again at the distance typed.
    ApplyScale,
    /// The import with the current choices was sent as `job`.
    Reimporting {
        /// The job.
        job: JobId,
        /// The revision of the choices it carries.
        revision: u32,
    },
    /// Open the preview as the project.
    Confirm,
    /// Close without importing.
    Cancel,
}

/// A row of the layer table.
#[derive(Debug, Clone, PartialEq)]
pub struct LayerRow {
    /// The layer's name.
    pub name: String,
    /// Its entities.
    pub entities: usize,
    /// What it becomes, as a role text.
    pub role: String,
    /// Why: `your choice`, `by its name`, `no rule`.
    pub why: &'static str,
    /// Skipped because hidden.
    pub hidden: bool,
}

/// A row of a model's storey table: a storey of the report, lowest first.
#[derive(Debug, Clone, PartialEq)]
pub struct StoreyRow {
    /// The storey's name in the model (the importer chooses by it).
    pub name: String,
    /// Its elevation, metres.
    pub elevation_m: f64,
    /// Its walls (`IfcWall*`, `IfcCurtainWall`), doors, windows and spaces in the model.
    pub walls: usize,
    /// Doors (`IfcDoor*`).
    pub doors: usize,
    /// Windows (`IfcWindow*`).
    pub windows: usize,
    /// Spaces (`IfcSpace`).
    pub spaces: usize,
    /// The floor it became in the preview (its id).
    pub floor: Option<String>,
    /// That floor's name (the storey's long name, else its name), as the editor shows it.
    pub floor_name: Option<String>,
    /// Ticked: to be imported.
    pub import: bool,
}

impl StoreyRow {
    /// The row of a storey of the report.
    pub fn of(s: &StoreyRecord) -> Self {
        let count = |keep: fn(&str) -> bool| -> usize {
            s.elements
                .iter()
                .filter(|(k, _)| keep(k))
                .map(|(_, n)| *n)
                .sum()
        };
        Self {
            name: s.name.clone(),
            elevation_m: s.elevation_m,
            walls: count(|k| k.starts_with("IfcWall") || k == "IfcCurtainWall"),
            doors: count(|k| k.starts_with("IfcDoor")),
            windows: count(|k| k.starts_with("IfcWindow")),
            spaces: count(|k| k == "IfcSpace"),
            floor: s.floor.clone(),
            floor_name: None,
            import: s.floor.is_some(),
        }
    }

    /// Its elevation in words: `3.50 m`, `−1.25 m`.
    pub fn elevation_text(&self) -> String {
        let e = (self.elevation_m * 100.0).round() / 100.0;
        if e < 0.0 {
            format!("−{:.2} m", -e)
        } else {
            // -0.001 rounds to -0: no sign.
            format!("{:.2} m", e.abs())
        }
    }

    /// What it holds, in words: `13 walls · 9 doors · 15 windows · 8 spaces`; kinds it
    /// has none of are left out (`no walls` when it has none of any).
    pub fn holds_text(&self) -> String {
        self.holds().join(" · ")
    }

    /// What it holds, kind by kind: `13 walls`, `9 doors`...
    pub fn holds(&self) -> Vec<String> {
        let parts: Vec<String> = [
            (self.walls, "wall", "walls"),
            (self.doors, "door", "doors"),
            (self.windows, "window", "windows"),
            (self.spaces, "space", "spaces"),
        ]
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
        .collect();
        if parts.is_empty() {
            vec!["no walls".into()]
        } else {
            parts
        }
    }

    /// The floor it becomes: its name (else its id), `…` while the preview is brought up to
    /// date, `—` when it is not imported.
    pub fn floor_text(&self) -> String {
        match (&self.floor, self.import) {
            (_, false) => "—".into(),
            (Some(f), true) => self.floor_name.clone().unwrap_or_else(|| f.clone()),
            (None, true) => "…".into(),
        }
    }
}

/// A row of a model's material table: a name in the file and what it became.
#[derive(Debug, Clone, PartialEq)]
pub struct MaterialRow {
    /// The name in the file.
    pub name: String,
    /// The library's material, in words (`concrete`), or `none (not a wall's)`.
    pub material: String,
    /// False when it gives a wall no material (insulation, air, finishes; or unknown).
    pub mapped: bool,
    /// How many imported elements use it.
    pub elements: usize,
}

/// One line of what a model held and the import left out.
#[derive(Debug, Clone, PartialEq)]
pub struct SkippedRow {
    /// How many.
    pub count: usize,
    /// The IFC type.
    pub kind: String,
    /// Why.
    pub why: String,
}

/// The two-point calibration.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Calibration {
    /// Clicks on the preview are calibration points.
    pub picking: bool,
    /// The first point.
    pub a: Option<Point>,
    /// The second.
    pub b: Option<Point>,
    /// The real distance, as typed.
    pub distance: String,
}

impl Calibration {
    /// The distance between the points on the preview, metres.
    pub fn measured_m(&self) -> Option<f64> {
        Some(self.a?.distance(self.b?))
    }
}

/// The dialog's state.
#[derive(Debug, Clone)]
pub struct ImportDialog {
    /// The file's name.
    pub name: String,
    /// Its bytes, to import again.
    pub bytes: Rc<Vec<u8>>,
    /// `dxf`, `svg`, `png`, `jpeg`, `ifc`.
    pub format: String,
    /// The last import.
    pub preview: Rc<Project>,
    /// Its report.
    pub report: ImportRecord,
    /// The provisional scale of the preview, when the drawing has none yet.
    pub provisional: Option<f64>,
    /// The layer table (DXF, SVG).
    pub layers: Vec<LayerRow>,
    /// The user's roles: (layer, role).
    pub roles: Vec<(String, String)>,
    /// A model's storey table (IFC).
    pub storeys: Vec<StoreyRow>,
    /// The storeys the user chose, by name, in the table's order (`None`: the model's
    /// default, untouched).
    pub chosen_storeys: Option<Vec<String>>,
    /// The DXF units chosen (`None`: the file's).
    pub units: Option<String>,
    /// The scale chosen by calibration, metres per unit.
    pub m_per_unit: Option<f64>,
    /// The calibration in progress.
    pub calibration: Calibration,
    /// The import job in flight.
    pub job: Option<JobId>,
    /// Increases with every change of the choices.
    pub revision: u32,
    /// The revision of the choices the preview was made with.
    pub preview_revision: u32,
    /// The revision last sent to the worker.
    pub sent_revision: u32,
    /// What went wrong last.
    pub error: Option<String>,
}

impl PartialEq for ImportDialog {
    /// The same dialog state: the same preview (by identity) and the same choices.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.preview, &other.preview)
            && Rc::ptr_eq(&self.bytes, &other.bytes)
            && self.revision == other.revision
            && self.preview_revision == other.preview_revision
            && self.sent_revision == other.sent_revision
            && self.job == other.job
            && self.roles == other.roles
            && self.storeys == other.storeys
            && self.chosen_storeys == other.chosen_storeys
            && self.units == other.units
            && self.m_per_unit == other.m_per_unit
            && self.provisional == other.provisional
            && self.calibration == other.calibration
            && self.error == other.error
    }
}

fn why(source: MappingSource) -> &'static str {
    match source {
        MappingSource::User => "your choice",
        MappingSource::Default => "by its name",
        MappingSource::Fallback => "no rule: guessed",
    }
}

impl ImportDialog {
    /// The dialog of a first import.
    pub fn new(project: Project, done: &Imported) -> Self {
        let mut d = Self {
            name: done.name.clone(),
            bytes: Rc::new(Vec::new()),
            format: done.format.clone(),
            preview: Rc::new(Project::new()),
            report: ImportRecord::default(),
            provisional: None,
            layers: Vec::new(),
            roles: Vec::new(),
            storeys: Vec::new(),
            chosen_storeys: None,
            units: None,
            m_per_unit: None,
            calibration: Calibration::default(),
            job: None,
            revision: 0,
            preview_revision: 0,
            sent_revision: 0,
            error: None,
        };
        d.previewed(project, done);
        d
    }

    /// The same dialog holding the file's bytes (to import it again).
    pub fn with_bytes(mut self, bytes: Rc<Vec<u8>>) -> Self {
        self.bytes = bytes;
        self
    }

    /// True for drawings that need a scale (SVG, scans).
    pub fn needs_scale(&self) -> bool {
        matches!(self.format.as_str(), "svg" | "png" | "jpeg")
    }

    /// True for drawings with layers (DXF, SVG).
    pub fn has_layers(&self) -> bool {
        matches!(self.format.as_str(), "dxf" | "svg")
    }

    /// True for building models (IFC): storeys, in their own units.
    pub fn is_model(&self) -> bool {
        self.format == "ifc"
    }

    /// The import options of the current choices.
    pub fn choice(&self) -> ImportChoice {
        ImportChoice {
            floor: None,
            units: self.units.clone(),
            m_per_unit: self.m_per_unit,
            layers: self.roles.clone(),
            provisional: self.needs_scale(),
            storeys: self.chosen_storeys.clone().unwrap_or_default(),
        }
    }

    /// The import to send the worker now, if any: the current choices (with their
    /// revision) when they changed since the last one sent, none is in flight, and they
    /// can be imported (a model with no storey ticked cannot).
    pub fn pending_import(&self) -> Option<(u32, ImportChoice)> {
        (self.job.is_none() && self.revision != self.sent_revision && !self.no_storey_chosen())
            .then(|| (self.revision, self.choice()))
    }

    /// True for a model whose storeys are all unticked.
    fn no_storey_chosen(&self) -> bool {
        self.chosen_storeys.as_ref().is_some_and(Vec::is_empty)
    }

    /// The material table of a model: each name of the file and what it became, in the
    /// report's order.
    pub fn material_rows(&self) -> Vec<MaterialRow> {
        self.report
            .materials
            .iter()
            .map(|m| MaterialRow {
                name: m.name.clone(),
                material: m
                    .material
                    .as_deref()
                    .map_or_else(|| "none (not a wall's)".to_owned(), |m| m.replace('_', " ")),
                mapped: m.material.is_some(),
                elements: m.elements,
            })
            .collect()
    }

    /// What the model held and the import left out, the most first.
    pub fn skipped_rows(&self) -> Vec<SkippedRow> {
        let mut rows: Vec<SkippedRow> = self
            .report
            .skipped
            .iter()
            .map(|s| SkippedRow {
                count: s.count,
                kind: s.kind.clone(),
                why: s.why.clone(),
            })
            .collect();
        rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.kind.cmp(&b.kind)));
        rows
    }

    /// The line under the title: what the file is and its units or scale.
    pub fn heading_text(&self) -> String {
        if self.is_model() {
            let units = if self.report.units.is_empty() {
                "its own units"
            } else {
                self.report.units.as_str()
            };
            format!("IFC model · {units}")
        } else {
            format!(
                "{} drawing · {}",
                self.format.to_uppercase(),
                self.scale_text()
            )
        }
    }

    /// A new import (of the current choices, or the first) arrived.
    pub fn previewed(&mut self, project: Project, done: &Imported) {
        self.report = project.imports.last().cloned().unwrap_or_default();
        self.layers = self
            .report
            .layers
            .iter()
            .map(|l| LayerRow {
                name: l.name.clone(),
                entities: l.entities,
                role: l.role.to_string(),
                why: why(l.source),
                hidden: l.hidden,
            })
            .collect();
        self.storeys = self.report.storeys.iter().map(StoreyRow::of).collect();
        for row in &mut self.storeys {
            row.floor_name = project
                .floors
                .iter()
                .find(|f| row.floor.as_ref() == Some(&f.id))
                .map(|f| f.name.clone());
            if let Some(chosen) = &self.chosen_storeys {
                row.import = chosen.iter().any(|c| same_storey(c, &row.name));
            }
        }
        // A calibration's points follow the new scale (imports scale about the origin).
        if let (Some(old), Some(new)) = (
            self.provisional.or(self.report_scale_before()),
            self.report.m_per_unit,
        ) && old > 0.0
        {
            let k = new / old;
            let c = &mut self.calibration;
            c.a = c.a.map(|p| Point::new(p.x * k, p.y * k));
            c.b = c.b.map(|p| Point::new(p.x * k, p.y * k));
        }
        self.preview = Rc::new(project);
        self.provisional = done.provisional_m_per_unit;
        self.preview_revision = self.sent_revision;
        self.job = None;
        self.error = None;
    }

    fn report_scale_before(&self) -> Option<f64> {
        self.preview.imports.last().and_then(|r| r.m_per_unit)
    }

    /// The import failed: say why, keep the last preview.
    pub fn failed(&mut self, message: String) {
        self.job = None;
        self.error = Some(message);
    }

    /// True when the preview shows the current choices.
    pub fn is_current(&self) -> bool {
        self.job.is_none() && self.preview_revision == self.revision
    }

    /// What keeps the preview from being imported, if anything.
    pub fn blocker(&self) -> Option<String> {
        if self.no_storey_chosen() {
            return Some("Tick at least one storey to import".into());
        }
        if self.job.is_some() || self.preview_revision != self.revision {
            return Some("Updating the preview…".into());
        }
        if self.provisional.is_some() {
            return Some(
                "The drawing has no scale: click two points a known distance apart on the preview and type the distance".into(),
            );
        }
        if self.preview.floors.is_empty() {
            return Some("Nothing was imported from this file".into());
        }
        None
    }

    /// Applies an action (not `Confirm` or `Cancel`); `None` when nothing changes.
    pub fn apply(&mut self, a: DialogAction) -> Option<()> {
        match a {
            DialogAction::SetRole { layer, role } => {
                let current = self.layers.iter().find(|l| l.name == layer)?;
                if current.role == role {
                    return None;
                }
                role.parse::<LayerRole>().ok()?;
                self.roles.retain(|(l, _)| *l != layer);
                self.roles.push((layer, role));
                self.revision += 1;
            }
            DialogAction::SetUnits(u) => {
                if self.units == u {
                    return None;
                }
                self.units = u;
                self.revision += 1;
            }
            DialogAction::SetStorey { index, import } => {
                let name = self.storeys.get(index)?.name.clone();
                if self.storeys[index].import == import {
                    return None;
                }
                // The importer chooses storeys by name: storeys of one name go together.
                for row in &mut self.storeys {
                    if same_storey(&row.name, &name) {
                        row.import = import;
                    }
                }
                let mut chosen: Vec<String> = Vec::new();
                for row in self.storeys.iter().filter(|r| r.import) {
                    if !chosen.iter().any(|c| same_storey(c, &row.name)) {
                        chosen.push(row.name.clone());
                    }
                }
                self.chosen_storeys = Some(chosen);
                self.revision += 1;
            }
            DialogAction::StartCalibration => {
                self.calibration = Calibration {
                    picking: true,
                    distance: self.calibration.distance.clone(),
                    ..Calibration::default()
                };
            }
            DialogAction::Pick(p) => {
                let c = &mut self.calibration;
                if !c.picking {
                    return None;
                }
                match (c.a, c.b) {
                    (None, _) => c.a = Some(p),
                    (Some(_), None) => {
                        c.b = Some(p);
                        c.picking = false;
                    }
                    (Some(_), Some(_)) => return None,
                }
            }
            DialogAction::SetDistance(text) => {
                if self.calibration.distance == text {
                    return None;
                }
                self.calibration.distance = text;
            }
            DialogAction::ApplyScale => {
                let s = self
                    .calibrated_scale()
                    .map_err(|e| self.error = Some(e))
                    .ok()?;
                self.m_per_unit = Some(s);
                self.error = None;
                self.revision += 1;
            }
            DialogAction::Reimporting { job, revision } => {
                self.job = Some(job);
                self.sent_revision = revision;
            }
            DialogAction::Confirm | DialogAction::Cancel => return None,
        }
        Some(())
    }

    /// The scale the calibration gives, metres per drawing unit, or what is missing.
    pub fn calibrated_scale(&self) -> Result<f64, String> {
        let measured = self
            .calibration
            .measured_m()
            .ok_or("Click two points on the preview first")?;
        let text = self.calibration.distance.trim().replace(',', ".");
        let real: f64 = text.trim_end_matches('m').trim().parse().map_err(|_| {
            format!(
                "“{}” is not a distance in metres",
                self.calibration.distance
            )
        })?;
        if !(real.is_finite() && real > 0.0) {
            return Err("The distance must be more than 0 m".into());
        }
        if measured.is_nan() || measured <= 1e-9 {
            return Err("The two points are the same point: click two different points".into());
        }
        let current = self
            .report
            .m_per_unit
            .or(self.provisional)
            .ok_or("The drawing's present scale is not known")?;
        Ok(current * real / measured)
    }

    /// The project the dialog would open, or why not yet.
    pub fn confirm(&self) -> Result<Opened, String> {
        if let Some(b) = self.blocker() {
            return Err(b);
        }
        let mut opened = Opened::new(
            (*self.preview).clone(),
            Source::File(self.name.clone()),
            project_file_name(&self.name),
        );
        opened.warnings = self
            .report
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect();
        Ok(opened)
    }

    /// The roles a layer can be given: walls of each material of the preview's library,
    /// then the other roles.
    pub fn role_options(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .preview
            .materials
            .iter()
            .map(|m| {
                (
                    format!("wall:{}", m.name),
                    format!("Wall · {}", m.name.replace('_', " ")),
                )
            })
            .collect();
        for (role, label) in [
            ("door", "Doors"),
            ("window", "Windows"),
            ("room", "Rooms"),
            ("label", "Room names"),
            ("ignored", "Ignore"),
        ] {
            out.push((role.to_owned(), label.to_owned()));
        }
        // A role the library lacks (a material named by the drawing) stays choosable.
        for l in &self.layers {
            if !out.iter().any(|(r, _)| *r == l.role) {
                out.push((l.role.clone(), l.role.clone()));
            }
        }
        out
    }

    /// The preview's element counts, in words: its first floor's, named when there are more.
    pub fn counts_text(&self) -> String {
        let f = self.preview.floors.first();
        let n = |g: fn(&tailplan_core::Floor) -> usize| f.map_or(0, g);
        let counts = format!(
            "{} walls · {} rooms · {} doors and windows",
            n(|f| f.walls.len()),
            n(|f| f.rooms.len()),
            n(|f| f.openings.len())
        );
        match (f, self.preview.floors.len()) {
            (Some(f), floors @ 2..) => {
                format!("{}: {counts} (shown; {floors} floors in all)", f.name)
            }
            _ => counts,
        }
    }

    /// The scale in words: `0.0125 m per unit (calibrated)`.
    pub fn scale_text(&self) -> String {
        match (self.provisional, self.report.m_per_unit) {
            (Some(_), _) => "not known yet (shown at a provisional scale)".into(),
            (None, Some(s)) => format!(
                "{} m per {}{}",
                trim_number(s),
                // Scans are measured in pixels; DXF and SVG in drawing units.
                if matches!(self.format.as_str(), "png" | "jpeg") {
                    "pixel"
                } else {
                    "unit"
                },
                if self.m_per_unit.is_some() {
                    " (calibrated)"
                } else {
                    ""
                }
            ),
            (None, None) => "from the file".into(),
        }
    }
}

/// True when two storey names are the same to the importer (trimmed, ASCII case ignored).
fn same_storey(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// A number with 4 significant figures, without trailing zeros.
fn trim_number(x: f64) -> String {
    let digits = (4 - (x.abs().log10().floor() as i32) - 1).clamp(0, 10) as usize;
    let s = format!("{x:.digits$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

/// The colour of the calibration line and points.
pub const CALIBRATION: Rgba = Rgba::hex(0xdb2777);

/// What the preview draws over the drawing: the calibration points, the line between them
/// and its length in drawing units (`m_per_unit`, named `unit`), and the pointer's point
/// while the second is picked.
pub fn calibration_overlay(
    c: &Calibration,
    view: &View,
    pointer: Option<Point>,
    m_per_unit: Option<f64>,
    unit: &str,
) -> DisplayList {
    let mut list = DisplayList::default();
    let b = c.b.or(if c.picking { pointer } else { None });
    if let (Some(a), Some(b)) = (c.a, b) {
        let (pa, pb) = (view.to_screen(a), view.to_screen(b));
        let mut line = Path::new();
        line.polyline([pa, pb]);
        list.stroke(
            line,
            Stroke::solid(CALIBRATION, 2.0)
                .dashed(&[6.0, 4.0])
                .capped(LineCap::Round),
        );
        let length = m_per_unit
            .filter(|s| *s > 0.0)
            .map(|s| format!("{:.1} {unit}", a.distance(b) / s));
        list.text(Text {
            text: length.unwrap_or_default(),
            x: (pa.0 + pb.0) / 2.0,
            y: (pa.1 + pb.1) / 2.0 - 12.0,
            size_px: 12.0,
            bold: true,
            color: CALIBRATION,
            halo: Some(Rgba::rgb(255, 255, 255).with_alpha(230)),
            align: Align::Center,
        });
    }
    for p in [c.a, c.b].into_iter().flatten() {
        let (x, y) = view.to_screen(p);
        let mut dot = Path::new();
        dot.circle(x, y, 5.0);
        list.fill_stroke(
            dot,
            Rgba::rgb(255, 255, 255),
            Stroke::solid(CALIBRATION, 2.5),
        );
        let mut cross = Path::new();
        cross.polyline([(x - 9.0, y), (x + 9.0, y)]);
        cross.polyline([(x, y - 9.0), (x, y + 9.0)]);
        list.stroke(cross, Stroke::solid(CALIBRATION, 1.0));
    }
    list
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use tailplan_core::{Floor, LayerRecord, MaterialMapping, SkippedRecord};

    use super::*;

    fn project(m_per_unit: Option<f64>, layers: &[(&str, LayerRole)]) -> Project {
        let mut p = Project::new();
        p.floors.push(Floor::new("0", "Floor 0", 0.0));
        p.imports.push(ImportRecord {
            source: "plan.svg".into(),
            format: "svg".into(),
            m_per_unit,
            layers: layers
                .iter()
                .map(|(n, r)| LayerRecord {
                    name: (*n).into(),
                    entities: 3,
                    role: r.clone(),
                    source: MappingSource::Default,
                    hidden: false,
                })
                .collect(),
            ..ImportRecord::default()
        });
        p
    }

    fn done(provisional: Option<f64>) -> Imported {
        Imported {
            job: 5,
            name: "plan.svg".into(),
            format: "svg".into(),
            project: String::new(),
            provisional_m_per_unit: provisional,
        }
    }

    #[test]
    fn layers_and_roles() {
        let p = project(
            Some(0.5),
            &[
                ("Walls", LayerRole::Wall("drywall".into())),
                ("Furniture", LayerRole::Ignored),
            ],
        );
        let mut d = ImportDialog::new(p, &done(None));
        assert_eq!(d.layers.len(), 2);
        assert_eq!(d.layers[0].role, "wall:drywall");
        assert_eq!(d.layers[1].why, "by its name");
        assert!(d.is_current());
        // The same role changes nothing; a new one is a new revision of the choices.
        assert_eq!(
            d.apply(DialogAction::SetRole {
                layer: "Walls".into(),
                role: "wall:drywall".into()
            }),
            None
        );
        d.apply(DialogAction::SetRole {
            layer: "Walls".into(),
            role: "wall:concrete".into(),
        })
        .unwrap();
        assert_eq!(d.revision, 1);
        assert!(!d.is_current());
        assert_eq!(
            d.choice().layers,
            [("Walls".into(), "wall:concrete".into())]
        );
        assert!(d.confirm().is_err(), "the preview is not current");
        d.apply(DialogAction::Reimporting {
            job: 6,
            revision: 1,
        });
        assert!(d.blocker().is_some());
        let p2 = project(
            Some(0.5),
            &[
                ("Walls", LayerRole::Wall("concrete".into())),
                ("Furniture", LayerRole::Ignored),
            ],
        );
        d.previewed(p2, &done(None));
        assert!(d.is_current());
        assert_eq!(d.layers[0].role, "wall:concrete");
        let opened = d.confirm().unwrap();
        assert_eq!(opened.file_name, "plan.tailplan.json");
        let options = d.role_options();
        assert!(options.iter().any(|(r, _)| r == "wall:concrete"));
        assert!(options.iter().any(|(r, _)| r == "ignored"));
    }

    #[test]
    fn two_points_and_a_distance_give_the_scale() {
        // Provisional: 0.1 m per unit.
        let p = project(Some(0.1), &[]);
        let mut d = ImportDialog::new(p, &done(Some(0.1)));
        assert!(d.blocker().unwrap().contains("no scale"));
        assert_eq!(
            d.calibrated_scale(),
            Err("Click two points on the preview first".into())
        );
        assert_eq!(
            d.apply(DialogAction::Pick(Point::new(1.0, 1.0))),
            None,
            "not picking"
        );
        d.apply(DialogAction::StartCalibration);
        d.apply(DialogAction::Pick(Point::new(1.0, 1.0)));
        d.apply(DialogAction::Pick(Point::new(4.0, 5.0)));
        assert!(!d.calibration.picking);
        assert_eq!(d.calibration.measured_m(), Some(5.0));
        d.apply(DialogAction::SetDistance("abc".into()));
        assert!(d.calibrated_scale().is_err());
        d.apply(DialogAction::SetDistance("12,5 m".into()));
        // 5 m on the preview at 0.1 m per unit is 50 units; 12.5 m / 50 = 0.25 m per unit.
        assert!((d.calibrated_scale().unwrap() - 0.25).abs() < 1e-12);
        d.apply(DialogAction::ApplyScale).unwrap();
        assert_eq!(d.m_per_unit, Some(0.25));
        assert_eq!(d.choice().m_per_unit, Some(0.25));
        d.apply(DialogAction::Reimporting {
            job: 7,
            revision: d.revision,
        });
        d.previewed(project(Some(0.25), &[]), &done(None));
        assert_eq!(d.blocker(), None);
        assert_eq!(d.scale_text(), "0.25 m per unit (calibrated)");
        // The points followed the new scale: 2.5 times further from the origin.
        assert_eq!(d.calibration.a, Some(Point::new(2.5, 2.5)));
        let overlay = calibration_overlay(
            &d.calibration,
            &View {
                scale: 10.0,
                origin_x: 0.0,
                origin_y: 100.0,
            },
            None,
            Some(0.25),
            "units",
        );
        assert!(overlay.texts().any(|t| t.text == "50.0 units"));
    }

    /// A storey of a test model: name, elevation, the floor it became, its elements.
    type Storey<'a> = (&'a str, f64, Option<&'a str>, &'a [(&'a str, usize)]);

    /// A model's import: storeys, materials, skipped.
    fn model(storeys: &[Storey]) -> Project {
        let mut p = Project::new();
        for (_, e, floor, _) in storeys {
            if let Some(f) = floor {
                p.floors.push(Floor::new(*f, format!("{f} floor"), *e));
            }
        }
        p.imports.push(ImportRecord {
            source: "kontor.ifc".into(),
            format: "ifc".into(),
            units: "mm (IFC4)".into(),
            m_per_unit: Some(0.001),
            floors: p.floors.iter().map(|f| f.id.clone()).collect(),
            storeys: storeys
                .iter()
                .map(|(name, e, floor, elements)| StoreyRecord {
                    name: (*name).into(),
                    elevation_m: *e,
                    floor: floor.map(Into::into),
                    elements: elements.iter().map(|(k, n)| ((*k).into(), *n)).collect(),
                    slab_m: None,
                    slab_material: None,
                })
                .collect(),
            materials: vec![
                MaterialMapping {
                    name: "Stahlbeton".into(),
                    material: Some("concrete".into()),
                    elements: 11,
                },
                MaterialMapping {
                    name: "Dämmung".into(),
                    material: None,
                    elements: 9,
                },
            ],
            skipped: vec![
                SkippedRecord {
                    kind: "IfcBuildingElementProxy".into(),
                    count: 1,
                    why: "a proxy".into(),
                },
                SkippedRecord {
                    kind: "IfcFurnishingElement".into(),
                    count: 3,
                    why: "furniture: no wall".into(),
                },
            ],
            ..ImportRecord::default()
        });
        p
    }

    const EG: &[(&str, usize)] = &[
        ("IfcColumn", 1),
        ("IfcCurtainWall", 1),
        ("IfcDoor", 9),
        ("IfcSpace", 8),
        ("IfcWall", 13),
        ("IfcWindow", 15),
    ];
    const OG: &[(&str, usize)] = &[
        ("IfcDoor", 7),
        ("IfcSpace", 7),
        ("IfcWall", 4),
        ("IfcWallStandardCase", 6),
        ("IfcWindow", 18),
    ];
    const DACH: &[(&str, usize)] = &[("IfcSlab", 1)];

    fn model_done() -> Imported {
        Imported {
            job: 5,
            name: "kontor.ifc".into(),
            format: "ifc".into(),
            project: String::new(),
            provisional_m_per_unit: None,
        }
    }

    #[test]
    fn a_model_opens_with_its_storeys_materials_and_what_it_left_out() {
        assert!(opens_in_dialog("ifc") && opens_in_dialog("dxf"));
        assert!(!opens_in_dialog("geojson") && !opens_in_dialog("imdf"));
        // Lowest first, as the report has them; the roof holds no wall: not imported.
        let p = model(&[
            ("EG", 0.0, Some("EG"), EG),
            ("OG 1", 3.5, Some("OG 1"), OG),
            ("Dach", 7.004, None, DACH),
        ]);
        let d = ImportDialog::new(p, &model_done());
        assert!(d.is_model() && !d.has_layers() && !d.needs_scale());
        assert_eq!(d.heading_text(), "IFC model · mm (IFC4)");
        let rows: Vec<_> = d
            .storeys
            .iter()
            .map(|r| {
                (
                    r.name.as_str(),
                    r.elevation_text(),
                    r.holds_text(),
                    r.floor_text(),
                    r.import,
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                (
                    "EG",
                    "0.00 m".to_owned(),
                    "14 walls · 9 doors · 15 windows · 8 spaces".to_owned(),
                    "EG floor".to_owned(),
                    true
                ),
                (
                    "OG 1",
                    "3.50 m".to_owned(),
                    "10 walls · 7 doors · 18 windows · 7 spaces".to_owned(),
                    "OG 1 floor".to_owned(),
                    true
                ),
                (
                    "Dach",
                    "7.00 m".to_owned(),
                    "no walls".to_owned(),
                    "—".to_owned(),
                    false
                ),
            ]
        );
        // Untouched: the model's default, nothing to send.
        assert_eq!(d.choice().storeys, Vec::<String>::new());
        assert_eq!(d.pending_import(), None);
        assert_eq!(d.blocker(), None);
        assert_eq!(
            d.material_rows(),
            [
                MaterialRow {
                    name: "Stahlbeton".into(),
                    material: "concrete".into(),
                    mapped: true,
                    elements: 11
                },
                MaterialRow {
                    name: "Dämmung".into(),
                    material: "none (not a wall's)".into(),
                    mapped: false,
                    elements: 9
                },
            ]
        );
        let skipped: Vec<_> = d
            .skipped_rows()
            .into_iter()
            .map(|r| (r.count, r.kind))
            .collect();
        assert_eq!(
            skipped,
            [
                (3, "IfcFurnishingElement".to_owned()),
                (1, "IfcBuildingElementProxy".to_owned())
            ]
        );
        assert_eq!(
            d.counts_text(),
            "EG floor: 0 walls · 0 rooms · 0 doors and windows (shown; 2 floors in all)"
        );
        let neg = StoreyRow::of(&StoreyRecord {
            name: "UG".into(),
            elevation_m: -1.254,
            floor: None,
            elements: BTreeMap::new(),
            slab_m: None,
            slab_material: None,
        });
        assert_eq!(neg.elevation_text(), "−1.25 m");
        let zero = StoreyRow {
            elevation_m: -0.001,
            ..neg
        };
        assert_eq!(zero.elevation_text(), "0.00 m");
    }

    #[test]
    fn ticking_storeys_imports_again_with_them() {
        let p = model(&[
            ("EG", 0.0, Some("EG"), EG),
            ("OG 1", 3.5, Some("OG 1"), OG),
            ("Dach", 7.0, None, DACH),
        ]);
        let mut d = ImportDialog::new(p, &model_done());
        assert_eq!(
            d.apply(DialogAction::SetStorey {
                index: 0,
                import: true
            }),
            None,
            "already ticked"
        );
        assert_eq!(
            d.apply(DialogAction::SetStorey {
                index: 9,
                import: true
            }),
            None,
            "no such row"
        );
        d.apply(DialogAction::SetStorey {
            index: 1,
            import: false,
        })
        .unwrap();
        assert_eq!(d.revision, 1);
        assert!(!d.storeys[1].import);
        assert_eq!(d.storeys[1].floor_text(), "—");
        let (revision, choice) = d.pending_import().unwrap();
        assert_eq!(
            (revision, choice.storeys.clone()),
            (1, vec!["EG".to_owned()])
        );
        assert_eq!(choice.layers, []);
        assert!(!choice.provisional && choice.m_per_unit.is_none());
        assert!(d.confirm().is_err(), "the preview is not current");
        d.apply(DialogAction::Reimporting { job: 6, revision });
        assert_eq!(d.pending_import(), None, "in flight");
        assert_eq!(d.blocker().as_deref(), Some("Updating the preview…"));
        // The new preview: OG 1 not imported; the table keeps the user's choice.
        d.previewed(
            model(&[
                ("EG", 0.0, Some("EG"), EG),
                ("OG 1", 3.5, None, OG),
                ("Dach", 7.0, None, DACH),
            ]),
            &model_done(),
        );
        assert!(d.is_current());
        let ticked: Vec<bool> = d.storeys.iter().map(|r| r.import).collect();
        assert_eq!(ticked, [true, false, false]);
        assert_eq!(d.counts_text(), "0 walls · 0 rooms · 0 doors and windows");
        let opened = d.confirm().unwrap();
        let floors: Vec<&str> = opened
            .project
            .floors
            .iter()
            .map(|f| f.id.as_str())
            .collect();
        assert_eq!(floors, ["EG"]);

        // The roof ticked too: chosen in the table's order.
        d.apply(DialogAction::SetStorey {
            index: 2,
            import: true,
        });
        assert_eq!(d.choice().storeys, ["EG", "Dach"]);
        assert_eq!(d.storeys[2].floor_text(), "…");
        // Nothing ticked: nothing to send (an empty choice is the model's default), and
        // Import says why.
        d.apply(DialogAction::SetStorey {
            index: 0,
            import: false,
        });
        d.apply(DialogAction::SetStorey {
            index: 2,
            import: false,
        });
        assert_eq!(d.chosen_storeys, Some(vec![]));
        assert_eq!(d.pending_import(), None);
        assert_eq!(
            d.blocker().as_deref(),
            Some("Tick at least one storey to import")
        );
        assert!(d.confirm().is_err());
        d.apply(DialogAction::SetStorey {
            index: 1,
            import: true,
        });
        assert_eq!(
            d.pending_import().map(|(r, c)| (r, c.storeys)),
            Some((d.revision, vec!["OG 1".to_owned()]))
        );
    }

    #[test]
    fn storeys_of_one_name_go_together() {
        // The importer chooses by name (ASCII case ignored): two storeys named alike are
        // ticked and unticked together and sent once.
        let p = model(&[
            ("Level 1", 0.0, Some("storey-0"), OG),
            ("LEVEL 1", 3.0, Some("storey-1"), OG),
            ("Level 2", 6.0, Some("Level 2"), OG),
        ]);
        let mut d = ImportDialog::new(p, &model_done());
        d.apply(DialogAction::SetStorey {
            index: 1,
            import: false,
        });
        let ticked: Vec<bool> = d.storeys.iter().map(|r| r.import).collect();
        assert_eq!(ticked, [false, false, true]);
        d.apply(DialogAction::SetStorey {
            index: 0,
            import: true,
        });
        assert_eq!(d.choice().storeys, ["Level 1", "Level 2"]);
    }

    #[test]
    fn numbers_read_well() {
        assert_eq!(trim_number(0.0125), "0.0125");
        assert_eq!(trim_number(0.25), "0.25");
        assert_eq!(trim_number(12.3456), "12.35");
        assert_eq!(trim_number(1234.6), "1235");
    }
}
