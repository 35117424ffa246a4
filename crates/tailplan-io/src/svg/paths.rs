//! Walking usvg's tree: paths flattened to points on their layer, images kept.

use std::collections::{HashMap, HashSet};

use tailplan_core::Point;
use usvg::tiny_skia_path::PathSegment;

use super::raw::RawLayer;
use super::{Image, image_bytes};
use crate::drawing::{Drawing, Item, Shape2};
use crate::import::options::{ImportLimits, Limit};

/// Walks usvg's tree onto the drawing's layers, counting the shapes and points made against
/// the limits (the raw pass has bounded what usvg holds; curves flattened make more points).
pub(crate) struct Walker<'a, F: Fn(f32, f32) -> Point> {
    /// Layer names by their group's id.
    pub layers: HashMap<&'a str, &'a str>,
    pub room_ids: HashSet<&'a str>,
    pub drawing: &'a mut Drawing,
    pub images: &'a mut Vec<Image>,
    pub to_user: &'a F,
    pub limits: ImportLimits,
    /// Points made.
    pub points: usize,
    /// The first limit gone beyond, and the element: nothing more is made once set.
    pub exceeded: Option<(Limit, String)>,
}

impl<'a, F: Fn(f32, f32) -> Point> Walker<'a, F> {
    /// A walker onto `drawing`, with the default limits.
    pub fn new(
        layers: &'a [RawLayer],
        room_ids: &'a [String],
        drawing: &'a mut Drawing,
        images: &'a mut Vec<Image>,
        to_user: &'a F,
    ) -> Self {
        Self {
            layers: layers
                .iter()
                .rev()
                .map(|l| (l.id.as_str(), l.name.as_str()))
                .collect(),
            room_ids: room_ids.iter().map(String::as_str).collect(),
            drawing,
            images,
            to_user,
            limits: ImportLimits::default(),
            points: 0,
            exceeded: None,
        }
    }

    pub fn group(&mut self, g: &usvg::Group, layer: Option<&str>) {
        let here = (!g.id().is_empty())
            .then(|| self.layers.get(g.id()).copied())
            .flatten();
        let layer = here.or(layer).map(str::to_owned);
        for child in g.children() {
            if self.exceeded.is_some() {
                return;
            }
            match child {
                usvg::Node::Group(sub) => self.group(sub, layer.as_deref()),
                usvg::Node::Path(p) => self.path(p, layer.as_deref()),
                usvg::Node::Image(img) => {
                    // Counted on its layer, kept as a raster underlay whatever its layer.
                    let l = self.drawing.layer(layer.as_deref().unwrap_or("(no layer)"));
                    self.drawing.layers[l].entities += 1;
                    self.image(img);
                }
                usvg::Node::Text(_) => {}
            }
        }
    }

    fn path(&mut self, p: &usvg::Path, layer: Option<&str>) {
        let is_room = self.room_ids.contains(p.id());
        let name = if is_room {
            "rooms (by id)"
        } else {
            layer.unwrap_or("(no layer)")
        };
        let l = self.drawing.layer(name);
        self.drawing.layers[l].entities += 1;
        let t = p.abs_transform();
        let map = |pt: usvg::tiny_skia_path::Point| {
            let (mut x, mut y) = (pt.x, pt.y);
            (x, y) = apply(&t, x, y);
            (self.to_user)(x, y)
        };
        let fill = p.fill().is_some().then(|| self.drawing.new_fill());
        let mut current: Vec<Point> = Vec::new();
        let mut last = usvg::tiny_skia_path::Point::zero();
        let (max_items, max_points) = (self.limits.max_entities, self.limits.max_points);
        let mut made = self.points;
        let mut over: Option<Limit> = None;
        let mut flush = |pts: &mut Vec<Point>, closed: bool, drawing: &mut Drawing| {
            if over.is_some() {
                pts.clear();
                return;
            }
            if drawing.items.len() >= max_items {
                over = Some(Limit::Entities);
            } else if made + pts.len() > max_points {
                over = Some(Limit::Points);
            }
            if over.is_none() && pts.len() >= 2 {
                made += pts.len();
                let mut points = std::mem::take(pts);
                if closed && points.len() > 2 && points.first() == points.last() {
                    points.pop();
                }
                drawing.items.push(Item {
                    layer: l,
                    shape: Shape2::Line {
                        points,
                        closed,
                        fill,
                    },
                });
            }
            pts.clear();
        };
        for seg in p.data().segments() {
            if current.len() > max_points {
                break;
            }
            match seg {
                PathSegment::MoveTo(a) => {
                    flush(&mut current, false, self.drawing);
                    current.push(map(a));
                    last = a;
                }
                PathSegment::LineTo(a) => {
                    current.push(map(a));
                    last = a;
                }
                PathSegment::QuadTo(c, a) => {
                    for i in 1..=8 {
                        let s = i as f32 / 8.0;
                        let q = |u: f32, v: f32, w: f32| {
                            (1.0 - s) * (1.0 - s) * u + 2.0 * (1.0 - s) * s * v + s * s * w
                        };
                        current.push(map(usvg::tiny_skia_path::Point::from_xy(
                            q(last.x, c.x, a.x),
                            q(last.y, c.y, a.y),
                        )));
                    }
                    last = a;
                }
                PathSegment::CubicTo(c1, c2, a) => {
                    for i in 1..=12 {
                        let s = i as f32 / 12.0;
                        let b = |p0: f32, p1: f32, p2: f32, p3: f32| {
                            let r = 1.0 - s;
                            r * r * r * p0
                                + 3.0 * r * r * s * p1
                                + 3.0 * r * s * s * p2
                                + s * s * s * p3
                        };
                        current.push(map(usvg::tiny_skia_path::Point::from_xy(
                            b(last.x, c1.x, c2.x, a.x),
                            b(last.y, c1.y, c2.y, a.y),
                        )));
                    }
                    last = a;
                }
                PathSegment::Close => flush(&mut current, true, self.drawing),
            }
        }
        flush(&mut current, false, self.drawing);
        self.points = made;
        if let Some(limit) = over {
            let id = if p.id().is_empty() {
                String::new()
            } else {
                format!(" id=\"{}\"", p.id())
            };
            self.exceeded = Some((limit, format!("<path{id}> on layer \"{name}\"")));
        }
    }

    fn image(&mut self, img: &usvg::Image) {
        let Some((mime, data)) = image_bytes(img.kind()) else {
            return;
        };
        let Ok(size) = imagesize::blob_size(&data) else {
            return;
        };
        let (w, h) = (size.width as u32, size.height as u32);
        if w == 0 || h == 0 {
            return;
        }
        // usvg drew it stretched to its box (the raw pass made it so): px (0, 0) to (w, h)
        // map onto the box's corners. Fitted in the box, centred, as SVG's default
        // preserveAspectRatio (xMidYMid meet) places it.
        let t = img.abs_transform();
        let (iw, ih) = (img.size().width(), img.size().height());
        let at = |x: f32, y: f32| {
            let (x, y) = apply(&t, x, y);
            (self.to_user)(x, y)
        };
        let origin = at(0.0, 0.0);
        let (along_x, along_y) = (origin.distance(at(iw, 0.0)), origin.distance(at(0.0, ih)));
        let (px_x, px_y) = (along_x / f64::from(w), along_y / f64::from(h));
        let units_per_px = px_x.min(px_y);
        if !(units_per_px.is_finite() && units_per_px > 0.0) {
            return;
        }
        // The fitted image's corner, in the box's own pixels.
        let (ox, oy) = (
            f64::from(w) * (1.0 - units_per_px / px_x) / 2.0,
            f64::from(h) * (1.0 - units_per_px / px_y) / 2.0,
        );
        let (sx, sy) = (f64::from(iw) / f64::from(w), f64::from(ih) / f64::from(h));
        let corner = at((ox * sx) as f32, (oy * sy) as f32);
        self.images
            .push((mime, data.as_ref().clone(), (w, h), units_per_px, corner));
    }
}

fn apply(t: &usvg::Transform, x: f32, y: f32) -> (f32, f32) {
    (t.sx * x + t.kx * y + t.tx, t.ky * x + t.sy * y + t.ty)
}
