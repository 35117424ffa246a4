//! Client capacity: `tailplan capacity`, the npm package's `capacity()`, the editor's clients
//! per radio. The core's [`floor_capacity`] on one floor or on every floor, with the checks
//! every front end holds its options to.

use schemars::JsonSchema;
use serde::Serialize;
use tailplan_core::Project;
use tailplan_core::coverage::capacity::bands_on;
use tailplan_core::coverage::grid::DEFAULT_MAX_CELLS;
use tailplan_core::coverage::{Capacity, CoverageEngine, FloorScope, Service, floor_capacity};

use crate::coverage::memory_guard;
use crate::error::{AppError, Param};
use crate::floor::pick_floor;
use crate::json::round_numbers;

/// Which floors, at what resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct CapacityRequest {
    /// One floor's id; `None` for every floor.
    pub floor: Option<String>,
    /// Cell side, metres (default: the project's setting).
    pub cell_m: Option<f64>,
    /// The grid-cell limit of each floor's maps.
    pub max_grid_cells: usize,
    /// The most memory one band's map may take, bytes (the npm package computes in
    /// WebAssembly's memory); `None` for no limit beyond the cells'.
    pub max_memory_bytes: Option<f64>,
}

impl Default for CapacityRequest {
    fn default() -> Self {
        Self {
            floor: None,
            cell_m: None,
            max_grid_cells: DEFAULT_MAX_CELLS,
            max_memory_bytes: None,
        }
    }
}

/// The capacity of the floors asked for: what `tailplan capacity --json` prints (rounded to
/// 0.01) and the npm package's `capacity()` returns.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CapacityResult {
    /// One entry per floor, in the project's order.
    pub floors: Vec<Capacity>,
    /// The radios over a limit, on every floor.
    pub over: usize,
}

impl CapacityResult {
    /// The JSON with every number rounded to 0.01.
    pub fn to_json_rounded(&self) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        round_numbers(&mut v);
        v
    }
}

/// The clients per radio of one floor or of all. `name` is the project's name in messages.
pub fn capacity(
    engine: &mut CoverageEngine,
    name: &str,
    project: &Project,
    request: &CapacityRequest,
) -> Result<CapacityResult, AppError> {
    if let Some(c) = request.cell_m
        && !(c.is_finite() && c > 0.0)
    {
        return Err(AppError::number(
            Param::Cell,
            c,
            "must be a positive number of metres",
        ));
    }
    let floors: Vec<&str> = match &request.floor {
        Some(_) => vec![
            pick_floor(name, project, request.floor.as_deref())?
                .id
                .as_str(),
        ],
        None => project.floors.iter().map(|f| f.id.as_str()).collect(),
    };
    engine.set_max_cells(request.max_grid_cells);
    let mut out = Vec::new();
    for id in floors {
        if let Some(floor) = project.floor(id) {
            for band in bands_on(floor) {
                memory_guard(
                    name,
                    project,
                    floor,
                    Service::Wifi(band),
                    FloorScope::Own,
                    request.cell_m,
                    request.max_grid_cells,
                    request.max_memory_bytes,
                )?;
            }
        }
        let (c, _) = floor_capacity(engine, project, id, request.cell_m).map_err(|error| {
            AppError::Coverage {
                project: name.to_owned(),
                error,
            }
        })?;
        out.push(c);
    }
    let over = out
        .iter()
        .map(|c| c.radios.iter().filter(|r| r.over).count())
        .sum();
    Ok(CapacityResult { floors: out, over })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_floor_of_the_office_sample_has_its_radios_loaded() {
        let project = tailplan_samples::office_building();
        let mut engine = CoverageEngine::new();
        let r = capacity(
            &mut engine,
            "office",
            &project,
            &CapacityRequest {
                cell_m: Some(1.0),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(r.floors.len(), project.floors.len());
        for (c, f) in r.floors.iter().zip(&project.floors) {
            let radios: usize = f.access_points.iter().map(|a| a.radios.len()).sum();
            assert_eq!(c.radios.len(), radios, "floor {}", f.id);
            // Every client is served or counted unserved.
            let served: f64 = c.radios.iter().map(|r| r.clients).sum();
            assert!(
                (served + c.unserved_clients - c.clients).abs() < 1e-6 * c.clients.max(1.0),
                "floor {}: {served} + {} != {}",
                f.id,
                c.unserved_clients,
                c.clients
            );
        }
        let one = capacity(
            &mut engine,
            "office",
            &project,
            &CapacityRequest {
                floor: Some(project.floors[1].id.clone()),
                cell_m: Some(1.0),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(one.floors, vec![r.floors[1].clone()]);
        let e = capacity(
            &mut engine,
            "office",
            &project,
            &CapacityRequest {
                cell_m: Some(f64::NAN),
                ..Default::default()
            },
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "cell_m NaN: must be a positive number of metres"
        );
    }
}
