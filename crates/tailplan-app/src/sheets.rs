//! Design sheets as a command: a floor's sheets ([`SheetRequest`]) or the whole set
//! ([`SheetSetRequest`]) into [`Sheets`], with [`analysis`], the one rule of what a set of
//! sheet kinds needs computed; the scenario comparison sheet ([`ScenarioSheetRequest`]) from
//! [`scenarios::compare`].

use schemars::JsonSchema;
use serde::Serialize;
use tailplan_core::Project;
use tailplan_core::coverage::CoverageError;
use tailplan_core::coverage::grid::DEFAULT_MAX_CELLS;
use tailplan_core::scenario::EnergyOptions;
use tailplan_io::sheet::{
    self, Analysis, NoMap, Paper, PdfMeta, PdfSheet, Scale, Sheet, SheetKind, SheetOptions,
};

use crate::date::SheetDate;
use crate::error::{AppError, Names, Param};
use crate::floor::pick_floor;
use crate::scenarios::{self, ScenariosRequest, ScenariosResult};

/// One floor's sheet of a kind and its continuation sheets: `tailplan sheet`, the npm
/// package's `sheets()`, the editor's Export of a floor's sheet. For
/// [`SheetKind::Riser`], drawn per building: the riser sheets of the floor's building, or
/// with no floor every riser sheet of the project. For [`SheetKind::Scenarios`], the
/// comparison of the built-in scenarios (the floor and scale are not used); a scenario file
/// of one's own is drawn by [`scenario_sheet`].
#[derive(Debug, Clone, PartialEq)]
pub struct SheetRequest {
    /// The floor's id (needed when the project has several floors, except for the riser
    /// sheets: without a floor, all of them).
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
/// --all`, the npm package's `sheetSet()`, the editor's Export of all sheets. The scenario
/// comparison is not part of a set (it routes the project once per scenario, and its
/// scenario file is not the set's business): [`sheet_set`] refuses
/// [`SheetKind::Scenarios`].
#[derive(Debug, Clone, PartialEq)]
pub struct SheetSetRequest {
    /// The kinds drawn, in order (the riser sheets per building, after the floors').
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
    /// Every kind ([`SheetKind::ALL`]), dated `date`, paper and scale chosen.
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

/// The scenario comparison sheet: `tailplan sheet --kind scenarios [--scenarios FILE]`. A
/// request of its own rather than members of [`SheetRequest`], which front ends build
/// member by member.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioSheetRequest {
    /// Paper, landscape; `None` for A3.
    pub paper: Option<Paper>,
    /// The date in the title block.
    pub date: SheetDate,
    /// The scenarios compared (a file's, read by [`scenarios::read_file`], or the built-in
    /// ones) and how energy is counted.
    pub scenarios: ScenariosRequest,
    /// The scenario file's name in messages; `None` (no file) names the project.
    pub file: Option<String>,
}

impl ScenarioSheetRequest {
    /// The built-in scenarios on A3, dated `date`, energy counted by default.
    pub fn new(date: SheetDate) -> Self {
        Self {
            paper: None,
            date,
            scenarios: ScenariosRequest::default(),
            file: None,
        }
    }
}

/// The scenario comparison sheet and the comparison it shows (whose `warnings`, rules of the
/// file that match nothing, the sheet's notes list too).
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioSheet {
    /// The sheet (`scenarios`, `TP-SCN`).
    pub sheet: SheetResult,
    /// The comparison, as `tailplan scenarios --json` has it.
    pub comparison: ScenariosResult,
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

fn drawn_sheets(analysis: &Analysis, sheets: Vec<Sheet>) -> Sheets {
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
    if request.kind == SheetKind::Riser {
        return riser_sheets(name, project, request);
    }
    if request.kind == SheetKind::Scenarios {
        let drawn = scenario_sheet(
            name,
            project,
            &ScenarioSheetRequest {
                paper: request.paper,
                ..ScenarioSheetRequest::new(request.date)
            },
        )?;
        return Ok(Sheets {
            sheets: vec![drawn.sheet],
            no_map: Vec::new(),
        });
    }
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
    Ok(drawn_sheets(&analysis, sheets))
}

/// The riser sheets: the floor's building's when a floor is given, else every one (the
/// campus's diagram, each building's, every distributor's rack map). Paper as asked, else the
/// smallest that holds the diagrams; not to scale.
fn riser_sheets(name: &str, project: &Project, request: &SheetRequest) -> Result<Sheets, AppError> {
    let analysis = Analysis::routing(project);
    let options = SheetOptions {
        paper: request.paper,
        scale: None,
        date: request.date.to_string(),
    };
    let drawn = match request.floor.as_deref() {
        Some(_) => {
            let floor = pick_floor(name, project, request.floor.as_deref())?;
            sheet::floor_sheets(project, &analysis, &floor.id, SheetKind::Riser, &options)
        }
        None => sheet::riser_sheets(project, &analysis, &options),
    };
    let sheets = drawn.map_err(|error| AppError::Sheet {
        project: name.to_owned(),
        error: Box::new(error),
    })?;
    Ok(drawn_sheets(&analysis, sheets))
}

/// The scenario comparison sheet: the scenarios of `request` compared on `project` by
/// [`scenarios::compare`] (each applied and routed), drawn on one sheet. `name` is the
/// project's name in messages; a scenario file that does not fit the project is refused
/// naming the file (`request.file`) and what is wrong.
pub fn scenario_sheet(
    name: &str,
    project: &Project,
    request: &ScenarioSheetRequest,
) -> Result<ScenarioSheet, AppError> {
    let file = request.file.as_deref().unwrap_or(name);
    let comparison = scenarios::compare(file, project, &request.scenarios)?;
    let sheet = comparison_sheet(
        project,
        &comparison,
        &request.scenarios.energy,
        request.paper,
        request.date,
    );
    Ok(ScenarioSheet { sheet, comparison })
}

/// The scenario comparison sheet of a comparison already made (by [`scenarios::compare`] on
/// `project`, energy counted by `energy`): the editor draws the comparison it shows, without
/// routing every scenario again. `paper` landscape, `None` for A3.
pub fn comparison_sheet(
    project: &Project,
    comparison: &ScenariosResult,
    energy: &EnergyOptions,
    paper: Option<Paper>,
    date: SheetDate,
) -> SheetResult {
    let warnings: Vec<String> = comparison
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect();
    sheet::scenario_sheet(
        &project.meta,
        &sheet::ScenarioComparison {
            scenarios: &comparison.scenarios,
            currency: &comparison.currency,
            plan: comparison.plan.as_ref(),
            energy: *energy,
            warnings: &warnings,
        },
        &SheetOptions {
            paper,
            scale: None,
            date: date.to_string(),
        },
    )
    .into()
}

/// Sheets drawn by [`floor_sheets`], [`sheet_set`] or [`scenario_sheet`] as one PDF, a page
/// per sheet in their order (the set's index sheet first), at their paper's size, text as
/// text in the bundled font: `tailplan sheet ... -o OUT.pdf`. The document's title is the
/// project's name (else `name`'s file name) and what the sheets are (`Office: sheets`, or the
/// one sheet's title), its subject the project and revision, its author who drew it, its
/// creation date `date` (the sheets' date; no clock). `name` is the project's name in
/// messages; the same sheets give the same bytes.
pub fn sheets_pdf(
    name: &str,
    project: &Project,
    sheets: &[SheetResult],
    date: SheetDate,
) -> Result<Vec<u8>, AppError> {
    let m = &project.meta;
    let who = if m.name.is_empty() {
        crate::export::stem(name)
    } else {
        m.name.clone()
    };
    let what = match sheets {
        [one] => one.title.as_str(),
        _ => "sheets",
    };
    let meta = PdfMeta {
        title: format!("{who}: {what}"),
        project: m.name.clone(),
        revision: m.revision.clone(),
        author: m.drawn_by.clone(),
        date: date.to_string(),
    };
    let pages: Vec<PdfSheet> = sheets
        .iter()
        .map(|s| PdfSheet {
            name: &s.name,
            number: &s.number,
            title: &s.title,
            svg: &s.svg,
        })
        .collect();
    sheet::pdf(&pages, &meta).map_err(|error| AppError::Pdf {
        project: name.to_owned(),
        error,
    })
}

/// Sheets as a zip archive, `NAME.svg` each (deflated), in their order: the editor's download
/// of several sheets and `tailplan sheet ... -o OUT.zip`.
pub fn sheets_zip(sheets: &[SheetResult]) -> Result<Vec<u8>, AppError> {
    use std::io::Write as _;
    let pack = |e: &dyn std::fmt::Display| AppError::Pack(e.to_string());
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for s in sheets {
        zip.start_file(format!("{}.svg", s.name), options)
            .map_err(|e| pack(&e))?;
        zip.write_all(s.svg.as_bytes()).map_err(|e| pack(&e))?;
    }
    Ok(zip.finish().map_err(|e| pack(&e))?.into_inner())
}

/// The sheet set: the index sheet first, then every floor's sheets, then the riser sheets
/// (when asked for and the project has a backbone, a BD or CD, or several buildings).
/// [`SheetKind::Scenarios`] is refused: the comparison is drawn by itself
/// ([`scenario_sheet`]).
pub fn sheet_set(
    name: &str,
    project: &Project,
    request: &SheetSetRequest,
) -> Result<Sheets, AppError> {
    if request.kinds.contains(&SheetKind::Scenarios) {
        return Err(AppError::invalid(
            Param::Kinds,
            SheetKind::Scenarios,
            "the scenario comparison is not part of a set: draw it by itself",
        ));
    }
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
    Ok(drawn_sheets(&analysis, sheets))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::FieldNames;
    use tailplan_core::scenario;

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
    fn riser_sheets_per_building_or_all() {
        let project = tailplan_samples::campus::campus();
        let request = SheetRequest {
            kind: SheetKind::Riser,
            ..SheetRequest::new(date())
        };
        let all = floor_sheets("campus", &project, &request).unwrap();
        assert_eq!(all.sheets[0].name, "riser-campus");
        assert!(all.sheets.iter().any(|s| s.name.starts_with("rack-")));
        let one = floor_sheets(
            "campus",
            &project,
            &SheetRequest {
                floor: Some(project.floors[0].id.clone()),
                ..request.clone()
            },
        )
        .unwrap();
        assert!(one.sheets.len() < all.sheets.len());
        assert!(one.sheets[0].name.starts_with("riser-"));
        // The set has them after the floors'; the small floor's set has none.
        let set = sheet_set("campus", &project, &SheetSetRequest::new(date())).unwrap();
        assert!(set.sheets.iter().any(|s| s.name == "riser-campus"));
        let small = sheet_set(
            "small",
            &tailplan_samples::small_floor(),
            &SheetSetRequest::new(date()),
        )
        .unwrap();
        assert!(!small.sheets.iter().any(|s| s.name.starts_with("riser")));
    }

    #[test]
    fn the_scenario_sheet_by_itself_with_a_file_and_its_plan() {
        let project = tailplan_samples::campus::campus();
        // The built-in scenarios, as a kind of floor sheet.
        let request = SheetRequest {
            kind: SheetKind::Scenarios,
            ..SheetRequest::new(date())
        };
        let drawn = floor_sheets("campus", &project, &request).unwrap();
        assert_eq!(drawn.sheets.len(), 1);
        let s = &drawn.sheets[0];
        assert_eq!(
            (s.name.as_str(), s.number.as_str()),
            ("scenarios", "TP-SCN")
        );
        for name in scenario::BUILTIN {
            assert!(s.svg.contains(name), "{name}");
        }
        assert!(!s.svg.contains("Development plan"));
        // A file with phases: its scenarios, the plan, a rule that matches nothing noted.
        let file = scenarios::read_file(
            "mine.json",
            r#"{"scenarios": [{"name": "lights <&>", "rules": [{"match": {"kind": "device", "class": "lighting"}, "medium": "spe"}]}],
                "phases": [{"name": "A first", "year": 2027, "buildings": ["A"], "scenario": "spe-sensors"},
                           {"year": 2028, "buildings": ["B"], "scenario": "all-copper"}]}"#,
        )
        .unwrap();
        let request = ScenarioSheetRequest {
            paper: Some(Paper::A2),
            scenarios: ScenariosRequest {
                file: Some(file),
                ..ScenariosRequest::default()
            },
            file: Some("mine.json".into()),
            ..ScenarioSheetRequest::new(date())
        };
        let drawn = scenario_sheet("campus", &project, &request).unwrap();
        let svg = &drawn.sheet.svg;
        assert!(svg.contains("lights &lt;&amp;&gt;") && svg.contains("width=\"594mm\""));
        assert!(svg.contains("Development plan") && svg.contains(">A first<"));
        assert!(svg.contains("matches nothing"));
        assert_eq!(drawn.comparison.plan.as_ref().unwrap().years.len(), 2);
        // A phase naming a building the project lacks: refused, naming the file.
        let bad = scenarios::read_file(
            "bad.json",
            r#"{"scenarios": [{"name": "x"}], "phases": [{"year": 2027, "buildings": ["Z"], "scenario": "x"}]}"#,
        )
        .unwrap();
        let e = scenario_sheet(
            "campus",
            &project,
            &ScenarioSheetRequest {
                scenarios: ScenariosRequest {
                    file: Some(bad),
                    ..ScenariosRequest::default()
                },
                file: Some("bad.json".into()),
                ..ScenarioSheetRequest::new(date())
            },
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("bad.json: "), "{e}");
        // Not in a set; an empty project still has its sheet.
        let e = sheet_set(
            "campus",
            &project,
            &SheetSetRequest {
                kinds: vec![SheetKind::Cabling, SheetKind::Scenarios],
                ..SheetSetRequest::new(date())
            },
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "kinds scenarios: the scenario comparison is not part of a set: draw it by itself"
        );
        let empty =
            scenario_sheet("empty", &Project::new(), &ScenarioSheetRequest::new(date())).unwrap();
        assert!(empty.sheet.svg.contains("as-drawn"));
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
