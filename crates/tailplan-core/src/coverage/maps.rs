//! The combined maps a planner reads, from the per-transmitter fields: best server, second
//! best, serving transmitter, how many are above a threshold, SNR and SINR.

use serde::Serialize;

use super::grid::Grid;
use super::model::{Reaching, Service};

/// The value of a cell where nothing is heard (and the floor of every map), dBm.
pub const NO_SIGNAL_DBM: f32 = -200.0;

/// [`Heatmaps::serving`] of a cell no transmitter serves.
pub const NO_SERVER: u32 = u32::MAX;

/// Cells combined per block: the block's accumulators stay in the L1 cache while every field
/// streams through once.
const BLOCK: usize = 2048;

/// A floor's heatmaps for one Wi-Fi band or IoT technology.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Heatmaps {
    /// The floor's id.
    pub floor: String,
    /// The band or technology.
    pub service: Service,
    /// The grid every map is on.
    pub grid: Grid,
    /// The transmitters taken in, in the order [`Heatmaps::serving`] numbers them.
    pub transmitters: Vec<Reaching>,
    /// Best-server RSSI per cell, dBm; [`NO_SIGNAL_DBM`] where nothing is heard (and never
    /// below it).
    pub best_rssi_dbm: Vec<f32>,
    /// Second-best RSSI per cell (secondary coverage), dBm; [`NO_SIGNAL_DBM`] likewise.
    pub second_rssi_dbm: Vec<f32>,
    /// The index in [`Heatmaps::transmitters`] of each cell's strongest transmitter (the first
    /// one on a tie), or [`NO_SERVER`].
    pub serving: Vec<u32>,
    /// The threshold [`Heatmaps::servers_above`] counts against, dBm.
    pub threshold_dbm: f64,
    /// How many transmitters each cell hears at or above the threshold.
    pub servers_above: Vec<u16>,
    /// The noise floor SNR and SINR are taken against, dBm.
    pub noise_floor_dbm: f64,
    /// Signal to interference and noise per cell, dB: the serving transmitter's power over
    /// the power of the others on the same band and channel plus the noise floor (in mW).
    /// Transmitters without a channel share none. `None` unless asked for.
    pub sinr_db: Option<Vec<f32>>,
}

impl Heatmaps {
    /// Signal to noise per cell, dB: best RSSI minus the noise floor.
    pub fn snr_db(&self) -> Vec<f32> {
        let noise = self.noise_floor_dbm as f32;
        self.best_rssi_dbm.iter().map(|&b| b - noise).collect()
    }
}

/// Best, second best, serving index and count above `threshold`, per cell, over `fields`.
pub(crate) fn combine(
    cells: usize,
    fields: &[&[f32]],
    threshold_dbm: f64,
) -> (Vec<f32>, Vec<f32>, Vec<u32>, Vec<u16>) {
    let mut best = vec![f32::NEG_INFINITY; cells];
    let mut second = vec![f32::NEG_INFINITY; cells];
    let mut serving = vec![NO_SERVER; cells];
    let mut count = vec![0u16; cells];
    // `v >= threshold` in f64 for a f32 v is the same as comparing with the smallest f32 at
    // or above the threshold.
    let thr = f32_at_or_above(threshold_dbm);
    // Per block, 32-bit lanes throughout so that the loop vectorises.
    let mut block_count = [0u32; BLOCK];
    let mut start = 0;
    while start < cells {
        let end = (start + BLOCK).min(cells);
        let b = &mut best[start..end];
        let s = &mut second[start..end];
        let sv = &mut serving[start..end];
        let cnt = &mut block_count[..end - start];
        cnt.fill(0);
        for (k, field) in fields.iter().enumerate() {
            update(&field[start..end], b, s, sv, cnt, k as u32, thr);
        }
        for (c, &n) in count[start..end].iter_mut().zip(cnt.iter()) {
            *c = n.min(u32::from(u16::MAX)) as u16;
        }
        start = end;
    }
    for v in best.iter_mut().chain(second.iter_mut()) {
        *v = v.max(NO_SIGNAL_DBM);
    }
    (best, second, serving, count)
}

/// Folds one field's block into the block's accumulators. Written on fixed lanes of 8 without
/// branches so that it vectorises (no NaN can occur).
#[inline]
fn update(
    f: &[f32],
    b: &mut [f32],
    s: &mut [f32],
    sv: &mut [u32],
    cnt: &mut [u32],
    k: u32,
    thr: f32,
) {
    const L: usize = 8;
    let n = f.len();
    let (b, s, sv, cnt) = (&mut b[..n], &mut s[..n], &mut sv[..n], &mut cnt[..n]);
    let lanes = n / L * L;
    for j in (0..lanes).step_by(L) {
        let fv: &[f32; L] = f[j..j + L].try_into().expect("8 lanes");
        let bv: &mut [f32; L] = (&mut b[j..j + L]).try_into().expect("8 lanes");
        let svv: &mut [f32; L] = (&mut s[j..j + L]).try_into().expect("8 lanes");
        let kv: &mut [u32; L] = (&mut sv[j..j + L]).try_into().expect("8 lanes");
        let cv: &mut [u32; L] = (&mut cnt[j..j + L]).try_into().expect("8 lanes");
        for i in 0..L {
            let v = fv[i];
            // Selects as masks: 0 or !0.
            let gt = u32::from(v > bv[i]).wrapping_neg();
            let gs = u32::from(v > svv[i]).wrapping_neg();
            let (vb, bb, sb) = (v.to_bits(), bv[i].to_bits(), svv[i].to_bits());
            let s_or_v = (vb & gs) | (sb & !gs);
            svv[i] = f32::from_bits((bb & gt) | (s_or_v & !gt));
            bv[i] = f32::from_bits((vb & gt) | (bb & !gt));
            kv[i] = (k & gt) | (kv[i] & !gt);
            cv[i] += u32::from(v >= thr);
        }
    }
    for i in lanes..n {
        let v = f[i];
        let gt = v > b[i];
        let s_or_v = if v > s[i] { v } else { s[i] };
        s[i] = if gt { b[i] } else { s_or_v };
        b[i] = if gt { v } else { b[i] };
        sv[i] = if gt { k } else { sv[i] };
        cnt[i] += u32::from(v >= thr);
    }
}

/// The smallest f32 that is at or above `x`.
fn f32_at_or_above(x: f64) -> f32 {
    let f = x as f32;
    if f64::from(f) >= x { f } else { f.next_up() }
}

/// SINR per cell, dB, for the serving transmitter of each cell: its power over the noise
/// floor and the power of every transmitter whose channel overlaps its own, weighted by the
/// overlap ([`crate::channels::channel_overlap`]).
pub(crate) fn sinr(
    transmitters: &[Reaching],
    fields: &[&[f32]],
    best: &[f32],
    serving: &[u32],
    noise_floor_dbm: f64,
) -> Vec<f32> {
    // Each transmitter's interferers and the share of their power it hears (the overlap of
    // their channels' spectra).
    let partners: Vec<Vec<(usize, f64)>> = transmitters
        .iter()
        .enumerate()
        .map(|(k, a)| {
            transmitters
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != k)
                .map(|(j, b)| (j, a.transmitter.channel_overlap_with(&b.transmitter)))
                .filter(|&(_, share)| share > 0.0)
                .collect()
        })
        .collect();
    let noise_mw = mw(noise_floor_dbm);
    best.iter()
        .zip(serving)
        .enumerate()
        .map(|(i, (&b, &s))| {
            let others = match partners.get(s as usize) {
                Some(p) if !p.is_empty() => p,
                _ => return (f64::from(b) - noise_floor_dbm) as f32,
            };
            let interference: f64 = others
                .iter()
                .map(|&(j, share)| share * mw(f64::from(fields[j][i])))
                .sum();
            (f64::from(b) - 10.0 * (interference + noise_mw).log10()) as f32
        })
        .collect()
}

/// dBm to mW.
#[inline]
pub(crate) fn mw(dbm: f64) -> f64 {
    (dbm * (std::f64::consts::LN_10 / 10.0)).exp()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_second_serving_count() {
        let a = [-50.0f32, -90.0, -300.0];
        let b = [-60.0f32, -70.0, -250.0];
        let c = [-50.0f32, -80.0, -260.0];
        let (best, second, serving, count) = combine(3, &[&a, &b, &c], -75.0);
        assert_eq!(best, [-50.0, -70.0, -200.0]);
        assert_eq!(second, [-50.0, -80.0, -200.0]);
        assert_eq!(serving, [0, 1, 1]);
        assert_eq!(count, [3, 1, 0]);
        let (best, _, serving, _) = combine(3, &[], -75.0);
        assert_eq!(best, [NO_SIGNAL_DBM; 3]);
        assert_eq!(serving, [NO_SERVER; 3]);
        let t = f32_at_or_above(-67.3);
        assert!(f64::from(t) >= -67.3 && f64::from(t.next_down()) < -67.3);
        assert_eq!(f32_at_or_above(-67.0), -67.0);
    }
}
