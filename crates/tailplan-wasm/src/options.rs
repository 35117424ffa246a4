//! What the JavaScript API takes: option objects, in camelCase as JavaScript writes them.
//!
//! Every field is optional. Values are read as the CLI reads its flags (the same parsers, the
//! same messages); names the API does not know are refused, so that a misspelt option is an
//! error rather than silently ignored. The TypeScript interfaces are generated from these
//! types (see `ts/types.d.ts`).

use schemars::JsonSchema;
use serde::Deserialize;
use tailplan_core::{IotTech, WifiBand};

/// How to read GeoJSON coordinates (the CLI's `--crs`).
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)] // only its schema is used: the value is parsed as the CLI parses it
enum CrsName {
    /// Decide from the file.
    Auto,
    /// Planar metres, x east, y north.
    Planar,
    /// WGS84 longitude, latitude in degrees.
    Wgs84,
}

/// DXF drawing units (the CLI's `--units`).
#[derive(JsonSchema)]
#[allow(dead_code)] // only its schema is used
enum UnitsName {
    #[serde(rename = "mm")]
    Mm,
    #[serde(rename = "cm")]
    Cm,
    #[serde(rename = "m")]
    M,
    #[serde(rename = "in")]
    In,
    #[serde(rename = "ft")]
    Ft,
}

/// What a sheet shows (the CLI's `--kind`).
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)] // only its schema is used
enum SheetKindName {
    /// Trays, cable routes, endpoints with their cable ids, findings, schedule, bill of
    /// materials.
    Cabling,
    /// The coverage heatmap, the transmitters, coverage per room.
    Coverage,
    /// Per building, not per floor: the riser diagrams of the campus and each building, then
    /// every distributor's rack and port map.
    Riser,
    /// The whole project's, not a floor's: the built-in scenarios compared (not in a set).
    Scenarios,
}

/// An ISO 216 paper size, landscape (the CLI's `--paper`).
#[derive(JsonSchema)]
#[allow(dead_code)] // only its schema is used
enum PaperName {
    A4,
    A3,
    A2,
    A1,
    A0,
}

/// `Project.fromGeoJSON` options.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GeoJsonOptions {
    /// The file's name, for messages and the import report (default `input`).
    #[serde(default)]
    pub name: Option<String>,
    /// How to read the coordinates: `auto` (default), `planar` or `wgs84`.
    #[serde(default)]
    #[schemars(with = "Option<CrsName>")]
    pub crs: Option<String>,
}

/// `Project.importFile` options: the CLI's `tailplan import` flags.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImportOptions {
    /// The floor a DXF, SVG or image goes on (default `0`; a number n sits at n × 3.5 m).
    #[serde(default)]
    pub floor: Option<String>,
    /// DXF units, overriding `$INSUNITS`.
    #[serde(default)]
    #[schemars(with = "Option<UnitsName>")]
    pub units: Option<String>,
    /// The scale of an SVG or an image (required for SVG): metres per drawing unit or pixel.
    #[serde(default)]
    pub scale: Option<f64>,
    /// The scale from two points of the drawing (pixels for an image, y down) and their
    /// distance in metres: `[x1, y1, x2, y2, distance]`.
    #[serde(default)]
    pub scale_points: Option<[f64; 5]>,
    /// Layer roles before the defaults: `"PATTERN=ROLE,..."` with `*` and `?` globs; a role
    /// is a material (`drywall`, `concrete`...), `door`, `window`, `room`, `label` or
    /// `ignore`.
    #[serde(default)]
    pub layers: Option<String>,
    /// How to read GeoJSON coordinates: `auto` (default), `planar` or `wgs84`.
    #[serde(default)]
    #[schemars(with = "Option<CrsName>")]
    pub crs: Option<String>,
    /// Import hidden layers too (Inkscape hidden layers, DXF layers turned off).
    #[serde(default)]
    pub include_hidden: Option<bool>,
    /// Keep the drawing's lines (or the scan) as the floor's underlay (default true).
    #[serde(default)]
    pub keep_underlay: Option<bool>,
    /// Rotation of an image underlay, degrees anticlockwise.
    #[serde(default)]
    pub rotation_deg: Option<f64>,
    /// The storeys of an IFC model to import, by name (default: every storey that holds a
    /// wall).
    #[serde(default)]
    pub storeys: Option<Vec<String>>,
    /// The largest file read, in MB (default: 64 for DXF, SVG, IMDF and images, 256 for
    /// GeoJSON).
    #[serde(default)]
    pub max_file_mb: Option<u64>,
    /// The most entities a drawing may have once its block references are expanded
    /// (default 2,000,000).
    #[serde(default)]
    pub max_entities: Option<usize>,
    /// The most points a drawing may have, curves flattened and blocks expanded (default
    /// 5,000,000).
    #[serde(default)]
    pub max_points: Option<usize>,
    /// How deep DXF block references and SVG elements may nest (default 32).
    #[serde(default)]
    pub max_nesting: Option<usize>,
}

/// `project.coverage` options: the CLI's `tailplan coverage` flags.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CoverageOptions {
    /// The floor's id (needed when the project has several floors).
    #[serde(default)]
    pub floor: Option<String>,
    /// The Wi-Fi band (default: the band of most of the floor's access points).
    #[serde(default)]
    #[schemars(with = "Option<WifiBand>")]
    pub band: Option<String>,
    /// An IoT technology's gateways instead of a Wi-Fi band.
    #[serde(default)]
    #[schemars(with = "Option<IotTech>")]
    pub tech: Option<String>,
    /// Cell side in metres (default: the project's setting, 0.5).
    #[serde(default)]
    pub cell_m: Option<f64>,
    /// The grid-cell limit: a map of more cells is refused (default 8,000,000).
    #[serde(default)]
    pub max_grid_cells: Option<usize>,
}

/// `project.sheet` and `project.sheets` options: the CLI's `tailplan sheet` flags for one
/// floor.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SheetOptions {
    /// The floor's id (needed when the project has several floors).
    #[serde(default)]
    pub floor: Option<String>,
    /// What the sheet shows (default `cabling`).
    #[serde(default)]
    #[schemars(with = "Option<SheetKindName>")]
    pub kind: Option<String>,
    /// Paper size, landscape (default: A3 if the floor fits it at 1:100, else A1).
    #[serde(default)]
    #[schemars(with = "Option<PaperName>")]
    pub paper: Option<String>,
    /// Scale, `"1:100"` or `"100"` (default: the largest of 1:50, 1:100, 1:200, 1:500 at
    /// which the floor fits).
    #[serde(default)]
    pub scale: Option<String>,
    /// The date in the title block, `YYYY-MM-DD` (default: today, UTC).
    #[serde(default)]
    pub date: Option<String>,
    /// With kind `scenarios`: the scenario file (its text or the object, as
    /// `project.scenarios` takes it); without it the built-in scenarios.
    #[serde(default)]
    #[schemars(with = "Option<ScenarioFileText>")]
    pub scenarios: Option<serde_json::Value>,
    /// With kind `scenarios`: the share of the year the tail is powered, 0 to 1 (default 1).
    #[serde(default)]
    pub duty_cycle: Option<f64>,
    /// With kind `scenarios`: what one gateway draws, watts (default 5).
    #[serde(default)]
    pub gateway_w: Option<f64>,
    /// With kind `scenarios`: the share of a switch's PoE that reaches the devices, 0 to 1
    /// (default 0.85).
    #[serde(default)]
    pub poe_efficiency: Option<f64>,
}

/// `project.sheetSet` options: the CLI's `tailplan sheet --all` flags.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SheetSetOptions {
    /// The kinds of sheet drawn for every floor (default both, cabling first).
    #[serde(default)]
    #[schemars(with = "Option<Vec<SheetKindName>>")]
    pub kinds: Option<Vec<String>>,
    /// Paper size, landscape, for every sheet (default: the largest any floor needs).
    #[serde(default)]
    #[schemars(with = "Option<PaperName>")]
    pub paper: Option<String>,
    /// Scale, `"1:100"` or `"100"` (default: chosen to fit).
    #[serde(default)]
    pub scale: Option<String>,
    /// The date in the title blocks, `YYYY-MM-DD` (default: today, UTC).
    #[serde(default)]
    pub date: Option<String>,
}

/// `project.placeAps` options: the CLI's `tailplan place-aps` flags.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlaceApsOptions {
    /// The floor's id (needed when the project has several floors).
    #[serde(default)]
    pub floor: Option<String>,
    /// The Wi-Fi band (default `5`).
    #[serde(default)]
    #[schemars(with = "Option<WifiBand>")]
    pub band: Option<String>,
    /// The RSSI every covered cell needs, dBm (default −67).
    #[serde(default)]
    pub target_dbm: Option<f64>,
    /// Percent of the room area that must reach the target (default 95).
    #[serde(default)]
    pub coverage_percent: Option<f64>,
    /// Also want two access points at the target (secondary coverage).
    #[serde(default)]
    pub secondary: Option<bool>,
    /// Percent of the room area that must hear two, with `secondary` (default 85).
    #[serde(default)]
    pub secondary_percent: Option<f64>,
    /// EIRP of the proposed access points, dBm (default 20).
    #[serde(default)]
    pub tx_dbm: Option<f64>,
    /// Mounting height, metres (default: the floor's ceiling).
    #[serde(default)]
    pub height_m: Option<f64>,
    /// Distance between candidate positions, metres (default 2).
    #[serde(default)]
    pub spacing_m: Option<f64>,
    /// Cell side of the grid the target is checked on, metres (default 1).
    #[serde(default)]
    pub cell_m: Option<f64>,
    /// The grid-cell limit (default 8,000,000).
    #[serde(default)]
    pub max_grid_cells: Option<usize>,
    /// Keep the floor's access points of the band and count their coverage.
    #[serde(default)]
    pub keep_existing: Option<bool>,
    /// Add access points where a radio would serve more clients than the capacity settings
    /// allow.
    #[serde(default)]
    pub capacity: Option<bool>,
}

/// `project.planChannels` options: the CLI's `tailplan plan-channels` flags.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlanChannelsOptions {
    /// The floor's id (needed when the project has several floors).
    #[serde(default)]
    pub floor: Option<String>,
    /// The Wi-Fi band (default `5`).
    #[serde(default)]
    #[schemars(with = "Option<WifiBand>")]
    pub band: Option<String>,
    /// One channel width for every radio, MHz (default: each radio's own).
    #[serde(default)]
    pub width_mhz: Option<u32>,
    /// The channels to use (default: every channel the project's regulatory domain allows).
    #[serde(default)]
    pub channels: Option<Vec<u32>>,
    /// Leave out DFS channels.
    #[serde(default)]
    pub avoid_dfs: Option<bool>,
    /// Make the plan the project's, as one undoable edit (default: a proposal only).
    #[serde(default)]
    pub apply: Option<bool>,
}

/// `project.capacity` options: the CLI's `tailplan capacity` flags.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CapacityOptions {
    /// One floor's id (default: every floor).
    #[serde(default)]
    pub floor: Option<String>,
    /// Cell side, metres (default: the project's setting).
    #[serde(default)]
    pub cell_m: Option<f64>,
    /// The grid-cell limit (default 8,000,000).
    #[serde(default)]
    pub max_grid_cells: Option<usize>,
}

/// `project.calibrate` options: the CLI's `tailplan calibrate` flags.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CalibrateOptions {
    /// What to fit, comma-separated: `offsets`, `exponent`, `walls`, or `all` (the default).
    #[serde(default)]
    pub fit: Option<String>,
    /// Folds of the cross-validation, 2 to 20 (default 5).
    #[serde(default)]
    pub folds: Option<usize>,
    /// How many rows a wall's library loss counts as (default 20; 0: none).
    #[serde(default)]
    pub wall_prior_rows: Option<f64>,
}

/// `project.placeGateways` options: the CLI's `tailplan place-gateways` flags.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlaceGatewaysOptions {
    /// The floor's id (needed when the project has several floors).
    #[serde(default)]
    pub floor: Option<String>,
    /// The technology (default: every technology the floor's devices use).
    #[serde(default)]
    #[schemars(with = "Option<IotTech>")]
    pub tech: Option<String>,
    /// The link margin each device needs over the sensitivity, dB (default 10).
    #[serde(default)]
    pub margin_db: Option<f64>,
    /// EIRP of the proposed gateways, dBm (default: the technology's).
    #[serde(default)]
    pub tx_dbm: Option<f64>,
    /// Mounting height, metres (default: the floor's ceiling).
    #[serde(default)]
    pub height_m: Option<f64>,
    /// Distance between candidate positions, metres (default 2).
    #[serde(default)]
    pub spacing_m: Option<f64>,
    /// Keep the floor's gateways of the technology and count what they reach.
    #[serde(default)]
    pub keep_existing: Option<bool>,
}

/// A scenario file as `project.scenarios` takes it: its JSON text, or the object.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)] // only its schema is used: the value is read as `--scenarios` reads a file
enum ScenarioFileText {
    /// The file's text.
    Text(String),
    /// The file as an object.
    File(tailplan_core::scenario::ScenarioFile),
}

/// `project.scenarios` options: the CLI's `tailplan scenarios` flags.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScenariosOptions {
    /// The scenario file (its text or the object, as `--scenarios` reads it; see
    /// docs/scenarios.md); without it the built-in scenarios.
    #[serde(default)]
    #[schemars(with = "Option<ScenarioFileText>")]
    pub scenarios: Option<serde_json::Value>,
    /// The share of the year the tail is powered, 0 to 1 (default 1).
    #[serde(default)]
    pub duty_cycle: Option<f64>,
    /// What one gateway draws, watts (default 5).
    #[serde(default)]
    pub gateway_w: Option<f64>,
    /// The share of a switch's PoE that reaches the devices, 0 to 1 (default 0.85).
    #[serde(default)]
    pub poe_efficiency: Option<f64>,
}
