//! A radio of an access point: its Wi-Fi band, channel, channel width, power and antenna.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::antenna::AntennaMount;
use crate::diagnostics::Num;
use crate::materials::Band;

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

/// One radio of an access point: its band, channel, channel width, power and antenna.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Radio {
    /// The band it radiates on.
    pub band: WifiBand,
    /// Channel number (IEEE 802.11 numbering), if assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<u32>,
    /// Channel width, MHz: 20, 40, 80, 160 or 320 (20 by default).
    #[serde(
        default = "Radio::default_width_mhz",
        skip_serializing_if = "Radio::is_default_width"
    )]
    pub width_mhz: u32,
    /// Transmit power, dBm: the EIRP without an antenna; with one, the power into it.
    pub tx_dbm: f64,
    /// Its antenna, if it has a directional one (else it radiates `tx_dbm` equally).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub antenna: Option<AntennaMount>,
}

impl Radio {
    /// The channel widths a radio may have, MHz.
    pub const WIDTHS_MHZ: [u32; 5] = [20, 40, 80, 160, 320];

    /// A radio on `band` at `tx_dbm` with no channel, 20 MHz wide, without an antenna.
    pub fn new(band: WifiBand, tx_dbm: f64) -> Self {
        Self {
            band,
            channel: None,
            width_mhz: 20,
            tx_dbm,
            antenna: None,
        }
    }

    /// 20 MHz.
    pub fn default_width_mhz() -> u32 {
        20
    }

    fn is_default_width(w: &u32) -> bool {
        *w == 20
    }

    /// The radio as a plan label: `ch 44 · 5 GHz · 80 MHz · 17 dBm · az 90°` (no channel, a
    /// 20 MHz width and no antenna left out).
    pub fn label(&self) -> String {
        let mut s = self
            .channel
            .map_or_else(String::new, |c| format!("ch {c} · "));
        s.push_str(&format!("{} GHz", self.band.as_str()));
        if self.width_mhz != 20 {
            s.push_str(&format!(" · {} MHz", self.width_mhz));
        }
        s.push_str(&format!(" · {} dBm", Num(self.tx_dbm)));
        if let Some(a) = &self.antenna {
            s.push_str(&format!(" · az {}°", Num(a.azimuth_deg)));
        }
        s
    }
}
