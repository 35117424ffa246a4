//! What a plan needs of an IFC model's entities, read from the STEP index: the length unit,
//! world placements (the whole `IfcLocalPlacement` chain), the points of curves, profiles and
//! solids, representations, and materials, each reference followed no deeper than the
//! nesting limit and every error naming the line and entity.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use super::geom::{Transform, V3};
use super::step::{StepError, StepFile, StepLimit, Value};
use crate::import::error::ImportError;
use crate::import::options::Limit;

/// Segments a full circle is drawn with.
const CIRCLE_SEGMENTS: usize = 24;

/// The reader of one model.
pub struct Reader<'a> {
    /// The STEP index.
    pub f: &'a StepFile<'a>,
    file: &'a str,
    max_nesting: usize,
    max_points: usize,
    points: Cell<usize>,
    placements: RefCell<HashMap<u64, Transform>>,
}

/// A product's representation: its identifier (`Axis`, `Body`, `FootPrint`...) and items.
#[derive(Debug, Clone)]
pub struct Representation {
    /// `Axis`, `Body`, `FootPrint`, `Box`...
    pub identifier: String,
    /// Its geometric items.
    pub items: Vec<u64>,
}

/// A layer of a material layer set.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    /// The material's name (empty when it has none).
    pub material: String,
    /// Its thickness, in the file's unit.
    pub thickness: f64,
}

/// An element's material, as the model associates it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MaterialUse {
    /// The material names, outermost layer first for a layer set.
    pub names: Vec<String>,
    /// The layers, for a layer set.
    pub layers: Vec<Layer>,
    /// For a layer set usage: where the layers start across the reference line (file unit)
    /// and which way they run (+1 or −1).
    pub offset: Option<(f64, f64)>,
}

impl MaterialUse {
    /// The layers' total thickness, in the file's unit.
    pub fn thickness(&self) -> Option<f64> {
        let t: f64 = self.layers.iter().map(|l| l.thickness).sum();
        (t.is_finite() && t > 0.0).then_some(t)
    }
}

impl<'a> Reader<'a> {
    /// A reader of `f`, the file `file`, held to these limits.
    pub fn new(f: &'a StepFile<'a>, file: &'a str, max_nesting: usize, max_points: usize) -> Self {
        Self {
            f,
            file,
            max_nesting,
            max_points,
            points: Cell::new(0),
            placements: RefCell::new(HashMap::new()),
        }
    }

    /// The import error of a STEP error.
    pub fn step_error(&self, e: StepError) -> ImportError {
        step_error(self.file, e)
    }

    /// An error about entity `id`.
    pub fn error(&self, id: u64, message: impl Into<String>) -> ImportError {
        ImportError::Malformed {
            file: self.file.to_owned(),
            line: self.f.line_of(id),
            entity: Some(self.name(id)),
            message: message.into(),
        }
    }

    fn too_deep(&self, id: u64) -> ImportError {
        ImportError::LimitExceeded {
            file: self.file.to_owned(),
            line: self.f.line_of(id),
            entity: Some(self.name(id)),
            limit: Limit::Nesting,
            max: self.max_nesting as u64,
        }
    }

    /// `#12 IFCWALL`, for messages.
    pub fn name(&self, id: u64) -> String {
        match self.f.type_of(id) {
            Some(t) => format!("#{id} {t}"),
            None => format!("#{id}"),
        }
    }

    /// The type of entity `id` (upper-case), or an error naming it when it is missing.
    pub fn ty(&self, id: u64) -> Result<&str, ImportError> {
        self.f.type_of(id).ok_or_else(|| ImportError::Malformed {
            file: self.file.to_owned(),
            line: None,
            entity: Some(format!("#{id}")),
            message: format!("#{id} is referred to but not defined"),
        })
    }

    /// The parameters of entity `id`.
    pub fn params(&self, id: u64) -> Result<Vec<Value>, ImportError> {
        self.f.params(id).map_err(|e| self.step_error(e))
    }

    /// Parameter `i` of entity `id`, `Null` when there are fewer.
    pub fn param(&self, id: u64, i: usize) -> Result<Value, ImportError> {
        Ok(self.params(id)?.into_iter().nth(i).unwrap_or(Value::Null))
    }

    /// Parameter `i` of entity `id` as a reference.
    pub fn reference(&self, id: u64, i: usize) -> Result<Option<u64>, ImportError> {
        Ok(self.param(id, i)?.reference())
    }

    /// Parameter `i` of entity `id` as text (empty when unset).
    pub fn text(&self, id: u64, i: usize) -> Result<String, ImportError> {
        Ok(self.param(id, i)?.text().unwrap_or_default().to_owned())
    }

    /// Counts `n` points against the limit.
    fn count_points(&self, id: u64, n: usize) -> Result<(), ImportError> {
        let total = self.points.get().saturating_add(n);
        self.points.set(total);
        if total > self.max_points {
            return Err(ImportError::LimitExceeded {
                file: self.file.to_owned(),
                line: self.f.line_of(id),
                entity: Some(self.name(id)),
                limit: Limit::Points,
                max: self.max_points as u64,
            });
        }
        Ok(())
    }

    /// An `IfcCartesianPoint`'s coordinates (or an `IfcDirection`'s ratios).
    pub fn point(&self, id: u64) -> Result<V3, ImportError> {
        let c = self.param(id, 0)?.numbers();
        if c.is_empty() || c.len() > 3 {
            return Err(self.error(id, "a point needs 1 to 3 coordinates"));
        }
        self.count_points(id, 1)?;
        Ok(V3::of(&c))
    }

    fn optional_point(&self, v: &Value) -> Result<Option<V3>, ImportError> {
        v.reference().map(|r| self.point(r)).transpose()
    }

    /// An `IfcAxis2Placement3D` or `IfcAxis2Placement2D` as a transform.
    pub fn axis_placement(&self, id: u64) -> Result<Transform, ImportError> {
        let p = self.params(id)?;
        let at = |i: usize| p.get(i).cloned().unwrap_or(Value::Null);
        let location = self
            .optional_point(&at(0))?
            .unwrap_or(V3::new(0.0, 0.0, 0.0));
        let t = match self.ty(id)? {
            "IFCAXIS2PLACEMENT3D" => Transform::placement_3d(
                location,
                self.optional_point(&at(1))?,
                self.optional_point(&at(2))?,
            ),
            "IFCAXIS2PLACEMENT2D" => {
                Transform::placement_2d(location, self.optional_point(&at(1))?)
            }
            "IFCAXIS1PLACEMENT" => Transform::placement_3d(location, None, None),
            other => return Err(self.error(id, format!("{other} is not a placement"))),
        };
        if !t.is_finite() {
            return Err(self.error(id, "a placement with a coordinate that is not a number"));
        }
        Ok(t)
    }

    /// The world transform of an object placement: `IfcLocalPlacement` relative to its
    /// parent's, followed to the top (cycles and chains deeper than the nesting limit are
    /// refused). Memoised.
    pub fn placement(&self, id: u64) -> Result<Transform, ImportError> {
        self.placement_at(id, 0)
    }

    fn placement_at(&self, id: u64, depth: usize) -> Result<Transform, ImportError> {
        if let Some(t) = self.placements.borrow().get(&id) {
            return Ok(*t);
        }
        if depth > self.max_nesting {
            return Err(self.too_deep(id));
        }
        let t = match self.ty(id)? {
            "IFCLOCALPLACEMENT" => {
                let parent = self.reference(id, 0)?;
                let relative = match self.reference(id, 1)? {
                    Some(r) => self.axis_placement(r)?,
                    None => Transform::IDENTITY,
                };
                match parent {
                    Some(p) if p == id => return Err(self.error(id, "placed relative to itself")),
                    Some(p) => self.placement_at(p, depth + 1)?.then(&relative),
                    None => relative,
                }
            }
            // Grid placements are rare in architectural models: at the grid's origin.
            "IFCGRIDPLACEMENT" => Transform::IDENTITY,
            other => return Err(self.error(id, format!("{other} is not an object placement"))),
        };
        self.placements.borrow_mut().insert(id, t);
        Ok(t)
    }

    /// A product's world transform (its `ObjectPlacement`, attribute `index`).
    pub fn object_placement(&self, product: u64, index: usize) -> Result<Transform, ImportError> {
        match self.reference(product, index)? {
            Some(p) => self.placement(p),
            None => Ok(Transform::IDENTITY),
        }
    }

    /// A product's representations (its `Representation`, attribute `index`: an
    /// `IfcProductDefinitionShape` of `IfcShapeRepresentation`s).
    pub fn representations(
        &self,
        product: u64,
        index: usize,
    ) -> Result<Vec<Representation>, ImportError> {
        let Some(shape) = self.reference(product, index)? else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for r in self.param(shape, 2)?.references() {
            let p = self.params(r)?;
            out.push(Representation {
                identifier: p.get(1).and_then(Value::text).unwrap_or("").to_owned(),
                items: p
                    .get(3)
                    .map(|v| v.references().collect())
                    .unwrap_or_default(),
            });
        }
        Ok(out)
    }

    /// The points of a curve, in its own coordinates: polylines, indexed poly curves,
    /// composite curves, lines trimmed by points, circles and their arcs (as chords).
    pub fn curve(&self, id: u64, depth: usize) -> Result<Vec<V3>, ImportError> {
        if depth > self.max_nesting {
            return Err(self.too_deep(id));
        }
        self.count_points(id, 1)?;
        let p = self.params(id)?;
        let at = |i: usize| p.get(i).cloned().unwrap_or(Value::Null);
        Ok(match self.ty(id)? {
            "IFCPOLYLINE" => {
                let refs: Vec<u64> = at(0).references().collect();
                self.count_points(id, 0)?;
                refs.into_iter()
                    .map(|r| self.point(r))
                    .collect::<Result<_, _>>()?
            }
            "IFCINDEXEDPOLYCURVE" => {
                let list = at(0)
                    .reference()
                    .ok_or_else(|| self.error(id, "no point list"))?;
                let coords = self.point_list(list)?;
                match at(1) {
                    Value::List(segments) if !segments.is_empty() => {
                        let mut out = Vec::new();
                        for s in &segments {
                            // IfcLineIndex or IfcArcIndex: 1-based indices into the list.
                            for i in s.numbers() {
                                let k = i as usize;
                                let q =
                                    coords.get(k.wrapping_sub(1)).copied().ok_or_else(|| {
                                        self.error(
                                            id,
                                            format!("index {k} is not in the point list"),
                                        )
                                    })?;
                                if out.last() != Some(&q) {
                                    out.push(q);
                                }
                            }
                        }
                        out
                    }
                    _ => coords,
                }
            }
            "IFCCOMPOSITECURVE" | "IFCCOMPOSITECURVEONSURFACE" => {
                let mut out = Vec::new();
                for seg in at(0).references() {
                    // IfcCompositeCurveSegment(Transition, SameSense, ParentCurve).
                    let s = self.params(seg)?;
                    let same_sense = !matches!(s.get(1), Some(Value::Enum(e)) if e == "F");
                    let Some(parent) = s.get(2).and_then(Value::reference) else {
                        continue;
                    };
                    let mut pts = self.curve(parent, depth + 1)?;
                    if !same_sense {
                        pts.reverse();
                    }
                    for q in pts {
                        if out.last() != Some(&q) {
                            out.push(q);
                        }
                    }
                }
                out
            }
            "IFCTRIMMEDCURVE" => {
                let basis = at(0)
                    .reference()
                    .ok_or_else(|| self.error(id, "no basis curve"))?;
                let sense = !matches!(at(3), Value::Enum(ref e) if e == "F");
                let trim = |v: &Value| -> Result<(Option<V3>, Option<f64>), ImportError> {
                    let mut point = None;
                    let mut param = None;
                    for item in v.items() {
                        match item {
                            Value::Ref(r) => point = Some(self.point(*r)?),
                            other => param = param.or(other.number()),
                        }
                    }
                    Ok((point, param))
                };
                let (p1, t1) = trim(&at(1))?;
                let (p2, t2) = trim(&at(2))?;
                let mut pts = match self.ty(basis)? {
                    "IFCLINE" => {
                        let b = self.params(basis)?;
                        let origin = self
                            .optional_point(b.first().unwrap_or(&Value::Null))?
                            .unwrap_or(V3::new(0.0, 0.0, 0.0));
                        // IfcVector(Orientation, Magnitude).
                        let (dir, mag) = match b.get(1).and_then(Value::reference) {
                            Some(v) => {
                                let vp = self.params(v)?;
                                let d = self
                                    .optional_point(vp.first().unwrap_or(&Value::Null))?
                                    .unwrap_or(V3::new(1.0, 0.0, 0.0));
                                (d, vp.get(1).and_then(Value::number).unwrap_or(1.0))
                            }
                            None => (V3::new(1.0, 0.0, 0.0), 1.0),
                        };
                        let on = |t: f64| {
                            let u = dir.unit().unwrap_or(V3::new(1.0, 0.0, 0.0));
                            V3::new(
                                origin.x + u.x * mag * t,
                                origin.y + u.y * mag * t,
                                origin.z + u.z * mag * t,
                            )
                        };
                        let a = p1.or(t1.map(on)).unwrap_or(origin);
                        let b = p2.or(t2.map(on)).unwrap_or(origin);
                        vec![a, b]
                    }
                    "IFCCIRCLE" => self.arc(basis, t1, t2, p1, p2, sense)?,
                    _ => {
                        let mut pts = self.curve(basis, depth + 1)?;
                        if let (Some(a), Some(b)) = (p1, p2) {
                            pts = vec![a, b];
                        }
                        pts
                    }
                };
                if !sense {
                    pts.reverse();
                }
                pts
            }
            "IFCCIRCLE" => self.arc(id, None, None, None, None, true)?,
            "IFCLINE" => Vec::new(),
            other => return Err(self.error(id, format!("{other}: not a curve tailplan reads"))),
        })
    }

    /// An `IfcCircle` (Position, Radius), or its arc between two trims (parameters in
    /// degrees or radians as the file's plane angle unit, which is guessed from their size,
    /// or trimming points), as chords.
    fn arc(
        &self,
        circle: u64,
        t1: Option<f64>,
        t2: Option<f64>,
        p1: Option<V3>,
        p2: Option<V3>,
        sense: bool,
    ) -> Result<Vec<V3>, ImportError> {
        let c = self.params(circle)?;
        let position = match c.first().and_then(Value::reference) {
            Some(r) => self.axis_placement(r)?,
            None => Transform::IDENTITY,
        };
        let r = c
            .get(1)
            .and_then(Value::number)
            .filter(|r| r.is_finite() && *r > 0.0)
            .ok_or_else(|| self.error(circle, "a circle needs a positive radius"))?;
        let angle_of = |p: V3| {
            let local = V3::new(
                (p.x - position.o.x) * position.x.x + (p.y - position.o.y) * position.x.y,
                (p.x - position.o.x) * position.y.x + (p.y - position.o.y) * position.y.y,
                0.0,
            );
            local.y.atan2(local.x)
        };
        let to_rad = |t: f64| {
            if t.abs() > std::f64::consts::TAU + 1e-6 {
                t.to_radians()
            } else {
                t
            }
        };
        let (a0, a1) = match (
            p1.map(angle_of).or(t1.map(to_rad)),
            p2.map(angle_of).or(t2.map(to_rad)),
        ) {
            (Some(a), Some(b)) => (a, b),
            _ => (0.0, std::f64::consts::TAU),
        };
        let mut sweep = if sense { a1 - a0 } else { a0 - a1 };
        while sweep <= 0.0 {
            sweep += std::f64::consts::TAU;
        }
        let start = if sense { a0 } else { a1 };
        let n = ((sweep / std::f64::consts::TAU * CIRCLE_SEGMENTS as f64).ceil() as usize).max(2);
        self.count_points(circle, n + 1)?;
        let mut pts: Vec<V3> = (0..=n)
            .map(|k| {
                let a = start + sweep * k as f64 / n as f64;
                position.apply(V3::new(r * a.cos(), r * a.sin(), 0.0))
            })
            .collect();
        if !sense {
            pts.reverse();
        }
        Ok(pts)
    }

    /// An `IfcCartesianPointList2D` / `3D`'s points.
    fn point_list(&self, id: u64) -> Result<Vec<V3>, ImportError> {
        let list = self.param(id, 0)?;
        let items = list.items();
        self.count_points(id, items.len())?;
        Ok(items.iter().map(|c| V3::of(&c.numbers())).collect())
    }

    /// A profile's outline, in the profile's coordinates (z = 0): rectangles, circles,
    /// arbitrary closed profiles (their outer curve), and the bounding rectangle of the
    /// parametric shapes (I, L, T, U, C, Z sections).
    pub fn profile(&self, id: u64, depth: usize) -> Result<Vec<V3>, ImportError> {
        if depth > self.max_nesting {
            return Err(self.too_deep(id));
        }
        let p = self.params(id)?;
        let at = |i: usize| p.get(i).cloned().unwrap_or(Value::Null);
        let position = |i: usize| -> Result<Transform, ImportError> {
            match at(i).reference() {
                Some(r) => self.axis_placement(r),
                None => Ok(Transform::IDENTITY),
            }
        };
        let rect = |t: Transform, w: f64, h: f64| -> Vec<V3> {
            let (x, y) = (w / 2.0, h / 2.0);
            [(-x, -y), (x, -y), (x, y), (-x, y)]
                .into_iter()
                .map(|(a, b)| t.apply(V3::new(a, b, 0.0)))
                .collect()
        };
        let ty = self.ty(id)?.to_owned();
        Ok(match ty.as_str() {
            "IFCRECTANGLEPROFILEDEF"
            | "IFCRECTANGLEHOLLOWPROFILEDEF"
            | "IFCROUNDEDRECTANGLEPROFILEDEF" => {
                let (w, h) = (at(3).number(), at(4).number());
                match (w, h) {
                    (Some(w), Some(h)) if w > 0.0 && h > 0.0 => rect(position(2)?, w, h),
                    _ => return Err(self.error(id, "a rectangle needs a positive XDim and YDim")),
                }
            }
            "IFCCIRCLEPROFILEDEF" | "IFCCIRCLEHOLLOWPROFILEDEF" => {
                let r = at(3)
                    .number()
                    .filter(|r| *r > 0.0)
                    .ok_or_else(|| self.error(id, "a circle needs a positive radius"))?;
                let t = position(2)?;
                self.count_points(id, CIRCLE_SEGMENTS)?;
                (0..CIRCLE_SEGMENTS)
                    .map(|k| {
                        let a = std::f64::consts::TAU * k as f64 / CIRCLE_SEGMENTS as f64;
                        t.apply(V3::new(r * a.cos(), r * a.sin(), 0.0))
                    })
                    .collect()
            }
            "IFCARBITRARYCLOSEDPROFILEDEF" | "IFCARBITRARYPROFILEDEFWITHVOIDS" => {
                let curve = at(2)
                    .reference()
                    .ok_or_else(|| self.error(id, "no outer curve"))?;
                self.curve(curve, depth + 1)?
            }
            "IFCDERIVEDPROFILEDEF" => {
                // (ProfileType, ProfileName, ParentProfile, Operator 2D, Label)
                let parent = at(2)
                    .reference()
                    .ok_or_else(|| self.error(id, "no parent profile"))?;
                let t = match at(3).reference() {
                    Some(op) => self.operator(op)?,
                    None => Transform::IDENTITY,
                };
                self.profile(parent, depth + 1)?
                    .into_iter()
                    .map(|q| t.apply(q))
                    .collect()
            }
            // Parametric sections: their overall width and depth.
            "IFCISHAPEPROFILEDEF"
            | "IFCTSHAPEPROFILEDEF"
            | "IFCUSHAPEPROFILEDEF"
            | "IFCCSHAPEPROFILEDEF"
            | "IFCZSHAPEPROFILEDEF"
            | "IFCLSHAPEPROFILEDEF"
            | "IFCASYMMETRICISHAPEPROFILEDEF" => {
                let (a, b) = (at(3).number(), at(4).number());
                match (a, b) {
                    (Some(a), Some(b)) if a > 0.0 && b > 0.0 => rect(position(2)?, a, b),
                    _ => Vec::new(),
                }
            }
            _ => Vec::new(),
        })
    }

    /// An `IfcCartesianTransformationOperator2D`/`3D` (Axis1, Axis2, LocalOrigin, Scale[,
    /// Axis3 | Scale2, Scale3]).
    pub fn operator(&self, id: u64) -> Result<Transform, ImportError> {
        let p = self.params(id)?;
        let at = |i: usize| p.get(i).cloned().unwrap_or(Value::Null);
        let origin = self
            .optional_point(&at(2))?
            .unwrap_or(V3::new(0.0, 0.0, 0.0));
        let scale = at(3).number().unwrap_or(1.0);
        let axis3 = if self.ty(id)?.contains("3D") {
            self.optional_point(&at(4))?
        } else {
            None
        };
        let t = Transform::operator_3d(
            self.optional_point(&at(0))?,
            self.optional_point(&at(1))?,
            axis3,
            origin,
            scale,
        );
        if !t.is_finite() {
            return Err(self.error(id, "a transformation with a number that is not one"));
        }
        Ok(t)
    }

    /// An extrusion's profile and the placement it is swept from (`SweptArea`, `Position`).
    fn swept_area(&self, id: u64, p: &[Value]) -> Result<(u64, Transform), ImportError> {
        let profile = p
            .first()
            .and_then(Value::reference)
            .ok_or_else(|| self.error(id, "no swept area"))?;
        let position = match p.get(1).and_then(Value::reference) {
            Some(r) => self.axis_placement(r)?,
            None => Transform::IDENTITY,
        };
        Ok((profile, position))
    }

    /// Every point of a geometric item placed by `t`: extrusions (their profile at both
    /// ends), boolean results (their first operand: what remains is inside it), mapped items,
    /// faceted B-reps, face and shell sets, tessellated face sets, curves, bounding boxes.
    pub fn item_points(
        &self,
        id: u64,
        t: &Transform,
        depth: usize,
        out: &mut Vec<V3>,
    ) -> Result<(), ImportError> {
        if depth > self.max_nesting {
            return Err(self.too_deep(id));
        }
        // Every item visited counts, so that maps of maps cannot multiply the work unseen.
        self.count_points(id, 1)?;
        let p = self.params(id)?;
        let at = |i: usize| p.get(i).cloned().unwrap_or(Value::Null);
        match self.ty(id)? {
            "IFCEXTRUDEDAREASOLID" | "IFCEXTRUDEDAREASOLIDTAPERED" => {
                let (profile, position) = self.swept_area(id, &p)?;
                let dir = self
                    .optional_point(&at(2))?
                    .unwrap_or(V3::new(0.0, 0.0, 1.0));
                let depth_m = at(3).number().unwrap_or(0.0);
                let u = dir.unit().unwrap_or(V3::new(0.0, 0.0, 1.0));
                let placed = t.then(&position);
                for q in self.profile(profile, depth + 1)? {
                    out.push(placed.apply(q));
                    let top = V3::new(
                        q.x + u.x * depth_m,
                        q.y + u.y * depth_m,
                        q.z + u.z * depth_m,
                    );
                    out.push(placed.apply(top));
                }
            }
            "IFCBOOLEANCLIPPINGRESULT" | "IFCBOOLEANRESULT" => {
                if let Some(first) = at(1).reference() {
                    self.item_points(first, t, depth + 1, out)?;
                }
            }
            "IFCMAPPEDITEM" => {
                let source = at(0)
                    .reference()
                    .ok_or_else(|| self.error(id, "no mapping source"))?;
                let target = match at(1).reference() {
                    Some(r) => self.operator(r)?,
                    None => Transform::IDENTITY,
                };
                // IfcRepresentationMap(MappingOrigin, MappedRepresentation).
                let origin = match self.reference(source, 0)? {
                    Some(r) => self.axis_placement(r)?,
                    None => Transform::IDENTITY,
                };
                let placed = t.then(&target).then(&origin);
                if let Some(rep) = self.reference(source, 1)? {
                    for item in self.param(rep, 3)?.references() {
                        self.item_points(item, &placed, depth + 1, out)?;
                    }
                }
            }
            "IFCFACETEDBREP"
            | "IFCFACETEDBREPWITHVOIDS"
            | "IFCMANIFOLDSOLIDBREP"
            | "IFCADVANCEDBREP" => {
                if let Some(shell) = at(0).reference() {
                    self.item_points(shell, t, depth + 1, out)?;
                }
            }
            "IFCCLOSEDSHELL" | "IFCOPENSHELL" | "IFCCONNECTEDFACESET" => {
                for face in at(0).references() {
                    for q in self.face(face)? {
                        out.push(t.apply(q));
                    }
                }
            }
            "IFCFACEBASEDSURFACEMODEL" | "IFCSHELLBASEDSURFACEMODEL" => {
                for set in at(0).references() {
                    self.item_points(set, t, depth + 1, out)?;
                }
            }
            "IFCTRIANGULATEDFACESET" | "IFCPOLYGONALFACESET" => {
                if let Some(list) = at(0).reference() {
                    out.extend(self.point_list(list)?.into_iter().map(|q| t.apply(q)));
                }
            }
            "IFCBOUNDINGBOX" => {
                let corner = self
                    .optional_point(&at(0))?
                    .unwrap_or(V3::new(0.0, 0.0, 0.0));
                let (x, y, z) = (
                    at(1).number().unwrap_or(0.0),
                    at(2).number().unwrap_or(0.0),
                    at(3).number().unwrap_or(0.0),
                );
                for (a, b, c) in [
                    (0., 0., 0.),
                    (x, 0., 0.),
                    (x, y, 0.),
                    (0., y, 0.),
                    (0., 0., z),
                    (x, y, z),
                ] {
                    out.push(t.apply(V3::new(corner.x + a, corner.y + b, corner.z + c)));
                }
            }
            "IFCGEOMETRICSET" | "IFCGEOMETRICCURVESET" => {
                for item in at(0).references() {
                    self.item_points(item, t, depth + 1, out)?;
                }
            }
            "IFCPOLYLINE"
            | "IFCINDEXEDPOLYCURVE"
            | "IFCCOMPOSITECURVE"
            | "IFCTRIMMEDCURVE"
            | "IFCCIRCLE" => {
                out.extend(self.curve(id, depth + 1)?.into_iter().map(|q| t.apply(q)));
            }
            _ => {}
        }
        Ok(())
    }

    /// The outline of the bottom of a geometric item placed by `t`, for a space: an
    /// extrusion's profile where it starts, a boolean's first operand, a mapped item's, or
    /// the largest horizontal face at the lowest level of a B-rep.
    pub fn item_outline(
        &self,
        id: u64,
        t: &Transform,
        depth: usize,
    ) -> Result<Vec<V3>, ImportError> {
        if depth > self.max_nesting {
            return Err(self.too_deep(id));
        }
        let p = self.params(id)?;
        let at = |i: usize| p.get(i).cloned().unwrap_or(Value::Null);
        match self.ty(id)? {
            "IFCEXTRUDEDAREASOLID" | "IFCEXTRUDEDAREASOLIDTAPERED" => {
                let (profile, position) = self.swept_area(id, &p)?;
                let placed = t.then(&position);
                Ok(self
                    .profile(profile, depth + 1)?
                    .into_iter()
                    .map(|q| placed.apply(q))
                    .collect())
            }
            "IFCBOOLEANCLIPPINGRESULT" | "IFCBOOLEANRESULT" => match at(1).reference() {
                Some(first) => self.item_outline(first, t, depth + 1),
                None => Ok(Vec::new()),
            },
            "IFCMAPPEDITEM" => {
                let mut all = Vec::new();
                self.item_points(id, t, depth, &mut all)?;
                Ok(all)
            }
            "IFCPOLYLINE" | "IFCINDEXEDPOLYCURVE" | "IFCCOMPOSITECURVE" | "IFCTRIMMEDCURVE" => {
                Ok(self
                    .curve(id, depth + 1)?
                    .into_iter()
                    .map(|q| t.apply(q))
                    .collect())
            }
            "IFCFACETEDBREP"
            | "IFCFACETEDBREPWITHVOIDS"
            | "IFCMANIFOLDSOLIDBREP"
            | "IFCFACEBASEDSURFACEMODEL"
            | "IFCSHELLBASEDSURFACEMODEL"
            | "IFCCLOSEDSHELL"
            | "IFCOPENSHELL"
            | "IFCCONNECTEDFACESET" => {
                let mut faces = Vec::new();
                self.faces(id, t, depth, &mut faces)?;
                let low = faces
                    .iter()
                    .flatten()
                    .map(|q| q.z)
                    .fold(f64::INFINITY, f64::min);
                let flat_low = faces
                    .into_iter()
                    .filter(|f| {
                        f.len() >= 3
                            && f.iter()
                                .all(|q| (q.z - low).abs() < 1e-3 * (1.0 + low.abs()))
                    })
                    .max_by(|a, b| plan_area(a).total_cmp(&plan_area(b)));
                Ok(flat_low.unwrap_or_default())
            }
            _ => Ok(Vec::new()),
        }
    }

    /// The faces of a B-rep or face set, each its outer loop placed by `t`.
    fn faces(
        &self,
        id: u64,
        t: &Transform,
        depth: usize,
        out: &mut Vec<Vec<V3>>,
    ) -> Result<(), ImportError> {
        if depth > self.max_nesting {
            return Err(self.too_deep(id));
        }
        let p = self.params(id)?;
        let first = p.first().cloned().unwrap_or(Value::Null);
        match self.ty(id)? {
            "IFCFACETEDBREP" | "IFCFACETEDBREPWITHVOIDS" | "IFCMANIFOLDSOLIDBREP" => {
                if let Some(shell) = first.reference() {
                    self.faces(shell, t, depth + 1, out)?;
                }
            }
            "IFCFACEBASEDSURFACEMODEL" | "IFCSHELLBASEDSURFACEMODEL" => {
                for set in first.references() {
                    self.faces(set, t, depth + 1, out)?;
                }
            }
            "IFCCLOSEDSHELL" | "IFCOPENSHELL" | "IFCCONNECTEDFACESET" => {
                for face in first.references() {
                    out.push(self.face(face)?.into_iter().map(|q| t.apply(q)).collect());
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// An `IfcFace`'s outer loop (its first bound when none is marked outer).
    fn face(&self, id: u64) -> Result<Vec<V3>, ImportError> {
        let bounds: Vec<u64> = self.param(id, 0)?.references().collect();
        let outer = bounds
            .iter()
            .copied()
            .find(|b| self.f.type_of(*b) == Some("IFCFACEOUTERBOUND"))
            .or(bounds.first().copied());
        let Some(bound) = outer else {
            return Ok(Vec::new());
        };
        let Some(lp) = self.reference(bound, 0)? else {
            return Ok(Vec::new());
        };
        match self.ty(lp)? {
            "IFCPOLYLOOP" => self
                .param(lp, 0)?
                .references()
                .collect::<Vec<_>>()
                .into_iter()
                .map(|r| self.point(r))
                .collect(),
            _ => Ok(Vec::new()),
        }
    }

    /// The material associated with an element through `associations` (element →
    /// `IfcRelAssociatesMaterial`'s relating material).
    pub fn material(&self, relating: u64, depth: usize) -> Result<MaterialUse, ImportError> {
        if depth > self.max_nesting {
            return Err(self.too_deep(relating));
        }
        let p = self.params(relating)?;
        let at = |i: usize| p.get(i).cloned().unwrap_or(Value::Null);
        let mut m = MaterialUse::default();
        match self.ty(relating)? {
            "IFCMATERIAL" => m.names.push(at(0).text().unwrap_or("").to_owned()),
            "IFCMATERIALLIST" => {
                for r in at(0).references() {
                    m.names.push(self.text(r, 0)?);
                }
            }
            "IFCMATERIALLAYERSETUSAGE" => {
                if let Some(set) = at(0).reference() {
                    m = self.material(set, depth + 1)?;
                }
                let sense = match at(2) {
                    Value::Enum(e) if e == "NEGATIVE" => -1.0,
                    _ => 1.0,
                };
                m.offset = Some((at(3).number().unwrap_or(0.0), sense));
            }
            "IFCMATERIALLAYERSET" => {
                for layer in at(0).references() {
                    let l = self.params(layer)?;
                    let name = match l.first().and_then(Value::reference) {
                        Some(mat) => self.text(mat, 0)?,
                        None => String::new(),
                    };
                    let thickness = l.get(1).and_then(Value::number).unwrap_or(0.0);
                    if !(thickness.is_finite() && thickness >= 0.0) {
                        return Err(
                            self.error(layer, "a layer's thickness must be a positive number")
                        );
                    }
                    m.names.push(name.clone());
                    m.layers.push(Layer {
                        material: name,
                        thickness,
                    });
                }
            }
            "IFCMATERIALLAYER" => {
                if let Some(mat) = at(0).reference() {
                    let name = self.text(mat, 0)?;
                    m.names.push(name.clone());
                    m.layers.push(Layer {
                        material: name,
                        thickness: at(1).number().unwrap_or(0.0),
                    });
                }
            }
            "IFCMATERIALCONSTITUENTSET" => {
                for c in at(2).references() {
                    if let Some(mat) = self.reference(c, 2)? {
                        m.names.push(self.text(mat, 0)?);
                    }
                }
            }
            "IFCMATERIALPROFILESETUSAGE" => {
                if let Some(set) = at(0).reference() {
                    m = self.material(set, depth + 1)?;
                }
            }
            "IFCMATERIALPROFILESET" => {
                for prof in at(2).references() {
                    if let Some(mat) = self.reference(prof, 2)? {
                        m.names.push(self.text(mat, 0)?);
                    }
                }
            }
            _ => {}
        }
        m.names.retain(|n| !n.trim().is_empty());
        Ok(m)
    }
}

/// The import error of a STEP error in `file`.
pub fn step_error(file: &str, e: StepError) -> ImportError {
    match e.limit {
        Some(StepLimit::Entities(max)) => ImportError::LimitExceeded {
            file: file.to_owned(),
            line: e.line,
            entity: e.entity,
            limit: Limit::Entities,
            max: max as u64,
        },
        Some(StepLimit::Nesting(max)) => ImportError::LimitExceeded {
            file: file.to_owned(),
            line: e.line,
            entity: e.entity,
            limit: Limit::Nesting,
            max: max as u64,
        },
        None => ImportError::Malformed {
            file: file.to_owned(),
            line: e.line,
            entity: e.entity,
            message: e.message,
        },
    }
}

/// The area of a polygon's plan (shoelace, absolute).
pub fn plan_area(points: &[V3]) -> f64 {
    let n = points.len();
    (0..n)
        .map(|i| {
            let (a, b) = (points[i], points[(i + 1) % n]);
            a.x * b.y - b.x * a.y
        })
        .sum::<f64>()
        .abs()
        / 2.0
}
