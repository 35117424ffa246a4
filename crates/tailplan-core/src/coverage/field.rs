//! One transmitter's field: its RSSI on every cell of a receiver floor's grid.
//!
//! Computed in f64 and stored as f32 (cast once per cell): 4 bytes a cell keeps 40 fields of a
//! 115,000-cell floor in 18 MB, and f32 holds a dBm value to about 10⁻⁵ dB.

use serde::{Deserialize, Serialize};

use super::grid::Grid;
use super::model::{Link, Reaching, path_loss_d2, rssi_dbm};
use super::obstacles::Obstacles;
use super::oracle;
use super::shadow::{self, Scratch};

/// How obstacle losses are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Shadow rasterisation (the fast path, the default).
    #[default]
    Shadow,
    /// Every obstacle segment for every cell: the test oracle and benchmark baseline.
    Oracle,
}

/// One transmitter's RSSI over a floor's grid.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Field {
    /// The transmitter and the slabs between it and the floor.
    pub source: Reaching,
    /// The grid the values are on.
    pub grid: Grid,
    /// RSSI per cell, dBm, row-major, row 0 at the grid's miny.
    pub rssi_dbm: Vec<f32>,
}

/// The RSSI of every cell for `link`, by `method`.
pub(crate) fn values(
    grid: &Grid,
    obstacles: &Obstacles,
    link: &Link,
    method: Method,
    scratch: &mut Scratch,
) -> Vec<f32> {
    match method {
        Method::Oracle => oracle::field(grid, obstacles, link),
        Method::Shadow => {
            let losses = shadow::obstacle_losses(grid, obstacles, link.band, link, scratch);
            finish(grid, link, losses)
        }
    }
}

/// Adds the path loss to the obstacle losses, cell by cell, exactly as
/// [`Link::rssi_at`] does (same operations in the same order).
fn finish(grid: &Grid, link: &Link, losses: &[f64]) -> Vec<f32> {
    let dxs: Vec<f64> = (0..grid.cols)
        .map(|c| grid.center_x(c) - link.t.x)
        .collect();
    let dx2: Vec<f64> = dxs.iter().map(|dx| dx * dx).collect();
    let mut out = Vec::with_capacity(grid.len());
    for (row, row_losses) in losses.chunks_exact(grid.cols).enumerate() {
        let dy = grid.center_y(row) - link.t.y;
        let dy2 = dy * dy;
        let rssi = |(&dx, &dx2): (&f64, &f64), &loss: &f64| {
            let d2 = dx2 + dy2 + link.dz2;
            let pl = path_loss_d2(link.fterm, link.exponent, d2);
            rssi_dbm(link.eirp_towards(dx, dy), pl, loss, link.slabs_db) as f32
        };
        out.extend(
            dxs.iter()
                .zip(&dx2)
                .zip(row_losses)
                .map(|(d, l)| rssi(d, l)),
        );
    }
    out
}
