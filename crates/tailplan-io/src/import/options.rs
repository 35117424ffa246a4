//! How to import, as plain data the same for every front end: [`ImportOptions`], the
//! [`Format`]s, drawing [`Units`] and [`Scale`], the [`ImportLimits`] and which of them a
//! refusal is held to; and what an import makes, an [`Import`].

use std::str::FromStr;

use tailplan_core::wall_cleanup::CleanupParams;
use tailplan_core::{Floor, ImportRecord, Point, Project};

use crate::geojson::{self, CrsChoice};
use crate::layers::LayerMap;

/// The formats [`import_file`](super::import_file) reads.
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
    /// An IFC building model (IFC2X3, IFC4; ISO 10303-21).
    Ifc,
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
            Format::Ifc => "ifc",
        }
    }

    /// The largest file of this format imported, bytes (decimal megabytes, as messages
    /// print them). Bigger ones are refused before they are read, so that a huge file fails
    /// in a moment and in bounded memory.
    pub fn max_bytes(self) -> u64 {
        const MB: u64 = 1_000_000;
        match self {
            Format::GeoJson | Format::Ifc => 256 * MB,
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
/// [`ImportError::LimitExceeded`](super::ImportError::LimitExceeded), which names the file, where,
/// the limit, and (by `raised_by`) the setting that raises it.
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
    /// The storeys of a building model (IFC) to import, by name; empty for every storey
    /// that holds a wall.
    pub storeys: Vec<String>,
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
            storeys: Vec::new(),
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
