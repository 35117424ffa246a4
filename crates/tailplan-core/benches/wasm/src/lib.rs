//! A tiny harness timing the coverage engine in wasm (one thread): `run.mjs` loads the sample
//! office, calls these functions and measures with `performance.now()`. Not a workspace
//! member: `./run.sh` builds it for wasm32 and runs it under Node (V8, Chromium's engine).
#![forbid(unsafe_code)]
use std::cell::RefCell;
use tailplan_core::coverage::{CoverageEngine, CoverageRequest, FloorScope, Service};
use tailplan_core::{Project, WifiBand, project_file};
use wasm_bindgen::prelude::*;

thread_local! {
    static STATE: RefCell<Option<(Project, CoverageEngine, CoverageRequest, u32)>> = const { RefCell::new(None) };
}

#[wasm_bindgen]
pub fn load(text: &str, floor: &str) -> usize {
    let (project, _) = project_file::from_json(text).unwrap();
    let mut req = CoverageRequest::new(floor, Service::Wifi(WifiBand::Ghz5)).with_cell(0.25);
    req.scope = FloorScope::Own;
    let n = project.floor(floor).unwrap().access_points.len();
    STATE.with(|s| *s.borrow_mut() = Some((project, CoverageEngine::new(), req, 0)));
    n
}

/// All APs, fresh engine.
#[wasm_bindgen]
pub fn all() -> f32 {
    STATE.with(|s| {
        let s = s.borrow();
        let (p, _, req, _) = s.as_ref().unwrap();
        CoverageEngine::new()
            .heatmaps(p, req)
            .unwrap()
            .best_rssi_dbm[0]
    })
}

/// Coarse step (1 m), fresh engine.
#[wasm_bindgen]
pub fn coarse() -> f32 {
    STATE.with(|s| {
        let s = s.borrow();
        let (p, _, req, _) = s.as_ref().unwrap();
        let mut r = req.clone();
        r.cell_m = Some(1.0);
        CoverageEngine::new().heatmaps(p, &r).unwrap().best_rssi_dbm[0]
    })
}

/// Warm the engine.
#[wasm_bindgen]
pub fn warm() {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let (p, e, req, _) = s.as_mut().unwrap();
        e.heatmaps(p, req).unwrap();
    })
}

/// Move one AP and recompute with the warm engine; returns fields computed.
#[wasm_bindgen]
pub fn moved() -> usize {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let (p, e, req, step) = s.as_mut().unwrap();
        *step += 1;
        let f = req.floor.clone();
        let ap = &mut p.floor_mut(&f).unwrap().access_points[0];
        ap.position.x += if *step % 2 == 0 { 1e-3 } else { -0.5e-3 };
        e.heatmaps(p, req).unwrap();
        e.computed_last()
    })
}
