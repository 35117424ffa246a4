//! Helpers shared by tailplan's integration tests: where the sample buildings and the shared
//! real plans are, and how to open them.

use std::path::{Path, PathBuf};

use tailplan_core::{Project, project_file};

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every sample building the project made: `floorplans/*.tailplan.json`, sorted by name.
pub fn sample_projects() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(workspace().join("floorplans"))
        .expect("floorplans/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".tailplan.json"))
        .collect();
    files.sort();
    files
}

/// The folder of real plans from other projects (`../shared/floorplans`), when this machine
/// has it. Their licences keep them out of the repository, so tests using them skip without.
pub fn shared_floorplans() -> Option<PathBuf> {
    let dir = workspace().join("../shared/floorplans");
    dir.is_dir().then_some(dir)
}

/// The short name of a sample (`office` for `floorplans/office.tailplan.json`).
pub fn sample_name(path: &Path) -> String {
    let file = path.file_name().unwrap().to_string_lossy();
    file.trim_end_matches(".tailplan.json").to_owned()
}

/// Opens a project file, panicking with the file's name and the error.
pub fn open(path: &Path) -> Project {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (project, warnings) =
        project_file::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(warnings.is_empty(), "{}: {warnings:?}", path.display());
    project
}
