//! # tailplan-web
//!
//! The tailplan editor in the browser: a Yew app, built by Trunk, that opens, edits and keeps
//! tailplan projects for network and cabling engineers.
//!
//! What is where:
//! - the editor's state and the actions that change it (a pure reducer): [`state`], with the
//!   tools' state machines in `interact`, the project and its undo history in [`document`];
//! - the tools: [`tools`]; keys and the help: [`input`]; snapping: [`snap`]; a floor indexed
//!   for the pointer: [`index`]; new and moved elements: [`elements`]; the property panel's
//!   fields: [`properties`]; what editing draws over the plan: [`edit_overlay`];
//! - opening files and keeping the project in the browser: [`import`], [`autosave`];
//! - the view transform (metres <-> pixels, fit, zoom about a point, scale bar): [`view`];
//! - what each element looks like: [`style`], with colours in [`color`];
//! - a floor prepared for drawing, and the display list of one frame: [`scene`],
//!   [`display`], with label culling in [`labels`] and the layers in [`layers`];
//! - the status bar's texts: [`status`];
//! - the browser edge: [`fetch`] (own-origin files), [`files`] (reading files, downloads),
//!   [`storage`] (IndexedDB), [`canvas`] (replays a display list) and the Yew components in
//!   `ui`, which render state and dispatch actions only.
//!
//! Everything but the browser edge is plain Rust, tested natively with `cargo test`; the edge
//! is tested in headless Chromium (`tests/browser.rs`, wasm-bindgen-test).
//!
//! # Examples
//!
//! ```
//! use tailplan_core::{Floor, Project};
//! use tailplan_web::layers::Layers;
//! use tailplan_web::scene::FloorScene;
//! use tailplan_web::view::Viewport;
//!
//! let mut project = Project::new();
//! project.floors.push(Floor::new("1", "Level 1", 0.0));
//! let scene = FloorScene::new(&project, &project.floors[0]);
//! let viewport = Viewport::new(800.0, 600.0, 2.0);
//! let frame = scene.frame(&scene.fit(viewport), viewport, Layers::all());
//! assert!(frame.background.is_some());
//! ```

pub mod autosave;
pub mod cabling;
pub mod canvas;
pub mod color;
pub mod coverage_view;
pub mod display;
pub mod document;
pub mod edit_overlay;
pub mod elements;
pub mod fetch;
pub mod files;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod heatmap;
pub mod import;
pub mod import_dialog;
pub mod index;
pub mod input;
mod interact;
pub mod labels;
pub mod layers;
pub mod offline;
pub mod properties;
pub mod scene;
pub mod snap;
pub mod state;
pub mod status;
pub mod storage;
pub mod style;
pub mod tools;
mod ui;
pub mod view;
pub mod worker;
pub mod worker_client;

pub use ui::App;

/// Starts the editor in the page's `<body>`.
pub fn run() {
    yew::Renderer::<App>::new().render();
}
