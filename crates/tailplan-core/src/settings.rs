//! Project settings: the propagation model's parameters, thresholds and cabling limits.
//!
//! Every field has a default, and a project file may give any subset: settings added by later
//! versions of tailplan read as their defaults from older files.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::devices::IotTech;
use crate::materials::BandLoss;

/// Everything a project may tune.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Settings {
    /// Radio propagation.
    pub radio: RadioSettings,
    /// Structured cabling rules.
    pub cabling: CablingSettings,
}

/// Parameters of the propagation model and of the coverage maps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct RadioSettings {
    /// Path-loss exponent n of the log-distance model (2.0 is free space).
    pub path_loss_exponent: f64,
    /// Height above the floor at which coverage is computed, metres.
    pub receiver_height_m: f64,
    /// Side of a coverage grid cell, metres.
    pub cell_m: f64,
    /// Loss of one floor slab, per band (default 18 dB at 5 GHz, scaled like concrete on the
    /// other bands).
    pub floor_loss_db: BandLoss,
    /// Noise floor for SNR, dBm.
    pub noise_floor_dbm: f64,
    /// Wi-Fi coverage thresholds reported in the statistics, dBm, strongest first.
    pub wifi_thresholds_dbm: Vec<f64>,
    /// Receiver sensitivity of each IoT technology, dBm.
    pub iot_sensitivity_dbm: IotSensitivity,
}

impl Default for RadioSettings {
    fn default() -> Self {
        Self {
            path_loss_exponent: 2.0,
            receiver_height_m: 1.0,
            cell_m: 0.5,
            floor_loss_db: BandLoss {
                sub_ghz: 8.64,
                ghz2_4: 14.4,
                ghz5: 18.0,
                ghz6: 21.6,
            },
            noise_floor_dbm: -95.0,
            wifi_thresholds_dbm: vec![-67.0, -70.0, -75.0],
            iot_sensitivity_dbm: IotSensitivity::default(),
        }
    }
}

/// Receiver sensitivity per IoT technology, dBm.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct IotSensitivity {
    /// LoRaWAN at SF12.
    pub lorawan: f64,
    /// Bluetooth Low Energy.
    pub ble: f64,
    /// Zigbee.
    pub zigbee: f64,
    /// Thread.
    pub thread: f64,
}

impl Default for IotSensitivity {
    fn default() -> Self {
        Self {
            lorawan: -137.0,
            ble: -94.0,
            zigbee: -100.0,
            thread: -100.0,
        }
    }
}

impl IotSensitivity {
    /// The sensitivity of `tech`, dBm.
    pub fn of(&self, tech: IotTech) -> f64 {
        match tech {
            IotTech::Lorawan => self.lorawan,
            IotTech::Ble => self.ble,
            IotTech::Zigbee => self.zigbee,
            IotTech::Thread => self.thread,
        }
    }
}

/// Limits and allowances of structured cabling.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct CablingSettings {
    /// Longest copper permanent link, metres (ISO/IEC 11801, TIA-568: 90).
    pub copper_permanent_link_max_m: f64,
    /// Longest copper channel, cords included, metres (100).
    pub copper_channel_max_m: f64,
    /// Longest single-pair Ethernet (10BASE-T1L) link, metres (1000).
    pub spe_max_m: f64,
    /// Longest fibre link, metres (400: 10GBASE-SR over OM4).
    pub fiber_max_m: f64,
    /// Slack left coiled at the telecom room, metres.
    pub slack_telecom_room_m: f64,
    /// Slack left at the outlet or device, metres.
    pub slack_outlet_m: f64,
    /// Largest fill of a tray's cross-section, as a fraction (0.4 = 40 %).
    pub tray_fill_max: f64,
}

impl Default for CablingSettings {
    fn default() -> Self {
        Self {
            copper_permanent_link_max_m: 90.0,
            copper_channel_max_m: 100.0,
            spe_max_m: 1000.0,
            fiber_max_m: 400.0,
            slack_telecom_room_m: 3.0,
            slack_outlet_m: 0.3,
            tray_fill_max: 0.4,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_settings_fill_in_defaults() {
        let s: Settings =
            serde_json::from_str(r#"{"radio": {"path_loss_exponent": 3.0}}"#).unwrap();
        assert_eq!(s.radio.path_loss_exponent, 3.0);
        assert_eq!(s.radio.cell_m, 0.5);
        assert_eq!(s.radio.floor_loss_db.ghz5, 18.0);
        assert_eq!(s.cabling.copper_permanent_link_max_m, 90.0);
        assert_eq!(s.radio.iot_sensitivity_dbm.of(IotTech::Lorawan), -137.0);
    }
}
