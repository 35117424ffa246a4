//! GeoJSON of a CAD drawing, as GDAL's DXF driver writes it (`ogr2ogr`, QGIS "export as
//! GeoJSON"): one feature per entity, with a `Layer` property and no tailplan `kind`. Such a
//! file is read as a drawing by layer, like a DXF: lines and polylines (closed when they
//! end where they start), polygons' rings, texts (`Point`s with a `Text`); in WGS84 it is
//! projected to local metres, otherwise its coordinates are taken as metres.

use serde_json::Value;
use tailplan_core::{BBox, Diagnostic, GeoReference, IdAllocator, ImportRecord, Point, Project};

use crate::drawing::{self, BuildOptions, Item, Shape2};
use crate::dxf::text::plain_mtext;
use crate::geojson::CrsChoice;
use crate::geojson::crs::{LocalProjection, detect};
use crate::import::options::{Format, Import, ImportOptions};

/// True when `value` is a FeatureCollection of CAD entities: no feature has a `kind`, and
/// most have a `Layer`.
pub(crate) fn is_cad(value: &Value) -> bool {
    let Some(features) = value.get("features").and_then(Value::as_array) else {
        return false;
    };
    let props = |f: &Value| f.get("properties").cloned().unwrap_or(Value::Null);
    let layered = features
        .iter()
        .filter(|f| props(f).get("Layer").is_some_and(Value::is_string))
        .count();
    !features.is_empty()
        && features.iter().all(|f| props(f).get("kind").is_none())
        && layered * 2 > features.len()
}

fn position(p: &Value) -> Option<Point> {
    Some(Point::new(p.get(0)?.as_f64()?, p.get(1)?.as_f64()?))
}

fn line(v: &Value) -> Vec<Point> {
    v.as_array()
        .map(|ps| ps.iter().filter_map(position).collect())
        .unwrap_or_default()
}

/// An attribute tag GDAL writes for a block's attribute definition (`ID_PIECE`), not a name.
fn is_tag(text: &str) -> bool {
    text.contains('_')
        && text
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// Imports a CAD GeoJSON (see [`is_cad`]).
pub(crate) fn import(value: &Value, options: &ImportOptions) -> Import {
    let file = options.source_name.clone();
    let features = value["features"].as_array().map_or(&[][..], Vec::as_slice);
    // The shapes, in the file's coordinates.
    let mut shapes: Vec<(String, Vec<Point>, bool)> = Vec::new();
    let mut texts: Vec<(String, Point, String)> = Vec::new();
    for f in features {
        let props = &f["properties"];
        let layer = props["Layer"].as_str().unwrap_or("0").to_owned();
        let g = &f["geometry"];
        let c = &g["coordinates"];
        let mut add = |pts: Vec<Point>, polygon: bool| {
            let closed = polygon || (pts.len() > 2 && pts.first() == pts.last());
            let mut pts = pts;
            if closed && pts.len() > 2 && pts.first() == pts.last() {
                pts.pop();
            }
            if pts.len() >= 2 {
                shapes.push((layer.clone(), pts, closed));
            }
        };
        match g["type"].as_str() {
            Some("LineString") => add(line(c), false),
            Some("MultiLineString") => c
                .as_array()
                .into_iter()
                .flatten()
                .for_each(|l| add(line(l), false)),
            Some("Polygon") => c
                .as_array()
                .into_iter()
                .flatten()
                .for_each(|r| add(line(r), true)),
            Some("MultiPolygon") => c
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_array)
                .flatten()
                .for_each(|r| add(line(r), true)),
            Some("Point") => {
                if let (Some(at), Some(text)) = (position(c), props["Text"].as_str()) {
                    let text = plain_mtext(text);
                    if !text.is_empty() && !is_tag(&text) {
                        texts.push((layer.clone(), at, text));
                    }
                }
            }
            _ => {}
        }
    }
    let extent = BBox::from_points(
        shapes
            .iter()
            .flat_map(|s| s.1.iter().copied())
            .chain(texts.iter().map(|t| t.1)),
    );
    let wgs84 = match options.crs {
        CrsChoice::Auto => detect(false, extent),
        CrsChoice::Planar => false,
        CrsChoice::Wgs84 => true,
    };
    let origin = extent.map(|b| GeoReference::north_up(b.center().x, b.center().y));
    let proj = origin.filter(|_| wgs84).map(LocalProjection::new);
    let to_m = |p: Point| proj.as_ref().map_or(p, |pr| pr.forward(p));

    let mut d = drawing::Drawing::default();
    for f in features {
        let i = d.layer(f["properties"]["Layer"].as_str().unwrap_or("0"));
        d.layers[i].entities += 1;
    }
    for (layer, pts, closed) in shapes {
        let l = d.layer(&layer);
        d.items.push(Item {
            layer: l,
            shape: Shape2::Line {
                points: pts.into_iter().map(to_m).collect(),
                closed,
                fill: None,
            },
        });
    }
    for (layer, at, text) in texts {
        let l = d.layer(&layer);
        d.items.push(Item {
            layer: l,
            shape: Shape2::Text { at: to_m(at), text },
        });
    }
    let mut diagnostics = vec![Diagnostic::info(
        &file,
        format!(
            "a CAD drawing as GeoJSON (features with a Layer property and no kind): read as a drawing, by layer{}",
            if wgs84 {
                ", WGS84 projected to local metres"
            } else {
                ", coordinates taken as metres"
            }
        ),
    )];
    let built = drawing::build(
        &d,
        BuildOptions {
            source: &file,
            floor: options.new_floor(),
            scale: 1.0,
            flip_y: false,
            origin: Point::new(0.0, 0.0),
            layer_map: &options.layers,
            cleanup: &options.cleanup,
            include_hidden: options.include_hidden,
            keep_underlay: options.keep_underlay,
        },
        &mut IdAllocator::default(),
    );
    diagnostics.extend(built.diagnostics);
    let floor_id = built.floor.id.clone();
    let mut project = Project::new();
    if wgs84 {
        project.georef = origin;
    }
    project.floors.push(built.floor);
    Import {
        project,
        report: ImportRecord {
            source: file,
            format: Format::GeoJson.as_str().into(),
            units: if wgs84 { "WGS84 lon/lat" } else { "m" }.into(),
            floors: vec![floor_id],
            layers: built.layers,
            walls: Some(built.walls),
            diagnostics,
            ..Default::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gdal_export_of_a_dxf_is_read_by_layer() {
        let text = r#"{"type": "FeatureCollection", "features": [
          {"type": "Feature", "properties": {"Layer": "Murs", "SubClasses": "AcDbEntity:AcDbLine", "Text": null},
           "geometry": {"type": "LineString", "coordinates": [[0, 0], [6, 0]]}},
          {"type": "Feature", "properties": {"Layer": "Murs", "Text": null},
           "geometry": {"type": "LineString", "coordinates": [[0, 0.2], [6, 0.2]]}},
          {"type": "Feature", "properties": {"Layer": "Pieces", "Text": null},
           "geometry": {"type": "LineString", "coordinates": [[0, 0.2], [6, 0.2], [6, 4], [0, 4], [0, 0.2]]}},
          {"type": "Feature", "properties": {"Layer": "Pieces", "Text": "{\\fArial;Salle 12}"},
           "geometry": {"type": "Point", "coordinates": [3, 2]}},
          {"type": "Feature", "properties": {"Layer": "Pieces", "Text": "ID_PIECE"},
           "geometry": {"type": "Point", "coordinates": [3, 3]}}
        ]}"#;
        let value: Value = serde_json::from_str(text).unwrap();
        assert!(is_cad(&value));
        let done = import(&value, &ImportOptions::named("plan.geojson"));
        let f = &done.project.floors[0];
        assert_eq!(f.rooms.len(), 1);
        assert_eq!(f.rooms[0].name, "Salle 12");
        // The two faces on "Murs" are one wall 0.2 m thick (the room outline runs along it).
        let thick: Vec<f64> = f.walls.iter().map(|w| w.thickness_m).collect();
        assert!(thick.contains(&0.2), "{thick:?}");
        assert!(done.project.georef.is_none(), "metres, not lon/lat");
        let tailplan: Value =
            serde_json::from_str(r#"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"kind": "wall", "Layer": "x"}, "geometry": null}]}"#)
                .unwrap();
        assert!(!is_cad(&tailplan));
    }
}
