//! Why a file could not be imported: [`ImportError`], each variant naming the file.

use thiserror::Error;

use super::options::{Limit, LimitSetting};
use crate::geojson::GeoJsonError;

/// Why a file could not be imported. Every variant names the file.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ImportError {
    /// Bigger than the format's limit ([`Format::max_bytes`](super::Format::max_bytes)).
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
    /// Beyond one of the [`ImportLimits`](super::ImportLimits): refused before the thing counted was made.
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

impl ImportError {
    /// The limit this refusal is held to, when it is one of [`ImportLimits`](super::ImportLimits).
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
