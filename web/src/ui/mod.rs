//! The Yew components. They render state and dispatch [`crate::state::Action`]s; every
//! decision lives in the plain modules of the crate.

mod app;
mod banner;
mod legend;
mod plan;
mod status_bar;
mod toolbar;

pub use app::App;
