//! Realism checks for drawn buildings: what `validate_project` does not look at, but what
//! makes a plan believable and keeps coverage and routing benchmarks honest.
//!
//! Each check returns the problems it found as sentences naming the floor and elements;
//! [`problems`] runs them all. The sample buildings have none.

use std::collections::{BTreeMap, BTreeSet};

use tailplan_core::geometry::{Segment, orient, polyline_segments};
use tailplan_core::{Floor, Point, Project};

/// Two points closer than this are the same point, metres.
const EPS_M: f64 = 1e-6;

/// Every problem of every check, over every floor.
pub fn problems(project: &Project) -> Vec<String> {
    let mut out = Vec::new();
    for floor in &project.floors {
        out.extend(millimetre_coordinates(floor));
        out.extend(points_inside(floor));
        out.extend(points_apart(floor, 0.2));
        out.extend(double_walls(floor));
        out.extend(openings_in_gaps(floor));
        out.extend(tray_network(floor, 0.05, 2.0));
        out.extend(tray_junctions_at_vertices(floor, 0.05));
        out.extend(channels_differ(floor, 15.0));
    }
    out.extend(risers_aligned(project));
    out
}

/// The positions of a floor's point elements (access points, gateways, devices, outlets,
/// telecom rooms' racks, risers), each with its label.
pub fn point_elements(floor: &Floor) -> Vec<(String, Point)> {
    let mut out = Vec::new();
    out.extend(
        floor
            .access_points
            .iter()
            .map(|e| (e.name.clone(), e.position)),
    );
    out.extend(floor.gateways.iter().map(|e| (e.name.clone(), e.position)));
    out.extend(floor.devices.iter().map(|e| (e.name.clone(), e.position)));
    out.extend(floor.outlets.iter().map(|e| (e.name.clone(), e.position)));
    out.extend(
        floor
            .telecom_rooms
            .iter()
            .map(|e| (e.name.clone(), e.position)),
    );
    out.extend(floor.risers.iter().map(|e| (e.name.clone(), e.position)));
    out
}

/// Every coordinate is a whole number of millimetres, so the file reads cleanly.
pub fn millimetre_coordinates(floor: &Floor) -> Vec<String> {
    let mut out = Vec::new();
    for e in floor.elements() {
        let rough = e.points().into_iter().find(|p| {
            [p.x, p.y]
                .iter()
                .any(|v| (v * 1000.0).round() / 1000.0 != *v)
        });
        if let Some(p) = rough {
            out.push(format!(
                "floor {}: {} has a coordinate not in whole millimetres: ({}, {})",
                floor.id,
                e.id(),
                p.x,
                p.y
            ));
        }
    }
    out
}

/// Every point element lies inside the building (inside the walls' and rooms' extent and
/// inside one of the floor's rooms), and not inside the body of a wall or column.
pub fn points_inside(floor: &Floor) -> Vec<String> {
    let mut out = Vec::new();
    let Some(plan) = floor.plan_bbox() else {
        return out;
    };
    for (name, p) in point_elements(floor) {
        let in_plan = p.x > plan.min.x && p.x < plan.max.x && p.y > plan.min.y && p.y < plan.max.y;
        if !in_plan || !floor.rooms.iter().any(|r| r.polygon.contains(p)) {
            out.push(format!(
                "floor {}: {name} at ({}, {}) is in no room",
                floor.id, p.x, p.y
            ));
        }
        let around = tailplan_core::BBox {
            min: Point::new(p.x - 1.0, p.y - 1.0),
            max: Point::new(p.x + 1.0, p.y + 1.0),
        };
        for (i, s) in floor.walls.segments_in(around) {
            let wall = &floor.walls.as_slice()[i];
            if s.distance_to(p) < wall.thickness_m / 2.0 - EPS_M {
                out.push(format!(
                    "floor {}: {name} at ({}, {}) is inside wall {}",
                    floor.id, p.x, p.y, wall.id
                ));
            }
        }
    }
    out
}

/// No two point elements are closer than `min_m` (nothing placed twice, nothing stacked).
pub fn points_apart(floor: &Floor, min_m: f64) -> Vec<String> {
    let points = point_elements(floor);
    let mut out = Vec::new();
    for (i, (a, p)) in points.iter().enumerate() {
        for (b, q) in &points[i + 1..] {
            if p.distance(*q) < min_m {
                out.push(format!(
                    "floor {}: {a} and {b} are {:.3} m apart",
                    floor.id,
                    p.distance(*q)
                ));
            }
        }
    }
    out
}

/// The length along which `t` lies on `s`'s line within `s` (0 when not collinear).
pub fn collinear_overlap(s: Segment, t: Segment) -> f64 {
    let len = s.length();
    if len < EPS_M {
        return 0.0;
    }
    if orient(s.a, s.b, t.a).abs() / len > EPS_M || orient(s.a, s.b, t.b).abs() / len > EPS_M {
        return 0.0;
    }
    let (dx, dy) = ((s.b.x - s.a.x) / len, (s.b.y - s.a.y) / len);
    let along = |p: Point| (p.x - s.a.x) * dx + (p.y - s.a.y) * dy;
    let (t0, t1) = (along(t.a), along(t.b));
    (t0.max(t1).min(len) - t0.min(t1).max(0.0)).max(0.0)
}

/// No two walls lie over each other along a length (no doubled walls).
pub fn double_walls(floor: &Floor) -> Vec<String> {
    let walls = floor.walls.as_slice();
    let mut pairs = BTreeSet::new();
    for (i, s) in floor.walls.segments() {
        for (j, t) in floor.walls.segments_in(s.bbox()) {
            if i < j && collinear_overlap(s, t) > EPS_M {
                pairs.insert((i, j));
            }
        }
    }
    pairs
        .into_iter()
        .map(|(i, j)| {
            format!(
                "floor {}: walls {} and {} lie over each other",
                floor.id, walls[i].id, walls[j].id
            )
        })
        .collect()
}

/// How far from in line with an opening the wall piece at its end may turn: sin 30°. Tessellated
/// curved walls turn a little at the gap; a wall meeting it square does not count.
const MAX_GAP_SIN: f64 = 0.5;

/// The sine of the angle between two segments' directions (0 when parallel).
fn sin_angle(s: Segment, t: Segment) -> f64 {
    let (ls, lt) = (s.length(), t.length());
    if ls < EPS_M || lt < EPS_M {
        return 0.0;
    }
    let cross = (s.b.x - s.a.x) * (t.b.y - t.a.y) - (s.b.y - s.a.y) * (t.b.x - t.a.x);
    (cross / (ls * lt)).abs()
}

/// Every door and window sits in a gap of its wall: no wall runs along it, and each of its
/// ends is the end of a wall piece (nearly) in line with it.
pub fn openings_in_gaps(floor: &Floor) -> Vec<String> {
    let walls = floor.walls.as_slice();
    let mut out = Vec::new();
    for o in &floor.openings {
        let (Some(&first), Some(&last)) = (o.points.first(), o.points.last()) else {
            continue;
        };
        for s in polyline_segments(&o.points) {
            let mut hits = BTreeSet::new();
            for (i, t) in floor.walls.segments_in(s.bbox()) {
                if collinear_overlap(s, t) > EPS_M {
                    hits.insert(i);
                }
            }
            for i in hits {
                out.push(format!(
                    "floor {}: {} {} overlaps wall {}",
                    floor.id,
                    o.kind.as_str(),
                    o.id,
                    walls[i].id
                ));
            }
        }
        for end in [first, last] {
            let near = tailplan_core::BBox {
                min: Point::new(end.x - EPS_M, end.y - EPS_M),
                max: Point::new(end.x + EPS_M, end.y + EPS_M),
            };
            let closed = floor.walls.segments_in(near).any(|(_, t)| {
                let touches = t.a.distance(end) < EPS_M || t.b.distance(end) < EPS_M;
                touches && sin_angle(Segment::new(first, last), t) < MAX_GAP_SIN
            });
            if !closed {
                out.push(format!(
                    "floor {}: {} {} ends at ({}, {}) where no wall in line with it ends",
                    floor.id,
                    o.kind.as_str(),
                    o.id,
                    end.x,
                    end.y
                ));
            }
        }
    }
    out
}

/// The shortest distance between two segments.
pub fn segment_distance(s: Segment, t: Segment) -> f64 {
    if s.intersects(&t) {
        return 0.0;
    }
    [
        s.distance_to(t.a),
        s.distance_to(t.b),
        t.distance_to(s.a),
        t.distance_to(s.b),
    ]
    .into_iter()
    .fold(f64::INFINITY, f64::min)
}

fn polyline_distance(a: &[Point], b: &[Point]) -> f64 {
    polyline_segments(a)
        .flat_map(|s| polyline_segments(b).map(move |t| segment_distance(s, t)))
        .fold(f64::INFINITY, f64::min)
}

fn distance_to_polyline(p: Point, line: &[Point]) -> f64 {
    polyline_segments(line)
        .map(|s| s.distance_to(p))
        .fold(f64::INFINITY, f64::min)
}

/// The trays of a floor form one network (two trays join where they come within `join_m`),
/// and it reaches every telecom room's rack and every riser within `reach_m`.
pub fn tray_network(floor: &Floor, join_m: f64, reach_m: f64) -> Vec<String> {
    let trays = &floor.trays;
    let mut out = Vec::new();
    if trays.is_empty() {
        if !floor.telecom_rooms.is_empty() {
            out.push(format!("floor {}: a telecom room but no trays", floor.id));
        }
        return out;
    }
    // Union-find over the trays.
    let mut parent: Vec<usize> = (0..trays.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..trays.len() {
        for j in i + 1..trays.len() {
            if polyline_distance(&trays[i].points, &trays[j].points) <= join_m {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a] = b;
            }
        }
    }
    let mut parts: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    for (i, t) in trays.iter().enumerate() {
        let r = root(&mut parent, i);
        parts.entry(r).or_default().push(&t.name);
    }
    if parts.len() > 1 {
        let list: Vec<String> = parts.values().map(|names| names.join(", ")).collect();
        out.push(format!(
            "floor {}: the trays form {} separate networks: [{}]",
            floor.id,
            parts.len(),
            list.join("] [")
        ));
    }
    let targets = floor
        .telecom_rooms
        .iter()
        .map(|t| (format!("telecom room {}", t.name), t.position))
        .chain(
            floor
                .risers
                .iter()
                .map(|r| (format!("riser {}", r.name), r.position)),
        );
    for (what, p) in targets {
        let d = trays
            .iter()
            .map(|t| distance_to_polyline(p, &t.points))
            .fold(f64::INFINITY, f64::min);
        if d > reach_m {
            out.push(format!(
                "floor {}: the nearest tray is {d:.2} m from {what}",
                floor.id
            ));
        }
    }
    out
}

/// Where two trays meet (come within `join_m`), they share a vertex (within `join_m`): a
/// tray that tees into another or crosses it has a corner there, so that a router that walks
/// from vertex to vertex finds the junction.
pub fn tray_junctions_at_vertices(floor: &Floor, join_m: f64) -> Vec<String> {
    let trays = &floor.trays;
    let mut out = Vec::new();
    for (i, a) in trays.iter().enumerate() {
        for b in &trays[i + 1..] {
            if polyline_distance(&a.points, &b.points) > join_m {
                continue;
            }
            let shared = a
                .points
                .iter()
                .any(|p| b.points.iter().any(|q| p.distance(*q) <= join_m));
            if !shared {
                out.push(format!(
                    "floor {}: trays {} and {} meet where neither has a vertex of the other",
                    floor.id, a.name, b.name
                ));
            }
        }
    }
    out
}

/// Access points' radios within `radius_m` of each other on a floor have channels that do not
/// overlap.
pub fn channels_differ(floor: &Floor, radius_m: f64) -> Vec<String> {
    let aps = &floor.access_points;
    let mut out = Vec::new();
    for (i, a) in aps.iter().enumerate() {
        for b in &aps[i + 1..] {
            let near = a.position.distance(b.position) < radius_m;
            for ra in a.effective_radios() {
                for rb in b.effective_radios() {
                    let overlap = tailplan_core::channels::channel_overlap(
                        (ra.band, ra.channel, ra.width_mhz),
                        (rb.band, rb.channel, rb.width_mhz),
                    );
                    if near && overlap > 0.0 {
                        out.push(format!(
                            "floor {}: {} and {} are {:.1} m apart on channel {}",
                            floor.id,
                            a.name,
                            b.name,
                            a.position.distance(b.position),
                            ra.channel.unwrap_or_default()
                        ));
                    }
                }
            }
        }
    }
    out
}

/// Risers with the same name (which join floors) are at the same place on every floor.
pub fn risers_aligned(project: &Project) -> Vec<String> {
    // Risers of one name join the floors of their own building only.
    let mut first: BTreeMap<(Option<&str>, &str), (&str, Point)> = BTreeMap::new();
    let mut out = Vec::new();
    for floor in &project.floors {
        let building = floor.building.as_deref();
        for r in &floor.risers {
            match first.get(&(building, r.name.as_str())) {
                None => {
                    first.insert((building, &r.name), (&floor.id, r.position));
                }
                Some(&(f, p)) if p.distance(r.position) > EPS_M => out.push(format!(
                    "riser {} is at ({}, {}) on floor {f} but at ({}, {}) on floor {}",
                    r.name, p.x, p.y, r.position.x, r.position.y, floor.id
                )),
                Some(_) => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use tailplan_core::{Opening, OpeningKind, Props, Riser, Shape, Tray, Wall};

    fn p(x: f64, y: f64) -> Point {
        Point::new(x, y)
    }

    fn wall(id: &str, a: Point, b: Point) -> Wall {
        Wall {
            id: id.into(),
            shape: Shape::Line(vec![a, b]),
            material: Some("drywall".into()),
            loss_db: None,
            thickness_m: 0.1,
            props: Props::new(),
        }
    }

    fn tray(name: &str, points: &[Point]) -> Tray {
        Tray {
            id: name.to_lowercase(),
            name: name.into(),
            points: points.to_vec(),
            capacity: None,
            width_mm: None,
            depth_mm: None,
            height_m: None,
            props: Props::new(),
        }
    }

    #[test]
    fn overlap_along_a_line() {
        let s = Segment::new(p(0.0, 0.0), p(4.0, 0.0));
        assert_eq!(
            collinear_overlap(s, Segment::new(p(3.0, 0.0), p(6.0, 0.0))),
            1.0
        );
        assert_eq!(
            collinear_overlap(s, Segment::new(p(4.0, 0.0), p(6.0, 0.0))),
            0.0
        );
        assert_eq!(
            collinear_overlap(s, Segment::new(p(1.0, 0.1), p(2.0, 0.1))),
            0.0
        );
        assert_eq!(
            collinear_overlap(s, Segment::new(p(2.0, 0.0), p(2.0, 3.0))),
            0.0
        );
    }

    #[test]
    fn finds_double_walls_and_walled_up_openings() {
        let mut f = Floor::new("1", "L1", 0.0);
        f.walls.push(wall("a", p(0.0, 0.0), p(4.0, 0.0)));
        f.walls.push(wall("b", p(3.0, 0.0), p(5.0, 0.0)));
        f.walls.push(wall("c", p(6.0, 0.0), p(8.0, 0.0)));
        assert_eq!(
            double_walls(&f),
            ["floor 1: walls a and b lie over each other"]
        );
        let opening = |id: &str, a: Point, b: Point| Opening {
            id: id.into(),
            kind: OpeningKind::Door,
            points: vec![a, b],
            material: "wood".into(),
            open: false,
            props: Props::new(),
        };
        // In the gap between b and c: fine. Over a: wrong twice (overlap, no wall end there).
        f.openings.push(opening("d1", p(5.0, 0.0), p(6.0, 0.0)));
        f.openings.push(opening("d2", p(1.0, 0.0), p(2.0, 0.0)));
        let found = openings_in_gaps(&f);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(found[0].contains("door d2 overlaps wall a"));
    }

    #[test]
    fn finds_split_tray_networks_and_far_risers() {
        let mut f = Floor::new("1", "L1", 0.0);
        f.trays.push(tray("A", &[p(0.0, 0.0), p(10.0, 0.0)]));
        f.trays.push(tray("B", &[p(5.0, 0.03), p(5.0, 8.0)]));
        f.trays.push(tray("C", &[p(20.0, 0.0), p(30.0, 0.0)]));
        f.risers.push(Riser {
            id: "r".into(),
            name: "R1".into(),
            position: p(5.0, 11.0),
            props: Props::new(),
        });
        let found = tray_network(&f, 0.05, 2.0);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].contains("2 separate networks: [A, B] [C]"));
        assert!(found[1].contains("3.00 m from riser R1"));
    }

    #[test]
    fn finds_points_outside_and_inside_walls() {
        let mut f = Floor::new("1", "L1", 0.0);
        f.walls.push(wall("a", p(0.0, 0.0), p(4.0, 0.0)));
        f.rooms.push(tailplan_core::Room {
            id: "r".into(),
            name: "Room".into(),
            polygon: tailplan_core::Polygon::rect(p(0.0, 0.0), p(4.0, 3.0)),
            category: None,
            people: None,
            props: Props::new(),
        });
        f.risers.push(Riser {
            id: "r1".into(),
            name: "R1".into(),
            position: p(2.0, 0.02),
            props: Props::new(),
        });
        f.risers.push(Riser {
            id: "r2".into(),
            name: "R2".into(),
            position: p(5.0, 1.0),
            props: Props::new(),
        });
        let found = points_inside(&f);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].contains("R1 at (2, 0.02) is inside wall a"));
        assert!(found[1].contains("R2 at (5, 1) is in no room"));
    }
}
