//! Raster scans in: a PNG or JPEG becomes a floor's underlay, placed by a scale (metres per
//! pixel, or two pixels and their distance), a rotation, with the image's bottom-left corner at
//! the floor's origin, so the user can trace walls over it in the editor.

use tailplan_core::{
    Diagnostic, ImportRecord, Placement, Project, RasterUnderlay, Underlay, UnderlayKind,
};

use crate::import::error::ImportError;
use crate::import::options::{Format, Import, ImportOptions};

/// The largest image side accepted, pixels.
pub const MAX_SIDE_PX: u32 = 30_000;

/// Checks the structure of a PNG (every chunk up to IEND present) or a JPEG (markers up to
/// the end of image), so a truncated file is refused rather than kept broken.
fn check_structure(bytes: &[u8], format: Format) -> Result<(), String> {
    match format {
        Format::Png => {
            let mut at = 8;
            loop {
                if at + 8 > bytes.len() {
                    return Err(format!(
                        "truncated: the PNG ends at byte {} inside a chunk header",
                        bytes.len()
                    ));
                }
                let len =
                    u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
                        as usize;
                let kind = &bytes[at + 4..at + 8];
                let end = at + 12 + len;
                if end > bytes.len() {
                    return Err(format!(
                        "truncated: the PNG chunk {} at byte {at} runs past the end of the file",
                        String::from_utf8_lossy(kind)
                    ));
                }
                if kind == b"IEND" {
                    return Ok(());
                }
                at = end;
            }
        }
        _ => {
            let tail = &bytes[bytes.len().saturating_sub(64)..];
            if tail.windows(2).any(|w| w == [0xff, 0xd9]) {
                Ok(())
            } else {
                Err("truncated: the JPEG has no end-of-image marker".into())
            }
        }
    }
}

/// Imports an image's bytes as the underlay of a new floor.
pub fn import(
    bytes: &[u8],
    format: Format,
    options: &ImportOptions,
) -> Result<Import, ImportError> {
    let file = options.source_name.clone();
    let malformed = |message: String| ImportError::Malformed {
        file: file.clone(),
        line: None,
        entity: None,
        message,
    };
    let size = imagesize::blob_size(bytes)
        .map_err(|e| malformed(format!("not a readable {} image: {e:?}", format.as_str())))?;
    check_structure(bytes, format).map_err(malformed)?;
    let (w, h) = (size.width as u32, size.height as u32);
    if w == 0 || h == 0 || w > MAX_SIDE_PX || h > MAX_SIDE_PX {
        return Err(malformed(format!(
            "{w} x {h} pixels: an image side must be 1 to {MAX_SIDE_PX} pixels"
        )));
    }
    let mut diagnostics = Vec::new();
    let m_per_px = match options.scale {
        Some(s) => s.m_per_unit().map_err(|message| ImportError::Scale {
            file: file.clone(),
            message,
        })?,
        None => {
            diagnostics.push(Diagnostic::warning(
                &file,
                "no scale given: 1 pixel = 1 cm assumed; calibrate with --scale-points \"x1,y1,x2,y2,DIST\" (two pixels and their distance in metres)",
            ));
            0.01
        }
    };
    let mut placement = Placement::upright(m_per_px, h);
    if options.rotation_deg != 0.0 {
        placement.rotation_deg = options.rotation_deg;
    }
    let mut floor = options.new_floor();
    floor.underlays.push(Underlay {
        id: "scan-1".into(),
        source: file.clone(),
        visible: true,
        kind: UnderlayKind::Raster(RasterUnderlay {
            mime: if format == Format::Png {
                "image/png"
            } else {
                "image/jpeg"
            }
            .into(),
            width_px: w,
            height_px: h,
            placement,
            data: bytes.to_vec(),
        }),
    });
    diagnostics.push(Diagnostic::info(
        &file,
        format!("{w} x {h} px at {m_per_px} m per pixel: {:.2} x {:.2} m; trace the walls over it in the editor", f64::from(w) * m_per_px, f64::from(h) * m_per_px),
    ));
    let floor_id = floor.id.clone();
    let mut project = Project::new();
    project.floors.push(floor);
    Ok(Import {
        project,
        report: ImportRecord {
            source: file,
            format: format.as_str().into(),
            units: "px".into(),
            m_per_unit: Some(m_per_px),
            floors: vec![floor_id],
            diagnostics,
            ..Default::default()
        },
    })
}
