//! The panels and the import dialog, each in a folder of its own: its logic in `mod.rs`
//! (plain data and pure functions, tested natively, which the reducer drives) beside its Yew
//! component, which renders that data and dispatches actions.
//!
//! - [`properties`]: the property panel's fields of each kind, an element with one field
//!   set from text;
//! - [`coverage`]: coverage as the editor knows it (the service and metric, the job wanted,
//!   statistics, a placement proposal) and the [`coverage::heatmap`] on the plan;
//! - [`cabling`]: the routing the worker made, written into the project as one edit, its
//!   findings and tables;
//! - [`scenarios`]: the panel's own scenario from the device classes, a scenario file, and
//!   the comparison the files worker made, as a table, bar charts and the plan's years;
//! - [`survey`]: the project's site surveys, the model against them, calibration, the
//!   survey points on the plan;
//! - [`import_dialog`]: the layer table, DXF units and two-point calibration of an import; a
//!   building model's storey table, material mapping and what it left out.

pub mod cabling;
pub mod coverage;
pub mod import_dialog;
pub mod properties;
pub mod scenarios;
pub mod survey;
