//! "Hospital": one 515 x 351 m hospital floor, the large floor of the placement benchmark
//! (issue 15: "a 515 x 351 m hospital floor, 72 rooms").
//!
//! Metres, x east, y north, origin at the south-west corner, walls on their centrelines:
//! - a hospital street (y 168-183 m) from end to end, entrances at both ends;
//! - eight wings of 60 x 168 m, four to the south and four to the north of the street
//!   (x 15, 115, 340, 440 m), each with a 3 m corridor down its middle opening onto the
//!   street, four departments west of it and three east of it, 28.5 m deep, behind drywall
//!   with a door onto the corridor; imaging and nuclear medicine behind lead-lined walls
//!   (metal), operating theatres behind brick; a concrete facade with low-E windows;
//! - between the middle wings, north of the street, the main entrance hall (85 x 60 m, glazed
//!   towards the street) with reception, pharmacy and café behind it; south of the street an
//!   auditorium, a restaurant and a kitchen behind brick;
//! - courtyards between the blocks (outside: no rooms).
//!
//! 72 rooms: 56 departments, 8 wing corridors, the street, 4 + 3 in the hall blocks. No radio
//! equipment: the floor is what placement starts from.

use tailplan_core::{Project, ProjectMeta};

use crate::parts::FloorBuilder;
use crate::plan::{Mm, Plan, RoomSpec, Run, WallKind};

/// The floor's extent.
const LEN_X: Mm = 515_000;
const LEN_Y: Mm = 351_000;
/// The street's south and north walls.
const STREET_S: Mm = 168_000;
const STREET_N: Mm = 183_000;
/// The wings' west walls and width.
const WINGS_X: [Mm; 4] = [15_000, 115_000, 340_000, 440_000];
const WING_W: Mm = 60_000;
/// Half the width of a wing's corridor.
const HALF_CORRIDOR: Mm = 1_500;
/// The hall blocks' west and east walls.
const HALL_X: (Mm, Mm) = (215_000, 300_000);
/// The north hall block's back wall, the south block's far wall.
const NORTH_HALL_Y: Mm = 263_000;
const SOUTH_HALL_Y: Mm = 98_000;
/// Clear height to the ceiling.
const CEILING: Mm = 3_000;

/// The departments of a wing: four west of the corridor (from the street outwards), then
/// three east of it.
type Departments = [(&'static str, &'static str, WallKind); 7];

const SOUTH: [(&str, Departments); 4] = {
    use WallKind::{Masonry as M, Partition as P, Shielded as S};
    [
        (
            "S1",
            [
                ("Emergency department", "emergency", P),
                ("Resuscitation", "emergency", P),
                ("Minor injuries", "emergency", P),
                ("Observation ward", "ward", P),
                ("Radiology", "imaging", S),
                ("Plaster room", "treatment", P),
                ("Triage", "emergency", P),
            ],
        ),
        (
            "S2",
            [
                ("Operating theatres", "theatre", M),
                ("Recovery", "ward", P),
                ("Sterile services", "support", M),
                ("Day surgery", "ward", P),
                ("Intensive care", "ward", P),
                ("High dependency unit", "ward", P),
                ("Anaesthetics", "treatment", P),
            ],
        ),
        (
            "S3",
            [
                ("Laboratory", "laboratory", P),
                ("Blood bank", "laboratory", P),
                ("Pathology", "laboratory", P),
                ("Pharmacy store", "support", P),
                ("Outpatients A", "clinic", P),
                ("Outpatients B", "clinic", P),
                ("Physiotherapy", "treatment", P),
            ],
        ),
        (
            "S4",
            [
                ("Imaging", "imaging", S),
                ("Nuclear medicine", "imaging", S),
                ("Oncology day unit", "clinic", P),
                ("Dialysis", "treatment", P),
                ("Endoscopy", "treatment", P),
                ("Cardiology", "clinic", P),
                ("Pulmonology", "clinic", P),
            ],
        ),
    ]
};

const NORTH: [(&str, Departments); 4] = {
    use WallKind::Partition as P;
    [
        (
            "N1",
            [
                ("Ward 1A", "ward", P),
                ("Ward 1B", "ward", P),
                ("Ward 1C", "ward", P),
                ("Ward 1D", "ward", P),
                ("Ward 1E", "ward", P),
                ("Ward 1F", "ward", P),
                ("Ward 1G", "ward", P),
            ],
        ),
        (
            "N2",
            [
                ("Maternity", "ward", P),
                ("Delivery suite", "treatment", WallKind::Masonry),
                ("Neonatal unit", "ward", P),
                ("Paediatrics", "ward", P),
                ("Paediatric outpatients", "clinic", P),
                ("Children's ward", "ward", P),
                ("Family room", "lounge", P),
            ],
        ),
        (
            "N3",
            [
                ("Ward 3A", "ward", P),
                ("Ward 3B", "ward", P),
                ("Ward 3C", "ward", P),
                ("Geriatrics", "ward", P),
                ("Stroke unit", "ward", P),
                ("Neurology", "clinic", P),
                ("Rehabilitation", "treatment", P),
            ],
        ),
        (
            "N4",
            [
                ("Administration", "office", P),
                ("Medical records", "office", P),
                ("Staff offices", "office", P),
                ("Seminar rooms", "teaching", P),
                ("Library", "teaching", P),
                ("On-call rooms", "staff", P),
                ("IT and telecom", "telecom_room", WallKind::Masonry),
            ],
        ),
    ]
};

/// The sample hospital floor; see the module documentation.
pub fn hospital_floor() -> Project {
    let mut project = Project::new();
    project.meta = ProjectMeta {
        name: "tailplan sample: Hospital".into(),
        building: "Hospital".into(),
        drawn_by: "tailplan sample generator".into(),
        revision: "A".into(),
    };
    let mut b = FloorBuilder::new("0", "Level 0", 0, CEILING);
    let p = &mut b.plan;
    street(p);
    for (x0, (code, departments)) in WINGS_X.into_iter().zip(SOUTH) {
        wing(p, x0, true, code, &departments);
    }
    north_hall(p);
    for (x0, (code, departments)) in WINGS_X.into_iter().zip(NORTH) {
        wing(p, x0, false, code, &departments);
    }
    south_hall(p);
    project.floors.push(b.finish());
    project
}

/// Windows of 2 m every 10 m along `y` between `a` and `b`, clear of both ends.
fn windows_along_x(p: &mut Plan, y: Mm, a: Mm, b: Mm) {
    let mut w = a + 4_000;
    while w + 2_000 <= b - 4_000 {
        p.window(Run::h(y, w, w + 2_000));
        w += 10_000;
    }
}

/// The street: its facades between the blocks, its entrances, the street as a room.
fn street(p: &mut Plan) {
    use WallKind::*;
    let glass_door = |p: &mut Plan, x: Mm| p.door(Run::v(x, 174_000, 177_000), "glass");
    p.wall(Run::v(0, STREET_S, STREET_N), Exterior);
    p.wall(Run::v(LEN_X, STREET_S, STREET_N), Exterior);
    glass_door(p, 0);
    glass_door(p, LEN_X);
    // Outside stretches of both facades: concrete with windows.
    let mut edges = vec![0];
    for x in WINGS_X {
        edges.extend([x, x + WING_W]);
    }
    edges.extend([HALL_X.0, HALL_X.1, LEN_X]);
    edges.sort_unstable();
    for pair in edges.chunks(2) {
        for y in [STREET_S, STREET_N] {
            p.wall(Run::h(y, pair[0], pair[1]), Exterior);
            windows_along_x(p, y, pair[0], pair[1]);
        }
    }
    p.room(RoomSpec::rect(
        "Hospital street",
        0,
        STREET_S,
        LEN_X,
        STREET_N,
        "corridor",
    ));
}

/// A wing from `x0` eastwards, south of the street (`south`) or north of it.
fn wing(p: &mut Plan, x0: Mm, south: bool, code: &str, departments: &Departments) {
    use WallKind::*;
    let x1 = x0 + WING_W;
    let xc = x0 + WING_W / 2;
    let (cw, ce) = (xc - HALF_CORRIDOR, xc + HALF_CORRIDOR);
    let (near, far) = if south {
        (STREET_S, 0)
    } else {
        (STREET_N, LEN_Y)
    };
    let (ya, yb) = (near.min(far), near.max(far));
    let length = yb - ya;
    // Shell, street side, corridor.
    p.wall(Run::v(x0, ya, yb), Exterior);
    p.wall(Run::v(x1, ya, yb), Exterior);
    p.wall(Run::h(far, x0, x1), Exterior);
    p.wall(Run::h(near, x0, x1), Corridor);
    p.door(Run::h(near, cw, ce), "glass");
    p.door(Run::h(far, xc - 600, xc + 600), "metal");
    p.wall(Run::v(cw, ya, yb), Corridor);
    p.wall(Run::v(ce, ya, yb), Corridor);
    p.room(RoomSpec::rect(
        format!("Corridor {code}"),
        cw,
        ya,
        ce,
        yb,
        "corridor",
    ));
    // Departments, numbered from the street outwards: four west, three east.
    let sides = [
        (x0, cw, 4, departments[..4].iter()),
        (ce, x1, 3, departments[4..].iter()),
    ];
    for (side, (xa, xb, n, names)) in sides.into_iter().enumerate() {
        let step = length / n;
        for (k, &(name, use_, kind)) in names.enumerate() {
            let k = k as Mm;
            // From the street outwards.
            let (r0, r1) = if south {
                (near - (k + 1) * step, near - k * step)
            } else {
                (near + k * step, near + (k + 1) * step)
            };
            if k > 0 {
                let between = if south { r1 } else { r0 };
                p.wall(Run::h(between, xa, xb), Partition);
            }
            if kind != Partition {
                p.wall_rect(xa, r0, xb, r1, kind);
            }
            let mid = (r0 + r1) / 2;
            let door_x = if side == 0 { cw } else { ce };
            let door = if kind == Shielded { "metal" } else { "wood" };
            p.door(Run::v(door_x, mid - 600, mid + 600), door);
            let facade = if side == 0 { x0 } else { x1 };
            for off in [-12_000, 10_000] {
                p.window(Run::v(facade, mid + off, mid + off + 2_000));
            }
            if r0 == far || r1 == far {
                p.window(Run::h(far, xa + 8_000, xa + 10_000));
                p.window(Run::h(far, xb - 10_000, xb - 8_000));
            }
            p.room(RoomSpec::rect(name, xa, r0, xb, r1, use_));
        }
    }
}

/// The main entrance hall, glazed towards the street, and the rooms behind it.
fn north_hall(p: &mut Plan) {
    use WallKind::*;
    let (xa, xb) = HALL_X;
    let (y0, y1) = (STREET_N, NORTH_HALL_Y);
    let back = 243_000;
    p.wall(Run::v(xa, y0, y1), Exterior);
    p.wall(Run::v(xb, y0, y1), Exterior);
    p.wall(Run::h(y1, xa, xb), Exterior);
    p.wall(Run::h(y0, xa, xb), Glass);
    for x in [240_000, 272_000] {
        p.door(Run::h(y0, x, x + 3_000), "glass");
    }
    for x in [xa, xb] {
        p.door(Run::v(x, 200_000, 203_000), "glass");
        for y in [210_000, 225_000, 250_000] {
            p.window(Run::v(x, y, y + 2_000));
        }
    }
    p.wall(Run::h(back, xa, xb), Masonry);
    let splits = [xa, 243_000, 271_000, xb];
    for &x in &splits[1..3] {
        p.wall(Run::v(x, back, y1), Partition);
    }
    p.room(RoomSpec::rect(
        "Main entrance hall",
        xa,
        y0,
        xb,
        back,
        "hall",
    ));
    for (w, (name, use_)) in splits.windows(2).zip([
        ("Reception", "office"),
        ("Pharmacy", "pharmacy"),
        ("Café", "cafe"),
    ]) {
        let mid = (w[0] + w[1]) / 2;
        p.door(Run::h(back, mid - 600, mid + 600), "wood");
        p.window(Run::h(y1, mid - 1_000, mid + 1_000));
        p.room(RoomSpec::rect(name, w[0], back, w[1], y1, use_));
    }
}

/// The auditorium, the restaurant and its kitchen, south of the street.
fn south_hall(p: &mut Plan) {
    use WallKind::*;
    let (xa, xb) = HALL_X;
    let (y0, y1) = (SOUTH_HALL_Y, STREET_S);
    let split = 260_000;
    let kitchen = 120_000;
    p.wall(Run::v(xa, y0, y1), Exterior);
    p.wall(Run::v(xb, y0, y1), Exterior);
    p.wall(Run::h(y0, xa, xb), Exterior);
    p.wall(Run::h(y1, xa, split), Masonry);
    p.wall(Run::h(y1, split, xb), Glass);
    p.wall(Run::v(split, y0, y1), Masonry);
    p.wall(Run::h(kitchen, split, xb), Masonry);
    for x in [225_000, 248_000] {
        p.door(Run::h(y1, x, x + 2_000), "wood");
    }
    p.door(Run::h(y1, 278_000, 281_000), "glass");
    p.door(Run::h(kitchen, 270_000, 271_500), "wood");
    p.door(Run::h(y0, 280_000, 283_000), "metal");
    for y in [105_000, 130_000, 145_000, 158_000] {
        p.window(Run::v(xb, y, y + 2_000));
    }
    for y in [115_000, 145_000] {
        p.window(Run::v(xa, y, y + 2_000));
    }
    p.room(RoomSpec::rect(
        "Auditorium",
        xa,
        y0,
        split,
        y1,
        "auditorium",
    ));
    p.room(RoomSpec::rect(
        "Restaurant",
        split,
        kitchen,
        xb,
        y1,
        "restaurant",
    ));
    p.room(RoomSpec::rect("Kitchen", split, y0, xb, kitchen, "kitchen"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use tailplan_core::validate::validate_project;

    #[test]
    fn the_hospital_is_515_by_351_m_with_72_named_rooms() {
        let project = hospital_floor();
        assert_eq!(project.floors.len(), 1);
        let floor = &project.floors[0];
        let b = floor.plan_bbox().unwrap();
        assert_eq!((b.width(), b.height()), (515.0, 351.0));
        assert_eq!(floor.rooms.len(), 72);
        assert!(floor.rooms.iter().all(|r| !r.name.is_empty()));
        let mut names: Vec<&str> = floor.rooms.iter().map(|r| r.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 72, "room names are unique");
        for material in ["concrete", "drywall", "brick", "metal", "glass"] {
            assert!(
                floor
                    .walls
                    .iter()
                    .any(|w| w.material.as_deref() == Some(material)),
                "{material}"
            );
        }
        assert!(floor.openings.len() > 100);
        assert!(validate_project(&project).is_empty());
        assert!(crate::checks::problems(&project).is_empty());
        assert_eq!(hospital_floor(), project, "deterministic");
    }
}
