//! The Yew components. They render state and dispatch [`crate::state::Action`]s; every
//! decision lives in the plain modules of the crate.

mod app;
mod banner;
mod dialogs;
mod icons;
mod legend;
mod palette;
mod plan;
mod properties;
mod status_bar;
mod toolbar;

pub use app::App;
