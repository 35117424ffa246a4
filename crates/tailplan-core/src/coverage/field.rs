//! One transmitter's field: its RSSI on every cell of a receiver floor's grid.
//!
//! Computed in f64 and stored as f32 (cast once per cell): 4 bytes a cell keeps 40 fields of a
//! 115,000-cell floor in 18 MB, and f32 holds a dBm value to about 10⁻⁵ dB.

use serde::{Deserialize, Serialize};

use super::grid::Grid;
use super::model::{Link, Reaching, path_loss_d2, rssi_dbm};
use super::obstacles::Obstacles;
use super::oracle;
use super::shadow::{self, Scratch, Window};

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
        Method::Shadow => values_in(grid, Window::full(grid), obstacles, link, scratch),
    }
}

/// The RSSI of every cell of `window` (row-major over the window) by the fast path: each
/// equal to the whole grid's value of that cell, to the bit.
pub(crate) fn values_in(
    grid: &Grid,
    window: Window,
    obstacles: &Obstacles,
    link: &Link,
    scratch: &mut Scratch,
) -> Vec<f32> {
    let losses =
        shadow::obstacle_losses_in(grid, window, None, obstacles, link.band, link, scratch);
    finish(grid, window, link, losses)
}

/// Adds the path loss to the obstacle losses of `window`'s cells, cell by cell, exactly as
/// [`Link::rssi_at`] does (same operations in the same order).
fn finish(grid: &Grid, window: Window, link: &Link, losses: &[f64]) -> Vec<f32> {
    if window.is_empty() {
        return Vec::new();
    }
    let dxs: Vec<f64> = (window.c0..window.c1)
        .map(|c| grid.center_x(c) - link.t.x)
        .collect();
    let dx2: Vec<f64> = dxs.iter().map(|dx| dx * dx).collect();
    let mut out = Vec::with_capacity(window.len());
    for (k, row_losses) in losses.chunks_exact(window.cols()).enumerate() {
        let dy = grid.center_y(window.r0 + k) - link.t.y;
        let dy2 = dy * dy;
        let rssi = |(&dx, &dx2): (&f64, &f64), &loss: &f64| cell_rssi(link, dx, dy, dx2, dy2, loss);
        out.extend(
            dxs.iter()
                .zip(&dx2)
                .zip(row_losses)
                .map(|(d, l)| rssi(d, l)),
        );
    }
    out
}

/// One cell's RSSI, dBm, from its offsets from the transmitter (`dx`, `dy`), their squares and
/// its obstacle loss: what every fast-path computation stores, computed in f64 and cast once.
#[inline]
pub(crate) fn cell_rssi(link: &Link, dx: f64, dy: f64, dx2: f64, dy2: f64, loss: f64) -> f32 {
    let d2 = dx2 + dy2 + link.dz2;
    let pl = path_loss_d2(link.fterm, link.exponent, d2);
    rssi_dbm(link.eirp_towards(dx, dy), pl, loss, link.slabs_db) as f32
}
