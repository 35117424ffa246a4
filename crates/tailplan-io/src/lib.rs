//! # tailplan-io
//!
//! tailplan's file formats, at the edge of the pure core: every importer turns a file into the
//! same [`tailplan_core::Project`], every exporter is a function of one.
//!
//! - [`geojson`]: the GeoJSON interchange contract, both ways (planar metres or WGS84);
//! - [`csv`]: the cable schedule, bill of materials and routing reports as CSV tables.
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

pub mod csv;
pub mod geojson;
