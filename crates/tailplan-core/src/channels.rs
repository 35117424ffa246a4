//! Wi-Fi channels: the spectrum a radio occupies for its channel and width, and how much two
//! radios' spectra overlap (what co-channel and adjacent-channel interference count).
//!
//! A channel of `width_mhz` occupies the aligned block of that width which holds its number's
//! centre frequency (IEEE 802.11 channelisation: 5 GHz blocks from 5170 MHz up to channel 144
//! and from 5735 MHz from channel 149; 6 GHz blocks from 5945 MHz), so channel 44 at 80 MHz
//! and channel 42 at 80 MHz (the block's centre number) both occupy 5170–5250 MHz. A 20 MHz
//! channel occupies its centre ± 10 MHz, and so does every 2.4 GHz channel (40 MHz there:
//! centre ± 20 MHz).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::radio::WifiBand;

/// The rules whose channels a project's radios may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RegDomain {
    /// Europe (ETSI EN 300 328, EN 301 893, EN 303 687): 2.4 GHz channels 1–13; 5 GHz
    /// UNII-1 (36–48), UNII-2 (52–64, DFS), UNII-2e (100–140, DFS) and 149–165 (the
    /// 5.8 GHz band at 25 mW); 6 GHz 5945–6425 MHz, low-power indoor (channels 1–93). The
    /// default.
    #[default]
    Etsi,
    /// The United States (FCC part 15): 2.4 GHz 1–11; 5 GHz 36–165 with 144 (52–144 DFS);
    /// 6 GHz 5925–7125 MHz (channels 1–233).
    Fcc,
}

/// One channel a domain allows at a width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AllowedChannel {
    /// The channel number: the 20 MHz channel, or the centre number of a wider block
    /// (42 for 36–48 at 80 MHz).
    pub channel: u32,
    /// True when radar detection (DFS) applies: the channel can be left at any time.
    pub dfs: bool,
}

impl RegDomain {
    /// `etsi` or `fcc`.
    pub fn as_str(self) -> &'static str {
        match self {
            RegDomain::Etsi => "etsi",
            RegDomain::Fcc => "fcc",
        }
    }

    /// Parses `etsi` or `fcc` (any case; `eu` and `us` too).
    pub fn parse(s: &str) -> Option<RegDomain> {
        match s.trim().to_ascii_lowercase().as_str() {
            "etsi" | "eu" => Some(RegDomain::Etsi),
            "fcc" | "us" => Some(RegDomain::Fcc),
            _ => None,
        }
    }

    /// The 20 MHz channels the domain allows on `band`.
    fn channels_20(self, band: WifiBand) -> Vec<u32> {
        match (band, self) {
            (WifiBand::Ghz2_4, RegDomain::Etsi) => (1..=13).collect(),
            (WifiBand::Ghz2_4, RegDomain::Fcc) => (1..=11).collect(),
            (WifiBand::Ghz5, d) => (36..=64)
                .step_by(4)
                .chain((100..=if d == RegDomain::Fcc { 144 } else { 140 }).step_by(4))
                .chain((149..=165).step_by(4))
                .collect(),
            (WifiBand::Ghz6, RegDomain::Etsi) => (1..=93).step_by(4).collect(),
            (WifiBand::Ghz6, RegDomain::Fcc) => (1..=233).step_by(4).collect(),
        }
    }

    /// The channels the domain allows on `band` at `width_mhz`: every 20 MHz channel at 20
    /// MHz; at a wider width, each aligned block whose 20 MHz channels are all allowed, by its
    /// centre number. 2.4 GHz has no blocks: its 40 MHz channels are its 20 MHz channels
    /// (centre ± 20 MHz) that fit in the band. Empty for a width the band does not have.
    pub fn channels(self, band: WifiBand, width_mhz: u32) -> Vec<AllowedChannel> {
        let twenty = self.channels_20(band);
        let dfs = |ch: u32| band == WifiBand::Ghz5 && (52..=144).contains(&ch);
        if width_mhz == 20 {
            return twenty
                .into_iter()
                .map(|channel| AllowedChannel {
                    channel,
                    dfs: dfs(channel),
                })
                .collect();
        }
        if band == WifiBand::Ghz2_4 {
            if width_mhz != 40 {
                return Vec::new();
            }
            let (lo, hi) = (twenty[0], twenty[twenty.len() - 1]);
            return twenty
                .into_iter()
                .filter(|&c| c >= lo + 2 && c + 2 <= hi)
                .map(|channel| AllowedChannel {
                    channel,
                    dfs: false,
                })
                .collect();
        }
        let max = if band == WifiBand::Ghz5 { 160 } else { 320 };
        if !matches!(width_mhz, 40 | 80 | 160 | 320) || width_mhz > max {
            return Vec::new();
        }
        let n = (width_mhz / 20) as usize;
        let mut out: Vec<AllowedChannel> = Vec::new();
        for &first in &twenty {
            let (lo, _) = channel_span_mhz(band, first, width_mhz);
            let (first_lo, _) = channel_span_mhz(band, first, 20);
            if lo != first_lo {
                continue;
            }
            let members: Vec<u32> = (0..n as u32).map(|k| first + 4 * k).collect();
            if members.iter().all(|m| twenty.contains(m)) {
                out.push(AllowedChannel {
                    channel: first + 2 * (n as u32 - 1),
                    dfs: members.iter().any(|&m| dfs(m)),
                });
            }
        }
        out
    }
}

/// The centre frequency of a Wi-Fi channel, MHz (IEEE 802.11 numbering: 2.4 GHz 2407 + 5·ch,
/// except channel 14 at 2484; 5 GHz 5000 + 5·ch; 6 GHz 5950 + 5·ch).
pub fn channel_center_mhz(band: WifiBand, channel: u32) -> f64 {
    let ch = f64::from(channel);
    match band {
        WifiBand::Ghz2_4 if channel == 14 => 2484.0,
        WifiBand::Ghz2_4 => 2407.0 + 5.0 * ch,
        WifiBand::Ghz5 => 5000.0 + 5.0 * ch,
        WifiBand::Ghz6 => 5950.0 + 5.0 * ch,
    }
}

/// The spectrum a radio occupies, MHz: `(low, high)` edges.
pub fn channel_span_mhz(band: WifiBand, channel: u32, width_mhz: u32) -> (f64, f64) {
    let f = channel_center_mhz(band, channel);
    let w = f64::from(width_mhz.max(20));
    if width_mhz <= 20 || band == WifiBand::Ghz2_4 {
        return (f - w / 2.0, f + w / 2.0);
    }
    let base = match band {
        WifiBand::Ghz5 if f < 5735.0 => 5170.0,
        WifiBand::Ghz5 => 5735.0,
        _ => 5945.0,
    };
    let low = base + ((f - base) / w).floor() * w;
    (low, low + w)
}

/// How much of two radios' spectra overlap, 0 to 1. On 5 and 6 GHz, any overlap counts in
/// full (the radios contend for the same air: a radio at 80 MHz on 42 hears a 20 MHz radio
/// on 36); on 2.4 GHz, where neighbouring channels overlap in part, the overlapping share of
/// the narrower spectrum. Radios on different bands, or without a channel, share nothing.
pub fn channel_overlap(a: (WifiBand, Option<u32>, u32), b: (WifiBand, Option<u32>, u32)) -> f64 {
    let ((band_a, Some(ch_a), w_a), (band_b, Some(ch_b), w_b)) = (a, b) else {
        return 0.0;
    };
    if band_a != band_b {
        return 0.0;
    }
    let (lo_a, hi_a) = channel_span_mhz(band_a, ch_a, w_a);
    let (lo_b, hi_b) = channel_span_mhz(band_b, ch_b, w_b);
    let overlap = hi_a.min(hi_b) - lo_a.max(lo_b);
    if overlap <= 0.0 {
        return 0.0;
    }
    match band_a {
        WifiBand::Ghz2_4 => (overlap / (hi_a - lo_a).min(hi_b - lo_b)).min(1.0),
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use WifiBand::{Ghz2_4, Ghz5, Ghz6};

    #[test]
    fn spans_follow_the_channelisation() {
        assert_eq!(channel_span_mhz(Ghz5, 36, 20), (5170.0, 5190.0));
        assert_eq!(channel_span_mhz(Ghz5, 42, 80), (5170.0, 5250.0));
        assert_eq!(channel_span_mhz(Ghz5, 44, 80), (5170.0, 5250.0));
        assert_eq!(channel_span_mhz(Ghz5, 48, 40), (5210.0, 5250.0));
        assert_eq!(channel_span_mhz(Ghz5, 50, 160), (5170.0, 5330.0));
        assert_eq!(channel_span_mhz(Ghz5, 100, 80), (5490.0, 5570.0));
        assert_eq!(channel_span_mhz(Ghz5, 149, 80), (5735.0, 5815.0));
        assert_eq!(channel_span_mhz(Ghz5, 157, 40), (5775.0, 5815.0));
        assert_eq!(channel_span_mhz(Ghz6, 1, 80), (5945.0, 6025.0));
        assert_eq!(channel_span_mhz(Ghz6, 7, 80), (5945.0, 6025.0));
        assert_eq!(channel_span_mhz(Ghz6, 33, 320), (5945.0, 6265.0));
        assert_eq!(channel_span_mhz(Ghz2_4, 6, 20), (2427.0, 2447.0));
    }

    #[test]
    fn etsi_and_fcc_channels_by_width() {
        let chans = |d: RegDomain, b, w| -> Vec<u32> {
            d.channels(b, w).iter().map(|c| c.channel).collect()
        };
        use RegDomain::{Etsi, Fcc};
        assert_eq!(chans(Etsi, Ghz2_4, 20), (1..=13).collect::<Vec<_>>());
        assert_eq!(chans(Fcc, Ghz2_4, 20).len(), 11);
        assert_eq!(chans(Etsi, Ghz2_4, 40), (3..=11).collect::<Vec<_>>());
        assert_eq!(chans(Etsi, Ghz2_4, 80), Vec::<u32>::new());
        assert_eq!(chans(Etsi, Ghz5, 20).len(), 8 + 11 + 5);
        assert_eq!(
            chans(Etsi, Ghz5, 40),
            [38, 46, 54, 62, 102, 110, 118, 126, 134, 151, 159]
        );
        // ETSI has no 144, so no 132–144 block at 80 MHz; the FCC has.
        assert_eq!(chans(Etsi, Ghz5, 80), [42, 58, 106, 122, 155]);
        assert_eq!(chans(Fcc, Ghz5, 80), [42, 58, 106, 122, 138, 155]);
        assert_eq!(chans(Etsi, Ghz5, 160), [50, 114]);
        // 163 would need 169–177 (UNII-4), which neither list holds.
        assert_eq!(chans(Fcc, Ghz5, 160), [50, 114]);
        assert_eq!(chans(Etsi, Ghz5, 320), Vec::<u32>::new());
        assert_eq!(chans(Etsi, Ghz6, 20).len(), 24);
        assert_eq!(chans(Etsi, Ghz6, 80), [7, 23, 39, 55, 71, 87]);
        assert_eq!(chans(Etsi, Ghz6, 160), [15, 47, 79]);
        assert_eq!(chans(Etsi, Ghz6, 320), [31]);
        assert_eq!(chans(Fcc, Ghz6, 320), [31, 95, 159]);
        // DFS flagged: 52–144 on 5 GHz, any block that holds one.
        let dfs = |d: RegDomain, w| -> Vec<u32> {
            d.channels(Ghz5, w)
                .iter()
                .filter(|c| c.dfs)
                .map(|c| c.channel)
                .collect()
        };
        assert_eq!(dfs(Etsi, 80), [58, 106, 122]);
        assert_eq!(dfs(Etsi, 160), [50, 114]);
        assert!(!Etsi.channels(Ghz5, 20)[0].dfs);
        assert_eq!(RegDomain::parse("EU"), Some(Etsi));
        assert_eq!(RegDomain::default(), Etsi);
    }

    #[test]
    fn overlaps() {
        // An 80 MHz channel at 42 hears a 20 MHz radio on 36, not one on 52.
        assert_eq!(
            channel_overlap((Ghz5, Some(42), 80), (Ghz5, Some(36), 20)),
            1.0
        );
        assert_eq!(
            channel_overlap((Ghz5, Some(42), 80), (Ghz5, Some(52), 20)),
            0.0
        );
        assert_eq!(
            channel_overlap((Ghz5, Some(36), 20), (Ghz5, Some(40), 20)),
            0.0
        );
        assert_eq!(
            channel_overlap((Ghz5, Some(36), 20), (Ghz5, Some(36), 20)),
            1.0
        );
        // 2.4 GHz: 1 and 6 are clear, 1 and 3 share half, 1 and 4 a quarter.
        assert_eq!(
            channel_overlap((Ghz2_4, Some(1), 20), (Ghz2_4, Some(6), 20)),
            0.0
        );
        assert_eq!(
            channel_overlap((Ghz2_4, Some(1), 20), (Ghz2_4, Some(3), 20)),
            0.5
        );
        assert_eq!(
            channel_overlap((Ghz2_4, Some(1), 20), (Ghz2_4, Some(4), 20)),
            0.25
        );
        assert_eq!(
            channel_overlap((Ghz2_4, Some(1), 20), (Ghz2_4, Some(5), 20)),
            0.0
        );
        // No channel, another band: nothing.
        assert_eq!(channel_overlap((Ghz5, None, 20), (Ghz5, Some(36), 20)), 0.0);
        assert_eq!(
            channel_overlap((Ghz5, Some(36), 20), (Ghz6, Some(36), 20)),
            0.0
        );
    }
}
