//! The radio link from an IoT gateway to a device, for the final-tail choice: the default model
//! of the coverage engine (issue 4) applied to one transmitter and one receiver point.
//!
//! - frequency: LoRaWAN 868 MHz; BLE, Zigbee and Thread 2440 MHz;
//! - d: the 3-D distance from the gateway at its `height_m` to the device at its `height_m`
//!   (floor elevations included), at least 1 m;
//! - path loss `PL = 20·log10(f) − 27.55 + 10·n·log10(d)`, n the project's path-loss exponent;
//! - RSSI = `tx_dbm − PL −` the loss, at the technology's band, of every wall and closed door
//!   or window the straight 2-D segment from the gateway to the device crosses or touches, each
//!   counted once; on another floor, plus the floor loss per slab crossed (the walls counted
//!   are the device's floor's);
//! - margin = RSSI − the technology's receiver sensitivity.
//!
//! Kept small and separate so that the coverage engine's own link function can replace it.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::devices::{Device, Gateway, IotTech};
use crate::floor::Floor;
use crate::geometry::Segment;
use crate::project::Project;

/// The carrier frequency of a technology, MHz.
pub fn frequency_mhz(tech: IotTech) -> f64 {
    match tech {
        IotTech::Lorawan => 868.0,
        IotTech::Ble | IotTech::Zigbee | IotTech::Thread => 2440.0,
    }
}

/// Log-distance path loss, dB: `20·log10(f) − 27.55 + 10·n·log10(max(d, 1))`.
pub fn path_loss_db(f_mhz: f64, d_m: f64, n: f64) -> f64 {
    20.0 * f_mhz.log10() - 27.55 + 10.0 * n * d_m.max(1.0).log10()
}

/// The loss of every wall and closed opening of `floor` that `s` crosses or touches, each
/// once, at the technology's band, dB; and how many there were.
pub fn obstruction_loss_db(
    project: &Project,
    floor: &Floor,
    s: Segment,
    tech: IotTech,
) -> (f64, u32) {
    let band = tech.band();
    let walls: BTreeSet<usize> = floor.walls.segments_crossing(s).map(|(i, _)| i).collect();
    let mut loss: f64 = walls
        .iter()
        .filter_map(|&i| floor.walls.get(i)?.loss_at(&project.materials, band))
        .sum();
    let mut count = walls.len() as u32;
    for o in floor.openings.iter().filter(|o| !o.open) {
        let crossed = o
            .points
            .windows(2)
            .any(|w| Segment::new(w[0], w[1]).intersects(&s));
        if crossed {
            count += 1;
            loss += project
                .materials
                .get(&o.material)
                .map_or(0.0, |m| m.loss_db.at(band));
        }
    }
    (loss, count)
}

/// One gateway heard by a device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// The gateway's id.
    pub gateway_id: String,
    /// The gateway's name.
    pub gateway: String,
    /// The gateway's floor id.
    pub floor: String,
    /// Received signal strength, dBm.
    pub rssi_dbm: f64,
    /// RSSI over the technology's receiver sensitivity, dB.
    pub margin_db: f64,
    /// Walls and closed openings crossed.
    pub obstructions: u32,
    /// Floor slabs crossed.
    pub slabs: u32,
}

/// The link from `gateway` on floor `gw_floor` to `device` on floor `dev_floor` (indices into
/// [`Project::floors`]); `None` when the device has no radio technology or another one.
pub fn link(
    project: &Project,
    gw_floor: usize,
    gateway: &Gateway,
    dev_floor: usize,
    device: &Device,
) -> Option<Link> {
    let tech = device.tech.filter(|t| *t == gateway.tech)?;
    let radio = &project.settings.radio;
    let (gf, df) = (
        project.floors.get(gw_floor)?,
        project.floors.get(dev_floor)?,
    );
    let dz = (gf.elevation_m + gateway.height_m) - (df.elevation_m + device.height_m);
    let d = gateway.position.distance(device.position).hypot(dz);
    let pl = path_loss_db(frequency_mhz(tech), d, radio.path_loss_exponent);
    let (walls, obstructions) = obstruction_loss_db(
        project,
        df,
        Segment::new(gateway.position, device.position),
        tech,
    );
    let slabs = slabs_between(project, gw_floor, dev_floor);
    let rssi = gateway.tx_dbm - pl - walls - f64::from(slabs) * radio.floor_loss_db.at(tech.band());
    Some(Link {
        gateway_id: gateway.id.clone(),
        gateway: gateway.name.clone(),
        floor: gf.id.clone(),
        rssi_dbm: rssi,
        margin_db: rssi - radio.iot_sensitivity_dbm.of(tech),
        obstructions,
        slabs,
    })
}

/// Floor slabs between two floors: how many floors' elevations lie above the lower one up to
/// and including the upper one.
pub fn slabs_between(project: &Project, a: usize, b: usize) -> u32 {
    let (Some(fa), Some(fb)) = (project.floors.get(a), project.floors.get(b)) else {
        return 0;
    };
    if a == b {
        return 0;
    }
    let (lo, hi) = if fa.elevation_m <= fb.elevation_m {
        (fa.elevation_m, fb.elevation_m)
    } else {
        (fb.elevation_m, fa.elevation_m)
    };
    project
        .floors
        .iter()
        .filter(|f| f.elevation_m > lo && f.elevation_m <= hi)
        .count() as u32
}

/// Every gateway of the device's technology, on any floor, with its link; strongest first.
pub fn device_links(project: &Project, dev_floor: usize, device: &Device) -> Vec<Link> {
    let mut out: Vec<Link> = project
        .floors
        .iter()
        .enumerate()
        .flat_map(|(fi, f)| f.gateways.iter().map(move |g| (fi, g)))
        .filter_map(|(fi, g)| link(project, fi, g, dev_floor, device))
        .filter(|l| l.rssi_dbm.is_finite())
        .collect();
    out.sort_by(|a, b| b.margin_db.total_cmp(&a.margin_db));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::devices::Medium;
    use crate::element::Props;
    use crate::geometry::{Point, Shape};
    use crate::walls::Wall;

    fn gw(x: f64) -> Gateway {
        Gateway {
            id: "g".into(),
            name: "G".into(),
            position: Point::new(x, 0.0),
            tech: IotTech::Ble,
            tx_dbm: 4.0,
            height_m: 1.0,
            props: Props::new(),
        }
    }

    fn dev(x: f64) -> Device {
        Device {
            id: "d".into(),
            name: "D".into(),
            position: Point::new(x, 0.0),
            medium: Medium::Wireless,
            tech: Some(IotTech::Ble),
            poe_w: None,
            height_m: 1.0,
            props: Props::new(),
        }
    }

    #[test]
    fn free_space_then_one_wall_counted_once() {
        let mut floor = Floor::new("0", "L0", 0.0);
        let mut p = Project::new();
        p.floors.push(floor.clone());
        // 10 m at 2440 MHz: 20·log10(2440) − 27.55 + 20 = 60.2 dB.
        let l = link(&p, 0, &gw(0.0), 0, &dev(10.0)).unwrap();
        let pl = 20.0 * 2440f64.log10() - 27.55 + 20.0;
        assert!((l.rssi_dbm - (4.0 - pl)).abs() < 1e-9);
        assert!((l.margin_db - (4.0 - pl + 94.0)).abs() < 1e-9);
        // A concrete wall drawn as two collinear segments meeting on the line: once, 12 dB.
        floor.walls.push(Wall {
            id: "w".into(),
            shape: Shape::Line(vec![
                Point::new(5.0, -1.0),
                Point::new(5.0, 0.0),
                Point::new(5.0, 1.0),
            ]),
            material: Some("concrete".into()),
            loss_db: None,
            thickness_m: 0.2,
            props: Props::new(),
        });
        p.floors[0] = floor;
        let w = link(&p, 0, &gw(0.0), 0, &dev(10.0)).unwrap();
        assert_eq!(w.obstructions, 1);
        assert!((l.rssi_dbm - w.rssi_dbm - 12.0).abs() < 1e-9);
        // Within 1 m the distance is 1 m.
        let near = link(&p, 0, &gw(0.0), 0, &dev(0.5)).unwrap();
        assert!((near.rssi_dbm - (4.0 - (20.0 * 2440f64.log10() - 27.55))).abs() < 1e-9);
    }
}
