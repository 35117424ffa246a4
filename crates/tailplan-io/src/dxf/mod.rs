//! DXF in: an AutoCAD drawing (text or binary DXF) becomes one floor.
//!
//! The `dxf` crate reads the file; a raw pass adds the HATCH boundaries it does not read.
//! Entities are flattened ([`entities`]): polylines with their bulges, arcs, circles,
//! ellipses and splines as points, block references expanded (nested, scaled, rotated,
//! mirrored, arrays), MTEXT stripped of its formatting codes ([`text`]). Units come from
//! `$INSUNITS`, `--units` or `--scale`, or are guessed from the drawing's size, with a warning
//! ([`units`]). Then the layers are mapped and the walls cleaned up like every drawing
//! (`crate::drawing`).

use std::collections::HashMap;
use std::io::Cursor;

use tailplan_core::{Diagnostic, IdAllocator, ImportRecord};

use crate::drawing::{self, BuildOptions, Shape2};
use crate::import::{Format, Import, ImportError, ImportOptions};

pub mod entities;
pub mod geometry;
pub mod hatch;
pub mod text;
pub mod units;

/// The DXF's `line/offset N` in a `dxf` crate message, as a line number.
fn line_of(message: &str) -> Option<usize> {
    let i = message.rfind("line/offset ")?;
    message[i + 12..]
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

/// Imports a DXF file's bytes.
pub fn import(bytes: &[u8], options: &ImportOptions) -> Result<Import, ImportError> {
    let file = options.source_name.clone();
    let binary = bytes.starts_with(b"AutoCAD Binary DXF");
    if !binary {
        // A text DXF: its truncation is easy to see, and worth a clear message.
        let tail = String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(64)..]);
        if !tail.contains("EOF") {
            let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
            return Err(ImportError::Malformed {
                file,
                line: Some(lines),
                entity: None,
                message: "the drawing ends without the final EOF: the file is truncated".into(),
            });
        }
    }
    let drawing = dxf::Drawing::load(&mut Cursor::new(bytes)).map_err(|e| {
        let message = e.to_string();
        ImportError::Malformed {
            file: file.clone(),
            line: line_of(&message),
            entity: None,
            message: match message.rfind(" at line/offset ") {
                Some(i) => message[..i].to_owned(),
                None => message,
            },
        }
    })?;
    let hatches = if binary {
        Vec::new()
    } else {
        hatch::read_hatches(&String::from_utf8_lossy(bytes))
    };
    let mut diagnostics = Vec::new();

    let mut f = entities::Flattener {
        blocks: drawing.blocks().map(|b| (b.name.as_str(), b)).collect(),
        block_hatches: HashMap::new(),
        out: drawing::Drawing::default(),
        skipped: HashMap::new(),
        missing_blocks: Vec::new(),
        too_deep: 0,
        truncated: false,
    };
    for h in &hatches {
        if let Some(b) = &h.block {
            f.block_hatches.entry(b.as_str()).or_default().push(h);
        }
    }
    // Layers in the table's order, with their on/off state.
    for l in drawing.layers() {
        let i = f.out.layer(&l.name);
        f.out.layers[i].hidden = !l.is_layer_on;
    }
    let identity = geometry::Affine::IDENTITY;
    for e in drawing.entities() {
        if e.common.is_in_paper_space {
            continue;
        }
        f.entity(e, &identity, "0", 0);
    }
    for h in hatches.iter().filter(|h| h.block.is_none()) {
        let l = f.out.layer(&h.layer);
        f.out.layers[l].entities += 1;
        for lp in &h.loops {
            f.out.items.push(drawing::Item {
                layer: l,
                shape: Shape2::Line {
                    points: lp.clone(),
                    closed: true,
                },
            });
        }
    }
    if f.truncated {
        diagnostics.push(Diagnostic::warning(
            &file,
            format!(
                "the block references expand to more than {} entities: the rest was left out",
                entities::MAX_ITEMS
            ),
        ));
    }
    if !f.missing_blocks.is_empty() {
        diagnostics.push(Diagnostic::warning(
            &file,
            format!(
                "INSERT of undefined block(s) {}: skipped",
                f.missing_blocks.join(", ")
            ),
        ));
    }
    if f.too_deep > 0 {
        diagnostics.push(Diagnostic::warning(
            &file,
            format!(
                "{} block reference(s) nested deeper than {}: skipped",
                f.too_deep,
                entities::MAX_DEPTH
            ),
        ));
    }
    let mut skipped: Vec<_> = f.skipped.iter().collect();
    skipped.sort();
    for (name, n) in skipped {
        diagnostics.push(Diagnostic::info(
            &file,
            format!(
                "{n} {name} entit{} not used",
                if *n == 1 { "y" } else { "ies" }
            ),
        ));
    }
    let out = f.out;
    if out.items.is_empty() {
        return Err(ImportError::Empty {
            file,
            message: "the drawing has no entities in model space".into(),
        });
    }

    // Units and scale.
    let extent = tailplan_core::BBox::from_points(out.items.iter().flat_map(|i| match &i.shape {
        Shape2::Line { points, .. } | Shape2::Arc { points, .. } => points.clone(),
        Shape2::Text { at, .. } => vec![*at],
    }));
    let size = extent.map_or(0.0, |b| b.width().max(b.height()));
    let header = units::from_header(drawing.header.default_drawing_units);
    let (scale, units_text) = if let Some(s) = options.scale {
        let m = s.m_per_unit().map_err(|message| ImportError::Scale {
            file: file.clone(),
            message,
        })?;
        (m, format!("scale {m} m per unit (--scale)"))
    } else if let Some(u) = options.units {
        (u.m_per_unit(), format!("{} (--units)", u.as_str()))
    } else if let Some(u) = header {
        (
            u.m_per_unit(),
            format!(
                "{} ($INSUNITS {})",
                u.as_str(),
                drawing.header.default_drawing_units as i32
            ),
        )
    } else {
        let u = units::guess(size);
        diagnostics.push(Diagnostic::warning(
            &file,
            format!(
                "$INSUNITS does not say the units: {} guessed from the drawing's size ({size:.0} units across); give --units if that is wrong",
                u.as_str()
            ),
        ));
        (u.m_per_unit(), format!("{} (guessed)", u.as_str()))
    };
    if let Some(b) = extent {
        let (hmin, hmax) = (
            drawing.header.minimum_drawing_extents.clone(),
            drawing.header.maximum_drawing_extents.clone(),
        );
        let unset = hmax.x < hmin.x
            || hmin.x.abs() > 1e19
            || hmax.x.abs() > 1e19
            || (hmin.x == 0.0 && hmax.x == 0.0);
        let note = if unset {
            "; the header's $EXTMIN/$EXTMAX are unset"
        } else {
            ""
        };
        diagnostics.push(Diagnostic::info(
            &file,
            format!(
                "extent {:.2} x {:.2} m, recomputed from the geometry{note}",
                b.width() * scale,
                b.height() * scale
            ),
        ));
    }

    let mut ids = IdAllocator::default();
    let built = drawing::build(
        &out,
        BuildOptions {
            source: &file,
            floor: options.new_floor(),
            scale,
            flip_y: false,
            origin: tailplan_core::Point::new(0.0, 0.0),
            layer_map: &options.layers,
            cleanup: &options.cleanup,
            include_hidden: options.include_hidden,
            keep_underlay: options.keep_underlay,
        },
        &mut ids,
    );
    diagnostics.extend(built.diagnostics);
    let floor_id = built.floor.id.clone();
    let mut project = tailplan_core::Project::new();
    project.floors.push(built.floor);
    Ok(Import {
        project,
        report: ImportRecord {
            source: file,
            format: Format::Dxf.as_str().into(),
            units: units_text,
            m_per_unit: Some(scale),
            floors: vec![floor_id],
            layers: built.layers,
            walls: Some(built.walls),
            diagnostics,
            ..Default::default()
        },
    })
}
