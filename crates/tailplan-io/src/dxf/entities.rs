//! Flattening DXF entities (and the blocks they reference) into the importer's drawing:
//! LINE, LWPOLYLINE and POLYLINE with bulges, ARC, CIRCLE, ELLIPSE, SPLINE, SOLID, TEXT,
//! MTEXT, INSERT (nested, scaled, rotated, mirrored, in arrays) and HATCH boundaries.

use std::collections::HashMap;

use dxf::entities::{Entity, EntityType};
use tailplan_core::Point;

use super::geometry::{
    Affine, arc_points, bulge_point_count, bulge_points, ellipse_points, spline_points,
};
use super::hatch::Hatch;
use super::text::{plain_mtext, plain_text};
use crate::drawing::{Drawing, Item, Shape2};
use crate::import::options::{ImportLimits, Limit};

/// Where the expansion went beyond a limit: which, and the entity it was expanding.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Exceeded {
    pub limit: Limit,
    pub entity: String,
}

/// Flattens entities and expands block references, counting every entity visited (each
/// array cell of each reference too) and every point made against the [`ImportLimits`]
/// before making them, so that a nest of block references that would expand to billions of
/// entities stops at the limit, in bounded memory and time.
pub(crate) struct Flattener<'a> {
    pub blocks: HashMap<&'a str, &'a dxf::Block>,
    pub block_hatches: HashMap<&'a str, Vec<&'a Hatch>>,
    pub out: Drawing,
    pub skipped: HashMap<&'static str, usize>,
    pub missing_blocks: Vec<String>,
    pub limits: ImportLimits,
    /// Entities visited, block references expanded (one per array cell).
    pub visited: usize,
    /// Points made.
    pub points: usize,
    /// The first limit gone beyond; nothing more is expanded once it is set.
    pub exceeded: Option<Exceeded>,
    /// The names of the blocks being expanded, outermost first.
    chain: Vec<&'a str>,
    /// The entity being flattened: its name and handle.
    current: (&'static str, u64),
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
    /// A flattener of a drawing's blocks, held to `limits`.
    pub fn new(blocks: HashMap<&'a str, &'a dxf::Block>, limits: ImportLimits) -> Self {
        Self {
            blocks,
            block_hatches: HashMap::new(),
            out: Drawing::default(),
            skipped: HashMap::new(),
            missing_blocks: Vec::new(),
            limits,
            visited: 0,
            points: 0,
            exceeded: None,
            chain: Vec::new(),
            current: ("", 0),
        }
    }

    /// Records the first limit gone beyond, naming the entity being flattened, its layer and
    /// the blocks it is in.
    fn exceed(&mut self, limit: Limit, layer: &str) {
        if self.exceeded.is_some() {
            return;
        }
        let (kind, handle) = self.current;
        let mut entity = kind.to_owned();
        if handle != 0 {
            entity.push_str(&format!(" (handle {handle:X})"));
        }
        entity.push_str(&format!(" on layer \"{layer}\""));
        if let Some((inner, outer)) = self.chain.split_last() {
            entity.push_str(&format!(" in block \"{inner}\""));
            for b in outer.iter().rev().take(8) {
                entity.push_str(&format!(", inserted in \"{b}\""));
            }
            if outer.len() > 8 {
                entity.push_str(&format!(", ... ({} blocks deep)", self.chain.len()));
            }
        }
        self.exceeded = Some(Exceeded { limit, entity });
    }

    /// True when `n` more points fit under the limit; else records the limit gone beyond.
    fn room_for(&mut self, n: usize, layer: &str) -> bool {
        if self.exceeded.is_some() {
            return false;
        }
        if self.points.saturating_add(n) > self.limits.max_points {
            self.exceed(Limit::Points, layer);
            return false;
        }
        true
    }

    fn push(&mut self, layer: &str, shape: Shape2) {
        let n = match &shape {
            Shape2::Line { points, .. } | Shape2::Arc { points, .. } => points.len(),
            Shape2::Text { .. } => 1,
        };
        if !self.room_for(n, layer) {
            return;
        }
        if self.out.items.len() >= self.limits.max_entities {
            self.exceed(Limit::Entities, layer);
            return;
        }
        self.points += n;
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
        if self.exceeded.is_some() {
            return;
        }
        self.current = (entity_name(&e.specific), e.common.handle.0);
        self.visited += 1;
        if self.visited > self.limits.max_entities {
            let layer = Self::layer_of(&e.common.layer, parent).to_owned();
            self.exceed(Limit::Entities, &layer);
            return;
        }
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
                let n = v.len();
                let spans = if closed { n } else { n.saturating_sub(1) };
                let count = 1
                    + (0..spans)
                        .map(|k| {
                            let (a, b) = (&v[k], &v[(k + 1) % n]);
                            bulge_point_count(Point::new(a.x, a.y), Point::new(b.x, b.y), a.bulge)
                        })
                        .sum::<usize>();
                if !self.room_for(count, &layer) {
                    return;
                }
                let mut pts = Vec::with_capacity(count);
                if let Some(first) = v.first() {
                    pts.push(Point::new(first.x, first.y));
                }
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
                let spans = if closed { n } else { n.saturating_sub(1) };
                let count = 1
                    + (0..spans)
                        .map(|k| bulge_point_count(v[k].0, v[(k + 1) % n].0, v[k].1))
                        .sum::<usize>();
                if !self.room_for(count, &layer) {
                    return;
                }
                let mut pts = Vec::with_capacity(count);
                if let Some(first) = v.first() {
                    pts.push(first.0);
                }
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
            _ => *self.skipped.entry(self.current.0).or_insert(0) += 1,
        }
    }

    /// Expands a block reference: its entities (and hatches) under location · rotation ·
    /// (array offset) · scale · (−base point), once per array cell.
    fn insert(&mut self, ins: &'a dxf::entities::Insert, layer: &str, m: &Affine, depth: usize) {
        if depth >= self.limits.max_nesting {
            self.exceed(Limit::Nesting, layer);
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
        self.chain.push(block.name.as_str());
        let handle = self.current.1;
        for r in 0..rows {
            for c in 0..cols {
                // Every array cell counts, so that arrays of empty blocks stop too.
                self.current = ("INSERT", handle);
                self.visited += 1;
                if self.visited > self.limits.max_entities {
                    self.exceed(Limit::Entities, layer);
                }
                if self.exceeded.is_some() {
                    self.chain.pop();
                    return;
                }
                let cell = place
                    .then_after(Affine::translate(
                        f64::from(c) * ins.column_spacing,
                        f64::from(r) * ins.row_spacing,
                    ))
                    .then_after(Affine::scale(sx, sy))
                    .then_after(base);
                for e in &block.entities {
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
        self.chain.pop();
    }
}

/// The DXF name of an entity's type.
fn entity_name(e: &EntityType) -> &'static str {
    match e {
        EntityType::Line(_) => "LINE",
        EntityType::LwPolyline(_) => "LWPOLYLINE",
        EntityType::Polyline(_) => "POLYLINE",
        EntityType::Arc(_) => "ARC",
        EntityType::Circle(_) => "CIRCLE",
        EntityType::Ellipse(_) => "ELLIPSE",
        EntityType::Spline(_) => "SPLINE",
        EntityType::Solid(_) => "SOLID",
        EntityType::Text(_) => "TEXT",
        EntityType::MText(_) => "MTEXT",
        EntityType::Insert(_) => "INSERT",
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
