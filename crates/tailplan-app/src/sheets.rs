//! Design sheets as a command: a floor's sheets ([`SheetRequest`]) or the whole set
//! ([`SheetSetRequest`]) into [`Sheets`], with [`analysis`], the one rule of what a set of
//! sheet kinds needs computed.

use schemars::JsonSchema;
use serde::Serialize;
use tailplan_core::Project;
use tailplan_core::coverage::CoverageError;
use tailplan_core::coverage::grid::DEFAULT_MAX_CELLS;
use tailplan_io::sheet::{self, Analysis, NoMap, Paper, Scale, Sheet, SheetKind, SheetOptions};

use crate::date::SheetDate;
use crate::error::{AppError, Names, Param};
use crate::floor::pick_floor;

/// One floor's sheet of a kind and its continuation sheets: `tailplan sheet`, the npm
/// package's `sheets()`, the editor's Export of a floor's sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRequest {
    /// The floor's id (needed when the project has several floors).
    pub floor: Option<String>,
    /// What the sheet shows.
    pub kind: SheetKind,
    /// Paper, landscape; `None` to choose (A3 when the floor fits it at 1:100, else A1).
    pub paper: Option<Paper>,
    /// Scale; `None` to choose the largest standard one that fits.
    pub scale: Option<Scale>,
    /// The date in the title block.
    pub date: SheetDate,
    /// The grid-cell limit of the coverage map.
    pub max_grid_cells: usize,
}

impl SheetRequest {
    /// The cabling sheet of the only floor, dated `date`, paper and scale chosen.
    pub fn new(date: SheetDate) -> Self {
        Self {
            floor: None,
            kind: SheetKind::Cabling,
            paper: None,
            scale: None,
            date,
            max_grid_cells: DEFAULT_MAX_CELLS,
        }
    }
}

/// The sheet set: an index sheet, then every floor's sheets of each kind: `tailplan sheet
/// --all`, the npm package's `sheetSet()`, the editor's Export of all sheets.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetSetRequest {
    /// The kinds drawn for every floor, in order.
    pub kinds: Vec<SheetKind>,
    /// Paper for every sheet; `None` for the largest any floor needs.
    pub paper: Option<Paper>,
    /// Scale; `None` to choose.
    pub scale: Option<Scale>,
    /// The date in the title blocks.
    pub date: SheetDate,
    /// The grid-cell limit of the coverage maps.
    pub max_grid_cells: usize,
}

impl SheetSetRequest {
    /// Both kinds (cabling first), dated `date`, paper and scale chosen.
    pub fn new(date: SheetDate) -> Self {
        Self {
            kinds: SheetKind::ALL.to_vec(),
            paper: None,
            scale: None,
            date,
            max_grid_cells: DEFAULT_MAX_CELLS,
        }
    }
}

/// One design sheet.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SheetResult {
    /// The file name it is written under, without `.svg` (`cabling-1`, `cabling-1-2` for its
    /// continuation, `coverage-1`, `index`).
    pub name: String,
    /// The drawing number in its title block (`TP-CAB-1`).
    pub number: String,
    /// Its title (`Level 1: cabling`).
    pub title: String,
    /// The SVG document.
    pub svg: String,
}

impl From<Sheet> for SheetResult {
    fn from(s: Sheet) -> Self {
        Self {
            name: s.name,
            number: s.number,
            title: s.title,
            svg: s.svg,
        }
    }
}

/// A floor whose coverage sheet shows no map, and why (the sheet says it too).
#[derive(Debug, Clone, PartialEq)]
pub struct NoCoverageMap {
    /// The floor's id.
    pub floor: String,
    /// Why.
    pub reason: NoMap,
}

impl NoCoverageMap {
    /// The warning, naming the parameter that would help where one would: `floor "0": no
    /// coverage map on its sheet: a map of 1,800 cells ... (--max-grid-cells)`.
    pub fn message(&self, names: &dyn Names) -> String {
        let hint = match &self.reason {
            NoMap::Coverage(CoverageError::GridTooLarge { .. }) => {
                format!(" ({})", names.param(Param::MaxGridCells))
            }
            _ => String::new(),
        };
        format!(
            "floor \"{}\": no coverage map on its sheet: {}{hint}",
            self.floor, self.reason
        )
    }
}

/// Sheets drawn, and the floors whose coverage sheets have no map.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheets {
    /// The sheets, in order.
    pub sheets: Vec<SheetResult>,
    /// Coverage sheets drawn without a map.
    pub no_map: Vec<NoCoverageMap>,
}

/// What sheets of `kinds` need computed from `project`: the routing always (every sheet
/// shows the cables or counts them), and the coverage of `floors` (every floor when `None`)
/// only when a coverage sheet is among them, each map held to `max_cells`.
pub fn analysis(
    project: &Project,
    kinds: &[SheetKind],
    floors: Option<&[&str]>,
    max_cells: usize,
) -> Analysis {
    if kinds.contains(&SheetKind::Coverage) {
        Analysis::with_max_cells(project, floors, max_cells)
    } else {
        Analysis::routing(project)
    }
}

fn drawn(analysis: &Analysis, sheets: Vec<Sheet>) -> Sheets {
    Sheets {
        sheets: sheets.into_iter().map(SheetResult::from).collect(),
        no_map: analysis
            .coverage
            .iter()
            .filter_map(|(floor, c)| {
                c.as_ref().err().map(|reason| NoCoverageMap {
                    floor: floor.clone(),
                    reason: reason.clone(),
                })
            })
            .collect(),
    }
}

/// One floor's sheet and its continuation sheets. `name` is the project's name in messages.
pub fn floor_sheets(
    name: &str,
    project: &Project,
    request: &SheetRequest,
) -> Result<Sheets, AppError> {
    let floor = pick_floor(name, project, request.floor.as_deref())?;
    let analysis = analysis(
        project,
        &[request.kind],
        Some(&[floor.id.as_str()]),
        request.max_grid_cells,
    );
    let options = SheetOptions {
        paper: request.paper,
        scale: request.scale,
        date: request.date.to_string(),
    };
    let sheets = sheet::floor_sheets(project, &analysis, &floor.id, request.kind, &options)
        .map_err(|error| AppError::Sheet {
            project: name.to_owned(),
            error: Box::new(error),
        })?;
    Ok(drawn(&analysis, sheets))
}

/// The sheet set: the index sheet first, then every floor's sheets.
pub fn sheet_set(
    name: &str,
    project: &Project,
    request: &SheetSetRequest,
) -> Result<Sheets, AppError> {
    let analysis = analysis(project, &request.kinds, None, request.max_grid_cells);
    let options = SheetOptions {
        paper: request.paper,
        scale: request.scale,
        date: request.date.to_string(),
    };
    let sheets =
        sheet::sheet_set(project, &analysis, &request.kinds, &options).map_err(|error| {
            AppError::Sheet {
                project: name.to_owned(),
                error: Box::new(error),
            }
        })?;
    Ok(drawn(&analysis, sheets))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::FieldNames;

    fn date() -> SheetDate {
        SheetDate::parse("2025-01-31").unwrap()
    }

    #[test]
    fn a_floor_and_a_set() {
        let project = tailplan_samples::small_floor();
        let one = floor_sheets("small", &project, &SheetRequest::new(date())).unwrap();
        assert_eq!(one.sheets[0].name, "cabling-0");
        assert!(one.sheets[0].svg.contains("2025-01-31"));
        assert!(one.no_map.is_empty());
        let set = sheet_set("small", &project, &SheetSetRequest::new(date())).unwrap();
        assert_eq!(set.sheets[0].name, "index");
        assert!(set.sheets.iter().any(|s| s.name == "coverage-0"));
    }

    #[test]
    fn a_coverage_sheet_says_why_it_has_no_map() {
        let project = tailplan_samples::small_floor();
        let request = SheetRequest {
            kind: SheetKind::Coverage,
            max_grid_cells: 10,
            ..SheetRequest::new(date())
        };
        let done = floor_sheets("small", &project, &request).unwrap();
        let warning = done.no_map[0].message(&FieldNames);
        assert!(
            warning.starts_with("floor \"0\": no coverage map on its sheet: a map of 1,800 cells")
                && warning.ends_with("(max_grid_cells)"),
            "{warning}"
        );
    }
}
