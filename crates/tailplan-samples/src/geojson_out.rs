//! A floor of walls, doors, windows and rooms written as tailplan's GeoJSON
//! (`docs/geojson.md`): a `FeatureCollection` with the `tailplan` member (planar metres), a
//! `floor` feature, then one feature per wall, opening and room with its id, as
//! `tailplan export --geojson` writes them. For plans that arrive as GeoJSON (IMDF), such as
//! the hospital.

use serde_json::{Map, Value, json};
use tailplan_core::{Point, Polygon, Project, Shape};

/// The GeoJSON text of `project`'s walls, openings and rooms (other elements are not
/// written: the plans this is for have none).
pub fn plan_geojson(project: &Project) -> String {
    let pos = |p: &Point| json!([p.x, p.y]);
    let line = |points: &[Point]| Value::Array(points.iter().map(pos).collect());
    let polygon = |poly: &Polygon| {
        let rings = std::iter::once(&poly.exterior).chain(&poly.holes);
        json!({"type": "Polygon", "coordinates": rings.map(|r| line(r)).collect::<Vec<_>>()})
    };
    let feature = |id: &str, geometry: Value, properties: Map<String, Value>| json!({"type": "Feature", "id": id, "geometry": geometry, "properties": properties});
    let mut features = Vec::new();
    for floor in &project.floors {
        features.push(json!({"type": "Feature", "geometry": null, "properties": {
            "kind": "floor",
            "id": floor.id,
            "name": floor.name,
            "elevation_m": floor.elevation_m,
            "ceiling_m": floor.ceiling_m,
        }}));
    }
    for floor in &project.floors {
        let props = |kind: &str| {
            let mut p = Map::new();
            p.insert("kind".into(), json!(kind));
            p.insert("floor".into(), json!(floor.id));
            p
        };
        for w in floor.walls.iter() {
            let mut p = props("wall");
            p.insert("material".into(), json!(w.material));
            p.insert("thickness_m".into(), json!(w.thickness_m));
            p.extend(w.props.clone());
            let geometry = match &w.shape {
                Shape::Line(points) => json!({"type": "LineString", "coordinates": line(points)}),
                Shape::MultiLine(lines) => json!({
                    "type": "MultiLineString",
                    "coordinates": lines.iter().map(|l| line(l)).collect::<Vec<_>>(),
                }),
                Shape::Polygon(poly) => polygon(poly),
            };
            features.push(feature(&w.id, geometry, p));
        }
        for o in &floor.openings {
            let mut p = props(o.kind.as_str());
            p.insert("material".into(), json!(o.material));
            p.extend(o.props.clone());
            let geometry = json!({"type": "LineString", "coordinates": line(&o.points)});
            features.push(feature(&o.id, geometry, p));
        }
        for r in &floor.rooms {
            let mut p = props("room");
            p.insert("name".into(), json!(r.name));
            if let Some(c) = &r.category {
                p.insert("category".into(), json!(c));
            }
            if let Some(n) = r.people {
                p.insert("people".into(), json!(n));
            }
            p.extend(r.props.clone());
            features.push(feature(&r.id, polygon(&r.polygon), p));
        }
    }
    let collection = json!({
        "type": "FeatureCollection",
        "tailplan": {"version": 3, "meta": project.meta},
        "features": features,
    });
    tailplan_core::json_text::to_pretty_string(&collection)
}
