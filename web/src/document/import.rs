//! Opening a file the user picked or dropped: a tailplan project file opens here; anything
//! else is a floor plan to import, which the worker does (`tailplan-io`'s importers live only
//! in the worker's binary, downloaded after the editor's first paint). Pure: the bytes come
//! from the browser edge ([`crate::browser::files`]).

use std::rc::Rc;

use tailplan_core::project_file;

use crate::document::opened::{LoadError, Opened};
use crate::document::{Source, project_file_name};

/// The largest file the editor opens, bytes: bigger ones are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The file types the open dialog offers (`accept`): project files and everything
/// `tailplan-io` imports.
pub const ACCEPT: &str = ".json,.geojson,.zip,.imdf,.dxf,.svg,.ifc,.png,.jpg,.jpeg,.msi,.ant,.pln,.csv,application/json,application/geo+json,text/csv";

/// Refuses a file that is too big before it is read.
pub fn check_size(name: &str, bytes: u64) -> Result<(), LoadError> {
    if bytes > MAX_FILE_BYTES {
        return Err(LoadError::Invalid(format!(
            "“{name}” is {} MB; the editor opens files up to {} MB",
            bytes / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    Ok(())
}

/// What a file is, once its first bytes are looked at.
#[derive(Debug, Clone)]
pub enum FileKind {
    /// A tailplan project file, read.
    Project(Opened),
    /// A plan to import (GeoJSON, IMDF, DXF, SVG, IFC, PNG, JPEG; or something the importer
    /// will refuse with a reason).
    Plan,
    /// An antenna pattern file (MSI / Planet: `.msi`, `.ant`, `.pln`), for the open
    /// project's antenna library.
    Antenna,
    /// A site survey (`.csv`), for the open project's surveys.
    Survey,
}

/// The extensions of antenna pattern files, which go to the open project's library rather
/// than open as a project.
pub const ANTENNA_EXTENSIONS: [&str; 3] = ["msi", "ant", "pln"];

/// True when `name` is an antenna pattern file's, by its extension.
pub fn is_antenna_file(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(_, ext)| {
        ANTENNA_EXTENSIONS
            .iter()
            .any(|a| a.eq_ignore_ascii_case(ext))
    })
}

/// Opens the file `name` holding `bytes` when it is a project file; anything else is a
/// plan for the importers.
pub fn open_file(name: &str, bytes: &[u8]) -> Result<FileKind, LoadError> {
    check_size(name, bytes.len() as u64)?;
    if is_antenna_file(name) {
        return Ok(FileKind::Antenna);
    }
    if name
        .rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("csv"))
    {
        return Ok(FileKind::Survey);
    }
    // Editors on Windows write a byte-order mark; nothing after it needs to know.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let json = std::str::from_utf8(bytes).ok().map(str::trim_start);
    if let Some(t) = json.filter(|t| t.starts_with('{'))
        && looks_like_project(t)
    {
        return open_project_text(name, t).map(FileKind::Project);
    }
    Ok(FileKind::Plan)
}

/// True when JSON text carries the project file's `format` tag near its start (a project
/// file writes it first; anything else goes to the importers, which say what is wrong).
fn looks_like_project(text: &str) -> bool {
    let head = &text[..text.len().min(4096)];
    head.contains(&format!("\"{}\"", project_file::FORMAT))
}

/// Opens a project file's text.
pub fn open_project_text(name: &str, text: &str) -> Result<Opened, LoadError> {
    let (project, diagnostics) =
        project_file::from_json(text).map_err(|e| LoadError::Invalid(e.to_string()))?;
    Ok(Opened {
        project: Rc::new(project),
        warnings: diagnostics.iter().map(ToString::to_string).collect(),
        source: Source::File(name.to_owned()),
        file_name: project_file_name(name),
        floor_id: None,
        unsaved: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(name: &str, bytes: &[u8]) -> Opened {
        match open_file(name, bytes).unwrap() {
            FileKind::Project(p) => p,
            FileKind::Plan | FileKind::Antenna | FileKind::Survey => {
                panic!("{name} is a project file")
            }
        }
    }

    #[test]
    fn project_files_open_here_and_plans_go_to_the_importers() {
        let p = project(
            "a.tailplan.json",
            br#"{"format": "tailplan-project", "version": 1, "floors": [{"id": "1", "name": "L1", "elevation_m": 0, "ceiling_m": 3}]}"#,
        );
        assert_eq!(p.project.floors[0].id, "1");
        assert_eq!(
            (p.file_name.as_str(), &p.source),
            ("a.tailplan.json", &Source::File("a.tailplan.json".into()))
        );
        // A byte-order mark and leading space are fine.
        let with_bom = "\u{feff}  {\"format\": \"tailplan-project\", \"version\": 1}";
        assert!(matches!(
            open_file("p.json", with_bom.as_bytes()),
            Ok(FileKind::Project(_))
        ));
        for (name, bytes) in [
            (
                "plan.geojson",
                &br#"{"type": "FeatureCollection", "features": []}"#[..],
            ),
            ("plan.dxf", b"0\nSECTION\n"),
            ("model.ifc", b"ISO-10303-21;\nHEADER;\n"),
            ("scan.png", b"\x89PNG\r\n"),
            ("notes.txt", b"hello"),
        ] {
            assert!(
                matches!(open_file(name, bytes), Ok(FileKind::Plan)),
                "{name}"
            );
        }
        // Antenna pattern files, by their extension, whatever they hold.
        for name in ["patch.msi", "PANEL.ANT", "x.pln"] {
            assert!(
                matches!(open_file(name, b"NAME x"), Ok(FileKind::Antenna)),
                "{name}"
            );
        }
        assert!(!is_antenna_file("msi") && !is_antenna_file("plan.dxf"));
    }

    #[test]
    fn the_open_dialog_offers_every_importers_files() {
        for ext in [
            ".json", ".geojson", ".zip", ".dxf", ".svg", ".ifc", ".png", ".jpg",
        ] {
            assert!(ACCEPT.split(',').any(|a| a == ext), "{ext}");
        }
    }

    #[test]
    fn bad_project_files_say_what_is_wrong() {
        let e = open_file(
            "x.tailplan.json",
            br#"{"format": "tailplan-project", "version": }"#,
        )
        .unwrap_err();
        assert_eq!(e.to_string(), "line 1, column 43: expected value");
        assert!(check_size("big.json", MAX_FILE_BYTES + 1).is_err());
        assert!(check_size("ok.json", 10).is_ok());
    }
}
