//! The fast path: per transmitter, per obstacle segment, rasterise the segment's *shadow*.
//!
//! The shadow of a segment AB seen from T is the set of points P whose segment T→P meets AB:
//! for T off the line AB, the convex region inside the cone from T through A and B and beyond
//! (or on) the line AB: the intersection of three half-planes. Each grid row is clipped
//! against the three half-planes twice: pushed outwards by a margin ρ (every cell outside is
//! certainly missed) and pulled inwards by ρ (every cell inside is certainly hit). Only the
//! few cells between the two, within ρ of an edge of the shadow, are decided by the exact
//! predicate [`crosses`] that the oracle uses; so the fast path gives the oracle's answer on
//! every cell. ρ = 10⁻⁹ × the largest coordinate involved (at least 1 m): about 10⁶ times the
//! worst rounding error of the orientation tests, and far below a cell.
//!
//! Degenerate cases: when T lies on the segment (the predicate's own test), every cell is hit;
//! when T is exactly on the segment's line but off the segment, hits can only lie in a thin
//! strip along the line, whose cells are all tested exactly; when T is within ρ of the line
//! without being on it (or the segment has no length), every cell is tested exactly.
//!
//! Losses are accumulated obstacle by obstacle in canonical order, so each cell's sum is
//! formed in the same order as the oracle's and is equal to the bit. A wall of several
//! segments counts once per cell: its cells are stamped with the obstacle's epoch. Obstacles
//! with a zero loss at the band are skipped (adding 0.0 changes no sum). Cost: about
//! rows × segments for the clipping plus cells × obstacles crossed for the sums.

use crate::geometry::{Point, Segment, orient};
use crate::materials::Band;

use super::grid::Grid;
use super::model::Link;
use super::obstacles::{Obstacles, crosses};

/// Buffers reused from one transmitter to the next.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scratch {
    loss: Vec<f64>,
    stamp: Vec<u32>,
    epoch: u32,
    xs: Vec<f64>,
    ys: Vec<f64>,
}

/// A half-plane `nx·x + ny·y + c ≥ 0` with a unit normal.
#[derive(Debug, Clone, Copy)]
struct HalfPlane {
    nx: f64,
    ny: f64,
    c: f64,
}

/// A half-plane ready for row clipping: on row y, `x ≥ (or ≤) −(ny·y + c) / nx`.
#[derive(Debug, Clone, Copy)]
struct RowClip {
    /// −1/nx, or 0 when the boundary is horizontal (nx ≈ 0).
    neg_inv_nx: f64,
    lower: bool,
    ny: f64,
    c: f64,
}

impl RowClip {
    fn new(h: &HalfPlane) -> Self {
        let flat = h.nx.abs() <= 1e-200 || h.nx.is_nan();
        Self {
            neg_inv_nx: if flat { 0.0 } else { -1.0 / h.nx },
            lower: h.nx > 0.0,
            ny: h.ny,
            c: h.c,
        }
    }
}

impl HalfPlane {
    /// The points P with `side · orient(q, q + dir, P) ≥ 0`.
    fn of_line(q: Point, dir: Point, side: f64) -> Self {
        let len = dir.x.hypot(dir.y);
        let k = side / len;
        Self {
            nx: -dir.y * k,
            ny: dir.x * k,
            c: (dir.y * q.x - dir.x * q.y) * k,
        }
    }

    fn shifted(self, by: f64) -> Self {
        Self {
            c: self.c + by,
            ..self
        }
    }

    #[inline]
    fn value(&self, p: Point) -> f64 {
        self.nx * p.x + self.ny * p.y + self.c
    }
}

/// How one segment's shadow is found.
enum Shadow {
    /// The transmitter is on the segment: every cell is hit.
    All,
    /// The transmitter is exactly on the segment's line, off the segment: only cells within
    /// a thin strip along the line can be hit (all are tested).
    Strip([HalfPlane; 3]),
    /// The transmitter is nearly on the segment's line, or the segment has no length: test
    /// every cell.
    Scan,
    /// The intersection of three half-planes.
    Cone([HalfPlane; 3]),
}

fn on_segment(a: Point, b: Point, c: Point) -> bool {
    c.x >= a.x.min(b.x) && c.x <= a.x.max(b.x) && c.y >= a.y.min(b.y) && c.y <= a.y.max(b.y)
}

fn classify(t: Point, s: &Segment, rho: f64) -> Shadow {
    let (a, b) = (s.a, s.b);
    // The same orientation the predicate computes first (`orient(a, b, t)`, as `d1`).
    let d1 = orient(a, b, t);
    if d1 == 0.0 && on_segment(a, b, t) {
        return Shadow::All;
    }
    let sub = |p: Point, q: Point| Point::new(p.x - q.x, p.y - q.y);
    let len = a.distance(b);
    if d1 == 0.0 && len > 0.0 {
        // Hits come only from the predicate's touching tests: P (nearly) on the line AB, or
        // on the line through T and an end, which leaves the line AB by at most 4ε·|TA| /
        // |TB| radians (T is within 4ε·|TA| of the line AB). A strip of half-width ρ times
        // that ratio holds them all.
        let (ta, tb) = (t.distance(a), t.distance(b));
        let w = rho * (ta.max(tb) / ta.min(tb)).max(1.0);
        if w.is_finite() {
            let up = HalfPlane::of_line(a, sub(b, a), 1.0);
            let down = HalfPlane::of_line(a, sub(b, a), -1.0);
            // Shifted by w - rho: the raster adds rho again for the outer bounds.
            return Shadow::Strip([
                up.shifted(w - rho),
                down.shifted(w - rho),
                up.shifted(w - rho),
            ]);
        }
        return Shadow::Scan;
    }
    if d1.abs() <= rho * len || d1.is_nan() {
        return Shadow::Scan;
    }
    let sigma = d1.signum();
    Shadow::Cone([
        // Beyond (or on) the line AB, away from T.
        HalfPlane::of_line(a, sub(b, a), -sigma),
        // On B's side of the ray T→A, and on A's side of the ray T→B.
        HalfPlane::of_line(t, sub(a, t), sigma),
        HalfPlane::of_line(t, sub(b, t), -sigma),
    ])
}

/// Clips a convex polygon by a half-plane (Sutherland–Hodgman); returns the new vertex count.
fn clip(poly: &[Point], h: &HalfPlane, out: &mut [Point; 8]) -> usize {
    let mut n = 0;
    for i in 0..poly.len() {
        let p = poly[i];
        let q = poly[(i + 1) % poly.len()];
        let (vp, vq) = (h.value(p), h.value(q));
        if vp >= 0.0 {
            out[n] = p;
            n += 1;
        }
        if (vp >= 0.0) != (vq >= 0.0) {
            let t = vp / (vp - vq);
            out[n] = p.lerp(q, t);
            n += 1;
        }
    }
    n
}

/// The x-interval of row `y` inside all three half-planes; (lo, hi) with lo > hi when empty.
/// A bound that cannot be computed (a non-finite value) is dropped when `widen` (outer
/// bounds) and empties the interval otherwise (inner bounds), so both stay conservative.
#[inline]
fn row_interval(hps: &[RowClip; 3], y: f64, widen: bool) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::NEG_INFINITY, f64::INFINITY);
    for h in hps {
        let k = h.ny * y + h.c;
        if h.neg_inv_nx != 0.0 {
            let x = k * h.neg_inv_nx;
            if !x.is_finite() {
                if widen {
                    continue;
                }
                return (1.0, 0.0);
            }
            if h.lower {
                lo = lo.max(x);
            } else {
                hi = hi.min(x);
            }
        } else if k < 0.0 {
            return (1.0, 0.0);
        }
    }
    (lo, hi)
}

/// ⌈x⌉ for x in [−2⁶², 2⁶²] (without the libm call baseline x86-64 makes for `ceil`).
#[inline]
fn ceil(x: f64) -> f64 {
    let i = x as i64 as f64;
    if i < x { i + 1.0 } else { i }
}

/// ⌊x⌋ likewise.
#[inline]
fn floor(x: f64) -> f64 {
    let i = x as i64 as f64;
    if i > x { i - 1.0 } else { i }
}

/// Columns whose centres lie in [lo, hi], clamped to the grid: (first, last), first > last
/// when none.
#[inline]
fn columns(grid: &Grid, lo: f64, hi: f64) -> (isize, isize) {
    let last = grid.cols as f64 - 1.0;
    let col = |x: f64| (x - grid.bbox.min.x) / grid.cell_m - 0.5;
    let first = ceil(col(lo).clamp(-1.0, last + 1.0)).max(0.0);
    let end = floor(col(hi).clamp(-1.0, last + 1.0)).min(last);
    (first as isize, end as isize)
}

/// The summed obstacle loss at `band` of every cell for a transmitter at `link.t`, equal to
/// [`super::oracle::obstacle_losses`] on every cell.
pub(crate) fn obstacle_losses<'s>(
    grid: &Grid,
    obstacles: &Obstacles,
    band: Band,
    link: &Link,
    scratch: &'s mut Scratch,
) -> &'s [f64] {
    let t = link.t;
    let n = grid.len();
    scratch.loss.clear();
    scratch.loss.resize(n, 0.0);
    if scratch.stamp.len() < n {
        scratch.stamp.resize(n, 0);
    }
    scratch.xs.clear();
    scratch.xs.extend((0..grid.cols).map(|c| grid.center_x(c)));
    scratch.ys.clear();
    scratch.ys.extend((0..grid.rows).map(|r| grid.center_y(r)));

    let b = grid.bbox;
    let magnitude = [b.min.x, b.min.y, b.max.x, b.max.y, t.x, t.y]
        .into_iter()
        .fold(obstacles.extent().max(1.0), |m, v| m.max(v.abs()));
    let rho = 1e-9 * magnitude;

    let mut raster = Raster {
        grid,
        t,
        rho,
        loss: &mut scratch.loss,
        stamp: &mut scratch.stamp,
        epoch: 0,
        xs: &scratch.xs,
        ys: &scratch.ys,
    };
    for (k, obstacle) in obstacles.items().iter().enumerate() {
        let l = obstacle.loss_db.at(band);
        if l == 0.0 {
            continue;
        }
        let segments = obstacles.segments_of(k);
        let multi = segments.len() > 1;
        if multi {
            scratch.epoch = scratch.epoch.wrapping_add(1);
            if scratch.epoch == 0 {
                raster.stamp.fill(0);
                scratch.epoch = 1;
            }
            raster.epoch = scratch.epoch;
        }
        for s in segments {
            raster.segment(s, l, multi);
        }
    }
    &scratch.loss
}

struct Raster<'a> {
    grid: &'a Grid,
    t: Point,
    rho: f64,
    loss: &'a mut [f64],
    stamp: &'a mut [u32],
    epoch: u32,
    xs: &'a [f64],
    ys: &'a [f64],
}

impl Raster<'_> {
    fn segment(&mut self, s: &Segment, l: f64, multi: bool) {
        let grid = self.grid;
        match classify(self.t, s, self.rho) {
            Shadow::All => {
                for row in 0..grid.rows {
                    self.definite(row, 0, grid.cols - 1, l, multi);
                }
            }
            Shadow::Scan => {
                for row in 0..grid.rows {
                    self.uncertain(row, 0, grid.cols as isize - 1, s, l, multi);
                }
            }
            Shadow::Cone(hps) => self.cone(&hps, s, l, multi, true),
            Shadow::Strip(hps) => self.cone(&hps, s, l, multi, false),
        }
    }

    /// Rasterises the convex region of `hps`: cells outside it pushed out by ρ are missed;
    /// with `interior`, cells inside it pulled in by ρ are hit; the others are tested.
    fn cone(&mut self, hps: &[HalfPlane; 3], s: &Segment, l: f64, multi: bool, interior: bool) {
        let grid = self.grid;
        let rho = self.rho;
        let outer = hps.map(|h| h.shifted(rho));
        let inner = hps.map(|h| RowClip::new(&h.shifted(-rho)));

        // The rows the shadow can reach: clip the rectangle of cell centres.
        let (x0, x1) = (self.xs[0] - rho, self.xs[grid.cols - 1] + rho);
        let (y0, y1) = (self.ys[0] - rho, self.ys[grid.rows - 1] + rho);
        let mut a = [Point::default(); 8];
        let mut b = [Point::default(); 8];
        a[..4].copy_from_slice(&[
            Point::new(x0, y0),
            Point::new(x1, y0),
            Point::new(x1, y1),
            Point::new(x0, y1),
        ]);
        let mut n = 4;
        for h in &outer {
            n = clip(&a[..n], h, &mut b);
            if n == 0 {
                return;
            }
            std::mem::swap(&mut a, &mut b);
        }
        let (ymin, ymax) = a[..n]
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
                (lo.min(p.y), hi.max(p.y))
            });
        let outer_rows = outer.map(|h| RowClip::new(&h));
        let row = |y: f64| (y - grid.bbox.min.y) / grid.cell_m - 0.5;
        let top = grid.rows as f64;
        let first = ceil(row(ymin - rho).clamp(0.0, top)) as usize;
        let last = floor(row(ymax + rho).clamp(-1.0, top)).min(top - 1.0);
        if last < 0.0 {
            return;
        }
        for r in first..=last as usize {
            let y = self.ys[r];

            let (lo, hi) = row_interval(&outer_rows, y, true);
            if lo > hi || lo.is_nan() || hi.is_nan() {
                continue;
            }
            let (c0, c1) = columns(grid, lo, hi);
            if c0 > c1 {
                continue;
            }
            let (ilo, ihi) = if interior {
                row_interval(&inner, y, false)
            } else {
                (1.0, 0.0)
            };
            let (mut i0, mut i1) = if ilo <= ihi {
                columns(grid, ilo, ihi)
            } else {
                (c1 + 1, c1)
            };
            i0 = i0.max(c0);
            i1 = i1.min(c1);
            if i0 > i1 {
                self.uncertain(r, c0, c1, s, l, multi);
            } else {
                self.uncertain(r, c0, i0 - 1, s, l, multi);
                self.definite(r, i0 as usize, i1 as usize, l, multi);
                self.uncertain(r, i1 + 1, c1, s, l, multi);
            }
        }
    }

    /// Cells `c0..=c1` of `row` are certainly hit.
    #[inline]
    fn definite(&mut self, row: usize, c0: usize, c1: usize, l: f64, multi: bool) {
        let base = row * self.grid.cols;

        let span = base + c0..=base + c1;
        if multi {
            let epoch = self.epoch;
            for (v, st) in self.loss[span.clone()]
                .iter_mut()
                .zip(&mut self.stamp[span])
            {
                if *st != epoch {
                    *st = epoch;
                    *v += l;
                }
            }
        } else {
            for v in &mut self.loss[span] {
                *v += l;
            }
        }
    }

    /// Cells `c0..=c1` of `row` may be hit: ask the exact predicate.
    fn uncertain(&mut self, row: usize, c0: isize, c1: isize, s: &Segment, l: f64, multi: bool) {
        if c0 > c1 {
            return;
        }
        let y = self.ys[row];
        let base = row * self.grid.cols;
        for c in c0 as usize..=c1 as usize {
            let i = base + c;
            if multi && self.stamp[i] == self.epoch {
                continue;
            }

            if crosses(self.t, Point::new(self.xs[c], y), s) {
                if multi {
                    self.stamp[i] = self.epoch;
                }
                self.loss[i] += l;
            }
        }
    }
}
