//! The editor's state and the actions that change it: plain data and a pure reducer, so that
//! every behaviour of the UI can be tested natively. Components only dispatch [`Action`]s.

use std::fmt;
use std::rc::Rc;

use tailplan_core::{BBox, Floor, Project, project_file};

use crate::layers::{Layer, Layers};
use crate::scene::FIT_MARGIN_PX;
use crate::view::{View, Viewport};

/// A sample project shipped next to the editor.
#[derive(Debug, PartialEq, Eq)]
pub struct Sample {
    /// Short name, in test ids: `office`.
    pub key: &'static str,
    /// Menu caption.
    pub label: &'static str,
    /// File name, fetched from the editor's own origin.
    pub file: &'static str,
}

/// The samples of the "Open sample" menu; the first opens on start.
pub const SAMPLES: [Sample; 2] = [
    Sample {
        key: "office",
        label: "Office building",
        file: "office.tailplan.json",
    },
    Sample {
        key: "small",
        label: "Small floor",
        file: "small.tailplan.json",
    },
];

/// The sample with this key.
pub fn sample(key: &str) -> Option<&'static Sample> {
    SAMPLES.iter().find(|s| s.key == key)
}

/// Why a project could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The server answered with an error status.
    Http {
        /// The status code.
        status: u16,
        /// Its reason phrase, when the server gave one.
        reason: String,
    },
    /// The request did not complete (server down, offline...).
    Network(String),
    /// The file is not a project this editor can read.
    Invalid(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Http { status: 404, .. } => {
                f.write_str("the file is not on the server (HTTP 404). The sample projects are generated into floorplans/; generate them, then rebuild the editor")
            }
            LoadError::Http { status, reason } if reason.is_empty() => {
                write!(f, "the server answered HTTP {status}")
            }
            LoadError::Http { status, reason } => {
                write!(f, "the server answered HTTP {status} {reason}")
            }
            LoadError::Network(m) => write!(f, "the request failed: {m}"),
            LoadError::Invalid(m) => write!(f, "{m}"),
        }
    }
}

/// A project read from a file.
#[derive(Debug, Clone)]
pub struct Opened {
    /// The project.
    pub project: Rc<Project>,
    /// Warnings found while reading it, one line each.
    pub warnings: Vec<String>,
}

/// Reads a project file's text.
pub fn open_project(text: &str) -> Result<Opened, LoadError> {
    let (project, diagnostics) =
        project_file::from_json(text).map_err(|e| LoadError::Invalid(e.to_string()))?;
    Ok(Opened {
        project: Rc::new(project),
        warnings: diagnostics.iter().map(ToString::to_string).collect(),
    })
}

/// The project on screen.
#[derive(Debug, Clone)]
pub struct LoadedProject {
    /// The project, shared with the components.
    pub project: Rc<Project>,
    /// The sample it came from.
    pub sample: &'static Sample,
    /// Warnings found while reading it.
    pub warnings: Vec<String>,
    /// Increases with every project opened, so that views of a project can be cached.
    pub generation: u32,
}

impl LoadedProject {
    /// The name to show: the project's, else its building's, else the sample's.
    pub fn title(&self) -> &str {
        let meta = &self.project.meta;
        [meta.name.as_str(), meta.building.as_str()]
            .into_iter()
            .find(|s| !s.trim().is_empty())
            .unwrap_or(self.sample.label)
    }
}

/// Something the user (or the loader) did.
#[derive(Debug, Clone)]
pub enum Action {
    /// A sample starts loading; `request` identifies the answer to expect.
    StartLoading {
        /// The sample.
        sample: &'static Sample,
        /// The request's number.
        request: u32,
    },
    /// The answer to request `request`.
    Loaded {
        /// The request's number.
        request: u32,
        /// The project, or why there is none.
        result: Result<Opened, LoadError>,
    },
    /// Show the floor with this id.
    SelectFloor(String),
    /// Show or hide a layer.
    ToggleLayer(Layer),
    /// Show the whole floor.
    Fit,
    /// Zoom by a factor about a screen point (CSS px).
    ZoomAt {
        /// Screen x.
        x: f64,
        /// Screen y.
        y: f64,
        /// Above 1 zooms in.
        factor: f64,
    },
    /// Zoom by a factor about the middle of the plan.
    ZoomCenter(f64),
    /// Move the plan by screen pixels.
    Pan {
        /// Right.
        dx: f64,
        /// Down.
        dy: f64,
    },
    /// The canvas changed size.
    Resize(Viewport),
    /// Something went wrong outside loading: show it in the error banner.
    Error(String),
    /// Close the error banner.
    DismissError,
}

/// Everything the editor shows.
#[derive(Debug, Clone, Default)]
pub struct AppState {
    /// The project on screen, if any.
    pub loaded: Option<LoadedProject>,
    /// The floor on screen.
    pub floor_id: Option<String>,
    /// Which layers are shown.
    pub layers: Layers,
    /// The view transform.
    pub view: View,
    /// The canvas size.
    pub viewport: Viewport,
    /// The loading request in flight, if any.
    pub pending: Option<(u32, &'static Sample)>,
    /// The message of the error banner.
    pub error: Option<String>,
    /// The view is to be fitted as soon as the canvas has a size.
    needs_fit: bool,
    generation: u32,
}

impl AppState {
    /// The project on screen.
    pub fn project(&self) -> Option<&Project> {
        self.loaded.as_ref().map(|l| l.project.as_ref())
    }

    /// The floor on screen.
    pub fn floor(&self) -> Option<&Floor> {
        let id = self.floor_id.as_deref()?;
        self.project()?.floor(id)
    }

    /// True while a project is being loaded.
    pub fn is_loading(&self) -> bool {
        self.pending.is_some()
    }

    /// The state after `action`; `None` when nothing changes.
    pub fn apply(&self, action: Action) -> Option<AppState> {
        let mut next = self.clone();
        match action {
            Action::StartLoading { sample, request } => {
                next.pending = Some((request, sample));
            }
            Action::Loaded { request, result } => {
                let (expected, sample) = self.pending?;
                if expected != request {
                    return None; // an answer to a request since superseded
                }
                next.pending = None;
                match result {
                    Ok(opened) => {
                        next.generation = self.generation + 1;
                        next.floor_id = first_floor(&opened.project);
                        next.loaded = Some(LoadedProject {
                            project: opened.project,
                            sample,
                            warnings: opened.warnings,
                            generation: next.generation,
                        });
                        next.error = None;
                        next.needs_fit = true;
                        next.fit_if_possible();
                    }
                    Err(e) => {
                        next.error = Some(format!(
                            "Could not open the sample “{}” ({}): {e}.",
                            sample.label, sample.file
                        ));
                    }
                }
            }
            Action::SelectFloor(id) => {
                let floor = self.project()?.floor(&id)?;
                if self.floor_id.as_deref() == Some(id.as_str()) {
                    return None;
                }
                // Floors of a building share coordinates: keep the view when the new floor
                // is in it, so that the same spot can be compared floor to floor.
                let keep = !self.viewport.is_empty()
                    && floor
                        .plan_bbox()
                        .is_some_and(|b| intersects(&b, &self.view.visible(self.viewport)));
                next.floor_id = Some(id);
                if !keep {
                    next.needs_fit = true;
                    next.fit_if_possible();
                }
            }
            Action::ToggleLayer(layer) => next.layers = self.layers.toggled(layer),
            Action::Fit => {
                next.needs_fit = true;
                next.fit_if_possible();
            }
            Action::ZoomAt { x, y, factor } => next.view = self.view.zoom_about(x, y, factor),
            Action::ZoomCenter(factor) => {
                let (x, y) = self.viewport.center();
                next.view = self.view.zoom_about(x, y, factor);
            }
            Action::Pan { dx, dy } => next.view = self.view.pan(dx, dy),
            Action::Resize(viewport) => {
                if viewport == self.viewport {
                    return None;
                }
                // Keep what was in the middle in the middle.
                if !self.viewport.is_empty() {
                    next.view = self.view.pan(
                        (viewport.width - self.viewport.width) / 2.0,
                        (viewport.height - self.viewport.height) / 2.0,
                    );
                }
                next.viewport = viewport;
                next.fit_if_possible();
            }
            Action::Error(message) => {
                if self.error.as_deref() == Some(message.as_str()) {
                    return None;
                }
                next.error = Some(message);
            }
            Action::DismissError => {
                self.error.as_ref()?;
                next.error = None;
            }
        }
        Some(next)
    }

    /// Fits the view to the floor if asked to and the canvas has a size.
    fn fit_if_possible(&mut self) {
        if !self.needs_fit || self.viewport.is_empty() {
            return;
        }
        let bbox = self.floor().and_then(Floor::plan_bbox);
        if let Some(b) = bbox {
            self.view = View::fit(b, self.viewport, FIT_MARGIN_PX);
        }
        self.needs_fit = false;
    }
}

impl yew::Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

/// The floor a project opens on: the first with walls, else the first.
fn first_floor(project: &Project) -> Option<String> {
    project
        .floors
        .iter()
        .find(|f| !f.walls.is_empty())
        .or(project.floors.first())
        .map(|f| f.id.clone())
}

fn intersects(a: &BBox, b: &BBox) -> bool {
    a.min.x <= b.max.x && b.min.x <= a.max.x && a.min.y <= b.max.y && b.min.y <= a.max.y
}

#[cfg(test)]
mod tests {
    use tailplan_core::{Point, Polygon, Props, Room};

    use super::*;

    const VP: Viewport = Viewport {
        width: 800.0,
        height: 600.0,
        dpr: 1.0,
    };

    fn floor(id: &str, x0: f64) -> Floor {
        let mut f = Floor::new(id, format!("Level {id}"), 0.0);
        f.rooms.push(Room {
            id: format!("room-{id}"),
            name: "Hall".into(),
            polygon: Polygon::rect(Point::new(x0, 0.0), Point::new(x0 + 40.0, 20.0)),
            props: Props::new(),
        });
        f
    }

    fn opened() -> Opened {
        let mut project = Project::new();
        project.meta.name = "HQ".into();
        project.floors.push(floor("0", 0.0));
        project.floors.push(floor("1", 0.0));
        project.floors.push(floor("far", 10_000.0));
        Opened {
            project: Rc::new(project),
            warnings: vec![],
        }
    }

    fn step(state: &AppState, action: Action) -> AppState {
        state.apply(action).unwrap_or_else(|| state.clone())
    }

    fn loaded() -> AppState {
        let s = AppState::default();
        let s = step(&s, Action::Resize(VP));
        let s = step(
            &s,
            Action::StartLoading {
                sample: &SAMPLES[0],
                request: 1,
            },
        );
        step(
            &s,
            Action::Loaded {
                request: 1,
                result: Ok(opened()),
            },
        )
    }

    #[test]
    fn loading_fits_the_first_floor() {
        let s = loaded();
        assert!(!s.is_loading());
        assert_eq!(s.floor_id.as_deref(), Some("0"));
        assert_eq!(s.loaded.as_ref().unwrap().title(), "HQ");
        // 40 x 20 m fitted into 800 x 600 with margins.
        assert!((s.view.scale - (800.0 - 2.0 * FIT_MARGIN_PX) / 40.0).abs() < 1e-9);
        assert_eq!(s.loaded.as_ref().unwrap().generation, 1);
    }

    #[test]
    fn a_project_loaded_before_the_canvas_has_a_size_is_fitted_later() {
        let s = step(
            &AppState::default(),
            Action::StartLoading {
                sample: &SAMPLES[1],
                request: 7,
            },
        );
        let s = step(
            &s,
            Action::Loaded {
                request: 7,
                result: Ok(opened()),
            },
        );
        assert_eq!(s.view, View::default());
        let s = step(&s, Action::Resize(VP));
        assert_ne!(s.view, View::default());
        // Later resizes keep the middle in the middle instead of fitting again.
        let zoomed = step(&s, Action::ZoomCenter(2.0));
        let bigger = step(
            &zoomed,
            Action::Resize(Viewport {
                width: 1000.0,
                ..VP
            }),
        );
        assert_eq!(bigger.view.scale, zoomed.view.scale);
        let mid_before = zoomed.view.to_world(400.0, 300.0);
        let mid_after = bigger.view.to_world(500.0, 300.0);
        assert!((mid_before.x - mid_after.x).abs() < 1e-9);
    }

    #[test]
    fn stale_answers_are_ignored() {
        let s = loaded();
        let s = step(
            &s,
            Action::StartLoading {
                sample: &SAMPLES[1],
                request: 2,
            },
        );
        let stale = Action::Loaded {
            request: 1,
            result: Err(LoadError::Network("x".into())),
        };
        assert!(s.apply(stale).is_none());
        assert!(s.is_loading());
    }

    #[test]
    fn a_failed_load_keeps_the_project_and_says_why() {
        let s = loaded();
        let s = step(
            &s,
            Action::StartLoading {
                sample: &SAMPLES[1],
                request: 2,
            },
        );
        let s = step(
            &s,
            Action::Loaded {
                request: 2,
                result: Err(LoadError::Http {
                    status: 404,
                    reason: "Not Found".into(),
                }),
            },
        );
        let msg = s.error.clone().unwrap();
        assert!(msg.starts_with("Could not open the sample “Small floor” (small.tailplan.json): the file is not on the server (HTTP 404)"), "{msg}");
        assert_eq!(s.loaded.as_ref().unwrap().title(), "HQ");
        let s = step(&s, Action::DismissError);
        assert!(s.error.is_none());
        assert!(s.apply(Action::DismissError).is_none());
    }

    #[test]
    fn invalid_files_are_reported_not_panicked() {
        let err = open_project("{\"format\": ").unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 1, column 11: EOF while parsing a value"
        );
        let err = open_project("<!doctype html>").unwrap_err();
        assert!(err.to_string().starts_with("line 1, column 1"));
        let ok = open_project(r#"{"format": "tailplan-project", "version": 1}"#).unwrap();
        assert!(ok.project.floors.is_empty());
    }

    #[test]
    fn floor_switching_keeps_the_view_when_the_floor_is_in_it() {
        let s = loaded();
        let zoomed = step(
            &s,
            Action::ZoomAt {
                x: 100.0,
                y: 100.0,
                factor: 3.0,
            },
        );
        let upstairs = step(&zoomed, Action::SelectFloor("1".into()));
        assert_eq!(upstairs.floor_id.as_deref(), Some("1"));
        assert_eq!(upstairs.view, zoomed.view);
        // A floor elsewhere is fitted.
        let far = step(&zoomed, Action::SelectFloor("far".into()));
        assert!(far.view.visible(VP).min.x > 9_000.0);
        // Unknown floors and the current floor change nothing.
        assert!(s.apply(Action::SelectFloor("nope".into())).is_none());
        assert!(s.apply(Action::SelectFloor("0".into())).is_none());
    }

    #[test]
    fn view_actions() {
        let s = loaded();
        let panned = step(&s, Action::Pan { dx: 10.0, dy: -5.0 });
        assert_eq!(panned.view.origin_x, s.view.origin_x + 10.0);
        let fitted = step(&panned, Action::Fit);
        assert_eq!(fitted.view, s.view);
        let z = step(&s, Action::ZoomCenter(2.0));
        assert!((z.view.scale - 2.0 * s.view.scale).abs() < 1e-9);
        let hidden = step(&s, Action::ToggleLayer(Layer::Walls));
        assert!(!hidden.layers.shows(Layer::Walls));
        assert!(s.apply(Action::Resize(VP)).is_none());
    }

    #[test]
    fn first_floor_prefers_one_with_walls() {
        let mut p = Project::new();
        assert_eq!(first_floor(&p), None);
        p.floors.push(Floor::new("site", "Site", 0.0));
        assert_eq!(first_floor(&p).as_deref(), Some("site"));
        let mut l1 = Floor::new("1", "L1", 0.0);
        l1.walls.push(tailplan_core::Wall {
            id: "w".into(),
            shape: tailplan_core::Shape::Line(vec![Point::new(0.0, 0.0), Point::new(1.0, 0.0)]),
            material: None,
            loss_db: None,
            thickness_m: 0.1,
            props: Props::new(),
        });
        p.floors.push(l1);
        assert_eq!(first_floor(&p).as_deref(), Some("1"));
    }

    #[test]
    fn samples_are_known_by_key() {
        assert_eq!(sample("small").unwrap().file, "small.tailplan.json");
        assert!(sample("nope").is_none());
    }
}
