//! The sample buildings: valid, realistic, as specified, deterministic, and the same as the
//! files committed in `floorplans/`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use tailplan_core::geometry::ring_segments;
use tailplan_core::validate::validate_project;
use tailplan_core::{
    ElementKind, Floor, IotTech, Medium, OpeningKind, Point, Project, Shape, project_file,
};
use tailplan_samples::{SAMPLES, checks, office_building, small_floor};

fn floorplans() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../floorplans")
}

/// The props `type` of an element.
fn type_of(props: &tailplan_core::Props) -> &str {
    props.get("type").and_then(|t| t.as_str()).unwrap_or("")
}

// ---------------------------------------------------------------------------------------
// Every sample.

#[test]
fn every_sample_validates_without_errors_or_warnings() {
    for sample in SAMPLES {
        let project = (sample.build)();
        let diagnostics = validate_project(&project);
        assert!(
            diagnostics.is_empty(),
            "{}: {diagnostics:#?}",
            sample.file_name
        );
    }
}

#[test]
fn every_sample_passes_the_realism_checks() {
    for sample in SAMPLES {
        let problems = checks::problems(&(sample.build)());
        assert!(problems.is_empty(), "{}: {problems:#?}", sample.file_name);
    }
}

#[test]
fn generation_is_deterministic() {
    for sample in SAMPLES {
        let (a, b) = ((sample.build)(), (sample.build)());
        assert_eq!(a, b, "{}", sample.file_name);
        assert_eq!(project_file::to_json(&a), project_file::to_json(&b));
    }
}

#[test]
fn committed_files_are_what_the_generator_writes() {
    // Every file: the projects, drawings, BIM models, the hospital's GeoJSON, the campus and
    // the survey.
    let files = tailplan_samples::generated_files();
    assert!(files.len() >= SAMPLES.len() + 4, "{}", files.len());
    // And nothing else: a file in floorplans/ that no code writes is one nobody can regenerate.
    for entry in std::fs::read_dir(floorplans()).unwrap() {
        let name = entry.unwrap().file_name();
        assert!(
            files.iter().any(|(f, _)| name == *f),
            "floorplans/{} is not written by gen-samples",
            name.display()
        );
    }
    for (file_name, expected) in files {
        let committed = std::fs::read(floorplans().join(file_name)).unwrap_or_default();
        assert!(
            committed == expected,
            "floorplans/{file_name} is missing or out of date: run \
             `cargo run -p tailplan-samples --bin gen-samples` and commit the result"
        );
    }
    // And the projects open again as the same projects, without warnings.
    for sample in SAMPLES {
        let committed = std::fs::read_to_string(floorplans().join(sample.file_name)).unwrap();
        let (reopened, warnings) = project_file::from_json(&committed).unwrap();
        assert_eq!(reopened, (sample.build)());
        assert!(warnings.is_empty(), "{warnings:?}");
    }
}

#[test]
fn ids_are_unique_and_readable() {
    for sample in SAMPLES {
        let project = (sample.build)();
        let mut ids = BTreeSet::new();
        for floor in &project.floors {
            for id in floor.ids() {
                assert!(ids.insert(id.to_owned()), "{id} twice");
                assert!(
                    id.contains(&format!("-{}", floor.id)),
                    "{id} does not say its floor"
                );
            }
        }
    }
}

/// Every room one enters (not corridors, passages and open areas) has a door on its outline.
#[test]
fn every_enclosed_room_has_a_door() {
    let open = ["corridor", "passage", "open_plan", "foyer"];
    for sample in SAMPLES {
        for floor in &(sample.build)().floors {
            let doors: Vec<Point> = floor
                .openings
                .iter()
                .filter(|o| o.kind == OpeningKind::Door)
                .map(|o| o.points[0].lerp(o.points[1], 0.5))
                .collect();
            for room in &floor.rooms {
                let use_ = room.props["use"].as_str().unwrap();
                if open.contains(&use_) {
                    continue;
                }
                let has_door = doors.iter().any(|d| {
                    ring_segments(&room.polygon.exterior).any(|e| e.distance_to(*d) < 1e-6)
                });
                assert!(has_door, "floor {}: {} has no door", floor.id, room.name);
            }
        }
    }
}

/// The rooms tile the floor: their areas add up to the outline's (120 x 60, 30 x 15).
#[test]
fn rooms_tile_the_floor() {
    for sample in SAMPLES {
        for floor in &(sample.build)().floors {
            let plan = floor.plan_bbox().unwrap();
            let rooms: f64 = floor.rooms.iter().map(|r| r.area_m2()).sum();
            let outline = plan.width() * plan.height();
            assert!(
                (rooms - outline).abs() < 0.01,
                "floor {}: rooms {rooms} m², outline {outline} m²",
                floor.id
            );
        }
    }
}

/// Each tray end of the office meets another tray, unless it ends at the rack or at a riser
/// (the small floor's corridor tray has free ends, as corridor trays do).
#[test]
fn office_tray_ends_meet_other_trays_or_the_rack_or_a_riser() {
    {
        for floor in &office().floors {
            let targets: Vec<Point> = floor
                .telecom_rooms
                .iter()
                .map(|t| t.position)
                .chain(floor.risers.iter().map(|r| r.position))
                .collect();
            for (i, tray) in floor.trays.iter().enumerate() {
                for end in [tray.points[0], tray.points[tray.points.len() - 1]] {
                    let on_tray = floor.trays.iter().enumerate().any(|(j, other)| {
                        j != i
                            && tailplan_core::geometry::polyline_segments(&other.points)
                                .any(|s| s.distance_to(end) <= 0.05)
                    });
                    let at_target = targets.iter().any(|t| t.distance(end) <= 0.05);
                    assert!(
                        on_tray || at_target,
                        "floor {}: {} ends alone at ({}, {})",
                        floor.id,
                        tray.name,
                        end.x,
                        end.y
                    );
                }
            }
        }
    }
}

#[test]
fn devices_say_what_they_are_and_how_they_connect() {
    for sample in SAMPLES {
        for floor in &(sample.build)().floors {
            for d in &floor.devices {
                let t = type_of(&d.props);
                assert!(!t.is_empty(), "{} has no type", d.name);
                match d.medium {
                    Medium::Wireless => assert!(d.tech.is_some() && d.poe_w.is_none()),
                    Medium::Cat6a => assert!(d.poe_w.is_some() && d.tech.is_none()),
                    Medium::Spe => {
                        assert_eq!((d.poe_w, d.height_m), (Some(1.5), 2.8), "{}", d.name)
                    }
                    Medium::Fiber => assert_eq!(floor.id, "0", "{}", d.name),
                }
                match t {
                    "camera" => assert_eq!((d.medium, d.poe_w), (Medium::Cat6a, Some(12.95))),
                    "access_control_panel" => {
                        assert_eq!((d.medium, d.poe_w), (Medium::Cat6a, Some(6.0)))
                    }
                    _ => {}
                }
            }
            for o in &floor.outlets {
                assert!((2..=4).contains(&o.ports), "{}", o.name);
                assert_eq!(o.height_m, 0.3);
                assert!(!type_of(&o.props).is_empty());
            }
            for g in &floor.gateways {
                assert_eq!(g.tx_dbm, g.tech.default_tx_dbm());
                assert_eq!(g.height_m, 2.8);
            }
            for ap in &floor.access_points {
                assert_eq!(ap.radios.len(), 1);
                assert_eq!(ap.radios[0].band, tailplan_core::WifiBand::Ghz5);
                assert_eq!(
                    (ap.radios[0].tx_dbm, ap.height_m, ap.poe_w),
                    (20.0, 2.8, Some(25.5))
                );
                assert!(ap.radios[0].channel.is_some(), "{}", ap.name);
            }
            for t in &floor.trays {
                // Spines gather half a floor's cables: they are wider and deeper.
                let size = if t.name.contains("spine") {
                    (600.0, 100.0)
                } else {
                    (300.0, 60.0)
                };
                assert_eq!(
                    (t.height_m, t.width_mm, t.depth_mm),
                    (Some(3.1), Some(size.0), Some(size.1)),
                    "{}",
                    t.name
                );
            }
        }
    }
}

#[test]
fn walls_and_openings_are_built_of_the_right_things() {
    for sample in SAMPLES {
        for floor in &(sample.build)().floors {
            for w in &floor.walls {
                let material = w.material.as_deref().unwrap();
                assert!(
                    ["concrete", "drywall", "glass"].contains(&material),
                    "{}: {material}",
                    w.id
                );
                if w.thickness_m == 0.3 && matches!(w.shape, Shape::Line(_)) {
                    assert_eq!(material, "concrete", "{}", w.id);
                }
            }
            for o in &floor.openings {
                assert_eq!(o.points.len(), 2);
                let width = o.points[0].distance(o.points[1]);
                match o.kind {
                    OpeningKind::Window => assert_eq!(o.material, "low_e_glass"),
                    OpeningKind::Door => {
                        assert!(["wood", "glass", "metal"].contains(&o.material.as_str()));
                        // Room doors are 0.9-1.0 m; the main entrance is a 2 m double door.
                        let entrance = o.material == "glass" && (width - 2.0).abs() < 1e-9;
                        assert!(
                            (0.9 - 1e-9..=1.0 + 1e-9).contains(&width) || entrance,
                            "{} is {width} m wide",
                            o.id
                        );
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// The office building.

fn office() -> Project {
    office_building()
}

#[test]
fn office_floors_meta_and_heights() {
    let p = office();
    assert_eq!(p.meta.name, "tailplan sample: Office building A");
    assert_eq!(p.meta.building, "Building A");
    assert_eq!(p.meta.drawn_by, "tailplan sample generator");
    assert_eq!(p.meta.revision, "A");
    let floors: Vec<(&str, &str, f64, f64)> = p
        .floors
        .iter()
        .map(|f| (f.id.as_str(), f.name.as_str(), f.elevation_m, f.ceiling_m))
        .collect();
    assert_eq!(
        floors,
        [
            ("0", "Ground floor", 0.0, 2.8),
            ("1", "Level 1", 3.6, 2.8),
            ("2", "Level 2", 7.2, 2.8),
            ("3", "Level 3", 10.8, 2.8),
        ]
    );
    for f in &p.floors {
        let plan = f.plan_bbox().unwrap();
        assert_eq!(
            (plan.min, plan.max),
            (Point::new(0.0, 0.0), Point::new(120.0, 60.0))
        );
    }
}

fn count(f: &Floor, kind: ElementKind) -> usize {
    f.counts().get(&kind).copied().unwrap_or(0)
}

#[test]
fn office_counts_are_in_range() {
    let p = office();
    let (ground, upper) = p.floors.split_first().unwrap();
    for f in &p.floors {
        let aps = count(f, ElementKind::Ap);
        let outlets = count(f, ElementKind::Outlet);
        let devices = count(f, ElementKind::Device);
        let segments = f.walls.segment_count();
        assert!(
            (60..=100).contains(&devices),
            "floor {}: {devices} devices",
            f.id
        );
        assert!(
            (120..=150).contains(&outlets),
            "floor {}: {outlets} outlets",
            f.id
        );
        assert!(
            (1_300..=2_500).contains(&segments),
            "floor {}: {segments}",
            f.id
        );
        assert!(count(f, ElementKind::Room) >= 140, "floor {}", f.id);
        assert!(count(f, ElementKind::Window) >= 200, "floor {}", f.id);
        assert!(count(f, ElementKind::Door) >= 130, "floor {}", f.id);
        assert!(count(f, ElementKind::Route) >= 1, "floor {}", f.id);
        if f.id != "0" {
            assert!((38..=42).contains(&aps), "floor {}: {aps} APs", f.id);
        }
    }
    let biggest = p
        .floors
        .iter()
        .map(|f| f.walls.segment_count())
        .max()
        .unwrap();
    assert!((1_500..=2_500).contains(&biggest), "{biggest} segments");
    let ground_aps = count(ground, ElementKind::Ap);
    assert!(upper.iter().all(|f| count(f, ElementKind::Ap) > ground_aps));
    assert!(
        upper
            .iter()
            .all(|f| { count(f, ElementKind::Outlet) >= count(ground, ElementKind::Outlet) })
    );
    let all = |kind| p.floors.iter().map(|f| count(f, kind)).sum::<usize>();
    assert!(all(ElementKind::Outlet) >= 400);
    assert!(all(ElementKind::Device) >= 300);
}

#[test]
fn office_devices_of_every_medium_and_gateways_of_every_tech() {
    let p = office();
    for f in &p.floors {
        let media: BTreeSet<Medium> = f.devices.iter().map(|d| d.medium).collect();
        let techs: BTreeSet<IotTech> = f.gateways.iter().map(|g| g.tech).collect();
        assert!(techs.contains(&IotTech::Ble) && techs.contains(&IotTech::Zigbee));
        for m in [Medium::Wireless, Medium::Cat6a, Medium::Spe] {
            assert!(media.contains(&m), "floor {}: no {m:?}", f.id);
        }
        // Every wireless device's technology has a gateway in the building.
        for d in &f.devices {
            if let Some(tech) = d.tech {
                assert!(
                    p.floors
                        .iter()
                        .any(|g| g.gateways.iter().any(|g| g.tech == tech)),
                    "{}",
                    d.name
                );
            }
        }
        let types: BTreeSet<&str> = f.devices.iter().map(|d| type_of(&d.props)).collect();
        for t in [
            "camera",
            "access_control_panel",
            "spe_climate_sensor",
            "co2_sensor",
        ] {
            assert!(types.contains(t), "floor {}: no {t}", f.id);
        }
    }
    let fibre = p.floors[0]
        .devices
        .iter()
        .filter(|d| d.medium == Medium::Fiber);
    assert!(fibre.count() >= 2);
    let top = p.floors.last().unwrap();
    assert!(top.gateways.iter().any(|g| g.tech == IotTech::Lorawan));
}

#[test]
fn office_telecom_rooms_risers_and_trays() {
    let p = office();
    for f in &p.floors {
        assert_eq!(f.telecom_rooms.len(), 1);
        let tr = &f.telecom_rooms[0];
        assert_eq!(tr.name, format!("TR-{}", f.id));
        assert_eq!((tr.ports, tr.poe_budget_w), (480, Some(3000.0)));
        let outline = tr.outline.as_ref().unwrap();
        assert!(outline.contains(tr.position));
        assert!(
            (10.0..=14.0).contains(&outline.area()),
            "{}",
            outline.area()
        );
        // Inside the central core.
        let core = f.rooms.iter().find(|r| r.name == "Core C").unwrap();
        let core_box = tailplan_core::BBox::from_points(core.polygon.points()).unwrap();
        assert!(tr.position.x > core_box.min.x && tr.position.x < core_box.max.x);
        let names: Vec<&str> = f.risers.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["R1", "R2"]);
        assert!(f.risers[0].position.distance(tr.position) < 3.0);
        assert!(f.trays.len() >= 8);
        for t in &f.trays {
            assert!(t.name.starts_with(&format!("T{}-", f.id)), "{}", t.name);
        }
        let ring: Vec<&str> = f
            .trays
            .iter()
            .filter(|t| t.name.contains("ring"))
            .map(|t| t.name.as_str())
            .collect();
        assert_eq!(ring.len(), 4, "{ring:?}");
    }
}

#[test]
fn office_access_points_are_spread_and_neighbours_differ() {
    let p = office();
    for f in &p.floors {
        assert!(checks::channels_differ(f, 15.0).is_empty());
        let channels: BTreeSet<u32> = f
            .access_points
            .iter()
            .filter_map(|a| a.radios[0].channel)
            .collect();
        assert!(channels.len() >= 15, "floor {}: {channels:?}", f.id);
        // Every AP has another within 20 m, and none is closer than 7 m to the next.
        for a in &f.access_points {
            let nearest = f
                .access_points
                .iter()
                .filter(|b| b.id != a.id)
                .map(|b| a.position.distance(b.position))
                .fold(f64::INFINITY, f64::min);
            assert!((7.0..=20.0).contains(&nearest), "{}: {nearest}", a.name);
        }
    }
}

#[test]
fn office_rooms_are_named_as_on_a_plan() {
    let p = office();
    let f = &p.floors[1];
    let names: BTreeSet<&str> = f.rooms.iter().map(|r| r.name.as_str()).collect();
    for n in [
        "1.001",
        "Meeting 1.M01",
        "Open plan 1.OP1",
        "Core W",
        "TR-1",
        "Corridor 1.C-S",
        "Rotunda 1.RW",
    ] {
        assert!(names.contains(n), "no room {n}");
    }
    let mut uses: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &f.rooms {
        *uses.entry(r.props["use"].as_str().unwrap()).or_default() += 1;
    }
    assert!(uses["office"] >= 60, "{uses:?}");
    assert!(uses["meeting"] >= 15, "{uses:?}");
    assert_eq!(uses["corridor"], 4);
    assert_eq!(uses["open_plan"], 3);
    let g: BTreeSet<&str> = p.floors[0].rooms.iter().map(|r| r.name.as_str()).collect();
    for n in [
        "Lobby 0.LOB",
        "Restaurant 0.R01",
        "Conference 0.CF1",
        "Security 0.SEC",
    ] {
        assert!(g.contains(n), "no room {n}");
    }
}

#[test]
fn office_has_a_coverage_benchmark_floor() {
    // 0.25 m cells over the plan of the biggest floor: about 115,000.
    let p = office();
    let plan = p.floors[1].plan_bbox().unwrap();
    let cells = (plan.width() / 0.25).ceil() * (plan.height() / 0.25).ceil();
    assert_eq!(cells, 115_200.0);
}

// ---------------------------------------------------------------------------------------
// The small floor.

#[test]
fn small_floor_is_as_specified() {
    let p = small_floor();
    assert_eq!(p.floors.len(), 1);
    let f = &p.floors[0];
    let plan = f.plan_bbox().unwrap();
    assert_eq!((plan.width(), plan.height()), (30.0, 15.0));
    let offices = f
        .rooms
        .iter()
        .filter(|r| r.props["use"] == "office")
        .count();
    assert_eq!(offices, 6);
    let glass = f
        .walls
        .iter()
        .filter(|w| w.material.as_deref() == Some("glass"))
        .count();
    assert!(glass > 0, "the meeting room has a glass front");
    let channels: Vec<Option<u32>> = f
        .access_points
        .iter()
        .map(|a| a.radios[0].channel)
        .collect();
    assert_eq!(channels, [Some(36), Some(44)]);
    assert_eq!(f.gateways.len(), 1);
    assert_eq!(f.gateways[0].tech, IotTech::Ble);
    assert_eq!(f.outlets.len(), 6);
    assert!((5..=8).contains(&f.devices.len()));
    let media: BTreeSet<Medium> = f.devices.iter().map(|d| d.medium).collect();
    assert_eq!(
        media,
        BTreeSet::from([Medium::Cat6a, Medium::Spe, Medium::Wireless])
    );
    let tr = &f.telecom_rooms[0];
    assert_eq!(
        (tr.name.as_str(), tr.ports, tr.poe_budget_w),
        ("TR-0", 48, Some(370.0))
    );
    assert!(tr.outline.is_some());
    assert_eq!(f.risers.len(), 1);
    assert_eq!(f.routes.len(), 1);
    // The camera's hand route, by id.
    assert_eq!(f.routes[0].to, tr.id);
    let camera = f.devices.iter().find(|d| d.id == f.routes[0].from).unwrap();
    assert_eq!(camera.name, "CAM-0-01");
    // Two trays meeting in a T: the branch starts on a vertex of the corridor tray.
    assert_eq!(f.trays.len(), 2);
    let branch_start = f.trays[1].points[0];
    assert!(f.trays[0].points[1..f.trays[0].points.len() - 1].contains(&branch_start));
}

// ---------------------------------------------------------------------------------------
// The checks bite on the real building, not only on toy floors.

#[test]
fn checks_catch_a_broken_office() {
    let mut p = office();
    let f = &mut p.floors[1];
    // A wall drawn twice.
    let mut twin = f.walls.as_slice()[0].clone();
    twin.id = "w-1-twin".into();
    f.walls.push(twin);
    // A window walled up.
    let window = f
        .openings
        .iter()
        .find(|o| o.kind == OpeningKind::Window)
        .unwrap()
        .clone();
    f.walls.push(tailplan_core::Wall {
        id: "w-1-bricked".into(),
        shape: Shape::Line(window.points.clone()),
        material: Some("concrete".into()),
        loss_db: None,
        thickness_m: 0.3,
        props: Default::default(),
    });
    // Both spine trays removed: the telecom room is cut off; a riser moved.
    f.trays
        .retain(|t| !t.name.contains("spine") && t.name != "T1-R1");
    f.risers[1].position.x += 1.0;
    // An access point outside, another on the same channel as its neighbour.
    f.access_points[0].position = Point::new(130.0, 8.4);
    f.access_points[2].radios[0].channel = f.access_points[1].radios[0].channel;
    f.access_points[2].position = Point::new(35.0, 8.4);
    let problems = checks::problems(&p).join("\n");
    for expected in [
        "walls w-1-0001 and w-1-twin lie over each other",
        "overlaps wall w-1-bricked",
        "from telecom room TR-1",
        "riser R2 is at (31, 25) on floor 0 but at (32, 25) on floor 1",
        "AP-1-01 at (130, 8.4) is in no room",
        "on channel",
    ] {
        assert!(
            problems.contains(expected),
            "{expected}\nnot in\n{problems}"
        );
    }
}
