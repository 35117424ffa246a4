//! # tailplan-web
//!
//! The tailplan editor in the browser: a Yew app, built by Trunk, that opens a project file
//! and draws its floors on a canvas for network and cabling engineers.
//!
//! What is where:
//! - the view transform (metres <-> pixels, fit, zoom about a point, scale bar): [`view`];
//! - what each element looks like: [`style`], with colours in [`color`];
//! - a floor prepared for drawing, and the display list of one frame: [`scene`],
//!   [`display`], with label culling in [`labels`] and the layers in [`layers`];
//! - the editor's state and the actions that change it (a pure reducer): [`state`];
//! - the status bar's texts: [`status`]; what keys do: [`input`];
//! - the browser edge: [`fetch`] (own-origin files), [`canvas`] (replays a display list) and
//!   the Yew components in `ui`, which render state and dispatch actions only.
//!
//! Everything but the browser edge is plain Rust, tested natively with `cargo test`.
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
pub mod canvas;
pub mod color;
pub mod display;
pub mod document;
pub mod edit_overlay;
pub mod elements;
pub mod fetch;
pub mod files;
pub mod import;
pub mod index;
pub mod input;
mod interact;
pub mod labels;
pub mod layers;
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

pub use ui::App;

/// Starts the editor in the page's `<body>`.
pub fn run() {
    yew::Renderer::<App>::new().render();
}
