//! What is placed on a plan: access points, IoT gateways, devices and outlets.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::antenna::AntennaMount;
use crate::ap_models::{self, ApModel};
use crate::geometry::Point;
use crate::materials::Band;
use crate::props::{ElementId, Props};
pub use crate::radio::{Radio, WifiBand};

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

/// A Wi-Fi access point: where it is and its radios (its own, or its model's with its own in
/// place of the model's of the same band).
///
/// Read from a project file or an edit, it may also give one radio the way format 2 did:
/// `band`, `channel`, `width_mhz`, `tx_dbm` and `antenna` on the access point itself (see
/// [`AccessPointIn`]); it is always written with `radios`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "AccessPointIn")]
pub struct AccessPoint {
    /// Unique in the project.
    pub id: ElementId,
    /// Label on the plan.
    pub name: String,
    /// Where it is mounted.
    pub position: Point,
    /// The catalogue model it is ([`crate::ap_models`]), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Its own radios: without a model, all of them; with one, each replaces the model's
    /// radios of its band.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub radios: Vec<Radio>,
    /// Mounting height above the floor, metres.
    pub height_m: f64,
    /// Power drawn over PoE, watts; `None` for its model's, else
    /// [`AccessPoint::DEFAULT_POE_W`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poe_w: Option<f64>,
    /// What this access point, as mounted, sends above (+) or below (−) its radios' nominal
    /// EIRP, dB, added to every radio's power: fitted to a site survey by calibration
    /// ([`crate::survey::calibrate`]); `None` (no offset) until then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eirp_offset_db: Option<f64>,
    /// Properties tailplan does not know, kept as they came.
    #[serde(default, skip_serializing_if = "Props::is_empty")]
    pub props: Props,
}

/// An access point as it may be read: [`AccessPoint`]'s members, or one radio's members in
/// place of `radios` (5 GHz and 20 dBm unless given).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct AccessPointIn {
    /// Unique in the project.
    pub id: ElementId,
    /// Label on the plan.
    pub name: String,
    /// Where it is mounted.
    pub position: Point,
    /// The catalogue model it is, if any.
    #[serde(default)]
    pub model: Option<String>,
    /// Its own radios.
    #[serde(default)]
    pub radios: Vec<Radio>,
    /// One radio's band (the one-radio form).
    #[serde(default)]
    pub band: Option<WifiBand>,
    /// One radio's channel (the one-radio form).
    #[serde(default)]
    pub channel: Option<u32>,
    /// One radio's channel width, MHz (the one-radio form).
    #[serde(default)]
    pub width_mhz: Option<u32>,
    /// One radio's power, dBm (the one-radio form).
    #[serde(default)]
    pub tx_dbm: Option<f64>,
    /// One radio's antenna (the one-radio form).
    #[serde(default)]
    pub antenna: Option<AntennaMount>,
    /// Mounting height above the floor, metres.
    pub height_m: f64,
    /// Power drawn over PoE, watts.
    #[serde(default)]
    pub poe_w: Option<f64>,
    /// The calibrated EIRP offset, dB.
    #[serde(default)]
    pub eirp_offset_db: Option<f64>,
    /// Properties tailplan does not know, kept as they came.
    #[serde(default)]
    pub props: Props,
}

impl TryFrom<AccessPointIn> for AccessPoint {
    type Error = String;

    fn try_from(a: AccessPointIn) -> Result<Self, String> {
        let one = a.band.is_some()
            || a.channel.is_some()
            || a.width_mhz.is_some()
            || a.tx_dbm.is_some()
            || a.antenna.is_some();
        let radios = match (one, a.radios.is_empty()) {
            (true, false) => {
                return Err(format!(
                    "access point \"{}\": give its radios in `radios` or one radio's band, channel, width_mhz, tx_dbm and antenna, not both",
                    a.id
                ));
            }
            (true, true) => vec![Radio {
                band: a.band.unwrap_or(WifiBand::Ghz5),
                channel: a.channel,
                width_mhz: a.width_mhz.unwrap_or(20),
                tx_dbm: a.tx_dbm.unwrap_or(20.0),
                antenna: a.antenna,
            }],
            (false, _) => a.radios,
        };
        Ok(AccessPoint {
            id: a.id,
            name: a.name,
            position: a.position,
            model: a.model,
            radios,
            height_m: a.height_m,
            poe_w: a.poe_w,
            eirp_offset_db: a.eirp_offset_db,
            props: a.props,
        })
    }
}

impl AccessPoint {
    /// The PoE draw of an access point without a model or a figure of its own: 25.5 W, what
    /// an 802.3at class 4 device may draw.
    pub const DEFAULT_POE_W: f64 = 25.5;

    /// A one-radio access point without a model, at `height_m` 2.5 m.
    pub fn one_radio(id: &str, name: &str, position: Point, radio: Radio) -> Self {
        Self {
            id: id.to_owned(),
            name: name.to_owned(),
            position,
            model: None,
            radios: vec![radio],
            height_m: 2.5,
            poe_w: None,
            eirp_offset_db: None,
            props: Props::default(),
        }
    }

    /// Its catalogue model, when it names one the catalogue has.
    pub fn catalogue_model(&self) -> Option<&'static ApModel> {
        self.model.as_deref().and_then(ap_models::find)
    }

    /// The radios it has: its model's, each band's replaced by its own radios of that band,
    /// then its own radios of the bands the model has not; without a model, its own.
    pub fn effective_radios(&self) -> Vec<Radio> {
        let Some(model) = self.catalogue_model() else {
            return self.radios.clone();
        };
        let own = |b: WifiBand| self.radios.iter().filter(move |r| r.band == b);
        let mut out = Vec::new();
        let mut done = Vec::new();
        for r in &model.radios {
            if done.contains(&r.band) {
                continue;
            }
            if own(r.band).next().is_some() {
                out.extend(own(r.band).cloned());
                done.push(r.band);
            } else {
                out.push(r.clone());
            }
        }
        out.extend(
            self.radios
                .iter()
                .filter(|r| !model.radios.iter().any(|m| m.band == r.band))
                .cloned(),
        );
        out
    }

    /// True when one of its radios is on `band`.
    pub fn has_band(&self, band: WifiBand) -> bool {
        self.effective_radios().iter().any(|r| r.band == band)
    }

    /// Its PoE draw, watts: its own figure, else its model's, else
    /// [`AccessPoint::DEFAULT_POE_W`].
    pub fn effective_poe_w(&self) -> f64 {
        self.poe_w
            .or_else(|| self.catalogue_model().map(|m| m.poe_w))
            .unwrap_or(Self::DEFAULT_POE_W)
    }
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

/// A device's class when it gives none.
pub const DEFAULT_DEVICE_CLASS: &str = "sensor";

/// The classes the editor and the docs suggest for devices (any text is allowed).
pub const DEVICE_CLASSES: [&str; 8] = [
    "sensor",
    "camera",
    "access-control",
    "lighting",
    "display",
    "phone",
    "printer",
    "panel",
];

/// The longest class a device may have, characters.
pub const MAX_DEVICE_CLASS_CHARS: usize = 64;

impl Device {
    /// Its class: as given, else [`DEFAULT_DEVICE_CLASS`].
    pub fn class(&self) -> &str {
        self.class
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .unwrap_or(DEFAULT_DEVICE_CLASS)
    }
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
    /// What it is, free text (suggested: [`DEVICE_CLASSES`]); [`DEFAULT_DEVICE_CLASS`] when
    /// not given. Scenarios choose a medium per class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
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

    #[test]
    fn an_access_point_overrides_its_model_band_by_band() {
        let mut ap = AccessPoint::one_radio(
            "a",
            "A",
            Point::new(0.0, 0.0),
            Radio {
                channel: Some(44),
                width_mhz: 80,
                ..Radio::new(WifiBand::Ghz5, 12.0)
            },
        );
        // Without a model: its own radio, the default PoE draw.
        assert_eq!(ap.effective_radios().len(), 1);
        assert_eq!(ap.effective_poe_w(), 25.5);
        assert!(!ap.has_band(WifiBand::Ghz6));

        ap.model = Some(ap_models::names::TRI_BAND_CEILING.into());
        let radios = ap.effective_radios();
        let bands: Vec<WifiBand> = radios.iter().map(|r| r.band).collect();
        assert_eq!(bands, [WifiBand::Ghz2_4, WifiBand::Ghz5, WifiBand::Ghz6]);
        assert_eq!(radios[1].tx_dbm, 12.0, "its own 5 GHz radio");
        assert_eq!(radios[1].channel, Some(44));
        assert!(radios[1].antenna.is_none(), "as its own radio says");
        assert_eq!(
            radios[0],
            ap_models::find(ap_models::names::TRI_BAND_CEILING)
                .unwrap()
                .radios[0]
        );
        assert!(ap.has_band(WifiBand::Ghz6));

        // The patch model has no 6 GHz radio: an own 6 GHz radio is added after its radios.
        ap.model = Some(ap_models::names::DUAL_BAND_PATCH.into());
        ap.radios = vec![Radio::new(WifiBand::Ghz6, 15.0)];
        let bands: Vec<WifiBand> = ap.effective_radios().iter().map(|r| r.band).collect();
        assert_eq!(bands, [WifiBand::Ghz2_4, WifiBand::Ghz5, WifiBand::Ghz6]);
        assert_eq!(ap.effective_poe_w(), 12.95);
        ap.poe_w = Some(7.0);
        assert_eq!(ap.effective_poe_w(), 7.0);

        // Two own radios on one band replace the model's one.
        ap.model = Some(ap_models::names::TRI_BAND_CEILING.into());
        ap.radios = vec![
            Radio::new(WifiBand::Ghz5, 15.0),
            Radio::new(WifiBand::Ghz5, 16.0),
        ];
        let tx: Vec<f64> = ap.effective_radios().iter().map(|r| r.tx_dbm).collect();
        assert_eq!(tx, [14.0, 15.0, 16.0, 16.0]);

        // An unknown model: its own radios alone.
        ap.model = Some("mystery".into());
        assert_eq!(ap.effective_radios().len(), 2);
        assert_eq!(ap.effective_poe_w(), 7.0);
    }
}
