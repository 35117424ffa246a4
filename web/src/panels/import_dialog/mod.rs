//! The import dialog of drawings (DXF, SVG, scans): what each layer becomes (the
//! layer-to-material table, from `tailplan-io`'s import report), the DXF's units, and the
//! two-point scale calibration of SVG drawings and scans, with a preview of the import as it
//! stands. Every change imports the file again (in the worker); "Import" opens the preview.
//!
//! A drawing without a scale is first imported at a provisional one (about 50 m across).
//! Calibration: two points clicked on the preview and the real distance between them give
//! the scale, `metres per unit = current metres per unit × real distance / distance on the
//! preview`, and the file is imported again at it.
//!
//! The dialog's component (the preview, the table, the calibration's fields) is `dialog`.

pub(crate) mod dialog;

use std::rc::Rc;

use tailplan_core::{ImportRecord, LayerRole, MappingSource, Point, Project};

use crate::document::opened::Opened;
use crate::document::{Source, project_file_name};
use crate::plan::color::Rgba;
use crate::plan::display::{Align, DisplayList, LineCap, Path, Stroke, Text};
use crate::plan::view::View;
use crate::worker::protocol::{ImportChoice, Imported, JobId};

/// The DXF units offered, besides the file's own.
pub const UNITS: [&str; 5] = ["mm", "cm", "m", "in", "ft"];

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
    /// `dxf`, `svg`, `png`, `jpeg`.
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

    /// The import options of the current choices.
    pub fn choice(&self) -> ImportChoice {
        ImportChoice {
            floor: None,
            units: self.units.clone(),
            m_per_unit: self.m_per_unit,
            layers: self.roles.clone(),
            provisional: self.needs_scale(),
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

    /// The preview's element counts, in words.
    pub fn counts_text(&self) -> String {
        let f = self.preview.floors.first();
        let n = |g: fn(&tailplan_core::Floor) -> usize| f.map_or(0, g);
        format!(
            "{} walls · {} rooms · {} doors and windows",
            n(|f| f.walls.len()),
            n(|f| f.rooms.len()),
            n(|f| f.openings.len())
        )
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
    use tailplan_core::{Floor, LayerRecord};

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

    #[test]
    fn numbers_read_well() {
        assert_eq!(trim_number(0.0125), "0.0125");
        assert_eq!(trim_number(0.25), "0.25");
        assert_eq!(trim_number(12.3456), "12.35");
        assert_eq!(trim_number(1234.6), "1235");
    }
}
