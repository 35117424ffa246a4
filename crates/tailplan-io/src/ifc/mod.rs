//! IFC building models (IFC2X3 and IFC4, the STEP physical file as Revit, ArchiCAD, Allplan
//! and Tekla write it) made floors: one floor per `IfcBuildingStorey` that holds walls, at
//! its elevation, in metres whatever the file's length unit.
//!
//! - **Walls** (`IfcWall`, `IfcWallStandardCase`, `IfcCurtainWall`, and `IfcColumn` as
//!   short walls): the centreline from the wall's `Axis` representation, shifted to the middle
//!   of its body; without an axis, the long axis of the body's footprint (its smallest
//!   enclosing rectangle); a curtain wall without a body of its own from its parts'. The
//!   thickness is the material layer set's total, else the body's width across the axis. The
//!   material is the library's material of the heaviest layer its names stand for
//!   ([`materials`]), else the element's own name's, else glass for curtain walls, concrete
//!   for columns and drywall for the rest (said in the report).
//! - **Openings**: each `IfcOpeningElement` voiding a wall (`IfcRelVoidsElement`) is cut out
//!   of its wall where its body crosses it, a door or a window when an `IfcDoor` or
//!   `IfcWindow` fills it (`IfcRelFillsElement`), else an open passage.
//! - **Rooms** from `IfcSpace` (aggregated to their storey): the outline of their footprint
//!   or of the bottom of their body, named by `LongName`, else `Name`.
//! - **Slabs**: each storey's floor slab thickness and material go into the report.
//! - **Georeference** ([`georef`]): the `IfcMapConversion` when its CRS is a UTM zone, else
//!   `IfcSite`'s reference latitude and longitude, with the plan's north.
//! - Everything else a storey holds is counted in the report with why it was left out
//!   (furniture, building services, proxies, stairs...).
//!
//! Elements are found through `IfcRelContainedInSpatialStructure` and `IfcRelAggregates`,
//! every placement through the whole `IfcLocalPlacement` chain. The file is read by
//! [`step`], a STEP reader of tailplan's own (see ARCHITECTURE.md for why), held to the
//! import limits: entities, nesting (of parameters and of references followed), points.

mod geom;
mod georef;
pub(crate) mod materials;
mod read;
pub(crate) mod step;

use std::collections::{BTreeMap, HashMap, HashSet};

use tailplan_core::wall_cleanup::CleanWall;
use tailplan_core::{
    DEFAULT_CEILING_M, Diagnostic, Floor, IdAllocator, ImportRecord, MaterialLibrary,
    MaterialMapping, Opening, OpeningKind, Point, Polygon, Project, Room, Shape, SkippedRecord,
    StoreyRecord, Wall,
};

use self::geom::{Transform, V3};
use self::read::{MaterialUse, Reader, Representation};
use self::step::{StepFile, Value};
use crate::drawing::cut_at_openings;
use crate::import::error::ImportError;
use crate::import::options::{Format, Import, ImportOptions};

/// Wall types, and what a wall of each is made of when its materials say nothing.
const WALLS: [(&str, &str); 6] = [
    ("IFCWALL", "drywall"),
    ("IFCWALLSTANDARDCASE", "drywall"),
    ("IFCWALLELEMENTEDCASE", "drywall"),
    ("IFCCURTAINWALL", "glass"),
    ("IFCCOLUMN", "concrete"),
    ("IFCCOLUMNSTANDARDCASE", "concrete"),
];

const DOORS: [&str; 2] = ["IFCDOOR", "IFCDOORSTANDARDCASE"];
const WINDOWS: [&str; 2] = ["IFCWINDOW", "IFCWINDOWSTANDARDCASE"];
const SLABS: [&str; 3] = ["IFCSLAB", "IFCSLABSTANDARDCASE", "IFCSLABELEMENTEDCASE"];

/// Why a product of this type is left out, or `None` for those read.
fn skipped_why(ty: &str) -> Option<&'static str> {
    if WALLS.iter().any(|(w, _)| *w == ty)
        || DOORS.contains(&ty)
        || WINDOWS.contains(&ty)
        || SLABS.contains(&ty)
        || matches!(
            ty,
            "IFCSPACE" | "IFCOPENINGELEMENT" | "IFCOPENINGSTANDARDCASE" | "IFCBUILDINGSTOREY"
        )
    {
        return None;
    }
    Some(match ty {
        "IFCFURNISHINGELEMENT" | "IFCFURNITURE" | "IFCSYSTEMFURNITUREELEMENT" => {
            "furniture: no wall"
        }
        "IFCBUILDINGELEMENTPROXY" => "a proxy: the model does not say what it is",
        t if t.starts_with("IFCFLOW")
            || t.starts_with("IFCDISTRIBUTION")
            || t.starts_with("IFCENERGYCONVERSION")
            || t.ends_with("TERMINAL")
            || t.ends_with("SEGMENT")
            || t.ends_with("FITTING")
            || matches!(
                t,
                "IFCLIGHTFIXTURE"
                    | "IFCLAMP"
                    | "IFCOUTLET"
                    | "IFCSWITCHINGDEVICE"
                    | "IFCSENSOR"
                    | "IFCALARM"
                    | "IFCFIRESUPPRESSIONTERMINAL"
                    | "IFCVALVE"
                    | "IFCPUMP"
                    | "IFCFAN"
                    | "IFCBOILER"
                    | "IFCCHILLER"
                    | "IFCTANK"
                    | "IFCCONTROLLER"
                    | "IFCACTUATOR"
                    | "IFCUNITARYEQUIPMENT"
                    | "IFCELECTRICAPPLIANCE"
                    | "IFCCOMMUNICATIONSAPPLIANCE"
                    | "IFCAUDIOVISUALAPPLIANCE"
            ) =>
        {
            "building services (MEP): not walls; devices and outlets are placed in tailplan"
        }
        "IFCSTAIR" | "IFCSTAIRFLIGHT" | "IFCRAMP" | "IFCRAMPFLIGHT" => {
            "stairs and ramps: no wall in plan"
        }
        "IFCSITE" | "IFCBUILDING" | "IFCPROJECT" | "IFCANNOTATION" | "IFCGRID"
        | "IFCVIRTUALELEMENT" | "IFCSPATIALZONE" | "IFCZONE" => return None,
        _ => "not a wall in plan: no radio loss of its own modelled",
    })
}

/// `IfcWall` for `IFCWALL`, as the report names types.
fn type_name(ty: &str) -> String {
    const KNOWN: [&str; 40] = [
        "Wall",
        "WallStandardCase",
        "WallElementedCase",
        "CurtainWall",
        "Column",
        "ColumnStandardCase",
        "Door",
        "DoorStandardCase",
        "Window",
        "WindowStandardCase",
        "Slab",
        "SlabStandardCase",
        "SlabElementedCase",
        "Space",
        "OpeningElement",
        "FurnishingElement",
        "Furniture",
        "BuildingElementProxy",
        "FlowTerminal",
        "FlowSegment",
        "FlowFitting",
        "DistributionElement",
        "Stair",
        "StairFlight",
        "Ramp",
        "Railing",
        "Roof",
        "Covering",
        "Beam",
        "Member",
        "Plate",
        "Footing",
        "Pile",
        "LightFixture",
        "SystemFurnitureElement",
        "Chimney",
        "ShadingDevice",
        "DistributionControlElement",
        "FlowController",
        "EnergyConversionDevice",
    ];
    let rest = ty.strip_prefix("IFC").unwrap_or(ty);
    KNOWN
        .iter()
        .find(|k| k.eq_ignore_ascii_case(rest))
        .map_or_else(
            || format!("Ifc{}", rest.to_ascii_lowercase()),
            |k| format!("Ifc{k}"),
        )
}

/// A 2-D point of the plan, in metres, from the file's units.
fn plan(p: V3, unit_m: f64) -> Point {
    Point::new(p.x * unit_m, p.y * unit_m)
}

/// A point rounded to the millimetre, as every importer keeps them.
fn mm(p: Point) -> Point {
    let r = |v: f64| (v * 1000.0).round() / 1000.0;
    Point::new(r(p.x), r(p.y))
}

/// The length unit in metres and its name, from the project's `IfcUnitAssignment`.
fn length_unit(
    r: &Reader,
    diagnostics: &mut Vec<Diagnostic>,
    file: &str,
) -> Result<(f64, String), ImportError> {
    let project = r.f.of_type("IFCPROJECT").first().copied();
    let units = match project {
        Some(p) => r.reference(p, 8)?,
        None => None,
    };
    let Some(units) = units else {
        diagnostics.push(Diagnostic::warning(
            file,
            "the model gives no length unit (IfcProject.UnitsInContext): metres assumed",
        ));
        return Ok((1.0, "m (assumed)".into()));
    };
    for u in r.param(units, 0)?.references() {
        let p = r.params(u)?;
        let unit_type = p.get(1).and_then(Value::text).unwrap_or("");
        if unit_type != "LENGTHUNIT" {
            continue;
        }
        return length_unit_of(r, u);
    }
    diagnostics.push(Diagnostic::warning(
        file,
        "the model's units give no length unit: metres assumed",
    ));
    Ok((1.0, "m (assumed)".into()))
}

/// A length unit (`IfcSIUnit` or `IfcConversionBasedUnit`) in metres, and its short name.
fn length_unit_of(r: &Reader, u: u64) -> Result<(f64, String), ImportError> {
    let p = r.params(u)?;
    match r.ty(u)? {
        "IFCSIUNIT" => si_length(r, u),
        "IFCCONVERSIONBASEDUNIT" => {
            let name = p.get(2).and_then(Value::text).unwrap_or("").to_owned();
            let factor = p
                .get(3)
                .and_then(Value::reference)
                .ok_or_else(|| r.error(u, "no conversion factor"))?;
            let f = r.params(factor)?;
            let value = f
                .first()
                .and_then(Value::number)
                .ok_or_else(|| r.error(factor, "no value"))?;
            let base = match f.get(1).and_then(Value::reference) {
                Some(b) => si_length(r, b)?.0,
                None => 1.0,
            };
            let m = value * base;
            if !(m.is_finite() && m > 0.0) {
                return Err(r.error(u, format!("a length unit of {m} m")));
            }
            let short = match name.to_ascii_uppercase().as_str() {
                "FOOT" | "FEET" => "ft".to_owned(),
                "INCH" | "INCHES" => "in".to_owned(),
                _ => name.to_ascii_lowercase(),
            };
            Ok((m, short))
        }
        other => Err(r.error(u, format!("{other} is not a length unit tailplan reads"))),
    }
}

/// An `IfcSIUnit` of length: metres with its prefix.
fn si_length(r: &Reader, u: u64) -> Result<(f64, String), ImportError> {
    let p = r.params(u)?;
    let prefix = p.get(2).and_then(Value::text).unwrap_or("");
    let (k, short) = match prefix {
        "" => (1.0, "m"),
        "MILLI" => (0.001, "mm"),
        "CENTI" => (0.01, "cm"),
        "DECI" => (0.1, "dm"),
        "KILO" => (1000.0, "km"),
        "MICRO" => (1e-6, "µm"),
        other => {
            return Err(r.error(
                u,
                format!("the length prefix {other} is not one tailplan reads"),
            ));
        }
    };
    Ok((k, short.to_owned()))
}

/// The spatial relations of a model.
#[derive(Default)]
struct Relations {
    /// Element → the spatial structure containing it, or the whole it is part of.
    parent: HashMap<u64, u64>,
    /// A whole → its parts (`IfcRelAggregates`).
    parts: HashMap<u64, Vec<u64>>,
    /// Opening → the element it voids.
    voids: HashMap<u64, u64>,
    /// Opening → the door or window filling it.
    filled_by: HashMap<u64, u64>,
    /// Element or type → its relating material.
    material: HashMap<u64, u64>,
    /// Element → its type object.
    type_of: HashMap<u64, u64>,
    /// Every product a relation names.
    products: Vec<u64>,
}

fn relations(r: &Reader) -> Result<Relations, ImportError> {
    let mut rel = Relations::default();
    let mut seen = HashSet::new();
    for &id in r.f.of_type("IFCRELCONTAINEDINSPATIALSTRUCTURE") {
        let p = r.params(id)?;
        let Some(structure) = p.get(5).and_then(Value::reference) else {
            continue;
        };
        for e in p.get(4).map(Value::references).into_iter().flatten() {
            rel.parent.insert(e, structure);
            if seen.insert(e) {
                rel.products.push(e);
            }
        }
    }
    for &id in r.f.of_type("IFCRELAGGREGATES") {
        let p = r.params(id)?;
        let Some(whole) = p.get(4).and_then(Value::reference) else {
            continue;
        };
        let parts: Vec<u64> = p
            .get(5)
            .map(|v| v.references().collect())
            .unwrap_or_default();
        for &e in &parts {
            rel.parent.entry(e).or_insert(whole);
            if seen.insert(e) {
                rel.products.push(e);
            }
        }
        rel.parts.entry(whole).or_default().extend(parts);
    }
    for &id in r.f.of_type("IFCRELVOIDSELEMENT") {
        let p = r.params(id)?;
        if let (Some(host), Some(opening)) = (
            p.get(4).and_then(Value::reference),
            p.get(5).and_then(Value::reference),
        ) {
            rel.voids.insert(opening, host);
        }
    }
    for &id in r.f.of_type("IFCRELFILLSELEMENT") {
        let p = r.params(id)?;
        if let (Some(opening), Some(filler)) = (
            p.get(4).and_then(Value::reference),
            p.get(5).and_then(Value::reference),
        ) {
            rel.filled_by.insert(opening, filler);
        }
    }
    for &id in r.f.of_type("IFCRELASSOCIATESMATERIAL") {
        let p = r.params(id)?;
        if let Some(m) = p.get(5).and_then(Value::reference) {
            for e in p.get(4).map(Value::references).into_iter().flatten() {
                rel.material.insert(e, m);
            }
        }
    }
    for &id in r.f.of_type("IFCRELDEFINESBYTYPE") {
        let p = r.params(id)?;
        if let Some(t) = p.get(5).and_then(Value::reference) {
            for e in p.get(4).map(Value::references).into_iter().flatten() {
                rel.type_of.insert(e, t);
            }
        }
    }
    Ok(rel)
}

impl Relations {
    /// The storey an element is on: its container or whole, followed up to a storey (at most
    /// `max` steps: a cycle of relations ends there).
    fn storey_of(&self, r: &Reader, mut e: u64, max: usize) -> Option<u64> {
        for _ in 0..=max {
            if r.f.type_of(e) == Some("IFCBUILDINGSTOREY") {
                return Some(e);
            }
            e = *self.parent.get(&e)?;
        }
        None
    }

    /// The material associated with an element, or with its type.
    fn material_of(&self, e: u64) -> Option<u64> {
        self.material
            .get(&e)
            .or_else(|| self.type_of.get(&e).and_then(|t| self.material.get(t)))
            .copied()
    }
}

/// A storey of the model.
struct Storey {
    id: u64,
    name: String,
    long_name: String,
    elevation_m: f64,
}

/// A wall's centreline segments (metres), thickness and material.
struct WallGeom {
    segments: Vec<(Point, Point)>,
    thickness_m: f64,
    material: String,
}

/// The points of a product's body (every representation but the axis and bounding box),
/// world coordinates, file units.
fn body_points(
    r: &Reader,
    reps: &[Representation],
    world: &Transform,
) -> Result<Vec<V3>, ImportError> {
    let mut out = Vec::new();
    let bodies: Vec<&Representation> = reps
        .iter()
        .filter(|x| x.identifier.eq_ignore_ascii_case("Body"))
        .collect();
    let chosen: Vec<&Representation> = if bodies.is_empty() {
        reps.iter()
            .filter(|x| {
                !matches!(
                    x.identifier.to_ascii_lowercase().as_str(),
                    "axis"
                        | "box"
                        | "plan"
                        | "annotation"
                        | "footprint"
                        | "reference"
                        | "clearance"
                )
            })
            .collect()
    } else {
        bodies
    };
    for rep in chosen {
        for &item in &rep.items {
            r.item_points(item, world, 0, &mut out)?;
        }
    }
    Ok(out)
}

/// A rectangle in plan: its centre, the unit direction of its longer side, its length and
/// width.
#[derive(Debug, Clone, Copy)]
struct Rect {
    centre: Point,
    along: (f64, f64),
    length: f64,
    width: f64,
}

/// The smallest rectangle enclosing `points` (plan), its sides along one of their hull's
/// edges (rotating calipers).
fn enclosing_rectangle(points: &[Point]) -> Option<Rect> {
    let hull = convex_hull(points);
    if hull.len() < 2 {
        return None;
    }
    let mut best: Option<(f64, Rect)> = None;
    for i in 0..hull.len() {
        let (a, b) = (hull[i], hull[(i + 1) % hull.len()]);
        let len = a.distance(b);
        if len < 1e-9 {
            continue;
        }
        let u = ((b.x - a.x) / len, (b.y - a.y) / len);
        let (mut s0, mut s1, mut t0, mut t1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for p in &hull {
            let s = p.x * u.0 + p.y * u.1;
            let t = -p.x * u.1 + p.y * u.0;
            s0 = s0.min(s);
            s1 = s1.max(s);
            t0 = t0.min(t);
            t1 = t1.max(t);
        }
        let area = (s1 - s0) * (t1 - t0);
        if best.as_ref().is_none_or(|bst| area < bst.0 - 1e-12) {
            let (sc, tc) = ((s0 + s1) / 2.0, (t0 + t1) / 2.0);
            let centre = Point::new(sc * u.0 - tc * u.1, sc * u.1 + tc * u.0);
            let (l, w) = (s1 - s0, t1 - t0);
            let rect = if l >= w {
                Rect {
                    centre,
                    along: u,
                    length: l,
                    width: w,
                }
            } else {
                Rect {
                    centre,
                    along: (-u.1, u.0),
                    length: w,
                    width: l,
                }
            };
            best = Some((area, rect));
        }
    }
    best.map(|(_, r)| r)
}

/// Andrew's monotone chain.
fn convex_hull(points: &[Point]) -> Vec<Point> {
    let mut p: Vec<Point> = points.iter().copied().filter(|q| q.is_finite()).collect();
    p.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
    p.dedup_by(|a, b| a.distance(*b) < 1e-9);
    if p.len() < 3 {
        return p;
    }
    let cross =
        |o: Point, a: Point, b: Point| (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
    let mut lower: Vec<Point> = Vec::new();
    for &q in &p {
        while lower.len() >= 2 && cross(lower[lower.len() - 2], lower[lower.len() - 1], q) <= 0.0 {
            lower.pop();
        }
        lower.push(q);
    }
    let mut upper: Vec<Point> = Vec::new();
    for &q in p.iter().rev() {
        while upper.len() >= 2 && cross(upper[upper.len() - 2], upper[upper.len() - 1], q) <= 0.0 {
            upper.pop();
        }
        upper.push(q);
    }
    lower.pop();
    upper.pop();
    lower.extend(upper);
    lower
}

/// The state of one import.
struct Importer<'a> {
    r: Reader<'a>,
    rel: Relations,
    unit_m: f64,
    file: String,
    library: MaterialLibrary,
    diagnostics: Vec<Diagnostic>,
    /// Material names met, what they became, and how many imported elements use them.
    materials: BTreeMap<String, (Option<String>, usize)>,
    unknown_material: usize,
}

impl Importer<'_> {
    /// The library material of an element, and its layer use.
    fn material(
        &mut self,
        e: u64,
        ty: &str,
        fallback: &str,
    ) -> Result<(String, MaterialUse), ImportError> {
        let usage = match self.rel.material_of(e) {
            Some(m) => self.r.material(m, 0)?,
            None => MaterialUse::default(),
        };
        let mut mapped = Vec::new();
        let mut counted: HashSet<&str> = HashSet::new();
        for name in &usage.names {
            let m = materials::map(name);
            let entry = self
                .materials
                .entry(name.clone())
                .or_insert((m.filter(|m| !m.is_empty()).map(str::to_owned), 0));
            if counted.insert(name) {
                entry.1 += 1;
            }
            if let Some(m) = m {
                mapped.push(m);
            }
        }
        if let Some(m) = materials::strongest(mapped.iter().copied(), &self.library) {
            return Ok((m.to_owned(), usage));
        }
        // The element's own name (`Basic Wall:Exterior - Brick on Block`), then its type's.
        let name = self.r.text(e, 2)?;
        if let Some(m) = materials::map(&name).filter(|m| !m.is_empty()) {
            return Ok((m.to_owned(), usage));
        }
        if !ty.starts_with("IFCCOLUMN") && ty != "IFCCURTAINWALL" {
            self.unknown_material += 1;
        }
        Ok((fallback.to_owned(), usage))
    }

    /// A wall's (or column's) centreline, thickness and material.
    fn wall(&mut self, e: u64, ty: &str, fallback: &str) -> Result<Option<WallGeom>, ImportError> {
        let k = self.unit_m;
        let world = self.r.object_placement(e, 5)?;
        let reps = self.r.representations(e, 6)?;
        let (material, usage) = self.material(e, ty, fallback)?;
        let mut axis: Vec<Point> = Vec::new();
        for rep in reps
            .iter()
            .filter(|x| x.identifier.eq_ignore_ascii_case("Axis"))
        {
            for &item in &rep.items {
                for q in self.r.curve(item, 0)? {
                    let p = plan(world.apply(q), k);
                    if axis.last().is_none_or(|l: &Point| l.distance(p) > 1e-6) {
                        axis.push(p);
                    }
                }
            }
        }
        let mut body: Vec<Point> = body_points(&self.r, &reps, &world)?
            .into_iter()
            .map(|q| plan(q, k))
            .collect();
        if body.is_empty() {
            // A curtain wall (or any element) made of parts.
            for &part in self.rel.parts.get(&e).into_iter().flatten() {
                let pw = self.r.object_placement(part, 5)?;
                let preps = self.r.representations(part, 6)?;
                body.extend(
                    body_points(&self.r, &preps, &pw)?
                        .into_iter()
                        .map(|q| plan(q, k)),
                );
            }
        }
        let layers_m = usage.thickness().map(|t| t * k);
        if axis.len() >= 2 {
            let (a, b) = (axis[0], axis[1]);
            let len = a.distance(b);
            if len < 1e-6 {
                return Ok(None);
            }
            let n = (-(b.y - a.y) / len, (b.x - a.x) / len);
            // Across the first segment: where the body lies, if it has one.
            let across: Vec<f64> = body
                .iter()
                .map(|p| (p.x - a.x) * n.0 + (p.y - a.y) * n.1)
                .collect();
            let (lo, hi) = across
                .iter()
                .fold((f64::MAX, f64::MIN), |(l, h), &v| (l.min(v), h.max(v)));
            let body_width = (hi - lo)
                .is_finite()
                .then_some(hi - lo)
                .filter(|w| *w > 0.005 && *w < 5.0);
            let shift = match (body_width, usage.offset, layers_m) {
                (Some(_), _, _) => (lo + hi) / 2.0,
                (None, Some((offset, sense)), Some(t)) => offset * k + sense * t / 2.0,
                _ => 0.0,
            };
            let thickness = layers_m.or(body_width).unwrap_or(0.2);
            let moved: Vec<Point> = axis
                .iter()
                .map(|p| Point::new(p.x + n.0 * shift, p.y + n.1 * shift))
                .collect();
            let segments = moved.windows(2).map(|w| (w[0], w[1])).collect();
            return Ok(Some(WallGeom {
                segments,
                thickness_m: thickness,
                material,
            }));
        }
        let Some(Rect {
            centre: c,
            along: u,
            length,
            width,
        }) = enclosing_rectangle(&body)
        else {
            return Ok(None);
        };
        if length < 0.01 {
            return Ok(None);
        }
        let half = length / 2.0;
        let a = Point::new(c.x - u.0 * half, c.y - u.1 * half);
        let b = Point::new(c.x + u.0 * half, c.y + u.1 * half);
        Ok(Some(WallGeom {
            segments: vec![(a, b)],
            thickness_m: layers_m.unwrap_or(width).max(0.01),
            material,
        }))
    }
}

/// Imports an IFC model's bytes.
pub(crate) fn import(bytes: &[u8], options: &ImportOptions) -> Result<Import, ImportError> {
    let file = options.source_name.clone();
    let limits = options.limits;
    let f = StepFile::index(bytes, limits.max_entities, limits.max_nesting)
        .map_err(|e| read::step_error(&file, e))?;
    if !(f.schema.starts_with("IFC2X3") || f.schema.starts_with("IFC4")) {
        return Err(ImportError::Unsupported {
            file,
            message: if f.schema.is_empty() {
                "a STEP file without FILE_SCHEMA: tailplan reads IFC2X3 and IFC4 models".into()
            } else {
                format!(
                    "a STEP file of schema {}: tailplan reads IFC2X3 and IFC4 models (other STEP files are CAD parts, not buildings)",
                    f.schema
                )
            },
        });
    }
    let r = Reader::new(&f, &file, limits.max_nesting, limits.max_points);
    let mut diagnostics = Vec::new();
    let (unit_m, unit_name) = length_unit(&r, &mut diagnostics, &file)?;
    let rel = relations(&r)?;
    let mut imp = Importer {
        r,
        rel,
        unit_m,
        file: file.clone(),
        library: MaterialLibrary::default(),
        diagnostics,
        materials: BTreeMap::new(),
        unknown_material: 0,
    };
    build(&mut imp, &f, options, unit_name)
}

/// An element's world z (its placement's origin), metres.
fn z_of(imp: &Importer, e: u64) -> f64 {
    imp.r
        .object_placement(e, 5)
        .map_or(0.0, |t| t.o.z * imp.unit_m)
}

fn build(
    imp: &mut Importer,
    f: &StepFile,
    options: &ImportOptions,
    unit_name: String,
) -> Result<Import, ImportError> {
    let k = imp.unit_m;
    let max = options.limits.max_nesting;
    // Storeys, lowest first.
    let mut storeys: Vec<Storey> = Vec::new();
    for &s in f.of_type("IFCBUILDINGSTOREY") {
        let p = imp.r.params(s)?;
        let name = p
            .get(2)
            .and_then(Value::text)
            .unwrap_or("")
            .trim()
            .to_owned();
        let long_name = p
            .get(7)
            .and_then(Value::text)
            .unwrap_or("")
            .trim()
            .to_owned();
        let elevation_m = match p.get(9).and_then(Value::number) {
            Some(e) => e * k,
            None => z_of(imp, s),
        };
        if !elevation_m.is_finite() {
            return Err(imp.r.error(s, "a storey's elevation is not a number"));
        }
        storeys.push(Storey {
            id: s,
            name,
            long_name,
            elevation_m,
        });
    }
    storeys.sort_by(|a, b| a.elevation_m.total_cmp(&b.elevation_m));
    // The storey of an element, else the one its height falls in.
    let storey_by_z = |z: f64| -> Option<u64> {
        storeys
            .iter()
            .rev()
            .find(|s| s.elevation_m <= z + 0.05)
            .or(storeys.first())
            .map(|s| s.id)
    };
    let mut on: HashMap<u64, u64> = HashMap::new();
    let mut elements: BTreeMap<u64, BTreeMap<String, usize>> = BTreeMap::new();
    let mut skipped: BTreeMap<String, (usize, &'static str)> = BTreeMap::new();
    let products: Vec<u64> = imp.rel.products.clone();
    for &e in &products {
        let Some(ty) = f.type_of(e) else {
            continue;
        };
        let Some(st) = imp.rel.storey_of(&imp.r, e, max).or_else(|| {
            (!matches!(
                ty,
                "IFCSITE" | "IFCBUILDING" | "IFCBUILDINGSTOREY" | "IFCPROJECT"
            ))
            .then(|| storey_by_z(z_of(imp, e)))
            .flatten()
        }) else {
            continue;
        };
        if ty == "IFCBUILDINGSTOREY" {
            continue;
        }
        on.insert(e, st);
        *elements
            .entry(st)
            .or_default()
            .entry(type_name(ty))
            .or_insert(0) += 1;
        if let Some(why) = skipped_why(ty) {
            // Parts of a curtain wall are read with it.
            let in_wall = imp
                .rel
                .parent
                .get(&e)
                .and_then(|w| f.type_of(*w))
                .is_some_and(|t| t == "IFCCURTAINWALL");
            if !in_wall {
                skipped.entry(type_name(ty)).or_insert((0, why)).0 += 1;
            }
        }
    }
    // Storeys chosen: those named, else those holding a wall.
    let has_wall: HashSet<u64> = on
        .iter()
        .filter(|(e, _)| {
            f.type_of(**e)
                .is_some_and(|t| WALLS.iter().any(|(w, _)| *w == t))
        })
        .map(|(_, s)| *s)
        .collect();
    for wanted in &options.storeys {
        if !storeys
            .iter()
            .any(|s| s.name.eq_ignore_ascii_case(wanted.trim()))
        {
            let names: Vec<&str> = storeys.iter().map(|s| s.name.as_str()).collect();
            return Err(ImportError::Empty {
                file: imp.file.clone(),
                message: format!(
                    "no storey named \"{wanted}\" (storeys: {})",
                    names.join(", ")
                ),
            });
        }
    }
    let chosen: Vec<&Storey> = storeys
        .iter()
        .filter(|s| {
            if options.storeys.is_empty() {
                has_wall.contains(&s.id)
            } else {
                options
                    .storeys
                    .iter()
                    .any(|w| s.name.eq_ignore_ascii_case(w.trim()))
            }
        })
        .collect();
    if chosen.is_empty() {
        return Err(ImportError::Empty {
            file: imp.file.clone(),
            message: if storeys.is_empty() {
                "the model has no storey (IfcBuildingStorey) holding walls".into()
            } else {
                "no storey of the model holds a wall (IfcWall, IfcWallStandardCase, IfcCurtainWall)"
                    .into()
            },
        });
    }
    // Floor ids: the storey's name when it is unique, else `storey-N`.
    let mut used_ids: HashSet<String> = HashSet::new();
    let mut floor_of: HashMap<u64, String> = HashMap::new();
    for (i, s) in chosen.iter().enumerate() {
        let unique = storeys.iter().filter(|t| t.name == s.name).count() == 1;
        let mut id = if !s.name.is_empty() && unique {
            s.name.clone()
        } else {
            format!("storey-{i}")
        };
        while !used_ids.insert(id.clone()) {
            id.push('_');
        }
        floor_of.insert(s.id, id);
    }

    // Doors and windows that fill an opening are placed with it.
    let fillers: HashSet<u64> = imp.rel.filled_by.values().copied().collect();
    let mut project = Project::new();
    let mut ids = IdAllocator::default();
    let mut records: Vec<StoreyRecord> = Vec::new();
    for s in &chosen {
        let floor_id = floor_of[&s.id].clone();
        let name = if s.long_name.is_empty() {
            s.name.clone()
        } else {
            s.long_name.clone()
        };
        let mut floor = Floor::new(floor_id.clone(), name, s.elevation_m);
        // Up to the model's next storey, imported or not (the top one: the default).
        let next = storeys
            .iter()
            .map(|t| t.elevation_m - s.elevation_m)
            .filter(|h| *h > 0.5)
            .min_by(f64::total_cmp);
        floor.ceiling_m = match next {
            Some(h) if h <= 100.0 => (h * 1000.0).round() / 1000.0,
            _ => DEFAULT_CEILING_M,
        };
        let here: Vec<u64> = products
            .iter()
            .copied()
            .filter(|e| on.get(e) == Some(&s.id))
            .collect();
        // Walls and columns.
        let mut walls: Vec<CleanWall> = Vec::new();
        let mut wall_segments: HashMap<u64, Vec<(Point, Point, f64)>> = HashMap::new();
        for &e in &here {
            let ty = f.type_of(e).unwrap_or_default().to_owned();
            let Some((_, fallback)) = WALLS.iter().find(|(w, _)| *w == ty) else {
                continue;
            };
            let Some(g) = imp.wall(e, &ty, fallback)? else {
                imp.diagnostics.push(Diagnostic::warning(
                    imp.r.name(e),
                    "no axis and no body to find a centreline in: left out",
                ));
                continue;
            };
            if !g
                .segments
                .iter()
                .all(|(a, b)| a.is_finite() && b.is_finite())
                || !g.thickness_m.is_finite()
            {
                imp.diagnostics.push(Diagnostic::warning(
                    imp.r.name(e),
                    "a coordinate beyond any building: left out",
                ));
                continue;
            }
            for &(a, b) in &g.segments {
                walls.push(CleanWall {
                    a,
                    b,
                    thickness_m: Some((g.thickness_m * 1000.0).round() / 1000.0),
                    material: g.material.clone(),
                });
                wall_segments
                    .entry(e)
                    .or_default()
                    .push((a, b, g.thickness_m));
            }
        }
        // Openings, cut out of their walls.
        let mut openings: Vec<Opening> = Vec::new();
        let mut fillers_done: HashSet<u64> = HashSet::new();
        let opening_ids: Vec<u64> = imp
            .rel
            .voids
            .keys()
            .copied()
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        for o in opening_ids {
            let host = imp.rel.voids[&o];
            let filler = imp.rel.filled_by.get(&o).copied();
            let Some(segments) = wall_segments.get(&host) else {
                // In a roof or a slab on this storey: no opening of a wall.
                if let Some(fl) = filler
                    && on.get(&host) == Some(&s.id)
                    && fillers_done.insert(fl)
                {
                    let what = type_name(f.type_of(fl).unwrap_or_default());
                    skipped
                        .entry(what)
                        .or_insert((0, "in no wall (a roof light, a door in a slab...)"))
                        .0 += 1;
                }
                continue;
            };
            let world = imp.r.object_placement(o, 5)?;
            let reps = imp.r.representations(o, 6)?;
            let mut pts: Vec<Point> = body_points(&imp.r, &reps, &world)?
                .into_iter()
                .map(|q| plan(q, k))
                .collect();
            if pts.is_empty()
                && let Some(fl) = filler
            {
                let fw = imp.r.object_placement(fl, 5)?;
                let freps = imp.r.representations(fl, 6)?;
                pts = body_points(&imp.r, &freps, &fw)?
                    .into_iter()
                    .map(|q| plan(q, k))
                    .collect();
            }
            let kind = filler.and_then(|fl| f.type_of(fl)).map(|t| {
                if WINDOWS.contains(&t) {
                    OpeningKind::Window
                } else {
                    OpeningKind::Door
                }
            });
            if let Some(fl) = filler {
                fillers_done.insert(fl);
            }
            if let Some(line) =
                span_on(&pts, segments).filter(|(a, b)| a.is_finite() && b.is_finite())
            {
                let kind_or_door = kind.unwrap_or(OpeningKind::Door);
                openings.push(Opening {
                    id: ids.next(kind_or_door.as_str()),
                    kind: kind_or_door,
                    points: vec![mm(line.0), mm(line.1)],
                    material: kind_or_door.default_material().into(),
                    open: kind.is_none(),
                    props: Default::default(),
                });
            }
        }
        // Doors and windows in no opening: on the wall they lie in, or in the gap they stand
        // in.
        for &e in &here {
            let Some(ty) = f.type_of(e) else { continue };
            let is_door = DOORS.contains(&ty);
            if !(is_door || WINDOWS.contains(&ty)) || fillers.contains(&e) {
                continue;
            }
            let world = imp.r.object_placement(e, 5)?;
            let reps = imp.r.representations(e, 6)?;
            let pts: Vec<Point> = body_points(&imp.r, &reps, &world)?
                .into_iter()
                .map(|q| plan(q, k))
                .collect();
            let all: Vec<(Point, Point, f64)> = wall_segments.values().flatten().copied().collect();
            // On a wall, where it crosses it; else, standing in a gap between walls, along
            // its own footprint's long side.
            let own = || {
                enclosing_rectangle(&pts)
                    .filter(|r| r.length >= 0.3 && r.width <= 0.6)
                    .map(|r| {
                        let h = r.length / 2.0;
                        (
                            Point::new(r.centre.x - r.along.0 * h, r.centre.y - r.along.1 * h),
                            Point::new(r.centre.x + r.along.0 * h, r.centre.y + r.along.1 * h),
                        )
                    })
            };
            let Some(line) = span_on(&pts, &all).or_else(own) else {
                let what = if is_door { "IfcDoor" } else { "IfcWindow" };
                skipped
                    .entry(what.to_owned())
                    .or_insert((0, "in no wall (a roof light, a door in a slab...)"))
                    .0 += 1;
                continue;
            };
            {
                let kind = if is_door {
                    OpeningKind::Door
                } else {
                    OpeningKind::Window
                };
                openings.push(Opening {
                    id: ids.next(kind.as_str()),
                    kind,
                    points: vec![mm(line.0), mm(line.1)],
                    material: kind.default_material().into(),
                    open: false,
                    props: Default::default(),
                });
            }
        }
        for w in cut_at_openings(walls, &openings) {
            floor.walls.push(Wall {
                id: ids.next("wall"),
                shape: Shape::Line(vec![mm(w.a), mm(w.b)]),
                material: Some(w.material),
                loss_db: None,
                thickness_m: w.thickness_m.unwrap_or(0.2),
                props: Default::default(),
            });
        }
        floor.openings.extend(openings);
        // Rooms.
        for &e in &here {
            if f.type_of(e) != Some("IFCSPACE") {
                continue;
            }
            let p = imp.r.params(e)?;
            let number = p
                .get(2)
                .and_then(Value::text)
                .unwrap_or("")
                .trim()
                .to_owned();
            let long = p
                .get(7)
                .and_then(Value::text)
                .unwrap_or("")
                .trim()
                .to_owned();
            let world = imp.r.object_placement(e, 5)?;
            let reps = imp.r.representations(e, 6)?;
            let mut outline: Vec<V3> = Vec::new();
            for rep in reps
                .iter()
                .filter(|x| x.identifier.eq_ignore_ascii_case("FootPrint"))
            {
                for &item in &rep.items {
                    outline.extend(imp.r.item_outline(item, &world, 0)?);
                }
            }
            if outline.len() < 3 {
                outline.clear();
                for rep in reps
                    .iter()
                    .filter(|x| !x.identifier.eq_ignore_ascii_case("FootPrint"))
                {
                    for &item in &rep.items {
                        let o = imp.r.item_outline(item, &world, 0)?;
                        if o.len() >= 3 {
                            outline = o;
                            break;
                        }
                    }
                    if outline.len() >= 3 {
                        break;
                    }
                }
            }
            let mut ring: Vec<Point> = outline.into_iter().map(|q| mm(plan(q, k))).collect();
            ring.dedup_by(|a, b| a.distance(*b) < 1e-4);
            if ring.len() > 1 && ring.first() == ring.last() {
                ring.pop();
            }
            if area(&ring) < 0.05 {
                // A body swept sideways (a stair's space) has no bottom face in plan: the
                // outline of all its points instead.
                let all: Vec<Point> = body_points(&imp.r, &reps, &world)?
                    .into_iter()
                    .map(|q| mm(plan(q, k)))
                    .collect();
                ring = convex_hull(&all);
            }
            if !area(&ring).is_finite() || area(&ring) < 0.05 {
                imp.diagnostics.push(Diagnostic::warning(
                    imp.r.name(e),
                    "a space without a footprint or a body tailplan reads: no room",
                ));
                continue;
            }
            let name = if !long.is_empty() {
                long
            } else if !number.is_empty() {
                number.clone()
            } else {
                format!("Space {}", floor.rooms.len() + 1)
            };
            let mut props = tailplan_core::Props::new();
            if !number.is_empty() && number != name {
                props.insert("number".into(), serde_json::Value::String(number));
            }
            floor.rooms.push(Room {
                id: ids.next("room"),
                name,
                polygon: Polygon::new(ring),
                category: None,
                people: None,
                props,
            });
        }
        // The floor slab: the thickest slab that is no roof.
        let mut slab: Option<(f64, Option<String>)> = None;
        for &e in &here {
            let Some(ty) = f.type_of(e) else { continue };
            if !SLABS.contains(&ty) {
                continue;
            }
            if matches!(imp.r.param(e, 8)?, Value::Enum(ref p) if p == "ROOF") {
                continue;
            }
            let (material, usage) = imp.material(e, ty, "concrete")?;
            let thickness = match usage.thickness() {
                Some(t) => Some(t * k),
                None => {
                    let world = imp.r.object_placement(e, 5)?;
                    let reps = imp.r.representations(e, 6)?;
                    let pts = body_points(&imp.r, &reps, &world)?;
                    let (lo, hi) = pts
                        .iter()
                        .fold((f64::MAX, f64::MIN), |(l, h), q| (l.min(q.z), h.max(q.z)));
                    ((hi - lo) * k)
                        .is_finite()
                        .then_some((hi - lo) * k)
                        .filter(|t| *t > 0.0)
                }
            };
            if let Some(t) = thickness
                && slab.as_ref().is_none_or(|(s, _)| t > *s)
            {
                slab = Some(((t * 1000.0).round() / 1000.0, Some(material)));
            }
        }
        // The slab's material gives the loss between this floor and the one below.
        floor.slab_material = slab.as_ref().and_then(|(_, m)| m.clone());
        project.floors.push(floor);
        records.push(StoreyRecord {
            name: s.name.clone(),
            elevation_m: s.elevation_m,
            floor: Some(floor_id),
            elements: elements.get(&s.id).cloned().unwrap_or_default(),
            slab_m: slab.as_ref().map(|(t, _)| *t),
            slab_material: slab.and_then(|(_, m)| m),
        });
    }
    // Storeys not imported, in the report too.
    for s in &storeys {
        if !floor_of.contains_key(&s.id) {
            records.push(StoreyRecord {
                name: s.name.clone(),
                elevation_m: s.elevation_m,
                floor: None,
                elements: elements.get(&s.id).cloned().unwrap_or_default(),
                slab_m: None,
                slab_material: None,
            });
        }
    }
    records.sort_by(|a, b| a.elevation_m.total_cmp(&b.elevation_m));
    if imp.unknown_material > 0 {
        imp.diagnostics.push(Diagnostic::info(
            &imp.file,
            format!(
                "{} wall(s) whose materials name nothing tailplan knows: drywall assumed (map them in the editor's material library or set each wall's material)",
                imp.unknown_material
            ),
        ));
    }
    if f.complex > 0 {
        imp.diagnostics.push(Diagnostic::info(
            &imp.file,
            format!("{} complex entity instance(s) not read", f.complex),
        ));
    }
    let found = georef::georeference(&imp.r, f, k, &imp.file)?;
    project.georef = found.georef;
    imp.diagnostics.extend(found.diagnostics);
    let report = ImportRecord {
        source: imp.file.clone(),
        format: Format::Ifc.as_str().into(),
        units: format!("{unit_name} ({})", f.schema),
        m_per_unit: Some(k),
        floors: project.floors.iter().map(|fl| fl.id.clone()).collect(),
        storeys: records,
        materials: imp
            .materials
            .iter()
            .map(|(name, (m, n))| MaterialMapping {
                name: name.clone(),
                material: m.clone(),
                elements: *n,
            })
            .collect(),
        skipped: skipped
            .into_iter()
            .map(|(kind, (count, why))| SkippedRecord {
                kind,
                count,
                why: why.into(),
            })
            .collect(),
        diagnostics: std::mem::take(&mut imp.diagnostics),
        ..Default::default()
    };
    Ok(Import { project, report })
}

/// The area of a ring in plan, m².
fn area(ring: &[Point]) -> f64 {
    if ring.len() < 3 {
        return 0.0;
    }
    read::plan_area(
        &ring
            .iter()
            .map(|p| V3::new(p.x, p.y, 0.0))
            .collect::<Vec<_>>(),
    )
}

/// Where an opening's footprint `pts` crosses the nearest of `segments` (a, b, thickness),
/// as two points on that segment: the span of its projection, clipped to the segment.
fn span_on(pts: &[Point], segments: &[(Point, Point, f64)]) -> Option<(Point, Point)> {
    if pts.is_empty() {
        return None;
    }
    let n = pts.len() as f64;
    let c = Point::new(
        pts.iter().map(|p| p.x).sum::<f64>() / n,
        pts.iter().map(|p| p.y).sum::<f64>() / n,
    );
    let mut best: Option<(f64, Point, Point)> = None;
    for &(a, b, t) in segments {
        let len = a.distance(b);
        if len < 1e-6 {
            continue;
        }
        let u = ((b.x - a.x) / len, (b.y - a.y) / len);
        let off = (-(c.x - a.x) * u.1 + (c.y - a.y) * u.0).abs();
        let along = (c.x - a.x) * u.0 + (c.y - a.y) * u.1;
        let band = t.max(0.1) / 2.0 + 0.3;
        if off > band || along < -0.05 || along > len + 0.05 {
            continue;
        }
        let (mut t0, mut t1) = (f64::MAX, f64::MIN);
        for p in pts {
            let s = (p.x - a.x) * u.0 + (p.y - a.y) * u.1;
            t0 = t0.min(s);
            t1 = t1.max(s);
        }
        let (t0, t1) = (t0.max(0.0), t1.min(len));
        if t1 - t0 < 0.05 {
            continue;
        }
        let at = |s: f64| Point::new(a.x + u.0 * s, a.y + u.1 * s);
        if best.as_ref().is_none_or(|b| off < b.0) {
            best = Some((off, at(t0), at(t1)));
        }
    }
    best.map(|(_, p, q)| (p, q))
}

#[cfg(test)]
mod tests;
