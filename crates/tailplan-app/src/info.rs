//! What a project holds: [`ProjectInfo`], `tailplan info --json` and the npm package's
//! `info()`.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;
use tailplan_core::{ElementKind, Floor, GeoReference, ImportRecord, Project, ProjectMeta};

/// Floors, element counts and extents, and the import reports: `tailplan info --json` and the
/// npm package's `info()`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ProjectInfo {
    /// The project's names.
    pub meta: ProjectMeta,
    /// Where the project's local metres sit on the earth, when it came from lon/lat.
    pub georef: Option<GeoReference>,
    /// Every floor.
    pub floors: Vec<FloorInfo>,
    /// The report of every import that made or filled the project, oldest first.
    pub imports: Vec<ImportRecord>,
}

/// One floor in [`ProjectInfo`].
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct FloorInfo {
    /// The floor's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Elevation of its floor level, metres.
    pub elevation_m: f64,
    /// Ceiling height above the floor level, metres.
    pub ceiling_m: f64,
    /// The extent of everything on it; `null` when it is empty.
    pub bbox: Option<Extent>,
    /// Elements by kind (kinds with none are left out).
    pub counts: BTreeMap<ElementKind, usize>,
    /// Straight wall segments (what the radio model and the R-tree hold).
    pub wall_segments: usize,
}

/// A floor's extent.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
pub struct Extent {
    /// The lower-left corner, `[x, y]` metres.
    pub min: [f64; 2],
    /// The upper-right corner, `[x, y]` metres.
    pub max: [f64; 2],
    /// Width, metres.
    pub width_m: f64,
    /// Height, metres.
    pub height_m: f64,
}

/// The built-in catalogue of access point models an access point may name (`model`), each
/// with its radios (band, width, power, antenna) and PoE draw: `tailplan ap-models`, the npm
/// package's `apModels()`, the editor's Model choice.
pub fn ap_models() -> &'static [tailplan_core::ap_models::ApModel] {
    tailplan_core::ap_models::catalogue()
}

/// The report of `project`.
pub fn info(project: &Project) -> ProjectInfo {
    ProjectInfo {
        meta: project.meta.clone(),
        georef: project.georef,
        floors: project.floors.iter().map(FloorInfo::of).collect(),
        imports: project.imports.clone(),
    }
}

impl FloorInfo {
    /// The report of one floor.
    pub fn of(f: &Floor) -> Self {
        Self {
            id: f.id.clone(),
            name: f.name.clone(),
            elevation_m: f.elevation_m,
            ceiling_m: f.ceiling_m,
            bbox: f.bbox().map(|b| Extent {
                min: [b.min.x, b.min.y],
                max: [b.max.x, b.max.y],
                width_m: b.width(),
                height_m: b.height(),
            }),
            counts: f.counts(),
            wall_segments: f.walls.segment_count(),
        }
    }
}
