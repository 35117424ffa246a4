//! A floor's coverage map: [`CoverageRequest`] in, [`Coverage`] out (the heatmaps, the
//! statistics at the project's thresholds, every IoT device's links), and [`CoverageResult`],
//! what `tailplan coverage --out-json` writes and the npm package's `coverage()` returns.

use schemars::JsonSchema;
use serde::Serialize;
use tailplan_core::coverage::grid::DEFAULT_MAX_CELLS;
use tailplan_core::coverage::model::transmitters_reaching;
use tailplan_core::coverage::stats::CoverageStats;
use tailplan_core::coverage::{
    CoverageEngine, FloorArea, FloorScope, Grid, Heatmaps, IotLinks, Service, coverage_stats,
    default_thresholds, iot_links,
};
use tailplan_core::{IotTech, Project, WifiBand};

use crate::error::{AppError, Param};
use crate::floor::{pick_floor, pick_service};
use crate::json::round_numbers;

/// What map to compute: `tailplan coverage`'s flags, the npm package's `coverage()` options.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageRequest {
    /// The floor's id (needed when the project has several floors).
    pub floor: Option<String>,
    /// A Wi-Fi band; with neither band nor technology, the floor's default service
    /// ([`pick_service`]).
    pub band: Option<WifiBand>,
    /// An IoT technology's gateways instead.
    pub tech: Option<IotTech>,
    /// Cell side, metres (default: the project's setting).
    pub cell_m: Option<f64>,
    /// The grid-cell limit: a finer map is refused before it is computed.
    pub max_grid_cells: usize,
    /// Whether to compute the SINR map too.
    pub sinr: bool,
    /// The most memory the map may take, bytes (the npm package computes in WebAssembly's
    /// memory, which a browser caps); `None` for no limit beyond the cells'.
    pub max_memory_bytes: Option<f64>,
}

impl Default for CoverageRequest {
    fn default() -> Self {
        Self {
            floor: None,
            band: None,
            tech: None,
            cell_m: None,
            max_grid_cells: DEFAULT_MAX_CELLS,
            sinr: false,
            max_memory_bytes: None,
        }
    }
}

impl CoverageRequest {
    /// Refuses impossible values before anything is read or computed.
    pub fn check(&self) -> Result<(), AppError> {
        if let Some(c) = self.cell_m
            && !(c.is_finite() && c > 0.0)
        {
            return Err(AppError::number(
                Param::Cell,
                c,
                "must be a positive number of metres",
            ));
        }
        if self.band.is_some() && self.tech.is_some() {
            return Err(AppError::Conflict {
                a: Param::Band,
                b: Param::Tech,
            });
        }
        Ok(())
    }
}

/// A floor's maps, statistics and (for an IoT technology) device links.
#[derive(Debug, Clone)]
pub struct Coverage {
    /// The heatmaps.
    pub maps: Heatmaps,
    /// The share of the floor and of every room at the thresholds.
    pub stats: CoverageStats,
    /// For an IoT technology: every device's link to the gateways.
    pub links: Option<IotLinks>,
}

/// Computes a floor's coverage with `engine` (whose cache makes the next map after an edit
/// cost only what the edit changed). `name` is the project's name in messages.
pub fn coverage(
    engine: &mut CoverageEngine,
    name: &str,
    project: &Project,
    request: &CoverageRequest,
) -> Result<Coverage, AppError> {
    request.check()?;
    let floor = pick_floor(name, project, request.floor.as_deref())?;
    let service = pick_service(name, floor, request.band, request.tech)?;
    let mut core_request = tailplan_core::coverage::CoverageRequest::new(floor.id.clone(), service);
    core_request.cell_m = request.cell_m;
    core_request.sinr = request.sinr;
    engine.set_max_cells(request.max_grid_cells);
    memory_guard(
        name,
        project,
        floor,
        service,
        core_request.scope,
        request.cell_m,
        request.max_grid_cells,
        request.max_memory_bytes,
    )?;
    let maps = engine
        .heatmaps(project, &core_request)
        .map_err(|error| AppError::Coverage {
            project: name.to_owned(),
            error,
        })?;
    let thresholds = default_thresholds(&project.settings.radio, service);
    let area = FloorArea::of(floor, &project.settings.radio);
    let stats = coverage_stats(&maps, floor, &area, &thresholds);
    let links = match service {
        Service::Iot(t) => Some(
            iot_links(project, Some(&floor.id), Some(t), FloorScope::Adjacent).map_err(
                |error| AppError::Coverage {
                    project: name.to_owned(),
                    error,
                },
            )?,
        ),
        Service::Wifi(_) => None,
    };
    Ok(Coverage { maps, stats, links })
}

/// Refuses a map that would take more than `max_bytes` (one field per transmitter taken in,
/// plus the combined maps) before it is computed.
#[allow(clippy::too_many_arguments)]
pub(crate) fn memory_guard(
    name: &str,
    project: &Project,
    floor: &tailplan_core::Floor,
    service: Service,
    scope: FloorScope,
    cell_m: Option<f64>,
    max_cells: usize,
    max_bytes: Option<f64>,
) -> Result<(), AppError> {
    if let Some(max_bytes) = max_bytes
        && let Ok(grid) = Grid::for_floor(
            floor,
            cell_m.unwrap_or(project.settings.radio.cell_m),
            max_cells,
        )
    {
        let fields = transmitters_reaching(project, floor, service, scope).len();
        let bytes = grid.len() as f64 * 4.0 * (fields as f64 + 4.0);
        if bytes > max_bytes {
            return Err(AppError::TooMuchMemory {
                project: name.to_owned(),
                cells: grid.len(),
                cell_m: grid.cell_m,
                fields,
                bytes,
                max_bytes,
            });
        }
    }
    Ok(())
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

/// A floor's best-server heatmap and its statistics: `tailplan coverage --out-json` (which
/// rounds the values, statistics and links to 0.01) and the npm package's `coverage()`
/// (unrounded, the values as a `Float32Array`).
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
    pub best_rssi_dbm: Vec<f32>,
    /// The share of the floor and of every room at the thresholds, and the distribution.
    pub stats: CoverageStats,
    /// The transmitters taken in (the floor's own and those of the floors above and below).
    pub transmitters: Vec<TransmitterRef>,
    /// For an IoT technology: every device's link to the gateways.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub links: Option<IotLinks>,
}

impl Coverage {
    /// The result, its values copied from the maps.
    pub fn result(&self) -> CoverageResult {
        self.clone().into_result()
    }

    /// The result, its values taken from the maps.
    pub fn into_result(self) -> CoverageResult {
        let maps = self.maps;
        let (band, tech) = match maps.service {
            Service::Wifi(b) => (Some(b), None),
            Service::Iot(t) => (None, Some(t)),
        };
        let g = &maps.grid;
        CoverageResult {
            floor: maps.floor.clone(),
            band,
            tech,
            cell_m: g.cell_m,
            origin: [g.bbox.min.x, g.bbox.min.y],
            cols: g.cols,
            rows: g.rows,
            transmitters: maps
                .transmitters
                .iter()
                .map(|r| TransmitterRef {
                    id: r.transmitter.id.clone(),
                    floor: r.transmitter.floor.clone(),
                    slabs: r.slabs,
                })
                .collect(),
            best_rssi_dbm: maps.best_rssi_dbm,
            stats: self.stats,
            links: self.links,
        }
    }
}

impl CoverageResult {
    /// The JSON with the values, statistics and links rounded to 0.01 (dB, dBm, percent, m²):
    /// what `tailplan coverage --out-json` writes. The grid's place (`cell_m`, `origin`) is
    /// kept exact.
    pub fn to_json_rounded(&self) -> serde_json::Value {
        let mut value = serde_json::to_value(self).unwrap_or_default();
        if let Some(o) = value.as_object_mut() {
            for member in ["best_rssi_dbm", "stats", "links"] {
                if let Some(v) = o.get_mut(member) {
                    round_numbers(v);
                }
            }
        }
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_service_is_the_one_rule() {
        // The small sample floor: 5 GHz access points and BLE gateways: Wi-Fi.
        let project = tailplan_samples::small_floor();
        let mut engine = CoverageEngine::new();
        let c = coverage(&mut engine, "small", &project, &CoverageRequest::default()).unwrap();
        assert_eq!(
            Some(c.maps.service),
            Service::default_for(&project.floors[0])
        );
        let r = c.into_result();
        assert_eq!(r.best_rssi_dbm.len(), r.cols * r.rows);
        let json = r.to_json_rounded();
        assert_eq!(json["cols"], r.cols);
        assert!(json["stats"]["floor"]["thresholds"][0]["percent"].is_number());
    }

    #[test]
    fn impossible_requests_are_refused_before_computing() {
        let project = tailplan_samples::small_floor();
        let mut engine = CoverageEngine::new();
        let ask = |r: CoverageRequest, engine: &mut CoverageEngine| {
            coverage(engine, "small", &project, &r)
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            ask(
                CoverageRequest {
                    cell_m: Some(-1e308),
                    ..Default::default()
                },
                &mut engine
            ),
            "cell_m -1e308: must be a positive number of metres"
        );
        assert_eq!(
            ask(
                CoverageRequest {
                    band: Some(WifiBand::Ghz5),
                    tech: Some(IotTech::Ble),
                    ..Default::default()
                },
                &mut engine
            ),
            "give band or tech, not both"
        );
        let e = ask(
            CoverageRequest {
                max_grid_cells: 10,
                ..Default::default()
            },
            &mut engine,
        );
        assert!(
            e.starts_with("small: a map of 1,800 cells") && e.ends_with("(cell_m, max_grid_cells)"),
            "{e}"
        );
        let e = ask(
            CoverageRequest {
                cell_m: Some(0.01),
                max_memory_bytes: Some(1e6),
                ..Default::default()
            },
            &mut engine,
        );
        assert!(
            e.contains("more than the 1 MB the library computes in"),
            "{e}"
        );
    }
}
