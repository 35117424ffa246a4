//! What the JavaScript API returns, as plain data.
//!
//! Where the CLI prints the same result as JSON (`tailplan info --json`, `tailplan coverage
//! --out-json`, `tailplan route --json`), the object has the same members with the same values
//! (snake_case, as in the project file), except that the plugin keeps full precision where the
//! CLI rounds to 0.01, and hands a coverage grid over as a `Float32Array`. The TypeScript
//! interfaces are generated from these types (see `ts/types.d.ts`).

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;
use tailplan_core::ProjectMeta;
use tailplan_core::coverage::stats::CoverageStats;
use tailplan_core::coverage::{Heatmaps, IotLinks, Service};
use tailplan_core::routing::{BillOfMaterials, Routing, ScheduleRow};
use tailplan_core::{ElementKind, Floor, GeoReference, ImportRecord, IotTech, Project, WifiBand};

/// `project.info()`: floors, element counts and extents, the import reports. The same as
/// `tailplan info --json`.
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

impl ProjectInfo {
    /// The report of `project`.
    pub fn of(project: &Project) -> Self {
        Self {
            meta: project.meta.clone(),
            georef: project.georef,
            floors: project.floors.iter().map(FloorInfo::of).collect(),
            imports: project.imports.clone(),
        }
    }
}

impl FloorInfo {
    fn of(f: &Floor) -> Self {
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

/// The place of a grid's values in a result: a `Float32Array` in JavaScript, `null` in JSON
/// (the JavaScript layer puts the array there).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Float32Grid;

impl JsonSchema for Float32Grid {
    fn schema_name() -> Cow<'static, str> {
        "Float32Array".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        // Not JSON Schema: the TypeScript generator writes `tsType` as it is.
        schemars::json_schema!({ "tsType": "Float32Array" })
    }
}

/// A transmitter a coverage map takes in.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TransmitterRef {
    /// The access point's or gateway's id.
    pub id: String,
    /// The floor it is on.
    pub floor: String,
    /// Floor slabs between it and the map's floor.
    pub slabs: usize,
}

/// `project.coverage()`: a floor's best-server heatmap and its statistics. The members of
/// `tailplan coverage --out-json`, unrounded.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CoverageResult {
    /// The floor's id.
    pub floor: String,
    /// The Wi-Fi band, for a Wi-Fi map.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub band: Option<WifiBand>,
    /// The IoT technology, for a gateway map.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tech: Option<IotTech>,
    /// Cell side, metres.
    pub cell_m: f64,
    /// The grid's lower-left corner, `[x, y]` metres: the cell in row r, column c has its
    /// centre at `origin + ((c + 0.5) × cell_m, (r + 0.5) × cell_m)`.
    pub origin: [f64; 2],
    /// Columns, west to east.
    pub cols: usize,
    /// Rows, south to north.
    pub rows: usize,
    /// Best-server RSSI per cell, dBm, row-major, row 0 at the south (−200 where nothing is
    /// heard): `cols × rows` values.
    pub best_rssi_dbm: Float32Grid,
    /// The share of the floor and of every room at the thresholds, and the distribution.
    pub stats: CoverageStats,
    /// The transmitters taken in (the floor's own and those of the floors above and below).
    pub transmitters: Vec<TransmitterRef>,
    /// For an IoT technology: every device's link to the gateways.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub links: Option<IotLinks>,
}

impl CoverageResult {
    /// The result of `maps` (whose values go separately), with its statistics and links.
    pub fn of(maps: &Heatmaps, stats: CoverageStats, links: Option<IotLinks>) -> Self {
        let (band, tech) = match maps.service {
            Service::Wifi(b) => (Some(b), None),
            Service::Iot(t) => (None, Some(t)),
        };
        let g = &maps.grid;
        Self {
            floor: maps.floor.clone(),
            band,
            tech,
            cell_m: g.cell_m,
            origin: [g.bbox.min.x, g.bbox.min.y],
            cols: g.cols,
            rows: g.rows,
            best_rssi_dbm: Float32Grid,
            stats,
            transmitters: maps
                .transmitters
                .iter()
                .map(|r| TransmitterRef {
                    id: r.transmitter.id.clone(),
                    floor: r.transmitter.floor.clone(),
                    slabs: r.slabs,
                })
                .collect(),
            links,
        }
    }
}

/// The counts `tailplan route` sums up.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RouteSummary {
    /// Wired endpoints (cables wanted).
    pub endpoints: usize,
    /// Cables routed.
    pub cables: usize,
    /// Endpoints without a cable.
    pub unserved: usize,
    /// The cables' total length, metres, to the centimetre.
    pub total_m: f64,
    /// Design-rule findings of severity error.
    pub errors: usize,
}

/// `project.route()`: the cables, the schedule, the bill of materials, the design-rule
/// findings and the final-tail choice. The same as `tailplan route --json`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RouteResult {
    /// The counts.
    pub summary: RouteSummary,
    /// The cable schedule, one row per cable (ANSI/TIA-606 ids).
    pub schedule: Vec<ScheduleRow>,
    /// The bill of materials, priced from the project's settings.
    pub bill_of_materials: BillOfMaterials,
    /// Everything routing found: cables with their paths, unserved endpoints, tray fill,
    /// room loads, findings, the final-tail choice of every IoT device.
    pub routing: Routing,
}

impl RouteResult {
    /// Routes `project`.
    pub fn of(project: &Project) -> Self {
        let routing = tailplan_core::routing::route(project);
        let bill_of_materials =
            tailplan_core::routing::bill_of_materials(project, &routing.cables, &routing.rooms);
        Self {
            summary: RouteSummary {
                endpoints: routing.endpoints,
                cables: routing.cables.len(),
                unserved: routing.unserved.len(),
                total_m: (routing.total_m() * 100.0).round() / 100.0,
                errors: routing.errors().count(),
            },
            schedule: routing.schedule().rows,
            bill_of_materials,
            routing,
        }
    }
}

/// One design sheet.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SheetResult {
    /// The file name the CLI writes it under, without `.svg` (`cabling-1`, `cabling-1-2` for
    /// its continuation, `coverage-1`, `index`).
    pub name: String,
    /// The drawing number in its title block (`TP-CAB-1`).
    pub number: String,
    /// Its title (`Level 1: cabling`).
    pub title: String,
    /// The SVG document.
    pub svg: String,
}

impl From<tailplan_io::sheet::Sheet> for SheetResult {
    fn from(s: tailplan_io::sheet::Sheet) -> Self {
        Self {
            name: s.name,
            number: s.number,
            title: s.title,
            svg: s.svg,
        }
    }
}

/// The constant `format` member of a project file.
#[derive(JsonSchema)]
#[allow(dead_code)] // only its schema is used
enum FormatTag {
    #[serde(rename = "tailplan-project")]
    TailplanProject,
}

/// A project file (`*.tailplan.json`), as `project.toJSON()` returns it and
/// `Project.fromJSON` reads it.
#[derive(JsonSchema)]
#[allow(dead_code)] // only its schema is used: the file is project_file::to_value
pub struct ProjectFile {
    /// Always `tailplan-project`.
    format: FormatTag,
    /// The format version (this build writes and reads up to `project_file::VERSION`).
    version: u32,
    #[serde(flatten)]
    project: Project,
}
