//! GeoJSON in: a FeatureCollection following tailplan's contract becomes a [`Project`].

use std::collections::BTreeMap;

use serde_json::{Map, Value};
use tailplan_core::campus::{Building, DistributorRole, Duct, SwitchModel};
use tailplan_core::routing::route_ends::route_names_as_ids;
use tailplan_core::validate::{validate_element, validate_project};
use tailplan_core::{
    AccessPoint, AntennaLibrary, AntennaMount, BBox, BandLoss, CableRoute, DEFAULT_CEILING_M,
    DEFAULT_WALL_MATERIAL, Device, Diagnostic, Element, ElementKind, Floor, Gateway, GeoReference,
    IdAllocator, IotTech, LossOverride, MaterialLibrary, Medium, Opening, OpeningKind,
    OtherFeature, Outlet, Point, Polygon, Project, ProjectMeta, Radio, Riser, Room, Settings,
    Shape, TelecomRoom, Tray, Wall, WifiBand,
};

use super::crs::{self, CrsChoice, LocalProjection};
use super::{FORMAT_VERSION, GeoJsonError, Import, ImportOptions, ImportReport};

/// The floor a feature without `properties.floor` is on.
pub const DEFAULT_FLOOR: &str = "0";

/// Floor-to-floor height assumed for a numbered floor that has no `floor` feature, metres.
pub const ASSUMED_STOREY_M: f64 = 3.5;

pub(super) fn import(text: &str, options: &ImportOptions) -> Result<Import, GeoJsonError> {
    let file = options.source_name.clone();
    // Editors on Windows save UTF-8 with a byte-order mark; JSON parsers do not skip it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root: Value = serde_json::from_str(text).map_err(|e| GeoJsonError::Syntax {
        file: file.clone(),
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    let structure = |message: String| GeoJsonError::Structure {
        file: file.clone(),
        message,
    };
    let Value::Object(mut root) = root else {
        return Err(structure("the top level is not a JSON object".into()));
    };
    match root.get("type").and_then(Value::as_str) {
        Some("FeatureCollection") => {}
        Some(other) => {
            return Err(structure(format!(
                "expected a FeatureCollection, found a {other}"
            )));
        }
        None => return Err(structure("no \"type\": not GeoJSON".into())),
    }
    let features = match root.remove("features") {
        Some(Value::Array(f)) => f,
        Some(_) => return Err(structure("\"features\" is not an array".into())),
        None => return Err(structure("no \"features\" array".into())),
    };
    let tailplan = root.remove("tailplan");
    let mut diagnostics = Vec::new();
    let mut project = Project::new();
    if let Some(t) = &tailplan {
        read_tailplan_member(t, &mut project, &mut diagnostics).map_err(structure)?;
    }

    // Coordinates: planar metres, or WGS84 projected around the centre of the extent.
    let mut positions = Vec::new();
    for f in &features {
        if let Some(coords) = f.get("geometry").and_then(|g| g.get("coordinates")) {
            tailplan_core::other::collect_positions(coords, &mut positions);
        }
    }
    let extent = BBox::from_points(positions.iter().copied().filter(|p| p.is_finite()));
    let wgs84 = match options.crs {
        CrsChoice::Auto => crs::detect(tailplan.is_some(), extent),
        CrsChoice::Planar => false,
        CrsChoice::Wgs84 => true,
    };
    let projection = match (wgs84, extent) {
        (true, Some(b)) => {
            let c = b.center();
            let origin = GeoReference::north_up(c.x, c.y);
            diagnostics.push(Diagnostic::info(
                &file,
                format!(
                    "coordinates are WGS84 lon/lat: projected to local metres around lon {:.7}, lat {:.7}",
                    c.x, c.y
                ),
            ));
            project.georef = Some(origin);
            Some(LocalProjection::new(origin))
        }
        _ => None,
    };

    let mut reader = Reader {
        project: &mut project,
        projection,
        ids: IdAllocator::default(),
        floor_order: Vec::new(),
        floors: BTreeMap::new(),
        diagnostics: &mut diagnostics,
    };
    // Ids given in the file win over generated ones: claim them all first.
    let mut given_ids = Vec::with_capacity(features.len());
    for (i, f) in features.iter().enumerate() {
        let is_floor = f.pointer("/properties/kind").and_then(Value::as_str) == Some("floor");
        let id = f.get("id").and_then(id_string).filter(|_| !is_floor);
        let kept = match &id {
            Some(id) if !reader.ids.claim(id) => {
                reader.diagnostics.push(Diagnostic::warning(
                    format!("features[{i}]"),
                    format!("id \"{id}\" is used by an earlier feature: a new id is given"),
                ));
                None
            }
            other => other.clone(),
        };
        given_ids.push(kept);
    }
    let mut counts = BTreeMap::new();
    for (i, (f, id)) in features.into_iter().zip(given_ids).enumerate() {
        if let Some(kind) = reader.feature(i, f, id) {
            *counts.entry(kind).or_insert(0) += 1;
        }
    }
    reader.finish_floors();
    // Routes of other tools' GeoJSON and of tailplan's before version 2 give their ends by
    // name: from here on they refer to them by id, so that renaming an outlet or a room keeps
    // its route. (Version 2 writes ids, read as they are.)
    let by_name = tailplan
        .as_ref()
        .and_then(|t| t.get("version"))
        .and_then(Value::as_u64)
        .is_none_or(|v| v < 2);
    let renamed = if by_name {
        route_names_as_ids(&mut project)
    } else {
        0
    };
    if renamed > 0 {
        diagnostics.push(Diagnostic::info(
            "routes",
            format!("{renamed} route end(s) given by name now refer to their element by id"),
        ));
    }

    // Cross-feature checks (duplicate floors...) once everything is read.
    diagnostics.extend(
        validate_project(&project)
            .into_iter()
            .filter(|d| d.is_error() && d.message.contains("another")),
    );
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(GeoJsonError::Invalid { file, diagnostics });
    }
    Ok(Import {
        report: ImportReport {
            source: file,
            wgs84,
            counts,
            diagnostics,
        },
        project,
    })
}

/// Reads `"tailplan": {"version": 1, "meta": ..., "settings": ..., "materials": ...}`.
fn read_tailplan_member(
    t: &Value,
    project: &mut Project,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<(), String> {
    let Some(obj) = t.as_object() else {
        return Err("the \"tailplan\" member is not an object".into());
    };
    match obj.get("version").map(|v| v.as_u64()) {
        None => {}
        Some(Some(v)) if v <= u64::from(FORMAT_VERSION) => {}
        Some(Some(v)) => {
            return Err(format!(
                "tailplan GeoJSON version {v}; this tailplan reads up to {FORMAT_VERSION}: update tailplan"
            ));
        }
        Some(None) => return Err("\"tailplan.version\" is not a whole number".into()),
    }
    let field = |key: &str| -> Option<Value> { obj.get(key).cloned() };
    if let Some(v) = field("meta") {
        project.meta = serde_json::from_value::<ProjectMeta>(v)
            .map_err(|e| format!("\"tailplan.meta\": {e}"))?;
    }
    if let Some(v) = field("settings") {
        project.settings = serde_json::from_value::<Settings>(v)
            .map_err(|e| format!("\"tailplan.settings\": {e}"))?;
    }
    if let Some(v) = field("materials") {
        project.materials = serde_json::from_value::<MaterialLibrary>(v)
            .map_err(|e| format!("\"tailplan.materials\": {e}"))?;
    }
    if let Some(v) = field("antennas") {
        project.antennas = serde_json::from_value::<AntennaLibrary>(v)
            .map_err(|e| format!("\"tailplan.antennas\": {e}"))?;
        if let Some((name, problem)) = project
            .antennas
            .iter()
            .find_map(|p| Some((p.name.clone(), p.problem()?)))
        {
            return Err(format!(
                "\"tailplan.antennas\", pattern \"{name}\": {problem}"
            ));
        }
    }
    if let Some(v) = field("switch_models") {
        project.switch_models = serde_json::from_value::<Vec<SwitchModel>>(v)
            .map_err(|e| format!("\"tailplan.switch_models\": {e}"))?;
        if let Some((name, problem)) = project
            .switch_models
            .iter()
            .find_map(|m| Some((m.name.clone(), m.problem()?)))
        {
            return Err(format!(
                "\"tailplan.switch_models\", model \"{name}\": {problem}"
            ));
        }
    }
    if let Some(v) = field("georef") {
        project.georef = Some(
            serde_json::from_value::<GeoReference>(v)
                .map_err(|e| format!("\"tailplan.georef\": {e}"))?,
        );
    }
    for (k, _) in obj.iter() {
        if !matches!(
            k.as_str(),
            "version" | "meta" | "settings" | "materials" | "georef" | "antennas" | "switch_models"
        ) {
            diagnostics.push(Diagnostic::warning(
                "tailplan",
                format!("unknown member \"{k}\" ignored"),
            ));
        }
    }
    Ok(())
}

/// A floor as the features describe it, before it becomes a [`Floor`].
#[derive(Default)]
struct FloorInfo {
    name: Option<String>,
    elevation_m: Option<f64>,
    ceiling_m: Option<f64>,
    slab_material: Option<String>,
    building: Option<String>,
    props: Map<String, Value>,
    described: bool,
}

struct Reader<'a> {
    project: &'a mut Project,
    projection: Option<LocalProjection>,
    ids: IdAllocator,
    floor_order: Vec<String>,
    floors: BTreeMap<String, (FloorInfo, Floor)>,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Reader<'_> {
    fn floor(&mut self, id: &str) -> &mut (FloorInfo, Floor) {
        if !self.floors.contains_key(id) {
            self.floor_order.push(id.to_owned());
            let floor = Floor::new(id, "", 0.0);
            self.floors
                .insert(id.to_owned(), (FloorInfo::default(), floor));
        }
        self.floors.get_mut(id).expect("inserted")
    }

    /// Reads one feature; returns its kind when it became an element.
    fn feature(&mut self, index: usize, f: Value, given_id: Option<String>) -> Option<ElementKind> {
        let mut at = format!("features[{index}]");
        let Value::Object(mut f) = f else {
            self.error(&at, "is not an object");
            return None;
        };
        if f.get("type").and_then(Value::as_str) != Some("Feature") {
            self.error(&at, "\"type\" is not \"Feature\"");
            return None;
        }
        let mut props = match f.remove("properties") {
            Some(Value::Object(p)) => p,
            None | Some(Value::Null) => Map::new(),
            Some(_) => {
                self.error(&at, "\"properties\" is not an object");
                return None;
            }
        };
        let geometry = f.remove("geometry").unwrap_or(Value::Null);
        f.remove("type");
        let kind_name = props.get("kind").and_then(Value::as_str).map(str::to_owned);
        if let Some(id) = &given_id {
            at = format!("{at} (id \"{id}\")");
        }
        if let Some(site) = kind_name
            .as_deref()
            .filter(|k| matches!(*k, "building" | "duct"))
        {
            let site = site.to_owned();
            props.remove("kind");
            f.remove("id");
            self.site_feature(index, &site, given_id, props, geometry);
            return None;
        }
        let floor_id = match props.remove("floor") {
            None | Some(Value::Null) => DEFAULT_FLOOR.to_owned(),
            Some(v) => match id_string(&v) {
                Some(s) => s,
                None => {
                    self.error(
                        &at,
                        format!("\"floor\" must be a string or a number, got {v}"),
                    );
                    return None;
                }
            },
        };

        if kind_name.as_deref() == Some("floor") {
            props.remove("kind");
            let feature_id = f.get("id").and_then(id_string);
            self.floor_feature(&at, floor_id, feature_id, props);
            return None;
        }
        let kind = kind_name.as_deref().and_then(ElementKind::parse);
        let Some(kind) = kind else {
            // Unknown or missing kind: kept verbatim (coordinates projected like the rest).
            let geometry = self.project_geometry(geometry);
            f.remove("id");
            let id = given_id.unwrap_or_else(|| self.ids.next("feature"));
            let other = OtherFeature {
                id,
                geometry,
                properties: props,
                members: f,
            };
            self.floor(&floor_id).1.insert(None, Element::Other(other));
            return Some(ElementKind::Other);
        };
        props.remove("kind");
        f.remove("id");
        if !f.is_empty() {
            let keys: Vec<&str> = f.keys().map(String::as_str).collect();
            self.warning(
                &at,
                format!("feature members {keys:?} are not kept for a {kind}"),
            );
        }
        let id = given_id.unwrap_or_else(|| self.ids.next(kind.as_str()));
        let at = format!("features[{index}] ({kind} \"{id}\")");
        let mut p = Props {
            map: props,
            at: &at,
            diagnostics: Vec::new(),
        };
        let geom = Geom::read(&geometry, self.projection.as_ref());
        let element = build(kind, id, &mut p, geom, self.projection.as_ref());
        let mut diagnostics = p.diagnostics;
        let element = match element {
            Ok(mut e) => {
                *e.props_mut() = p.map;
                let location = at.clone();
                diagnostics.extend(validate_element(&e, self.project, &location));
                Some(e)
            }
            Err(message) => {
                diagnostics.push(Diagnostic::error(&at, message));
                None
            }
        };
        self.diagnostics.extend(diagnostics);
        self.floor(&floor_id).1.insert(None, element?);
        Some(kind)
    }

    /// A feature of the site, on no floor: a `building` (its footprint, optional) or a `duct`.
    fn site_feature(
        &mut self,
        index: usize,
        kind: &str,
        given_id: Option<String>,
        props: Map<String, Value>,
        geometry: Value,
    ) {
        let id = given_id.unwrap_or_else(|| self.ids.next(kind));
        let at = format!("features[{index}] ({kind} \"{id}\")");
        let mut p = Props {
            map: props,
            at: &at,
            diagnostics: Vec::new(),
        };
        let name = p.string("name").unwrap_or_else(|| id.clone());
        let geom = Geom::read(&geometry, self.projection.as_ref());
        let built = if kind == "building" {
            match geom {
                Geom::Null => Ok(None),
                Geom::Polygon(poly) => Ok(Some(poly)),
                Geom::Bad(why) => Err(why),
                other => Err(format!(
                    "a building needs a Polygon footprint or no geometry, got {}",
                    other.type_name()
                )),
            }
            .map(|footprint| {
                self.project.buildings.push(Building {
                    id: id.clone(),
                    name: name.clone(),
                    footprint,
                    props: Default::default(),
                });
            })
        } else {
            let capacity = p.count("capacity");
            match geom {
                Geom::Line(points) if points.len() < 2 => {
                    Err("a duct needs 2 or more points".to_owned())
                }
                Geom::Line(points) => {
                    self.project.ducts.push(Duct {
                        id: id.clone(),
                        name: name.clone(),
                        points,
                        capacity,
                        props: Default::default(),
                    });
                    Ok(())
                }
                Geom::Bad(why) => Err(why),
                other => Err(format!(
                    "a duct needs a LineString geometry, got {}",
                    other.type_name()
                )),
            }
        };
        let mut diagnostics = p.diagnostics;
        match built {
            Ok(()) => {
                let rest = p.map;
                if kind == "building" {
                    if let Some(b) = self.project.buildings.last_mut() {
                        b.props = rest;
                    }
                } else if let Some(d) = self.project.ducts.last_mut() {
                    d.props = rest;
                }
            }
            Err(message) => diagnostics.push(Diagnostic::error(&at, message)),
        }
        self.diagnostics.extend(diagnostics);
    }

    fn floor_feature(
        &mut self,
        at: &str,
        floor_prop: String,
        feature_id: Option<String>,
        props: Map<String, Value>,
    ) {
        let mut p = Props {
            map: props,
            at,
            diagnostics: Vec::new(),
        };
        // The floor's id: its `id` property, else the feature's id, else its `floor` property.
        let id = p.string("id").or(feature_id).unwrap_or(floor_prop);
        let name = p.string("name");
        let elevation_m = p.number("elevation_m");
        let ceiling_m = p.number("ceiling_m");
        let slab_material = p.string("slab_material");
        let building = p.string("building");
        let diagnostics = p.diagnostics;
        let rest = p.map;
        self.diagnostics.extend(diagnostics);
        let (info, _) = self.floor(&id);
        if info.described {
            let message = format!("floor \"{id}\" is described twice: the later one wins");
            self.warning(at, message);
        }
        let (info, _) = self.floor(&id);
        info.described = true;
        info.name = name.or(info.name.take());
        info.elevation_m = elevation_m.or(info.elevation_m);
        info.ceiling_m = ceiling_m.or(info.ceiling_m);
        info.slab_material = slab_material.or(info.slab_material.take());
        info.building = building.or(info.building.take());
        info.props = rest;
    }

    fn finish_floors(&mut self) {
        for id in std::mem::take(&mut self.floor_order) {
            let (info, mut floor) = self.floors.remove(&id).expect("ordered floors exist");
            floor.name = info.name.unwrap_or_else(|| format!("Floor {id}"));
            floor.ceiling_m = info.ceiling_m.unwrap_or(DEFAULT_CEILING_M);
            floor.slab_material = info.slab_material;
            floor.building = info.building;
            floor.props = info.props;
            floor.elevation_m = match info.elevation_m {
                Some(e) => e,
                None => {
                    let guess = id
                        .parse::<i32>()
                        .map(|n| f64::from(n) * ASSUMED_STOREY_M)
                        .unwrap_or(0.0);
                    if !info.described && id != DEFAULT_FLOOR {
                        self.diagnostics.push(Diagnostic::info(
                            format!("floor \"{id}\""),
                            format!("no `floor` feature gives its elevation: {guess} m assumed"),
                        ));
                    }
                    guess
                }
            };
            self.project.floors.push(floor);
        }
    }

    fn project_geometry(&self, mut geometry: Value) -> Value {
        if let Some(p) = &self.projection {
            project_coordinates(&mut geometry, p);
        }
        geometry
    }

    fn error(&mut self, at: &str, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic::error(at, message));
    }

    fn warning(&mut self, at: &str, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic::warning(at, message));
    }
}

/// Rewrites every position of a GeoJSON geometry from lon/lat to local metres.
fn project_coordinates(v: &mut Value, p: &LocalProjection) {
    if let Value::Object(o) = v {
        if let Some(c) = o.get_mut("coordinates") {
            project_positions(c, p);
        }
        if let Some(Value::Array(gs)) = o.get_mut("geometries") {
            gs.iter_mut().for_each(|g| project_coordinates(g, p));
        }
    }
}

fn project_positions(v: &mut Value, p: &LocalProjection) {
    let Value::Array(arr) = v else { return };
    if let (Some(x), Some(y)) = (
        arr.first().and_then(Value::as_f64),
        arr.get(1).and_then(Value::as_f64),
    ) {
        let q = p.forward(Point::new(x, y));
        arr[0] = json_number(round_mm(q.x));
        arr[1] = json_number(round_mm(q.y));
    } else {
        arr.iter_mut().for_each(|c| project_positions(c, p));
    }
}

fn json_number(x: f64) -> Value {
    serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
}

/// Projected coordinates are rounded to 0.1 mm: far below drawing accuracy, and it keeps
/// files free of 15-digit noise.
fn round_mm(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

/// A feature id or floor name as a string: strings as they are, numbers printed.
fn id_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A feature's geometry, read and projected, or why it could not be.
enum Geom {
    Null,
    Point(Point),
    Line(Vec<Point>),
    MultiLine(Vec<Vec<Point>>),
    Polygon(Polygon),
    Other(String),
    Bad(String),
}

impl Geom {
    fn read(v: &Value, projection: Option<&LocalProjection>) -> Geom {
        if v.is_null() {
            return Geom::Null;
        }
        let Some(t) = v.get("type").and_then(Value::as_str) else {
            return Geom::Bad("the geometry has no \"type\"".into());
        };
        let Some(c) = v.get("coordinates") else {
            return Geom::Other(t.to_owned());
        };
        let pos = |v: &Value| position(v, projection);
        let result = match t {
            "Point" => pos(c).map(Geom::Point),
            "LineString" => positions(c, projection).map(Geom::Line),
            "MultiLineString" => array(c, "MultiLineString")
                .and_then(|lines| lines.iter().map(|l| positions(l, projection)).collect())
                .map(Geom::MultiLine),
            "Polygon" => array(c, "Polygon")
                .and_then(|rings| {
                    rings
                        .iter()
                        .map(|r| positions(r, projection))
                        .collect::<Result<Vec<_>, _>>()
                })
                .and_then(|mut rings| {
                    if rings.is_empty() {
                        return Err("the Polygon has no ring".to_owned());
                    }
                    let exterior = rings.remove(0);
                    Ok(Geom::Polygon(Polygon {
                        exterior,
                        holes: rings,
                    }))
                }),
            other => Ok(Geom::Other(other.to_owned())),
        };
        result.unwrap_or_else(Geom::Bad)
    }

    fn type_name(&self) -> &str {
        match self {
            Geom::Null => "no geometry",
            Geom::Point(_) => "Point",
            Geom::Line(_) => "LineString",
            Geom::MultiLine(_) => "MultiLineString",
            Geom::Polygon(_) => "Polygon",
            Geom::Other(t) => t,
            Geom::Bad(_) => "a broken geometry",
        }
    }
}

fn array<'v>(v: &'v Value, what: &str) -> Result<&'v Vec<Value>, String> {
    v.as_array()
        .ok_or_else(|| format!("the {what}'s coordinates are not an array"))
}

fn position(v: &Value, projection: Option<&LocalProjection>) -> Result<Point, String> {
    let arr = v
        .as_array()
        .filter(|a| a.len() >= 2)
        .ok_or_else(|| format!("a position must be [x, y], got {v}"))?;
    let (Some(x), Some(y)) = (arr[0].as_f64(), arr[1].as_f64()) else {
        return Err(format!("a position must hold numbers, got {v}"));
    };
    let p = Point::new(x, y);
    Ok(match projection {
        Some(proj) => {
            let q = proj.forward(p);
            Point::new(round_mm(q.x), round_mm(q.y))
        }
        None => p,
    })
}

fn positions(v: &Value, projection: Option<&LocalProjection>) -> Result<Vec<Point>, String> {
    array(v, "line")?
        .iter()
        .map(|p| position(p, projection))
        .collect()
}

/// Reads typed properties, consuming them; what is left are the unknown ones, kept.
struct Props<'a> {
    map: Map<String, Value>,
    at: &'a str,
    diagnostics: Vec<Diagnostic>,
}

impl Props<'_> {
    fn take(&mut self, key: &str) -> Option<Value> {
        self.map.remove(key).filter(|v| !v.is_null())
    }

    fn bad(&mut self, key: &str, expected: &str, got: &Value) {
        self.diagnostics.push(Diagnostic::error(
            self.at,
            format!("\"{key}\" must be {expected}, got {got}"),
        ));
    }

    fn string(&mut self, key: &str) -> Option<String> {
        match self.take(key)? {
            Value::String(s) => Some(s),
            Value::Number(n) => Some(n.to_string()),
            other => {
                self.bad(key, "a string", &other);
                None
            }
        }
    }

    fn number(&mut self, key: &str) -> Option<f64> {
        match self.take(key)? {
            Value::Number(n) => n.as_f64(),
            other => {
                self.bad(key, "a number", &other);
                None
            }
        }
    }

    fn count(&mut self, key: &str) -> Option<u32> {
        let v = self.take(key)?;
        match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) => Some(n),
            None => {
                self.bad(key, "a whole number", &v);
                None
            }
        }
    }

    fn boolean(&mut self, key: &str) -> Option<bool> {
        match self.take(key)? {
            Value::Bool(b) => Some(b),
            other => {
                self.bad(key, "true or false", &other);
                None
            }
        }
    }

    /// A named choice (`band`, `tech`, `medium`), parsed by `parse`.
    fn choice<T>(
        &mut self,
        key: &str,
        expected: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        let v = self.take(key)?;
        let text = match &v {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => String::new(),
        };
        let parsed = parse(&text);
        if parsed.is_none() {
            self.bad(key, expected, &v);
        }
        parsed
    }

    /// One radio from the members `band` (5 GHz by default), `channel`, `width_mhz` (20 MHz),
    /// `tx_dbm` (20 dBm) and `antenna`.
    fn radio(&mut self) -> Radio {
        Radio {
            band: self
                .choice("band", "\"2.4\", \"5\" or \"6\"", WifiBand::parse)
                .unwrap_or(WifiBand::Ghz5),
            channel: self.count("channel"),
            width_mhz: self.count("width_mhz").unwrap_or(20),
            tx_dbm: self.number("tx_dbm").unwrap_or(20.0),
            antenna: self.antenna(),
        }
    }

    /// The radio at `radios[i]`, an object of [`Props::radio`]'s members; its unknown members
    /// are dropped with a warning.
    fn radio_in_list(&mut self, i: usize, v: Value) -> Option<Radio> {
        let key = format!("radios[{i}]");
        let Value::Object(map) = v else {
            self.bad(&key, "a radio object", &v);
            return None;
        };
        let at = format!("{}, {key}", self.at);
        let mut inner = Props {
            map,
            at: &at,
            diagnostics: Vec::new(),
        };
        let radio = inner.radio();
        let unknown: Vec<String> = inner.map.keys().cloned().collect();
        let mut diagnostics = inner.diagnostics;
        if !unknown.is_empty() {
            diagnostics.push(Diagnostic::warning(
                &at,
                format!("unknown member(s) {} ignored", unknown.join(", ")),
            ));
        }
        self.diagnostics.extend(diagnostics);
        Some(radio)
    }

    /// `antenna: {"pattern": NAME, "azimuth_deg": A, "tilt_deg": T}`.
    fn antenna(&mut self) -> Option<AntennaMount> {
        let v = self.take("antenna")?;
        let expected = "{\"pattern\": NAME, \"azimuth_deg\": degrees, \"tilt_deg\": degrees}";
        let mount = match &v {
            Value::Object(o)
                if o.keys()
                    .all(|k| ["pattern", "azimuth_deg", "tilt_deg"].contains(&k.as_str())) =>
            {
                serde_json::from_value::<AntennaMount>(v.clone()).ok()
            }
            _ => None,
        };
        if mount.is_none() {
            self.bad("antenna", expected, &v);
        }
        mount
    }

    fn loss(&mut self, key: &str) -> Option<LossOverride> {
        let v = self.take(key)?;
        match &v {
            Value::Number(n) => n.as_f64().map(LossOverride::Uniform),
            Value::Object(o) => {
                let band =
                    |names: &[&str]| names.iter().find_map(|k| o.get(*k).and_then(Value::as_f64));
                let known = ["sub_ghz", "sub-ghz", "0.868", "0.9", "2.4", "5", "6"];
                match (band(&["2.4"]), band(&["5"]), band(&["6"])) {
                    (Some(g24), Some(g5), Some(g6))
                        if o.keys().all(|k| known.contains(&k.as_str())) =>
                    {
                        let mut l = BandLoss::wifi(g24, g5, g6);
                        if let Some(sub) = band(&["sub_ghz", "sub-ghz", "0.868", "0.9"]) {
                            l.sub_ghz = sub;
                        }
                        Some(LossOverride::PerBand(l))
                    }
                    _ => {
                        self.bad(
                            key,
                            "a number of dB or {\"2.4\": dB, \"5\": dB, \"6\": dB}",
                            &v,
                        );
                        None
                    }
                }
            }
            _ => {
                self.bad(
                    key,
                    "a number of dB or {\"2.4\": dB, \"5\": dB, \"6\": dB}",
                    &v,
                );
                None
            }
        }
    }
}

/// A wall's thickness when the file gives none: typical for its material.
pub fn typical_thickness_m(material: Option<&str>) -> f64 {
    match material
        .map(|m| m.to_ascii_lowercase().replace(['-', ' '], "_"))
        .as_deref()
    {
        Some("concrete") => 0.25,
        Some("brick") => 0.24,
        Some("drywall") | None => 0.12,
        Some("glass" | "low_e_glass" | "wood" | "metal") => 0.05,
        Some(_) => 0.15,
    }
}

fn wrong_geometry(kind: ElementKind, expected: &str, got: &Geom) -> String {
    match got {
        Geom::Bad(why) => why.clone(),
        other => format!(
            "a {kind} needs a {expected} geometry, got {}",
            other.type_name()
        ),
    }
}

fn build(
    kind: ElementKind,
    id: String,
    p: &mut Props,
    geom: Geom,
    projection: Option<&LocalProjection>,
) -> Result<Element, String> {
    let point = |geom: &Geom| match geom {
        Geom::Point(pt) => Ok(*pt),
        other => Err(wrong_geometry(kind, "Point", other)),
    };
    let line = |geom: Geom| match geom {
        Geom::Line(pts) => Ok(pts),
        other => Err(wrong_geometry(kind, "LineString", &other)),
    };
    let name = |p: &mut Props, id: &str| p.string("name").unwrap_or_else(|| id.to_owned());
    Ok(match kind {
        ElementKind::Wall => {
            let shape = match geom {
                Geom::Line(pts) => Shape::Line(pts),
                Geom::MultiLine(lines) => Shape::MultiLine(lines),
                Geom::Polygon(poly) => Shape::Polygon(poly),
                other => {
                    return Err(wrong_geometry(
                        kind,
                        "LineString, MultiLineString or Polygon",
                        &other,
                    ));
                }
            };
            let material = p.string("material");
            let loss_db = p.loss("loss_db");
            let material = match (material, loss_db) {
                (Some(m), _) => Some(m),
                (None, Some(_)) => None,
                (None, None) => Some(DEFAULT_WALL_MATERIAL.to_owned()),
            };
            let thickness_m = p
                .number("thickness_m")
                .unwrap_or_else(|| typical_thickness_m(material.as_deref()));
            Element::Wall(Wall {
                id,
                shape,
                material,
                loss_db,
                thickness_m,
                props: Default::default(),
            })
        }
        ElementKind::Door | ElementKind::Window => {
            let opening_kind = if kind == ElementKind::Door {
                OpeningKind::Door
            } else {
                OpeningKind::Window
            };
            let material = p
                .string("material")
                .unwrap_or_else(|| opening_kind.default_material().to_owned());
            let open = p.boolean("open").unwrap_or(false);
            Element::Opening(Opening {
                id,
                kind: opening_kind,
                points: line(geom)?,
                material,
                open,
                props: Default::default(),
            })
        }
        ElementKind::Room => match geom {
            Geom::Polygon(polygon) => Element::Room(Room {
                name: name(p, &id),
                id,
                polygon,
                category: p.string("category"),
                people: p.number("people"),
                props: Default::default(),
            }),
            other => return Err(wrong_geometry(kind, "Polygon", &other)),
        },
        ElementKind::Ap => {
            let position = point(&geom)?;
            let model = p.string("model");
            let one_radio = ["band", "channel", "width_mhz", "tx_dbm", "antenna"]
                .iter()
                .any(|k| p.map.get(*k).is_some_and(|v| !v.is_null()));
            let radios = match p.take("radios") {
                Some(list) if one_radio => {
                    p.bad(
                        "radios",
                        "given alone: this access point also has a one-radio band, channel, width_mhz, tx_dbm or antenna",
                        &list,
                    );
                    Vec::new()
                }
                Some(Value::Array(list)) => list
                    .into_iter()
                    .enumerate()
                    .filter_map(|(i, r)| p.radio_in_list(i, r))
                    .collect(),
                Some(other) => {
                    p.bad("radios", "a list of radios", &other);
                    Vec::new()
                }
                // No model: one radio, 5 GHz at 20 dBm unless said otherwise.
                None if one_radio || model.is_none() => vec![p.radio()],
                None => Vec::new(),
            };
            Element::AccessPoint(AccessPoint {
                name: name(p, &id),
                id,
                position,
                model,
                radios,
                height_m: p.number("height_m").unwrap_or(2.5),
                poe_w: p.number("poe_w"),
                eirp_offset_db: p.number("eirp_offset_db"),
                props: Default::default(),
            })
        }
        ElementKind::Gateway => {
            let position = point(&geom)?;
            let tech = p
                .choice("tech", "lorawan, ble, zigbee or thread", IotTech::parse)
                .ok_or("a gateway needs a \"tech\" (lorawan, ble, zigbee or thread)")?;
            Element::Gateway(Gateway {
                name: name(p, &id),
                id,
                position,
                tech,
                tx_dbm: p.number("tx_dbm").unwrap_or(tech.default_tx_dbm()),
                height_m: p.number("height_m").unwrap_or(2.5),
                props: Default::default(),
            })
        }
        ElementKind::Device => {
            let position = point(&geom)?;
            let tech = p.choice("tech", "lorawan, ble, zigbee or thread", IotTech::parse);
            let medium = p
                .choice("medium", "cat6a, spe, fiber or wireless", Medium::parse)
                .unwrap_or(if tech.is_some() {
                    Medium::Wireless
                } else {
                    Medium::Cat6a
                });
            Element::Device(Device {
                name: name(p, &id),
                id,
                position,
                medium,
                tech,
                class: p.string("class").filter(|c| !c.trim().is_empty()),
                poe_w: p.number("poe_w"),
                height_m: p.number("height_m").unwrap_or(0.3),
                props: Default::default(),
            })
        }
        ElementKind::Outlet => {
            let position = point(&geom)?;
            Element::Outlet(Outlet {
                name: name(p, &id),
                id,
                position,
                ports: p.count("ports").unwrap_or(2),
                height_m: p.number("height_m").unwrap_or(0.3),
                props: Default::default(),
            })
        }
        ElementKind::TelecomRoom => {
            let (mut position, outline) = match geom {
                Geom::Point(pt) => (pt, None),
                Geom::Polygon(poly) => (poly.centroid(), Some(poly)),
                other => return Err(wrong_geometry(kind, "Point or Polygon", &other)),
            };
            if let Some(rack) = p.take(super::RACK_PROPERTY) {
                position = self::position(&rack, projection)
                    .map_err(|e| format!("\"{}\": {e}", super::RACK_PROPERTY))?;
            }
            Element::TelecomRoom(TelecomRoom {
                name: name(p, &id),
                id,
                position,
                outline,
                ports: p.count("ports").unwrap_or(96),
                poe_budget_w: p.number("poe_budget_w"),
                role: p
                    .choice("role", "\"fd\", \"bd\" or \"cd\"", DistributorRole::parse)
                    .unwrap_or_default(),
                switch_model: p.string("switch_model"),
                switches: p.count("switches"),
                props: Default::default(),
            })
        }
        ElementKind::Tray => {
            let points = line(geom)?;
            Element::Tray(Tray {
                name: name(p, &id),
                id,
                points,
                capacity: p.count("capacity"),
                width_mm: p.number("width_mm"),
                depth_mm: p.number("depth_mm"),
                height_m: p.number("height_m"),
                props: Default::default(),
            })
        }
        ElementKind::Riser => {
            let position = point(&geom)?;
            Element::Riser(Riser {
                name: name(p, &id),
                id,
                position,
                props: Default::default(),
            })
        }
        ElementKind::Route => {
            let points = line(geom)?;
            let from = p
                .string("from")
                .ok_or("a route needs \"from\": the endpoint's id or name")?;
            let to = p
                .string("to")
                .ok_or("a route needs \"to\": the telecom room's id or name")?;
            Element::Route(CableRoute {
                id,
                from,
                to,
                points,
                props: Default::default(),
            })
        }
        ElementKind::Other => return Err("\"other\" is not a kind a file may name".into()),
    })
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}
