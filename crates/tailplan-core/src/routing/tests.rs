//! Routing on small buildings whose answers are worked out by hand, and properties on random
//! ones.

use proptest::prelude::*;

use super::*;
use crate::devices::{AccessPoint, Device, Outlet, WifiBand};
use crate::floor::Floor;
use crate::geometry::Point;
use crate::pathways::{CableRoute, Riser, TelecomRoom, Tray};
use crate::props::Props;

pub(crate) fn tray(id: &str, pts: &[(f64, f64)]) -> Tray {
    Tray {
        id: id.into(),
        name: id.to_uppercase(),
        points: pts.iter().map(|&(x, y)| Point::new(x, y)).collect(),
        capacity: None,
        width_mm: Some(300.0),
        depth_mm: Some(60.0),
        height_m: Some(3.0),
        props: Props::new(),
    }
}

pub(crate) fn room(id: &str, x: f64, y: f64, ports: u32) -> TelecomRoom {
    TelecomRoom {
        id: id.into(),
        name: id.to_uppercase(),
        position: Point::new(x, y),
        outline: None,
        ports,
        poe_budget_w: None,
        role: Default::default(),
        switch_model: None,
        switches: None,
        props: Props::new(),
    }
}

pub(crate) fn outlet(id: &str, x: f64, y: f64, ports: u32) -> Outlet {
    Outlet {
        id: id.into(),
        name: id.to_uppercase(),
        position: Point::new(x, y),
        ports,
        height_m: 0.3,
        props: Props::new(),
    }
}

pub(crate) fn ap(id: &str, x: f64, poe_w: f64) -> AccessPoint {
    AccessPoint {
        id: id.into(),
        name: id.to_uppercase(),
        position: Point::new(x, 1.0),
        model: None,
        radios: vec![crate::devices::Radio::new(WifiBand::Ghz5, 20.0)],
        height_m: 2.5,
        poe_w: Some(poe_w),
        eirp_offset_db: None,
        props: Props::new(),
    }
}

pub(crate) fn device(id: &str, x: f64, y: f64, medium: Medium, poe_w: Option<f64>) -> Device {
    Device {
        id: id.into(),
        name: id.to_uppercase(),
        position: Point::new(x, y),
        medium,
        tech: None,
        class: None,
        poe_w,
        height_m: 1.0,
        props: Props::new(),
    }
}

/// A 100 m corridor tray at 3 m, its telecom room 2 m off its west end.
pub(crate) fn corridor() -> Floor {
    let mut f = Floor::new("1", "Level 1", 0.0);
    f.trays.push(tray("t", &[(0.0, 0.0), (100.0, 0.0)]));
    f.telecom_rooms.push(room("tr-a", 0.0, -2.0, 48));
    f
}

pub(crate) fn project(floors: Vec<Floor>) -> Project {
    Project {
        floors,
        ..Project::default()
    }
}

fn cable<'a>(r: &'a Routing, label: &str) -> &'a Cable {
    r.cables
        .iter()
        .find(|c| c.endpoint.label() == label)
        .unwrap_or_else(|| panic!("no cable for {label}"))
}

fn rules(r: &Routing, rule: Rule) -> Vec<&Finding> {
    r.findings.iter().filter(|f| f.rule == rule).collect()
}

#[test]
fn a_cable_in_parts() {
    let mut f = corridor();
    f.outlets.push(outlet("o-1", 30.0, 4.0, 1));
    let r = route(&project(vec![f]));
    let c = cable(&r, "O-1/1");
    // 4 m across and 2.7 m up to the tray, 30 m along it, 2 m from its end to the rack.
    assert_eq!(c.lengths, CableLengths::new(8.7, 30.0, 0.0, 3.3));
    assert_eq!(c.lengths.total_m, 42.0);
    assert_eq!((c.id.as_str(), c.room.as_str()), ("1A-A01", "TR-A"));
    assert_eq!(c.trays, ["t"]);
    assert_eq!(
        c.path[0].points,
        [
            Point::new(30.0, 4.0),
            Point::new(30.0, 0.0),
            Point::new(0.0, 0.0),
            Point::new(0.0, -2.0)
        ]
    );
    assert!(r.findings.is_empty(), "{:?}", r.findings);
}

#[test]
fn a_device_beyond_90_m_is_unserved_unless_on_spe() {
    let mut f = corridor();
    f.devices
        .push(device("cam", 95.0, 1.0, Medium::Cat6a, Some(12.95)));
    f.devices.push(device("spe", 95.0, 1.0, Medium::Spe, None));
    let r = route(&project(vec![f]));
    // 1 + 2 + 95 + 2 + 3.3 = 103.3 m.
    assert_eq!(r.unserved.len(), 1);
    assert_eq!(
        r.unserved[0].reason,
        UnservedReason::OverLength {
            room: "TR-A".into(),
            length_m: 103.3,
            limit_m: 90.0
        }
    );
    let f = rules(&r, Rule::Unserved);
    assert_eq!((f[0].measured, f[0].limit), (Some(103.3), Some(90.0)));
    assert_eq!(f[0].subject, "cam");
    assert_eq!(cable(&r, "SPE").lengths.total_m, 103.3);
}

#[test]
fn a_full_room_sends_the_cheapest_move_to_the_second_nearest() {
    let mut f = corridor();
    f.telecom_rooms[0].ports = 2;
    f.telecom_rooms.push(room("tr-b", 100.0, -2.0, 10));
    // Drawn far one first: nearest-first fills room A with it and the one at 10 m.
    for (id, x) in [("o-40", 40.0), ("o-10", 10.0), ("o-20", 20.0)] {
        f.outlets.push(outlet(id, x, 4.0, 1));
    }
    let p = project(vec![f]);
    let r = route(&p);
    assert_eq!(cable(&r, "O-40/1").room, "TR-B");
    assert_eq!(cable(&r, "O-10/1").room, "TR-A");
    assert_eq!(cable(&r, "O-20/1").room, "TR-A");
    assert_eq!(cable(&r, "O-40/1").id, "1B-A01");
    let problem = assignment_problem(&p);
    let best = assignment::optimal(&problem.matrix, &problem.capacity).cost(&problem.matrix);
    let greedy =
        assignment::nearest_first(&problem.matrix, &problem.capacity).cost(&problem.matrix);
    // Nearest-first fills A with O-40 and O-10, and O-20 is 92 m from B: unserved. The
    // optimum sends O-40 (72 m) to B and serves all three.
    assert_eq!((greedy.unserved, best.unserved), (1, 0));
    assert_eq!(best.mm, 126_000);
    assert_eq!(best.mm, (r.total_m() * 1000.0).round() as i64);
}

#[test]
fn infeasible_endpoints_say_why() {
    // Room A has one port for two outlets; floor 2 has no tray; floor 3's tray joins nothing.
    let mut f1 = corridor();
    f1.telecom_rooms[0].ports = 1;
    f1.outlets.push(outlet("o-a", 10.0, 4.0, 1));
    f1.outlets.push(outlet("o-b", 20.0, 4.0, 1));
    let mut f2 = Floor::new("2", "Level 2", 3.6);
    f2.outlets.push(outlet("o-c", 10.0, 4.0, 1));
    let mut f3 = Floor::new("3", "Level 3", 7.2);
    f3.trays.push(tray("t3", &[(0.0, 0.0), (10.0, 0.0)]));
    f3.outlets.push(outlet("o-d", 10.0, 4.0, 1));
    let r = route(&project(vec![f1, f2, f3]));
    let why: Vec<(String, UnservedReason)> = r
        .unserved
        .iter()
        .map(|u| (u.endpoint.label(), u.reason.clone()))
        .collect();
    assert_eq!(
        why,
        [
            (
                "O-B/1".into(),
                UnservedReason::NoPorts {
                    rooms: vec!["TR-A".into()]
                }
            ),
            ("O-C/1".into(), UnservedReason::NoTray),
            ("O-D/1".into(), UnservedReason::NoPath),
        ]
    );
    assert_eq!(rules(&r, Rule::Unserved).len(), 3);
    assert!(rules(&r, Rule::Unserved).iter().all(|f| f.is_error()));
    let none = route(&project(vec![Floor {
        outlets: vec![outlet("o", 1.0, 1.0, 1)],
        ..Floor::new("0", "L0", 0.0)
    }]));
    assert_eq!(none.unserved[0].reason, UnservedReason::NoTelecomRoom);
}

#[test]
fn a_riser_between_floors() {
    let mut f0 = corridor();
    f0.risers.push(Riser {
        id: "r0".into(),
        name: "R1".into(),
        position: Point::new(50.0, 0.0),
        props: Props::new(),
    });
    let mut f1 = Floor::new("2", "Level 2", 3.6);
    f1.trays.push(tray("t2", &[(50.0, 0.0), (50.0, 20.0)]));
    f1.risers.push(Riser {
        id: "r1".into(),
        name: "R1".into(),
        position: Point::new(50.0, 0.0),
        props: Props::new(),
    });
    f1.outlets.push(outlet("o-up", 51.0, 20.0, 1));
    let p = project(vec![f0, f1]);
    let r = route(&p);
    let c = cable(&r, "O-UP/1");
    // 1 + 2.7 + 2 m of drops, 20 + 50 m of tray, 3.6 m of riser, 3.3 m of slack.
    assert_eq!(c.lengths, CableLengths::new(5.7, 70.0, 3.6, 3.3));
    assert_eq!((c.floor.as_str(), c.room_floor.as_str()), ("2", "1"));
    assert_eq!(c.path.len(), 2);
    let routed = routed_project(&p, &r);
    let parts: Vec<&CableRoute> = routed.floors.iter().flat_map(|f| &f.routes).collect();
    assert_eq!(parts.len(), 2);
    let mut part_names: Vec<&str> = parts
        .iter()
        .map(|p| p.props["part"].as_str().unwrap())
        .collect();
    part_names.sort();
    assert_eq!(part_names, ["1/2", "2/2"]);
    // Parts refer to the outlet's port and the room by id.
    assert_eq!(parts[1].from, "o-up/1");
    assert_eq!(parts[1].to, c.room_id);
    assert!(crate::validate::validate_project(&routed).is_empty());
    // Routing the routed project again gives the same cables.
    assert_eq!(route(&routed).cables, r.cables);
}

fn hand_route(id: &str, from: &str, to: &str, pts: &[(f64, f64)]) -> CableRoute {
    CableRoute {
        id: id.into(),
        from: from.into(),
        to: to.into(),
        points: pts.iter().map(|&(x, y)| Point::new(x, y)).collect(),
        props: Props::new(),
    }
}

#[test]
fn hand_routes_override_and_are_measured() {
    let mut f = corridor();
    f.outlets.push(outlet("o-1", 30.0, 4.0, 2));
    f.devices
        .push(device("d-w", 5.0, 5.0, Medium::Wireless, None));
    // Port 2 by hand, drawn from the room: a detour east along the tray and back.
    f.routes.push(hand_route(
        "h-1",
        "O-1/2",
        "TR-A",
        &[
            (0.0, -2.0),
            (0.0, 0.0),
            (50.0, 0.0),
            (50.0, 4.0),
            (30.0, 4.0),
        ],
    ));
    f.routes.push(hand_route(
        "h-2",
        "O-1/2",
        "TR-A",
        &[(0.0, 0.0), (1.0, 0.0)],
    ));
    f.routes
        .push(hand_route("h-3", "NOPE", "TR-A", &[(0.0, 0.0), (1.0, 0.0)]));
    f.routes
        .push(hand_route("h-4", "O-1", "TR-Z", &[(0.0, 0.0), (1.0, 0.0)]));
    f.routes
        .push(hand_route("h-5", "D-W", "TR-A", &[(0.0, 0.0), (1.0, 0.0)]));
    let r = route(&project(vec![f]));
    let auto = cable(&r, "O-1/1");
    assert_eq!(auto.source, RouteSource::Auto);
    assert_eq!(auto.lengths.total_m, 42.0);
    let hand = cable(&r, "O-1/2");
    assert_eq!(
        hand.source,
        RouteSource::Hand {
            route_id: "h-1".into()
        }
    );
    // Drawn 76 m, of which 50 along the tray; 2.7 m up to the tray; 3.3 m of slack.
    assert_eq!(hand.lengths, CableLengths::new(28.7, 50.0, 0.0, 3.3));
    assert_eq!(hand.lengths.total_m, 82.0);
    assert_eq!(hand.path[0].points[0], Point::new(30.0, 4.0));
    let text: Vec<String> = rules(&r, Rule::HandRoute)
        .iter()
        .map(|f| f.to_string())
        .collect();
    assert_eq!(text.len(), 4, "{text:?}");
    let has = |a: &str, b: &str| text.iter().any(|t| t.contains(a) && t.contains(b));
    assert!(has("route \"h-2\"", "already routed by an earlier route"));
    assert!(has(
        "route \"h-3\"",
        "\"NOPE\" is the id or name of no outlet"
    ));
    assert!(has(
        "route \"h-4\"",
        "\"TR-Z\" is the id or name of no telecom room"
    ));
    assert!(has("route \"h-5\"", "is a wireless device"));
    // Both cables end in the room, hand ones counted.
    assert_eq!((r.rooms[0].used, r.rooms[0].hand), (2, 1));
}

#[test]
fn a_hand_route_naming_an_outlet_takes_every_port() {
    let mut f = corridor();
    f.outlets.push(outlet("o-1", 30.0, 4.0, 2));
    f.routes.push(hand_route(
        "h",
        "O-1",
        "TR-A",
        &[(30.0, 4.0), (30.0, 0.0), (0.0, 0.0), (0.0, -2.0)],
    ));
    let r = route(&project(vec![f]));
    assert_eq!(r.cables.len(), 2);
    for c in &r.cables {
        assert!(matches!(c.source, RouteSource::Hand { .. }));
        assert_eq!(c.lengths, CableLengths::new(8.7, 30.0, 0.0, 3.3));
    }
}

#[test]
fn tray_fill_over_40_percent_and_capacity() {
    let mut f = corridor();
    // 50 × 20 mm: 400 mm² at 40 %; ten Cat6A cables are 441.8 mm².
    f.trays[0].width_mm = Some(50.0);
    f.trays[0].depth_mm = Some(20.0);
    f.trays[0].capacity = Some(9);
    for i in 0..10 {
        f.access_points
            .push(ap(&format!("ap-{i}"), 20.0 + f64::from(i), 1.0));
    }
    let r = route(&project(vec![f.clone()]));
    let fill = rules(&r, Rule::TrayFill);
    assert_eq!(fill.len(), 1, "{fill:?}");
    assert_eq!(fill[0].subject, "t");
    assert!((fill[0].measured.unwrap() - 0.4418).abs() < 1e-4);
    assert_eq!(fill[0].limit, Some(0.4));
    assert!(fill[0].message.contains("10 cables fill 44 %"));
    let cap = rules(&r, Rule::TrayCapacity);
    assert_eq!((cap[0].measured, cap[0].limit), (Some(10.0), Some(9.0)));
    // Endpoints do not split trays: one section.
    assert_eq!(r.tray_fill.len(), 1);
    // Nine fit.
    f.access_points.pop();
    let r = route(&project(vec![f]));
    assert!(rules(&r, Rule::TrayFill).is_empty() && rules(&r, Rule::TrayCapacity).is_empty());
}

#[test]
fn poe_budget_and_class() {
    let mut f = corridor();
    f.telecom_rooms[0].poe_budget_w = Some(50.0);
    for i in 0..3 {
        f.access_points.push(ap(&format!("ap-{i}"), 10.0, 25.5));
    }
    f.devices
        .push(device("big", 10.0, 1.0, Medium::Cat6a, Some(80.0)));
    f.devices
        .push(device("bt", 10.0, 1.0, Medium::Cat6a, Some(60.0)));
    f.devices
        .push(device("fib", 10.0, 1.0, Medium::Fiber, Some(10.0)));
    let r = route(&project(vec![f.clone()]));
    let budget = rules(&r, Rule::PoeBudget);
    // 3 × 25.5 + 80 + 60 W drawn; fibre carries none.
    assert_eq!(
        (budget[0].measured, budget[0].limit),
        (Some(216.5), Some(50.0))
    );
    assert!(budget[0].is_error());
    let class = rules(&r, Rule::PoeClass);
    assert_eq!(class.len(), 1);
    assert_eq!(class[0].subject, "big");
    assert_eq!(cable(&r, "BIG").status, CableStatus::Fail);
    assert_eq!(cable(&r, "BT").poe, Some(PoeType::BtType4));
    assert_eq!(cable(&r, "AP-0").poe, Some(PoeType::At));
    assert_eq!(rules(&r, Rule::PoeMedium)[0].subject, "fib");
    assert_eq!(cable(&r, "FIB").status, CableStatus::Warning);
    // Drawn power within the budget, full class power over it: a warning.
    f.devices.truncate(0);
    f.telecom_rooms[0].poe_budget_w = Some(80.0);
    let r = route(&project(vec![f]));
    let budget = rules(&r, Rule::PoeBudget);
    assert_eq!(budget[0].severity, Severity::Warning);
    assert_eq!(budget[0].measured, Some(90.0));
    assert_eq!(r.rooms[0].poe_w, 76.5);
}

#[test]
fn hand_routes_can_overfill_a_room() {
    let mut f = corridor();
    f.telecom_rooms[0].ports = 1;
    f.outlets.push(outlet("o-1", 30.0, 4.0, 2));
    f.routes.push(hand_route(
        "h",
        "O-1",
        "TR-A",
        &[(30.0, 4.0), (30.0, 0.0), (0.0, 0.0)],
    ));
    let r = route(&project(vec![f]));
    let ports = rules(&r, Rule::Ports);
    assert_eq!((ports[0].measured, ports[0].limit), (Some(2.0), Some(1.0)));
    assert_eq!(r.rooms[0].free, -1);
}

#[test]
fn schedule_and_bom_agree() {
    let mut f = corridor();
    for i in 0..40 {
        f.outlets
            .push(outlet(&format!("o-{i}"), 2.0 * f64::from(i), 3.0, 2));
    }
    f.devices.push(device("s", 80.0, 2.0, Medium::Spe, None));
    let p = project(vec![f]);
    let r = route(&p);
    let bom = bill_of_materials(&p, &r.cables, &r.rooms);
    let schedule = r.schedule();
    assert_eq!(schedule.rows.len(), 48);
    assert_eq!(r.unserved.len(), 33);
    for q in &bom.cables {
        assert!((q.length_m - schedule.total_m(q.medium)).abs() < 1e-6);
        assert_eq!(q.reels, (q.length_m / 305.0).ceil() as u32);
    }
    let panels = bom.lines.iter().find(|l| l.item == "patch-panel").unwrap();
    assert_eq!(panels.quantity, 2.0);
    assert_eq!(schedule.rows[24].cable_id, "1A-B01");
}

/// A random floor: a corridor tray with branches, 1 to 3 telecom rooms, outlets anywhere.
fn random_floor() -> impl Strategy<Value = Floor> {
    (
        proptest::collection::vec(5.0..95.0f64, 0..4),
        proptest::collection::vec((0.0..100.0f64, -15.0..15.0f64, 1u32..40), 1..4),
        proptest::collection::vec((0.0..100.0f64, -20.0..20.0f64, 1u32..5), 1..25),
    )
        .prop_map(|(branches, rooms, outlets)| {
            let mut f = Floor::new("0", "L0", 0.0);
            f.trays.push(tray("main", &[(0.0, 0.0), (100.0, 0.0)]));
            for (i, x) in branches.into_iter().enumerate() {
                f.trays
                    .push(tray(&format!("b{i}"), &[(x, -15.0), (x, 15.0)]));
            }
            for (i, (x, y, ports)) in rooms.into_iter().enumerate() {
                f.telecom_rooms.push(room(&format!("tr{i}"), x, y, ports));
            }
            for (i, (x, y, ports)) in outlets.into_iter().enumerate() {
                f.outlets.push(outlet(&format!("o{i}"), x, y, ports));
            }
            f
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn cables_are_never_shorter_than_the_straight_line(f in random_floor()) {
        let p = project(vec![f]);
        let r = route(&p);
        let slack = 3.3;
        for c in &r.cables {
            let room = p.floors[0].telecom_rooms.iter().find(|t| t.id == c.room_id).unwrap();
            let straight = c.endpoint.position.distance(room.position);
            // Parts are rounded to the centimetre.
            prop_assert!(c.lengths.total_m >= straight + slack - 0.03,
                "{} is {} m, straight {straight}", c.id, c.lengths.total_m);
            prop_assert!(c.lengths.total_m <= 90.0 + 1e-9);
        }
        for l in &r.rooms {
            prop_assert!(l.used <= u64::from(l.ports));
        }
        prop_assert_eq!(r.cables.len() + r.unserved.len(), r.endpoints);
        let problem = assignment_problem(&p);
        let best = assignment::optimal(&problem.matrix, &problem.capacity).cost(&problem.matrix);
        let greedy =
            assignment::nearest_first(&problem.matrix, &problem.capacity).cost(&problem.matrix);
        prop_assert!(best <= greedy);
        prop_assert_eq!(best.unserved as usize, r.unserved.len());
    }
}

#[test]
fn odd_input_is_reported_never_a_panic() {
    let mut f = corridor();
    f.trays.push(tray("dot", &[(5.0, 5.0)]));
    f.trays
        .push(tray("zero", &[(5.0, 5.0), (5.0, 5.0), (5.0, 5.0)]));
    f.trays.push(tray("nan", &[(f64::NAN, 0.0), (1.0, 1.0)]));
    f.telecom_rooms.push(room("tr-nan", f64::NAN, 0.0, 10));
    f.outlets.push(outlet("o-0", 10.0, 3.0, 0));
    f.outlets.push(outlet("o-nan", f64::INFINITY, 3.0, 1));
    f.ceiling_m = f64::NAN;
    for (id, x) in [("r-1", 1.0), ("r-2", 2.0)] {
        f.risers.push(Riser {
            id: id.into(),
            name: "R".into(),
            position: Point::new(x, 0.0),
            props: Props::new(),
        });
    }
    f.routes.push(hand_route("h", "", "", &[(0.0, 0.0)]));
    let mut f2 = Floor::new("2", "L2", f64::NAN);
    f2.risers.push(Riser {
        id: "r-3".into(),
        name: "R".into(),
        position: Point::new(1.0, 0.0),
        props: Props::new(),
    });
    f2.access_points.push(ap("ap", 1.0, 1e9));
    let p = project(vec![f, f2]);
    let r = route(&p);
    assert!(r.findings.iter().any(|f| f.rule == Rule::Pathway));
    assert!(r.findings.iter().any(|f| f.rule == Rule::HandRoute));
    let _ = routed_project(&p, &r);
    let _ = bill_of_materials(&p, &r.cables, &r.rooms);
}

#[test]
fn outlets_and_access_points_on_another_medium_route_on_it() {
    let mut f = corridor();
    f.outlets.push(outlet("o-1", 30.0, 4.0, 2));
    f.access_points.push(ap("ap-1", 95.0, 25.5));
    let p = project(vec![f]);
    let plain = route(&p);
    let media = EndpointMedia::from([
        ("o-1".to_owned(), Medium::Spe),
        ("ap-1".to_owned(), Medium::Fiber),
    ]);
    let r = route_with(&p, &media);
    // Both ports of the outlet on SPE, the access point on fibre; the same paths.
    for label in ["O-1/1", "O-1/2"] {
        assert_eq!(cable(&plain, label).medium, Medium::Cat6a);
        assert_eq!(cable(&r, label).medium, Medium::Spe);
        assert_eq!(cable(&r, label).lengths, cable(&plain, label).lengths);
    }
    assert_eq!(cable(&r, "AP-1").medium, Medium::Fiber);
    // Nothing given: the same routing as route().
    assert_eq!(route_with(&p, &EndpointMedia::new()), plain);
}
