//! The Yew components. They render state and dispatch [`crate::state::Action`]s; every
//! decision lives in the plain modules of the crate.

mod app;
mod banner;
mod cabling_panel;
mod coverage_panel;
mod dialogs;
mod icons;
mod import_dialog;
mod legend;
mod palette;
mod plan;
mod properties;
mod side;
mod status_bar;
mod toolbar;

pub use app::App;
