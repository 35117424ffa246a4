//! A project read from a file, not yet on screen ([`Opened`]), and why one could not be
//! ([`LoadError`]): what every way of opening (a sample, a file, the kept project, an import)
//! hands to the reducer.

use std::fmt;
use std::rc::Rc;

use tailplan_core::Project;

use crate::document::Source;

/// Why a project could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The server answered with an error status.
    Http {
        /// The status code.
        status: u16,
        /// Its reason phrase, when the server gave one.
        reason: String,
    },
    /// The request did not complete (server down, offline...).
    Network(String),
    /// The browser could not read the file.
    Read(String),
    /// The file is not a project this editor can read.
    Invalid(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Http { status: 404, .. } => {
                f.write_str("the file is not on the server (HTTP 404). The sample projects are generated into floorplans/; generate them, then rebuild the editor")
            }
            LoadError::Http { status, reason } if reason.is_empty() => {
                write!(f, "the server answered HTTP {status}")
            }
            LoadError::Http { status, reason } => {
                write!(f, "the server answered HTTP {status} {reason}")
            }
            LoadError::Network(m) => write!(f, "the request failed: {m}"),
            LoadError::Read(m) => write!(f, "the browser could not read it: {m}"),
            LoadError::Invalid(m) => write!(f, "{m}"),
        }
    }
}

/// A project read from a file, not yet on screen.
#[derive(Debug, Clone)]
pub struct Opened {
    /// The project.
    pub project: Rc<Project>,
    /// Warnings found while reading it, one line each.
    pub warnings: Vec<String>,
    /// Where it came from.
    pub source: Source,
    /// The name a download of it is given.
    pub file_name: String,
    /// The floor to show first, when known (a restored project's).
    pub floor_id: Option<String>,
    /// It has changes no file holds (a restored project's record says so).
    pub unsaved: bool,
}

impl Opened {
    /// A project read from `source`, saved as `file_name`.
    pub fn new(project: Project, source: Source, file_name: impl Into<String>) -> Self {
        Self {
            project: Rc::new(project),
            warnings: Vec::new(),
            source,
            file_name: file_name.into(),
            floor_id: None,
            unsaved: false,
        }
    }
}
