//! Progressive results for the editor: a coarse map first, then the full resolution, one
//! transmitter at a time, so that a single-threaded editor can draw between steps.
//!
//! The coarse grid covers the same box with cells `factor` times larger (4 by default): 16
//! times fewer cells. Every field computed on the way lands in the engine's cache, so the
//! final step only combines.

use crate::project::Project;

use super::CoverageError;
use super::engine::{CoverageEngine, CoverageRequest};
use super::maps::Heatmaps;

/// The coarse grid's cells are this many times larger by default.
pub const DEFAULT_COARSE_FACTOR: usize = 4;

/// What one step produced.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// The maps on the coarse grid.
    Coarse(Heatmaps),
    /// One more transmitter's full-resolution field is ready.
    Refining {
        /// Fields ready.
        done: usize,
        /// Fields in all.
        total: usize,
    },
    /// The maps at full resolution (returned again by every later step).
    Done(Heatmaps),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Coarse,
    Refine(usize),
    Finish,
}

/// A coarse-to-fine computation of one request, advanced by [`Progressive::step`].
///
/// # Examples
///
/// ```
/// use tailplan_core::coverage::progressive::{Progressive, Step};
/// use tailplan_core::coverage::{CoverageEngine, CoverageRequest, Service};
/// use tailplan_core::{Floor, Point, Polygon, Project, Room, WifiBand};
///
/// let mut project = Project::new();
/// let mut floor = Floor::new("1", "Level 1", 0.0);
/// floor.rooms.push(Room {
///     id: "r".into(),
///     name: "Hall".into(),
///     polygon: Polygon::rect(Point::new(0.0, 0.0), Point::new(16.0, 8.0)),
///     category: None,
///     people: None,
///     props: Default::default(),
/// });
/// project.floors.push(floor);
///
/// let mut engine = CoverageEngine::new();
/// let request = CoverageRequest::new("1", Service::Wifi(WifiBand::Ghz5));
/// let mut job = Progressive::new(request, 4);
/// let Step::Coarse(coarse) = job.step(&mut engine, &project)? else { unreachable!() };
/// assert_eq!(coarse.grid.cell_m, 2.0);
/// let full = loop {
///     if let Step::Done(maps) = job.step(&mut engine, &project)? {
///         break maps;
///     }
/// };
/// assert_eq!(full.grid.cell_m, 0.5);
/// # Ok::<(), tailplan_core::coverage::CoverageError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Progressive {
    request: CoverageRequest,
    factor: usize,
    stage: Stage,
}

impl Progressive {
    /// A computation of `request`, whose first step is on cells `coarse_factor` times larger.
    pub fn new(request: CoverageRequest, coarse_factor: usize) -> Self {
        Self {
            request,
            factor: coarse_factor.max(1),
            stage: Stage::Coarse,
        }
    }

    /// The request being computed.
    pub fn request(&self) -> &CoverageRequest {
        &self.request
    }

    /// True once a step has returned [`Step::Done`].
    pub fn is_done(&self) -> bool {
        self.stage == Stage::Finish
    }

    /// Does the next piece of work. The project may change between steps (a drag in the
    /// editor): each step reads it afresh, and fields already computed for unchanged
    /// transmitters are reused.
    pub fn step(
        &mut self,
        engine: &mut CoverageEngine,
        project: &Project,
    ) -> Result<Step, CoverageError> {
        match self.stage {
            Stage::Coarse => {
                let cell = self.request.cell_m.unwrap_or(project.settings.radio.cell_m);
                let mut coarse = self.request.clone();
                coarse.cell_m = Some(cell * self.factor as f64);
                let maps = engine.heatmaps(project, &coarse)?;
                self.stage = Stage::Refine(0);
                Ok(Step::Coarse(maps))
            }
            Stage::Refine(k) => {
                engine.begin();
                let prepared = engine.prepare(project, &self.request)?;
                let total = prepared.links.len();
                if k < total {
                    engine.field_values(&prepared, k);
                }
                engine.end();
                if k + 1 >= total {
                    self.stage = Stage::Finish;
                    if k >= total {
                        return self.step(engine, project);
                    }
                } else {
                    self.stage = Stage::Refine(k + 1);
                }
                Ok(Step::Refining {
                    done: (k + 1).min(total),
                    total,
                })
            }
            Stage::Finish => Ok(Step::Done(engine.heatmaps(project, &self.request)?)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coverage::{Service, heatmaps};
    use crate::devices::{AccessPoint, WifiBand};
    use crate::floor::Floor;
    use crate::geometry::{Point, Polygon};
    use crate::rooms::Room;

    #[test]
    fn coarse_then_each_field_then_the_full_maps() {
        let mut f = Floor::new("1", "L1", 0.0);
        f.rooms.push(Room {
            id: "r".into(),
            name: "R".into(),
            polygon: Polygon::rect(Point::new(0.0, 0.0), Point::new(20.0, 10.0)),
            category: None,
            people: None,
            props: Default::default(),
        });
        for i in 0..3 {
            f.access_points.push(AccessPoint {
                id: format!("a{i}"),
                name: format!("A{i}"),
                position: Point::new(3.0 + 6.0 * f64::from(i), 5.0),
                model: None,
                radios: vec![crate::devices::Radio::new(WifiBand::Ghz5, 20.0)],
                height_m: 2.5,
                poe_w: None,
                eirp_offset_db: None,
                props: Default::default(),
            });
        }
        let mut p = Project::new();
        p.floors.push(f);
        let req = CoverageRequest::new("1", Service::Wifi(WifiBand::Ghz5));
        let mut engine = CoverageEngine::new();
        let mut job = Progressive::new(req.clone(), 4);
        let mut steps = Vec::new();
        while !job.is_done() {
            steps.push(job.step(&mut engine, &p).unwrap());
        }
        assert!(matches!(&steps[0], Step::Coarse(m) if m.grid.cell_m == 2.0 && m.grid.cols == 10));
        assert_eq!(steps[1], Step::Refining { done: 1, total: 3 });
        assert_eq!(steps[3], Step::Refining { done: 3, total: 3 });
        let Step::Done(full) = job.step(&mut engine, &p).unwrap() else {
            panic!("not done")
        };
        assert_eq!(engine.computed_last(), 0);
        assert_eq!(full, heatmaps(&p, &req).unwrap());
    }
}
