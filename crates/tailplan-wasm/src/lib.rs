//! # tailplan-wasm
//!
//! tailplan as a library for other applications: a web BIM or CAD viewer, a facility-management
//! portal or a Node script adds tailplan's cabling and coverage design to itself without the
//! editor. Built with wasm-pack into the npm package `tailplan` (`web`, `bundler` and `nodejs`
//! builds; see `README.md` beside this crate), whose one class, `Project`, opens or imports a
//! project, changes it through undoable edits, and computes coverage heatmaps, cable routing
//! and design sheets with the same core as the CLI and the editor.
//!
//! This crate is the only place where the plugin meets wasm-bindgen, and it is thin:
//! [`session::Session`] is the whole API in plain Rust (and what the native tests drive);
//! the class here converts its arguments and results between JavaScript and Rust.
//!
//! - Plain data crosses as JSON values (`JSON.stringify` in, `JSON.parse` out), in the shape of
//!   the project file and of the CLI's `--json` outputs; a coverage grid crosses as a
//!   `Float32Array`.
//! - Every fallible method throws a JavaScript `Error` whose message is the CLI's for the same
//!   input. Nothing here panics on any input: no `unwrap`, `expect` or indexing that can fail
//!   (the lints below hold it), so no Rust panic reaches JavaScript as a trap.
//! - The TypeScript types of every argument and result are generated from the Rust types
//!   through their JSON Schemas (`schemars`) into `ts/types.d.ts`, which a test keeps current
//!   and wasm-bindgen puts in the package's `.d.ts`: the public API has no `any`.
//!
//! # Examples
//!
//! The session, as the JavaScript class drives it:
//!
//! ```
//! use tailplan_wasm::options::CoverageOptions;
//! use tailplan_wasm::session::Session;
//!
//! let geojson = r#"{"type": "FeatureCollection", "features": [
//!   {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 0], [20, 0]]},
//!    "properties": {"kind": "wall", "material": "concrete"}},
//!   {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 10], [20, 10]]},
//!    "properties": {"kind": "wall"}},
//!   {"type": "Feature", "geometry": {"type": "Point", "coordinates": [10, 5]},
//!    "properties": {"kind": "ap", "name": "AP-1", "channel": 36}}]}"#;
//! let mut session = Session::from_geojson(geojson, &Default::default())?;
//!
//! // Move the access point: an undoable edit, as JSON.
//! session.apply_json(r#"{"edit": "replace_element", "element": {"element": "access_point",
//!     "id": "ap-1", "name": "AP-1", "position": [4, 5], "band": "5", "channel": 36,
//!     "tx_dbm": 20, "height_m": 2.5}}"#)?;
//! let map = session.coverage(&CoverageOptions::default())?;
//! assert_eq!((map.cols, map.rows), (40, 20));
//! assert_eq!(map.best_rssi_dbm.len(), 800);
//!
//! assert!(session.undo());
//! assert_eq!(session.project().floors[0].access_points[0].position.x, 10.0);
//!
//! let err = session.coverage(&CoverageOptions { floor: Some("9".into()), ..Default::default() });
//! assert_eq!(err.unwrap_err(), "input: floor 9: no such floor (floors: 0)");
//! # Ok::<(), String>(())
//! ```

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::todo,
        clippy::unimplemented,
        clippy::unreachable
    )
)]

pub mod options;
pub mod results;
pub mod session;
#[cfg(test)]
mod typescript;

use js_sys::{Float32Array, JSON, Reflect};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::session::{DEFAULT_NAME, Session};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("../ts/types.d.ts");

#[wasm_bindgen]
extern "C" {
    /// The options of `Project.fromGeoJSON` (TypeScript `GeoJsonOptions`).
    #[wasm_bindgen(typescript_type = "GeoJsonOptions")]
    pub type GeoJsonOptionsJs;
    /// The options of `Project.importFile` (TypeScript `ImportOptions`).
    #[wasm_bindgen(typescript_type = "ImportOptions")]
    pub type ImportOptionsJs;
    /// The options of `project.coverage` (TypeScript `CoverageOptions`).
    #[wasm_bindgen(typescript_type = "CoverageOptions")]
    pub type CoverageOptionsJs;
    /// The options of `project.sheet` and `project.sheets` (TypeScript `SheetOptions`).
    #[wasm_bindgen(typescript_type = "SheetOptions")]
    pub type SheetOptionsJs;
    /// The options of `project.sheetSet` (TypeScript `SheetSetOptions`).
    #[wasm_bindgen(typescript_type = "SheetSetOptions")]
    pub type SheetSetOptionsJs;
    /// The options of `project.capacity` (TypeScript `CapacityOptions`).
    #[wasm_bindgen(typescript_type = "CapacityOptions")]
    pub type CapacityOptionsJs;
    /// The options of `project.calibrate` (TypeScript `CalibrateOptions`).
    #[wasm_bindgen(typescript_type = "CalibrateOptions")]
    pub type CalibrateOptionsJs;
    /// The options of `project.planChannels` (TypeScript `PlanChannelsOptions`).
    #[wasm_bindgen(typescript_type = "PlanChannelsOptions")]
    pub type PlanChannelsOptionsJs;

    /// The options of `project.placeAps` (TypeScript `PlaceApsOptions`).
    #[wasm_bindgen(typescript_type = "PlaceApsOptions")]
    pub type PlaceApsOptionsJs;
    /// The options of `project.placeGateways` (TypeScript `PlaceGatewaysOptions`).
    #[wasm_bindgen(typescript_type = "PlaceGatewaysOptions")]
    pub type PlaceGatewaysOptionsJs;
    /// The options of `project.scenarios` (TypeScript `ScenariosOptions`).
    #[wasm_bindgen(typescript_type = "ScenariosOptions")]
    pub type ScenariosOptionsJs;
}

/// A tailplan project: a building's floors, walls, rooms, equipment and pathways, with its
/// undo history and coverage cache.
///
/// Open one with `Project.fromJSON`, `Project.fromGeoJSON` or `Project.importFile` (or start
/// an empty one with `new Project()`); change it with `apply(edit)`, `undo()` and `redo()`;
/// compute with `coverage()`, `route()` and `sheet()`. Call `free()` (or `using`) when done:
/// the project lives in WebAssembly memory.
#[wasm_bindgen]
pub struct Project {
    session: Session,
}

/// The built-in catalogue of access point models an access point may name (`model`), each
/// with its radios and PoE draw (`tailplan ap-models --json`).
#[wasm_bindgen(js_name = apModels, unchecked_return_type = "ApModel[]")]
pub fn ap_models() -> Result<JsValue, JsError> {
    to_js(tailplan_app::info::ap_models())
}

/// The package's version (the crate's).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value)
        .map_err(|e| JsError::new(&format!("internal error: a result does not serialise: {e}")))?;
    JSON::parse(&text).map_err(|_| JsError::new("internal error: JSON.parse refused a result"))
}

/// A JavaScript value as JSON text; `None` for `undefined` and `null`.
fn json_text(what: &str, value: &JsValue) -> Result<Option<String>, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let text = JSON::stringify(value).map_err(|e| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default();
        JsError::new(&format!("{what}: not plain data: {why}"))
    })?;
    Ok(text.as_string())
}

/// Options: `undefined` and `null` are the defaults.
fn read_options<T: DeserializeOwned + Default>(what: &str, value: &JsValue) -> Result<T, JsError> {
    match json_text(what, value)? {
        Some(text) => session::parse_json(what, &text).map_err(|e| JsError::new(&e)),
        None => Ok(T::default()),
    }
}

fn fail(message: String) -> JsError {
    JsError::new(&message)
}

/// Today's date in UTC, from the JavaScript clock: the default date of sheets.
fn today() -> tailplan_app::SheetDate {
    let ms = js_sys::Date::now();
    tailplan_app::SheetDate::from_unix_seconds((ms / 1000.0).floor() as i64)
}

#[wasm_bindgen]
impl Project {
    /// An empty project with the default settings and material library.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)] // a JavaScript constructor
    pub fn new() -> Project {
        Project {
            session: Session::default(),
        }
    }

    /// Opens a project file: its text, or the object `toJSON()` returns. `name` is the file
    /// name errors give (default `input`). Throws what the CLI says about the same file.
    #[wasm_bindgen(js_name = fromJSON)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | ProjectFileInput")] json: JsValue,
        name: Option<String>,
    ) -> Result<Project, JsError> {
        let name = name.as_deref().unwrap_or(DEFAULT_NAME);
        let text = match json.as_string() {
            Some(text) => text,
            None => json_text(name, &json)?
                .ok_or_else(|| JsError::new(&format!("{name}: no project file given")))?,
        };
        Ok(Project {
            session: Session::from_json(&text, name).map_err(fail)?,
        })
    }

    /// Imports a GeoJSON FeatureCollection (tailplan's interchange contract; planar metres,
    /// or WGS84 projected to local metres).
    #[wasm_bindgen(js_name = fromGeoJSON)]
    pub fn from_geojson(text: &str, options: Option<GeoJsonOptionsJs>) -> Result<Project, JsError> {
        let options = read_options::<crate::options::GeoJsonOptions>(
            "GeoJSON options",
            &options.map_or(JsValue::UNDEFINED, JsValue::from),
        )?;
        Ok(Project {
            session: Session::from_geojson(text, &options).map_err(fail)?,
        })
    }

    /// Opens a file's bytes, the format told from the content: a tailplan project file, or a
    /// plan `tailplan import` reads (GeoJSON, an IMDF zip, DXF, SVG, PNG or JPEG). `name` is
    /// the file's name, for messages and the import report.
    #[wasm_bindgen(js_name = importFile)]
    pub fn import_file(
        name: &str,
        bytes: &[u8],
        options: Option<ImportOptionsJs>,
    ) -> Result<Project, JsError> {
        let options = read_options::<crate::options::ImportOptions>(
            "import options",
            &options.map_or(JsValue::UNDEFINED, JsValue::from),
        )?;
        Ok(Project {
            session: Session::import_file(name, bytes, &options).map_err(fail)?,
        })
    }

    /// The project file as an object (so `JSON.stringify(project)` writes a project file).
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "ProjectFile")]
    pub fn to_json(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.to_value())
    }

    /// The project file's text, readable and diffable, as the CLI and the editor write it.
    #[wasm_bindgen(js_name = toJSONText)]
    pub fn to_json_text(&self) -> String {
        self.session.to_json_text()
    }

    /// The project as GeoJSON text (`tailplan export --geojson`).
    #[wasm_bindgen(js_name = toGeoJSON)]
    pub fn to_geojson(&self) -> String {
        self.session.to_geojson()
    }

    /// Floors, element counts and extents, import reports: `tailplan info --json`.
    #[wasm_bindgen(unchecked_return_type = "ProjectInfo")]
    pub fn info(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.info())
    }

    /// What opening or importing the project noticed: warnings and notes.
    #[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
    pub fn warnings(&self) -> Result<JsValue, JsError> {
        to_js(self.session.warnings())
    }

    /// The project's problems as it is now (impossible values, dangling references).
    #[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
    pub fn validate(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.validate())
    }

    /// The ids of the floors, in the project's order.
    #[wasm_bindgen(js_name = floorIds)]
    pub fn floor_ids(&self) -> Vec<String> {
        self.session
            .project()
            .floors
            .iter()
            .map(|f| f.id.clone())
            .collect()
    }

    /// One floor with everything on it, as in the project file.
    #[wasm_bindgen(unchecked_return_type = "Floor")]
    pub fn floor(&self, id: &str) -> Result<JsValue, JsError> {
        to_js(self.session.floor(id).map_err(fail)?)
    }

    /// An element id `PREFIX-n` no element has yet (for an `add_element` edit).
    #[wasm_bindgen(js_name = newId)]
    pub fn new_id(&self, prefix: &str) -> String {
        self.session.new_id(prefix)
    }

    /// Applies an edit (`{edit: "add_element", floor, element}`, `replace_element`,
    /// `remove_element`, `batch`...), validated as the editor validates it, and records it
    /// for `undo()`. Throws, changing nothing, when the edit is refused.
    pub fn apply(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Edit")] edit: JsValue,
    ) -> Result<(), JsError> {
        let text = json_text("edit", &edit)?
            .ok_or_else(|| JsError::new("edit: expected an edit object"))?;
        self.session.apply_json(&text).map_err(fail)
    }

    /// Undoes the last edit; false when there was nothing to undo.
    pub fn undo(&mut self) -> bool {
        self.session.undo()
    }

    /// Redoes the last undone edit; false when there was nothing to redo.
    pub fn redo(&mut self) -> bool {
        self.session.redo()
    }

    /// True when there is an edit to undo.
    #[wasm_bindgen(getter = canUndo)]
    pub fn can_undo(&self) -> bool {
        self.session.can_undo()
    }

    /// True when there is an edit to redo.
    #[wasm_bindgen(getter = canRedo)]
    pub fn can_redo(&self) -> bool {
        self.session.can_redo()
    }

    /// A floor's best-server heatmap (`best_rssi_dbm`, a `Float32Array`, row-major from
    /// the south-west) and its statistics: `tailplan coverage`. Fields are cached, so after
    /// an edit only what it touched is computed again.
    #[wasm_bindgen(unchecked_return_type = "CoverageResult")]
    pub fn coverage(&mut self, options: Option<CoverageOptionsJs>) -> Result<JsValue, JsError> {
        let options = read_options::<crate::options::CoverageOptions>(
            "coverage options",
            &options.map_or(JsValue::UNDEFINED, JsValue::from),
        )?;
        let mut map = self.session.coverage(&options).map_err(fail)?;
        // The values cross as a typed array, not as JSON numbers.
        let values = std::mem::take(&mut map.best_rssi_dbm);
        let out = to_js(&map)?;
        let grid = Float32Array::from(values.as_slice());
        Reflect::set(&out, &JsValue::from_str("best_rssi_dbm"), &grid)
            .map_err(|_| JsError::new("internal error: cannot set the grid"))?;
        Ok(out)
    }

    /// Proposes access point positions and channels reaching a coverage target (`tailplan
    /// place-aps --out`, unrounded): a proposal to show or to add with `apply`, not an edit.
    #[wasm_bindgen(js_name = placeAps, unchecked_return_type = "ApPlacement")]
    pub fn place_aps(&self, options: Option<PlaceApsOptionsJs>) -> Result<JsValue, JsError> {
        let options = read_options::<crate::options::PlaceApsOptions>(
            "placement options",
            &options.map_or(JsValue::UNDEFINED, JsValue::from),
        )?;
        to_js(&self.session.place_aps(&options).map_err(fail)?)
    }

    /// Adds an antenna pattern file (MSI / Planet: `.msi`, `.ant`, `.pln`, `.txt`) to the
    /// project's antenna library under its `NAME`, as one undoable edit (`tailplan antenna
    /// add`); returns what it read and decided.
    #[wasm_bindgen(js_name = addAntenna, unchecked_return_type = "AntennaAdded")]
    pub fn add_antenna(&mut self, name: &str, bytes: &[u8]) -> Result<JsValue, JsError> {
        to_js(&self.session.add_antenna(name, bytes).map_err(fail)?)
    }

    /// Keeps a site survey file (CSV: `x`, `y`, `ap` or `bssid`, `rssi_dbm`; optional
    /// `floor`, `band`, `time`) in the project under its name, as one undoable edit, replacing
    /// one of the same name; returns what it read (rows, rows that are no measurement, notes).
    #[wasm_bindgen(js_name = addSurvey, unchecked_return_type = "SurveyAdded")]
    pub fn add_survey(&mut self, name: &str, bytes: &[u8]) -> Result<JsValue, JsError> {
        to_js(&self.session.add_survey(name, bytes).map_err(fail)?)
    }

    /// The radio model's predictions against the project's surveys (`tailplan accuracy
    /// --json`, unrounded): `points`, `mean_error_db`, `mae_db`, `rmse_db`, `std_db`, per
    /// access point and room, the worst rows.
    #[wasm_bindgen(unchecked_return_type = "AccuracyResult")]
    pub fn accuracy(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.accuracy().map_err(fail)?)
    }

    /// Fits the radio model to the project's surveys (access point offsets, path-loss
    /// exponent, wall losses; cross-validated) and makes it the project's as one undoable
    /// edit (`tailplan calibrate --json`, unrounded); returns before, after, held-out and
    /// what moved.
    #[wasm_bindgen(unchecked_return_type = "CalibrationResult")]
    pub fn calibrate(&mut self, options: Option<CalibrateOptionsJs>) -> Result<JsValue, JsError> {
        let options = read_options::<crate::options::CalibrateOptions>(
            "calibration options",
            &options.map_or(JsValue::UNDEFINED, JsValue::from),
        )?;
        to_js(&self.session.calibrate(&options).map_err(fail)?)
    }

    /// Takes the calibration away (exponent, materials and offsets as before the first), as
    /// one undoable edit (`tailplan calibrate --reset`).
    #[wasm_bindgen(js_name = resetCalibration)]
    pub fn reset_calibration(&mut self) -> Result<(), JsError> {
        self.session.reset_calibration().map_err(fail)
    }

    /// Plans a floor's channels on one band, overlapping least with the radios each access
    /// point hears (`tailplan plan-channels --json`, unrounded); with `apply: true` the plan
    /// becomes the project's as one undoable edit.
    #[wasm_bindgen(js_name = planChannels, unchecked_return_type = "ChannelPlan")]
    pub fn plan_channels(
        &mut self,
        options: Option<PlanChannelsOptionsJs>,
    ) -> Result<JsValue, JsError> {
        let options = read_options::<crate::options::PlanChannelsOptions>(
            "channel plan options",
            &options.map_or(JsValue::UNDEFINED, JsValue::from),
        )?;
        to_js(&self.session.plan_channels(&options).map_err(fail)?)
    }

    /// Wi-Fi clients and airtime per radio, from the rooms' occupancy and the project's client
    /// mix, on one floor or every floor (`tailplan capacity --json`, unrounded); radios over
    /// a limit are findings.
    #[wasm_bindgen(unchecked_return_type = "CapacityResult")]
    pub fn capacity(&mut self, options: Option<CapacityOptionsJs>) -> Result<JsValue, JsError> {
        let options = read_options::<crate::options::CapacityOptions>(
            "capacity options",
            &options.map_or(JsValue::UNDEFINED, JsValue::from),
        )?;
        to_js(&self.session.capacity(&options).map_err(fail)?)
    }

    /// Proposes gateway positions reaching every IoT device with a margin, one proposal per
    /// technology (`tailplan place-gateways --out`, unrounded).
    #[wasm_bindgen(js_name = placeGateways, unchecked_return_type = "GatewayPlacements")]
    pub fn place_gateways(
        &self,
        options: Option<PlaceGatewaysOptionsJs>,
    ) -> Result<JsValue, JsError> {
        let options = read_options::<crate::options::PlaceGatewaysOptions>(
            "placement options",
            &options.map_or(JsValue::UNDEFINED, JsValue::from),
        )?;
        to_js(&self.session.place_gateways(&options).map_err(fail)?)
    }

    /// Routes every cable to a telecom room: the schedule, the bill of materials, the
    /// design-rule findings, the final-tail choice (`tailplan route --json`).
    #[wasm_bindgen(unchecked_return_type = "RouteResult")]
    pub fn route(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.route())
    }

    /// Scenarios of the final tail compared side by side (`tailplan scenarios --json`,
    /// unrounded): each applied, routed and checked as `route()` does, with its ports,
    /// metres, unserved endpoints, switches, PoE, gateways (those proposed included), capital
    /// cost and energy, per building and distributor; the development plan when the scenario
    /// file has phases. `options.scenarios` is the scenario file (text or object); without
    /// it the built-in scenarios.
    #[wasm_bindgen(unchecked_return_type = "ScenariosResult")]
    pub fn scenarios(&self, options: Option<ScenariosOptionsJs>) -> Result<JsValue, JsError> {
        let options = read_options::<crate::options::ScenariosOptions>(
            "scenarios options",
            &options.map_or(JsValue::UNDEFINED, JsValue::from),
        )?;
        to_js(&self.session.scenarios(&options).map_err(fail)?)
    }

    /// The design-rule report: every finding, with the counts of errors and warnings
    /// (`tailplan check --json`; the design fails when `errors` is not 0).
    #[wasm_bindgen(unchecked_return_type = "CheckResult")]
    pub fn check(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.check())
    }

    /// A table of the routing as CSV, the bytes `tailplan route` writes: `schedule`,
    /// `bill_of_materials`, `tray_fill`, `rooms`, `findings` or `final_tail`.
    pub fn csv(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CsvTable")] table: &str,
    ) -> Result<String, JsError> {
        self.session.csv(table).map_err(fail)
    }

    /// A new project: this one with every automatic cable added as a cable route marked
    /// `"routing": "auto"` (`tailplan route -o`), to draw or save.
    #[wasm_bindgen(js_name = routedProject)]
    pub fn routed_project(&self) -> Project {
        Project {
            session: self.session.routed(),
        }
    }

    /// A floor's design sheet as an SVG document (`tailplan sheet`): the first sheet; when
    /// its tables do not fit, `sheets()` also gives the continuation sheets.
    pub fn sheet(&self, options: Option<SheetOptionsJs>) -> Result<String, JsError> {
        let options = read_options::<crate::options::SheetOptions>(
            "sheet options",
            &options.map_or(JsValue::UNDEFINED, JsValue::from),
        )?;
        let sheets = self.session.sheets(&options, today).map_err(fail)?;
        sheets
            .into_iter()
            .next()
            .map(|s| s.svg)
            .ok_or_else(|| JsError::new("internal error: no sheet drawn"))
    }

    /// A floor's design sheet and its continuation sheets (`tailplan sheet`).
    #[wasm_bindgen(unchecked_return_type = "SheetResult[]")]
    pub fn sheets(&self, options: Option<SheetOptionsJs>) -> Result<JsValue, JsError> {
        let options = read_options::<crate::options::SheetOptions>(
            "sheet options",
            &options.map_or(JsValue::UNDEFINED, JsValue::from),
        )?;
        to_js(&self.session.sheets(&options, today).map_err(fail)?)
    }

    /// A floor's sheet and its continuation sheets (or, with `kind: "riser"` or
    /// `"scenarios"`, those sheets) as one PDF, the bytes `tailplan sheet -o OUT.pdf` writes: a
    /// page per sheet at its paper's size, text as text in the bundled font.
    #[wasm_bindgen(js_name = sheetPdf)]
    pub fn sheet_pdf(&self, options: Option<SheetOptionsJs>) -> Result<Vec<u8>, JsError> {
        let options = read_options::<crate::options::SheetOptions>(
            "sheet options",
            &options.map_or(JsValue::UNDEFINED, JsValue::from),
        )?;
        self.session.sheets_pdf(&options, today).map_err(fail)
    }

    /// The sheet set as one PDF, the index sheet first (`tailplan sheet --all -o OUT.pdf`).
    #[wasm_bindgen(js_name = sheetSetPdf)]
    pub fn sheet_set_pdf(&self, options: Option<SheetSetOptionsJs>) -> Result<Vec<u8>, JsError> {
        let options = read_options::<crate::options::SheetSetOptions>(
            "sheet set options",
            &options.map_or(JsValue::UNDEFINED, JsValue::from),
        )?;
        self.session.sheet_set_pdf(&options, today).map_err(fail)
    }

    /// The sheet set: an index sheet, then every floor's sheets (`tailplan sheet --all`).
    #[wasm_bindgen(js_name = sheetSet, unchecked_return_type = "SheetResult[]")]
    pub fn sheet_set(&self, options: Option<SheetSetOptionsJs>) -> Result<JsValue, JsError> {
        let options = read_options::<crate::options::SheetSetOptions>(
            "sheet set options",
            &options.map_or(JsValue::UNDEFINED, JsValue::from),
        )?;
        to_js(&self.session.sheet_set(&options, today).map_err(fail)?)
    }
}
