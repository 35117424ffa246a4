//! Opening a project and importing a plan: [`open_text`] (a project file or GeoJSON, told
//! from the content), [`open_bytes`] (a project file or any plan tailplan imports), and
//! [`import_plan`] with an [`ImportRequest`].
//!
//! Reading the file is the front end's (the CLI reads the disk within its size limit, the
//! browser hands bytes over); everything decided about the bytes is here.

use tailplan_core::{Diagnostic, Point, Project, project_file};
use tailplan_io::geojson::{self, CrsChoice};
use tailplan_io::import::{self, Import, ImportOptions, Scale};

use crate::error::{AppError, Param};

/// A project and what opening it noticed (warnings, notes such as "upgraded from version 1").
#[derive(Debug, Clone)]
pub struct Opened {
    /// The project.
    pub project: Project,
    /// Warnings and notes.
    pub diagnostics: Vec<Diagnostic>,
}

/// True when the bytes begin a tailplan project file (a JSON object whose first 4 KiB name
/// the format), as opposed to GeoJSON or a plan.
pub fn is_project_file(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let head = bytes.get(..4096).unwrap_or(bytes);
    head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
        && String::from_utf8_lossy(head).contains(&format!("\"{}\"", project_file::FORMAT))
}

/// Opens a project file's text. Too many values for the default limits are refused before
/// the text is parsed.
pub fn open_project_file(name: &str, text: &str) -> Result<Opened, AppError> {
    import::check_json_to_open(name, text).map_err(AppError::TooManyValues)?;
    let (project, diagnostics) =
        project_file::from_json(text).map_err(|error| AppError::ProjectFile {
            file: name.to_owned(),
            error,
        })?;
    Ok(Opened {
        project,
        diagnostics,
    })
}

/// Imports a GeoJSON FeatureCollection, its coordinates read as `crs` says.
pub fn open_geojson(name: &str, text: &str, crs: CrsChoice) -> Result<Opened, AppError> {
    import::check_json_to_open(name, text).map_err(AppError::TooManyValues)?;
    let options = geojson::ImportOptions {
        source_name: name.to_owned(),
        crs,
    };
    let done = geojson::import(text, &options)?;
    Ok(Opened {
        project: done.project,
        diagnostics: done.report.diagnostics,
    })
}

/// Opens a text that is a project file or GeoJSON, told from the content, not the name: what
/// every command that takes a project opens.
pub fn open_text(name: &str, text: &str, crs: CrsChoice) -> Result<Opened, AppError> {
    if is_project_file(text.as_bytes()) {
        open_project_file(name, text)
    } else {
        open_geojson(name, text, crs)
    }
}

/// Opens a file's bytes: a tailplan project file, or any plan [`import_plan`] reads (told from
/// the content).
pub fn open_bytes(name: &str, bytes: &[u8], request: &ImportRequest) -> Result<Opened, AppError> {
    if is_project_file(bytes) {
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        let text = std::str::from_utf8(bytes).map_err(|e| AppError::NotText {
            file: name.to_owned(),
            byte: e.valid_up_to(),
        })?;
        return open_project_file(name, text);
    }
    let done = import_plan(name, bytes, request)?;
    Ok(Opened {
        project: done.project,
        diagnostics: done.report.diagnostics,
    })
}

/// How to import a plan: `tailplan import`'s flags, the npm package's `importFile` options,
/// the editor's import dialog. The importers' own options; the file's name is given apart.
pub type ImportRequest = ImportOptions;

/// The scale given either as metres per unit or as two points (`[x1, y1, x2, y2, distance]`),
/// not both.
pub fn scale_of(
    m_per_unit: Option<f64>,
    points: Option<[f64; 5]>,
) -> Result<Option<Scale>, AppError> {
    match (m_per_unit, points) {
        (Some(_), Some(_)) => Err(AppError::Conflict {
            a: Param::ImportScale,
            b: Param::ScalePoints,
        }),
        (Some(s), None) => Ok(Some(Scale::MetresPerUnit(s))),
        (None, Some([x1, y1, x2, y2, d])) => Ok(Some(Scale::TwoPoints {
            a: Point::new(x1, y1),
            b: Point::new(x2, y2),
            distance_m: d,
        })),
        (None, None) => Ok(None),
    }
}

/// The request for the file `name` (a blank floor id is no floor id).
fn named(name: &str, request: &ImportRequest) -> ImportOptions {
    ImportOptions {
        source_name: name.to_owned(),
        floor: request.floor.clone().filter(|f| !f.trim().is_empty()),
        ..request.clone()
    }
}

/// Imports a plan's bytes (GeoJSON, IMDF zip, DXF, SVG, PNG, JPEG; told from the content).
/// A project file is refused: it is opened, not imported.
pub fn import_plan(name: &str, bytes: &[u8], request: &ImportRequest) -> Result<Import, AppError> {
    if is_project_file(bytes) {
        return Err(AppError::AlreadyAProject {
            file: name.to_owned(),
        });
    }
    Ok(import::import_file(name, bytes, &named(name, request))?)
}

/// Imports the files of an IMDF archive's folder (name, bytes).
pub fn import_imdf_files(
    name: &str,
    files: &[(String, Vec<u8>)],
    request: &ImportRequest,
) -> Result<Import, AppError> {
    Ok(import::import_imdf_files(files, &named(name, request))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_files_are_told_by_content() {
        assert!(is_project_file(
            b"\xef\xbb\xbf  {\"format\": \"tailplan-project\", \"version\": 2}"
        ));
        assert!(!is_project_file(b"{\"type\": \"FeatureCollection\"}"));
        assert!(!is_project_file(b"0\nSECTION\n\"tailplan-project\""));
        let e = import_plan(
            "p.json",
            b"{\"format\": \"tailplan-project\"}",
            &ImportRequest::default(),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "p.json: is already a tailplan project: nothing to import"
        );
    }

    #[test]
    fn scale_or_two_points() {
        assert!(matches!(
            scale_of(Some(0.01), Some([0.0, 0.0, 1.0, 0.0, 1.0])),
            Err(AppError::Conflict { .. })
        ));
        assert_eq!(
            scale_of(Some(0.01), None).unwrap(),
            Some(Scale::MetresPerUnit(0.01))
        );
    }

    use tailplan_io::import::Units;

    #[test]
    fn a_limit_names_what_raises_it() {
        let lines: String = (0..5)
            .map(|i| format!("0\nLINE\n8\nA-WALL\n10\n0\n20\n{i}\n11\n5\n21\n{i}\n"))
            .collect();
        let dxf = format!("0\nSECTION\n2\nENTITIES\n{lines}0\nENDSEC\n0\nEOF\n");
        let mut request = ImportRequest {
            units: Some(Units::Metres),
            ..Default::default()
        };
        request.limits.max_entities = 3;
        let e = import_plan("five.dxf", dxf.as_bytes(), &request).unwrap_err();
        assert_eq!(e.param(), Some(Param::MaxEntities));
        assert!(
            e.to_string()
                .ends_with("the limit (max_entities raises it)"),
            "{e}"
        );
    }
}
