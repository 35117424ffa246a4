//! The campus worked out by hand: two buildings of floor, building and campus distributors,
//! risers of one name in both, a duct between them; each rule of the campus tripped once.

use super::*;
use crate::campus::{Building, DistributorRole, Duct};
use crate::devices::{AccessPoint, Outlet, WifiBand};
use crate::floor::Floor;
use crate::geometry::{Point, Polygon};
use crate::pathways::{Riser, TelecomRoom, Tray};
use crate::props::Props;

fn tray(id: &str, x0: f64, x1: f64) -> Tray {
    Tray {
        id: id.into(),
        name: id.to_uppercase(),
        points: vec![Point::new(x0, 0.0), Point::new(x1, 0.0)],
        capacity: None,
        width_mm: Some(300.0),
        depth_mm: Some(60.0),
        height_m: None,
        props: Props::new(),
    }
}

fn riser(id: &str, x: f64) -> Riser {
    Riser {
        id: id.into(),
        name: "R1".into(),
        position: Point::new(x, 0.0),
        props: Props::new(),
    }
}

fn room(id: &str, x: f64, role: DistributorRole) -> TelecomRoom {
    TelecomRoom {
        id: id.into(),
        name: id.to_uppercase(),
        position: Point::new(x, 0.0),
        outline: None,
        ports: 96,
        poe_budget_w: None,
        role,
        switch_model: None,
        switches: None,
        props: Props::new(),
    }
}

fn outlet(id: &str, x: f64) -> Outlet {
    Outlet {
        id: id.into(),
        name: id.to_uppercase(),
        position: Point::new(x, 1.0),
        ports: 1,
        height_m: 0.3,
        props: Props::new(),
    }
}

fn ap(id: &str, x: f64) -> AccessPoint {
    AccessPoint {
        id: id.into(),
        name: id.to_uppercase(),
        position: Point::new(x, 1.0),
        model: None,
        radios: vec![crate::devices::Radio::new(WifiBand::Ghz5, 20.0)],
        height_m: 2.5,
        poe_w: Some(25.5),
        eirp_offset_db: None,
        props: Props::new(),
    }
}

/// A floor of building `b` at `x0`: a 40 m tray at the ceiling (2.8 m), riser R1 at its east
/// end, an outlet 20 m along.
fn floor(b: &str, level: u32, x0: f64) -> Floor {
    let id = format!("{b}{level}");
    let mut f = Floor::new(&id, &id, f64::from(level) * 3.5);
    f.building = Some(b.into());
    f.trays.push(tray(&format!("t-{id}"), x0, x0 + 40.0));
    f.risers.push(riser(&format!("r-{id}"), x0 + 40.0));
    f.outlets.push(outlet(&format!("o-{id}"), x0 + 20.0));
    f
}

/// Building A at x 0–40 (A0 with the BD, A1 with an FD, A2 without one), building B at
/// x 200–240 (B0 with the CD, B1 with an FD), a duct from inside A to inside B by way of a
/// manhole at (120, 20).
fn campus() -> Project {
    let mut a0 = floor("A", 0, 0.0);
    a0.telecom_rooms
        .push(room("bd-a", 0.0, DistributorRole::Bd));
    let mut a1 = floor("A", 1, 0.0);
    a1.telecom_rooms
        .push(room("fd-a1", 0.0, DistributorRole::Fd));
    let a2 = floor("A", 2, 0.0);
    let mut b0 = floor("B", 0, 200.0);
    b0.telecom_rooms
        .push(room("cd", 200.0, DistributorRole::Cd));
    let mut b1 = floor("B", 1, 200.0);
    b1.telecom_rooms
        .push(room("fd-b1", 200.0, DistributorRole::Fd));
    let rect = |x0: f64| {
        Some(Polygon::rect(
            Point::new(x0 - 5.0, -10.0),
            Point::new(x0 + 45.0, 10.0),
        ))
    };
    Project {
        buildings: vec![
            Building {
                id: "A".into(),
                name: "Alpha".into(),
                footprint: rect(0.0),
                props: Props::new(),
            },
            Building {
                id: "B".into(),
                name: "Beta".into(),
                footprint: rect(200.0),
                props: Props::new(),
            },
        ],
        floors: vec![a0, a1, a2, b0, b1],
        ducts: vec![Duct {
            id: "d1".into(),
            name: "D1".into(),
            points: vec![
                Point::new(10.0, 3.0),
                Point::new(120.0, 20.0),
                Point::new(210.0, 3.0),
            ],
            capacity: Some(4),
            props: Props::new(),
        }],
        ..Project::default()
    }
}

fn rules(r: &Routing, rule: Rule) -> Vec<&Finding> {
    r.findings.iter().filter(|f| f.rule == rule).collect()
}

#[test]
fn every_distributor_has_its_backbone_along_the_pathways() {
    let p = campus();
    let r = route(&p);
    let by_from: BTreeMap<&str, &BackboneCable> =
        r.backbone.iter().map(|b| (b.from_id.as_str(), b)).collect();
    assert_eq!(r.backbone.len(), 3, "{:#?}", r.backbone);
    // FD A1 → BD A0: 40 m of tray to the riser, 3.5 m down, 40 m back; 2 × 3 m slack.
    let a1 = by_from["fd-a1"];
    assert_eq!(
        (a1.to_id.as_str(), a1.level),
        ("bd-a", BackboneLevel::Building)
    );
    assert_eq!(a1.id, "A1A/A0A-01");
    assert_eq!(a1.fibre, crate::settings::FibreType::Om4);
    assert_eq!(
        (
            a1.lengths.tray_m,
            a1.lengths.riser_m,
            a1.lengths.duct_m,
            a1.lengths.total_m
        ),
        (80.0, 3.5, 0.0, 89.5)
    );
    assert_eq!(a1.risers, ["R1"]);
    // BD A0 → CD B0, the campus backbone through the duct: in at A 3 m across, 2.8 m up and
    // 10 m along the tray to the BD; the duct's two legs; the same at B.
    let a0 = by_from["bd-a"];
    assert_eq!((a0.to_id.as_str(), a0.level), ("cd", BackboneLevel::Campus));
    assert_eq!(a0.fibre, crate::settings::FibreType::Os2);
    let legs = 110.0f64.hypot(17.0) + 90.0f64.hypot(17.0);
    let expected = 2.0 * (3.0 + 2.8 + 10.0) + legs;
    assert!(
        (a0.lengths.duct_m - expected).abs() < 0.01,
        "{:?}",
        a0.lengths
    );
    assert_eq!(a0.ducts, ["d1"]);
    assert!(a0.risers.is_empty());
    assert!(
        a0.path.iter().any(|part| part.floor.is_empty()),
        "{:?}",
        a0.path
    );
    // FD B1 → the CD, which is B's building distributor.
    let b1 = by_from["fd-b1"];
    assert_eq!(
        (b1.to_id.as_str(), b1.level),
        ("cd", BackboneLevel::Building)
    );
    for b in &r.backbone {
        assert!(
            b.lengths.total_m >= b.straight_m,
            "{} shorter than the line",
            b.id
        );
        assert_eq!(b.status, CableStatus::Ok);
    }
    // The schedule lists them after the horizontal cables, as `backbone`.
    let schedule = r.schedule();
    let kinds: Vec<CableKind> = schedule.rows.iter().map(|row| row.kind).collect();
    assert_eq!(
        kinds.iter().filter(|k| **k == CableKind::Backbone).count(),
        3
    );
    assert!(kinds.is_sorted_by_key(|k| *k == CableKind::Backbone));
    let row = schedule
        .rows
        .iter()
        .find(|row| row.cable_id == a0.id)
        .unwrap();
    assert_eq!((row.from.as_str(), row.to.as_str()), ("BD-A", "CD"));
    // The duct and the risers count what passes through them.
    let duct = r.pathways.iter().find(|l| l.kind == "duct").unwrap();
    assert_eq!(
        (duct.backbone, duct.horizontal, duct.capacity),
        (1, 0, Some(4))
    );
    let a_riser = r
        .pathways
        .iter()
        .find(|l| l.kind == "riser" && l.from_floor == "A0")
        .unwrap();
    // Between A0 and A1: the A1 backbone (A2's horizontal cable goes down to A1 only).
    assert_eq!(a_riser.backbone, 1);
    assert_eq!(a_riser.building, "Alpha");
    assert!(rules(&r, Rule::Backbone).is_empty(), "{:?}", r.findings);
}

#[test]
fn risers_of_one_name_join_floors_of_their_own_building_only() {
    let mut p = campus();
    // Without A1's FD, A1's and A2's outlets can only go down A's riser to the BD: B's
    // distributors, at the same elevations with a riser of the same name, are not in reach.
    p.floors[1].telecom_rooms.clear();
    let r = route(&p);
    for c in &r.cables {
        let b = p.floor(&c.floor).unwrap().building.clone();
        let rb = p.floor(&c.room_floor).unwrap().building.clone();
        assert_eq!(b, rb, "{} crossed to another building", c.id);
    }
    assert!(r.unserved.is_empty(), "{:?}", r.unserved);
    // Horizontal cables never take the duct.
    let duct = r.pathways.iter().find(|l| l.kind == "duct").unwrap();
    assert_eq!(duct.horizontal, 0);
}

#[test]
fn a_floor_without_its_distributor_is_found_and_the_setting_allows_the_next_floor() {
    let p = campus();
    let r = route(&p);
    let found = rules(&r, Rule::HorizontalOtherFloor);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].subject, "o-A2");
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(
        serde_json::to_value(found[0].rule).unwrap(),
        "horizontal-other-floor"
    );
    let c = r
        .cables
        .iter()
        .find(|c| c.endpoint.element_id == "o-A2")
        .unwrap();
    assert_eq!(
        (c.room_id.as_str(), c.status),
        ("fd-a1", CableStatus::Warning)
    );
    let mut allowed = p.clone();
    allowed.settings.cabling.serve_adjacent_floors = true;
    assert!(rules(&route(&allowed), Rule::HorizontalOtherFloor).is_empty());
    // Two floors away is not adjacent: A2 served from A0 still warns, A1 from A0 does not.
    allowed.floors[1].telecom_rooms.clear();
    let far = route(&allowed);
    let found = rules(&far, Rule::HorizontalOtherFloor);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].subject, "o-A2");
}

#[test]
fn distributors_get_the_switches_their_ports_and_power_need() {
    let mut p = campus();
    for i in 0..30 {
        p.floors[1]
            .access_points
            .push(ap(&format!("ap-{i}"), 1.0 + f64::from(i)));
    }
    let r = route(&p);
    let d = r.distributors.iter().find(|d| d.id == "fd-a1").unwrap();
    // 32 ports (A1's outlet, A2's, 30 APs), 30 × 25.5 W = 765 W: over one 740 W switch.
    assert_eq!((d.ports_used, d.poe_w), (32, 765.0));
    assert_eq!(
        (d.switch_model.as_str(), d.switches),
        ("generic-48p-poe+", 2)
    );
    assert!(d.switch_ports >= d.ports_used && d.switch_poe_w >= d.poe_w);
    assert_eq!(d.parent.as_deref(), Some("BD-A"));
    assert_eq!(
        (d.role, d.building.as_str(), d.floor.as_str()),
        (DistributorRole::Fd, "Alpha", "A1")
    );
    let cd = r.distributors.iter().find(|d| d.id == "cd").unwrap();
    assert_eq!(
        (cd.parent.clone(), cd.backbone_cables, cd.fibre_ports),
        (None, 2, 12)
    );
    assert!(rules(&r, Rule::SwitchPorts).is_empty() && rules(&r, Rule::SwitchPoe).is_empty());
    // Installed switches fixed at one: both rules trip.
    p.floors[1].telecom_rooms[0].switches = Some(1);
    p.floors[1].telecom_rooms[0].switch_model = Some("generic-24p-poe+".into());
    let r = route(&p);
    assert_eq!(rules(&r, Rule::SwitchPorts).len(), 1);
    assert_eq!(rules(&r, Rule::SwitchPoe).len(), 1);
    assert_eq!(rules(&r, Rule::SwitchPoe)[0].limit, Some(370.0));
    // A model without PoE can never power them.
    p.floors[1].telecom_rooms[0].switches = None;
    p.floors[1].telecom_rooms[0].switch_model = Some("generic-48p".into());
    assert_eq!(rules(&route(&p), Rule::SwitchPoe).len(), 1);
    // The bill of materials buys the switches and the backbone.
    let bom = route(&campus()).bill_of_materials(&campus());
    let items: Vec<&str> = bom.lines.iter().map(|l| l.item.as_str()).collect();
    for item in [
        "switch-generic-48p-poe+",
        "backbone-om4",
        "backbone-os2",
        "port-backbone",
        "fibre-panel",
    ] {
        assert!(items.contains(&item), "{item} missing from {items:?}");
    }
}

#[test]
fn the_other_rules_trip() {
    // channel-length: a long work-area cord on a link within 90 m.
    let mut p = campus();
    p.settings.cabling.work_area_cord_m = 70.0;
    let r = route(&p);
    let found = rules(&r, Rule::ChannelLength);
    assert!(!found.is_empty());
    assert!(
        found
            .iter()
            .all(|f| f.measured.unwrap() > 100.0 && f.limit == Some(100.0))
    );
    assert!(rules(&route(&campus()), Rule::ChannelLength).is_empty());

    // poe-bundle: three 802.3at access points along one tray, a limit of two.
    let mut p = campus();
    for i in 0..3 {
        p.floors[0]
            .access_points
            .push(ap(&format!("ap-{i}"), 30.0 + f64::from(i)));
    }
    assert!(rules(&route(&p), Rule::PoeBundle).is_empty());
    p.settings.cabling.poe_bundle_max = 2;
    let r = route(&p);
    let found = rules(&r, Rule::PoeBundle);
    assert!(!found.is_empty());
    assert_eq!(found[0].measured, Some(3.0));

    // backbone-length: a 50 m limit for every backbone.
    let mut p = campus();
    p.settings.backbone.max_length_m = Some(50.0);
    let r = route(&p);
    let found = rules(&r, Rule::BackboneLength);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(r.backbone.iter().all(|b| b.status == CableStatus::Fail));

    // pathway-capacity: a duct for no cable.
    let mut p = campus();
    p.ducts[0].capacity = Some(0);
    assert_eq!(rules(&route(&p), Rule::PathwayCapacity).len(), 1);
}

#[test]
fn missing_distributors_are_reported() {
    // B without its CD: no campus distributor, B has no building distributor.
    let mut p = campus();
    p.floors[3].telecom_rooms[0].role = DistributorRole::Fd;
    let r = route(&p);
    let found = rules(&r, Rule::Backbone);
    assert!(
        found.iter().any(|f| f
            .message
            .contains("building \"B\" has no building distributor")),
        "{found:?}"
    );
    assert_eq!(r.backbone.len(), 1, "only A1 → A0 is left");
    // A duct that reaches no building: its backbone has no way.
    let mut p = campus();
    p.ducts[0].points[2] = Point::new(150.0, 60.0);
    let r = route(&p);
    assert!(
        rules(&r, Rule::Backbone)
            .iter()
            .any(|f| f.subject == "bd-a" && f.is_error()),
        "{:?}",
        r.findings
    );
    assert!(rules(&r, Rule::Pathway).iter().any(|f| f.subject == "d1"));
}

#[test]
fn a_project_of_floor_distributors_has_no_backbone() {
    let mut p = campus();
    for f in &mut p.floors {
        for t in &mut f.telecom_rooms {
            t.role = DistributorRole::Fd;
        }
    }
    let r = route(&p);
    assert!(r.backbone.is_empty());
    assert!(rules(&r, Rule::Backbone).is_empty());
    assert!(r.distributors.iter().all(|d| d.parent.is_none()));
}
