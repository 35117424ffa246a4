//! IMDF in: an Apple Indoor Mapping Data Format archive (a `.zip`, or the files of such a
//! folder) of GeoJSON in WGS84.
//!
//! Levels become floors (elevation `ordinal` × 3.5 m, name from `name.en` or the first name
//! given), units become rooms named from `name`, and their outlines walls whose material
//! follows the unit's category (stairs, elevators and shafts concrete, restrooms brick,
//! others drywall; walkways and open areas draw no wall of their own), cleaned up so that the
//! edge two units share is one wall; the building's footprint draws the exterior walls
//! (concrete); openings become doors, cut into the walls they stand in. Coordinates are
//! projected to local metres with [`crate::geojson::crs::LocalProjection`] around the centre
//! of the units' extent.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use serde_json::Value;
use tailplan_core::wall_cleanup::{CleanupParams, WallPiece, clean_walls};
use tailplan_core::{
    BBox, Diagnostic, Floor, GeoReference, IdAllocator, ImportRecord, Opening, OpeningKind, Point,
    Polygon, Project, Room, Shape, Wall,
};

use crate::drawing::cut_at_openings;
use crate::geojson::crs::LocalProjection;
use crate::geojson::{ASSUMED_STOREY_M, typical_thickness_m};
use crate::import::error::ImportError;
use crate::import::options::{Format, Import, ImportOptions};

/// Unit edges closer than this are one wall (digitising noise), metres; edges 0.1 to 0.6 m
/// apart are the two faces of one wall, as are a unit's edge and the footprint running
/// parallel just outside it (the exterior wall, concrete).
pub const IMDF_SAME_LINE_M: f64 = 0.1;

/// The wall material of a unit's outline by its IMDF category; `None` for units that are
/// open space (their edges are drawn by their neighbours or the footprint).
pub fn material_of_category(category: &str) -> Option<&'static str> {
    match category {
        "walkway" | "opentobelow" | "nonpublic" | "unspecified" | "road" | "parking"
        | "vegetation" | "water" => None,
        "stairs" | "elevator" | "escalator" | "steps" | "ramp" | "structure" | "shaft"
        | "firstaid" => Some("concrete"),
        c if c.starts_with("restroom") || c == "shower" || c == "lockerroom" => Some("brick"),
        _ => Some("drywall"),
    }
}

/// Imports an IMDF zip archive's bytes.
pub fn import_zip(bytes: &[u8], options: &ImportOptions) -> Result<Import, ImportError> {
    let file = options.source_name.clone();
    let bad = |message: String| ImportError::Malformed {
        file: file.clone(),
        line: None,
        entity: None,
        message,
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| bad(format!("not a readable zip archive: {e}")))?;
    let mut files = Vec::new();
    let mut total = 0u64;
    for i in 0..archive.len() {
        let mut entry = archive
            .by_index(i)
            .map_err(|e| bad(format!("zip entry {i}: {e}")))?;
        let full = entry
            .name()
            .map_err(|e| bad(format!("zip entry {i}: {e}")))?
            .to_string();
        let name = full.rsplit('/').next().unwrap_or("").to_owned();
        if !name.ends_with(".geojson") && name != "manifest.json" {
            continue;
        }
        // Refuse zip bombs: stop at the format's limit, whatever the headers claim.
        let max = options.limits.file_bytes(Format::Imdf);
        let limit = max.saturating_sub(total);
        let mut data = Vec::new();
        (&mut entry)
            .take(limit + 1)
            .read_to_end(&mut data)
            .map_err(|e| bad(format!("{name}: {e}")))?;
        total += data.len() as u64;
        if total > max {
            return Err(ImportError::Unpacked {
                file: file.clone(),
                limit: max,
            });
        }
        files.push((name, data));
    }
    import_files(&files, options)
}

fn features<'a>(files: &'a BTreeMap<String, Value>, name: &str) -> &'a [Value] {
    files
        .get(name)
        .and_then(|v| v.get("features"))
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn name_of(props: &Value) -> Option<String> {
    let n = props.get("name")?;
    match n {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o
            .get("en")
            .or_else(|| o.values().next())
            .and_then(Value::as_str)
            .map(str::to_owned),
        _ => None,
    }
}

fn rings(geometry: &Value, proj: &LocalProjection) -> Vec<Vec<Point>> {
    let ring = |r: &Value| -> Vec<Point> {
        r.as_array()
            .map(|pts| {
                pts.iter()
                    .filter_map(|p| {
                        Some(proj.forward(Point::new(p.get(0)?.as_f64()?, p.get(1)?.as_f64()?)))
                    })
                    .map(|p| {
                        Point::new(
                            (p.x * 1000.0).round() / 1000.0,
                            (p.y * 1000.0).round() / 1000.0,
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let c = &geometry["coordinates"];
    match geometry["type"].as_str() {
        Some("Polygon") => c
            .as_array()
            .map(|rs| rs.iter().map(ring).collect())
            .unwrap_or_default(),
        Some("MultiPolygon") => c
            .as_array()
            .map(|ps| {
                ps.iter()
                    .filter_map(Value::as_array)
                    .flatten()
                    .map(ring)
                    .collect()
            })
            .unwrap_or_default(),
        Some("LineString") => vec![ring(c)],
        Some("MultiLineString") => c
            .as_array()
            .map(|ls| ls.iter().map(ring).collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Imports an IMDF archive given as (file name, bytes) pairs.
pub fn import_files(
    files: &[(String, Vec<u8>)],
    options: &ImportOptions,
) -> Result<Import, ImportError> {
    let file = options.source_name.clone();
    let mut parsed = BTreeMap::new();
    for (name, data) in files {
        let short = name.rsplit('/').next().unwrap_or(name).to_owned();
        if !short.ends_with(".geojson") {
            continue;
        }
        if let Ok(text) = std::str::from_utf8(data) {
            crate::import::json::check_json(&format!("{file}/{short}"), text, &options.limits)?;
        }
        let v: Value = serde_json::from_slice(data).map_err(|e| ImportError::Malformed {
            file: format!("{file}/{short}"),
            line: Some(e.line()),
            entity: None,
            message: e.to_string(),
        })?;
        parsed.insert(short, v);
    }
    let units = features(&parsed, "unit.geojson");
    if units.is_empty() {
        return Err(ImportError::Empty {
            file,
            message: "no unit.geojson with units: not an IMDF archive".into(),
        });
    }
    let mut diagnostics = Vec::new();
    // Projection around the centre of the units' extent.
    let mut lonlat = Vec::new();
    for u in units {
        tailplan_core::other::collect_positions(&u["geometry"]["coordinates"], &mut lonlat);
    }
    let extent =
        BBox::from_points(lonlat.iter().copied().filter(|p| p.is_finite())).ok_or_else(|| {
            ImportError::Empty {
                file: file.clone(),
                message: "the units have no coordinates".into(),
            }
        })?;
    let c = extent.center();
    let origin = GeoReference::north_up(c.x, c.y);
    let proj = LocalProjection::new(origin);
    diagnostics.push(Diagnostic::info(
        &file,
        format!(
            "IMDF is WGS84 lon/lat: projected to local metres around lon {:.7}, lat {:.7}",
            c.x, c.y
        ),
    ));

    // Levels.
    let mut floors: Vec<(String, Floor)> = Vec::new();
    for (i, l) in features(&parsed, "level.geojson").iter().enumerate() {
        let id = l["id"]
            .as_str()
            .map(str::to_owned)
            .unwrap_or_else(|| format!("level-{i}"));
        let ordinal = l["properties"]["ordinal"].as_i64().unwrap_or(i as i64);
        let name = name_of(&l["properties"]).unwrap_or_else(|| format!("Level {ordinal}"));
        let mut f = Floor::new(ordinal.to_string(), name, ordinal as f64 * ASSUMED_STOREY_M);
        f.props
            .insert("imdf_level_id".into(), Value::String(id.clone()));
        if floors.iter().any(|(_, g)| g.id == f.id) {
            f.id = format!("{}-{}", f.id, i);
        }
        floors.push((id, f));
    }
    if floors.is_empty() {
        diagnostics.push(Diagnostic::warning(
            &file,
            "no level.geojson: every unit is put on floor \"0\"",
        ));
        floors.push((String::new(), Floor::new("0", "Floor 0", 0.0)));
    }
    let floor_of = |props: &Value| -> usize {
        let level = props["level_id"].as_str().unwrap_or("");
        floors.iter().position(|(id, _)| id == level).unwrap_or(0)
    };
    let mut ids = IdAllocator::default();
    let mut pieces: Vec<Vec<WallPiece>> = vec![Vec::new(); floors.len()];
    let mut rooms: Vec<Vec<Room>> = vec![Vec::new(); floors.len()];
    let mut skipped = 0;
    for (i, u) in units.iter().enumerate() {
        let props = &u["properties"];
        let k = floor_of(props);
        let rs = rings(&u["geometry"], &proj);
        let Some(exterior) = rs.first().filter(|r| r.len() >= 3).cloned() else {
            skipped += 1;
            continue;
        };
        let category = props["category"].as_str().unwrap_or("unspecified");
        if let Some(m) = material_of_category(category) {
            for r in &rs {
                pieces[k].push(WallPiece {
                    points: r.clone(),
                    closed: true,
                    material: m.into(),
                    priority: 1,
                });
            }
        }
        let name = name_of(props).unwrap_or_else(|| format!("{category} {}", i + 1));
        let mut room = Room {
            id: ids.next("room"),
            name,
            polygon: Polygon {
                exterior,
                holes: rs[1..].to_vec(),
            },
            category: Some(category.to_owned()),
            people: None,
            props: Default::default(),
        };
        if let Some(id) = u["id"].as_str() {
            room.props
                .insert("imdf_id".into(), Value::String(id.into()));
        }
        rooms[k].push(room);
    }
    if skipped > 0 {
        diagnostics.push(Diagnostic::warning(
            &file,
            format!("{skipped} unit(s) without a polygon were skipped"),
        ));
    }
    // The footprint: exterior walls on every floor.
    for fp in features(&parsed, "footprint.geojson") {
        for r in rings(&fp["geometry"], &proj) {
            for p in pieces.iter_mut() {
                p.push(WallPiece {
                    points: r.clone(),
                    closed: true,
                    material: "concrete".into(),
                    priority: 2,
                });
            }
        }
    }
    let mut openings: Vec<Vec<Opening>> = vec![Vec::new(); floors.len()];
    for o in features(&parsed, "opening.geojson") {
        let k = floor_of(&o["properties"]);
        for line in rings(&o["geometry"], &proj) {
            if line.len() >= 2 {
                openings[k].push(Opening {
                    id: ids.next("door"),
                    kind: OpeningKind::Door,
                    points: vec![line[0], *line.last().expect("two points")],
                    material: OpeningKind::Door.default_material().into(),
                    open: false,
                    props: Default::default(),
                });
            }
        }
    }
    // Units are digitised room outlines: where two rooms meet, their edges wander a few
    // centimetres apart (or share one corner and diverge); within 10 cm they are one wall.
    let cleanup = CleanupParams {
        min_thickness_m: options.cleanup.min_thickness_m.max(IMDF_SAME_LINE_M),
        snap_m: options.cleanup.snap_m.max(IMDF_SAME_LINE_M / 2.0),
        ..options.cleanup
    };
    let mut stats_all = tailplan_core::wall_cleanup::CleanupStats::default();
    let mut project = Project::new();
    project.georef = Some(origin);
    for (k, (_, mut floor)) in floors.into_iter().enumerate() {
        let (walls, stats) = clean_walls(&pieces[k], &cleanup);
        stats_all.pieces_in += stats.pieces_in;
        stats_all.walls_out += stats.walls_out;
        stats_all.collinear_merged += stats.collinear_merged;
        stats_all.face_pairs += stats.face_pairs;
        stats_all.caps_dropped += stats.caps_dropped;
        stats_all.too_short += stats.too_short;
        stats_all.ends_joined += stats.ends_joined;
        for w in cut_at_openings(walls, &openings[k]) {
            let thickness_m = w
                .thickness_m
                .unwrap_or_else(|| typical_thickness_m(Some(&w.material)));
            floor.walls.push(Wall {
                id: ids.next("wall"),
                shape: Shape::Line(vec![w.a, w.b]),
                material: Some(w.material),
                loss_db: None,
                thickness_m,
                props: Default::default(),
            });
        }
        floor.rooms = std::mem::take(&mut rooms[k]);
        floor.openings = std::mem::take(&mut openings[k]);
        project.floors.push(floor);
    }
    let floors = project.floors.iter().map(|f| f.id.clone()).collect();
    Ok(Import {
        project,
        report: ImportRecord {
            source: file,
            format: Format::Imdf.as_str().into(),
            units: "WGS84 lon/lat".into(),
            floors,
            walls: Some(stats_all),
            diagnostics,
            ..Default::default()
        },
    })
}
