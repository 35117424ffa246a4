//! GeoJSON out: a [`Project`] as a FeatureCollection in planar metres, with the `tailplan`
//! member, that [`super::import`] reads back to the same project.

use serde_json::{Map, Value, json};
use tailplan_core::{Element, Floor, Point, Polygon, Project, Shape};

use super::FORMAT_VERSION;

pub(super) fn export(project: &Project) -> Value {
    let mut tailplan = Map::new();
    tailplan.insert("version".into(), json!(FORMAT_VERSION));
    tailplan.insert("meta".into(), to_value(&project.meta));
    tailplan.insert("settings".into(), to_value(&project.settings));
    tailplan.insert("materials".into(), to_value(&project.materials));
    if let Some(g) = &project.georef {
        tailplan.insert("georef".into(), to_value(g));
    }
    if !project.antennas.is_empty() {
        tailplan.insert("antennas".into(), to_value(&project.antennas));
    }
    if !project.switch_models.is_empty() {
        tailplan.insert("switch_models".into(), to_value(&project.switch_models));
    }
    let mut features = Vec::new();
    for b in &project.buildings {
        let mut p = Map::new();
        p.insert("kind".into(), json!("building"));
        p.insert("name".into(), json!(b.name));
        p.extend(b.props.clone());
        let geometry = b.footprint.as_ref().map_or(Value::Null, polygon);
        features
            .push(json!({"type": "Feature", "id": b.id, "geometry": geometry, "properties": p}));
    }
    for floor in &project.floors {
        features.push(floor_feature(floor));
    }
    for floor in &project.floors {
        for e in floor.elements() {
            features.push(element_feature(&floor.id, &e));
        }
    }
    for d in &project.ducts {
        let mut p = Map::new();
        p.insert("kind".into(), json!("duct"));
        p.insert("name".into(), json!(d.name));
        opt(&mut p, "capacity", d.capacity);
        p.extend(d.props.clone());
        features.push(json!({"type": "Feature", "id": d.id, "geometry": line_geometry(&d.points), "properties": p}));
    }
    json!({
        "type": "FeatureCollection",
        "tailplan": tailplan,
        "features": features,
    })
}

fn to_value<T: serde::Serialize>(t: &T) -> Value {
    serde_json::to_value(t).expect("model types always serialise")
}

fn floor_feature(floor: &Floor) -> Value {
    let mut p = Map::new();
    p.insert("kind".into(), json!("floor"));
    p.insert("id".into(), json!(floor.id));
    p.insert("name".into(), json!(floor.name));
    p.insert("elevation_m".into(), json!(floor.elevation_m));
    p.insert("ceiling_m".into(), json!(floor.ceiling_m));
    if let Some(m) = &floor.slab_material {
        p.insert("slab_material".into(), json!(m));
    }
    opt(&mut p, "building", floor.building.as_ref());
    p.extend(floor.props.clone());
    json!({"type": "Feature", "geometry": null, "properties": p})
}

fn pos(p: Point) -> Value {
    json!([p.x, p.y])
}

fn line(points: &[Point]) -> Value {
    Value::Array(points.iter().copied().map(pos).collect())
}

fn polygon(poly: &Polygon) -> Value {
    let rings = std::iter::once(&poly.exterior).chain(&poly.holes);
    json!({"type": "Polygon", "coordinates": rings.map(|r| line(r)).collect::<Vec<_>>()})
}

fn point_geometry(p: Point) -> Value {
    json!({"type": "Point", "coordinates": pos(p)})
}

fn line_geometry(points: &[Point]) -> Value {
    json!({"type": "LineString", "coordinates": line(points)})
}

/// Inserts `key` when `value` is `Some`.
fn opt<T: serde::Serialize>(p: &mut Map<String, Value>, key: &str, value: Option<T>) {
    if let Some(v) = value {
        p.insert(key.into(), to_value(&v));
    }
}

fn element_feature(floor: &str, e: &Element) -> Value {
    let mut p = Map::new();
    let mut members = Map::new();
    if let Element::Other(o) = e {
        p.extend(o.properties.clone());
        p.insert("floor".into(), json!(floor));
        members.extend(o.members.clone());
        let mut f = Map::new();
        f.insert("type".into(), json!("Feature"));
        f.insert("id".into(), json!(o.id));
        f.extend(members);
        f.insert("geometry".into(), o.geometry.clone());
        f.insert("properties".into(), Value::Object(p));
        return Value::Object(f);
    }
    p.insert("kind".into(), json!(e.kind().as_str()));
    p.insert("floor".into(), json!(floor));
    if let Some(name) = e.name() {
        p.insert("name".into(), json!(name));
    }
    let geometry = match e {
        Element::Wall(w) => {
            opt(&mut p, "material", w.material.as_ref());
            opt(&mut p, "loss_db", w.loss_db);
            p.insert("thickness_m".into(), json!(w.thickness_m));
            match &w.shape {
                Shape::Line(pts) => line_geometry(pts),
                Shape::MultiLine(lines) => json!({
                    "type": "MultiLineString",
                    "coordinates": lines.iter().map(|l| line(l)).collect::<Vec<_>>(),
                }),
                Shape::Polygon(poly) => polygon(poly),
            }
        }
        Element::Opening(o) => {
            p.insert("material".into(), json!(o.material));
            if o.open {
                p.insert("open".into(), json!(true));
            }
            line_geometry(&o.points)
        }
        Element::Room(r) => {
            opt(&mut p, "category", r.category.as_ref());
            opt(&mut p, "people", r.people);
            polygon(&r.polygon)
        }
        Element::AccessPoint(a) => {
            opt(&mut p, "model", a.model.as_ref());
            match a.radios.as_slice() {
                // The one-radio form: the radio's members on the access point.
                [r] => {
                    if let Value::Object(radio) = to_value(r) {
                        p.extend(radio);
                    }
                }
                [] => {}
                radios => {
                    p.insert("radios".into(), to_value(&radios));
                }
            }
            p.insert("height_m".into(), json!(a.height_m));
            opt(&mut p, "poe_w", a.poe_w);
            opt(&mut p, "eirp_offset_db", a.eirp_offset_db);
            point_geometry(a.position)
        }
        Element::Gateway(g) => {
            p.insert("tech".into(), json!(g.tech.as_str()));
            p.insert("tx_dbm".into(), json!(g.tx_dbm));
            p.insert("height_m".into(), json!(g.height_m));
            point_geometry(g.position)
        }
        Element::Device(d) => {
            p.insert("medium".into(), json!(d.medium.as_str()));
            opt(&mut p, "tech", d.tech.map(|t| t.as_str()));
            opt(&mut p, "class", d.class.as_deref());
            opt(&mut p, "poe_w", d.poe_w);
            p.insert("height_m".into(), json!(d.height_m));
            point_geometry(d.position)
        }
        Element::Outlet(o) => {
            p.insert("ports".into(), json!(o.ports));
            p.insert("height_m".into(), json!(o.height_m));
            point_geometry(o.position)
        }
        Element::TelecomRoom(t) => {
            p.insert("ports".into(), json!(t.ports));
            opt(&mut p, "poe_budget_w", t.poe_budget_w);
            if !t.role.is_fd() {
                p.insert("role".into(), json!(t.role.as_str()));
            }
            opt(&mut p, "switch_model", t.switch_model.as_ref());
            opt(&mut p, "switches", t.switches);
            match &t.outline {
                Some(outline) => {
                    if outline.centroid() != t.position {
                        p.insert(super::RACK_PROPERTY.into(), pos(t.position));
                    }
                    polygon(outline)
                }
                None => point_geometry(t.position),
            }
        }
        Element::Tray(t) => {
            opt(&mut p, "capacity", t.capacity);
            opt(&mut p, "width_mm", t.width_mm);
            opt(&mut p, "depth_mm", t.depth_mm);
            opt(&mut p, "height_m", t.height_m);
            line_geometry(&t.points)
        }
        Element::Riser(r) => point_geometry(r.position),
        Element::Route(r) => {
            p.insert("from".into(), json!(r.from));
            p.insert("to".into(), json!(r.to));
            line_geometry(&r.points)
        }
        Element::Other(_) => unreachable!("handled above"),
    };
    p.extend(e.props().clone());
    json!({"type": "Feature", "id": e.id(), "geometry": geometry, "properties": p})
}
