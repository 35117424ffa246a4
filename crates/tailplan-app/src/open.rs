//! Opening a project and importing a plan: [`open_text`] (a project file or GeoJSON, told
//! from the content), [`open_bytes`] (a project file or any plan tailplan imports), and
//! [`import_plan`] with an [`ImportRequest`].
//!
//! Reading the file is the front end's (the CLI reads the disk within its size limit, the
//! browser hands bytes over); everything decided about the bytes is here.

use tailplan_core::{Diagnostic, Point, Project, project_file};
use tailplan_io::geojson::{self, CrsChoice};
use tailplan_io::import::{self, Import, ImportLimits, ImportOptions, Scale, Units};
use tailplan_io::layers::LayerMap;

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
/// the editor's import dialog.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    /// The floor a single-floor drawing goes on (default `0`).
    pub floor: Option<String>,
    /// DXF units, overriding the file's.
    pub units: Option<Units>,
    /// The scale of an SVG or an image (required for them), or of a unitless DXF.
    pub scale: Option<Scale>,
    /// Layer roles tried before the default rules.
    pub layers: LayerMap,
    /// How to read GeoJSON coordinates.
    pub crs: CrsChoice,
    /// Import hidden layers too.
    pub include_hidden: bool,
    /// Keep the drawing's lines or the scan as the floor's underlay (default true).
    pub keep_underlay: bool,
    /// Rotation of an image underlay, degrees anticlockwise.
    pub rotation_deg: f64,
    /// The limits the import is held to.
    pub limits: ImportLimits,
}

impl Default for ImportRequest {
    fn default() -> Self {
        Self {
            floor: None,
            units: None,
            scale: None,
            layers: LayerMap::default(),
            crs: CrsChoice::Auto,
            include_hidden: false,
            keep_underlay: true,
            rotation_deg: 0.0,
            limits: ImportLimits::default(),
        }
    }
}

impl ImportRequest {
    /// The scale given either as metres per unit or as two points (`[x1, y1, x2, y2,
    /// distance]`), not both.
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

    /// The importers' options for the file `name`.
    pub fn options(&self, name: &str) -> ImportOptions {
        ImportOptions {
            source_name: name.to_owned(),
            format: None,
            floor: self.floor.clone().filter(|f| !f.trim().is_empty()),
            units: self.units,
            scale: self.scale,
            layers: self.layers.clone(),
            crs: self.crs,
            include_hidden: self.include_hidden,
            keep_underlay: self.keep_underlay,
            rotation_deg: self.rotation_deg,
            cleanup: Default::default(),
            limits: self.limits,
        }
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
    Ok(import::import_file(name, bytes, &request.options(name))?)
}

/// Imports the files of an IMDF archive's folder (name, bytes).
pub fn import_imdf_files(
    name: &str,
    files: &[(String, Vec<u8>)],
    request: &ImportRequest,
) -> Result<Import, AppError> {
    Ok(import::import_imdf_files(files, &request.options(name))?)
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
            ImportRequest::scale_of(Some(0.01), Some([0.0, 0.0, 1.0, 0.0, 1.0])),
            Err(AppError::Conflict { .. })
        ));
        assert_eq!(
            ImportRequest::scale_of(Some(0.01), None).unwrap(),
            Some(Scale::MetresPerUnit(0.01))
        );
    }

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
