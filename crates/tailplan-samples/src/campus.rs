//! "Campus": two buildings of the small floor's plan, stacked and placed on one site, for the
//! campus's tests and as a sample to look at.
//!
//! - Building A (30 × 15 m at the site's origin): floors A0, A1, A2 at 0, 3.5 and 7 m. A0's
//!   telecom room is the building distributor (BD), A1's a floor distributor (FD); A2 has no
//!   telecom room: its cables climb the riser (the floor whose FD is missing).
//! - Building B (the same plan 80 m east and 30 m north): floors B0 and B1. B0's telecom room is
//!   the campus distributor (CD), which also serves B as its building distributor; B1's an FD.
//! - Every floor has the riser R1 in its shaft: the risers of one name join the floors of their
//!   own building only.
//! - One duct from inside A by way of a manhole to inside B, for 24 cables.
//!
//! Written to `floorplans/campus.tailplan.json` by `gen-samples`, outside [`crate::SAMPLES`].

use serde_json::Value;
use tailplan_core::campus::{Building, DistributorRole, Duct};
use tailplan_core::{Floor, Point, Polygon, Project, ProjectMeta};

use crate::small::small_office_floor;

/// The sample campus's file name in `floorplans/`.
pub const CAMPUS_FILE: &str = "campus.tailplan.json";

/// A building of the sample: id, name, where its plan stands on the site (its south-west
/// corner, metres), and the role of each floor's telecom room (`None`: the floor has none).
type BuildingSpec = (
    &'static str,
    &'static str,
    (f64, f64),
    &'static [Option<DistributorRole>],
);

/// The sample's buildings.
const BUILDINGS: [BuildingSpec; 2] = [
    (
        "A",
        "Building A",
        (0.0, 0.0),
        &[Some(DistributorRole::Bd), Some(DistributorRole::Fd), None],
    ),
    (
        "B",
        "Building B",
        (80.0, 30.0),
        &[Some(DistributorRole::Cd), Some(DistributorRole::Fd)],
    ),
];

/// The sample campus; see the module documentation.
pub fn campus() -> Project {
    let mut project = Project::new();
    project.meta = ProjectMeta {
        name: "tailplan sample: Campus".into(),
        building: "Two buildings".into(),
        drawn_by: "tailplan sample generator".into(),
        revision: "A".into(),
    };
    for (id, name, (x, y), roles) in BUILDINGS {
        project.buildings.push(Building {
            id: id.into(),
            name: name.into(),
            footprint: Some(Polygon::rect(
                Point::new(x, y),
                Point::new(x + 30.0, y + 15.0),
            )),
            props: Default::default(),
        });
        for (level, role) in roles.iter().enumerate() {
            let floor_id = format!("{id}{level}");
            let name = format!("{name}, level {level}");
            let mut floor = small_office_floor(&floor_id, &name, 3_500 * level as i64);
            floor.building = Some(id.into());
            for room in &mut floor.rooms {
                room.name = room
                    .name
                    .replace("0.", &format!("{floor_id}."))
                    .replace("TR-0", &format!("TR-{floor_id}"));
            }
            match role {
                Some(role) => floor.telecom_rooms[0].role = *role,
                None => {
                    // No distributor on this floor: its room is a store, its hand route to
                    // the rack goes with the rack.
                    floor.telecom_rooms.clear();
                    floor.routes.clear();
                    for room in &mut floor.rooms {
                        if room.name == format!("TR-{floor_id}") {
                            room.name = format!("Store {floor_id}.S01");
                        }
                    }
                }
            }
            project.floors.push(shifted(floor, x, y));
        }
    }
    project.ducts.push(Duct {
        id: "duct-1".into(),
        name: "Duct A–B".into(),
        points: vec![
            Point::new(28.0, 10.0),
            Point::new(55.0, 25.0),
            Point::new(82.0, 37.5),
        ],
        capacity: Some(24),
        props: Default::default(),
    });
    project
}

/// A campus of `buildings` office buildings (the office sample's storeys, 120 × 60 m) of
/// `floors` floors each, on a grid 200 m apart, for the scale benchmark: a floor distributor on
/// every floor, the building distributor on each ground floor, the campus distributor in the
/// first building, a duct from every building to the first. At (10, 6): 60 floors, 24,870
/// wired endpoints and 69,360 walls; built in memory, never written.
pub fn campus_scale(buildings: usize, floors: usize) -> Project {
    let mut project = Project::new();
    project.meta = ProjectMeta {
        name: format!("tailplan scale campus: {buildings} × {floors} floors"),
        building: "Campus".into(),
        drawn_by: "tailplan sample generator".into(),
        revision: "A".into(),
    };
    let columns = (buildings as f64).sqrt().ceil().max(1.0) as usize;
    let origin = |b: usize| ((b % columns) as f64 * 200.0, (b / columns) as f64 * 200.0);
    for b in 0..buildings {
        let id = format!("C{b:02}");
        let (x, y) = origin(b);
        project.buildings.push(Building {
            id: id.clone(),
            name: format!("Building {b:02}"),
            footprint: Some(Polygon::rect(
                Point::new(x, y),
                Point::new(x + 120.0, y + 60.0),
            )),
            props: Default::default(),
        });
        for level in 0..floors {
            let mut floor = crate::office::office_floor_as(&format!("{id}-{level}"), level);
            floor.building = Some(id.clone());
            if level == 0 {
                for t in &mut floor.telecom_rooms {
                    t.role = DistributorRole::Bd;
                }
                if b == 0 {
                    floor.telecom_rooms[0].role = DistributorRole::Cd;
                }
            }
            project.floors.push(shifted(floor, x, y));
        }
        if b > 0 {
            // Along the streets: south of the building's row, west to the CD's column (round
            // the west side of the grid for the rows behind), and north into the CD's building.
            let (x0, y0) = origin(0);
            let mut points = vec![
                Point::new(x + 60.0, y + 5.0),
                Point::new(x + 60.0, y - 40.0),
            ];
            if y > y0 {
                points.push(Point::new(x0 - 40.0, y - 40.0));
                points.push(Point::new(x0 - 40.0, y0 - 40.0));
            }
            points.push(Point::new(x0 + 60.0, y0 - 40.0));
            points.push(Point::new(x0 + 60.0, y0 + 5.0));
            project.ducts.push(Duct {
                id: format!("duct-{id}"),
                name: format!("Duct {id}"),
                points,
                capacity: None,
                props: Default::default(),
            });
        }
    }
    project
}

/// The floor moved by (dx, dy) metres: every coordinate pair of its JSON (points, outlines,
/// walls, routes) shifted.
fn shifted(floor: Floor, dx: f64, dy: f64) -> Floor {
    fn walk(v: &mut Value, dx: f64, dy: f64) {
        match v {
            Value::Array(items) => {
                if let [Value::Number(x), Value::Number(y)] = items.as_slice()
                    && let (Some(x), Some(y)) = (x.as_f64(), y.as_f64())
                {
                    let round = |v: f64| (v * 1e6).round() / 1e6;
                    *v = serde_json::json!([round(x + dx), round(y + dy)]);
                    return;
                }
                for item in items {
                    walk(item, dx, dy);
                }
            }
            Value::Object(map) => {
                for item in map.values_mut() {
                    walk(item, dx, dy);
                }
            }
            _ => {}
        }
    }
    let mut v = serde_json::to_value(&floor).expect("a floor serialises");
    walk(&mut v, dx, dy);
    serde_json::from_value(v).expect("a shifted floor reads back")
}

#[cfg(test)]
mod tests {
    use super::*;
    use tailplan_core::validate::validate_project;

    #[test]
    fn the_campus_is_valid_and_as_described() {
        let p = campus();
        let errors: Vec<_> = validate_project(&p)
            .into_iter()
            .filter(|d| d.is_error())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        let ids: Vec<&str> = p.floors.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["A0", "A1", "A2", "B0", "B1"]);
        let roles: Vec<Vec<DistributorRole>> = p
            .floors
            .iter()
            .map(|f| f.telecom_rooms.iter().map(|t| t.role).collect())
            .collect();
        use DistributorRole::*;
        assert_eq!(roles, [vec![Bd], vec![Fd], vec![], vec![Cd], vec![Fd]]);
        // B's floors stand 80 m east and 30 m north of A's, inside B's footprint.
        let b0 = p.floor("B0").unwrap();
        let b = p.buildings[1].footprint.as_ref().unwrap();
        assert!(b0.telecom_rooms[0].position.x > 80.0);
        assert!(b0.outlets.iter().all(|o| b.contains(o.position)));
        // The duct's ends are inside the footprints.
        let d = &p.ducts[0];
        assert!(
            p.buildings[0]
                .footprint
                .as_ref()
                .unwrap()
                .contains(d.points[0])
        );
        assert!(b.contains(*d.points.last().unwrap()));
    }

    #[test]
    fn the_scale_campus_is_valid_and_its_buildings_alike() {
        let p = campus_scale(2, 2);
        let errors: Vec<_> = validate_project(&p)
            .into_iter()
            .filter(|d| d.is_error())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            (p.buildings.len(), p.floors.len(), p.ducts.len()),
            (2, 4, 1)
        );
        let walls = |b: &str| -> usize {
            p.floors
                .iter()
                .filter(|f| f.building.as_deref() == Some(b))
                .map(|f| f.walls.len())
                .sum()
        };
        assert_eq!(walls("C00"), walls("C01"));
        let cds = p
            .floors
            .iter()
            .flat_map(|f| &f.telecom_rooms)
            .filter(|t| t.role == DistributorRole::Cd)
            .count();
        assert_eq!(cds, 1);
    }

    #[test]
    fn the_campus_passes_the_realism_checks() {
        assert_eq!(
            crate::checks::risers_aligned(&campus()),
            Vec::<String>::new()
        );
    }

    #[test]
    fn the_scale_campus_ducts_keep_to_the_streets() {
        let p = campus_scale(5, 1);
        for d in &p.ducts {
            for w in d.points.windows(2) {
                for (k, b) in p.buildings.iter().enumerate() {
                    let f = b.footprint.as_ref().unwrap();
                    // Only its own building's and the CD's ends are inside a footprint.
                    let mid = w[0].lerp(w[1], 0.5);
                    assert!(
                        !f.contains(mid) || k == 0 || d.id.ends_with(&b.id),
                        "{} crosses {}",
                        d.id,
                        b.id
                    );
                }
            }
        }
    }

    #[test]
    fn the_campus_round_trips_through_the_project_file() {
        let p = campus();
        let text = tailplan_core::project_file::to_json(&p);
        let (again, _) = tailplan_core::project_file::from_json(&text).unwrap();
        assert_eq!(again, p);
    }
}
