//! The things placed on a sample floor (access points, gateways, devices, outlets, trays,
//! risers, telecom rooms, routes), named and numbered per floor, on top of a [`Plan`].

use std::collections::BTreeMap;

use tailplan_core::{
    AccessPoint, CableRoute, Device, Floor, Gateway, IotTech, Medium, Outlet, Polygon, Props,
    Riser, TelecomRoom, Tray, WifiBand,
};

use crate::plan::{Mm, Plan, m, pt};

/// A Wi-Fi access point's EIRP, dBm.
pub(crate) const AP_TX_DBM: f64 = 20.0;
/// Mounting height of access points, gateways and ceiling sensors (the suspended ceiling).
pub(crate) const CEILING_MM: Mm = 2_800;
/// PoE drawn by an access point (802.3at), watts.
pub(crate) const AP_POE_W: f64 = 25.5;
/// Height of cable trays above the suspended ceiling.
pub(crate) const TRAY_HEIGHT_M: f64 = 3.1;
/// Inner width and depth of a corridor tray, millimetres.
pub(crate) const TRAY_MM: (f64, f64) = (300.0, 60.0);
/// Height of outlets above the floor.
const OUTLET_HEIGHT_MM: Mm = 300;

/// What a device is; fixes its name prefix, medium, radio, PoE, height and `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DeviceKind {
    /// Wireless room temperature sensor (BLE).
    Temperature,
    /// Wireless CO2 sensor (Zigbee), in meeting rooms.
    Co2,
    /// Wireless ceiling occupancy sensor (BLE).
    Occupancy,
    /// Wireless leak sensor under sinks (LoRaWAN).
    Leak,
    /// Wireless cold-room / fridge temperature sensor (Zigbee).
    FridgeTemperature,
    /// PoE camera (Cat6A).
    Camera,
    /// Access-control door panel (Cat6A).
    AccessPanel,
    /// Building-automation ceiling sensor on single-pair Ethernet.
    SpeSensor,
    /// Security system head-end (fibre).
    SecurityHeadEnd,
    /// Building-management controller (fibre).
    BmsController,
    /// Fire-alarm panel interface (fibre).
    FirePanel,
}

struct DeviceSpec {
    prefix: &'static str,
    digits: usize,
    medium: Medium,
    tech: Option<IotTech>,
    poe_w: Option<f64>,
    height_mm: Mm,
    type_: &'static str,
}

impl DeviceKind {
    fn spec(self) -> DeviceSpec {
        use DeviceKind::*;
        let (prefix, digits, medium, tech, poe_w, height_mm, type_) = match self {
            Temperature => (
                "TEMP",
                3,
                Medium::Wireless,
                Some(IotTech::Ble),
                None,
                1_500,
                "temperature_sensor",
            ),
            Co2 => (
                "CO2",
                3,
                Medium::Wireless,
                Some(IotTech::Zigbee),
                None,
                1_500,
                "co2_sensor",
            ),
            Occupancy => (
                "OCC",
                3,
                Medium::Wireless,
                Some(IotTech::Ble),
                None,
                CEILING_MM,
                "occupancy_sensor",
            ),
            Leak => (
                "LEAK",
                2,
                Medium::Wireless,
                Some(IotTech::Lorawan),
                None,
                100,
                "leak_sensor",
            ),
            FridgeTemperature => (
                "FRIDGE",
                2,
                Medium::Wireless,
                Some(IotTech::Zigbee),
                None,
                1_200,
                "fridge_temperature_sensor",
            ),
            Camera => ("CAM", 2, Medium::Cat6a, None, Some(12.95), 2_700, "camera"),
            AccessPanel => (
                "ACP",
                2,
                Medium::Cat6a,
                None,
                Some(6.0),
                1_200,
                "access_control_panel",
            ),
            SpeSensor => (
                "SPE",
                2,
                Medium::Spe,
                None,
                Some(1.5),
                CEILING_MM,
                "spe_climate_sensor",
            ),
            SecurityHeadEnd => (
                "SEC",
                2,
                Medium::Fiber,
                None,
                None,
                1_000,
                "security_head_end",
            ),
            BmsController => ("BMS", 2, Medium::Fiber, None, None, 1_500, "bms_controller"),
            FirePanel => (
                "FIRE",
                2,
                Medium::Fiber,
                None,
                None,
                1_500,
                "fire_panel_interface",
            ),
        };
        DeviceSpec {
            prefix,
            digits,
            medium,
            tech,
            poe_w,
            height_mm,
            type_,
        }
    }

    /// Its device class for scenarios; `None` for the sensors (the default class).
    fn class(self) -> Option<&'static str> {
        use DeviceKind::*;
        match self {
            Temperature | Co2 | Occupancy | Leak | FridgeTemperature | SpeSensor => None,
            Camera => Some("camera"),
            AccessPanel => Some("access-control"),
            SecurityHeadEnd | BmsController | FirePanel => Some("panel"),
        }
    }
}

/// What an outlet is: its ports and `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OutletKind {
    /// A double wall outlet at a desk (2 ports).
    Double,
    /// A quadruple wall outlet (printers, reception desks, tills: 4 ports).
    Quad,
    /// A floor box in open plan or under a meeting table (4 ports).
    FloorBox,
    /// A small floor box (2 ports).
    FloorBoxSmall,
}

impl OutletKind {
    fn ports_and_type(self) -> (u32, &'static str) {
        match self {
            OutletKind::Double => (2, "double_outlet"),
            OutletKind::Quad => (4, "quad_outlet"),
            OutletKind::FloorBox => (4, "floor_box"),
            OutletKind::FloorBoxSmall => (2, "floor_box"),
        }
    }
}

/// `{"type": type_}`.
pub(crate) fn type_props(type_: &str) -> Props {
    let mut p = Props::new();
    p.insert("type".into(), type_.into());
    p
}

/// One floor being built: its [`Plan`], the elements placed so far and the counters that
/// number them.
pub(crate) struct FloorBuilder {
    /// Walls, openings and rooms.
    pub plan: Plan,
    floor: Floor,
    counters: BTreeMap<String, usize>,
    points: Vec<(Mm, Mm)>,
}

impl FloorBuilder {
    /// An empty floor.
    pub fn new(id: &str, name: &str, elevation_mm: Mm, ceiling_mm: Mm) -> Self {
        let mut floor = Floor::new(id, name, m(elevation_mm));
        floor.ceiling_m = m(ceiling_mm);
        Self {
            plan: Plan::default(),
            floor,
            counters: BTreeMap::new(),
            points: Vec::new(),
        }
    }

    /// The floor's id.
    pub fn id(&self) -> &str {
        &self.floor.id
    }

    /// The next number for `key` on this floor, from 1.
    pub fn next(&mut self, key: &str) -> usize {
        let n = self.counters.entry(key.to_owned()).or_insert(0);
        *n += 1;
        *n
    }

    /// True when no point element placed so far is within `min` of (x, y).
    pub fn is_clear(&self, x: Mm, y: Mm, min: Mm) -> bool {
        self.points
            .iter()
            .all(|&(px, py)| (px - x).pow(2) + (py - y).pow(2) >= min * min)
    }

    fn claim(&mut self, x: Mm, y: Mm) {
        self.points.push((x, y));
    }

    /// Places a 5 GHz access point; its channel is assigned once the building is complete.
    pub fn ap(&mut self, x: Mm, y: Mm) {
        self.claim(x, y);
        let n = self.next("ap");
        let f = self.id().to_owned();
        self.floor.access_points.push(AccessPoint {
            id: format!("ap-{f}-{n:02}"),
            name: format!("AP-{f}-{n:02}"),
            position: pt(x, y),
            model: None,
            radios: vec![tailplan_core::Radio::new(WifiBand::Ghz5, AP_TX_DBM)],
            height_m: m(CEILING_MM),
            poe_w: Some(AP_POE_W),
            eirp_offset_db: None,
            props: type_props("wifi_ap"),
        });
    }

    /// Places an IoT gateway of `tech` at its default power.
    pub fn gateway(&mut self, tech: IotTech, x: Mm, y: Mm) {
        self.claim(x, y);
        let n = self.next("gw");
        let k = self.next(&format!("gw-{}", tech.as_str()));
        let f = self.id().to_owned();
        let label = match tech {
            IotTech::Lorawan => "LORA",
            IotTech::Ble => "BLE",
            IotTech::Zigbee => "ZB",
            IotTech::Thread => "THREAD",
        };
        self.floor.gateways.push(Gateway {
            id: format!("gw-{f}-{n:02}"),
            name: format!("GW-{label}-{f}-{k:02}"),
            position: pt(x, y),
            tech,
            tx_dbm: tech.default_tx_dbm(),
            height_m: m(CEILING_MM),
            props: type_props(&format!("{}_gateway", tech.as_str())),
        });
    }

    /// Places a device; returns its name.
    pub fn device(&mut self, kind: DeviceKind, x: Mm, y: Mm) -> String {
        self.claim(x, y);
        let s = kind.spec();
        let n = self.next("dev");
        let k = self.next(s.prefix);
        let f = self.id().to_owned();
        let name = format!("{}-{f}-{k:0w$}", s.prefix, w = s.digits);
        self.floor.devices.push(Device {
            id: format!("dev-{f}-{n:03}"),
            name: name.clone(),
            position: pt(x, y),
            medium: s.medium,
            tech: s.tech,
            class: kind.class().map(str::to_owned),
            poe_w: s.poe_w,
            height_m: m(s.height_mm),
            props: type_props(s.type_),
        });
        name
    }

    /// Places an outlet.
    pub fn outlet(&mut self, kind: OutletKind, x: Mm, y: Mm) {
        self.claim(x, y);
        let (ports, type_) = kind.ports_and_type();
        let n = self.next("outlet");
        let f = self.id().to_owned();
        self.floor.outlets.push(Outlet {
            id: format!("o-{f}-{n:03}"),
            name: format!("O-{f}-{n:03}"),
            position: pt(x, y),
            ports,
            height_m: m(OUTLET_HEIGHT_MM),
            props: type_props(type_),
        });
    }

    /// Places a telecom room: its outline, and its rack where the cables end.
    pub fn telecom_room(
        &mut self,
        outline: Polygon,
        rack: (Mm, Mm),
        ports: u32,
        poe_budget_w: f64,
    ) {
        let f = self.id().to_owned();
        self.floor.telecom_rooms.push(TelecomRoom {
            id: format!("tr-{f}"),
            name: format!("TR-{f}"),
            position: pt(rack.0, rack.1),
            outline: Some(outline),
            ports,
            poe_budget_w: Some(poe_budget_w),
            role: Default::default(),
            switch_model: None,
            switches: None,
            props: type_props("floor_distributor"),
        });
    }

    /// Places a riser; risers of the same name join floors.
    pub fn riser(&mut self, name: &str, x: Mm, y: Mm) {
        let f = self.id().to_owned();
        self.floor.risers.push(Riser {
            id: format!("riser-{f}-{}", name.to_ascii_lowercase()),
            name: name.to_owned(),
            position: pt(x, y),
            props: type_props("riser"),
        });
    }

    /// Places a ceiling cable tray (300 x 60 mm) named `T{floor}-{suffix}`.
    pub fn tray(&mut self, suffix: &str, points: &[(Mm, Mm)]) {
        self.tray_sized(suffix, points, TRAY_MM);
    }

    /// Draws a cable tray of the given inner width and depth, millimetres.
    pub fn tray_sized(
        &mut self,
        suffix: &str,
        points: &[(Mm, Mm)],
        (width_mm, depth_mm): (f64, f64),
    ) {
        let n = self.next("tray");
        let f = self.id().to_owned();
        self.floor.trays.push(Tray {
            id: format!("t-{f}-{n:02}"),
            name: format!("T{f}-{suffix}"),
            points: points.iter().map(|&(x, y)| pt(x, y)).collect(),
            capacity: None,
            width_mm: Some(width_mm),
            depth_mm: Some(depth_mm),
            height_m: Some(TRAY_HEIGHT_M),
            props: type_props("cable_tray"),
        });
    }

    /// Draws a cable route by hand from the endpoint named `from` (already placed on this
    /// floor) to this floor's telecom room; the route refers to both by id.
    pub fn route(&mut self, from: &str, points: &[(Mm, Mm)]) {
        let n = self.next("route");
        let f = self.id().to_owned();
        let fl = &self.floor;
        let outlets = fl.outlets.iter().map(|o| (&o.id, &o.name));
        let aps = fl.access_points.iter().map(|a| (&a.id, &a.name));
        let devices = fl.devices.iter().map(|d| (&d.id, &d.name));
        let from = outlets
            .chain(aps)
            .chain(devices)
            .find(|(_, name)| *name == from)
            .map(|(id, _)| id.clone())
            .unwrap_or_else(|| panic!("the sample places \"{from}\" before routing it"));
        self.floor.routes.push(CableRoute {
            id: format!("route-{f}-{n}"),
            from,
            to: format!("tr-{f}"),
            points: points.iter().map(|&(x, y)| pt(x, y)).collect(),
            props: type_props("hand_drawn"),
        });
    }

    /// The finished floor: the plan drawn into it.
    pub fn finish(mut self) -> Floor {
        self.plan.draw_into(&mut self.floor);
        self.floor
    }
}
