//! Why a command cannot do what it was asked: [`AppError`], typed, carrying what the user needs
//! to fix the input (which parameter, which value, which floor, which limit).
//!
//! A parameter is a [`Param`], not a flag: each front end says it its own way through
//! [`Names`] (`--cell` on the command line, `cellM` in the npm package, the field's label in
//! the editor), so no front end rewrites another's message text. [`AppError::message`] words
//! the error for one front end; `Display` words it with the request's own field names
//! ([`FieldNames`]), as a Rust caller of this crate writes them.

use std::borrow::Cow;
use std::fmt;

use tailplan_core::coverage::CoverageError;
use tailplan_core::diagnostics::Num;
use tailplan_core::project_file::ProjectFileError;
use tailplan_io::antenna::PatternError;
use tailplan_io::dxf::export::DxfExportError;
use tailplan_io::geojson::GeoJsonError;
use tailplan_io::import::{ImportError, LimitSetting};
use tailplan_io::sheet::{PdfError, SheetError};

/// A parameter of a command, which each front end names its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Param {
    /// The floor's id.
    Floor,
    /// A Wi-Fi band.
    Band,
    /// An IoT technology.
    Tech,
    /// A coverage grid's cell side, metres.
    Cell,
    /// The grid-cell limit of coverage maps.
    MaxGridCells,
    /// A calendar date (sheets' title blocks, DXF headers).
    Date,
    /// What a sheet shows.
    Kind,
    /// The kinds of sheet of a set.
    Kinds,
    /// A sheet's paper.
    Paper,
    /// A sheet's scale.
    Scale,
    /// The RSSI a placement aims for, dBm.
    Target,
    /// The share of the area a placement must cover, percent.
    Coverage,
    /// The share of the area that must hear two access points, percent.
    SecondaryCoverage,
    /// The EIRP of proposed transmitters, dBm.
    Tx,
    /// A mounting height, metres.
    Height,
    /// The distance between candidate positions, metres.
    Spacing,
    /// The link margin each device needs, dB.
    Margin,
    /// How GeoJSON coordinates are read.
    Crs,
    /// A DXF's drawing units.
    Units,
    /// An imported drawing's or image's scale, metres per unit.
    ImportScale,
    /// An imported drawing's scale from two points and their distance.
    ScalePoints,
    /// The user's layer roles of an import.
    Layers,
    /// The largest file imported, MB.
    MaxFileMb,
    /// The most entities a drawing may have.
    MaxEntities,
    /// The most points a drawing may have.
    MaxPoints,
    /// How deep a drawing may nest.
    MaxNesting,
    /// A table of the routing.
    Table,
    /// A radio channel's width, MHz.
    Width,
    /// A list of radio channels.
    Channels,
    /// What calibration fits.
    Fit,
    /// Folds of calibration's cross-validation.
    Folds,
    /// How many rows a wall's library loss counts as in calibration.
    WallPriorRows,
}

impl Param {
    /// The request field it is: `cell_m`, `max_grid_cells`... (what [`FieldNames`] says).
    pub fn field(self) -> &'static str {
        match self {
            Param::Floor => "floor",
            Param::Band => "band",
            Param::Tech => "tech",
            Param::Cell => "cell_m",
            Param::MaxGridCells => "max_grid_cells",
            Param::Date => "date",
            Param::Kind => "kind",
            Param::Kinds => "kinds",
            Param::Paper => "paper",
            Param::Scale => "scale",
            Param::Target => "target_dbm",
            Param::Coverage => "coverage_percent",
            Param::SecondaryCoverage => "secondary_percent",
            Param::Tx => "tx_dbm",
            Param::Height => "height_m",
            Param::Spacing => "spacing_m",
            Param::Margin => "margin_db",
            Param::Crs => "crs",
            Param::Units => "units",
            Param::ImportScale => "scale",
            Param::ScalePoints => "scale_points",
            Param::Layers => "layers",
            Param::MaxFileMb => "max_file_mb",
            Param::MaxEntities => "max_entities",
            Param::MaxPoints => "max_points",
            Param::MaxNesting => "max_nesting",
            Param::Table => "table",
            Param::Width => "width_mhz",
            Param::Channels => "channels",
            Param::Fit => "fit",
            Param::Folds => "folds",
            Param::WallPriorRows => "wall_prior_rows",
        }
    }

    /// The parameter that raises an import limit.
    pub fn of_limit(setting: LimitSetting) -> Param {
        match setting {
            LimitSetting::FileSize => Param::MaxFileMb,
            LimitSetting::Entities => Param::MaxEntities,
            LimitSetting::Points => Param::MaxPoints,
            LimitSetting::Nesting => Param::MaxNesting,
        }
    }
}

/// How a front end names its parameters in messages.
pub trait Names {
    /// The parameter as its user writes it: `--cell` (CLI), `cellM` (npm package).
    fn param(&self, p: Param) -> Cow<'static, str>;

    /// The way to raise a limit, as it stands in "(… raises it)": by default
    /// [`Names::param`]; the CLI says `tailplan import --max-entities N`.
    fn raise(&self, p: Param) -> Cow<'static, str> {
        self.param(p)
    }
}

/// The request's own field names (`cell_m`, `max_grid_cells`): how `Display` words errors.
#[derive(Debug, Clone, Copy, Default)]
pub struct FieldNames;

impl Names for FieldNames {
    fn param(&self, p: Param) -> Cow<'static, str> {
        Cow::Borrowed(p.field())
    }
}

/// Why a command cannot do what it was asked. Every variant that concerns a project carries
/// the name it is known by (its file name), which messages start with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A value a parameter cannot take: `--cell 0: must be a positive number of metres`.
    #[error("{}", self.message(&FieldNames))]
    Invalid {
        /// The parameter.
        param: Param,
        /// The value as given (numbers as a person writes them), when the reason does not
        /// already quote it.
        value: Option<String>,
        /// What it must be, or what is wrong with it.
        why: String,
    },
    /// Two parameters that exclude each other were both given.
    #[error("{}", self.message(&FieldNames))]
    Conflict {
        /// One.
        a: Param,
        /// The other.
        b: Param,
    },
    /// No floor has the id asked for.
    #[error("{}", self.message(&FieldNames))]
    NoSuchFloor {
        /// The project's name.
        project: String,
        /// The id asked for.
        floor: String,
        /// The ids there are.
        floors: Vec<String>,
    },
    /// The project has no floor.
    #[error("{}", self.message(&FieldNames))]
    NoFloor {
        /// The project's name.
        project: String,
    },
    /// The project has several floors and none was named.
    #[error("{}", self.message(&FieldNames))]
    FloorNeeded {
        /// The project's name.
        project: String,
        /// The ids there are.
        floors: Vec<String>,
    },
    /// A map was asked for on a floor with neither access point nor gateway, and no band or
    /// technology was named.
    #[error("{}", self.message(&FieldNames))]
    NoTransmitter {
        /// The project's name.
        project: String,
        /// The floor.
        floor: String,
    },
    /// The coverage engine refused (a grid beyond the grid-cell limit, an empty floor...).
    #[error("{}", self.message(&FieldNames))]
    Coverage {
        /// The project's name.
        project: String,
        /// Why.
        error: CoverageError,
    },
    /// A map that would take more memory than the front end computes in.
    #[error("{}", self.message(&FieldNames))]
    TooMuchMemory {
        /// The project's name.
        project: String,
        /// The map's cells.
        cells: usize,
        /// Their side, metres.
        cell_m: f64,
        /// The transmitters whose fields it needs.
        fields: usize,
        /// About how much it would take, bytes.
        bytes: f64,
        /// The most allowed, bytes.
        max_bytes: f64,
    },
    /// A project file that cannot be opened.
    #[error("{}", self.message(&FieldNames))]
    ProjectFile {
        /// Its name.
        file: String,
        /// Why.
        error: ProjectFileError,
    },
    /// A GeoJSON file that cannot be read (the error names the file).
    #[error("{}", self.message(&FieldNames))]
    GeoJson(GeoJsonError),
    /// A JSON text with more values than tailplan opens (the message names the file).
    #[error("{}", self.message(&FieldNames))]
    TooManyValues(String),
    /// A file that is not UTF-8 text where text was needed.
    #[error("{}", self.message(&FieldNames))]
    NotText {
        /// Its name.
        file: String,
        /// The byte where it stops being UTF-8.
        byte: usize,
    },
    /// A plan that cannot be imported (the error names the file, and which limit refused
    /// it, if one did).
    #[error("{}", self.message(&FieldNames))]
    Import(ImportError),
    /// A plan given where a project file is already there.
    #[error("{}", self.message(&FieldNames))]
    AlreadyAProject {
        /// The file's name.
        file: String,
    },
    /// Sheets that cannot be drawn.
    #[error("{}", self.message(&FieldNames))]
    Sheet {
        /// The project's name.
        project: String,
        /// Why.
        error: Box<SheetError>,
    },
    /// Sheets asked for that draw nothing.
    #[error("{}", self.message(&FieldNames))]
    NoSheet {
        /// The project's name.
        project: String,
    },
    /// A DXF that cannot be written.
    #[error("{}", self.message(&FieldNames))]
    Dxf {
        /// The project's name.
        project: String,
        /// Why.
        error: DxfExportError,
    },
    /// Sheets that cannot be written as a PDF (the error names the sheet).
    #[error("{}", self.message(&FieldNames))]
    Pdf {
        /// The project's name.
        project: String,
        /// Why.
        error: PdfError,
    },
    /// A file that cannot be packed (a zip of sheets).
    #[error("{}", self.message(&FieldNames))]
    Pack(String),
    /// A command this front end was built without (the editor's main worker writes no DXF).
    #[error("{}", self.message(&FieldNames))]
    NotAvailable(&'static str),
    /// An antenna pattern file that cannot be read (the error names the file and the line).
    #[error("{}", self.message(&FieldNames))]
    Antenna(PatternError),
    /// An edit the project refused.
    #[error("{}", self.message(&FieldNames))]
    Edit(tailplan_core::EditError),
    /// A scenario file that cannot be used (the member named), or one that does not fit the
    /// project.
    #[error("{}", self.message(&FieldNames))]
    Scenarios {
        /// The file's name.
        file: String,
        /// Why.
        error: tailplan_core::scenario::ScenarioFileError,
    },
    /// A survey file that cannot be read (the error names the file, the line and the column).
    #[error("{}", self.message(&FieldNames))]
    Survey(tailplan_io::survey::SurveyError),
    /// A command that needs a survey, on a project that holds none and without one given.
    #[error("{}", self.message(&FieldNames))]
    NoSurvey {
        /// The project's name.
        project: String,
    },
    /// A survey that cannot be fitted (too few rows, impossible options).
    #[error("{}", self.message(&FieldNames))]
    Calibration {
        /// The project's name.
        project: String,
        /// Why.
        error: tailplan_core::survey::CalibrationError,
    },
    /// A reset asked of a project that is not calibrated.
    #[error("{}", self.message(&FieldNames))]
    NotCalibrated {
        /// The project's name.
        project: String,
    },
}

impl AppError {
    /// An impossible value of `param`, quoted in the message.
    pub fn invalid(param: Param, value: impl fmt::Display, why: impl Into<String>) -> Self {
        AppError::Invalid {
            param,
            value: Some(value.to_string()),
            why: why.into(),
        }
    }

    /// An impossible value of `param` whose reason quotes it already (a parser's message).
    pub fn unreadable(param: Param, why: impl Into<String>) -> Self {
        AppError::Invalid {
            param,
            value: None,
            why: why.into(),
        }
    }

    /// An impossible number: shown as a person writes it (`1e308`, not 309 digits).
    pub fn number(param: Param, value: f64, why: impl Into<String>) -> Self {
        Self::invalid(param, Num(value), why)
    }

    /// The parameter the error is about, if one.
    pub fn param(&self) -> Option<Param> {
        match self {
            AppError::Invalid { param, .. } => Some(*param),
            AppError::NoSuchFloor { .. } => Some(Param::Floor),
            AppError::Import(e) => e.raised_by().map(Param::of_limit),
            _ => None,
        }
    }

    /// The message, with the parameters named as `names` names them: one line, starting with
    /// the project's or file's name where there is one.
    pub fn message(&self, names: &dyn Names) -> String {
        let ids = |v: &[String]| v.join(", ");
        match self {
            AppError::Invalid { param, value, why } => match value {
                Some(v) => format!("{} {v}: {why}", names.param(*param)),
                None => format!("{}: {why}", names.param(*param)),
            },
            AppError::Conflict { a, b } => {
                format!("give {} or {}, not both", names.param(*a), names.param(*b))
            }
            AppError::NoSuchFloor {
                project,
                floor,
                floors,
            } => format!(
                "{project}: {} {floor}: no such floor (floors: {})",
                names.param(Param::Floor),
                ids(floors)
            ),
            AppError::NoFloor { project } => format!("{project}: the project has no floor"),
            AppError::FloorNeeded { project, floors } => format!(
                "{project}: the project has {} floors: give {} (one of {})",
                floors.len(),
                names.param(Param::Floor),
                ids(floors)
            ),
            AppError::NoTransmitter { project, floor } => format!(
                "{project}: floor \"{floor}\" has no access point or gateway: give {} or {}",
                names.param(Param::Band),
                names.param(Param::Tech)
            ),
            AppError::Coverage { project, error } => match error {
                CoverageError::GridTooLarge { .. } => format!(
                    "{project}: {error} ({}, {})",
                    names.param(Param::Cell),
                    names.param(Param::MaxGridCells)
                ),
                _ => format!("{project}: {error}"),
            },
            AppError::TooMuchMemory {
                project,
                cells,
                cell_m,
                fields,
                bytes,
                max_bytes,
            } => format!(
                "{project}: a map of {cells} cells of {} m with {fields} transmitter(s) needs about {:.0} MB, more than the {:.0} MB the library computes in: use larger cells",
                Num(*cell_m),
                bytes / 1e6,
                max_bytes / 1e6
            ),
            AppError::ProjectFile { file, error } => format!("{file}: {error}"),
            AppError::GeoJson(e) => e.to_string(),
            AppError::TooManyValues(message) => message.clone(),
            AppError::NotText { file, byte } => {
                format!("{file}: not UTF-8 text (byte {byte}): is it a binary file?")
            }
            AppError::Import(e) => match e.raised_by() {
                Some(setting) => {
                    let raise = names.raise(Param::of_limit(setting));
                    match e {
                        ImportError::LimitExceeded { .. } => format!("{e} ({raise} raises it)"),
                        _ => format!("{e} ({raise} raises the limit)"),
                    }
                }
                None => e.to_string(),
            },
            AppError::AlreadyAProject { file } => {
                format!("{file}: is already a tailplan project: nothing to import")
            }
            AppError::Sheet { project, error } => format!("{project}: {error}"),
            AppError::NoSheet { project } => format!("{project}: there is nothing to draw"),
            AppError::Dxf { project, error } => format!("{project}: {error}"),
            AppError::Pdf { project, error } => format!("{project}: {error}"),
            AppError::Pack(why) => format!("cannot pack the files: {why}"),
            AppError::NotAvailable(what) => format!("{what} is not available here"),
            AppError::Edit(e) => e.to_string(),
            AppError::Antenna(e) => e.to_string(),
            AppError::Scenarios { file, error } => format!("{file}: {error}"),
            AppError::Survey(e) => e.to_string(),
            AppError::NoSurvey { project } => format!(
                "{project}: holds no site survey: give a survey file (CSV: x, y, ap, rssi_dbm)"
            ),
            AppError::Calibration { project, error } => format!("{project}: {error}"),
            AppError::NotCalibrated { project } => {
                format!("{project}: the radio model is not calibrated: nothing to reset")
            }
        }
    }
}

impl From<ImportError> for AppError {
    fn from(e: ImportError) -> Self {
        AppError::Import(e)
    }
}

impl From<GeoJsonError> for AppError {
    fn from(e: GeoJsonError) -> Self {
        AppError::GeoJson(e)
    }
}

impl From<tailplan_core::EditError> for AppError {
    fn from(e: tailplan_core::EditError) -> Self {
        AppError::Edit(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Flags;
    impl Names for Flags {
        fn param(&self, p: Param) -> Cow<'static, str> {
            Cow::Owned(format!("--{}", p.field().replace('_', "-")))
        }
    }

    #[test]
    fn each_front_end_names_its_own_parameters() {
        let e = AppError::number(Param::Cell, 0.0, "must be a positive number of metres");
        assert_eq!(
            e.message(&Flags),
            "--cell-m 0: must be a positive number of metres"
        );
        assert_eq!(
            e.to_string(),
            "cell_m 0: must be a positive number of metres"
        );
        let e = AppError::NoTransmitter {
            project: "a.json".into(),
            floor: "1".into(),
        };
        assert_eq!(
            e.message(&Flags),
            "a.json: floor \"1\" has no access point or gateway: give --band or --tech"
        );
    }

    #[test]
    fn numbers_read_as_a_person_writes_them() {
        let e = AppError::number(Param::Tx, 1e308, "must be a number from -30 to 60");
        assert_eq!(
            e.to_string(),
            "tx_dbm 1e308: must be a number from -30 to 60"
        );
    }
}
