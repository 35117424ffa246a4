//! The channel plan of the sample access points: greedy, so that neighbours differ.

use tailplan_core::{Floor, Settings};

/// The 20 MHz channels of the 5 GHz band the samples use (UNII-1, UNII-2, UNII-2e), in the
/// order they are tried.
pub(crate) const CHANNELS_5GHZ: [u32; 19] = [
    36, 40, 44, 48, 52, 56, 60, 64, 100, 104, 108, 112, 116, 120, 124, 128, 132, 136, 140,
];

/// Gives every access point of the building, in order, the channel on which it meets the
/// least co-channel power from the access points already planned: the sum over them of
/// 1 / d² (d the plan distance in metres, at least 1), weakened by the settings' 5 GHz slab
/// loss for each floor between. Ties go to the channel listed first, so the result depends
/// on nothing but the positions.
pub(crate) fn assign(floors: &mut [Floor], settings: &Settings) {
    let slab_db = settings.radio.floor_loss_db.ghz5;
    let mut planned: Vec<(usize, f64, f64, u32)> = Vec::new();
    for (level, floor) in floors.iter_mut().enumerate() {
        for ap in &mut floor.access_points {
            let p = ap.position;
            let interference = |channel: u32| -> f64 {
                planned
                    .iter()
                    .filter(|&&(_, _, _, c)| c == channel)
                    .map(|&(l, x, y, _)| {
                        let d2 = ((x - p.x).powi(2) + (y - p.y).powi(2)).max(1.0);
                        let floors_between = l.abs_diff(level) as f64;
                        10f64.powf(-slab_db * floors_between / 10.0) / d2
                    })
                    .sum()
            };
            let channel = CHANNELS_5GHZ
                .into_iter()
                .map(|c| (c, interference(c)))
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(c, _)| c)
                .expect("there are channels");
            ap.radios[0].channel = Some(channel);
            planned.push((level, p.x, p.y, channel));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parts::FloorBuilder;

    #[test]
    fn neighbours_get_different_channels_and_far_aps_reuse() {
        let mut b = FloorBuilder::new("1", "Level 1", 3_600, 2_800);
        for i in 0..30 {
            b.ap(i * 10_000, 0);
        }
        let mut floors = vec![b.finish()];
        assign(&mut floors, &Settings::default());
        let ch: Vec<u32> = floors[0]
            .access_points
            .iter()
            .map(|a| a.radios[0].channel.unwrap())
            .collect();
        assert_eq!(ch[..3], [36, 40, 44]);
        assert!(ch.windows(2).all(|w| w[0] != w[1]));
        // The 20th AP reuses a channel, the one farthest away: the first AP's.
        assert_eq!(ch[19], 36);
    }
}
