//! What the JavaScript API returns, as plain data: `tailplan-app`'s results (the same types
//! whose JSON the CLI prints, so the members and values are the CLI's), and the project file.
//!
//! Where the CLI rounds to 0.01 (`tailplan coverage --out-json`), the plugin keeps the full
//! precision, and it hands a coverage grid over as a `Float32Array`. The TypeScript
//! interfaces are generated from these types (see `ts/types.d.ts`).

use schemars::JsonSchema;
use tailplan_core::Project;

pub use tailplan_app::{
    CheckResult, CoverageResult, ProjectInfo, RouteResult, RouteSummary, SheetResult,
    TransmitterRef,
};

/// The constant `format` member of a project file.
#[derive(JsonSchema)]
#[allow(dead_code)] // only its schema is used
enum FormatTag {
    #[serde(rename = "tailplan-project")]
    TailplanProject,
}

/// A project file (`*.tailplan.json`), as `project.toJSON()` returns it and
/// `Project.fromJSON` reads it.
#[derive(JsonSchema)]
#[allow(dead_code)] // only its schema is used: the file is project_file::to_value
pub struct ProjectFile {
    /// Always `tailplan-project`.
    format: FormatTag,
    /// The format version (this build writes and reads up to `project_file::VERSION`).
    version: u32,
    #[serde(flatten)]
    project: Project,
}
