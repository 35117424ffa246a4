//! The browser edge: every module here speaks to the browser (web-sys, JavaScript values,
//! events); nothing else in the crate does but the Yew components. Each is a thin layer over
//! the pure modules, tested in headless Chromium (`tests/browser.rs`, wasm-bindgen-test).
//!
//! - [`canvas`]: a display list replayed on a 2D canvas, images, cached layers composed;
//! - [`events`]: the value of the form control an event came from;
//! - [`fetch`]: files from the editor's own origin;
//! - [`files`]: reading a file the user gave, offering downloads, waiting for a paint;
//! - [`storage`]: a key-value store of strings on IndexedDB;
//! - [`offline`]: the service worker's registration;
//! - [`worker_client`]: the page's side of the workers;
//! - `worker_glue` (wasm32 only): the workers' side, which the worker binaries start.

pub mod canvas;
pub mod events;
pub mod fetch;
pub mod files;
pub mod offline;
pub mod storage;
pub mod worker_client;
#[cfg(target_arch = "wasm32")]
pub mod worker_glue;
