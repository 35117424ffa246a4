//! The scans (raster underlays) of a floor, as the browser edge decodes them for drawing.

use std::rc::Rc;

use crate::plan::display::ImageId;

/// A scan to draw: its image id and its file's bytes.
#[derive(Debug, Clone)]
pub struct RasterSource {
    /// The id the scene draws it under.
    pub id: ImageId,
    /// `image/png`, `image/jpeg`.
    pub mime: String,
    /// The file.
    pub bytes: Rc<Vec<u8>>,
}

impl PartialEq for RasterSource {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

/// The scans of `floor`, for the browser to decode.
pub fn raster_sources(floor: &tailplan_core::Floor) -> Vec<RasterSource> {
    floor
        .underlays
        .iter()
        .filter(|u| u.visible)
        .filter_map(|u| match &u.kind {
            tailplan_core::UnderlayKind::Raster(r) => Some(RasterSource {
                id: crate::plan::scene::raster_image_id(&u.id, r),
                mime: r.mime.clone(),
                bytes: Rc::new(r.data.clone()),
            }),
            tailplan_core::UnderlayKind::Vector { .. } => None,
        })
        .collect()
}
