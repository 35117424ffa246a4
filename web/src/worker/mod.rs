//! The editor's worker: coverage, placement, routing, imports and exports, off the page's
//! main thread so that it never freezes.
//!
//! - [`protocol`]: the messages, plain serde data both sides share;
//! - [`host`]: what the worker does with them, plain Rust tested natively: its copy of the
//!   project kept in step by edits, one [`tailplan_core::coverage::CoverageEngine`] for the
//!   page's life (moving one access point recomputes one field), coverage in steps (a coarse
//!   map first, then each transmitter at full resolution, then the fine map) so that a newer
//!   request replaces an older one between two steps.
//!
//! Both are plain Rust. The browser edges are in [`crate::browser`]: `worker_glue` (wasm32
//! only), the worker's, which the `tailplan-worker` and `tailplan-files` binaries start; and
//! [`crate::browser::worker_client`], the page's.
//!
//! The worker is its own wasm binary, downloaded after the editor's first paint: the
//! importers, the coverage engine, routing, the design sheets and the DXF writer live only
//! there, which keeps the editor's first download small.

pub mod host;
pub mod protocol;
