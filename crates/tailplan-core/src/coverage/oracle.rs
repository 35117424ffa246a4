//! The brute-force oracle: for every cell, every segment of every obstacle.
//!
//! Kept as the definition the fast path ([`super::shadow`]) is tested against, cell by cell
//! and bit for bit, and as the benchmark baseline. Do not optimise it.

use crate::materials::Band;

use super::grid::Grid;
use super::model::Link;
use super::obstacles::{Obstacles, crosses};

/// The summed obstacle loss at `band` of every cell, for a transmitter at `link.t`: for each
/// obstacle in canonical order, its loss is added when any of its segments crosses or touches
/// the segment from the transmitter to the cell's centre.
pub(crate) fn obstacle_losses(
    grid: &Grid,
    obstacles: &Obstacles,
    band: Band,
    link: &Link,
) -> Vec<f64> {
    let mut out = Vec::with_capacity(grid.len());
    for row in 0..grid.rows {
        for col in 0..grid.cols {
            let p = grid.center(row, col);
            let mut sum = 0.0;
            for (k, obstacle) in obstacles.items().iter().enumerate() {
                if obstacles
                    .segments_of(k)
                    .iter()
                    .any(|s| crosses(link.t, p, s))
                {
                    sum += obstacle.loss_db.at(band);
                }
            }
            out.push(sum);
        }
    }
    out
}

/// The RSSI of every cell by the oracle, dBm (computed in f64, stored as f32).
pub(crate) fn field(grid: &Grid, obstacles: &Obstacles, link: &Link) -> Vec<f32> {
    let losses = obstacle_losses(grid, obstacles, link.band, link);
    losses
        .iter()
        .enumerate()
        .map(|(i, &loss)| link.rssi_at(grid.center_of(i), loss) as f32)
        .collect()
}
