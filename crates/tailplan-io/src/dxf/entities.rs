//! Flattening DXF entities (and the blocks they reference) into the importer's drawing:
//! LINE, LWPOLYLINE and POLYLINE with bulges, ARC, CIRCLE, ELLIPSE, SPLINE, SOLID, TEXT,
//! MTEXT, INSERT (nested, scaled, rotated, mirrored, in arrays) and HATCH boundaries.

use std::collections::HashMap;

use dxf::entities::{Entity, EntityType};
use tailplan_core::Point;

use super::geometry::{Affine, arc_points, bulge_points, ellipse_points, spline_points};
use super::hatch::Hatch;
use super::text::{plain_mtext, plain_text};
use crate::drawing::{Drawing, Item, Shape2};

/// How deep block references may nest.
pub(crate) const MAX_DEPTH: usize = 16;
/// How many items a drawing may expand to (arrays of nested blocks can explode).
pub(crate) const MAX_ITEMS: usize = 4_000_000;

pub(crate) struct Flattener<'a> {
    pub blocks: HashMap<&'a str, &'a dxf::Block>,
    pub block_hatches: HashMap<&'a str, Vec<&'a Hatch>>,
    pub out: Drawing,
    pub skipped: HashMap<&'static str, usize>,
    pub missing_blocks: Vec<String>,
    pub too_deep: usize,
    pub truncated: bool,
}

fn ocs(normal_z: f64) -> Affine {
    // Entities with an extrusion of (0, 0, -1) are mirrored in x (their object coordinate
    // system seen from below).
    if normal_z < 0.0 {
        Affine::scale(-1.0, 1.0)
    } else {
        Affine::IDENTITY
    }
}

fn pt(p: &dxf::Point) -> Point {
    Point::new(p.x, p.y)
}

impl<'a> Flattener<'a> {
    fn push(&mut self, layer: &str, shape: Shape2) {
        if self.out.items.len() >= MAX_ITEMS {
            self.truncated = true;
            return;
        }
        let l = self.out.layer(layer);
        self.out.items.push(Item { layer: l, shape });
    }

    fn line(&mut self, layer: &str, m: &Affine, pts: Vec<Point>, closed: bool) {
        self.shape(layer, m, pts, closed, None);
    }

    /// A polyline or outline; `fill` for SOLIDs and HATCH boundaries (the painted shape it
    /// is a ring of).
    fn shape(
        &mut self,
        layer: &str,
        m: &Affine,
        pts: Vec<Point>,
        closed: bool,
        fill: Option<usize>,
    ) {
        let points: Vec<Point> = pts.into_iter().map(|p| m.apply(p)).collect();
        if points.len() >= 2 && points.iter().all(|p| p.is_finite()) {
            self.push(
                layer,
                Shape2::Line {
                    points,
                    closed,
                    fill,
                },
            );
        }
    }

    /// The layer an entity is drawn on: inside a block, layer "0" takes the reference's.
    fn layer_of<'e>(entity_layer: &'e str, parent: &'e str) -> &'e str {
        if entity_layer == "0" || entity_layer.is_empty() {
            parent
        } else {
            entity_layer
        }
    }

    /// Flattens `entity` under transform `m`; `parent` is the layer of the enclosing block
    /// reference.
    ///
    /// Counts the entity on its layer when it is in model space, or inside a block on a layer
    /// of its own; a block's entities on layer "0" are part of the reference, which counts
    /// once.
    pub fn entity(&mut self, e: &'a Entity, m: &Affine, parent: &str, depth: usize) {
        let layer = Self::layer_of(&e.common.layer, parent).to_owned();
        if depth == 0 || layer != parent {
            let l = self.out.layer(&layer);
            self.out.layers[l].entities += 1;
        }
        match &e.specific {
            EntityType::Line(l) => self.line(&layer, m, vec![pt(&l.p1), pt(&l.p2)], false),
            EntityType::LwPolyline(p) => {
                let m = m.then_after(ocs(p.extrusion_direction.z));
                let closed = p.is_closed();
                let v = &p.vertices;
                let mut pts = Vec::with_capacity(v.len());
                if let Some(first) = v.first() {
                    pts.push(Point::new(first.x, first.y));
                }
                let n = v.len();
                let spans = if closed { n } else { n.saturating_sub(1) };
                for k in 0..spans {
                    let a = Point::new(v[k].x, v[k].y);
                    let b = Point::new(v[(k + 1) % n].x, v[(k + 1) % n].y);
                    pts.extend(bulge_points(a, b, v[k].bulge));
                }
                if closed && pts.len() > 1 && pts.first() == pts.last() {
                    pts.pop();
                }
                self.line(&layer, &m, pts, closed);
            }
            EntityType::Polyline(p) => {
                let m = m.then_after(ocs(p.normal.z));
                let closed = p.is_closed();
                let v: Vec<(Point, f64)> =
                    p.vertices().map(|v| (pt(&v.location), v.bulge)).collect();
                let n = v.len();
                let mut pts = Vec::with_capacity(n);
                if let Some(first) = v.first() {
                    pts.push(first.0);
                }
                let spans = if closed { n } else { n.saturating_sub(1) };
                for k in 0..spans {
                    pts.extend(bulge_points(v[k].0, v[(k + 1) % n].0, v[k].1));
                }
                if closed && pts.len() > 1 && pts.first() == pts.last() {
                    pts.pop();
                }
                self.line(&layer, &m, pts, closed);
            }
            EntityType::Arc(a) => {
                let m = m.then_after(ocs(a.normal.z));
                let local = arc_points(pt(&a.center), a.radius, a.start_angle, a.end_angle);
                let points: Vec<Point> = local.iter().map(|&p| m.apply(p)).collect();
                if points.len() >= 2 && points.iter().all(|p| p.is_finite()) {
                    let ends = [points[0], *points.last().expect("two points")];
                    self.push(
                        &layer,
                        Shape2::Arc {
                            centre: m.apply(pt(&a.center)),
                            radius: a.radius * m.length_scale(),
                            ends,
                            points,
                        },
                    );
                }
            }
            EntityType::Circle(c) => {
                let m = m.then_after(ocs(c.normal.z));
                let mut pts = arc_points(pt(&c.center), c.radius, 0.0, 360.0);
                pts.pop();
                self.line(&layer, &m, pts, true);
            }
            EntityType::Ellipse(el) => {
                let m = m.then_after(ocs(el.normal.z));
                let full =
                    (el.end_parameter - el.start_parameter).abs() >= std::f64::consts::TAU - 1e-9;
                let mut pts = ellipse_points(
                    pt(&el.center),
                    Point::new(el.major_axis.x, el.major_axis.y),
                    el.minor_axis_ratio,
                    el.start_parameter,
                    el.end_parameter,
                );
                if full {
                    pts.pop();
                }
                self.line(&layer, &m, pts, full);
            }
            EntityType::Spline(s) => {
                let ctrl: Vec<Point> = s.control_points.iter().map(pt).collect();
                let pts = if ctrl.len() >= 2 {
                    spline_points(
                        s.degree_of_curve.max(1) as usize,
                        &s.knot_values,
                        &ctrl,
                        &s.weight_values,
                    )
                } else {
                    s.fit_points.iter().map(pt).collect()
                };
                let closed = s.flags & 1 != 0;
                self.line(&layer, m, pts, closed);
            }
            EntityType::Solid(s) => {
                // Corners 1, 2, 4, 3 in drawing order.
                let pts = vec![
                    pt(&s.first_corner),
                    pt(&s.second_corner),
                    pt(&s.fourth_corner),
                    pt(&s.third_corner),
                ];
                let fill = Some(self.out.new_fill());
                self.shape(&layer, m, pts, true, fill);
            }
            EntityType::Text(t) => {
                let text = plain_text(&t.value);
                let at = m.apply(pt(&t.location));
                self.push(&layer, Shape2::Text { at, text });
            }
            EntityType::MText(t) => {
                let mut raw = t.extended_text.concat();
                raw.push_str(&t.text);
                let text = plain_mtext(&raw);
                let at = m.apply(pt(&t.insertion_point));
                self.push(&layer, Shape2::Text { at, text });
            }
            EntityType::Insert(ins) => self.insert(ins, &layer, m, depth),
            other => {
                let name = entity_name(other);
                *self.skipped.entry(name).or_insert(0) += 1;
            }
        }
    }

    /// Expands a block reference: its entities (and hatches) under location · rotation ·
    /// (array offset) · scale · (−base point), once per array cell.
    fn insert(&mut self, ins: &'a dxf::entities::Insert, layer: &str, m: &Affine, depth: usize) {
        if depth >= MAX_DEPTH {
            self.too_deep += 1;
            return;
        }
        let Some(block) = self.blocks.get(ins.name.as_str()).copied() else {
            if !self.missing_blocks.contains(&ins.name) {
                self.missing_blocks.push(ins.name.clone());
            }
            return;
        };
        let sx = if ins.x_scale_factor == 0.0 {
            1.0
        } else {
            ins.x_scale_factor
        };
        let sy = if ins.y_scale_factor == 0.0 {
            1.0
        } else {
            ins.y_scale_factor
        };
        let base = Affine::translate(-block.base_point.x, -block.base_point.y);
        let place = m
            .then_after(ocs(ins.extrusion_direction.z))
            .then_after(Affine::translate(ins.location.x, ins.location.y))
            .then_after(Affine::rotate_deg(ins.rotation));
        let (cols, rows) = (ins.column_count.max(1), ins.row_count.max(1));
        let hatches = self
            .block_hatches
            .get(ins.name.as_str())
            .cloned()
            .unwrap_or_default();
        for r in 0..rows {
            for c in 0..cols {
                let cell = place
                    .then_after(Affine::translate(
                        f64::from(c) * ins.column_spacing,
                        f64::from(r) * ins.row_spacing,
                    ))
                    .then_after(Affine::scale(sx, sy))
                    .then_after(base);
                for e in &block.entities {
                    if self.truncated {
                        return;
                    }
                    self.entity(e, &cell, layer, depth + 1);
                }
                for h in &hatches {
                    let hl = Self::layer_of(&h.layer, layer).to_owned();
                    let fill = Some(self.out.new_fill());
                    for lp in &h.loops {
                        self.shape(&hl, &cell, lp.clone(), true, fill);
                    }
                }
                // Attribute texts (room numbers in title blocks) as labels.
                for a in ins.attributes() {
                    let text = plain_text(&a.value);
                    if !text.is_empty() {
                        let al = layer.to_owned();
                        let at = m.apply(pt(&a.location));
                        self.push(&al, Shape2::Text { at, text });
                    }
                }
            }
        }
    }
}

fn entity_name(e: &EntityType) -> &'static str {
    match e {
        EntityType::ModelPoint(_) => "POINT",
        EntityType::RotatedDimension(_)
        | EntityType::RadialDimension(_)
        | EntityType::DiameterDimension(_)
        | EntityType::AngularThreePointDimension(_)
        | EntityType::OrdinateDimension(_) => "DIMENSION",
        EntityType::Image(_) => "IMAGE",
        EntityType::Leader(_) => "LEADER",
        EntityType::Attribute(_) => "ATTRIB",
        EntityType::AttributeDefinition(_) => "ATTDEF",
        EntityType::Face3D(_) => "3DFACE",
        EntityType::MLine(_) => "MLINE",
        EntityType::Ray(_) | EntityType::XLine(_) => "XLINE",
        EntityType::Wipeout(_) => "WIPEOUT",
        _ => "other",
    }
}
