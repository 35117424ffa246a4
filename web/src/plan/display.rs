//! A display list: what to draw, in screen pixels, already batched by style.
//!
//! [`crate::plan::scene`] turns a floor into a [`DisplayList`] for one view; [`crate::browser::canvas`]
//! replays it on an HTML canvas. Keeping the list plain data lets the drawing decisions be
//! tested natively, and keeps the canvas code a dumb loop.

use crate::plan::color::Rgba;

/// One command of a path, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PathCmd {
    /// Starts a subpath.
    MoveTo(f64, f64),
    /// A straight line from the current point.
    LineTo(f64, f64),
    /// A circular arc (clockwise on screen from `start` to `end`, radians); starts a new
    /// subpath at its first point when preceded by a `MoveTo` there.
    Arc {
        /// Centre x.
        x: f64,
        /// Centre y.
        y: f64,
        /// Radius.
        r: f64,
        /// Start angle, radians.
        start: f64,
        /// End angle, radians.
        end: f64,
    },
    /// Closes the current subpath.
    Close,
}

/// A path made of any number of subpaths, drawn with one fill and one stroke.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Path {
    /// The commands, in order.
    pub cmds: Vec<PathCmd>,
}

impl Path {
    /// An empty path.
    pub fn new() -> Self {
        Self::default()
    }

    /// True when the path has no command.
    pub fn is_empty(&self) -> bool {
        self.cmds.is_empty()
    }

    /// Adds an open polyline (nothing for fewer than two points).
    pub fn polyline(&mut self, pts: impl IntoIterator<Item = (f64, f64)>) {
        let start = self.cmds.len();
        for (i, (x, y)) in pts.into_iter().enumerate() {
            self.cmds.push(if i == 0 {
                PathCmd::MoveTo(x, y)
            } else {
                PathCmd::LineTo(x, y)
            });
        }
        if self.cmds.len() - start < 2 {
            self.cmds.truncate(start);
        }
    }

    /// Adds a closed ring (nothing for fewer than three points).
    pub fn ring(&mut self, pts: impl IntoIterator<Item = (f64, f64)>) {
        let start = self.cmds.len();
        self.polyline(pts);
        if self.cmds.len() - start < 3 {
            self.cmds.truncate(start);
        } else {
            self.cmds.push(PathCmd::Close);
        }
    }

    /// Adds a full circle.
    pub fn circle(&mut self, x: f64, y: f64, r: f64) {
        self.cmds.push(PathCmd::MoveTo(x + r, y));
        self.cmds.push(PathCmd::Arc {
            x,
            y,
            r,
            start: 0.0,
            end: std::f64::consts::TAU,
        });
        self.cmds.push(PathCmd::Close);
    }

    /// Adds an axis-aligned rectangle.
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64) {
        self.ring([(x, y), (x + w, y), (x + w, y + h), (x, y + h)]);
    }

    /// Number of subpaths.
    pub fn subpaths(&self) -> usize {
        self.cmds
            .iter()
            .filter(|c| matches!(c, PathCmd::MoveTo(..)))
            .count()
    }
}

/// How line ends are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineCap {
    /// Flat at the end point.
    Butt,
    /// Squared off half the width beyond the end point (wall corners close neatly).
    Square,
    /// Rounded.
    Round,
}

impl LineCap {
    /// The canvas `lineCap` value.
    pub fn as_str(self) -> &'static str {
        match self {
            LineCap::Butt => "butt",
            LineCap::Square => "square",
            LineCap::Round => "round",
        }
    }
}

/// A stroke style.
#[derive(Debug, Clone, PartialEq)]
pub struct Stroke {
    /// Colour.
    pub color: Rgba,
    /// Width, CSS px.
    pub width: f64,
    /// Dash pattern, CSS px; empty for a solid line.
    pub dash: Vec<f64>,
    /// Line ends.
    pub cap: LineCap,
}

impl Stroke {
    /// A solid stroke with butt ends and mitred joins.
    pub fn solid(color: Rgba, width: f64) -> Self {
        Self {
            color,
            width,
            dash: Vec::new(),
            cap: LineCap::Butt,
        }
    }

    /// The same stroke dashed.
    pub fn dashed(mut self, dash: &[f64]) -> Self {
        self.dash = dash.to_vec();
        self
    }

    /// The same stroke with other line ends.
    pub fn capped(mut self, cap: LineCap) -> Self {
        self.cap = cap;
        self
    }
}

/// Horizontal text alignment relative to the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// The anchor is the text's left end.
    Left,
    /// The anchor is the text's middle.
    Center,
}

impl Align {
    /// The canvas `textAlign` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Align::Left => "left",
            Align::Center => "center",
        }
    }
}

/// A label; its vertical anchor is the middle of the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// What it says.
    pub text: String,
    /// Anchor x, CSS px.
    pub x: f64,
    /// Anchor y (the text's middle), CSS px.
    pub y: f64,
    /// Font size, CSS px.
    pub size_px: f64,
    /// Bold or regular.
    pub bold: bool,
    /// Colour.
    pub color: Rgba,
    /// A halo behind the letters so they read over lines.
    pub halo: Option<Rgba>,
    /// Alignment.
    pub align: Align,
}

/// The key of an image a display list draws (a heatmap, a scanned underlay); the browser
/// edge holds the pixels.
pub type ImageId = u64;

/// An image drawn through an affine transform.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageOp {
    /// Which image.
    pub image: ImageId,
    /// Its width, source pixels.
    pub width: u32,
    /// Its height, source pixels.
    pub height: u32,
    /// `[a, b, c, d, e, f]`: source pixel (u, v) lands on screen at
    /// (a·u + c·v + e, b·u + d·v + f), CSS px (the canvas's `transform()`).
    pub transform: [f64; 6],
    /// Opacity, 0 to 1.
    pub alpha: f64,
    /// Smoothed when scaled (a heatmap); off keeps pixels crisp.
    pub smooth: bool,
    /// Multiplied onto what is under it (a scan's white paper disappears, its lines stay).
    pub multiply: bool,
}

/// One thing to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum DrawOp {
    /// An image.
    Image(ImageOp),
    /// Fill and/or stroke a path (fill first, non-zero rule).
    Path {
        /// The geometry.
        path: Path,
        /// Fill colour.
        fill: Option<Rgba>,
        /// Outline.
        stroke: Option<Stroke>,
    },
    /// A label.
    Text(Text),
}

/// Everything to draw for one frame, back to front.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DisplayList {
    /// Background colour of the whole canvas.
    pub background: Option<Rgba>,
    /// The operations, back to front.
    pub ops: Vec<DrawOp>,
}

impl DisplayList {
    /// Adds a filled path (nothing when the path is empty).
    pub fn fill(&mut self, path: Path, color: Rgba) {
        self.push_path(path, Some(color), None);
    }

    /// Adds a stroked path (nothing when the path is empty).
    pub fn stroke(&mut self, path: Path, stroke: Stroke) {
        self.push_path(path, None, Some(stroke));
    }

    /// Adds a filled and stroked path (nothing when the path is empty).
    pub fn fill_stroke(&mut self, path: Path, fill: Rgba, stroke: Stroke) {
        self.push_path(path, Some(fill), Some(stroke));
    }

    fn push_path(&mut self, path: Path, fill: Option<Rgba>, stroke: Option<Stroke>) {
        if !path.is_empty() {
            self.ops.push(DrawOp::Path { path, fill, stroke });
        }
    }

    /// Adds an image.
    pub fn image(&mut self, image: ImageOp) {
        self.ops.push(DrawOp::Image(image));
    }

    /// Every image, in drawing order.
    pub fn images(&self) -> impl Iterator<Item = &ImageOp> {
        self.ops.iter().filter_map(|op| match op {
            DrawOp::Image(i) => Some(i),
            _ => None,
        })
    }

    /// Adds a label.
    pub fn text(&mut self, text: Text) {
        self.ops.push(DrawOp::Text(text));
    }

    /// Every label, in drawing order.
    pub fn texts(&self) -> impl Iterator<Item = &Text> {
        self.ops.iter().filter_map(|op| match op {
            DrawOp::Text(t) => Some(t),
            _ => None,
        })
    }

    /// Every path op as (path, fill, stroke), in drawing order.
    pub fn paths(&self) -> impl Iterator<Item = (&Path, Option<Rgba>, Option<&Stroke>)> {
        self.ops.iter().filter_map(|op| match op {
            DrawOp::Path { path, fill, stroke } => Some((path, *fill, stroke.as_ref())),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degenerate_shapes_add_nothing() {
        let mut p = Path::new();
        p.polyline([(0.0, 0.0)]);
        p.ring([(0.0, 0.0), (1.0, 1.0)]);
        assert!(p.is_empty());
        p.polyline([(0.0, 0.0), (1.0, 1.0)]);
        p.ring([(0.0, 0.0), (1.0, 0.0), (1.0, 1.0)]);
        p.circle(5.0, 5.0, 2.0);
        assert_eq!(p.subpaths(), 3);
        assert_eq!(p.cmds.last(), Some(&PathCmd::Close));
        let mut list = DisplayList::default();
        list.stroke(Path::new(), Stroke::solid(Rgba::hex(0), 1.0));
        assert!(list.ops.is_empty());
    }
}
