//! The one entry point every importer is reached through: [`import_file`] takes a file's name
//! and bytes (the CLI reads them; the editor and the npm package get them from the browser),
//! tells the format from the content, and returns a [`tailplan_core::Project`] with the
//! [`ImportRecord`] of what was read and decided. Options and report are plain data, errors
//! name the file and the entity or line.
//!
//! | format | how it is told | what it makes |
//! |---|---|---|
//! | GeoJSON | JSON with `features` | the interchange contract ([`crate::geojson`]); or, when its features have a `Layer` and no `kind`, a CAD drawing exported as GeoJSON (GDAL, QGIS), read by layer like a DXF |
//! | IMDF | a `.zip` holding `unit.geojson` (or the files of such a folder: [`import_imdf_files`]) | floors, rooms, walls, doors ([`crate::imdf`]) |
//! | DXF | text starting with group code 0 / `SECTION`, or binary DXF | walls, rooms, labels, doors, windows, underlay ([`crate::dxf`]) |
//! | SVG | XML whose root is `<svg>` | the same, at a scale you give ([`crate::svg`]) |
//! | PNG, JPEG | their signatures | a raster underlay, placed by a scale ([`crate::raster`]) |
//!
//! DWG, PDF, IFC and other binaries are refused with a message saying what to export instead.

use std::str::FromStr;

use tailplan_core::wall_cleanup::CleanupParams;
use tailplan_core::{Diagnostic, Floor, ImportRecord, Point, Project};
use thiserror::Error;

use crate::geojson::{self, CrsChoice, GeoJsonError};
use crate::layers::LayerMap;

/// The formats [`import_file`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// A GeoJSON FeatureCollection (tailplan's interchange contract).
    GeoJson,
    /// An Apple IMDF archive (zip of GeoJSON in WGS84).
    Imdf,
    /// An AutoCAD DXF drawing, text or binary.
    Dxf,
    /// An SVG drawing.
    Svg,
    /// A PNG image.
    Png,
    /// A JPEG image.
    Jpeg,
}

impl Format {
    /// The format's name in reports: `geojson`, `imdf`, `dxf`, `svg`, `png`, `jpeg`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::GeoJson => "geojson",
            Format::Imdf => "imdf",
            Format::Dxf => "dxf",
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Jpeg => "jpeg",
        }
    }

    /// The largest file of this format imported, bytes (decimal megabytes, as messages
    /// print them). Bigger ones are refused before they are read, so that a huge file fails
    /// in a moment and in bounded memory.
    pub fn max_bytes(self) -> u64 {
        const MB: u64 = 1_000_000;
        match self {
            Format::GeoJson => 256 * MB,
            Format::Dxf | Format::Svg | Format::Imdf => 64 * MB,
            Format::Png | Format::Jpeg => 64 * MB,
        }
    }
}

/// Drawing units of a DXF (its `$INSUNITS`, or `--units`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Units {
    /// Millimetres.
    Millimetres,
    /// Centimetres.
    Centimetres,
    /// Metres.
    Metres,
    /// Inches.
    Inches,
    /// Feet.
    Feet,
}

impl Units {
    /// Metres per unit.
    pub fn m_per_unit(self) -> f64 {
        match self {
            Units::Millimetres => 0.001,
            Units::Centimetres => 0.01,
            Units::Metres => 1.0,
            Units::Inches => 0.0254,
            Units::Feet => 0.3048,
        }
    }

    /// `mm`, `cm`, `m`, `in`, `ft`.
    pub fn as_str(self) -> &'static str {
        match self {
            Units::Millimetres => "mm",
            Units::Centimetres => "cm",
            Units::Metres => "m",
            Units::Inches => "in",
            Units::Feet => "ft",
        }
    }
}

impl FromStr for Units {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => {
                Units::Millimetres
            }
            "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => {
                Units::Centimetres
            }
            "m" | "metre" | "metres" | "meter" | "meters" => Units::Metres,
            "in" | "inch" | "inches" | "\"" => Units::Inches,
            "ft" | "foot" | "feet" | "'" => Units::Feet,
            other => {
                return Err(format!(
                    "unknown unit \"{other}\": expected mm, cm, m, in or ft"
                ));
            }
        })
    }
}

/// The scale of an SVG drawing or a raster scan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scale {
    /// Metres per drawing unit (SVG user unit, image pixel).
    MetresPerUnit(f64),
    /// Two points of the drawing (its own units; pixels for an image, y down) and the real
    /// distance between them: two-point calibration.
    TwoPoints {
        /// One point.
        a: Point,
        /// The other.
        b: Point,
        /// Their distance in metres.
        distance_m: f64,
    },
}

impl Scale {
    /// Metres per unit, or why not.
    pub fn m_per_unit(self) -> Result<f64, String> {
        match self {
            Scale::MetresPerUnit(s) if s.is_finite() && s > 0.0 => Ok(s),
            Scale::MetresPerUnit(s) => Err(format!(
                "the scale {s} must be a positive number of metres per unit"
            )),
            Scale::TwoPoints { a, b, distance_m } => {
                let d = a.distance(b);
                if !(distance_m.is_finite() && distance_m > 0.0) {
                    Err(format!(
                        "the known distance {distance_m} m must be positive"
                    ))
                } else if d.is_nan() || d <= 0.0 {
                    Err("the two scale points are the same point".into())
                } else {
                    Ok(distance_m / d)
                }
            }
        }
    }
}

impl FromStr for Scale {
    type Err = String;
    /// `0.02` (metres per unit) or `x1,y1,x2,y2,DIST` (two points and their distance in m).
    fn from_str(s: &str) -> Result<Self, String> {
        let numbers: Result<Vec<f64>, _> = s.split(',').map(|x| x.trim().parse::<f64>()).collect();
        match numbers.map_err(|_| format!("\"{s}\" is not a number or x1,y1,x2,y2,DIST"))?[..] {
            [m] => Ok(Scale::MetresPerUnit(m)),
            [x1, y1, x2, y2, d] => Ok(Scale::TwoPoints {
                a: Point::new(x1, y1),
                b: Point::new(x2, y2),
                distance_m: d,
            }),
            _ => Err(format!(
                "\"{s}\": give one number (metres per unit) or x1,y1,x2,y2,DIST"
            )),
        }
    }
}

/// The limits an import is held to, so that a hostile or broken file (a "zip bomb" of nested
/// block references, an XML entity expansion, a polyline of millions of points) is refused in
/// a moment and in bounded memory instead of exhausting the machine. Every count is checked
/// as it grows, before the thing counted is made: a DXF's or a GeoJSON's text is counted
/// before it is parsed, block references while they are expanded, an SVG's elements, nesting
/// and path points in the raw pass before usvg sees it. A file beyond a limit is refused with
/// [`ImportError::LimitExceeded`], which names the file, where, the limit and how to raise it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportLimits {
    /// The largest file read, bytes; `None` for the format's own ([`Format::max_bytes`]).
    pub max_file_bytes: Option<u64>,
    /// The most entities a drawing may have once its block references are expanded (DXF
    /// entities, SVG elements, GeoJSON features).
    pub max_entities: usize,
    /// The most points (vertices, after block expansion and curves flattened).
    pub max_points: usize,
    /// How deep block references (a DXF INSERT of a block holding INSERTs...) and SVG
    /// elements (groups in groups...) may nest.
    pub max_nesting: usize,
}

impl ImportLimits {
    /// The default of [`ImportLimits::max_entities`]: 2 million (a large real floor plan
    /// has some 100,000).
    pub const DEFAULT_MAX_ENTITIES: usize = 2_000_000;
    /// The default of [`ImportLimits::max_points`]: 5 million.
    pub const DEFAULT_MAX_POINTS: usize = 5_000_000;
    /// The default of [`ImportLimits::max_nesting`]: 32 (CAD blocks nest 3 to 6 deep,
    /// Inkscape groups about 10).
    pub const DEFAULT_MAX_NESTING: usize = 32;

    /// The largest file of this format read, bytes.
    pub fn file_bytes(&self, format: Format) -> u64 {
        self.max_file_bytes.unwrap_or_else(|| format.max_bytes())
    }
}

impl Default for ImportLimits {
    fn default() -> Self {
        Self {
            max_file_bytes: None,
            max_entities: Self::DEFAULT_MAX_ENTITIES,
            max_points: Self::DEFAULT_MAX_POINTS,
            max_nesting: Self::DEFAULT_MAX_NESTING,
        }
    }
}

/// Which of the [`ImportLimits`] a file went beyond.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// [`ImportLimits::max_entities`].
    Entities,
    /// [`ImportLimits::max_points`].
    Points,
    /// [`ImportLimits::max_nesting`].
    Nesting,
    /// The size an SVG's XML entities (`<!ENTITY>`) expand it to: the file size limit.
    EntityExpansion,
}

impl Limit {
    /// What is counted, in messages: `entities`, `points`, `levels of nesting`...
    pub fn what(self) -> &'static str {
        match self {
            Limit::Entities => "entities",
            Limit::Points => "points",
            Limit::Nesting => "levels of nesting",
            Limit::EntityExpansion => "bytes once its XML entities are expanded",
        }
    }

    /// The setting that raises the limit.
    pub fn setting(self) -> LimitSetting {
        match self {
            Limit::Entities => LimitSetting::Entities,
            Limit::Points => LimitSetting::Points,
            Limit::Nesting => LimitSetting::Nesting,
            Limit::EntityExpansion => LimitSetting::FileSize,
        }
    }
}

impl std::fmt::Display for Limit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.what())
    }
}

/// How to import: plain data, the same for the CLI, the editor and the npm package.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The file's name, for messages and the report.
    pub source_name: String,
    /// Read as this format instead of telling it from the content.
    pub format: Option<Format>,
    /// The floor a single-floor drawing (DXF, SVG, image) goes on: its id (default `"0"`).
    pub floor: Option<String>,
    /// DXF units, overriding `$INSUNITS`.
    pub units: Option<Units>,
    /// The scale of an SVG or an image (required for them), or of a unitless DXF.
    pub scale: Option<Scale>,
    /// The user's layer mapping, tried before the default rules.
    pub layers: LayerMap,
    /// How to read GeoJSON coordinates.
    pub crs: CrsChoice,
    /// Import hidden layers (Inkscape `display:none`, DXF layers off or frozen) too.
    pub include_hidden: bool,
    /// Keep the original lines as the floor's underlay.
    pub keep_underlay: bool,
    /// Rotation of a raster underlay, degrees anticlockwise.
    pub rotation_deg: f64,
    /// Wall clean-up tolerances.
    pub cleanup: CleanupParams,
    /// How big a file, how many entities and points, how deep a nesting are read.
    pub limits: ImportLimits,
}

impl Default for ImportOptions {
    fn default() -> Self {
        Self {
            source_name: String::new(),
            format: None,
            floor: None,
            units: None,
            scale: None,
            layers: LayerMap::default(),
            crs: CrsChoice::Auto,
            include_hidden: false,
            keep_underlay: true,
            rotation_deg: 0.0,
            cleanup: CleanupParams::default(),
            limits: ImportLimits::default(),
        }
    }
}

impl ImportOptions {
    /// Options for a file of this name, everything else default.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            source_name: name.into(),
            ..Self::default()
        }
    }

    /// The floor id to use.
    pub(crate) fn floor_id(&self) -> String {
        self.floor
            .clone()
            .unwrap_or_else(|| geojson::DEFAULT_FLOOR.to_owned())
    }

    /// A new empty floor with the id asked for; a numbered floor sits at 3.5 m per storey.
    pub(crate) fn new_floor(&self) -> Floor {
        let id = self.floor_id();
        let elevation = id
            .parse::<i32>()
            .map(|n| f64::from(n) * geojson::ASSUMED_STOREY_M)
            .unwrap_or(0.0);
        Floor::new(id.clone(), format!("Floor {id}"), elevation)
    }
}

/// What an import made: the project (its `imports` holds the report too) and the report.
#[derive(Debug, Clone)]
pub struct Import {
    /// The project.
    pub project: Project,
    /// What was read and decided.
    pub report: ImportRecord,
}

/// Why a file could not be imported. Every variant names the file.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ImportError {
    /// Bigger than the format's limit ([`Format::max_bytes`]).
    #[error("{file}: {} MB is more than the {} MB tailplan imports from a {format} file", .bytes / 1_000_000, .limit / 1_000_000)]
    TooLarge {
        /// The file.
        file: String,
        /// Its format's name.
        format: &'static str,
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// A format tailplan does not read (DWG, PDF, IFC...), with what to do instead.
    #[error("{file}: {message}")]
    Unsupported {
        /// The file.
        file: String,
        /// What it is and what to export instead.
        message: String,
    },
    /// The file is broken: truncated, malformed. `line` is the 1-based line (DXF, SVG) when
    /// known, `entity` the entity or element.
    #[error("{file}: {}{}{message}", .line.map(|l| format!("line {l}: ")).unwrap_or_default(), .entity.as_ref().map(|e| format!("{e}: ")).unwrap_or_default())]
    Malformed {
        /// The file.
        file: String,
        /// 1-based line, when known.
        line: Option<usize>,
        /// The entity or element (`LWPOLYLINE`, `<image>`, `unit.geojson features[3]`).
        entity: Option<String>,
        /// What is wrong.
        message: String,
    },
    /// Refused for safety: an SVG with a script or a reference to an outside file or URL.
    #[error("{file}: line {line}: {message}")]
    Unsafe {
        /// The file.
        file: String,
        /// 1-based line of the element.
        line: usize,
        /// What was found.
        message: String,
    },
    /// An SVG or image needs a scale, or the one given is impossible.
    #[error("{file}: {message}")]
    Scale {
        /// The file.
        file: String,
        /// What is missing or wrong.
        message: String,
    },
    /// The file holds nothing to import.
    #[error("{file}: {message}")]
    Empty {
        /// The file.
        file: String,
        /// What was looked for.
        message: String,
    },
    /// Beyond one of the [`ImportLimits`]: refused before the thing counted was made.
    #[error("{file}: {}{}more than {max} {limit}, the limit", .line.map(|l| format!("line {l}: ")).unwrap_or_default(), .entity.as_ref().map(|e| format!("{e}: ")).unwrap_or_default())]
    LimitExceeded {
        /// The file.
        file: String,
        /// 1-based line where the count went over, when known.
        line: Option<usize>,
        /// The entity or element where it went over (`INSERT of block "B9" on layer "A-DOOR"`).
        entity: Option<String>,
        /// Which limit.
        limit: Limit,
        /// Its value.
        max: u64,
    },
    /// An archive (IMDF zip) that unpacks to more than the file size limit.
    #[error("{file}: the archive unpacks to more than {} MB", .limit / 1_000_000)]
    Unpacked {
        /// The file.
        file: String,
        /// The limit, bytes.
        limit: u64,
    },
    /// A GeoJSON error.
    #[error(transparent)]
    GeoJson(#[from] GeoJsonError),
}

/// The setting of [`ImportLimits`] a refusal is held to, so the one that raises it: each front
/// end names it its own way (`--max-entities` on the command line, `maxEntities` in the npm
/// package), which is why the messages above do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LimitSetting {
    /// [`ImportLimits::max_file_bytes`].
    FileSize,
    /// [`ImportLimits::max_entities`].
    Entities,
    /// [`ImportLimits::max_points`].
    Points,
    /// [`ImportLimits::max_nesting`].
    Nesting,
}

impl ImportError {
    /// The limit this refusal is held to, when it is one of [`ImportLimits`].
    pub fn raised_by(&self) -> Option<LimitSetting> {
        match self {
            ImportError::TooLarge { .. } | ImportError::Unpacked { .. } => {
                Some(LimitSetting::FileSize)
            }
            ImportError::LimitExceeded { limit, .. } => Some(limit.setting()),
            _ => None,
        }
    }
}

/// The signatures of files tailplan refuses, and what to do instead.
fn refused(head: &[u8]) -> Option<String> {
    if head.len() >= 6 && head.starts_with(b"AC10") && head[4..6].iter().all(u8::is_ascii_digit) {
        let version = String::from_utf8_lossy(&head[..6]);
        return Some(format!(
            "not UTF-8 text: this is a binary AutoCAD DWG drawing ({version}); tailplan reads DXF: save it as DXF (AutoCAD: SAVEAS, DXF; or the ODA File Converter) and import that"
        ));
    }
    if head.starts_with(b"%PDF") {
        return Some("a PDF document: export the plan as DXF or SVG from the CAD tool, or as PNG to trace over in the editor".into());
    }
    if head.starts_with(&[0x1f, 0x8b]) {
        return Some("gzip-compressed (an .svgz or a .gz): unpack it first".into());
    }
    let text = String::from_utf8_lossy(&head[..head.len().min(256)]);
    if text.trim_start().starts_with("ISO-10303-21") {
        return Some("an IFC (STEP) model: not read yet; export the storeys' plans as DXF".into());
    }
    if head.starts_with(b"GIF8")
        || head.starts_with(b"II*\0")
        || head.starts_with(b"MM\0*")
        || head.starts_with(b"BM")
    {
        return Some(
            "an image format tailplan does not read (GIF, TIFF, BMP): convert it to PNG".into(),
        );
    }
    None
}

/// Tells the format of a file from its first bytes (the first few kilobytes are enough),
/// falling back to its name's extension.
pub fn sniff(name: &str, head: &[u8]) -> Result<Format, ImportError> {
    if let Some(message) = refused(head) {
        return Err(ImportError::Unsupported {
            file: name.to_owned(),
            message,
        });
    }
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(Format::Png);
    }
    if head.starts_with(&[0xff, 0xd8, 0xff]) {
        return Ok(Format::Jpeg);
    }
    if head.starts_with(b"PK\x03\x04") {
        return Ok(Format::Imdf);
    }
    if head.starts_with(b"AutoCAD Binary DXF") {
        return Ok(Format::Dxf);
    }
    let text = String::from_utf8_lossy(&head[..head.len().min(8192)]);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('<') {
        if t.contains("<svg") {
            return Ok(Format::Svg);
        }
        return Err(ImportError::Unsupported {
            file: name.to_owned(),
            message: "XML, but not SVG".into(),
        });
    }
    if t.starts_with('{') || t.starts_with('[') {
        return Ok(Format::GeoJson);
    }
    // DXF: group code / value pairs, the first code 0 (or 999, a comment).
    let mut lines = t.lines().map(str::trim);
    if let (Some(code), Some(_)) = (lines.next(), lines.next())
        && (code == "0" || code == "999")
        && t.contains("SECTION")
    {
        return Ok(Format::Dxf);
    }
    let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "dxf" => Ok(Format::Dxf),
        "svg" => Ok(Format::Svg),
        "geojson" | "json" => Ok(Format::GeoJson),
        "zip" | "imdf" => Ok(Format::Imdf),
        "png" => Ok(Format::Png),
        "jpg" | "jpeg" => Ok(Format::Jpeg),
        _ => Err(ImportError::Unsupported {
            file: name.to_owned(),
            message: "not a format tailplan imports (GeoJSON, IMDF, DXF, SVG, PNG, JPEG)".into(),
        }),
    }
}

/// Imports a file from its bytes; see the module documentation.
///
/// ```
/// use tailplan_io::import::{import_file, ImportOptions};
/// let dxf = "0\nSECTION\n2\nENTITIES\n0\nLINE\n8\nA-WALL\n10\n0\n20\n0\n11\n5000\n21\n0\n\
///            0\nLINE\n8\nA-WALL\n10\n0\n20\n150\n11\n5000\n21\n150\n0\nENDSEC\n0\nEOF\n";
/// let mut options = ImportOptions::named("wall.dxf");
/// options.units = Some("mm".parse()?);
/// let done = import_file("wall.dxf", dxf.as_bytes(), &options)?;
/// let floor = &done.project.floors[0];
/// // The two faces of one wall became one wall, 0.15 m thick.
/// assert_eq!(floor.walls.len(), 1);
/// assert_eq!(floor.walls.as_slice()[0].thickness_m, 0.15);
/// assert_eq!(done.report.walls.unwrap().face_pairs, 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn import_file(
    name: &str,
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<Import, ImportError> {
    let format = match options.format {
        Some(f) => f,
        None => sniff(name, &bytes[..bytes.len().min(8192)])?,
    };
    let limit = options.limits.file_bytes(format);
    if bytes.len() as u64 > limit {
        return Err(ImportError::TooLarge {
            file: name.to_owned(),
            format: format.as_str(),
            bytes: bytes.len() as u64,
            limit,
        });
    }
    let mut options = options.clone();
    if options.source_name.is_empty() {
        options.source_name = name.to_owned();
    }
    // GeoJSON of a CAD drawing (GDAL's DXF export: a `Layer` on every feature, no `kind`).
    let cad = if format == Format::GeoJson {
        let text = utf8(name, bytes)?;
        check_json(name, text, &options.limits)?;
        let head = &text[..text.floor_char_boundary(65_536)];
        if head.contains("\"Layer\"") && !head.contains("\"kind\"") {
            serde_json::from_str::<serde_json::Value>(text)
                .ok()
                .filter(crate::cad_geojson::is_cad)
        } else {
            None
        }
    } else {
        None
    };
    let mut done = match format {
        Format::GeoJson if cad.is_some() => {
            crate::cad_geojson::import(cad.as_ref().expect("checked"), &options)
        }
        Format::GeoJson => {
            let text = utf8(name, bytes)?;
            let o = geojson::ImportOptions {
                source_name: options.source_name.clone(),
                crs: options.crs,
            };
            let done = geojson::import(text, &o)?;
            let report = ImportRecord {
                source: options.source_name.clone(),
                format: Format::GeoJson.as_str().into(),
                units: if done.report.wgs84 {
                    "WGS84 lon/lat".into()
                } else {
                    "m".into()
                },
                floors: done.project.floors.iter().map(|f| f.id.clone()).collect(),
                counts: done.report.counts.clone(),
                diagnostics: done.report.diagnostics.clone(),
                ..Default::default()
            };
            Import {
                project: done.project,
                report,
            }
        }
        Format::Imdf => crate::imdf::import_zip(bytes, &options)?,
        Format::Dxf => crate::dxf::import(bytes, &options)?,
        Format::Svg => crate::svg::import(utf8(name, bytes)?, &options)?,
        Format::Png | Format::Jpeg => crate::raster::import(bytes, format, &options)?,
    };
    count_elements(&mut done);
    // A GeoJSON import is the interchange contract's round trip: the project it gives back is
    // exactly the one exported, so it records no import of its own (a CAD drawing exported
    // as GeoJSON does).
    if format != Format::GeoJson || cad.is_some() {
        done.project.imports = vec![done.report.clone()];
    }
    Ok(done)
}

/// Imports an IMDF archive given as its files (a folder's `unit.geojson`, `level.geojson`...):
/// (file name, bytes) pairs.
pub fn import_imdf_files(
    files: &[(String, Vec<u8>)],
    options: &ImportOptions,
) -> Result<Import, ImportError> {
    let mut done = crate::imdf::import_files(files, options)?;
    count_elements(&mut done);
    done.project.imports = vec![done.report.clone()];
    Ok(done)
}

/// Fills the report's element counts from the project, when the importer left them out.
fn count_elements(done: &mut Import) {
    if done.report.counts.is_empty() {
        for f in &done.project.floors {
            for (k, n) in f.counts() {
                *done.report.counts.entry(k).or_insert(0) += n;
            }
        }
    }
}

/// [`check_json`] at the default limits, for a project file or GeoJSON about to be opened
/// (by the CLI's commands and the npm package's `fromJSON`, `fromGeoJSON`): the refusal as
/// one line naming the file, the line and what is too many.
pub fn check_json_to_open(file: &str, text: &str) -> Result<(), String> {
    check_json(file, text, &ImportLimits::default()).map_err(|e| match e {
        ImportError::LimitExceeded {
            line,
            entity,
            limit,
            max,
            ..
        } => format!(
            "{file}: line {}: {}: more than {max} {limit}, the most tailplan opens",
            line.unwrap_or(1),
            entity.unwrap_or_default()
        ),
        other => other.to_string(),
    })
}

/// Counts a JSON text's values, objects and positions (arrays of numbers: GeoJSON
/// coordinates) before it is parsed, so that a file too big for the limits is refused before
/// `serde_json` holds it (a parsed value takes some ten times its text): positions beyond
/// [`ImportLimits::max_points`], objects beyond four per entity allowed (a feature, its
/// geometry and properties), or values beyond three per point and eight per entity allowed.
///
/// [`import_file`] runs it on every GeoJSON and IMDF file; the CLI also on the project files
/// it opens.
pub fn check_json(file: &str, text: &str, limits: &ImportLimits) -> Result<(), ImportError> {
    let bytes = text.as_bytes();
    let (mut positions, mut objects, mut values, mut line) = (0usize, 0usize, 0usize, 1usize);
    let max_objects = limits.max_entities.saturating_mul(4);
    let max_values = limits
        .max_points
        .saturating_mul(3)
        .saturating_add(limits.max_entities.saturating_mul(8));
    let (mut in_string, mut escaped, mut in_token) = (false, false, false);
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            line += 1;
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        let token = b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.');
        let over = match b {
            b'"' => {
                in_string = true;
                values += 1;
                None
            }
            b'{' => {
                objects += 1;
                values += 1;
                (objects > max_objects).then_some((Limit::Entities, "JSON objects", max_objects))
            }
            b'[' => {
                values += 1;
                let next = bytes[i + 1..].iter().find(|c| !c.is_ascii_whitespace());
                if next.is_some_and(|c| c.is_ascii_digit() || *c == b'-') {
                    positions += 1;
                }
                (positions > limits.max_points).then_some((
                    Limit::Points,
                    "coordinates (positions)",
                    limits.max_points,
                ))
            }
            _ if token && !in_token => {
                values += 1;
                None
            }
            _ => None,
        };
        in_token = token;
        let over = over.or_else(|| {
            (values > max_values).then_some((Limit::Entities, "JSON values", max_values))
        });
        if let Some((limit, what, max)) = over {
            return Err(ImportError::LimitExceeded {
                file: file.to_owned(),
                line: Some(line),
                entity: Some(match limit {
                    Limit::Points => what.to_owned(),
                    _ => format!("{what} (up to {max} for {} entities)", limits.max_entities),
                }),
                limit,
                max: match limit {
                    Limit::Points => limits.max_points,
                    _ => limits.max_entities,
                } as u64,
            });
        }
    }
    Ok(())
}

pub(crate) fn utf8<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, ImportError> {
    std::str::from_utf8(bytes).map_err(|e| ImportError::Malformed {
        file: name.to_owned(),
        line: Some(
            bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1,
        ),
        entity: None,
        message: format!(
            "not UTF-8 text (byte {}): is it a binary file?",
            e.valid_up_to()
        ),
    })
}

/// Adds an import to an existing project (`tailplan import --append`): each imported floor
/// joins the project's floor of the same id, or is added; element ids that clash are renamed;
/// the import's report is appended to [`Project::imports`]. Returns notes on what was renamed.
///
/// ```
/// use tailplan_io::import::{append, import_file, ImportOptions};
/// let level = |floor: &str| {
///     let dxf = "0\nSECTION\n2\nENTITIES\n0\nLINE\n8\nA-WALL\n10\n0\n20\n0\n11\n8000\n21\n0\n\
///                0\nLINE\n8\nA-WALL\n10\n0\n20\n150\n11\n8000\n21\n150\n0\nENDSEC\n0\nEOF\n";
///     let options = ImportOptions { floor: Some(floor.into()), ..ImportOptions::named(format!("level-{floor}.dxf")) };
///     import_file(&options.source_name, dxf.as_bytes(), &options)
/// };
/// let mut project = level("0")?.project;
/// let notes = append(&mut project, level("1")?);
/// let ids: Vec<&str> = project.floors.iter().map(|f| f.id.as_str()).collect();
/// assert_eq!(ids, ["0", "1"]);
/// // Both floors' walls had the same ids: the appended ones were renamed, and it says so.
/// assert!(!notes.is_empty());
/// assert_eq!(project.imports.len(), 2);
/// # Ok::<(), tailplan_io::import::ImportError>(())
/// ```
pub fn append(target: &mut Project, import: Import) -> Vec<Diagnostic> {
    let mut notes = Vec::new();
    let mut ids = target.id_allocator();
    let mut renamed = 0usize;
    if target.georef.is_none() {
        target.georef = import.project.georef;
    } else if import.project.georef.is_some() && import.project.georef != target.georef {
        notes.push(Diagnostic::warning(
            &import.report.source,
            "the file is georeferenced around another origin than the project: its floors are placed by their own local metres",
        ));
    }
    for floor in import.project.floors {
        let mut elements = floor.elements();
        for e in &mut elements {
            if !ids.claim(e.id()) {
                let prefix = e.kind().as_str().to_owned();
                let fresh = ids.next(&prefix);
                e.set_id(fresh);
                renamed += 1;
            }
        }
        match target.floor_mut(&floor.id) {
            Some(existing) => {
                let before = existing.counts().values().sum::<usize>();
                if before > 0 {
                    notes.push(Diagnostic::warning(
                        &import.report.source,
                        format!(
                            "floor \"{}\" already had {before} element(s): the import was added to them (give another --floor for a floor of its own)",
                            floor.id
                        ),
                    ));
                }
                for e in elements {
                    existing.insert(None, e);
                }
                let base = existing.underlays.len();
                for (i, mut u) in floor.underlays.into_iter().enumerate() {
                    if existing.underlays.iter().any(|x| x.id == u.id) {
                        u.id = format!("{}-{}", u.id, base + i + 1);
                    }
                    existing.underlays.push(u);
                }
            }
            None => {
                let mut fresh = Floor::new(floor.id.clone(), floor.name.clone(), floor.elevation_m);
                fresh.ceiling_m = floor.ceiling_m;
                fresh.props = floor.props.clone();
                fresh.underlays = floor.underlays.clone();
                for e in elements {
                    fresh.insert(None, e);
                }
                target.floors.push(fresh);
            }
        }
    }
    if renamed > 0 {
        notes.push(Diagnostic::info(
            &import.report.source,
            format!("{renamed} element id(s) were already used in the project and were renamed"),
        ));
    }
    target.imports.push(import.report);
    notes
}
