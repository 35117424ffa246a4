//! Wi-Fi channels: the spectrum a radio occupies for its channel and width, and how much two
//! radios' spectra overlap (what co-channel and adjacent-channel interference count).
//!
//! A channel of `width_mhz` occupies the aligned block of that width which holds its number's
//! centre frequency (IEEE 802.11 channelisation: 5 GHz blocks from 5170 MHz up to channel 144
//! and from 5735 MHz from channel 149; 6 GHz blocks from 5945 MHz), so channel 44 at 80 MHz
//! and channel 42 at 80 MHz (the block's centre number) both occupy 5170–5250 MHz. A 20 MHz
//! channel occupies its centre ± 10 MHz, and so does every 2.4 GHz channel (40 MHz there:
//! centre ± 20 MHz).

use crate::radio::WifiBand;

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
