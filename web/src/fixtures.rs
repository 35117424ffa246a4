//! A small building the editor's tests share: one 40 × 20 m floor with walls, rooms, a tray,
//! a telecom room, outlets, access points, a gateway and devices, so that coverage, routing
//! and the sheets all have something to work on.

use tailplan_core::{
    AccessPoint, Device, Floor, Gateway, IotTech, Medium, Outlet, Point, Polygon, Project, Props,
    Room, Shape, TelecomRoom, Tray, Wall, WifiBand,
};

fn p(x: f64, y: f64) -> Point {
    Point::new(x, y)
}

fn wall(id: &str, pts: &[(f64, f64)], material: &str, t: f64) -> Wall {
    Wall {
        id: id.into(),
        shape: Shape::Line(pts.iter().map(|&(x, y)| p(x, y)).collect()),
        material: Some(material.into()),
        loss_db: None,
        thickness_m: t,
        props: Props::new(),
    }
}

/// An access point.
pub fn ap(id: &str, x: f64, y: f64) -> AccessPoint {
    AccessPoint {
        id: id.into(),
        name: id.to_uppercase(),
        position: p(x, y),
        model: None,
        radios: vec![tailplan_core::Radio {
            channel: Some(36),
            ..tailplan_core::Radio::new(WifiBand::Ghz5, 20.0)
        }],
        height_m: 2.5,
        poe_w: Some(13.0),
        eirp_offset_db: None,
        props: Props::new(),
    }
}

/// The building.
pub fn building() -> Project {
    let mut project = Project::new();
    project.meta.name = "Test building".into();
    let mut f = Floor::new("1", "Level 1", 0.0);
    f.walls.push(wall(
        "shell",
        &[
            (0.0, 0.0),
            (40.0, 0.0),
            (40.0, 20.0),
            (0.0, 20.0),
            (0.0, 0.0),
        ],
        "concrete",
        0.3,
    ));
    f.walls
        .push(wall("part", &[(20.0, 0.0), (20.0, 14.0)], "drywall", 0.1));
    for (id, name, x0, x1) in [
        ("r-west", "West office", 0.0, 20.0),
        ("r-east", "East office", 20.0, 40.0),
    ] {
        f.rooms.push(Room {
            id: id.into(),
            name: name.into(),
            polygon: Polygon::rect(p(x0, 0.0), p(x1, 20.0)),
            category: None,
            people: None,
            props: Props::new(),
        });
    }
    f.trays.push(Tray {
        id: "tray-1".into(),
        name: "T1".into(),
        points: vec![p(1.0, 17.0), p(39.0, 17.0)],
        capacity: None,
        width_mm: Some(300.0),
        depth_mm: Some(60.0),
        height_m: Some(3.0),
        props: Props::new(),
    });
    f.telecom_rooms.push(TelecomRoom {
        id: "tr-1".into(),
        name: "TR-1".into(),
        position: p(2.0, 18.0),
        outline: None,
        ports: 48,
        poe_budget_w: None,
        role: Default::default(),
        switch_model: None,
        switches: None,
        props: Props::new(),
    });
    for (i, x) in [8.0, 30.0].into_iter().enumerate() {
        f.outlets.push(Outlet {
            id: format!("o-{i}"),
            name: format!("O-{i}"),
            position: p(x, 4.0),
            ports: 2,
            height_m: 0.3,
            props: Props::new(),
        });
    }
    f.access_points.push(ap("ap-1", 10.0, 10.0));
    f.access_points.push(ap("ap-2", 30.0, 10.0));
    f.gateways.push(Gateway {
        id: "gw-1".into(),
        name: "GW-1".into(),
        position: p(20.0, 16.0),
        tech: IotTech::Ble,
        tx_dbm: 4.0,
        height_m: 2.5,
        props: Props::new(),
    });
    f.devices.push(Device {
        id: "dev-1".into(),
        name: "TEMP-1".into(),
        position: p(35.0, 3.0),
        medium: Medium::Wireless,
        tech: Some(IotTech::Ble),
        class: None,
        poe_w: None,
        height_m: 1.2,
        props: Props::new(),
    });
    f.devices.push(Device {
        id: "dev-2".into(),
        name: "CAM-1".into(),
        position: p(5.0, 2.0),
        medium: Medium::Cat6a,
        tech: None,
        class: None,
        poe_w: Some(12.0),
        height_m: 2.5,
        props: Props::new(),
    });
    project.floors.push(f);
    project
}
