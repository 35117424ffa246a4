//! # tailplan-io
//!
//! tailplan's file formats, at the edge of the pure core: every importer turns a file into the
//! same [`tailplan_core::Project`], every exporter is a function of one.
//!
//! - [`import`]: the one entry point of every importer, [`import::import_file`], which tells
//!   the format from the content and returns the project and its import report;
//! - [`geojson`]: the GeoJSON interchange contract, both ways (planar metres or WGS84);
//! - [`imdf`]: Apple IMDF archives (levels, units, openings in WGS84);
//! - [`dxf`], [`svg`]: CAD drawings, their layers mapped by [`layers`] and their two-face
//!   walls cleaned up into centrelines;
//! - [`raster`]: scanned plans (PNG, JPEG) as a floor's underlay;
//! - [`antenna`]: antenna pattern files (MSI / Planet) read into the core's
//!   `AntennaPattern`, with notes on what was decided, and written back;
//! - [`survey`]: site survey files (measured signal strengths, CSV) read into the core's
//!   `Survey`;
//! - [`csv`]: the cable schedule, bill of materials and routing reports as CSV tables;
//! - [`sheet`]: SVG design sheets (cabling and coverage per floor, an index) to print and
//!   build from;
//! - [`file_name`]: the one way a floor id becomes part of a file name.
//!
//! # Examples
//!
//! ```
//! use tailplan_io::geojson;
//! let project = tailplan_core::Project::new();
//! let text = geojson::export(&project);
//! let back = geojson::import(&text, &Default::default())?.project;
//! assert_eq!(back, project);
//! # Ok::<(), geojson::GeoJsonError>(())
//! ```

pub mod antenna;
mod cad_geojson;
pub mod csv;
mod drawing;
pub mod dxf;
pub mod file_name;
pub mod geojson;
mod ifc;
pub mod imdf;
pub mod import;
pub mod layers;
pub mod raster;
pub mod sheet;
mod stairs;
pub mod survey;
pub mod svg;
