//! GeoJSON interchange, both ways: how QGIS, scripts and tests talk to tailplan.
//!
//! The contract (also in docs/geojson.md): a FeatureCollection, optionally with a top-level
//! `"tailplan": {"version": 2, ...}` member; `properties.kind` says what a feature is (`wall`,
//! `door`, `window`, `room`, `ap`, `gateway`, `device`, `outlet`, `telecom_room`, `tray`,
//! `riser`, `route`, or `floor` for a floor's name and heights), `properties.floor` which floor
//! it is on (default `"0"`). Coordinates are planar metres, unless the file is WGS84 lon/lat
//! (see [`crs::detect`]); then they are projected to local metres around the centre of their
//! extent and the import says so. Unknown kinds and properties are kept and written back.

use std::collections::BTreeMap;

use tailplan_core::{Diagnostic, ElementKind, Project};
use thiserror::Error;

pub mod crs;
mod read;
mod write;

pub use crs::CrsChoice;
pub use read::{ASSUMED_STOREY_M, DEFAULT_FLOOR, typical_thickness_m};

/// The version of the `tailplan` member this build writes, and the newest it reads. Version 2
/// (with project format 2) writes route ends as ids; GeoJSON without the member or of
/// version 1 gives them by name, and is read name first. Version 3 (with project format 3) may
/// give an access point several `radios`, a `model` and antennas, and the project's antenna
/// patterns in `tailplan.antennas`; a one-radio access point is written as before.
pub const FORMAT_VERSION: u32 = 3;

/// The property of a `telecom_room` drawn as a polygon that places its rack, `[x, y]`, when
/// the rack is not at the polygon's centroid.
pub const RACK_PROPERTY: &str = "rack";

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The file's name, for messages.
    pub source_name: String,
    /// How to read the coordinates.
    pub crs: CrsChoice,
}

/// What an import made.
#[derive(Debug, Clone)]
pub struct Import {
    /// The project.
    pub project: Project,
    /// What was read and what was noticed.
    pub report: ImportReport,
}

/// What an import read, and what it noticed on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportReport {
    /// The file's name.
    pub source: String,
    /// True when the coordinates were WGS84 lon/lat and were projected.
    pub wgs84: bool,
    /// Features read per kind (floor features not counted).
    pub counts: BTreeMap<ElementKind, usize>,
    /// Warnings and notes (errors fail the import instead).
    pub diagnostics: Vec<Diagnostic>,
}

/// Why a GeoJSON file could not be imported. Each names the file.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum GeoJsonError {
    /// The text is not JSON.
    #[error("{file}: line {line}, column {column}: {message}")]
    Syntax {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// JSON, but not a FeatureCollection.
    #[error("{file}: {message}")]
    Structure {
        /// The file.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// Features with impossible or missing values; every problem is listed.
    #[error("{file}: {}", tailplan_core::diagnostics::summarize_errors(.diagnostics))]
    Invalid {
        /// The file.
        file: String,
        /// All diagnostics, errors and warnings.
        diagnostics: Vec<Diagnostic>,
    },
}

/// Reads a GeoJSON FeatureCollection into a new project.
///
/// ```
/// use tailplan_io::geojson::{import, ImportOptions};
/// let text = r#"{"type": "FeatureCollection", "features": [
///   {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 0], [8, 0]]},
///    "properties": {"kind": "wall", "material": "concrete"}},
///   {"type": "Feature", "geometry": {"type": "Point", "coordinates": [4, 3]},
///    "properties": {"kind": "ap", "name": "AP-1", "channel": 36}}]}"#;
/// let done = import(text, &ImportOptions::default())?;
/// let floor = &done.project.floors[0];
/// assert_eq!((floor.id.as_str(), floor.walls.len(), floor.access_points[0].radios[0].tx_dbm), ("0", 1, 20.0));
/// # Ok::<(), tailplan_io::geojson::GeoJsonError>(())
/// ```
pub fn import(text: &str, options: &ImportOptions) -> Result<Import, GeoJsonError> {
    read::import(text, options)
}

/// Writes a project as a GeoJSON FeatureCollection value (planar metres, `tailplan` member).
pub fn export_value(project: &Project) -> serde_json::Value {
    write::export(project)
}

/// Writes a project as GeoJSON text, readable and with coordinates on one line.
pub fn export(project: &Project) -> String {
    tailplan_core::json_text::to_pretty_string(&write::export(project))
}

#[cfg(test)]
mod tests;
