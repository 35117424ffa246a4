//! What the editor keeps in the browser so that a reload or a crash loses nothing: the
//! project file's text and a small record about it. Pure; [`crate::browser::storage`] writes them to
//! IndexedDB.
//!
//! IndexedDB rather than localStorage: the office sample is 1.6 MB of JSON and imported
//! plans with scanned underlays are far bigger, while localStorage holds about 5 MB per
//! origin as UTF-16 and blocks the page while it writes. The project is stored as compact
//! JSON (not the pretty file text) under [`PROJECT_KEY`], its record under [`META_KEY`]; both
//! in one transaction, so that a crash leaves either the old pair or the new one.

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use tailplan_core::{Project, project_file};

use crate::document::opened::{LoadError, Opened};
use crate::document::{Document, Source};

/// The IndexedDB database.
pub const DB_NAME: &str = "tailplan";
/// Its object store.
pub const STORE: &str = "autosave";
/// The key of the project's text.
pub const PROJECT_KEY: &str = "project";
/// The key of the record about it.
pub const META_KEY: &str = "meta";
/// The version of [`SavedMeta`]'s format.
pub const META_VERSION: u32 = 1;

/// What the editor records about the project it keeps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedMeta {
    /// [`META_VERSION`].
    pub version: u32,
    /// The name a download is given.
    pub file_name: String,
    /// The project has changes no file holds.
    pub unsaved: bool,
    /// The floor on screen.
    #[serde(default)]
    pub floor_id: Option<String>,
}

impl SavedMeta {
    /// The record of `doc` shown on `floor_id`.
    pub fn of(doc: &Document, floor_id: Option<&str>) -> Self {
        Self {
            version: META_VERSION,
            file_name: doc.file_name.clone(),
            unsaved: doc.is_unsaved(),
            floor_id: floor_id.map(str::to_owned),
        }
    }

    /// The record as stored.
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored record; `None` when it is not one this editor wrote.
    pub fn from_text(text: &str) -> Option<Self> {
        serde_json::from_str::<SavedMeta>(text)
            .ok()
            .filter(|m| m.version == META_VERSION)
    }
}

/// The project as stored: the project file's JSON, compact.
pub fn project_text(project: &Project) -> String {
    project_file::to_value(project).to_string()
}

/// The project kept in the browser, reopened: read as a project file is, so that a damaged
/// record is reported instead of opened.
pub fn restore(project: &str, meta: Option<&str>) -> Result<Opened, LoadError> {
    let meta = meta.and_then(SavedMeta::from_text);
    let (project, diagnostics) = project_file::from_json(project).map_err(|e| {
        LoadError::Invalid(format!("the project kept in this browser is damaged: {e}"))
    })?;
    let file_name = meta
        .as_ref()
        .map(|m| m.file_name.clone())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "project.tailplan.json".to_owned());
    Ok(Opened {
        project: Rc::new(project),
        warnings: diagnostics.iter().map(ToString::to_string).collect(),
        source: Source::Restored,
        file_name,
        floor_id: meta.as_ref().and_then(|m| m.floor_id.clone()),
        unsaved: meta.as_ref().is_none_or(|m| m.unsaved),
    })
}

#[cfg(test)]
mod tests {
    use tailplan_core::Floor;

    use super::*;

    #[test]
    fn a_kept_project_reopens_as_it_was() {
        let mut p = Project::new();
        p.meta.name = "HQ".into();
        p.floors.push(Floor::new("1", "L1", 0.0));
        p.floors.push(Floor::new("2", "L2", 3.5));
        let mut doc = Document::new(p.clone(), Source::New, "hq.tailplan.json");
        doc.revision = 3;
        let meta = SavedMeta::of(&doc, Some("2"));
        assert!(meta.unsaved);
        let text = project_text(doc.project());
        assert!(!text.contains('\n'), "compact");
        let back = restore(&text, Some(&meta.to_text())).unwrap();
        assert_eq!(*back.project, p);
        assert_eq!(back.source, Source::Restored);
        assert_eq!(back.file_name, "hq.tailplan.json");
        assert_eq!((back.floor_id.as_deref(), back.unsaved), (Some("2"), true));
        // Without a record (or with one from elsewhere) it still opens, as unsaved.
        let back = restore(&text, Some("{\"version\": 99}")).unwrap();
        assert_eq!(
            (back.file_name.as_str(), back.unsaved),
            ("project.tailplan.json", true)
        );
    }

    #[test]
    fn a_damaged_record_is_reported() {
        let e = restore("{\"format\": \"tailplan-project\", \"vers", None).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("the project kept in this browser is damaged: line 1"),
            "{e}"
        );
        assert!(SavedMeta::from_text("nope").is_none());
    }
}
