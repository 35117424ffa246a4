//! What is placed on a plan: access points, IoT gateways, devices and outlets.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::geometry::Point;
use crate::materials::Band;
use crate::props::{ElementId, Props};

/// A Wi-Fi band an access point radiates on.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub enum WifiBand {
    /// 2.4 GHz.
    #[serde(rename = "2.4")]
    Ghz2_4,
    /// 5 GHz (the default).
    #[serde(rename = "5")]
    Ghz5,
    /// 6 GHz.
    #[serde(rename = "6")]
    Ghz6,
}

impl WifiBand {
    /// Every Wi-Fi band.
    pub const ALL: [WifiBand; 3] = [WifiBand::Ghz2_4, WifiBand::Ghz5, WifiBand::Ghz6];

    /// `2.4`, `5` or `6`.
    pub fn as_str(self) -> &'static str {
        self.band().as_str()
    }

    /// The band for wall losses.
    pub fn band(self) -> Band {
        match self {
            WifiBand::Ghz2_4 => Band::Ghz2_4,
            WifiBand::Ghz5 => Band::Ghz5,
            WifiBand::Ghz6 => Band::Ghz6,
        }
    }

    /// Parses `2.4`, `5` or `6` (also `2.4GHz`, `5 GHz`...).
    pub fn parse(s: &str) -> Option<WifiBand> {
        let s = s
            .trim()
            .trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == ' ');
        match s {
            "2.4" | "2,4" => Some(WifiBand::Ghz2_4),
            "5" => Some(WifiBand::Ghz5),
            "6" => Some(WifiBand::Ghz6),
            _ => None,
        }
    }
}

/// An IoT radio technology.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum IotTech {
    /// LoRaWAN (sub-GHz).
    Lorawan,
    /// Bluetooth Low Energy.
    Ble,
    /// Zigbee.
    Zigbee,
    /// Thread.
    Thread,
}

impl IotTech {
    /// Every technology.
    pub const ALL: [IotTech; 4] = [
        IotTech::Lorawan,
        IotTech::Ble,
        IotTech::Zigbee,
        IotTech::Thread,
    ];

    /// `lorawan`, `ble`, `zigbee` or `thread`.
    pub fn as_str(self) -> &'static str {
        match self {
            IotTech::Lorawan => "lorawan",
            IotTech::Ble => "ble",
            IotTech::Zigbee => "zigbee",
            IotTech::Thread => "thread",
        }
    }

    /// Parses a technology name, case-insensitively.
    pub fn parse(s: &str) -> Option<IotTech> {
        IotTech::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
    }

    /// The band its walls losses are taken at.
    pub fn band(self) -> Band {
        match self {
            IotTech::Lorawan => Band::SubGhz,
            _ => Band::Ghz2_4,
        }
    }

    /// A gateway's transmit power (EIRP, dBm) when a file gives none: LoRaWAN 14 (the EU868
    /// limit), BLE 4, Zigbee and Thread 8.
    pub fn default_tx_dbm(self) -> f64 {
        match self {
            IotTech::Lorawan => 14.0,
            IotTech::Ble => 4.0,
            IotTech::Zigbee | IotTech::Thread => 8.0,
        }
    }
}

/// How a device is connected.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Medium {
    /// Four-pair copper, Cat6A (the default).
    Cat6a,
    /// Single-pair Ethernet (10BASE-T1L).
    Spe,
    /// Optical fibre.
    Fiber,
    /// A radio link to a gateway.
    Wireless,
}

impl Medium {
    /// Every medium.
    pub const ALL: [Medium; 4] = [Medium::Cat6a, Medium::Spe, Medium::Fiber, Medium::Wireless];

    /// `cat6a`, `spe`, `fiber` or `wireless`.
    pub fn as_str(self) -> &'static str {
        match self {
            Medium::Cat6a => "cat6a",
            Medium::Spe => "spe",
            Medium::Fiber => "fiber",
            Medium::Wireless => "wireless",
        }
    }

    /// Parses a medium name, case-insensitively (`fibre` too).
    pub fn parse(s: &str) -> Option<Medium> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("fibre") {
            return Some(Medium::Fiber);
        }
        Medium::ALL
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(s))
    }

    /// True for cabled media.
    pub fn is_wired(self) -> bool {
        self != Medium::Wireless
    }
}

/// A Wi-Fi access point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AccessPoint {
    /// Unique in the project.
    pub id: ElementId,
    /// Label on the plan.
    pub name: String,
    /// Where it is mounted.
    pub position: Point,
    /// The band it is planned on.
    pub band: WifiBand,
    /// Channel number, if assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<u32>,
    /// EIRP, dBm.
    pub tx_dbm: f64,
    /// Mounting height above the floor, metres.
    pub height_m: f64,
    /// Power drawn over PoE, watts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poe_w: Option<f64>,
    /// Properties tailplan does not know, kept as they came.
    #[serde(default, skip_serializing_if = "Props::is_empty")]
    pub props: Props,
}

/// An IoT gateway (LoRaWAN, BLE, Zigbee or Thread).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Gateway {
    /// Unique in the project.
    pub id: ElementId,
    /// Label on the plan.
    pub name: String,
    /// Where it is mounted.
    pub position: Point,
    /// Its radio technology.
    pub tech: IotTech,
    /// EIRP, dBm.
    pub tx_dbm: f64,
    /// Mounting height above the floor, metres.
    pub height_m: f64,
    /// Properties tailplan does not know, kept as they came.
    #[serde(default, skip_serializing_if = "Props::is_empty")]
    pub props: Props,
}

/// An endpoint that needs a connection: a sensor, a camera, a control panel...
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Device {
    /// Unique in the project.
    pub id: ElementId,
    /// Label on the plan.
    pub name: String,
    /// Where it is.
    pub position: Point,
    /// How it is connected now (or planned).
    pub medium: Medium,
    /// Its radio technology, when wireless (or able to be).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tech: Option<IotTech>,
    /// Power drawn over PoE, watts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poe_w: Option<f64>,
    /// Height above the floor, metres.
    pub height_m: f64,
    /// Properties tailplan does not know, kept as they came.
    #[serde(default, skip_serializing_if = "Props::is_empty")]
    pub props: Props,
}

/// A wired desk or wall outlet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Outlet {
    /// Unique in the project.
    pub id: ElementId,
    /// Label on the plan.
    pub name: String,
    /// Where it is.
    pub position: Point,
    /// Number of ports, each its own cable.
    pub ports: u32,
    /// Height above the floor, metres.
    pub height_m: f64,
    /// Properties tailplan does not know, kept as they came.
    #[serde(default, skip_serializing_if = "Props::is_empty")]
    pub props: Props,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_names() {
        assert_eq!(WifiBand::parse("2.4 GHz"), Some(WifiBand::Ghz2_4));
        assert_eq!(WifiBand::parse("6"), Some(WifiBand::Ghz6));
        assert_eq!(WifiBand::parse("60"), None);
        assert_eq!(IotTech::parse("LoRaWAN"), Some(IotTech::Lorawan));
        assert_eq!(Medium::parse("Fibre"), Some(Medium::Fiber));
        assert_eq!(Medium::parse("coax"), None);
    }
}
