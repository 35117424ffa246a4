//! "Small floor": one 30 x 15 m office floor for quick tests, small enough to check by hand.
//!
//! A concrete shell; a corridor (y 6-8 m) from end to end; four offices and a glass-fronted
//! meeting room to the south; two offices, a small telecom room with its shaft, a kitchenette
//! and an open-plan area to the north. Two access points (channels 36 and 44) and a BLE
//! gateway on the corridor's centreline; a tray along the corridor and a branch to the rack
//! and the riser, meeting in a T.

use tailplan_core::{Floor, Polygon, Project, ProjectMeta};

use crate::parts::{DeviceKind, FloorBuilder, OutletKind};
use crate::plan::{Mm, RoomSpec, Run, WallKind, pt};

/// The sample small floor; see the module documentation.
pub fn small_floor() -> Project {
    let mut project = Project::new();
    project.meta = ProjectMeta {
        name: "tailplan sample: Small floor".into(),
        building: "Small office".into(),
        drawn_by: "tailplan sample generator".into(),
        revision: "A".into(),
    };
    project
        .floors
        .push(small_office_floor("0", "Ground floor", 0));
    project
}

/// The small floor's plan as floor `id` at `elevation_mm` (its element ids carry the floor's
/// id), at the origin: the campus sample stacks and places copies of it.
pub(crate) fn small_office_floor(id: &str, name: &str, elevation_mm: Mm) -> Floor {
    use WallKind::*;
    let mut b = FloorBuilder::new(id, name, elevation_mm, 2_800);
    let p = &mut b.plan;

    // Shell and windows.
    p.wall_rect(0, 0, 30_000, 15_000, Exterior);
    for x in [1_500, 6_500, 11_500, 16_500, 21_500, 26_500] {
        p.window(Run::h(0, x, x + 2_000));
    }
    for x in [1_500, 6_500, 14_000, 19_500, 25_000] {
        p.window(Run::h(15_000, x, x + 2_000));
    }
    p.window(Run::v(0, 6_500, 7_500));
    p.window(Run::v(30_000, 6_500, 7_500));

    // Corridor walls: the meeting room's front is glass; the open plan has none.
    p.wall(Run::h(6_000, 0, 20_000), Corridor);
    p.wall(Run::h(6_000, 20_000, 30_000), Glass);
    p.wall(Run::h(8_000, 0, 17_000), Corridor);
    for x in [5_000, 10_000, 15_000, 20_000] {
        p.wall(Run::v(x, 0, 6_000), Partition);
    }
    for x in [5_000, 10_000, 13_000, 17_000] {
        p.wall(Run::v(x, 8_000, 15_000), Partition);
    }
    p.wall(Run::h(12_000, 10_000, 13_000), Partition);

    // Doors: offices, meeting room (glass), telecom room, kitchenette, shaft.
    for x in [500, 5_500, 10_500, 15_500] {
        p.door(Run::h(6_000, x, x + 1_000), "wood");
    }
    p.door(Run::h(6_000, 24_500, 25_500), "glass");
    for x in [500, 5_500, 10_300, 13_500] {
        p.door(Run::h(8_000, x, x + 1_000), "wood");
    }
    p.door(Run::h(12_000, 10_300, 11_200), "wood");

    // Rooms.
    for (i, x) in [0, 5_000, 10_000, 15_000].into_iter().enumerate() {
        p.room(RoomSpec::rect(
            format!("0.00{}", i + 1),
            x,
            0,
            x + 5_000,
            6_000,
            "office",
        ));
    }
    p.room(RoomSpec::rect(
        "Meeting 0.M01",
        20_000,
        0,
        30_000,
        6_000,
        "meeting",
    ));
    p.room(RoomSpec::rect(
        "Corridor 0.C01",
        0,
        6_000,
        30_000,
        8_000,
        "corridor",
    ));
    p.room(RoomSpec::rect("0.005", 0, 8_000, 5_000, 15_000, "office"));
    p.room(RoomSpec::rect(
        "0.006", 5_000, 8_000, 10_000, 15_000, "office",
    ));
    p.room(RoomSpec::rect(
        "TR-0",
        10_000,
        8_000,
        13_000,
        12_000,
        "telecom_room",
    ));
    p.room(RoomSpec::rect(
        "Shaft 0.SH1",
        10_000,
        12_000,
        13_000,
        15_000,
        "shaft",
    ));
    p.room(RoomSpec::rect(
        "Kitchenette 0.K01",
        13_000,
        8_000,
        17_000,
        15_000,
        "kitchenette",
    ));
    p.room(RoomSpec::rect(
        "Open plan 0.OP1",
        17_000,
        8_000,
        30_000,
        15_000,
        "open_plan",
    ));

    // Telecom room, riser, trays.
    let rack = (11_500, 10_500);
    let riser = (11_500, 13_500);
    b.telecom_room(
        Polygon::rect(pt(10_000, 8_000), pt(13_000, 12_000)),
        rack,
        48,
        370.0,
    );
    b.riser("R1", riser.0, riser.1);
    b.tray(
        "corridor",
        &[(1_000, 7_000), (11_500, 7_000), (29_000, 7_000)],
    );
    b.tray("branch", &[(11_500, 7_000), rack, riser]);

    // Radio.
    b.ap(7_500, 7_000);
    b.ap(22_500, 7_000);
    b.gateway(tailplan_core::IotTech::Ble, 15_000, 7_000);

    // One desk outlet per office, under the window.
    for (x, y) in [
        (2_500, 500),
        (7_500, 500),
        (12_500, 500),
        (17_500, 500),
        (2_500, 14_500),
        (7_500, 14_500),
    ] {
        b.outlet(OutletKind::Double, x, y);
    }

    // Devices: BLE sensors (the floor's gateway is BLE), a camera, an SPE sensor.
    b.device(DeviceKind::Temperature, 4_400, 5_600);
    b.device(DeviceKind::Temperature, 4_400, 8_400);
    b.device(DeviceKind::Occupancy, 25_000, 3_000);
    b.device(DeviceKind::Occupancy, 23_500, 11_500);
    let camera = b.device(DeviceKind::Camera, 29_500, 7_500);
    b.device(DeviceKind::SpeSensor, 20_000, 7_000);

    b.route(
        &camera,
        &[(29_500, 7_500), (29_000, 7_000), (11_500, 7_000), rack],
    );

    let mut floor = b.finish();
    for (ap, channel) in floor.access_points.iter_mut().zip([36, 44]) {
        ap.radios[0].channel = Some(channel);
    }
    floor
}
