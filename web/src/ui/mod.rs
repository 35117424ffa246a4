//! The shell's Yew components: the app bar and view bar, the tool palette, the plan (two
//! canvases), the side panel's tabs and legend, the status bar, the dialogs and the error
//! banner. They render state and dispatch [`crate::state::Action`]s; every decision lives in
//! the plain modules of the crate, and each panel's component sits beside its logic in
//! [`crate::panels`].
//!
//! `app` is the root: the state, the hooks, the callbacks and the layout. Its hooks, each a
//! concern of the editor's life in the browser (the workers, opening, autosave, the
//! keyboard...), are in `hooks`.

mod app;
mod banner;
mod dialogs;
pub(crate) mod hooks;
pub(crate) mod icons;
mod legend;
mod palette;
pub(crate) mod plan;
mod sheet_viewer;
mod side;
mod status_bar;
mod toolbar;

pub use app::App;
