//! The sample office building ([`crate::office_building`], four storeys of 120 x 60 m) as an
//! IFC4 file in metres, the IFC importer's large benchmark (4.3 MB, 75,000 instances, 3,200
//! walls): generated on demand, not committed.
//!
//! - The site and the building at the origin, unturned (the world is the project's plan);
//!   storeys `Ground floor`, `Level 1`... at their elevations.
//! - Walls as a BIM model has them, running through their doors and windows: the project's
//!   straight walls (split at every opening, as tailplan keeps them) joined again across
//!   each opening whose walls on both sides are collinear and of one material and
//!   thickness; where they differ (a door between a glass front and a partition), the wall
//!   on the opening's first side runs across it. Each an `IfcWallStandardCase` on its
//!   centreline: 'Axis' `IfcPolyline`, 'Body' extruded `IfcRectangleProfileDef`, storey high;
//!   Name `concrete 300 mm`, Tag the project's wall ids joined by `+`; an
//!   `IfcMaterialLayerSetUsage` (`.AXIS2.`, `.POSITIVE.`, −t/2) of a one-layer set named
//!   after the material (`concrete`, `drywall`, `glass`), one usage per thickness shared by
//!   its walls.
//! - Curved walls (the rotundas' glass, polylines of many points) as `IfcWall` with a
//!   polyline 'Axis' and a body extruded from the outline of the polyline offset by half the
//!   thickness on both sides (`IfcArbitraryClosedProfileDef`).
//! - Round columns (closed polygons) as `IfcColumn`, extruded from the polygon, with an
//!   `IfcMaterial`.
//! - Doors (2.1 m) and windows (0.8 m sill, 1.8 m high) filling an `IfcOpeningElement`
//!   voiding the wall that runs across them (doors cut across the wall, windows up from the
//!   sill, as in [`super::kontor_ifc()`]); an opening no straight wall continues (the
//!   rotundas' doors, in the gap of their curved wall: six in all) is written as a door
//!   alone, contained in its storey, as tools write doors whose host they cannot cut. Each
//!   door and window has an `IfcMaterial` named after the opening's material (`wood`,
//!   `low_e_glass`).
//! - Rooms as `IfcSpace` (Name the room's number, LongName its use in words: `Office`,
//!   `Open plan`), aggregated to their storey, extruded from an `IfcPolyline` (with voids:
//!   `IfcArbitraryProfileDefWithVoids`) to the ceiling.
//!
//! The intent ([`IfcDrawn::storeys`]): per storey, the joined straight walls (curved ones
//! left out), the round columns as short walls along x, the openings as the project has them,
//! the rooms by LongName.

use std::collections::BTreeMap;

use tailplan_core::{Floor, OpeningKind, Point, Shape};

use super::ifc_out::{Filler, Ifc, OpeningCut, Product, Setup, StraightWall};
use super::step_out::{Id, V, e, refs};
use super::{IfcDrawn, IntendedWall, Intent, StoreyIntent};

const DOOR_H: f64 = 2.1;
const WINDOW_SILL: f64 = 0.8;
const WINDOW_H: f64 = 1.8;

/// Rounds to the micrometre, so that no float noise reaches the file.
fn r6(x: f64) -> f64 {
    let r = (x * 1e6).round() / 1e6;
    if r == 0.0 { 0.0 } else { r }
}

/// The office building as IFC (see the module documentation).
///
/// ```
/// let ifc = tailplan_samples::drawings::office_building_ifc();
/// assert!(ifc.len() > 4_000_000);
/// ```
pub fn office_building_ifc() -> Vec<u8> {
    office_building_ifc_drawn().bytes
}

/// The office building as IFC, with what it stands for.
pub fn office_building_ifc_drawn() -> IfcDrawn {
    let project = crate::office_building();
    let mut ifc = Ifc::new(&Setup {
        file_name: "office-building.ifc",
        guid_prefix: 0x4F46_4649_4345_0000_0000_0001,
        family_name: "Sample",
        given_name: "Alex",
        organization: "tailplan",
        project: [
            "Office building A",
            "tailplan's sample office building",
            &project.meta.name,
            "Design",
        ],
        millimetres: false,
        precision: 1e-5,
        true_north: [0.0, 1.0],
    });
    let site_pl = ifc.local(None, [0.0; 3], None);
    let site = ifc.rooted(
        "IFCSITE",
        vec![
            "Site".into(),
            V::Unset,
            V::Unset,
            site_pl.into(),
            V::Unset,
            V::Unset,
            e("ELEMENT"),
            V::Unset,
            V::Unset,
            V::Unset,
            V::Unset,
            V::Unset,
        ],
    );
    let building_pl = ifc.local(Some(site_pl), [0.0; 3], None);
    let building = ifc.rooted(
        "IFCBUILDING",
        vec![
            "Office building A".into(),
            V::Unset,
            V::Unset,
            building_pl.into(),
            V::Unset,
            V::Unset,
            e("ELEMENT"),
            V::Unset,
            V::Unset,
            V::Unset,
        ],
    );
    let mut w = Writer {
        ifc,
        usages: BTreeMap::new(),
        materials: Vec::new(),
    };
    let mut storeys = Vec::new();
    let mut storey_ids = Vec::new();
    for (k, floor) in project.floors.iter().enumerate() {
        let height = project
            .floors
            .get(k + 1)
            .map_or(floor.ceiling_m + 0.8, |next| {
                next.elevation_m - floor.elevation_m
            });
        let pl = w
            .ifc
            .local(Some(building_pl), [0.0, 0.0, floor.elevation_m], None);
        let storey = w.ifc.rooted(
            "IFCBUILDINGSTOREY",
            vec![
                floor.name.as_str().into(),
                V::Unset,
                V::Unset,
                pl.into(),
                V::Unset,
                V::Unset,
                e("ELEMENT"),
                floor.elevation_m.into(),
            ],
        );
        storey_ids.push(storey);
        let intent = w.floor(floor, storey, pl, height);
        storeys.push(StoreyIntent {
            name: floor.name.clone(),
            elevation_m: floor.elevation_m,
            intent,
        });
    }
    let project_id = w.ifc.project;
    w.ifc.aggregates("Project Container", project_id, &[site]);
    w.ifc.aggregates("Site Container", site, &[building]);
    w.ifc
        .aggregates("Building Container", building, &storey_ids);
    w.relate_materials();
    IfcDrawn {
        bytes: w.ifc.finish(),
        storeys,
        georef: None,
    }
}

/// A room's use in words: `open_plan` is `Open plan`.
fn words(use_: &str) -> String {
    let mut s = use_.replace('_', " ");
    if let Some(first) = s.get(0..1) {
        let upper = first.to_uppercase();
        s.replace_range(0..1, &upper);
    }
    s
}

/// A straight piece of a wall, as the project has it.
#[derive(Debug, Clone)]
struct Piece {
    id: String,
    a: Point,
    b: Point,
    material: String,
    thickness: f64,
}

/// A point as a map key (micrometres).
fn pkey(p: Point) -> (i64, i64) {
    ((p.x * 1e6).round() as i64, (p.y * 1e6).round() as i64)
}

/// Whether `p` lies on the line through `a` and `b`.
fn on_line(a: Point, b: Point, p: Point) -> bool {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len = (dx * dx + dy * dy).sqrt();
    ((p.x - a.x) * dy - (p.y - a.y) * dx).abs() / len < 1e-6
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

struct Writer {
    ifc: Ifc,
    /// One layer set usage per (material, thickness in µm), and its walls.
    usages: BTreeMap<(String, i64), Vec<Id>>,
    /// Plain materials (columns, doors, windows) and their elements, in first-use order.
    materials: Vec<(String, Vec<Id>)>,
}

impl Writer {
    fn made_of(&mut self, material: &str, element: Id) {
        match self.materials.iter_mut().find(|(m, _)| m == material) {
            Some((_, ids)) => ids.push(element),
            None => self.materials.push((material.to_owned(), vec![element])),
        }
    }

    fn floor(&mut self, floor: &Floor, storey: Id, pl: Id, height: f64) -> Intent {
        let mut intent = Intent::default();
        let mut contained = Vec::new();

        // Spaces.
        let mut spaces = Vec::new();
        for room in &floor.rooms {
            let use_ = room.props.get("use").and_then(|u| u.as_str());
            let long_name = use_.map_or_else(|| room.name.clone(), words);
            let b = tailplan_core::BBox::from_points(room.polygon.exterior.iter().copied())
                .expect("a room has an outline");
            let o = [r6(b.min.x), r6(b.min.y)];
            let space_pl = self.ifc.local(Some(pl), [o[0], o[1], 0.0], None);
            let ring = |ifc: &mut Ifc, pts: &[Point]| {
                let mut v: Vec<[f64; 2]> = pts
                    .iter()
                    .map(|p| [r6(p.x - o[0]), r6(p.y - o[1])])
                    .collect();
                v.push(v[0]);
                ifc.polyline(&v)
            };
            let outer = ring(&mut self.ifc, &room.polygon.exterior);
            let profile = if room.polygon.holes.is_empty() {
                self.ifc.closed_profile(outer)
            } else {
                let inner: Vec<Id> = room
                    .polygon
                    .holes
                    .iter()
                    .map(|h| ring(&mut self.ifc, h))
                    .collect();
                self.ifc.add(
                    "IFCARBITRARYPROFILEDEFWITHVOIDS",
                    vec![e("AREA"), V::Unset, outer.into(), refs(&inner)],
                )
            };
            let solid = self.ifc.extrude_up(profile, 0.0, floor.ceiling_m);
            let shape = self.ifc.body_shape(None, solid, "SweptSolid");
            let id = self.ifc.rooted(
                "IFCSPACE",
                vec![
                    room.name.as_str().into(),
                    V::Unset,
                    V::Unset,
                    space_pl.into(),
                    shape.into(),
                    long_name.as_str().into(),
                    e("ELEMENT"),
                    e("SPACE"),
                    V::Unset,
                ],
            );
            spaces.push(id);
            intent.rooms.push(long_name);
        }
        self.ifc.aggregates("Storey Container", storey, &spaces);

        // Straight pieces, curved walls, columns.
        let mut pieces: Vec<Piece> = Vec::new();
        for wall in floor.walls.iter() {
            let material = wall.material.clone().unwrap_or_else(|| "drywall".into());
            let lines: Vec<&Vec<Point>> = match &wall.shape {
                Shape::Line(points) => vec![points],
                Shape::MultiLine(lines) => lines.iter().collect(),
                Shape::Polygon(polygon) => {
                    contained.push(self.column(
                        wall.id.as_str(),
                        &material,
                        &polygon.exterior,
                        pl,
                        height,
                        &mut intent,
                    ));
                    continue;
                }
            };
            for line in lines {
                if line.len() == 2 {
                    pieces.push(Piece {
                        id: wall.id.to_string(),
                        a: line[0],
                        b: line[1],
                        material: material.clone(),
                        thickness: wall.thickness_m,
                    });
                } else if line.len() > 2 {
                    let id = self.curved(
                        wall.id.as_str(),
                        &material,
                        wall.thickness_m,
                        line,
                        pl,
                        height,
                    );
                    contained.push(id);
                }
            }
        }

        // Join the pieces across openings.
        let mut ends: BTreeMap<(i64, i64), Vec<usize>> = BTreeMap::new();
        for (i, p) in pieces.iter().enumerate() {
            ends.entry(pkey(p.a)).or_default().push(i);
            ends.entry(pkey(p.b)).or_default().push(i);
        }
        let mut parent: Vec<usize> = (0..pieces.len()).collect();
        let mut hosted: Vec<(usize, usize)> = Vec::new(); // (opening, piece)
        let mut alone = Vec::new();
        for (k, o) in floor.openings.iter().enumerate() {
            let (Some(&a), Some(&b)) = (o.points.first(), o.points.last()) else {
                continue;
            };
            let side = |p: Point| {
                ends.get(&pkey(p)).and_then(|ids| {
                    ids.iter()
                        .copied()
                        .find(|&i| on_line(a, b, pieces[i].a) && on_line(a, b, pieces[i].b))
                })
            };
            match (side(a), side(b)) {
                (Some(i), Some(j))
                    if pieces[i].material == pieces[j].material
                        && pieces[i].thickness == pieces[j].thickness =>
                {
                    let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                    parent[ri.max(rj)] = ri.min(rj);
                    hosted.push((k, i));
                }
                (Some(i), _) | (None, Some(i)) => hosted.push((k, i)),
                (None, None) => alone.push(k),
            }
        }
        // One joined wall per group, in the order of its first piece.
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..pieces.len() {
            let r = find(&mut parent, i);
            groups.entry(r).or_default().push(i);
        }
        let mut openings_of: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &(k, i) in &hosted {
            let r = find(&mut parent, i);
            openings_of.entry(r).or_default().push(k);
        }
        for (root, members) in &groups {
            let first = &pieces[members[0]];
            let len0 = first.a.distance(first.b);
            let d = [
                r6((first.b.x - first.a.x) / len0),
                r6((first.b.y - first.a.y) / len0),
            ];
            let along = |p: Point| (p.x - first.a.x) * d[0] + (p.y - first.a.y) * d[1];
            let mut pts: Vec<Point> = members
                .iter()
                .flat_map(|&i| [pieces[i].a, pieces[i].b])
                .collect();
            let ops: &[usize] = openings_of.get(root).map_or(&[], Vec::as_slice);
            for &k in ops {
                pts.extend(floor.openings[k].points.iter().copied());
            }
            let t0 = pts.iter().map(|&p| along(p)).fold(f64::INFINITY, f64::min);
            let t1 = pts
                .iter()
                .map(|&p| along(p))
                .fold(f64::NEG_INFINITY, f64::max);
            // The pieces and openings cover the wall without gaps or overlaps.
            let covered: f64 = members
                .iter()
                .map(|&i| pieces[i].a.distance(pieces[i].b))
                .chain(ops.iter().map(|&k| {
                    let p = &floor.openings[k].points;
                    p[0].distance(p[p.len() - 1])
                }))
                .sum();
            assert!(
                (covered - (t1 - t0)).abs() < 1e-6,
                "wall {} joined with gaps: {covered} m of {} m",
                first.id,
                t1 - t0
            );
            let start = [r6(first.a.x + d[0] * t0), r6(first.a.y + d[1] * t0)];
            let length = r6(t1 - t0);
            let tag = members
                .iter()
                .map(|&i| pieces[i].id.as_str())
                .collect::<Vec<_>>()
                .join("+");
            let t = first.thickness;
            let name = format!("{} {} mm", first.material, (t * 1000.0).round());
            let (wall, wall_pl) = self.ifc.straight_wall(&StraightWall {
                entity: "IFCWALLSTANDARDCASE",
                name: &name,
                object_type: Some(&name),
                tag: Some(&tag),
                rel: pl,
                start,
                dir: d,
                length,
                body: (0.0, length),
                thickness: t,
                height,
                axis: true,
                clip_top: None,
            });
            contained.push(wall);
            self.usages
                .entry((first.material.clone(), (t * 1e6).round() as i64))
                .or_default()
                .push(wall);
            intent.walls.push(IntendedWall {
                a: Point::new(start[0], start[1]),
                b: Point::new(r6(start[0] + d[0] * length), r6(start[1] + d[1] * length)),
                thickness_m: t,
                material: material_name(&first.material),
            });
            for &k in ops {
                let o = &floor.openings[k];
                let (a, b) = (o.points[0], o.points[o.points.len() - 1]);
                let (sa, sb) = (along(a) - t0, along(b) - t0);
                let s0 = r6(sa.min(sb));
                let width = r6(a.distance(b));
                let door = o.kind == OpeningKind::Door;
                let (opening, opening_pl) = self.ifc.opening(
                    wall,
                    wall_pl,
                    &OpeningCut {
                        name: o.id.as_str(),
                        s0,
                        sill: if door { 0.0 } else { WINDOW_SILL },
                        width,
                        height: if door { DOOR_H } else { WINDOW_H },
                        thickness: t,
                        across: door,
                    },
                );
                let filler = self.filler(o, Some((opening, opening_pl)), pl);
                contained.push(filler);
            }
        }
        for &k in &alone {
            let filler = self.filler(&floor.openings[k], None, pl);
            contained.push(filler);
        }
        for o in &floor.openings {
            let (a, b) = (o.points[0], o.points[o.points.len() - 1]);
            match o.kind {
                OpeningKind::Door => intent.doors.push([a, b]),
                OpeningKind::Window => intent.windows.push([a, b]),
            }
        }
        self.ifc.contains(storey, &contained);
        intent
    }

    /// A door or window: in its opening, or alone in the storey.
    fn filler(
        &mut self,
        o: &tailplan_core::Opening,
        opening: Option<(Id, Id)>,
        storey_pl: Id,
    ) -> Id {
        let door = o.kind == OpeningKind::Door;
        let (a, b) = (o.points[0], o.points[o.points.len() - 1]);
        let width = r6(a.distance(b));
        let f = Filler {
            door,
            name: o.id.as_str(),
            object_type: Some(if door { "Single door" } else { "Window" }),
            tag: Some(o.id.as_str()),
            width,
            height: if door { DOOR_H } else { WINDOW_H },
            depth: if door { 0.05 } else { 0.07 },
        };
        let id = match opening {
            Some((opening, opening_pl)) => self.ifc.filler(opening, opening_pl, &f),
            None => {
                // No wall to fill: placed in the storey at its first end, x along it.
                let d = [r6((b.x - a.x) / width), r6((b.y - a.y) / width)];
                let z = if door { 0.0 } else { WINDOW_SILL };
                let place = self
                    .ifc
                    .local(Some(storey_pl), [r6(a.x), r6(a.y), z], Some(d));
                let solid = self
                    .ifc
                    .block([width / 2.0, 0.0], width, f.depth, 0.0, f.height);
                let shape = self.ifc.body_shape(None, solid, "SweptSolid");
                let product = Product {
                    name: f.name,
                    object_type: f.object_type,
                    placement: place,
                    shape: Some(shape),
                    tag: f.tag,
                };
                let (h, w) = (V::Real(f.height), V::Real(width));
                if door {
                    self.ifc.element(
                        "IFCDOOR",
                        product,
                        vec![h, w, e("DOOR"), e("SINGLE_SWING_LEFT"), V::Unset],
                    )
                } else {
                    self.ifc.element(
                        "IFCWINDOW",
                        product,
                        vec![h, w, e("WINDOW"), e("SINGLE_PANEL"), V::Unset],
                    )
                }
            }
        };
        self.made_of(&o.material, id);
        id
    }

    /// A round column (a closed polygon), placed at its bounding box's centre.
    fn column(
        &mut self,
        id: &str,
        material: &str,
        ring: &[Point],
        pl: Id,
        height: f64,
        intent: &mut Intent,
    ) -> Id {
        let b = tailplan_core::BBox::from_points(ring.iter().copied()).expect("a ring");
        let c = [r6((b.min.x + b.max.x) / 2.0), r6((b.min.y + b.max.y) / 2.0)];
        let col_pl = self.ifc.local(Some(pl), [c[0], c[1], 0.0], None);
        let mut v: Vec<[f64; 2]> = ring
            .iter()
            .map(|p| [r6(p.x - c[0]), r6(p.y - c[1])])
            .collect();
        v.push(v[0]);
        let curve = self.ifc.polyline(&v);
        let profile = self.ifc.closed_profile(curve);
        let solid = self.ifc.extrude_up(profile, 0.0, height);
        let shape = self.ifc.body_shape(None, solid, "SweptSolid");
        let name = format!("Round column {} mm", (b.width() * 1000.0).round());
        let col = self.ifc.element(
            "IFCCOLUMN",
            Product {
                name: &name,
                object_type: Some(&name),
                placement: col_pl,
                shape: Some(shape),
                tag: Some(id),
            },
            vec![e("COLUMN")],
        );
        self.made_of(material, col);
        // Along its longer side (round: along x).
        let (w, h) = (b.width(), b.height());
        let (a, bb, t) = if w >= h {
            ([c[0] - w / 2.0, c[1]], [c[0] + w / 2.0, c[1]], h)
        } else {
            ([c[0], c[1] - h / 2.0], [c[0], c[1] + h / 2.0], w)
        };
        intent.walls.push(IntendedWall {
            a: Point::new(r6(a[0]), r6(a[1])),
            b: Point::new(r6(bb[0]), r6(bb[1])),
            thickness_m: r6(t),
            material: material_name(material),
        });
        col
    }

    /// A curved wall: a polyline axis, its body the polyline's outline offset by half the
    /// thickness on both sides.
    fn curved(
        &mut self,
        id: &str,
        material: &str,
        thickness: f64,
        line: &[Point],
        pl: Id,
        height: f64,
    ) -> Id {
        let o = line[0];
        let local: Vec<[f64; 2]> = line.iter().map(|p| [p.x - o.x, p.y - o.y]).collect();
        let wall_pl = self.ifc.local(Some(pl), [r6(o.x), r6(o.y), 0.0], None);
        let axis_pts: Vec<[f64; 2]> = local.iter().map(|p| [r6(p[0]), r6(p[1])]).collect();
        let axis_line = self.ifc.polyline(&axis_pts);
        let axis_ctx = self.ifc.axis_ctx;
        let axis = self.ifc.rep(axis_ctx, "Axis", "Curve2D", &[axis_line]);
        // Mitred offsets: at each vertex the bisector of its segments' normals, lengthened so
        // that both offset segments stay h from the axis.
        let h = thickness / 2.0;
        let normal = |p: [f64; 2], q: [f64; 2]| {
            let (dx, dy) = (q[0] - p[0], q[1] - p[1]);
            let l = (dx * dx + dy * dy).sqrt();
            [-dy / l, dx / l]
        };
        let n = local.len();
        let mut left = Vec::with_capacity(n);
        let mut right = Vec::with_capacity(n);
        for i in 0..n {
            let before = (i > 0).then(|| normal(local[i - 1], local[i]));
            let after = (i + 1 < n).then(|| normal(local[i], local[i + 1]));
            let m = match (before, after) {
                (Some(a), Some(b)) => {
                    let s = [a[0] + b[0], a[1] + b[1]];
                    let k = (s[0] * a[0] + s[1] * a[1]).max(1e-9);
                    [s[0] / k, s[1] / k]
                }
                (Some(a), None) | (None, Some(a)) => a,
                (None, None) => [0.0, 0.0],
            };
            left.push([r6(local[i][0] + m[0] * h), r6(local[i][1] + m[1] * h)]);
            right.push([r6(local[i][0] - m[0] * h), r6(local[i][1] - m[1] * h)]);
        }
        let mut outline = left.clone();
        outline.extend(right.iter().rev());
        outline.push(left[0]);
        let curve = self.ifc.polyline(&outline);
        let profile = self.ifc.closed_profile(curve);
        let solid = self.ifc.extrude_up(profile, 0.0, height);
        let shape = self.ifc.body_shape(Some(axis), solid, "SweptSolid");
        let name = format!("{material} {} mm (curved)", (thickness * 1000.0).round());
        let wall = self.ifc.element(
            "IFCWALL",
            Product {
                name: &name,
                object_type: Some(&name),
                placement: wall_pl,
                shape: Some(shape),
                tag: Some(id),
            },
            vec![e("STANDARD")],
        );
        self.usages
            .entry((material.to_owned(), (thickness * 1e6).round() as i64))
            .or_default()
            .push(wall);
        wall
    }

    /// The walls' layer set usages and the plain materials.
    fn relate_materials(&mut self) {
        let usages = std::mem::take(&mut self.usages);
        for ((material, t_um), walls) in usages {
            let t = t_um as f64 / 1e6;
            let set = self.ifc.layer_set(&material, &[(material.as_str(), t)]);
            let usage = self.ifc.layer_usage(set, "AXIS2", "POSITIVE", -t / 2.0);
            self.ifc.associates(&walls, usage);
        }
        for (name, ids) in std::mem::take(&mut self.materials) {
            let m = self.ifc.material(&name, None);
            self.ifc.associates(&ids, m);
        }
    }
}

/// The project's material names are the library's: kept as `&'static str` for the intent.
fn material_name(m: &str) -> &'static str {
    match m {
        "concrete" => "concrete",
        "drywall" => "drywall",
        "glass" => "glass",
        "low_e_glass" => "low_e_glass",
        "brick" => "brick",
        "wood" => "wood",
        "metal" => "metal",
        _ => "other",
    }
}
