//! The plan, pure: everything between a floor of the project and the pixels of the canvas,
//! decided in plain Rust and tested natively; [`crate::browser::canvas`] only replays it.
//!
//! - [`view`]: the view transform (world metres <-> screen pixels), fit, zoom about a point,
//!   the wheel, scale bar lengths;
//! - [`scene`]: a floor prepared once for drawing, turned into the [`display`] list of one
//!   view (culled, batched by style), with labels placed by [`labels`], the [`layers`]
//!   switched on, every look decided by [`style`] in the [`color`]s of the scheme;
//! - [`index`], [`snap`]: a floor's R-trees for the pointer, and where a click lands;
//! - [`elements`]: new elements with the trade's defaults, elements moved by a vector;
//! - [`edit_overlay`]: what editing draws over the plan;
//! - [`status`]: the status bar's texts;
//! - [`raster`]: a floor's scans, for the browser to decode.

pub mod color;
pub mod display;
pub mod edit_overlay;
pub mod elements;
pub mod index;
pub mod labels;
pub mod layers;
pub mod raster;
pub mod scene;
pub mod snap;
pub mod status;
pub mod style;
pub mod view;
