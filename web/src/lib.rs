//! # tailplan-web
//!
//! The tailplan editor in the browser: a Yew app, built by Trunk, that opens, edits and keeps
//! tailplan projects for network and cabling engineers.
//!
//! What is where, pure first (plain Rust, tested natively with `cargo test`):
//! - [`state`]: the editor's state and the actions that change it (a pure reducer), with the
//!   tools' state machines, the workers' jobs, the palette's [`state::tools`] and what keys
//!   do, [`state::input`];
//! - [`document`]: the open project and its undo history; opening a file's bytes
//!   ([`document::import`]) and what is kept in the browser ([`document::autosave`]);
//! - [`plan`]: the view transform, the scene and its display list, styles and colours,
//!   snapping, the floor indexed for the pointer, new and moved elements, what editing draws,
//!   the status bar's texts;
//! - [`panels`]: each panel's logic (properties, coverage and the heatmap, cabling, the
//!   import dialog) beside its Yew component;
//! - [`worker`]: the workers' side, plain Rust: the messages and the host that does the jobs.
//!
//! Then the edge:
//! - [`browser`]: everything that speaks to the browser: the canvas, own-origin fetches,
//!   files and downloads, IndexedDB, the service worker, both sides of the workers;
//! - `ui`: the shell's Yew components, which render state and dispatch actions only, and
//!   `ui::hooks`, the root component's custom hooks (workers, opening, autosave, keys).
//!
//! The edge is tested in headless Chromium (`tests/browser.rs`, wasm-bindgen-test) and
//! end to end (`tests/e2e/` at the root).
//!
//! # Examples
//!
//! ```
//! use tailplan_core::{Floor, Project};
//! use tailplan_web::plan::layers::Layers;
//! use tailplan_web::plan::scene::FloorScene;
//! use tailplan_web::plan::view::Viewport;
//!
//! let mut project = Project::new();
//! project.floors.push(Floor::new("1", "Level 1", 0.0));
//! let scene = FloorScene::new(&project, &project.floors[0]);
//! let viewport = Viewport::new(800.0, 600.0, 2.0);
//! let frame = scene.frame(&scene.fit(viewport), viewport, Layers::all());
//! assert!(frame.background.is_some());
//! ```

pub mod browser;
pub mod document;
#[cfg(test)]
pub(crate) mod fixtures;
pub mod panels;
pub mod plan;
pub mod state;
mod ui;
pub mod worker;

pub use ui::App;

/// Starts the editor in the page's `<body>`.
pub fn run() {
    yew::Renderer::<App>::new().render();
}
