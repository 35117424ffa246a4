//! IoT device links: for every device with a technology, the gateways that hear it and its
//! link margin against the technology's receiver sensitivity; and the devices no gateway
//! reaches.
//!
//! A link is the model of [`super::model`] between the gateway and the device at its own
//! height (the device is the receiver), through the walls of the device's floor, found
//! through the floor's R-trees ([`Obstacles::loss_between`]): the same value the oracle gives
//! for a cell centred on the device.

use schemars::JsonSchema;
use serde::Serialize;

use crate::devices::IotTech;
use crate::geometry::Point;
use crate::project::Project;

use super::CoverageError;
use super::model::{FloorScope, Link, Reaching, Service, transmitters_reaching};
use super::obstacles::Obstacles;

/// A gateway heard by a device.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct GatewayLink {
    /// The gateway's id.
    pub gateway: String,
    /// The gateway's name.
    pub name: String,
    /// The gateway's floor.
    pub floor: String,
    /// The received power at the device, dBm.
    pub rssi_dbm: f64,
    /// RSSI minus the technology's sensitivity, dB.
    pub margin_db: f64,
}

/// One device's links.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct DeviceLinks {
    /// The device's id.
    pub device: String,
    /// The device's name.
    pub name: String,
    /// Its floor.
    pub floor: String,
    /// Its technology.
    pub tech: IotTech,
    /// Its position.
    pub position: Point,
    /// The technology's sensitivity, dBm.
    pub sensitivity_dbm: f64,
    /// The gateways that hear it (margin at least 0 dB), strongest first.
    pub heard_by: Vec<GatewayLink>,
    /// The strongest gateway of its technology in scope, heard or not.
    pub strongest: Option<GatewayLink>,
}

impl DeviceLinks {
    /// The best margin, dB, when some gateway of its technology is in scope.
    pub fn margin_db(&self) -> Option<f64> {
        self.strongest.as_ref().map(|l| l.margin_db)
    }
}

/// The links of the devices of a floor (or of every floor).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct IotLinks {
    /// Every device with a technology, floor by floor, in element order.
    pub devices: Vec<DeviceLinks>,
    /// The ids of the devices no gateway reaches.
    pub unreached: Vec<String>,
}

/// The links of the devices on `floor` (every floor when `None`) to the gateways `scope`
/// lets reach them, for one technology or all (`tech` `None`).
pub fn iot_links(
    project: &Project,
    floor: Option<&str>,
    tech: Option<IotTech>,
    scope: FloorScope,
) -> Result<IotLinks, CoverageError> {
    if let Some(id) = floor
        && project.floor(id).is_none()
    {
        return Err(CoverageError::UnknownFloor(id.to_owned()));
    }
    let radio = &project.settings.radio;
    let mut devices = Vec::new();
    for f in project
        .floors
        .iter()
        .filter(|f| floor.is_none_or(|id| f.id == id))
    {
        let wanted: Vec<_> = f
            .devices
            .iter()
            .filter(|d| d.tech.is_some_and(|t| tech.is_none_or(|w| w == t)))
            .collect();
        if wanted.is_empty() {
            continue;
        }
        let obstacles = Obstacles::of_floor(f, &project.materials);
        // The gateways reaching this floor, once per technology.
        let mut reaching: Vec<(IotTech, Vec<Reaching>)> = Vec::new();
        for d in wanted {
            let t = d.tech.expect("filtered on tech");
            let sensitivity = radio.iot_sensitivity_dbm.of(t);
            let rx_z = f.elevation_m + d.height_m;
            let k = match reaching.iter().position(|(tt, _)| *tt == t) {
                Some(k) => k,
                None => {
                    reaching.push((t, transmitters_reaching(project, f, Service::Iot(t), scope)));
                    reaching.len() - 1
                }
            };
            let mut links: Vec<GatewayLink> = reaching[k]
                .1
                .iter()
                .map(|r| {
                    let link = Link::new(r, rx_z, radio);
                    let loss = obstacles.loss_between(&f.walls, link.band, link.t, d.position);
                    let rssi = link.rssi_at(d.position, loss);
                    GatewayLink {
                        gateway: r.transmitter.id.clone(),
                        name: r.transmitter.name.clone(),
                        floor: r.transmitter.floor.clone(),
                        rssi_dbm: rssi,
                        margin_db: rssi - sensitivity,
                    }
                })
                .collect();
            links.sort_by(|a, b| b.rssi_dbm.total_cmp(&a.rssi_dbm));
            let strongest = links.first().cloned();
            links.retain(|l| l.margin_db >= 0.0);
            devices.push(DeviceLinks {
                device: d.id.clone(),
                name: d.name.clone(),
                floor: f.id.clone(),
                tech: t,
                position: d.position,
                sensitivity_dbm: sensitivity,
                heard_by: links,
                strongest,
            });
        }
    }
    let unreached = devices
        .iter()
        .filter(|d| d.heard_by.is_empty())
        .map(|d| d.device.clone())
        .collect();
    Ok(IotLinks { devices, unreached })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coverage::{CoverageEngine, CoverageRequest, Method};
    use crate::devices::{Device, Gateway, Medium};
    use crate::floor::Floor;
    use crate::geometry::Shape;
    use crate::walls::Wall;

    #[test]
    fn links_match_the_oracle_and_list_unreached_devices() {
        let mut f = Floor::new("1", "L1", 0.0);
        f.rooms.push(crate::rooms::Room {
            id: "r".into(),
            name: "R".into(),
            polygon: crate::geometry::Polygon::rect(Point::new(0.0, 0.0), Point::new(10.0, 10.0)),
            category: None,
            people: None,
            props: Default::default(),
        });
        f.walls.push(Wall {
            id: "w".into(),
            shape: Shape::Line(vec![Point::new(4.0, 0.0), Point::new(4.0, 10.0)]),
            material: Some("concrete".into()),
            loss_db: None,
            thickness_m: 0.2,
            props: Default::default(),
        });
        f.gateways.push(Gateway {
            id: "gw".into(),
            name: "GW".into(),
            position: Point::new(1.0, 1.0),
            tech: IotTech::Ble,
            tx_dbm: 4.0,
            height_m: 2.5,
            props: Default::default(),
        });
        for (id, x, y) in [("near", 2.5, 2.5), ("far", 9.5, 9.5)] {
            f.devices.push(Device {
                id: id.into(),
                name: id.into(),
                position: Point::new(x, y),
                medium: Medium::Wireless,
                tech: Some(IotTech::Ble),
                class: None,
                poe_w: None,
                height_m: 1.0,
                props: Default::default(),
            });
        }
        let mut p = Project::new();
        p.settings.radio.iot_sensitivity_dbm.ble = -60.0;
        p.floors.push(f);
        let links = iot_links(&p, Some("1"), None, FloorScope::Adjacent).unwrap();
        assert_eq!(links.devices.len(), 2);
        assert_eq!(links.unreached, ["far"]);
        // A device at a cell centre, at the receiver height: the oracle's value there.
        let req = CoverageRequest::new("1", Service::Iot(IotTech::Ble)).with_cell(1.0);
        let fields = CoverageEngine::with_method(Method::Oracle)
            .fields(&p, &req)
            .unwrap();
        let grid = fields[0].grid;
        for d in &links.devices {
            let (r, c) = grid.cell_of(d.position).unwrap();
            assert_eq!(grid.center(r, c), d.position);
            let rssi = d.strongest.as_ref().unwrap().rssi_dbm;
            assert_eq!(rssi as f32, fields[0].rssi_dbm[grid.index(r, c)]);
        }
        assert!(links.devices[1].margin_db().unwrap() < 0.0);
        assert!(iot_links(&p, Some("x"), None, FloorScope::Own).is_err());
    }
}
