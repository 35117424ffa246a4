//! The built-in catalogue of generic access point models: their radios, antennas and PoE draw.
//!
//! An [`AccessPoint`](crate::AccessPoint) names a model by its [`ApModel::name`] and may
//! override any of it: its own radios take the place of the model's of the same band, its own
//! `poe_w` the model's draw. The models are generic (no vendor's figures): typical powers and
//! antennas of their class, for a first design before the real products are chosen.

use std::sync::LazyLock;

use serde::Serialize;

use crate::antenna::{AntennaMount, builtin};
use crate::radio::{Radio, WifiBand};

/// A catalogue access point model.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ApModel {
    /// Its name, what an access point's `model` says.
    pub name: &'static str,
    /// What it is, in a line.
    pub description: &'static str,
    /// Its radios, with their antennas and powers (channels unassigned).
    pub radios: Vec<Radio>,
    /// What it draws over PoE, watts.
    pub poe_w: f64,
    /// The PoE standard and class it needs.
    pub poe_class: &'static str,
}

/// The names of the catalogue's models.
pub mod names {
    /// A Wi-Fi 6E tri-band ceiling access point with omni antennas, 802.3at.
    pub const TRI_BAND_CEILING: &str = "generic-tri-band-ceiling";
    /// A Wi-Fi 7 tri-band ceiling access point (320 MHz on 6 GHz), 802.3bt.
    pub const WIFI7_TRI_BAND: &str = "generic-wifi7-tri-band";
    /// A dual-band wall-mounted access point with a 70° patch antenna, 802.3af.
    pub const DUAL_BAND_PATCH: &str = "generic-dual-band-patch";
    /// A dual-band outdoor access point with omni antennas, 802.3at.
    pub const OUTDOOR: &str = "generic-outdoor";
}

fn radio(band: WifiBand, width_mhz: u32, tx_dbm: f64, pattern: &str) -> Radio {
    Radio {
        band,
        channel: None,
        width_mhz,
        tx_dbm,
        antenna: Some(AntennaMount {
            pattern: pattern.to_owned(),
            azimuth_deg: 0.0,
            tilt_deg: 0.0,
        }),
    }
}

/// Every model of the catalogue, in a fixed order.
pub fn catalogue() -> &'static [ApModel] {
    static MODELS: LazyLock<Vec<ApModel>> = LazyLock::new(|| {
        use WifiBand::{Ghz2_4, Ghz5, Ghz6};
        let omni = builtin::OMNI_CEILING;
        vec![
            ApModel {
                name: names::TRI_BAND_CEILING,
                description: "Wi-Fi 6E tri-band ceiling AP, omni 4 dBi antennas (EIRP 18 / 21 / 20 dBm), 802.3at",
                radios: vec![
                    radio(Ghz2_4, 20, 14.0, omni),
                    radio(Ghz5, 40, 17.0, omni),
                    radio(Ghz6, 80, 16.0, omni),
                ],
                poe_w: 25.5,
                poe_class: "802.3at class 4",
            },
            ApModel {
                name: names::WIFI7_TRI_BAND,
                description: "Wi-Fi 7 tri-band ceiling AP, omni 4 dBi antennas, 160 MHz on 5 GHz and 320 MHz on 6 GHz, 802.3bt",
                radios: vec![
                    radio(Ghz2_4, 20, 14.0, omni),
                    radio(Ghz5, 160, 17.0, omni),
                    radio(Ghz6, 320, 19.0, omni),
                ],
                poe_w: 40.0,
                poe_class: "802.3bt class 5",
            },
            ApModel {
                name: names::DUAL_BAND_PATCH,
                description: "dual-band wall AP, 70° patch 8 dBi antennas (EIRP 18 / 23 dBm) for corridors and halls, 802.3af",
                radios: vec![
                    radio(Ghz2_4, 20, 10.0, builtin::PATCH_70),
                    radio(Ghz5, 40, 15.0, builtin::PATCH_70),
                ],
                poe_w: 12.95,
                poe_class: "802.3af class 3",
            },
            ApModel {
                name: names::OUTDOOR,
                description: "dual-band outdoor AP, omni 6 dBi antennas (EIRP 20 / 26 dBm), 802.3at",
                radios: vec![
                    radio(Ghz2_4, 20, 14.0, builtin::OMNI_OUTDOOR),
                    radio(Ghz5, 40, 20.0, builtin::OMNI_OUTDOOR),
                ],
                poe_w: 25.5,
                poe_class: "802.3at class 4",
            },
        ]
    });
    &MODELS
}

/// The model named `name`.
pub fn find(name: &str) -> Option<&'static ApModel> {
    catalogue().iter().find(|m| m.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::antenna::AntennaLibrary;

    #[test]
    fn every_model_is_found_and_its_antennas_exist() {
        let lib = AntennaLibrary::default();
        for m in catalogue() {
            assert_eq!(find(m.name), Some(m));
            assert!(m.poe_w > 0.0 && m.poe_w <= 90.0);
            for r in &m.radios {
                assert!(Radio::WIDTHS_MHZ.contains(&r.width_mhz));
                let a = r.antenna.as_ref().unwrap();
                assert!(lib.get(&a.pattern).is_some(), "{}", a.pattern);
            }
        }
        assert!(find("no such model").is_none());
    }
}
