//! SVG in: a drawing exported from Inkscape, Illustrator, Sketch or a CAD tool becomes one
//! floor.
//!
//! A raw XML pass ([`raw`]) refuses scripts and references to outside files or URLs (nothing
//! named in a file is ever fetched or run), finds the layers and whether they are hidden, and
//! the texts. usvg then resolves transforms, `use`, CSS and units; every path, line, polyline,
//! polygon and rect is flattened to points ([`paths`]) on the layer its group belongs to, and
//! embedded raster images become raster underlays (fitted in their box and centred, as SVG
//! places them by default; [`raw`] says why usvg does not fit them). SVG has no real-world
//! units: a scale is required (`--scale 0.02` metres per user unit, or two points and their
//! distance).

use std::sync::Arc;

use tailplan_core::{
    Diagnostic, IdAllocator, ImportRecord, Placement, Point, RasterUnderlay, Underlay, UnderlayKind,
};

use crate::drawing::{self, BuildOptions, Item, Shape2};
use crate::import::error::ImportError;
use crate::import::options::{Format, Import, ImportOptions, Limit};

pub mod paths;
pub mod raw;

/// Imports an SVG file's text.
pub fn import(text: &str, options: &ImportOptions) -> Result<Import, ImportError> {
    let file = options.source_name.clone();
    let raw = raw::scan(&file, text, options.include_hidden, &options.limits)?;
    let Some(scale) = options.scale else {
        return Err(ImportError::Scale {
            file,
            message: "an SVG has no real-world units: give its scale, --scale METRES_PER_UNIT (0.02 for 1 unit = 2 cm) or --scale-points \"x1,y1,x2,y2,DIST\" (two points of the drawing and their distance in metres)".into(),
        });
    };
    let m_per_unit = scale.m_per_unit().map_err(|message| ImportError::Scale {
        file: file.clone(),
        message,
    })?;

    // Only images embedded as data: URLs; the raw pass has refused everything else already,
    // and this resolver would return nothing for it anyway. No resources folder: nothing is
    // ever read from disk.
    let usvg_options = usvg::Options {
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: usvg::ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|_, _| None),
        },
        resources_dir: None,
        ..usvg::Options::default()
    };
    let tree =
        usvg::Tree::from_str(&raw.text, &usvg_options).map_err(|e| ImportError::Malformed {
            file: file.clone(),
            line: None,
            entity: None,
            message: format!("not a usable SVG: {e}"),
        })?;

    // usvg works in the document's size (px); the drawing's own user units are wanted.
    let size = tree.size();
    let (vb_x, vb_y, vb_w, vb_h) =
        view_box(text).unwrap_or((0.0, 0.0, f64::from(size.width()), f64::from(size.height())));
    let (sx, sy) = (
        f64::from(size.width()) / vb_w,
        f64::from(size.height()) / vb_h,
    );
    let to_user =
        move |x: f32, y: f32| Point::new(f64::from(x) / sx + vb_x, f64::from(y) / sy + vb_y);

    let mut d = drawing::Drawing::default();
    for l in &raw.layers {
        let i = d.layer(&l.name);
        d.layers[i].hidden = l.hidden;
    }
    let mut images = Vec::new();
    let mut walker = paths::Walker::new(&raw.layers, &raw.room_ids, &mut d, &mut images, &to_user);
    walker.limits = options.limits;
    walker.group(tree.root(), None);
    if let Some((limit, entity)) = walker.exceeded.take() {
        let l = &options.limits;
        return Err(ImportError::LimitExceeded {
            file,
            line: None,
            entity: Some(entity),
            limit,
            max: match limit {
                Limit::Points => l.max_points,
                Limit::Nesting => l.max_nesting,
                _ => l.max_entities,
            } as u64,
        });
    }
    let mut rooms_by_id = 0;
    for (layer_id, text, at) in &raw.texts {
        let name = raw
            .layers
            .iter()
            .find(|l| &l.id == layer_id)
            .map_or("(no layer)", |l| l.name.as_str())
            .to_owned();
        let i = d.layer(&name);
        d.layers[i].entities += 1;
        d.items.push(Item {
            layer: i,
            shape: Shape2::Text {
                at: *at,
                text: text.clone(),
            },
        });
    }
    for it in &d.items {
        if matches!(it.shape, Shape2::Line { .. }) && d.layers[it.layer].name.starts_with("rooms (")
        {
            rooms_by_id += 1;
        }
    }
    if d.items.is_empty() && images.is_empty() {
        return Err(ImportError::Empty {
            file,
            message: "the SVG draws nothing tailplan can use (no paths, shapes or images)".into(),
        });
    }

    let mut diagnostics = Vec::new();
    if rooms_by_id > 0 {
        diagnostics.push(Diagnostic::info(
            &file,
            format!("{rooms_by_id} shape(s) with a room id (room:NAME) were read as rooms"),
        ));
    }
    let mut layer_map = options.layers.clone();
    // Shapes with a room id are rooms whatever their layer, unless the user says otherwise.
    layer_map
        .rules
        .push(("rooms (by id)".into(), tailplan_core::LayerRole::Room));
    let mut ids = IdAllocator::default();
    let built = drawing::build(
        &d,
        BuildOptions {
            source: &file,
            floor: options.new_floor(),
            scale: m_per_unit,
            flip_y: true,
            origin: Point::new(vb_x, vb_y + vb_h),
            layer_map: &layer_map,
            cleanup: &options.cleanup,
            include_hidden: options.include_hidden,
            keep_underlay: options.keep_underlay,
        },
        &mut ids,
    );
    diagnostics.extend(built.diagnostics);
    let mut floor = built.floor;
    for (n, (mime, data, w, h, corner)) in images.into_iter().enumerate() {
        // The image's top-left corner, user units to floor metres (y flipped), to the
        // millimetre; its scale to 0.1 µm per pixel (usvg computes in f32).
        let offset = Point::new(
            ((corner.x - vb_x) * m_per_unit * 1000.0).round() / 1000.0,
            ((vb_y + vb_h - corner.y) * m_per_unit * 1000.0).round() / 1000.0,
        );
        let m_per_px = (h * m_per_unit * 1e7).round() / 1e7;
        floor.underlays.push(Underlay {
            id: format!("image-{}", n + 1),
            source: file.clone(),
            visible: true,
            kind: UnderlayKind::Raster(RasterUnderlay {
                mime,
                width_px: w.0,
                height_px: w.1,
                placement: Placement {
                    m_per_px,
                    rotation_deg: 0.0,
                    offset,
                },
                data,
            }),
        });
    }
    let floor_id = floor.id.clone();
    let mut project = tailplan_core::Project::new();
    project.floors.push(floor);
    Ok(Import {
        project,
        report: ImportRecord {
            source: file,
            format: Format::Svg.as_str().into(),
            units: "SVG user units".into(),
            m_per_unit: Some(m_per_unit),
            floors: vec![floor_id],
            layers: built.layers,
            walls: Some(built.walls),
            diagnostics,
            ..Default::default()
        },
    })
}

/// The root's viewBox: x, y, width, height.
fn view_box(text: &str) -> Option<(f64, f64, f64, f64)> {
    let doc = roxmltree::Document::parse_with_options(
        text,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .ok()?;
    let vb = doc.root_element().attribute("viewBox")?;
    let v: Vec<f64> = vb
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    match v[..] {
        [x, y, w, h] if w > 0.0 && h > 0.0 => Some((x, y, w, h)),
        _ => None,
    }
}

/// An embedded image found while walking: mime, bytes, (width, height) in pixels, user
/// units per pixel, and its top-left corner in user units.
pub(crate) type Image = (String, Vec<u8>, (u32, u32), f64, Point);

pub(crate) fn image_bytes(kind: &usvg::ImageKind) -> Option<(String, Arc<Vec<u8>>)> {
    match kind {
        usvg::ImageKind::PNG(d) => Some(("image/png".into(), d.clone())),
        usvg::ImageKind::JPEG(d) => Some(("image/jpeg".into(), d.clone())),
        _ => None,
    }
}
