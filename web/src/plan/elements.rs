//! Making and moving elements: new elements with the trade's defaults (the GeoJSON
//! contract's), fresh ids and names; elements translated by a vector.

use tailplan_core::{
    AccessPoint, CableRoute, DEFAULT_WALL_MATERIAL, Device, Element, Gateway, IotTech, Medium,
    Opening, OpeningKind, Outlet, Point, Polygon, Project, Props, Riser, Room, Shape, TelecomRoom,
    Tray, Wall, WifiBand,
};

use crate::state::tools::Tool;

/// A new element's id prefix and name lead: `ap` / `AP-`.
fn prefixes(tool: Tool) -> (&'static str, &'static str) {
    match tool {
        Tool::Wall => ("wall", ""),
        Tool::Door => ("door", ""),
        Tool::Window => ("window", ""),
        Tool::Room => ("room", "Room "),
        Tool::Tray => ("tray", "T-"),
        Tool::Riser => ("riser", "R-"),
        Tool::AccessPoint => ("ap", "AP-"),
        Tool::Gateway => ("gw", "GW-"),
        Tool::Device => ("dev", "DEV-"),
        Tool::Outlet => ("outlet", "O-"),
        Tool::TelecomRoom => ("tr", "TR-"),
        Tool::Route => ("route", ""),
        Tool::Select | Tool::Pan | Tool::Measure => ("element", ""),
    }
}

/// The next free name `{lead}{n}` in the project (`AP-35` after `AP-34` for the lead
/// `AP-`), counting every element name of that form on every floor.
pub fn next_name(project: &Project, lead: &str) -> String {
    let highest = project
        .floors
        .iter()
        .flat_map(names)
        .filter_map(|n| n.strip_prefix(lead)?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    format!("{lead}{}", highest + 1)
}

/// Every element name of a floor (without copying the elements).
fn names(f: &tailplan_core::Floor) -> impl Iterator<Item = &str> {
    f.rooms
        .iter()
        .map(|e| e.name.as_str())
        .chain(f.access_points.iter().map(|e| e.name.as_str()))
        .chain(f.gateways.iter().map(|e| e.name.as_str()))
        .chain(f.devices.iter().map(|e| e.name.as_str()))
        .chain(f.outlets.iter().map(|e| e.name.as_str()))
        .chain(f.telecom_rooms.iter().map(|e| e.name.as_str()))
        .chain(f.trays.iter().map(|e| e.name.as_str()))
        .chain(f.risers.iter().map(|e| e.name.as_str()))
}

/// A wall's thickness when drawn with `material`: typical for it.
pub fn wall_thickness_m(material: &str) -> f64 {
    tailplan_io::geojson::typical_thickness_m(Some(material))
}

/// What a new element is made of, besides its geometry.
#[derive(Debug, Clone, Default)]
pub struct NewElement {
    /// The material of a new wall (the library's name).
    pub wall_material: String,
    /// A route's endpoint and telecom room (their ids).
    pub route_ends: Option<(String, String)>,
}

/// A new element of the kind `tool` makes, at `points` (one point for equipment), with a
/// fresh id and name. `None` for tools that make nothing or too few points.
pub fn make(tool: Tool, points: &[Point], project: &Project, with: &NewElement) -> Option<Element> {
    if points.len() < tool.min_points().max(1) {
        return None;
    }
    let (id_prefix, name_prefix) = prefixes(tool);
    let id = project.id_allocator().next(id_prefix);
    let name = || next_name(project, name_prefix);
    let at = points[0];
    let props = Props::new;
    Some(match tool {
        Tool::Wall => {
            let material = if with.wall_material.is_empty() {
                DEFAULT_WALL_MATERIAL.to_owned()
            } else {
                with.wall_material.clone()
            };
            Element::Wall(Wall {
                id,
                shape: Shape::Line(points.to_vec()),
                thickness_m: wall_thickness_m(&material),
                material: Some(material),
                loss_db: None,
                props: props(),
            })
        }
        Tool::Door | Tool::Window => {
            let kind = if tool == Tool::Door {
                OpeningKind::Door
            } else {
                OpeningKind::Window
            };
            Element::Opening(Opening {
                id,
                kind,
                points: points[..2].to_vec(),
                material: kind.default_material().to_owned(),
                open: false,
                props: props(),
            })
        }
        Tool::Room => Element::Room(Room {
            id,
            name: name(),
            polygon: Polygon::new(points.to_vec()),
            category: None,
            people: None,
            props: props(),
        }),
        Tool::Tray => Element::Tray(Tray {
            id,
            name: name(),
            points: points.to_vec(),
            capacity: None,
            width_mm: Some(300.0),
            depth_mm: Some(60.0),
            height_m: None,
            props: props(),
        }),
        Tool::Riser => Element::Riser(Riser {
            id,
            name: name(),
            position: at,
            props: props(),
        }),
        Tool::AccessPoint => Element::AccessPoint(AccessPoint {
            id,
            name: name(),
            position: at,
            model: None,
            radios: vec![tailplan_core::Radio::new(WifiBand::Ghz5, 20.0)],
            height_m: 2.5,
            poe_w: None,
            eirp_offset_db: None,
            props: props(),
        }),
        Tool::Gateway => Element::Gateway(Gateway {
            id,
            name: name(),
            position: at,
            tech: IotTech::Ble,
            tx_dbm: IotTech::Ble.default_tx_dbm(),
            height_m: 2.5,
            props: props(),
        }),
        Tool::Device => Element::Device(Device {
            id,
            name: name(),
            position: at,
            medium: Medium::Cat6a,
            tech: None,
            class: None,
            poe_w: None,
            height_m: 0.3,
            props: props(),
        }),
        Tool::Outlet => Element::Outlet(Outlet {
            id,
            name: name(),
            position: at,
            ports: 2,
            height_m: 0.3,
            props: props(),
        }),
        Tool::TelecomRoom => Element::TelecomRoom(TelecomRoom {
            id,
            name: name(),
            position: at,
            outline: None,
            ports: 96,
            poe_budget_w: None,
            role: Default::default(),
            switch_model: None,
            switches: None,
            props: props(),
        }),
        Tool::Route => {
            let (from, to) = with.route_ends.clone()?;
            Element::Route(CableRoute {
                id,
                from,
                to,
                points: points.to_vec(),
                props: props(),
            })
        }
        Tool::Select | Tool::Pan | Tool::Measure => return None,
    })
}

/// `points` without consecutive repeats closer than `eps` metres (a double-click adds its
/// point twice).
pub fn dedup_points(points: &[Point], eps: f64) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for p in points {
        if out.last().is_none_or(|q| q.distance(*p) > eps) {
            out.push(*p);
        }
    }
    out
}

fn shift(p: &mut Point, dx: f64, dy: f64) {
    p.x += dx;
    p.y += dy;
}

fn shift_all<'a>(points: impl IntoIterator<Item = &'a mut Point>, dx: f64, dy: f64) {
    points.into_iter().for_each(|p| shift(p, dx, dy));
}

fn shift_polygon(poly: &mut Polygon, dx: f64, dy: f64) {
    shift_all(poly.exterior.iter_mut(), dx, dy);
    for h in &mut poly.holes {
        shift_all(h.iter_mut(), dx, dy);
    }
}

/// Adds (dx, dy) to every `[x, y, ...]` position of GeoJSON coordinates.
fn shift_json(v: &mut serde_json::Value, dx: f64, dy: f64) {
    let Some(arr) = v.as_array_mut() else { return };
    let is_position = arr.len() >= 2 && arr[0].is_number() && arr[1].is_number();
    if is_position {
        for (i, d) in [(0, dx), (1, dy)] {
            if let Some(x) = arr[i].as_f64() {
                arr[i] = serde_json::json!(x + d);
            }
        }
    } else {
        arr.iter_mut().for_each(|c| shift_json(c, dx, dy));
    }
}

/// The element moved by (dx, dy) metres.
pub fn translated(element: &Element, dx: f64, dy: f64) -> Element {
    let mut e = element.clone();
    match &mut e {
        Element::Wall(w) => match &mut w.shape {
            Shape::Line(pts) => shift_all(pts.iter_mut(), dx, dy),
            Shape::MultiLine(lines) => shift_all(lines.iter_mut().flatten(), dx, dy),
            Shape::Polygon(p) => shift_polygon(p, dx, dy),
        },
        Element::Opening(o) => shift_all(o.points.iter_mut(), dx, dy),
        Element::Room(r) => shift_polygon(&mut r.polygon, dx, dy),
        Element::AccessPoint(a) => shift(&mut a.position, dx, dy),
        Element::Gateway(g) => shift(&mut g.position, dx, dy),
        Element::Device(d) => shift(&mut d.position, dx, dy),
        Element::Outlet(o) => shift(&mut o.position, dx, dy),
        Element::TelecomRoom(t) => {
            shift(&mut t.position, dx, dy);
            if let Some(o) = &mut t.outline {
                shift_polygon(o, dx, dy);
            }
        }
        Element::Tray(t) => shift_all(t.points.iter_mut(), dx, dy),
        Element::Riser(r) => shift(&mut r.position, dx, dy),
        Element::Route(r) => shift_all(r.points.iter_mut(), dx, dy),
        Element::Other(o) => {
            if let Some(c) = o.geometry.get_mut("coordinates") {
                shift_json(c, dx, dy);
            }
            if let Some(gs) = o
                .geometry
                .get_mut("geometries")
                .and_then(|g| g.as_array_mut())
            {
                for g in gs {
                    if let Some(c) = g.get_mut("coordinates") {
                        shift_json(c, dx, dy);
                    }
                }
            }
        }
    }
    e
}

/// The point of `element` a drag holds on to: its position, or the vertex nearest to `p`.
pub fn anchor(element: &Element, p: Point) -> Point {
    element
        .points()
        .into_iter()
        .filter(|q| q.is_finite())
        .min_by(|a, b| a.distance(p).total_cmp(&b.distance(p)))
        .unwrap_or(p)
}

#[cfg(test)]
mod tests {
    use tailplan_core::{Floor, OtherFeature};

    use super::*;

    fn p(x: f64, y: f64) -> Point {
        Point::new(x, y)
    }

    fn project() -> Project {
        let mut pr = Project::new();
        let mut f = Floor::new("1", "L1", 0.0);
        f.insert(
            None,
            make(
                Tool::AccessPoint,
                &[p(1.0, 1.0)],
                &pr,
                &NewElement::default(),
            )
            .unwrap(),
        );
        pr.floors.push(f);
        pr
    }

    #[test]
    fn new_elements_get_fresh_ids_names_and_defaults() {
        let pr = project();
        let ap = &pr.floors[0].access_points[0];
        assert_eq!((ap.id.as_str(), ap.name.as_str()), ("ap-1", "AP-1"));
        assert_eq!(
            (ap.radios.as_slice(), ap.height_m),
            (&[tailplan_core::Radio::new(WifiBand::Ghz5, 20.0)][..], 2.5)
        );
        let Some(Element::AccessPoint(next)) = make(
            Tool::AccessPoint,
            &[p(2.0, 2.0)],
            &pr,
            &NewElement::default(),
        ) else {
            panic!("an AP")
        };
        assert_eq!((next.id.as_str(), next.name.as_str()), ("ap-2", "AP-2"));

        let with = NewElement {
            wall_material: "concrete".into(),
            route_ends: Some(("ap-1".into(), "tr-1".into())),
        };
        let Some(Element::Wall(w)) = make(Tool::Wall, &[p(0.0, 0.0), p(4.0, 0.0)], &pr, &with)
        else {
            panic!("a wall")
        };
        assert_eq!(
            (w.material.as_deref(), w.thickness_m),
            (Some("concrete"), 0.25)
        );
        let Some(Element::Route(r)) = make(Tool::Route, &[p(1.0, 1.0), p(5.0, 1.0)], &pr, &with)
        else {
            panic!("a route")
        };
        assert_eq!((r.from.as_str(), r.to.as_str()), ("ap-1", "tr-1"));
        let Some(Element::Room(room)) = make(
            Tool::Room,
            &[p(0.0, 0.0), p(1.0, 0.0), p(1.0, 1.0)],
            &pr,
            &with,
        ) else {
            panic!("a room")
        };
        assert_eq!(room.name, "Room 1");
        let Some(Element::Opening(door)) =
            make(Tool::Door, &[p(0.0, 0.0), p(1.0, 0.0)], &pr, &with)
        else {
            panic!("a door")
        };
        assert_eq!(
            (door.kind, door.material.as_str()),
            (OpeningKind::Door, "wood")
        );

        // Too few points, or a tool that makes nothing.
        assert!(make(Tool::Wall, &[p(0.0, 0.0)], &pr, &with).is_none());
        assert!(make(Tool::Room, &[p(0.0, 0.0), p(1.0, 0.0)], &pr, &with).is_none());
        assert!(make(Tool::Measure, &[p(0.0, 0.0)], &pr, &with).is_none());
        assert!(
            make(
                Tool::Route,
                &[p(0.0, 0.0), p(1.0, 0.0)],
                &pr,
                &NewElement::default()
            )
            .is_none()
        );
    }

    #[test]
    fn names_count_on_from_the_highest() {
        let mut pr = project();
        if let Some(Element::AccessPoint(mut a)) = pr.floors[0].element("ap-1") {
            a.name = "AP-41".into();
            pr.floors[0].replace(Element::AccessPoint(a));
        }
        assert_eq!(next_name(&pr, "AP-"), "AP-42");
        assert_eq!(next_name(&pr, "TR-"), "TR-1");
    }

    #[test]
    fn translation_moves_every_point() {
        let pr = project();
        let ap = pr.floors[0].element("ap-1").unwrap();
        assert_eq!(translated(&ap, 1.0, -2.0).points(), [p(2.0, -1.0)]);
        let tr = Element::TelecomRoom(TelecomRoom {
            id: "tr".into(),
            name: "TR".into(),
            position: p(1.0, 1.0),
            outline: Some(Polygon::rect(p(0.0, 0.0), p(2.0, 2.0))),
            ports: 1,
            poe_budget_w: None,
            role: Default::default(),
            switch_model: None,
            switches: None,
            props: Props::new(),
        });
        let moved = translated(&tr, 10.0, 0.0);
        assert!(
            moved
                .points()
                .iter()
                .zip(tr.points())
                .all(|(a, b)| a.x == b.x + 10.0 && a.y == b.y)
        );
        let other = Element::Other(OtherFeature {
            id: "o".into(),
            geometry: serde_json::json!({"type": "LineString", "coordinates": [[0, 0], [1, 2, 7]]}),
            properties: Props::new(),
            members: Props::new(),
        });
        assert_eq!(
            translated(&other, 1.0, 1.0).points(),
            [p(1.0, 1.0), p(2.0, 3.0)]
        );
        let wall = Element::Wall(Wall {
            id: "w".into(),
            shape: Shape::MultiLine(vec![vec![p(0.0, 0.0), p(1.0, 0.0)]]),
            material: None,
            loss_db: None,
            thickness_m: 0.1,
            props: Props::new(),
        });
        assert_eq!(
            translated(&wall, 0.0, 1.0).points(),
            [p(0.0, 1.0), p(1.0, 1.0)]
        );
    }

    #[test]
    fn anchors_and_dedup() {
        let pr = project();
        let ap = pr.floors[0].element("ap-1").unwrap();
        assert_eq!(anchor(&ap, p(9.0, 9.0)), p(1.0, 1.0));
        let pts = [p(0.0, 0.0), p(0.0, 0.0), p(1.0, 0.0), p(1.0, 0.0005)];
        assert_eq!(dedup_points(&pts, 0.001), [p(0.0, 0.0), p(1.0, 0.0)]);
    }
}
