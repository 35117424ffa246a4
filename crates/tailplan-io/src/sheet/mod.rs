//! Design sheets: SVG drawings of a project that an installer can build from.
//!
//! A sheet is a pure function of the project and of what is computed from it (an
//! [`Analysis`]: the routing, the bill of materials, each floor's coverage). No file, clock
//! or randomness is involved: the date in the title block is a parameter, and the same inputs
//! give the same bytes, in the browser as on the command line.
//!
//! Each floor has a **cabling** sheet (walls, rooms, trays, every cable route coloured by its
//! telecom room, every endpoint labelled with its cable ids, the design-rule findings marked
//! and listed, the telecom rooms' loads, the floor's bill of materials and its cable schedule)
//! and a **coverage** sheet (the best-server heatmap as vector bands at the thresholds, clipped
//! to the rooms, its colour legend with the share of the area in each band, the transmitters
//! and the coverage of every room). Tables that do not fit go on continuation sheets. The
//! **riser** sheets are drawn per building and for the campus, not per floor: a riser
//! diagram (a schematic elevation, not to scale: floors, distributors, risers and backbone
//! cables; the backbone schedule) and each distributor's rack and port map. A **sheet set**
//! adds an index sheet (general notes, drawing register, floors, the project's bill of
//! materials). The **scenario comparison** ([`scenario_sheet`]) is one sheet of tables and
//! charts comparing scenarios of the final tail, drawn from their comparison (computed by
//! `tailplan_core::scenario`), not from an [`Analysis`]; it is not part of a set.
//!
//! What is where:
//! - [`paper`]: paper sizes and scales; `layout`: the frame, the plan's place at its true
//!   scale, the regions left for panels; `flow`: panels into regions and onto continuation
//!   sheets;
//! - `title_block`, `scale_bar` (and the north arrow), `legend`, `tables`, `reports` (the
//!   tables' contents);
//! - `plan` (the layers), `symbols` (`<defs>` + `<use>`), `labels` (placement without
//!   overlaps), `findings` (markers), `heatmap` and `contour` (marching squares);
//! - `riser` (the riser diagram, the backbone schedule), `racks` (the rack and port maps);
//! - `scenarios` (the scenario comparison: its tables and bar charts);
//! - `page` (one document), `set` (numbering, the index), `key_plan` (the index's small
//!   plans), `xml` (escaping, numbers, ids),
//!   `text` (sizes and widths), `style` (colours and line weights), [`analysis`].
//!
//! # Examples
//!
//! ```
//! use tailplan_core::{Floor, Point, Polygon, Project, Room};
//! use tailplan_io::sheet::{self, Analysis, SheetKind, SheetOptions};
//!
//! let mut project = Project::new();
//! let mut floor = Floor::new("0", "Ground floor", 0.0);
//! floor.rooms.push(Room {
//!     id: "r1".into(),
//!     name: "<script>alert(1)</script>".into(),
//!     polygon: Polygon::rect(Point::new(0.0, 0.0), Point::new(12.0, 8.0)),
//!     category: None,
//!     people: None,
//!     props: Default::default(),
//! });
//! project.floors.push(floor);
//!
//! let analysis = Analysis::routing(&project);
//! let options = SheetOptions::dated("2025-01-31");
//! let sheets = sheet::floor_sheets(&project, &analysis, "0", SheetKind::Cabling, &options)?;
//! assert_eq!(sheets.len(), 1);
//! assert_eq!(sheets[0].name, "cabling-0");
//! assert!(sheets[0].svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
//! assert!(sheets[0].svg.contains("1 of 1"));
//! # Ok::<(), sheet::SheetError>(())
//! ```

pub mod analysis;
mod contour;
mod findings;
mod flow;
mod heatmap;
mod key_plan;
mod labels;
mod layout;
mod legend;
mod page;
pub mod paper;
pub mod pdf;
mod plan;
mod racks;
mod reports;
mod riser;
mod scale_bar;
mod scenarios;
mod set;
mod style;
mod symbols;
mod tables;
mod text;
mod title_block;
mod xml;

use std::fmt;
use std::str::FromStr;

pub use analysis::{Analysis, FloorCoverage, NoMap};
pub use paper::{Paper, Scale};
pub use pdf::{PDF_FONT_FAMILY, PdfError, PdfMeta, PdfSheet, pdf};
pub use plan::View as PlanView;
pub use scenarios::ScenarioComparison;
pub use text::MIN_FONT_MM;

/// What a floor's sheet shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SheetKind {
    /// Trays, cable routes, endpoints with their cable ids, findings, schedule, bill of
    /// materials.
    Cabling,
    /// The coverage heatmap, the transmitters, coverage per room.
    Coverage,
    /// Drawn per building and for the campus, not per floor: the riser diagram (floors,
    /// distributors, risers, backbone cables; the backbone schedule), then the rack and port
    /// map of every distributor (patch panels port by port, switch ports, the fibre panel).
    /// One kind, so that a set numbers the diagrams and the racks they show together, after
    /// the floors' sheets.
    Riser,
    /// Drawn once for the project, not per floor, and never in a set (it routes the project
    /// once per scenario): the scenario comparison ([`scenario_sheet`]): every scenario's
    /// totals, per building, the development plan, bar charts of capex, ports and energy.
    Scenarios,
}

impl SheetKind {
    /// Every kind a set draws, in its order: each floor's cabling and coverage sheets, then
    /// the riser sheets (which a set leaves out for a project of floor distributors in one
    /// building: see [`sheet_set`]). Not [`SheetKind::Scenarios`], which is drawn by itself.
    pub const ALL: [SheetKind; 3] = [SheetKind::Cabling, SheetKind::Coverage, SheetKind::Riser];

    /// `cabling`, `coverage`, `riser` or `scenarios`.
    pub fn as_str(self) -> &'static str {
        match self {
            SheetKind::Cabling => "cabling",
            SheetKind::Coverage => "coverage",
            SheetKind::Riser => "riser",
            SheetKind::Scenarios => "scenarios",
        }
    }

    /// True for the kinds drawn once per floor (cabling, coverage); false for the riser
    /// sheets, drawn per building, and the scenario comparison, drawn for the project.
    pub fn is_per_floor(self) -> bool {
        !matches!(self, SheetKind::Riser | SheetKind::Scenarios)
    }
}

impl fmt::Display for SheetKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for SheetKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "cabling" => Ok(SheetKind::Cabling),
            "coverage" => Ok(SheetKind::Coverage),
            "riser" => Ok(SheetKind::Riser),
            "scenarios" => Ok(SheetKind::Scenarios),
            _ => Err(format!(
                "unknown sheet kind \"{s}\": expected cabling, coverage, riser or scenarios"
            )),
        }
    }
}

/// How to draw sheets.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetOptions {
    /// The paper; `None` for A3 when the floor fits it at 1:100 or larger, else A1 (see
    /// [`paper`]).
    pub paper: Option<Paper>,
    /// The scale; `None` for the largest standard scale at which the floor fits.
    pub scale: Option<Scale>,
    /// The date in the title block, as written there (`2025-01-31`).
    pub date: String,
}

impl SheetOptions {
    /// Default paper and scale, dated `date`.
    pub fn dated(date: impl Into<String>) -> Self {
        Self {
            paper: None,
            scale: None,
            date: date.into(),
        }
    }
}

/// One sheet, as an SVG document.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The file name it is written under, without `.svg` (`cabling-1`, `cabling-1-2` for its
    /// continuation, `coverage-1`, `index`).
    pub name: String,
    /// The drawing number in its title block (`TP-CAB-1`, `TP-IDX`).
    pub number: String,
    /// Its title (`Level 1: cabling`).
    pub title: String,
    /// The SVG document.
    pub svg: String,
    /// Where the floor's metres land on the paper, for a sheet with a plan.
    pub view: Option<PlanView>,
}

/// Why sheets cannot be drawn.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SheetError {
    /// No floor has this id.
    #[error("no floor \"{floor}\" (floors: {floors})")]
    UnknownFloor {
        /// The id asked for.
        floor: String,
        /// The ids there are.
        floors: String,
    },
    /// The project has no floor.
    #[error("the project has no floor")]
    NoFloors,
    /// The floor has nothing on it.
    #[error("floor \"{0}\" is empty: there is nothing to draw")]
    EmptyFloor(String),
    /// The floor does not fit the paper at the scale asked for.
    #[error(
        "floor \"{floor}\" ({width_m:.1} × {height_m:.1} m) does not fit {} at {}: its plan needs {:.0} × {:.0} mm beside the title block; choose a larger paper or a smaller scale",
        paper.as_deref().unwrap_or("any paper"),
        scale.as_deref().unwrap_or("any standard scale"),
        needs_mm.0,
        needs_mm.1
    )]
    DoesNotFit {
        /// The floor's id.
        floor: String,
        /// Its width, metres.
        width_m: f64,
        /// Its height, metres.
        height_m: f64,
        /// The paper asked for.
        paper: Option<String>,
        /// The scale asked for.
        scale: Option<String>,
        /// The plan's size on paper at that scale, margins included.
        needs_mm: (f64, f64),
    },
}

/// The sheet of one floor of `kind`, followed by its continuation sheets when its tables do
/// not fit, numbered 1 to m among themselves. For [`SheetKind::Riser`], drawn per building:
/// the riser diagram of the floor's building and the rack maps of its distributors (see
/// [`riser_sheets`] for the campus's). For [`SheetKind::Scenarios`], the comparison of the
/// built-in scenarios for the whole project (the floor only has to exist; see
/// [`scenario_sheet`] for a comparison of one's own).
pub fn floor_sheets(
    project: &tailplan_core::Project,
    analysis: &Analysis,
    floor: &str,
    kind: SheetKind,
    options: &SheetOptions,
) -> Result<Vec<Sheet>, SheetError> {
    let index = set::floor_index(project, floor)?;
    if kind == SheetKind::Scenarios {
        let energy = tailplan_core::scenario::EnergyOptions::default();
        // The built-in scenarios have no prices of their own: nothing to refuse.
        let scenarios =
            tailplan_core::scenario::compare(project, None, &energy).unwrap_or_default();
        let comparison = ScenarioComparison {
            scenarios: &scenarios,
            currency: &project.settings.prices.currency,
            plan: None,
            energy,
            warnings: &[],
        };
        return Ok(vec![scenario_sheet(&project.meta, &comparison, options)]);
    }
    if kind == SheetKind::Riser {
        let all = riser::buildings(project);
        let Some(b) = all.iter().find(|b| b.id == project.floors[index].building) else {
            return Ok(Vec::new());
        };
        let scope = set::RiserScope::Building(b);
        let paper = options
            .paper
            .unwrap_or_else(|| set::riser_paper(project, analysis, scope, Paper::A3));
        let drafts = set::riser_drafts(project, analysis, scope, paper);
        return Ok(set::finish(project, drafts, options));
    }
    let place = set::placement(project, index, options)?;
    let drafts = set::floor_drafts(project, analysis, index, kind, &place)?;
    Ok(set::finish(project, drafts, options))
}

/// The sheet set: an index sheet (notes, drawing register, floors, the project's bill of
/// materials), then every floor's sheets of each of `kinds`, then, when `kinds` has
/// [`SheetKind::Riser`], the riser sheets (as [`riser_sheets`]), all on one paper (the largest
/// any floor or riser diagram needs unless given), numbered 1 to m.
///
/// The riser sheets join the set only when the project has a backbone, a building or campus
/// distributor, or more than one building: a single building of floor distributors has no
/// backbone to draw, and its set stays as it was before the campus (its riser diagram is
/// still drawn when asked for by itself).
pub fn sheet_set(
    project: &tailplan_core::Project,
    analysis: &Analysis,
    kinds: &[SheetKind],
    options: &SheetOptions,
) -> Result<Vec<Sheet>, SheetError> {
    set::sheet_set(project, analysis, kinds, options)
}

/// The riser sheets of the whole project: the campus's riser diagram (with more than one
/// building: the buildings side by side, every backbone cable, the ducts), each building's,
/// then the rack and port map of every distributor, numbered 1 to m among themselves. Drawn
/// on `options.paper`, else on the smallest paper from A3 up that holds the largest diagram.
/// Not to scale: `options.scale` is not used.
pub fn riser_sheets(
    project: &tailplan_core::Project,
    analysis: &Analysis,
    options: &SheetOptions,
) -> Result<Vec<Sheet>, SheetError> {
    if project.floors.is_empty() {
        return Err(SheetError::NoFloors);
    }
    let scope = set::RiserScope::All;
    let paper = options
        .paper
        .unwrap_or_else(|| set::riser_paper(project, analysis, scope, Paper::A3));
    let drafts = set::riser_drafts(project, analysis, scope, paper);
    Ok(set::finish(project, drafts, options))
}

/// The scenario comparison sheet: one landscape sheet (`options.paper`, A3 when `None`) of
/// the scenarios' totals side by side (the lowest of each row marked, unserved endpoints and
/// errors in red), the same per building, bar charts of capex, ports by medium and energy,
/// and with a plan its table and its capex per year with the cumulative line. Not to scale:
/// `options.scale` is not used. What does not fit the paper is cut and says so (`+3 more
/// buildings`). `meta` fills the title block (sheet `TP-SCN`, 1 of 1, file `scenarios`).
///
/// # Examples
///
/// ```
/// use tailplan_core::Project;
/// use tailplan_core::scenario::{self, EnergyOptions};
/// use tailplan_io::sheet::{self, ScenarioComparison, SheetOptions};
///
/// let project = Project::new();
/// let energy = EnergyOptions::default();
/// let scenarios = scenario::compare(&project, None, &energy).unwrap();
/// let comparison = ScenarioComparison {
///     scenarios: &scenarios,
///     currency: "EUR",
///     plan: None,
///     energy,
///     warnings: &[],
/// };
/// let s = sheet::scenario_sheet(&project.meta, &comparison, &SheetOptions::dated("2025-01-31"));
/// assert_eq!(s.name, "scenarios");
/// assert!(s.svg.contains("Scenario comparison") && s.svg.contains("all-copper"));
/// ```
pub fn scenario_sheet(
    meta: &tailplan_core::ProjectMeta,
    comparison: &ScenarioComparison<'_>,
    options: &SheetOptions,
) -> Sheet {
    scenarios::scenario_sheet(meta, comparison, options)
}
