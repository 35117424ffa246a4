//! Opening a file the user picked or dropped: a tailplan project file, or a floor plan to
//! import. Pure: the bytes come from the browser edge ([`crate::files`]).
//!
//! Every path ends in the same [`Opened`] project. Project files go through
//! [`tailplan_core::project_file`]; everything else through [`import_plan`], the one place
//! that calls `tailplan-io`'s importers (GeoJSON today; the DXF, SVG, IMDF and raster
//! importers plug in there behind `tailplan_io`'s common entry point when it lands).

use std::rc::Rc;

use tailplan_core::project_file;

use crate::document::{Source, project_file_name};
use crate::state::{LoadError, Opened};

/// The largest file the editor opens, bytes: bigger ones are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The file types the open dialog offers (`accept`): project files and everything
/// `tailplan-io` imports.
pub const ACCEPT: &str =
    ".json,.geojson,.zip,.imdf,.dxf,.svg,.png,.jpg,.jpeg,application/json,application/geo+json";

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

/// Opens the file `name` holding `bytes`: a project file, or a plan to import.
pub fn open_file(name: &str, bytes: &[u8]) -> Result<Opened, LoadError> {
    check_size(name, bytes.len() as u64)?;
    // Editors on Windows write a byte-order mark; nothing after it needs to know.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let json = std::str::from_utf8(bytes).ok().map(str::trim_start);
    if let Some(t) = json.filter(|t| t.starts_with('{'))
        && looks_like_project(t)
    {
        return open_project_text(name, t);
    }
    import_plan(name, bytes)
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

/// Imports a floor plan through `tailplan-io`'s one entry point
/// ([`tailplan_io::import::import_file`]), which tells the format from the content: GeoJSON,
/// IMDF, DXF, SVG, PNG and JPEG. Options are the defaults for now (DXF units from the file);
/// the layer table and the two-point calibration of SVG and raster scans come with the
/// import dialog.
pub fn import_plan(name: &str, bytes: &[u8]) -> Result<Opened, LoadError> {
    let options = tailplan_io::import::ImportOptions::named(name);
    let done = tailplan_io::import::import_file(name, bytes, &options).map_err(|e| {
        // The message names the file; the editor's own message already does.
        let m = e.to_string();
        let m = m.strip_prefix(&format!("{name}: ")).unwrap_or(&m);
        LoadError::Invalid(m.to_owned())
    })?;
    let warnings = done
        .report
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    Ok(Opened {
        project: Rc::new(done.project),
        warnings,
        source: Source::File(name.to_owned()),
        file_name: project_file_name(name),
        floor_id: None,
        unsaved: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GEOJSON: &str = r#"{"type": "FeatureCollection", "features": [
      {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0, 0], [8, 0]]},
       "properties": {"kind": "wall", "material": "concrete"}},
      {"type": "Feature", "geometry": {"type": "Point", "coordinates": [4, 3]},
       "properties": {"kind": "ap", "name": "AP-1"}}]}"#;

    const DXF: &str = "0\nSECTION\n2\nHEADER\n9\n$INSUNITS\n70\n4\n0\nENDSEC\n0\nSECTION\n2\nENTITIES\n\
        0\nLINE\n8\nA-WALL\n10\n0\n20\n0\n11\n5000\n21\n0\n\
        0\nLINE\n8\nA-WALL\n10\n0\n20\n150\n11\n5000\n21\n150\n0\nENDSEC\n0\nEOF\n";

    #[test]
    fn drawings_import_through_tailplan_io() {
        let d = open_file("wall.dxf", DXF.as_bytes()).unwrap();
        assert_eq!(d.project.floors[0].walls.len(), 1);
        assert_eq!(d.file_name, "wall.tailplan.json");
    }

    #[test]
    fn project_files_and_geojson_end_in_a_project() {
        let p = open_file(
            "a.tailplan.json",
            br#"{"format": "tailplan-project", "version": 1, "floors": [{"id": "1", "name": "L1", "elevation_m": 0, "ceiling_m": 3}]}"#,
        )
        .unwrap();
        assert_eq!(p.project.floors[0].id, "1");
        assert_eq!(
            (p.file_name.as_str(), &p.source),
            ("a.tailplan.json", &Source::File("a.tailplan.json".into()))
        );

        let g = open_file("plan.geojson", GEOJSON.as_bytes()).unwrap();
        assert_eq!(g.project.floors[0].walls.len(), 1);
        assert_eq!(g.file_name, "plan.tailplan.json");
        // A byte-order mark and leading space are fine.
        let with_bom = format!("\u{feff}  {GEOJSON}");
        assert!(open_file("plan.json", with_bom.as_bytes()).is_ok());
    }

    #[test]
    fn bad_files_say_what_is_wrong() {
        let e = open_file(
            "x.tailplan.json",
            br#"{"format": "tailplan-project", "version": }"#,
        )
        .unwrap_err();
        assert_eq!(e.to_string(), "line 1, column 43: expected value");
        let e = open_file("plan.geojson", br#"{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 1]}, "properties": {"kind": "ap", "tx_dbm": 900}}]}"#).unwrap_err();
        assert!(
            !e.to_string().starts_with("plan.geojson"),
            "named once, by the editor: {e}"
        );
        assert!(e.to_string().contains("tx_dbm"), "{e}");
        // Whatever tailplan-io refuses, it says why, naming the file.
        let e = open_file("plan.dwg", b"AC1032\0\0\0").unwrap_err();
        assert!(e.to_string().contains("DWG"), "{e}");
        let e = open_file("notes.txt", b"hello").unwrap_err();
        assert!(!e.to_string().is_empty());
        assert!(check_size("big.json", MAX_FILE_BYTES + 1).is_err());
        assert!(check_size("ok.json", 10).is_ok());
    }
}
