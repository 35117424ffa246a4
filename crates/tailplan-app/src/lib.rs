//! # tailplan-app
//!
//! tailplan's commands, written once for every front end: the `tailplan` CLI, the npm package
//! and the editor's workers turn their input (flags, JavaScript options, worker messages) into
//! a request here and the result into their output (text and files, JavaScript values,
//! messages), and decide nothing else. So the plugin says what the CLI says by construction:
//! the JSON a command prints and the value the npm package returns are the same
//! serialisation of the same result type.
//!
//! Pure like the core: no terminal, no browser, no file system, no clock (a front end reads
//! its own and passes a [`SheetDate`]). It uses `tailplan-io` for the formats.
//!
//! The commands:
//! - opening and importing: [`open::open_text`] (a project file or GeoJSON),
//!   [`open::open_bytes`], [`open::import_plan`] with an [`ImportRequest`];
//! - [`info::info`]: floors, counts, extents, import reports ([`ProjectInfo`]);
//! - [`coverage::coverage`]: a floor's heatmaps and statistics ([`CoverageRequest`] →
//!   [`CoverageResult`]), the band or technology picked by [`pick_service`];
//! - [`capacity::capacity`]: clients and airtime per radio ([`CapacityRequest`] →
//!   [`CapacityResult`]);
//! - [`placement::place_aps`], [`placement::place_gateways`]: proposals;
//! - [`route::route`], [`route::check`]: cables, schedule, bill of materials, findings
//!   ([`RouteResult`], [`CheckResult`], tables as CSV);
//! - [`sheets::floor_sheets`], [`sheets::sheet_set`]: design sheets, with [`sheets::analysis`]
//!   deciding what a set of sheet kinds needs computed;
//! - [`survey::accuracy`], [`survey::calibrate`], [`survey::reset_calibration`]: the radio
//!   model against a site survey ([`AccuracyResult`], [`CalibrationResult`]);
//! - [`export::export`]: a file to download ([`ExportFile`]: name, media type, bytes).
//!
//! And what they share: one [`pick_floor`], one default-service rule ([`pick_service`]), one
//! file-name [`slug`], one date type ([`SheetDate`]), the parsers of typed values
//! ([`parse`]), and typed errors ([`AppError`]) that each front end words with its own names
//! for the parameters ([`Names`]: `--cell` or `cellM`), numbers as a person writes them.
//!
//! # Examples
//!
//! ```
//! use tailplan_app::{AppError, CoverageRequest, Names, Param, coverage, open};
//! use tailplan_core::coverage::CoverageEngine;
//!
//! let geojson = r#"{"type": "FeatureCollection", "features": [
//!   {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 0], [20, 0]]},
//!    "properties": {"kind": "wall", "material": "concrete"}},
//!   {"type": "Feature", "geometry": {"type": "Point", "coordinates": [10, 5]},
//!    "properties": {"kind": "ap", "name": "AP-1", "channel": 36}}]}"#;
//! let opened = open::open_text("plan.geojson", geojson, Default::default())?;
//!
//! let mut engine = CoverageEngine::new();
//! let map = coverage::coverage(&mut engine, "plan.geojson", &opened.project, &CoverageRequest::default())?;
//! let result = map.into_result();
//! assert_eq!(result.band.map(|b| b.as_str()), Some("5"));
//! assert_eq!(result.best_rssi_dbm.len(), result.cols * result.rows);
//!
//! // A front end names its own parameters in the same error.
//! struct Flags;
//! impl Names for Flags {
//!     fn param(&self, p: Param) -> std::borrow::Cow<'static, str> {
//!         format!("--{}", p.field().replace('_', "-")).into()
//!     }
//! }
//! let asked = CoverageRequest { floor: Some("9".into()), ..Default::default() };
//! let e = coverage::coverage(&mut engine, "plan.geojson", &opened.project, &asked).unwrap_err();
//! assert_eq!(e.message(&Flags), "plan.geojson: --floor 9: no such floor (floors: 0)");
//! assert_eq!(e.to_string(), "plan.geojson: floor 9: no such floor (floors: 0)");
//! # Ok::<(), AppError>(())
//! ```

pub mod antenna;
pub mod capacity;
pub mod channels;
pub mod coverage;
pub mod date;
pub mod error;
pub mod export;
pub mod floor;
pub mod info;
pub mod json;
pub mod open;
pub mod parse;
pub mod placement;
pub mod route;
pub mod scenarios;
pub mod sheets;
pub mod survey;

pub use capacity::{CapacityRequest, CapacityResult};
pub use channels::ChannelPlanRequest;
pub use coverage::{Coverage, CoverageRequest, CoverageResult, TransmitterRef};
pub use date::SheetDate;
pub use error::{AppError, FieldNames, Names, Param};
pub use export::{Export, ExportFile};
pub use floor::{pick_floor, pick_service};
pub use info::{ProjectInfo, info};
pub use open::{ImportRequest, Opened};
pub use placement::{ApPlacementRequest, GatewayPlacementRequest, GatewayPlacements};
pub use route::{CheckResult, CsvTable, RouteResult, RouteSummary};
pub use sheets::{
    ScenarioSheet, ScenarioSheetRequest, SheetRequest, SheetResult, SheetSetRequest, Sheets,
};
pub use survey::{AccuracyResult, CalibrationResult};
pub use tailplan_io::file_name::slug;
