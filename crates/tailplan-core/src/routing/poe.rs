//! Power over Ethernet: the types of IEEE 802.3af/at/bt and the power each delivers.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The PoE types of IEEE 802.3af/at/bt, by the power a device may draw and the power the port
/// must supply.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub enum PoeType {
    /// 802.3af (Type 1): 12.95 W at the device, 15.4 W at the port.
    #[serde(rename = "802.3af")]
    Af,
    /// 802.3at (Type 2, PoE+): 25.5 W at the device, 30 W at the port.
    #[serde(rename = "802.3at")]
    At,
    /// 802.3bt Type 3: 51 W at the device, 60 W at the port.
    #[serde(rename = "802.3bt-type3")]
    BtType3,
    /// 802.3bt Type 4: 71.3 W at the device, 90 W at the port.
    #[serde(rename = "802.3bt-type4")]
    BtType4,
}

impl PoeType {
    /// Every type, least power first.
    pub const ALL: [PoeType; 4] = [PoeType::Af, PoeType::At, PoeType::BtType3, PoeType::BtType4];

    /// The standard's name: `802.3af`, `802.3at`, `802.3bt Type 3`, `802.3bt Type 4`.
    pub fn name(self) -> &'static str {
        match self {
            PoeType::Af => "802.3af",
            PoeType::At => "802.3at",
            PoeType::BtType3 => "802.3bt Type 3",
            PoeType::BtType4 => "802.3bt Type 4",
        }
    }

    /// The most a device of this type may draw, watts (after the cable's loss).
    pub fn device_w(self) -> f64 {
        match self {
            PoeType::Af => 12.95,
            PoeType::At => 25.5,
            PoeType::BtType3 => 51.0,
            PoeType::BtType4 => 71.3,
        }
    }

    /// The power the switch port supplies, watts: 15.4 / 30 / 60 / 90.
    pub fn port_w(self) -> f64 {
        match self {
            PoeType::Af => 15.4,
            PoeType::At => 30.0,
            PoeType::BtType3 => 60.0,
            PoeType::BtType4 => 90.0,
        }
    }

    /// The least type that powers a device drawing `device_w` watts (`poe_w` is what the
    /// device draws); `None` when none does.
    pub fn for_device(device_w: f64) -> Option<PoeType> {
        PoeType::ALL
            .into_iter()
            .find(|t| device_w <= t.device_w() + 1e-9)
    }
}
