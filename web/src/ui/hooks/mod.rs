//! The components' custom hooks (after yew's `function_todomvc`): each owns one concern of
//! the editor's life in the browser, so that a component reads as state, hooks, callbacks
//! and layout.
//!
//! The root's (`app`):
//!
//! - `use_worker`: the main worker for the page's life, the coverage job it is sent, what it
//!   answers turned into actions (and downloads);
//! - `use_files_worker`: the files worker, started on first use; the import dialog's choices
//!   sent to it as a new import;
//! - `use_opening`: on start the project kept in this browser (else the first sample); the
//!   callbacks that open a sample or a file, numbered so that only the latest counts;
//! - `use_autosave`: every change kept in IndexedDB, one write at a time, the newest wins;
//! - `use_notice_timeout`: a notice closes by itself;
//! - `use_offline`: the service worker registered;
//! - `use_shortcuts`: the page's keys (shortcuts, Save, Open, Space held to pan);
//! - `use_plan_views`, `use_panel_views`: what the plan and the side panel show, each made
//!   again only when what it depends on changes.
//!
//! The plan's (and the import preview's):
//!
//! - `use_scans`: the floor's scans decoded by the browser into the image store;
//! - `use_size`: the plan's size and the pixel ratio, followed.

mod use_autosave;
mod use_files_worker;
mod use_notice_timeout;
mod use_offline;
mod use_opening;
mod use_panel_views;
mod use_plan_views;
mod use_scans;
mod use_shortcuts;
mod use_size;
mod use_worker;

pub use use_autosave::use_autosave;
pub use use_files_worker::use_files_worker;
pub use use_notice_timeout::use_notice_timeout;
pub use use_offline::use_offline;
pub use use_opening::use_opening;
pub use use_panel_views::use_panel_views;
pub use use_plan_views::use_plan_views;
pub use use_scans::{Scans, use_scans};
pub use use_shortcuts::use_shortcuts;
pub use use_size::use_size;
pub use use_worker::{send_job, use_worker};
