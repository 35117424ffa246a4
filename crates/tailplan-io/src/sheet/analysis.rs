//! What the sheets draw that is computed from the project: the routing (cables and their
//! paths, loads, design-rule findings), the bill of materials, each floor's coverage, and
//! the coverage model held against the project's site surveys.
//!
//! Computed once and passed to every sheet of a set, so that a set of twenty sheets routes
//! the building once. The editor, which already holds these results, can build an
//! [`Analysis`] from them directly (its fields are public).

use std::collections::BTreeMap;

use tailplan_core::coverage::grid::DEFAULT_MAX_CELLS;
use tailplan_core::coverage::stats::CoverageStats;
use tailplan_core::coverage::{CoverageEngine, CoverageError, CoverageRequest, Heatmaps, Service};
use tailplan_core::coverage::{FloorArea, coverage_stats, default_thresholds};
use tailplan_core::routing::{self, BillOfMaterials, Routing};
use tailplan_core::survey::{self, Accuracy};
use tailplan_core::{Floor, Project};

/// One floor's coverage, as the coverage sheet draws it.
#[derive(Debug, Clone)]
pub struct FloorCoverage {
    /// The band or technology.
    pub service: Service,
    /// The thresholds of the bands, dBm, strongest first.
    pub thresholds_dbm: Vec<f64>,
    /// The heatmaps.
    pub maps: Heatmaps,
    /// Statistics per floor and room at the thresholds.
    pub stats: CoverageStats,
    /// The height above the floor the maps are predicted at, metres.
    pub receiver_height_m: f64,
}

/// Everything computed that the sheets draw.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The project's routing.
    pub routing: Routing,
    /// The bill of materials of the whole project.
    pub bom: BillOfMaterials,
    /// Coverage by floor id: the results, or why there are none (no access point or gateway,
    /// a grid too large...). Floors not asked for are absent.
    pub coverage: BTreeMap<String, Result<FloorCoverage, NoMap>>,
    /// The model as it stands against every site survey of the project
    /// ([`Project::surveys`], all together), what the coverage sheets' calibration table
    /// shows: computed with the coverage (the whole project's once, whichever floors are
    /// asked for), `None` when the project holds no survey or no coverage was computed.
    pub survey: Option<Accuracy>,
}

/// Why a floor's coverage sheet shows no map.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NoMap {
    /// The floor has no access point or gateway ([`Service::default_for`] finds nothing).
    #[error("the floor has no access point or gateway")]
    NoTransmitter,
    /// The engine refused the map (a grid beyond the grid-cell limit, an empty floor...).
    #[error(transparent)]
    Coverage(#[from] CoverageError),
}

impl Analysis {
    /// Routes the project and prices it, without coverage (enough for cabling sheets).
    pub fn routing(project: &Project) -> Self {
        let routing = routing::route(project);
        let bom = routing.bill_of_materials(project);
        Self {
            routing,
            bom,
            coverage: BTreeMap::new(),
            survey: None,
        }
    }

    /// Routes the project and computes the coverage of the floors `floors` (every floor when
    /// `None`), each for its default service ([`Service::default_for`]), and the model's
    /// accuracy against the project's surveys when it holds any.
    pub fn new(project: &Project, floors: Option<&[&str]>) -> Self {
        Self::with_max_cells(project, floors, DEFAULT_MAX_CELLS)
    }

    /// [`Analysis::new`] with a grid-cell limit other than [`DEFAULT_MAX_CELLS`]: a floor
    /// whose map would have more cells gets its error instead of a coverage.
    pub fn with_max_cells(project: &Project, floors: Option<&[&str]>, max_cells: usize) -> Self {
        let mut a = Self::routing(project);
        let mut engine = CoverageEngine::new();
        engine.set_max_cells(max_cells);
        for f in &project.floors {
            if floors.is_some_and(|ids| !ids.contains(&f.id.as_str())) {
                continue;
            }
            a.coverage
                .insert(f.id.clone(), floor_coverage(&mut engine, project, f));
        }
        a.survey = survey_accuracy(project);
        a
    }
}

/// The model against every survey of `project`, when it holds any.
fn survey_accuracy(project: &Project) -> Option<Accuracy> {
    if project.surveys.is_empty() {
        return None;
    }
    let surveys: Vec<&survey::Survey> = project.surveys.iter().collect();
    Some(survey::accuracy(project, &surveys))
}

/// The coverage of one floor for its default service.
fn floor_coverage(
    engine: &mut CoverageEngine,
    project: &Project,
    floor: &Floor,
) -> Result<FloorCoverage, NoMap> {
    let service = Service::default_for(floor).ok_or(NoMap::NoTransmitter)?;
    let request = CoverageRequest::new(floor.id.clone(), service);
    let maps = engine.heatmaps(project, &request)?;
    let thresholds = default_thresholds(&project.settings.radio, service);
    let area = FloorArea::of(floor, &project.settings.radio);
    let stats = coverage_stats(&maps, floor, &area, &thresholds);
    Ok(FloorCoverage {
        service,
        thresholds_dbm: thresholds,
        maps,
        stats,
        receiver_height_m: project.settings.radio.receiver_height_m,
    })
}
