//! The one entry point every importer is reached through: [`import_file`] takes a file's name
//! and bytes (the CLI reads them; the editor and the npm package get them from the browser),
//! tells the format from the content, and returns a [`tailplan_core::Project`] with the
//! [`ImportRecord`] of what was read and decided. Options and report are plain data, errors
//! name the file and the entity or line.
//!
//! | format | how it is told | what it makes |
//! |---|---|---|
//! | GeoJSON | JSON with `features` | the interchange contract ([`crate::geojson`]); or, when its features have a `Layer` and no `kind`, a CAD drawing exported as GeoJSON (GDAL, QGIS), read by layer like a DXF |
//! | IMDF | a `.zip` holding `unit.geojson` (or the files of such a folder: [`import_imdf_files`]) | floors, rooms, walls, doors ([`crate::imdf`]) |
//! | DXF | text starting with group code 0 / `SECTION`, or binary DXF | walls, rooms, labels, doors, windows, underlay ([`crate::dxf`]) |
//! | SVG | XML whose root is `<svg>` | the same, at a scale you give ([`crate::svg`]) |
//! | PNG, JPEG | their signatures | a raster underlay, placed by a scale ([`crate::raster`]) |
//! | IFC | text starting with `ISO-10303-21` (schema IFC2X3 or IFC4) | one floor per storey holding walls: walls, doors, windows, rooms, the storeys' slabs and the site's georeference in the report (`ifc`) |
//!
//! DWG, PDF and other binaries are refused with a message saying what to export instead.

pub(crate) mod error;
pub(crate) mod json;
pub(crate) mod options;

use tailplan_core::{Diagnostic, Floor, ImportRecord, Project};

use crate::geojson;

pub use error::ImportError;
pub use json::{check_json, check_json_to_open};
pub use options::{Format, Import, ImportLimits, ImportOptions, Limit, LimitSetting, Scale, Units};

/// The signatures of files tailplan refuses, and what to do instead.
fn refused(head: &[u8]) -> Option<String> {
    if head.len() >= 6 && head.starts_with(b"AC10") && head[4..6].iter().all(u8::is_ascii_digit) {
        let version = String::from_utf8_lossy(&head[..6]);
        return Some(format!(
            "not UTF-8 text: this is a binary AutoCAD DWG drawing ({version}); tailplan reads DXF: save it as DXF (AutoCAD: SAVEAS, DXF; or the ODA File Converter) and import that"
        ));
    }
    if head.starts_with(b"%PDF") {
        return Some("a PDF document: export the plan as DXF or SVG from the CAD tool, or as PNG to trace over in the editor".into());
    }
    if head.starts_with(&[0x1f, 0x8b]) {
        return Some("gzip-compressed (an .svgz or a .gz): unpack it first".into());
    }
    if head.starts_with(b"GIF8")
        || head.starts_with(b"II*\0")
        || head.starts_with(b"MM\0*")
        || head.starts_with(b"BM")
    {
        return Some(
            "an image format tailplan does not read (GIF, TIFF, BMP): convert it to PNG".into(),
        );
    }
    None
}

/// Tells the format of a file from its first bytes (the first few kilobytes are enough),
/// falling back to its name's extension.
pub fn sniff(name: &str, head: &[u8]) -> Result<Format, ImportError> {
    if let Some(message) = refused(head) {
        return Err(ImportError::Unsupported {
            file: name.to_owned(),
            message,
        });
    }
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(Format::Png);
    }
    if head.starts_with(&[0xff, 0xd8, 0xff]) {
        return Ok(Format::Jpeg);
    }
    if head.starts_with(b"PK\x03\x04") {
        return Ok(Format::Imdf);
    }
    if head.starts_with(b"AutoCAD Binary DXF") {
        return Ok(Format::Dxf);
    }
    let text = String::from_utf8_lossy(&head[..head.len().min(8192)]);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with("ISO-10303-21") {
        return Ok(Format::Ifc);
    }
    if t.starts_with('<') {
        if t.contains("<svg") {
            return Ok(Format::Svg);
        }
        return Err(ImportError::Unsupported {
            file: name.to_owned(),
            message: "XML, but not SVG".into(),
        });
    }
    if t.starts_with('{') || t.starts_with('[') {
        return Ok(Format::GeoJson);
    }
    // DXF: group code / value pairs, the first code 0 (or 999, a comment).
    let mut lines = t.lines().map(str::trim);
    if let (Some(code), Some(_)) = (lines.next(), lines.next())
        && (code == "0" || code == "999")
        && t.contains("SECTION")
    {
        return Ok(Format::Dxf);
    }
    let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "dxf" => Ok(Format::Dxf),
        "svg" => Ok(Format::Svg),
        "geojson" | "json" => Ok(Format::GeoJson),
        "zip" | "imdf" => Ok(Format::Imdf),
        "png" => Ok(Format::Png),
        "jpg" | "jpeg" => Ok(Format::Jpeg),
        "ifc" => Ok(Format::Ifc),
        _ => Err(ImportError::Unsupported {
            file: name.to_owned(),
            message: "not a format tailplan imports (GeoJSON, IMDF, DXF, SVG, IFC, PNG, JPEG)"
                .into(),
        }),
    }
}

/// Imports a file from its bytes; see the module documentation.
///
/// ```
/// use tailplan_io::import::{import_file, ImportOptions};
/// let dxf = "0\nSECTION\n2\nENTITIES\n0\nLINE\n8\nA-WALL\n10\n0\n20\n0\n11\n5000\n21\n0\n\
///            0\nLINE\n8\nA-WALL\n10\n0\n20\n150\n11\n5000\n21\n150\n0\nENDSEC\n0\nEOF\n";
/// let mut options = ImportOptions::named("wall.dxf");
/// options.units = Some("mm".parse()?);
/// let done = import_file("wall.dxf", dxf.as_bytes(), &options)?;
/// let floor = &done.project.floors[0];
/// // The two faces of one wall became one wall, 0.15 m thick.
/// assert_eq!(floor.walls.len(), 1);
/// assert_eq!(floor.walls.as_slice()[0].thickness_m, 0.15);
/// assert_eq!(done.report.walls.unwrap().face_pairs, 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn import_file(
    name: &str,
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<Import, ImportError> {
    let format = match options.format {
        Some(f) => f,
        None => sniff(name, &bytes[..bytes.len().min(8192)])?,
    };
    let limit = options.limits.file_bytes(format);
    if bytes.len() as u64 > limit {
        return Err(ImportError::TooLarge {
            file: name.to_owned(),
            format: format.as_str(),
            bytes: bytes.len() as u64,
            limit,
        });
    }
    let mut options = options.clone();
    if options.source_name.is_empty() {
        options.source_name = name.to_owned();
    }
    // GeoJSON of a CAD drawing (GDAL's DXF export: a `Layer` on every feature, no `kind`).
    let cad = if format == Format::GeoJson {
        let text = utf8(name, bytes)?;
        check_json(name, text, &options.limits)?;
        let head = &text[..text.floor_char_boundary(65_536)];
        if head.contains("\"Layer\"") && !head.contains("\"kind\"") {
            serde_json::from_str::<serde_json::Value>(text)
                .ok()
                .filter(crate::cad_geojson::is_cad)
        } else {
            None
        }
    } else {
        None
    };
    let mut done = match format {
        Format::GeoJson if cad.is_some() => {
            crate::cad_geojson::import(cad.as_ref().expect("checked"), &options)
        }
        Format::GeoJson => {
            let text = utf8(name, bytes)?;
            let o = geojson::ImportOptions {
                source_name: options.source_name.clone(),
                crs: options.crs,
            };
            let done = geojson::import(text, &o)?;
            let report = ImportRecord {
                source: options.source_name.clone(),
                format: Format::GeoJson.as_str().into(),
                units: if done.report.wgs84 {
                    "WGS84 lon/lat".into()
                } else {
                    "m".into()
                },
                floors: done.project.floors.iter().map(|f| f.id.clone()).collect(),
                counts: done.report.counts.clone(),
                diagnostics: done.report.diagnostics.clone(),
                ..Default::default()
            };
            Import {
                project: done.project,
                report,
            }
        }
        Format::Imdf => crate::imdf::import_zip(bytes, &options)?,
        Format::Dxf => crate::dxf::import(bytes, &options)?,
        Format::Svg => crate::svg::import(utf8(name, bytes)?, &options)?,
        Format::Png | Format::Jpeg => crate::raster::import(bytes, format, &options)?,
        Format::Ifc => crate::ifc::import(bytes, &options)?,
    };
    count_elements(&mut done);
    // A GeoJSON import is the interchange contract's round trip: the project it gives back is
    // exactly the one exported, so it records no import of its own (a CAD drawing exported
    // as GeoJSON does).
    if format != Format::GeoJson || cad.is_some() {
        done.project.imports = vec![done.report.clone()];
    }
    Ok(done)
}

/// Imports an IMDF archive given as its files (a folder's `unit.geojson`, `level.geojson`...):
/// (file name, bytes) pairs.
pub fn import_imdf_files(
    files: &[(String, Vec<u8>)],
    options: &ImportOptions,
) -> Result<Import, ImportError> {
    let mut done = crate::imdf::import_files(files, options)?;
    count_elements(&mut done);
    done.project.imports = vec![done.report.clone()];
    Ok(done)
}

/// Fills the report's element counts from the project, when the importer left them out.
fn count_elements(done: &mut Import) {
    if done.report.counts.is_empty() {
        for f in &done.project.floors {
            for (k, n) in f.counts() {
                *done.report.counts.entry(k).or_insert(0) += n;
            }
        }
    }
}

pub(crate) fn utf8<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, ImportError> {
    std::str::from_utf8(bytes).map_err(|e| ImportError::Malformed {
        file: name.to_owned(),
        line: Some(
            bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1,
        ),
        entity: None,
        message: format!(
            "not UTF-8 text (byte {}): is it a binary file?",
            e.valid_up_to()
        ),
    })
}

/// Adds an import to an existing project (`tailplan import --append`): each imported floor
/// joins the project's floor of the same id, or is added; element ids that clash are renamed;
/// the import's report is appended to [`Project::imports`]. Returns notes on what was renamed.
///
/// ```
/// use tailplan_io::import::{append, import_file, ImportOptions};
/// let level = |floor: &str| {
///     let dxf = "0\nSECTION\n2\nENTITIES\n0\nLINE\n8\nA-WALL\n10\n0\n20\n0\n11\n8000\n21\n0\n\
///                0\nLINE\n8\nA-WALL\n10\n0\n20\n150\n11\n8000\n21\n150\n0\nENDSEC\n0\nEOF\n";
///     let options = ImportOptions { floor: Some(floor.into()), ..ImportOptions::named(format!("level-{floor}.dxf")) };
///     import_file(&options.source_name, dxf.as_bytes(), &options)
/// };
/// let mut project = level("0")?.project;
/// let notes = append(&mut project, level("1")?);
/// let ids: Vec<&str> = project.floors.iter().map(|f| f.id.as_str()).collect();
/// assert_eq!(ids, ["0", "1"]);
/// // Both floors' walls had the same ids: the appended ones were renamed, and it says so.
/// assert!(!notes.is_empty());
/// assert_eq!(project.imports.len(), 2);
/// # Ok::<(), tailplan_io::import::ImportError>(())
/// ```
pub fn append(target: &mut Project, import: Import) -> Vec<Diagnostic> {
    let mut notes = Vec::new();
    let mut ids = target.id_allocator();
    let mut renamed = 0usize;
    if target.georef.is_none() {
        target.georef = import.project.georef;
    } else if import.project.georef.is_some() && import.project.georef != target.georef {
        notes.push(Diagnostic::warning(
            &import.report.source,
            "the file is georeferenced around another origin than the project: its floors are placed by their own local metres",
        ));
    }
    for floor in import.project.floors {
        let mut elements = floor.elements();
        for e in &mut elements {
            if !ids.claim(e.id()) {
                let prefix = e.kind().as_str().to_owned();
                let fresh = ids.next(&prefix);
                e.set_id(fresh);
                renamed += 1;
            }
        }
        match target.floor_mut(&floor.id) {
            Some(existing) => {
                let before = existing.counts().values().sum::<usize>();
                if before > 0 {
                    notes.push(Diagnostic::warning(
                        &import.report.source,
                        format!(
                            "floor \"{}\" already had {before} element(s): the import was added to them (give another --floor for a floor of its own)",
                            floor.id
                        ),
                    ));
                }
                for e in elements {
                    existing.insert(None, e);
                }
                let base = existing.underlays.len();
                for (i, mut u) in floor.underlays.into_iter().enumerate() {
                    if existing.underlays.iter().any(|x| x.id == u.id) {
                        u.id = format!("{}-{}", u.id, base + i + 1);
                    }
                    existing.underlays.push(u);
                }
            }
            None => {
                let mut fresh = Floor::new(floor.id.clone(), floor.name.clone(), floor.elevation_m);
                fresh.ceiling_m = floor.ceiling_m;
                fresh.props = floor.props.clone();
                fresh.underlays = floor.underlays.clone();
                for e in elements {
                    fresh.insert(None, e);
                }
                target.floors.push(fresh);
            }
        }
    }
    if renamed > 0 {
        notes.push(Diagnostic::info(
            &import.report.source,
            format!("{renamed} element id(s) were already used in the project and were renamed"),
        ));
    }
    target.imports.push(import.report);
    notes
}
