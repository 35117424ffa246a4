//! What the plan draws of the floor on screen, prepared again only when it changes: the
//! scene, its legend, the elements being dragged (left out of the floor), the scans, the
//! wall materials and the heatmap.

use std::collections::HashSet;
use std::rc::Rc;

use tailplan_core::UnderlayKind;
use yew::prelude::*;

use crate::panels::coverage::heatmap;
use crate::plan::layers::Layer;
use crate::plan::raster::{RasterSource, raster_sources};
use crate::plan::scene::{FloorScene, Legend};
use crate::state::{AppState, Gesture};
use crate::ui::plan::{HeatHandle, SceneHandle};

/// The plan's inputs for one render.
pub struct PlanViews {
    /// The floor prepared for drawing, again only when the project or the floor changes.
    pub scene: Rc<Option<SceneHandle>>,
    /// What its colours and symbols mean, for the layers shown.
    pub legend: Rc<Legend>,
    /// The elements being dragged.
    pub hidden: Rc<HashSet<String>>,
    /// The floor's scans.
    pub rasters: Rc<Vec<RasterSource>>,
    /// The library's materials: (name, css colour).
    pub materials: Rc<Vec<(String, String)>>,
    /// The heatmap to draw under the walls, when the layer is on and one has come.
    pub heat: Option<HeatHandle>,
}

/// The plan's inputs, each made again only when what it depends on changes.
#[hook]
pub fn use_plan_views(state: &UseReducerHandle<AppState>) -> PlanViews {
    // The scenario drawn on the plan: which comparison, which scenario.
    let on_plan = state
        .scenarios
        .on_plan
        .zip(state.scenarios.shown.as_ref().map(|s| s.job));
    let key = (state.doc_key(), state.floor_id.clone(), on_plan);
    let scene = {
        let state = state.clone();
        use_memo(key.clone(), move |_| {
            let project = state.project()?;
            let floor = state.floor()?;
            let scene = match state.scenarios.floor_on_plan(floor) {
                Some(f) => FloorScene::new(project, &f),
                None => FloorScene::new(project, floor),
            };
            Some(SceneHandle(Rc::new(scene)))
        })
    };
    let legend = {
        let scene = scene.clone();
        use_memo((key, state.layers), move |(_, layers)| {
            scene
                .as_ref()
                .as_ref()
                .map(|s| s.0.legend(*layers))
                .unwrap_or_default()
        })
    };
    let moving: Vec<String> = match &state.gesture {
        Gesture::Moving { ids, .. } => ids.clone(),
        _ => Vec::new(),
    };
    let hidden = use_memo(moving, |ids| {
        ids.iter().cloned().collect::<HashSet<String>>()
    });
    let materials = {
        let state = state.clone();
        use_memo(state.doc_key().map(|(g, _)| g), move |_| {
            state
                .project()
                .map(|p| {
                    p.materials
                        .iter()
                        .map(|m| (m.name.clone(), m.color.clone()))
                        .collect()
                })
                .unwrap_or_default()
        })
    };
    let raster_key: Vec<(String, usize)> = state
        .floor()
        .map(|f| {
            f.underlays
                .iter()
                .filter_map(|u| match &u.kind {
                    UnderlayKind::Raster(r) => Some((u.id.clone(), r.data.len())),
                    UnderlayKind::Vector { .. } => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let rasters: Rc<Vec<RasterSource>> = {
        let state = state.clone();
        use_memo(
            (state.generation, state.floor_id.clone(), raster_key),
            move |_| state.floor().map(raster_sources).unwrap_or_default(),
        )
    };
    let heat = state.floor().and_then(|f| {
        if !state.layers.shows(Layer::Heatmap) {
            return None;
        }
        let service = state.coverage.service_on(f);
        let key = (f.id.clone(), service, state.coverage.metric);
        let h = state.coverage.heatmap_for(&key)?;
        let scale = heatmap::scale(service, state.coverage.metric, h.result.threshold_dbm);
        Some(HeatHandle(h.clone(), scale))
    });
    PlanViews {
        scene,
        legend,
        hidden,
        rasters,
        materials,
        heat,
    }
}
