//! The project file: versioned JSON that round-trips every field of a [`Project`].
//!
//! ```json
//! { "format": "tailplan-project", "version": 2, "meta": {...}, "settings": {...},
//!   "materials": [...], "floors": [...] }
//! ```
//! Opening a file upgrades it through [`MIGRATIONS`] to [`VERSION`] first, then reads it
//! strictly: a wrong value is reported with its path (`floors[0].walls[3].thickness_m`).
//!
//! # Examples
//!
//! ```
//! use tailplan_core::project_file::{self, ProjectFileError};
//! use tailplan_core::{Floor, Project};
//!
//! let mut project = Project::new();
//! project.floors.push(Floor::new("1", "Level 1", 3.5));
//! let text = project_file::to_json(&project);
//! assert!(text.starts_with("{\n  \"format\": \"tailplan-project\",\n  \"version\": 4,"));
//!
//! let (reopened, warnings) = project_file::from_json(&text)?;
//! assert_eq!(reopened, project);
//! assert!(warnings.is_empty());
//!
//! // What cannot be opened says why, and where.
//! let bad = text.replace("\"ceiling_m\": 2.8", "\"ceiling_m\": \"high\"");
//! let err = project_file::from_json(&bad).unwrap_err();
//! assert!(matches!(&err, ProjectFileError::Field { path, .. } if path == "floors[0].ceiling_m"));
//! let newer = r#"{"format": "tailplan-project", "version": 99}"#;
//! assert!(matches!(project_file::from_json(newer), Err(ProjectFileError::TooNew { found: 99 })));
//!
//! // The JSON Schema of the file, as published in schema/project.schema.json.
//! assert_eq!(project_file::json_schema()["title"], "tailplan project file");
//! # Ok::<(), ProjectFileError>(())
//! ```

use serde::Serialize;
use serde_json::Value;
use thiserror::Error;

use crate::diagnostics::{Diagnostic, summarize_errors};
use crate::project::Project;
use crate::validate::validate_project;

mod v1_to_v2;
mod v2_to_v3;
mod v3_to_v4;

/// The `format` member every project file carries.
pub const FORMAT: &str = "tailplan-project";

/// The version this build writes, and the newest it reads.
pub const VERSION: u32 = 4;

/// One upgrade step of the file format, from `from` to `from + 1`.
pub struct Migration {
    /// The version it upgrades from.
    pub from: u32,
    /// What changed, for the release notes and for errors.
    pub summary: &'static str,
    /// Rewrites the JSON in place.
    pub apply: fn(&mut Value) -> Result<(), String>,
}

/// Every upgrade step, oldest first. A format change bumps [`VERSION`] and appends its step
/// here, with a test that opens a committed file of the old version
/// (`tests/migrations/`).
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        from: 1,
        summary: "cable routes refer to their endpoint and telecom room by id, so renaming them keeps the route",
        apply: v1_to_v2::apply,
    },
    Migration {
        from: 2,
        summary: "an access point's band, channel and power became its one radio in `radios`; an access point without a PoE figure now draws 25.5 W (802.3at class 4), not 0 W",
        apply: v2_to_v3::apply,
    },
    Migration {
        from: 3,
        summary: "the campus: buildings, ducts, switch models and the distributors' roles (a version 3 file is one building of floor distributors, unchanged)",
        apply: v3_to_v4::apply,
    },
];

/// Why a project file could not be opened.
#[derive(Debug, Error)]
pub enum ProjectFileError {
    /// The text is not JSON.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the JSON parser expected.
        message: String,
    },
    /// Valid JSON, but not a tailplan project.
    #[error("not a tailplan project file: {0}")]
    NotAProject(String),
    /// Written by a newer tailplan.
    #[error(
        "the file is version {found}; this tailplan reads versions up to {VERSION}: update tailplan"
    )]
    TooNew {
        /// The file's version.
        found: u32,
    },
    /// An upgrade step failed.
    #[error("upgrading from version {from}: {message}")]
    Migration {
        /// The version being upgraded from.
        from: u32,
        /// What went wrong.
        message: String,
    },
    /// A member has the wrong type or value.
    #[error("{path}: {message}")]
    Field {
        /// Where, as `floors[0].walls[3].thickness_m`.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// Values that are impossible (a negative thickness, a duplicate id...).
    #[error("{}", summarize_errors(.0))]
    Invalid(Vec<Diagnostic>),
}

/// The file's shape, for the JSON Schema: `format`, `version` and the project's members.
#[derive(schemars::JsonSchema)]
#[schemars(title = "tailplan project file")]
#[allow(dead_code)] // only its schema is used
struct ProjectFileSchema {
    /// Always `tailplan-project`.
    #[schemars(with = "FormatTag")]
    format: String,
    /// The format version; this build writes and reads up to [`VERSION`].
    version: u32,
    #[serde(flatten)]
    project: Project,
}

/// The constant `format` member.
#[derive(schemars::JsonSchema)]
#[allow(dead_code)]
enum FormatTag {
    #[serde(rename = "tailplan-project")]
    TailplanProject,
}

/// The JSON Schema (draft 2020-12) of the project file, as published in
/// `schema/project.schema.json`.
pub fn json_schema() -> Value {
    let schema = schemars::schema_for!(ProjectFileSchema);
    serde_json::to_value(schema).expect("a schema serialises")
}

#[derive(Serialize)]
struct FileRef<'a> {
    format: &'static str,
    version: u32,
    #[serde(flatten)]
    project: &'a Project,
}

/// The project as a JSON value, with `format` and `version`.
pub fn to_value(project: &Project) -> Value {
    serde_json::to_value(FileRef {
        format: FORMAT,
        version: VERSION,
        project,
    })
    .expect("a project always serialises")
}

/// The project file's text: readable, with coordinates kept on one line.
pub fn to_json(project: &Project) -> String {
    crate::json_text::to_pretty_string(&to_value(project))
}

/// Opens a project file: the project and its warnings, or what makes it unusable.
pub fn from_json(text: &str) -> Result<(Project, Vec<Diagnostic>), ProjectFileError> {
    // Editors on Windows save UTF-8 with a byte-order mark; JSON parsers do not skip it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| ProjectFileError::Syntax {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    from_value(value)
}

/// Opens a project file already parsed as JSON; see [`from_json`].
pub fn from_value(mut value: Value) -> Result<(Project, Vec<Diagnostic>), ProjectFileError> {
    let obj = value
        .as_object_mut()
        .ok_or_else(|| ProjectFileError::NotAProject("the top level is not an object".into()))?;
    match obj.remove("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(ProjectFileError::NotAProject(format!(
                "\"format\" is {other}, expected \"{FORMAT}\""
            )));
        }
        None if obj.contains_key("features") => {
            return Err(ProjectFileError::NotAProject(
                "this is GeoJSON: import it with `tailplan import`".into(),
            ));
        }
        None => return Err(ProjectFileError::NotAProject("no \"format\" member".into())),
    }
    let version = match obj.remove("version") {
        Some(v) => v
            .as_u64()
            .and_then(|v| u32::try_from(v).ok())
            .filter(|v| *v >= 1)
            .ok_or_else(|| {
                ProjectFileError::NotAProject(format!("\"version\" {v} is not a version number"))
            })?,
        None => {
            return Err(ProjectFileError::NotAProject(
                "no \"version\" member".into(),
            ));
        }
    };
    if version > VERSION {
        return Err(ProjectFileError::TooNew { found: version });
    }
    migrate(&mut value, version)?;
    let upgraded = MIGRATIONS.iter().filter(|m| m.from >= version).map(|m| {
        Diagnostic::info(
            "file",
            format!(
                "upgraded from version {} to {}: {}; saving writes version {VERSION}",
                m.from,
                m.from + 1,
                m.summary
            ),
        )
    });
    let upgraded: Vec<Diagnostic> = upgraded.collect();
    let project: Project = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        ProjectFileError::Field {
            path,
            message: strip_position(&e.into_inner().to_string()),
        }
    })?;
    let mut diagnostics = validate_project(&project);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(ProjectFileError::Invalid(diagnostics));
    }
    diagnostics.splice(0..0, upgraded);
    Ok((project, diagnostics))
}

/// Reads a project file this version of tailplan wrote itself, such as the editor's copy of
/// its project sent to its worker: of this [`VERSION`], already checked. No migration, no
/// validation, and an error says what without the path to the member: without the path
/// tracking of [`from_json`], whose code is as big again as the project's reading itself
/// (the editor's worker waits for none of it). Anything else opens with [`from_json`].
pub fn from_own_json(text: &str) -> Result<Project, ProjectFileError> {
    // As `to_value(..).to_string()` writes it: the format and version first, compact.
    let head = format!("{{\"format\":\"{FORMAT}\",\"version\":{VERSION},");
    if !text.starts_with(&head) {
        return Err(ProjectFileError::NotAProject(format!(
            "not the compact text of a version {VERSION} project file"
        )));
    }
    // `format` and `version` are members the project ignores.
    serde_json::from_str(text).map_err(|e| ProjectFileError::Syntax {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })
}

/// Upgrades a project file's JSON from `version` to [`VERSION`], step by step.
pub fn migrate(value: &mut Value, version: u32) -> Result<(), ProjectFileError> {
    for step in MIGRATIONS.iter().filter(|m| m.from >= version) {
        (step.apply)(value).map_err(|message| ProjectFileError::Migration {
            from: step.from,
            message,
        })?;
    }
    Ok(())
}

/// serde_json appends " at line L column C" to its messages; the error says it already.
pub(crate) fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::floor::Floor;

    fn sample() -> Project {
        let mut p = Project::new();
        p.meta.name = "HQ".into();
        p.floors.push(Floor::new("0", "Ground", 0.0));
        p
    }

    #[test]
    fn own_compact_text_reads_back_and_nothing_else_does() {
        let mut p = sample();
        p.floors[0].name = "Étage \"0\"".into();
        let own = to_value(&p).to_string();
        assert_eq!(from_own_json(&own).unwrap(), p);
        // Pretty text, another version, or a damaged one: refused, saying what.
        for text in [
            to_json(&p),
            own.replace(&format!("\"version\":{VERSION}"), "\"version\":1"),
            own.replace("\"floors\"", "\"floors\":7,\"x\""),
        ] {
            let e = from_own_json(&text).unwrap_err().to_string();
            assert!(
                e.contains(&format!("version {VERSION}")) || e.contains("line 1"),
                "{e}"
            );
        }
    }

    #[test]
    fn round_trip_is_exact() {
        let p = sample();
        let text = to_json(&p);
        assert!(text.starts_with("{\n  \"format\": \"tailplan-project\",\n  \"version\": 4,"));
        let (back, warnings) = from_json(&text).unwrap();
        assert_eq!(back, p);
        assert!(warnings.is_empty());
        assert_eq!(to_json(&back), text);
    }

    #[test]
    fn errors_say_what_and_where() {
        let err = |text: &str| from_json(text).unwrap_err().to_string();
        assert_eq!(
            err("{\"format\": "),
            "line 1, column 11: EOF while parsing a value"
        );
        assert_eq!(
            err("[]"),
            "not a tailplan project file: the top level is not an object"
        );
        assert!(
            err(r#"{"type": "FeatureCollection", "features": []}"#).contains("this is GeoJSON")
        );
        assert_eq!(
            err(r#"{"format": "tailplan-project", "version": 7}"#),
            "the file is version 7; this tailplan reads versions up to 4: update tailplan"
        );
        let bad_field = r#"{"format": "tailplan-project", "version": 1,
            "floors": [{"id": "0", "name": "G", "elevation_m": 0, "ceiling_m": 2.8,
                        "walls": [{"id": "w", "shape": {"line": [[0,0],[1,0]]}, "thickness_m": "thick"}]}]}"#;
        assert_eq!(
            err(bad_field),
            "floors[0].walls[0].thickness_m: invalid type: string \"thick\", expected f64"
        );
        let impossible = bad_field.replace("\"thick\"", "-1");
        assert_eq!(
            err(&impossible),
            "floor \"0\", wall \"w\": thickness_m -1 must be above 0 and at most 5"
        );
    }

    /// The published schema is the one the code derives. To update it after a model change:
    /// `TAILPLAN_BLESS=1 cargo test -p tailplan-core schema`.
    #[test]
    fn published_schema_is_current() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../schema/project.schema.json"
        );
        let current = crate::json_text::to_pretty_string(&json_schema());
        if std::env::var_os("TAILPLAN_BLESS").is_some() {
            std::fs::write(path, &current).unwrap();
        }
        let published = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            published == current,
            "schema/project.schema.json is out of date: run TAILPLAN_BLESS=1 cargo test -p tailplan-core schema"
        );
    }

    #[test]
    fn an_older_file_is_upgraded_and_says_so() {
        let (p, notes) = from_json(r#"{"format": "tailplan-project", "version": 1}"#).unwrap();
        assert_eq!(p, Project::default());
        assert_eq!(notes.len(), 3, "one note per step");
        assert_eq!(notes[0].severity, crate::diagnostics::Severity::Info);
        assert!(
            notes[0]
                .message
                .starts_with("upgraded from version 1 to 2: cable routes refer to"),
            "{}",
            notes[0].message
        );
        assert!(
            notes[1]
                .message
                .starts_with("upgraded from version 2 to 3: an access point's band"),
            "{}",
            notes[1].message
        );
        assert!(
            notes[2]
                .message
                .starts_with("upgraded from version 3 to 4: the campus"),
            "{}",
            notes[2].message
        );
        assert!(notes[2].message.ends_with("saving writes version 4"));
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let text = format!("\u{feff}{}", to_json(&sample()));
        assert_eq!(from_json(&text).unwrap().0, sample());
    }

    #[test]
    fn missing_settings_take_defaults() {
        let (p, _) = from_json(r#"{"format": "tailplan-project", "version": 2}"#).unwrap();
        assert_eq!(p, Project::default());
    }
}
