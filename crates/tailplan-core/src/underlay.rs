//! A floor's drawing underlay: what the plan looked like before it became walls and rooms.
//!
//! Two kinds, both shown under the model in the editor and never used by any algorithm:
//! - [`UnderlayKind::Vector`]: the original CAD lines (DXF, SVG), as polylines grouped by
//!   layer, already in the floor's metres;
//! - [`UnderlayKind::Raster`]: a scanned or exported image (PNG, JPEG) kept byte for byte
//!   (base64 in the project file), placed on the floor by a [`Placement`]: a scale in metres
//!   per pixel (usually calibrated from two points and a known distance), a rotation and an
//!   offset.

use base64::Engine;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::geometry::{BBox, Point};

/// One underlay of a floor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Underlay {
    /// Unique among the floor's underlays (`dxf-1`, `scan-1`).
    pub id: String,
    /// Where it came from: the file's name.
    pub source: String,
    /// Shown or hidden in the editor.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub visible: bool,
    /// The drawing itself.
    pub kind: UnderlayKind,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// What an underlay holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnderlayKind {
    /// The original lines of a CAD drawing, by layer, in floor metres.
    Vector {
        /// The layers, in the drawing's order.
        layers: Vec<UnderlayLayer>,
    },
    /// An image placed on the floor.
    Raster(RasterUnderlay),
}

/// The lines of one drawing layer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct UnderlayLayer {
    /// The layer's name as in the drawing.
    pub name: String,
    /// Open polylines, in floor metres.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<Vec<Point>>,
    /// Closed outlines (the last point joins the first), in floor metres.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rings: Vec<Vec<Point>>,
}

impl UnderlayLayer {
    /// The number of straight pieces drawn on the layer.
    pub fn segment_count(&self) -> usize {
        let open: usize = self.lines.iter().map(|l| l.len().saturating_sub(1)).sum();
        let closed: usize = self.rings.iter().map(Vec::len).sum();
        open + closed
    }
}

/// An image and where it lies on the floor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RasterUnderlay {
    /// `image/png` or `image/jpeg`.
    pub mime: String,
    /// Width in pixels.
    pub width_px: u32,
    /// Height in pixels.
    pub height_px: u32,
    /// Where the image's pixels fall on the floor.
    pub placement: Placement,
    /// The file's bytes, unchanged (base64 in JSON).
    #[serde(serialize_with = "to_base64", deserialize_with = "from_base64")]
    #[schemars(with = "String")]
    pub data: Vec<u8>,
}

impl RasterUnderlay {
    /// The image's outline on the floor: its four corners, anticlockwise from the bottom left.
    pub fn corners(&self) -> [Point; 4] {
        let (w, h) = (f64::from(self.width_px), f64::from(self.height_px));
        let p = &self.placement;
        [
            p.apply(Point::new(0.0, h)),
            p.apply(Point::new(w, h)),
            p.apply(Point::new(w, 0.0)),
            p.apply(Point::new(0.0, 0.0)),
        ]
    }

    /// The floor area the image covers.
    pub fn bbox(&self) -> BBox {
        BBox::from_points(self.corners()).expect("four corners")
    }
}

fn to_base64<S: Serializer>(data: &[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(data))
}

fn from_base64<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
    let text = String::deserialize(d)?;
    base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .map_err(|e| serde::de::Error::custom(format!("not base64: {e}")))
}

/// Places image pixels on a floor: pixel (u, v), u to the right and v down from the top-left
/// corner, lands at `offset + R(rotation) · (u, −v) · m_per_px`. With rotation 0 the image is
/// upright with north up; `offset` is where the image's top-left corner lies.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Placement {
    /// Metres per pixel.
    pub m_per_px: f64,
    /// Anticlockwise rotation in degrees.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub rotation_deg: f64,
    /// Where the top-left corner of the image lies, floor metres.
    pub offset: Point,
}

fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

/// Why a calibration cannot be done.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CalibrationError {
    /// The two points are the same pixel.
    #[error("the two calibration points are the same point")]
    SamePoint,
    /// The distance is not a positive number of metres.
    #[error("the known distance {0} m must be a positive number")]
    BadDistance(f64),
}

impl Placement {
    /// A placement of `m_per_px` metres per pixel with the image's bottom-left corner at the
    /// floor's origin, for an image `height_px` tall.
    pub fn upright(m_per_px: f64, height_px: u32) -> Self {
        Self {
            m_per_px,
            rotation_deg: 0.0,
            offset: Point::new(0.0, f64::from(height_px) * m_per_px),
        }
    }

    /// The scale from two pixels and the real distance between them (two-point calibration),
    /// keeping this placement's rotation and the floor position of the first pixel.
    pub fn calibrated(
        self,
        a_px: Point,
        b_px: Point,
        distance_m: f64,
    ) -> Result<Self, CalibrationError> {
        if !(distance_m.is_finite() && distance_m > 0.0) {
            return Err(CalibrationError::BadDistance(distance_m));
        }
        let px = a_px.distance(b_px);
        if px.is_nan() || px <= 0.0 {
            return Err(CalibrationError::SamePoint);
        }
        let anchor = self.apply(a_px);
        let mut next = Self {
            m_per_px: distance_m / px,
            ..self
        };
        // Keep the first point where it was on the floor.
        let moved = next.apply(a_px);
        next.offset = Point::new(
            next.offset.x + anchor.x - moved.x,
            next.offset.y + anchor.y - moved.y,
        );
        Ok(next)
    }

    /// The floor point of pixel `px` (u right, v down).
    pub fn apply(&self, px: Point) -> Point {
        let (s, c) = self.rotation_deg.to_radians().sin_cos();
        let (x, y) = (px.x * self.m_per_px, -px.y * self.m_per_px);
        Point::new(self.offset.x + c * x - s * y, self.offset.y + s * x + c * y)
    }

    /// The pixel at floor point `p`; the inverse of [`Placement::apply`].
    pub fn invert(&self, p: Point) -> Point {
        let (s, c) = self.rotation_deg.to_radians().sin_cos();
        let (dx, dy) = (p.x - self.offset.x, p.y - self.offset.y);
        let (x, y) = (c * dx + s * dy, -s * dx + c * dy);
        Point::new(x / self.m_per_px, -y / self.m_per_px)
    }
}

impl Underlay {
    /// The floor area the underlay covers, `None` for an empty vector underlay.
    pub fn bbox(&self) -> Option<BBox> {
        match &self.kind {
            UnderlayKind::Vector { layers } => BBox::from_points(
                layers
                    .iter()
                    .flat_map(|l| l.lines.iter().chain(l.rings.iter()))
                    .flatten()
                    .copied(),
            ),
            UnderlayKind::Raster(r) => Some(r.bbox()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Point, b: Point) -> bool {
        a.distance(b) < 1e-9
    }

    #[test]
    fn upright_placement_puts_the_image_on_the_origin() {
        let p = Placement::upright(0.05, 200);
        assert!(close(p.apply(Point::new(0.0, 200.0)), Point::new(0.0, 0.0)));
        assert!(close(
            p.apply(Point::new(100.0, 0.0)),
            Point::new(5.0, 10.0)
        ));
        let q = Point::new(37.0, 81.5);
        assert!(close(p.invert(p.apply(q)), q));
    }

    #[test]
    fn two_point_calibration_sets_the_scale_and_keeps_the_anchor() {
        let p = Placement {
            m_per_px: 1.0,
            rotation_deg: 30.0,
            offset: Point::new(4.0, 2.0),
        };
        let (a, b) = (Point::new(10.0, 10.0), Point::new(110.0, 10.0));
        let c = p.calibrated(a, b, 7.5).unwrap();
        assert!((c.m_per_px - 0.075).abs() < 1e-12);
        assert!(close(c.apply(a), p.apply(a)));
        assert!((c.apply(a).distance(c.apply(b)) - 7.5).abs() < 1e-9);
        let q = Point::new(-3.0, 44.0);
        assert!(close(c.invert(c.apply(q)), q));
        assert_eq!(p.calibrated(a, a, 1.0), Err(CalibrationError::SamePoint));
        assert_eq!(
            p.calibrated(a, b, -1.0),
            Err(CalibrationError::BadDistance(-1.0))
        );
    }

    #[test]
    fn raster_bytes_round_trip_as_base64() {
        let u = Underlay {
            id: "scan-1".into(),
            source: "scan.png".into(),
            visible: true,
            kind: UnderlayKind::Raster(RasterUnderlay {
                mime: "image/png".into(),
                width_px: 2,
                height_px: 1,
                placement: Placement::upright(0.5, 1),
                data: vec![0, 1, 2, 250, 255],
            }),
        };
        let json = serde_json::to_value(&u).unwrap();
        assert_eq!(json["kind"]["raster"]["data"], "AAEC+v8=");
        assert!(json.get("visible").is_none());
        let back: Underlay = serde_json::from_value(json).unwrap();
        assert_eq!(back, u);
        let b = back.bbox().unwrap();
        assert_eq!((b.width(), b.height()), (1.0, 0.5));
    }
}
